/**
 * The audit's arithmetic without Office: argument parsing, recomputation with receipts, comparison, the audit matrix.
 * Reference figure (issue 2): PB.LKS(1-7-2023; 0,4; 38) = 1995 × 1,08 × (1 − 0,4) × 1,235 = 1596,5586 → 1596,56.
 */
import { parseArg, pbCallSites, wholeCall } from "../../src/excel/formulaArgs";
import { columnLetter as columnLetters, columnIndex as columnNumber } from "../../src/xlsx/a1";
import { WorkbookData, recomputeCell, pbCellsOf, cellValue, sameValue } from "../../src/excel/recompute";
import { auditMatrix, auditRows, asText, uniqueSheetName, AUDIT_COLUMNS } from "../../src/excel/audit";
import type { ScanResult } from "../../src/excel/hostActions";

const JULY_1_2023 = 45108; // serial of 2023-07-01

function workbook(): WorkbookData {
  const data = new WorkbookData();
  data.add({
    sheet: "Register",
    rowIndex: 0,
    columnIndex: 0,
    formulas: [],
    values: [
      ["Datum", "Loonwaarde", "Uren", "LKS"],
      [JULY_1_2023, 0.4, 38, 1596.56],
    ],
  });
  data.add({ sheet: "Invoer blad", rowIndex: 0, columnIndex: 1, formulas: [], values: [[0.4], [38]] });
  return data;
}

describe("formula arguments", () => {
  test("finds PB calls in display and stored forms, nested ones too", () => {
    const sites = pbCallSites('ROUND(PB.LKS(A2,PB.PARAM("lks.cap","2023-07-01"),C2),0)');
    expect(sites.map((s) => s.id)).toEqual(["LKS", "PARAM"]);
    expect(sites[0].args).toEqual(["A2", 'PB.PARAM("lks.cap","2023-07-01")', "C2"]);
    expect(wholeCall("=_xldudf_PB_LKS(A2,B2,C2)")?.args).toEqual(["A2", "B2", "C2"]);
    expect(wholeCall("=PB.LKS(A2,B2,C2)*12")).toBeUndefined();
    // A PB. inside a string or a quoted sheet name is not a call.
    expect(pbCallSites('"PB.LKS(1)"&\'PB.WML(\'!A1')).toEqual([]);
  });

  test("omitted and literal arguments", () => {
    expect(wholeCall('=PB.WML("2023-07-01",,"uur")')?.args).toEqual(['"2023-07-01"', "", '"uur"']);
    expect(parseArg("")).toEqual({ kind: "empty" });
    expect(parseArg("-1.5E2")).toEqual({ kind: "number", value: -150 });
    expect(parseArg("40%")).toEqual({ kind: "number", value: 0.4 });
    expect(parseArg('"zei ""ja"""')).toEqual({ kind: "string", value: 'zei "ja"' });
    expect(parseArg("true")).toEqual({ kind: "boolean", value: true });
    // DATE(2023,7,1) = serial 45108.
    expect(parseArg("DATE(2023,7,1)")).toEqual({ kind: "number", value: JULY_1_2023 });
    expect(parseArg("DATE(2023,2,30)").kind).toBe("unsupported");
    expect(parseArg("A2*2").kind).toBe("unsupported");
    expect(parseArg("LoonTabel").kind).toBe("unsupported");
  });

  test("references: absolute, ranges, quoted sheet names", () => {
    expect(parseArg("$B$2")).toEqual({ kind: "ref", r1: 1, c1: 1, r2: 1, c2: 1 });
    expect(parseArg("'Invoer ''24'!B1:C3")).toEqual({ kind: "ref", sheet: "Invoer '24", r1: 0, c1: 1, r2: 2, c2: 2 });
    expect(parseArg("Blad2!AA10")).toEqual({ kind: "ref", sheet: "Blad2", r1: 9, c1: 26, r2: 9, c2: 26 });
    expect([columnLetters(0), columnLetters(25), columnLetters(26), columnLetters(16383)]).toEqual(["A", "Z", "AA", "XFD"]);
    expect(columnNumber("XFD")).toBe(16383);
  });
});

