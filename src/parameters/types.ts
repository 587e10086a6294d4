/**
 * Parameters as versioned data, the way OpenFisca keeps them: a named parameter, values keyed by
 * valid-from date, a unit, and a structured legal reference per value.
 */

/** H = legal text itself or two sources agree, M = one secondary source, L = unverified (sources.md). */
export type Confidence = "H" | "M" | "L";

export interface LegalSource {
  /** Regulation as cited, e.g. "Participatiewet" or "Regeling loonkostensubsidie Participatiewet". */
  regeling: string;
  /** Article (and lid), e.g. "art. 10d lid 4". */
  artikel?: string;
  /** Publication, e.g. "Stcrt. 2017, 68248". */
  publicatie?: string;
  /** BWB id on wetten.overheid.nl, e.g. "BWBR0015703". */
  bwb?: string;
  /** Link to the text on wetten.overheid.nl (or the publication). */
  url?: string;
  confidence: Confidence;
  /** Why the confidence is not H, or how a derived figure was derived. */
  note?: string;
}

export type Unit =
  | "EUR/maand"
  | "EUR/uur"
  | "EUR"
  | "fractie"
  | "jaren"
  | "uren/week"
  | "maanden"
  | "gewicht"
  | "datum"
  | "fractie per leeftijd"
  | "regel";

export interface ParameterValue<T> {
  /** Valid from (inclusive), ISO date. The value holds until the next value's `from`, or the parameter's `until`. */
  from: string;
  value: T;
  source: LegalSource;
}

export interface Parameter<T = unknown> {
  /** Stable dotted name, e.g. "wml.maand". Public: PB.PARAM uses it. */
  name: string;
  /** Dutch description for users and auditors. */
  description: string;
  unit: Unit;
  /** End of the table (exclusive), ISO date; absent means open-ended. */
  until?: string;
  /** Sorted by `from`, strictly ascending. */
  values: ParameterValue<T>[];
}

/** What a rule used, recorded for the auditor's receipt. */
export interface ParameterUse {
  name: string;
  value: unknown;
  from: string;
  until?: string;
  unit: Unit;
  source: LegalSource;
}
