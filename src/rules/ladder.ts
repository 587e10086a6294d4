/**
 * Participatieladder: the six treden of participation (README.md §8; sources.md §8).
 * Not law: a VNG instrument (VNG/Regioplan, "De Participatieladder. Meten is weten", 2011; also described by
 * movisie.nl, klikwerkt.nl, arbeidsdeskundigen.nl, disk-eindhoven.nl). The Kadernota Participatie 2010 of Nuenen
 * (CVDR303620) links it to the participatiebudget. Kept here as a table, not as a versioned parameter.
 */
import { pbError } from "./errors";

export const RULE_VERSION_LADDER = "ladder/1";

export const LADDER: readonly { trede: number; naam: string; omschrijving: string }[] = [
  { trede: 1, naam: "Geïsoleerd", omschrijving: "Nauwelijks sociale contacten buitenshuis." },
  { trede: 2, naam: "Sociale contacten buitenshuis", omschrijving: "Minstens eens per week sociale contacten buitenshuis (familie, vrienden)." },
  {
    trede: 3,
    naam: "Deelname georganiseerde activiteiten",
    omschrijving: "Minstens eens per week deelname aan georganiseerde activiteiten (sportclub, cursus, dagbesteding), zonder verantwoordelijkheden.",
  },
  {
    trede: 4,
    naam: "Onbetaald werk",
    omschrijving: "Onbetaald werk met verantwoordelijkheden en minstens één fysiek contact per week (vrijwilligerswerk, stage, mantelzorg).",
  },
  {
    trede: 5,
    naam: "Betaald werk met ondersteuning",
    omschrijving: "Betaald werk met ondersteuning: participatie-instrumenten, aanvullende uitkering, Wsw, loonkostensubsidie of loondispensatie, jobcoach.",
  },
  { trede: 6, naam: "Betaald werk", omschrijving: "Betaald werk zonder ondersteuning (arbeidsovereenkomst of zelfstandige)." },
];

export function ladder(trede: number): string {
  const hit = LADDER.find((t) => t.trede === trede);
  if (!hit) throw pbError("outOfRange", "trede", trede, "een geheel getal van 1 tot en met 6");
  return hit.naam;
}
