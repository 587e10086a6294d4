/**
 * Structured references against LibreOffice, which evaluates Excel Tables in .xlsx files: a workbook with two tables
 * is written with ExcelJS (table parts as Excel writes them), recalculated by LibreOffice, and every formula's value
 * compared with the engine's on the same file (tables as the reader will give them). Forms LibreOffice 7.4 gets wrong
 * or lacks (a single-bracket item like Tabel1[#All], a bare table name, [#This Row] from another sheet) are checked
 * as translations equal to a form it does evaluate, or against Microsoft's definition.
 */
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { translateStructuredReferences } from "../../src/functions/formulaNames";
import { readWorkbook } from "../../src/xlsx/read";
import type { TableModel, WorkbookModel } from "../../src/xlsx/model";
import { compute } from "../templates/helpers";
import { editParts } from "./helpers";
import { cachedResults, hasSoffice, recalcInLibreOffice, tablesOf, type OracleValue } from "./libreoffice";

jest.setTimeout(180_000);

const dir = mkdtempSync(path.join(tmpdir(), "pb-tables-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Overzicht!A{n}: the formula; LibreOffice's value is compared with the engine's. */
const OVERVIEW = [
  "SUM(Register[Loonwaarde])",
  "SUM(Register[Uren '[pw']])",
  "SUM(Register[['#Dagen]])",
  "COUNTA(Register[[#All]])",
  "ROWS(Register[[#Data]])",
  "COLUMNS(Register[[#Headers]])",
  "SUM(Register[[#Totals]])",
  "ROWS(Register[[#Headers],[#Data],[Naam]])",
  "SUM(Register[[#Data],[#Totals],[Loonwaarde]])",
  "SUM(Register[[Loonwaarde]:[Uren '[pw']]])",
  "SUM(Register[[#Totals],[Loonwaarde]:[Uren '[pw']]])",
  "INDEX(Register[Naam],2)",
  "SUMPRODUCT(Register[Loonwaarde],Register[Uren '[pw']])",
  "VLOOKUP(2024,Tarieven[[#Data]],2,FALSE)",
  "INDEX(Tarieven[[#Headers],[WML''s]],1)",
  "SUM(Loonwaarden)",
  "SUMIF(Register[Naam],\"b*\",Register[Totaal])",
  'COUNTIF(Register[[#Headers],[#Data],[Naam]],"Naam")',
];

/**
 * Register on "LKS-register" from B2: header row 2, rows 3–6, totals row 7 (SUBTOTAL of Loonwaarde).
 * Totaal = Loonwaarde × Uren [pw] + #Dagen per row, e.g. row 3: 0,4 × 38 + 5 = 20,2.
 * Tarieven on "Param" from A1: 2023 → 1995, 2024 → 2070.
 */
async function writeWorkbook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const reg = wb.addWorksheet("LKS-register");
  const rows: [string, number, number, number][] = [
    ["a", 0.4, 38, 5],
    ["b", 0.5, 19, 3],
    ["c", 0.2, 30, 0],
    ["bb", 0.35, 36, 2],
  ];
  reg.addTable({
    name: "Register",
    ref: "B2",
    headerRow: true,
    totalsRow: true,
    columns: [{ name: "Naam" }, { name: "Loonwaarde", totalsRowFunction: "sum" }, { name: "Uren [pw]" }, { name: "#Dagen" }, { name: "Totaal" }],
    rows: rows.map((r) => [...r, { formula: "Register[[#This Row],[Loonwaarde]]*Register[[#This Row],[Uren '[pw']]]+Register[[#This Row],['#Dagen]]" }]),
  });
  const param = wb.addWorksheet("Param");
  param.addTable({ name: "Tarieven", ref: "A1", headerRow: true, columns: [{ name: "Jaar" }, { name: "WML's" }], rows: [[2023, 1995], [2024, 2070]] });
  const o = wb.addWorksheet("Overzicht");
  OVERVIEW.forEach((f, i) => (o.getCell(`A${i + 1}`).value = { formula: f } as ExcelJS.CellFormulaValue));
  await wb.xlsx.writeFile(file);
  // A defined name over a table column, as Excel stores it (ExcelJS writes only plain ranges).
  await editParts(file, file, (part, xml) =>
    part === "xl/workbook.xml"
      ? xml.replace("</sheets>", '</sheets><definedNames><definedName name="Loonwaarden">Register[Loonwaarde]</definedName></definedNames>')
      : xml,
  );
}

let model: WorkbookModel;
let tables: TableModel[];
let oracle: Map<string, OracleValue> | undefined;

beforeAll(async () => {
  const file = path.join(dir, "tabellen.xlsx");
  await writeWorkbook(file);
  tables = await tablesOf(file);
  model = { ...(await readWorkbook(file)).model, tables };
  if (hasSoffice) oracle = await cachedResults(recalcInLibreOffice([file], dir)[0]);
});

test("the tables are read as the model describes them", () => {
  expect(tables).toEqual([
    { name: "Register", displayName: "Register", sheet: "LKS-register", ref: "B2:F7", columns: ["Naam", "Loonwaarde", "Uren [pw]", "#Dagen", "Totaal"], headerRowCount: 1, totalsRowCount: 1 },
    { name: "Tarieven", displayName: "Tarieven", sheet: "Param", ref: "A1:B3", columns: ["Jaar", "WML's"], headerRowCount: 1, totalsRowCount: 0 },
  ]);
});

test("the engine's values, worked out by hand", () => {
  const c = compute(model);
  try {
    // Totaal per row: 0,4×38+5 = 20,2; 0,5×19+3 = 12,5; 0,2×30+0 = 6; 0,35×36+2 = 14,6
    expect(["F3", "F4", "F5", "F6"].map((a) => c.value("LKS-register", a))).toEqual([20.2, 12.5, 6, expect.closeTo(14.6, 10)]);
    const v = (n: number) => c.value("Overzicht", `A${n}`);
    expect(v(1)).toBeCloseTo(1.45, 10); // 0,4 + 0,5 + 0,2 + 0,35
    expect(v(2)).toBe(123); // 38 + 19 + 30 + 36
    expect(v(3)).toBe(10); // 5 + 3 + 0 + 2
    expect(v(4)).toBe(27); // 5 headers + 4 × 5 data cells + the totals row: label "Total" (ExcelJS writes it) and SUBTOTAL
    expect(v(5)).toBe(4);
    expect(v(6)).toBe(5);
    expect(v(8)).toBe(5); // header + 4 data rows of Naam
    expect(v(9)).toBeCloseTo(2.9, 10); // 1,45 data + 1,45 in the totals row
    expect(v(10)).toBeCloseTo(124.45, 10); // 1,45 + 123
    expect(v(12)).toBe("b");
    expect(v(13)).toBeCloseTo(0.4 * 38 + 0.5 * 19 + 0.2 * 30 + 0.35 * 36, 10); // 43,3
    expect(v(14)).toBe(2070);
    expect(v(15)).toBe("WML's");
    expect(v(16)).toBeCloseTo(1.45, 10);
    expect(v(17)).toBeCloseTo(12.5 + 14.6, 10); // names b and bb
    expect(v(18)).toBe(1);
  } finally {
    c.destroy();
  }
});

const testLo = hasSoffice ? test : test.skip;

testLo("LibreOffice computes the same value for every formula of the workbook", () => {
  const c = compute(model);
  try {
    const compared: string[] = [];
    for (const sheet of model.sheets) {
      for (const cell of sheet.cells) {
        if (!cell.formula) continue;
        const key = `${sheet.name}!${cell.address}`;
        const lo = oracle!.get(key);
        const ours = c.value(sheet.name, cell.address);
        if (typeof lo === "number") expect([key, ours]).toEqual([key, expect.closeTo(lo, 9)]);
        else expect([key, ours]).toEqual([key, lo]);
        compared.push(key);
      }
    }
    // 4 row formulas, 1 totals formula, every overview formula
    expect(compared.length).toBe(4 + 1 + OVERVIEW.length);
  } finally {
    c.destroy();
  }
});

describe("forms LibreOffice 7.4 does not evaluate as Excel does", () => {
  const t = (f: string, sheet = "Overzicht", address = "B3") => translateStructuredReferences(f, { sheet, address }, tables).formula;

  test("a single-bracket item is the double-bracket one (LibreOffice: #NAME? or a wrong count)", () => {
    for (const item of ["#All", "#Data", "#Headers", "#Totals"]) expect(t(`Register[${item}]`)).toBe(t(`Register[[${item}]]`));
  });

  test("a bare table name is its data rows, as Microsoft defines it (LibreOffice takes the whole table)", () => {
    expect(t("Register")).toBe(t("Register[[#Data]]"));
    expect(t("Register")).toBe("'LKS-register'!$B$3:$F$6");
  });

  test("[#This Row] from another sheet takes the formula's row number (Excel's implicit intersection)", () => {
    expect(t("Register[[#This Row],[Naam]]", "Overzicht", "B4")).toBe("'LKS-register'!$B$4");
  });
});
