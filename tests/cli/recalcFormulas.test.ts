/**
 * `pb recalc` compares every formula (issue 11 item 4): ordinary formulas against their cached values, a workbook not
 * yet calculated in Excel told apart from a difference, manual calculation stated first, PB.UITLEG left to Excel.
 * Real .xlsx files written by the project's writer (and, for the older template, the fixture pb wrote before issue 10).
 */
import { promises as fs } from "fs";
import * as path from "path";
import { judge, recalcModel, summaryLine } from "../../src/engine/recalc";
import { readWorkbook } from "../../src/xlsx/read";
import type { CellModel, WorkbookModel } from "../../src/xlsx/model";
import { editParts, REGISTER_TOTAL, registerModel, tempDir, writeModel } from "../engine/helpers";
import { ROOT, run } from "./helpers";

let dir: string;
beforeAll(async () => {
  dir = await tempDir("pb-recalc-formulas-");
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** The register of tests/engine/helpers with its total D5 saved as `total` (the rows stay as Excel saved them). */
function withTotal(total: number | undefined, model = registerModel()): WorkbookModel {
  const cells = model.sheets[0].cells.map((c) => (c.address === "D5" ? ({ ...c, result: total } as CellModel) : c));
  if (total === undefined) for (const c of cells) if (c.address === "D5") delete c.result;
  return { ...model, sheets: [{ ...model.sheets[0], cells }] };
}

function withCells(model: WorkbookModel, extra: CellModel[]): WorkbookModel {
  return { ...model, sheets: [{ ...model.sheets[0], cells: [...model.sheets[0].cells, ...extra] }] };
}

const rowOf = (lines: string[], sheet: string, address: string) => lines.find((l) => l.startsWith(`${sheet}\t${address}\t`))?.split("\t");

describe("ordinary formulas compared with their cached values", () => {
  it("a stale total: SUM(D2:D4) saved as 4200,00 while the rows add up to 4124,44 → listed, difference −75,56, exit 1", async () => {
    // 1596,56 + 665,23 + 1862,65 = 4124,44; 4124,44 − 4200 = −75,56
    const file = await writeModel(dir, "stale-total.xlsx", withTotal(4200));
    const r = await run("recalc", file);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("Andere formules: 1 andere formules, 1 verschillen.");
    const row = rowOf(r.stdout, "Register", "D5")!;
    expect(row.slice(2, 7)).toEqual(["=SUM(D2:D4)", "4200", "4124.44", "-75.56", "VERSCHIL"]);
    expect(row[7]).toBe("Verschil -75.56: opgeslagen 4200, herberekend 4124.44.");
    // the PB clause stays first and unchanged; the second clause says why the exit code is 1
    expect(r.stdout[r.stdout.length - 1]).toBe("3 PB cells, 0 mismatches; 1 other formulas, 1 mismatches");
  });

  it("a correct ordinary formula is counted but not listed; exit 0 and the short summary line", async () => {
    const file = await writeModel(dir, "good.xlsx", registerModel());
    const r = await run("recalc", file);
    expect(r.code).toBe(0);
    expect(rowOf(r.stdout, "Register", "D5")).toBeUndefined();
    expect(r.stdout).toContain("Andere formules: 1 andere formules, 0 verschillen.");
    expect(r.stdout[r.stdout.length - 1]).toBe("3 PB cells, 0 mismatches");
  });

  it("not money: 0,401 for 0,4 is a difference (half a cent would pass it); 17-digit noise is not; text and booleans exactly", async () => {
    const model = withCells(registerModel(), [
      // B2 = 0,4. B2+0 is 0,4 exactly; saved 0,401: off by 0,001, a quarter of a percent of the loonwaarde
      { address: "F2", formula: "B2+0", result: 0.401 },
      // B2*3 is 1,2000000000000002 in doubles; Excel may save 1,2: a difference of 2e-16, 1,9e-16 of the value (< 1e-12)
      { address: "F3", formula: "B2*3", result: 1.2 },
      // 4124,44 × 1000 = 4124440, saved as 4124440,000001: 2,4e-13 of the value, within 1e-12
      { address: "F4", formula: "D5*1000", result: 4124440.000001 },
      // … but saved as 4124440,01 it is a cent off: 2,4e-9 of the value
      { address: "F5", formula: "D5*1000", result: 4124440.01 },
      // B2 = 0,4 > 0,3, so "hoog"; saved "laag"
      { address: "G2", formula: 'IF(B2>0.3,"hoog","laag")', result: "laag" },
      // B3 = 0,5 > 0,3 is TRUE; saved FALSE
      { address: "G3", formula: "B3>0.3", result: false },
      // C2 = 38, saved 38: equal
      { address: "G4", formula: "C2", result: 38 },
    ]);
    const report = recalcModel((await readWorkbook(await writeModel(dir, "kinds.xlsx", model))).model);
    expect(report.otherFormulas).toMatchObject({ count: 8, mismatches: 4, notRecomputable: 0, notYetCalculated: 0 });
    // in the file's order: row by row
    expect(report.otherFormulas.cells.map((c) => [c.address, c.cached, c.recomputed, c.status])).toEqual([
      ["F2", 0.401, 0.4, "mismatch"],
      ["G2", "laag", "hoog", "mismatch"],
      ["G3", false, true, "mismatch"],
      ["F5", 4124440.01, 4124440, "mismatch"],
    ]);
    expect(report.otherFormulas.cells[0].difference).toBeCloseTo(-0.001, 12);
    expect(report.otherFormulas.cells[0].note).toBe("Verschil -0.001: opgeslagen 0.401, herberekend 0.4.");
    expect(report.mismatches).toBe(0);
  });

  it("every cell of a multi-cell array formula: TRANSPOSE(B2:B4) over F2:H2 with H2 saved wrong", async () => {
    // B2:B4 = 0,4 0,5 0,2 → F2 0,4, G2 0,5, H2 0,2; H2 saved as 0,3
    const model = withCells(registerModel(), [
      { address: "F2", formula: "TRANSPOSE(B2:B4)", arrayRef: "F2:H2", result: 0.4 },
      { address: "G2", value: 0.5 },
      { address: "H2", value: 0.3 },
    ]);
    const file = await writeModel(dir, "array.xlsx", model);
    const report = recalcModel((await readWorkbook(file)).model);
    // D5 plus the three cells of the array
    expect(report.otherFormulas.count).toBe(4);
    expect(report.otherFormulas.cells.map((c) => [c.address, c.formula, c.cached, c.recomputed, c.status])).toEqual([["H2", "TRANSPOSE(B2:B4)", 0.3, 0.2, "mismatch"]]);
    expect((await run("recalc", file)).code).toBe(1);
  });

  it("a total that is off because a PB cell is: both listed, the total names the PB cell it depends on", async () => {
    // D2 recomputes to 1596,56 but Excel saved 1600 (another parameter set, say), and the total it saved with it:
    // 1600 + 665,23 + 1862,65 = 4127,88; recomputed 4124,44: −3,44 in both
    const model = withTotal(4127.88, registerModel((e, i) => (i === 0 ? 1600 : e)));
    const report = recalcModel((await readWorkbook(await writeModel(dir, "follows.xlsx", model))).model);
    expect(report.mismatches).toBe(1);
    expect(report.otherFormulas).toMatchObject({ mismatches: 1, dependsOnPbMismatch: 1 });
    expect(report.otherFormulas.cells[0].difference).toBeCloseTo(-3.44, 9);
    expect(report.otherFormulas.cells[0].note).toBe("Verschil -3.44: opgeslagen 4127.88, herberekend 4124.44. Hangt af van PB-cel Register!D2, die ook een verschil heeft.");
    expect(summaryLine(report)).toBe("3 PB cells, 1 mismatches; 1 other formulas, 1 mismatches");
  });

  it("TODAY(): a difference there proves nothing, so it is not recomputable, and still counts", async () => {
    // saved 45000 (2023-03-15); today the engine gives a later serial
    const model = withCells(registerModel(), [
      { address: "F2", formula: "TODAY()", result: 45000 },
      { address: "F3", formula: "F2-A2", result: 45000 - 45108 },
    ]);
    const report = recalcModel((await readWorkbook(await writeModel(dir, "today.xlsx", model))).model);
    expect(report.otherFormulas.cells.map((c) => [c.address, c.status])).toEqual([
      ["F2", "not-recomputable"],
      ["F3", "not-recomputable"],
    ]);
    expect(report.otherFormulas.cells[0].note).toMatch(/De formule gebruikt VANDAAG\(\): de uitkomst is bij elke berekening anders/);
    expect(report.otherFormulas.cells[1].note).toMatch(/Hangt af van Register!F2, die NU\(\), VANDAAG\(\) of ASELECT\(\) gebruikt/);
    expect(report.otherFormulas).toMatchObject({ mismatches: 2, notRecomputable: 2 });
  });
});

describe("how the workbook was calculated, stated first", () => {
  it("manual calculation (calcPr calcMode=manual): in the text header before any row, in JSON, on Over", async () => {
    const file = await editParts(await writeModel(dir, "auto.xlsx", registerModel()), path.join(dir, "manual.xlsx"), (part, xml) =>
      part === "xl/workbook.xml" ? xml.replace(/<calcPr\b[^>]*\/>/, '<calcPr calcId="191029" calcMode="manual"/>') : xml,
    );
    const r = await run("recalc", file);
    expect(r.code).toBe(0); // the values agree, so nothing was stale
    const notice = r.stdout.findIndex((l) => l.startsWith("LET OP: De werkmap staat op handmatig berekenen"));
    expect(notice).toBe(4); // right after the four header lines, before the column titles
    expect(r.stdout[5].startsWith("Werkblad\tCel\t")).toBe(true);
    // said once: the reader's own warning at the end is not repeated
    expect(r.stdout.filter((l) => /handmatig berekenen/.test(l))).toHaveLength(1);

    const json = JSON.parse((await run("recalc", file, "--json")).stdout.join("\n"));
    expect(json).toMatchObject({ calcMode: "manual", savedWithoutValues: false });
    expect(json.notices[0]).toMatch(/^De werkmap staat op handmatig berekenen/);

    const out = path.join(dir, "manual-rapport.xlsx");
    expect((await run("recalc", file, "--out", out)).code).toBe(0);
    const over = (await readWorkbook(out)).model.sheets.find((s) => s.name === "Over")!;
    const a1 = over.cells.find((c) => c.address === "A1")!;
    const b1 = over.cells.find((c) => c.address === "B1")!;
    expect([a1.value, String(b1.value).slice(0, 39)]).toEqual(["LET OP", "De werkmap staat op handmatig berekenen"]);
    expect(over.cells.find((c) => c.value === "Berekenen in Excel")).toBeDefined();
  });

  it("a workbook saved without any cached value: nog niet berekend in Excel, counted apart, not a difference; exit 1", async () => {
    const file = await writeModel(dir, "uncalculated.xlsx", withTotal(undefined, registerModel(() => undefined)));
    const r = await run("recalc", file);
    expect(r.code).toBe(1);
    expect(r.stdout[4]).toMatch(/^LET OP: Deze werkmap is nog niet berekend in Excel: geen enkele formule heeft een opgeslagen waarde/);
    expect(rowOf(r.stdout, "Register", "D2")!.slice(3, 7)).toEqual(["", "1596.56", "", "NOG NIET BEREKEND IN EXCEL"]);
    expect(r.stdout).toContain("Andere formules: 1 andere formules, 0 verschillen; 1 nog niet berekend in Excel.");
    expect(r.stdout).toContain(
      "Nog niet berekend in Excel: 4 formulecel(len) zonder opgeslagen waarde (3 PB-cel(len), 1 andere). " +
        "Geen verschil, maar ook niet bevestigd: laat Excel de werkmap berekenen en sla op (afsluitcode 1).",
    );
    // 0 mismatches: nothing differs; the clause after it says what is not confirmed
    expect(r.stdout[r.stdout.length - 1]).toBe("3 PB cells, 0 mismatches; 1 other formulas, 0 mismatches; 4 not calculated in Excel");
    const json = JSON.parse((await run("recalc", file, "--json")).stdout.join("\n"));
    expect(json).toMatchObject({ pbCells: 3, mismatches: 0, pbNotYetCalculated: 3, savedWithoutValues: true, otherFormulas: { count: 1, mismatches: 0, notYetCalculated: 1, cells: [] } });
  });

  it("the LKS register as pb template wrote it before issue 10 (no cached values): 1200 PB cells nog niet berekend, 0 mismatches", async () => {
    const r = await run("recalc", path.join(ROOT, "tests", "fixtures", "templates-1.0.0", "LKS-REGISTER.xlsx"), "--json");
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout.join("\n"));
    expect(json).toMatchObject({ pbCells: 1200, mismatches: 0, pbNotYetCalculated: 1200, savedWithoutValues: true });
    expect(json.otherFormulas).toMatchObject({ mismatches: 0, notYetCalculated: json.otherFormulas.count });
  });

  it("a template pb template writes today carries its values: confirmed, exit 0", async () => {
    const file = path.join(dir, "rekentool.xlsx");
    expect((await run("template", "REKENTOOL-PW", file, "--voorbeeld")).code).toBe(0);
    const r = await run("recalc", file);
    expect(r.code).toBe(0);
    expect(r.stdout.some((l) => l.startsWith("LET OP"))).toBe(false);
    expect(r.stdout[r.stdout.length - 1]).toBe("4 PB cells, 0 mismatches");
  });
});

describe("--alleen-verschillen", () => {
  it("shows what needs attention: the PB difference and the stale total, not the ok rows", async () => {
    const file = await writeModel(dir, "two-wrong.xlsx", withTotal(4200, registerModel((e, i) => (i === 1 ? 700 : e))));
    const r = await run("recalc", file, "--alleen-verschillen");
    expect(r.code).toBe(1);
    expect(rowOf(r.stdout, "Register", "D3")!.slice(3, 7)).toEqual(["700", "665.23", "-34.77", "VERSCHIL"]);
    expect(rowOf(r.stdout, "Register", "D2")).toBeUndefined();
    expect(rowOf(r.stdout, "Register", "D4")).toBeUndefined();
    expect(rowOf(r.stdout, "Register", "D5")![6]).toBe("VERSCHIL");
    expect(r.stdout).toContain("(2 PB-cel(len) zonder verschil niet getoond: --alleen-verschillen.)");
    expect(r.stdout[r.stdout.length - 1]).toBe("3 PB cells, 1 mismatches; 1 other formulas, 1 mismatches");
    // without the option every PB row is there
    expect(rowOf((await run("recalc", file)).stdout, "Register", "D2")).toBeDefined();
  });

  it("when nothing differs, the rows not yet calculated are what there is to see", async () => {
    const file = await writeModel(dir, "uncalculated2.xlsx", withTotal(undefined, registerModel(() => undefined)));
    const r = await run("recalc", file, "--alleen-verschillen");
    expect(["D2", "D3", "D4"].map((a) => rowOf(r.stdout, "Register", a)?.[6])).toEqual(Array(3).fill("NOG NIET BEREKEND IN EXCEL"));
    // … but one PB cell without a value beside a real difference is not shown: the difference is
    const mixed = await writeModel(dir, "mixed.xlsx", registerModel((e, i) => (i === 0 ? undefined : i === 1 ? 700 : e)));
    const m = await run("recalc", mixed, "--alleen-verschillen");
    expect(rowOf(m.stdout, "Register", "D2")).toBeUndefined();
    expect(rowOf(m.stdout, "Register", "D3")![6]).toBe("VERSCHIL");
    expect(m.stdout[m.stdout.length - 1]).toBe("3 PB cells, 1 mismatches; 1 other formulas, 0 mismatches; 1 not calculated in Excel");
  });
});

describe("JSON and the report workbook", () => {
  it("--json: otherFormulas with its counts and only the listed cells, the summary with its second clause", async () => {
    const file = await writeModel(dir, "stale-json.xlsx", withTotal(4200));
    const r = await run("recalc", file, "--json");
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout.join("\n"));
    expect(json.otherFormulas).toEqual({
      count: 1,
      mismatches: 1,
      notRecomputable: 0,
      notYetCalculated: 0,
      dependsOnPbMismatch: 0,
      cells: [
        {
          sheet: "Register",
          address: "D5",
          formula: "SUM(D2:D4)",
          storedFormula: "SUM(D2:D4)",
          cached: 4200,
          recomputed: REGISTER_TOTAL,
          difference: expect.closeTo(-75.56, 9),
          status: "mismatch",
          note: "Verschil -75.56: opgeslagen 4200, herberekend 4124.44.",
        },
      ],
    });
    expect(json).toMatchObject({ pbCells: 3, mismatches: 0, calcMode: null, savedWithoutValues: false, notices: [], excelOnly: [] });
    expect(json.summary).toBe("3 PB cells, 0 mismatches; 1 other formulas, 1 mismatches");
    expect(json.cells).toHaveLength(3);
  });

  it("--out rapport.xlsx: the listed ordinary cells on Andere formules, the counts on Over; stdout names them", async () => {
    const file = await writeModel(dir, "stale-xlsx.xlsx", withTotal(4200));
    const out = path.join(dir, "stale-rapport.xlsx");
    const r = await run("recalc", file, "--out", out);
    expect(r.code).toBe(1);
    expect(r.stdout.some((l) => l.startsWith("Register\tD5\t=SUM(D2:D4)\t4200\t4124.44"))).toBe(true);
    expect(r.stdout[r.stdout.length - 1]).toBe("3 PB cells, 0 mismatches; 1 other formulas, 1 mismatches");
    const { model } = await readWorkbook(out);
    expect(model.sheets.map((s) => s.name)).toEqual(["Controle", "Andere formules", "Bonnen", "Over"]);
    const other = model.sheets[1].cells.filter((c) => c.address.endsWith("2")).map((c) => c.value);
    expect(other.slice(0, 7)).toEqual(["Register", "D5", "=SUM(D2:D4)", 4200, 4124.44, expect.closeTo(-75.56, 9), "VERSCHIL"]);
    const over = model.sheets[3].cells;
    const valueBeside = (label: string) => over.find((c) => c.address === over.find((x) => x.value === label)!.address.replace("A", "B"))?.value;
    expect(valueBeside("Andere formules")).toBe("1 andere formules, 1 verschillen");
  });
});

