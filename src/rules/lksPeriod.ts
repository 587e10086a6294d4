/**
 * LKS over a period, month by month. Each calendar month uses the parameters in force on its first day (WML and
 * percentages change only on 1 January and 1 July). A partial month counts pro rata by calendar days:
 * LKS_month × (days of the period in that month / days in that month). The total is rounded once, to cents.
 * The age is taken as given for the whole period; split the period at a birthday that changes the youth wage.
 */
import type { Trace } from "../parameters";
import { daysInMonth, isoToYmd, ymdToIso, type IsoDate } from "./dates";
import { pbError } from "./errors";
import { lksMonthExact, type LksInput } from "./lks";
import { roundCents } from "./money";

export interface LksPeriodInput extends Omit<LksInput, "date"> {
  start: IsoDate;
  end: IsoDate;
}

export interface LksMonthPart {
  month: IsoDate;
  days: number;
  daysInMonth: number;
  monthly: number;
  amount: number;
}

export function lksPeriodMonths(input: LksPeriodInput, trace?: Trace): LksMonthPart[] {
  const { start, end } = input;
  if (end < start) throw pbError("invalid", "einddatum", `${end} ligt vóór de begindatum ${start}. Verwacht: een einddatum op of na de begindatum`);
  const [sy, sm] = isoToYmd(start);
  const [ey, em] = isoToYmd(end);
  const parts: LksMonthPart[] = [];
  for (let y = sy, m = sm; y < ey || (y === ey && m <= em); m === 12 ? (y++, (m = 1)) : m++) {
    const dim = daysInMonth(y, m);
    const first = ymdToIso(y, m, 1);
    const from = y === sy && m === sm ? isoToYmd(start)[2] : 1;
    const to = y === ey && m === em ? isoToYmd(end)[2] : dim;
    const monthly = lksMonthExact({ ...input, date: first }, trace);
    const days = to - from + 1;
    parts.push({ month: first, days, daysInMonth: dim, monthly, amount: (monthly * days) / dim });
  }
  return parts;
}

export function lksPeriod(input: LksPeriodInput, trace?: Trace): number {
  return roundCents(lksPeriodMonths(input, trace).reduce((s, p) => s + p.amount, 0));
}
