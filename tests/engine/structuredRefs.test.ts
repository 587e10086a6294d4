/**
 * The structured-reference translator (src/functions/formulaNames.ts) on handwritten table definitions: every form
 * Excel writes, the address it stands for worked out from the table's ref, and a Dutch reason where there is none.
 * Then the engine on a register kept as an Excel Table, with PB.LKS per row.
 */
import { indexTables, translateStructuredReferences as translate } from "../../src/functions/formulaNames";
import { recalcModel } from "../../src/engine/recalc";
import type { CellModel, TableModel, WorkbookModel } from "../../src/xlsx/model";
import { isoToSerial } from "../../src/rules/dates";
import { compute } from "../templates/helpers";
import { REGISTER, REGISTER_TOTAL } from "./helpers";

/**
 * Register on sheet "LKS-register", ref B2:F7: header row 2, data rows 3–6, totals row 7;
 * columns B Naam, C Peildatum, D Loonwaarde, E "Uren [pw]", F "#Dagen".
 * Parameters on sheet "Param", A1:B3 (header row 1, data 2–3), columns Jaar, "WML's".
 * Kaal on "Param", D1:E2 without header row (data 1–2), columns X, Y.
 */
const TABLES: TableModel[] = [
  { name: "Register", sheet: "LKS-register", ref: "B2:F7", columns: ["Naam", "Peildatum", "Loonwaarde", "Uren [pw]", "#Dagen"], headerRowCount: 1, totalsRowCount: 1 },
  { name: "Parameters", sheet: "Param", ref: "A1:B3", columns: ["Jaar", "WML's"], headerRowCount: 1, totalsRowCount: 0 },
  { name: "Kaal", sheet: "Param", ref: "D1:E2", columns: ["X", "Y"], headerRowCount: 0, totalsRowCount: 0 },
];

const at = (address: string, sheet = "LKS-register") => ({ sheet, address });
const ok = (formula: string, place: { sheet: string; address: string } | undefined) => {
  const r = translate(formula, place, TABLES);
  if (r.reason !== undefined) throw new Error(r.reason);
  return r.formula;
};
const reason = (formula: string, place: { sheet: string; address: string } | undefined) => translate(formula, place, TABLES).reason;

