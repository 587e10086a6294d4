/**
 * A formula as stored in a file, tokenised once (by the project's formula lexer): for Excel's own limits (length, nesting, arguments), for the ranges
 * the engine would materialise, for moving a shared formula to the cells that share it, and for the prefix in front of
 * each function name. Not an evaluator: HyperFormula parses the formula again; this only has to find references and
 * brackets exactly. String literals, quoted sheet names, structured references and array constants are skipped whole,
 * so nothing inside them is ever taken for a reference.
 */
import { columnLetter } from "./a1";
import { tokenize } from "../functions/formulaTokens";
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

const unquote = (sheetToken: string) => sheetToken.slice(1, -1).replace(/''/g, "'");

/** Scan a stored formula (without "="). Returns the problem in Dutch when it breaks Excel's limits or its syntax. */
export function scanFormula(text: string): ScannedFormula | FormulaProblem {
  if (text.length > EXCEL.formulaLength) {
    return { problem: `formule van ${text.length} tekens; Excel staat er ten hoogste ${EXCEL.formulaLength.toLocaleString("nl-NL")} toe` };
  }
  const toks = tokenize(text);
  const at: number[] = [];
  let offset = 0;
  for (const t of toks) {
    at.push(offset);
    offset += t.text.length;
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
  const kind = (i: number) => toks[i]?.kind;
  const take = (): [string, string | undefined] => {
    const p: [string, string | undefined] = [prefix, prefixSheet];
    prefix = "";
    prefixSheet = undefined;
    return p;
  };
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    switch (t.kind) {
      case "string":
        if (t.text.length < 2 || !t.text.endsWith('"')) return { problem: "tekst in de formule zonder afsluitend aanhalingsteken" };
        take();
        continue;
      case "sheet": {
        if (t.text.length < 2 || !t.text.endsWith("'") || kind(i + 1) !== "bang") return { problem: "bladnaam tussen apostrofs zonder afsluiting of zonder !" };
        const inner = unquote(t.text);
        prefix = `${t.text}!`;
        prefixSheet = /[[\]:]/.test(inner) ? undefined : inner;
        i++;
        continue;
      }
      case "bracket":
        if (!t.text.endsWith("]")) return { problem: "[ zonder ] in de formule" };
        // "[1]Blad!A1" or "[1]!Naam": an external workbook; anything else is a structured reference, skipped whole
        if (/^\[\d+\]$/.test(t.text)) {
          if (kind(i + 1) === "bang") {
            prefix = `${t.text}!`;
            prefixSheet = undefined;
            i++;
            continue;
          }
          if (kind(i + 1) === "ident" && kind(i + 2) === "bang") {
            prefix = `${t.text}${toks[i + 1].text}!`;
            prefixSheet = undefined;
            i += 2;
            continue;
          }
        }
        take();
        continue;
      case "open":
        frames.push(-1);
        continue;
      case "close": {
        const f = frames.pop();
        if (f === undefined) return { problem: "meer ) dan ( in de formule" };
        if (f >= 0) {
          calling--;
          maxArgs = Math.max(maxArgs, f);
        }
        continue;
      }
      case "comma": {
        const top = frames.length ? frames[frames.length - 1] : -1;
        if (top >= 0) frames[frames.length - 1] = top + 1;
        continue;
      }
      case "brace": {
        // an array constant: its commas and semicolons separate elements, not arguments
        if (t.text !== "{") return { problem: "} zonder { in de formule" };
        let j = i + 1;
        while (j < toks.length && toks[j].text !== "}") j++;
        if (j >= toks.length) return { problem: "{ zonder } in de formule" };
        i = j;
        continue;
      }
      case "ident":
      case "number": {
        const start = at[i];
        // Blad1!A1, or Blad1:Blad3!A1 (3D: several sheets)
        if (t.kind === "ident" && kind(i + 1) === "bang") {
          prefix = `${t.text}!`;
          prefixSheet = t.text;
          i++;
          continue;
        }
        if (kind(i + 1) === "colon" && (kind(i + 2) === "ident" || kind(i + 2) === "number")) {
          const second = toks[i + 2].text;
          if (t.kind === "ident" && kind(i + 3) === "bang") {
            prefix = `${t.text}:${second}!`;
            prefixSheet = undefined;
            i += 3;
            continue;
          }
          const end = at[i + 2] + second.length;
          const area = cellPart(t.text);
          const cols = !area ? colPart(t.text) : undefined;
          const rows = !area && !cols ? rowPart(t.text) : undefined;
          const b = area ? cellPart(second) : cols ? colPart(second) : rows ? rowPart(second) : undefined;
          const a = area ?? cols ?? rows;
          if (a && b) {
            const [p, sh] = take();
            refs.push({ start, end, prefix: p, sheet: sh, kind: area ? "area" : cols ? "cols" : "rows", a, b });
            i += 2;
            continue;
          }
        }
        if (t.kind === "ident" && kind(i + 1) === "open") {
          calls.push({ name: t.text, prefix: take()[0] });
          frames.push(0);
          calling++;
          depth = Math.max(depth, calling);
          // an argument count starts at 1 unless the call is empty
          let k = i + 2;
          while (kind(k) === "space") k++;
          if (kind(k) !== "close") frames[frames.length - 1] = 1;
          i++;
          continue;
        }
        const cell = t.kind === "ident" ? cellPart(t.text) : undefined;
        const [p, sh] = take();
        if (cell) refs.push({ start, end: start + t.text.length, prefix: p, sheet: sh, kind: "cell", a: cell });
        continue;
      }
      default:
        continue;
    }
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
