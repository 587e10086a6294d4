/**
 * `pb recalc` and `pb check` over many workbooks (issue 11, item 5): a folder and several files, one line per
 * workbook in a fixed order, the totals, the worst exit code, one combined JSON or text report, never over an input
 * or an existing file; a hostile workbook in the set is refused on its own while the others are audited.
 * In-process through main() (the pool's workers come from dist-cli, built here), and as the installed command for the
 * bounds, which belong to bin/pb.js.
 */
import { createHash } from "crypto";
import { promises as fs, readFileSync } from "fs";
import * as path from "path";
import { registerModel, tempDir, writeModel } from "../engine/helpers";
import { buildZip, deflated, minimalParts, SHEET_HEAD, SHEET_TAIL } from "../xlsx/zipBuild";
import { getTemplate } from "../../src/templates";
import { renderTemplate } from "../../src/templates/render";
import { withValues } from "../templates/helpers";
import { ensureBuilt, pbChildAsync, run, STACK_TRACE } from "./helpers";

jest.setTimeout(180_000);

let dir: string;
let map: string;
let a: string;
let b: string;
let tampered: string;
let corrupt: string;
let c: string;
const sha = (f: string) => createHash("sha256").update(readFileSync(f)).digest("hex");

beforeAll(async () => {
  ensureBuilt();
  dir = await tempDir("pb-many-");
  map = path.join(dir, "gemeenten");
  await fs.mkdir(path.join(map, "noord"), { recursive: true });
  // registerModel: 3 PB cells (1596,56 + 665,23 + 1862,65); the tampered one saved 1600 for the first (−3,44)
  a = await writeModel(map, "aa-en-hunze.xlsx", registerModel());
  b = await writeModel(map, "baarle-nassau.xlsx", registerModel());
  tampered = await writeModel(map, "gewijzigd.xlsx", registerModel((e, i) => (i === 0 ? 1600 : e)));
  corrupt = path.join(map, "kapot.xlsx");
  await fs.writeFile(corrupt, "dit is geen werkmap");
  c = await writeModel(path.join(map, "noord"), "het-hogeland.xlsx", registerModel());
  // skipped: Excel's lock file, a hidden file, and what is no workbook
  await fs.writeFile(path.join(map, "~$aa-en-hunze.xlsx"), "vergrendeld");
  await fs.writeFile(path.join(map, ".verborgen.xlsx"), "verborgen");
  await fs.writeFile(path.join(map, "notities.txt"), "niet meetellen");
}, 180_000);
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe("pb recalc over a folder", () => {
  it("one line per workbook in name order (subfolders too, lock and hidden files skipped), the totals, exit 2 for the corrupt one", async () => {
    const r = await run("recalc", map);
    expect(r.stdout).toEqual([
      `${a}: 3 PB cells, 0 mismatches — ok`,
      `${b}: 3 PB cells, 0 mismatches — ok`,
      `${tampered}: 3 PB cells, 1 mismatches — VERSCHIL`,
      `${corrupt}: GEWEIGERD — ${corrupt} is geen Excel-werkmap (.xlsx): het is geen zip-bestand. Sla het in Excel op als "Excel-werkmap (*.xlsx)".`,
      `${c}: 3 PB cells, 0 mismatches — ok`,
      "Totaal: 5 werkmappen: 3 ok, 1 met verschil, 1 geweigerd.",
      // 4 readable workbooks × 3 PB cells; only the tampered D2 differs
      "12 PB cells, 1 mismatches",
    ]);
    expect(r.code).toBe(2);
  });

  it("files and folders mixed, in the order given, the same file once; without the corrupt one the worst is a difference: exit 1", async () => {
    const r = await run("recalc", tampered, path.join(map, "noord"), a, c);
    expect(r.code).toBe(1);
    expect(r.stdout).toEqual([
      `${tampered}: 3 PB cells, 1 mismatches — VERSCHIL`,
      `${c}: 3 PB cells, 0 mismatches — ok`,
      `${a}: 3 PB cells, 0 mismatches — ok`,
      "Totaal: 3 werkmappen: 2 ok, 1 met verschil, 0 geweigerd.",
      "9 PB cells, 1 mismatches",
    ]);
  });

  it("a workbook Excel never calculated is no difference but not confirmed: its own status, the same summary as alone, exit 1", async () => {
    const fresh = await writeModel(dir, "nooit-berekend.xlsx", registerModel(() => undefined)); // no cached PB values
    const alone = await run("recalc", fresh);
    const r = await run("recalc", a, fresh);
    expect(alone.code).toBe(1);
    expect(r.code).toBe(1);
    expect(r.stdout[1]).toBe(`${fresh}: ${alone.stdout[alone.stdout.length - 1]} — NOG NIET BEREKEND IN EXCEL`);
    expect(alone.stdout[alone.stdout.length - 1]).toMatch(/^3 PB cells, 0 mismatches; 1 other formulas, 0 mismatches; 3 not calculated in Excel$/);
    expect(r.stdout.slice(-2)).toEqual([
      "Totaal: 2 werkmappen: 1 ok, 0 met verschil, 1 nog niet berekend in Excel, 0 geweigerd.",
      "6 PB cells, 0 mismatches; 2 other formulas, 0 mismatches; 3 not calculated in Excel",
    ]);
  });

  it("one worker gives the same lines as one per core", async () => {
    const one = await run("recalc", map, "--werkers", "1");
    const all = await run("recalc", map);
    expect(one.stdout).toEqual(all.stdout);
    expect(one.code).toBe(2);
  });

  it("--json: one combined report, parseable, with each workbook's own report and the totals; the totals line on stderr", async () => {
    const r = await run("recalc", map, "--json");
    expect(r.code).toBe(2);
    const report = JSON.parse(r.stdout.join("\n"));
    expect(report.files.map((f: { file: string }) => f.file)).toEqual([a, b, tampered, corrupt, c]);
    expect(report.files.map((f: { status: string; exit: number }) => [f.status, f.exit])).toEqual([
      ["ok", 0],
      ["ok", 0],
      ["mismatch", 1],
      ["refused", 2],
      ["ok", 0],
    ]);
    const t = report.files[2];
    expect(t.summary).toBe("3 PB cells, 1 mismatches");
    expect(t.report).toMatchObject({ file: tampered, pbCells: 3, mismatches: 1 });
    expect(t.report.cells[0]).toMatchObject({ sheet: "Register", address: "D2", cached: 1600, recomputed: 1596.56, status: "mismatch" });
    expect(t.report.cells[0].receipt.function).toBe("PB.LKS");
    expect(report.files[3].reason).toMatch(/geen zip-bestand/);
    expect(report.files[3].report).toBeUndefined();
    // every register also has its SUM total (D5): 4 readable workbooks, 4 other formulas, all agreeing
    expect(report.totals).toEqual({
      files: 5,
      ok: 3,
      mismatch: 1,
      notCalculated: 0,
      refused: 1,
      pbCells: 12,
      mismatches: 1,
      pbNotYetCalculated: 0,
      otherFormulas: 4,
      otherMismatches: 0,
      otherNotRecomputable: 0,
      otherNotYetCalculated: 0,
      exit: 2,
    });
    expect(report.summary).toBe("12 PB cells, 1 mismatches");
    expect(r.stderr.slice(-2)).toEqual(["Totaal: 5 werkmappen: 3 ok, 1 met verschil, 1 geweigerd.", "12 PB cells, 1 mismatches"]);
  });

  it("--out RAPPORT.json writes the combined report; a second run refuses the existing file and leaves it as it was", async () => {
    const out = path.join(dir, "rapport.json");
    const r = await run("recalc", map, "--out", out);
    expect(r.code).toBe(2);
    expect(r.stdout.slice(-3)).toEqual([`Rapport geschreven naar ${out} (${JSON.parse(readFileSync(out, "utf8")).parameterSetLabel}).`, "Totaal: 5 werkmappen: 3 ok, 1 met verschil, 1 geweigerd.", "12 PB cells, 1 mismatches"]);
    const written = JSON.parse(readFileSync(out, "utf8"));
    expect(written.files).toHaveLength(5);
    expect(written.totals.pbCells).toBe(12);
    const before = sha(out);
    const again = await run("recalc", map, "--out", out);
    expect(again.code).toBe(2);
    expect(again.stderr.join("\n")).toMatch(/rapport\.json bestaat al\. pb schrijft niet over een bestaand bestand/);
    expect(again.stdout).toEqual([]);
    expect(sha(out)).toBe(before);
  });

  it("--out RAPPORT.txt: each workbook's text report one after the other, then the totals", async () => {
    const out = path.join(dir, "rapport.txt");
    const r = await run("recalc", a, tampered, "--out", out);
    expect(r.code).toBe(1);
    const text = readFileSync(out, "utf8").trimEnd().split("\n");
    expect(text[0]).toBe("Herberekening van 2 werkmappen");
    expect(text).toContain(`Herberekening van ${tampered}`);
    const row = text.find((l) => l.startsWith("Register\tD2\t") && l.includes("\tVERSCHIL\t"));
    expect(row?.split("\t").slice(3, 7)).toEqual(["1600", "1596.56", "-3.44", "VERSCHIL"]);
    expect(text.slice(-2)).toEqual(["Totaal: 2 werkmappen: 1 ok, 1 met verschil, 0 geweigerd.", "6 PB cells, 1 mismatches"]);
  });

  it("never a report over an input: --out onto one of the workbooks, or a report workbook for many, is refused before any work", async () => {
    const before = sha(a);
    const onto = await run("recalc", a, b, "--out", a, "--overwrite");
    expect(onto.code).toBe(2);
    expect(onto.stderr.join("\n")).toMatch(/rapportwerkmap \(\.xlsx\) is er voor één werkmap/);
    const named = path.join(dir, "ook-invoer.json");
    await fs.copyFile(a, named); // a workbook with another extension, named as input and as --out
    const same = await run("recalc", named, b, "--out", named, "--overwrite");
    expect(same.code).toBe(2);
    expect(same.stderr.join("\n")).toMatch(/is een van de gecontroleerde werkmappen; pb recalc schrijft nooit over een gecontroleerde werkmap/);
    expect(sha(a)).toBe(before);
    expect(sha(named)).toBe(before);
  });

  it("one file keeps the single-file report exactly; a folder with one file is a batch", async () => {
    const single = await run("recalc", c);
    expect(single.code).toBe(0);
    expect(single.stdout[0]).toBe(`Herberekening van ${c}`);
    expect(single.stdout).toContain(["Register", "D2", "=PB.LKS(A2,B2,C2)", "1596.56", "1596.56", "0", "ok", ""].join("\t"));
    expect(single.stdout.some((l) => l.startsWith("Totaal:"))).toBe(false);
    expect(single.stdout[single.stdout.length - 1]).toBe("3 PB cells, 0 mismatches");
    const folder = await run("recalc", path.join(map, "noord"));
    expect(folder.stdout).toEqual([`${c}: 3 PB cells, 0 mismatches — ok`, "Totaal: 1 werkmap: 1 ok, 0 met verschil, 0 geweigerd.", "3 PB cells, 0 mismatches"]);
  });

  it("a folder without workbooks, and a wrong --werkers: a Dutch usage error, exit 2", async () => {
    const empty = path.join(dir, "leeg");
    await fs.mkdir(empty, { recursive: true });
    await fs.writeFile(path.join(empty, "~$oud.xlsx"), "x");
    const r = await run("recalc", empty);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`Let op: in de map ${empty} staan geen werkmappen (.xlsx of .xlsm).`);
    expect(r.stderr).toContain("Er is geen werkmap om te controleren: geef .xlsx- of .xlsm-bestanden, of een map waarin ze staan.");
    const w = await run("recalc", map, "--werkers", "1,5");
    expect(w.code).toBe(2);
    expect(w.stderr[0]).toBe('--werkers verwacht een positief getal, niet "1,5".');
  });
});

