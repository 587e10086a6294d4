/**
 * The WPB calendar (README.md §6; sources.md §6): deadlines of year T and the output lag between the year whose output
 * is counted and the budget year it distributes.
 *
 * Deadlines (parameters deadline.* and terugvordering.*, looked up on 1 January of T):
 * - sisa            15 July T+1      SiSa annex to CBS (Fvw art. 17a; Regeling informatieverstrekking sisa art. 2)
 * - sisa-gr         15 July T+1      a gemeenschappelijke regeling to its municipalities (Regeling sisa bijlage 3)
 * - beeld           28 February T+1  beeld van de uitvoering; missing it suspends payment (Regeling participatiebudget art. 1, 1a)
 * - vaststelling    30 September T−1 the budget of T is set "in september" of T−1 (Wpb art. 2 lid 2); last day of the month
 * - terugvordering  end of T + 13 months = 31 January T+2 (Wpb art. 4 lid 3): no verantwoording by then → all is reclaimed
 * - terugvordering-gr  end of T + 25 months = 31 January T+3 (Wpb art. 4 lid 3 jo. art. 6)
 * Participatiewet (2015–):
 * - buig            1 October T−1    the BUIG budget of T is made known at least three months before T (Pwet art. 69 lid 4)
 * - sisa-buig       15 August T+1    SiSa data over T known by then feed the BUIG distribution of T+2 (Besluit Participatiewet)
 * Output lag (verdeling.outputlag, Bpb art. 4 and 9): the output of year t − 2 distributes the budget of year t.
 */
import { getParameter, param, type Trace } from "../parameters";
import type { Deadline } from "../parameters/types";
import { addMonths, ymdToIso, type IsoDate } from "./dates";
import { PbError, pbError } from "./errors";

export const RULE_VERSION_CALENDAR = "kalender/1";

/** 1 January of a year: the date on which a year's parameters are looked up. */
export function jan1(year: number): IsoDate {
  return `${String(year).padStart(4, "0")}-01-01`;
}

export const DEADLINE_SOORTEN = ["sisa", "sisa-gr", "beeld", "vaststelling", "terugvordering", "terugvordering-gr", "buig", "sisa-buig"] as const;

/** The kinds that belong to each regime (the Kalender shows a year's own terms). */
export const WPB_SOORTEN: readonly DeadlineSoort[] = ["sisa", "sisa-gr", "beeld", "vaststelling", "terugvordering", "terugvordering-gr"];
export const PW_SOORTEN: readonly DeadlineSoort[] = ["buig", "sisa", "sisa-gr", "sisa-buig"];
export type DeadlineSoort = (typeof DEADLINE_SOORTEN)[number];

const DEADLINE_PARAM: Record<Exclude<DeadlineSoort, "terugvordering" | "terugvordering-gr">, string> = {
  sisa: "deadline.sisa",
  "sisa-gr": "deadline.sisa.gr",
  beeld: "deadline.beeld",
  vaststelling: "deadline.vaststelling",
  buig: "deadline.buig",
  "sisa-buig": "deadline.sisa.buig",
};

/** The deadline of kind `soort` for year `jaar`, as an ISO date. */
export function deadline(jaar: number, soort: DeadlineSoort = "sisa", trace?: Trace): IsoDate {
  const on = jan1(jaar);
  if (soort === "terugvordering" || soort === "terugvordering-gr") {
    const months = param<number>(soort === "terugvordering" ? "terugvordering.termijn" : "terugvordering.termijn.gr", on, trace);
    return addMonths(ymdToIso(jaar, 12, 31), months);
  }
  const d = param<Deadline>(DEADLINE_PARAM[soort], on, trace);
  return ymdToIso(jaar + d.jaarOffset, d.maand, d.dag);
}

/** PB.OUTPUTJAAR: the year whose output distributes budget year `budgetjaar` (lag looked up on 1 January of it). */
export function outputjaar(budgetjaar: number, trace?: Trace): number {
  return budgetjaar - param<number>("verdeling.outputlag", jan1(budgetjaar), trace);
}

/**
 * PB.BUDGETJAAR: the budget year that the output of `outputjaar` distributes. The lag belongs to the budget year, so
 * the answer is the year b with b − lag(b) = outputjaar; #N/A when no budget year in the table fits.
 */
export function budgetjaar(outputjaarValue: number, trace?: Trace): number {
  const p = getParameter("verdeling.outputlag");
  const lags = [...new Set(p.values.map((v) => v.value as number))];
  for (const lag of lags) {
    const b = outputjaarValue + lag;
    try {
      if (param<number>("verdeling.outputlag", jan1(b)) === lag) {
        param<number>("verdeling.outputlag", jan1(b), trace);
        return b;
      }
    } catch (e) {
      // b lies outside the table: try the next lag.
      if (!(e instanceof PbError)) throw e;
    }
  }
  const first = Number(p.values[0].from.slice(0, 4));
  const lag = lags[0] ?? 0;
  // The table ends with the Wet participatiebudget (budget years 2009–2014): say so, both ways.
  const last = p.until !== undefined ? Number(p.until.slice(0, 4)) - 1 : undefined;
  const years = last !== undefined ? `budgetjaren ${first}–${last}` : `vanaf ${first}`;
  const expected = last !== undefined ? `een outputjaar van ${first - lag} tot en met ${last - lag}` : `een outputjaar vanaf ${first - lag}`;
  throw pbError(
    "notApplicable",
    `PB.BUDGETJAAR(${outputjaarValue})`,
    `geen budgetjaar in de tabel van verdeling.outputlag (${years}) verdeelt de output van ${outputjaarValue}. Verwacht: ${expected}.`,
  );
}
