/**
 * The Uitleg view's host actions on office-addin-mock: the active cell explained in two syncs, a spilled cell explained
 * by its formula cell, the selection followed and let go, and "Leg vast op controleblad" appending below an existing
 * audit sheet (or on a new one), never over a cell and without moving the user away from the cell.
 * Figure: PB.LKS(1-7-2023; 0,4; 38) = 1995 × 1,08 × 0,6 × 1,235 = 1596,5586 → 1596,56.
 */
import { createOfficeHost } from "../../src/excel/officeHost";
import { isRefusal, type CellExplanation } from "../../src/excel/hostActions";
import { AUDIT_COLUMNS, AUDIT_TITLE } from "../../src/excel/audit";
import { fakeExcel, useExcel, type FakeSheetData } from "./fakeExcel";

const g = globalThis as Record<string, unknown>;
afterEach(() => {
  delete g.Excel;
  delete g.Office;
});

const register: FakeSheetData = {
  name: "Register",
  formulas: [
    ["", "", "", "", "", ""],
    ["", "", "", "=PB.LKS(A2,B2,C2)", "=PB.VERDEELSLEUTEL(100,{1;1;1})", ""],
    ["", "", "", "", "", ""],
  ],
  formulasLocal: [
    ["", "", "", "", "", ""],
    ["", "", "", "=PB.LKS(A2;B2;C2)", "=PB.VERDEELSLEUTEL(100;{1;1;1})", ""],
    ["", "", "", "", "", ""],
  ],
  values: [
    ["Datum", "Loonwaarde", "Uren", "LKS", "Deel", ""],
    [45108, 0.4, 38, 1596.56, 33.34, ""],
    ["", "", "", "", 33.33, ""],
  ],
  spillParents: { E3: "E2" },
};

/** An audit sheet as "Controleblad schrijven" left it: header, column titles, two rows. */
function auditSheet(name: string): FakeSheetData {
  const header: unknown[][] = [[AUDIT_TITLE], ["Gemaakt op", "1-5-2026"], ["Werkmap", "Proef.xlsx"], ["Versie invoegtoepassing", "0.1.0"], ["Parameterset", "x"], ["Uitkomst", "1 formule"], [""]];
  const values = [...header, [...AUDIT_COLUMNS], ["Register", "D2", "'=PB.LKS(A2,B2,C2)"], ["Register", "D2"]].map((r) => [...r, ...Array(AUDIT_COLUMNS.length - r.length).fill("")]);
  return { name, formulas: values.map((r) => r.map(() => "")), values };
}

async function explained(p: Promise<CellExplanation | { refused: string }>): Promise<CellExplanation> {
  const r = await p;
  if (isRefusal(r)) throw new Error(r.refused);
  return r;
}

describe("explainActiveCell", () => {
  test("the active PB cell: its formula as the user sees it, the inputs read from their cells; two syncs, no writes", async () => {
    const fake = useExcel(fakeExcel([register], { active: { sheet: "Register", address: "D2" } }));
    const e = await explained(createOfficeHost().explainActiveCell());
    expect([e.sheet, e.address, e.formulaLocal, e.workbookValue]).toEqual(["Register", "D2", "=PB.LKS(A2;B2;C2)", 1596.56]);
    expect(e.calls[0].inputs.map((i) => [i.cells, i.value])).toEqual([
      ["A2", 45108],
      ["B2", 0.4],
      ["C2", 38],
    ]);
    expect(e.comparison?.status).toBe("gelijk");
    expect(fake.syncs()).toBe(2);
    expect(fake.writes).toEqual([]);
  });

  test("a cell inside a spilled result is explained by the cell whose formula spilled it", async () => {
    useExcel(fakeExcel([register], { active: { sheet: "Register", address: "E3" } }));
    const e = await explained(createOfficeHost().explainActiveCell());
    expect([e.address, e.spilledFrom, e.calls[0].id]).toEqual(["E2", "Register!E2", "VERDEELSLEUTEL"]);
  });

  test("a label cell: a plain message, not an error", async () => {
    useExcel(fakeExcel([register], { active: { sheet: "Register", address: "A1" } }));
    const e = await explained(createOfficeHost().explainActiveCell());
    expect([e.kind, e.message]).toEqual(["geen-pb", "Deze cel bevat een vaste waarde, geen formule. Uitleg is er voor cellen met een PB-formule."]);
  });

  test("outside Excel: a plain refusal", async () => {
    expect(await createOfficeHost().explainActiveCell()).toEqual({ refused: expect.stringMatching(/^Dit werkt alleen in Excel\./) });
  });
});

