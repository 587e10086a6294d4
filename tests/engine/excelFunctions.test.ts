/**
 * The Excel functions the engine adds or corrects (src/engine/excelFunctions.ts), and HyperFormula's own newer
 * functions that municipal workbooks use, against LibreOffice: one workbook written with ExcelJS in stored form (as
 * Excel writes them, with _xlfn.), recalculated by LibreOffice, every formula compared with the engine on the same
 * file. LibreOffice 7.4 lacks XMATCH, XLOOKUP, TEXTBEFORE/TEXTAFTER and SINGLE: those are checked on worked examples
 * after Microsoft's definitions, and SINGLE (@) against LibreOffice's implicit intersection of legacy formulas.
 */
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { evaluateFormulas } from "../../src/engine/evaluate";
import { engineFunctionNames } from "../../src/engine/engine";
import { ADDED_FUNCTIONS } from "../../src/engine/excelFunctions";
import { readWorkbook } from "../../src/xlsx/read";
import type { WorkbookModel } from "../../src/xlsx/model";
import { compute } from "../templates/helpers";
import { cachedResults, hasSoffice, recalcInLibreOffice, type OracleValue } from "./libreoffice";

jest.setTimeout(180_000);

const dir = mkdtempSync(path.join(tmpdir(), "pb-functions-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Data!A2:A7 a b a c b a · B2:B7 10 20 30 40 50 60 · C2:C7 1 "x" 3 (empty) 5 6 · D2:D7 1 3 5 7 9 11 (sorted) ·
 * F2:F7 5 3 5 1 5 2 (ties) · G2 the text "1-2-2024".
 */
const DATA: [string, (string | number | null)[]][] = [
  ["A", ["a", "b", "a", "c", "b", "a"]],
  ["B", [10, 20, 30, 40, 50, 60]],
  ["C", [1, "x", 3, null, 5, 6]],
  ["D", [1, 3, 5, 7, 9, 11]],
  ["F", [5, 3, 5, 1, 5, 2]],
  ["G", ["1-2-2024"]],
];

/** [formula as stored, the value worked out by hand]. */
const FORMULAS: [string, OracleValue][] = [
  // CONCAT = TEXTJOIN("", FALSE, …): ranges row by row, empty cells as ""
  ['_xlfn.CONCAT("a",Data!B2:B3,"-",1.5)', "a1020-1.5"],
  ["_xlfn.CONCAT(Data!A2:A4)", "aba"],
  ["_xlfn.CONCAT(Data!C2:C7)", "1x356"],
  ['_xlfn.TEXTJOIN(",",TRUE,Data!C2:C7)', "1,x,3,5,6"],
  ['_xlfn.TEXTJOIN("-",FALSE,Data!A2:A4,"z")', "a-b-a-z"],
  ['_xlfn.IFS(Data!B2>15,"groot",Data!B2>5,"middel",TRUE,"klein")', "middel"],
  ['_xlfn.SWITCH(Data!A3,"a",1,"b",2,0)', 2],
  ['_xlfn.SWITCH(9,1,"x","geen")', "geen"],
  ['_xlfn.MAXIFS(Data!B2:B7,Data!A2:A7,"a")', 60],
  ['_xlfn.MINIFS(Data!B2:B7,Data!A2:A7,"b")', 20],
  ['_xlfn.MINIFS(Data!B2:B7,Data!B2:B7,">20")', 30],
  // AVERAGEIFS: a → rows 2, 4, 7: (10 + 30 + 60) / 3; C for a: 1, 3, 6 → 10/3; b and > 30 → 50 only
  ['AVERAGEIFS(Data!B2:B7,Data!A2:A7,"a")', 100 / 3],
  ['AVERAGEIFS(Data!C2:C7,Data!A2:A7,"a")', 10 / 3],
  ['AVERAGEIFS(Data!B2:B7,Data!A2:A7,"b",Data!B2:B7,">30")', 50],
  ['AVERAGEIFS(Data!B2:B7,Data!A2:A7,"z")', { error: "#DIV/0!" }],
  ['AVERAGEIFS(Data!C2:C7,Data!A2:A7,"b")', 5], // b → rows 3 and 6: "x" is no number, C6 = 5
  ['AVERAGEIFS(Data!C2:C7,Data!A2:A7,"c")', { error: "#DIV/0!" }], // c → row 5: an empty cell, no number
  // LOOKUP: the last D not above the key; 6 → D4 = 5 → B4 = 30
  ["LOOKUP(6,Data!D2:D7,Data!B2:B7)", 30],
  ["LOOKUP(0,Data!D2:D7,Data!B2:B7)", { error: "#N/A" }],
  ["LOOKUP(100,Data!D2:D7)", 11],
  ['LOOKUP(2,1/(Data!C2:C7<>""),Data!B2:B7)', 60], // the last filled C is C7 → B7
  ["LOOKUP(4,{1,2;3,4;5,6})", 4], // array form, taller than wide: first column 1 3 5 → 3 → last column
  ["LOOKUP(4,{1,3,5;10,30,50})", 30], // wider than tall: first row → last row
  // RANK: 30 among 10…60 → 60, 50, 40 above it → 4; ascending → 10, 20 below → 3; ties 5, 5, 5 take places 1–3
  ["RANK(30,Data!B2:B7)", 4],
  ["_xlfn.RANK.EQ(30,Data!B2:B7,1)", 3],
  ["_xlfn.RANK.EQ(5,Data!F2:F7)", 1],
  ["_xlfn.RANK.AVG(5,Data!F2:F7)", 2],
  ["_xlfn.RANK.AVG(2,Data!F2:F7,1)", 2], // only 1 below it, no tie → place 2
  ["RANK(4,Data!F2:F7)", { error: "#N/A" }], // not among the numbers (LibreOffice ranks it anyway: see below)
  // NUMBERVALUE
  ['_xlfn.NUMBERVALUE("1.234,56",",",".")', 1234.56],
  ['_xlfn.NUMBERVALUE("2 500,5%",",",".")', 25.005],
  ['_xlfn.NUMBERVALUE("1,000.25",".",",")', 1000.25],
  ['_xlfn.NUMBERVALUE("")', 0],
  ['_xlfn.NUMBERVALUE("1,5.3",".",",")', 15.3], // a group separator before the decimal one is ignored
  ['_xlfn.NUMBERVALUE("1.5,3",".",",")', { error: "#VALUE!" }], // …after it is an error
  ['_xlfn.NUMBERVALUE("1.2.3",".",",")', { error: "#VALUE!" }],
  // others municipal sheets use
  ['_xlfn.IFNA(LOOKUP(0,Data!D2:D7),"geen")', "geen"],
  ["_xlfn.DAYS(DATE(2024,3,1),DATE(2024,2,1))", 29],
  ["_xlfn.ISOWEEKNUM(DATE(2021,1,3))", 53],
  ["EOMONTH(DATE(2024,1,31),1)", 45351], // 29-2-2024
  // comparisons: text is greater than any number; texts compare as text, never as the date they spell
  ['IF("1-1-2024">DATE(2024,1,31),1,0)', 1],
  ["IF(Data!G2>DATE(2024,1,31),0,1)", 0],
  ['IF("1-1-2024"<"31-1-2023",1,0)', 1],
  ['IF("10:00"<"9:00",1,0)', 1],
  ['IF("12">5,1,0)', 1],
  ['IF("1-2-2024"=DATE(2024,2,1),1,0)', 0],
  ['IF("a"="A",1,0)', 1],
  ["IF(Data!Z1=0,1,0)", 1],
  ['IF(Data!Z1="",1,0)', 1],
  // ROUND on the number as Excel shows it, half away from zero (HyperFormula: 1 and −1, 0,4, 0,28)
  ["ROUND(1.005,2)", 1.01],
  ["ROUND(-1.005,2)", -1.01],
  ["ROUNDUP(0.1+0.2,1)", 0.3],
  ["ROUND(0.285,2)", 0.29],
  ["ROUND(2.5,0)", 3],
  ["ROUND(-2.5,0)", -3],
  ["ROUND(1234.5678,-2)", 1200],
  ["ROUND(1.55,1.9)", 1.6], // aantal_decimalen truncated to 1
  ["ROUNDDOWN(0.3*3,1)", 0.9],
  ["ROUNDDOWN(-1.99,1)", -1.9],
  ["ROUNDUP(-1.01,1)", -1.1],
  ["ROUND(1.0049999,2)", 1],
  ["ROUND(7548.6*1.08,2)", 8152.49], // 8152,488 → 8152,49
];

/** EDATE over month ends and leap days; every date × every month count. */
const EDATE_DATES = ["DATE(2023,1,31)", "DATE(2023,3,29)", "DATE(2024,2,29)", "DATE(2024,3,31)", "DATE(2027,3,29)", "DATE(2025,8,31)", "DATE(2023,3,29)"];
const EDATE_MONTHS = [-13, -1, 1, 11, 12, 13, 1.9, -1.9, 0];
/** DATEDIF over awkward pairs, each unit. */
const DATEDIF_PAIRS = [
  ["DATE(2020,1,31)", "DATE(2024,3,1)"],
  ["DATE(2023,3,29)", "DATE(2024,2,29)"],
  ["DATE(2019,2,28)", "DATE(2024,2,29)"],
  ["DATE(2024,2,29)", "DATE(2025,2,28)"],
  ["DATE(2022,12,15)", "DATE(2024,1,10)"],
];
const DATEDIF_UNITS = ["Y", "M", "D", "YM", "YD", "MD"];

/** Legacy formulas LibreOffice intersects implicitly; the engine gets them with Excel 365's @ in front. */
const INTERSECTED: [string, string, OracleValue][] = [
  ["B3", "Data!$B$2:$B$7", 20],
  ["B4", "Data!$B$2:$B$7*2", 60],
  ["B5", "Data!$A$2:$A$7", "c"],
  ["B9", "Data!$B$2:$B$7", { error: "#VALUE!" }], // row 9 lies outside rows 2–7
];

let model: WorkbookModel;
let oracle: Map<string, OracleValue> | undefined;
const edateCells: string[] = [];
const datedifCells: [string, string][] = [];

beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  const data = wb.addWorksheet("Data");
  for (const [col, values] of DATA) values.forEach((v, i) => v !== null && (data.getCell(`${col}${i + 2}`).value = v));
  const f = wb.addWorksheet("F");
  const put = (address: string, formula: string) => (f.getCell(address).value = { formula } as ExcelJS.CellFormulaValue);
  FORMULAS.forEach(([formula], i) => put(`A${i + 1}`, formula));
  for (const [address, formula] of INTERSECTED) put(address, formula);
  let row = 1;
  for (const d of EDATE_DATES) {
    for (const m of EDATE_MONTHS) {
      put(`D${row}`, `EDATE(${d},${m})`);
      edateCells.push(`D${row++}`);
    }
  }
  row = 1;
  for (const [a, b] of DATEDIF_PAIRS) {
    for (const u of DATEDIF_UNITS) {
      put(`E${row}`, `DATEDIF(${a},${b},"${u}")`);
      datedifCells.push([`E${row++}`, `DATEDIF(${a},${b},"${u.toLowerCase()}")`]);
    }
  }
  const file = path.join(dir, "functies.xlsx");
  await wb.xlsx.writeFile(file);
  const read = (await readWorkbook(file)).model;
  // Excel 365 shows a legacy formula that intersects as @…; that is the form the engine is given.
  const atCells = new Set(INTERSECTED.map(([a]) => a));
  model = {
    ...read,
    sheets: read.sheets.map((s) => (s.name !== "F" ? s : { ...s, cells: s.cells.map((c) => (atCells.has(c.address) ? { ...c, formula: `@${c.formula}` } : c)) })),
  };
  if (hasSoffice) oracle = await cachedResults(recalcInLibreOffice([file], dir)[0]);
});

