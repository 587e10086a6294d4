import type { Parameter, ParameterSetData, ParameterUse, ParameterValue } from "./types";
import { pbError } from "../rules/errors";
import { FILES, VERSION } from "./data";
import { makeParameterSet, parameterSetLabel, type ParameterSet } from "./set";
import { userCitation } from "./citation";
import { parameterInMessage } from "./labels";

export type {
  Parameter,
  ParameterUse,
  ParameterValue,
  ParameterSetData,
  LegalSource,
  Confidence,
  Unit,
  UntilReason,
} from "./types";
export type { ParameterSet, ParameterSetOrigin } from "./set";
export { parameterSetLabel } from "./set";

/**
 * The set this build carries: the data files of src/parameters/data, checked against the schema at build and test
 * time (so asserted to be parameters here). The add-in knows only this set; the CLI also knows the released ones
 * (src/parameters/catalog.ts).
 */
const BUILT_IN: ParameterSet = makeParameterSet(
  { version: VERSION, parameters: Object.values(FILES) as Parameter[] } satisfies ParameterSetData,
  "ingebouwd",
);

/**
 * The set every lookup reads. One per process (or worker thread): the CLI selects it once from a version or a file
 * (a plain string, so a worker can be told which set to use), the add-in never changes it.
 */
let active: ParameterSet = BUILT_IN;

export function builtInParameterSet(): ParameterSet {
  return BUILT_IN;
}

export function activeParameterSet(): ParameterSet {
  return active;
}

export function activateParameterSet(set: ParameterSet): void {
  active = set;
}

/** Run `fn` with `set` active, and restore the previous set afterwards (tests, and one-off comparisons). */
export function withParameterSet<T>(set: ParameterSet, fn: () => T): T {
  const previous = active;
  active = set;
  try {
    return fn();
  } finally {
    active = previous;
  }
}

/** The active set named for a receipt or report head, marked when it is not the built-in one. */
export function activeParameterSetLabel(): string {
  return parameterSetLabel(active, BUILT_IN);
}

/** Version and hash of the built-in set (the add-in's; the CLI may compute with another, see activeParameterSet). */
export const PARAMETER_SET_VERSION: string = BUILT_IN.version;
export const PARAMETER_SET_HASH: string = BUILT_IN.hash;
/** The built-in set's parameters; lookups go through the active set. */
export const PARAMETERS: ReadonlyMap<string, Parameter> = BUILT_IN.parameters;
export const PARAMETER_NAMES: readonly string[] = BUILT_IN.names;

/** Collects what a computation looked up: the receipt an auditor keeps. */
export type Trace = ParameterUse[];

/** Whether the active set has this parameter: sets released before a parameter existed lack it. */
export function hasParameter(name: string): boolean {
  return active.parameters.has(name);
}

export function getParameter(name: string): Parameter {
  const p = active.parameters.get(name);
  if (!p) throw pbError("unknownParameter", name, active.names);
  return p;
}

/** The value in force on `date` (ISO), with its period; #N/A outside the table, saying why. */
export function lookupValue<T>(name: string, date: string): { entry: ParameterValue<T>; until?: string; param: Parameter<T> } {
  const param = getParameter(name) as Parameter<T>;
  const vs = param.values;
  if (param.until !== undefined && date >= param.until && param.untilReason === "unpublished") {
    const last = vs[vs.length - 1].from;
    const [y, m, d] = param.until.split("-").map(Number);
    const lastDay = new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
    throw pbError("notPublishedYet", parameterInMessage(name), date, last, lastDay);
  }
  if (date < vs[0].from || (param.until !== undefined && date >= param.until)) {
    throw pbError("dateOutsideTable", parameterInMessage(name), date, vs[0].from, param.until);
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
