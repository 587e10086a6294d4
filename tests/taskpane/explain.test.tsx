/** @jest-environment jsdom */
/**
 * The Uitleg view with faked host actions: the host answers with real explanations (src/excel/explain.ts on a small
 * register), the selection is moved through the watcher the view registered.
 * Figures: PB.LKS(1-7-2023; 0,4; 38) = 1995 × 1,08 × 0,6 × 1,235 = 1596,5586 → 1596,56; nested
 * PB.PARAM("wml.volwassenleeftijd"; 1-7-2023) = 21 (adult, the same 1596,56).
 */
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { ExplainPanel } from "../../src/taskpane/panels/ExplainPanel";
import { explainCell, type CellExplanation } from "../../src/excel/explain";
import { WorkbookData } from "../../src/excel/recompute";
import type { ReceiptInCellState } from "../../src/excel/hostActions";
import { fakeHost } from "./fakeHost";

jest.setTimeout(60_000);

const data = new WorkbookData();
data.add({ sheet: "Register", rowIndex: 0, columnIndex: 0, formulas: [], values: [["Datum", "Loonwaarde", "Uren", "LKS"], [45108, 0.4, 38, 1596.56]] });

const CELLS: Record<string, CellExplanation> = {
  D2: explainCell({ sheet: "Register", address: "D2", formula: "=PB.LKS(A2,B2,C2)", formulaLocal: "=PB.LKS(A2;B2;C2)", value: 1596.56 }, data),
  D3: explainCell(
    {
      sheet: "Register",
      address: "D3",
      formula: '=PB.LKS(A2,B2,C2,PB.PARAM("wml.volwassenleeftijd",A2))',
      formulaLocal: '=PB.LKS(A2;B2;C2;PB.PARAM("wml.volwassenleeftijd";A2))',
      value: 1596.56,
    },
    data,
  ),
  A1: explainCell({ sheet: "Register", address: "A1", formula: "Datum", value: "Datum" }, data),
  D4: explainCell({ sheet: "Register", address: "D4", formula: "=PB.LKS(A2,B2,C2)", value: { error: "#NAME?" } }, data),
};

/** A host whose active cell the test moves; `change()` is what Excel's selection event would do. */
function selectableHost(start: string, receipt: ReceiptInCellState = { supported: true, on: false }) {
  let active = start;
  let onChange: (() => void) | undefined;
  const host = fakeHost({
    explainActiveCell: async () => {
      host.calls.push(`explain ${active}`);
      return CELLS[active];
    },
    watchSelection: async (fn) => {
      onChange = fn;
      host.calls.push("watch");
      return async () => {
        host.calls.push("unwatch");
      };
    },
    getReceiptInCell: async () => receipt,
  });
  return {
    host,
    select(address: string) {
      active = address;
      onChange?.();
    },
  };
}

async function show(start: string, extra: Partial<Parameters<typeof ExplainPanel>[0]> = {}, receipt?: ReceiptInCellState) {
  const s = selectableHost(start, receipt);
  let view!: ReturnType<typeof render>;
  await act(async () => {
    view = render(<ExplainPanel host={s.host} debounceMs={20} {...extra} />);
  });
  await screen.findByText(`Register!${start}`);
  return { ...s, view };
}

