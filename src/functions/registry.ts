/**
 * The one function registry. Excel (functions.ts) and the headless engine (src/engine) both look functions up here;
 * a function exists once. To add one: write its spec in specs/, list it below, and add its JSDoc wrapper in
 * functions.ts (a test checks that the two agree).
 */
import type { FunctionSpec } from "./contract";
import * as lks from "./specs/lks";
import * as params from "./specs/params";
import * as wpb from "./specs/wpb";

const specs = ([...Object.values(lks), ...Object.values(wpb), ...Object.values(params)] as unknown[]).filter(
  (s): s is FunctionSpec => typeof s === "object" && s !== null && "impl" in s && "id" in s,
);

export const REGISTRY: ReadonlyMap<string, FunctionSpec> = new Map(specs.map((s) => [s.id, s]));

export const FUNCTION_IDS: readonly string[] = specs.map((s) => s.id);

/** The namespace of the manifest (Functions.Namespace): users type PB.<id>. */
export const NAMESPACE = "PB";

/**
 * Functions only Excel can run, kept out of REGISTRY on purpose: PB.UITLEG reads another cell's formula through
 * Office.js, which the headless engine has no equivalent of (it would have to answer from the file it is recalculating,
 * and the file holds the explanation's cached table already). So `pb` knows no PB.UITLEG: `pb recalc` lists such a cell
 * as "alleen in Excel" without comparing it, and the figure the cell explains is recalculated and compared as usual
 * (a formula that reads the explanation's table is not recomputable). Each id here has
 * its JSDoc wrapper in functions.ts like the others (the metadata test checks both lists).
 */
export interface ExcelOnlySpec {
  id: string;
  /** Same names as in the JSDoc; `cel` is the reference whose formula is explained. */
  args: readonly { name: string; optional?: boolean }[];
  /** A worked example formula (invariant syntax). */
  example: string;
  /** What it shows, in place of a legal basis (it computes no figure of its own). */
  about: string;
}

export const EXCEL_ONLY: ReadonlyMap<string, ExcelOnlySpec> = new Map(
  [
    {
      id: "UITLEG",
      args: [{ name: "cel" }],
      example: "=PB.UITLEG(D2)",
      about: "Geen eigen rekenregel: toont per PB-aanroep in de cel de invoer, de regel met artikel en elke parameterwaarde met bron.",
    },
  ].map((s) => [s.id, s]),
);

/** Every function Excel registers: the registry's and the Excel-only ones. */
export const EXCEL_FUNCTION_IDS: readonly string[] = [...FUNCTION_IDS, ...EXCEL_ONLY.keys()];
