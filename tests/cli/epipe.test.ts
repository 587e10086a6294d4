/**
 * A reader that stops early (`pb recalc groot.xlsx | head -1`, `pb parameters | head -1`): the installed command
 * (bin/pb.js → dist-cli/cli/launch.js → worker) ends quietly — no stack trace, no "Interne fout" — with 141
 * (128 + SIGPIPE, as a shell reports for Unix tools), and at once rather than after computing everything.
 */
import { spawn } from "child_process";
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { ensureBuilt, ROOT } from "./helpers";

jest.setTimeout(120_000);

const dir = mkdtempSync(path.join(tmpdir(), "pb-epipe-"));
const big = path.join(dir, "groot.xlsx");

beforeAll(async () => {
  ensureBuilt();
  // 20 000 PB cells: the text report is some 2 MB, far more than a pipe holds (64 kB)
  const wb = new ExcelJS.Workbook();
  const s = wb.addWorksheet("Register");
  for (let r = 1; r <= 20_000; r++) s.getCell(`A${r}`).value = { formula: "_xldudf_PB_LKS(DATE(2023,7,1),0.4,38)", result: 1596.56 } as ExcelJS.CellFormulaValue;
  await wb.xlsx.writeFile(big);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Run bin/pb.js, read stdout up to the first newline (or nothing, with `readNothing`), then close the pipe. */
function firstLineThenClose(args: string[], readNothing = false): Promise<{ first: string; stderr: string; code: number | null }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, "bin", "pb.js"), ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let stderr = "";
    let first = "";
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    const close = () => {
      child.stdout.removeAllListeners("data");
      child.stdout.destroy();
    };
    if (readNothing) close();
    else {
      child.stdout.on("data", (c: Buffer) => {
        out += c.toString();
        const nl = out.indexOf("\n");
        if (nl !== -1) {
          first = out.slice(0, nl);
          close();
        }
      });
    }
    child.on("close", (code) => resolve({ first, stderr, code }));
  });
}

it("pb recalc groot.xlsx | head -1: the first line, then a quiet stop", async () => {
  const r = await firstLineThenClose(["recalc", big]);
  expect(r.first).toBe(`Herberekening van ${big}`);
  expect(r.stderr).not.toMatch(/EPIPE|Error|Interne fout|at .*\.js/);
  expect(r.code).toBe(141);
});

it("pb recalc --json with the pipe closed before anything is read", async () => {
  const r = await firstLineThenClose(["recalc", big, "--json"], true);
  expect(r.stderr).not.toMatch(/EPIPE|Error|Interne fout|at .*\.js/);
  expect(r.code).toBe(141);
});

it("pb parameters | head -1, and a whole run still ends 0 or 1 as before", async () => {
  const r = await firstLineThenClose(["parameters"], true);
  expect(r.stderr).not.toMatch(/EPIPE|Error|Interne fout|at .*\.js/);
  expect([0, 1, 141]).toContain(r.code); // 33 lines may fit in the pipe before it closes: then no EPIPE at all
  const whole = await new Promise<number | null>((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, "bin", "pb.js"), "recalc", big], { stdio: ["ignore", "ignore", "ignore"] });
    child.on("close", resolve);
  });
  expect(whole).toBe(0); // 20 000 × 1596,56 as stored: no differences
});
