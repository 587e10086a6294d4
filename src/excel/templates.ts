/**
 * The Office.js renderer of the report templates: writes the SAME WorkbookModel that `pb template` writes to .xlsx
 * into the open workbook, as new sheets with names that are free there, in batches (a sync per `cellsPerBatch`
 * cells, never one per cell). No template logic here: the definition and renderTemplate decide everything.
 * It refuses, with a Dutch message, rather than touch a cell that already exists. Each sheet ends up as the .xlsx
 * file has it: inputs unlocked and the sheet protected without a password, wrapped rows high enough, A4 fit to the
 * page width with repeated titles. Also runs the template checks on the live workbook with the same evaluator as
 * `pb check`.
 */
import { getTemplate, TEMPLATES } from "../templates";
import { checkWorkbook, type WorkbookView } from "../templates/checks";
import { MARKER_ADDRESS, renderTemplate } from "../templates/render";
import { serialToIso } from "../rules/dates";
import type { CellModel, DataValidationModel, PrintSetupModel, SheetModel, WorkbookModel } from "../xlsx/model";
import type { CheckResult as HostCheckResult, Refusal } from "./hostActions";

export interface InsertOptions {
  /** Fill the worked example of the definition. */
  example?: boolean;
  /** Cells written per context.sync(). */
  cellsPerBatch?: number;
}

const DEFAULT_CELLS_PER_BATCH = 1500;
/** Excel column width unit is roughly one character of the default font; Office.js wants points. */
const POINTS_PER_CHAR = 7;

