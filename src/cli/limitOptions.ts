/** The options that raise or lower the reader's limits (src/xlsx/limits.ts), shared by `pb recalc` and `pb check`. */
import { UsageError } from "./command";
import { DEFAULT_LIMITS, nl, type ReadLimits } from "../xlsx/limits";

/** --max-seconden and --max-geheugen-mb are taken by launch.ts (the worker's bounds); accepted here so that main() run in-process does not call them unknown. */
export const LIMIT_OPTIONS = { "max-mb": "value", "max-uitgepakt-mb": "value", "max-cellen": "value", "max-seconden": "value", "max-geheugen-mb": "value" } as const;

export const LIMIT_USAGE = [
  `  --max-mb N             grootste bestand dat wordt gelezen (standaard ${DEFAULT_LIMITS.maxFileBytes / 1e6} MB)`,
  `  --max-uitgepakt-mb N   grootste uitgepakte inhoud, geteld tijdens het uitpakken (standaard ${DEFAULT_LIMITS.maxUnpackedBytes / 1e6} MB)`,
  `  --max-cellen N         meeste gevulde cellen (standaard ${nl(DEFAULT_LIMITS.maxCells)})`,
  "  --max-seconden N       rekentijd in CPU-seconden (standaard 25, en 2,5 per MB boven 10 MB)",
  "  --max-geheugen-mb N    geheugen voor de berekening (standaard 1.200 MB)",
];

/** A positive number given as --name N, or undefined when not given; anything else is a usage error. */
export function positiveOption(options: Record<string, string | true>, name: string): number | undefined {
  const v = options[name];
  if (v === undefined) return undefined;
  const n = Number(v);
  if (typeof v !== "string" || !(n > 0) || !Number.isFinite(n)) throw new UsageError(`--${name} verwacht een positief getal, niet "${String(v)}".`);
  return n;
}

export function readLimitOptions(options: Record<string, string | true>): Partial<ReadLimits> {
  const mb = positiveOption(options, "max-mb");
  const unpacked = positiveOption(options, "max-uitgepakt-mb");
  const cells = positiveOption(options, "max-cellen");
  return {
    ...(mb !== undefined ? { maxFileBytes: mb * 1e6 } : {}),
    ...(unpacked !== undefined ? { maxUnpackedBytes: unpacked * 1e6 } : {}),
    ...(cells !== undefined ? { maxCells: Math.floor(cells) } : {}),
  };
}
