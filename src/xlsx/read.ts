/**
 * Reading a .xlsx file into a WorkbookModel: the one reading path of the audit (`pb recalc`, `pb check`, tests).
 * Strict and streaming: the file is read once and hashed; the package is opened with yauzl and every part inflated as
 * a stream, each byte counted; the XML is parsed by saxes as it arrives, checked for well-formedness, without a DTD
 * and without entities beyond XML's five; the cells are checked the way Excel writes them (sheet.ts). What Excel would
 * refuse is refused (WorkbookReadError, a Dutch message naming part, sheet and cell); what Excel would open but the
 * engine cannot be trusted with is kept and marked `unverified`. The file is only read, never written.
 */
import { limitsWith, type ReadLimits } from "./limits";
import type { DefinedNameModel, SheetModel, TableModel, WorkbookModel } from "./model";
import { readFileSafely, ZipPackage } from "./package";
import { RelsSink, SharedStringsSink, StylesSink, TableSink, WorkbookSink, type Relationship } from "./parts";
import { readError, where, WorkbookReadError } from "./readErrors";
import { SheetSink, strictRange, type SheetBudget } from "./sheet";
import { XmlDecoder, XmlStream, type XmlSink } from "./xml";

export interface ReadOptions {
  /** Refuse files larger than this many MB (default 200). */
  maxMb?: number;
  /** Any of the other limits (limits.ts); unset ones keep their default. */
  limits?: Partial<ReadLimits>;
}

export interface ReadResult {
  model: WorkbookModel;
  /** Things the auditor should know about the file (Dutch). */
  warnings: string[];
  /** Size of the file in bytes. */
  bytes: number;
  /** SHA-256 of exactly the bytes that were read, hex. */
  sha256: string;
  /** Bytes inflated from the package. */
  unpackedBytes: number;
  /** Cells kept but not recomputable (see CellModel.unverified). */
  unverified: number;
}

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** "EncryptionInfo" in UTF-16LE: the stream an encrypted OOXML package has inside its OLE container. */
const ENCRYPTION_INFO = Buffer.from("EncryptionInfo", "utf16le");

function startsWith(buf: Buffer, sig: readonly number[]): boolean {
  return buf.length >= sig.length && sig.every((b, i) => buf[i] === b);
}

