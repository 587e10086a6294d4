/**
 * Smoke test of the BUILT task pane in real headless Chromium, outside Office: office.js is served from the
 * @microsoft/office-js package (no network; every other outside request is refused and listed), the pane renders,
 * each panel opens (also by keyboard), and the console stays free of errors. Screenshots go to test-artifacts/
 * (copies in docs/screenshots/ for the README when missing or with UPDATE_SCREENSHOTS=1); first-render time and bundle sizes to test-artifacts/browser-metrics.json.
 * Skips when no Chromium is installed (CI installs Debian's `chromium`).
 */
import * as fs from "fs";
import * as http from "http";
import * as path from "path";
import * as zlib from "zlib";
import type { AddressInfo } from "net";
import type { Browser, Page } from "playwright-core";

const root = path.join(__dirname, "..", "..");
const dist = path.join(root, "dist");
const officeJsDir = path.join(root, "node_modules", "@microsoft", "office-js", "dist");
const artifacts = path.join(root, "test-artifacts");
const screenshots = path.join(root, "docs", "screenshots");
const CHROMIUM = process.env.CHROMIUM_PATH ?? ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => fs.existsSync(p));
const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

const PANELS = [
  { id: "sjablonen", label: "Sjablonen" },
  { id: "functies", label: "Functies" },
  { id: "controle", label: "Controle" },
  { id: "status", label: "Status" },
  { id: "kalender", label: "Kalender" },
];

jest.setTimeout(240_000);

function newestMtime(p: string): number {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(0, ...fs.readdirSync(p).map((f) => newestMtime(path.join(p, f))));
}

/** dist/ as `npm install` (prepare) left it, rebuilt when a source is newer. */
async function ensureBuild(): Promise<void> {
  const built = path.join(dist, "taskpane.js");
  const inputs = ["src", "webpack.config.js", "manifest.xml", "assets", "package.json"].map((p) => newestMtime(path.join(root, p)));
  if (fs.existsSync(built) && fs.existsSync(path.join(dist, "functions.json")) && fs.statSync(built).mtimeMs >= Math.max(...inputs)) return;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const webpack = require("webpack");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = await require(path.join(root, "webpack.config.js"))({}, { mode: "production" });
  await new Promise<void>((resolve, reject) =>
    webpack({ ...config, context: root }, (err: Error | null, stats: { hasErrors(): boolean; toString(o: unknown): string }) => {
      if (err) reject(err);
      else if (stats.hasErrors()) reject(new Error(stats.toString({ all: false, errors: true })));
      else resolve();
    }),
  );
}

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

const maybe = CHROMIUM ? describe : describe.skip;

maybe("task pane in headless Chromium (outside Office)", () => {
  let browser: Browser;
  let server: http.Server;
  let page: Page;
  const consoleErrors: string[] = [];
  const refused: string[] = [];
  let firstRenderMs = NaN;
  let domContentLoadedMs = NaN;

  beforeAll(async () => {
    await ensureBuild();
    server = await serve(dist);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { chromium } = require("playwright-core") as typeof import("playwright-core");
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
    page = await browser.newPage({ viewport: { width: 420, height: 900 } });
    page.on("console", (m) => {
      if (m.type() === "error") consoleErrors.push(m.text());
    });
    page.on("pageerror", (e) => consoleErrors.push(`pageerror: ${e.message}`));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
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
        refusedRequests: refused,
      };
      fs.writeFileSync(path.join(artifacts, "browser-metrics.json"), JSON.stringify(metrics, null, 2));
    }
  });

  test("renders with the Office.js of the package; first render is measured", async () => {
    expect(Number.isFinite(firstRenderMs)).toBe(true);
    expect(firstRenderMs).toBeGreaterThan(0);
    // The functions bundle ran too (shared runtime page): its associate calls were recorded by the stand-in.
    const associated = await page.evaluate(() => (window as unknown as Record<string, string[]>).__pbAssociatedFunctions ?? []);
    expect(associated).toEqual(expect.arrayContaining(["LKS", "WML", "DEADLINE"]));
  });

  test("each panel opens and is screenshotted", async () => {
    for (const p of PANELS) {
      await page.getByRole("tab", { name: p.label }).click();
      await page.getByRole("heading", { level: 2, name: p.label }).waitFor();
      if (p.id === "functies") {
        // A peildatum inside the parameter tables, so the sources show values rather than the #N/A reason.
        await page.getByRole("textbox", { name: "Peildatum bronnen" }).fill("2023-07-01");
        await page.getByRole("button", { name: "PB.LKS", exact: true }).click();
        await page.getByRole("list", { name: "Bronnen van PB.LKS" }).waitFor();
        // The accordion animates open; a screenshot taken at once shows it half-faded.
        await page.waitForTimeout(500);
      }
      if (p.id === "kalender") {
        await page.getByRole("spinbutton", { name: "Jaar (T)" }).fill("2012");
        await page.getByText("maandag 15 juli 2013").first().waitFor();
      }
      if (p.id === "status") await page.getByText(/Functies in deze pagina geladen/).waitFor();
      const shot = path.join(artifacts, `taskpane-${p.id}.png`);
      await page.screenshot({ path: shot, fullPage: p.id !== "functies" && p.id !== "status" });
      // The README copies change only on request, so a test run leaves the checkout clean.
      const readmeCopy = path.join(screenshots, `taskpane-${p.id}.png`);
      if (process.env.UPDATE_SCREENSHOTS === "1" || !fs.existsSync(readmeCopy)) fs.copyFileSync(shot, readmeCopy);
    }
  });

  test("keyboard: arrow keys move along the tabs, Enter opens one", async () => {
    await page.getByRole("tab", { name: "Sjablonen" }).click();
    await page.getByRole("tab", { name: "Sjablonen" }).focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("tab-controle");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 2, name: "Controle" }).waitFor();
  });

  test("no console errors, and nothing was fetched from outside", () => {
    expect(consoleErrors).toEqual([]);
    // office.js outside Office opens Microsoft's telemetry proxy in an iframe; it is refused here and harmless.
    // Anything else (fonts, CDNs, our own code calling out) would show up in this list.
    expect(refused.filter((u) => !u.startsWith("https://telemetryservice.firstpartyapps.oaspapps.com/"))).toEqual([]);
  });
});
