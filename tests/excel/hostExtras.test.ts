/**
 * What the pane needs from Excel besides reading and writing: where it runs (theme, language), Office errors turned
 * into Dutch instructions, "Ga naar cel", templates already in the workbook, cancelling a scan, and a scan in a 1904
 * workbook. Office.js is office-addin-mock (fakeExcel.ts).
 * Figure: a 1904 workbook stores 1-7-2023 as 45108 − 1462 = 43646; PB.LKS(1-7-2023; 0,4; 38) = 1.596,56.
 */
import { createOfficeHost } from "../../src/excel/officeHost";
import { isRefusal, type Refusal, type ScanResult } from "../../src/excel/hostActions";
import { HostError, NOT_IN_EXCEL, officeErrorText } from "../../src/excel/officeErrors";
import { OUTSIDE, paneContext } from "../../src/excel/officeContext";
import { fakeExcel, useExcel, type FakeSheetData } from "./fakeExcel";

const g = globalThis as Record<string, unknown>;
afterEach(() => {
  delete g.Excel;
  delete g.Office;
});

function sheet(date: number, shown: number): FakeSheetData {
  return { name: "Register", formulas: [["", "", "", "=PB.LKS(A1,B1,C1)"]], values: [[date, 0.4, 38, shown]] };
}

async function scanned(p: Promise<ScanResult | Refusal>): Promise<ScanResult> {
  const r = await p;
  if (isRefusal(r)) throw new Error(r.refused);
  return r;
}

describe("where the pane runs", () => {
  const office = (ctx: Record<string, unknown>) => ({ HostType: { Excel: "Excel" }, context: { host: "Excel", ...ctx } }) as unknown as typeof Office;

  test("Office's dark theme and display language; outside Office: Dutch, light, not in Excel", () => {
    expect(paneContext(office({ displayLanguage: "en-US", officeTheme: { bodyBackgroundColor: "#1f1f1f" } }))).toEqual({ inExcel: true, displayLanguage: "en-US", theme: "dark" });
    expect(paneContext(office({ displayLanguage: "nl-NL", officeTheme: { bodyBackgroundColor: "#ffffff" } }))).toEqual({ inExcel: true, displayLanguage: "nl-NL", theme: "light" });
    expect(paneContext(undefined)).toBe(OUTSIDE);
  });
});

describe("Office errors in Dutch", () => {
  test("a known code becomes what to do; anything else a general instruction, never the English text", () => {
    expect(officeErrorText({ code: "InvalidOperationInCellEditMode", message: "RichApi.Error: The operation is not allowed in cell edit mode." })).toBe(
      "Excel is bezig met het bewerken van een cel. Druk op Enter of Esc en probeer het opnieuw.",
    );
    expect(officeErrorText(new Error("RichApi.Error: Something odd"))).toMatch(/^Excel voerde de opdracht niet uit\./);
  });

  test("an action that Excel refuses rejects with a HostError in Dutch; outside Excel every action refuses plainly", async () => {
    useExcel(fakeExcel([]));
    (g.Excel as { run: unknown }).run = async () => Promise.reject(Object.assign(new Error("RichApi.Error: Access denied"), { code: "AccessDenied" }));
    const err = await createOfficeHost().insertFormula("=PB.VERSIE()").catch((e) => e);
    expect(err).toBeInstanceOf(HostError);
    expect(err.message).toMatch(/^Excel staat deze wijziging niet toe/);
    delete g.Office;
    expect(await createOfficeHost().insertFormula("=PB.VERSIE()")).toEqual({ refused: NOT_IN_EXCEL });
    expect(await createOfficeHost().scanWorkbook()).toEqual({ refused: NOT_IN_EXCEL });
  });
});

describe("Ga naar cel, templates in the workbook, cancel, 1904", () => {
  test("selectCell activates the sheet and selects the cell; a sheet that is gone is a refusal", async () => {
    const fake = useExcel(fakeExcel([sheet(45108, 1596.56)]));
    expect(await createOfficeHost().selectCell("Register", "D1")).toEqual({ address: "Register!D1" });
    expect(fake.activated).toEqual(["Register"]);
    expect(fake.selectedCells).toEqual(["Register!D1"]);
    expect(await createOfficeHost().selectCell("Weg", "A1")).toEqual({ refused: 'Het blad "Weg" bestaat niet meer; controleer de werkmap opnieuw.' });
  });

  test("templates already in the workbook are found by their marker in A2", async () => {
    const marked: FakeSheetData = {
      name: "SiSa 2014",
      formulas: [[""], [""]],
      values: [["SiSa"], ["PB Rekenkit · sjabloon SISA-WPB · versie 1 · blad bijlage · invoeging 1"]],
    };
    useExcel(fakeExcel([marked, sheet(45108, 1596.56)]));
    expect(await createOfficeHost().templatesInWorkbook()).toEqual([{ id: "SISA-WPB", sheets: ["SiSa 2014"] }]);
  });

  test("an aborted scan says so and changes nothing", async () => {
    const fake = useExcel(fakeExcel([sheet(45108, 1596.56)]));
    const ac = new AbortController();
    ac.abort();
    expect(await createOfficeHost().scanWorkbook(undefined, ac.signal)).toEqual({ refused: "Controle afgebroken; er is niets gewijzigd." });
    expect(fake.writes).toEqual([]);
  });

  test("a 1904 workbook: 43646 is 1-7-2023 there, so 1.596,56 is gelijk; read as 1900 it would be 30-6-2019", async () => {
    useExcel(fakeExcel([sheet(43646, 1596.56)], { date1904: true }));
    const scan = await scanned(createOfficeHost().scanWorkbook());
    expect(scan.formulas[0].status).toBe("gelijk");
    useExcel(fakeExcel([sheet(43646, 1596.56)]));
    expect((await scanned(createOfficeHost().scanWorkbook())).formulas[0].status).toBe("verschil");
  });
});
