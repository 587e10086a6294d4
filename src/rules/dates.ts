/**
 * Calendar dates as ISO text ("2024-07-01") inside the rules: they compare as strings and read well in receipts.
 * Excel serials are converted at the edge. Serial 61 = 1900-03-01; Excel's phantom 1900-02-29 (serial 60) lies before
 * every parameter table, so the 1900 leap-year bug never reaches a rule.
 */

const MS_PER_DAY = 86_400_000;
/** Excel serial 0 corresponds to 1899-12-30 for every serial >= 61. */
const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);

export type IsoDate = string;

/**
 * A workbook's date system: 1900 (Excel's default) or 1904 (old Mac workbooks, `<workbookPr date1904="1"/>`). In the
 * 1904 system serial 0 is 1904-01-01, so the same day has a serial 1462 lower. Every serial that enters or leaves the
 * rules goes through the two functions below with the workbook's system.
 */
export type DateSystem = 1900 | 1904;
export const DATE1904_OFFSET = 1462;

export function isValidYmd(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
  return d <= daysInMonth(y, m);
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function ymdToIso(y: number, m: number, d: number): IsoDate {
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

export function isoToYmd(iso: IsoDate): [number, number, number] {
  return [Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10))];
}

/**
 * Excel serial (time of day ignored) to ISO date; undefined when the serial is not a date Excel can show (from
 * 1900-03-01 in the 1900 system, from 1904-01-01 in the 1904 system).
 */
export function serialToIso(serial: number, system: DateSystem = 1900): IsoDate | undefined {
  if (!Number.isFinite(serial)) return undefined;
  let day = Math.floor(serial);
  if (system === 1904) {
    if (day < 0) return undefined;
    day += DATE1904_OFFSET;
  }
  if (day < 61 || day > 2_958_465) return undefined; // 2958465 = 9999-12-31
  const d = new Date(EXCEL_EPOCH_UTC + day * MS_PER_DAY);
  return ymdToIso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export function isoToSerial(iso: IsoDate, system: DateSystem = 1900): number {
  const [y, m, d] = isoToYmd(iso);
  const serial = Math.round((Date.UTC(y, m - 1, d) - EXCEL_EPOCH_UTC) / MS_PER_DAY);
  return system === 1904 ? serial - DATE1904_OFFSET : serial;
}

const ISO_RE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const NL_RE = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/;

/** Parse "2024-07-01" or the Dutch "1-7-2024" / "01/07/2024"; undefined when it is not a real calendar date. */
export function parseDateText(text: string): IsoDate | undefined {
  const t = text.trim();
  let m = ISO_RE.exec(t);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return isValidYmd(y, mo, d) ? ymdToIso(y, mo, d) : undefined;
  }
  m = NL_RE.exec(t);
  if (m) {
    const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return isValidYmd(y, mo, d) ? ymdToIso(y, mo, d) : undefined;
  }
  return undefined;
}

export function addDays(iso: IsoDate, days: number): IsoDate {
  const [y, m, d] = isoToYmd(iso);
  const t = new Date(Date.UTC(y, m - 1, d) + days * MS_PER_DAY);
  return ymdToIso(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** Whole years between birth date and peildatum, birthdays counted on the calendar day (29 Feb → 1 Mar in other years). */
export function ageOn(birth: IsoDate, on: IsoDate): number {
  const [by, bm, bd] = isoToYmd(birth);
  const [y, m, d] = isoToYmd(on);
  let age = y - by;
  if (m < bm || (m === bm && d < bd)) age -= 1;
  return age;
}

/** Add whole months, clamping to the month's last day (as Excel's EDATE does). */
export function addMonths(iso: IsoDate, months: number): IsoDate {
  const [y, m, d] = isoToYmd(iso);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  return ymdToIso(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

/** A UTC JS Date (as ExcelJS gives date-formatted cells) to an Excel serial, time of day kept as a fraction. */
export function utcDateToSerial(d: Date): number {
  return (d.getTime() - EXCEL_EPOCH_UTC) / MS_PER_DAY;
}
