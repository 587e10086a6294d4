/**
 * Hard limits, each attack run as the installed command in its own process with a heap cap and a timeout (so a
 * failure here is a refusal or a crash of that process, never of the test runner): refused with exit 2 or the cell
 * reported, within seconds, no stack trace, the input unchanged.
 */
import { createHash } from "crypto";
import { execFileSync } from "child_process";
import { promises as fs, readFileSync } from "fs";
import * as path from "path";
import { editParts, registerModel, tempDir, writeModel } from "../engine/helpers";
import { buildZip, minimalParts, repeatedDeflate, SHEET_HEAD } from "../xlsx/zipBuild";
import { ensureBuilt, pbChild, STACK_TRACE } from "./helpers";

jest.setTimeout(180_000);

let dir: string;
let base: string;
beforeAll(async () => {
  ensureBuilt();
  dir = await tempDir("pb-limits-");
  base = await writeModel(dir, "register.xlsx", registerModel());
}, 180_000);
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const sha = (f: string) => createHash("sha256").update(readFileSync(f)).digest("hex");

function audit(file: string, ...extra: string[]) {
  const before = sha(file);
  const r = pbChild(["recalc", file, ...extra], { timeoutMs: 90_000, maxOldMb: 1024 });
  expect(r.timedOut).toBe(false);
  expect(r.signal).toBeNull();
  expect(r.stderr + r.stdout).not.toMatch(STACK_TRACE);
  expect(sha(file)).toBe(before);
  return r;
}

let n = 0;
async function tamper(edit: (xml: string) => string): Promise<string> {
  return editParts(base, path.join(dir, `l${++n}.xlsx`), (part, xml) => (part === "xl/worksheets/sheet1.xml" ? edit(xml) : xml));
}
const D2 = /<c r="D2"[^>]*>.*?<\/c>/;

describe("packages that unpack far beyond what they claim", () => {
  it("a 9 MB zip64 sheet that inflates to 6 GB, and says so: refused before inflating, exit 2", async () => {
    // 1 MB of empty rows repeated 6000 times; the headers claim the true 6 GB (zip64), as a real bomb does
    const unit = Buffer.from("<row/>".repeat(174_763)); // 1 048 578 bytes
    const data = repeatedDeflate(Buffer.from(SHEET_HEAD), unit, 6000);
    const bomb = path.join(dir, "bom64.xlsx");
    await fs.writeFile(
      bomb,
      buildZip(minimalParts({ name: "xl/worksheets/sheet1.xml", data, method: 8, uncompressedSize: 6000 * unit.length + SHEET_HEAD.length, crc: 0, zip64: true })),
    );
    expect((await fs.stat(bomb)).size).toBeLessThan(10e6);
    const r = audit(bomb);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/pakt uit|uitgepakt/);
  });

  it("the same bomb claiming 2 kB: the claim is not believed, inflating stops at the first byte beyond it", async () => {
    const unit = Buffer.from("<row/>".repeat(174_763));
    const data = repeatedDeflate(Buffer.from(SHEET_HEAD), unit, 3000);
    const bomb = path.join(dir, "bomlie.xlsx");
    await fs.writeFile(bomb, buildZip(minimalParts({ name: "xl/worksheets/sheet1.xml", data, method: 8, uncompressedSize: 2048, crc: 0 })));
    const r = audit(bomb);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/beschadigd|pakt uit|uitgepakt/);
  });
});

describe("ranges the engine would materialise", () => {
  it("an array formula with ref A1:O1000000 (2 kB): no out-of-memory; the cell is not verified", async () => {
    const f = await tamper((x) => x.replace(D2, '<c r="D2" cm="1"><f t="array" ref="D2:R1000001">_xldudf_PB_LKS(A2,B2,C2)</f><v>1596.56</v></c>'));
    const r = audit(f);
    expect(r.status).not.toBe(0);
    expect([1, 2]).toContain(r.status);
    expect(r.stdout + r.stderr).toMatch(/D2/);
  });

  it("a PB argument spanning the whole sheet: that cell is reported, the run goes on", async () => {
    const f = await tamper((x) => x.replace(D2, '<c r="D2"><f>_xldudf_PB_LKS(A1:XFD1048576,B2,C2)</f><v>1596.56</v></c>'));
    const r = audit(f, "--json");
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout);
    const d2 = report.cells.find((c: { address: string }) => c.address === "D2");
    expect(d2.status).toBe("not-recomputable");
    expect(d2.note).toMatch(/bereik|cellen/);
    expect(report.cells.find((c: { address: string }) => c.address === "D3").status).toBe("ok");
  });

  it("two cells at opposite corners of the grid (A1 and XFD1048576) do not make the engine allocate the grid", async () => {
    const f = await tamper((x) => x.replace("</sheetData>", '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>').replace(/<dimension[^>]*\/>/, ""));
    const r = audit(f);
    expect(r.stdout.trim().split("\n").pop()).toBe("3 PB cells, 0 mismatches");
    expect(r.status).toBe(0);
  });
});