function relsPartOf(part: string): string {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

class Reader {
  constructor(
    private readonly file: string,
    private readonly pkg: ZipPackage,
    readonly limits: ReadLimits,
  ) {}

  async part<S extends XmlSink & { end?(): void }>(part: string, make: (refuse: (d: string) => Error) => S, context: () => string = () => part): Promise<S> {
    const refuse = (detail: string) => readError("invalid", this.file, context(), detail);
    const sink = make(refuse);
    const xml = new XmlStream(sink, this.limits, refuse);
    const decoder = new XmlDecoder(refuse);
    await this.pkg.stream(part, (chunk) => xml.write(decoder.decode(chunk)));
    xml.write(decoder.end());
    xml.end();
    sink.end?.();
    return sink;
  }

  async rels(part: string): Promise<Map<string, Relationship>> {
    const relsPart = relsPartOf(part);
    if (!this.pkg.has(relsPart)) return new Map();
    return (await this.part(relsPart, (r) => new RelsSink(r, part))).rels;
  }
}

/**
 * What HyperFormula builds for range references: every cell of a range gets an edge (and an empty cell a vertex of
 * its own), except that a range growing downwards from the same top row reuses the previous one (running totals).
 */
function rangeCost(ranges: SheetBudget["ranges"]): number {
  const groups = new Map<string, number[][]>();
  for (const [sheet, top, left, bottom, right] of ranges.values()) {
    const k = `${sheet}\u0000${top},${left},${right}`;
    const g = groups.get(k);
    if (g) g.push([bottom, right - left + 1, top]);
    else groups.set(k, [[bottom, right - left + 1, top]]);
  }
  let cost = 0;
  for (const g of groups.values()) {
    g.sort((a, b) => a[0] - b[0]);
    let prev = g[0][2] - 1;
    for (const [bottom, width] of g) {
      cost += (bottom - prev) * width;
      prev = bottom;
    }
  }
  return cost;
}

/** Read a workbook file. Throws WorkbookReadError (Dutch message) for anything that is not a readable, honest .xlsx. */
export async function readWorkbook(file: string, options: ReadOptions = {}): Promise<ReadResult> {
  const limits = limitsWith({ ...(options.maxMb !== undefined ? { maxFileBytes: options.maxMb * 1e6 } : {}), ...options.limits });
  const { bytes, sha256 } = await readFileSafely(file, limits.maxFileBytes);
  return readBytes(file, bytes, sha256, limits);
}

/** The same from bytes already in memory (hashed here). */
export async function readWorkbookBuffer(file: string, buf: Buffer, options: ReadOptions = {}): Promise<ReadResult> {
  const limits = limitsWith({ ...(options.maxMb !== undefined ? { maxFileBytes: options.maxMb * 1e6 } : {}), ...options.limits });
  if (buf.length > limits.maxFileBytes) throw readError("tooLarge", file, buf.length / 1e6, limits.maxFileBytes / 1e6);
  const { createHash } = await import("crypto");
  return readBytes(file, buf, createHash("sha256").update(buf).digest("hex"), limits);
}

async function readBytes(file: string, buf: Buffer, sha256: string, limits: ReadLimits): Promise<ReadResult> {
  if (buf.length === 0) throw readError("empty", file);
  if (startsWith(buf, OLE_SIGNATURE)) throw buf.includes(ENCRYPTION_INFO) ? readError("encrypted", file) : readError("legacyXls", file);
  if (!(buf[0] === 0x50 && buf[1] === 0x4b)) throw readError("notZip", file);
  const pkg = await ZipPackage.open(file, buf, limits);
  try {
    return await readPackage(file, pkg, buf.length, sha256, limits);
  } finally {
    pkg.close();
  }
}

async function readPackage(file: string, pkg: ZipPackage, size: number, sha256: string, limits: ReadLimits): Promise<ReadResult> {
  if (pkg.has("xl/workbook.bin")) throw readError("xlsb", file);
  if (pkg.has("mimetype")) throw readError("ods", file);
  const r = new Reader(file, pkg, limits);

  // The workbook is where the package's own relationships say (as Excel looks for it), not a guessed path.
  if (!pkg.has("_rels/.rels")) {
    if (pkg.has("xl/workbook.xml")) throw readError("invalid", file, "_rels/.rels", "dit onderdeel ontbreekt; zonder kan Excel de werkmap niet vinden");
    throw readError("notWorkbook", file);
  }
  const root = await r.part("_rels/.rels", (x) => new RelsSink(x, ""));
  const office = [...root.rels.values()].filter((x) => x.type === "officeDocument" && x.target !== undefined);
  if (office.length !== 1) {
    if (office.length === 0 && !pkg.has("xl/workbook.xml")) throw readError("notWorkbook", file);
    throw readError("invalid", file, "_rels/.rels", office.length === 0 ? "geen verwijzing naar de werkmap" : "meer dan één hoofddocument");
  }
  const wbPart = office[0].target!;
  if (!pkg.has(wbPart)) {
    if (wbPart === "xl/workbook.xml") throw readError("notWorkbook", file);
    throw readError("invalid", file, "_rels/.rels", `de werkmap ${wbPart} ontbreekt`);
  }
  const wb = await r.part(wbPart, (x) => new WorkbookSink(x, limits));
  const wbRels = await r.rels(wbPart);
  const firstOf = (type: string) => [...wbRels.values()].find((x) => x.type === type && x.target && pkg.has(x.target))?.target;

  const sstPart = firstOf("sharedStrings");
  const strings = sstPart ? (await r.part(sstPart, (x) => new SharedStringsSink(x))).strings : [];
  const stylesPart = firstOf("styles");
  const formats = stylesPart ? (await r.part(stylesPart, (x) => new StylesSink(x))).formats() : [];

  const warnings: string[] = [];
  const budget: SheetBudget = { cells: 0, formulas: 0, withCachedValue: 0, ranges: new Map() };
  const sheets: SheetModel[] = [];
  const tableNames = new Set<string>();
  const tables: TableModel[] = [];
  let unverified = 0;
  for (const entry of wb.sheets) {
    const rel = wbRels.get(entry.rid);
    if (!rel || rel.target === undefined) throw readError("invalid", file, where(wbPart, entry.name), `relatie ${entry.rid} van het werkblad ontbreekt`);
    if (rel.type === "chartsheet" || rel.type === "dialogsheet") continue; // no cells
    if (rel.type === "xlMacrosheet" || rel.type === "xlIntlMacrosheet") {
      warnings.push(`Werkblad ${entry.name} is een macroblad (Excel 4.0); dat wordt niet gelezen en niet herberekend.`);
      continue;
    }
    if (rel.type !== "worksheet") throw readError("invalid", file, where(wbPart, entry.name), `onbekend soort werkblad (${rel.type})`);
    if (!pkg.has(rel.target)) throw readError("invalid", file, where(rel.target, entry.name), "het werkblad ontbreekt in het pakket");
    const part = rel.target;
    let sink: SheetSink | undefined;
    await r.part(
      part,
      (refuse) =>
        (sink = new SheetSink(
          entry.name,
          refuse,
          strings,
          formats,
          limits,
          budget,
          wb.date1904,
          () => readError("tooManyCells", file, limits.maxCells),
          (slots) => readError("gridTooLarge", file, entry.name, slots, limits.maxGridCells),
        )),
      () => where(part, entry.name, sink?.current),
    );
    const s = sink!;
    unverified += s.unverified;
    const model: SheetModel = { name: entry.name, cells: s.cells, ...(entry.state !== "visible" ? { state: entry.state } : {}) };
    if (s.tableRids.length > 0) {
      const sheetRels = await r.rels(part);
      for (const rid of s.tableRids) {
        const t = sheetRels.get(rid);
        if (!t || t.type !== "table" || !t.target || !pkg.has(t.target)) throw readError("invalid", file, where(part, entry.name), `tabel ${rid} ontbreekt`);
        const table = (await r.part(t.target, (x) => new TableSink(x))).table!;
        if (!strictRange(table.ref)) throw readError("invalid", file, t.target, `ongeldig tabelbereik "${table.ref}"`);
        if (tableNames.has(table.name.toLowerCase())) throw readError("invalid", file, t.target, `tabelnaam ${table.name} komt twee keer voor`);
        tableNames.add(table.name.toLowerCase());
        tables.push({ ...table, sheet: entry.name });
      }
    }
    sheets.push(model);
  }
  if (sheets.length === 0) throw readError("invalid", file, wbPart, "de werkmap heeft geen enkel werkblad met cellen");

  const cost = rangeCost(budget.ranges);
  if (cost > limits.maxRangeTotal) throw readError("rangesTooLarge", file, cost, limits.maxRangeTotal);

  const names: DefinedNameModel[] = wb.names.map((n) => {
    let localSheet: string | undefined;
    if (n.localSheetId !== undefined) {
      localSheet = wb.sheets[n.localSheetId]?.name;
      if (localSheet === undefined) throw readError("invalid", file, wbPart, `naam ${n.name} hoort bij blad nr. ${n.localSheetId}, dat niet bestaat`);
    }
    return { name: n.name, ref: n.text.trim(), ...(localSheet !== undefined ? { localSheet } : {}), ...(n.hidden ? { hidden: true } : {}) };
  });

  if (wb.date1904) warnings.push("De werkmap gebruikt het 1904-datumsysteem; alle datums zijn in dat systeem herberekend.");
  if (wb.calcMode === "manual") {
    warnings.push("De werkmap staat op handmatig berekenen (calcMode manual): de opgeslagen waarden kunnen verouderd zijn.");
  }
  const names0 = pkg.names().map((x) => x.toLowerCase());
  if (names0.some((x) => x.endsWith("vbaproject.bin"))) {
    warnings.push("De werkmap bevat macro's (VBA). Die worden niet gelezen of uitgevoerd; in Excel kunnen zij waarden veranderen.");
  }
  if (names0.some((x) => x.startsWith("xl/externallinks/"))) {
    warnings.push("De werkmap heeft koppelingen naar andere werkmappen; de daarvan opgeslagen waarden worden niet gecontroleerd.");
  }
  if (budget.formulas > 0 && budget.withCachedValue === 0) {
    warnings.push("Geen enkele formule heeft een opgeslagen waarde: de werkmap is opgeslagen zonder in Excel te zijn berekend.");
  }
  const model: WorkbookModel = {
    sheets,
    names,
    ...(tables.length > 0 ? { tables } : {}),
    ...(wb.date1904 ? { date1904: true } : {}),
    ...(wb.calcMode ? { calcMode: wb.calcMode } : {}),
    ...(wb.fullCalcOnLoad ? { fullCalcOnLoad: true } : {}),
    formulaStats: { formulas: budget.formulas, withCachedValue: budget.withCachedValue },
  };
  return { model, warnings, bytes: size, sha256, unpackedBytes: pkg.unpackedBytes, unverified };
}

export { WorkbookReadError };
