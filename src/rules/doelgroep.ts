/**
 * Doelgroep of the Wet participatiebudget (sources.md §7; regelrecht-corpus wet_participatiebudget/2013-07-01).
 * Implements:
 * - Wpb art. 1 (doelgroep): persons of 18 years and older, and persons of 17 years or younger who have satisfied the
 *   kwalificatieplicht or have an exemption (vrijstelling) from it;
 * - Wpb art. 3: educatie only for persons of 18 and older;
 * - Wpb art. 3 lid 3: re-integratievoorzieningen also for 16- and 17-year-olds whose leerplicht or kwalificatieplicht has not
 *   ended, "ten aanzien van wie het college van oordeel is dat een leer-werktraject geboden is". That judgement is the
 *   college's, so it is an argument; without it the answer for such a 16- or 17-year-old is unknown and the function says
 *   so rather than guess. (The 18–27-year-olds in a leer-werktraject of lid 3 are 18+ and so already in the doelgroep.)
 * Ages come from parameter doelgroep.leeftijd, looked up on the peildatum (the WPB table runs 2009–2014).
 * Nationality / lawful residence (art. 1: Nederlanders and vreemdelingen of Vw 2000 art. 8 a–e, l) is not checked here.
 */
import { param, type Trace } from "../parameters";
import type { DoelgroepLeeftijden } from "../parameters/types";
import { ageOn, type IsoDate } from "./dates";
import { pbError } from "./errors";

export const RULE_VERSION_DOELGROEP = "doelgroep/2";

export const DOELGROEP_SOORTEN = ["algemeen", "educatie", "re-integratie"] as const;
export type DoelgroepSoort = (typeof DOELGROEP_SOORTEN)[number];

export interface DoelgroepInput {
  geboortedatum: IsoDate;
  peildatum: IsoDate;
  /** Kwalificatieplicht satisfied, or exempt from it. Default false. */
  kwalificatieplichtVoldaan?: boolean;
  soort?: DoelgroepSoort;
  /** The college judges a leer-werktraject called for (art. 3 lid 3); needed for a 16/17-year-old under re-integratie. */
  leerwerktraject?: boolean;
}

export function doelgroep(x: DoelgroepInput, trace?: Trace): boolean {
  if (x.geboortedatum > x.peildatum) {
    throw pbError(
      "invalid",
      "geboortedatum",
      `${x.geboortedatum} ligt na de peildatum ${x.peildatum}. Verwacht: een geboortedatum op of vóór de peildatum`,
    );
  }
  const grens = param<DoelgroepLeeftijden>("doelgroep.leeftijd", x.peildatum, trace);
  const age = ageOn(x.geboortedatum, x.peildatum);
  const voldaan = x.kwalificatieplichtVoldaan ?? false;
  const algemeen = age >= grens.minimum || voldaan;
  switch (x.soort ?? "algemeen") {
    case "algemeen":
      return algemeen;
    case "educatie":
      return age >= grens.minimum;
    case "re-integratie": {
      if (algemeen) return true;
      if (age < grens.reintegratieVanaf || age >= grens.minimum || voldaan) return false;
      if (x.leerwerktraject === undefined) {
        throw pbError(
          "invalid",
          "leerwerktraject",
          `voor ${age} jaar hangt re-integratie af van het oordeel van het college dat een leer-werktraject geboden is (Wpb art. 3 lid 3). Verwacht: WAAR of ONWAAR`,
        );
      }
      return x.leerwerktraject;
    }
  }
}
