/**
 * HostActions on Office.js: the only code besides src/excel/templates.ts that talks to Excel.
 * Reads and writes go in batches: a fixed number of context.sync() calls per phase, each moving up to
 * `cellsPerBatch` cells, never one sync per cell or per formula. Between batches the pane gets progress and a
 * chance to repaint, so a large workbook does not freeze it.
 */
import { PARAMETER_SET_HASH, PARAMETER_SET_VERSION } from "../parameters";
import { ADDIN_VERSION } from "../version";
import { associatedFunctionIds } from "./associated";
import { AUDIT_TABLE_ROW, auditMatrix, auditSheet, explanationAuditRows, uniqueSheetName, AUDIT_COLUMNS, AUDIT_TITLE, type AuditCell } from "./audit";
import type {
  ApiSetSupport,
  CellExplanation,
  CheckResult,
  HostActions,
  HostStatus,
  PlacedTemplate,
  ProgressCallback,
  ReceiptInCellState,
  Refusal,
  ScanResult,
  ScannedFormula,
} from "./hostActions";
import { readExplanation } from "./explainHost";
import { readReceiptInCell, receiptInCellSupport, writeReceiptInCell } from "./receiptInCell";
import { setReceiptInCellOn } from "../functions/cellCard";
import { countSymptom, emptySymptoms, pbCellsOf, recomputeCell, WorkbookData, type SheetBlock } from "./recompute";
import { HostError, NOT_IN_EXCEL, officeErrorText } from "./officeErrors";
import { queueDateSystem } from "./dateSystem";
import { MARKER_ADDRESS, parseMarker } from "../templates/render";

export interface TemplateHooks {
  insertTemplate?(id: string): Promise<{ sheets: string[] } | Refusal>;
  runChecks?(): Promise<CheckResult[] | Refusal>;
}

export interface OfficeHostOptions {
  /** Cells moved per context.sync() (read and write). Excel on the web caps a request at about 5 MB. */
  cellsPerBatch?: number;
  /** Formulas recomputed between two pauses for the UI. */
  formulasPerSlice?: number;
  /** Clock for the audit header (tests pass a fixed one). */
  now?: () => Date;
}

const API_SETS: [string, string][] = [
  ["ExcelApi", "1.12"],
  ["SharedRuntime", "1.1"],
  ["CustomFunctionsRuntime", "1.1"],
];

const pause = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

function officeAvailable(): boolean {
  return typeof Office !== "undefined" && !!Office.context && !!Office.context.host;
}

function inExcel(): boolean {
  return officeAvailable() && Office.context.host === Office.HostType.Excel && typeof Excel !== "undefined";
}

/** Office.context.platform in the words a user knows. */
const PLATFORM_WORDS: Record<string, string> = {
  PC: "Windows",
  Mac: "Mac",
  OfficeOnline: "op het web",
  iOS: "iPad",
  Android: "Android",
  Universal: "Windows (Universal)",
};

/**
 * Runs an Office.js action: outside Excel a plain refusal, and any failure of Excel as a HostError with a Dutch
 * instruction (never "RichApi.Error: …" or "Excel is not defined").
 */
async function inExcelOnly<T>(fn: () => Promise<T | Refusal>): Promise<T | Refusal> {
  if (!inExcel()) return { refused: NOT_IN_EXCEL };
  try {
    return await fn();
  } catch (e) {
    throw new HostError(officeErrorText(e));
  }
}

class Cancelled extends Error {}

interface BlockPlan {
  ws: Excel.Worksheet;
  sheet: string;
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** Split used ranges into row blocks of at most `budget` cells, then group blocks into batches of at most `budget`. */
export function planBatches<T extends { rows: number; cols: number }>(blocks: T[], budget: number): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let size = 0;
  for (const b of blocks) {
    const cells = b.rows * b.cols;
    if (size + cells > budget && current.length) {
      batches.push(current);
      current = [];
      size = 0;
    }
    current.push(b);
    size += cells;
  }
  if (current.length) batches.push(current);
  return batches;
}

function splitRows(p: BlockPlan, budget: number): BlockPlan[] {
  const rowsPerBlock = Math.max(1, Math.floor(budget / Math.max(1, p.cols)));
  const out: BlockPlan[] = [];
  for (let r = 0; r < p.rows; r += rowsPerBlock) out.push({ ...p, row: p.row + r, rows: Math.min(rowsPerBlock, p.rows - r) });
  return out;
}

