/**
 * The attacks of issue 9, each first as it was found: a doctored workbook must never give exit 0 with a PB value the
 * engine did not verify, every refusal is exit 2 with a Dutch message naming part, sheet and cell, and no attack ends
 * in a crash, a stack trace or unbounded memory. The register is LKS(2023-07-01; 0,4; 38) = 1596,56 in D2,
 * 665,23 in D3, 1862,65 in D4 (arithmetic in tests/engine/helpers.ts).
 */
import { promises as fs } from "fs";
import * as path from "path";
import { editParts, registerModel, tempDir, writeModel } from "../engine/helpers";
import { run } from "./helpers";

let dir: string;
let base: string;
beforeAll(async () => {
  dir = await tempDir("pb-attack-");
  base = await writeModel(dir, "register.xlsx", registerModel());
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const SHEET = "xl/worksheets/sheet1.xml";
let n = 0;
async function tamper(edit: (xml: string) => string): Promise<string> {
  return editParts(base, path.join(dir, `t${++n}.xlsx`), (part, xml) => (part === SHEET ? edit(xml) : xml));
}
const D2 = /<c r="D2"[^>]*>.*?<\/c>/;

async function refused(file: string) {
  const r = await run("recalc", file);
  const msg = r.stderr.join("\n");
  expect(msg).not.toMatch(/\n\s+at |Interne fout/);
  expect(r.stdout).toEqual([]);
  expect(r.code).toBe(2);
  return msg;
}

describe("strict reading: what Excel would refuse is refused (exit 2, part, sheet and cell named)", () => {
  it("a second <c r=\"D2\"> after a forged 9999: refused as a duplicate cell, never 'ok'", async () => {
    const f = await tamper((x) => x.replace(D2, (c) => c.replace("1596.56", "9999") + c));
    const msg = await refused(f);
    expect(msg).toMatch(/xl\/worksheets\/sheet1\.xml/);
    expect(msg).toMatch(/Register/);
    expect(msg).toMatch(/D2/);
    expect(msg).toMatch(/dubbel|twee keer|komt .*vaker/i);
  });

  it.each([
    ["D0", /D0/],
    ["AAAA2", /AAAA2/],
    ["d2", /d2/],
    ["XFE2", /XFE2/],
    ["D1048577", /D1048577/],
  ])("an impossible reference %s is refused, not dropped", async (ref, re) => {
    const f = await tamper((x) => x.replace(D2, (c) => c.replace('r="D2"', `r="${ref}"`)));
    const msg = await refused(f);
    expect(msg).toMatch(re);
    expect(msg).toMatch(/celadres|verwijzing/i);
  });

  it("cells out of order (D2 before C2) and rows out of order are refused", async () => {
    const f = await tamper((x) => x.replace(/(<c r="C2"[^>]*>.*?<\/c>)(<c r="D2"[^>]*>.*?<\/c>)/, "$2$1"));
    expect(await refused(f)).toMatch(/C2/);
    const g = await tamper((x) => x.replace(/(<row r="2"[^>]*>.*?<\/row>)(<row r="3"[^>]*>.*?<\/row>)/, "$2$1"));
    expect(await refused(g)).toMatch(/rij|volgorde/i);
  });

  it("a cell in the wrong row (<row r=\"2\"><c r=\"D3\">) is refused", async () => {
    const f = await tamper((x) => x.replace(/<c r="A2"/, '<c r="A9"'));
    expect(await refused(f)).toMatch(/A9/);
  });

  it("a shared formula whose master is missing is refused", async () => {
    const f = await tamper((x) => x.replace(D2, '<c r="D2"><f t="shared" si="7"/><v>1596.56</v></c>'));
    const msg = await refused(f);
    expect(msg).toMatch(/gedeelde formule/i);
    expect(msg).toMatch(/D2/);
  });

  it("an array formula whose ref does not contain its cell is refused", async () => {
    const f = await tamper((x) => x.replace(D2, '<c r="D2"><f t="array" ref="E7">_xldudf_PB_LKS(A2,B2,C2)</f><v>1596.56</v></c>'));
    const msg = await refused(f);
    expect(msg).toMatch(/E7/);
    expect(msg).toMatch(/D2/);
  });

  it("unclosed XML (a <c> without </c>) is refused as not well-formed, naming the part", async () => {
    const f = await tamper((x) => x.replace(D2, (c) => c.replace(/<\/c>$/, "")));
    const msg = await refused(f);
    expect(msg).toMatch(/xl\/worksheets\/sheet1\.xml/);
    expect(msg).toMatch(/XML/);
  });

  it("a DOCTYPE (entity expansion, external entities) is refused, and the entity is never resolved", async () => {
    const secret = path.join(dir, "geheim.txt");
    await fs.writeFile(secret, "1596.56");
    const f = await tamper((x) =>
      x
        .replace(/^(<\?xml[^>]*\?>)?/, `$1<!DOCTYPE worksheet [<!ENTITY x SYSTEM "file://${secret}"><!ENTITY a "aaaaaaaaaa">]>`)
        .replace(/<v>1596.56<\/v>/, "<v>&x;</v>"),
    );
    expect(await refused(f)).toMatch(/DOCTYPE|DTD/);
  });

  it("an entity beyond XML's five is refused", async () => {
    const f = await tamper((x) => x.replace(/<v>1596.56<\/v>/, "<v>&euro;</v>"));
    expect(await refused(f)).toMatch(/XML/);
  });
});

describe("what is not a cell is never audited", () => {
  it("a PB formula inside an XML comment, a processing instruction or CDATA is not a cell", async () => {
    const fake = '<c r="E2"><f>_xldudf_PB_LKS(A2,B2,C2)</f><v>1</v></c>';
    const f = await tamper((x) =>
      x.replace(D2, (c) => `${c}<!-- ${fake} --><?pb ${fake}?>`).replace(/<c r="A3"[^>]*>.*?<\/c>/, (c) => c.replace(/<v>/, `<v><![CDATA[`).replace(/<\/v>/, "]]></v>")),
    );
    const r = await run("recalc", f, "--json");
    const report = JSON.parse(r.stdout.join("\n"));
    expect(report.cells.map((c: { address: string }) => c.address)).toEqual(["D2", "D3", "D4"]);
    expect(r.code).toBe(0);
  });
});

describe("namespace prefixes", () => {
  it("a sheet written with a prefix for the main namespace (<x:c>) is read, not silently empty", async () => {
    const f = await tamper((x) =>
      x
        .replace(/<(\/?)(worksheet|sheetData|row|c|f|v|dimension|sheetViews|sheetView|pane|selection|sheetFormatPr|cols|col|pageMargins)\b/g, "<$1x:$2")
        .replace('xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"', 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'),
    );
    const r = await run("recalc", f);
    expect(r.stdout[r.stdout.length - 1]).toBe("3 PB cells, 0 mismatches");
    expect(r.code).toBe(0);
  });

  it("cells in a foreign namespace inside sheetData are refused", async () => {
    const f = await tamper((x) => x.replace(D2, '<y:c xmlns:y="urn:iets-anders" r="D2"><y:v>1596.56</y:v></y:c>'));
    expect(await refused(f)).toMatch(/urn:iets-anders|naamruimte/);
  });

  it("a PB call behind a prefix form the engine does not know ('pb.xlam'!) is reported as not verified, exit 1", async () => {
    const f = await tamper((x) => x.replace(D2, "<c r=\"D2\"><f>'pb.xlam'!PB.LKS(A2,B2,C2)</f><v>1596.56</v></c>"));
    const r = await run("recalc", f, "--json");
    const report = JSON.parse(r.stdout.join("\n"));
    const d2 = report.cells.find((c: { address: string }) => c.address === "D2");
    expect(d2.status).toBe("not-recomputable");
    expect(d2.note).toMatch(/pb\.xlam/);
    expect(r.code).toBe(1);
  });
});
