/**
 * A formula as stored in a file, tokenised once: for Excel's own limits (length, nesting, arguments), for the ranges
 * the engine would materialise, for moving a shared formula to the cells that share it, and for the prefix in front of
 * each function name. Not an evaluator: HyperFormula parses the formula again; this only has to find references and
 * brackets exactly. String literals, quoted sheet names, structured references and array constants are skipped whole,
 * so nothing inside them is ever taken for a reference.
 */
import { columnLetter } from "./a1";
import { EXCEL } from "./limits";

/** One end of a reference: row/col 0-based; undefined for the missing half of A:A or 1:1. */
interface RefEnd {
  row?: number;
  col?: number;
  rowAbs: boolean;
  colAbs: boolean;
}

export interface RefToken {
  /** Position of the reference in the formula text (without any sheet prefix). */
  start: number;
  end: number;
  /** Sheet prefix as written, e.g. "'Blad 1'!" or "Tabel!"; "" for the formula's own sheet. */
  prefix: string;
  /** The sheet name of the prefix, unquoted ('' unescaped); undefined for the own sheet or a 3D/external prefix. */
  sheet?: string;
  kind: "cell" | "area" | "cols" | "rows";
  a: RefEnd;
  b?: RefEnd;
}

export interface FunctionCall {
  /** As written, e.g. "_xldudf_PB_LKS" or "SUM". */
  name: string;
  /** Anything glued in front of the name: "[2]!", "'pb.xlam'!", "Blad1!"; "" normally. */
  prefix: string;
}

export interface ScannedFormula {
  text: string;
  refs: RefToken[];
  calls: FunctionCall[];
  /** Deepest nesting of function calls (Excel: at most 64). */
  depth: number;
  /** Most arguments given to one function (Excel: at most 255). */
  maxArgs: number;
}

export interface FormulaProblem {
  problem: string;
}

const MAX_ROW = EXCEL.rows;
const MAX_COL = EXCEL.columns;

function isNameChar(c: number): boolean {
  return (
    (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95 /* _ */ || c === 46 /* . */ ||
    c === 92 /* \ */ || c === 63 /* ? */ || c === 36 /* $ */ || c > 127
  );
}

const ERROR_LITERAL = /^#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)/i;

/** "$AB$12" → {col 27, row 11, both absolute}; undefined when it is not a cell inside Excel's grid. */
function cellPart(s: string): RefEnd | undefined {
  let i = 0;
  const colAbs = s.charCodeAt(0) === 36;
  if (colAbs) i++;
  let col = 0;
  const c0 = i;
  while (i < s.length) {
    const c = s.charCodeAt(i) & ~32;
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
    i++;
  }
  if (i === c0 || i - c0 > 3) return undefined;
  const rowAbs = s.charCodeAt(i) === 36;
  if (rowAbs) i++;
  const r0 = i;
  let row = 0;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
    row = row * 10 + (c - 48);
    i++;
  }
  if (i === r0 || row < 1 || row > MAX_ROW || col > MAX_COL || s.charCodeAt(r0) === 48) return undefined;
  return { row: row - 1, col: col - 1, rowAbs, colAbs };
}

function colPart(s: string): RefEnd | undefined {
  const m = /^(\$?)([A-Za-z]{1,3})$/.exec(s);
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[2].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col <= MAX_COL ? { col: col - 1, colAbs: m[1] === "$", rowAbs: false } : undefined;
}

function rowPart(s: string): RefEnd | undefined {
  const m = /^(\$?)([1-9]\d{0,6})$/.exec(s);
  if (!m) return undefined;
  const row = Number(m[2]);
  return row <= MAX_ROW ? { row: row - 1, rowAbs: m[1] === "$", colAbs: false } : undefined;
}

/** End (exclusive) of a quoted piece starting at i (the quote char), with doubled quotes as escapes; -1 if unclosed. */
function quotedEnd(text: string, i: number): number {
  const q = text.charCodeAt(i);
  let j = i + 1;
  while (j < text.length) {
    if (text.charCodeAt(j) === q) {
      if (text.charCodeAt(j + 1) === q) {
        j += 2;
        continue;
      }
      return j + 1;
    }
    j++;
  }
  return -1;
}

/** End (exclusive) of a bracketed piece starting at i ("["), nested brackets and the ' escape of structured refs. */
function bracketEnd(text: string, i: number): number {
  let depth = 0;
  for (let j = i; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === 39 /* ' */) {
      j++; // escapes the next character inside a structured reference
      continue;
    }
    if (c === 91) depth++;
    else if (c === 93 && --depth === 0) return j + 1;
  }
  return -1;
}

function runEnd(text: string, i: number): number {
  let j = i;
  while (j < text.length && isNameChar(text.charCodeAt(j))) j++;
  return j;
}

