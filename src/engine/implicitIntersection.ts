/**
 * Implicit intersection for plain formulas. A formula stored in a file as a plain `<f>` (not `t="array"`, so neither a
 * dynamic-array formula with cm="1" nor a Ctrl+Shift+Enter one) is evaluated by Excel in value mode: where one value is
 * expected and a range is given, Excel takes the cell of that range in the formula's own row (a column), own column
 * (a row) or both (a block), and #VALUE! when there is none. `=$B$2:$B$100*C5` in D5 is $B$5*C5; `=IF(A:A>0,1,0)` in
 * row 7 tests A7. HyperFormula computes such a formula as an array and spills it (#SPILL!, or the wrong value).
 *
 * Which positions expect one value follows Excel's own classes of function parameters (as the file format records
 * them): a parameter that takes a reference (SUM's, COUNTIF's range, VLOOKUP's table) keeps a range given as a whole,
 * but an expression in it is computed value by value (`SUM(A1:A12*2)` intersects, which is why such formulas needed
 * Ctrl+Shift+Enter); an array parameter (SUMPRODUCT, INDEX's first, LOOKUP's vectors, MMULT) computes everything in it
 * as arrays; IF and CHOOSE pass a reference in their result arguments on to whatever receives them. HyperFormula's
 * metadata gives the rest: a RANGE or ANY parameter takes a reference, every other type a value.
 *
 * A literal range (A1:B9, A:A, 3:3, with or without sheet) is replaced by the intersected cell itself: the engine then
 * depends on that one cell, as Excel does (a dependency on the whole range can make a cycle Excel does not have). A
 * defined name of several cells, and a function giving a reference or array (INDEX, OFFSET, TRANSPOSE…), get SINGLE(),
 * the engine's implicit intersection at run time.
 */
import { HyperFormula } from "hyperformula";
import { columnIndex, columnLetter } from "../xlsx/a1";
import { operandEnd, skipSpace, tokenize, type Token } from "../functions/formulaTokens";

type Mode = "value" | "ref" | "array";
/** How a parameter receives its argument: as one value, as a reference, as an array, or as its call receives (IF). */
type Kind = Mode | "pass";

/** Parameters whose Excel class differs from what HyperFormula's argument type suggests. */
const OVERRIDES: Record<string, (i: number) => Kind> = {
  IF: (i) => (i === 0 ? "value" : "pass"),
  CHOOSE: (i) => (i === 0 ? "value" : "pass"),
  INDEX: (i) => (i === 0 ? "array" : "value"),
  LOOKUP: (i) => (i === 0 ? "value" : "array"),
  OFFSET: (i) => (i === 0 ? "ref" : "value"),
  N: () => "value",
  IFERROR: () => "value",
  IFNA: () => "value",
  SINGLE: () => "ref",
  ROW: () => "ref",
  COLUMN: () => "ref",
  ROWS: () => "ref",
  COLUMNS: () => "ref",
  ISREF: () => "ref",
  AREAS: () => "ref",
  IRR: (i) => (i === 0 ? "array" : "value"),
  MIRR: (i) => (i === 0 ? "array" : "value"),
  FORECAST: (i) => (i === 0 ? "value" : "array"),
  "FORECAST.LINEAR": (i) => (i === 0 ? "value" : "array"),
  TREND: (i) => (i < 3 ? "array" : "value"),
  GROWTH: (i) => (i < 3 ? "array" : "value"),
  LINEST: (i) => (i < 2 ? "array" : "value"),
  LOGEST: (i) => (i < 2 ? "array" : "value"),
};
const ALL_ARRAY = [
  "SUMPRODUCT", "MMULT", "MDETERM", "MINVERSE", "TRANSPOSE", "FREQUENCY", "SUMX2MY2", "SUMX2PY2", "SUMXMY2", "CORREL",
  "COVAR", "COVARIANCE.P", "COVARIANCE.S", "PEARSON", "RSQ", "STEYX", "SLOPE", "INTERCEPT", "CHITEST", "CHISQ.TEST",
  "FTEST", "F.TEST", "TTEST", "T.TEST", "PROB", "MODE", "MODE.SNGL", "ARRAYFORMULA",
];
for (const f of ALL_ARRAY) OVERRIDES[f] = () => "array";

/** Functions whose result may be a reference or an array: in value mode the engine must intersect it (SINGLE). */
const RETURNS_RANGE = new Set([
  "INDEX", "OFFSET", "TRANSPOSE", "MMULT", "MINVERSE", "FREQUENCY", "TREND", "GROWTH", "LINEST", "LOGEST", "FILTER", "SORT",
  "SORTBY", "UNIQUE", "SEQUENCE", "VSTACK", "HSTACK", "ARRAYFORMULA", "ARRAY_CONSTRAIN",
]);

