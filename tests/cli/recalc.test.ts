import { promises as fs } from "fs";
import * as path from "path";
import JSZip from "jszip";
import { main } from "../../src/cli/main";
import type { CliIO } from "../../src/cli/command";
import { PARAMETER_SET_VERSION } from "../../src/parameters";
import { readWorkbook } from "../../src/xlsx/read";
import { registerModel, tempDir, writeModel } from "../engine/helpers";

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

let dir: string;
let good: string;
let tampered: string;
beforeAll(async () => {
  dir = await tempDir("pb-cli-");
  good = await writeModel(dir, "register.xlsx", registerModel());
  // 1596,56 saved as 1600: a difference of −3,44
  tampered = await writeModel(dir, "tampered.xlsx", registerModel((e, i) => (i === 0 ? 1600 : e)));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe("pb eval", () => {
  it("prints 1596.56 for PB.LKS(DATE(2023,7,1),0.4,38), one result per line", async () => {
    const r = await run("eval", "=PB.LKS(DATE(2023,7,1),0.4,38)", "=DATE(2023,7,1)", '=PB.LKS(DATE(2023,7,1),"x",38)', "=1=1");
    expect(r.code).toBe(0);
    expect(r.stdout).toEqual([
      "1596.56",
      "45108", // dates as serials
      '#VALUE! loonwaarde: "x" is geen getal. Verwacht: een getal, bijvoorbeeld 0,6 of 38.',
      "TRUE",
    ]);
  });
  it("without a formula: usage, exit 2", async () => {
    const r = await run("eval");
    expect(r.code).toBe(2);
    expect(r.stderr[0]).toMatch(/Geef minstens één formule/);
  });
});

describe("pb recalc", () => {
  it("exit 0 and the summary line last when every PB cell matches", async () => {
    const r = await run("recalc", good);
    expect(r.code).toBe(0);
    expect(r.stdout[r.stdout.length - 1]).toBe("3 PB cells, 0 mismatches");
    expect(r.stdout.join("\n")).toContain(`parameterset ${PARAMETER_SET_VERSION}`);
    expect(r.stdout).toContain(["Register", "D2", "=PB.LKS(A2,B2,C2)", "1596.56", "1596.56", "0", "ok", ""].join("\t"));
  });

  it("exit 1 on a mismatch, with the difference", async () => {
    const r = await run("recalc", tampered);
    expect(r.code).toBe(1);
    expect(r.stdout[r.stdout.length - 1]).toBe("3 PB cells, 1 mismatches");
    const row = r.stdout.find((l) => l.startsWith("Register\tD2\t"))!;
    expect(row.split("\t").slice(3, 7)).toEqual(["1600", "1596.56", "-3.44", "VERSCHIL"]);
  });

  it("--json: a JSON report on stdout with the parameter-set version; summary on stderr", async () => {
    const r = await run("recalc", tampered, "--json");
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout.join("\n"));
    expect(report).toMatchObject({ pbCells: 3, mismatches: 1, parameterSetVersion: PARAMETER_SET_VERSION, summary: "3 PB cells, 1 mismatches" });
    expect(report.cells[0]).toMatchObject({ sheet: "Register", address: "D2", cached: 1600, recomputed: 1596.56, status: "mismatch" });
    expect(r.stderr[r.stderr.length - 1]).toBe("3 PB cells, 1 mismatches");
  });

  it("--out report.xlsx writes a report workbook (overview, receipts, provenance), and the summary is still last", async () => {
    const out = path.join(dir, "rapport.xlsx");
    const r = await run("recalc", tampered, "--out", out);
    expect(r.code).toBe(1);
    expect(r.stdout[r.stdout.length - 1]).toBe("3 PB cells, 1 mismatches");
    const { model } = await readWorkbook(out);
    expect(model.sheets.map((s) => s.name)).toEqual(["Controle", "Bonnen", "Over"]);
    const d2 = model.sheets[0].cells.filter((c) => c.address.endsWith("2")).map((c) => c.value);
    expect(d2.slice(0, 7)).toEqual(["Register", "D2", "=PB.LKS(A2,B2,C2)", 1600, 1596.56, expect.closeTo(-3.44, 9), "VERSCHIL"]);
  });

  it("--out report.json and a text report", async () => {
    const json = path.join(dir, "rapport.json");
    expect((await run("recalc", good, "--out", json)).code).toBe(0);
    expect(JSON.parse(await fs.readFile(json, "utf8")).summary).toBe("3 PB cells, 0 mismatches");
    const txt = path.join(dir, "rapport.txt");
    await run("recalc", good, "--out", txt);
    expect((await fs.readFile(txt, "utf8")).trim().split("\n").pop()).toBe("3 PB cells, 0 mismatches");
  });

  it("never writes over its input: --out equal to the input (also by another path) is refused, file untouched", async () => {
    const before = await fs.readFile(good);
    for (const out of [good, path.join(dir, ".", "sub", "..", "register.xlsx")]) {
      const r = await run("recalc", good, "--out", out);
      expect(r.code).toBe(2);
      expect(r.stderr.join(" ")).toMatch(/schrijft nooit over de gecontroleerde werkmap/);
    }
    const link = path.join(dir, "link.xlsx");
    await fs.symlink(good, link);
    expect((await run("recalc", good, "--out", link)).code).toBe(2);
    expect(Buffer.compare(await fs.readFile(good), before)).toBe(0);
  });

  it("recalc without a file, with an unknown option, or an unknown command: exit 2 with a Dutch message", async () => {
    expect((await run("recalc")).stderr[0]).toMatch(/Geef een werkmap \(of meer, of een map\)/);
    const r = await run("recalc", good, "--verbose");
    expect([r.code, r.stderr[0]]).toEqual([2, "Onbekende optie --verbose."]);
    const u = await run("herreken");
    expect([u.code, u.stderr[0]]).toEqual([2, 'Onbekende opdracht "herreken". Bekende opdrachten: eval, recalc' + u.stderr[0].slice(u.stderr[0].indexOf("recalc") + 6)]);
  });
});

describe("pb recalc on bad input: Dutch message, exit 2, no stack trace", () => {
  async function bad(name: string, content: Buffer | string, ...extra: string[]) {
    const f = path.join(dir, name);
    await fs.writeFile(f, content);
    const r = await run("recalc", f, ...extra);
    expect(r.code).toBe(2);
    expect(r.stdout).toEqual([]);
    const msg = r.stderr.join("\n");
    expect(msg).not.toMatch(/\n\s+at /); // no stack trace
    return msg;
  }

  it("a file that does not exist", async () => {
    const r = await run("recalc", path.join(dir, "bestaat-niet.xlsx"));
    expect(r.code).toBe(2);
    expect(r.stderr[0]).toMatch(/bestaat-niet\.xlsx bestaat niet/);
  });

  it("not a zip (a CSV renamed to .xlsx)", async () => {
    expect(await bad("csv.xlsx", "peildatum;loonwaarde\n2023-07-01;0,4\n")).toMatch(/geen Excel-werkmap \(\.xlsx\): het is geen zip-bestand/);
  });

  it("an empty file", async () => {
    expect(await bad("leeg.xlsx", "")).toMatch(/is leeg \(0 bytes\)/);
  });

  it("a zip that is not a workbook", async () => {
    const zip = new JSZip();
    zip.file("word/document.xml", "<w:document/>");
    zip.file("[Content_Types].xml", "<Types/>");
    expect(await bad("docx.xlsx", await zip.generateAsync({ type: "nodebuffer" }))).toMatch(/zip-bestand, maar geen Excel-werkmap: xl\/workbook\.xml ontbreekt/);
  });

  it("a password-protected (encrypted) workbook: OLE compound file with an EncryptionInfo stream", async () => {
    const ole = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(504),
      Buffer.from("EncryptionInfo", "utf16le"),
      Buffer.from("EncryptedPackage", "utf16le"),
      Buffer.alloc(512),
    ]);
    expect(await bad("geheim.xlsx", ole)).toMatch(/met een wachtwoord beveiligd \(versleuteld\)/);
  });

  it("an old .xls (OLE without encryption)", async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1024)]);
    expect(await bad("oud.xls", ole)).toMatch(/oud Excel 97-2003-bestand/);
  });

  it("a corrupt workbook: truncated zip, and a zip with broken sheet XML", async () => {
    const bytes = await fs.readFile(good);
    expect(await bad("afgebroken.xlsx", bytes.subarray(0, Math.floor(bytes.length / 2)))).toMatch(/is beschadigd/);
    const zip = await JSZip.loadAsync(bytes);
    zip.file("xl/worksheets/sheet1.xml", "<worksheet><sheetData><row r=\"1\"><c r=\"A1\"");
    expect(await bad("kapot.xlsx", await zip.generateAsync({ type: "nodebuffer" }))).toMatch(/is beschadigd/);
  });

  it("a huge file: above the limit (here --max-mb 0.001 for the test), refused before reading", async () => {
    const msg = await bad("groot.xlsx", await fs.readFile(good), "--max-mb", "0.001");
    expect(msg).toMatch(/de grens is 0\.001 MB|de grens is 0,001 MB/);
    expect(msg).toMatch(/--max-mb/);
  });

  it("a zip bomb: tiny file that unpacks far beyond the limit, refused on the zip's own claim before inflating", async () => {
    const zip = await JSZip.loadAsync(await fs.readFile(good));
    // 3 MB of zeros packs to ~3 kB; the unpacked limit here is 2 MB (limits.test.ts: the claim is not believed)
    zip.file("xl/media/nul.bin", Buffer.alloc(3_000_000));
    const msg = await bad("bom.xlsx", await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }), "--max-uitgepakt-mb", "2");
    expect(msg).toMatch(/pakt uit tot meer dan 3 MB \(grens 2 MB/);
  });

  it("a binary .xlsb and an OpenDocument file", async () => {
    const xlsb = new JSZip();
    xlsb.file("xl/workbook.bin", "x");
    expect(await bad("b.xlsb", await xlsb.generateAsync({ type: "nodebuffer" }))).toMatch(/binaire Excel-werkmap \(\.xlsb\)/);
    const ods = new JSZip();
    ods.file("mimetype", "application/vnd.oasis.opendocument.spreadsheet");
    expect(await bad("c.ods", await ods.generateAsync({ type: "nodebuffer" }))).toMatch(/OpenDocument-rekenblad/);
  });
});
