/** @jest-environment jsdom */
/**
 * The pane shell, Sjablonen and Status with faked host actions: every panel opens by mouse and keyboard, templates
 * insert or show the refusal, Status lists registration and the repair guide.
 */
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { App, PANELS } from "../../src/taskpane/App";
import { TemplatesPanel } from "../../src/taskpane/panels/TemplatesPanel";
import { StatusPanel } from "../../src/taskpane/panels/StatusPanel";
import { TEMPLATE_LIST, templateInfo } from "../../src/taskpane/templateList";
import { FUNCTION_IDS } from "../../src/functions/registry";
import { fakeHost, status } from "./fakeHost";

const noMetadata = async () => [];

describe("App", () => {
  test("opens each of the five panels from its tab", async () => {
    render(<App host={fakeHost()} templates={[]} loadFunctionMetadata={noMetadata} today="2014-03-01" />);
    expect(screen.getByRole("heading", { level: 1, name: "PB Rekenkit" })).toBeTruthy();
    expect(screen.getAllByRole("tab")).toHaveLength(PANELS.length);
    for (const p of PANELS) {
      await act(async () => fireEvent.click(screen.getByRole("tab", { name: p.label })));
      expect(screen.getByRole("heading", { level: 2, name: p.label })).toBeTruthy();
      expect(screen.getByRole("tabpanel").getAttribute("aria-labelledby")).toBe(`tab-${p.id}`);
    }
  });

  test("a day after the minimum wage tables end shows the sources on their last day (2026-12-31), not #N/A everywhere", async () => {
    render(<App host={fakeHost()} templates={[]} loadFunctionMetadata={noMetadata} today="2027-02-01" initialPanel="functies" />);
    expect((screen.getByRole("textbox", { name: "Peildatum bronnen" }) as HTMLInputElement).value).toBe("2026-12-31");
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

  test("Invoegen shows the sheets created", async () => {
    const host = fakeHost();
    render(<TemplatesPanel templates={[{ id: "SISA", title: "SiSa", description: "Bijlage", years: "2009–2014" }]} insertTemplate={host.insertTemplate} />);
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Sjabloon SiSa invoegen" })));
    expect(host.calls).toEqual(["insertTemplate SISA"]);
    expect(screen.getByRole("status").textContent).toContain("Nieuwe bladen: SiSa 2014");
  });

  test("a refusal is shown with its reason", async () => {
    const host = fakeHost({ insertTemplate: async () => ({ refused: "Het blad bestaat al." }) });
    render(<TemplatesPanel templates={[{ id: "SISA", title: "SiSa", description: "Bijlage", years: "2009–2014" }]} insertTemplate={host.insertTemplate} />);
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Sjabloon SiSa invoegen" })));
    expect(screen.getByRole("status").textContent).toContain("Niet ingevoegd");
    expect(screen.getByRole("status").textContent).toContain("Het blad bestaat al.");
  });
});

describe("Status", () => {
  test("versions, API sets and all functions registered", async () => {
    await act(async () => {
      render(<StatusPanel getStatus={async () => status()} />);
    });
    expect(screen.getByText("2026.11.0 (controlegetal 0123456789abcdef)")).toBeTruthy();
    expect(screen.getByText(`Functies in deze runtime: ${FUNCTION_IDS.length} van ${FUNCTION_IDS.length} geregistreerd`)).toBeTruthy();
    expect(screen.queryByText(/niet geregistreerd/)).toBeNull();
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
    expect(screen.getByText(`Functies in deze pagina geladen: 0 van ${FUNCTION_IDS.length} (buiten Excel niet bij Excel geregistreerd)`)).toBeTruthy();
    expect(screen.getAllByText(/\(niet geregistreerd\)/)).toHaveLength(FUNCTION_IDS.length);
    expect(screen.getByText(/3 cel\(len\) met #NAME\?, 1 met #BUSY!, 2 formule\(s\)/)).toBeTruthy();
  });
});