describe("watchSelection", () => {
  test("registers for selection changes and sheet switches; stopping removes both", async () => {
    const fake = useExcel(fakeExcel([register], { active: { sheet: "Register", address: "D2" } }));
    let changes = 0;
    const stop = await createOfficeHost().watchSelection(() => changes++);
    expect(fake.handlers).toHaveLength(2);
    await fake.select("Register", "A1");
    expect(changes).toBe(2);
    await stop();
    expect(fake.handlers).toHaveLength(0);
  });
});

describe("recordExplanation (Leg vast op controleblad)", () => {
  test("appends below the newest audit sheet's last row; touches no other cell and does not switch sheets", async () => {
    const fake = useExcel(fakeExcel([register, auditSheet("PB-controle"), auditSheet("PB-controle (2)")], { active: { sheet: "Register", address: "D2" } }));
    const host = createOfficeHost({}, { now: () => new Date(2026, 4, 3, 10, 12) });
    const e = await explained(host.explainActiveCell());
    const r = await host.recordExplanation(e);
    // The audit sheet holds 7 header lines, the titles and 2 rows (rows 1–10): the receipt starts on row 11,
    // one row per parameter of PB.LKS (7).
    expect(r).toEqual({ sheet: "PB-controle (2)", firstRow: 11, rows: 7, created: false });
    expect(fake.writes).toHaveLength(1);
    expect(fake.writes[0]).toMatchObject({ sheet: "PB-controle (2)", row: 10, col: 0 });
    expect(fake.writes[0].values[0].slice(0, 7)).toEqual(["Register", "D2", "'=PB.LKS(A2;B2;C2)", "peildatum = 1-7-2023 (uit A2); loonwaarde = 0,4 (uit B2); uren_per_week = 38 (uit C2)", 1596.56, "1.596,56", "gelijk"]);
    expect(fake.added).toEqual([]);
    expect(fake.activated).toEqual([]);
  });

  test("a workbook without an audit sheet gets a new one (a sheet of the user's named PB-controle is left alone)", async () => {
    const mine: FakeSheetData = { name: "PB-controle", formulas: [[""]], values: [["mijn eigen aantekeningen"]] };
    const fake = useExcel(fakeExcel([register, mine], { active: { sheet: "Register", address: "D2" } }));
    const host = createOfficeHost({}, { now: () => new Date(2026, 4, 3, 10, 12) });
    const r = await host.recordExplanation(await explained(host.explainActiveCell()));
    expect(r).toEqual({ sheet: "PB-controle (2)", firstRow: 9, rows: 7, created: true });
    expect(fake.added).toEqual(["PB-controle (2)"]);
    expect(fake.writes.every((w) => w.sheet === "PB-controle (2)")).toBe(true);
    expect(fake.writes[0].values[0][0]).toBe(AUDIT_TITLE);
    expect(fake.writes[0].values[5]).toEqual(["Uitkomst", "Vastleggingen vanuit Uitleg, één cel per keer", ...Array(AUDIT_COLUMNS.length - 2).fill("")]);
    expect(fake.activated).toEqual([]);
  });

  test("a cell without a PB formula: nothing to record", async () => {
    useExcel(fakeExcel([register], { active: { sheet: "Register", address: "A1" } }));
    const host = createOfficeHost();
    expect(await host.recordExplanation(await explained(host.explainActiveCell()))).toEqual({ refused: "Deze cel bevat geen PB-formule; er is niets vast te leggen." });
  });
});