export function createOfficeHost(hooks: TemplateHooks = {}, options: OfficeHostOptions = {}): HostActions {
  const budget = options.cellsPerBatch ?? 100_000;
  const slice = options.formulasPerSlice ?? 500;
  const now = options.now ?? (() => new Date());

  async function getStatus(): Promise<HostStatus> {
    const excel = inExcel();
    const apiSets: ApiSetSupport[] = API_SETS.map(([name, version]) => {
      let supported = false;
      try {
        supported = excel && Office.context.requirements.isSetSupported(name, version);
      } catch {
        supported = false;
      }
      return { name, version, supported };
    });
    const platform = excel ? String(Office.context.platform) : undefined;
    return {
      inExcel: excel,
      host: excel ? "Excel" : undefined,
      platform: platform === undefined ? undefined : (PLATFORM_WORDS[platform] ?? platform),
      apiSets,
      associated: associatedFunctionIds(),
      addinVersion: ADDIN_VERSION,
      parameterSetVersion: PARAMETER_SET_VERSION,
      parameterSetHash: PARAMETER_SET_HASH,
    };
  }

  async function insertFormula(formula: string): Promise<{ address: string } | Refusal> {
    if (!formula.startsWith("=")) return { refused: `"${formula}" is geen formule (begint niet met =).` };
    return inExcelOnly(() => Excel.run(async (context) => {
      const range = context.workbook.getSelectedRange();
      range.load("address,cellCount,formulas");
      await context.sync();
      if (range.cellCount !== 1) {
        return { refused: `Selecteer één cel; de selectie ${range.address} heeft ${range.cellCount} cellen.` };
      }
      const current = range.formulas?.[0]?.[0];
      if (current !== "" && current !== null && current !== undefined) {
        return { refused: `Cel ${range.address} is niet leeg; PB Rekenkit overschrijft geen cellen. Kies een lege cel.` };
      }
      // The invariant API: English function names and "," separators, whatever the user's locale.
      range.formulas = [[formula]];
      await context.sync();
      return { address: range.address };
    }));
  }

  async function selectCell(sheet: string, address: string): Promise<{ address: string } | Refusal> {
    return inExcelOnly(() =>
      Excel.run(async (context) => {
        const ws = context.workbook.worksheets.getItemOrNullObject(sheet);
        ws.load("isNullObject");
        await context.sync();
        if (ws.isNullObject) return { refused: `Het blad "${sheet}" bestaat niet meer; controleer de werkmap opnieuw.` };
        ws.activate();
        ws.getRange(address).select();
        await context.sync();
        return { address: `${sheet}!${address}` };
      }),
    );
  }

  async function templatesInWorkbook(): Promise<PlacedTemplate[]> {
    if (!inExcel()) return [];
    try {
      return await Excel.run(async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.load("items/name");
        await context.sync();
        const markers = sheets.items.map((ws) => {
          const r = ws.getRange(MARKER_ADDRESS);
          r.load("values");
          return { name: ws.name, r };
        });
        await context.sync();
        const byId = new Map<string, string[]>();
        for (const { name, r } of markers) {
          const m = parseMarker(r.values?.[0]?.[0]);
          if (m) byId.set(m.id, [...(byId.get(m.id) ?? []), name]);
        }
        return [...byId].map(([id, names]) => ({ id, sheets: names }));
      });
    } catch {
      // Not knowing is no reason to block an insert: the insert itself refuses to touch existing sheets.
      return [];
    }
  }

  async function scanWorkbook(onProgress?: ProgressCallback, signal?: AbortSignal): Promise<ScanResult | Refusal> {
    const started = Date.now();
    const check = () => {
      if (signal?.aborted) throw new Cancelled();
    };
    // A cancel is an answer, not an Excel failure: caught before inExcelOnly would translate it.
    return inExcelOnly(async () => {
      try {
        return await scanInExcel();
      } catch (e) {
        if (e instanceof Cancelled) return { refused: "Controle afgebroken; er is niets gewijzigd." };
        throw e;
      }
    });

    function scanInExcel(): Promise<ScanResult> {
      return Excel.run(async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.load("items/name");
        // The workbook's date system rides along in the first sync: a 1904 workbook's serials are read as 1904 days.
        const dateSystemOf = queueDateSystem(context);
        await context.sync();
        const dateSystem = dateSystemOf();

        onProgress?.({ step: "Gebruikte bereiken bepalen", done: 0, total: sheets.items.length });
        const used = sheets.items.map((ws) => {
          const r = ws.getUsedRangeOrNullObject(true);
          r.load("isNullObject,rowIndex,columnIndex,rowCount,columnCount");
          return { ws, r };
        });
        await context.sync();

        const plans: BlockPlan[] = [];
        for (const { ws, r } of used) {
          if (r.isNullObject) continue;
          plans.push(
            ...splitRows({ ws, sheet: ws.name, row: r.rowIndex, col: r.columnIndex, rows: r.rowCount, cols: r.columnCount }, budget),
          );
        }
        const totalCells = plans.reduce((n, p) => n + p.rows * p.cols, 0);
        const data = new WorkbookData();
        const blocks: SheetBlock[] = [];
        let read = 0;
        for (const batch of planBatches(plans, budget)) {
          const ranges = batch.map((p) => {
            const range = p.ws.getRangeByIndexes(p.row, p.col, p.rows, p.cols);
            range.load("formulas,values,valueTypes");
            return { p, range };
          });
          await context.sync();
          for (const { p, range } of ranges) {
            const block: SheetBlock = {
              sheet: p.sheet,
              rowIndex: p.row,
              columnIndex: p.col,
              formulas: range.formulas,
              values: range.values,
              valueTypes: Array.isArray(range.valueTypes) ? (range.valueTypes as unknown as string[][]) : undefined,
            };
            data.add(block);
            blocks.push(block);
            read += p.rows * p.cols;
          }
          onProgress?.({ step: `Cellen lezen (${read.toLocaleString("nl-NL")} van ${totalCells.toLocaleString("nl-NL")})`, done: read, total: totalCells });
          await pause();
          check();
        }

        const cells = blocks.flatMap((b) => pbCellsOf(b).map((c) => ({ ...c, sheet: b.sheet })));
        const symptoms = emptySymptoms();
        const formulas: ScannedFormula[] = [];
        for (let i = 0; i < cells.length; i++) {
          const c = cells[i];
          countSymptom(symptoms, c.formula, c.value);
          formulas.push(recomputeCell(c.sheet, c.row, c.col, c.formula, c.value, data, dateSystem));
          if ((i + 1) % slice === 0) {
            onProgress?.({ step: `Herberekenen (${i + 1} van ${cells.length})`, done: i + 1, total: cells.length });
            await pause();
            check();
          }
        }
        onProgress?.({ step: "Klaar", done: cells.length, total: cells.length });
        return { sheetsScanned: sheets.items.length, cellsRead: read, formulas, symptoms, millis: Date.now() - started };
      });
    }
  }

  async function writeAuditSheet(scan: ScanResult, onProgress?: ProgressCallback): Promise<{ sheet: string; rows: number } | Refusal> {
    if (scan.formulas.length === 0) return { refused: "Er zijn geen PB-formules gevonden; er is niets vast te leggen." };
    return inExcelOnly(() => Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      context.workbook.load("name");
      await context.sync();
      const name = uniqueSheetName(sheets.items.map((s) => s.name));
      const { matrix, tableStartRow } = auditMatrix(scan, {
        addinVersion: ADDIN_VERSION,
        parameterSetVersion: PARAMETER_SET_VERSION,
        parameterSetHash: PARAMETER_SET_HASH,
        createdAt: now().toLocaleString("nl-NL"),
        workbookName: context.workbook.name,
      });
      // A new, empty sheet: the only place the audit writes, so no user cell can be overwritten.
      const ws = sheets.add(name);
      const cols = AUDIT_COLUMNS.length;
      const rowsPerWrite = Math.max(1, Math.floor(budget / cols));
      for (let start = 0; start < matrix.length; start += rowsPerWrite) {
        const part = matrix.slice(start, start + rowsPerWrite);
        ws.getRangeByIndexes(start, 0, part.length, cols).values = part;
        await context.sync();
        onProgress?.({ step: `Controleblad schrijven (${start + part.length} van ${matrix.length} rijen)`, done: start + part.length, total: matrix.length });
        await pause();
      }
      ws.getRange("A1").format.font.bold = true;
      ws.getRangeByIndexes(tableStartRow, 0, 1, cols).format.font.bold = true;
      ws.freezePanes.freezeRows(tableStartRow + 1);
      ws.activate();
      await context.sync();
      return { sheet: name, rows: matrix.length - tableStartRow - 1 };
    }));
  }

  async function explainActiveCell(): Promise<CellExplanation | Refusal> {
    return inExcelOnly(() => Excel.run((context) => readExplanation(context, "active")));
  }

  async function watchSelection(onChange: () => void): Promise<() => Promise<void>> {
    if (!inExcel()) return async () => undefined;
    try {
      return await Excel.run(async (context) => {
        // Workbook.onSelectionChanged (ExcelApi 1.2) and a sheet switch (Worksheets.onActivated, 1.7): either moves the
        // active cell. The handlers only signal; the pane reads the cell itself, debounced.
        const handlers = [
          context.workbook.onSelectionChanged.add(async () => onChange()),
          context.workbook.worksheets.onActivated.add(async () => onChange()),
        ];
        await context.sync();
        return async () => {
          try {
            await Excel.run(handlers[0].context, async (ctx) => {
              for (const h of handlers) h.remove();
              await ctx.sync();
            });
          } catch {
            // The workbook is closing: its handlers go with it.
          }
        };
      });
    } catch {
      // Without the event the pane still explains the cell on "Opnieuw lezen"; no reason to fail the view.
      return async () => undefined;
    }
  }

  async function recordExplanation(e: CellExplanation): Promise<{ sheet: string; firstRow: number; rows: number; created: boolean } | Refusal> {
    if (e.kind !== "pb" || e.calls.length === 0) return { refused: "Deze cel bevat geen PB-formule; er is niets vast te leggen." };
    return inExcelOnly(() =>
      Excel.run(async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.load("items/name");
        context.workbook.load("name");
        await context.sync();
        const titles = sheets.items.map((ws) => {
          const r = ws.getRange("A1");
          r.load("values");
          return { ws, r };
        });
        await context.sync();
        const rows = explanationAuditRows(e, now().toLocaleString("nl-NL"));
        const cols = AUDIT_COLUMNS.length;
        const pad = (r: AuditCell[]) => [...r, ...Array<AuditCell>(cols - r.length).fill("")];
        // The newest audit sheet: ours by its title in A1 and its column titles under the header.
        const candidates = titles.filter((t) => t.r.values?.[0]?.[0] === AUDIT_TITLE).reverse();
        for (const { ws } of candidates) {
          const head = ws.getRangeByIndexes(AUDIT_TABLE_ROW, 0, 1, cols);
          head.load("values");
          const used = ws.getUsedRange(true);
          used.load("rowIndex,rowCount");
          await context.sync();
          if (JSON.stringify(head.values?.[0]) !== JSON.stringify([...AUDIT_COLUMNS])) continue;
          // Below everything on the sheet: those cells are empty by definition, so nothing can be overwritten.
          const start = used.rowIndex + used.rowCount;
          ws.getRangeByIndexes(start, 0, rows.length, cols).values = rows.map(pad);
          await context.sync();
          return { sheet: ws.name, firstRow: start + 1, rows: rows.length, created: false };
        }
        const name = uniqueSheetName(sheets.items.map((x) => x.name));
        const { matrix, tableStartRow } = auditSheet(
          rows,
          {
            addinVersion: ADDIN_VERSION,
            parameterSetVersion: PARAMETER_SET_VERSION,
            parameterSetHash: PARAMETER_SET_HASH,
            createdAt: now().toLocaleString("nl-NL"),
            workbookName: context.workbook.name,
          },
          "Vastleggingen vanuit Uitleg, één cel per keer",
        );
        // A new sheet, not activated: the user stays on the cell being explained.
        const ws = sheets.add(name);
        ws.getRangeByIndexes(0, 0, matrix.length, cols).values = matrix;
        ws.getRange("A1").format.font.bold = true;
        ws.getRangeByIndexes(tableStartRow, 0, 1, cols).format.font.bold = true;
        ws.freezePanes.freezeRows(tableStartRow + 1);
        await context.sync();
        return { sheet: name, firstRow: tableStartRow + 2, rows: rows.length, created: true };
      }),
    );
  }

  async function getReceiptInCell(): Promise<ReceiptInCellState> {
    const support = receiptInCellSupport();
    if (!inExcel()) return { supported: false, on: false, why: NOT_IN_EXCEL };
    try {
      const on = await Excel.run((context) => readReceiptInCell(context));
      return { supported: support.supported, on, ...(support.why ? { why: support.why } : {}) };
    } catch {
      return { supported: support.supported, on: false, ...(support.why ? { why: support.why } : {}) };
    }
  }

  async function setReceiptInCell(on: boolean): Promise<ReceiptInCellState | Refusal> {
    const support = receiptInCellSupport();
    if (on && !support.supported) return { refused: support.why ?? "Deze versie van Excel ondersteunt dit niet." };
    return inExcelOnly(() =>
      Excel.run(async (context) => {
        await writeReceiptInCell(context, on);
        // The functions run on this page too: switch them first, then let Excel recalculate every formula so each PB
        // result takes the new form at once (one full recalculation, as Ctrl+Alt+F9).
        setReceiptInCellOn(on && support.supported);
        context.application.calculate("Full");
        await context.sync();
        return { supported: support.supported, on, ...(support.why ? { why: support.why } : {}) };
      }),
    );
  }

  const insertTemplate = hooks.insertTemplate;
  const runChecks = hooks.runChecks;
  return {
    getStatus,
    insertFormula,
    scanWorkbook,
    selectCell,
    templatesInWorkbook,
    writeAuditSheet,
    explainActiveCell,
    watchSelection,
    recordExplanation,
    getReceiptInCell,
    setReceiptInCell,
    insertTemplate: insertTemplate
      ? (id) => inExcelOnly(() => insertTemplate(id))
      : async () => ({ refused: "Sjablonen invoegen is in deze versie nog niet beschikbaar." }),
    runChecks: runChecks ? () => inExcelOnly(() => runChecks()) : async () => ({ refused: "Sjablooncontroles zijn in deze versie nog niet beschikbaar." }),
  };
}