const RANGE_CALL = new RegExp(`(?<![A-Za-z0-9_.])(?:${[...RETURNS_RANGE].map((n) => n.replace(".", "\\.")).join("|")})\\s*\\(`, "i");

const kinds = new Map<string, (i: number) => Kind>();

/** How argument i of function `name` (upper case) is received. */
function parameterKind(name: string, i: number): Kind {
  let f = kinds.get(name);
  if (!f) {
    f = OVERRIDES[name] ?? fromMetadata(name);
    kinds.set(name, f);
  }
  return f(i);
}

function fromMetadata(name: string): (i: number) => Kind {
  // HyperFormula's plugin classes keep their metadata as a static; aliases (VAR → VAR.S) point at another entry.
  const plugin = HyperFormula.getFunctionPlugin(name) as unknown as
    | { implementedFunctions?: Record<string, { parameters?: { argumentType: string }[]; repeatLastArgs?: number }>; aliases?: Record<string, string> }
    | undefined;
  const meta = plugin?.implementedFunctions?.[name] ?? plugin?.implementedFunctions?.[plugin.aliases?.[name] ?? ""];
  const params = meta?.parameters ?? [];
  // Unknown to the engine (it is refused elsewhere with its own reason): leave its arguments as they are.
  if (!meta) return () => "array";
  const repeat = meta.repeatLastArgs ?? 0;
  const types = params.map((p) => (p.argumentType === "RANGE" || p.argumentType === "ANY" ? "ref" : "value")) as Kind[];
  return (i) => {
    if (i < types.length) return types[i];
    if (repeat > 0 && types.length > 0) return types[types.length - repeat + ((i - types.length) % repeat)];
    return "value";
  };
}

interface Cell {
  row: number;
  col: number;
}

const SHEET_PREFIX = /^((?:'(?:[^']|'')*'|[^'!:()\s]+)!)/;
const CELL = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;
const COLUMN = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d+)$/;

interface Area {
  sheet: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** One side of a literal range: a cell, a whole column or a whole row (its missing coordinates open). */
function corner(text: string): { row?: number; col?: number } | undefined {
  let m = CELL.exec(text);
  if (m) return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
  if ((m = COLUMN.exec(text))) return { col: columnIndex(m[1]) };
  if ((m = ROW.exec(text))) return { row: Number(m[1]) - 1 };
  return undefined;
}

const MAX_ROW = 1_048_575;
const MAX_COL = 16_383;

/** The area of a literal reference text (`Blad1!$A$2:$A$9`, `A:A`, `3:5`, `C4`), or undefined if it is none. */
export function literalArea(text: string): Area | undefined {
  let rest = text.trim();
  const p = SHEET_PREFIX.exec(rest);
  const sheet = p ? p[1] : "";
  if (p) rest = rest.slice(sheet.length);
  const parts = rest.split(":");
  if (parts.length > 2) return undefined;
  if (parts.length === 2 && sheet && parts[1].startsWith(sheet)) parts[1] = parts[1].slice(sheet.length);
  const a = corner(parts[0]);
  const b = parts.length === 2 ? corner(parts[1]) : a;
  if (!a || !b) return undefined;
  if (parts.length === 1 && (a.row === undefined || a.col === undefined)) return undefined; // "A" alone is a name
  if ((a.row === undefined) !== (b.row === undefined) || (a.col === undefined) !== (b.col === undefined)) return undefined;
  const top = a.row === undefined ? 0 : Math.min(a.row, b.row!);
  const bottom = a.row === undefined ? MAX_ROW : Math.max(a.row, b.row!);
  const left = a.col === undefined ? 0 : Math.min(a.col, b.col!);
  const right = a.col === undefined ? MAX_COL : Math.max(a.col, b.col!);
  return { sheet, top, left, bottom, right };
}

function areaText(a: Area): string {
  const from = `${columnLetter(a.left)}${a.top + 1}`;
  return a.top === a.bottom && a.left === a.right ? `${a.sheet}${from}` : `${a.sheet}${from}:${columnLetter(a.right)}${a.bottom + 1}`;
}

/** Excel's implicit intersection of a literal area with the formula's cell, as reference text or #VALUE!. */
function intersect(a: Area, at: Cell): string {
  const row = a.top === a.bottom ? a.top : at.row;
  const col = a.left === a.right ? a.left : at.col;
  if (row < a.top || row > a.bottom || col < a.left || col > a.right) return "#VALUE!";
  return `${a.sheet}${columnLetter(col)}${row + 1}`;
}

export interface IntersectionContext {
  /** Defined names (upper case) that stand for more than one cell, or for a formula that may give a range. */
  rangeNames: ReadonlySet<string>;
}

const CELL_LIKE = /^\$?[A-Za-z]{1,3}\$?\d+$/;

class Walker {
  /** For each "(" or "{": the index of its partner (tokens.length when unbalanced). */
  private readonly partner: number[];
  /** Whether anything in a value position was a range, a range-giving call or an array constant. */
  clean = true;
  /** An array constant stood in a value position: the cell shows the first value of what the formula gives. */
  arrayConstant = false;

