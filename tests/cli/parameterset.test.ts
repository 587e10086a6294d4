/**
 * `--parameterset VERSIE|BESTAND` on eval, recalc and check, and `pb parameters`: an auditor recomputes a workbook made
 * months ago with the set it was made with, a user's own set is marked on every report, an unknown choice is exit 2.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { main } from "../../src/cli/main";
import type { CliIO } from "../../src/cli/command";
import { activateParameterSet, builtInParameterSet, PARAMETER_SET_HASH, PARAMETER_SET_VERSION } from "../../src/parameters";
import type { CellModel } from "../../src/xlsx/model";
import { isoToSerial } from "../../src/rules/dates";
import { tempDir, writeModel } from "../engine/helpers";

function capture(): CliIO & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(...l.split("\n")), err: (l) => stderr.push(...l.split("\n")) };
}

async function run(...argv: string[]) {
  const io = capture();
  const code = await main(argv, io);
  return { code, ...io };
}

const OLD = "2026.11.4";
const OLD_LABEL = `parameterset ${OLD} (ca4292c2e38c6ff5); eerder vrijgegeven set, niet de actuele ${PARAMETER_SET_VERSION}`;

let dir: string;
/** Saved by Excel with 2026.11.4: PB.LKS(1-1-2025; 0,5; 36; ; 32) = 1.461,71 (the reading of 2026.11.4; the law gives 1.299,30). */
let madeWithOld: string;
beforeAll(async () => {
  dir = await tempDir("pb-set-cli-");
  const cells: CellModel[] = [
    { address: "A2", value: isoToSerial("2025-01-01"), numFmt: "dd-mm-yyyy", input: true },
    { address: "B2", formula: "PB.LKS(A2,0.5,36,,32)", result: 1461.71 },
  ];
  madeWithOld = await writeModel(dir, "register-2026-11.xlsx", { sheets: [{ name: "Register", cells }] });
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});
afterEach(() => activateParameterSet(builtInParameterSet()));

describe("pb eval --parameterset", () => {
  it(`${OLD} still gives its #N/A for 1-7-2026; the set in force gives 2.337,00; the old set is announced on stderr`, async () => {
    const old = await run("eval", "--parameterset", OLD, "=PB.WML(DATE(2026,7,1))");
    expect(old.code).toBe(0);
    expect(old.stdout).toEqual([
      "#N/A Geen waarde voor wml.maand (het wettelijk minimumloon per maand) op 1-7-2026. De tabel loopt van 1-1-2015 tot en met 30-6-2026; kies een peildatum binnen die periode.",
    ]);
    expect(old.stderr).toEqual([`Gerekend met ${OLD_LABEL}.`]);
    const now = await run("eval", "=PB.WML(DATE(2026,7,1))");
    expect(now.stdout).toEqual(["2337"]);
    expect(now.stderr).toEqual([]);
  });

  it("an unknown version: exit 2 with the known versions", async () => {
    const r = await run("eval", "--parameterset", "2030.1.0", "=1");
    expect(r.code).toBe(2);
    expect(r.stderr[0]).toBe(`Onbekende parameterset "2030.1.0". Bekende versies: ${OLD}, 2026.12.0, 2026.12.1, 2026.12.2, ${PARAMETER_SET_VERSION} (actueel); of geef een eigen bestand (.json).`);
    expect(r.stdout).toEqual([]);
  });

  it("the option without a value: exit 2", async () => {
    const r = await run("eval", "=1", "--parameterset");
    expect(r.code).toBe(2);
    expect(r.stderr[0]).toBe("Optie --parameterset heeft een waarde nodig.");
  });

  it("a command without the option computes with the set in force, whatever an earlier one chose", async () => {
    await run("eval", "--parameterset", OLD, "=1");
    expect((await run("eval", "=PB.VERSIE()")).stdout).toEqual([`PB Rekenkit 0.1.0; parameterset ${PARAMETER_SET_VERSION} (${PARAMETER_SET_HASH})`]);
  });
});