function expectValue(key: string, ours: unknown, expected: OracleValue | undefined): void {
  if (typeof expected === "number") expect([key, ours]).toEqual([key, expect.closeTo(expected, 9)]);
  else if (expected && typeof expected === "object") expect([key, ours]).toEqual([key, expect.objectContaining({ error: expected.error })]);
  else expect([key, ours]).toEqual([key, expected]);
}

test("the engine gives the values worked out by hand", () => {
  const c = compute(model);
  try {
    FORMULAS.forEach(([formula, expected], i) => expectValue(formula, c.value("F", `A${i + 1}`), expected));
    for (const [address, formula, expected] of INTERSECTED) expectValue(`@${formula} in ${address}`, c.value("F", address), expected);
  } finally {
    c.destroy();
  }
});

const testLo = hasSoffice ? test : test.skip;

/**
 * Where LibreOffice 7.4 departs from Excel, with LibreOffice's value: RANK of a number that is not in the list is #N/A
 * in Excel, LibreOffice gives the place it would take; NUMBERVALUE("") is 0 in Excel (Microsoft: "If an empty string
 * is specified as the Text argument, the result is 0"), #VALUE! in LibreOffice.
 */
const LIBREOFFICE_DIFFERS = new Map<string, OracleValue>([
  ["RANK(4,Data!F2:F7)", 4],
  ['_xlfn.NUMBERVALUE("")', { error: "#VALUE!" }],
]);

