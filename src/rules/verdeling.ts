/**
 * Distribution keys of the Wet participatiebudget (Besluit participatiebudget, BWBR0025044; README.md §5).
 *
 * Generic output allocation (every output key of the Bpb has this form):
 *
 *   aandeel = budget × Σ wᵢ · gemeenteᵢ / landelijkᵢ          (Σ wᵢ = 1)
 *
 * The concrete keys are this form with fixed terms and weights:
 * - Inburgering 2012 (Bpb art. 9, 10): 50% on voorzieningen (iv + 1,5·div), 50% on exam output
 *   ((epe + tgn + kns + prex)/4 + nt2); data of t−2; not delivered via SiSa → the municipality's counts count half.
 * - Educatie 2013–2014 (Bpb art. 4, 6): four terms of 25% (O, A, BV, C); not via SiSa → the output terms BV and C are 0.
 * - SZW part, re-integratie (Bpb art. 2; Regeling participatiebudget art. 2): (a·OW/OTW + (1−a)·KW/TKW) × TBW,
 *   not output-based; a = 0,67 (2009), 0,83 (2010), 1 (2011+).
 *
 * The national totals are taken as the user gives them (the Minister's published totals). When a municipality did not
 * deliver via SiSa, only its own counts are reduced here; the national totals are the published ones.
 * Money is rounded once, to cents, at the end.
 */
import { param, type Trace } from "../parameters";
import type { EducatieSleutel, InburgeringSleutel, SzwGewichten } from "../parameters/types";
import { jan1 } from "./calendar";
import { pbError } from "./errors";
import { roundCents } from "./money";

export const RULE_VERSION_VERDELING = "verdeling/1";

/** Tolerance for "the weights sum to 1". */
export const WEIGHT_TOLERANCE = 1e-9;

export interface OutputTerms {
  gemeente: readonly number[];
  landelijk: readonly number[];
  /** Weights per term; default equal (1/n). */
  gewichten?: readonly number[];
}

/** Counts of a municipality against the nation: equal sizes, no negatives, municipality ≤ nation (raw counts). */
export function checkCounts(gemeente: readonly number[], landelijk: readonly number[]): void {
  if (gemeente.length === 0) throw pbError("emptyRange", "gemeente");
  if (gemeente.length !== landelijk.length) throw pbError("unequalRanges", "gemeente", "landelijk", gemeente.length, landelijk.length);
  for (let i = 0; i < gemeente.length; i++) {
    if (gemeente[i] < 0) throw pbError("negativeInRange", "gemeente", i + 1, gemeente[i]);
    if (landelijk[i] < 0) throw pbError("negativeInRange", "landelijk", i + 1, landelijk[i]);
  }
  for (let i = 0; i < gemeente.length; i++) {
    if (gemeente[i] > landelijk[i]) throw pbError("aboveNational", `gemeente (positie ${i + 1})`, gemeente[i], `landelijk positie ${i + 1}`, landelijk[i]);
  }
}

/** Checks shared by every key: the counts (above), weights ≥ 0 summing to 1, nation > 0 where the weight counts. */
export function checkTerms({ gemeente, landelijk, gewichten }: OutputTerms): number[] {
  checkCounts(gemeente, landelijk);
  const n = gemeente.length;
  let w: number[];
  if (gewichten === undefined) {
    w = Array.from({ length: n }, () => 1 / n);
  } else {
    if (gewichten.length !== n) throw pbError("unequalRanges", "gemeente", "gewichten", n, gewichten.length);
    gewichten.forEach((x, i) => {
      if (x < 0) throw pbError("negativeInRange", "gewichten", i + 1, x);
    });
    const sum = gewichten.reduce((s, x) => s + x, 0);
    if (Math.abs(sum - 1) > WEIGHT_TOLERANCE) throw pbError("weightsNotOne", sum);
    w = [...gewichten];
  }
  for (let i = 0; i < n; i++) {
    // A term with weight 0 plays no part; its national total may be 0.
    if (w[i] !== 0 && landelijk[i] === 0) throw pbError("zeroNational", "landelijk", i + 1);
  }
  return w;
}

/** Σ wᵢ · gemeenteᵢ / landelijkᵢ, unrounded (the municipality's fraction of the budget). */
export function outputFraction(terms: OutputTerms): number {
  const w = checkTerms(terms);
  let f = 0;
  for (let i = 0; i < w.length; i++) {
    if (w[i] !== 0) f += (w[i] * terms.gemeente[i]) / terms.landelijk[i];
  }
  return f;
}

/** PB.OUTPUTALLOCATION: budget × Σ wᵢ · gemeenteᵢ / landelijkᵢ, in cents. */
export function outputAllocation(terms: OutputTerms, budget: number): number {
  return roundCents(budget * outputFraction(terms));
}

/** Order of the 7 inburgering counts (Bpb art. 9), as the user lays them out. */
export const INBURGERING_ORDER = ["iv", "div", "epe", "tgn", "kns", "prex", "nt2"] as const;
export const INBURGERING_LAYOUT = "iv, div, epe, tgn, kns, prex, nt2";

function checkSize(arg: string, v: readonly number[], n: number, layout: string): void {
  if (v.length !== n) throw pbError("wrongSize", arg, v.length, n, layout);
}

/** The two aggregated terms of art. 9: voorzieningen (iv + 1,5·div) and exam output ((epe+tgn+kns+prex)/4 + nt2). */
export function inburgeringTerms(c: readonly number[], duaalGewicht: number): [number, number] {
  const [iv, div, epe, tgn, kns, prex, nt2] = c;
  return [iv + duaalGewicht * div, (epe + tgn + kns + prex) / 4 + nt2];
}

