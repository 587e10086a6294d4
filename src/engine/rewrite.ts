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
import { tokenize } from "../functions/formulaTokens";
import type { TableModel } from "../xlsx/model";
import { UNSUPPORTED_FUNCTION } from "./excelFunctions";

export interface RewriteContext {
  tables: TableIndex;
  /** Function names the engine knows (upper case). */
  known: ReadonlySet<string>;
}

export function rewriteContext(tables: readonly TableModel[] | undefined, known: ReadonlySet<string>): RewriteContext {
  return { tables: indexTables(tables ?? []), known };
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
  const unknown = firstUnknownFunction(f, ctx.known);
  if (unknown !== undefined) return { reason: unsupportedFunctionReason(unknown) };
  if (f.includes("!") && f.includes(":")) {
    const ref = firstThreeDReference(f);
    if (ref !== undefined) return { reason: `De verwijzing ${ref} loopt over meerdere werkbladen (3D-verwijzing); die kan de rekenkern niet narekenen.` };
  }
  return { formula: escapeQuotesForEngine(f) };
}

/** The cell content that makes HyperFormula answer #NAME? with this reason. */
export function unsupportedCell(reason: string): string {
  return `=${UNSUPPORTED_FUNCTION}(${textExpression(reason)})`;
}
