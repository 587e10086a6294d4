/**
 * One real run of the installed command: bin/pb.js on the compiled dist-cli (built here when missing or older than
 * the sources), as `npx pb` runs it.
 */
import { execFileSync, spawnSync } from "child_process";
import { existsSync, readdirSync, statSync } from "fs";
import * as path from "path";

const ROOT = path.join(__dirname, "..", "..");
const MAIN = path.join(ROOT, "dist-cli", "cli", "main.js");

function newestSource(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newestSource(p) : statSync(p).mtimeMs);
  }
  return t;
}

beforeAll(() => {
  const stale = !existsSync(MAIN) || ["cli", "engine", "xlsx", "functions"].some((d) => newestSource(path.join(ROOT, "src", d)) > statSync(MAIN).mtimeMs);
  if (stale) execFileSync(process.execPath, [path.join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.cli.json"], { cwd: ROOT, stdio: "pipe" });
}, 120_000);

it("bin/pb.js eval prints 1596.56 and exits 0", () => {
  const r = spawnSync(process.execPath, [path.join(ROOT, "bin", "pb.js"), "eval", "=PB.LKS(DATE(2023,7,1),0.4,38)"], { encoding: "utf8", timeout: 30_000 });
  expect(r.stderr).toBe("");
  expect(r.stdout).toBe("1596.56\n");
  expect(r.status).toBe(0);
});

it("bin/pb.js recalc on a non-workbook exits 2 with a one-line Dutch message", () => {
  const r = spawnSync(process.execPath, [path.join(ROOT, "bin", "pb.js"), "recalc", path.join(ROOT, "package.json")], { encoding: "utf8", timeout: 30_000 });
  expect(r.status).toBe(2);
  expect(r.stderr.trim().split("\n")).toHaveLength(1);
  expect(r.stderr).toMatch(/geen zip-bestand/);
});
