/** Reading ranges for PB functions: flattened row by row, errors refused, text refused, empty cells as the caller says. */
import { pbError } from "../rules/errors";
import { isAbsent, isErrorValue, toNumber, type Matrix } from "./contract";

/**
 * Numbers of a range in row-major order. Empty cells count as 0 when `emptyAsZero` (aligned ranges keep their
 * positions), otherwise they are skipped.
 */
export function numbersOf(range: Matrix, name: string, emptyAsZero = true): number[] {
  const out: number[] = [];
  for (const row of range) {
    for (const v of row) {
      if (isErrorValue(v)) throw pbError("errorInRange", name, v.error);
      if (isAbsent(v)) {
        if (emptyAsZero) out.push(0);
        continue;
      }
      if (typeof v === "boolean") throw pbError("notANumber", name, v ? "WAAR" : "ONWAAR");
      out.push(toNumber(v, name));
    }
  }
  return out;
}

export function shapeOf(range: Matrix): [number, number] {
  return [range.length, range.reduce((w, r) => Math.max(w, r.length), 0)];
}

/** Put a flat row-major list back into the shape of `like`. */
export function reshapeLike<T>(flat: T[], like: Matrix): T[][] {
  const out: T[][] = [];
  let k = 0;
  for (const row of like) {
    out.push(row.map(() => flat[k++]));
  }
  return out;
}
