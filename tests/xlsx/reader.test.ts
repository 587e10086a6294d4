/**
 * The strict reader on hand-built packages: what it reads into the model for issue 11 (tables, date system,
 * calculation mode, cached values, defined names with scope), the cell types, and what it refuses. Each package is
 * built byte by byte here, so nothing a writer would normalise can hide a case.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { readWorkbook } from "../../src/xlsx/read";
import { WorkbookReadError } from "../../src/xlsx/readErrors";
import { ZipPackage } from "../../src/xlsx/package";
import { DEFAULT_LIMITS } from "../../src/xlsx/limits";
import { tempDir } from "../engine/helpers";
import { buildZip, deflated, minimalParts, SHEET_HEAD, SHEET_TAIL, type RawEntry } from "./zipBuild";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG = "http://schemas.openxmlformats.org/package/2006/relationships";

let dir: string;
beforeAll(async () => {
  dir = await tempDir("pb-reader-");
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

let n = 0;
/** A one-sheet workbook with `rows` inside <sheetData>; `parts` replace or add parts by name. */
async function file(rows: string, parts: RawEntry[] = []): Promise<string> {
  const base = minimalParts(deflated("xl/worksheets/sheet1.xml", SHEET_HEAD + rows + SHEET_TAIL));
  const byName = new Map(base.map((e) => [e.name, e]));
  for (const p of parts) byName.set(p.name, p);
  const f = path.join(dir, `w${++n}.xlsx`);
  await fs.writeFile(f, buildZip([...byName.values()]));
  return f;
}

