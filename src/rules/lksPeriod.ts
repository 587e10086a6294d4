/**
 * LKS over a period. The subsidy is a decision: it is determined on the `ingangsdatum` (the start of the employment, or
 * the date of the last determination; default the begindatum) with the WML of that day, and re-set on the schedule of
 * Participatiewet art. 10d in force on each re-set date (parameter lks.herziening):
 *
 * - jaarlijks-na-aanvang (text of 2015-01-01, lid 5: "na aanvang van de dienstbetrekking jaarlijks"): every twelve
 *   months after the ingangsdatum, with the WML of that day;
 * - januari-ontwikkeling-voorafgaand-jaar (2017-02-01 to 2022, lid 7: "met ingang van 1 januari … in overeenstemming met
 *   de ontwikkeling van het wettelijk minimumloon in het voorafgaande jaar"): on 1 January, with the WML as it stood on
 *   31 December (the development during the preceding year; the 1 January increase itself follows a year later);
 * - januari-tot-en-met-januari (from 2023-01-01, lid 7: "in de periode van 1 januari van het voorafgaande kalenderjaar tot
 *   en met 1 januari van het kalenderjaar waarvoor de loonkostensubsidie opnieuw wordt vastgesteld"): on 1 January, with
 *   the WML of that 1 January.
 *
 * A re-set recomputes lid 4 with that WML and the percentages in force on the re-set date (werkgeverslasten, part-time
 * rule) rather than multiplying the old amount by an index: for an employment that started after 1 July the index of a
 * whole year would count the July increase twice. Between determinations the amount stays as it was, so the WML rise of
 * 1 July does not reach a running employment until the next 1 January.
 *
 * Each day of the period carries the monthly amount in force on it; a partial month counts pro rata by calendar days
 * (days in the month / days of the month). The total is rounded once, to cents. The age given holds for every
 * determination in the period. Art. 10d re-sets on 1 January, not on a birthday, so a new youth age counts from the next
 * re-set: split the period there and give the new age with the same ingangsdatum (or, where the college did decide
 * anew on the birthday, give the birthday as ingangsdatum).
 *
 * Sets released before lks.herziening existed (2026.11.4 and earlier) re-priced every calendar month with the parameters
 * of its first day; with such a set the period is computed that way, so that it reproduces its own figures.
 */
import { hasParameter, param, type Trace } from "../parameters";
import type { Herziening } from "../parameters/types";
import { addMonths, daysInMonth, isoToYmd, ymdToIso, type IsoDate } from "./dates";
import { dutchDate, pbError } from "./errors";
import { checkRuleInForce, lksDeterminedExact, lksMonthExact, type Determination, type LksInput } from "./lks";
import { roundCents } from "./money";

export interface LksPeriodInput extends Omit<LksInput, "date"> {
  start: IsoDate;
  end: IsoDate;
  /**
   * Start of the employment or of the last new determination (e.g. a new loonwaarde); default `start`. Never a 1 January
   * re-set: the re-sets follow from it, and under the 2017–2022 text a re-set takes the WML of 31 December.
   */
  ingangsdatum?: IsoDate;
}

export interface LksMonthPart {
  /** First day of the calendar month. */
  month: IsoDate;
  /** First day of this part (a month splits where a re-set falls inside it). */
  from: IsoDate;
  days: number;
  daysInMonth: number;
  /** The determination in force on these days (equal to `month` for sets without lks.herziening). */
  determined: IsoDate;
  monthly: number;
  amount: number;
}

function checkPeriod(input: LksPeriodInput): IsoDate {
  const { start, end } = input;
  if (end < start) throw pbError("invalid", "einddatum", `${dutchDate(end)} ligt vóór de begindatum ${dutchDate(start)}. Verwacht: een einddatum op of na de begindatum.`);
  const ingang = input.ingangsdatum ?? start;
  if (ingang > start) {
    throw pbError(
      "invalid",
      "ingangsdatum",
      `${dutchDate(ingang)} ligt na de begindatum ${dutchDate(start)}. Verwacht: de start van het dienstverband of van de laatste nieuwe vaststelling, op of vóór de begindatum`,
    );
  }
  return ingang;
}

/** Anniversaries of `ingang` (12, 24, … months later; 29 February → 28 February) up to and including `end`. */
function anniversaries(ingang: IsoDate, end: IsoDate): IsoDate[] {
  const out: IsoDate[] = [];
  for (let k = 1; ; k++) {
    const a = addMonths(ingang, 12 * k);
    if (a > end) return out;
    out.push(a);
  }
}

