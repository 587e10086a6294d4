/**
 * The declarative argument contract of every PB function — one per function, as HyperFormula's plugins keep it —
 * and the one coercion layer that both faces (Excel custom functions and the headless engine) run through.
 * No Office.js and no engine types here: values arrive as plain JS values.
 */
import { pbError, type ExcelErrorCode } from "../rules/errors";
import { parseDateText, serialToIso, type DateSystem, type IsoDate } from "../rules/dates";
import type { Trace } from "../parameters";

/** An error value inside an argument (an error cell passed in a range, as the engine hands it over). */
export interface ErrorValue {
  error: string;
  message?: string;
}

export type CellValue = number | string | boolean | null | undefined | ErrorValue;
export type Matrix = CellValue[][];
export type RawArg = CellValue | Matrix;

export type ArgType = "number" | "integer" | "date" | "text" | "boolean" | "range";

export interface ArgSpec {
  /** Same name as the parameter in the JSDoc of functions.ts (Dutch, snake_case). */
  name: string;
  type: ArgType;
  optional?: boolean;
  /** Inclusive bounds for number/integer arguments. */
  min?: number;
  max?: number;
  /** Allowed texts (compared case-insensitively; the canonical lower-case form is passed on). */
  choices?: readonly string[];
  /**
   * 0 counts as "not given". Excel desktop hands an empty cell to an `any` parameter as 0 (office-js #4702), Excel on
   * the web as null; for arguments where 0 is never a valid value (an age, full-time hours) both must mean "leeg".
   */
  zeroIsEmpty?: boolean;
}

export type ResultKind = "money" | "number" | "date" | "boolean" | "text" | "matrix";

export type ScalarResult = number | string | boolean;
export type FunctionResult = ScalarResult | ScalarResult[][];

export interface CallContext {
  /** When present, every parameter lookup is recorded here (the receipt). */
  trace?: Trace;
  /**
   * The date system of the workbook the call comes from (default 1900). Date serials in arguments are read, and date
   * results written, in this system; the add-in reads it from the workbook, the engine from `workbookPr date1904`.
   */
  dateSystem?: DateSystem;
}

/** Coerced argument values, in declaration order; `undefined` for an omitted optional argument. */
export type CoercedArgs = (number | string | boolean | IsoDate | Matrix | undefined)[];

export interface FunctionSpec {
  /** Frozen id, as in `@customfunction ID` and the manifest namespace: PB.<id>. */
  id: string;
  args: readonly ArgSpec[];
  result: ResultKind;
  /** The law this function implements, named beside it. */
  legalBasis: string;
  /** Parameters the function reads (PB.BRON-able), for the help panel. */
  parameters: readonly string[];
  /** Version of the rule implementation, recorded in receipts. */
  ruleVersion: string;
  /** A worked example formula (invariant syntax) for help and tests. */
  example: string;
  impl(args: CoercedArgs, ctx: CallContext): FunctionResult;
}

export function isErrorValue(v: unknown): v is ErrorValue {
  return typeof v === "object" && v !== null && !Array.isArray(v) && typeof (v as ErrorValue).error === "string";
}

/** An Excel error that comes out of a function: a PbError, or an input error passed through. */
export class PassThroughError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function isAbsent(v: unknown): boolean {
  return v === null || v === undefined || v === "";
}

function show(v: unknown): string {
  if (Array.isArray(v)) return "een bereik";
  if (typeof v === "boolean") return v ? "WAAR" : "ONWAAR";
  return String(v);
}

/** Dutch users type "0,6" in text cells; accept both decimal marks, and no thousands separators. */
const NUMERIC_TEXT = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?%?$/;
/** "1.000" or "2,155": a Dutch thousand or an English decimal (or the reverse). Guessing would be silently wrong. */
const AMBIGUOUS_THOUSANDS = /^[+-]?[1-9]\d{0,2}[.,]\d{3}$/;

export function toNumber(v: CellValue, name: string): number {
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw pbError("notANumber", name, show(v));
    return v;
  }
  if (typeof v === "string") {
    const t = v.trim();
    if (AMBIGUOUS_THOUSANDS.test(t)) throw pbError("ambiguousNumber", name, t);
    if (NUMERIC_TEXT.test(t)) {
      const pct = t.endsWith("%");
      const n = Number((pct ? t.slice(0, -1) : t).replace(",", "."));
      if (Number.isFinite(n)) return pct ? n / 100 : n;
    }
  }
  throw pbError("notANumber", name, show(v));
}

