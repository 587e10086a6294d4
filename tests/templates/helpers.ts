/** Test helpers: render a template, recalculate it with the headless engine in-process, read cells back. */
import { buildEngine, fromHfValue, parseAddress, type EngineValue } from "../../src/engine/engine";
import type { WorkbookModel } from "../../src/xlsx/model";
import type { CellReader, WorkbookView } from "../../src/templates/checks";

/** Formulas of a model by sheet and address, as `pb check` hands them to the checks. */
function formulasOf(model: WorkbookModel): Map<string, Map<string, string>> {
  return new Map(model.sheets.map((s) => [s.name, new Map(s.cells.filter((c) => c.formula).map((c) => [c.address, c.formula as string]))]));
}

export interface Computed {
  read: CellReader;
  /** Values and formulas, as pb check sees a workbook. */
  view: WorkbookView;
  /** Value of a cell on a sheet (by name). */
  value(sheet: string, address: string): EngineValue;
  sheetNames: string[];
  destroy(): void;
}

/** Recalculate the model (the `pb recalc` engine, in-process) and read computed values. */
export function compute(model: WorkbookModel): Computed {
  const { hf, sheetIds } = buildEngine(model);
  const value = (sheet: string, address: string): EngineValue => {
    const id = sheetIds.get(sheet);
    const at = parseAddress(address);
    if (id === undefined || !at) return null;
    return fromHfValue(hf.getCellValue({ sheet: id, row: at[0], col: at[1] }));
  };
  const formulas = formulasOf(model);
  const view: WorkbookView = { value, formula: (sheet, address) => formulas.get(sheet)?.get(address) };
  return { read: value, value, view, sheetNames: model.sheets.map((s) => s.name), destroy: () => hf.destroy() };
}

/** Change input cells of a model (a crafted bad workbook): sheet name → address → value. */
export function withValues(model: WorkbookModel, changes: Record<string, Record<string, string | number | boolean | null>>): WorkbookModel {
  return {
    ...model,
    sheets: model.sheets.map((s) => {
      const ch = changes[s.name];
      if (!ch) return s;
      const cells = s.cells.map((c) => (c.address in ch ? { ...c, value: ch[c.address] ?? undefined, formula: undefined } : c));
      for (const [address, v] of Object.entries(ch)) if (!cells.some((c) => c.address === address)) cells.push({ address, value: v ?? undefined });
      return { ...s, cells };
    }),
  };
}

/**
 * One engine per workbook, changed and changed back for each crafted case (HyperFormula batch + undo), so dozens of
 * bad-workbook cases do not each rebuild a 1.300-formula register.
 */
export function reusable(model: WorkbookModel) {
  const { hf, sheetIds } = buildEngine(model);
  const formulas = formulasOf(model);
  const sheetNames = model.sheets.map((s) => s.name);
  const value = (sheet: string, address: string): EngineValue => {
    const id = sheetIds.get(sheet);
    const at = parseAddress(address);
    if (id === undefined || !at) return null;
    return fromHfValue(hf.getCellValue({ sheet: id, row: at[0], col: at[1] }));
  };
  return {
    sheetNames,
    /** Run `fn` on the workbook with these values typed over (a formula typed over is gone); restored afterwards. */
    with<T>(changes: Record<string, Record<string, string | number | boolean | null>>, fn: (view: WorkbookView) => T): T {
      hf.batch(() => {
        for (const [sheet, cells] of Object.entries(changes)) {
          for (const [address, v] of Object.entries(cells)) {
            const at = parseAddress(address)!;
            hf.setCellContents({ sheet: sheetIds.get(sheet)!, row: at[0], col: at[1] }, [[v]]);
          }
        }
      });
      const view: WorkbookView = { value, formula: (sheet, address) => (changes[sheet] && address in changes[sheet] ? undefined : formulas.get(sheet)?.get(address)) };
      try {
        return fn(view);
      } finally {
        hf.undo();
      }
    },
    destroy: () => hf.destroy(),
  };
}
