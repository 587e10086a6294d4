/**
 * The direct path (engine.ts: a PB call whose arguments are constants is evaluated before HyperFormula and handed to
 * it as a value) must change nothing: every cell value of every sheet, every reported PB cell and every receipt equal
 * with and without it, on the benchmark registers (PB and native, 1900 and 1904), every template with its worked
 * example, the saved template files, and a sheet of edge cases that must (or must not) take the path.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { buildEngine, fromHfValue, parseAddress, setDirectEvaluation } from "../../src/engine/engine";
import { receiptsOf, recalcModel } from "../../src/engine/recalc";
import { invoke } from "../../src/functions/invoke";
import { isoToSerial } from "../../src/rules/dates";
import { TEMPLATES } from "../../src/templates";
import { renderTemplate } from "../../src/templates/render";
import type { CellModel, WorkbookModel } from "../../src/xlsx/model";
import { readWorkbook } from "../../src/xlsx/read";

/** The rows of bench/run.js registerModel: 2023, loonwaarde 0,30…0,80, uren 12…38. */
function benchRegister(n: number, native: boolean, date1904 = false): WorkbookModel {
  const cells: CellModel[] = [
    { address: "A1", value: "peildatum" },
    { address: "B1", value: "loonwaarde" },
    { address: "C1", value: "uren" },
    { address: "D1", value: "LKS" },
  ];
  const system = date1904 ? 1904 : 1900;
  for (let i = 0; i < n; i++) {
    const r = i + 2;
    const iso = `2023-${String((i % 12) + 1).padStart(2, "0")}-01`;
    const lw = (30 + (i % 51)) / 100;
    const hours = 12 + (i % 27);
    const lks = invoke("LKS", [iso, lw, hours]) as number;
    cells.push(
      { address: `A${r}`, value: isoToSerial(iso, system), numFmt: "dd-mm-yyyy" },
      { address: `B${r}`, value: lw },
      { address: `C${r}`, value: hours },
      {
        address: `D${r}`,
        formula: native
          ? `ROUND(MIN(1-B${r},Tabel!$E$1)*VLOOKUP(A${r},Tabel!$A$2:$B$3,2,TRUE)*(1+Tabel!$E$2)*(1+Tabel!$E$3)*MIN(C${r},38)/38,2)`
          : `PB.LKS(A${r},B${r},C${r})`,
        result: lks,
      },
    );
  }
  cells.push({ address: `D${n + 2}`, formula: `SUM(D2:D${n + 1})`, result: 0 });
  const sheets = [{ name: "Register", cells }];
  if (native) {
    sheets.push({
      name: "Tabel",
      cells: [
        { address: "A2", value: isoToSerial("2023-01-01", system) },
        { address: "B2", value: 1934.4 },
        { address: "A3", value: isoToSerial("2023-07-01", system) },
        { address: "B3", value: 1995 },
        { address: "E1", value: 0.7 },
        { address: "E2", value: 0.08 },
        { address: "E3", value: 0.235 },
      ],
    });
  }
  return { sheets, ...(date1904 ? { date1904: true } : {}) };
}

/** Edge cases, each PB cell marked with whether it may take the direct path. */
const EDGE: [string, string, boolean][] = [
  ["E2", "PB.LKS(A2,B2,C2)", true],
  ["E3", "PB.LKS(A3,B2,C2)", true], // a text date: coerced by invoke, as from the engine
  ["E4", "PB.LKS(A4,B2,C2)", false], // empty peildatum: an error, left to HyperFormula (message and all)
  ["E5", "PB.LKS($A$2,B$2,38)", true],
  ["E6", "PB.LKS(A2,B2,C3)", false], // TRUE as uren: an error
  ["E7", "PB.LKS(A2,0.5,19)", true],
  ["E8", "PB.LKS(A2,B2,C2,Z99,Z98,Z97)", false], // more arguments than parameters
  ["E9", "PB.LKS(A2,B2,E2)", false], // E2 (1596,56) as uren: out of range, an error
  ["E10", "PB.LKS(A2,B2,F2)", false], // F2 is a formula
  ["E11", "PB.LKS(A2,B2,H2)", false], // H2 is filled by the array formula in G2
  ["E12", "PB.MEENEEM(1000000,700000,2010)", true],
  ["E13", "PB.WML(A2)", true],
  ["E14", "pb.lks(A2,B2,C2)", false], // not the display form the reader gives
  ["E15", "PB.LKS(A2,B2,C2)+0", false],
  ["E16", "PB.LKS(A2,B2,A99)", false], // an absent cell is empty: uren missing, an error
  ["E17", "PB.VERSIE()", false], // a text result
  ["E18", "PB.LKS(A2,B5,C2)", true], // -0 as loonwaarde
  ["E19", "PB.LKS(A2,B2,C6)", false], // C6 holds only an error value (read as empty)
  ["E20", "PB.LKS(A2,B2,C7)", false], // C7 is unverified
  ["E21", "PB.LKS(A2,B2,C8)", true], // "19" as text
  ["E22", "PB.LKS(A2,B2,Blad2!C2)", false], // another sheet
  ["E23", "PB.LKS(A2,B2,C2,,)", false], // empty arguments written
];

