/**
 * The one place that maps how PB function calls are STORED in .xlsx files to how users SEE them, and back.
 * Pure text work (no Office, no engine): the xlsx reader/writer, the headless engine and the task pane all use it.
 *
 * In a file Excel does not write `PB.LKS(` but `_xldudf_PB_LKS(` (namespace and id joined by "_"), usually as a one-cell
 * dynamic array formula. Variants met in the wild, all read here:
 *  - `[2]!_xldudf_PB_LKS(`     external-link prefix written after add-in conflicts;
 *  - `_xldudf_LKS(`            no namespace (add-ins with EquivalentAddins); mapped only for ids in our registry;
 *  - `PB.LKS(` / `pb.lks(`     typed before the add-in loaded (cached value #NAME?);
 *  - `_xldudf_pb_lks(`         LibreOffice lower-cases names when it saves;
 *  - `_xlfn.`, `_xlfn._xlws.`, `_xlpm.`  prefixes Excel puts before newer built-ins / LET parameters.
 * Text inside string literals ("...") and quoted sheet names ('...') is never touched.
 */
import { FUNCTION_IDS, NAMESPACE } from "./registry";

const KNOWN_IDS = new Set(FUNCTION_IDS.map((id) => id.toUpperCase()));

/** Split a formula into [text, isLiteral] pieces; literals are "..." strings (with "" escapes) and '...' sheet names. */
function pieces(formula: string): [string, boolean][] {
  if (!formula.includes('"') && !formula.includes("'")) return [[formula, false]];
  const out: [string, boolean][] = [];
  let i = 0;
  let start = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      if (i > start) out.push([formula.slice(start, i), false]);
      let j = i + 1;
      while (j < formula.length) {
        if (formula[j] === ch) {
          if (formula[j + 1] === ch) {
            j += 2;
            continue;
          }
          break;
        }
        j++;
      }
      // An unterminated literal runs to the end: leave it alone rather than guess.
      const end = Math.min(j + 1, formula.length);
      out.push([formula.slice(i, end), true]);
      i = end;
      start = i;
      continue;
    }
    i++;
  }
  if (start < formula.length) out.push([formula.slice(start), false]);
  return out;
}

function mapCode(formula: string, fn: (code: string) => string): string {
  return pieces(formula)
    .map(([text, literal]) => (literal ? text : fn(text)))
    .join("");
}

/** A name starts here only if no name character precedes it (so `XPB.LKS(` and `Blad_PB.LKS(` are not PB calls). */
const BOUNDARY = "(?<![A-Za-z0-9_.\\u00C0-\\u02AF])";

const STORED_WITH_NS = new RegExp(`${BOUNDARY}(?:\\[\\d+\\]!)?_xldudf_${NAMESPACE}_([A-Za-z0-9_]+)\\s*\\(`, "gi");
const STORED_NO_NS = new RegExp(`${BOUNDARY}(?:\\[\\d+\\]!)?_xldudf_([A-Za-z0-9_]+)\\s*\\(`, "gi");
const DISPLAY_CALL = new RegExp(`${BOUNDARY}(?:\\[\\d+\\]!)?${NAMESPACE}\\.([A-Za-z0-9_]+)\\s*\\(`, "gi");
const XL_PREFIXES = new RegExp(`${BOUNDARY}(?:_xlfn\\.(?:_xlws\\.)?|_xlpm\\.)`, "gi");

/**
 * Stored form (as found in a file) → display form: `_xldudf_PB_LKS(` → `PB.LKS(`, prefixes `_xlfn.` etc. removed.
 * Idempotent: a display-form formula comes back unchanged (apart from PB ids upper-cased).
 */
export function toDisplayFormula(stored: string): string {
  return mapCode(stored, (code) =>
    code
      .replace(STORED_WITH_NS, (_m, id: string) => `${NAMESPACE}.${id.toUpperCase()}(`)
      .replace(STORED_NO_NS, (m, id: string) =>
        KNOWN_IDS.has(id.toUpperCase()) ? `${NAMESPACE}.${id.toUpperCase()}(` : m,
      )
      .replace(DISPLAY_CALL, (_m, id: string) => `${NAMESPACE}.${id.toUpperCase()}(`)
      .replace(XL_PREFIXES, ""),
  );
}

/**
 * Built-ins newer than Excel 2007 must be stored with `_xlfn.` (FILTER/SORT with `_xlfn._xlws.`), or Excel shows #NAME?.
 * The list covers what PB templates may reasonably use; LET/LAMBDA parameter names (`_xlpm.`) are not written.
 */
const FUTURE_FUNCTIONS: Record<string, string> = Object.fromEntries(
  [
    "AGGREGATE", "ARABIC", "BASE", "CEILING.MATH", "CEILING.PRECISE", "CONCAT", "DAYS", "DECIMAL", "FLOOR.MATH",
    "FLOOR.PRECISE", "FORECAST.LINEAR", "IFNA", "IFS", "ISOWEEKNUM", "MAXIFS", "MINIFS", "MODE.SNGL", "NETWORKDAYS.INTL",
    "PERCENTILE.INC", "PERCENTILE.EXC", "QUARTILE.INC", "QUARTILE.EXC", "RANK.EQ", "RANK.AVG", "STDEV.P", "STDEV.S",
    "SWITCH", "TEXTJOIN", "VAR.P", "VAR.S", "WORKDAY.INTL", "XLOOKUP", "XMATCH", "UNIQUE", "SEQUENCE", "SORTBY",
    "RANDARRAY", "LET", "LAMBDA", "TEXTBEFORE", "TEXTAFTER", "TEXTSPLIT", "VSTACK", "HSTACK", "TOCOL", "TOROW",
    "CHOOSECOLS", "CHOOSEROWS", "TAKE", "DROP", "EXPAND", "WRAPROWS", "WRAPCOLS", "SINGLE",
  ].map((f) => [f, "_xlfn."]),
);
FUTURE_FUNCTIONS.FILTER = "_xlfn._xlws.";
FUTURE_FUNCTIONS.SORT = "_xlfn._xlws.";

const ANY_CALL = new RegExp(`${BOUNDARY}([A-Za-z][A-Za-z0-9_.]*)\\s*\\(`, "g");

/** Display form → the form Excel writes in a file: `PB.LKS(` → `_xldudf_PB_LKS(`, `IFS(` → `_xlfn.IFS(`. */
export function toStoredFormula(display: string): string {
  const normal = toDisplayFormula(display);
  return mapCode(normal, (code) =>
    code.replace(ANY_CALL, (m, name: string) => {
      const upper = name.toUpperCase();
      if (upper.startsWith(`${NAMESPACE}.`)) return `_xldudf_${NAMESPACE}_${upper.slice(NAMESPACE.length + 1)}(`;
      const prefix = FUTURE_FUNCTIONS[upper];
      return prefix ? `${prefix}${name}(` : m;
    }),
  );
}

/** The PB function ids (upper case, e.g. "LKS") called in a formula of either form, each once, in order of appearance. */
export function findPbCalls(formula: string): string[] {
  const seen = new Set<string>();
  for (const [text, literal] of pieces(toDisplayFormula(formula))) {
    if (literal) continue;
    for (const m of text.matchAll(DISPLAY_CALL)) seen.add(m[1].toUpperCase());
  }
  return [...seen];
}

/** Whether a formula (either form) calls any PB function. */
export function hasPbCall(formula: string): boolean {
  return findPbCalls(formula).length > 0;
}
