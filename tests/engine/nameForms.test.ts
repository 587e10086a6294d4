/**
 * Workbooks with every form in which a PB call is found in real files, written as raw XML: what Excel writes
 * (`<f t="array" ref="D2">_xldudf_PB_LKS(..)</f>` with cm="1"), the `[2]!` external-link prefix, the plain `PB.LKS(`
 * typed before the add-in loaded (cached #NAME?), LibreOffice's lower case, and a shared formula.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { readWorkbook } from "../../src/xlsx/read";
import { recalcModel } from "../../src/engine/recalc";
import { editParts, registerModel, tempDir, writeModel } from "./helpers";
import { readWithExcelJS } from "../xlsx/exceljsOracle";

let dir: string;
let base: string;
beforeAll(async () => {
  dir = await tempDir();
  base = await writeModel(dir, "base.xlsx", registerModel());
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** Replace cell D2 of the register (1596,56 = LKS(2023-07-01; 0,4; 38)) by raw cell XML. */
async function withD2(name: string, cellXml: string): Promise<string> {
  return editParts(base, path.join(dir, name), (part, xml) =>
    part === "xl/worksheets/sheet1.xml" ? xml.replace(/<c r="D2"[^>]*>.*?<\/c>/, cellXml) : xml,
  );
}

async function d2(file: string) {
  const { model } = await readWorkbook(file);
  // The strict reader and ExcelJS's object model (an independent reader) must read every form identically.
  const full = await readWithExcelJS(file);
  expect(model.sheets.map((s) => s.cells)).toEqual(full.map((s) => s.cells));
  const report = recalcModel(model);
  return { cell: model.sheets[0].cells.find((c) => c.address === "D2")!, report, d2: report.cells.find((c) => c.address === "D2")! };
}

