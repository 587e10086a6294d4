/**
 * Safe output for `pb recalc --out`: an existing path is refused unless --overwrite, a symlink is never followed, the
 * report is written to a temporary file and renamed into place, and every file-system error is a Dutch message, exit 2.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { registerModel, tempDir, writeModel } from "../engine/helpers";
import { run } from "./helpers";

let dir: string;
let good: string;
beforeAll(async () => {
  dir = await tempDir("pb-out-");
  good = await writeModel(dir, "register.xlsx", registerModel());
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function leftovers(): Promise<string[]> {
  return (await fs.readdir(dir)).filter((f) => /\.tmp$|^\.pb-/.test(f));
}

describe("pb recalc --out", () => {
  it("refuses an existing file and leaves it untouched; --overwrite replaces it", async () => {
    const out = path.join(dir, "bestaat.txt");
    await fs.writeFile(out, "van iemand anders\n");
    const r = await run("recalc", good, "--out", out);
    expect(r.code).toBe(2);
    expect(r.stderr.join("\n")).toMatch(/bestaat al.*--overwrite/s);
    expect(await fs.readFile(out, "utf8")).toBe("van iemand anders\n");
    const o = await run("recalc", good, "--out", out, "--overwrite");
    expect(o.code).toBe(0);
    expect((await fs.readFile(out, "utf8")).trim().split("\n").pop()).toBe("3 PB cells, 0 mismatches");
    expect(await leftovers()).toEqual([]);
  });

  it("never follows a symlink: refused, and with --overwrite the link itself is replaced, its target untouched", async () => {
    const target = path.join(dir, "doel.txt");
    await fs.writeFile(target, "niet aankomen\n");
    const link = path.join(dir, "koppeling.json");
    await fs.symlink(target, link);
    const r = await run("recalc", good, "--out", link);
    expect(r.code).toBe(2);
    expect(await fs.readFile(target, "utf8")).toBe("niet aankomen\n");
    const o = await run("recalc", good, "--out", link, "--overwrite");
    expect(o.code).toBe(0);
    expect(await fs.readFile(target, "utf8")).toBe("niet aankomen\n");
    expect((await fs.lstat(link)).isSymbolicLink()).toBe(false);
    expect(JSON.parse(await fs.readFile(link, "utf8")).summary).toBe("3 PB cells, 0 mismatches");
  });

  it("a dangling symlink is an existing path too", async () => {
    const link = path.join(dir, "los.txt");
    await fs.symlink(path.join(dir, "nergens", "x.txt"), link);
    expect((await run("recalc", good, "--out", link)).code).toBe(2);
    await expect(fs.stat(path.join(dir, "nergens"))).rejects.toThrow();
  });

  it.each([
    ["a folder that does not exist", () => path.join(dir, "geen-map", "rapport.txt"), /map .*bestaat niet/],
    ["a folder given as the report", () => dir, /is een map/],
    ["a path through a file", () => path.join(good, "rapport.txt"), /geen map/],
  ])("%s: a Dutch message, exit 2, no errno text", async (_what, out, re) => {
    const r = await run("recalc", good, "--out", out(), "--overwrite");
    expect(r.code).toBe(2);
    const msg = r.stderr.join("\n");
    expect(msg).toMatch(re);
    expect(msg).not.toMatch(/ENOENT|EISDIR|ENOTDIR|Interne fout/);
  });
});

describe("file-system errors in Dutch", () => {
  it.each([
    ["EACCES", /geen toestemming/],
    ["EPERM", /geen toestemming/],
    ["ENOSPC", /schijf is vol/],
    ["EROFS", /alleen-lezen/],
    ["EDQUOT", /quotum|schijf is vol/],
    ["EMFILE", /te veel bestanden/],
  ])("%s", async (code, re) => {
    const { outputErrorMessage } = await import("../../src/cli/safeOutput");
    const e = Object.assign(new Error(`${code}: x`), { code });
    const msg = outputErrorMessage("rapport.xlsx", e);
    expect(msg).toMatch(re);
    expect(msg).toContain("rapport.xlsx");
    expect(msg).not.toContain(code);
  });
});
