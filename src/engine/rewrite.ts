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

/** Dutch reason for a function the engine does not know. */
export function unsupportedFunctionReason(name: string): string {
  const upper = name.toUpperCase();
  if (upper.startsWith("_XLDUDF_")) return `${name.slice(8)} is een functie van een andere invoegtoepassing; die kan buiten Excel niet worden nagerekend.`;
  const reason = WHY[upper];
  return reason ? `De functie ${upper} kan buiten Excel niet worden nagerekend: ${reason}.` : `De functie ${upper} kent de rekenkern van pb niet; deze cel kan buiten Excel niet worden nagerekend.`;
}

const CALL = /(?<![A-Za-z0-9_.\\])([A-Za-z_\\][A-Za-z0-9_.\\]*)\s*\(/g;
const LITERALS = /"(?:[^"]|"")*"|'(?:[^']|'')*'/g;

/** The first function called in a display-form formula that the engine does not know, if any. */
export function firstUnknownFunction(formula: string, known: ReadonlySet<string>): string | undefined {
  const code = formula.includes('"') || formula.includes("'") ? formula.replace(LITERALS, '""') : formula;
  for (const m of code.matchAll(CALL)) if (!known.has(m[1].toUpperCase())) return m[1];
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
  return { formula: escapeQuotesForEngine(f) };
}

/** The cell content that makes HyperFormula answer #NAME? with this reason. */
export function unsupportedCell(reason: string): string {
  return `=${UNSUPPORTED_FUNCTION}(${textExpression(reason)})`;
}
