/**
 * A workbook as plain data: what the .xlsx writer (ExcelJS, in this folder only) writes and what the reader returns.
 * Templates render into this model (pure), so the CLI writes them with ExcelJS and tests can inspect them without a file.
 * Formulas are invariant Excel syntax without the leading "=", with PB functions in the display form `PB.LKS(...)`;
 * the writer stores them as Excel does (`_xldudf_PB_LKS(...)`).
 */

export type CellScalar = number | string | boolean | null;

export interface CellError {
  error: string;
}

export interface DataValidationModel {
  type: "list" | "whole" | "decimal" | "date";
  /** For "list": the allowed values, e.g. ["Ja", "Nee"]. */
  values?: string[];
  min?: number;
  max?: number;
  /** Dutch message shown when the input is refused. */
  error?: string;
  prompt?: string;
}

export interface CellModel {
  /** A1 address on its sheet. */
  address: string;
  value?: CellScalar;
  formula?: string;
  /** Cached result of the formula, as Excel would store it. */
  result?: CellScalar | CellError | Date;
  /** Excel number format, e.g. '€ #,##0.00' or 'dd-mm-jjjj' as 'dd-mm-yyyy'. */
  numFmt?: string;
  bold?: boolean;
  italic?: boolean;
  /** ARGB fill colour, e.g. "FFFFF2CC" for input cells. */
  fill?: string;
  wrap?: boolean;
  /** Input cell: unlocked, so a protected sheet still accepts it. */
  input?: boolean;
  validation?: DataValidationModel;
  note?: string;
  /** Read from a file: the formula exactly as stored (e.g. `_xldudf_PB_LKS(A2,B2,C2)`), for the audit report. */
  storedFormula?: string;
  /** Array formula (t="array"): the range it covers, e.g. "D2" or "D2:D10". The writer stores PB calls this way. */
  arrayRef?: string;
  /**
   * Read from a file: why this cell cannot be recomputed (Dutch), e.g. a formula beyond Excel's limits or a range too
   * large to materialise. The engine is not given its formula; the audit reports it and every PB cell that depends on it.
   */
  unverified?: string;
}

/** How a sheet prints: always A4, with every column on the width of one page (as many pages down as needed). */
export interface PrintSetupModel {
  orientation: "portrait" | "landscape";
  /** Rows repeated at the top of every printed page, e.g. "1:6". */
  titleRows?: string;
}

export interface SheetModel {
  name: string;
  cells: CellModel[];
  /** Column widths in characters, by column letter. */
  columnWidths?: Record<string, number>;
  /** Row heights in points, by 1-based row number (rows with wrapped text: Excel does not fit them when it opens a file). */
  rowHeights?: Record<number, number>;
  /** Freeze panes below/right of this cell, e.g. "A2". */
  freeze?: string;
  /** Rows (1-based) spanned by merges, as "A1:E1". */
  merges?: string[];
  /** Read from a file: hidden sheets are recalculated like the others, but an auditor should know. */
  state?: "visible" | "hidden" | "veryHidden";
  /** Every cell aligned to the top (rows that hold wrapped text read as one line of a table). */
  alignTop?: boolean;
  /** Sheet protection without a password: only cells with `input` can be changed, and anyone can lift it. */
  protect?: boolean;
  print?: PrintSetupModel;
}

export interface DefinedNameModel {
  name: string;
  /** Absolute reference, e.g. "'LKS-register'!$H$2:$H$501". */
  ref: string;
  /** Sheet-scoped name (localSheetId in the file): the sheet's name; absent = workbook scope. */
  localSheet?: string;
  /** Read from a file: hidden="1" (Excel's own names such as _xlnm._FilterDatabase usually are). */
  hidden?: boolean;
}

/**
 * An Excel Table (ListObject), as `xl/tables/tableN.xml` defines it. Formulas refer to it by name with structured
 * references (`Tabel1[Loonwaarde]`); the engine translates those to plain references (src/functions/formulaNames.ts).
 */
export interface TableModel {
  /** The `name` attribute. */
  name: string;
  /** The `displayName` attribute: the name formulas use (Excel keeps it equal to `name`; it wins when they differ). */
  displayName?: string;
  /** The sheet the table lies on. */
  sheet: string;
  /** The whole table including header and totals rows, e.g. "B2:E7". */
  ref: string;
  /** Column names (header texts) in order, unescaped, e.g. "Uren [pw]". */
  columns: string[];
  /** 1 with a header row (the default), 0 without. */
  headerRowCount: number;
  /** 1 with a totals row, 0 without (the default). */
  totalsRowCount: number;
}

export interface WorkbookModel {
  sheets: SheetModel[];
  names?: DefinedNameModel[];
  /** Excel Tables of the workbook, for structured references. */
  tables?: TableModel[];
  /** The workbook counts dates from 1904-01-01 (`<workbookPr date1904="1"/>`): serial 0 is 1904-01-01, not 1899-12-31. */
  date1904?: boolean;
  /** Workbook properties: title, creator etc. */
  properties?: { title?: string; creator?: string; description?: string };
  /** Ask Excel to recalculate everything when opening. */
  fullCalcOnLoad?: boolean;
  /** Read from a file: calcPr calcMode; "manual" means the cached values may be stale. */
  calcMode?: "auto" | "manual" | "autoNoTable";
  /** Read from a file: how many formula cells there are and how many carry a cached value (none: saved unrecalculated). */
  formulaStats?: { formulas: number; withCachedValue: number };
}
