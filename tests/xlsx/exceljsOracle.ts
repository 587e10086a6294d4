/**
 * An independent reader for tests only: ExcelJS's object model, to check that the strict reader reads what another
 * mature library reads (values, formulas in display form, cached results, array refs, number formats).
 */
import { promises as fs } from "fs";
import ExcelJS from "exceljs";
import { toDisplayFormula } from "../../src/functions/formulaNames";
import { utcDateToSerial } from "../../src/rules/dates";
import type { CellError, CellModel, CellScalar, SheetModel } from "../../src/xlsx/model";

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

export async function readWithExcelJS(file: string): Promise<SheetModel[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await fs.readFile(file)) as unknown as ArrayBuffer);
  const sheets: SheetModel[] = [];
  wb.eachSheet((ws) => {
    const cells: CellModel[] = [];
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
    sheets.push({ name: ws.name, cells });
  });
  return sheets;
}
