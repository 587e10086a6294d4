/**
 * Wettelijk minimumloon on a date, for an age.
 * Implements: Wet minimumloon en minimumvakantiebijslag art. 7, 8 and 14; Minimumjeugdloonregeling art. 2.
 * Youth amounts are derived, not stored: adult amount × staffel percentage (art. 2 lid 1), rounded as art. 2 lid 2
 * prescribes (monthly amounts to € 0,05 until 2024, the hourly wage to € 0,01 from 2024, half up); the published youth
 * tables are kept as tests.
 */
import { param, type Trace } from "../parameters";
import type { Staffel } from "../parameters/types";
import { dutchDate, pbError } from "./errors";
import { roundTo } from "./money";
import type { IsoDate } from "./dates";

export const RULE_VERSION_WML = "wml/1";

export type WmlPeriode = "maand" | "uur";
export const WML_PERIODES: readonly WmlPeriode[] = ["maand", "uur"];

/** Fraction of the adult WML for this age on this date (1 for adults). */
export function wmlFraction(date: IsoDate, age: number | undefined, trace?: Trace): number {
  const adultAge = param<number>("wml.volwassenleeftijd", date, trace);
  if (age === undefined || age >= adultAge) return 1;
  const staffel = param<Staffel>("wml.jeugdstaffel", date, trace);
  // The youngest age with a minimum (youth) wage is the youngest age in the staffel.
  const youngest = Math.min(...Object.keys(staffel).map(Number));
  if (age < youngest) {
    throw pbError("outOfRange", "leeftijd", age, `${youngest} jaar of ouder (jonger dan ${youngest} geldt geen minimumloon)`);
  }
  const pct = staffel[String(age)];
  if (pct === undefined) throw pbError("invalid", "leeftijd", `geen jeugdloonpercentage voor ${age} jaar op ${dutchDate(date)}.`);
  return pct;
}

/** WML in euros: per month (statutory until 2023, reference amount from 2024) or per hour (from 2024). */
export function wml(date: IsoDate, age: number | undefined, periode: WmlPeriode = "maand", trace?: Trace): number {
  if (age !== undefined && (!Number.isInteger(age) || age < 0 || age > 150)) {
    throw pbError("outOfRange", "leeftijd", age, "een geheel aantal jaren, 15 of ouder");
  }
  const adult = param<number>(periode === "uur" ? "wml.uur" : "wml.maand", date, trace);
  const fraction = wmlFraction(date, age, trace);
  if (fraction === 1) return adult;
  const step = param<number>("wml.jeugdafronding", date, trace);
  return roundTo(adult * fraction, step);
}
