/**
 * The engine's formula-rewrite hook: a formula as the workbook model holds it → the formula HyperFormula is given.
 * Stored names to display form, structured references to plain references, LET expanded, `@` to SINGLE(); a formula
 * that cannot be recalculated here (an unknown table, INDIRECT, another add-in's function) becomes a call that gives
 * #NAME? with the Dutch reason, so the report says per cell why, and dependants carry the same reason on.
 */
import {
  expandLet,
  indexTables,
  rewriteAtOperator,
  toDisplayFormula,
  translateStructuredReferences,
  type FormulaPlace,
  type Rewrite,
  type TableIndex,
} from "../functions/formulaNames";
import { operandEnd, skipSpace, tokenize, type Token } from "../functions/formulaTokens";
import { parseAddress } from "../xlsx/a1";
import type { DefinedNameModel, TableModel } from "../xlsx/model";
import { UNSUPPORTED_FUNCTION } from "./excelFunctions";
import { applyImplicitIntersection, intersectAreas, literalArea } from "./implicitIntersection";

export interface RewriteContext {
  tables: TableIndex;
  /** Function names the engine knows (upper case). */
  known: ReadonlySet<string>;
  /** Defined names (upper case) that stand for more than one cell or a formula that may give a range. */
  rangeNames: ReadonlySet<string>;
}

const RANGE_GIVING = /:|(?<![A-Za-z0-9_.])(?:OFFSET|INDEX|INDIRECT|CHOOSE|IF)\s*\(/i;

export function rewriteContext(tables: readonly TableModel[] | undefined, known: ReadonlySet<string>, names?: readonly DefinedNameModel[]): RewriteContext {
  const rangeNames = new Set<string>();
  for (const n of names ?? []) if (!/^_xlnm\./i.test(n.name) && RANGE_GIVING.test(n.ref.replace(LITERALS, '""'))) rangeNames.add(n.name.toUpperCase());
  return { tables: indexTables(tables ?? []), known, rangeNames };
}

const WHY: Record<string, string> = {};
function why(reason: string, names: string): void {
  for (const n of names.split(" ")) WHY[n] = reason;
}
why("de verwijzing ontstaat pas tijdens het rekenen uit tekst, zodat vooraf niet vast te stellen is welke cellen meetellen", "INDIRECT");
why("de functie geeft informatie over Excel zelf (opmaak, bestandsnaam, omgeving) die buiten Excel niet bestaat", "CELL INFO");
why("zelfgedefinieerde functies (LAMBDA) kent de rekenkern niet", "LAMBDA MAP REDUCE SCAN BYROW BYCOL MAKEARRAY ISOMITTED");
why("de grootte van de uitkomst hangt af van de gegevens; zulke matrixfuncties kent de rekenkern nog niet", "TEXTSPLIT TAKE DROP CHOOSECOLS CHOOSEROWS EXPAND TOCOL TOROW WRAPROWS WRAPCOLS SORTBY RANDARRAY");
why("de functie haalt gegevens van buiten de werkmap", "WEBSERVICE FILTERXML RTD STOCKHISTORY IMAGE CUBEVALUE CUBEMEMBER CUBESET");
why("de uitkomst hangt af van filters en verborgen rijen in Excel", "AGGREGATE");
why("een verwijzing naar een overlopend bereik (A1#) kent de rekenkern niet", "ANCHORARRAY");

/** Excel functions the engine deliberately leaves out, each with its own reason (README lists them). */
export function namedUnsupportedFunctions(): string[] {
  return Object.keys(WHY);
}

/** Dutch reason for a function the engine does not know. */
export function unsupportedFunctionReason(name: string): string {
  const upper = name.toUpperCase();
  if (upper.startsWith("_XLDUDF_")) return `${name.slice(8)} is een functie van een andere invoegtoepassing; die kan buiten Excel niet worden nagerekend.`;
  const reason = WHY[upper];
  return reason ? `De functie ${upper} kan buiten Excel niet worden nagerekend: ${reason}.` : `De functie ${upper} kent de rekenkern van pb niet; deze cel kan buiten Excel niet worden nagerekend.`;
}

const LITERALS = /"(?:[^"]|"")*"|'(?:[^']|'')*'/g;

/** A character of a function name: letters (any script), digits, _ . and \\. */
function isNameChar(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95 || c === 46 || c === 92 || c >= 0xc0;
}

/**
 * The first function called in a display-form formula that the engine does not know, if any. Walks back from each
 * "(" instead of matching the whole text: run for every formula of a workbook, this is a measurable part of a load.
 */
