/**
 * Parameters as versioned data, the way OpenFisca keeps them: a named parameter, values keyed by valid-from date, a
 * unit, and a structured legal reference per value. The values themselves live in JSON files (src/parameters/data/,
 * one file per parameter) and are checked against src/parameters/schema.json by src/parameters/validate.ts.
 */
import type { RULE_NAMES } from "./validate";

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

export const UNITS = [
  "EUR/maand",
  "EUR/uur",
  "EUR",
  "fractie",
  "jaren",
  "uren/week",
  "maanden",
  "gewicht",
  "datum",
  "fractie per leeftijd",
  "regel",
] as const;
export type Unit = (typeof UNITS)[number];

/**
 * Why a table ends at `until`: the next value has not been published yet (a later date must say so), or the rule
 * itself lapsed (the Wet participatiebudget tables). Sets released before 2026.12.0 carry no reason.
 */
export type UntilReason = "unpublished" | "repealed";

/** A legal revision schedule that makes a missing value a gap: the WML is revised every 1 January and 1 July (WML art. 14). */
export type Schedule = "halfjaarlijks";

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
  untilReason?: UntilReason;
  schedule?: Schedule;
  /** Sorted by `from`, strictly ascending. */
  values: ParameterValue<T>[];
}

/** A whole parameter set as one document: how released sets are kept and how a user's own set is read. */
export interface ParameterSetData {
  version: string;
  parameters: Parameter[];
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

// ---- The shapes of structured values, as the rules read them. ----

/** wml.jeugdstaffel: fraction of the adult WML per age ("15" … "22"). */
export type Staffel = Readonly<Record<string, number>>;

/**
 * lks.deeltijdregel. "verminderen-of-vermeerderen" is how sets up to 2026.11.4 read the 2024 text (the full-time of
 * comparable jobs bounded only the hours above 36); "…-tot-voltijd" is the text: the hours that count are at most that
 * full-time, also when it is under 36.
 */
export type Deeltijdregel = (typeof RULE_NAMES)["lks.deeltijdregel"][number];

/** lks.herziening: when a running LKS is determined anew (Pwet art. 10d lid 5 in 2015, lid 7 from 2017-02-01). */
export type Herziening = (typeof RULE_NAMES)["lks.herziening"][number];

/** Deadlines are month-day within the stated year offset, kept as data so a change is one line. */
export interface Deadline {
  /** Years after the verantwoordingsjaar T (negative: before). */
  jaarOffset: number;
  maand: number;
  dag: number;
}

export interface SzwGewichten {
  bijstandsontvangers: number;
  wwOntvangers: number;
  beroepsbevolking: number;
  kwalitatieveDiscrepantie: number;
}

export interface InburgeringSleutel {
  /** Weight of duale inburgerings-/taalkennisvoorzieningen against ordinary ones. */
  duaalGewicht: number;
  /** Share of the inburgering budget distributed on voorzieningen; the rest on exam output. */
  aandeelVoorzieningen: number;
  /** Fraction of the counts that counts when the data were not delivered via SiSa. */
  nietViaSisaFactor: number;
}

export interface EducatieSleutel {
  laagopgeleiden: number;
  allochtoon: number;
  trajectenRoc: number;
  nt2Certificaten: number;
}

export interface DoelgroepLeeftijden {
  /** Minimum age of the target group (art. 1). */
  minimum: number;
  /** Re-integratie also from this age while kwalificatieplicht has not ended (art. 3 lid 3). */
  reintegratieVanaf: number;
  /** Leer-werktraject without startkwalificatie: up to (not including) this age (art. 3 lid 3). */
  leerwerkTot: number;
}
