/**
 * Reading one cell and everything its PB calls read, through Office.js, to explain it (explain.ts): two syncs, never a
 * write. The task pane's Uitleg view explains the active cell; PB.UITLEG the cell it is given.
 */
import type { DateSystem } from "../rules/dates";
import { explainCell, rangesToRead, type CellExplanation } from "./explain";
import { queueDateSystem } from "./dateSystem";
import { cellValue, WorkbookData } from "./recompute";

/** "'Invoer blad'!$B$1:$B$3" → sheet "Invoer blad", address "B1:B3"; a workbook prefix ("[Map1]Blad1!A1") is dropped. */
export function splitAddress(full: string): { sheet?: string; address: string } {
  const bang = full.lastIndexOf("!");
  const address = full.slice(bang + 1).replace(/\$/g, "").trim();
  if (bang < 0) return { address };
  let sheet = full.slice(0, bang).trim();
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  sheet = sheet.replace(/^\[[^\]]*\]/, "");
  return { sheet, address };
}

type Target = "active" | { sheet: string; address: string };

const first = <T>(m: T[][] | undefined): T | undefined => m?.[0]?.[0];

/**
 * Explain the active cell, or a given one. When the cell only shows part of a spilled result, the cell whose formula
 * produced it is explained (and named). `dateSystem`: the workbook's, when the caller knows it already.
 */
export async function readExplanation(context: Excel.RequestContext, target: Target, dateSystem?: DateSystem): Promise<CellExplanation> {
  const range = target === "active" ? context.workbook.getActiveCell() : context.workbook.worksheets.getItem(target.sheet).getRange(target.address);
  range.load("address,formulas,formulasLocal,values,valueTypes");
  const parent = range.getSpillParentOrNullObject();
  parent.load("isNullObject,address,formulas,formulasLocal,values,valueTypes");
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  const dateSystemOf = dateSystem === undefined ? queueDateSystem(context) : () => dateSystem;
  await context.sync();
  const system = dateSystemOf();

  const own = splitAddress(range.address);
  const spilled = !parent.isNullObject && splitAddress(parent.address).address !== own.address.split(":")[0];
  const source = spilled ? parent : range;
  const at = splitAddress(source.address);
  const sheet = at.sheet ?? (target === "active" ? "" : target.sheet);
  const address = at.address.split(":")[0];
  const formula = String(first(source.formulas) ?? "");
  const value = cellValue(first(source.values), first(source.valueTypes as unknown as string[][]));

  const data = new WorkbookData();
  const names = new Map(sheets.items.map((s) => [s.name.toLowerCase(), s]));
  const reads = (formula.startsWith("=") ? rangesToRead(formula, sheet, system) : [])
    .map((r) => {
      const ws = names.get(r.sheet.toLowerCase());
      if (!ws) return undefined;
      const cells = ws.getRangeByIndexes(r.r1, r.c1, r.r2 - r.r1 + 1, r.c2 - r.c1 + 1);
      cells.load("values,valueTypes");
      return { r, sheetName: ws.name, cells };
    })
    .filter((x): x is NonNullable<typeof x> => x !== undefined);
  if (reads.length) await context.sync();
  for (const { r, sheetName, cells } of reads) {
    data.add({
      sheet: sheetName,
      rowIndex: r.r1,
      columnIndex: r.c1,
      formulas: [],
      values: cells.values,
      valueTypes: Array.isArray(cells.valueTypes) ? (cells.valueTypes as unknown as string[][]) : undefined,
    });
  }
  return explainCell(
    {
      sheet,
      address,
      formula,
      formulaLocal: String(first(source.formulasLocal) ?? formula),
      value,
      ...(spilled ? { spilledFrom: `${sheet}!${address}` } : {}),
    },
    data,
    system,
  );
}
