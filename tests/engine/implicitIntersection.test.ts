/**
 * Implicit intersection of plain formulas (src/engine/implicitIntersection.ts) and the lexical forms Excel writes that
 * HyperFormula 3.5 refuses (lexicalForms in src/engine/rewrite.ts), against LibreOffice on the same file: a workbook
 * written with ExcelJS (plain `<f>` as Excel writes a legacy formula, `t="array"` for an array formula), recalculated
 * by LibreOffice, and every formula compared with the engine. Where LibreOffice departs from Excel's own parameter
 * classes the case says so, with LibreOffice's value.
 */
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { engineFormula, lexicalForms, rewriteContext } from "../../src/engine/rewrite";
import { engineFunctionNames } from "../../src/engine/engine";
import { intersectByWalk, mayNeedIntersection, rangesOnlyAsReferenceArguments } from "../../src/engine/implicitIntersection";
import { evaluateFormulas } from "../../src/engine/evaluate";
import { readWorkbook } from "../../src/xlsx/read";
import type { WorkbookModel } from "../../src/xlsx/model";
import { compute } from "../templates/helpers";
import { cachedResults, hasSoffice, recalcInLibreOffice, tablesOf, type OracleValue } from "./libreoffice";

jest.setTimeout(180_000);

const dir = mkdtempSync(path.join(tmpdir(), "pb-intersect-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const E = (error: string) => ({ error });

/**
 * Sheet F: A1:A12 = 1…12, B1:B12 = 10…120; sheet Data: A1:A12 = 1…12, B = 10…120. [cell, plain formula, Excel's
 * value worked out by hand]. Row 5 intersects A1:A12 at A5 = 5, row 7 at A7 = 7, row 15 lies outside it.
 */
const CASES: [string, string, OracleValue][] = [
  ["D5", "A1:A12*2", 10], // A5 × 2
  ["E5", "$B$2:$B$100*A5", 250], // B5 × A5 = 50 × 5
  ["F5", "IF(A:A>4,1,0)", 1], // A5 = 5 > 4
  ["G5", "SUM(A1:A12*2)", 10], // an expression in SUM is computed value by value: A5 × 2 (Ctrl+Shift+Enter sums 156)
  ["H5", "SUMPRODUCT(A1:A12*2)", 156], // an array parameter: 2 × (1 + … + 12) = 156
  ["K5", "LOOKUP(2,1/(A1:A12>3),A1:A12)", 12], // LOOKUP's vectors are arrays: the last row with A > 3
  ["L5", "ROUND(A1:A12/3,1)", 1.7], // 5 / 3 = 1,67 → 1,7
  ["M5", "ROW(A1:A12)", 1],
  ["N5", 'COUNTIF(A1:A12,">3")', 9], // a reference parameter keeps the range: 4…12
  ["O5", "VLOOKUP(A1:A12,A1:B12,2,FALSE)", 50], // the lookup value is one value: A5 → B5
  ["P5", "INDEX(A1:B12,0,2)", 50], // the whole column B1:B12, intersected at B5
  ["Q5", "IF(TRUE,B1:B12)", 50], // IF passes the reference on; the cell intersects it
  ["R5", "LARGE(A1:A12*2,1)", 10],
  ["S5", "MAX(A1:A12*2)", 10],
  ["T5", "A1:A12", 5],
  ["U5", "Data!A1:A12", 5], // another sheet: intersected by row number
  ["V5", "Data!B1:B12+A1:A12", 55], // 50 + 5
  ["W5", "A1:B1", E("#VALUE!")], // a row of columns A–B, the formula in column W: no common column
  ["D15", "A1:A12*2", E("#VALUE!")], // row 15 lies outside rows 1–12
  ["E15", "MAX(A1:A12)", 12],
  ["F15", 'SUMIF(A1:A12,">3",B1:B12)', 720], // 40 + … + 120 = 720
  ["G15", "AND(A1:A12>0)", E("#VALUE!")],
  ["H15", "COUNT(A1:A12)", 12],
  ["I15", "SUM((A1:A12>3)*1)", E("#VALUE!")],
  ["J15", "N(A1:A12)", E("#VALUE!")],
  ["K15", "ISNUMBER(A1:A12)", false], // ISNUMBER(#VALUE!)
  ["L15", "ROWS(A1:A12)", 12],
  ["M15", "MIN(IF(A1:A12>3,A1:A12))", E("#VALUE!")],
  ["N15", "CONCATENATE(A1:A12)", E("#VALUE!")],
  ["O15", "LEN(A1:A12)", E("#VALUE!")],
  ["P15", "TRANSPOSE(A1:A12)", 1], // an array result shows its first value
  ["Q15", "MMULT(A1:A2,TRANSPOSE(A1:A2))", 1], // {1,2;2,4}: 1 × 1
  ["R15", "{1,2,3}*2", 2],
  ["S15", "IFERROR(A1:A12,0)", 0],
  ["T15", "SUM(INDEX(A1:B12,0,2))", 780], // 10 + … + 120
  ["U15", 'COUNTIFS(A1:A12,">3",B1:B12,"<100")', 6], // 4…9
  ["V15", "AVERAGE(A1:A12)", 6.5],
  ["W15", "-A1:A12", E("#VALUE!")],
  ["D7", "A1:A12%", 0.07],
  ["E7", "A:A*2", 14],
  ["F7", "A7:A12*2", 14],
  ["G7", "SUM(A:A)", 78],
  ["H7", "OFFSET(A1,0,0,12,1)*1", 7],
  ["I7", "INDEX(A:A,3)*2", 6],
  ["K7", "CHOOSE(1,A1:A12)*1", 7],
  ["L7", "ABS(A1:A12)", 7],
  ["M7", 'TEXT(A1:A12,"0")', "7"],
  ["N7", "MATCH(3,A1:A12,0)", 3],
  ["O7", "SUMPRODUCT((A1:A12>3)*(B1:B12))", 720],
  ["P7", "SUMPRODUCT(IF(A1:A12>3,1,0))", 9],
  ["R7", "1:1*1", 0], // row 1 in column R: empty
  ["S7", "SUM(1:1)", 11], // A1 + B1 = 1 + 10
  ["T7", "A1:A12=A1:A12", true],
  ["U7", "EXACT(A1:A12,A1:A12)", true],
  ["W7", "SUM(A1:A3,A1:A12*1)", 13], // 1 + 2 + 3 + A7
  ["X7", "Halve*2", 140], // the defined name Halve = F!$B$1:$B$12, intersected at B7 = 70, × 2
  // Excel writes these forms; HyperFormula 3.5 refused or misread each
  ["D20", "1E-4*A3", 0.0003],
  ["E20", "2.5E+3", 2500],
  ["F20", "1.5E-3%", 0.000015],
  ["G20", ".5*2", 1],
  ["H20", "1.*2", 2],
  ["I20", "50%*2", 1],
  ["J20", "2^3^2", 64], // Excel: left to right, (2^3)^2
  ["K20", "-2^2", 4], // Excel: the minus sign first, (−2)^2
  ["L20", "-A2", -2],
  ["M20", "SUM(A1:B3 A2:A9)", 5], // the space operator: A1:B3 ∩ A2:A9 = A2:A3 → 2 + 3
  ["N20", "A1:C3 B2:E2 B1:B9", 20], // A1:C3 ∩ B2:E2 = B2:C2, ∩ B1:B9 = B2
  ["O20", "#REF!+1", E("#REF!")],
  ["Q20", "ISNA(#N/A)", true],
  ["R20", "TRUE+1", 2],
  ["S20", "SUM({1,2;3,4})", 10],
  ["T20", "SUM(IF({TRUE,FALSE,TRUE},{1,2,4},0))", 5], // in an array formula below too: 1 + 4
  ["U20", 'IFERROR(1/0,"x")', "x"],
  ["V20", "1=1", true],
  ["W20", "SUM({1,2,4}*{1,0,1})", 5], // an array constant stays an array in any formula: 1 + 4
  ["X20", "SUM(IF({1,0,1}=1,{1,2,4},0))", 5],
];

/** Where LibreOffice departs from Excel's parameter classes (Excel's value above), with LibreOffice's own value. */
const LIBREOFFICE_DIFFERS = new Map<string, OracleValue>([
  // LibreOffice computes an expression in MATCH's lookup_array and VLOOKUP's table as an array; Excel's class for both
  // is reference, so a legacy (non-array) formula intersects: the reason INDEX/MATCH over (A=x)*(B=y) needed
  // Ctrl+Shift+Enter before Excel 365.
  ["MATCH(10,A1:A12*2,0)", 5],
  ["INDEX(A1:A12,MATCH(1,(A1:A12>3)*1,0))", 4],
  ["VLOOKUP(3,A1:B12*1,2,FALSE)", 30],
  // …and INDEX's first argument as a value; in Excel it is an array parameter (INDEX((A=x)*(B=y);0) is the known
  // way around Ctrl+Shift+Enter).
  ["INDEX(A1:A12*2,3)", E("#VALUE!")],
  // LibreOffice 7.4 does not read a sheet name before #REF! (it takes it for a name)
  ["Data!#REF!*2", E("#NAME?")],
]);
const EXCEL_ONLY: [string, string, OracleValue][] = [
  ["I5", "MATCH(10,A1:A12*2,0)", 1], // A5 × 2 = 10 is the only value: position 1
  ["Q7", "INDEX(A1:A12,MATCH(1,(A1:A12>3)*1,0))", 1], // A7 > 3 → 1 → MATCH(1;1;0) = 1 → A1
  ["V7", "VLOOKUP(3,A1:B12*1,2,FALSE)", E("#VALUE!")], // a block A1:B12 has no cell in column V
  ["J5", "INDEX(A1:A12*2,3)", 6], // A3 × 2
  ["P20", "Data!#REF!*2", E("#REF!")], // Excel writes a deleted cell on another sheet so
];

/** Array formulas (t="array"): never intersected. [cell, ref, formula, values down the ref]. */
const ARRAYS: [string, string, string, OracleValue[]][] = [
  ["Z5", "Z5:Z7", "A1:A3*2", [2, 4, 6]],
  ["AA5", "AA5", "SUM(A1:A12*2)", [156]],
  ["AB5", "AB5", "SUM(IF({TRUE,FALSE,TRUE},{1,2,4},0))", [5]],
];

let model: WorkbookModel;
let oracle: Map<string, OracleValue> | undefined;

beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  const data = wb.addWorksheet("Data");
  const f = wb.addWorksheet("F");
  for (let r = 1; r <= 12; r++) {
    for (const s of [data, f]) {
      s.getCell(`A${r}`).value = r;
      s.getCell(`B${r}`).value = r * 10;
    }
  }
  for (const [a, formula] of [...CASES, ...EXCEL_ONLY]) f.getCell(a).value = { formula } as ExcelJS.CellFormulaValue;
  for (const [a, ref, formula] of ARRAYS) f.getCell(a).value = { formula, shareType: "array", ref } as unknown as ExcelJS.CellFormulaValue;
  wb.definedNames.add("F!$B$1:$B$12", "Halve");
  // A table whose rows use a column of the table itself, as old files store it (no [#This Row]): Excel intersects.
  const t = wb.addWorksheet("Tabel");
  t.addTable({
    name: "Loon",
    ref: "A1",
    headerRow: true,
    columns: [{ name: "Loonwaarde" }, { name: "Dubbel" }],
    rows: [0.4, 0.5, 0.25].map((lw) => [lw, { formula: "Loon[Loonwaarde]*2" }]),
  });
  const file = path.join(dir, "doorsnede.xlsx");
  await wb.xlsx.writeFile(file);
  const tables = await tablesOf(file);
  model = { ...(await readWorkbook(file)).model, tables };
  if (hasSoffice) oracle = await cachedResults(recalcInLibreOffice([file], dir)[0]);
});