describe("structured references → plain references", () => {
  it.each([
    // column data: rows 3–6 of the column's letter
    ["Register[Loonwaarde]", at("H1", "Overzicht"), "'LKS-register'!$D$3:$D$6"],
    ["SUM(Register[Loonwaarde])", at("H1"), "SUM($D$3:$D$6)"],
    ["register[LOONWAARDE]", at("H1"), "$D$3:$D$6"], // names are case-insensitive
    // this row: the formula's own row 4 or 5
    ["Register[[#This Row],[Loonwaarde]]*2", at("G4"), "$D$4*2"],
    ["Register[[#this row],[Loonwaarde]]", at("G4"), "$D$4"],
    ["[@Loonwaarde]*[@[Uren '[pw']]]", at("F5"), "$D$5*$E$5"], // without table name: the table the cell is in
    ["Register[@['#Dagen]]", at("G5"), "$F$5"],
    ["Register[@[Peildatum]:[Loonwaarde]]", at("G6"), "$C$6:$D$6"],
    ["Register[#This Row]", at("A4", "Overzicht"), "'LKS-register'!$B$4:$F$4"], // other sheet: same row number
    ["Register[ [#This Row] , [Naam] ]", at("G3"), "$B$3"], // spaces as Excel allows them
    // special items over the whole width B–F
    ["Register[#All]", at("H1"), "$B$2:$F$7"],
    ["Register[[#All]]", at("H1"), "$B$2:$F$7"],
    ["Register[#Data]", at("H1"), "$B$3:$F$6"],
    ["Register", at("H1"), "$B$3:$F$6"], // a bare table name is its data
    ["Register[]", at("H1"), "$B$3:$F$6"],
    ["Register[#Headers]", at("H1"), "$B$2:$F$2"],
    ["Register[#Totals]", at("H1"), "$B$7:$F$7"],
    ["Register[[#Headers],[#Data],[Naam]]", at("H1"), "$B$2:$B$6"],
    ["Register[[#Data],[#Totals],[Loonwaarde]]", at("H1"), "$D$3:$D$7"],
    // column ranges, in either order
    ["Register[[Peildatum]:[Uren '[pw']]]", at("H1"), "$C$3:$E$6"],
    ["Register[[Uren '[pw']]:[Peildatum]]", at("H1"), "$C$3:$E$6"],
    ["Register[[#Totals],[Loonwaarde]:[Uren '[pw']]]", at("H1"), "$D$7:$E$7"],
    // escapes: '' is one quote in a column name
    ["Parameters[WML''s]", at("A1", "Overzicht"), "'Param'!$B$2:$B$3"],
    ["Parameters[[#Headers],[WML''s]]", at("A1", "Overzicht"), "'Param'!$B$1"],
    // Excel's own errors: no header row → #REF!, this row outside the data rows → #VALUE!
    ["Kaal[#Headers]", at("A1", "Overzicht"), "#REF!"],
    ["SUM(Parameters[#Totals])", at("A1", "Overzicht"), "SUM(#REF!)"],
    ["Kaal[X]", at("A1", "Overzicht"), "'Param'!$D$1:$D$2"],
    ["Register[@Naam]", at("A10", "Overzicht"), "#VALUE!"],
    ["Register[[#This Row],[Naam]]", at("G2"), "#VALUE!"], // the header row is no data row
    ["Register[[#This Row],[Naam]]", at("G7"), "#VALUE!"], // nor is the totals row
  ])("%s at %j → %s", (formula, place, expected) => {
    expect(ok(formula, place)).toBe(expected);
  });

  it("leaves string literals, quoted sheet names, links to other workbooks and plain formulas alone", () => {
    expect(ok(`"Register[Naam]"&'Register[x]'!A1`, at("H1"))).toBe(`"Register[Naam]"&'Register[x]'!A1`);
    expect(ok("[1]Blad1!A1+[2]!Naam", at("H1"))).toBe("[1]Blad1!A1+[2]!Naam");
    expect(ok("SUM(A1:B2)*Registers", at("H1"))).toBe("SUM(A1:B2)*Registers"); // a longer name is not the table
    expect(ok("Register!A1", at("H1", "Overzicht"))).toBe("Register!A1"); // a sheet that happens to share the name
  });

  it("in a defined name (no cell): always with the sheet, and [#This Row] refused", () => {
    expect(ok("Register[Loonwaarde]", undefined)).toBe("'LKS-register'!$D$3:$D$6");
    expect(reason("Register[@Naam]", undefined)).toMatch(/\[#This Row\] in een gedefinieerde naam wordt niet ondersteund/);
  });

  it("finds a table by displayName and by name", () => {
    const t: TableModel[] = [{ name: "Table1", displayName: "Tabel1", sheet: "S", ref: "A1:A3", columns: ["K"], headerRowCount: 1, totalsRowCount: 0 }];
    expect(translate("Tabel1[K]+Table1[K]", { sheet: "S", address: "C1" }, t).formula).toBe("$A$2:$A$3+$A$2:$A$3");
  });

  it.each([
    ["Onbekend[Naam]", at("H1"), "Onbekende tabel Onbekend (in Onbekend[Naam])."],
    ["Register[Bestaatniet]", at("H1"), 'Tabel Register heeft geen kolom "Bestaatniet" (Register[Bestaatniet]).'],
    ["[Naam]", at("A1", "Overzicht"), "[Naam] zonder tabelnaam staat niet in een tabel; zet de tabelnaam ervoor (bijvoorbeeld Tabel1[Naam])."],
    ["Register[#Foo]", at("H1"), "Register[#Foo]: onbekend onderdeel van een tabel (bekend zijn #All, #Data, #Headers, #Totals en #This Row)."],
    ["Register[[#Headers],[#Totals]]", at("H1"), expect.stringContaining("bestaat niet in Excel")],
    ["[1]!Register[Naam]", at("H1"), expect.stringContaining("andere werkmap")],
  ])("%s → a Dutch reason", (formula, place, expected) => {
    expect(reason(formula, place)).toEqual(expected);
  });

  it("reports a table whose ref cannot be read, and skips it", () => {
    const index = indexTables([{ name: "Stuk", sheet: "S", ref: "X", columns: [], headerRowCount: 1, totalsRowCount: 0 }]);
    expect(index.problems).toEqual(["Tabel Stuk heeft een onleesbaar bereik (X) en is overgeslagen."]);
    expect(translate("Stuk[A]", { sheet: "S", address: "A1" }, index).reason).toBe("Onbekende tabel Stuk (in Stuk[A]).");
  });
});

/**
 * The LKS register (tests/engine/helpers REGISTER) as an Excel Table "Register" on sheet "Register", A1:D5: header
 * row 1, data rows 2–4, totals row 5. LKS per row = PB.LKS of its own row, stored as Excel stores [@…]
 * (`Register[[#This Row],[…]]`); 1596,56 + 665,23 + 1862,65 = 4124,44 in the totals row and on another sheet.
 */
function tableRegister(rowFormula: (r: number) => string): WorkbookModel {
  const cells: CellModel[] = ["Peildatum", "Loonwaarde", "Uren", "LKS"].map((h, i) => ({ address: `${"ABCD"[i]}1`, value: h }));
  REGISTER.forEach(([date, lw, h, expected], i) => {
    const r = i + 2;
    cells.push({ address: `A${r}`, value: isoToSerial(date) }, { address: `B${r}`, value: lw }, { address: `C${r}`, value: h });
    cells.push({ address: `D${r}`, formula: rowFormula(r), result: expected });
  });
  cells.push({ address: "A5", value: "Totaal" }, { address: "D5", formula: "SUBTOTAL(109,Register[LKS])", result: REGISTER_TOTAL });
  return {
    sheets: [
      { name: "Register", cells },
      {
        name: "Overzicht",
        cells: [
          { address: "A1", formula: "SUM(Register[LKS])" },
          { address: "A2", formula: "COUNTA(Register[#All])" },
          { address: "A3", formula: "SUM(Loonwaarden)" },
          { address: "A4", formula: "Register[[#Totals],[LKS]]" },
          { address: "A5", formula: "Register[@Loonwaarde]" }, // row 5 of another sheet: the totals row → #VALUE!
          { address: "A6", formula: "INDEX(Register[Uren],2)" },
        ],
      },
    ],
    names: [{ name: "Loonwaarden", ref: "Register[Loonwaarde]" }],
    tables: [{ name: "Register", sheet: "Register", ref: "A1:D5", columns: ["Peildatum", "Loonwaarde", "Uren", "LKS"], headerRowCount: 1, totalsRowCount: 1 }],
  };
}

describe("the engine on a register kept as an Excel Table", () => {
  it.each([
    ["stored form", () => `_xldudf_PB_LKS(Register[[#This Row],[Peildatum]],Register[[#This Row],[Loonwaarde]],Register[[#This Row],[Uren]])`],
    ["display form", () => "PB.LKS([@Peildatum],[@Loonwaarde],[@Uren])"],
  ])("LKS per row, totals and references from another sheet (%s)", (_form, rowFormula) => {
    const c = compute(tableRegister(rowFormula));
    try {
      expect(["D2", "D3", "D4"].map((a) => c.value("Register", a))).toEqual([1596.56, 665.23, 1862.65]);
      expect(c.value("Register", "D5")).toBeCloseTo(4124.44, 2);
      expect(c.value("Overzicht", "A1")).toBeCloseTo(4124.44, 2);
      // A1:D5 holds 4 headers, 3 × 4 data cells, "Totaal" and the total: 4 + 12 + 2 = 18 filled cells
      expect(c.value("Overzicht", "A2")).toBe(18);
      expect(c.value("Overzicht", "A3")).toBeCloseTo(0.4 + 0.5 + 0.2, 10);
      expect(c.value("Overzicht", "A4")).toBeCloseTo(4124.44, 2);
      expect(c.value("Overzicht", "A5")).toMatchObject({ error: "#VALUE!" });
      expect(c.value("Overzicht", "A6")).toBe(19);
    } finally {
      c.destroy();
    }
  });

  it("pb recalc's comparison finds every PB cell of the table equal to its cached value", () => {
    const report = recalcModel(tableRegister(() => "PB.LKS([@Peildatum],[@Loonwaarde],[@Uren])"));
    expect(report.cells.map((c) => [c.address, c.status])).toEqual([
      ["D2", "ok"],
      ["D3", "ok"],
      ["D4", "ok"],
    ]);
  });

  it("a reference to an unknown column makes that cell not recomputable, with the reason in Dutch", () => {
    const model = tableRegister((r) => (r === 3 ? "PB.LKS([@Peildatum],[@Loonwaard],[@Uren])" : `PB.LKS([@Peildatum],[@Loonwaarde],[@Uren])`));
    const report = recalcModel(model);
    const bad = report.cells.find((c) => c.address === "D3")!;
    expect(bad.status).toBe("not-recomputable");
    expect(bad.note).toBe('De rekenkern kan deze formule niet uitrekenen: Tabel Register heeft geen kolom "Loonwaard" ([@Loonwaard]).');
    expect(report.cells.filter((c) => c.status === "ok").map((c) => c.address)).toEqual(["D2", "D4"]);
  });
});
