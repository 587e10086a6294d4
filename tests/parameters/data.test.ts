/**
 * The parameter data files and their gate: the validator (schema + what a schema cannot say) passes the data in force
 * and every released set, and refuses each kind of broken file with a Dutch message naming file and value. The same gate
 * stops the build (scripts/check-parameters.js).
 */
import { spawnSync } from "child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import { FILES } from "../../src/parameters/data";
import { RELEASED_FILES } from "../../src/parameters/catalog";
import { validateParameter, validateParameterFiles, validateParameterSetDocument } from "../../src/parameters/validate";

const ROOT = path.join(__dirname, "..", "..");
const DATA = path.join(ROOT, "src", "parameters", "data");
const RELEASED = path.join(ROOT, "src", "parameters", "released");

type Json = Record<string, unknown> & { values: Record<string, unknown>[] };
const read = (name: string): Json => JSON.parse(readFileSync(path.join(DATA, `${name}.json`), "utf8")) as Json;

describe("the data in force", () => {
  it("every file in src/parameters/data is imported by its index (and nothing else is)", () => {
    const onDisk = readdirSync(DATA).filter((f) => f.endsWith(".json") && f !== "set.json").sort();
    expect(Object.keys(FILES).sort()).toEqual(onDisk);
  });

  it("every released set in src/parameters/released is known to the catalog", () => {
    expect(Object.keys(RELEASED_FILES).sort()).toEqual(readdirSync(RELEASED).filter((f) => f.endsWith(".json")).sort());
  });

  it("passes the validator, with a reason wherever a table ends", () => {
    const files = Object.fromEntries(Object.entries(FILES).map(([f, d]) => [`src/parameters/data/${f}`, d]));
    expect(validateParameterFiles(files, { requireUntilReason: true })).toEqual([]);
  });

  it.each(Object.keys(RELEASED_FILES))("released set %s passes the validator", (f) => {
    expect(validateParameterSetDocument(f, RELEASED_FILES[f])).toEqual([]);
  });
});

