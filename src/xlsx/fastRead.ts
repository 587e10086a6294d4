/**
 * A direct reader of the parts of a .xlsx that recalculation needs: cell values, formulas (shared formulas translated
 * with ExcelJS's own slideFormula), cached results, array ranges and number formats. ExcelJS's full object model costs
 * ~10× more time and memory on a 100k-row register; this scans the XML text once. Anything it does not understand makes
 * it throw FastReadUnsupported, and read.ts falls back to ExcelJS.
 */
import { columnIndex, columnLetter, decodeXml } from "./a1";
import type JSZip from "jszip";
import type { CellModel, CellScalar, SheetModel } from "./model";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { slideFormula } = require("exceljs/lib/utils/shared-formula") as {
  slideFormula: (formula: string, from: string, to: string) => string;
};

export class FastReadUnsupported extends Error {}


function attrOf(attrs: string, name: string): string | undefined {
  const i = attrs.indexOf(` ${name}="`);
  if (i < 0) return undefined;
  const start = i + name.length + 3;
  return attrs.slice(start, attrs.indexOf('"', start));
}

/** Text of a string item (<si> or <is>): all <t> runs, without phonetic guides (<rPh>). */
function itemText(xml: string): string {
  const body = xml.includes("<rPh") ? xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "") : xml;
  let out = "";
  for (const m of body.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t\s*\/>/g)) out += m[1] ?? "";
  return decodeXml(out);
}

function sharedStrings(xml: string | undefined): string[] {
  if (!xml) return [];
  return [...xml.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)].map((m) => (m[1] === undefined ? "" : itemText(m[1])));
}

/** Built-in number formats Excel does not write out (ECMA-376 18.8.30), the ones registers use. */
const BUILTIN_FORMATS: Record<number, string> = {
  1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 11: "0.00E+00", 14: "mm-dd-yy", 15: "d-mmm-yy",
  16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM", 19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss", 22: "m/d/yy h:mm",
  37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)", 39: "#,##0.00;(#,##0.00)", 40: "#,##0.00;[Red](#,##0.00)", 49: "@",
};

/** Style index → number format, from xl/styles.xml. */
function numberFormats(xml: string | undefined): (string | undefined)[] {
  if (!xml) return [];
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(/<numFmt\s([^>]*)\/?>/g)) {
    const id = attrOf(` ${m[1]}`, "numFmtId");
    const code = attrOf(` ${m[1]}`, "formatCode");
    if (id !== undefined && code !== undefined) custom.set(Number(id), decodeXml(code));
  }
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml);
  if (!xfs) return [];
  return [...xfs[1].matchAll(/<xf\s([^>]*?)\/?>/g)].map((m) => {
    const id = Number(attrOf(` ${m[1]}`, "numFmtId") ?? 0);
    return id === 0 ? undefined : (custom.get(id) ?? BUILTIN_FORMATS[id]);
  });
}


const CELL = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
const ROW = /<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g;

