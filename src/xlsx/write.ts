/**
 * Writing a WorkbookModel to .xlsx with ExcelJS (this folder is the only place that imports it), then finishing the
 * package the way Excel itself writes it, which ExcelJS cannot:
 *  - every formula that calls PB, whatever else it contains (`IF(…,0,PB.LKSPERIODE(…))`, `B5*PB.PARAM(…)`), is stored
 *    as `_xldudf_PB_…` in a one-cell dynamic array formula (`<f t="array" ref="D2">` with `cm="1"` pointing at the
 *    XLDAPR record in xl/metadata.xml), as Excel saves add-in functions; without cm="1" Excel shows `{=…}`;
 *  - defined names keep their sheet scope and may be constants (`WML = 2191.8`).
 * Data validations are written as non-overlapping rectangles (one per block of equal rules) and date bounds as real
 * serials. Signature `writeWorkbook(model, path)` is stable: the template command uses it.
 */
import { promises as fs } from "fs";
import type ExcelJS from "exceljs";
import JSZip from "jszip";
import { hasPbCall, toStoredFormula } from "../functions/formulaNames";
import { formatAddress, parseAddress } from "./a1";
import type { CellModel, DataValidationModel, DefinedNameModel, SheetModel, WorkbookModel } from "./model";

const METADATA_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<metadata xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
  'xmlns:xda="http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray">' +
  '<metadataTypes count="1"><metadataType name="XLDAPR" minSupportedVersion="120000" copy="1" pasteAll="1" ' +
  'pasteValues="1" merge="1" splitFirst="1" rowColShift="1" clearFormats="1" clearComments="1" assign="1" coerce="1" ' +
  'cellMeta="1"/></metadataTypes><futureMetadata name="XLDAPR" count="1"><bk><extLst>' +
  '<ext uri="{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}"><xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/>' +
  "</ext></extLst></bk></futureMetadata><cellMetadata count=\"1\"><bk><rc t=\"1\" v=\"0\"/></bk></cellMetadata></metadata>";

const METADATA_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml";
const METADATA_REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sheetMetadata";

function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

const MS_PER_DAY = 86_400_000;
const SERIAL_OF_UNIX_EPOCH = 25569;

/**
 * ExcelJS turns a date validation's bounds into serials itself (`new Date(bound)` → serial), so it must be given
 * Dates: a serial handed over as is would be read as milliseconds since 1970 and land on 1-1-1970.
 */
function dateBound(serial: number): Date {
  return new Date(Math.round((serial - SERIAL_OF_UNIX_EPOCH) * MS_PER_DAY));
}

function validationOf(v: DataValidationModel): ExcelJS.DataValidation {
  const common = {
    allowBlank: true,
    showErrorMessage: v.error !== undefined,
    ...(v.error ? { error: v.error, errorTitle: "Ongeldige invoer", errorStyle: "stop" as const } : {}),
    ...(v.prompt ? { showInputMessage: true, prompt: v.prompt } : {}),
  };
  if (v.type === "list") return { type: "list", formulae: [`"${(v.values ?? []).join(",")}"`], ...common };
  const b = (x: number) => (v.type === "date" ? dateBound(x) : x);
  const bounds =
    v.min !== undefined && v.max !== undefined
      ? { operator: "between" as const, formulae: [b(v.min), b(v.max)] }
      : v.min !== undefined
        ? { operator: "greaterThanOrEqual" as const, formulae: [b(v.min)] }
        : { operator: "lessThanOrEqual" as const, formulae: [b(v.max ?? 0)] };
  return { type: v.type, ...bounds, ...common } as ExcelJS.DataValidation;
}

/**
 * Cells with the same rule, as rectangles that never overlap: each cell belongs to exactly one. (ExcelJS's own
 * merging can give one cell two rules, which Excel reports as damage.) Greedy: from the top-left free cell, down as
 * far as the rule goes, then right as long as the whole column segment has the same rule and is free.
 */