  constructor(
    private readonly tokens: Token[],
    private readonly at: Cell,
    private readonly ctx: IntersectionContext,
  ) {
    this.partner = new Array<number>(tokens.length).fill(tokens.length);
    const open: number[] = [];
    tokens.forEach((t, i) => {
      if (t.text === "(" || t.text === "{") open.push(i);
      else if ((t.text === ")" || t.text === "}") && open.length > 0) this.partner[open.pop()!] = i;
    });
  }

  private text(from: number, to: number): string {
    let s = "";
    for (let i = from; i < to; i++) s += this.tokens[i].text;
    return s;
  }

  /** Tokens [from, to) as an expression received in `mode`. */
  expression(from: number, to: number, mode: Mode): string {
    if (mode === "array") return this.text(from, to);
    const start = skipSpace(this.tokens, from);
    const end = Math.min(operandEnd(this.tokens, start), to);
    // One operand that is the whole argument: it is received as the parameter receives it.
    if (end > start && skipSpace(this.tokens, end) >= to) return this.text(from, start) + this.operand(start, end, mode) + this.text(end, to);
    // An expression: every operator wants values.
    let out = "";
    for (let i = from; i < to; ) {
      const t = this.tokens[i];
      if (t.kind === "space" || t.kind === "op" || t.kind === "comma" || t.kind === "close" || t.kind === "colon") {
        out += t.text;
        i++;
        continue;
      }
      const e = Math.min(operandEnd(this.tokens, i), to);
      if (e <= i) {
        out += t.text;
        i++;
        continue;
      }
      out += this.operand(i, e, "value");
      i = e;
    }
    return out;
  }

  /** One operand [from, to) (no leading space) received in `mode` ("value" or "ref"). */
  private operand(from: number, to: number, mode: Mode): string {
    const t = this.tokens[from];
    const whole = this.text(from, to);
    if (t.kind === "ident" && this.tokens[from + 1]?.text === "(" && to === this.matchingClose(from + 1) + 1) {
      const name = t.text.toUpperCase();
      const call = `${t.text}(${this.args(name, from + 2, to - 1, mode)})`;
      if (mode !== "value" || !RETURNS_RANGE.has(name)) return call;
      this.clean = false;
      return `SINGLE(${call})`;
    }
    if (t.text === "(" && to === this.matchingClose(from) + 1) return `(${this.expression(from + 1, to - 1, mode)})`;
    if (mode !== "value") return whole;
    // An array constant stays an array (SUM({1,2}*{3,4}) is 11 in any formula); only a cell showing an array shows
    // its first value, so the formula as a whole is wrapped (see applyImplicitIntersection).
    if (t.text === "{") {
      this.clean = false;
      this.arrayConstant = true;
      return whole;
    }
    let colon = false;
    for (let k = from; k < to && !colon; k++) colon = this.tokens[k].kind === "colon";
    if (colon) {
      this.clean = false;
      const area = literalArea(whole);
      if (area) return area.top === area.bottom && area.left === area.right ? whole : intersect(area, this.at);
      return `SINGLE(${whole})`;
    }
    // A defined name of several cells (possibly sheet-qualified): intersected at run time.
    const last = this.tokens[to - 1];
    if (last.kind === "ident" && !CELL_LIKE.test(last.text) && this.ctx.rangeNames.has(last.text.toUpperCase())) {
      this.clean = false;
      return `SINGLE(${whole})`;
    }
    return whole;
  }

  private matchingClose(open: number): number {
    return this.partner[open];
  }

  /** The arguments [from, to) of a call to `name`, each received as its parameter receives it. */
  private args(name: string, from: number, to: number, mode: Mode): string {
    let out = "";
    let index = 0;
    let start = from;
    let depth = 0;
    for (let j = from; j <= to; j++) {
      const x = this.tokens[j];
      if (j < to) {
        if (x.text === "(" || x.text === "{") depth++;
        else if (x.text === ")" || x.text === "}") depth--;
        if (!(depth === 0 && x.kind === "comma")) continue;
      }
      const kind = parameterKind(name, index);
      out += this.expression(start, j, kind === "pass" ? mode : kind);
      if (j < to) out += x.text;
      start = j + 1;
      index++;
    }
    return out;
  }

}

const DIGITS = /\d+/g;
const SHAPE_LIMIT = 20_000;
const cleanShapes = new Set<string>();

/** A character of a reference (with sheet): letters, digits, $ ! . _ and the quotes of a masked sheet name. */
function isRefChar(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 36 || c === 33 || c === 46 || c === 95 || c === 39 || c >= 0xc0;
}

const QUOTED = /"(?:[^"]|"")*"|'(?:[^']|'')*'/g;

