/**
 * The reader's formula scan: Excel's limits, the references it finds, and shared formulas moved to the cells that
 * share them — checked against ExcelJS's own slideFormula (an independent implementation) on ordinary formulas.
 */
import { isProblem, scanFormula, shiftFormula, areaOf, type ScannedFormula } from "../../src/xlsx/formulaText";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { slideFormula } = require("exceljs/lib/utils/shared-formula") as { slideFormula: (f: string, from: string, to: string) => string };

function scan(f: string): ScannedFormula {
  const s = scanFormula(f);
  if (isProblem(s)) throw new Error(s.problem);
  return s;
}

describe("Excel's limits", () => {
  it("8 192 characters pass, 8 193 do not", () => {
    expect(isProblem(scanFormula("1+".repeat(4095) + "11"))).toBe(false); // 8 192
    expect(scanFormula("1+".repeat(4096) + "1")).toEqual({ problem: expect.stringMatching(/8193 tekens.*8\.192/) });
  });

  it("64 nested functions pass, 65 do not; plain brackets are not functions", () => {
    expect(scan("ABS(".repeat(64) + "1" + ")".repeat(64)).depth).toBe(64);
    expect(scanFormula("ABS(".repeat(65) + "1" + ")".repeat(65))).toEqual({ problem: expect.stringMatching(/65 niveaus.*64/) });
    expect(scan("(".repeat(100) + "1" + ")".repeat(100)).depth).toBe(0);
  });

  it("255 arguments pass, 256 do not; commas in array constants and groups are not arguments", () => {
    expect(scan(`SUM(${Array(255).fill(1).join(",")})`).maxArgs).toBe(255);
    expect(scanFormula(`SUM(${Array(256).fill(1).join(",")})`)).toEqual({ problem: expect.stringMatching(/256 argumenten/) });
    expect(scan("SUM({1,2,3;4,5,6},(A1,B1))").maxArgs).toBe(2);
    expect(scan("NOW()").maxArgs).toBe(0);
  });

  it("unbalanced text, brackets and parentheses are problems", () => {
    for (const f of ['"abc', "'Blad 1", "SUM(A1", "A1)", "Tabel1[Kolom", "{1,2"]) expect(isProblem(scanFormula(f))).toBe(true);
  });
});

describe("references found", () => {
  it("cells, areas, whole columns and rows, with their sheet; nothing inside text or table references", () => {
    const s = scan("SUM('Blad 1'!$A$1:B10)+Tabel!C:D+2:3+X5*\"A1:Z99\"+Tabel1[[#This Row],[A1]]+LOG10(4)");
    expect(s.refs.map((r) => [r.kind, r.prefix, r.sheet, s.text.slice(r.start, r.end)])).toEqual([
      ["area", "'Blad 1'!", "Blad 1", "$A$1:B10"],
      ["cols", "Tabel!", "Tabel", "C:D"],
      ["rows", "", undefined, "2:3"],
      ["cell", "", undefined, "X5"],
    ]);
    expect(areaOf(s.refs[0])).toBe(20); // 10 rows × 2 columns
    expect(s.calls.map((c) => c.name)).toEqual(["SUM", "LOG10"]);
  });

  it("names beyond the grid (XFE1, A1048577) are names, not references", () => {
    expect(scan("XFE1+A1048577+XFD1048576").refs.map((r) => r.kind)).toEqual(["cell"]);
  });

  it("the prefix in front of a function: [2]! and 'pb.xlam'! are kept for the reader to judge", () => {
    expect(scan("[2]!_xldudf_PB_LKS(A2,B2,C2)").calls[0]).toEqual({ name: "_xldudf_PB_LKS", prefix: "[2]!" });
    expect(scan("'pb.xlam'!PB.LKS(A2,B2,C2)").calls[0]).toEqual({ name: "PB.LKS", prefix: "'pb.xlam'!" });
    expect(scan("Blad1:Blad3!A1+1").refs[0].sheet).toBeUndefined();
  });
});

describe("shared formulas", () => {
  const cases = [
    "_xldudf_PB_LKS(A2,B2,C2)",
    "SUM($D$2:D2)*$F$1",
    "ROUND(MIN(1-B2,Tabel!$E$1)*VLOOKUP(A2,Tabel!$A$2:$B$3,2,TRUE)*(1+Tabel!$E$2)*MIN(C2,38)/38,2)",
    "IF(A2>DATE(2024,1,31),0,B$2+$C2)",
    "'Blad 1'!A2&B2",
  ];
  it.each(cases)("%s moved 3 rows down and 2 columns right, as ExcelJS moves it", (f) => {
    expect(shiftFormula(scan(f), 3, 2).text).toBe(slideFormula(f, "D2", "F5"));
  });

  it("text that looks like a reference stays text (ExcelJS's slideFormula moves it too)", () => {
    const f = '"A2"&B2';
    expect(shiftFormula(scan(f), 3, 2).text).toBe('"A2"&D5');
    expect(slideFormula(f, "D2", "F5")).toBe('"C5"&D5');
  });

  it("a reference moved off the grid becomes #REF!, and whole columns move with the column", () => {
    expect(shiftFormula(scan("A1+B$1+C:C"), -1, 0).text).toBe("#REF!+B$1+C:C");
    expect(shiftFormula(scan("A1+C:C+$D:$D"), 0, 2).text).toBe("C1+E:E+$D:$D");
    // 1596,56 = LKS(A2,B2,C2) in D2; its clone in D3 reads row 3
    expect(shiftFormula(scan("_xldudf_PB_LKS(A2,B2,C2)"), 1, 0).text).toBe("_xldudf_PB_LKS(A3,B3,C3)");
  });
});