function parseSheet(xml: string, name: string, strings: string[], formats: (string | undefined)[]): SheetModel {
  const end = xml.trimEnd();
  if (!/<\/(?:\w+:)?worksheet>$/.test(end) || !/<sheetData\b[^>]*(?:\/>|>[\s\S]*<\/sheetData>)/.test(xml)) {
    throw new FastReadUnsupported(`werkblad ${name} is onvolledig`);
  }
  const cells: CellModel[] = [];
  const shared = new Map<string, { formula: string; address: string }>();
  let rowNo = 0;
  for (const row of xml.matchAll(ROW)) {
    const r = attrOf(row[1], "r");
    rowNo = r !== undefined ? Number(r) : rowNo + 1;
    if (row[2] === undefined) continue;
    let col = -1; // 0-based; a cell without r="…" follows the one before it
    for (const c of row[2].matchAll(CELL)) {
      const attrs = c[1];
      const ref = attrOf(attrs, "r");
      if (ref !== undefined) {
        const m = /^([A-Z]+)(\d+)$/.exec(ref);
        if (!m) throw new FastReadUnsupported(`celadres ${ref}`);
        col = columnIndex(m[1]);
      } else col++;
      const address = ref ?? `${columnLetter(col)}${rowNo}`;
      const body = c[2] ?? "";
      const t = attrOf(attrs, "t");
      const s = attrOf(attrs, "s");
      const cell: CellModel = { address };
      const fmt = s !== undefined ? formats[Number(s)] : undefined;
      if (fmt && fmt !== "General") cell.numFmt = fmt;

      const f = /<f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/f>)/.exec(body);
      const vm = /<v(?:\s[^>]*)?>([\s\S]*?)<\/v>/.exec(body);
      const raw = vm ? decodeXml(vm[1]) : undefined;
      let value: CellScalar | { error: string } | undefined;
      switch (t) {
        case "s":
          value = raw === undefined ? undefined : (strings[Number(raw)] ?? "");
          break;
        case "str":
          value = raw ?? "";
          break;
        case "inlineStr": {
          const is = /<is>([\s\S]*?)<\/is>/.exec(body);
          value = is ? itemText(is[1]) : "";
          break;
        }
        case "b":
          value = raw === undefined ? undefined : raw === "1" || raw === "true";
          break;
        case "e":
          value = raw === undefined ? undefined : { error: raw };
          break;
        case "d":
          throw new FastReadUnsupported("ISO-datumcellen (t=\"d\")");
        default:
          value = raw === undefined || raw === "" ? undefined : Number(raw);
      }

      if (f) {
        const fAttrs = f[1];
        const ft = attrOf(fAttrs, "t");
        let text = f[2] !== undefined ? decodeXml(f[2]) : "";
        if (ft === "shared") {
          const si = attrOf(fAttrs, "si") ?? "";
          if (text) shared.set(si, { formula: text, address });
          else {
            const master = shared.get(si);
            if (!master) throw new FastReadUnsupported(`gedeelde formule ${si} zonder begin`);
            text = slideFormula(master.formula, master.address, address);
          }
        } else if (ft === "array") {
          const aref = attrOf(fAttrs, "ref");
          if (aref) cell.arrayRef = aref;
        } else if (ft === "dataTable") {
          throw new FastReadUnsupported("gegevenstabel (TABLE)");
        }
        if (text) {
          cell.storedFormula = text;
          cell.formula = text; // display form is made by read.ts, in one place
          if (value !== undefined) cell.result = value;
          cells.push(cell);
          continue;
        }
      }
      if (value === undefined) {
        if (cell.numFmt) continue; // styled but empty
        continue;
      }
      if (typeof value === "object") cell.result = value;
      else cell.value = value;
      cells.push(cell);
    }
  }
  return { name, cells };
}

/** Sheets in workbook order from an opened package; throws FastReadUnsupported for anything unusual. */
export async function fastReadSheets(zip: JSZip, workbookXml: string): Promise<SheetModel[]> {
  const rels = await zip.file("xl/_rels/workbook.xml.rels")?.async("string");
  if (!rels) throw new FastReadUnsupported("xl/_rels/workbook.xml.rels ontbreekt");
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\s([^>]*?)\/?>/g)) {
    const id = attrOf(` ${m[1]}`, "Id");
    const target = attrOf(` ${m[1]}`, "Target");
    if (id && target) targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  const strings = sharedStrings(await zip.file("xl/sharedStrings.xml")?.async("string"));
  const formats = numberFormats(await zip.file("xl/styles.xml")?.async("string"));
  const sheets: SheetModel[] = [];
  for (const m of workbookXml.matchAll(/<(?:\w+:)?sheet\s([^>]*?)\/?>/g)) {
    const attrs = ` ${m[1]}`;
    const name = decodeXml(attrOf(attrs, "name") ?? "");
    const rid = /\sr:id="([^"]*)"/.exec(attrs)?.[1];
    const part = rid ? targets.get(rid) : undefined;
    if (!part || !/worksheets\//.test(part)) continue; // chart sheets and dialog sheets hold no cells
    const file = zip.file(part);
    if (!file) throw new FastReadUnsupported(`${part} ontbreekt`);
    sheets.push(parseSheet(await file.async("string"), name, strings, formats));
  }
  return sheets;
}