/**
 * The fast answer for the common formula (`VLOOKUP(A2;Tabel!$A$2:$B$3;2)`, `SUM(D2:D9)`): every range stands alone as
 * an argument a reference parameter takes, so nothing is in a value position. Decided from the characters around each
 * ":" without tokenising, which for a 100 000-row register is most of the cost; anything else goes to the walk.
 */
export function rangesOnlyAsReferenceArguments(formula: string): boolean {
  const f = formula.includes('"') || formula.includes("'") ? formula.replace(QUOTED, (m) => m[0] + "x".repeat(m.length - 2) + m[0]) : formula;
  for (let p = f.indexOf(":"); p !== -1; p = f.indexOf(":", p + 1)) {
    let start = p;
    while (start > 0 && isRefChar(f.charCodeAt(start - 1))) start--;
    let end = p + 1;
    while (end < f.length && isRefChar(f.charCodeAt(end))) end++;
    let b = start - 1;
    while (b >= 0 && f.charCodeAt(b) === 32) b--;
    let a = end;
    while (a < f.length && f.charCodeAt(a) === 32) a++;
    if ((f[b] !== "(" && f[b] !== ",") || (f[a] !== ")" && f[a] !== ",")) return false;
    // the call this argument belongs to, and which argument it is
    let depth = 0;
    let index = 0;
    let q = b;
    for (; q >= 0; q--) {
      const c = f[q];
      if (c === ")") depth++;
      else if (c === "(") {
        if (depth === 0) break;
        depth--;
      } else if (c === "," && depth === 0 && q !== b) index++;
    }
    if (f[b] === ",") index++;
    if (q < 0) return false;
    let n = q;
    while (n > 0 && (isRefChar(f.charCodeAt(n - 1)) && f.charCodeAt(n - 1) !== 33)) n--;
    if (n === q) return false; // a parenthesis, not a call
    const kind = parameterKind(f.slice(n, q).toUpperCase(), index);
    if (kind !== "ref" && kind !== "array") return false;
  }
  return true;
}

/** Whether a plain formula may hold something to intersect: a range, an array constant, a range name or a call above. */
export function mayNeedIntersection(formula: string, ctx: IntersectionContext): boolean {
  if (formula.includes("{") || RANGE_CALL.test(formula)) return true;
  if (ctx.rangeNames.size > 0) {
    const upper = formula.toUpperCase();
    for (const name of ctx.rangeNames) if (upper.includes(name)) return true;
  }
  return formula.includes(":") && !rangesOnlyAsReferenceArguments(formula);
}

/**
 * A plain formula (display form, structured references already translated) at `address` → the same formula with every
 * range in a value position replaced by the cell Excel's implicit intersection takes, or wrapped in SINGLE().
 */
export function applyImplicitIntersection(formula: string, row: number, col: number, ctx: IntersectionContext): { formula: string } {
  if (!mayNeedIntersection(formula, ctx)) return { formula };
  // A column of formulas repeats one structure with other row numbers; what is in a value position depends on the
  // structure only, so a structure found clean once is clean for every row (range names make names matter: no cache).
  const shape = ctx.rangeNames.size === 0 ? formula.replace(DIGITS, "0") : undefined;
  if (shape !== undefined && cleanShapes.has(shape)) return { formula };
  const r = intersectByWalk(formula, row, col, ctx);
  if (r.clean && shape !== undefined) {
    if (cleanShapes.size >= SHAPE_LIMIT) cleanShapes.clear();
    cleanShapes.add(shape);
  }
  return { formula: r.formula };
}

/** The walk over the tokens, without the fast path and the cache (which tests hold against it). */
export function intersectByWalk(formula: string, row: number, col: number, ctx: IntersectionContext): { formula: string; clean: boolean } {
  const tokens = tokenize(formula);
  const walker = new Walker(tokens, { row, col }, ctx);
  const out = walker.expression(0, tokens.length, "value");
  if (walker.clean) return { formula, clean: true };
  return { formula: walker.arrayConstant ? `SINGLE(${out})` : out, clean: false };
}

/** The area of a literal reference text, as text again (for the space operator's intersection of two areas). */
export function intersectAreas(a: Area, b: Area): string | undefined {
  if (a.sheet.toUpperCase() !== b.sheet.toUpperCase()) return undefined;
  const top = Math.max(a.top, b.top);
  const bottom = Math.min(a.bottom, b.bottom);
  const left = Math.max(a.left, b.left);
  const right = Math.min(a.right, b.right);
  if (top > bottom || left > right) return "";
  return areaText({ sheet: a.sheet, top, left, bottom, right });
}