describe("pb recalc --parameterset: a workbook made with 2026.11.4", () => {
  it("with the set in force: a difference of −162,41 (1.461,71 saved, 1.299,30 by the law: 32/36)", async () => {
    const r = await run("recalc", madeWithOld);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(["Register", "B2", "=PB.LKS(A2,0.5,36,,32)", "1461.71", "1299.3", "-162.41", "VERSCHIL", "Verschil -162.41: opgeslagen 1461.71, herberekend 1299.3."].join("\t"));
  });

  it(`with ${OLD}: every cell as saved, and the report head names the old set`, async () => {
    const r = await run("recalc", madeWithOld, "--parameterset", OLD);
    expect(r.code).toBe(0);
    expect(r.stdout[1]).toBe(`PB Rekenkit 0.1.0; ${OLD_LABEL}; rekenkern HyperFormula 3.5.0`);
    expect(r.stdout[r.stdout.length - 1]).toBe("1 PB cells, 0 mismatches");
  });
});

describe("an own set: exported, edited, used, and marked on every report", () => {
  it("pb parameters --export writes the set as one new file and never over an existing one", async () => {
    const file = path.join(dir, "eigen.json");
    const r = await run("parameters", "--export", file);
    expect(r.code).toBe(0);
    expect(r.stdout).toEqual([`Parameterset ${PARAMETER_SET_VERSION} geschreven naar ${file}. Pas waarden en bronnen aan en reken ermee met --parameterset ${file}.`]);
    const doc = JSON.parse(await fs.readFile(file, "utf8"));
    expect(doc).toMatchObject({ version: PARAMETER_SET_VERSION, hash: PARAMETER_SET_HASH });
    const again = await run("parameters", "--export", file);
    expect(again.code).toBe(2);
    expect(again.stderr[0]).toBe(`${file} bestaat al; pb schrijft nooit in een bestaand bestand. Kies een andere naam.`);
  });

  it("recalc and check with it say EIGEN PARAMETERSET in the report; recalc --json carries the origin and the file", async () => {
    const file = path.join(dir, "eigen-werkgeverslasten.json");
    await run("parameters", "--export", file);
    const doc = JSON.parse(await fs.readFile(file, "utf8"));
    const wgl = doc.parameters.find((p: { name: string }) => p.name === "lks.werkgeverslasten");
    wgl.values.push({ from: "2025-01-01", value: 0.24, source: { regeling: "eigen scenario", confidence: "L", note: "alleen om te vergelijken" } });
    await fs.writeFile(file, JSON.stringify(doc));
    const text = await run("recalc", madeWithOld, "--parameterset", file);
    expect(text.stdout[1]).toMatch(new RegExp(`^PB Rekenkit 0\\.1\\.0; parameterset ${PARAMETER_SET_VERSION} \\([0-9a-f]{16}\\); EIGEN PARAMETERSET uit .*eigen-werkgeverslasten\\.json, geen vrijgegeven set; rekenkern`));
    // 2.191,80 × 1,08 × 0,5 × 1,24 × 32/36 = 1.304,56: the own werkgeverslasten of 24%
    expect(text.stdout.join("\n")).toContain("1304.56");
    const json = await run("recalc", madeWithOld, "--json", "--parameterset", file);
    const report = JSON.parse(json.stdout.join("\n"));
    expect(report).toMatchObject({ parameterSetOrigin: "eigen", parameterSetFile: file, parameterSetVersion: PARAMETER_SET_VERSION });
    expect(report.parameterSetHash).not.toBe(PARAMETER_SET_HASH);
  });

  it("a broken own file: exit 2, naming file and value", async () => {
    const file = path.join(dir, "kapot-eigen.json");
    await run("parameters", "--export", file);
    const doc = JSON.parse(await fs.readFile(file, "utf8"));
    doc.parameters.find((p: { name: string }) => p.name === "wml.maand").values[3].from = "2016-13-01";
    await fs.writeFile(file, JSON.stringify(doc));
    const r = await run("eval", "--parameterset", file, "=1");
    expect(r.code).toBe(2);
    expect(r.stderr.join("\n")).toContain(`${file}, parameter wml.maand: waarde 4 (vanaf 2016-13-01): "2016-13-01" is geen bestaande datum`);
  });
});