function expectValue(key: string, ours: unknown, expected: OracleValue | undefined): void {
  if (typeof expected === "number") expect([key, ours]).toEqual([key, expect.closeTo(expected, 9)]);
  else if (expected && typeof expected === "object") expect([key, ours]).toEqual([key, expect.objectContaining({ error: expected.error })]);
  else expect([key, ours]).toEqual([key, expected]);
}

test("plain formulas: the engine gives Excel's values, worked out by hand", () => {
  const c = compute(model);
  try {
    for (const [a, formula, expected] of [...CASES, ...EXCEL_ONLY]) expectValue(`${a} ${formula}`, c.value("F", a), expected);
    // Loon[Loonwaarde]*2 in rows 2–4 of the table: each row's own Loonwaarde doubled
    expect(["B2", "B3", "B4"].map((a) => c.value("Tabel", a))).toEqual([0.8, 1, 0.5]);
  } finally {
    c.destroy();
  }
});

test("array formulas (t=\"array\") are computed as arrays, never intersected", () => {
  const c = compute(model);
  try {
    for (const [a, ref, formula, values] of ARRAYS) {
      const col = a.replace(/\d+/g, "");
      const top = Number(a.replace(/\D+/g, ""));
      values.forEach((v, i) => expectValue(`${ref} ${formula}`, c.value("F", `${col}${top + i}`), v));
    }
  } finally {
    c.destroy();
  }
});

