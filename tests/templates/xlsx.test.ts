/**
 * Every template as a real .xlsx file, as `pb template` writes it: read back by the project's reader, recalculated by
 * the engine (the `pb recalc` code path, in-process) to the worked example's figures; then opened by LibreOffice
 * headless as an independent spreadsheet (forced recalculation, CSV out to a temporary folder — LibreOffice never
 * writes a template we keep): the file is valid and every built-in formula that does not depend on a PB function
 * agrees with the engine. LibreOffice cannot run PB functions; those cells and their dependants are #NAME? there.
 * Then printed to PDF by LibreOffice with its default settings: the page count of each sheet, and every column on the
 * first page. Skips the LibreOffice part cleanly when `soffice` is absent (and the PDF part without `pdfinfo`).
 */
import { execFileSync, spawnSync } from "child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { TEMPLATES } from "../../src/templates";
import { checkWorkbook } from "../../src/templates/checks";
import { templateFile } from "../../src/cli/commands/template";
import { isoToSerial, ymdToIso } from "../../src/rules/dates";
import { readWorkbook } from "../../src/xlsx/read";
import type { WorkbookModel } from "../../src/xlsx/model";
import { compute } from "./helpers";

jest.setTimeout(120_000);

const dir = mkdtempSync(path.join(tmpdir(), "pb-templates-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Figures of the worked examples (worked out in example.test.ts), checked again after the file round trip. */
const EXPECTED: Record<string, [string, string, number][]> = {
  "SISA-WPB": [
    ["Werkblad WPB", "B20", 160_000],
    ["SiSa WPB", "D15", 850_000],
  ],
  "SISA-PW": [
    ["SiSa G2-G3", "D24", 45558.2],
    ["SiSa G2-G3", "D25", 45558.2],
  ],
  "LKS-REGISTER": [["LKS-register", "V107", 45558.2]],
  "REKENTOOL-PW": [
    ["Rekentool", "B24", 20_200_000],
    ["Rekentool", "B26", 11732.68],
  ],
  "GR-WPB": [
    ["GR-verdeling", "D12", 300_000],
    ["GR-verdeling", "K11", 5_000],
  ],
};

const files = new Map<string, { file: string; model: WorkbookModel; readBack: WorkbookModel }>();

beforeAll(async () => {
  for (const t of TEMPLATES) {
    const { model, bytes } = await templateFile(t, { example: true });
    const file = path.join(dir, `${t.id}.xlsx`);
    writeFileSync(file, bytes);
    files.set(t.id, { file, model, readBack: (await readWorkbook(file)).model });
  }
});

describe.each(TEMPLATES.map((t) => [t.id] as const))("%s as .xlsx", (id) => {
  test("reads back with the same sheets and the PB formulas in display form", () => {
    const { model, readBack } = files.get(id)!;
    expect(readBack.sheets.map((s) => s.name)).toEqual(model.sheets.map((s) => s.name));
    const pbCells = model.sheets.flatMap((s) => s.cells.filter((c) => c.formula?.includes("PB.")).map((c) => [s.name, c.address, c.formula] as const));
    expect(pbCells.length).toBeGreaterThan(0);
    for (const [sheet, address, formula] of pbCells.slice(0, 50)) {
      expect(readBack.sheets.find((s) => s.name === sheet)!.cells.find((c) => c.address === address)!.formula).toBe(formula);
    }
  });

  test("recalculated by the engine: the worked example's figures, and every check passes", () => {
    const c = compute(files.get(id)!.readBack);
    try {
      for (const [sheet, address, expected] of EXPECTED[id]) expect(c.value(sheet, address)).toBeCloseTo(expected, 2);
      const found = checkWorkbook(c.sheetNames, c.read);
      expect(found.map((f) => f.instance.def.id)).toEqual([id]);
      expect(found[0].results.filter((r) => !r.ok)).toEqual([]);
    } finally {
      c.destroy();
    }
  });
});

// ------------------------------------------------------------------------------------------ LibreOffice oracle

const hasSoffice = spawnSync("sh", ["-c", "command -v soffice"]).status === 0;
const describeLo = hasSoffice ? describe : describe.skip;

/** Cells whose formula calls PB, or refers (directly or through other cells) to such a cell. */
function pbDependent(model: WorkbookModel): Set<string> {
  const formulas = new Map<string, { sheet: string; formula: string }>();
  for (const s of model.sheets) for (const c of s.cells) if (c.formula) formulas.set(`${s.name}!${c.address}`, { sheet: s.name, formula: c.formula });
  const refRe = /(?:'((?:[^']|'')+)'!)?\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?/g;
  const col = (l: string) => [...l].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const letter = (n: number): string => (n > 26 ? letter(Math.floor((n - 1) / 26)) : "") + String.fromCharCode(65 + ((n - 1) % 26));
  const refs = new Map<string, string[]>();
  for (const [key, { sheet, formula }] of formulas) {
    const code = formula.replace(/"(?:[^"]|"")*"/g, '""');
    const out: string[] = [];
    for (const m of code.matchAll(refRe)) {
      const sh = m[1] ? m[1].replace(/''/g, "'") : sheet;
      const [c1, r1] = [col(m[2]), Number(m[3])];
      const [c2, r2] = m[4] ? [col(m[4]), Number(m[5])] : [c1, r1];
      for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) out.push(`${sh}!${letter(c)}${r}`);
    }
    refs.set(key, out);
  }
  const dep = new Set([...formulas].filter(([, f]) => /PB\.[A-Z]+\(/.test(f.formula)).map(([k]) => k));
  for (let changed = true; changed; ) {
    changed = false;
    for (const [key, rs] of refs) {
      if (!dep.has(key) && rs.some((r) => dep.has(r))) {
        dep.add(key);
        changed = true;
      }
    }
  }
  return dep;
}

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else if (ch !== "\r") field += ch;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