async function withContext<T>(context: Excel.RequestContext | undefined, fn: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> {
  if (context) return fn(context);
  return Excel.run(fn);
}

function color(argb: string): string {
  return `#${argb.slice(-6)}`;
}

function validationRule(v: DataValidationModel): Excel.DataValidationRule {
  if (v.type === "list") return { list: { inCellDropDown: true, source: (v.values ?? []).join(",") } };
  const bound = (x: number | undefined) => (v.type === "date" && x !== undefined ? (serialToIso(x) ?? x) : x);
  const basic = {
    formula1: bound(v.min ?? v.max) as number,
    ...(v.min !== undefined && v.max !== undefined ? { formula2: bound(v.max) as number } : {}),
    operator: (v.min !== undefined && v.max !== undefined ? "Between" : v.min !== undefined ? "GreaterThanOrEqualTo" : "LessThanOrEqualTo") as Excel.DataValidationOperator,
  };
  if (v.type === "whole") return { wholeNumber: basic };
  if (v.type === "decimal") return { decimal: basic };
  return { date: basic as unknown as Excel.DateTimeDataValidation };
}

function writeCell(ws: Excel.Worksheet, c: CellModel): void {
  const r = ws.getRange(c.address);
  // Format first, so a text format ("@") keeps "0999" as text when the value arrives.
  if (c.numFmt) r.numberFormat = [[c.numFmt]];
  if (c.formula !== undefined && c.formula !== "") r.formulas = [[`=${c.formula}`]];
  else if (c.value !== undefined && c.value !== null) {
    // A label that starts with "=" would otherwise become a formula.
    const v = typeof c.value === "string" && c.value.startsWith("=") ? `'${c.value}` : c.value;
    r.values = [[v]];
  }
  if (c.bold) r.format.font.bold = true;
  if (c.italic) r.format.font.italic = true;
  if (c.fill) r.format.fill.color = color(c.fill);
  if (c.wrap) r.format.wrapText = true;
  if (c.input) r.format.protection.locked = false;
  if (c.validation) {
    r.dataValidation.rule = validationRule(c.validation);
    if (c.validation.error) r.dataValidation.errorAlert = { message: c.validation.error, showAlert: true, style: "Stop" as Excel.DataValidationAlertStyle, title: "Ongeldige invoer" };
    if (c.validation.prompt) r.dataValidation.prompt = { message: c.validation.prompt, showPrompt: true, title: "Invoer" };
  }
}

/** Page layout needs ExcelApi 1.9; on an older Excel the sheet is still written, only the print set-up is left out. */
function pageLayoutSupported(): boolean {
  try {
    return typeof Office === "undefined" || Office.context?.requirements?.isSetSupported?.("ExcelApi", "1.9") !== false;
  } catch {
    return false;
  }
}

function printSetup(ws: Excel.Worksheet, print: PrintSetupModel): void {
  const layout = ws.pageLayout;
  layout.paperSize = "A4" as Excel.PaperType;
  layout.orientation = (print.orientation === "landscape" ? "Landscape" : "Portrait") as Excel.PageOrientation;
  // One page wide, as many down as needed: the .xlsx writer's fitToWidth 1 / fitToHeight 0.
  layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  if (print.titleRows) layout.setPrintTitleRows(`$${print.titleRows.replace(":", ":$")}`);
  layout.headersFooters.defaultForAllPages.leftFooter = "&A";
  layout.headersFooters.defaultForAllPages.rightFooter = "Pagina &P van &N";
}

/** What a controller may still do on a protected template sheet (the .xlsx writer allows the same). */
const PROTECTION: Excel.WorksheetProtectionOptions = { allowFormatColumns: true, allowFormatRows: true };

/** Freeze panes above and left of `at` (e.g. "C7": rows 1–6 and columns A–B). */
function freeze(ws: Excel.Worksheet, at: string): void {
  const m = /^([A-Z])(\d+)$/.exec(at);
  if (!m) return;
  const rows = Number(m[2]) - 1;
  const cols = m[1].charCodeAt(0) - 65;
  if (cols === 0) {
    if (rows > 0) ws.freezePanes.freezeRows(rows);
    return;
  }
  ws.freezePanes.freezeAt(ws.getRange(`A1:${String.fromCharCode(64 + cols)}${Math.max(rows, 1)}`));
}

async function writeModel(ctx: Excel.RequestContext, model: WorkbookModel, cellsPerBatch: number): Promise<void> {
  let pending = 0;
  const sheets: [SheetModel, Excel.Worksheet][] = model.sheets.map((s) => [s, ctx.workbook.worksheets.add(s.name)]);
  for (const [s, ws] of sheets) {
    for (const c of s.cells) {
      writeCell(ws, c);
      if (++pending >= cellsPerBatch) {
        await ctx.sync();
        pending = 0;
      }
    }
    if (s.alignTop) ws.getRange().format.verticalAlignment = "Top" as Excel.VerticalAlignment;
    for (const [col, width] of Object.entries(s.columnWidths ?? {})) ws.getRange(`${col}:${col}`).format.columnWidth = width * POINTS_PER_CHAR;
    for (const [row, height] of Object.entries(s.rowHeights ?? {})) ws.getRange(`${row}:${row}`).format.rowHeight = height;
    for (const m of s.merges ?? []) ws.getRange(m).merge(false);
    if (s.freeze) freeze(ws, s.freeze);
    if (s.print && pageLayoutSupported()) printSetup(ws, s.print);
    // Last: once protected, Excel refuses writes to locked cells. No password, so a controller can lift it.
    if (s.protect) ws.protection.protect(PROTECTION);
  }
  sheets[0]?.[1].activate();
  await ctx.sync();
}

/**
 * Insert template `id` into the open workbook as new sheets. Returns the sheet names given, or a refusal (Dutch)
 * when nothing was written.
 */
export async function insertTemplate(id: string, context?: Excel.RequestContext, options: InsertOptions = {}): Promise<{ sheets: string[] } | Refusal> {
  const def = getTemplate(id);
  if (!def) return { refused: `Onbekend sjabloon "${id}". Beschikbaar: ${TEMPLATES.map((t) => t.id).join(", ")}.` };
  return withContext(context, async (ctx) => {
    const worksheets = ctx.workbook.worksheets;
    worksheets.load("items/name");
    const protection = ctx.workbook.protection;
    protection?.load?.("protected");
    await ctx.sync();
    if (protection?.protected) {
      return { refused: "De werkmap is beveiligd (structuur); er kunnen geen bladen worden toegevoegd. Hef de beveiliging op en probeer het opnieuw." };
    }
    const existing = worksheets.items.map((w) => w.name);
    const model = renderTemplate(def, { existingSheetNames: existing, example: options.example });
    const taken = new Set(existing.map((n) => n.toLowerCase()));
    const clash = model.sheets.find((s) => taken.has(s.name.toLowerCase()));
    if (clash) return { refused: `Er bestaat al een blad "${clash.name}"; het sjabloon is niet ingevoegd en er is niets gewijzigd.` };
    await writeModel(ctx, model, options.cellsPerBatch ?? DEFAULT_CELLS_PER_BATCH);
    return { sheets: model.sheets.map((s) => s.name) };
  });
}

/** Run the checks of every template in the open workbook (same evaluator as `pb check`), on Excel's own values. */
export async function runTemplateChecks(context?: Excel.RequestContext): Promise<HostCheckResult[] | Refusal> {
  return withContext(context, async (ctx) => {
    const worksheets = ctx.workbook.worksheets;
    worksheets.load("items/name");
    await ctx.sync();
    // A1 (title) and A2 (marker) of every sheet: a template is found by its marker, or by its title if the marker is gone.
    const heads = worksheets.items.map((ws) => {
      const r = ws.getRange(`A1:${MARKER_ADDRESS}`);
      r.load("values");
      return r;
    });
    await ctx.sync();
    const names = worksheets.items.map((w) => w.name);
    const headOf = new Map(names.map((n, i) => [n, heads[i].values ?? []]));
    const titles = new Set(TEMPLATES.flatMap((t) => t.sheets.map((s) => s.title)));
    const candidates = names.filter((n) => {
      const [[title], [marker]] = [headOf.get(n)?.[0] ?? [], headOf.get(n)?.[1] ?? []];
      return (typeof marker === "string" && marker.includes("sjabloon")) || (typeof title === "string" && titles.has(title));
    });
    if (candidates.length === 0) return { refused: "Deze werkmap bevat geen PB Rekenkit-sjabloon; voeg er eerst een in." };

    const used = candidates.map((n) => {
      const r = worksheets.getItem(n).getUsedRange(true);
      r.load(["values", "valueTypes", "formulas", "rowIndex", "columnIndex"]);
      return [n, r] as const;
    });
    await ctx.sync();
    const data = new Map(used.map(([n, r]) => [n, r]));
    const locate = (sheet: string, address: string) => {
      const r = data.get(sheet);
      const m = /^([A-Z]+)(\d+)$/.exec(address);
      if (!r || !m) return undefined;
      let col = 0;
      for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
      return { r, y: Number(m[2]) - 1 - r.rowIndex, x: col - 1 - r.columnIndex };
    };
    const view: WorkbookView = {
      value: (sheet, address) => {
        if (!data.has(sheet)) {
          const head = headOf.get(sheet);
          return address === "A1" ? head?.[0]?.[0] : address === MARKER_ADDRESS ? head?.[1]?.[0] : undefined;
        }
        const at = locate(sheet, address);
        if (!at) return undefined;
        const v = at.r.values[at.y]?.[at.x];
        const t = at.r.valueTypes[at.y]?.[at.x];
        if (t === "Error") return { error: String(v) };
        if (t === "Empty" || v === undefined) return null;
        return v;
      },
      // Range.formulas holds the formula ("=…", invariant syntax) or, for a constant, the value itself.
      formula: (sheet, address) => {
        const at = locate(sheet, address);
        const f = at?.r.formulas?.[at.y]?.[at.x];
        return typeof f === "string" && f.startsWith("=") ? f.slice(1) : undefined;
      },
      lastRow: (sheet) => {
        const r = data.get(sheet);
        return r ? r.rowIndex + r.values.length : 0;
      },
    };
    return checkWorkbook(names, view).flatMap(({ results }) =>
      results.map((r): HostCheckResult => ({
        title: r.title,
        ok: r.ok,
        detail: r.ok ? r.message : `${r.message} (${r.why})`,
        ...(r.sheet ? { sheet: r.sheet } : {}),
        ...(r.cell ? { address: r.cell } : {}),
      })),
    );
  });
}