const testLo = hasSoffice ? test : test.skip;

testLo("LibreOffice computes the same for every plain and array formula (except where it departs from Excel)", () => {
  const c = compute(model);
  try {
    for (const [a, formula, expected] of CASES) {
      expectValue(`${a} ${formula} (LibreOffice)`, oracle!.get(`F!${a}`), expected);
      expectValue(`${a} ${formula}`, c.value("F", a), oracle!.get(`F!${a}`));
    }
    for (const [a, formula] of EXCEL_ONLY) expectValue(`${a} ${formula} (LibreOffice)`, oracle!.get(`F!${a}`), LIBREOFFICE_DIFFERS.get(formula));
    for (const [a, , formula] of ARRAYS) expectValue(`${a} ${formula}`, c.value("F", a), oracle!.get(`F!${a}`));
    for (const a of ["B2", "B3", "B4"]) expectValue(`Tabel!${a}`, c.value("Tabel", a), oracle!.get(`Tabel!${a}`));
  } finally {
    c.destroy();
  }
});

describe("the rewrite itself", () => {
  const ctx = rewriteContext([], engineFunctionNames());
  const plain = (formula: string, address: string) => engineFormula(formula, { sheet: "F", address, plain: true }, ctx);

  it.each([
    ["$B$2:$B$100*C5", "D5", "B5*C5"],
    ["A:A*2", "C9", "A9*2"],
    ["$A$1:$Z$1*2", "C9", "C1*2"], // a row: the formula's column
    ["'Blad 1'!A1:A9+1", "C4", "'Blad 1'!A4+1"],
    ["SUM(A1:A9)+A1:A9", "C4", "SUM(A1:A9)+A4"],
    ["VLOOKUP(A2,Tabel!$A$2:$B$3,2,TRUE)", "C2", "VLOOKUP(A2,Tabel!$A$2:$B$3,2,TRUE)"],
    ["IF(A1:A9>0,B1:B9,0)", "C4", "IF(A4>0,B4,0)"],
    ["SUM(IF(A1>0,B1:B9,0))", "C4", "SUM(IF(A1>0,B1:B9,0))"], // IF hands SUM the reference
    ["INDEX(A1:B9,0,2)", "C4", "SINGLE(INDEX(A1:B9,0,2))"],
    ["A1:A9*2", "C20", "#VALUE!*2"],
  ])("%s in %s → %s", (formula, address, expected) => {
    expect(plain(formula, address)).toEqual({ formula: expected });
  });

  it("leaves a formula that is not plain (a dynamic-array or array formula) as it is", () => {
    expect(engineFormula("$B$2:$B$100*C5", { sheet: "F", address: "D5" }, ctx)).toEqual({ formula: "$B$2:$B$100*C5" });
  });

  it.each([
    ["1E-4*A3", "1e-4*A3"],
    ["2.5E+3", "2.5e+3"],
    ['"1E3"&A1', '"1E3"&A1'], // text is text
    ["'1E3 x'!A1*1E3", "'1E3 x'!A1*1e3"], // a sheet name is a name
    ["{TRUE,FALSE;1,0}", "{TRUE(),FALSE();1,0}"],
    ["Data!#REF!+'Blad 2'!#REF!", "#REF!+#REF!"],
    ["SUM(A1:C3 B2:B9)", "SUM(B2:B3)"],
    ["A:A 3:3", "A3"],
    ["A1:C3 B1:C9 C2:D2", "C2"],
  ])("lexical form %s → %s", (formula, expected) => {
    expect(lexicalForms(formula)).toEqual({ formula: expected });
  });

  it.each([
    ["#NULL!", "De foutwaarde #NULL! (de bereiken snijden elkaar niet) staat in de formule; die kent de rekenkern niet."],
    ["A1:A3 C1:C3", "A1:A3 en C1:C3 snijden elkaar niet; Excel geeft hier #NULL!, een foutwaarde die de rekenkern niet kent."],
    ["A1:INDEX(A:A,3)", "Een bereik met een functie als grens (zoals A1:INDEX(…)) kent de rekenkern niet."],
    ["Naam A1", "De doorsnede (spatie) van Naam en A1 kan de rekenkern niet narekenen."],
  ])("%s is refused with a Dutch reason", (formula, reason) => {
    expect(lexicalForms(formula)).toEqual({ reason });
  });

  it("evaluates the lexical forms the engine used to refuse", () => {
    expect(evaluateFormulas(["1E-4*3", "2.5E+3", "SUM(IF({TRUE,FALSE},{1,2},0))", "INDEX({\"a\",\"b\"},2)"])).toEqual([0.0003, 2500, 1, "b"]);
  });
});