describe("pb check over a folder", () => {
  let checks: string;
  let good: string;
  let bad: string;
  beforeAll(async () => {
    checks = path.join(dir, "aanlevering");
    await fs.mkdir(checks, { recursive: true });
    const def = getTemplate("GR-WPB")!;
    good = await writeModel(checks, "gr-goed.xlsx", renderTemplate(def, { example: true }));
    // a netted deficit and a late date (16-7-2012): two failures, as tests/templates/cli.test.ts
    bad = await writeModel(checks, "gr-fout.xlsx", withValues(renderTemplate(def, { example: true }), { "GR-verdeling": { L12: 25_000, B8: 41106 } }));
    await fs.copyFile(a, path.join(checks, "register-zonder-sjabloon.xlsx"));
    await fs.copyFile(corrupt, path.join(checks, "x-kapot.xlsx"));
  });

  it("one line per workbook with the same counts as the single run, the totals, exit 2 (worst)", async () => {
    const singleGood = await run("check", good);
    const singleBad = await run("check", bad);
    expect(singleGood.stdout[singleGood.stdout.length - 1]).toBe("1 sjabloon, 15 controles, 0 fouten");
    expect(singleBad.stdout[singleBad.stdout.length - 1]).toBe("1 sjabloon, 15 controles, 2 fouten");
    const r = await run("check", checks);
    const none = path.join(checks, "register-zonder-sjabloon.xlsx");
    const broken = path.join(checks, "x-kapot.xlsx");
    expect(r.stdout.slice(0, 4)).toEqual([
      `${bad}: 1 sjabloon, 15 controles, 2 fouten — FOUT`,
      `${good}: 1 sjabloon, 15 controles, 0 fouten — ok`,
      `${none}: GEEN SJABLOON — ${none} bevat geen PB Rekenkit-sjabloon (geen markering in cel A2 en geen sjabloontitel in A1 van een werkblad); er is niets gecontroleerd.`,
      `${broken}: GEWEIGERD — ${broken} is geen Excel-werkmap (.xlsx): het is geen zip-bestand. Sla het in Excel op als "Excel-werkmap (*.xlsx)".`,
    ]);
    expect(r.stdout[4]).toMatch(/^Gecontroleerd met parameterset /);
    expect(r.stdout.slice(5)).toEqual(["Totaal: 4 werkmappen: 1 zonder fouten, 1 met fouten, 1 geweigerd, 1 zonder sjabloon.", "2 sjablonen, 30 controles, 2 fouten"]);
    expect(r.code).toBe(2);
  });

  it("--json: per workbook its results; the failing checks of gr-fout by cell", async () => {
    const r = await run("check", good, bad, "--json");
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout.join("\n"));
    expect(report.totals).toEqual({ files: 2, ok: 1, failed: 1, refused: 0, noTemplate: 0, templates: 2, checks: 30, failures: 2, exit: 1 });
    const failing = report.files[1].report[0].results.filter((x: { ok: boolean }) => !x.ok).map((x: { cell: string }) => x.cell);
    expect(failing.sort()).toEqual(["B8", "L12"]);
    expect(r.stderr[r.stderr.length - 1]).toBe("2 sjablonen, 30 controles, 2 fouten");
  });
});

