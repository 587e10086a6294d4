/**
 * A small lexer for Excel formulas in invariant syntax (what files and `range.formulas` hold), for the text rewrites
 * in formulaNames.ts: structured references, LET and `@`. Not a parser: it only splits a formula into pieces whose
 * concatenation is the formula again, so a rewrite can replace some pieces and leave every other character as it was.
 */

export type TokenKind =
  | "string" //     "text", with "" inside
  | "sheet" //      'Sheet name', with '' inside (always followed by !)
  | "bracket" //    [...], balanced, ' escapes the next character: structured reference parts, external links [1]
  | "error" //      #N/A, #REF! …
  | "number"
  | "ident" //      names, function names, cell references (A1, $B$2), TRUE
  | "space"
  | "open" //       (
  | "close" //      )
  | "comma" //      ,  (also ; as Dutch Excel shows it)
  | "brace" //      { or }
  | "bang" //       !
  | "colon" //      :
  | "at" //         @
  | "op"; //        + - * / ^ & = < > % and anything else, one character at a time

export interface Token {
  kind: TokenKind;
  text: string;
}

// Sticky (y): matched at lastIndex without slicing the formula for every token.
const ERROR_LITERAL = /#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)/iy;
const NUMBER = /(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/y;
// Excel names may hold letters of any script, digits, _ . \ and, in cell references, $.
const IDENT = /[A-Za-z_\\$\u00A1-\uFFFF][A-Za-z0-9_.\\$\u00A1-\uFFFF]*/y;
const SPACE = /\s+/y;

/** The end of a sticky match of re at i, or -1. */
function stickyEnd(re: RegExp, s: string, i: number): number {
  re.lastIndex = i;
  return re.test(s) ? re.lastIndex : -1;
}

const SINGLE: Record<string, TokenKind> = {
  "(": "open",
  ")": "close",
  ",": "comma",
  ";": "comma",
  "{": "brace",
  "}": "brace",
  "!": "bang",
  ":": "colon",
  "@": "at",
};

/** The end (exclusive) of a quoted piece starting at i with quote q; doubled quotes stay inside. Unterminated: the end. */
function quotedEnd(s: string, i: number, q: string): number {
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

/** The end (exclusive) of a bracket group starting at i: nested brackets counted, ' escapes one character. */
function bracketEnd(s: string, i: number): number {
  let depth = 0;
  for (let j = i; j < s.length; j++) {
    const ch = s[j];
    if (ch === "'") {
      j++;
      continue;
    }
    if (ch === "[") depth++;
    else if (ch === "]") {
      depth--;
      if (depth === 0) return j + 1;
    }
  }
  return s.length;
}

export function tokenize(formula: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    let kind: TokenKind;
    let end: number;
    if (ch === '"') [kind, end] = ["string", quotedEnd(formula, i, '"')];
    else if (ch === "'") [kind, end] = ["sheet", quotedEnd(formula, i, "'")];
    else if (ch === "[") [kind, end] = ["bracket", bracketEnd(formula, i)];
    else if (ch === "#" && (end = stickyEnd(ERROR_LITERAL, formula, i)) !== -1) kind = "error";
    else if ((end = stickyEnd(NUMBER, formula, i)) !== -1) kind = "number";
    else if ((end = stickyEnd(IDENT, formula, i)) !== -1) kind = "ident";
    else if ((end = stickyEnd(SPACE, formula, i)) !== -1) kind = "space";
    else [kind, end] = [SINGLE[ch] ?? "op", i + 1];
    out.push({ kind, text: formula.slice(i, end) });
    i = end;
  }
  return out;
}

export function joinTokens(tokens: readonly Token[]): string {
  let s = "";
  for (const t of tokens) s += t.text;
  return s;
}

/** Index of the next token at or after i that is not white space (tokens.length if none). */
export function skipSpace(tokens: readonly Token[], i: number): number {
  while (i < tokens.length && tokens[i].kind === "space") i++;
  return i;
}

/** For an opening "(" or "{" at i: the index of its closing partner (tokens.length if unbalanced). */
export function matching(tokens: readonly Token[], i: number): number {
  const open = tokens[i].text;
  const close = open === "(" ? ")" : "}";
  let depth = 0;
  for (let j = i; j < tokens.length; j++) {
    if (tokens[j].text === open) depth++;
    else if (tokens[j].text === close) {
      depth--;
      if (depth === 0) return j;
    }
  }
  return tokens.length;
}

/** Split tokens [from, to) at commas that are not nested in (), {} — the arguments of a call. */
export function splitArgs(tokens: readonly Token[], from: number, to: number): Token[][] {
  const args: Token[][] = [[]];
  let depth = 0;
  for (let j = from; j < to; j++) {
    const t = tokens[j];
    if (t.text === "(" || t.text === "{") depth++;
    else if (t.text === ")" || t.text === "}") depth--;
    if (depth === 0 && t.kind === "comma") args.push([]);
    else args[args.length - 1].push(t);
  }
  return args;
}

/**
 * The end (exclusive) of one operand starting at i (white space skipped): an optional sheet prefix, then a name or
 * reference, a function call, a parenthesised expression, an array constant or a literal, then any `:`-joined parts
 * of a range. Returns i when there is no operand.
 */
export function operandEnd(tokens: readonly Token[], i: number): number {
  const one = (k: number): number => {
    k = skipSpace(tokens, k);
    if (k >= tokens.length) return k;
    const t = tokens[k];
    if ((t.kind === "sheet" || t.kind === "ident" || (t.kind === "bracket" && /^\[\d+\]$/.test(t.text))) && tokens[k + 1]?.kind === "bang") {
      return one(k + 2) === k + 2 ? k : one(k + 2);
    }
    if (t.kind === "bracket" && /^\[\d+\]$/.test(t.text) && (tokens[k + 1]?.kind === "ident" || tokens[k + 1]?.kind === "sheet")) return one(k + 1);
    if (t.kind === "ident") {
      if (tokens[k + 1]?.text === "(") return matching(tokens, k + 1) + 1;
      let e = k + 1;
      while (tokens[e]?.kind === "bracket") e++; // a structured reference Tabel1[Kolom]
      return e;
    }
    if (t.text === "(" || t.text === "{") return matching(tokens, k) + 1;
    if (t.kind === "number" || t.kind === "string" || t.kind === "error" || t.kind === "bracket") return k + 1;
    return k;
  };
  const start = skipSpace(tokens, i);
  let end = one(start);
  if (end === start) return i;
  while (tokens[end]?.kind === "colon") {
    const next = one(end + 1);
    if (next === end + 1) break;
    end = next;
  }
  return Math.min(end, tokens.length);
}
