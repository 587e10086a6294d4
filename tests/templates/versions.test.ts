/**
 * Version-aware markers: workbooks written with template version 1.0.0 (real files, tests/fixtures/templates-1.0.0)
 * are checked against the cells of their own layout. SISA-WPB, REKENTOOL-PW and GR-WPB kept their layout and pass as
 * they did; the LKS register of 1.0.0 re-priced every month (the 1 July minimum wage reached running employments), so
 * SISA-PW and LKS-REGISTER of 1.0.0 are checked on their own columns and get exactly one message more: replace it.
 */
import * as path from "path";
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { checkCommand } from "../../src/cli/commands/check";
import type { CheckResult } from "../../src/templates/checks";
import { readWorkbook } from "../../src/xlsx/read";
import { workbookBuffer } from "../../src/xlsx/write";

jest.setTimeout(60_000);

const fixtures = path.join(__dirname, "..", "fixtures", "templates-1.0.0");
const dir = mkdtempSync(path.join(tmpdir(), "pb-versions-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function check(file: string): Promise<{ code: number; version: string; results: CheckResult[] }> {
  const out: string[] = [];
  const code = await checkCommand.run([file, "--json"], { out: (l) => out.push(l), err: () => undefined });
  const json = JSON.parse(out.join("\n")) as { version: string; results: CheckResult[] }[];
  expect(json).toHaveLength(1);
  return { code, version: json[0].version, results: json[0].results };
}

const at = (r: CheckResult) => `${r.id} @ ${r.sheet}!${r.cell}`;

test.each(["SISA-WPB", "REKENTOOL-PW", "GR-WPB"])("%s 1.0.0 (same layout as 1.1.0): every check runs and passes", async (id) => {
  const r = await check(path.join(fixtures, `${id}.xlsx`));
  expect(r.version).toBe("1.0.0");
  expect(r.results.filter((x) => !x.ok)).toEqual([]);
  expect(r.results.filter((x) => x.ok).length).toBeGreaterThanOrEqual(7);
  expect(r.code).toBe(0);
});

test.each([
  ["SISA-PW", "SiSa G2-G3"],
  ["LKS-REGISTER", "LKS-register"],
])("%s 1.0.0: checked on its own layout (no formula reads as typed over), one message: the register follows the 1 July wage", async (id, sheet) => {
  const r = await check(path.join(fixtures, `${id}.xlsx`));
  expect(r.results.filter((x) => !x.ok).map(at)).toEqual([`sjabloon.verouderd @ ${sheet}!A2`]);
  expect(r.results.find((x) => !x.ok)!.message).toContain("Participatiewet art. 10d lid 7");
  expect(r.code).toBe(1);
});

test("a mistake in a 1.0.0 register is found in the 1.0.0 column (loonwaarde in E, not F)", async () => {
  const { model } = await readWorkbook(path.join(fixtures, "SISA-PW.xlsx"));
  const reg = model.sheets.find((s) => s.name === "LKS-register")!;
  reg.cells.find((c) => c.address === "E7")!.value = 1.5;
  const file = path.join(dir, "sisa-pw-1.0.0-fout.xlsx");
  writeFileSync(file, await workbookBuffer(model));
  const r = await check(file);
  expect(r.results.filter((x) => !x.ok).map(at)).toEqual(["sjabloon.verouderd @ SiSa G2-G3!A2", "invoer @ LKS-register!E7"]);
  // 1.0.0's months are I..T and its total U: what follows from E7 is counted there.
  const e7 = r.results.find((x) => x.cell === "E7")!;
  expect(e7.dependents!.map(at)).toContain("register.fouten @ LKS-register!I7");
  expect(e7.dependents!.map(at)).toContain("register.totaal @ LKS-register!U107");
});
