import { promises as fs } from "fs";
import * as path from "path";
import { readWorkbook } from "../../src/xlsx/read";
import { readWithExcelJS } from "../xlsx/exceljsOracle";
import { recalcModel } from "../../src/engine/recalc";
import { REGISTER, REGISTER_TOTAL, registerModel, tempDir, writeModel, partText } from "./helpers";

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe("round trip: write a register with the writer, read it back, recalculate", () => {
  it("stores PB calls as Excel does: _xldudf_PB_LKS in a one-cell dynamic array formula", async () => {
    const file = await writeModel(dir, "register.xlsx", registerModel());
    const sheet = await partText(file, "xl/worksheets/sheet1.xml");
    expect(sheet).toMatch(/<c r="D2"[^>]* cm="1"><f t="array" ref="D2">_xldudf_PB_LKS\(A2,B2,C2\)<\/f><v>1596.56<\/v><\/c>/);
    expect(sheet).toMatch(/<f>SUM\(D2:D4\)<\/f><v>4124.44<\/v>/);
    expect(await partText(file, "xl/metadata.xml")).toContain('name="XLDAPR"');
    expect(await partText(file, "[Content_Types].xml")).toContain('PartName="/xl/metadata.xml"');
    expect(await partText(file, "xl/_rels/workbook.xml.rels")).toContain('Target="metadata.xml"');
    expect(await partText(file, "xl/workbook.xml")).toMatch(/fullCalcOnLoad="1"/);
  });

  it.each(["strict reader", "ExcelJS (independent check)"] as const)("%s: formulas in display form, stored text, cached results, number formats, dates as serials", async (reader) => {
    const file = await writeModel(dir, `register2-${reader.length}.xlsx`, registerModel());
    const sheets = reader === "strict reader" ? (await readWorkbook(file)).model.sheets : await readWithExcelJS(file);
    const cells = new Map(sheets[0].cells.map((c) => [c.address, c]));
    expect(cells.get("D2")).toMatchObject({
      formula: "PB.LKS(A2,B2,C2)",
      storedFormula: "_xldudf_PB_LKS(A2,B2,C2)",
      result: 1596.56,
      arrayRef: "D2",
      numFmt: "€ #,##0.00",
    });
    // 2023-07-01 is Excel serial 45108; ExcelJS hands date-formatted cells over as Date, the reader turns them back.
    expect(cells.get("A2")).toMatchObject({ value: 45108, numFmt: "dd-mm-yyyy" });
    expect(cells.get("D5")).toMatchObject({ formula: "SUM(D2:D4)", result: REGISTER_TOTAL });
  });

  it("recomputes every PB cell: 1596,56, 665,23, 1862,65, all matching; exit code would be 0", async () => {
    const file = await writeModel(dir, "register3.xlsx", registerModel());
    const { model } = await readWorkbook(file);
    const report = recalcModel(model, { file });
    expect(report.pbCells).toBe(3);
    expect(report.mismatches).toBe(0);
    expect(report.cells.map((c) => [c.address, c.recomputed, c.status])).toEqual(
      REGISTER.map(([, , , expected], i) => [`D${i + 2}`, expected, "ok"]),
    );
    expect(report.parameterSetVersion).toMatch(/^\d{4}\.\d+\.\d+$/);
    expect(report.unknownFunctions).toEqual([]);
  });

  it("finds a tampered cached value (1596,56 saved as 1600,00 → difference −3,44) and one off by a cent", async () => {
    const model = registerModel((e, i) => (i === 0 ? 1600 : i === 1 ? e + 0.01 : e + 0.004));
    const { model: read } = await readWorkbook(await writeModel(dir, "tampered.xlsx", model));
    const report = recalcModel(read);
    expect(report.cells.map((c) => c.status)).toEqual(["mismatch", "mismatch", "ok"]);
    expect(report.cells[0].difference).toBeCloseTo(1596.56 - 1600, 9);
    expect(report.cells[1].difference).toBeCloseTo(-0.01, 9);
    expect(report.mismatches).toBe(2);
  });

  it("a PB cell without a cached value is reported, not silently accepted", async () => {
    const { model } = await readWorkbook(await writeModel(dir, "nocache.xlsx", registerModel(() => undefined)));
    const report = recalcModel(model);
    expect(report.cells.map((c) => c.status)).toEqual(["no-cached-value", "no-cached-value", "no-cached-value"]);
    expect(report.cells[0].recomputed).toBe(1596.56);
  });

  it("keeps sheet-scoped and constant defined names through write and read, and uses them in formulas", async () => {
    const model = {
      sheets: [
        {
          name: "Blad 1",
          cells: [
            { address: "A1", value: 0.4 },
            { address: "B1", formula: "PB.LKS(Peildatum,A1,Uren)", result: 1596.56 },
            { address: "C1", formula: "Uren*2", result: 76 },
          ],
        },
      ],
      names: [
        { name: "Peildatum", ref: "DATE(2023,7,1)" },
        { name: "Uren", ref: "38", localSheet: "Blad 1" },
      ],
    };
    const file = await writeModel(dir, "names.xlsx", model);
    expect(await partText(file, "xl/workbook.xml")).toContain('<definedName name="Uren" localSheetId="0">38</definedName>');
    const { model: read } = await readWorkbook(file);
    expect(read.names).toEqual([
      { name: "Peildatum", ref: "DATE(2023,7,1)" },
      { name: "Uren", ref: "38", localSheet: "Blad 1" },
    ]);
    const report = recalcModel(read);
    expect(report.cells).toHaveLength(1);
    expect(report.cells[0]).toMatchObject({ address: "B1", recomputed: 1596.56, status: "ok" });
  });

  it("writes a workbook path with writeWorkbook (the signature the template command uses)", async () => {
    const { writeWorkbook } = await import("../../src/xlsx/write");
    const file = path.join(dir, "via-writeWorkbook.xlsx");
    await writeWorkbook(registerModel(), file);
    const { model } = await readWorkbook(file);
    expect(model.sheets[0].name).toBe("Register");
  });
});
