/**
 * Extreme numbers (±Number.MAX_VALUE, the smallest subnormal, 1e15) in every argument of every REGISTRY function.
 * A rule that loops forever on such input would hang jest itself, so the sweep runs in a child process with a
 * timeout: a hang becomes a failure naming the call that did not return.
 * (Found this way: PB.VERDEELSLEUTEL(0,55; 1,797…e308) — t × k overflows to Infinity and the cent loop never ends.)
 */
import { spawnSync, type SpawnSyncReturns } from "child_process";
import { join } from "path";
import { REGISTRY } from "../../../src/functions/registry";

const ROOT = join(__dirname, "../../..");

/** Runs in the child: TypeScript sources loaded through transpileModule (no type check), each call logged before it runs. */
const CHILD = `
const ts = require("typescript");
const fs = require("fs");
require.extensions[".ts"] = (m, file) => {
  const out = ts.transpileModule(fs.readFileSync(file, "utf8"), { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true } });
  m._compile(out.outputText, file);
};
const { invoke } = require(${JSON.stringify(join(ROOT, "src/functions/invoke.ts"))});
const { REGISTRY } = require(${JSON.stringify(join(ROOT, "src/functions/registry.ts"))});
const X = [Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE, 1e15, -1e15];
const results = [];
for (const [id, spec] of REGISTRY) {
  const n = spec.args.length;
  const calls = [];
  for (const x of X) {
    calls.push(Array(n).fill(x), Array(n).fill([[x]]));
    for (let i = 0; i < n; i++) {
      const ok = spec.args.map((a) => (a.type === "range" ? [[1, 2]] : a.type === "date" ? 45108 : a.type === "text" ? (a.choices ? a.choices[0] : "x") : a.type === "boolean" ? true : 1));
      const a1 = ok.slice(); a1[i] = x; calls.push(a1);
      const a2 = ok.slice(); a2[i] = a.type === "range" ? [[x, 1]] : x; calls.push(a2);
      const a3 = ok.slice(); a3[i] = [[1, x]]; calls.push(a3);
    }
  }
  for (const args of calls) {
    process.stderr.write("CALL " + id + " " + JSON.stringify(args) + "\\n");
    results.push({ id, args: JSON.stringify(args), r: invoke(id, args) });
  }
}
process.stdout.write(JSON.stringify(results));
`.replace("const ok = spec.args.map((a)", "const a = spec.args[i]; const ok = spec.args.map((a)");

describe("extreme numbers in every argument of every function", () => {
  let child: SpawnSyncReturns<string>;
  let lastCall: string | undefined;
  beforeAll(() => {
    // ~2 s normally (transpiling the sources dominates); 20 s leaves room for a loaded 2-core machine.
    child = spawnSync(process.execPath, ["-e", CHILD], { cwd: ROOT, timeout: 20_000, encoding: "utf8", maxBuffer: 64 << 20 });
    lastCall = (child.stderr ?? "").trim().split("\n").filter((l) => l.startsWith("CALL ")).pop();
  }, 30_000);

  it("every call returns (no endless loop)", () => {
    expect({ signal: child.signal, status: child.status, lastCall: child.signal ? lastCall : undefined }).toEqual({
      signal: null,
      status: 0,
      lastCall: undefined,
    });
  });

  it("every result is a finite number, text, boolean, matrix, or an Excel error with a message", () => {
    if (child.status !== 0) return; // reported above
    const results = JSON.parse(child.stdout) as { id: string; args: string; r: unknown }[];
    expect(new Set(results.map((x) => x.id))).toEqual(new Set(REGISTRY.keys()));
    const bad = results.filter(({ r }) => {
      const scalar = (v: unknown) => (typeof v === "number" && Number.isFinite(v)) || typeof v === "string" || typeof v === "boolean";
      if (Array.isArray(r)) return !r.every((row) => Array.isArray(row) && row.every(scalar));
      if (r && typeof r === "object") {
        const e = r as { error?: unknown; message?: unknown };
        return typeof e.error !== "string" || typeof e.message !== "string" || e.message.length === 0 || /^Interne fout/.test(e.message);
      }
      return !scalar(r);
    });
    expect(bad).toEqual([]);
  });
});