export function firstUnknownFunction(formula: string, known: ReadonlySet<string>): string | undefined {
  const code = formula.includes('"') || formula.includes("'") ? formula.replace(LITERALS, '""') : formula;
  for (let p = code.indexOf("("); p !== -1; p = code.indexOf("(", p + 1)) {
    let end = p;
    while (end > 0 && code.charCodeAt(end - 1) === 32) end--;
    let start = end;
    while (start > 0 && isNameChar(code.charCodeAt(start - 1))) start--;
    if (start === end) continue; // a parenthesis, not a call
    const first = code.charCodeAt(start);
    if (first >= 48 && first <= 57) continue; // 2(…) is no name
    const name = code.slice(start, end);
    if (!known.has(name.toUpperCase())) return name;
  }
  return undefined;
}

/** A text as a HyperFormula expression: HyperFormula's lexer has no "" escape, so a quote inside becomes CHAR(34). */
function textExpression(text: string): string {
  if (!text.includes('"')) return `"${text}"`;
  return `(${text
    .split('"')
    .map((part) => `"${part}"`)
    .join("&CHAR(34)&")})`;
}

/**
 * String literals with a doubled quote inside ("zeg ""ja""", as Excel writes a quote in a text) → the same text
 * built with CHAR(34), which HyperFormula 3.5 parses (it stops a literal at the first quote). Same value, same type.
 */
export function escapeQuotesForEngine(formula: string): string {
  if (!formula.includes('""')) return formula;
  let changed = false;
  const out = tokenize(formula).map((t) => {
    if (t.kind !== "string" || !t.text.slice(1, -1).includes('""')) return t.text;
    changed = true;
    return textExpression(t.text.slice(1, -1).replace(/""/g, '"'));
  });
  return changed ? out.join("") : formula;
}

/** A reference across sheets (`Blad1:Blad3!A1`, `'Jan:Dec'!B2`), which HyperFormula does not know, if any. */
export function firstThreeDReference(formula: string): string | undefined {
  const tokens = tokenize(formula);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind === "sheet" && tokens[i + 1]?.kind === "bang" && t.text.slice(1, -1).includes(":")) return `${t.text}!${tokens[i + 2]?.text ?? ""}`;
    // Not Blad1!A1:Blad1!A5 (a range written with the sheet twice): the first part must not follow a "!".
    if (t.kind === "ident" && tokens[i - 1]?.kind !== "bang" && tokens[i + 1]?.kind === "colon" && tokens[i + 2]?.kind === "ident" && tokens[i + 3]?.kind === "bang") {
      return `${t.text}:${tokens[i + 2].text}!${tokens[i + 4]?.text ?? ""}`;
    }
  }
  return undefined;
}

/** Error values Excel writes that HyperFormula 3.5 cannot read or represent, with what they mean in Excel. */
const UNKNOWN_ERRORS: Record<string, string> = {
  "#NULL!": "de bereiken snijden elkaar niet",
  "#CALC!": "rekenfout in een matrix",
  "#GETTING_DATA": "gegevens worden nog opgehaald",
  "#FIELD!": "onbekend veld van een gegevenstype",
  "#BLOCKED!": "een geblokkeerde bron",
  "#CONNECT!": "geen verbinding met een bron",
  "#BUSY!": "Excel was nog bezig",
  "#UNKNOWN!": "een onbekend gegevenstype",
};

/** The text of tokens [from, to). */
function text(tokens: readonly Token[], from: number, to: number): string {
  let s = "";
  for (let i = from; i < to; i++) s += tokens[i].text;
  return s;
}

