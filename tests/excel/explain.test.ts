/**
 * The receipt of one cell without Office (src/excel/explain.ts, explainText.ts, the audit rows): what the Uitleg view,
 * "Kopieer", "Leg vast op controleblad" and PB.UITLEG all show.
 * Figure (issue 2): PB.LKS(1-7-2023; 0,4; 38) = WML 1995 × (1 + 0,08) × (1 − 0,4) × (1 + 0,235) = 1995 × 1,08 = 2154,60;
 * × 0,6 = 1292,76; × 1,235 = 1596,5586 → 1596,56 (38 of 38 hours, cap 0,7 not reached).
 * Nested: PB.PARAM("wml.volwassenleeftijd"; 1-7-2023) = 21 (WML art. 7, from 1-7-2019), so leeftijd 21 is adult and
 * PB.LKS gives the same 1596,56. ×12 rounded: 1596,56 × 12 = 19158,72.
 */
import { explainCell, rangesToRead, rangeText } from "../../src/excel/explain";
import { UITLEG_COLUMNS, explanationTable, explanationText, validityText } from "../../src/excel/explainText";
import { explanationAuditRows, AUDIT_COLUMNS } from "../../src/excel/audit";
import { WorkbookData } from "../../src/excel/recompute";
import { PARAMETER_SET_HASH, PARAMETER_SET_VERSION } from "../../src/parameters";

const JULY_1_2023 = 45108;
const NESTED = '=PB.LKS(A2,B2,C2,PB.PARAM("wml.volwassenleeftijd",A2))';

function data(values: unknown[][] = [["Datum", "Loonwaarde", "Uren", "LKS"], [JULY_1_2023, 0.4, 38, 1596.56]]): WorkbookData {
  const d = new WorkbookData();
  d.add({ sheet: "Register", rowIndex: 0, columnIndex: 0, formulas: [], values });
  d.add({ sheet: "Invoer blad", rowIndex: 0, columnIndex: 0, formulas: [], values: [[0.4], [38]] });
  return d;
}

const cell = (formula: string, value: unknown, extra: Partial<Parameters<typeof explainCell>[0]> = {}) => ({
  sheet: "Register",
  address: "D2",
  formula,
  value: value as never,
  ...extra,
});

