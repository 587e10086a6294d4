/**
 * The installed command runs in a worker with a heap limit and a CPU-time budget: whatever a file does, pb answers
 * with a Dutch message and exit 2 instead of a native out-of-memory report or a hang.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { registerModel, tempDir, writeModel } from "../engine/helpers";
import { buildZip, deflated, minimalParts, SHEET_HEAD, SHEET_TAIL } from "../xlsx/zipBuild";
import { ensureBuilt, pbChild, STACK_TRACE } from "./helpers";

jest.setTimeout(120_000);

let dir: string;
let good: string;
let big: string;
beforeAll(async () => {
  ensureBuilt();
  dir = await tempDir("pb-bounds-");
  good = await writeModel(dir, "register.xlsx", registerModel());
  // a register of 10 000 LKS rows: the engine needs some 150 MB of heap for it, far beyond 32 MB
  const rows = Array.from({ length: 10_000 }, (_, i) => {
    const r = i + 2;
    return `<row r="${r}"><c r="A${r}"><v>45108</v></c><c r="B${r}"><v>0.4</v></c><c r="C${r}"><v>38</v></c><c r="D${r}"><f>_xldudf_PB_LKS(A${r},B${r},C${r})</f><v>1596.56</v></c></row>`;
  });
  big = path.join(dir, "groot.xlsx");
  await fs.writeFile(big, buildZip(minimalParts(deflated("xl/worksheets/sheet1.xml", SHEET_HEAD + rows.join("") + SHEET_TAIL))));
}, 120_000);
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

it("a memory limit too small for the work: stopped, Dutch message naming the option, exit 2", () => {
  const r = pbChild(["recalc", big, "--max-geheugen-mb", "32"], { maxOldMb: 0 });
  expect([r.status, r.signal]).toEqual([2, null]);
  expect(r.stderr).toMatch(/meer dan 32 MB geheugen nodig.*--max-geheugen-mb/s);
  expect(r.stderr + r.stdout).not.toMatch(STACK_TRACE);
});

it("a CPU budget too small for the work: stopped, Dutch message naming the option, exit 2", () => {
  const r = pbChild(["recalc", good, "--max-seconden", "0.01"]);
  expect([r.status, r.signal]).toEqual([2, null]);
  expect(r.stderr).toMatch(/meer dan 0 seconden rekentijd|seconden rekentijd.*--max-seconden/s);
  expect(r.stdout).toBe("");
});

it("within the bounds the same register passes, and a wrong bound is a usage error", () => {
  const ok = pbChild(["recalc", good, "--max-seconden", "60", "--max-geheugen-mb", "800"]);
  expect([ok.status, ok.stdout.trim().split("\n").pop()]).toEqual([0, "3 PB cells, 0 mismatches"]);
  const bad = pbChild(["recalc", good, "--max-seconden", "veel"]);
  expect([bad.status, bad.stderr.trim()]).toEqual([2, '--max-seconden verwacht een positief getal, niet "veel".']);
});