/** Whether a formula holds a lexical form lexicalForms() rewrites or refuses: 1E-4, {TRUE}, Blad1!#REF!, A1:B2 B2:C3 … */
const LEXICAL = /\dE|\{|#| |\)\s*:|:\s*[A-Za-z_][A-Za-z0-9_.]*\s*\(/;

/**
 * Forms Excel writes that HyperFormula 3.5's parser refuses or misreads, rewritten to what it reads with the same
 * value: an upper-case exponent (1E-4, 2.5E+3 → 1e-4, 2.5e+3); TRUE and FALSE inside an array constant ({TRUE,0} →
 * {TRUE(),0}; the names alone crash its array parser); a reference whose cell was deleted (Blad1!#REF! → #REF!); the
 * intersection operator, a space between two references (A1:C3 B2:B9 → B2:B3), computed here when both are literal
 * areas on one sheet. Error values HyperFormula has no type for (#NULL!, #CALC! …), a range with a function as a bound
 * (A1:INDEX(…)) and an intersection of other references are refused with their reason. Strings and sheet names are
 * single tokens, so nothing inside them is touched.
 */
export function lexicalForms(formula: string): Rewrite {
  if (!LEXICAL.test(formula)) return { formula };
  const tokens = tokenize(formula);
  let changed = false;
  let braces = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind === "number" && t.text.includes("E")) {
      t.text = t.text.toLowerCase();
      changed = true;
    } else if (t.kind === "brace") braces += t.text === "{" ? 1 : -1;
    else if (t.kind === "ident" && braces > 0 && /^(TRUE|FALSE)$/i.test(t.text) && tokens[i + 1]?.text !== "(") {
      t.text = `${t.text.toUpperCase()}()`;
      changed = true;
    } else if (t.kind === "error") {
      const code = t.text.toUpperCase();
      if (UNKNOWN_ERRORS[code]) return { reason: `De foutwaarde ${code} (${UNKNOWN_ERRORS[code]}) staat in de formule; die kent de rekenkern niet.` };
      // Blad1!#REF! (and [1]Blad1!#REF!): the sheet no longer matters, the value is #REF!.
      if (code === "#REF!" && tokens[i - 1]?.kind === "bang") {
        let k = i - 2;
        if (tokens[k]?.kind === "sheet" || tokens[k]?.kind === "ident") k--;
        if (tokens[k]?.kind === "bracket") k--;
        for (let j = k + 1; j < i; j++) tokens[j].text = "";
        changed = true;
      }
    } else if (t.kind === "colon" && (tokens[i - 1]?.kind === "close" || (tokens[i + 1]?.kind === "ident" && tokens[i + 2]?.text === "("))) {
      return { reason: "Een bereik met een functie als grens (zoals A1:INDEX(…)) kent de rekenkern niet." };
    }
  }
  // The intersection operator: two operands with only white space between them.
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].kind === "space" || tokens[i].kind === "op" || tokens[i].kind === "comma" || tokens[i].kind === "open" || tokens[i].kind === "close") continue;
    const end = operandEnd(tokens, i);
    if (end <= i) continue;
    // a call or a parenthesis: look inside it instead
    if (tokens.slice(i, end).some((t) => t.kind === "open" || t.kind === "brace")) continue;
    const next = skipSpace(tokens, end);
    if (next === end || next >= tokens.length || tokens[next].kind === "op" || tokens[next].kind === "comma" || tokens[next].kind === "close" || tokens[next].kind === "colon") {
      i = end - 1;
      continue;
    }
    const nextEnd = operandEnd(tokens, next);
    if (nextEnd <= next) {
      i = end - 1;
      continue;
    }
    const a = literalArea(text(tokens, i, end));
    const b = literalArea(text(tokens, next, nextEnd));
    const both = a && b ? intersectAreas(a, b) : undefined;
    if (both === undefined) return { reason: `De doorsnede (spatie) van ${text(tokens, i, end).trim()} en ${text(tokens, next, nextEnd).trim()} kan de rekenkern niet narekenen.` };
    if (both === "") return { reason: `${text(tokens, i, end).trim()} en ${text(tokens, next, nextEnd).trim()} snijden elkaar niet; Excel geeft hier #NULL!, een foutwaarde die de rekenkern niet kent.` };
    // one token for the intersected area; it may meet a third area, so look at it again
    tokens.splice(i, nextEnd - i, { kind: "ident", text: both });
    changed = true;
    i--;
  }
  return { formula: changed ? text(tokens, 0, tokens.length) : formula };
}

/** The rewritten formula (without "="), or the Dutch reason it cannot be recalculated. */
export function engineFormula(formula: string, place: FormulaPlace | undefined, ctx: RewriteContext): Rewrite {
  // The model holds display form already; only stored names (_xldudf_, _xlfn., [n]!) need mapping (a measurable share
  // of a 100k-row load, so the common case skips it).
  let f = formula.includes("_x") || formula.includes("]!") ? toDisplayFormula(formula) : formula;
  let r: Rewrite;
  if (f.includes("[") || ctx.tables.byName.size > 0) {
    r = translateStructuredReferences(f, place, ctx.tables);
    if (r.reason !== undefined) return r;
    f = r.formula;
  }
  if (f.length >= 4 && /LET\s*\(/i.test(f)) {
    r = expandLet(f);
    if (r.reason !== undefined) return r;
    f = r.formula;
  }
  if (f.includes("@")) {
    r = rewriteAtOperator(f);
    if (r.reason !== undefined) return r;
    f = r.formula;
  }
  r = lexicalForms(f);
  if (r.reason !== undefined) return r;
  f = r.formula;
  const unknown = firstUnknownFunction(f, ctx.known);
  if (unknown !== undefined) return { reason: unsupportedFunctionReason(unknown) };
  if (f.includes("!") && f.includes(":")) {
    const ref = firstThreeDReference(f);
    if (ref !== undefined) return { reason: `De verwijzing ${ref} loopt over meerdere werkbladen (3D-verwijzing); die kan de rekenkern niet narekenen.` };
  }
  if (place?.plain) {
    const at = parseAddress(place.address);
    if (at) {
      f = applyImplicitIntersection(f, at[0], at[1], ctx).formula;
    }
  }
  return { formula: escapeQuotesForEngine(f) };
}

/** The cell content that makes HyperFormula answer #NAME? with this reason. */
export function unsupportedCell(reason: string): string {
  return `=${UNSUPPORTED_FUNCTION}(${textExpression(reason)})`;
}
