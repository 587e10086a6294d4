/** Dutch display of dates and values in the pane (no locale data needed, so jsdom and every browser agree). */
import { serialToIso } from "../rules/dates";

const MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];
const DAYS = ["zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"];

/** "2025-07-15" → "dinsdag 15 juli 2025". */
export function longDate(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  const weekday = DAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()];
  return `${weekday} ${d} ${MONTHS[m - 1]} ${y}`;
}

export function serialToLongDate(serial: number): string | undefined {
  const iso = serialToIso(serial);
  return iso ? longDate(iso) : undefined;
}

/** Local date as ISO, the default peildatum of the help panel. */
export function todayIso(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

export function showValue(v: unknown): string {
  if (v === null || v === undefined || v === "") return "(leeg)";
  if (typeof v === "number") return v.toLocaleString("nl-NL", { maximumFractionDigits: 10 });
  if (typeof v === "boolean") return v ? "WAAR" : "ONWAAR";
  if (Array.isArray(v)) return `bereik ${v.length}×${(v[0] as unknown[] | undefined)?.length ?? 0}`;
  if (typeof v === "object" && typeof (v as { error?: unknown }).error === "string") {
    const e = v as { error: string; message?: string };
    return e.message ? `${e.error} ${e.message}` : e.error;
  }
  return String(v);
}

/** "2023-07-01" → "1-7-2023": dates in the pane as a Dutch user writes them. */
export function shortDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${Number(m[3])}-${Number(m[2])}-${m[1]}` : iso;
}

/** "zondag" for an ISO date. */
export function weekday(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return DAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()];
}