describe("PB.UITLEG: shown only in Excel, never a difference", () => {
  /** The register with F2 = PB.UITLEG(D2) filling F2:G3 with Excel's text table, and what may depend on it. */
  function uitlegModel(extra: CellModel[] = []): WorkbookModel {
    return withCells(registerModel(), [
      { address: "F2", formula: "PB.UITLEG(D2)", arrayRef: "F2:G3", result: "Uitleg van" },
      { address: "G2", value: "Register!D2" },
      { address: "F3", value: "PB.LKS" },
      { address: "G3", value: "1596,56" },
      ...extra,
    ]);
  }

  it("alleen in Excel: not compared, not in the PB cells, not a mismatch; exit 0", async () => {
    const file = await writeModel(dir, "uitleg.xlsx", uitlegModel());
    const r = await run("recalc", file);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Alleen in Excel: Register!F2 (F2:G3) =PB.UITLEG(D2): niet vergeleken, geen verschil.");
    expect(r.stdout.some((l) => /Onbekende functie PB\.UITLEG/.test(l))).toBe(false);
    expect(rowOf(r.stdout, "Register", "F2")).toBeUndefined();
    expect(r.stdout[r.stdout.length - 1]).toBe("3 PB cells, 0 mismatches");
    const json = JSON.parse((await run("recalc", file, "--json")).stdout.join("\n"));
    expect(json.excelOnly).toEqual([
      { sheet: "Register", address: "F2", range: "F2:G3", formula: "PB.UITLEG(D2)", note: expect.stringMatching(/^Alleen in Excel: PB\.UITLEG toont/) },
    ]);
    expect(json.otherFormulas.count).toBe(1); // D5 only: the table's cells are not formulas of their own
  });

  it("what reads its table, or hides a figure behind it, is not recomputable and counts", async () => {
    const model = uitlegModel([
      // LEN("1596,56") = 7 in Excel; pb cannot know G3
      { address: "H2", formula: "LEN(G3)", result: 7 },
      // a PB figure with PB.UITLEG inside: not the plain form, so it cannot pass uncompared
      { address: "H3", formula: "PB.LKS(A2,B2,C2)+0*LEN(PB.UITLEG(D2))", result: 1596.56 },
    ]);
    const report = recalcModel((await readWorkbook(await writeModel(dir, "uitleg-deps.xlsx", model))).model);
    expect(report.excelOnly.map((x) => x.address)).toEqual(["F2"]);
    expect(report.otherFormulas.cells.map((c) => [c.address, c.status, c.note])).toEqual([
      ["H2", "not-recomputable", "Hangt af van Register!G3, die niet is herberekend: PB.UITLEG toont alleen in Excel een uitleg; pb rekent die niet na"],
    ]);
    const h3 = report.cells.find((c) => c.address === "H3")!;
    expect(h3.status).toBe("not-recomputable");
    expect(report.mismatches).toBe(1);
  });

  it("a PB.UITLEG table larger than Excel makes one (10 001 cells, F2:F10002) is not set apart: it counts", async () => {
    const model = withCells(registerModel(), [{ address: "F2", formula: "PB.UITLEG(D2)", arrayRef: "F2:F10002", result: "Uitleg van" }]);
    const report = recalcModel((await readWorkbook(await writeModel(dir, "uitleg-huge.xlsx", model))).model);
    expect(report.excelOnly).toEqual([]);
    expect(report.cells.find((c) => c.address === "F2")?.status).toBe("not-recomputable");
    expect(report.mismatches).toBeGreaterThan(0);
  });
});

describe("a note is one sentence", () => {
  it("a saved value against an engine error ends in one full stop, not two", () => {
    const v = judge(12, { error: "#DIV/0!", message: "Deling door nul." });
    expect(v.note).toBe("Opgeslagen 12, herberekend #DIV/0!: Deling door nul.");
    expect(judge(12, "twaalf").note).toBe("Opgeslagen 12, herberekend twaalf.");
  });
});