describe("recomputing a cell", () => {
  test("equal: 1995 × 1,08 × 0,6 × 1,235 = 1596,56, with the parameters and their sources", () => {
    const f = recomputeCell("Register", 1, 3, "=PB.LKS(A2,B2,C2)", 1596.56, workbook());
    expect(f.status).toBe("gelijk");
    expect(f.address).toBe("D2");
    expect(f.recomputed?.result).toBe(1596.56);
    expect(f.recomputed?.inputs.map((i) => [i.name, i.value])).toEqual([
      ["peildatum", JULY_1_2023],
      ["loonwaarde", 0.4],
      ["uren_per_week", 38],
    ]);
    const wml = f.recomputed?.parameters.find((p) => p.name === "wml.maand");
    expect(wml).toMatchObject({ value: 1995, from: "2023-07-01" });
    expect(wml?.source.regeling).toBeTruthy();
    expect(f.recomputed?.parameters.find((p) => p.name === "lks.werkgeverslasten")).toMatchObject({ value: 0.235, from: "2021-07-01" });
  });

  test("a different workbook value is a difference", () => {
    const f = recomputeCell("Register", 1, 3, "=PB.LKS(A2,B2,C2)", 1500, workbook());
    expect(f.status).toBe("verschil");
    expect(f.reason).toMatch(/wijkt af/);
  });

  test("#NAME? in a stored _xldudf_ formula: its own status, with the repair hint; #BUSY! likewise", () => {
    const f = recomputeCell("Register", 1, 3, "=_xldudf_PB_LKS(A2,B2,C2)", { error: "#NAME?" }, workbook());
    expect(f.display).toBe("=PB.LKS(A2,B2,C2)");
    expect(f.status).toBe("niet-geladen");
    expect(f.reason).toMatch(/#NAME\?.*niet geladen.*Ctrl\+Alt\+F9/);
    const b = recomputeCell("Register", 1, 3, "=PB.LKS(A2,B2,C2)", { error: "#BUSY!" }, workbook());
    expect(b).toMatchObject({ status: "bezig", reason: expect.stringMatching(/^De cel toont #BUSY!/) });
  });

  test("references to another sheet and DATE() constants", () => {
    const f = recomputeCell("Register", 5, 0, "=PB.LKS(DATE(2023,7,1),'Invoer blad'!B1,'Invoer blad'!B2)", 1596.56, workbook());
    expect(f.status).toBe("gelijk");
  });

  test("a cell showing an error is never gelijk: loonwaarde 1,5 is #VALUE! in both, listed with the rules' message", () => {
    const data = workbook();
    expect(recomputeCell("Register", 1, 3, "=PB.LKS(A2,1.5,C2)", { error: "#VALUE!" }, data)).toMatchObject({
      status: "fout",
      reason: "De cel toont #VALUE!: loonwaarde: 1,5 valt buiten het toegestane bereik. Verwacht: een fractie van 0 tot en met 1 (60% = 0,6).",
    });
    // The rules refuse where the workbook shows a number: a difference, with the refusal as the reason.
    expect(recomputeCell("Register", 1, 3, "=PB.LKS(A2,1.5,C2)", 0, data)).toMatchObject({ status: "verschil", reason: expect.stringMatching(/rekenregels geven #VALUE! loonwaarde/) });
    // A #N/A cell whose inputs now give a figure: still "fout", with the figure beside it.
    expect(recomputeCell("Register", 1, 3, "=PB.LKS(A2,B2,C2)", { error: "#N/A" }, data)).toMatchObject({ status: "fout", reason: "De cel toont #N/A; herberekend: 1.596,56." });
  });

  test("not recomputed: part of a larger formula, a calculated argument, an unknown sheet", () => {
    const data = workbook();
    expect(recomputeCell("Register", 1, 4, "=ROUND(PB.LKS(A2,B2,C2),0)", 1597, data)).toMatchObject({
      status: "niet-herberekend",
      reason: expect.stringContaining("grotere formule"),
    });
    expect(recomputeCell("Register", 1, 4, "=PB.LKS(A2,B2*1,C2)", 1, data).reason).toContain("B2*1");
    expect(recomputeCell("Register", 1, 4, "=PB.LKS(A2,Weg!B2,C2)", 1, data).reason).toContain('blad "Weg"');
  });

  test("a spilled matrix result compares its first cell: VERDEELSLEUTEL(100; {1;2}) = 33,33 and 66,67", () => {
    const data = new WorkbookData();
    data.add({ sheet: "GR", rowIndex: 0, columnIndex: 0, formulas: [], values: [[1], [2]] });
    const f = recomputeCell("GR", 0, 1, "=PB.VERDEELSLEUTEL(100,A1:A2)", 33.33, data);
    expect(f.status).toBe("gelijk");
    expect(f.recomputed?.result).toEqual([[33.33], [66.67]]);
  });

  test("cell values from Office.js: errors by value type, empty as null", () => {
    expect(cellValue("#N/A", "Error")).toEqual({ error: "#N/A" });
    expect(cellValue("#BUSY!")).toEqual({ error: "#BUSY!" });
    expect(cellValue("", "Empty")).toBeNull();
    expect(cellValue("#hashtag", "String")).toBe("#hashtag");
    expect(sameValue(1596.56, 1596.56 + 1e-12)).toBe(true);
    expect(sameValue(1596.56, 1596.57)).toBe(false);
  });

  test("only PB formulas are picked from a block", () => {
    const cells = pbCellsOf({
      sheet: "S",
      rowIndex: 2,
      columnIndex: 1,
      formulas: [["=SUM(A1:A3)", "=PB.WML(\"2023-07-01\")", "", "PB.LKS is tekst"]],
      values: [[3, 1995, "", "PB.LKS is tekst"]],
    });
    expect(cells).toEqual([{ row: 2, col: 2, formula: '=PB.WML("2023-07-01")', value: 1995 }]);
  });
});

describe("audit sheet content", () => {
  const data = workbook();
  const scan: ScanResult = {
    sheetsScanned: 2,
    cellsRead: 10,
    symptoms: { name: 0, busy: 0, xldudf: 0 },
    millis: 1,
    formulas: [
      recomputeCell("Register", 1, 3, "=PB.LKS(A2,B2,C2)", 1596.56, data),
      recomputeCell("Register", 1, 4, "=ROUND(PB.LKS(A2,B2,C2),0)", 1597, data),
    ],
  };

  test("one row per parameter of each figure, formulas as text, sources and valid-from dates", () => {
    const rows = auditRows(scan);
    const lks = scan.formulas[0].recomputed!.parameters.length;
    expect(rows).toHaveLength(lks + 1);
    expect(rows[0].slice(0, 7)).toEqual([
      "Register",
      "D2",
      "'=PB.LKS(A2,B2,C2)",
      "peildatum = A2 → 45108; loonwaarde = B2 → 0.4; uren_per_week = C2 → 38",
      1596.56,
      1596.56,
      "gelijk",
    ]);
    const wmlRow = rows.find((r) => r[8] === "wml.maand")!;
    expect(wmlRow.slice(9, 12)).toEqual([1995, "EUR/maand", "2023-07-01"]);
    expect(String(wmlRow[13])).toMatch(/^Wet minimumloon en minimumvakantiebijslag .*; (bron: wettekst of twee bronnen eens|één secundaire bron); https:\/\/wetten\.overheid\.nl\//);
    expect(rows[rows.length - 1][6]).toBe("niet herberekend");
  });

  test("header with add-in and parameter-set versions; every row as wide as the columns", () => {
    const { matrix, tableStartRow } = auditMatrix(scan, {
      addinVersion: "0.1.0",
      parameterSetVersion: "2026.11.0",
      parameterSetHash: "abc",
      createdAt: "1-1-2026 12:00",
      workbookName: "Proef.xlsx",
    });
    expect(matrix[tableStartRow]).toEqual([...AUDIT_COLUMNS]);
    expect(matrix.every((r) => r.length === AUDIT_COLUMNS.length)).toBe(true);
    expect(matrix.map((r) => r[1])).toEqual(expect.arrayContaining(["0.1.0", "2026.11.0 (controlegetal abc)"]));
    expect(String(matrix[5][1])).toBe("2 PB-formules op 2 bladen: 0 verschillen, 0 fouten, 1 niet te herberekenen, 1 gelijk");
  });

  test("text that Excel would run is written inert; sheet names stay unique", () => {
    expect(asText("=1+1")).toBe("'=1+1");
    expect(asText("-5 korting")).toBe("'-5 korting");
    expect(asText("gewoon")).toBe("gewoon");
    expect(uniqueSheetName(["Blad1"])).toBe("PB-controle");
    expect(uniqueSheetName(["pb-controle", "PB-controle (2)"])).toBe("PB-controle (3)");
    expect(uniqueSheetName([], "a/b:c*d?e[f]g\\h-een-hele-lange-naam-van-meer-dan-31")).toHaveLength(31);
  });
});

test("a DATE() constant in a 1904 workbook is the serial Excel gives it there: DATE(2023,7,1) = 45108 − 1462 = 43646", () => {
  const data = new WorkbookData();
  data.add({ sheet: "Register", rowIndex: 0, columnIndex: 0, formulas: [], values: [[0.4, 38]] });
  const f = recomputeCell("Register", 0, 2, "=PB.LKS(DATE(2023,7,1),A1,B1)", 1596.56, data, 1904);
  expect(f.recomputed?.inputs[0]).toMatchObject({ name: "peildatum", value: 43646 });
  expect(f.status).toBe("gelijk");
  expect(parseArg("DATE(2023,7,1)")).toEqual({ kind: "number", value: 45108 });
});
