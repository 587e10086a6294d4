/** @jest-environment jsdom */
/**
 * The pane shell, Sjablonen and Status with faked host actions: every panel opens by mouse and keyboard, templates
 * insert or show the refusal, Status lists registration and the repair guide.
 */
import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { App, PANELS } from "../../src/taskpane/App";
import { TemplatesPanel } from "../../src/taskpane/panels/TemplatesPanel";
import { StatusPanel } from "../../src/taskpane/panels/StatusPanel";
import { TEMPLATE_LIST, templateInfo } from "../../src/taskpane/templateList";
import { EXCEL_FUNCTION_IDS as FUNCTION_IDS } from "../../src/functions/registry";
import { fakeHost, status } from "./fakeHost";
import { ADDIN_URL } from "../../src/addinUrl";


// Fluent renders slowly in jsdom; on a loaded machine a test with several panels takes seconds (a limit, not a timing assertion).
jest.setTimeout(60_000);
const noMetadata = async () => [];

/**
 * Open a view the way a user does: its tab, or — when the tab did not fit and moved into the menu — "Meer" and then
 * the menu item. jsdom lays nothing out (width 0), so here the navigation always folds down to its minimum of two tabs.
 */
async function openPanel(label: string): Promise<void> {
  const tab = screen.queryByRole("tab", { name: label });
  if (tab) {
    await act(async () => fireEvent.click(tab));
    return;
  }
  await act(async () => fireEvent.click(screen.getByRole("button", { name: /^Meer onderdelen/ })));
  await act(async () => fireEvent.click(await screen.findByRole("menuitem", { name: label }, { timeout: 15_000 })));
}

describe("App", () => {
  test("opens each of the five panels, from its tab or from the Meer menu", async () => {
    render(<App host={fakeHost()} templates={[]} loadFunctionMetadata={noMetadata} today="2014-03-01" />);
    expect(screen.getByRole("heading", { level: 1, name: "PB Rekenkit" })).toBeTruthy();
    for (const p of PANELS) {
      await openPanel(p.label);
      expect(screen.getByRole("heading", { level: 2, name: p.label })).toBeTruthy();
      expect(screen.getByRole("tabpanel").getAttribute("aria-labelledby")).toBe(`tab-${p.id}`);
      // The open view's tab is never the one folded away.
      expect(screen.getByRole("tab", { selected: true }).id).toBe(`tab-${p.id}`);
    }
  });

  test("outside Excel the pane says plainly that it works only inside Excel; in Excel it does not", () => {
    const { unmount } = render(<App host={fakeHost()} templates={[]} loadFunctionMetadata={noMetadata} today="2014-03-01" />);
    expect(screen.getByText(/^PB Rekenkit werkt alleen in Excel\./)).toBeTruthy();
    unmount();
    render(<App host={fakeHost()} templates={[]} loadFunctionMetadata={noMetadata} today="2014-03-01" context={{ inExcel: true, displayLanguage: "nl-NL", theme: "dark" }} />);
    expect(screen.queryByText(/werkt alleen in Excel/)).toBeNull();
  });

  test("a day after the minimum wage tables end shows the sources on their last day (31-12-2026), not #N/A everywhere", async () => {
    await act(async () => {
      render(<App host={fakeHost()} templates={[]} loadFunctionMetadata={noMetadata} today="2027-02-01" initialPanel="functies" />);
    });
    expect((screen.getByRole("textbox", { name: "Peildatum bronnen" }) as HTMLInputElement).value).toBe("31-12-2026");
  });

  test("tabs are focusable buttons in a tablist, the open one marked selected (arrow keys: see the Chromium test)", async () => {
    render(<App host={fakeHost()} templates={[]} loadFunctionMetadata={noMetadata} today="2014-03-01" initialPanel="kalender" />);
    expect(screen.getByRole("tablist")).toBeTruthy();
    for (const tab of screen.getAllByRole("tab")) expect(tab.tagName).toBe("BUTTON");
    expect(screen.getByRole("tab", { selected: true }).id).toBe("tab-kalender");
  });
});