testLo("LibreOffice computes the same for every formula (and the hand values above are LibreOffice's too)", () => {
  const c = compute(model);
  try {
    FORMULAS.forEach(([formula, expected], i) => {
      if (LIBREOFFICE_DIFFERS.has(formula)) {
        expect([formula, oracle!.get(`F!A${i + 1}`)]).toEqual([formula, LIBREOFFICE_DIFFERS.get(formula)]);
        return;
      }
      expectValue(formula, c.value("F", `A${i + 1}`), oracle!.get(`F!A${i + 1}`));
      expectValue(formula, oracle!.get(`F!A${i + 1}`), expected);
    });
    for (const [address, formula] of INTERSECTED) expectValue(`@${formula}`, c.value("F", address), oracle!.get(`F!${address}`));
  } finally {
    c.destroy();
  }
});

testLo("EDATE into month ends and leap days, whole and fractional months, as LibreOffice", () => {
  const c = compute(model);
  try {
    for (const a of edateCells) expectValue(a, c.value("F", a), oracle!.get(`F!${a}`));
    // The case HyperFormula 3.5 got wrong: 29-3-2027 + 11 months is 29-2-2028 (serial 46812), not 28-2.
    expect(c.value("F", edateCells[EDATE_DATES.indexOf("DATE(2027,3,29)") * EDATE_MONTHS.length + EDATE_MONTHS.indexOf(11)])).toBe(46812);
  } finally {
    c.destroy();
  }
});

