/**
 * Every parameter set the CLI can compute with: the built-in one, each released one (src/parameters/released, one JSON
 * document per version, never changed after release), or a user's own file. A set is chosen by a plain string — a
 * version or a file path — so that a worker thread can be told the same choice and make it again.
 *
 * CLI only: it reads files and carries every released set; the add-in imports src/parameters alone.
 */
import * as fs from "fs";
import * as path from "path";
import { activateParameterSet, builtInParameterSet } from ".";
import { makeParameterSet, type ParameterSet } from "./set";
import type { ParameterSetData } from "./types";
import { validateParameterSetDocument } from "./validate";
import released_2026_11_4 from "./released/2026.11.4.json";
import released_2026_12_0 from "./released/2026.12.0.json";
import released_2026_12_1 from "./released/2026.12.1.json";
import released_2026_12_2 from "./released/2026.12.2.json";
import released_2026_12_3 from "./released/2026.12.3.json";

/** File name → content. Add one line per release (tests/parameters/sets.test.ts fails when a released file is missing here). */
export const RELEASED_FILES: Readonly<Record<string, unknown>> = {
  "2026.11.4.json": released_2026_11_4,
  "2026.12.0.json": released_2026_12_0,
  "2026.12.1.json": released_2026_12_1,
  "2026.12.2.json": released_2026_12_2,
  "2026.12.3.json": released_2026_12_3,
};

/** The released sets, oldest first. The current version's snapshot resolves to the built-in set itself. */
export const RELEASED_SETS: readonly ParameterSet[] = Object.values(RELEASED_FILES)
  .map((d) => {
    const data = d as ParameterSetData;
    return data.version === builtInParameterSet().version ? builtInParameterSet() : makeParameterSet(data, "vrijgegeven");
  })
  .sort((a, b) => compareVersions(a.version, b.version));

/** A user's own file above this size is refused before it is parsed. */
const MAX_OWN_SET_BYTES = 10_000_000;

/** A wrong choice of parameter set: a Dutch message for the user (the CLI exits 2). */
export class ParameterSetError extends Error {}

function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** "2026.11.4, 2026.12.0, 2026.12.1 (actueel)". */
export function knownVersionsText(): string {
  const current = builtInParameterSet().version;
  const versions = new Set([...RELEASED_SETS.map((s) => s.version), current]);
  return [...versions]
    .sort(compareVersions)
    .map((v) => (v === current ? `${v} (actueel)` : v))
    .join(", ");
}

function looksLikeFile(ref: string): boolean {
  return /[\\/]/.test(ref) || /\.json$/i.test(ref) || fs.existsSync(ref);
}

function readOwnSet(ref: string): ParameterSet {
  const file = path.resolve(ref);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new ParameterSetError(`Parameterset ${ref}: het bestand bestaat niet. Bekende versies: ${knownVersionsText()}.`);
  }
  if (!stat.isFile()) throw new ParameterSetError(`Parameterset ${ref} is geen bestand.`);
  if (stat.size > MAX_OWN_SET_BYTES) {
    throw new ParameterSetError(`Parameterset ${ref} is ${(stat.size / 1e6).toFixed(1)} MB; een parameterset is hooguit ${MAX_OWN_SET_BYTES / 1e6} MB.`);
  }
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (e) {
    throw new ParameterSetError(`Parameterset ${ref} is geen geldige JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  const problems = validateParameterSetDocument(ref, data, { requireUntilReason: true, requiredNames: builtInParameterSet().names });
  if (problems.length > 0) {
    const shown = problems.slice(0, 20);
    const more = problems.length > shown.length ? `\n  … en nog ${problems.length - shown.length}` : "";
    throw new ParameterSetError(`Parameterset ${ref} klopt niet (${problems.length} probleem/problemen):\n  ${shown.join("\n  ")}${more}`);
  }
  return makeParameterSet(data as ParameterSetData, "eigen", file);
}

/** The set a version or a file names; ParameterSetError with the known versions when it names none. */
export function resolveParameterSet(ref: string): ParameterSet {
  const r = ref.trim();
  const current = builtInParameterSet();
  if (r === current.version) return current;
  const released = RELEASED_SETS.find((s) => s.version === r);
  if (released) return released;
  if (looksLikeFile(r)) return readOwnSet(r);
  throw new ParameterSetError(`Onbekende parameterset "${ref}". Bekende versies: ${knownVersionsText()}; of geef een eigen bestand (.json).`);
}

/** Make the set `ref` names the one every lookup in this process (or worker) reads; none given: the built-in set. */
export function selectParameterSet(ref?: string): ParameterSet {
  const set = ref === undefined ? builtInParameterSet() : resolveParameterSet(ref);
  activateParameterSet(set);
  return set;
}

/** The string that makes another process or worker select the same set: its version, or its file's absolute path. */
export function parameterSetRef(set: ParameterSet): string {
  return set.origin === "eigen" && set.file !== undefined ? set.file : set.version;
}
