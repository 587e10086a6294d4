/** Running `pb` for CLI tests: in-process through main(), or as the installed command in its own bounded process. */
import { execFileSync, spawnSync } from "child_process";
import { existsSync, readdirSync, statSync } from "fs";
import * as path from "path";
import { main } from "../../src/cli/main";
import type { CliIO } from "../../src/cli/command";

export const ROOT = path.join(__dirname, "..", "..");
const MAIN = path.join(ROOT, "dist-cli", "cli", "main.js");

export function capture(): CliIO & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(...l.split("\n")), err: (l) => stderr.push(...l.split("\n")) };
}

export async function run(...argv: string[]) {
  const io = capture();
  const code = await main(argv, io);
  return { code, ...io };
}

function newestSource(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newestSource(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** Compile dist-cli when it is missing or older than any source it is built from. */
export function ensureBuilt(): void {
  const stale = !existsSync(MAIN) || newestSource(path.join(ROOT, "src")) > statSync(MAIN).mtimeMs;
  if (stale) execFileSync(process.execPath, [path.join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.cli.json"], { cwd: ROOT, stdio: "pipe" });
}

export interface ChildResult {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  seconds: number;
  /** Peak resident memory of the process tree's largest process, MB (from /usr/bin/time when present). */
  peakMb: number;
  timedOut: boolean;
}

/**
 * bin/pb.js in its own process, bounded: a wall-clock timeout (killed after it) and a heap cap for the main thread.
 * Peak RSS comes from GNU time when installed.
 */
export function pbChild(args: string[], opts: { timeoutMs?: number; maxOldMb?: number } = {}): ChildResult {
  const timeoutMs = opts.timeoutMs ?? 60_000;
  // A process-wide --max-old-space-size also overrides the worker's own heap limit (V8 flags are global); 0 = none.
  const heap = opts.maxOldMb === 0 ? [] : [`--max-old-space-size=${opts.maxOldMb ?? 512}`];
  const node = [...heap, path.join(ROOT, "bin", "pb.js"), ...args];
  const useTime = existsSync("/usr/bin/time");
  const t0 = process.hrtime.bigint();
  const r = useTime
    ? spawnSync("/usr/bin/time", ["-f", "PB_PEAK_KB=%M", process.execPath, ...node], { encoding: "utf8", timeout: timeoutMs, killSignal: "SIGKILL" })
    : spawnSync(process.execPath, node, { encoding: "utf8", timeout: timeoutMs, killSignal: "SIGKILL" });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  let stderr = r.stderr ?? "";
  const m = /PB_PEAK_KB=(\d+)\s*$/.exec(stderr);
  if (m) stderr = stderr.slice(0, m.index);
  // GNU time adds a line when the child died of a signal
  stderr = stderr.replace(/^Command (terminated by signal|exited with non-zero status).*\n?/m, "");
  return {
    status: r.status,
    signal: r.signal,
    stdout: r.stdout ?? "",
    stderr,
    seconds,
    peakMb: m ? Number(m[1]) / 1024 : NaN,
    timedOut: (r.error as NodeJS.ErrnoException | undefined)?.code === "ETIMEDOUT",
  };
}

/** A stack trace or a V8/Node crash report in output a user sees. */
export const STACK_TRACE = /\n\s+at [\w.<>]+ \(|\bat Object\.<anonymous>|FATAL ERROR|Native stack trace|node:internal|RangeError|TypeError|Error: /;

/** pbChild without blocking the test process, so that two cases run at once (the machine has two cores). */
export function pbChildAsync(args: string[], opts: { timeoutMs?: number; maxOldMb?: number } = {}): Promise<ChildResult> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { spawn } = require("child_process") as typeof import("child_process");
  const timeoutMs = opts.timeoutMs ?? 60_000;
  const heap = opts.maxOldMb === 0 ? [] : [`--max-old-space-size=${opts.maxOldMb ?? 512}`];
  const node = [...heap, path.join(ROOT, "bin", "pb.js"), ...args];
  const useTime = existsSync("/usr/bin/time");
  const t0 = process.hrtime.bigint();
  return new Promise((resolve) => {
    const child = useTime ? spawn("/usr/bin/time", ["-f", "PB_PEAK_KB=%M", process.execPath, ...node]) : spawn(process.execPath, node);
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, timeoutMs);
    child.on("close", (status, signal) => {
      clearTimeout(timer);
      const m = /PB_PEAK_KB=(\d+)\s*$/.exec(stderr);
      if (m) stderr = stderr.slice(0, m.index);
      stderr = stderr.replace(/^Command (terminated by signal|exited with non-zero status).*\n?/m, "");
      resolve({ status, signal, stdout, stderr, seconds: Number(process.hrtime.bigint() - t0) / 1e9, peakMb: m ? Number(m[1]) / 1024 : NaN, timedOut });
    });
  });
}
