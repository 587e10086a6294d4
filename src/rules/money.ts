/**
 * Rounding. Money results are rounded once, at the end, to whole cents (half away from zero, as Excel's ROUND);
 * intermediate amounts keep full precision. `toPrecision(15)` first strips binary noise such as 862.0049999999999,
 * so that a decimal half rounds the way a person doing the sum by hand would.
 */
export function roundTo(x: number, step: number): number {
  if (!Number.isFinite(x)) return x;
  // Steps are decimal fractions (0,01, 0,05): dividing the whole units by the integer 1/step gives the double nearest
  // the decimal result (1596,56 rather than 159656 × 0,01 = 1596,5600000000002).
  const inverse = Math.round(1 / step);
  let units = Math.abs(x) * inverse;
  // toPrecision(15) moves a value by at most 5e-15 of itself, so it can only change the rounding of a value that close to
  // a half; only those pay for the string round trip.
  if (Math.abs(units - Math.floor(units) - 0.5) <= Math.max(units, 1) * 1e-12) units = Number(units.toPrecision(15));
  return (Math.sign(x) * Math.round(units)) / inverse;
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
