/**
 * Reading a .xlsx file into a WorkbookModel: every cell with its value, or its formula (display form `PB.LKS(` and the
 * stored text), the cached result Excel saved, and the number format. ExcelJS (pinned, MIT) is imported only in this
 * folder. Defined names are read from xl/workbook.xml directly, because ExcelJS drops their sheet scope and constant
 * names. The file is only read, never written.
 */
import { columnLetter, decodeXml } from "./a1";
import { utcDateToSerial } from "../rules/dates";
import { promises as fs } from "fs";
import type ExcelJSModule from "exceljs";
import JSZip from "jszip";
import { toDisplayFormula } from "../functions/formulaNames";
import type { CellError, CellModel, CellScalar, DefinedNameModel, SheetModel, WorkbookModel } from "./model";
import { DEFAULT_MAX_FILE_MB, readError, WorkbookReadError } from "./readErrors";
import { fastReadSheets, FastReadUnsupported } from "./fastRead";

export interface ReadOptions {
  /** Refuse files larger than this many MB (default 200). */
  maxMb?: number;
  /**
   * "fast" (default): scan the sheet XML directly (values, formulas, cached results, number formats), falling back to
   * ExcelJS for anything unusual; "exceljs": always the full ExcelJS object model (also column widths).
   */
  reader?: "fast" | "exceljs";
}

export interface ReadResult {
  model: WorkbookModel;
  /** Things the auditor should know about the file (Dutch). */
  warnings: string[];
  bytes: number;
}

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** "EncryptionInfo" in UTF-16LE: the stream an encrypted OOXML package has inside its OLE container. */
const ENCRYPTION_INFO = Buffer.from("EncryptionInfo", "utf16le");

function startsWith(buf: Buffer, sig: readonly number[]): boolean {
  return buf.length >= sig.length && sig.every((b, i) => buf[i] === b);
}


function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? decodeXml(m[1]) : undefined;
}

/** Sheet names in workbook order and defined names with their scope, straight from xl/workbook.xml. */
export function parseWorkbookXml(xml: string): { sheets: string[]; names: DefinedNameModel[]; date1904: boolean } {
  const sheets = [...xml.matchAll(/<(?:\w+:)?sheet\s[^>]*>/g)].map((m) => attr(m[0], "name") ?? "");
  const names: DefinedNameModel[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?definedName(\s[^>]*)>([\s\S]*?)<\/(?:\w+:)?definedName>/g)) {
    const name = attr(m[1], "name");
    if (!name) continue;
    const local = attr(m[1], "localSheetId");
    const localSheet = local !== undefined ? sheets[Number(local)] : undefined;
    names.push({ name, ref: decodeXml(m[2]).trim(), ...(localSheet !== undefined ? { localSheet } : {}) });
  }
  const pr = /<(?:\w+:)?workbookPr\s[^>]*>/.exec(xml);
  const d = pr ? attr(pr[0], "date1904") : undefined;
  return { sheets, names, date1904: d === "1" || d === "true" };
}

function plainText(v: unknown): string {
  if (v && typeof v === "object") {
    const o = v as { richText?: { text: string }[]; text?: unknown };
    if (Array.isArray(o.richText)) return o.richText.map((r) => r.text).join("");
    if (o.text !== undefined) return plainText(o.text);
  }
  return String(v);
}

function cachedResult(r: unknown): CellScalar | CellError | undefined {
  if (r === undefined) return undefined;
  if (r === null || typeof r === "number" || typeof r === "string" || typeof r === "boolean") return r;
  if (r instanceof Date) return utcDateToSerial(r);
  if (typeof r === "object" && typeof (r as CellError).error === "string") return { error: (r as CellError).error };
  return plainText(r);
}

/** Unpacked size of all parts, from the zip directory (before unpacking anything). */
function unpackedBytes(zip: JSZip): number {
  let total = 0;
  zip.forEach((_p, f) => {
    const size = (f as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize;
    if (typeof size === "number") total += size;
  });
  return total;
}

/** Check what kind of file this is before handing it to ExcelJS; throws WorkbookReadError with a Dutch message. */
async function openPackage(file: string, buf: Buffer, maxMb: number): Promise<{ zip: JSZip; workbookXml: string }> {
  if (buf.length === 0) throw readError("empty", file);
  if (startsWith(buf, OLE_SIGNATURE)) {
    throw buf.includes(ENCRYPTION_INFO) ? readError("encrypted", file) : readError("legacyXls", file);
  }
  if (!(buf[0] === 0x50 && buf[1] === 0x4b)) throw readError("notZip", file);
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(buf);
  } catch (e) {
    throw readError("corrupt", file, `zip-structuur: ${e instanceof Error ? e.message : String(e)}`);
  }
  const unpacked = unpackedBytes(zip) / 1e6;
  // Sheet XML is ~10-30x larger than its zip; anything far beyond that is a zip bomb, not a register.
  if (unpacked > maxMb * 40) throw readError("unpackedTooLarge", file, unpacked, maxMb * 40);
  if (zip.file("xl/workbook.bin")) throw readError("xlsb", file);
  const mimetype = zip.file("mimetype");
  if (mimetype && (await mimetype.async("string")).includes("opendocument")) throw readError("ods", file);
  const wb = zip.file("xl/workbook.xml");
  if (!wb) throw readError("notWorkbook", file);
  let workbookXml: string;
  try {
    workbookXml = await wb.async("string");
  } catch (e) {
    throw readError("corrupt", file, `xl/workbook.xml: ${e instanceof Error ? e.message : String(e)}`);
  }
  return { zip, workbookXml };
}