/** The determinations from `ingang` up to `end` (the first is the one on the ingangsdatum). */
export function lksDeterminations(ingang: IsoDate, end: IsoDate, trace?: Trace): Determination[] {
  const out: Determination[] = [{ date: ingang, wmlDate: ingang }];
  const yearly = new Set(anniversaries(ingang, end));
  const jan1s: IsoDate[] = [];
  for (let y = isoToYmd(ingang)[0] + 1; y <= isoToYmd(end)[0]; y++) jan1s.push(ymdToIso(y, 1, 1));
  // Which schedule applies is decided by the text in force on the candidate date itself.
  for (const c of [...new Set([...jan1s, ...yearly])].sort()) {
    const regime = param<Herziening>("lks.herziening", c, trace);
    const isJan1 = c.slice(5) === "01-01";
    switch (regime) {
      case "jaarlijks-na-aanvang":
        if (yearly.has(c)) out.push({ date: c, wmlDate: c });
        break;
      case "januari-ontwikkeling-voorafgaand-jaar":
        if (isJan1) out.push({ date: c, wmlDate: dayBefore(c) });
        break;
      case "januari-tot-en-met-januari":
        if (isJan1) out.push({ date: c, wmlDate: c });
        break;
      default:
        // The validator admits no other rule (src/parameters/validate.ts RULE_NAMES); a set that bypassed it must not
        // lose its re-sets without a word.
        throw new Error(`lks.herziening: onbekende regel ${String(regime satisfies never)}`);
    }
  }
  return out;
}

/** The day before an ISO date, without a Date object: this runs for every piece of every period. */
function dayBefore(iso: IsoDate): IsoDate {
  const [y, m, d] = isoToYmd(iso);
  if (d > 1) return ymdToIso(y, m, d - 1);
  return m > 1 ? ymdToIso(y, m - 1, daysInMonth(y, m - 1)) : ymdToIso(y - 1, 12, 31);
}

/** Split [from, to] into calendar-month pieces. */
function monthPieces(from: IsoDate, to: IsoDate): { month: IsoDate; from: IsoDate; days: number; daysInMonth: number }[] {
  const pieces = [];
  const [fy, fm, fd] = isoToYmd(from);
  const [ty, tm, td] = isoToYmd(to);
  for (let y = fy, m = fm; y < ty || (y === ty && m <= tm); m === 12 ? (y++, (m = 1)) : m++) {
    const dim = daysInMonth(y, m);
    const first = y === fy && m === fm ? fd : 1;
    const last = y === ty && m === tm ? td : dim;
    pieces.push({ month: ymdToIso(y, m, 1), from: ymdToIso(y, m, first), days: last - first + 1, daysInMonth: dim });
  }
  return pieces;
}

function legacyMonths(input: LksPeriodInput, trace?: Trace): LksMonthPart[] {
  return monthPieces(input.start, input.end).map((p) => {
    const monthly = lksMonthExact({ ...input, date: p.month }, trace);
    return { month: p.month, from: p.from, days: p.days, daysInMonth: p.daysInMonth, determined: p.month, monthly, amount: (monthly * p.days) / p.daysInMonth };
  });
}

export function lksPeriodMonths(input: LksPeriodInput, trace?: Trace): LksMonthPart[] {
  const ingang = checkPeriod(input);
  checkRuleInForce(ingang, input.ingangsdatum !== undefined ? "ingangsdatum" : "begindatum", "lks.cap");
  if (!hasParameter("lks.herziening")) return legacyMonths(input, trace);
  const all = lksDeterminations(ingang, input.end, trace);
  // Only the determination in force on the begindatum and those after it count.
  let first = 0;
  while (first + 1 < all.length && all[first + 1].date <= input.start) first++;
  const inForce = all.slice(first);
  const parts: LksMonthPart[] = [];
  for (let i = 0; i < inForce.length; i++) {
    const d = inForce[i];
    const from = d.date > input.start ? d.date : input.start;
    const next = i + 1 < inForce.length ? dayBefore(inForce[i + 1].date) : undefined;
    const to = next !== undefined && next < input.end ? next : input.end;
    const monthly = lksDeterminedExact(d, input, trace);
    for (const p of monthPieces(from, to)) {
      parts.push({ month: p.month, from: p.from, days: p.days, daysInMonth: p.daysInMonth, determined: d.date, monthly, amount: (monthly * p.days) / p.daysInMonth });
    }
  }
  return parts;
}

export function lksPeriod(input: LksPeriodInput, trace?: Trace): number {
  return roundCents(lksPeriodMonths(input, trace).reduce((s, p) => s + p.amount, 0));
}