describe("a broken parameter file is refused, naming file and value", () => {
  const F = "src/parameters/data/wml.maand.json";

  it("a gap: the half-year 1-7-2025 left out of the minimum wage (revised every 1 January and 1 July)", () => {
    const p = read("wml.maand");
    p.values = p.values.filter((v) => v.from !== "2025-07-01");
    expect(validateParameter(F, p, { requireUntilReason: true })).toEqual([
      `${F}: mist de waarde vanaf 2025-07-01: deze tabel wordt elk halfjaar herzien (1 januari en 1 juli), dus hier zit een gat`,
    ]);
  });

  it("a table end past the last value with a revision in between (until 2027-07-01 with no value for 1-1-2027)", () => {
    const p = read("wml.maand");
    p.until = "2027-07-01";
    expect(validateParameter(F, p, { requireUntilReason: true })).toEqual([
      `${F}: mist de waarde vanaf 2027-01-01: until 2027-07-01 laat de waarde van 2026-07-01 over een halfjaarlijkse herziening heen doorlopen`,
    ]);
  });

  it("an overlap: two values from 1-7-2026", () => {
    const p = read("wml.maand");
    p.values.push({ ...p.values[p.values.length - 1], value: 2340 });
    expect(validateParameter(F, p, { requireUntilReason: true })).toEqual([
      `${F}: waarde 25 (vanaf 2026-07-01): overlapt met waarde 24, die ook geldt vanaf 2026-07-01`,
    ]);
  });

  it("values out of date order", () => {
    const p = read("lks.werkgeverslasten");
    p.values.reverse();
    expect(validateParameter("lks.werkgeverslasten.json", p)).toContain(
      "lks.werkgeverslasten.json: waarde 2 (vanaf 2018-01-01): staat niet op datumvolgorde (waarde 1 geldt vanaf 2021-07-01)",
    );
  });

  it("an end before the last value (until 2026-01-01, last value from 2026-07-01)", () => {
    const p = read("wml.maand");
    p.until = "2026-01-01";
    expect(validateParameter(F, p, { requireUntilReason: true })).toContain(
      `${F}: until 2026-01-01 ligt niet na de laatste waarde (vanaf 2026-07-01): de tabellen overlappen`,
    );
  });

  it("a value without source", () => {
    const p = read("wml.maand");
    delete p.values[23].source;
    expect(validateParameter(F, p)).toEqual([`${F}: waarde 24 (vanaf 2026-07-01) mist het veld source`]);
  });

  it("a source without regeling, and a confidence other than H without a note", () => {
    const p = read("vakantiebijslag");
    p.values[0].source = { regeling: " ", confidence: "M" };
    const problems = validateParameter("vakantiebijslag.json", p);
    expect(problems).toContain('vakantiebijslag.json: waarde 1 (vanaf 2015-01-01), source.regeling heeft niet de juiste vorm (\\S) (" ")');
    p.values[0].source = { regeling: "Wet minimumloon en minimumvakantiebijslag", confidence: "M" };
    expect(validateParameter("vakantiebijslag.json", p)).toEqual([
      "vakantiebijslag.json: waarde 1 (vanaf 2015-01-01): betrouwbaarheid M zonder toelichting (note) waarom niet H",
    ]);
  });

  it("a unit that does not exist, and a value that does not fit its unit", () => {
    const p = read("wml.maand");
    p.unit = "euro";
    expect(validateParameter(F, p)[0]).toMatch(/^src\/parameters\/data\/wml\.maand\.json: unit moet een van deze zijn: "EUR\/maand", /);
    const q = read("lks.werkgeverslasten");
    q.values[0].value = 23; // a percentage where a fraction belongs
    expect(validateParameter("lks.werkgeverslasten.json", q)).toEqual([
      "lks.werkgeverslasten.json: waarde 1 (vanaf 2015-01-01): 23 moet een fractie van 0 tot en met 1 zijn (23,5% = 0.235)",
    ]);
    const r = read("wml.maand");
    r.values[0].value = 1501.805; // half a cent
    expect(validateParameter(F, r)).toEqual([
      `${F}: waarde 1 (vanaf 2015-01-01): 1501.805 heeft meer dan twee decimalen; een bedrag in EUR/maand staat in hele centen`,
    ]);
  });

  it("a rule the code does not know (a typo in lks.herziening would silently drop every re-set from 1-1-2023)", () => {
    const p = read("lks.herziening");
    p.values[2].value = "januari-tot-en-met-januar";
    expect(validateParameter("lks.herziening.json", p)).toEqual([
      'lks.herziening.json: waarde 3 (vanaf 2023-01-01): "januari-tot-en-met-januar" is geen regel die PB Rekenkit kent voor lks.herziening; bekend zijn: jaarlijks-na-aanvang, januari-ontwikkeling-voorafgaand-jaar, januari-tot-en-met-januari',
    ]);
    const q = read("lks.deeltijdregel");
    q.values[1].value = "verminderen-of-vermeerderen-tot-voltij";
    expect(validateParameter("lks.deeltijdregel.json", q)[0]).toMatch(/^lks\.deeltijdregel\.json: waarde 2 \(vanaf 2024-01-01\): "verminderen-of-vermeerderen-tot-voltij" is geen regel/);
    const r = { ...read("lks.cap"), name: "lks.nieuweregel", unit: "regel", values: [{ ...read("lks.cap").values[0], value: "iets" }] };
    expect(validateParameter("lks.nieuweregel.json", r)).toEqual([
      'lks.nieuweregel.json: waarde 1 (vanaf 2015-01-01): "iets" is een regel, maar PB Rekenkit kent geen regels voor lks.nieuweregel',
    ]);
  });

  it("a malformed date and a date that does not exist", () => {
    const p = read("wml.maand");
    p.values[0].from = "2015-1-1";
    expect(validateParameter(F, p)).toEqual([`${F}: waarde 1 (vanaf 2015-1-1), from is geen datum in de vorm JJJJ-MM-DD ("2015-1-1")`]);
    const q = read("lks.cap");
    q.values[0].from = "2015-02-30";
    expect(validateParameter("lks.cap.json", q)).toEqual(['lks.cap.json: waarde 1 (vanaf 2015-02-30): "2015-02-30" is geen bestaande datum']);
  });

  it("a table end without a reason (the data in force must say whether the next value is awaited or the rule lapsed)", () => {
    const p = read("wml.maand");
    delete p.untilReason;
    expect(validateParameter(F, p, { requireUntilReason: true })).toEqual([
      `${F}: until 2027-01-01 zonder untilReason: zeg of de volgende waarde nog niet is gepubliceerd ("unpublished") of de regeling is vervallen ("repealed")`,
    ]);
  });

  it("a file named after another parameter, and one parameter in two files", () => {
    const cap = read("lks.cap");
    expect(validateParameterFiles({ "data/lks.cap.json": cap, "data/lks.kap.json": cap })).toEqual([
      "data/lks.kap.json: bevat parameter lks.cap; het bestand moet lks.cap.json heten",
      "data/lks.kap.json: parameter lks.cap staat ook in data/lks.cap.json",
    ]);
  });

  it("a user's own set that lacks a parameter or adds an unknown one", () => {
    const doc = { version: "2026.12.0", parameters: [read("lks.cap"), { ...read("vakantiebijslag"), name: "vakantie.bijslag" }] };
    expect(validateParameterSetDocument("eigen.json", doc, { requiredNames: ["lks.cap", "vakantiebijslag"] })).toEqual([
      "eigen.json: mist de parameter(s) vakantiebijslag",
      "eigen.json: onbekende parameter(s) vakantie.bijslag (bekend zijn: lks.cap, vakantiebijslag)",
    ]);
  });
});

