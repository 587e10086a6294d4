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
import { joinTokens, matching, operandEnd, skipSpace, splitArgs, tokenize, type Token } from "./formulaTokens";
import { columnLetter, parseAddress, parseRange } from "../xlsx/a1";
import type { TableModel } from "../xlsx/model";

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

// ------------------------------------------------------------------------------------------ structured references

/** The result of a rewrite: the new formula, or the Dutch reason why this formula cannot be rewritten. */
export type Rewrite = { formula: string; reason?: undefined } | { formula?: undefined; reason: string };

/** Where a formula sits: sheet and A1 address. Defined names have no place. */
export interface FormulaPlace {
  sheet: string;
  address: string;
  /**
   * The formula was stored as a plain `<f>` (not t="array": neither a dynamic-array formula nor Ctrl+Shift+Enter), so
   * Excel evaluates it with implicit intersection (src/engine/implicitIntersection.ts).
   */
  plain?: boolean;
}

interface TableGeometry {
  def: TableModel;
  /** The name formulas use (displayName, else name). */
  name: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
  dataTop: number;
  dataBottom: number;
  /** Upper-cased column name → column index (0-based, sheet column). */
  columns: Map<string, number>;
}

/** Table definitions prepared for lookups; build once per workbook with indexTables(). */
export interface TableIndex {
  byName: Map<string, TableGeometry>;
  bySheet: Map<string, TableGeometry[]>;
  /** Problems with the definitions themselves (Dutch), e.g. an unreadable ref. */
  problems: string[];
}

export function indexTables(tables: readonly TableModel[]): TableIndex {
  const byName = new Map<string, TableGeometry>();
  const bySheet = new Map<string, TableGeometry[]>();
  const problems: string[] = [];
  for (const def of tables) {
    const name = def.displayName ?? def.name;
    const r = parseRange(def.ref);
    if (!r) {
      problems.push(`Tabel ${name} heeft een onleesbaar bereik (${def.ref}) en is overgeslagen.`);
      continue;
    }
    const header = def.headerRowCount > 0 ? 1 : 0;
    const totals = def.totalsRowCount > 0 ? 1 : 0;
    const columns = new Map<string, number>();
    def.columns.forEach((c, i) => {
      if (!columns.has(c.toUpperCase())) columns.set(c.toUpperCase(), r.left + i);
    });
    const g: TableGeometry = { def, name, ...r, dataTop: r.top + header, dataBottom: r.bottom - totals, columns };
    byName.set(name.toUpperCase(), g);
    if (def.name !== name && !byName.has(def.name.toUpperCase())) byName.set(def.name.toUpperCase(), g);
    const list = bySheet.get(def.sheet) ?? [];
    list.push(g);
    bySheet.set(def.sheet, list);
  }
  return { byName, bySheet, problems };
}

type Item = "#all" | "#data" | "#headers" | "#totals" | "#this row";
const ITEMS = new Set<string>(["#all", "#data", "#headers", "#totals", "#this row"]);

/** What a bracket group asks for: special items and a column or column range (none = all columns). */
interface Specifier {
  items: Set<Item>;
  first?: string;
  last?: string;
}