function workbookXml(inner: string, sheets = '<sheets><sheet name="Register" sheetId="1" r:id="rId1"/></sheets>'): RawEntry {
  return deflated("xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}">${inner}${sheets}</workbook>`);
}

async function refusal(f: string): Promise<string> {
  try {
    await readWorkbook(f);
  } catch (e) {
    expect(e).toBeInstanceOf(WorkbookReadError);
    return (e as Error).message;
  }
  throw new Error("not refused");
}

const cells = async (f: string) => (await readWorkbook(f)).model.sheets[0].cells;

describe("what the model gets", () => {
  it("date system, calculation mode, names with scope and hidden flag, formula cached-value counts", async () => {
    const f = await file('<row r="1"><c r="A1"><f>1+1</f><v>2</v></c><c r="B1"><f>A1*2</f></c></row>', [
      workbookXml(
        '<workbookPr date1904="1"/>',
        '<sheets><sheet name="Register" sheetId="1" r:id="rId1"/></sheets><definedNames><definedName name="Uren" localSheetId="0">38</definedName>' +
          '<definedName name="_xlnm._FilterDatabase" hidden="1">Register!$A$1:$B$1</definedName></definedNames><calcPr calcMode="manual"/>',
      ),
    ]);
    const r = await readWorkbook(f);
    expect(r.model).toMatchObject({ date1904: true, calcMode: "manual", formulaStats: { formulas: 2, withCachedValue: 1 } });
    expect(r.model.names).toEqual([
      { name: "Uren", ref: "38", localSheet: "Register" },
      { name: "_xlnm._FilterDatabase", ref: "Register!$A$1:$B$1", hidden: true },
    ]);
    expect(r.warnings.join(" ")).toMatch(/1904-datumsysteem/);
    expect(r.warnings.join(" ")).toMatch(/handmatig berekenen/);
  });

  it("tables, found through the sheet's relationships: name, ref, columns, header and totals rows", async () => {
    const sheet = `${SHEET_HEAD}<row r="1"><c r="A1" t="inlineStr"><is><t>Naam</t></is></c></row></sheetData><tableParts count="1"><tablePart r:id="rT"/></tableParts></worksheet>`;
    const f = await file("", [
      deflated("xl/worksheets/sheet1.xml", sheet),
      deflated("xl/worksheets/_rels/sheet1.xml.rels", `<Relationships xmlns="${PKG}"><Relationship Id="rT" Type="${REL}/table" Target="../tables/table1.xml"/></Relationships>`),
      deflated(
        "xl/tables/table1.xml",
        `<table xmlns="${MAIN}" id="1" name="Tabel1" displayName="Tabel1" ref="A1:C4" totalsRowCount="1"><tableColumns count="3"><tableColumn id="1" name="Naam"/><tableColumn id="2" name="Uren [pw]"/><tableColumn id="3" name="LKS"/></tableColumns></table>`,
      ),
    ]);
    expect((await readWorkbook(f)).model.tables).toEqual([
      { name: "Tabel1", displayName: "Tabel1", sheet: "Register", ref: "A1:C4", columns: ["Naam", "Uren [pw]", "LKS"], headerRowCount: 1, totalsRowCount: 1 },
    ]);
  });

  it("every cell type: number, shared and inline rich text without phonetic runs, boolean, error, ISO date, formula text", async () => {
    const sst = deflated(
      "xl/sharedStrings.xml",
      `<sst xmlns="${MAIN}"><si><t>peildatum</t></si><si><r><t>loon</t></r><r><rPr><b/></rPr><t xml:space="preserve">waarde </t></r><rPh><t>x</t></rPh></si></sst>`,
    );
    const wbRels = deflated(
      "xl/_rels/workbook.xml.rels",
      `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    );
    const f = await file(
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><r><t>a&amp;</t></r><r><t>b</t></r><rPh><t>p</t></rPh></is></c>' +
        '<c r="D1" t="b"><v>1</v></c><c r="E1" t="e"><v>#N/A</v></c><c r="F1" t="d"><v>2023-07-01</v></c><c r="G1" t="d"><v>2023-07-01T12:00:00</v></c>' +
        '<c r="H1" t="str"><f>"x"&amp;"y"</f><v>xy</v></c><c r="I1"><v>1.5E+3</v></c></row>',
      [sst, wbRels],
    );
    const got = Object.fromEntries((await cells(f)).map((c) => [c.address, c.value ?? c.result]));
    // 2023-07-01 is serial 45108 in the 1900 system; noon adds 0,5
    expect(got).toEqual({ A1: "peildatum", B1: "loonwaarde ", C1: "a&b", D1: true, E1: { error: "#N/A" }, F1: 45108, G1: 45108.5, H1: "xy", I1: 1500 });
  });

  it("the strict OOXML namespaces and a sheet written in UTF-16 read the same", async () => {
    const strict = "http://purl.oclc.org/ooxml/spreadsheetml/main";
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`<worksheet xmlns="${strict}"><sheetData><row r="1"><c r="A1"><v>7</v></c></row></sheetData></worksheet>`, "utf16le")]);
    const f = await file("", [deflated("xl/worksheets/sheet1.xml", utf16)]);
    expect(await cells(f)).toEqual([{ address: "A1", value: 7 }]);
  });
});

