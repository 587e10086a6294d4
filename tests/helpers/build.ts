/**
 * dist/ as `npm install` (prepare) left it, rebuilt when a source is newer. Several suites read the BUILT add-in (the
 * browser test, the functions.js test); jest runs them in parallel, so a lock directory makes one build and the others
 * wait for it instead of cleaning dist/ under each other's feet.
 */
import * as fs from "fs";
import * as path from "path";

export const root = path.join(__dirname, "..", "..");
export const dist = path.join(root, "dist");
const lock = path.join(root, ".build-lock");

function newestMtime(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(0, ...fs.readdirSync(p).map((f) => newestMtime(path.join(p, f))));
}

function upToDate(): boolean {
  const built = path.join(dist, "taskpane.js");
  const outputs = ["functions.js", "functions.json", "help/index.html"].map((f) => path.join(dist, f));
  if (!fs.existsSync(built) || outputs.some((f) => !fs.existsSync(f))) return false;
  const inputs = ["src", "webpack.config.js", "manifest.xml", "assets", "package.json", "scripts/help.js"].map((p) => newestMtime(path.join(root, p)));
  return fs.statSync(built).mtimeMs >= Math.max(...inputs);
}

async function build(): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const webpack = require("webpack");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = await require(path.join(root, "webpack.config.js"))({}, { mode: "production" });
  await new Promise<void>((resolve, reject) =>
    webpack({ ...config, context: root }, (err: Error | null, stats: { hasErrors(): boolean; toString(o: unknown): string }) => {
      if (err) reject(err);
      else if (stats.hasErrors()) reject(new Error(stats.toString({ all: false, errors: true })));
      else resolve();
    }),
  );
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function ensureBuild(): Promise<void> {
  for (;;) {
    if (upToDate()) return;
    try {
      fs.mkdirSync(lock);
    } catch {
      // Another suite builds; a lock older than five minutes is a crashed run's.
      const age = fs.existsSync(lock) ? Date.now() - fs.statSync(lock).mtimeMs : 0;
      if (age > 300_000) fs.rmSync(lock, { recursive: true, force: true });
      await sleep(500);
      continue;
    }
    try {
      if (!upToDate()) await build();
    } finally {
      fs.rmSync(lock, { recursive: true, force: true });
    }
    return;
  }
}
