/**
 * What the task pane asks of its host. src/excel/officeHost.ts implements it with Office.js; tests pass fakes.
 * Types only: the task pane imports this without pulling in any Office code.
 */
import type { ParameterUse } from "../parameters";
import type { InvokeResult } from "../functions/invoke";
import type { RawArg } from "../functions/contract";
import type { CellExplanation } from "./explain";

export type { CellExplanation } from "./explain";

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
  /** Recomputed and equal to the value in the workbook (never a cell that shows an error). */
  | "gelijk"
  /** Recomputed and different. */
  | "verschil"
  /** The cell shows an error (#VALUE!, #N/A, …): listed with the recomputed message, never counted as equal. */
  | "fout"
  /** The cell shows #NAME?: the functions were not loaded when Excel calculated it. */
  | "niet-geladen"
  /** The cell shows #BUSY!: Excel is still waiting for the functions. */
  | "bezig"
  /** Not recomputed (see reason). */
  | "niet-herberekend";

/** The groups the pane and the audit sheet report, in this order. */
export const SCAN_GROUPS: { id: "verschillen" | "fouten" | "niet-herberekend" | "gelijk"; statuses: ScanStatus[] }[] = [
  { id: "verschillen", statuses: ["verschil"] },
  { id: "fouten", statuses: ["fout", "niet-geladen", "bezig"] },
  { id: "niet-herberekend", statuses: ["niet-herberekend"] },
  { id: "gelijk", statuses: ["gelijk"] },
];

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

/** Where the pane runs: filled in by src/excel/officeContext.ts from Office.context, fixed in tests. */
export interface PaneContext {
  /** False in a plain browser: the pane says it works only inside Excel. */
  inExcel: boolean;
  /** Office's display language ("nl-NL"): Excel's formula language follows it. */
  displayLanguage: string;
  /** Office's theme, light or dark. */
  theme: "light" | "dark";
}

/** A template found in the open workbook by its marker cells. */
export interface PlacedTemplate {
  id: string;
  sheets: string[];
}

export interface HostActions {
  getStatus(): Promise<HostStatus>;
  /** Writes `formula` (invariant syntax, "," separators) into the selected cell; refuses a non-empty or multi-cell selection. */
  insertFormula(formula: string): Promise<{ address: string } | Refusal>;
  /** Reads every sheet and recomputes the PB formulas; `signal` cancels between batches (a refusal says so). */
  scanWorkbook(onProgress?: ProgressCallback, signal?: AbortSignal): Promise<ScanResult | Refusal>;
  /** Selects a cell (activating its sheet), for "Ga naar cel". */
  selectCell(sheet: string, address: string): Promise<{ address: string } | Refusal>;
  /** Templates already in the workbook (their marker in A2), so inserting one again can ask first. */
  templatesInWorkbook(): Promise<PlacedTemplate[]>;
  /** Writes the receipts of a scan on a NEW sheet (unique name); never touches existing cells. */
  writeAuditSheet(scan: ScanResult, onProgress?: ProgressCallback): Promise<{ sheet: string; rows: number } | Refusal>;
  insertTemplate(id: string): Promise<{ sheets: string[] } | Refusal>;
  runChecks(): Promise<CheckResult[] | Refusal>;
  /** The active cell's receipt: each PB call in its formula recomputed from the cells it reads. Never writes. */
  explainActiveCell(): Promise<CellExplanation | Refusal>;
  /**
   * Calls `onChange` whenever the selection changes (also on another sheet); resolves to a function that stops
   * listening. The pane debounces. Outside Excel it never calls and stopping does nothing.
   */
  watchSelection(onChange: () => void): Promise<() => Promise<void>>;
  /**
   * Appends the receipt to the newest audit sheet ("controleblad", PB-controle) below what is there, or, when the
   * workbook has none, writes it on a new one. Never overwrites a cell and does not change the selection.
   */
  recordExplanation(explanation: CellExplanation): Promise<{ sheet: string; firstRow: number; rows: number; created: boolean } | Refusal>;
  /** "Bonnetje in de cel": whether this Excel supports it (why not, in Dutch) and whether this workbook has it on. */
  getReceiptInCell(): Promise<ReceiptInCellState>;
  /** Stores the setting in the workbook and recalculates, so every PB money result takes the new form. */
  setReceiptInCell(on: boolean): Promise<ReceiptInCellState | Refusal>;
}

export interface ReceiptInCellState {
  supported: boolean;
  on: boolean;
  /** Why not supported (Dutch), for the pane. */
  why?: string;
}

export function isRefusal(x: unknown): x is Refusal {
  return typeof x === "object" && x !== null && typeof (x as Refusal).refused === "string";
}
