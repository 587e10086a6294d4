/**
 * Loonkostensubsidie (LKS) for one employee and one month, as determined on a date.
 * Implements: Participatiewet art. 10d lid 4 (formula, 70% cap, part-time), lid 5 (route without loonwaarde,
 * from 2017-02-01); Regeling LKS Pwet art. 1 / Regeling LKS Pwet 2021 art. 1 (werkgeverslasten);
 * Regeling LKS Pwet art. 4 lid 3 (loonwaarde rounded to whole percents).
 *
 *   basis = WML_maand(wml-datum, age) × (1 + vakantiebijslag)
 *   lks   = min(1 − LW, cap) × basis × (1 + werkgeverslasten) × uren / voltijd
 *
 * The wml-datum is the determination date itself, except for a re-determination on 1 January under the 2017–2022 text of
 * lid 7, which follows the WML "in het voorafgaande jaar" (src/rules/lksPeriod.ts).
 * The werkgeverslasten are added on top of the capped subsidy, as practice does; whether they also raise the cap is an
 * open legal question (sources.md §1.1, confidence M).
 * Part-time: until 2023 against the job's normale arbeidsduur (default 38 h), only downwards ("verminderd indien korter");
 * from 2024-01-01 against 36 h, up or down, and the hours that count are at most the full-time of comparable jobs
 * (`voltijduren`), also when that is under 36 (lid 4: "De overeengekomen arbeidsduur … is maximaal de arbeidsduur welke
 * in overeenkomstige dienstbetrekkingen in de regel geacht wordt een volledige dienstbetrekking te vormen").
 */
import { getParameter, param, type Trace } from "../parameters";
import type { Deeltijdregel } from "../parameters/types";
import { dutchDate, num, pbError } from "./errors";
import { roundCents } from "./money";
import { wml } from "./wml";
import type { IsoDate } from "./dates";

export const RULE_VERSION_LKS = "lks/2";

/** Hours in a week: a bound of the calendar, not of law. */
const MAX_HOURS_PER_WEEK = 168;

export interface LksInput {
  date: IsoDate;
  /** Loonwaarde as a fraction of WML, 0..1, whole percents. */
  loonwaarde: number;
  hoursPerWeek: number;
  age?: number;
  /** Before 2024: the job's normale arbeidsduur. From 2024: the full-time of comparable jobs (upper bound). */
  fulltimeHours?: number;
}

/** The bare arithmetic of art. 10d lid 4, without lookups: testable against worked examples. */
export function lksFormula(a: {
  basis: number;
  loonwaarde: number;
  cap: number;
  werkgeverslasten: number;
  hoursFactor: number;
}): number {
  return Math.min(1 - a.loonwaarde, a.cap) * a.basis * (1 + a.werkgeverslasten) * a.hoursFactor;
}

export function checkLoonwaarde(lw: number): void {
  if (!(lw >= 0 && lw <= 1)) throw pbError("outOfRange", "loonwaarde", lw, "een fractie van 0 tot en met 1 (60% = 0,6)");
  const pct = lw * 100;
  if (Math.abs(pct - Math.round(pct)) > 1e-7) {
    throw pbError("invalid", "loonwaarde", `${num(lw)} is geen heel percentage; de loonwaarde wordt op hele procenten afgerond (Regeling LKS Pwet art. 4 lid 3). Verwacht bijvoorbeeld 0,45.`);
  }
}

function checkHours(hours: number, name: string, allowZero: boolean): void {
  if (!(hours >= 0 && hours <= MAX_HOURS_PER_WEEK) || (!allowZero && hours === 0)) {
    throw pbError("outOfRange", name, hours, allowZero ? "0 tot en met 168 uur per week" : "meer dan 0 en ten hoogste 168 uur per week");
  }
}

