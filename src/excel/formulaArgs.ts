/**
 * Reading the arguments of PB calls in a cell formula, so the audit can recompute a cell with the rules core.
 * Pure text work. Supported argument forms: numbers, "text", TRUE/FALSE, an omitted argument, cell and range
 * references (also 'Other sheet'!A1:B3), DATE(y,m,d) with constant parts, and a nested PB call of those. Anything
 * else (other functions, arithmetic, defined names) is reported as not recomputable rather than guessed.
 */
import { columnIndex, columnLetter } from "../xlsx/a1";
import { toDisplayFormula } from "../functions/formulaNames";
import { NAMESPACE } from "../functions/registry";
import { isValidYmd, isoToSerial, ymdToIso, type DateSystem } from "../rules/dates";

export interface PbCallSite {
  id: string;
  /** Offsets in the display formula: start of "PB." and one past the closing ")". */
  start: number;
  end: number;
  /** Argument texts, trimmed; an omitted argument is "". */
  args: string[];
}

export type ArgExpr =
  | { kind: "number"; value: number }
  | { kind: "string"; value: string }
  | { kind: "boolean"; value: boolean }
  | { kind: "empty" }
  | { kind: "ref"; sheet?: string; r1: number; c1: number; r2: number; c2: number }
  | { kind: "call"; site: PbCallSite }
  | { kind: "unsupported"; text: string; why: string };

const NAME_CHAR = /[A-Za-z0-9_.\u00C0-\u02AF]/;
const CALL_HEAD = new RegExp(`^${NAMESPACE}\\.([A-Za-z0-9_]+)\\s*\\(`, "i");

/** Index just past a "..." or '...' literal starting at i (doubled quotes are escapes). */
function skipLiteral(s: string, i: number): number {
  const q = s[i];
  let j = i + 1;
  while (j < s.length) {
    if (s[j] === q) {
      if (s[j + 1] === q) {
        j += 2;
        continue;
      }
      return j + 1;
    }
    j++;
  }
  return s.length;
}

/** From just after "(": the argument texts and the index one past the matching ")", or undefined if unbalanced. */
function readArgs(s: string, open: number): { args: string[]; end: number } | undefined {
  const args: string[] = [];
  let depth = 0;
  let start = open;
  let i = open;
  while (i < s.length) {
    const ch = s[i];
    if (ch === '"' || ch === "'") {
      i = skipLiteral(s, i);
      continue;
    }
    if (ch === "(" || ch === "{") depth++;
    else if (ch === ")" || ch === "}") {
      if (depth === 0) {
        if (ch === "}") return undefined;
        const last = s.slice(start, i).trim();
        if (args.length > 0 || last !== "") args.push(last);
        return { args, end: i + 1 };
      }
      depth--;
    } else if (ch === "," && depth === 0) {
      args.push(s.slice(start, i).trim());
      start = i + 1;
    }
    i++;
  }
  return undefined;
}

/** Every PB call in a display-form formula, outermost first, in order of appearance (nested calls included). */
export function pbCallSites(display: string): PbCallSite[] {
  const out: PbCallSite[] = [];
  let i = 0;
  while (i < display.length) {
    const ch = display[i];
    if (ch === '"' || ch === "'") {
      i = skipLiteral(display, i);
      continue;
    }
    if ((ch === "P" || ch === "p") && (i === 0 || !NAME_CHAR.test(display[i - 1]))) {
      const m = CALL_HEAD.exec(display.slice(i));
      if (m) {
        const read = readArgs(display, i + m[0].length);
        if (read) out.push({ id: m[1].toUpperCase(), start: i, end: read.end, args: read.args });
        i += m[0].length;
        continue;
      }
    }
    i++;
  }
  return out;
}

/** The formula (leading "=" optional) in display form. */
export function displayOf(formula: string): string {
  return toDisplayFormula(formula.startsWith("=") ? formula.slice(1) : formula);
}

/** The single PB call that makes up the whole formula, if it is exactly one call (e.g. "=PB.LKS(A2,B2,C2)"). */
export function wholeCall(formula: string): PbCallSite | undefined {
  const d = displayOf(formula).trim();
  const first = pbCallSites(d)[0];
  return first && first.start === 0 && first.end === d.length ? first : undefined;
}

/** "D2" for (row 1, column 3), both 0-based. */
export function a1(row: number, col: number): string {
  return `${columnLetter(col)}${row + 1}`;
}

const REF =
  /^(?:(?:'((?:[^']|'')+)'|([A-Za-z0-9_.\u00C0-\u02AF]+))!)?\$?([A-Za-z]{1,3})\$?(\d{1,7})(?::\$?([A-Za-z]{1,3})\$?(\d{1,7}))?$/;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?(%?)$/;
const DATE_CALL = /^DATE\s*\(([^(),]*),([^(),]*),([^(),]*)\)$/i;

/** `dateSystem`: the workbook's, so DATE(2023,7,1) gives the serial Excel gives it there (43646 in a 1904 workbook). */
export function parseArg(text: string, dateSystem: DateSystem = 1900): ArgExpr {
  const t = text.trim();
  if (t === "") return { kind: "empty" };
  const num = NUMBER.exec(t);
  if (num) {
    const n = Number(t.replace("%", ""));
    return { kind: "number", value: num[3] ? n / 100 : n };
  }
  if (t.startsWith('"') && t.endsWith('"') && t.length >= 2 && skipLiteral(t, 0) === t.length) {
    return { kind: "string", value: t.slice(1, -1).replace(/""/g, '"') };
  }
  if (/^(TRUE|FALSE)$/i.test(t)) return { kind: "boolean", value: t.toUpperCase() === "TRUE" };
  const ref = REF.exec(t);
  if (ref) {
    const sheet = ref[1] !== undefined ? ref[1].replace(/''/g, "'") : ref[2];
    const r1 = Number(ref[4]) - 1;
    const c1 = columnIndex(ref[3]);
    const r2 = ref[6] !== undefined ? Number(ref[6]) - 1 : r1;
    const c2 = ref[5] !== undefined ? columnIndex(ref[5]) : c1;
    return {
      kind: "ref",
      ...(sheet !== undefined ? { sheet } : {}),
      r1: Math.min(r1, r2),
      c1: Math.min(c1, c2),
      r2: Math.max(r1, r2),
      c2: Math.max(c1, c2),
    };
  }
  const date = DATE_CALL.exec(t);
  if (date) {
    const parts = date.slice(1, 4).map((p) => p.trim());
    if (parts.every((p) => /^\d+$/.test(p))) {
      const [y, m, d] = parts.map(Number);
      if (y >= 1900 && y <= 9999 && isValidYmd(y, m, d)) return { kind: "number", value: isoToSerial(ymdToIso(y, m, d), dateSystem) };
    }
    return { kind: "unsupported", text: t, why: "DATE() met onderdelen die geen vaste geldige datum vormen" };
  }
  const sites = pbCallSites(t);
  if (sites.length && sites[0].start === 0 && sites[0].end === t.length) return { kind: "call", site: sites[0] };
  return { kind: "unsupported", text: t, why: "een berekening, functie of naam in het argument" };
}