describe("formulas within Excel's limits are evaluated, never abort the run", () => {
  // In-process (tests/engine/guard.test.ts) the engine's recursion overflows on these and the cell is marked; the
  // installed command gives the engine a deeper stack, so it evaluates them.
  it("an ordinary 1,300-term formula beside the register: no abort, PB cells verified", async () => {
    const long = Array.from({ length: 1300 }, (_, i) => `B${(i % 3) + 2}`).join("+");
    expect(long.length).toBeLessThanOrEqual(8192);
    // every formula is compared (issue 11): its saved value is the true sum, 434 × 0,4 + 433 × 0,5 + 433 × 0,2 = 476,7
    const f = await tamper((x) => x.replace(D2, (c) => `${c}<c r="E2"><f>${long}</f><v>476.7</v></c>`));
    const r = audit(f);
    expect(r.stdout).not.toMatch(/Interne fout/);
    expect(r.stdout.trim().split("\n").pop()).toBe("3 PB cells, 0 mismatches");
    expect(r.status).toBe(0);
  });

  it("a PB cell fed by a 1,300-term formula is recomputed from it", async () => {
    // 1300 × 0,0001 = 0,13; LKS(2023-07-01; 0,13; 38): 1 − 0,13 = 0,87 > 0,7 (cap), so
    // 1995 × 1,08 × 0,7 × 1,235 = 1862,6517 → 1862,65
    const long = Array.from({ length: 1300 }, () => ".0001").join("+");
    expect(long.length).toBeLessThanOrEqual(8192);
    const f = await tamper((x) =>
      x
        .replace(D2, '<c r="D2"><f>_xldudf_PB_LKS(A2,E9,C2)</f><v>1862.65</v></c>')
        .replace("</sheetData>", `<row r="9"><c r="E9"><f>${long}</f><v>0.13</v></c></row></sheetData>`)
        // and the total as Excel saves it with that D2 (every formula is compared): 1862,65 + 665,23 + 1862,65 = 4390,53
        .replace("<v>4124.44</v>", "<v>4390.53</v>"),
    );
    const r = audit(f, "--json");
    const report = JSON.parse(r.stdout);
    expect(report.cells.find((c: { address: string }) => c.address === "D2")).toMatchObject({ status: "ok", recomputed: 1862.65 });
    expect(r.status).toBe(0);
  });

  it("a formula beyond Excel's own limits (nesting 65 deep, 8 193 characters) marks its cell (Excel never writes one)", async () => {
    const deep = "ABS(".repeat(65) + "1" + ")".repeat(65);
    const long = "1+".repeat(4096) + "1"; // 8 193 characters
    const f = await tamper((x) =>
      x.replace(D2, (c) => `${c}<c r="E2"><f>${deep}</f><v>1</v></c><c r="F2"><f>${long}</f><v>4097</v></c>`),
    );
    const r = audit(f);
    expect(r.stdout).toMatch(/E2[^\n]*64/);
    expect(r.stdout).toMatch(/F2[^\n]*8\.?192/);
    // not recomputed is not confirmed: since every formula is compared (issue 11), that is exit 1, PB cells verified
    expect(r.stdout.trim().split("\n").pop()).toBe("3 PB cells, 0 mismatches; 3 other formulas, 2 mismatches");
    expect(r.status).toBe(1);
  });
});

describe("only regular files, size checked before reading", () => {
  it("a FIFO is refused at once (never opened for a blocking read)", () => {
    const fifo = path.join(dir, "pijp.xlsx");
    execFileSync("mkfifo", [fifo]);
    const r = pbChild(["recalc", fifo], { timeoutMs: 20_000 });
    expect(r.timedOut).toBe(false);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/geen gewoon bestand/);
  });

  it("a device and a folder are refused", () => {
    expect(pbChild(["recalc", "/dev/zero"]).stderr).toMatch(/geen gewoon bestand/);
    const d = pbChild(["recalc", dir]);
    expect([d.status, d.stderr]).toEqual([2, expect.stringMatching(/is een map/)]);
  });
});
