/** @jest-environment jsdom */
/**
 * Functies, Controle and Kalender with faked host actions.
 * Figures: PB.LKS(1-7-2023; 0,4; 38) = 1995 × 1,08 × 0,6 × 1,235 = 1596,56.
 * Kalender 2012 (Wpb; parameters deadline.*): SiSa 15-7-2013, beeld 28-2-2013, vaststelling 30-9-2011,
 * terugvordering 31-12-2012 + 13 maanden = 31-1-2014, bij een GR + 25 maanden = 31-1-2015.
 */
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { FunctionsPanel } from "../../src/taskpane/panels/FunctionsPanel";
import { AuditPanel } from "../../src/taskpane/panels/AuditPanel";
import { CalendarPanel, calendarRows } from "../../src/taskpane/panels/CalendarPanel";
import { functionDocs, signature } from "../../src/taskpane/functionDocs";
import type { FunctionMetadata } from "../../src/taskpane/types";
import type { ScanResult } from "../../src/excel/hostActions";
import { WorkbookData, recomputeCell } from "../../src/excel/recompute";
import { FUNCTION_IDS } from "../../src/functions/registry";
import { fakeHost } from "./fakeHost";

const META: FunctionMetadata[] = [
  {
    id: "LKS",
    name: "LKS",
    description: "Loonkostensubsidie per maand voor één werknemer.",
    parameters: [
      { name: "peildatum", description: "Datum waarop de subsidie geldt." },
      { name: "loonwaarde", description: "Loonwaarde als fractie." },
      { name: "uren_per_week", description: "Uren per week." },
      { name: "leeftijd", description: "Leeftijd in jaren.", optional: true },
      { name: "voltijduren", description: "Voltijduren.", optional: true },
    ],
  },
];

describe("Functies", () => {
  test("every registry function is listed; descriptions come from functions.json", () => {
    const docs = functionDocs(META);
    expect(docs.map((d) => d.id)).toEqual([...FUNCTION_IDS]);
    const lks = docs.find((d) => d.id === "LKS")!;
    expect(lks.description).toBe("Loonkostensubsidie per maand voor één werknemer.");
    expect(signature(lks)).toBe("PB.LKS(peildatum; loonwaarde; uren_per_week; [leeftijd]; [voltijduren])");
    expect(lks.example).toBe("=PB.LKS(DATE(2023,7,1),0.4,38)");
  });

  test("opening a function shows its arguments, example and the sources of its parameters on the peildatum", async () => {
    await act(async () => {
      render(<FunctionsPanel loadMetadata={async () => META} insertFormula={fakeHost().insertFormula} today="2023-07-01" />);
    });
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "PB.LKS" })));
    const args = screen.getByLabelText("Argumenten van PB.LKS");
    expect(within(args).getAllByRole("definition").map((d) => d.textContent)).toContain("Loonwaarde als fractie.");
    expect(within(args).getByText("leeftijd (optioneel)")).toBeTruthy();
    const sources = screen.getByRole("list", { name: "Bronnen van PB.LKS" });
    // wml.maand on 1-7-2023 is the value valid from 2023-07-01.
    const wml = within(sources).getByText("wml.maand").closest("li")!;
    expect(wml.textContent).toContain("geldig vanaf 2023-07-01");
  });

  test("Invoegen in cel sends the example formula, and shows a refusal", async () => {
    const calls: string[] = [];
    let answer: { address: string } | { refused: string } = { address: "Blad1!B2" };
    await act(async () => {
      render(
        <FunctionsPanel
          loadMetadata={async () => META}
          insertFormula={async (f) => {
            calls.push(f);
            return answer;
          }}
          today="2023-07-01"
        />,
      );
    });
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "PB.LKS" })));
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "PB.LKS: voorbeeld invoegen in cel" })));
    expect(calls).toEqual(["=PB.LKS(DATE(2023,7,1),0.4,38)"]);
    expect(screen.getByRole("status").textContent).toContain("staat nu in Blad1!B2");
    answer = { refused: "Cel B2 is niet leeg" };
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "PB.LKS: voorbeeld invoegen in cel" })));
    expect(screen.getByRole("status").textContent).toContain("Cel B2 is niet leeg");
  });

  test("search filters; a missing functions.json still lists the functions", async () => {
    await act(async () => {
      render(<FunctionsPanel loadMetadata={async () => Promise.reject(new Error("HTTP 404"))} insertFormula={fakeHost().insertFormula} today="2023-07-01" />);
    });
    expect(screen.getByText(/Beschrijvingen konden niet worden geladen \(HTTP 404\)/)).toBeTruthy();
    expect(screen.getByText(`${FUNCTION_IDS.length} van ${FUNCTION_IDS.length} functies`)).toBeTruthy();
    await act(async () => fireEvent.change(screen.getByRole("textbox", { name: "Zoeken" }), { target: { value: "lksperiode" } }));
    expect(screen.getByText(`1 van ${FUNCTION_IDS.length} functies`)).toBeTruthy();
  });
});