/**
 * The fast path (no tokenising when every range stands alone in a reference parameter) must never skip a formula the
 * walk would change: over every formula above, wherever the fast path says "nothing to do", the walk changes nothing.
 */
test("the fast path agrees with the full walk", () => {
  const ctx = { rangeNames: new Set<string>() };
  const corpus = [
    ...CASES.map(([, f]) => f),
    ...EXCEL_ONLY.map(([, f]) => f),
    "VLOOKUP(A2,Tabel!$A$2:$B$3,2,TRUE)",
    "ROUND(MIN(1-B2,Tabel!$E$1)*VLOOKUP(A2,Tabel!$A$2:$B$3,2,TRUE)*(1+Tabel!$E$2),2)",
    'SUMIFS(B:B,A:A,"x:y",C:C,">0")',
    "SUM('Blad (1)'!A1:A9)",
    "SUM(A1:A9, B1:B9)",
    "IF(A1>0,SUM(A1:A9),0)",
    "IF(A1>0,A1:A9,0)",
    "COUNTIF(A1:A9,A1:A9)",
    "SUM((A1:A9))",
    "SUMPRODUCT(A1:A9,B1:B9)",
  ];
  let fast = 0;
  for (const f of corpus) {
    if (mayNeedIntersection(f, ctx)) continue;
    fast++;
    for (const [row, col] of [[0, 0], [4, 2], [30, 30]]) expect([f, intersectByWalk(f, row, col, ctx).formula]).toEqual([f, f]);
  }
  // the common shapes do take the fast path
  expect(fast).toBeGreaterThanOrEqual(10);
  expect(rangesOnlyAsReferenceArguments("VLOOKUP(A2,Tabel!$A$2:$B$3,2,TRUE)")).toBe(true);
  expect(rangesOnlyAsReferenceArguments("COUNTIF(A1:A9,A1:A9)")).toBe(false); // criteria is a value parameter
  expect(rangesOnlyAsReferenceArguments("IF(A1>0,A1:A9,0)")).toBe(false);
});
