import type { Parameter, ParameterUse, ParameterValue } from "./types";
import { pbError } from "../rules/errors";
import * as wml from "./wml";
import * as lks from "./lks";
import * as wpb from "./wpb";
import * as pw from "./pw";
import { userCitation } from "./citation";

export type { Parameter, ParameterUse, ParameterValue, LegalSource, Confidence, Unit } from "./types";

/**
 * Semantic version of the parameter set: raise it with every change of a value or source.
 * The hash below changes by itself; the version says it was meant.
 */
export const PARAMETER_SET_VERSION = "2026.11.5";

const all = ([...Object.values(wml), ...Object.values(lks), ...Object.values(wpb), ...Object.values(pw)] as unknown[]).filter(
  (p): p is Parameter => typeof p === "object" && p !== null && "values" in p && "name" in p,
);

export const PARAMETERS: ReadonlyMap<string, Parameter> = new Map(all.map((p) => [p.name, p]));

export const PARAMETER_NAMES: readonly string[] = [...PARAMETERS.keys()].sort();

/** Collects what a computation looked up: the receipt an auditor keeps. */
export type Trace = ParameterUse[];

export function getParameter(name: string): Parameter {
  const p = PARAMETERS.get(name);
  if (!p) throw pbError("unknownParameter", name, PARAMETER_NAMES);
  return p;
}

/** The value in force on `date` (ISO), with its period; #N/A outside the table. */
export function lookupValue<T>(name: string, date: string): { entry: ParameterValue<T>; until?: string; param: Parameter<T> } {
  const param = getParameter(name) as Parameter<T>;
  const vs = param.values;
  if (date < vs[0].from || (param.until !== undefined && date >= param.until)) {
    throw pbError("dateOutsideTable", name, date, vs[0].from, param.until);
  }
  // Tables are short (≤ 25 rows) and mostly asked for recent dates: scan from the end.
  let i = vs.length - 1;
  while (vs[i].from > date) i--;
  return { entry: vs[i], until: i + 1 < vs.length ? vs[i + 1].from : param.until, param };
}

/** Value of a parameter on a date; records the use in `trace` when given. */
export function param<T>(name: string, date: string, trace?: Trace): T {
  const { entry, until, param: p } = lookupValue<T>(name, date);
  if (trace) trace.push({ name, value: entry.value, from: entry.from, ...(until ? { until } : {}), unit: p.unit, source: entry.source });
  return entry.value;
}

/** Dutch one-line citation of a value's source, for PB.BRON, the pane and the help pages (citation.ts). */
export function citation(name: string, date: string): string {
  const { entry } = lookupValue(name, date);
  return userCitation(entry.source, entry.from);
}

/** FNV-1a 64-bit over the canonical JSON of every parameter: the parameter-set hash on each receipt. */
function fnv1a64(text: string): string {
  let h = 0xcbf29ce484222325n;
  const prime = 0x100000001b3n;
  for (let i = 0; i < text.length; i++) {
    h ^= BigInt(text.charCodeAt(i));
    h = (h * prime) & 0xffffffffffffffffn;
  }
  return h.toString(16).padStart(16, "0");
}

function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  if (v && typeof v === "object") {
    return `{${Object.keys(v as object)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(v);
}

export const PARAMETER_SET_HASH: string = fnv1a64(canonical(PARAMETER_NAMES.map((n) => PARAMETERS.get(n))));
