/**
 * A parameter set: the parameters of one version, with the hash an auditor keeps beside a figure and where the set came
 * from. The built-in set is the law in force as this release knows it; released sets are kept so that a workbook made
 * months ago can be recomputed with the parameters it was made with; an own set is a file of the user's, and every
 * receipt and report says so.
 */
import type { Parameter, ParameterSetData } from "./types";

/** ingebouwd: the current set of this release; vrijgegeven: an earlier released set; eigen: a file of the user's. */
export type ParameterSetOrigin = "ingebouwd" | "vrijgegeven" | "eigen";

export interface ParameterSet {
  readonly version: string;
  /** FNV-1a 64-bit over the canonical JSON of every parameter, sorted by name. */
  readonly hash: string;
  readonly origin: ParameterSetOrigin;
  /** Absolute path of the file an own set was read from. */
  readonly file?: string;
  readonly parameters: ReadonlyMap<string, Parameter>;
  /** Sorted. */
  readonly names: readonly string[];
}

function fnv1a64(text: string): string {
  let h = 0xcbf29ce484222325n;
  const prime = 0x100000001b3n;
  for (let i = 0; i < text.length; i++) {
    h ^= BigInt(text.charCodeAt(i));
    h = (h * prime) & 0xffffffffffffffffn;
  }
  return h.toString(16).padStart(16, "0");
}

/** JSON with sorted keys: the same parameters always give the same text, whatever order a file lists its fields in. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(",")}]`;
  if (v && typeof v === "object") {
    return `{${Object.keys(v as object)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((v as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(v);
}

/** The hash of 2026.11.4 and before is defined exactly so; keeping it lets an old receipt be checked against its set. */
export function parameterSetHash(parameters: readonly Parameter[]): string {
  const sorted = [...parameters].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return fnv1a64(canonicalJson(sorted));
}

export function makeParameterSet(data: ParameterSetData, origin: ParameterSetOrigin, file?: string): ParameterSet {
  const parameters = new Map<string, Parameter>();
  for (const p of data.parameters) {
    // The validator reports duplicates with file names; this guards sets that bypassed it.
    if (parameters.has(p.name)) throw new Error(`Parameterset ${data.version}: de parameter ${p.name} staat er twee keer in.`);
    parameters.set(p.name, p);
  }
  const names = [...parameters.keys()].sort();
  return {
    version: data.version,
    hash: parameterSetHash(data.parameters),
    origin,
    ...(file !== undefined ? { file } : {}),
    parameters,
    names,
  };
}

/**
 * One Dutch line naming the set, for VERSIE, receipts and report heads: the version and hash, and for any set other
 * than the built-in one what it is, so a figure computed with an own or an old set can never pass for a current one.
 */
export function parameterSetLabel(set: ParameterSet, current?: ParameterSet): string {
  const base = `parameterset ${set.version} (${set.hash})`;
  if (set.origin === "eigen") return `${base}; EIGEN PARAMETERSET uit ${set.file ?? "een eigen bestand"}, geen vrijgegeven set`;
  if (set.origin === "vrijgegeven" && current && current.version !== set.version) {
    return `${base}; eerder vrijgegeven set, niet de actuele ${current.version}`;
  }
  return base;
}
