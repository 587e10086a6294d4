/**
 * Meeneemregeling, voorfinanciering and terugvordering of the participatiebudget (README.md §4; sources.md §4).
 * Implements: Besluit participatiebudget art. 12 (reservering up to 25% of the toegekende budget; 31,25% in 2009 for
 * the municipalities of Wpb art. 13; voorfinanciering of an overspend up to 25%), Wet participatiebudget art. 4 lid 2
 * (the part not spent, or spent onrechtmatig, is reclaimed) and lid 4 (the AMvB may exempt part of the unspent money:
 * the legal basis of art. 12 Bpb).
 *
 *   reservering      = MIN(MAX(budget − besteding, 0), pct × budget)
 *   voorfinanciering = MIN(MAX(besteding − budget, 0), pct × budget)
 *   rechtmatig       = besteding − onrechtmatig
 *   terugvordering   = MAX(budget − rechtmatig − reservering(budget, besteding), 0)
 *
 * Identity (tested): rechtmatig + reservering + terugvordering = MAX(budget, rechtmatig).
 * The reservering comes only from money that was really left unspent (budget − besteding); onrechtmatig spending is
 * reclaimed in full (Wpb art. 4 lid 2: "niet of onrechtmatig besteed" is teruggevorderd; CRvB 2014:1506 treats
 * onzekerheden the same). It never feeds the meeneemregeling.
 * Art. 12 lid 3: in 2009 both percentages are 31,25 for the colleges of Wpb art. 13.
 * Parameters are looked up on 1 January of the year; the WPB tables end on 2015-01-01 (#N/A afterwards).
 * Amounts are rounded to cents at the end; the terugvordering is the onderbesteding in cents minus the reservering in cents.
 */
import { param, type Trace } from "../parameters";
import { jan1 } from "./calendar";
import { pbError } from "./errors";
import { fromCents, roundCents, toCents } from "./money";

export const RULE_VERSION_MEENEEM = "meeneem/1";

export interface MeeneemInput {
  budget: number;
  besteding: number;
  jaar: number;
  /** Municipality of Wpb art. 13 (BDU-SIV): 31,25% in 2009. */
  art13?: boolean;
}

function checkAmounts(budget: number, besteding: number): void {
  if (budget < 0) throw pbError("outOfRange", "budget", budget, "0 of meer");
  if (besteding < 0) throw pbError("outOfRange", "besteding", besteding, "0 of meer");
}

/** The reservering percentage in force on 1 January of `jaar`. */
export function reserveringPct(jaar: number, art13: boolean, trace?: Trace): number {
  return param<number>(art13 ? "meeneem.reservering.art13" : "meeneem.reservering", jan1(jaar), trace);
}

export function reserveringExact(x: MeeneemInput, trace?: Trace): number {
  checkAmounts(x.budget, x.besteding);
  const pct = reserveringPct(x.jaar, x.art13 ?? false, trace);
  return Math.min(Math.max(x.budget - x.besteding, 0), pct * x.budget);
}

/** PB.MEENEEM: the part of an underspend that may be reserved for year T+1. */
export function meeneem(x: MeeneemInput, trace?: Trace): number {
  return roundCents(reserveringExact(x, trace));
}

/** PB.VOORFINANCIERING: the part of an overspend that may be charged to the budget of year T+1. */
export function voorfinanciering(x: MeeneemInput, trace?: Trace): number {
  checkAmounts(x.budget, x.besteding);
  const pct = param<number>(x.art13 ? "meeneem.voorfinanciering.art13" : "meeneem.voorfinanciering", jan1(x.jaar), trace);
  return roundCents(Math.min(Math.max(x.besteding - x.budget, 0), pct * x.budget));
}

export interface TerugvorderingInput extends MeeneemInput {
  /** Part of the besteding that was onrechtmatig (also: onzekerheden above the rapporteringsgrens, CRvB 2014:1506). */
  onrechtmatig?: number;
}

export interface TerugvorderingDetail {
  rechtmatig: number;
  onderbesteding: number;
  reservering: number;
  terugvordering: number;
}

/** Unrounded parts of the terugvordering. */
export function terugvorderingDetail(x: TerugvorderingInput, trace?: Trace): TerugvorderingDetail {
  checkAmounts(x.budget, x.besteding);
  const onr = x.onrechtmatig ?? 0;
  if (onr < 0) throw pbError("outOfRange", "onrechtmatig", onr, "0 of meer");
  if (onr > x.besteding) {
    throw pbError(
      "invalid",
      "onrechtmatig",
      `${onr} is groter dan de besteding ${x.besteding}. Verwacht: het onrechtmatig bestede deel van de besteding (ten hoogste de besteding)`,
    );
  }
  const rechtmatig = x.besteding - onr;
  const reservering = reserveringExact(x, trace);
  const onderbesteding = x.budget - rechtmatig;
  return { rechtmatig, onderbesteding, reservering, terugvordering: Math.max(onderbesteding - reservering, 0) };
}

/**
 * PB.TERUGVORDERING: what the Rijk reclaims (Wpb art. 4 lid 2; Bpb art. 12). The onderbesteding and the reservering are
 * amounts in whole cents (as reported in SiSa); the terugvordering is their difference, so that
 * rechtmatig + reservering + terugvordering = MAX(budget, rechtmatig) holds to the cent.
 */
export function terugvordering(x: TerugvorderingInput, trace?: Trace): number {
  const d = terugvorderingDetail(x, trace);
  return fromCents(Math.max(toCents(d.onderbesteding) - toCents(d.reservering), 0));
}