/** Column names in brackets: ' escapes [ ] # ' (and @); space around the name is kept, as Excel keeps it. */
function unescapeColumn(s: string): string {
  return s.replace(/'(.)/g, "$1");
}

/** The inner groups of a complex specifier `[[#This Row],[Kolom1]:[Kolom2]]`, with the separators between them. */
function innerGroups(inner: string): { parts: string[]; seps: string[] } | undefined {
  const parts: string[] = [];
  const seps: string[] = [];
  let i = 0;
  const skip = () => {
    while (i < inner.length && /\s/.test(inner[i])) i++;
  };
  skip();
  while (i < inner.length) {
    if (inner[i] !== "[") return undefined;
    let j = i + 1;
    let text = "";
    while (j < inner.length && inner[j] !== "]") {
      if (inner[j] === "'" && j + 1 < inner.length) {
        text += inner[j] + inner[j + 1];
        j += 2;
        continue;
      }
      if (inner[j] === "[") return undefined;
      text += inner[j];
      j++;
    }
    if (j >= inner.length) return undefined;
    parts.push(text);
    i = j + 1;
    skip();
    if (i >= inner.length) break;
    if (inner[i] !== "," && inner[i] !== ":") return undefined;
    seps.push(inner[i]);
    i++;
    skip();
  }
  return { parts, seps };
}

function itemOf(text: string): Item | undefined {
  const t = text.trim().toLowerCase().replace(/\s+/g, " ");
  return ITEMS.has(t) ? (t as Item) : undefined;
}

/** Parse `[...]` (the whole bracket token) into a specifier; a Dutch reason (naming `label`) when it is not one. */
function parseSpecifier(bracket: string, label: string): Specifier | string {
  const token = label;
  const inner = bracket.slice(1, -1);
  const lead = inner.trimStart();
  const items = new Set<Item>();
  if (lead === "") return { items };
  if (lead.startsWith("@")) {
    items.add("#this row");
    const rest = lead.slice(1).trim();
    if (rest === "") return { items };
    if (!rest.startsWith("[")) return { items, first: unescapeColumn(rest) };
    const g = innerGroups(rest);
    if (!g || g.parts.length > 2 || g.seps.some((s) => s !== ":")) return `${token} is geen geldige verwijzing naar een tabelrij.`;
    return { items, first: unescapeColumn(g.parts[0]), last: g.parts[1] !== undefined ? unescapeColumn(g.parts[1]) : undefined };
  }
  if (!lead.startsWith("[")) {
    const item = itemOf(inner);
    if (item) return { items: new Set([item]) };
    if (inner.startsWith("#")) return `${token}: onbekend onderdeel van een tabel (bekend zijn #All, #Data, #Headers, #Totals en #This Row).`;
    return { items, first: unescapeColumn(inner) };
  }
  const g = innerGroups(inner);
  if (!g) return `${token} is geen geldige gestructureerde verwijzing.`;
  const spec: Specifier = { items };
  for (let k = 0; k < g.parts.length; k++) {
    const part = g.parts[k];
    const item = part.startsWith("#") ? itemOf(part) : undefined;
    if (part.startsWith("#") && !item) return `${token}: onbekend onderdeel [${part}] (bekend zijn #All, #Data, #Headers, #Totals en #This Row).`;
    if (item) {
      if (spec.first !== undefined || g.seps[k] === ":") return `${token} is geen geldige gestructureerde verwijzing.`;
      items.add(item);
      continue;
    }
    if (spec.first !== undefined) return `${token} is geen geldige gestructureerde verwijzing.`;
    spec.first = unescapeColumn(part);
    if (g.seps[k] === ":") {
      if (g.parts[k + 1] === undefined || g.parts[k + 1].startsWith("#")) return `${token} is geen geldige gestructureerde verwijzing.`;
      spec.last = unescapeColumn(g.parts[k + 1]);
      k++;
    }
  }
  return spec;
}

function quoteSheet(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'!`;
}

function absolute(row: number, col: number): string {
  return `$${columnLetter(col)}$${row + 1}`;
}

/** A [#This Row] reference: its cells depend on the formula's row, so it is filled in per cell. */
interface ThisRow {
  g: TableGeometry;
  left: number;
  right: number;
  sheet: string;
}

/** A formula's structured references resolved once per formula text, sheet and enclosing table (see compile()). */
type Compiled = { parts: (string | ThisRow)[] } | { reason: string };

/**
 * Rows of a table that the special items select (inclusive), "this row", or an Excel error literal as Excel gives it;
 * any other string is a Dutch reason.
 */
function rowsOf(g: TableGeometry, items: Set<Item>, inCell: boolean): [number, number] | "this row" | "#REF!" | string {
  const header = g.def.headerRowCount > 0;
  const totals = g.def.totalsRowCount > 0;
  const key = [...items].sort().join(",");
  switch (key) {
    case "":
    case "#data":
      return g.dataTop <= g.dataBottom ? [g.dataTop, g.dataBottom] : "#REF!";
    case "#all":
      return [g.top, g.bottom];
    case "#headers":
      return header ? [g.top, g.top] : "#REF!";
    case "#totals":
      return totals ? [g.bottom, g.bottom] : "#REF!";
    case "#data,#headers":
      return [g.top, g.dataBottom];
    case "#data,#totals":
      return [g.dataTop, g.bottom];
    case "#this row":
      return inCell ? "this row" : "[#This Row] in een gedefinieerde naam wordt niet ondersteund (de rij hangt af van de cel die de naam gebruikt).";
    default:
      return `de combinatie ${[...items].map((i) => `[${i}]`).join(",")} bestaat niet in Excel (wel: [#Headers],[#Data] en [#Data],[#Totals]).`;
  }
}

function rangeText(sheet: string, top: number, left: number, bottom: number, right: number): string {
  const from = absolute(top, left);
  return top === bottom && left === right ? `${sheet}${from}` : `${sheet}${from}:${absolute(bottom, right)}`;
}

/** One structured reference → plain reference text, a this-row part, or a Dutch reason. */
function resolve(g: TableGeometry, spec: Specifier, sheet: string | undefined, original: string): string | ThisRow | { reason: string } {
  const rows = rowsOf(g, spec.items, sheet !== undefined);
  if (typeof rows === "string" && rows !== "this row") return rows === "#REF!" ? rows : { reason: `${original}: ${rows}` };
  let left = g.left;
  let right = g.right;
  if (spec.first !== undefined) {
    const column = (name: string) => g.columns.get(name.toUpperCase()) ?? g.columns.get(name.trim().toUpperCase());
    const a = column(spec.first);
    const b = spec.last !== undefined ? column(spec.last) : a;
    const missing = a === undefined ? spec.first : b === undefined ? spec.last : undefined;
    if (missing !== undefined) return { reason: `Tabel ${g.name} heeft geen kolom "${missing}" (${original}).` };
    left = Math.min(a!, b!);
    right = Math.max(a!, b!);
  }
  const prefix = sheet === g.def.sheet ? "" : quoteSheet(g.def.sheet);
  if (rows === "this row") return { g, left, right, sheet: prefix };
  return rangeText(prefix, rows[0], left, rows[1], right);
}

function tableAt(index: TableIndex, sheet: string, row: number, col: number): TableGeometry | undefined {
  return index.bySheet.get(sheet)?.find((g) => row >= g.top && row <= g.bottom && col >= g.left && col <= g.right);
}

/** Resolve every structured reference of a formula for cells on `sheet` inside table `current` (if any). */
function compile(formula: string, sheet: string | undefined, current: TableGeometry | undefined, index: TableIndex): Compiled {
  const tokens = tokenize(formula);
  const parts: (string | ThisRow)[] = [];
  let text = "";
  const push = (r: string | ThisRow) => {
    if (typeof r === "string") text += r;
    else {
      parts.push(text, r);
      text = "";
    }
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    let g: TableGeometry | undefined;
    let spec: Specifier | string | undefined;
    let original = t.text;
    if (t.kind === "ident" && next?.kind === "bracket") {
      original = t.text + next.text;
      if (prev?.kind === "bang") return { reason: `Een tabel in een andere werkmap (${tokens[i - 2]?.text ?? ""}!${original}) kan niet worden nagerekend.` };
      g = index.byName.get(t.text.toUpperCase());
      if (!g) return { reason: `Onbekende tabel ${t.text} (in ${original}).` };
      spec = parseSpecifier(next.text, original);
      i++;
    } else if (t.kind === "bracket") {
      // [1]Blad1!A1 and [1]!Naam are links to other workbooks, not structured references.
      if (/^\[\d+\]$/.test(t.text) && (next?.kind === "bang" || next?.kind === "ident" || next?.kind === "sheet")) {
        push(t.text);
        continue;
      }
      g = current;
      if (!g) return { reason: `${t.text} zonder tabelnaam staat niet in een tabel; zet de tabelnaam ervoor (bijvoorbeeld Tabel1${t.text}).` };
      spec = parseSpecifier(t.text, t.text);
    } else if (t.kind === "ident" && prev?.kind !== "bang" && next?.text !== "(" && next?.kind !== "bang") {
      g = index.byName.get(t.text.toUpperCase());
      if (g) spec = { items: new Set() };
    }
    if (!g || spec === undefined) {
      push(t.text);
      continue;
    }
    if (typeof spec === "string") return { reason: spec };
    const r = resolve(g, spec, sheet, original);
    if (typeof r === "object" && "reason" in r) return r;
    push(r);
  }
  parts.push(text);
  return { parts };
}

/** Compiled shapes kept per index; a workbook's table formulas repeat one text per column, so few are needed. */
const CACHE_LIMIT = 20_000;
const compiledCache = new WeakMap<TableIndex, Map<string, Compiled>>();

/**
 * Translate every structured reference in a formula (display or stored form, without "=") to plain references, as
 * Excel resolves them for the cell at `place`: `Tabel1[Kolom]` → the column's data cells, `Tabel1[[#This Row],[Kolom]]`
 * and `[@Kolom]` → the cell of the formula's own row, `Tabel1[#All]`/`[#Data]`/`[#Headers]`/`[#Totals]`, column
 * ranges `Tabel1[[K1]:[K2]]`, a bare table name (its data), and a reference without table name inside a table.
 * References are absolute and carry the table's sheet when it differs from the formula's (always, for defined names:
 * pass `place` undefined). Where Excel itself answers with an error (#This Row outside the data rows → #VALUE!, a
 * missing header or totals row → #REF!) the error literal takes the reference's place, so the engine gives Excel's value.
 * Text in string literals and quoted sheet names is never touched. Pass an index from indexTables() when translating
 * many formulas: each formula text is then resolved once per sheet and table, and only its rows are filled in per cell.
 */
export function translateStructuredReferences(formula: string, place: FormulaPlace | undefined, tables: readonly TableModel[] | TableIndex): Rewrite {
  const index = Array.isArray(tables) ? indexTables(tables) : (tables as TableIndex);
  if (!formula.includes("[") && (index.byName.size === 0 || !mentionsTable(formula, index))) return { formula };
  let row = -1;
  let current: TableGeometry | undefined;
  if (place) {
    const at = parseAddress(place.address);
    if (!at) return { reason: `Ongeldig celadres ${place.address}.` };
    row = at[0];
    current = tableAt(index, place.sheet, at[0], at[1]);
  }
  let cache = compiledCache.get(index);
  if (!cache) compiledCache.set(index, (cache = new Map()));
  const key = `${place?.sheet ?? ""}\u0001${current?.name ?? ""}\u0001${formula}`;
  let compiled = cache.get(key);
  if (!compiled) {
    compiled = compile(formula, place?.sheet, current, index);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, compiled);
  }
  if ("reason" in compiled) return { reason: compiled.reason };
  if (compiled.parts.length === 1) return { formula: compiled.parts[0] as string };
  let out = "";
  for (const part of compiled.parts) {
    if (typeof part === "string") out += part;
    // Excel intersects with the formula's row (on whatever sheet it is); outside the data rows that is #VALUE!.
    else out += row >= part.g.dataTop && row <= part.g.dataBottom ? rangeText(part.sheet, row, part.left, row, part.right) : "#VALUE!";
  }
  return { formula: out };
}