describeLo("LibreOffice headless opens every template and agrees on its built-in formulas", () => {
  const out = path.join(dir, "lo-out");
  const csv = new Map<string, string[][]>();

  beforeAll(() => {
    const profile = path.join(dir, "lo-profile");
    mkdirSync(path.join(profile, "user"), { recursive: true });
    mkdirSync(out, { recursive: true });
    // Without this LibreOffice shows the (absent) cached values instead of recalculating (engine.md §7).
    writeFileSync(
      path.join(profile, "user", "registrymodifications.xcu"),
      '<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
        '<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item></oor:items>\n',
    );
    const inputs = TEMPLATES.map((t) => files.get(t.id)!.file);
    execFileSync(
      "soffice",
      [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", out, ...inputs],
      { stdio: "pipe", timeout: 100_000 },
    );
    for (const f of readdirSync(out)) if (f.endsWith(".csv")) csv.set(f, parseCsv(readFileSync(path.join(out, f), "utf8")));
  });

  test.each(TEMPLATES.map((t) => [t.id] as const))("%s", (id) => {
    const { readBack } = files.get(id)!;
    const dep = pbDependent(readBack);
    const c = compute(readBack);
    let compared = 0;
    let pbNameErrors = 0;
    try {
      for (const s of readBack.sheets) {
        const rows = csv.get(`${id}-${s.name}.csv`);
        expect({ sheet: s.name, exported: rows !== undefined }).toEqual({ sheet: s.name, exported: true });
        for (const cell of s.cells.filter((x) => x.formula)) {
          const m = /^([A-Z]+)(\d+)$/.exec(cell.address)!;
          const x = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
          const shown = rows![Number(m[2]) - 1]?.[x] ?? "";
          // The CSV filter writes date cells in the en-US form MM/DD/YYYY; compare them as serials.
          const us = cell.numFmt === "dd-mm-yyyy" ? /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(shown) : null;
          const lo = us ? String(isoToSerial(ymdToIso(Number(us[3]), Number(us[1]), Number(us[2])))) : shown;
          if (dep.has(`${s.name}!${cell.address}`)) {
            if (lo === "#NAME?") pbNameErrors++;
            continue;
          }
          const hf = c.value(s.name, cell.address);
          compared++;
          if (typeof hf === "number") expect({ at: `${s.name}!${cell.address}`, v: Number(lo) }).toEqual({ at: `${s.name}!${cell.address}`, v: expect.closeTo(hf, 6) });
          else expect({ at: `${s.name}!${cell.address}`, v: lo }).toEqual({ at: `${s.name}!${cell.address}`, v: hf === null ? "" : String(hf) });
        }
      }
    } finally {
      c.destroy();
    }
    // Built-in formulas were really compared, and LibreOffice did recalculate (PB cells became #NAME?).
    expect(compared).toBeGreaterThan(0);
    expect(pbNameErrors).toBeGreaterThan(0);
  });
});

// ------------------------------------------------------------------------------------------ printed by LibreOffice

const hasPdfinfo = spawnSync("sh", ["-c", "command -v pdfinfo && command -v pdftotext"]).status === 0;
const describePdf = hasSoffice && hasPdfinfo ? describe : describe.skip;

/**
 * Pages per sheet when LibreOffice prints the worked example on A4 (each page's footer names its sheet). All columns
 * fit the page width, so the count follows the rows: the SiSa annexes take two landscape pages, the register's 100
 * rows two, its header (rows 1–6) repeated on both. Before the print set-up the SiSa-PW annex took 15 pages.
 */
const PAGES: Record<string, Record<string, number>> = {
  "SISA-WPB": { "SiSa WPB": 2, "Werkblad WPB": 1 },
  "SISA-PW": { "SiSa G2-G3": 2, "LKS-register": 2 },
  "LKS-REGISTER": { "LKS-register": 2 },
  "REKENTOOL-PW": { Rekentool: 2 },
  "GR-WPB": { "GR-verdeling": 1 },
};

describePdf("LibreOffice prints every template on A4, every column on the page", () => {
  const out = path.join(dir, "pdf-out");
  beforeAll(() => {
    // A fresh profile: LibreOffice's defaults, as a controller's copy has them.
    const profile = path.join(dir, "lo-print-profile");
    mkdirSync(out, { recursive: true });
    execFileSync("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "pdf", "--outdir", out, ...TEMPLATES.map((t) => files.get(t.id)!.file)], {
      stdio: "pipe",
      timeout: 100_000,
    });
  });

  test.each(TEMPLATES.map((t) => [t.id] as const))("%s", (id) => {
    const pdf = path.join(out, `${id}.pdf`);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))![1]);
    const perSheet: Record<string, number> = {};
    const sheets = files.get(id)!.model.sheets.map((s) => s.name);
    for (let p = 1; p <= pages; p++) {
      const text = execFileSync("pdftotext", ["-layout", "-f", String(p), "-l", String(p), pdf, "-"], { encoding: "utf8" });
      // The footer: sheet name left, "Pagina n van m" right.
      const footer = text.trim().split("\n").pop()!;
      const sheet = sheets.find((s) => footer.trim().startsWith(s));
      expect({ page: p, footer: /Pagina \d+ van \d+/.test(footer), sheet: sheet !== undefined }).toEqual({ page: p, footer: true, sheet: true });
      perSheet[sheet!] = (perSheet[sheet!] ?? 0) + 1;
      // Print titles: every page of a sheet repeats its title row.
      expect(text).toContain(files.get(id)!.model.sheets.find((s) => s.name === sheet)!.cells.find((c) => c.address === "A1")!.value as string);
    }
    expect(perSheet).toEqual(PAGES[id]);
    // The last column of the first sheet is on its first page (before: only columns A–B were).
    const first = execFileSync("pdftotext", ["-layout", "-f", "1", "-l", "1", pdf, "-"], { encoding: "utf8" });
    const lastHeader: Record<string, string> = { "SISA-WPB": "Bron", "SISA-PW": "Bron", "LKS-REGISTER": "Totaal jaar T", "REKENTOOL-PW": "Bron", "GR-WPB": "Saldo eigen" };
    expect(first).toContain(lastHeader[id]);
  });
});