/** Factor uren / voltijd per the part-time rule in force on `date`. */
export function hoursFactor(date: IsoDate, hours: number, fulltime: number | undefined, trace?: Trace): number {
  checkHours(hours, "uren_per_week", true);
  if (fulltime !== undefined) checkHours(fulltime, "voltijduren", false);
  const norm = param<number>("lks.normuren", date, trace);
  const regel = param<Deeltijdregel>("lks.deeltijdregel", date, trace);
  if (regel === "alleen-verminderen") {
    const voltijd = fulltime ?? norm;
    return Math.min(hours, voltijd) / voltijd;
  }
  if (hours > norm && fulltime === undefined) {
    // The law caps the increase at the full-time of comparable jobs, which only the user knows.
    throw pbError(
      "invalid",
      "uren_per_week",
      `${hours} uur is meer dan ${norm}; boven ${norm} uur telt de subsidie alleen tot de voltijd in vergelijkbare functies (Pwet art. 10d lid 4). Geef die voltijd op in het argument voltijduren`,
    );
  }
  if (fulltime === undefined) return hours / norm;
  // Sets up to 2026.11.4 let the full-time bound only the hours above 36; kept so that they reproduce their own figures.
  const cap = regel === "verminderen-of-vermeerderen" ? Math.max(fulltime, norm) : fulltime;
  return Math.min(hours, cap) / norm;
}

/**
 * #N/A for a date before the rule existed, said in the user's terms: without this the first lookup to fail names an
 * internal table ("Geen waarde voor lks.normuren"). The rule starts where its own parameter starts.
 */
export function checkRuleInForce(date: IsoDate, arg: string, parameter: "lks.cap" | "lks.forfaitair"): void {
  const first = getParameter(parameter).values[0].from;
  if (date >= first) return;
  const what =
    parameter === "lks.cap"
      ? "de loonkostensubsidie van de Participatiewet (art. 10d)"
      : "de loonkostensubsidie zonder loonwaardebepaling (Participatiewet art. 10d lid 5)";
  throw pbError("notApplicable", arg, `${dutchDate(date)} ligt vóór ${dutchDate(first)}; ${what} bestaat pas vanaf die datum`);
}

/** When an amount is determined, and on which date's WML (the same day, except a 1 January re-set of 2017–2022). */
export interface Determination {
  date: IsoDate;
  wmlDate: IsoDate;
}

/** Unrounded monthly LKS as determined on `at.date`; sums (periods, registers) add these and round once. */
export function lksDeterminedExact(at: Determination, input: Omit<LksInput, "date">, trace?: Trace): number {
  checkLoonwaarde(input.loonwaarde);
  const { date } = at;
  const factor = hoursFactor(date, input.hoursPerWeek, input.fulltimeHours, trace);
  const cap = param<number>("lks.cap", date, trace);
  const vb = param<number>("vakantiebijslag", date, trace);
  const wgl = param<number>("lks.werkgeverslasten", date, trace);
  const basis = wml(at.wmlDate, input.age, "maand", trace) * (1 + vb);
  return lksFormula({ basis, loonwaarde: input.loonwaarde, cap, werkgeverslasten: wgl, hoursFactor: factor });
}

/** Unrounded monthly LKS as determined on `input.date` (PB.LKS before rounding). */
export function lksMonthExact(input: LksInput, trace?: Trace): number {
  return lksDeterminedExact({ date: input.date, wmlDate: input.date }, input, trace);
}

/** LKS per month in euros, rounded to cents (the only rounding). */
export function lks(input: LksInput, trace?: Trace): number {
  checkRuleInForce(input.date, "peildatum", "lks.cap");
  return roundCents(lksMonthExact(input, trace));
}

/** Route without loonwaardebepaling (art. 10d lid 5): flat share of (WML + VB) plus werkgeverslasten. */
export function lksForfaitairExact(input: Omit<LksInput, "loonwaarde">, trace?: Trace): number {
  const { date } = input;
  const share = param<number>("lks.forfaitair", date, trace);
  const factor = hoursFactor(date, input.hoursPerWeek, input.fulltimeHours, trace);
  const vb = param<number>("vakantiebijslag", date, trace);
  const wgl = param<number>("lks.werkgeverslasten", date, trace);
  const basis = wml(date, input.age, "maand", trace) * (1 + vb);
  return share * basis * (1 + wgl) * factor;
}

export function lksForfaitair(input: Omit<LksInput, "loonwaarde">, trace?: Trace): number {
  checkRuleInForce(input.date, "peildatum", "lks.forfaitair");
  return roundCents(lksForfaitairExact(input, trace));
}