/** Cheap pre-check for a bare table name (`SUM(Tabel1)`): any name character run equal to a table name. */
function mentionsTable(formula: string, index: TableIndex): boolean {
  const upper = formula.toUpperCase();
  for (const name of index.byName.keys()) if (upper.includes(name)) return true;
  return false;
}

// ------------------------------------------------------------------------------------------ LET and @

const CELL_LIKE = /^\$?[A-Za-z]{1,3}\$?\d+$|^[Rr]\d*[Cc]\d*$/;
const VOLATILE_RANDOM = /(?<![A-Za-z0-9_.])(?:RAND|RANDBETWEEN|RANDARRAY)\s*\(/i;

/** Whether tokens [from, to) form one operand (a reference, call, literal or parenthesised whole): no parentheses needed. */
function isOperand(tokens: readonly Token[], from: number, to: number): boolean {
  const start = skipSpace(tokens, from);
  if (start >= to) return false;
  if (tokens[start].kind === "op") return false;
  const end = operandEnd(tokens, start);
  return skipSpace(tokens, end) >= to && end <= to;
}

function asOperand(text: string): string {
  const tokens = tokenize(text);
  return isOperand(tokens, 0, tokens.length) ? text.trim() : `(${text.trim()})`;
}

/** Replace the names in env (upper case → text) wherever they stand as names; counts the replacements per name. */
function substitute(text: string, env: Map<string, string>, uses: Map<string, number>): string {
  if (env.size === 0) return text;
  const tokens = tokenize(text);
  let out = "";
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const key = t.kind === "ident" ? t.text.toUpperCase() : undefined;
    const value = key !== undefined ? env.get(key) : undefined;
    // Not after "!" (a sheet-scoped name), not before "!" (a sheet) or "(" (a function of that name).
    if (value !== undefined && tokens[i - 1]?.kind !== "bang" && tokens[i + 1]?.kind !== "bang" && tokens[i + 1]?.text !== "(") {
      uses.set(key!, (uses.get(key!) ?? 0) + 1);
      out += value;
    } else out += t.text;
  }
  return out;
}