/** Scan a stored formula (without "="). Returns the problem in Dutch when it breaks Excel's limits or its syntax. */
export function scanFormula(text: string): ScannedFormula | FormulaProblem {
  if (text.length > EXCEL.formulaLength) {
    return { problem: `formule van ${text.length} tekens; Excel staat er ten hoogste ${EXCEL.formulaLength.toLocaleString("nl-NL")} toe` };
  }
  const refs: RefToken[] = [];
  const calls: FunctionCall[] = [];
  // one entry per open parenthesis: the number of arguments for a function call, -1 for a plain group
  const frames: number[] = [];
  let calling = 0;
  let depth = 0;
  let maxArgs = 0;
  let prefix = "";
  let prefixSheet: string | undefined;
  let pendingCall = false;
  let i = 0;
  const n = text.length;
  const takePrefix = (): [string, string | undefined] => {
    const p: [string, string | undefined] = [prefix, prefixSheet];
    prefix = "";
    prefixSheet = undefined;
    return p;
  };
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      const e = quotedEnd(text, i);
      if (e < 0) return { problem: "tekst in de formule zonder afsluitend aanhalingsteken" };
      i = e;
      continue;
    }
    if (c === 39 /* ' */) {
      const e = quotedEnd(text, i);
      if (e < 0 || text.charCodeAt(e) !== 33 /* ! */) return { problem: "bladnaam tussen apostrofs zonder afsluiting of zonder !" };
      const inner = text.slice(i + 1, e - 1).replace(/''/g, "'");
      prefix = text.slice(i, e + 1);
      prefixSheet = /[[\]:]/.test(inner) ? undefined : inner;
      i = e + 1;
      continue;
    }
    if (c === 91 /* [ */) {
      const e = bracketEnd(text, i);
      if (e < 0) return { problem: "[ zonder ] in de formule" };
      // "[1]Blad!A1" or "[1]!Naam": an external workbook; anything else is a structured reference, skipped whole
      if (/^\[\d+\]$/.test(text.slice(i, e))) {
        const r = runEnd(text, e);
        if (text.charCodeAt(r) === 33) {
          prefix = text.slice(i, r + 1);
          prefixSheet = undefined;
          i = r + 1;
          continue;
        }
      }
      i = e;
      continue;
    }
    if (c === 123 /* { */) {
      let j = i + 1;
      while (j < n && text.charCodeAt(j) !== 125) {
        if (text.charCodeAt(j) === 34) {
          const e = quotedEnd(text, j);
          if (e < 0) return { problem: "tekst in een matrixconstante zonder afsluitend aanhalingsteken" };
          j = e;
        } else j++;
      }
      if (j >= n) return { problem: "{ zonder } in de formule" };
      i = j + 1;
      continue;
    }
    if (c === 35 /* # */) {
      const m = ERROR_LITERAL.exec(text.slice(i, i + 14));
      if (m) {
        takePrefix();
        i += m[0].length;
        continue;
      }
      i++; // the spill operator (A1#)
      continue;
    }
    if (c === 40 /* ( */) {
      if (pendingCall) {
        frames.push(0);
        calling++;
        depth = Math.max(depth, calling);
        // an argument count starts at 1 unless the call is empty
        let k = i + 1;
        while (k < n && text.charCodeAt(k) === 32) k++;
        if (text.charCodeAt(k) !== 41) frames[frames.length - 1] = 1;
      } else frames.push(-1);
      pendingCall = false;
      i++;
      continue;
    }
    pendingCall = false;
    if (c === 41 /* ) */) {
      const f = frames.pop();
      if (f === undefined) return { problem: "meer ) dan ( in de formule" };
      if (f >= 0) {
        calling--;
        maxArgs = Math.max(maxArgs, f);
      }
      i++;
      continue;
    }
    if (c === 44 /* , */) {
      const top = frames.length ? frames[frames.length - 1] : -1;
      if (top >= 0) frames[frames.length - 1] = top + 1;
      i++;
      continue;
    }
    if (isNameChar(c)) {
      const start = i;
      let e = runEnd(text, i);
      const word = text.slice(start, e);
      // Blad1!A1 or Blad1:Blad3!A1 (3D): an unquoted sheet prefix
      if (text.charCodeAt(e) === 33 && !/^\d/.test(word)) {
        prefix = text.slice(start, e + 1);
        prefixSheet = word;
        i = e + 1;
        continue;
      }
      if (text.charCodeAt(e) === 58 /* : */) {
        const e2 = runEnd(text, e + 1);
        const second = text.slice(e + 1, e2);
        if (text.charCodeAt(e2) === 33 && !/^\d/.test(word)) {
          prefix = text.slice(start, e2 + 1);
          prefixSheet = undefined; // 3D reference over several sheets
          i = e2 + 1;
          continue;
        }
        const a = cellPart(word);
        const b = a && cellPart(second);
        if (a && b) {
          const [p, s] = takePrefix();
          refs.push({ start, end: e2, prefix: p, sheet: s, kind: "area", a, b });
          i = e2;
          continue;
        }
        const ca = colPart(word);
        const cb = ca && colPart(second);
        if (ca && cb) {
          const [p, s] = takePrefix();
          refs.push({ start, end: e2, prefix: p, sheet: s, kind: "cols", a: ca, b: cb });
          i = e2;
          continue;
        }
        const ra = rowPart(word);
        const rb = ra && rowPart(second);
        if (ra && rb) {
          const [p, s] = takePrefix();
          refs.push({ start, end: e2, prefix: p, sheet: s, kind: "rows", a: ra, b: rb });
          i = e2;
          continue;
        }
      }
      if (text.charCodeAt(e) === 40 /* ( */) {
        calls.push({ name: word, prefix: takePrefix()[0] });
        pendingCall = true;
        i = e;
        continue;
      }
      if (/^\d/.test(word) || word.startsWith(".")) {
        // a number; an exponent sign belongs to it (1E+10)
        if (/[eE]$/.test(word) && (text[e] === "+" || text[e] === "-")) e = runEnd(text, e + 1);
        takePrefix();
        i = e;
        continue;
      }
      const cell = cellPart(word);
      if (cell) {
        const [p, s] = takePrefix();
        refs.push({ start, end: e, prefix: p, sheet: s, kind: "cell", a: cell });
      } else takePrefix();
      i = e;
      continue;
    }
    i++;
  }
  if (frames.length > 0) return { problem: "meer ( dan ) in de formule" };
  if (depth > EXCEL.nesting) return { problem: `functies ${depth} niveaus diep genest; Excel staat er ten hoogste ${EXCEL.nesting} toe` };
  if (maxArgs > EXCEL.arguments) return { problem: `een functie met ${maxArgs} argumenten; Excel staat er ten hoogste ${EXCEL.arguments} toe` };
  return { text, refs, calls, depth, maxArgs };
}