function edgeModel(): WorkbookModel {
  const cells: CellModel[] = [
    { address: "A2", value: isoToSerial("2023-07-01"), numFmt: "dd-mm-yyyy" },
    { address: "B2", value: 0.4 },
    { address: "C2", value: 38 },
    { address: "F2", formula: "C2*1" },
    { address: "G2", formula: "PB.VERDEELSLEUTEL(100,{1,1})", arrayRef: "G2:H2", result: 50 },
    { address: "H2", value: 50 },
    { address: "A3", value: "2023-07-01" },
    { address: "C3", value: true },
    { address: "B5", value: -0 },
    { address: "C6", result: { error: "#DIV/0!" } },
    { address: "C7", value: 38, unverified: "test: niet te vertrouwen" },
    { address: "C8", value: "19" },
    ...EDGE.map(([address, formula]) => ({ address, formula, result: 0 })),
    { address: "E24", formula: "SUM(E2:E23)" },
  ];
  return { sheets: [{ name: "Blad1", cells }, { name: "Blad2", cells: [{ address: "C2", value: 38 }] }] };
}

function allValues(model: WorkbookModel, direct: boolean) {
  const built = buildEngine(model, { direct });
  try {
    const values = built.hf.getAllSheetsValues();
    const plain = Object.fromEntries(Object.entries(values).map(([name, rows]) => [name, rows.map((r) => r.map(fromHfValue))]));
    return { plain, directCells: built.directCells, unsupported: built.unsupported, guarded: built.guarded, skipped: built.skippedNames };
  } finally {
    built.hf.destroy();
  }
}

/** The values of the model's formula cells (all an audit reads back), with the given build options. */
function formulaValues(model: WorkbookModel, options: Parameters<typeof buildEngine>[1]) {
  const built = buildEngine(model, options);
  try {
    const out: Record<string, unknown> = {};
    model.sheets.forEach((s, sheet) => {
      for (const c of s.cells) {
        if (!c.formula) continue;
        const at = parseAddress(c.address)!;
        out[`${s.name}!${c.address}`] = fromHfValue(built.hf.getCellValue({ sheet, row: at[0], col: at[1] }));
      }
    });
    return { out, dropped: built.droppedValues };
  } finally {
    built.hf.destroy();
  }
}

function audit(model: WorkbookModel, direct: boolean) {
  setDirectEvaluation(direct);
  try {
    const report = recalcModel(model, { file: "x.xlsx" });
    const { timings: _t, auditedAt: _a, ...rest } = report;
    return { rest, receipts: report.cells.map((_c, i) => receiptsOf(report, i)) };
  } finally {
    setDirectEvaluation(true);
  }
}

function expectSame(model: WorkbookModel, expectDropped?: number): number {
  // what the audit builds (direct path, unread values left out) against everything through HyperFormula
  const lean = formulaValues(model, { direct: true, onlyReferencedValues: true });
  const full = formulaValues(model, { direct: false });
  expect(full.dropped).toBe(0);
  expect(lean.out).toEqual(full.out);
  if (expectDropped !== undefined) expect(lean.dropped).toBe(expectDropped);
  const on = allValues(model, true);
  const off = allValues(model, false);
  expect(off.directCells).toBe(0);
  expect(on.plain).toEqual(off.plain);
  expect(on.unsupported).toEqual(off.unsupported);
  expect(on.guarded).toEqual(off.guarded);
  expect(on.skipped).toEqual(off.skipped);
  const a = audit(model, true);
  const b = audit(model, false);
  expect(a.rest).toEqual(b.rest);
  expect(a.receipts).toEqual(b.receipts);
  return on.directCells;
}