/**
 * LET(name1, value1, …, calculation) → the calculation with every name replaced by its value (in parentheses where
 * precedence needs them), innermost LET first so that an inner name shadows an outer one. For functions without side
 * effects this is exactly what LET computes (LET only saves evaluating a value twice); a random value (RAND,
 * RANDBETWEEN, RANDARRAY) used more than once would be drawn twice, so such a LET is refused with a reason. Works on
 * display form (`_xlfn.`/`_xlpm.` already removed).
 */
export function expandLet(formula: string): Rewrite {
  if (!/LET\s*\(/i.test(formula)) return { formula };
  const tokens = tokenize(formula);
  let out = "";
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const open = skipSpace(tokens, i + 1);
    if (!(t.kind === "ident" && t.text.toUpperCase() === "LET" && tokens[open]?.text === "(" && tokens[i - 1]?.kind !== "bang")) {
      out += t.text;
      continue;
    }
    const close = matching(tokens, open);
    if (close >= tokens.length) return { reason: "LET zonder sluitend haakje." };
    const args: string[] = [];
    for (const arg of splitArgs(tokens, open + 1, close)) {
      const inner = expandLet(joinTokens(arg));
      if (inner.reason !== undefined) return inner;
      args.push(inner.formula);
    }
    if (args.length < 3 || args.length % 2 === 0) return { reason: "LET heeft paren van naam en waarde en tot slot één berekening nodig." };
    const env = new Map<string, string>();
    const uses = new Map<string, number>();
    const random = new Set<string>();
    for (let k = 0; k + 1 < args.length; k += 2) {
      const name = args[k].trim();
      const nameTokens = tokenize(name);
      if (nameTokens.length !== 1 || nameTokens[0].kind !== "ident" || CELL_LIKE.test(name) || name.includes("$")) {
        return { reason: `LET: "${name}" is geen geldige naam.` };
      }
      const value = substitute(args[k + 1], env, uses);
      const key = name.toUpperCase();
      env.set(key, asOperand(value));
      uses.set(key, 0);
      if (VOLATILE_RANDOM.test(value)) random.add(key);
    }
    const calculation = substitute(args[args.length - 1], env, uses);
    for (const key of random) {
      if ((uses.get(key) ?? 0) > 1) return { reason: `LET: de toevalswaarde ${key} wordt meer dan eens gebruikt; buiten Excel zou die per gebruik opnieuw worden getrokken.` };
    }
    out += asOperand(calculation);
    i = close;
  }
  return { formula: out };
}

/**
 * The `@` operator (implicit intersection, Excel 365's display of legacy formulas) → `SINGLE(...)`, the function Excel
 * stores for it (`_xlfn.SINGLE`). The engine's SINGLE picks the cell of a range in the formula's own row or column.
 * `[@Kolom]` inside a structured reference is not this operator (translateStructuredReferences handles it).
 */
export function rewriteAtOperator(formula: string): Rewrite {
  if (!formula.includes("@")) return { formula };
  const tokens = tokenize(formula);
  if (!tokens.some((t) => t.kind === "at")) return { formula };
  const rewrite = (from: number, to: number): string | { reason: string } => {
    let out = "";
    for (let i = from; i < to; i++) {
      const t = tokens[i];
      if (t.kind !== "at") {
        out += t.text;
        continue;
      }
      const end = operandEnd(tokens, i + 1);
      if (end === i + 1) return { reason: "Na @ ontbreekt een verwijzing of functie." };
      const inner = rewrite(i + 1, end);
      if (typeof inner !== "string") return inner;
      out += `SINGLE(${inner.trim()})`;
      i = end - 1;
    }
    return out;
  };
  const r = rewrite(0, tokens.length);
  return typeof r === "string" ? { formula: r } : r;
}
