/**
 * What the task pane asks of its host. src/excel/officeHost.ts implements it with Office.js; tests pass fakes.
 * Types only: the task pane imports this without pulling in any Office code.
 */
import type { ParameterUse } from "../parameters";
import type { InvokeResult } from "../functions/invoke";
import type { RawArg } from "../functions/contract";

export type Refusal = { refused: string };

export interface Progress {
  /** Dutch description of the current step, e.g. "Blad 3 van 12 lezen". */
  step: string;
  done: number;
  total: number;
}

export type ProgressCallback = (p: Progress) => void;

export interface ApiSetSupport {
  name: string;
  version: string;
  supported: boolean;
}

export interface HostStatus {
  /** False when the pane runs in a plain browser (no Excel). */
  inExcel: boolean;
  host?: string;
  platform?: string;
  apiSets: ApiSetSupport[];
  /** Function ids this runtime handed to CustomFunctions.associate (the functions Excel can call). */
  associated: string[];
  addinVersion: string;
  parameterSetVersion: string;
  parameterSetHash: string;
}

export type ScanStatus =
  /** Recomputed and equal to the value in the workbook. */
  | "gelijk"
  /** Recomputed and different. */
  | "verschil"
  /** Not recomputed (see reason). */
  | "niet-herberekend";

export interface ScannedFormula {
  sheet: string;
  /** A1 address on the sheet, e.g. "D2". */
  address: string;
  /** The formula as stored in the cell (may be a `_xldudf_` form). */
  formula: string;
  /** Display form with PB.X names. */
  display: string;
  /** PB function ids called. */
  functions: string[];
  /** The value Excel shows in the cell (error cells as {error}). */
  workbookValue: RawArg;
  status: ScanStatus;
  /** Why not recomputed, or what the difference likely means (Dutch). */
  reason?: string;
  /** For recomputed cells: the call, its inputs as read, result and parameter values used. */
  recomputed?: {
    id: string;
    inputs: { name: string; text: string; value: RawArg }[];
    result: InvokeResult;
    parameters: ParameterUse[];
    legalBasis: string;
    ruleVersion: string;
  };
}

export interface Symptoms {
  /** Cells showing #NAME? in a PB formula: the add-in was not loaded or the name not resolved. */
  name: number;
  /** Cells still showing #BUSY!. */
  busy: number;
  /** Formulas still stored as `_xldudf_…`: Excel did not map them to the add-in. */
  xldudf: number;
}

export interface ScanResult {
  sheetsScanned: number;
  cellsRead: number;
  formulas: ScannedFormula[];
  symptoms: Symptoms;
  millis: number;
}

export interface CheckResult {
  /** Short Dutch name of the check. */
  title: string;
  ok: boolean;
  detail?: string;
  sheet?: string;
  address?: string;
}

export interface HostActions {
  getStatus(): Promise<HostStatus>;
  /** Writes `formula` (invariant syntax, "," separators) into the selected cell; refuses a non-empty or multi-cell selection. */
  insertFormula(formula: string): Promise<{ address: string } | Refusal>;
  scanWorkbook(onProgress?: ProgressCallback): Promise<ScanResult>;
  /** Writes the receipts of a scan on a NEW sheet (unique name); never touches existing cells. */
  writeAuditSheet(scan: ScanResult, onProgress?: ProgressCallback): Promise<{ sheet: string; rows: number } | Refusal>;
  insertTemplate(id: string): Promise<{ sheets: string[] } | Refusal>;
  runChecks(): Promise<CheckResult[] | Refusal>;
}

export function isRefusal(x: unknown): x is Refusal {
  return typeof x === "object" && x !== null && typeof (x as Refusal).refused === "string";
}
