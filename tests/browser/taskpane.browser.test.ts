/**
 * The BUILT task pane in real headless Chromium, outside Office, at the widths Excel gives it: 270 px (Mac),
 * 320 px (Windows) and 350 px (web). office.js is served from the @microsoft/office-js package (no network; every
 * other outside request is refused and listed). For every panel at every width the test fails on horizontal overflow,
 * on axe-core violations of serious or critical impact in our own markup, and on any console error.
 * Screenshots at 320 px go to test-artifacts/ (copies in docs/screenshots/ for the README when missing or with
 * UPDATE_SCREENSHOTS=1); first-render time, axe results and bundle sizes to test-artifacts/browser-metrics.json.
 * Skips when no Chromium is installed (CI installs Debian's `chromium`).
 */
import * as fs from "fs";
import * as http from "http";
import * as path from "path";
import * as zlib from "zlib";
import type { AddressInfo } from "net";
import type { Browser, Page } from "playwright-core";
import { dist, ensureBuild, root } from "../helpers/build";

const officeJsDir = path.join(root, "node_modules", "@microsoft", "office-js", "dist");
const axeJs = path.join(root, "node_modules", "axe-core", "axe.min.js");
const artifacts = path.join(root, "test-artifacts");
const screenshots = path.join(root, "docs", "screenshots");
const CHROMIUM = process.env.CHROMIUM_PATH ?? ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => fs.existsSync(p));
const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

const WIDTHS = [270, 320, 350];
const PANELS = [
  { id: "sjablonen", label: "Sjablonen" },
  { id: "functies", label: "Functies" },
  { id: "controle", label: "Controle" },
  { id: "uitleg", label: "Uitleg" },
  { id: "status", label: "Status" },
  { id: "kalender", label: "Kalender" },
];

jest.setTimeout(300_000);

const TYPES: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".json": "application/json", ".png": "image/png", ".xml": "application/xml" };

function serve(dir: string): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent((req.url ?? "/").split("?")[0]).replace(/^\/+/, "");
    const file = path.join(dir, rel);
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

function sizes(file: string): { min: number; gzip: number } {
  const buf = fs.readFileSync(file);
  return { min: buf.length, gzip: zlib.gzipSync(buf, { level: 9 }).length };
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * axe-core on the pane's own root (office.js adds nothing there); serious and critical only. Excluded: Fluent's
 * tabster focus sentinels ([data-tabster-dummy]), aria-hidden <i tabindex="0"> elements the library puts at the ends
 * of a focus group to catch Tab and hand focus on; they are the library's mechanism, not our markup.
 */
async function axe(page: Page): Promise<{ violations: AxeViolation[]; minor: string[] }> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: axeJs });
  const r = await page.evaluate(async () => {
    const w = window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: AxeViolation[] }> } };
    return w.axe.run({ include: ["#root"], exclude: ["[data-tabster-dummy]"] }, { resultTypes: ["violations"] });
  });
  const serious = r.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  return { violations: serious, minor: r.violations.filter((v) => !serious.includes(v)).map((v) => `${v.id} (${v.impact})`) };
}

/** Pixels the page is wider than its viewport, and the widest offenders (for the failure message). */
async function overflow(page: Page): Promise<{ excess: number; offenders: string[] }> {
  return page.evaluate(() => {
    const vw = document.documentElement.clientWidth;
    const excess = document.documentElement.scrollWidth - vw;
    const offenders: string[] = [];
    if (excess > 0) {
      for (const el of Array.from(document.querySelectorAll("#root *"))) {
        const r = el.getBoundingClientRect();
        if (r.width > 0 && r.right > vw + 1) offenders.push(`${el.tagName.toLowerCase()}.${(el.className || "").toString().slice(0, 40)} → ${Math.round(r.right)}px`);
      }
    }
    return { excess, offenders: offenders.slice(0, 5) };
  });
}

/** Open a view as a user would at this width: its tab, or "Meer" and then the menu item. */
async function openPanel(page: Page, label: string): Promise<"tab" | "menu"> {
  const tab = page.getByRole("tab", { name: label });
  if (await tab.isVisible()) {
    await tab.click();
    return "tab";
  }
  await page.getByRole("button", { name: /^Meer onderdelen/ }).click();
  await page.getByRole("menuitem", { name: label }).click();
  return "menu";
}

const maybe = CHROMIUM ? describe : describe.skip;