describe("pb parameters", () => {
  it("on 1-12-2026: every table with its reach; the minimum wage ends in 30 days: warned on stderr, exit 1", async () => {
    const r = await run("parameters", "--datum", "2026-12-01");
    expect(r.code).toBe(1);
    expect(r.stdout[0]).toBe(`PB Rekenkit, parameterset ${PARAMETER_SET_VERSION} (${PARAMETER_SET_HASH}); peildatum vandaag 1-12-2026`);
    expect(r.stdout).toContain(["wml.maand", "EUR/maand", "1-1-2015", "1-7-2026", "31-12-2026 (nog 30 dagen; volgende waarde nog niet bekendgemaakt)"].join("\t"));
    expect(r.stdout).toContain(["verdeling.outputlag", "jaren", "1-1-2009", "1-1-2009", "31-12-2014 (regeling vervallen)"].join("\t"));
    expect(r.stdout).toContain(["lks.herziening", "regel", "1-1-2015", "1-1-2023", "geen einde"].join("\t"));
    expect(r.stderr).toEqual([
      "Let op: wml.jeugdstaffel, wml.maand en wml.uur lopen af op 31-12-2026, over 30 dagen. Daarna geeft elke berekening die ze nodig heeft #N/A, tot een nieuwere versie van PB Rekenkit de volgende waarde bevat.",
    ]);
  });

  it("61 days before the end (31-10-2026) no warning, exit 0; 60 days before (1-11-2026) the warning", async () => {
    const calm = await run("parameters", "--datum", "2026-10-31");
    expect(calm.code).toBe(0);
    expect(calm.stderr).toEqual([]);
    const warned = await run("parameters", "--datum", "1-11-2026");
    expect(warned.code).toBe(1);
    expect(warned.stderr[0]).toMatch(/lopen af op 31-12-2026, over 60 dagen/);
  });

  it("after the end: ended, in the table and the warning", async () => {
    const r = await run("parameters", "--datum", "2027-01-02");
    expect(r.stdout).toContain(["wml.uur", "EUR/uur", "1-1-2024", "1-7-2026", "31-12-2026 (VERLOPEN: volgende waarde nog niet bekendgemaakt)"].join("\t"));
    expect(r.stderr[0]).toMatch(/^Let op: wml\.jeugdstaffel, wml\.maand en wml\.uur zijn afgelopen op 31-12-2026\./);
  });

  it("--json lists the tables with their last day and days left", async () => {
    const r = await run("parameters", "--json", "--datum", "2026-12-01");
    const doc = JSON.parse(r.stdout.join("\n"));
    expect(doc.parameterSet).toEqual({ version: PARAMETER_SET_VERSION, hash: PARAMETER_SET_HASH, origin: "ingebouwd" });
    expect(doc.tables.find((t: { name: string }) => t.name === "wml.maand")).toEqual({
      name: "wml.maand",
      unit: "EUR/maand",
      firstFrom: "2015-01-01",
      lastFrom: "2026-07-01",
      lastDay: "2026-12-31",
      untilReason: "unpublished",
      daysLeft: 30,
      warn: true,
    });
  });

  it(`--parameterset ${OLD}: its own tables (the minimum wage ended 30-6-2026; that set does not say why a table ends)`, async () => {
    const r = await run("parameters", "--parameterset", OLD, "--datum", "2026-12-01");
    expect(r.stdout).toContain(["wml.maand", "EUR/maand", "1-1-2015", "1-1-2026", "30-6-2026 (einde van de tabel)"].join("\t"));
    expect(r.stdout).toContain(["meeneem.reservering", "fractie", "1-1-2009", "1-1-2009", "31-12-2014 (einde van de tabel)"].join("\t"));
    // Only an end still ahead is warned about in such a set: nothing here.
    expect(r.code).toBe(0);
  });

  it("a bad date: exit 2", async () => {
    const r = await run("parameters", "--datum", "morgen");
    expect(r.code).toBe(2);
    expect(r.stderr[0]).toBe('--datum verwacht een datum (2026-12-01 of 1-12-2026), niet "morgen".');
  });
});
