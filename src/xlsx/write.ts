/**
 * Writing a WorkbookModel to .xlsx with ExcelJS (this folder is the only place that imports it), then finishing the
 * package the way Excel itself writes it, which ExcelJS cannot:
 *  - PB calls are stored as `_xldudf_PB_LKS(...)` in a one-cell dynamic array formula (`<f t="array" ref="D2">` with
 *    `cm="1"` pointing at the XLDAPR record in xl/metadata.xml), as Excel saves add-in functions;
 *  - defined names keep their sheet scope and may be constants (`WML = 2191.8`).
 * Signature `writeWorkbook(model, path)` is stable: the template command uses it.
 */
import { promises as fs } from "fs";
import type ExcelJS from "exceljs";
import JSZip from "jszip";
import { hasPbCall, toStoredFormula } from "../functions/formulaNames";
import type { CellModel, DataValidationModel, DefinedNameModel, WorkbookModel } from "./model";

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

function validationOf(v: DataValidationModel): ExcelJS.DataValidation {
  const common = {
    allowBlank: true,
    showErrorMessage: v.error !== undefined,
    ...(v.error ? { error: v.error, errorTitle: "Ongeldige invoer", errorStyle: "stop" as const } : {}),
    ...(v.prompt ? { showInputMessage: true, prompt: v.prompt } : {}),
  };
  if (v.type === "list") return { type: "list", formulae: [`"${(v.values ?? []).join(",")}"`], ...common };
  const bounds =
    v.min !== undefined && v.max !== undefined
      ? { operator: "between" as const, formulae: [v.min, v.max] }
      : v.min !== undefined
        ? { operator: "greaterThanOrEqual" as const, formulae: [v.min] }
        : { operator: "lessThanOrEqual" as const, formulae: [v.max ?? 0] };
  return { type: v.type, ...bounds, ...common };
}

function applyCell(ws: ExcelJS.Worksheet, c: CellModel): void {
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
  if (c.wrap) cell.alignment = { wrapText: true, vertical: "top" };
  if (c.input) cell.protection = { locked: false };
  if (c.validation) cell.dataValidation = validationOf(c.validation);
  if (c.note) cell.note = c.note;
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

/** Single-cell array formulas that call PB get cm="1" (dynamic array), as Excel writes them. */
function markDynamicArrays(sheetXml: string): { xml: string; count: number } {
  let count = 0;
  const xml = sheetXml.replace(
    /<c r="([A-Z]+[0-9]+)"([^>]*)><f t="array" ref="\1">(_xldudf_)/g,
    (_m, addr: string, attrs: string, udf: string) => {
      count++;
      return `<c r="${addr}"${attrs} cm="1"><f t="array" ref="${addr}">${udf}`;
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
  for (const s of model.sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const c of s.cells) applyCell(ws, c);
    for (const [col, width] of Object.entries(s.columnWidths ?? {})) ws.getColumn(col).width = width;
    if (s.freeze) {
      const cell = ws.getCell(s.freeze);
      ws.views = [{ state: "frozen", xSplit: Number(cell.col) - 1, ySplit: Number(cell.row) - 1, topLeftCell: s.freeze }];
    }
    for (const m of s.merges ?? []) ws.mergeCells(m);
  }
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
    // ExcelJS was given no names, so there is no <definedNames> yet; its place is right after <sheets>.
    zip.file("xl/workbook.xml", wbXml.replace(/<definedNames>[\s\S]*?<\/definedNames>|<definedNames\/>/, "").replace("</sheets>", `</sheets>${names}`));
  }
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 } });
}

/** Write the workbook to `path` (overwriting it). */
export async function writeWorkbook(model: WorkbookModel, path: string): Promise<void> {
  await fs.writeFile(path, await workbookBuffer(model));
}