jest.setTimeout(120_000);

describe("PB calls on constants evaluated directly give the same values and receipts as through HyperFormula", () => {
  test("the benchmark's PB register (2 000 rows): every row takes the direct path; values, report and receipts equal", () => {
    const model = benchRegister(2000, false);
    // left out of HyperFormula: the 4 headers and 3 × 2 000 inputs, read by no formula once the PB calls are taken directly
    expect(expectSame(model, 4 + 3 * 2000)).toBe(2000);
    // and the figures are the rule's: row 0 is 2023-01-01, loonwaarde 0,30, 12 uur → invoke's own answer
    const { hf } = buildEngine(model);
    expect(hf.getCellValue({ sheet: 0, row: 1, col: 3 })).toBe(invoke("LKS", ["2023-01-01", 0.3, 12]));
    hf.destroy();
  });

  test("the same register in a 1904 workbook", () => {
    expect(expectSame(benchRegister(500, false, true), 4 + 3 * 500)).toBe(500);
  });

  test("a row whose call gives an error keeps its formula, and the cells it reads stay in the engine", () => {
    const model = benchRegister(50, false);
    // row 10 without peildatum: PB.LKS(A10,B10,C10) gives #VALUE! and goes to HyperFormula
    model.sheets[0].cells = model.sheets[0].cells.filter((c) => c.address !== "A10");
    // 4 headers + 150 inputs − A10 = 153 values; B10 and C10 are read, so 151 are left out
    expect(expectSame(model, 151)).toBe(49);
    const { hf } = buildEngine(model, { onlyReferencedValues: true });
    expect(fromHfValue(hf.getCellValue({ sheet: 0, row: 9, col: 3 }))).toMatchObject({ error: "#VALUE!" });
    hf.destroy();
  });

  test("a register without a total: the PB cells taken directly are read by no formula, and keep their values", () => {
    const model = benchRegister(100, false);
    model.sheets[0].cells = model.sheets[0].cells.filter((c) => c.formula === undefined || !c.formula.startsWith("SUM"));
    // nothing reads anything: the 4 headers and 300 inputs are left out, the 100 PB cells stay
    expect(expectSame(model, 4 + 300)).toBe(100);
    const report = recalcModel(model);
    expect(report.cells.filter((c) => c.status === "ok")).toHaveLength(100);
    expect(report.cells[0].recomputed).toBe(invoke("LKS", ["2023-01-01", 0.3, 12]));
  });

  test("the native register: no PB call, nothing taken directly, nothing changes", () => {
    // VLOOKUP and the sheet Tabel: not a shape whose reads are certain, so every value is kept
    expect(expectSame(benchRegister(300, true), 0)).toBe(0);
  });

  test("edge cases: exactly the calls on plain values take the path", () => {
    const model = edgeModel();
    const on = allValues(model, true);
    expect(on.directCells).toBe(EDGE.filter(([, , d]) => d).length);
    expectSame(model, 0);
    // E2 = 1995 × 1,08 × 0,6 × 1,235 × 38/38 = 1596,5586 → 1596,56 (the register test in helpers.ts)
    expect(on.plain.Blad1[1][4]).toBe(1596.56);
    // E18: loonwaarde 0 → 70 % cap: 1995 × 1,08 × 0,7 × 1,235 = 1862,6517 → 1862,65
    expect(on.plain.Blad1[17][4]).toBe(1862.65);
  });

  test.each(TEMPLATES.map((t) => t.id))("template %s with its worked example", (id) => {
    const def = TEMPLATES.find((t) => t.id === id)!;
    expectSame(renderTemplate(def, { example: true }));
  });

  test("the saved template files, read by the strict reader", async () => {
    const dir = path.join(__dirname, "..", "fixtures", "templates-1.0.0");
    const files = (await fs.readdir(dir)).filter((f) => f.endsWith(".xlsx"));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expectSame((await readWorkbook(path.join(dir, f))).model);
  });
});
