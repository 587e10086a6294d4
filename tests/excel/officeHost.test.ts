/**
 * src/excel/officeHost.ts against office-addin-mock: reads only what was loaded and synced, in a fixed number of
 * syncs; writes the audit on a new sheet only; refuses to overwrite the selected cell.
 * Figure: PB.LKS(1-7-2023; 0,4; 38) = 1995 × 1,08 × 0,6 × 1,235 = 1596,56.
 */
import { createOfficeHost } from "../../src/excel/officeHost";
import { installAssociateRecorder } from "../../src/excel/associateRecorder";
import { ASSOCIATED_KEY } from "../../src/excel/associated";
import { isRefusal, type Refusal, type ScanResult } from "../../src/excel/hostActions";
import { fakeExcel, useExcel, type FakeSheetData } from "./fakeExcel";

const g = globalThis as Record<string, unknown>;

function register(rows: number): FakeSheetData {
  const formulas: string[][] = [["", "", "", ""]];
  const values: unknown[][] = [["Datum", "Loonwaarde", "Uren", "LKS"]];
  for (let i = 2; i <= rows + 1; i++) {
    formulas.push(["", "", "", `=PB.LKS(A${i},B${i},C${i})`]);
    values.push([45108, 0.4, 38, 1596.56]);
  }
  return { name: "Register", formulas, values };
}

// A2 is text a user typed ("#N/A" as a string): only valueTypes tell it from an error, so this sheet fails if the
// code forgets to load them. PB.WML of that text is #VALUE! (not a date).
const other: FakeSheetData = {
  name: "Overig",
  formulas: [
    ["", "=_xldudf_PB_WML(A1)", "=SUM(1,2)"],
    ["", "=PB.WML(A2)", ""],
  ],
  values: [
    [45108, "#NAME?", 3],
    ["#N/A", "#VALUE!", ""],
  ],
  valueTypes: [
    ["Double", "Error", "Double"],
    ["String", "Error", "Empty"],
  ],
};
const empty: FakeSheetData = { name: "Leeg", formulas: [], values: [] };

async function scanned(p: Promise<ScanResult | Refusal>): Promise<ScanResult> {
  const r = await p;
  if (isRefusal(r)) throw new Error(r.refused);
  return r;
}

afterEach(() => {
  delete g.Excel;
  delete g.Office;
});

describe("scanWorkbook", () => {
  test("finds, recomputes and compares every PB formula in three syncs, whatever their number", async () => {
    const fake = fakeExcel([register(50), other, empty]);
    useExcel(fake);
    const progress: string[] = [];
    const scan = await scanned(createOfficeHost().scanWorkbook((p) => progress.push(p.step)));
    expect(fake.syncs()).toBe(3); // sheet names (with the date system), used ranges, one batch of cells
    expect(scan.sheetsScanned).toBe(3);
    expect(scan.cellsRead).toBe(51 * 4 + 2 * 3);
    expect(scan.formulas).toHaveLength(52);
    expect(scan.formulas.filter((f) => f.status === "gelijk")).toHaveLength(50);
    // A cell showing an error is never "gelijk", even when the rules give the same error: it is listed with the reason.
    expect(scan.formulas.find((f) => f.address === "B2" && f.sheet === "Overig")).toMatchObject({
      status: "fout",
      reason: 'De cel toont #VALUE!: peildatum: "#N/A" is geen datum. Verwacht: een Excel-datum (DATUM(2024;7;1)), "2024-07-01" of "1-7-2024".',
    });
    // #NAME? has its own status and the repair hint.
    const wml = scan.formulas.find((f) => f.sheet === "Overig")!;
    expect(wml).toMatchObject({ address: "B1", display: "=PB.WML(A1)", status: "niet-geladen", reason: expect.stringMatching(/Ctrl\+Alt\+F9/) });
    expect(scan.symptoms).toEqual({ name: 1, busy: 0, xldudf: 1 });
    expect(progress[progress.length - 1]).toBe("Klaar");
  });

  test("a large sheet is read in row blocks of at most cellsPerBatch cells", async () => {
    const fake = fakeExcel([register(99)]); // 100 rows × 4 columns = 400 cells
    useExcel(fake);
    const scan = await scanned(createOfficeHost({}, { cellsPerBatch: 100 }).scanWorkbook());
    expect(fake.syncs()).toBe(2 + 4); // 400 / 100 = 4 batches
    expect(scan.formulas).toHaveLength(99);
    expect(scan.formulas.every((f) => f.status === "gelijk")).toBe(true);
    expect(scan.formulas[98].address).toBe("D100");
  });
});

