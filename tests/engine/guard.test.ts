/**
 * A formula the engine cannot handle marks its own cell, never the run. In this process the engine's recursion
 * overflows on a long chain of additions (the installed command runs it with a deeper stack; tests/cli/limits.test.ts):
 * the cell becomes #ERROR! with a Dutch reason, a PB cell that depends on it is "not recomputable", and everything else
 * is recomputed as usual. The register: D2 = LKS(2023-07-01; 0,4; 38) = 1596,56.
 */
import * as path from "path";
import { buildEngine, fromHfValue } from "../../src/engine/engine";
import { recalcModel } from "../../src/engine/recalc";
import { GUARD_PREFIX } from "../../src/engine/guard";
import { registerModel } from "./helpers";

// 1+1+…+1, 4 096 terms: 8 191 characters, within Excel's 8 192
const LONG = "1+".repeat(4095) + "1";

describe("the engine's recursion guard", () => {
  it("marks the long formula's cell and keeps the rest of the workbook", () => {
    const model = registerModel();
    model.sheets[0].cells.push({ address: "E2", formula: LONG }, { address: "F2", formula: "E2+1" }, { address: "G2", formula: "2*3" });
    const { hf, guarded } = buildEngine(model);
    try {
      const v = (a: string) => fromHfValue(hf.getCellValue(hf.simpleCellAddressFromString(`Register!${a}`, 0)!));
      expect(v("E2")).toMatchObject({ error: "#ERROR!", message: expect.stringContaining(GUARD_PREFIX) });
      expect(v("G2")).toBe(6);
      expect(v("D2")).toBe(1596.56);
      expect(guarded.map((g) => [g.row, g.col])).toEqual([[1, 4]]);
    } finally {
      hf.destroy();
    }
  });

  it("a PB cell fed by it is not recomputable, the reason names the cell; the others are ok", () => {
    const model = registerModel();
    const cells = model.sheets[0].cells;
    const d2 = cells.find((c) => c.address === "D2")!;
    d2.formula = "PB.LKS(A2,E9,C2)";
    cells.push({ address: "E9", formula: LONG });
    const report = recalcModel(model, { file: path.join("x", "register.xlsx") });
    expect(report.cells.map((c) => [c.address, c.status])).toEqual([
      ["D2", "not-recomputable"],
      ["D3", "ok"],
      ["D4", "ok"],
    ]);
    expect(report.cells[0].note).toMatch(/Hangt af van Register!E9/);
    expect(report.unverified).toEqual([{ sheet: "Register", address: "E9", reason: expect.stringContaining(GUARD_PREFIX) }]);
    expect(report.mismatches).toBe(1);
  });
});
