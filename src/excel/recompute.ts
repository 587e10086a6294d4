/**
 * The audit's arithmetic, without Office: given the sheets as read in batches (formulas, values, value types of each
 * used range), find every PB formula, recompute the ones whose arguments can be read, and compare with what Excel shows.
 * officeHost.ts does the reading; this module is tested directly.
 */
import type { CellValue, Matrix, RawArg } from "../functions/contract";
import { findPbCalls } from "../functions/formulaNames";
import { invoke, isErrorResult, type InvokeResult } from "../functions/invoke";
import { EXCEL_ONLY, REGISTRY } from "../functions/registry";
import type { ParameterUse, Trace } from "../parameters";
import type { DateSystem } from "../rules/dates";
import { a1, displayOf, parseArg, wholeCall, type ArgExpr, type PbCallSite } from "./formulaArgs";
import type { ScannedFormula, Symptoms } from "./hostActions";

/** One block of a sheet as Office.js returns it (Range.formulas / values / valueTypes), anchored at (rowIndex, columnIndex). */
export interface SheetBlock {
  sheet: string;
  rowIndex: number;
  columnIndex: number;
  formulas: unknown[][];
  values: unknown[][];
  valueTypes?: string[][];
}

/** Ranges larger than this are not materialised for a recomputation (a whole-column reference, say). */
export const MAX_RANGE_CELLS = 100_000;

const ERROR_TEXT = /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|BUSY!|FIELD!|BLOCKED!|CONNECT!|UNKNOWN!)$/;

/** A cell value as Office.js gives it → the plain value the PB functions receive (errors as {error}). */
export function cellValue(value: unknown, valueType?: string): CellValue {
  if (valueType === "Error" || (valueType === undefined && typeof value === "string" && ERROR_TEXT.test(value))) {
    return { error: String(value) };
  }
  if (valueType === "Empty" || value === "" || value === undefined || value === null) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  return String(value);
}

/** Sparse lookup of read cells per sheet (lower-cased name) so references across sheets resolve without another read. */
export class WorkbookData {
  private readonly sheets = new Map<string, { name: string; cells: Map<number, CellValue> }>();
  private static key(r: number, c: number): number {
    return r * 16384 + c;
  }

  add(block: SheetBlock): void {
    const k = block.sheet.toLowerCase();
    let s = this.sheets.get(k);
    if (!s) {
      s = { name: block.sheet, cells: new Map() };
      this.sheets.set(k, s);
    }
    block.values.forEach((row, i) =>
      row.forEach((v, j) => {
        const cv = cellValue(v, block.valueTypes?.[i]?.[j]);
        if (cv !== null) s.cells.set(WorkbookData.key(block.rowIndex + i, block.columnIndex + j), cv);
      }),
    );
  }

  hasSheet(name: string): boolean {
    return this.sheets.has(name.toLowerCase());
  }

  get(sheet: string, r: number, c: number): CellValue {
    return this.sheets.get(sheet.toLowerCase())?.cells.get(WorkbookData.key(r, c)) ?? null;
  }
}

export type Evaluated = { ok: true; value: RawArg } | { ok: false; why: string };

type RefExpr = Extract<ArgExpr, { kind: "ref" }>;

/** The value(s) a reference reads: one cell as a value, a range as a matrix; `home` is the formula's own sheet. */
export function readRef(expr: RefExpr, home: string, data: WorkbookData): Evaluated {
  const sheet = expr.sheet ?? home;
  if (!data.hasSheet(sheet)) return { ok: false, why: `blad "${sheet}" bestaat niet of is niet gelezen` };
  const rows = expr.r2 - expr.r1 + 1;
  const cols = expr.c2 - expr.c1 + 1;
  if (rows * cols > MAX_RANGE_CELLS) return { ok: false, why: `bereik van ${rows * cols} cellen is te groot om na te rekenen` };
  if (rows === 1 && cols === 1) return { ok: true, value: data.get(sheet, expr.r1, expr.c1) };
  const m: Matrix = [];
  for (let r = expr.r1; r <= expr.r2; r++) {
    const row: CellValue[] = [];
    for (let c = expr.c1; c <= expr.c2; c++) row.push(data.get(sheet, r, c));
    m.push(row);
  }
  return { ok: true, value: m };
}