describe("writeAuditSheet", () => {
  test("writes on a new sheet with a unique name, never on existing sheets", async () => {
    const existing: FakeSheetData = { name: "PB-controle", formulas: [[""]], values: [["van de gebruiker"]] };
    const fake = fakeExcel([register(2), existing]);
    useExcel(fake);
    const host = createOfficeHost({}, { now: () => new Date(2026, 0, 2, 9, 30) });
    const scan = await scanned(host.scanWorkbook());
    const before = fake.syncs();
    const r = await host.writeAuditSheet(scan);
    expect(r).toEqual({ sheet: "PB-controle (2)", rows: expect.any(Number) });
    expect(fake.added).toEqual(["PB-controle (2)"]);
    expect(fake.writes.every((w) => w.sheet === "PB-controle (2)")).toBe(true);
    expect(fake.syncs() - before).toBe(3); // names, one block of values, formatting
    const all = fake.writes.flatMap((w) => w.values);
    expect(all[0][0]).toBe("PB Rekenkit — controle van PB-formules");
    expect(all.find((row) => row[0] === "Werkmap")?.[1]).toBe("Proef.xlsx");
    expect(all.filter((row) => row[0] === "Register" && row[1] === "D2" && row[2] === "'=PB.LKS(A2,B2,C2)")).toHaveLength(1);
    expect(fake.frozenRows["PB-controle (2)"]).toBe(8);
    expect(fake.activated).toEqual(["PB-controle (2)"]);
  });

  test("refuses when there is nothing to record", async () => {
    useExcel(fakeExcel([empty]));
    const r = await createOfficeHost().writeAuditSheet({ sheetsScanned: 1, cellsRead: 0, formulas: [], symptoms: { name: 0, busy: 0, xldudf: 0 }, millis: 0 });
    expect(isRefusal(r) && r.refused).toMatch(/geen PB-formules/);
  });
});

describe("insertFormula", () => {
  test("writes into an empty selected cell through range.formulas", async () => {
    const fake = fakeExcel([], { selection: { address: "Blad1!C3", cellCount: 1, formula: "" } });
    useExcel(fake);
    const r = await createOfficeHost().insertFormula("=PB.LKS(DATE(2023,7,1),0.4,38)");
    expect(r).toEqual({ address: "Blad1!C3" });
    expect(fake.selected?.formulas).toEqual([["=PB.LKS(DATE(2023,7,1),0.4,38)"]]);
  });

  test("refuses to overwrite a filled cell and leaves it as it was", async () => {
    const fake = fakeExcel([], { selection: { address: "Blad1!C3", cellCount: 1, formula: "=A1*2" } });
    useExcel(fake);
    const r = await createOfficeHost().insertFormula("=PB.WML(\"2024-01-01\")");
    expect(isRefusal(r) && r.refused).toMatch(/niet leeg.*overschrijft geen cellen/);
    expect(fake.selected?.formulas).toEqual([["=A1*2"]]);
  });

  test("refuses a selection of several cells, and text that is not a formula", async () => {
    useExcel(fakeExcel([], { selection: { address: "Blad1!A1:B2", cellCount: 4, formula: "" } }));
    const r = await createOfficeHost().insertFormula("=PB.VERSIE()");
    expect(isRefusal(r) && r.refused).toMatch(/één cel.*4 cellen/);
    expect(isRefusal(await createOfficeHost().insertFormula("PB.VERSIE()"))).toBe(true);
  });
});

describe("getStatus and the associate recorder", () => {
  test("outside Excel: not connected, no API sets", async () => {
    const s = await createOfficeHost().getStatus();
    expect(s.inExcel).toBe(false);
    expect(s.apiSets.every((a) => !a.supported)).toBe(true);
    expect(s.parameterSetVersion).toMatch(/^\d+\.\d+\.\d+$/);
  });

  test("in Excel: host, platform and API sets as Office reports them", async () => {
    g.Excel = {};
    g.Office = {
      HostType: { Excel: "Excel" },
      context: {
        host: "Excel",
        platform: "PC",
        requirements: { isSetSupported: (name: string) => name !== "CustomFunctionsRuntime" },
      },
    };
    const s = await createOfficeHost().getStatus();
    // The platform in the words a user knows ("Windows", not "PC").
    expect(s).toMatchObject({ inExcel: true, host: "Excel", platform: "Windows" });
    expect(s.apiSets.map((a) => [a.name, a.supported])).toEqual([
      ["ExcelApi", true],
      ["SharedRuntime", true],
      ["CustomFunctionsRuntime", false],
    ]);
  });

  test("records the ids the functions bundle associates and still forwards them to Excel", async () => {
    const forwarded: unknown[] = [];
    const fakeGlobal: Record<string, unknown> = { CustomFunctions: { associate: (id: unknown) => forwarded.push(id) } };
    installAssociateRecorder(fakeGlobal);
    const cf = fakeGlobal.CustomFunctions as { associate: (id: string | Record<string, unknown>, fn?: unknown) => void };
    cf.associate("LKS", () => 0);
    cf.associate({ wml: () => 0 });
    expect(fakeGlobal[ASSOCIATED_KEY]).toEqual(["LKS", "WML"]);
    expect(forwarded).toHaveLength(2);
  });

  test("outside Excel a recording stand-in lets the functions bundle load", () => {
    const bare: Record<string, unknown> = {};
    installAssociateRecorder(bare);
    expect(() => (bare.CustomFunctions as { associate: (id: string) => void }).associate("VERSIE")).not.toThrow();
    expect(bare[ASSOCIATED_KEY]).toEqual(["VERSIE"]);
  });
});