describe("named, though not read", () => {
  it("macros (VBA) and links to other workbooks are reported as warnings", async () => {
    const f = await file('<row r="1"><c r="A1"><v>1</v></c></row>', [deflated("xl/vbaProject.bin", "x"), deflated("xl/externalLinks/externalLink1.xml", "<x/>")]);
    const w = (await readWorkbook(f)).warnings.join(" ");
    expect(w).toMatch(/macro's \(VBA\)/);
    expect(w).toMatch(/koppelingen naar andere werkmappen/);
  });
});

describe("refused, with part, sheet and cell named", () => {
  it.each([
    ["a shared formula's clone outside its range", '<row r="2"><c r="D2"><f t="shared" ref="D2:D3" si="0">A2</f><v>1</v></c></row><row r="5"><c r="D5"><f t="shared" si="0"/><v>1</v></c></row>', /D5.*buiten het bereik/],
    ["two masters for one shared formula", '<row r="2"><c r="D2"><f t="shared" ref="D2:D3" si="0">A2</f><v>1</v></c><c r="E2"><f t="shared" ref="E2:E3" si="0">A2</f><v>1</v></c></row>', /twee begincellen/],
    ["overlapping array formulas", '<row r="2"><c r="D2"><f t="array" ref="D2:D4">A2:A4</f><v>1</v></c></row><row r="3"><c r="C3"><f t="array" ref="C3:D3">A3:B3</f><v>1</v></c></row>', /overlapt/],
    ["a formula inside another array formula", '<row r="2"><c r="D2"><f t="array" ref="D2:D4">A2:A4</f><v>1</v></c></row><row r="3"><c r="D3"><f>1</f><v>1</v></c></row>', /D3.*matrixformule/],
    ["a number cell holding text", '<row r="1"><c r="A1"><v>12abc</v></c></row>', /geen getal/],
    ["a shared-string index that does not exist", '<row r="1"><c r="A1" t="s"><v>3</v></c></row>', /gedeelde tekst nr\. 3/],
    ["an unknown cell type", '<row r="1"><c r="A1" t="x"><v>1</v></c></row>', /celtype/],
    ["a cell with two values", '<row r="1"><c r="A1"><v>1</v><v>2</v></c></row>', /twee waarden/],
    ["an unknown error code", '<row r="1"><c r="A1" t="e"><v>#NEP!</v></c></row>', /foutwaarde/],
    ["text loose in a cell (a '<' lost before <v>)", '<row r="1"><c r="A1">v>1596.56</c></row>', /los in een cel/],
    ["text loose between cells", '<row r="1"><c r="A1"><v>1</v></c>9999</row>', /los in <sheetData>/],
    ["a second sheetData", '<row r="1"><c r="A1"><v>1</v></c></row></sheetData><sheetData>', /twee keer <sheetData>/],
  ])("%s", async (_what, rows, re) => {
    const msg = await refusal(await file(rows));
    expect(msg).toMatch(re);
    expect(msg).toMatch(/xl\/worksheets\/sheet1\.xml \(werkblad Register/);
  });

  it("a part twice in the zip (names compare case-insensitively, as in OPC)", async () => {
    const base = minimalParts(deflated("xl/worksheets/sheet1.xml", SHEET_HEAD + SHEET_TAIL));
    const f = path.join(dir, "dubbel.xlsx");
    await fs.writeFile(f, buildZip([...base, deflated("XL/Worksheets/Sheet1.xml", SHEET_HEAD + '<row r="1"><c r="A1"><v>9999</v></c></row>' + SHEET_TAIL)]));
    expect(await refusal(f)).toMatch(/twee keer/);
  });

  it("a part whose bytes do not match its CRC-32 (a changed byte that still inflates)", async () => {
    const sheet = deflated("xl/worksheets/sheet1.xml", SHEET_HEAD + '<row r="1"><c r="A1"><v>1596.56</v></c></row>' + SHEET_TAIL);
    const forged = deflated("xl/worksheets/sheet1.xml", SHEET_HEAD + '<row r="1"><c r="A1"><v>9999.99</v></c></row>' + SHEET_TAIL);
    const f = path.join(dir, "crc.xlsx");
    await fs.writeFile(f, buildZip(minimalParts({ ...forged, crc: sheet.crc })));
    expect(await refusal(f)).toMatch(/controlegetal \(CRC\) klopt niet/);
  });

  it("a workbook without _rels/.rels (Excel could not find it either)", async () => {
    const base = minimalParts(deflated("xl/worksheets/sheet1.xml", SHEET_HEAD + SHEET_TAIL)).filter((e) => e.name !== "_rels/.rels");
    const f = path.join(dir, "zonderrels.xlsx");
    await fs.writeFile(f, buildZip(base));
    expect(await refusal(f)).toMatch(/_rels\/\.rels/);
  });

  it("bytes that are not UTF-8, a text node of more than 1 000 000 characters, XML nested 300 deep", async () => {
    const bad = Buffer.concat([Buffer.from(SHEET_HEAD), Buffer.from([0xc3, 0x28]), Buffer.from(SHEET_TAIL)]);
    expect(await refusal(await file("", [deflated("xl/worksheets/sheet1.xml", bad)]))).toMatch(/UTF-8/);
    expect(await refusal(await file(`<row r="1"><c r="A1" t="inlineStr"><is><t>${"x".repeat(1_100_000)}</t></is></c></row>`))).toMatch(/1\.000\.000 tekens/);
    const deep = SHEET_HEAD.replace("<sheetData>", "") + "<a>".repeat(300) + "</a>".repeat(300) + "<sheetData>" + SHEET_TAIL;
    expect(await refusal(await file("", [deflated("xl/worksheets/sheet1.xml", deep)]))).toMatch(/256 elementen diep/);
  });

  it("more cells than the limit, stopped while reading", async () => {
    const rows = Array.from({ length: 30 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join("");
    await expect(readWorkbook(await file(rows), { limits: { maxCells: 20 } })).rejects.toThrow(/meer dan 20 gevulde cellen/);
  });

  it("one cell in column XFD on many rows: the engine's row slots are bounded", async () => {
    const rows = Array.from({ length: 10 }, (_, i) => `<row r="${i + 1}"><c r="XFD${i + 1}"><v>1</v></c></row>`).join("");
    // refused at the 7th row, as soon as 7 × 16 384 = 114 688 slots pass 100 000
    await expect(readWorkbook(await file(rows), { limits: { maxGridCells: 100_000 } })).rejects.toThrow(/werkblad Register beslaat 114\.688 celposities/);
  });

  it("ranges over empty space, summed the way the engine builds them; a running total is not summed twice", async () => {
    // SUM(A1:A1000), SUM(B1:B1000), SUM(C1:C1000): 3 000 cells; running totals SUM($D$1:D1)…SUM($D$1:D100) cost 100
    const many = '<row r="1"><c r="E1"><f>SUM(A1:A1000)+SUM(B1:B1000)+SUM(C1:C1000)</f></c></row>';
    await expect(readWorkbook(await file(many), { limits: { maxRangeTotal: 2_999 } })).rejects.toThrow(/3\.000 lege cellen|3\.000/);
    const running = Array.from({ length: 100 }, (_, i) => `<row r="${i + 1}"><c r="E${i + 1}"><f>SUM($D$1:D${i + 1})</f></c></row>`).join("");
    await expect(readWorkbook(await file(running), { limits: { maxRangeTotal: 100 } })).resolves.toBeDefined();
  });
});

describe("kept but not trusted", () => {
  it("a data table's results are marked unverified", async () => {
    const f = await file('<row r="2"><c r="B2"><f t="dataTable" ref="B2:B3" dt2D="0" dtr="0" r1="A1"/><v>5</v></c></row><row r="3"><c r="B3"><v>6</v></c></row>');
    expect((await cells(f)).map((c) => [c.address, c.value, c.unverified !== undefined])).toEqual([
      ["B2", 5, true],
      ["B3", 6, true],
    ]);
  });
});

describe("inflated bytes are counted, not claimed", () => {
  it("the counter stops a part that inflates beyond the limit, whatever the zip says", async () => {
    const f = await file(`<row r="1"><c r="A1" t="inlineStr"><is><t>${"x".repeat(200_000)}</t></is></c></row>`);
    const limits = { ...DEFAULT_LIMITS };
    const pkg = await ZipPackage.open(f, await fs.readFile(f), limits);
    limits.maxUnpackedBytes = 100_000; // lowered after the claims were checked: only the counter can stop it now
    let seen = 0;
    await expect(pkg.stream("xl/worksheets/sheet1.xml", (c) => (seen += c.length))).rejects.toThrow(/pakt uit tot meer dan/);
    expect(seen).toBeLessThanOrEqual(100_000);
    pkg.close();
  });
});