function evalArg(expr: ArgExpr, home: string, data: WorkbookData, trace: Trace, dateSystem: DateSystem): Evaluated {
  switch (expr.kind) {
    case "number":
    case "string":
    case "boolean":
      return { ok: true, value: expr.value };
    case "empty":
      return { ok: true, value: undefined };
    case "ref":
      return readRef(expr, home, data);
    case "call": {
      const r = evalCall(expr.site, home, data, trace, dateSystem);
      if (!r.ok) return r;
      const v = r.result;
      return { ok: true, value: isErrorResult(v) ? { error: v.error, message: v.message } : (v as RawArg) };
    }
    case "unsupported":
      return { ok: false, why: `${expr.why}: ${expr.text}` };
  }
}

function evalCall(
  site: PbCallSite,
  home: string,
  data: WorkbookData,
  trace: Trace,
  dateSystem: DateSystem,
): { ok: true; result: InvokeResult; inputs: { name: string; text: string; value: RawArg }[] } | { ok: false; why: string } {
  const spec = REGISTRY.get(site.id);
  if (!spec) return { ok: false, why: `PB.${site.id} is geen functie van deze versie` };
  const inputs: { name: string; text: string; value: RawArg }[] = [];
  const raw: RawArg[] = [];
  for (let i = 0; i < site.args.length; i++) {
    const e = evalArg(parseArg(site.args[i], dateSystem), home, data, trace, dateSystem);
    if (!e.ok) return e;
    raw.push(e.value);
    inputs.push({ name: spec.args[i]?.name ?? `argument ${i + 1}`, text: site.args[i], value: e.value });
  }
  return { ok: true, result: invoke(site.id, raw, { trace, dateSystem }), inputs };
}