describe("a PB cell", () => {
  const e = explainCell(cell("=PB.LKS(A2,B2,C2)", 1596.56, { formulaLocal: "=PB.LKS(A2;B2;C2)" }), data());

  test("inputs with the cells they came from, the result, and that it matches the workbook", () => {
    expect(e.kind).toBe("pb");
    expect(e.formulaLocal).toBe("=PB.LKS(A2;B2;C2)");
    expect(e.calls).toHaveLength(1);
    const [lks] = e.calls;
    expect(lks.inputs.map((i) => [i.name, i.value, i.cells])).toEqual([
      ["peildatum", JULY_1_2023, "A2"],
      ["loonwaarde", 0.4, "B2"],
      ["uren_per_week", 38, "C2"],
    ]);
    expect(lks.receipt!.result).toBe(1596.56);
    expect(lks.receipt!.legalBasis).toMatch(/^Participatiewet art\. 10d lid 4/);
    expect(e.comparison).toEqual({ status: "gelijk", text: "Gelijk aan de waarde in de werkmap." });
  });

  test("one row per parameter, each with its value, validity and source; WML 1995 from 1-7-2023 until 31-12-2023", () => {
    const wml = e.calls[0].receipt!.parameters.find((p) => p.name === "wml.maand")!;
    expect([wml.value, wml.unit, wml.from, wml.until]).toEqual([1995, "EUR/maand", "2023-07-01", "2024-01-01"]);
    expect(validityText(wml)).toBe("geldig van 1-7-2023 tot en met 31-12-2023");
    expect(e.calls[0].receipt!.parameters.map((p) => p.name)).toEqual([
      "lks.normuren",
      "lks.deeltijdregel",
      "lks.cap",
      "vakantiebijslag",
      "lks.werkgeverslasten",
      "wml.maand",
      "wml.volwassenleeftijd",
    ]);
  });

  test("a different figure in the workbook is a difference, in words", () => {
    const d = explainCell(cell("=PB.LKS(A2,B2,C2)", 1600), data());
    expect(d.comparison?.status).toBe("verschil");
    expect(d.comparison?.text).toBe(
      "Wijkt af: de werkmap toont 1.600, de rekenregels van deze versie geven 1.596,56. Andere versie van PB Rekenkit, of met de hand overschreven?",
    );
  });

  test("the cells to read first: each reference once, on its own sheet", () => {
    expect(rangesToRead("=PB.LKS(A2,'Invoer blad'!A1,'Invoer blad'!A2)+PB.LKS(A2,B2,C2)", "Register")).toEqual([
      { sheet: "Register", r1: 1, c1: 0, r2: 1, c2: 0 },
      { sheet: "Invoer blad", r1: 0, c1: 0, r2: 0, c2: 0 },
      { sheet: "Invoer blad", r1: 1, c1: 0, r2: 1, c2: 0 },
      { sheet: "Register", r1: 1, c1: 1, r2: 1, c2: 1 },
      { sheet: "Register", r1: 1, c1: 2, r2: 1, c2: 2 },
    ]);
    expect(rangeText({ sheet: "Invoer blad", r1: 0, c1: 1, r2: 2, c2: 1 }, "Register")).toBe("'Invoer blad'!B1:B3");
  });

  test("another sheet's cells are named with the sheet", () => {
    const x = explainCell(cell("=PB.LKS(A2,'Invoer blad'!A1,'Invoer blad'!A2)", 1596.56), data());
    expect(x.calls[0].inputs.map((i) => i.cells)).toEqual(["A2", "'Invoer blad'!A1", "'Invoer blad'!A2"]);
    expect(x.calls[0].receipt!.result).toBe(1596.56);
  });
});

describe("a nested PB formula: each call explained on its own", () => {
  const e = explainCell(cell(NESTED, 1596.56), data());

  test("the outer call takes the inner one's result as an input; the inner call has its own receipt", () => {
    expect(e.calls.map((c) => c.id)).toEqual(["LKS", "PARAM"]);
    const [lks, param] = e.calls;
    expect(lks.inputs[3]).toMatchObject({ name: "leeftijd", value: 21, fromCall: 1 });
    expect(param.feeds).toEqual({ call: 0, argument: "leeftijd", whole: true });
    expect(param.receipt!.result).toBe(21);
    expect(param.receipt!.parameters.map((p) => [p.name, p.value, p.from])).toEqual([["wml.volwassenleeftijd", 21, "2019-07-01"]]);
    expect(lks.receipt!.result).toBe(1596.56);
    // The outer receipt lists its own parameter uses, not the inner call's a second time as its own input.
    expect(lks.receipt!.inputs).toMatchObject({ leeftijd: 21 });
    expect(e.comparison?.status).toBe("gelijk");
  });

  test("part of a larger formula: the PB call is explained, the cell's value is not compared with it", () => {
    const x = explainCell(cell("=ROUND(PB.LKS(A2,B2,C2)*12,2)", 19158.72), data());
    expect(x.calls[0].receipt!.result).toBe(1596.56);
    expect(x.comparison).toEqual({
      status: "deel",
      text: "De PB-aanroep is een deel van de formule: PB.LKS geeft 1.596,56, de cel toont 19.158,72 na de rest van de formule.",
    });
  });

  test("an argument that is a calculation: the call is not recomputed and says why; a PB call inside it still is", () => {
    const x = explainCell(cell('=PB.LKS(A2,B2*1,C2,PB.PARAM("wml.volwassenleeftijd",A2)+0)', 1596.56), data());
    expect(x.calls[0].notComputed).toBe(
      "Niet na te rekenen: loonwaarde is een berekening, functie of naam in het argument (B2*1); alleen getallen, teksten, celverwijzingen, DATUM() en PB-functies worden nagerekend.",
    );
    expect(x.calls[1]).toMatchObject({ id: "PARAM", feeds: { call: 0, argument: "leeftijd", whole: false } });
    expect(x.calls[1].receipt!.result).toBe(21);
    expect(x.comparison?.status).toBe("onbekend");
  });
});