describe("stored name forms of PB.LKS in D2", () => {
  it("Excel's own form: dynamic array with cm=1", async () => {
    const f = await withD2("excel.xlsx", '<c r="D2" cm="1"><f t="array" ref="D2">_xldudf_PB_LKS(A2,B2,C2)</f><v>1596.56</v></c>');
    const { cell, d2: r, report } = await d2(f);
    expect(cell).toMatchObject({ formula: "PB.LKS(A2,B2,C2)", storedFormula: "_xldudf_PB_LKS(A2,B2,C2)", arrayRef: "D2" });
    expect(r).toMatchObject({ recomputed: 1596.56, status: "ok", storedFormula: "_xldudf_PB_LKS(A2,B2,C2)" });
    expect(report.mismatches).toBe(0);
  });

  it("external-link prefix [2]! after an add-in conflict", async () => {
    const f = await withD2("ext.xlsx", '<c r="D2"><f t="array" ref="D2">[2]!_xldudf_PB_LKS(A2,B2,C2)</f><v>1596.56</v></c>');
    const { cell, d2: r } = await d2(f);
    expect(cell.formula).toBe("PB.LKS(A2,B2,C2)");
    expect(r).toMatchObject({ recomputed: 1596.56, status: "ok" });
  });

  it("plain PB.LKS typed before the add-in loaded, cached #NAME?: recomputed, reported as a mismatch with the reason", async () => {
    const f = await withD2("plain.xlsx", '<c r="D2" t="e"><f t="array" ref="D2" aca="1" ca="1">PB.LKS(A2,B2,C2)</f><v>#NAME?</v></c>');
    const { cell, d2: r, report } = await d2(f);
    expect(cell).toMatchObject({ formula: "PB.LKS(A2,B2,C2)", result: { error: "#NAME?" } });
    expect(r.recomputed).toBe(1596.56);
    expect(r.status).toBe("mismatch");
    expect(r.note).toContain("invoegtoepassing was niet geladen");
    expect(report.mismatches).toBe(1);
  });

  it("lower case as LibreOffice saves it, without array", async () => {
    const f = await withD2("lower.xlsx", '<c r="D2"><f>_xldudf_pb_lks(A2,B2,C2)</f><v>1596.56</v></c>');
    expect((await d2(f)).d2).toMatchObject({ formula: "PB.LKS(A2,B2,C2)", recomputed: 1596.56, status: "ok" });
  });

  it("namespace-less form of add-ins with EquivalentAddins", async () => {
    const f = await withD2("nons.xlsx", '<c r="D2"><f>_xldudf_LKS(A2,B2,C2)</f><v>1596.56</v></c>');
    expect((await d2(f)).d2).toMatchObject({ formula: "PB.LKS(A2,B2,C2)", status: "ok" });
  });

  it("a shared formula over D2:D4 (clones carry no text of their own)", async () => {
    const f = await editParts(base, path.join(dir, "shared.xlsx"), (part, xml) =>
      part === "xl/worksheets/sheet1.xml"
        ? xml
            .replace(/<c r="D2"[^>]*>.*?<\/c>/, '<c r="D2"><f t="shared" ref="D2:D4" si="0">_xldudf_PB_LKS(A2,B2,C2)</f><v>1596.56</v></c>')
            .replace(/<c r="D3"[^>]*>.*?<\/c>/, '<c r="D3"><f t="shared" si="0"/><v>665.23</v></c>')
            .replace(/<c r="D4"[^>]*>.*?<\/c>/, '<c r="D4"><f t="shared" si="0"/><v>1862.65</v></c>')
        : xml,
    );
    const { report } = await d2(f);
    expect(report.cells.map((c) => [c.address, c.formula, c.recomputed, c.status])).toEqual([
      ["D2", "PB.LKS(A2,B2,C2)", 1596.56, "ok"],
      ["D3", "PB.LKS(A3,B3,C3)", 665.23, "ok"],
      ["D4", "PB.LKS(A4,B4,C4)", 1862.65, "ok"],
    ]);
  });

  it("a spilled PB array formula D2:D4 over ranges: every cell of the spill is compared", async () => {
    const f = await editParts(base, path.join(dir, "spill.xlsx"), (part, xml) =>
      part === "xl/worksheets/sheet1.xml"
        ? xml
            .replace(/<c r="D2"[^>]*>.*?<\/c>/, '<c r="D2" cm="1"><f t="array" ref="D2:D4">_xldudf_PB_LKS(A2:A4,B2:B4,C2:C4)</f><v>1596.56</v></c>')
            .replace(/<c r="D3"[^>]*>.*?<\/c>/, '<c r="D3"><v>665.23</v></c>')
            .replace(/<c r="D4"[^>]*>.*?<\/c>/, '<c r="D4"><v>1862</v></c>')
        : xml,
    );
    const { report } = await d2(f);
    expect(report.cells.map((c) => [c.address, c.recomputed, c.status])).toEqual([
      ["D2", 1596.56, "ok"],
      ["D3", 665.23, "ok"],
      ["D4", 1862.65, "mismatch"], // cached 1862 vs 1862,65
    ]);
  });

  it("an unknown function in a PB argument: the cell is reported as not recomputable, with the function named", async () => {
    const f = await withD2("unknown.xlsx", '<c r="D2"><f>_xldudf_PB_LKS(A2,_xlfn.NIETBESTAAND(B2),C2)</f><v>1596.56</v></c>');
    const { d2: r, report } = await d2(f);
    expect(r.status).toBe("not-recomputable");
    expect(r.note).toMatch(/NIETBESTAAND/);
    expect(report.unknownFunctions).toEqual([{ name: "NIETBESTAAND", cells: 1, example: "Register!D2" }]);
  });

  it("an unknown PB function id is not recomputable either", async () => {
    const f = await withD2("unknownpb.xlsx", '<c r="D2"><f>_xldudf_PB_BESTAATNIET(A2)</f><v>1</v></c>');
    expect((await d2(f)).d2.status).toBe("not-recomputable");
  });
});