function dedupe(trace: Trace): ParameterUse[] {
  const seen = new Set<string>();
  return trace.filter((u) => {
    const k = `${u.name}@${u.from}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function topLeft(r: InvokeResult): InvokeResult {
  return Array.isArray(r) ? (r[0]?.[0] ?? "") : r;
}

/** Same figure? Numbers to 1e-9 relative (both sides are doubles of the same computation), errors by code. */
export function sameValue(workbook: RawArg, result: InvokeResult): boolean {
  const r = topLeft(result);
  if (isErrorResult(r)) return typeof workbook === "object" && workbook !== null && !Array.isArray(workbook) && workbook.error === r.error;
  if (typeof r === "number" && typeof workbook === "number") return Math.abs(r - workbook) <= 1e-9 * Math.max(1, Math.abs(r));
  return r === workbook;
}

function errorOf(v: RawArg): string | undefined {
  return typeof v === "object" && v !== null && !Array.isArray(v) && typeof v.error === "string" ? v.error : undefined;
}

/** What a user does about a cell that shows #NAME? or #BUSY! (the Status panel has the full guide). */
export const REPAIR_HINTS = {
  "niet-geladen":
    "De cel toont #NAME?: de PB-functies waren niet geladen toen Excel rekende. Open het taakvenster en druk op Ctrl+Alt+F9; helpt dat niet, selecteer de cel en druk op F2 en Enter.",
  bezig: "De cel toont #BUSY!: Excel wacht nog op de PB-functies. Wacht even en controleer opnieuw; blijft het staan, sluit en open de werkmap.",
} as const;

function recomputedText(r: InvokeResult): string {
  const v = topLeft(r);
  if (isErrorResult(v)) return `${v.error} ${v.message}`;
  return typeof v === "number" ? v.toLocaleString("nl-NL", { maximumFractionDigits: 10 }) : String(v);
}

/** Recompute one formula cell. `dateSystem` is the workbook's (1904 workbooks read serials 1462 days later). */
export function recomputeCell(
  sheet: string,
  row: number,
  col: number,
  formula: string,
  workbookValue: RawArg,
  data: WorkbookData,
  dateSystem: DateSystem = 1900,
): ScannedFormula {
  const display = displayOf(formula);
  const base = { sheet, address: a1(row, col), formula, display: `=${display}`, functions: findPbCalls(formula), workbookValue };
  const shown = errorOf(workbookValue);
  if (shown === "#NAME?") return { ...base, status: "niet-geladen", reason: REPAIR_HINTS["niet-geladen"] };
  if (shown === "#BUSY!" || shown === "#GETTING_DATA") return { ...base, status: "bezig", reason: REPAIR_HINTS.bezig };
  const call = wholeCall(formula);
  if (!call) {
    const why = "De PB-aanroep is deel van een grotere formule; alleen formules die uit één PB-aanroep bestaan worden vergeleken.";
    return shown ? { ...base, status: "fout", reason: `De cel toont ${shown}. ${why}` } : { ...base, status: "niet-herberekend", reason: why };
  }
  const trace: Trace = [];
  const r = evalCall(call, sheet, data, trace, dateSystem);
  if (!r.ok) {
    const why = `Niet na te rekenen: ${r.why}.`;
    return shown ? { ...base, status: "fout", reason: `De cel toont ${shown}. ${why}` } : { ...base, status: "niet-herberekend", reason: why };
  }
  const spec = REGISTRY.get(call.id)!;
  const recomputed = {
    id: call.id,
    inputs: r.inputs,
    result: r.result,
    parameters: dedupe(trace),
    legalBasis: spec.legalBasis,
    ruleVersion: spec.ruleVersion,
  };
  if (shown) {
    // An error is never "gelijk": the user must see why the figure is missing, in the rules' own words.
    const same = sameValue(workbookValue, r.result);
    return {
      ...base,
      status: "fout",
      reason: same
        ? `De cel toont ${shown}: ${recomputedText(r.result).slice(shown.length + 1)}`
        : `De cel toont ${shown}; herberekend: ${recomputedText(r.result)}.`,
      recomputed,
    };
  }
  if (sameValue(workbookValue, r.result)) return { ...base, status: "gelijk", recomputed };
  const reason = isErrorResult(topLeft(r.result))
    ? `De werkmap toont een waarde, de rekenregels geven ${recomputedText(r.result)}`
    : "De waarde in de werkmap wijkt af van de rekenregels van deze versie (andere versie van de invoegtoepassing, of handmatig overschreven?).";
  return { ...base, status: "verschil", reason, recomputed };
}

export function emptySymptoms(): Symptoms {
  return { name: 0, busy: 0, xldudf: 0 };
}

/** The PB formula cells of a block, as [row, col, formula, value] with absolute 0-based coordinates. */
export function pbCellsOf(block: SheetBlock): { row: number; col: number; formula: string; value: CellValue }[] {
  const out: { row: number; col: number; formula: string; value: CellValue }[] = [];
  block.formulas.forEach((fr, i) =>
    fr.forEach((f, j) => {
      // Cheap test first: most cells are not formulas, and most formulas are not ours.
      if (typeof f !== "string" || f[0] !== "=" || !/pb|xldudf/i.test(f)) return;
      // A PB.UITLEG cell explains another figure and computes none of its own: nothing to compare.
      const calls = findPbCalls(f);
      if (calls.length === 0 || calls.every((id) => EXCEL_ONLY.has(id))) return;
      out.push({ row: block.rowIndex + i, col: block.columnIndex + j, formula: f, value: cellValue(block.values[i]?.[j], block.valueTypes?.[i]?.[j]) });
    }),
  );
  return out;
}

export function countSymptom(s: Symptoms, formula: string, value: CellValue): void {
  if (/_xldudf_/i.test(formula)) s.xldudf++;
  if (typeof value === "object" && value !== null) {
    if (value.error === "#NAME?") s.name++;
    if (value.error === "#BUSY!") s.busy++;
  }
}

export function isErrorValueOf(v: unknown): v is { error: string } {
  return typeof v === "object" && v !== null && !Array.isArray(v) && typeof (v as { error?: unknown }).error === "string";
}