describe("the installed command: each workbook bounded on its own", () => {
  let set: string;
  let big: string;
  beforeAll(async () => {
    set = path.join(dir, "met-grote");
    await fs.mkdir(set, { recursive: true });
    for (const n of ["a", "b", "c", "d", "e"]) await fs.copyFile(a, path.join(set, `${n}.xlsx`));
    // 60 000 LKS rows: several seconds of CPU and far more than 48 MB of heap
    const rows = Array.from({ length: 60_000 }, (_, i) => {
      const r = i + 2;
      return `<row r="${r}"><c r="A${r}"><v>45108</v></c><c r="B${r}"><v>0.4</v></c><c r="C${r}"><v>38</v></c><c r="D${r}"><f>_xldudf_PB_LKS(A${r},B${r},C${r})</f><v>1596.56</v></c></row>`;
    });
    big = path.join(set, "c-groot.xlsx");
    await fs.writeFile(big, buildZip(minimalParts(deflated("xl/worksheets/sheet1.xml", SHEET_HEAD + rows.join("") + SHEET_TAIL))));
  }, 120_000);

  const expectFiveOk = (stdout: string) => {
    const lines = stdout.trim().split("\n");
    for (const n of ["a", "b", "c", "d", "e"]) expect(lines).toContain(`${path.join(set, `${n}.xlsx`)}: 3 PB cells, 0 mismatches — ok`);
    expect(lines.slice(-2)).toEqual(["Totaal: 6 werkmappen: 5 ok, 0 met verschil, 1 geweigerd.", "15 PB cells, 0 mismatches"]);
  };

  it("a budget of 1 CPU second is per workbook: the large one is stopped, the run (more than 1 s in all) goes on", async () => {
    const r = await pbChildAsync(["recalc", set, "--max-seconden", "1"], { timeoutMs: 120_000, maxOldMb: 0 });
    expect(r.stdout + r.stderr).not.toMatch(STACK_TRACE);
    expect(r.stdout).toContain(`${big}: GEWEIGERD — gestopt: de werkmap gebruikte meer dan 1 seconden rekentijd (grens per werkmap). Is dit een echte, zeer grote werkmap, geef dan meer tijd met --max-seconden N.`);
    expectFiveOk(r.stdout);
    expect(r.stderr).not.toMatch(/pb is gestopt/);
    expect(r.status).toBe(2);
  });

  it("a heap of 48 MB per workbook: the large one is refused for memory, the small ones pass", async () => {
    const r = await pbChildAsync(["recalc", set, "--max-geheugen-mb", "48"], { timeoutMs: 120_000, maxOldMb: 0 });
    expect(r.stdout + r.stderr).not.toMatch(STACK_TRACE);
    expect(r.stdout).toContain(`${big}: GEWEIGERD — gestopt: de werkmap had meer dan 48 MB geheugen nodig (grens per werkmap). Is dit een echte, zeer grote werkmap, geef dan meer geheugen met --max-geheugen-mb N.`);
    expectFiveOk(r.stdout);
    expect(r.status).toBe(2);
  });
});