/** PB.VERDEELINBURGERING: the inburgering part of budget year `budgetjaar` (2012 only). */
export function verdeelInburgering(
  gemeente: readonly number[],
  landelijk: readonly number[],
  budget: number,
  viaSisa: boolean,
  budgetjaar: number,
  trace?: Trace,
): number {
  checkSize("gemeente", gemeente, 7, INBURGERING_LAYOUT);
  checkSize("landelijk", landelijk, 7, INBURGERING_LAYOUT);
  const k = param<InburgeringSleutel>("verdeling.inburgering", jan1(budgetjaar), trace);
  // Validate the raw counts (sign, municipality ≤ nation) before aggregating them.
  checkCounts(gemeente, landelijk);
  const factor = viaSisa ? 1 : k.nietViaSisaFactor;
  const g = inburgeringTerms(gemeente, k.duaalGewicht).map((x) => x * factor);
  const n = inburgeringTerms(landelijk, k.duaalGewicht);
  if (n[0] === 0) throw pbError("zeroNational", "landelijk (voorzieningen: iv + 1,5 × div)", 1);
  if (n[1] === 0) throw pbError("zeroNational", "landelijk (examens: (epe + tgn + kns + prex)/4 + nt2)", 2);
  return outputAllocation({ gemeente: g, landelijk: n, gewichten: [k.aandeelVoorzieningen, 1 - k.aandeelVoorzieningen] }, budget);
}

export const EDUCATIE_LAYOUT = "O (laagopgeleiden), A (allochtone achtergrond), BV (educatietrajecten bij roc's), C (NT2-certificaten)";

/** PB.VERDEELEDUCATIE: the educatie part of budget year 2013 or 2014. */
export function verdeelEducatie(
  gemeente: readonly number[],
  landelijk: readonly number[],
  budget: number,
  viaSisa: boolean,
  budgetjaar: number,
  trace?: Trace,
): number {
  checkSize("gemeente", gemeente, 4, EDUCATIE_LAYOUT);
  checkSize("landelijk", landelijk, 4, EDUCATIE_LAYOUT);
  const k = param<EducatieSleutel>("verdeling.educatie", jan1(budgetjaar), trace);
  const w = [k.laagopgeleiden, k.allochtoon, k.trajectenRoc, k.nt2Certificaten];
  checkTerms({ gemeente, landelijk, gewichten: w });
  // Bpb art. 6: output data not delivered via SiSa → the output terms (BV, C) are 0 for this municipality.
  const g = viaSisa ? [...gemeente] : [gemeente[0], gemeente[1], 0, 0];
  return outputAllocation({ gemeente: g, landelijk, gewichten: w }, budget);
}

export interface SzwInput {
  ow: number;
  otw: number;
  kw: number;
  tkw: number;
  budget: number;
  budgetjaar: number;
}

/** PB.VERDEELSZW: (a·OW/OTW + (1−a)·KW/TKW) × TBW, a by budget year (Bpb art. 2, bijlage 1). */
export function verdeelSzw(x: SzwInput, trace?: Trace): number {
  const a = param<number>("verdeling.szw.a", jan1(x.budgetjaar), trace);
  for (const [name, v] of [["ow", x.ow], ["otw", x.otw], ["kw", x.kw], ["tkw", x.tkw]] as const) {
    if (v < 0) throw pbError("outOfRange", name, v, "0 of meer");
  }
  if (x.ow > x.otw) throw pbError("aboveNational", "ow", x.ow, "otw", x.otw);
  if (x.kw > x.tkw) throw pbError("aboveNational", "kw", x.kw, "tkw", x.tkw);
  if (a !== 0 && x.otw === 0) throw pbError("zeroNational", "otw", 1);
  if (a !== 1 && x.tkw === 0) throw pbError("zeroNational", "tkw", 1);
  return outputAllocation({ gemeente: [x.ow, x.kw], landelijk: [x.otw, x.tkw], gewichten: [a, 1 - a] }, x.budget);
}

export interface SzwMaatstaven {
  bijstand: number;
  ww: number;
  beroepsbevolking: number;
  kwalDiscrepantie: number;
}

/**
 * PB.SZWMAATSTAF: the objective measure of one municipality, max(0, Σ weight · maatstaf), with the weights of
 * Regeling participatiebudget art. 2 (bijstandsontvangers 1,62; WW −0,20; beroepsbevolking −0,01; kwalitatieve
 * discrepantie 0,31). Negative outcomes become 0. Not money: a measure, unrounded.
 */
export function szwMaatstaf(m: SzwMaatstaven, budgetjaar: number, trace?: Trace): number {
  const entries: [string, number][] = [
    ["bijstand", m.bijstand],
    ["ww", m.ww],
    ["beroepsbevolking", m.beroepsbevolking],
    ["kwal_discrepantie", m.kwalDiscrepantie],
  ];
  for (const [name, v] of entries) {
    if (v < 0) throw pbError("outOfRange", name, v, "0 of meer");
  }
  const w = param<SzwGewichten>("verdeling.szw.gewichten", jan1(budgetjaar), trace);
  const sum =
    w.bijstandsontvangers * m.bijstand +
    w.wwOntvangers * m.ww +
    w.beroepsbevolking * m.beroepsbevolking +
    w.kwalitatieveDiscrepantie * m.kwalDiscrepantie;
  return Math.max(0, sum);
}
