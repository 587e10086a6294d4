/**
 * What a template's formulas refer to, read from the definition itself: which cells each formula reads (so a check
 * failure can be traced to the one input it follows from), a formula's canonical text (so a formula that was typed
 * over or changed is recognised whatever Excel did to its spelling), and the formula as Dutch Excel shows it (so a
 * message can say what to type back). Pure text work; formulas are in display form with `{{key}}!` for other sheets.
 */
import { columnIndex, columnLetter } from "../xlsx/a1";
import { toDisplayFormula } from "../functions/formulaNames";
import type { TemplateDef } from "./types";

/** A cell of a template as `key!A1` (sheet key, not sheet name). */
export type CellKey = string;

export const cellKey = (sheetKey: string, address: string): CellKey => `${sheetKey}!${address}`;

/** Split on "..." string literals (doubled quotes inside): [text, isLiteral]. */
function literals(formula: string): [string, boolean][] {
  const out: [string, boolean][] = [];
  let i = 0;
  let start = 0;
  while (i < formula.length) {
    if (formula[i] === '"') {
      if (i > start) out.push([formula.slice(start, i), false]);
      let j = i + 1;
      while (j < formula.length && !(formula[j] === '"' && formula[j + 1] !== '"')) j += formula[j] === '"' ? 2 : 1;
      out.push([formula.slice(i, j + 1), true]);
      i = j + 1;
      start = i;
    } else i++;
  }
  if (start < formula.length) out.push([formula.slice(start), false]);
  return out;
}

const REF = /(?<![A-Za-z0-9_.$])(?:\{\{([A-Za-z0-9_-]+)\}\}!)?\$?([A-Z]{1,3})\$?(\d{1,7})(?::\$?([A-Z]{1,3})\$?(\d{1,7}))?(?![A-Za-z0-9_(])/g;

/** The cells a definition formula reads, ranges expanded, as cell keys (same sheet when no `{{key}}!`). */
export function formulaRefs(formula: string, sheetKey: string): CellKey[] {
  const out: CellKey[] = [];
  for (const [text, literal] of literals(formula)) {
    if (literal) continue;
    for (const m of text.matchAll(REF)) {
      const sheet = m[1] ?? sheetKey;
      const c1 = columnIndex(m[2]);
      const r1 = Number(m[3]);
      const c2 = m[4] ? columnIndex(m[4]) : c1;
      const r2 = m[5] ? Number(m[5]) : r1;
      for (let r = Math.min(r1, r2); r <= Math.max(r1, r2); r++) {
        for (let c = Math.min(c1, c2); c <= Math.max(c1, c2); c++) out.push(cellKey(sheet, `${columnLetter(c)}${r}`));
      }
    }
  }
  return out;
}

export interface FormulaGraph {
  /** Formula cell → the cells it reads. */
  precedents: Map<CellKey, CellKey[]>;
  /** Cell → the formula cells that read it directly. */
  dependents: Map<CellKey, CellKey[]>;
  /** A cell and everything computed from it, directly or through other formulas. */
  closure(key: CellKey): Set<CellKey>;
}

const graphs = new WeakMap<TemplateDef, FormulaGraph>();

export function formulaGraph(def: TemplateDef): FormulaGraph {
  const known = graphs.get(def);
  if (known) return known;
  const precedents = new Map<CellKey, CellKey[]>();
  const dependents = new Map<CellKey, CellKey[]>();
  for (const s of def.sheets) {
    for (const c of s.cells) {
      if (!c.formula) continue;
      const self = cellKey(s.key, c.address);
      const refs = [...new Set(formulaRefs(c.formula, s.key))];
      precedents.set(self, refs);
      for (const r of refs) {
        const list = dependents.get(r);
        if (list) list.push(self);
        else dependents.set(r, [self]);
      }
    }
  }
  const closures = new Map<CellKey, Set<CellKey>>();
  const closure = (key: CellKey): Set<CellKey> => {
    let set = closures.get(key);
    if (set) return set;
    set = new Set([key]);
    const todo = [key];
    while (todo.length > 0) {
      for (const d of dependents.get(todo.pop() as CellKey) ?? []) {
        if (!set.has(d)) {
          set.add(d);
          todo.push(d);
        }
      }
    }
    closures.set(key, set);
    return set;
  };
  const graph = { precedents, dependents, closure };
  graphs.set(def, graph);
  return graph;
}

/**
 * A formula in one canonical spelling, so the definition's formula and the one read from a file compare equal when
 * only the spelling differs: display form (`_xldudf_`, `_xlfn.` gone), upper case and no spaces outside strings,
 * sheet names unquoted, `{{key}}!` resolved to the sheet names of the insertion.
 */
export function canonicalFormula(formula: string, names?: Record<string, string>): string {
  let f = formula.trim().replace(/^=/, "");
  if (names) f = f.replace(/\{\{([A-Za-z0-9_-]+)\}\}!/g, (m, key: string) => (names[key] !== undefined ? `'${names[key].replace(/'/g, "''")}'!` : m));
  f = toDisplayFormula(f);
  return literals(f)
    .map(([text, literal]) => {
      if (literal) return text;
      return text
        .replace(/'((?:[^']|'')+)'!/g, (_m, name: string) => `${name.replace(/''/g, "'").toUpperCase()}!`)
        .replace(/\s+/g, "")
        .toUpperCase();
    })
    .join("");
}

/** Function names as Dutch Excel shows them, for the built-ins the templates use. */
const DUTCH_NAMES: Record<string, string> = {
  SUM: "SOM",
  IF: "ALS",
  AND: "EN",
  OR: "OF",
  DATE: "DATUM",
  EOMONTH: "LAATSTE.DAG",
  SUMPRODUCT: "SOMPRODUCT",
  ROUND: "AFRONDEN",
  EDATE: "ZELFDE.DAG",
  DAY: "DAG",
  TRUE: "WAAR",
  FALSE: "ONWAAR",
};

/** A definition formula as a Dutch Excel user types it: `=SOM(I7:T7)`, `;` between arguments, sheet names as given. */
export function dutchFormula(formula: string, names: Record<string, string>): string {
  const f = formula.replace(/\{\{([A-Za-z0-9_-]+)\}\}!/g, (m, key: string) => (names[key] !== undefined ? `'${names[key].replace(/'/g, "''")}'!` : m));
  const body = literals(f)
    .map(([text, literal]) => {
      if (literal) return text;
      // Sheet names in quotes stay as they are; only code outside them is translated.
      return text
        .split(/('(?:[^']|'')*'!)/)
        .map((part) =>
          part.startsWith("'")
            ? part
            : part
                .replace(/(?<![A-Za-z0-9_.])([A-Z][A-Z0-9.]*)(?=\()/g, (m, name: string) => DUTCH_NAMES[name] ?? m)
                .replace(/(?<![A-Za-z0-9_.])(TRUE|FALSE)(?![A-Za-z0-9_(])/g, (m) => DUTCH_NAMES[m])
                // Invariant syntax: every comma outside a string separates arguments; a point between digits is a decimal.
                .replace(/,/g, ";")
                .replace(/(\d)\.(\d)/g, "$1,$2"),
        )
        .join("");
    })
    .join("");
  return `=${body}`;
}