/** Serials 1900–2200 are days in 1905–1906: in practice a year typed where a date belongs. */
const LOOKS_LIKE_A_YEAR = (v: number) => Number.isInteger(v) && v >= 1900 && v <= 2200;

export function toDate(v: CellValue, name: string, system: DateSystem = 1900): IsoDate {
  if (typeof v === "number") {
    if (LOOKS_LIKE_A_YEAR(v)) throw pbError("yearNotDate", name, v);
    const iso = serialToIso(v, system);
    if (iso) return iso;
    throw pbError("notADate", name, show(v));
  }
  if (typeof v === "string") {
    const iso = parseDateText(v);
    if (iso) return iso;
  }
  throw pbError("notADate", name, show(v));
}

const TRUE_TEXT = new Set(["ja", "waar", "true", "j", "yes"]);
const FALSE_TEXT = new Set(["nee", "onwaar", "false", "n", "no"]);

export function toBoolean(v: CellValue, name: string): boolean {
  if (typeof v === "boolean") return v;
  if (v === 1 || v === 0) return v === 1;
  if (typeof v === "string") {
    const t = v.trim().toLowerCase();
    if (TRUE_TEXT.has(t)) return true;
    if (FALSE_TEXT.has(t)) return false;
  }
  throw pbError("notABoolean", name, show(v));
}

function coerceOne(spec: ArgSpec, raw: RawArg, system: DateSystem): CoercedArgs[number] {
  if (spec.type === "range") {
    if (Array.isArray(raw)) return raw.map((row) => (Array.isArray(row) ? row : [row])) as Matrix;
    if (isAbsent(raw)) {
      if (spec.optional) return undefined;
      throw pbError("missing", spec.name);
    }
    return [[raw as CellValue]];
  }
  // A scalar parameter given a 1×1 range (Excel hands those over as [[v]] for `any`) takes its single value.
  let v: RawArg = raw;
  if (Array.isArray(v)) {
    if (v.length === 1 && Array.isArray(v[0]) && v[0].length === 1) v = v[0][0];
    else throw pbError("multiCell", spec.name);
  }
  const value = v as CellValue;
  if (isErrorValue(value)) throw new PassThroughError(value.error, value.message ?? `${spec.name} bevat de fout ${value.error}.`);
  if (isAbsent(value) || (spec.zeroIsEmpty && value === 0)) {
    if (spec.optional) return undefined;
    throw pbError("missing", spec.name);
  }
  switch (spec.type) {
    case "number":
    case "integer": {
      const n = toNumber(value, spec.name);
      if (spec.type === "integer" && !Number.isInteger(n)) throw pbError("notInteger", spec.name, n);
      if ((spec.min !== undefined && n < spec.min) || (spec.max !== undefined && n > spec.max)) {
        const range =
          spec.min !== undefined && spec.max !== undefined
            ? `${spec.min} tot en met ${spec.max}`
            : spec.min !== undefined
              ? `${spec.min} of meer`
              : `ten hoogste ${spec.max}`;
        throw pbError("outOfRange", spec.name, n, range);
      }
      return n;
    }
    case "date":
      return toDate(value, spec.name, system);
    case "boolean":
      return toBoolean(value, spec.name);
    case "text": {
      if (typeof value !== "string") {
        if (spec.choices) throw pbError("choice", spec.name, show(value), spec.choices);
        return show(value);
      }
      const t = value.trim();
      if (spec.choices) {
        const hit = spec.choices.find((c) => c.toLowerCase() === t.toLowerCase());
        if (!hit) throw pbError("choice", spec.name, t, spec.choices);
        return hit;
      }
      return t;
    }
  }
}

export function coerceArgs(spec: FunctionSpec, raw: readonly RawArg[], system: DateSystem = 1900): CoercedArgs {
  return spec.args.map((a, i) => coerceOne(a, raw[i], system));
}

export type { ExcelErrorCode };
