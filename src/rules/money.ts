/**
 * Rounding. Money results are rounded once, at the end, to whole cents (half away from zero, as Excel's ROUND);
 * intermediate amounts keep full precision. `toPrecision(15)` first strips binary noise such as 862.0049999999999,
 * so that a decimal half rounds the way a person doing the sum by hand would.
 */
export function roundTo(x: number, step: number): number {
  if (!Number.isFinite(x)) return x;
  const units = Number((Math.abs(x) / step).toPrecision(15));
  // toFixed(10) folds 25531 * 0.05 = 1276.5500000000002 back to 1276.55.
  return Math.sign(x) * Number((Math.round(units) * step).toFixed(10));
}

export function roundCents(x: number): number {
  return roundTo(x, 0.01);
}

/** Euros to whole cents, for sums that must add up exactly. */
export function toCents(euros: number): number {
  return Math.sign(euros) * Math.round(Number((Math.abs(euros) * 100).toPrecision(15)));
}

export function fromCents(cents: number): number {
  return cents / 100;
}
