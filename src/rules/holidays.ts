/**
 * Weekends and algemeen erkende feestdagen of the Algemene termijnenwet (BWBR0002448): art. 3 lid 1 names
 * Nieuwjaarsdag, tweede Paas- en Pinksterdag, beide Kerstdagen, Hemelvaartsdag, the day the King's (before 2014 the
 * Queen's) birthday is celebrated and 5 mei; lid 2 adds Goede Vrijdag. Art. 1 lid 1: a term set by a wet that ends on
 * a Saturday, Sunday or such a feestdag runs until the next day that is none of these.
 * The calendar marks deadlines that fall on such a day; it does not move them (the law decides where art. 1 applies).
 */
import { addDays, isoToYmd, ymdToIso, type IsoDate } from "./dates";

/** Easter Sunday (Gregorian; the anonymous algorithm of Meeus/Jones/Butcher). */
export function easter(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return ymdToIso(year, month, day);
}

function weekdayOf(iso: IsoDate): number {
  const [y, m, d] = isoToYmd(iso);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** The day the monarch's birthday is celebrated: 30 April (Koninginnedag) until 2013, 27 April from 2014; a Sunday moves it a day back. */
function royalDay(year: number): { date: IsoDate; name: string } {
  const date = ymdToIso(year, 4, year <= 2013 ? 30 : 27);
  const name = year <= 2013 ? "Koninginnedag" : "Koningsdag";
  return { date: weekdayOf(date) === 0 ? addDays(date, -1) : date, name };
}

/** The feestdagen of art. 3 Atw in `year`, by date. */
export function feestdagen(year: number): Map<IsoDate, string> {
  const e = easter(year);
  const royal = royalDay(year);
  return new Map<IsoDate, string>([
    [ymdToIso(year, 1, 1), "Nieuwjaarsdag"],
    [addDays(e, -2), "Goede Vrijdag"],
    [addDays(e, 1), "tweede Paasdag"],
    [royal.date, royal.name],
    [ymdToIso(year, 5, 5), "Bevrijdingsdag (5 mei)"],
    [addDays(e, 39), "Hemelvaartsdag"],
    [addDays(e, 50), "tweede Pinksterdag"],
    [ymdToIso(year, 12, 25), "eerste Kerstdag"],
    [ymdToIso(year, 12, 26), "tweede Kerstdag"],
  ]);
}

/** Why `iso` is no working day in the sense of the Atw ("zaterdag", "tweede Paasdag"), or undefined for a working day. */
export function nonWorkingReason(iso: IsoDate): string | undefined {
  const wd = weekdayOf(iso);
  if (wd === 6) return "zaterdag";
  if (wd === 0) return "zondag";
  return feestdagen(isoToYmd(iso)[0]).get(iso);
}

/** The first working day on or after `iso` (Atw art. 1 lid 1). */
export function nextWorkingDay(iso: IsoDate): IsoDate {
  let d = iso;
  while (nonWorkingReason(d) !== undefined) d = addDays(d, 1);
  return d;
}