/** Read a workbook file. Throws WorkbookReadError (Dutch message) for anything that is not a readable .xlsx. */
export async function readWorkbook(file: string, options: ReadOptions = {}): Promise<ReadResult> {
  const maxMb = options.maxMb ?? DEFAULT_MAX_FILE_MB;
  let stat;
  try {
    stat = await fs.stat(file);
  } catch {
    throw readError("notFound", file);
  }
  if (stat.isDirectory()) throw readError("isDirectory", file);
  if (stat.size > maxMb * 1e6) throw readError("tooLarge", file, stat.size / 1e6, maxMb);
  const buf = await fs.readFile(file);
  return readWorkbookBuffer(file, buf, options);
}

export async function readWorkbookBuffer(file: string, buf: Buffer, options: ReadOptions = {}): Promise<ReadResult> {
  const maxMb = options.maxMb ?? DEFAULT_MAX_FILE_MB;
  if (buf.length > maxMb * 1e6) throw readError("tooLarge", file, buf.length / 1e6, maxMb);
  const { zip, workbookXml } = await openPackage(file, buf, maxMb);
  const info = parseWorkbookXml(workbookXml);
  const warnings: string[] = [];
  if (info.date1904) {
    warnings.push("De werkmap gebruikt het 1904-datumsysteem; datums zonder datumopmaak kunnen 1462 dagen verschoven zijn.");
  }

  if (options.reader !== "exceljs") {
    try {
      const sheets = await fastReadSheets(zip, workbookXml);
      if (sheets.length > 0) {
        for (const sheet of sheets) for (const c of sheet.cells) if (c.formula !== undefined) c.formula = toDisplayFormula(c.formula);
        return { model: { sheets, names: info.names }, warnings, bytes: buf.length };
      }
    } catch (e) {
      if (!(e instanceof FastReadUnsupported)) throw e;
      // Unusual content: ExcelJS reads it (or says it is corrupt).
    }
  }

  // Loaded only when needed: the fast path does not use it, and it is a third of the start-up time.
  const ExcelJS: typeof ExcelJSModule = (await import("exceljs")).default;
  const wb = new ExcelJS.Workbook();
  try {
    // ExcelJS's typings want its own Buffer flavour; the bytes are the same.
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch (e) {
    if (e instanceof WorkbookReadError) throw e;
    throw readError("corrupt", file, e instanceof Error ? e.message.split("\n")[0].slice(0, 200) : String(e));
  }

  const sheets: SheetModel[] = [];
  wb.eachSheet((ws) => {
    const cells: CellModel[] = [];
    const columnWidths: Record<string, number> = {};
    ws.columns?.forEach((c, i) => {
      if (c && typeof c.width === "number") columnWidths[columnLetter(i)] = c.width;
    });
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const cm: CellModel = { address: cell.address };
        const numFmt = cell.numFmt;
        if (numFmt && numFmt !== "General") cm.numFmt = numFmt;
        if (cell.type === ExcelJS.ValueType.Formula) {
          const stored = cell.formula ?? "";
          cm.storedFormula = stored;
          cm.formula = toDisplayFormula(stored);
          const model = cell.model as { shareType?: string; ref?: string };
          if (model.shareType === "array" && model.ref) cm.arrayRef = model.ref;
          const r = cachedResult(cell.result);
          if (r !== undefined) cm.result = r;
        } else {
          const v = cell.value;
          if (v === null || v === undefined) return;
          if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") cm.value = v;
          else if (v instanceof Date) cm.value = utcDateToSerial(v);
          else if (typeof v === "object" && "error" in v) cm.result = { error: String((v as { error: unknown }).error) };
          else cm.value = plainText(v);
        }
        cells.push(cm);
      });
    });
    sheets.push({ name: ws.name, cells, ...(Object.keys(columnWidths).length ? { columnWidths } : {}) });
  });
  if (sheets.length === 0) throw readError("notWorkbook", file);
  return { model: { sheets, names: info.names }, warnings, bytes: buf.length };
}

