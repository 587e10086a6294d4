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
import { EXCEL_FUNCTION_IDS as FUNCTION_IDS } from "../../src/functions/registry";
import { fakeHost } from "./fakeHost";


// Fluent renders slowly in jsdom; on a loaded machine a test with several panels takes seconds (a limit, not a timing assertion).
jest.setTimeout(60_000);
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
  test("every function Excel registers is listed (PB.UITLEG too); descriptions come from functions.json", () => {
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
    expect(wml.textContent).toContain("geldig vanaf 1-7-2023");
    // The confidence in words and the link to the text; never the research note behind the value.
    expect(wml.textContent).toContain("bron: wettekst of twee bronnen eens");
    expect(within(wml).getByRole("link", { name: "tekst op wetten.overheid.nl" }).getAttribute("href")).toBe("https://wetten.overheid.nl/BWBR0002638");
    expect(screen.getByRole("link", { name: "Helppagina van PB.LKS" }).getAttribute("href")).toBe("help/lks.html");
  });

  test("the example and signature as a Dutch Excel reads them; in an English Excel the invariant form", async () => {
    let view!: ReturnType<typeof render>;
    await act(async () => {
      view = render(<FunctionsPanel loadMetadata={async () => META} insertFormula={fakeHost().insertFormula} today="2023-07-01" lang="nl" />);
    });
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "PB.LKS" })));
    expect(screen.getByText("=PB.LKS(DATUM(2023;7;1);0,4;38)")).toBeTruthy();
    expect(screen.getByText("PB.LKS(peildatum; loonwaarde; uren_per_week; [leeftijd]; [voltijduren])")).toBeTruthy();
    view.unmount();
    await act(async () => {
      render(<FunctionsPanel loadMetadata={async () => META} insertFormula={fakeHost().insertFormula} today="2023-07-01" lang="en" />);
    });
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "PB.LKS" })));
    expect(screen.getByText("=PB.LKS(DATE(2023,7,1),0.4,38)")).toBeTruthy();
  });

  test("the peildatum is typed as a Dutch user writes it (1-7-2023)", async () => {
    await act(async () => {
      render(<FunctionsPanel loadMetadata={async () => META} insertFormula={fakeHost().insertFormula} today="2023-07-01" />);
    });
    const input = screen.getByRole("textbox", { name: "Peildatum bronnen" }) as HTMLInputElement;
    expect(input.value).toBe("1-7-2023");
    await act(async () => fireEvent.change(input, { target: { value: "1-1-2018" } }));
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "PB.LKS" })));
    const sources = screen.getByRole("list", { name: "Bronnen van PB.LKS" });
    expect(within(sources).getByText("lks.werkgeverslasten").closest("li")!.textContent).toContain("Stcrt. 2017, 68248; geldig vanaf 1-1-2018");
    await act(async () => fireEvent.change(input, { target: { value: "31-2-2018" } }));
    expect(screen.getByText("Vul een datum in, bijvoorbeeld 1-7-2023.")).toBeTruthy();
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
    // Written in the invariant form; the confirmation shows it as the user reads it, right under the button.
    expect(calls).toEqual(["=PB.LKS(DATE(2023,7,1),0.4,38)"]);
    expect(screen.getByRole("status", { name: "Uitkomst PB.LKS" }).textContent).toContain("=PB.LKS(DATUM(2023;7;1);0,4;38) staat nu in Blad1!B2");
    answer = { refused: "Cel B2 is niet leeg" };
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "PB.LKS: voorbeeld invoegen in cel" })));
    expect(screen.getByRole("status").textContent).toContain("Cel B2 is niet leeg");
  });

  test("search filters; a missing functions.json still lists the functions", async () => {
    await act(async () => {
      render(<FunctionsPanel loadMetadata={async () => Promise.reject(new Error("HTTP 404"))} insertFormula={fakeHost().insertFormula} today="2023-07-01" />);
    });
    // Said in Dutch, without the browser's English ("HTTP 404", "Failed to fetch").
    expect(screen.getByText("De beschrijvingen konden niet worden geladen; argumenten, voorbeelden en bronnen staan er wel.")).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/HTTP 404/);
    expect(screen.getByText(`${FUNCTION_IDS.length} van ${FUNCTION_IDS.length} functies`)).toBeTruthy();
    await act(async () => fireEvent.change(screen.getByRole("textbox", { name: "Zoeken" }), { target: { value: "lksperiode" } }));
    expect(screen.getByText(`1 van ${FUNCTION_IDS.length} functies`)).toBeTruthy();
  });
});