export function isProblem(x: ScannedFormula | FormulaProblem): x is FormulaProblem {
  return (x as FormulaProblem).problem !== undefined;
}

function endText(p: RefEnd): string {
  return `${p.colAbs ? "$" : ""}${columnLetter(p.col!)}${p.rowAbs ? "$" : ""}${p.row! + 1}`;
}

function moved(p: RefEnd, dRow: number, dCol: number): RefEnd | undefined {
  const row = p.row === undefined ? undefined : p.rowAbs ? p.row : p.row + dRow;
  const col = p.col === undefined ? undefined : p.colAbs ? p.col : p.col + dCol;
  if (row !== undefined && (row < 0 || row >= MAX_ROW)) return undefined;
  if (col !== undefined && (col < 0 || col >= MAX_COL)) return undefined;
  return { ...p, row, col };
}

function refText(r: RefToken, a: RefEnd, b?: RefEnd): string {
  switch (r.kind) {
    case "cell":
      return endText(a);
    case "area":
      return `${endText(a)}:${endText(b!)}`;
    case "cols":
      return `${a.colAbs ? "$" : ""}${columnLetter(a.col!)}:${b!.colAbs ? "$" : ""}${columnLetter(b!.col!)}`;
    case "rows":
      return `${a.rowAbs ? "$" : ""}${a.row! + 1}:${b!.rowAbs ? "$" : ""}${b!.row! + 1}`;
  }
}

/**
 * The formula of a cell that shares the master's formula, `dRow`/`dCol` away from it: relative references move,
 * absolute ones stay, and a reference moved off the grid becomes #REF! (as Excel does).
 */
export function shiftFormula(scan: ScannedFormula, dRow: number, dCol: number): { text: string; refs: RefToken[] } {
  if ((dRow === 0 && dCol === 0) || scan.refs.length === 0) return { text: scan.text, refs: scan.refs };
  const out: string[] = [];
  const refs: RefToken[] = [];
  let at = 0;
  let shift = 0;
  for (const r of scan.refs) {
    const a = moved(r.a, dRow, dCol);
    const b = r.b && moved(r.b, dRow, dCol);
    const text = a && (r.b === undefined || b) ? refText(r, a, b) : "#REF!";
    out.push(scan.text.slice(at, r.start), text);
    if (text !== "#REF!") refs.push({ ...r, start: r.start + shift, end: r.start + shift + text.length, a: a!, b });
    shift += text.length - (r.end - r.start);
    at = r.end;
  }
  out.push(scan.text.slice(at));
  return { text: out.join(""), refs };
}

/** Cells an "area" reference covers (cell, column and row ranges are clipped by the engine to what is filled). */
export function areaOf(r: RefToken): number {
  if (r.kind !== "area") return 1;
  return (Math.abs(r.b!.row! - r.a.row!) + 1) * (Math.abs(r.b!.col! - r.a.col!) + 1);
}