describe("Sjablonen", () => {
  test("lists the real templates with their years", () => {
    expect(TEMPLATE_LIST.length).toBeGreaterThan(0);
    render(<TemplatesPanel templates={TEMPLATE_LIST} insertTemplate={fakeHost().insertTemplate} />);
    const list = screen.getByRole("list", { name: "Beschikbare sjablonen" });
    expect(within(list).getAllByRole("listitem")).toHaveLength(TEMPLATE_LIST.length);
    expect(screen.getByText(TEMPLATE_LIST[0].title)).toBeTruthy();
    expect(templateInfo({ id: "X", title: "t", description: "d", years: { from: 2015, to: null } }).years).toBe("2015–heden");
  });

  const TWO = [
    { id: "SISA", title: "SiSa", description: "Bijlage", years: "2009–2014" },
    { id: "LKS", title: "LKS-register", description: "Register", years: "2015–heden" },
  ];

  test("Invoegen shows the sheets created in that template's own card, announced; the other card stays quiet", async () => {
    const host = fakeHost();
    render(<TemplatesPanel templates={TWO} insertTemplate={host.insertTemplate} templatesInWorkbook={host.templatesInWorkbook} />);
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Sjabloon SiSa invoegen" })));
    expect(host.calls).toEqual(["templatesInWorkbook", "insertTemplate SISA"]);
    const card = screen.getByRole("button", { name: "Sjabloon SiSa invoegen" }).closest("li")!;
    expect(within(card).getByRole("status").textContent).toContain("Nieuwe bladen: SiSa 2014");
    expect(screen.getByRole("status", { name: "Uitkomst LKS-register" }).textContent).toBe("");
  });

  test("while inserting, the buttons say so and cannot be pressed again (no second copy)", async () => {
    let release!: () => void;
    let inserts = 0;
    const host = fakeHost({
      insertTemplate: () => {
        inserts++;
        return new Promise((r) => (release = () => r({ sheets: ["SiSa 2014"] })));
      },
    });
    render(<TemplatesPanel templates={TWO} insertTemplate={host.insertTemplate} templatesInWorkbook={host.templatesInWorkbook} />);
    const button = screen.getByRole("button", { name: "Sjabloon SiSa invoegen" });
    await act(async () => fireEvent.click(button));
    expect(button.textContent).toBe("Bezig…");
    expect(button.getAttribute("aria-disabled")).toBe("true");
    await act(async () => fireEvent.click(button));
    await act(async () => release());
    expect(inserts).toBe(1);
  });

  test("a template already in the workbook asks first; Annuleren inserts nothing, Nog een invoegen inserts", async () => {
    const host = fakeHost({ templatesInWorkbook: async () => [{ id: "SISA", sheets: ["SiSa 2014"] }] });
    render(<TemplatesPanel templates={TWO} insertTemplate={host.insertTemplate} templatesInWorkbook={host.templatesInWorkbook} />);
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Sjabloon SiSa invoegen" })));
    const dialog = await screen.findByRole("alertdialog", {}, { timeout: 15_000 });
    expect(dialog.textContent).toContain('"SiSa" staat al in deze werkmap (SiSa 2014)');
    await act(async () => fireEvent.click(within(dialog).getByRole("button", { name: "Annuleren" })));
    expect(host.calls.some((c) => c.startsWith("insertTemplate"))).toBe(false);
    // A second pane for "Nog een invoegen": reopening within one render races tabster's modalizer in jsdom (the new
    // dialog can stay aria-hidden from the one that just closed), which says nothing about the pane.
    cleanup();
    render(<TemplatesPanel templates={TWO} insertTemplate={host.insertTemplate} templatesInWorkbook={host.templatesInWorkbook} />);
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Sjabloon SiSa invoegen" })));
    await act(async () => fireEvent.click(within(await screen.findByRole("alertdialog", {}, { timeout: 15_000 })).getByRole("button", { name: "Nog een invoegen" })));
    expect(host.calls.filter((c) => c.startsWith("insertTemplate"))).toEqual(["insertTemplate SISA"]);
  });

  test("a refusal is shown with its reason; an unexpected failure in plain Dutch, never the English of the error", async () => {
    const host = fakeHost({ insertTemplate: async () => ({ refused: "Het blad bestaat al." }) });
    render(<TemplatesPanel templates={TWO.slice(0, 1)} insertTemplate={host.insertTemplate} />);
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Sjabloon SiSa invoegen" })));
    expect(screen.getByRole("status").textContent).toContain("Niet ingevoegd");
    expect(screen.getByRole("status").textContent).toContain("Het blad bestaat al.");
    const failing = fakeHost({ insertTemplate: async () => Promise.reject(new ReferenceError("Excel is not defined")) });
    render(<TemplatesPanel templates={TWO.slice(1)} insertTemplate={failing.insertTemplate} />);
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Sjabloon LKS-register invoegen" })));
    const status = screen.getByRole("status", { name: "Uitkomst LKS-register" }).textContent!;
    expect(status).toContain("Er ging iets mis in PB Rekenkit");
    expect(status).not.toMatch(/Excel is not defined/);
  });
});