describe("cells that are not PB formulas get a plain message", () => {
  test("empty, a constant, a formula without PB, and a PB.UITLEG cell", () => {
    expect(explainCell(cell("", null), data())).toMatchObject({ kind: "geen-pb", message: expect.stringMatching(/^Deze cel is leeg\./) });
    expect(explainCell(cell(1596.56 as unknown as string, 1596.56), data())).toMatchObject({ kind: "geen-pb", message: expect.stringMatching(/vaste waarde/) });
    expect(explainCell(cell("=SUM(D2:D9)", 3), data())).toMatchObject({
      kind: "geen-pb",
      message: "Deze formule gebruikt geen PB-functie; PB Rekenkit heeft hier niets uit te leggen.",
    });
    expect(explainCell(cell("=PB.UITLEG($D$2)", "Onderdeel"), data())).toMatchObject({
      kind: "uitleg",
      message: "Deze cel toont met PB.UITLEG de uitleg van D2. Selecteer D2 om die uitleg hier te zien.",
    });
  });
});

describe("a cell that shows #NAME?", () => {
  test("functions not loaded: the repair, and still how PB Rekenkit computes the formula", () => {
    const e = explainCell(cell("=PB.LKS(A2,B2,C2)", { error: "#NAME?" }), data());
    expect(e.comparison?.status).toBe("niet-geladen");
    expect(e.comparison?.text).toMatch(/^De cel toont #NAME\?: de PB-functies waren niet geladen toen Excel rekende\. .*Ctrl\+Alt\+F9/);
    expect(e.calls[0].receipt!.result).toBe(1596.56);
  });

  test("a misspelled function: says which name does not exist, never 'not loaded'", () => {
    const e = explainCell(cell("=PB.LKSS(A2,B2,C2)", { error: "#NAME?" }), data());
    expect(e.comparison).toEqual({
      status: "fout",
      text: "De cel toont #NAME?: PB.LKSS bestaat niet. Controleer de naam; alle functies staan in het onderdeel Functies.",
    });
    expect(e.calls[0].notComputed).toMatch(/^PB\.LKSS is geen functie van PB Rekenkit\./);
  });
});

test("a 1904 workbook: DATE(2023,7,1) in the formula is serial 43646 there (45108 − 1462), read as 1-7-2023", () => {
  const d = data([["Datum", "Loonwaarde", "Uren", "LKS"], [43646, 0.4, 38, 1596.56]]);
  const e = explainCell(cell("=PB.LKS(DATE(2023,7,1),B2,C2)", 1596.56), d, 1904);
  expect(e.calls[0].inputs[0].value).toBe(43646);
  expect(e.calls[0].receipt!.result).toBe(1596.56);
  expect(explanationText(e)).toContain("peildatum = 1-7-2023 (vast in de formule)");
});

describe("in words and as a table", () => {
  const e = explainCell(cell(NESTED, 1596.56, { formulaLocal: '=PB.LKS(A2;B2;C2;PB.PARAM("wml.volwassenleeftijd";A2))' }), data());

  test("Kopieer: the formula as the user sees it, inputs with their cells, parameters with source and link, the set", () => {
    const t = explanationText(e, "nl");
    expect(t.split("\n").slice(0, 4)).toEqual([
      "Uitleg van Register!D2 (PB Rekenkit)",
      'Formule: =PB.LKS(A2;B2;C2;PB.PARAM("wml.volwassenleeftijd";A2))',
      "In de werkmap: 1.596,56",
      "Gelijk aan de waarde in de werkmap.",
    ]);
    expect(t).toContain("    peildatum = 1-7-2023 (uit A2)");
    expect(t).toContain("    leeftijd = 21 (uitkomst van PB.PARAM)");
    expect(t).toContain('PB.PARAM("wml.volwassenleeftijd";A2) = 21 (gebruikt als leeftijd in PB.LKS)');
    expect(t).toContain(
      "    lks.werkgeverslasten = 0,235 fractie, geldig vanaf 1-7-2021; Regeling loonkostensubsidie Participatiewet 2021 art. 1; bron: wettekst of twee bronnen eens; https://wetten.overheid.nl/BWBR0044901",
    );
    expect(t).toContain(`parameterset ${PARAMETER_SET_VERSION} (controlegetal ${PARAMETER_SET_HASH})`);
    // The research note beside a value never reaches the user.
    expect(t).not.toMatch(/Standaardwaarde, geen wettelijke regel|sources\.md|nagelezen/);
  });

  test("PB.UITLEG's table: titles, the cell, then per call the function, its inputs and parameters, and the set", () => {
    const rows = explanationTable(e);
    expect(rows[0]).toEqual([...UITLEG_COLUMNS]);
    expect(rows.every((r) => r.length === UITLEG_COLUMNS.length)).toBe(true);
    expect(rows.map((r) => r[0])).toEqual([
      "Onderdeel",
      "cel",
      "functie",
      ...Array(4).fill("invoer"),
      ...Array(7).fill("parameter"),
      "functie",
      "invoer",
      "invoer",
      "parameter",
      "parameterset",
    ]);
    expect(rows[1]).toEqual(["cel", "Register!D2", 1596.56, "", "", "", "Gelijk aan de waarde in de werkmap."]);
    expect(rows[2].slice(0, 4)).toEqual(["functie", "PB.LKS", 1596.56, "EUR"]);
    expect(rows[3]).toEqual(["invoer", "peildatum", "1-7-2023", "", "", "", "uit A2"]);
    const wml = rows.find((r) => r[1] === "wml.maand")!;
    expect(wml.slice(0, 6)).toEqual(["parameter", "wml.maand", 1995, "EUR/maand", "1-7-2023", "31-12-2023"]);
    expect(wml[6]).toMatch(/^Wet minimumloon en minimumvakantiebijslag art\. 8 lid 1 a, art\. 14; Stcrt\. 2023, 12023.*https:\/\/wetten\.overheid\.nl\/BWBR0002638$/);
    expect(rows[14][1]).toBe("PB.PARAM (gebruikt als leeftijd in PB.LKS)");
    expect(rows.at(-1)!.slice(0, 3)).toEqual(["parameterset", PARAMETER_SET_VERSION, PARAMETER_SET_HASH]);
  });

  test("the controleblad rows: the audit columns, one block per call, and when it was recorded", () => {
    const rows = explanationAuditRows(e, "3-5-2026, 10:12:00");
    // 7 parameters of PB.LKS and 1 of PB.PARAM: one row each, the call's first parameter on the call's own row.
    expect(rows).toHaveLength(8);
    expect(rows.every((r) => r.length === AUDIT_COLUMNS.length)).toBe(true);
    expect(rows[0].slice(0, 7)).toEqual([
      "Register",
      "D2",
      `'=PB.LKS(A2;B2;C2;PB.PARAM("wml.volwassenleeftijd";A2))`,
      "peildatum = 1-7-2023 (uit A2); loonwaarde = 0,4 (uit B2); uren_per_week = 38 (uit C2); leeftijd = 21 (uitkomst van PB.PARAM)",
      1596.56,
      "1.596,56",
      "gelijk",
    ]);
    expect(rows[0][7]).toBe(`Gelijk aan de waarde in de werkmap. Vastgelegd vanuit Uitleg op 3-5-2026, 10:12:00, parameterset ${PARAMETER_SET_VERSION} (controlegetal ${PARAMETER_SET_HASH}).`);
    expect(rows[7].slice(2, 9)).toEqual([`PB.PARAM: PB.PARAM("wml.volwassenleeftijd",A2)`, "naam = wml.volwassenleeftijd (vast in de formule); peildatum = 1-7-2023 (uit A2)", "", "21", "deel van de formule", "gebruikt als leeftijd in PB.LKS", "wml.volwassenleeftijd"]);
  });
});