testLo("DATEDIF in every unit as LibreOffice; lower-case units give the same", () => {
  const c = compute(model);
  try {
    for (const [a] of datedifCells) expectValue(a, c.value("F", a), oracle!.get(`F!${a}`));
    const lower = evaluateFormulas(datedifCells.map(([, f]) => f));
    datedifCells.forEach(([a], i) => expect([a, lower[i]]).toEqual([a, c.value("F", a)]));
  } finally {
    c.destroy();
  }
});

describe("functions LibreOffice 7.4 lacks, on worked examples", () => {
  const A2 = '"Little Red Riding Hood\'s red hood"';
  it.each([
    // XMATCH: position from 1; 4.5 with -1 → next smaller 4 (position 2 of 5 4 3 2 1), with 1 → next larger 5
    ["XMATCH(4,{5,4,3,2,1})", 2],
    ["XMATCH(4.5,{5,4,3,2,1},-1)", 2],
    ["XMATCH(4.5,{5,4,3,2,1},1)", 1],
    ['XMATCH("p*",{"jan","piet","paul"},2)', 2],
    ['XMATCH("a",{"a","b","a"},0,-1)', 3],
    ["XMATCH(7,{1,3,5})", { error: "#N/A" }],
    // XLOOKUP (HyperFormula's): exact, not found, next smaller/larger, wildcard, from the end
    ["XLOOKUP(3,{1,2,3},{10,20,30})", 30],
    ['XLOOKUP(9,{1,2,3},{10,20,30},"geen")', "geen"],
    ["XLOOKUP(4.5,{1,2,3,4,5},{10,20,30,40,50},,-1)", 40],
    ["XLOOKUP(4.5,{1,2,3,4,5},{10,20,30,40,50},,1)", 50],
    ['XLOOKUP("p*",{"jan","piet"},{1,2},,2)', 2],
    ['XLOOKUP("a",{"a","b","a"},{1,2,3},,0,-1)', 3],
    // TEXTBEFORE/TEXTAFTER on Microsoft's sentence: case-sensitive unless match_mode 1
    [`TEXTBEFORE(${A2},"Red")`, "Little "],
    [`TEXTBEFORE(${A2},"red")`, "Little Red Riding Hood's "],
    [`TEXTBEFORE(${A2},"red",,1)`, "Little "],
    [`TEXTBEFORE(${A2},"red",2)`, { error: "#N/A" }],
    [`TEXTBEFORE(${A2}," ",-1)`, "Little Red Riding Hood's red"],
    [`TEXTAFTER(${A2},"hood")`, ""],
    [`TEXTAFTER(${A2},"hood",1,1)`, "'s red hood"],
    [`TEXTAFTER(${A2}," ",-1)`, "hood"],
    [`TEXTAFTER(${A2},"basket",,,,"niet gevonden")`, "niet gevonden"],
    ['TEXTBEFORE("a-b","-",2,,1)', "a-b"], // match_end: the end counts as a delimiter
    ['TEXTAFTER("a-b","-",-2,,1)', "a-b"],
    ['TEXTBEFORE("a-b;c",{"-",";"},2)', "a-b"],
    ['TEXTAFTER("abc","")', "abc"],
    ['TEXTBEFORE("abc","")', ""],
    ['TEXTBEFORE("abc","b",0)', { error: "#VALUE!" }],
    ['TEXTAFTER("abc","b",4)', { error: "#VALUE!" }], // more than the text's length
    // NUMBERVALUE without separators: those of Dutch Excel, where the workbooks were calculated
    ['NUMBERVALUE("1.234,5")', 1234.5],
    ['NUMBERVALUE("0,75")', 0.75],
    // CONCAT writes logical values as Excel does
    ["CONCAT(TRUE,1,FALSE)", "TRUE1FALSE"],
    // Excel: TRUE is greater than any text (LibreOffice treats it as the number 1)
    ['IF(TRUE>"zzz",1,0)', 1],
    ['IF(FALSE<"a",1,0)', 0],
  ])("%s → %j", (formula, expected) => {
    const [r] = evaluateFormulas([formula]);
    expectValue(formula, r, expected as OracleValue);
  });

  it("every added function is known to the engine", () => {
    const known = engineFunctionNames();
    expect(ADDED_FUNCTIONS.filter((f) => !known.has(f))).toEqual([]);
  });
});
