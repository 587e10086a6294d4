/**
 * PB.UITLEG as Excel runs it: the wrapper in functions.ts, the date system and the reader installed by the functions
 * bundle (uitlegFunction.ts), on office-addin-mock (fakeExcel.ts), which fails a read of anything not loaded and synced.
 * Figure: PB.LKS(1-7-2023; 0,4; 38) = 1995 × 1,08 × 0,6 × 1,235 = 1596,5586 → 1596,56; nested
 * PB.PARAM("wml.volwassenleeftijd"; 1-7-2023) = 21.
 */
import { uitleg } from "../../src/functions/functions";
import { setCellExplainer, setDateSystemSource } from "../../src/functions/excelErrors";
import { cellExplainer } from "../../src/excel/uitlegFunction";
import { splitAddress } from "../../src/excel/explainHost";
import { UITLEG_COLUMNS } from "../../src/excel/explainText";
import { fakeExcel, type FakeSheetData } from "./fakeExcel";

const register: FakeSheetData = {
  name: "Register",
  formulas: [
    ["", "", "", "", ""],
    ["", "", "", "=PB.LKS(A2,B2,C2)", ""],
    ["", "", "", '=PB.LKS(A3,B3,C3,PB.PARAM("wml.volwassenleeftijd",A3))', ""],
    ["", "", "", "=SUM(D2:D3)", "=PB.UITLEG(D2)"],
  ],
  values: [
    ["Datum", "Loonwaarde", "Uren", "LKS", ""],
    [45108, 0.4, 38, 1596.56, ""],
    [45108, 0.4, 38, 1596.56, ""],
    ["", "", "", 3193.12, "Onderdeel"],
  ],
};

function excel() {
  const fake = fakeExcel([register]);
  const run = (fake.excel as { run: <T>(b: (c: Excel.RequestContext) => Promise<T>) => Promise<T> }).run.bind(fake.excel);
  setCellExplainer(cellExplainer(run));
  return fake;
}

async function call(address: string | undefined): Promise<unknown> {
  return uitleg(0, (address === undefined ? {} : { parameterAddresses: [address] }) as CustomFunctions.Invocation).catch((e: unknown) => e);
}

beforeEach(() => setDateSystemSource(1900));
afterEach(() => setCellExplainer(undefined));

describe("PB.UITLEG on office-addin-mock", () => {
  test("reads the referenced cell's formula and its inputs, and spills the receipt as a table; writes nothing", async () => {
    const fake = excel();
    const table = (await call("Register!D2")) as unknown[][];
    expect(Array.isArray(table)).toBe(true);
    // Spill shape: a rectangle of 7 columns: titles, the cell, the call, 3 inputs, 7 parameters, the parameter set.
    expect(table).toHaveLength(1 + 1 + 1 + 3 + 7 + 1);
    expect(table.every((r) => r.length === 7)).toBe(true);
    expect(table[0]).toEqual([...UITLEG_COLUMNS]);
    expect(table[1]).toEqual(["cel", "Register!D2", 1596.56, "", "", "", "Gelijk aan de waarde in de werkmap."]);
    expect(table[2].slice(0, 3)).toEqual(["functie", "PB.LKS", 1596.56]);
    expect(table.slice(3, 6).map((r) => [r[1], r[2], r[6]])).toEqual([
      ["peildatum", "1-7-2023", "uit A2"],
      ["loonwaarde", 0.4, "uit B2"],
      ["uren_per_week", 38, "uit C2"],
    ]);
    // Reading only: no cell written, no sheet added or activated, no recalculation asked. Two syncs: the cell, its inputs.
    expect(fake.writes).toEqual([]);
    expect(fake.added).toEqual([]);
    expect(fake.activated).toEqual([]);
    expect(fake.calculations).toEqual([]);
    expect(fake.syncs()).toBe(2);
  });

  test("a nested formula: a block per PB call, the inner one named after the argument it feeds", async () => {
    excel();
    const table = (await call("'Register'!$D$3")) as unknown[][];
    const functions = table.filter((r) => r[0] === "functie").map((r) => [r[1], r[2]]);
    expect(functions).toEqual([
      ["PB.LKS", 1596.56],
      ["PB.PARAM (gebruikt als leeftijd in PB.LKS)", 21],
    ]);
    expect(table.find((r) => r[1] === "leeftijd")!.slice(1, 3)).toEqual(["leeftijd", 21]);
  });

  test("a cell without a PB formula: #N/A with the reason; a PB.UITLEG cell likewise", async () => {
    excel();
    const sum = (await call("Register!D4")) as { code: string; message: string };
    expect(sum.code).toBe("#N/A");
    expect(sum.message).toBe("Register!D4: bevat geen PB-formule. PB.UITLEG legt alleen cellen met een PB-functie uit.");
    const self = (await call("Register!E4")) as { code: string; message: string };
    expect([self.code, self.message]).toEqual(["#N/A", "Register!E4: bevat zelf een PB.UITLEG. Verwijs naar de cel met het bedrag."]);
    const empty = (await call("Register!A1")) as { code: string };
    expect(empty.code).toBe("#N/A");
  });

  test("a range or no address: #VALUE! resp. #N/A, each with what to do", async () => {
    excel();
    const range = (await call("Register!D2:D3")) as { code: string; message: string };
    expect([range.code, range.message]).toEqual(["#VALUE!", "cel: D2:D3 is een bereik. Verwijs naar één cel, bijvoorbeeld =PB.UITLEG(D2)."]);
    const none = (await call(undefined)) as { code: string; message: string };
    expect(none.code).toBe("#N/A");
    expect(none.message).toMatch(/^PB\.UITLEG: Excel gaf het adres van de cel niet door\./);
  });

  test("a sheet that Excel cannot find: #N/A in Dutch, never Excel's English", async () => {
    excel();
    const r = (await call("Weg!D2")) as { code: string; message: string };
    expect(r.code).toBe("#N/A");
    expect(r.message).toMatch(/^PB\.UITLEG: kon Weg!D2 niet lezen\. /);
    expect(r.message).not.toMatch(/ItemNotFound/);
  });

  test("without Excel (no reader installed): #N/A saying it works only in Excel", async () => {
    const r = (await call("Register!D2")) as { code: string; message: string };
    expect([r.code, r.message]).toEqual(["#N/A", "PB.UITLEG: werkt alleen in Excel met PB Rekenkit geladen. Open de werkmap in Excel om de uitleg te zien."]);
  });
});

test("parameter addresses as Excel writes them: quoted sheet names, $ signs, a workbook prefix", () => {
  expect(splitAddress("'Invoer blad'!$B$1")).toEqual({ sheet: "Invoer blad", address: "B1" });
  expect(splitAddress("'Jan''s blad'!A1:B2")).toEqual({ sheet: "Jan's blad", address: "A1:B2" });
  expect(splitAddress("[Map1.xlsx]Blad1!C3")).toEqual({ sheet: "Blad1", address: "C3" });
  expect(splitAddress("D2")).toEqual({ address: "D2" });
});