describe("Status", () => {
  test("versions, API sets and all functions registered", async () => {
    await act(async () => {
      render(<StatusPanel getStatus={async () => status()} />);
    });
    expect(screen.getByText("2026.11.0 (controlegetal 0123456789abcdef)")).toBeTruthy();
    // It says what it knows: the add-in handed the functions to Excel, not that Excel "registered" them.
    expect(screen.getByText(`Functies aangemeld door deze invoegtoepassing: ${FUNCTION_IDS.length} van ${FUNCTION_IDS.length}`)).toBeTruthy();
    expect(screen.queryByText(/niet aangemeld|geregistreerd/)).toBeNull();
    expect(screen.getByText("Excel op het web")).toBeTruthy();
    // The add-in's own address comes from the build (ADDIN_URL), not from the pane's source.
    expect(document.body.textContent).toContain(`controleer of ${ADDIN_URL} bereikbaar is`);
    expect(document.body.textContent).not.toMatch(/OfficeOnline/);
    expect(screen.getByText("#NAME? in een cel met =PB.…")).toBeTruthy();
    expect(screen.getByText("_xldudf_PB_… in de formulebalk")).toBeTruthy();
    expect(screen.getByText("#BUSY! blijft staan")).toBeTruthy();
  });

  test("how long the minimum wage is known: the last day, and from 60 days before it how many are left (31-12-2026 − 1-12-2026 = 30)", async () => {
    await act(async () => {
      render(<StatusPanel getStatus={async () => status()} today="2026-12-01" />);
    });
    expect(screen.getByText("Minimumloon")).toBeTruthy();
    expect(
      screen.getByText("bekend tot en met 31-12-2026: nog 30 dagen; daarna #N/A tot een nieuwere versie van PB Rekenkit het bedrag bevat"),
    ).toBeTruthy();
  });

  test("more than 60 days before the end only the last day is shown (1-9-2026: 121 days left)", async () => {
    await act(async () => {
      render(<StatusPanel getStatus={async () => status()} today="2026-09-01" />);
    });
    expect(screen.getByText("bekend tot en met 31-12-2026")).toBeTruthy();
  });

  test("outside Excel, nothing registered: each function is marked", async () => {
    await act(async () => {
      render(<StatusPanel getStatus={async () => status({ inExcel: false, associated: [] })} lastScan={{ sheetsScanned: 2, cellsRead: 9, formulas: [], symptoms: { name: 3, busy: 1, xldudf: 2 }, millis: 1 }} />);
    });
    expect(screen.getByText(/niet verbonden/)).toBeTruthy();
    expect(screen.getByText(`Functies in deze pagina geladen: 0 van ${FUNCTION_IDS.length} (buiten Excel bij niemand aangemeld)`)).toBeTruthy();
    expect(screen.getAllByText(/\(niet aangemeld\)/)).toHaveLength(FUNCTION_IDS.length);
    // Dutch plurals: 3 cellen, 1 cel, 2 formules.
    expect(screen.getByText(/3 cellen met #NAME\?, 1 cel met #BUSY!, 2 formules nog als _xldudf_ opgeslagen/)).toBeTruthy();
  });
});