maybe("task pane in headless Chromium (outside Office) at 270, 320 and 350 px", () => {
  let browser: Browser;
  let server: http.Server;
  let page: Page;
  let base = "";
  const consoleErrors: string[] = [];
  const refused: string[] = [];
  let firstRenderMs = NaN;
  let domContentLoadedMs = NaN;
  const axeResults: Record<string, Record<number, { serious: number; minor: string[] }>> = {};
  const reachedBy: Record<number, Record<string, string>> = {};

  beforeAll(async () => {
    await ensureBuild();
    server = await serve(dist);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { chromium } = require("playwright-core") as typeof import("playwright-core");
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
    page = await browser.newPage({ viewport: { width: 320, height: 900 } });
    page.on("console", (m) => {
      if (m.type() === "error") consoleErrors.push(m.text());
    });
    page.on("pageerror", (e) => consoleErrors.push(`pageerror: ${e.message}`));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    await page.route("**/*", async (route) => {
      const url = route.request().url();
      const office = /^https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/(.+)$/.exec(url.split("?")[0]);
      if (office) {
        const file = path.join(officeJsDir, office[1]);
        if (file.startsWith(officeJsDir) && fs.existsSync(file)) return route.fulfill({ path: file, contentType: "text/javascript" });
      }
      if (url.startsWith(base)) return route.continue();
      refused.push(url);
      return route.abort();
    });
    fs.mkdirSync(artifacts, { recursive: true });
    fs.mkdirSync(screenshots, { recursive: true });
    await page.goto(`${base}taskpane.html`, { waitUntil: "load" });
    await page.getByRole("heading", { level: 1, name: "PB Rekenkit" }).waitFor();
    firstRenderMs = await page.evaluate(() => performance.getEntriesByName("pb-taskpane-rendered")[0]?.startTime ?? NaN);
    // office.js (parsed before our deferred bundles) is part of the first render; this shows how much.
    domContentLoadedMs = await page.evaluate(
      () => (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined)?.domContentLoadedEventEnd ?? NaN,
    );
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => (server ? server.close(r) : r(undefined)));
    if (Number.isFinite(firstRenderMs)) {
      const metrics = {
        chromium: CHROMIUM,
        firstRenderMs: Math.round(firstRenderMs),
        domContentLoadedMs: Math.round(domContentLoadedMs),
        taskpaneJs: sizes(path.join(dist, "taskpane.js")),
        functionsJs: sizes(path.join(dist, "functions.js")),
        axe: axeResults,
        panelsReachedBy: reachedBy,
        refusedRequests: refused,
      };
      fs.writeFileSync(path.join(artifacts, "browser-metrics.json"), JSON.stringify(metrics, null, 2));
    }
  });

  test("renders with the Office.js of the package, says it works only inside Excel; first render is measured", async () => {
    expect(Number.isFinite(firstRenderMs)).toBe(true);
    expect(firstRenderMs).toBeGreaterThan(0);
    await page.getByText(/^PB Rekenkit werkt alleen in Excel\./).waitFor();
    // The functions bundle ran too (shared runtime page): its associate calls were recorded by the stand-in.
    const associated = await page.evaluate(() => (window as unknown as Record<string, string[]>).__pbAssociatedFunctions ?? []);
    expect(associated).toEqual(expect.arrayContaining(["LKS", "WML", "DEADLINE"]));
  });

  for (const width of WIDTHS) {
    test(`${width} px: every panel fits (no horizontal scrolling), has no serious axe violations and logs no error`, async () => {
      await page.setViewportSize({ width, height: 900 });
      reachedBy[width] = {};
      for (const p of PANELS) {
        reachedBy[width][p.id] = await openPanel(page, p.label);
        await page.getByRole("heading", { level: 2, name: p.label }).waitFor();
        if (p.id === "functies") {
          // A peildatum inside the parameter tables, as a Dutch user types it; the longest function opened.
          await page.getByRole("textbox", { name: "Peildatum bronnen" }).fill("1-7-2023");
          const lks = page.getByRole("button", { name: "PB.LKS", exact: true });
          if ((await lks.getAttribute("aria-expanded")) !== "true") await lks.click();
          await page.getByRole("list", { name: "Bronnen van PB.LKS" }).waitFor();
          // The accordion animates open; measuring or photographing at once catches it half-way.
          await page.waitForTimeout(500);
        }
        if (p.id === "kalender") {
          await page.getByRole("spinbutton", { name: "Jaar (T)" }).fill("2016");
          await page.getByText("1-10-2015 (donderdag)").waitFor();
        }
        if (p.id === "status") await page.getByText(/Functies in deze pagina geladen/).waitFor();
        const o = await overflow(page);
        expect({ width, panel: p.id, excess: o.excess > 0 ? o.excess : 0, offenders: o.excess > 0 ? o.offenders : [] }).toEqual({
          width,
          panel: p.id,
          excess: 0,
          offenders: [],
        });
        const a = await axe(page);
        (axeResults[p.id] ??= {})[width] = { serious: a.violations.length, minor: a.minor };
        expect({ width, panel: p.id, axe: a.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`) }).toEqual({
          width,
          panel: p.id,
          axe: [],
        });
        // Outside Office the Uitleg view only says it works in Excel; its README picture comes from the Excel page below.
        if (width === 320 && p.id !== "uitleg") {
          const shot = path.join(artifacts, `taskpane-${p.id}.png`);
          await page.screenshot({ path: shot, fullPage: p.id !== "functies" && p.id !== "status" });
          // The README copies change only on request, so a test run leaves the checkout clean.
          const readmeCopy = path.join(screenshots, `taskpane-${p.id}.png`);
          if (process.env.UPDATE_SCREENSHOTS === "1" || !fs.existsSync(readmeCopy)) fs.copyFileSync(shot, readmeCopy);
        }
      }
      expect(consoleErrors).toEqual([]);
    });
  }

  test("at 270 px the navigation folds: some views sit in the Meer menu, the open one stays a visible tab", async () => {
    await page.setViewportSize({ width: 270, height: 900 });
    expect(Object.values(reachedBy[270] ?? {})).toContain("menu");
    await openPanel(page, "Kalender");
    expect(await page.getByRole("tab", { name: "Kalender", selected: true }).isVisible()).toBe(true);
    const nav = await page.evaluate(() => {
      const n = document.querySelector("nav[aria-label=Onderdelen]")!;
      return { scroll: n.scrollWidth, client: n.clientWidth };
    });
    expect(nav.scroll).toBeLessThanOrEqual(nav.client);
  });

  test("keyboard: arrow keys move along the visible tabs, Enter opens one", async () => {
    await page.setViewportSize({ width: 350, height: 900 });
    await openPanel(page, "Sjablonen");
    await page.getByRole("tab", { name: "Sjablonen" }).focus();
    await page.keyboard.press("ArrowRight");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("tab-functies");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 2, name: "Functies" }).waitFor();
  });

  describe("in Excel (a stand-in for office.js with a small workbook): the Uitleg view", () => {
    let excelPage: Page;
    const excelErrors: string[] = [];

    beforeAll(async () => {
      excelPage = await browser.newPage({ viewport: { width: 320, height: 900 } });
      excelPage.on("console", (m) => {
        if (m.type() === "error") excelErrors.push(m.text());
      });
      excelPage.on("pageerror", (e) => excelErrors.push(`pageerror: ${e.message}`));
      await excelPage.route("**/*", async (route) => {
        const url = route.request().url();
        if (/^https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js/.test(url)) {
          return route.fulfill({ path: path.join(__dirname, "fakeOffice.js"), contentType: "text/javascript" });
        }
        if (url.startsWith(base)) return route.continue();
        refused.push(url);
        return route.abort();
      });
      await excelPage.goto(`${base}taskpane.html`, { waitUntil: "load" });
      await excelPage.getByRole("heading", { level: 1, name: "PB Rekenkit" }).waitFor();
    });

    afterAll(async () => {
      await excelPage?.close();
    });

    test("explains the active cell with its receipt, fits 270–350 px without serious axe violations; 320 px screenshot", async () => {
      for (const width of WIDTHS) {
        await excelPage.setViewportSize({ width, height: 900 });
        await openPanel(excelPage, "Uitleg");
        await excelPage.getByRole("heading", { level: 3, name: "PB.LKS = 1.596,56" }).waitFor();
        await excelPage.getByText("Gelijk aan de waarde in de werkmap.").waitFor();
        await excelPage.getByRole("switch", { name: "Bonnetje in de cel voor deze werkmap" }).waitFor();
        const o = await overflow(excelPage);
        expect({ width, excess: o.excess > 0 ? o.excess : 0, offenders: o.excess > 0 ? o.offenders : [] }).toEqual({ width, excess: 0, offenders: [] });
        const a = await axe(excelPage);
        (axeResults["uitleg-in-excel"] ??= {})[width] = { serious: a.violations.length, minor: a.minor };
        expect({ width, axe: a.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`) }).toEqual({ width, axe: [] });
        if (width === 320) {
          const shot = path.join(artifacts, "taskpane-uitleg.png");
          await excelPage.screenshot({ path: shot });
          const readmeCopy = path.join(screenshots, "taskpane-uitleg.png");
          if (process.env.UPDATE_SCREENSHOTS === "1" || !fs.existsSync(readmeCopy)) fs.copyFileSync(shot, readmeCopy);
        }
      }
      expect(excelErrors).toEqual([]);
    });

    test("follows the selection: selecting the nested formula explains both PB calls", async () => {
      await excelPage.setViewportSize({ width: 350, height: 900 });
      await openPanel(excelPage, "Uitleg");
      await excelPage.evaluate(() => (window as unknown as { __pbFakeExcel: { select(a: string): void } }).__pbFakeExcel.select("E2"));
      await excelPage.getByText("Register!E2").waitFor();
      await excelPage.getByRole("heading", { level: 3, name: "PB.PARAM = 21" }).waitFor();
      expect(await excelPage.getByRole("heading", { level: 3, name: "PB.LKS = 1.596,56" }).count()).toBe(1);
      expect(excelErrors).toEqual([]);
    });
  });

  test("a help page opens from the Functies panel and is Dutch", async () => {
    const res = await page.request.get(`${base}help/lks.html`);
    expect(res.status()).toBe(200);
    expect(await res.text()).toContain("=PB.LKS(DATUM(2023;7;1);0,4;38)");
  });

  test("no console errors, and nothing was fetched from outside", () => {
    expect(consoleErrors).toEqual([]);
    // office.js outside Office opens Microsoft's telemetry proxy in an iframe; it is refused here and harmless.
    // Anything else (fonts, CDNs, our own code calling out) would show up in this list.
    expect(refused.filter((u) => !u.startsWith("https://telemetryservice.firstpartyapps.oaspapps.com/"))).toEqual([]);
  });
});
