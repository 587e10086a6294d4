/**
 * A receipt per figure: `pb recalc --json` gives each PB cell the receipt the task pane's audit sheet has (function,
 * rule version, legal basis, the inputs the function received with dates as ISO, every parameter value with its
 * valid-from date and source), under a header with the file's name, size and sha256, the UTC time, the versions and
 * the parameter set. `--out rapport.xlsx` gets a sheet "Bonnen", one row per parameter use.
 */
import { createHash } from "crypto";
import { promises as fs } from "fs";
import * as path from "path";
import { withReceipt } from "../../src/functions/receipt";
import { PARAMETER_SET_HASH, PARAMETER_SET_VERSION } from "../../src/parameters";
import { ADDIN_VERSION } from "../../src/version";
import { readWorkbook } from "../../src/xlsx/read";
import { editParts, REGISTER, registerModel, tempDir, writeModel } from "../engine/helpers";
import { run } from "./helpers";

let dir: string;
let good: string;
beforeAll(async () => {
  dir = await tempDir("pb-bon-");
  good = await writeModel(dir, "register.xlsx", registerModel());
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe("--json", () => {
  it("header: file, size, sha256, UTC time, versions, parameter set", async () => {
    const bytes = await fs.readFile(good);
    const t0 = Date.now();
    const r = await run("recalc", good, "--json");
    const report = JSON.parse(r.stdout.join("\n"));
    expect(report.file).toBe(good);
    expect(report.fileName).toBe("register.xlsx");
    expect(report.size).toBe(bytes.length);
    expect(report.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
    expect(report.auditedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
    expect(Math.abs(Date.parse(report.auditedAt) - t0)).toBeLessThan(60_000);
    expect(report).toMatchObject({ addinVersion: ADDIN_VERSION, engine: expect.stringMatching(/^HyperFormula \d/) });
    expect(report.parameterSet).toMatchObject({ version: PARAMETER_SET_VERSION, hash: PARAMETER_SET_HASH });
  });

  it("every PB cell has its receipt: 1596,56 from WML 1995,00 (from 2023-07-01) × 1,08 × 0,6 × 1,235", async () => {
    const r = await run("recalc", good, "--json");
    const report = JSON.parse(r.stdout.join("\n"));
    expect(report.cells).toHaveLength(3);
    const d2 = report.cells[0].receipt;
    expect(d2).toMatchObject({
      function: "PB.LKS",
      ruleVersion: expect.any(String),
      legalBasis: expect.stringMatching(/art\. 10d lid 4/),
      inputs: { peildatum: "2023-07-01", loonwaarde: 0.4, uren_per_week: 38 },
      result: 1596.56,
    });
    const wml = d2.parameters.find((p: { name: string }) => p.name === "wml.maand");
    expect(wml).toMatchObject({ value: 1995, unit: "EUR/maand", from: "2023-07-01", until: "2024-01-01" });
    expect(Object.keys(wml.source)).toEqual(expect.arrayContaining(["regeling", "artikel", "bwb", "url", "confidence"]));
    // the same parameters, in the same order, as the task pane's receipt for the same call
    const pane = withReceipt("LKS", ["2023-07-01", 0.4, 38]);
    expect(d2.parameters).toEqual(JSON.parse(JSON.stringify(pane.parameters)));
    REGISTER.forEach(([iso, lw, h, expected], i) => {
      expect(report.cells[i].receipt.inputs).toEqual({ peildatum: iso, loonwaarde: lw, uren_per_week: h });
      expect(report.cells[i].receipt.result).toBe(expected);
    });
  });

  it("engine messages that reach the report are Dutch: cycle, wrong number of arguments, parse error", async () => {
    const f = await editParts(good, path.join(dir, "fouten.xlsx"), (part, xml) =>
      part === "xl/worksheets/sheet1.xml"
        ? xml
            .replace(/<c r="D2"[^>]*>.*?<\/c>/, '<c r="D2"><f>_xldudf_PB_LKS(A2,D2,C2)</f><v>1596.56</v></c>')
            .replace(/<c r="D3"[^>]*>.*?<\/c>/, '<c r="D3"><f>_xldudf_PB_LKS(A3,ABS(B3,1),C3)</f><v>665.23</v></c>')
            .replace(/<c r="D4"[^>]*>.*?<\/c>/, '<c r="D4"><f>_xldudf_PB_LKS(A4,B4+,C4)</f><v>1862.65</v></c>')
        : xml,
    );
    const r = await run("recalc", f, "--json");
    const notes = JSON.parse(r.stdout.join("\n")).cells.map((c: { note?: string }) => c.note ?? "");
    expect(notes[0]).toMatch(/kringverwijzing/i);
    expect(notes[1]).toMatch(/aantal argumenten/i);
    expect(notes[2]).toMatch(/formule .*niet (worden )?gelezen|ontleden|schrijfwijze/i);
    for (const n of notes) expect(n).not.toMatch(/Wrong number|Parsing error|Cyclic|unexpected/);
  });
});

describe("--out rapport.xlsx: a sheet Bonnen beside the overview", () => {
  it("one row per parameter use, Dutch headers, dates and money formatted", async () => {
    const out = path.join(dir, "rapport.xlsx");
    const r = await run("recalc", good, "--out", out);
    expect(r.code).toBe(0);
    const { model } = await readWorkbook(out);
    expect(model.sheets.map((s) => s.name)).toEqual(["Controle", "Bonnen", "Over"]);
    const bonnen = model.sheets[1];
    const header = bonnen.cells.filter((c) => /^[A-Z]+1$/.test(c.address)).map((c) => c.value);
    expect(header).toEqual(
      expect.arrayContaining(["Werkblad", "Cel", "Functie", "Invoer", "Resultaat", "Parameter", "Waarde", "Eenheid", "Geldig vanaf", "Geldig tot", "Regeling", "Artikel", "Betrouwbaarheid"]),
    );
    const rows = new Set(bonnen.cells.map((c) => Number(/\d+$/.exec(c.address)![0])).filter((n) => n > 1));
    const expected = REGISTER.reduce((s, [iso, lw, h]) => s + withReceipt("LKS", [iso, lw, h]).parameters.length, 0);
    expect(rows.size).toBe(expected);
    const over = model.sheets[2].cells.map((c) => c.value);
    expect(over).toEqual(expect.arrayContaining(["sha256", createHash("sha256").update(await fs.readFile(good)).digest("hex")]));
  });

  it("the text report stays as it is; --bonnen adds the receipts", async () => {
    const plain = await run("recalc", good);
    const withBonnen = await run("recalc", good, "--bonnen");
    expect(withBonnen.stdout.slice(0, plain.stdout.length - 1)).toEqual(plain.stdout.slice(0, -1));
    expect(withBonnen.stdout.join("\n")).toMatch(/wml\.maand[^\n]*1995[^\n]*2023-07-01/);
    expect(withBonnen.stdout[withBonnen.stdout.length - 1]).toBe("3 PB cells, 0 mismatches");
  });
});