function scanWith(values: (number | { error: string })[]): ScanResult {
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
    // D1 equal, D2 different (1500 ≠ 1596,56), D3 shows #VALUE! (the rules give 1596,56 there: a fout, not gelijk).
    const scan = scanWith([1596.56, 1500, { error: "#VALUE!" }]);
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
    // Busy: the button says so and cannot start a second scan; Afbreken is offered.
    expect(screen.getByRole("button", { name: "Bezig…" }).getAttribute("aria-disabled")).toBe("true");
    expect(screen.getByRole("button", { name: "Afbreken" })).toBeTruthy();
    await act(async () => release());
    expect(onScanArg).toBe(scan);
    rerender(<AuditPanel host={host} lastScan={scan} onScan={() => undefined} />);
    const status = screen.getByRole("status", { name: "Uitkomst controle" }).textContent!;
    expect(status).toContain("1 verschil");
    expect(status).toContain("3 PB-formules op 1 blad: 1 verschil, 1 fout, 0 niet te herberekenen, 1 gelijk");
    const diffs = screen.getByRole("list", { name: "Verschillen (1)" });
    const rows = within(diffs).getAllByRole("listitem");
    expect(rows).toHaveLength(1); // D2: 1500 ≠ 1596,56
    expect(rows[0].textContent).toContain("Register!D2");
    expect(rows[0].textContent).toContain("Werkmap: 1.500");
    expect(rows[0].textContent).toContain("herberekend: 1.596,56");
    // The #VALUE! cell is a fout, with the rules' message — never counted as gelijk.
    const errors = within(screen.getByRole("list", { name: "Fouten in cellen (1)" })).getAllByRole("listitem");
    expect(errors[0].textContent).toContain("Register!D3");
    expect(errors[0].textContent).toContain("De cel toont #VALUE!; herberekend: 1.596,56.");
    await act(async () => fireEvent.click(within(rows[0]).getByRole("button", { name: "Ga naar cel Register!D2" })));
    expect(host.calls).toContain("selectCell Register!D2");
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Controleblad schrijven" })));
    expect(host.calls).toContain("writeAuditSheet");
    expect(screen.getByRole("status", { name: "Uitkomst controle" }).textContent).toContain('Controleblad "PB-controle" gemaakt met 1 regel.');
  });

  test("Afbreken cancels the scan: the host sees the abort and the pane says nothing was changed", async () => {
    let seen: AbortSignal | undefined;
    const host = fakeHost({
      scanWorkbook: (_p, signal) =>
        new Promise((resolve) => {
          seen = signal;
          signal?.addEventListener("abort", () => resolve({ refused: "Controle afgebroken; er is niets gewijzigd." }));
        }),
    });
    render(<AuditPanel host={host} onScan={() => undefined} />);
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Werkmap controleren" })));
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Afbreken" })));
    expect(seen?.aborted).toBe(true);
    expect(screen.getByRole("status", { name: "Uitkomst controle" }).textContent).toContain("Controle afgebroken; er is niets gewijzigd.");
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
  test("a Wpb year (2012): the Wpb terms from PB.DEADLINE, dates as 15-7-2013, weekend marked, sources in words", () => {
    const rows = calendarRows(2012);
    if ("unavailable" in rows) throw new Error(rows.unavailable);
    expect(Object.fromEntries(rows.map((r) => [r.soort, r.date]))).toEqual({
      sisa: "15-7-2013 (maandag)",
      "sisa-gr": "15-7-2013 (maandag)",
      beeld: "28-2-2013 (donderdag)",
      vaststelling: "30-9-2011 (vrijdag)",
      terugvordering: "31-1-2014 (vrijdag)",
      "terugvordering-gr": "31-1-2015 (zaterdag)",
    });
    // 31-1-2015 is a Saturday: marked, with the next working day, Monday 2-2-2015.
    expect(rows.find((r) => r.soort === "terugvordering-gr")).toMatchObject({ nonWorking: "zaterdag", nextWorking: "2-2-2015 (maandag)" });
    expect(rows[0].sources[0].text).toBe("Regeling informatieverstrekking sisa art. 2; Fvw art. 17a; geldig vanaf 1-1-2009; bron: wettekst of twee bronnen eens");
    expect(rows[0].sources[0].url).toBe("https://wetten.overheid.nl/BWBR0029251");
  });

  test("a Participatiewet year (2016): its own terms, no #N/A rows, and a plain sentence that the Wpb terms do not apply", async () => {
    const rows = calendarRows(2016);
    if ("unavailable" in rows) throw new Error(rows.unavailable);
    // BUIG budget 2016 known by 1-10-2015; SiSa over 2016 by 15-7-2017 (a Saturday); its data for the BUIG of 2018 by 15-8-2017.
    expect(Object.fromEntries(rows.map((r) => [r.soort, r.date]))).toEqual({
      buig: "1-10-2015 (donderdag)",
      sisa: "15-7-2017 (zaterdag)",
      "sisa-gr": "15-7-2017 (zaterdag)",
      "sisa-buig": "15-8-2017 (dinsdag)",
    });
    expect(rows.every((r) => !r.problem)).toBe(true);
    render(<CalendarPanel initialYear={2012} />);
    expect(screen.getByRole("list", { name: "Termijnen voor 2012" })).toBeTruthy();
    expect(screen.getByText("28-2-2013 (donderdag)")).toBeTruthy();
    await act(async () => fireEvent.change(screen.getByRole("spinbutton", { name: "Jaar (T)" }), { target: { value: "2016" } }));
    const list = screen.getByRole("list", { name: "Termijnen voor 2016" });
    expect(within(list).queryByText(/#N\/A|Geen waarde voor/)).toBeNull();
    expect(screen.getByText(/2016 valt onder de Participatiewet\. De termijnen van de Wet participatiebudget .* gelden niet meer/)).toBeTruthy();
    expect(within(list).getAllByText(/Valt op een zaterdag; eerstvolgende werkdag: 17-7-2017 \(maandag\)/)).toHaveLength(2);
    await act(async () => fireEvent.change(screen.getByRole("spinbutton", { name: "Jaar (T)" }), { target: { value: "12" } }));
    expect(screen.getByText("Vul een jaartal in, bijvoorbeeld 2014.")).toBeTruthy();
  });
});
