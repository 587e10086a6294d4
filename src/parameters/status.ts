/**
 * How far each table reaches: what `pb parameters` lists and the task pane's Status panel shows. A table whose next
 * value is not published yet is worth a warning well before it runs out, because from its end every figure that needs it
 * is #N/A until a newer release adds the value.
 */
import { activeParameterSet, type ParameterSet } from ".";
import type { Unit, UntilReason } from "./types";

/** Warn this many days (or fewer) before a table that awaits its next value ends. */
export const WARN_DAYS = 60;

export interface TableStatus {
  name: string;
  unit: Unit;
  firstFrom: string;
  lastFrom: string;
  /** Last day with a value; absent for an open-ended table. */
  lastDay?: string;
  untilReason?: UntilReason;
  /** Days from `today` to the last day with a value (0: today is the last; negative: ended); only for tables that await a value. */
  daysLeft?: number;
  warn: boolean;
}

function dayNumber(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number);
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

function isoOfDay(n: number): string {
  return new Date(n * 86_400_000).toISOString().slice(0, 10);
}

export function tableStatus(today: string, set: ParameterSet = activeParameterSet()): TableStatus[] {
  return set.names.map((name) => {
    const p = set.parameters.get(name)!;
    const status: TableStatus = {
      name,
      unit: p.unit,
      firstFrom: p.values[0].from,
      lastFrom: p.values[p.values.length - 1].from,
      warn: false,
    };
    if (p.until === undefined) return status;
    status.lastDay = isoOfDay(dayNumber(p.until) - 1);
    if (p.untilReason !== undefined) status.untilReason = p.untilReason;
    // A lapsed regulation ends for good; a table that awaits its next value gets a countdown, and a warning from 60 days
    // before its end on (also once it has ended). Sets released before 2026.12.0 do not say why a table ends: those warn
    // only ahead of an end, not for the WPB tables that ended in 2015.
    if (p.untilReason !== "repealed") {
      const left = dayNumber(p.until) - 1 - dayNumber(today);
      status.daysLeft = left;
      status.warn = p.untilReason === "unpublished" ? left <= WARN_DAYS : left >= 0 && left <= WARN_DAYS;
    }
    return status;
  });
}

/** "2026-12-31" → "31-12-2026", as Dutch users write dates. */
export function nlDate(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return `${d}-${m}-${y}`;
}

/** The Status panel's line: "bekend tot en met 31-12-2026", with a warning from 60 days before that day. */
export function minimumWageStatus(today: string, set: ParameterSet = activeParameterSet()): string {
  const t = tableStatus(today, set).find((s) => s.name === "wml.maand");
  if (!t || t.lastDay === undefined) return "bekend zonder einddatum";
  const base = `bekend tot en met ${nlDate(t.lastDay)}`;
  if (!t.warn || t.daysLeft === undefined) return base;
  if (t.daysLeft < 0) return `${base}: verlopen; een berekening voor een latere datum geeft #N/A tot een nieuwere versie van PB Rekenkit het bedrag bevat`;
  return `${base}: nog ${t.daysLeft} dag${t.daysLeft === 1 ? "" : "en"}; daarna #N/A tot een nieuwere versie van PB Rekenkit het bedrag bevat`;
}