describe("the build gate (scripts/check-parameters.js)", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), "pb-params-"));
    cpSync(path.join(ROOT, "src", "parameters", "data"), path.join(dir, "data"), { recursive: true });
    cpSync(path.join(ROOT, "src", "parameters", "released"), path.join(dir, "released"), { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const gate = () =>
    spawnSync(process.execPath, [path.join(ROOT, "scripts", "check-parameters.js")], { cwd: dir, env: { ...process.env, PB_PARAMETERS_DIR: dir }, encoding: "utf8" });

  it("passes the data as they are", () => {
    const r = gate();
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("Parameterdata gecontroleerd: in orde.\n");
  });

  it("stops on a broken file, one line naming file and value", () => {
    const p = read("wml.uur");
    p.values[5].value = "14,99";
    writeFileSync(path.join(dir, "data", "wml.uur.json"), JSON.stringify(p));
    const r = gate();
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('data/wml.uur.json: waarde 6 (vanaf 2026-07-01): "14,99" moet een bedrag groter dan 0 zijn voor eenheid EUR/uur');
  });

  it("stops when data change under a version that is already released", () => {
    const p = read("lks.cap");
    p.description = `${p.description} (gewijzigd)`;
    writeFileSync(path.join(dir, "data", "lks.cap.json"), JSON.stringify(p));
    const r = gate();
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/released\/2026\.12\.3\.json: versie 2026\.12\.3 is vrijgegeven, maar src\/parameters\/data wijkt ervan af .*verhoog de versie/);
  });

  it("stops when a released set is edited afterwards (its hash no longer matches)", () => {
    const file = path.join(dir, "released", "2026.11.4.json");
    const doc = JSON.parse(readFileSync(file, "utf8"));
    doc.parameters[0].values[0].source.confidence = "M";
    doc.parameters[0].values[0].source.note = "gewijzigd";
    writeFileSync(file, JSON.stringify(doc));
    const r = gate();
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/released\/2026\.11\.4\.json: controlegetal [0-9a-f]{16} wijkt af van het vrijgegeven controlegetal ca4292c2e38c6ff5/);
  });
});
