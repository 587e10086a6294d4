/**
 * Sharing a total over keys in whole cents that add up exactly to the total (largest remainder method, Hamilton).
 * Used for cost sharing inside a gemeenschappelijke regeling by an agreed verdeelsleutel (README.md §6): every
 * municipality accounts individually, so the parts must add up to the cent.
 *
 *   exactᵢ = |totaal in centen| × sleutelᵢ / Σ sleutel
 *   deelᵢ  = ⌊exactᵢ⌋, and the cents left over go one each to the largest remainders exactᵢ − ⌊exactᵢ⌋;
 *            equal remainders: the earlier position first.
 * A negative total is shared as its absolute value and negated (symmetric).
 */
import { pbError } from "./errors";
import { toCents } from "./money";

export const RULE_VERSION_VERDEELSLEUTEL = "verdeelsleutel/1";

/** Remainders closer than this count as equal (binary noise in exactᵢ), so the earlier position wins. */
const TIE_EPSILON = 1e-9;

/** Largest-remainder shares in whole cents; Σ result = toCents(totaal) exactly. */
export function verdeelCenten(totaalCenten: number, sleutels: readonly number[]): number[] {
  if (sleutels.length === 0) throw pbError("emptyRange", "sleutels");
  sleutels.forEach((k, i) => {
    if (k < 0) throw pbError("negativeInRange", "sleutels", i + 1, k);
  });
  const max = Math.max(...sleutels);
  if (max === 0) throw pbError("allZero", "sleutels");
  // Scale the keys into [0, 1] first: t × k / Σk then cannot overflow, whatever the size of the keys (1e308 included).
  const scaled = sleutels.map((k) => k / max);
  const som = scaled.reduce((s, k) => s + k, 0);
  const sign = totaalCenten < 0 ? -1 : 1;
  const t = Math.abs(totaalCenten);
  const exact = scaled.map((k) => t * (k / som));
  const parts = exact.map((x) => Math.floor(x));
  const rest = exact.map((x, i) => x - parts[i]);
  let left = t - parts.reduce((s, x) => s + x, 0);
  const order = sleutels
    .map((_, i) => i)
    .filter((i) => sleutels[i] > 0)
    .sort((a, b) => (Math.abs(rest[a] - rest[b]) <= TIE_EPSILON ? a - b : rest[b] - rest[a]));
  // Mathematically 0 ≤ left < number of positive keys; the loops also absorb binary noise either way.
  if (!Number.isSafeInteger(left) || Math.abs(left) > sleutels.length) {
    throw pbError("invalid", "sleutels", "de verdeling gaat niet op in hele centen (getallen te groot of te klein). Verwacht: gewone verdeelsleutels.");
  }
  for (let j = 0; left > 0; j = (j + 1) % order.length, left--) parts[order[j]] += 1;
  for (let j = order.length - 1; left < 0; j = (j - 1 + order.length) % order.length) {
    if (parts[order[j]] > 0) {
      parts[order[j]] -= 1;
      left++;
    }
  }
  return parts.map((c) => (c === 0 ? 0 : sign * c));
}

/** PB.VERDEELSLEUTEL: shares in euros (whole cents), in the order of the keys. */
export function verdeelsleutel(totaal: number, sleutels: readonly number[]): number[] {
  return verdeelCenten(toCents(totaal), sleutels).map((c) => c / 100);
}