function scanWith(values: number[]): ScanResult {
  const data = new WorkbookData();
  data.add({ sheet: "Register", rowIndex: 0, columnIndex: 0, formulas: [], values: [[45108, 0.4, 38]] });
  return {
    sheetsScanned: 1,
    cellsRead: 4,
    millis: 5,
    symptoms: { name: 0, busy: 0, xldudf: 0 },
    formulas: values.map((v, i) => recomputeCell("Register", i, 3, "=PB.LKS($A$1,$B$1,$C$1)", v, data)),
  };
}

describe("Controle", () => {
  test("scan with progress, then the differences and the audit sheet", async () => {
    const scan = scanWith([1596.56, 1500]);
    let onScanArg: ScanResult | undefined;
    let release!: () => void;
    const host = fakeHost({
      scanWorkbook: (progress) =>
        new Promise((resolve) => {
          progress?.({ step: "Cellen lezen (2 van 4)", done: 2, total: 4 });
          release = () => resolve(scan);
        }),
    });
    const { rerender } = render(<AuditPanel host={host} onScan={(s) => (onScanArg = s)} />);
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Werkmap controleren" })));
    const bar = screen.getByRole("progressbar", { name: "Cellen lezen (2 van 4)" });
    expect(bar.getAttribute("aria-valuenow")).toBe("0.5");
    expect((screen.getByRole("button", { name: "Werkmap controleren" }) as HTMLButtonElement).disabled).toBe(true);
    await act(async () => release());
    expect(onScanArg).toBe(scan);
    rerender(<AuditPanel host={host} lastScan={scan} onScan={() => undefined} />);
    expect(screen.getByRole("status").textContent).toContain("1 verschil(len)");
    const table = screen.getByRole("table", { name: "Verschillen en niet herberekende formules" });
    const rows = within(table).getAllByRole("row");
    expect(rows).toHaveLength(2); // header + D2 (1500 ≠ 1596,56)
    expect(rows[1].textContent).toContain("Register!D2");
    expect(rows[1].textContent).toContain("1.500");
    expect(rows[1].textContent).toContain("1.596,56");
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Controleblad schrijven" })));
    expect(host.calls).toContain("writeAuditSheet");
    expect(screen.getByRole("status").textContent).toContain('Controleblad "PB-controle" gemaakt');
  });

  test("template checks list each result; a refusal is shown", async () => {
    const host = fakeHost({
      runChecks: async () => [
        { title: "Jaar ingevuld", ok: true },
        { title: "Bedrag G2/01 ingevuld", ok: false, sheet: "SiSa", address: "D7", detail: "leeg" },
      ],
    });
    render(<AuditPanel host={host} onScan={() => undefined} />);
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Sjablooncontroles uitvoeren" })));
    const list = screen.getByRole("list", { name: "Uitkomst sjablooncontroles" });
    expect(within(list).getAllByRole("listitem").map((li) => li.textContent)).toEqual([
      "In orde: Jaar ingevuld",
      "Niet in orde: Bedrag G2/01 ingevuld (SiSa!D7) — leeg",
    ]);
    const refusing = fakeHost({ runChecks: async () => ({ refused: "Geen sjabloon in deze werkmap." }) });
    render(<AuditPanel host={refusing} onScan={() => undefined} />);
    await act(async () => fireEvent.click(screen.getAllByRole("button", { name: "Sjablooncontroles uitvoeren" })[1]));
    expect(screen.getAllByRole("status")[1].textContent).toContain("Geen sjabloon in deze werkmap.");
  });
});

describe("Kalender", () => {
  test("the §6 dates of 2012 from PB.DEADLINE, with sources", () => {
    const rows = calendarRows(2012);
    if ("unavailable" in rows) throw new Error(rows.unavailable);
    expect(Object.fromEntries(rows.map((r) => [r.soort, r.date]))).toEqual({
      sisa: "maandag 15 juli 2013",
      "sisa-gr": "maandag 15 juli 2013",
      beeld: "donderdag 28 februari 2013",
      vaststelling: "vrijdag 30 september 2011",
      terugvordering: "vrijdag 31 januari 2014",
      "terugvordering-gr": "zaterdag 31 januari 2015",
    });
    expect(rows[0].sources.join(" ")).toMatch(/deadline\.sisa \(geldig vanaf 2009-01-01\)/);
  });

  test("a year outside the tables shows the #N/A reason instead of a date; the year is editable", async () => {
    render(<CalendarPanel initialYear={2012} />);
    expect(screen.getByRole("table", { name: "Termijnen voor 2012" })).toBeTruthy();
    expect(screen.getByText("donderdag 28 februari 2013")).toBeTruthy();
    await act(async () => fireEvent.change(screen.getByRole("spinbutton", { name: "Jaar (T)" }), { target: { value: "2016" } }));
    const table = screen.getByRole("table", { name: "Termijnen voor 2016" });
    expect(within(table).getAllByText(/#N\/A Geen waarde voor/).length).toBeGreaterThan(0);
    await act(async () => fireEvent.change(screen.getByRole("spinbutton", { name: "Jaar (T)" }), { target: { value: "12" } }));
    expect(screen.getByText("Vul een jaartal in, bijvoorbeeld 2014.")).toBeTruthy();
  });
});