export function validationBlocks(cells: readonly CellModel[]): { range: string; validation: DataValidationModel }[] {
  const byKey = new Map<string, { validation: DataValidationModel; at: Set<string>; cells: [number, number][] }>();
  for (const c of cells) {
    if (!c.validation) continue;
    const p = parseAddress(c.address);
    if (!p) continue;
    const key = JSON.stringify(c.validation);
    let g = byKey.get(key);
    if (!g) byKey.set(key, (g = { validation: c.validation, at: new Set(), cells: [] }));
    if (!g.at.has(`${p[0]},${p[1]}`)) {
      g.at.add(`${p[0]},${p[1]}`);
      g.cells.push(p);
    }
  }
  const out: { range: string; validation: DataValidationModel }[] = [];
  for (const g of byKey.values()) {
    const free = new Set(g.at);
    g.cells.sort((a, b) => a[1] - b[1] || a[0] - b[0]);
    for (const [row, col] of g.cells) {
      if (!free.has(`${row},${col}`)) continue;
      let bottom = row;
      while (free.has(`${bottom + 1},${col}`)) bottom++;
      let right = col;
      for (;;) {
        let whole = true;
        for (let r = row; r <= bottom && whole; r++) whole = free.has(`${r},${right + 1}`);
        if (!whole) break;
        right++;
      }
      for (let r = row; r <= bottom; r++) for (let c = col; c <= right; c++) free.delete(`${r},${c}`);
      const a = formatAddress(row, col);
      const z = formatAddress(bottom, right);
      out.push({ range: a === z ? a : `${a}:${z}`, validation: g.validation });
    }
  }
  return out;
}

function applyCell(ws: ExcelJS.Worksheet, c: CellModel, alignTop: boolean): void {
  const cell = ws.getCell(c.address);
  if (c.formula !== undefined && c.formula !== "") {
    const formula = toStoredFormula(c.formula.replace(/^=/, ""));
    const result = c.result instanceof Date ? c.result : (c.result ?? undefined);
    const pb = hasPbCall(formula);
    const ref = c.arrayRef ?? (pb ? c.address : undefined);
    cell.value = {
      formula,
      ...(result !== undefined ? { result } : {}),
      ...(ref ? { shareType: "array", ref } : {}),
    } as ExcelJS.CellFormulaValue;
  } else if (c.value !== undefined) {
    cell.value = c.value;
  }
  if (c.numFmt) cell.numFmt = c.numFmt;
  if (c.bold || c.italic) cell.font = { ...(c.bold ? { bold: true } : {}), ...(c.italic ? { italic: true } : {}) };
  if (c.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: c.fill } };
  if (c.wrap || alignTop) cell.alignment = { ...(c.wrap ? { wrapText: true } : {}), vertical: "top" };
  if (c.input) cell.protection = { locked: false };
  if (c.note) cell.note = c.note;
}

/** The options a controller keeps on a protected template sheet: resize, select, and nothing that moves cells. */
const PROTECTION_OPTIONS = {
  selectLockedCells: true,
  selectUnlockedCells: true,
  formatColumns: true,
  formatRows: true,
};

