/**
 * Cached results for a workbook about to be written: every formula's value as the engine computes it, stored the way
 * Excel stores the last calculated value. Excel recalculates anyway (fullCalcOnLoad), but a preview, LibreOffice, or a
 * colleague without the add-in shows these numbers instead of `#NAME?` everywhere. The .xlsx path only: the add-in
 * writes into a live workbook that calculates itself, and never loads HyperFormula.
 */
import type { CellError, CellModel, WorkbookModel } from "../xlsx/model";
import { buildEngine, fromHfValue, parseAddress } from "./engine";

/** Excel's own error codes; HyperFormula's extras (#CYCLE!, #LIC!, #ERROR!) have no place in a file Excel opens. */
const EXCEL_ERRORS = new Set(["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#SPILL!", "#CALC!"]);

export function withCachedResults(model: WorkbookModel): WorkbookModel {
  const { hf, sheetIds } = buildEngine(model);
  try {
    // With every value cached, Excel need not recalculate on opening: without the add-in it would turn each PB cell
    // into #NAME?, with it the result is the same.
    return {
      ...model,
      fullCalcOnLoad: false,
      sheets: model.sheets.map((s) => {
        const id = sheetIds.get(s.name);
        return {
          ...s,
          cells: s.cells.map((c): CellModel => {
            if (c.formula === undefined || c.formula === "" || id === undefined) return c;
            const at = parseAddress(c.address);
            if (!at) return c;
            const v = fromHfValue(hf.getCellValue({ sheet: id, row: at[0], col: at[1] }));
            if (v !== null && typeof v === "object") {
              const error: CellError = { error: EXCEL_ERRORS.has(v.error) ? v.error : "#VALUE!" };
              return { ...c, result: error };
            }
            return { ...c, result: v ?? "" };
          }),
        };
      }),
    };
  } finally {
    hf.destroy();
  }
}