describe("Uitleg", () => {
  test("a PB cell: formula as typed, outcome equal to the workbook, rule with article, inputs with cells, parameters with sources", async () => {
    await show("D2");
    expect(screen.getByText("=PB.LKS(A2;B2;C2)")).toBeTruthy();
    expect(screen.getByText("Gelijk aan de waarde in de werkmap.")).toBeTruthy();
    expect(screen.getByRole("heading", { level: 3, name: "PB.LKS = 1.596,56" })).toBeTruthy();
    expect(screen.getByText(/^Participatiewet art\. 10d lid 4; Regeling LKS Pwet art\. 1/)).toBeTruthy();
    const inputs = screen.getByLabelText("Invoer van PB.LKS");
    expect(within(inputs).getAllByRole("definition").map((d) => d.textContent)).toEqual(["1-7-2023 (uit A2)", "0,4 (uit B2)", "38 (uit C2)"]);
    const params = screen.getByRole("list", { name: "Parameters van PB.LKS" });
    const wml = within(params).getByText("wml.maand").closest("li")!;
    expect(wml.textContent).toContain("= 1.995 EUR/maand");
    expect(wml.textContent).toContain("geldig van 1-7-2023 tot en met 31-12-2023");
    expect(wml.textContent).toContain("bron: wettekst of twee bronnen eens");
    expect(within(wml).getByRole("link", { name: "tekst op wetten.overheid.nl" }).getAttribute("href")).toBe("https://wetten.overheid.nl/BWBR0002638");
    expect(within(params).getAllByRole("listitem")).toHaveLength(7);
  });

  test("a nested PB formula: each call on its own, the inner one saying what it feeds", async () => {
    await show("D3");
    expect(screen.getByRole("heading", { level: 3, name: "PB.LKS = 1.596,56" })).toBeTruthy();
    expect(screen.getByRole("heading", { level: 3, name: "PB.PARAM = 21" })).toBeTruthy();
    expect(screen.getByText(/— gebruikt als leeftijd in PB\.LKS$/)).toBeTruthy();
    expect(within(screen.getByLabelText("Invoer van PB.LKS")).getAllByRole("definition").map((d) => d.textContent)[3]).toBe("21 (uitkomst van PB.PARAM)");
    expect(within(screen.getByRole("list", { name: "Parameters van PB.PARAM" })).getAllByRole("listitem")).toHaveLength(1);
  });

  test("a cell that is not a PB formula: a short plain message, no error, nothing to record", async () => {
    await show("A1");
    expect(screen.getByText("Deze cel bevat een vaste waarde, geen formule. Uitleg is er voor cellen met een PB-formule.")).toBeTruthy();
    expect(screen.queryByRole("heading", { level: 3, name: /^PB\./ })).toBeNull();
    expect(screen.getByRole("button", { name: "Leg vast op controleblad" }).getAttribute("aria-disabled")).toBe("true");
  });

  test("a cell showing #NAME?: what to do about it, and how PB Rekenkit computes the formula meanwhile", async () => {
    await show("D4");
    expect(screen.getByText("In de werkmap: #NAME?")).toBeTruthy();
    expect(screen.getByText(/^De cel toont #NAME\?: de PB-functies waren niet geladen.*Hieronder staat hoe PB Rekenkit de formule uitrekent\.$/)).toBeTruthy();
    expect(screen.getByRole("heading", { level: 3, name: "PB.LKS = 1.596,56" })).toBeTruthy();
  });

  test("follows the selection, debounced: three quick moves read the cell once more; it stops listening when closed", async () => {
    const s = await show("D2");
    await act(async () => {
      s.select("A1");
      s.select("D3");
      s.select("D4");
    });
    await screen.findByText("Register!D4");
    await waitFor(() => expect(s.host.calls.filter((c) => c.startsWith("explain"))).toEqual(["explain D2", "explain D4"]));
    s.view.unmount();
    expect(s.host.calls).toContain("unwatch");
  });

  test("Leg vast op controleblad hands the receipt to the host and says where it went", async () => {
    const s = await show("D2");
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Leg vast op controleblad" })));
    expect(s.host.calls).toContain("recordExplanation Register!D2");
    expect(await screen.findByText('Toegevoegd aan controleblad "PB-controle": rij 9 tot en met 17.')).toBeTruthy();
  });

  test("Kopieer puts the receipt on the clipboard as text; when the clipboard refuses, the text is shown to copy by hand", async () => {
    const copied: string[] = [];
    const { view } = await show("D3", { copyText: async (t) => (copied.push(t), true) });
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Kopieer" })));
    expect(copied).toHaveLength(1);
    expect(copied[0].split("\n")[1]).toBe('Formule: =PB.LKS(A2;B2;C2;PB.PARAM("wml.volwassenleeftijd";A2))');
    expect(copied[0]).toContain("    leeftijd = 21 (uitkomst van PB.PARAM)");
    expect(screen.getByText("De uitleg staat op het klembord; plak hem in een e-mail of document.")).toBeTruthy();
    view.unmount();
    await show("D2", { copyText: async () => false });
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Kopieer" })));
    expect((screen.getByRole("textbox", { name: "Uitleg als tekst" }) as HTMLTextAreaElement).value).toMatch(/^Uitleg van Register!D2 \(PB Rekenkit\)\nFormule: =PB\.LKS\(A2;B2;C2\)/);
  });

  test("outside Excel: the host's refusal, said plainly", async () => {
    await act(async () => {
      render(<ExplainPanel host={fakeHost()} />);
    });
    expect(await screen.findByText("Dit werkt alleen in Excel.")).toBeTruthy();
  });
});

describe("Bonnetje in de cel", () => {
  test("switching it on asks the host and says what changed", async () => {
    const s = await show("D2");
    const sw = await screen.findByRole("switch", { name: "Bonnetje in de cel voor deze werkmap" });
    await waitFor(() => expect(sw.hasAttribute("disabled")).toBe(false));
    await act(async () => fireEvent.click(sw));
    expect(s.host.calls).toContain("setReceiptInCell true");
    expect(await screen.findByText(/^Aan voor deze werkmap\. De PB-bedragen zijn opnieuw berekend/)).toBeTruthy();
  });

  test("where Excel cannot show it, the switch is off and disabled and says which Excel can", async () => {
    await show("D2", {}, { supported: false, on: false, why: "Deze versie van Excel kan geen getal met een bonnetje in de cel tonen (nodig: ExcelApi 1.19)." });
    const sw = await screen.findByRole("switch", { name: "Bonnetje in de cel voor deze werkmap" });
    await screen.findByText(/nodig: ExcelApi 1\.19/);
    expect(sw.hasAttribute("disabled")).toBe(true);
    expect((sw as HTMLInputElement).checked).toBe(false);
  });
});