async function applySheet(ws: ExcelJS.Worksheet, s: SheetModel): Promise<void> {
  for (const c of s.cells) applyCell(ws, c, s.alignTop === true);
  // ExcelJS keeps range validations in ws.dataValidations (untyped) and writes a range key as it is.
  const validations = (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  for (const { range, validation } of validationBlocks(s.cells)) validations.add(range, validationOf(validation));
  for (const [col, width] of Object.entries(s.columnWidths ?? {})) ws.getColumn(col).width = width;
  for (const [row, height] of Object.entries(s.rowHeights ?? {})) ws.getRow(Number(row)).height = height;
  if (s.freeze) {
    const cell = ws.getCell(s.freeze);
    ws.views = [{ state: "frozen", xSplit: Number(cell.col) - 1, ySplit: Number(cell.row) - 1, topLeftCell: s.freeze }];
  }
  for (const m of s.merges ?? []) ws.mergeCells(m);
  if (s.print) {
    // fitToHeight 0 = as many pages down as needed; fitToPage is what makes Excel use the fit at all.
    ws.pageSetup = {
      ...ws.pageSetup,
      paperSize: 9,
      orientation: s.print.orientation,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      ...(s.print.titleRows ? { printTitlesRow: s.print.titleRows } : {}),
    };
    ws.headerFooter = { oddFooter: "&L&A&RPagina &P van &N" };
  }
  // No password: the protection guards against typing over a formula by accident, and anyone may lift it.
  if (s.protect) await ws.protect("", PROTECTION_OPTIONS);
}

function definedNamesXml(names: readonly DefinedNameModel[], sheetNames: string[]): string {
  if (names.length === 0) return "";
  const items = names.map((n) => {
    const local = n.localSheet !== undefined ? sheetNames.indexOf(n.localSheet) : -1;
    const ref = toStoredFormula(n.ref.replace(/^=/, ""));
    return `<definedName name="${escapeXml(n.name)}"${local >= 0 ? ` localSheetId="${local}"` : ""}>${escapeXml(ref)}</definedName>`;
  });
  return `<definedNames>${items.join("")}</definedNames>`;
}

/** Single-cell array formulas that call PB anywhere in their text get cm="1" (dynamic array), as Excel writes them. */
export function markDynamicArrays(sheetXml: string): { xml: string; count: number } {
  let count = 0;
  const xml = sheetXml.replace(
    /<c r="([A-Z]+[0-9]+)"([^>]*)><f t="array" ref="\1">([^<]*)<\/f>/g,
    (m, addr: string, attrs: string, text: string) => {
      if (!/_xldudf_/i.test(text) || /\scm="/.test(attrs)) return m;
      count++;
      return `<c r="${addr}"${attrs} cm="1"><f t="array" ref="${addr}">${text}</f>`;
    },
  );
  return { xml, count };
}

/** The workbook as .xlsx bytes. */
export async function workbookBuffer(model: WorkbookModel): Promise<Buffer> {
  // Loaded on first use, so that `pb recalc` without --out never pays for it.
  const { Workbook } = (await import("exceljs")).default;
  const wb = new Workbook();
  if (model.properties?.title) wb.title = model.properties.title;
  if (model.properties?.creator) wb.creator = model.properties.creator;
  if (model.properties?.description) wb.description = model.properties.description;
  if (model.fullCalcOnLoad) wb.calcProperties.fullCalcOnLoad = true;
  for (const s of model.sheets) await applySheet(wb.addWorksheet(s.name), s);
  const raw = Buffer.from(await wb.xlsx.writeBuffer());

  const zip = await JSZip.loadAsync(raw);
  let dynamic = 0;
  for (const path of Object.keys(zip.files).filter((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p))) {
    const { xml, count } = markDynamicArrays(await zip.file(path)!.async("string"));
    if (count > 0) {
      zip.file(path, xml);
      dynamic += count;
    }
  }
  if (dynamic > 0) {
    zip.file("xl/metadata.xml", METADATA_XML);
    const ct = await zip.file("[Content_Types].xml")!.async("string");
    zip.file(
      "[Content_Types].xml",
      ct.replace("</Types>", `<Override PartName="/xl/metadata.xml" ContentType="${METADATA_CONTENT_TYPE}"/></Types>`),
    );
    const relsPath = "xl/_rels/workbook.xml.rels";
    const rels = await zip.file(relsPath)!.async("string");
    zip.file(relsPath, rels.replace("</Relationships>", `<Relationship Id="rIdPbMeta" Type="${METADATA_REL_TYPE}" Target="metadata.xml"/></Relationships>`));
  }
  if (model.names && model.names.length > 0) {
    const wbXml = await zip.file("xl/workbook.xml")!.async("string");
    const names = definedNamesXml(model.names, model.sheets.map((s) => s.name));
    // ExcelJS was given no names of ours, but writes its own print titles (_xlnm.Print_Titles) there: keep those.
    const existing = /<definedNames>([\s\S]*?)<\/definedNames>/.exec(wbXml);
    const merged = existing ? names.replace("<definedNames>", `<definedNames>${existing[1]}`) : names;
    zip.file("xl/workbook.xml", wbXml.replace(/<definedNames>[\s\S]*?<\/definedNames>|<definedNames\/>/, "").replace("</sheets>", `</sheets>${merged}`));
  }
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 } });
}

/** Write the workbook to `path` (overwriting it). */
export async function writeWorkbook(model: WorkbookModel, path: string): Promise<void> {
  await fs.writeFile(path, await workbookBuffer(model));
}
