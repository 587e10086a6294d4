/**
 * The installed `pb` command runs every command in a worker thread with hard bounds, so that no file — however it
 * was built — can make pb hang or die with a native out-of-memory report: a heap limit (--max-geheugen-mb, default
 * 1 200 MB, so the process stays under 1,5 GB) and a budget of CPU seconds (--max-seconden, default 25 s, plus 2,5 s
 * per MB above 10 MB). CPU time rather than wall-clock time, so that a busy machine does not turn a good audit into a
 * refusal. The worker also gets a deeper stack, so formulas up to Excel's own limits evaluate instead of being marked.
 * This file loads nothing of pb itself: the main thread only watches. (A --max-old-space-size given to node itself is a
 * process-wide V8 flag and takes precedence over the worker's heap limit.)
 *
 * Many workbooks at once (`pb recalc MAP/`, batch.ts) run in a pool of their own workers, each bounded per workbook; the
 * pool tells this watcher so ({ batch: true }), and from then on the budget for the whole run no longer applies — it
 * counts the CPU of every thread and would end a batch of 340 workbooks after 25 s. The bounds given on the command
 * line are handed on (workerData) as the bounds of each workbook.
 */
import { statSync } from "fs";
import * as path from "path";
import { Worker } from "worker_threads";

const DEFAULT_HEAP_MB = 1200;
/** Exit code when the reader of stdout closed it before pb was done (128 + SIGPIPE). */
export const EXIT_READER_GONE = 141;
const DEFAULT_CPU_SECONDS = 25;
const STACK_MB = 64;

interface Bounds {
  heapMb: number;
  cpuSeconds: number;
  args: string[];
  /** What the user gave, if anything: a batch applies it per workbook. */
  given: { heapMb?: number; cpuSeconds?: number };
}

function takeOption(args: string[], name: string): { value?: string; rest: string[] } {
  const rest: string[] = [];
  let value: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--") {
      rest.push(...args.slice(i));
      break;
    }
    if (a === `--${name}`) value = args[++i] ?? "";
    else if (a.startsWith(`--${name}=`)) value = a.slice(name.length + 3);
    else rest.push(a);
  }
  return { value, rest };
}

function positive(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!(n > 0) || !Number.isFinite(n)) throw new Error(`--${name} verwacht een positief getal, niet "${v}".`);
  return n;
}

/** Default CPU budget: 25 s, and 2,5 s more per MB of the largest file given above 10 MB. */
function cpuBudget(args: string[]): number {
  let largest = 0;
  for (const a of args) {
    if (a.startsWith("--")) continue;
    try {
      const st = statSync(a);
      if (st.isFile()) largest = Math.max(largest, st.size);
    } catch {
      /* not a file */
    }
  }
  return DEFAULT_CPU_SECONDS + Math.max(0, largest / 1e6 - 10) * 2.5;
}

export function boundsOf(argv: readonly string[]): Bounds {
  const heap = takeOption([...argv], "max-geheugen-mb");
  const cpu = takeOption(heap.rest, "max-seconden");
  const heapMb = positive("max-geheugen-mb", heap.value);
  const cpuSeconds = positive("max-seconden", cpu.value);
  return {
    heapMb: heapMb ?? DEFAULT_HEAP_MB,
    cpuSeconds: cpuSeconds ?? cpuBudget(cpu.rest),
    args: cpu.rest,
    given: { ...(heapMb !== undefined ? { heapMb } : {}), ...(cpuSeconds !== undefined ? { cpuSeconds } : {}) },
  };
}

const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

/** Run `pb` with argv in a bounded worker; resolves to the exit code. */
export function launch(argv: readonly string[]): Promise<number> {
  let bounds: Bounds;
  try {
    bounds = boundsOf(argv);
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    return Promise.resolve(2);
  }
  return new Promise((resolve) => {
    const worker = new Worker(path.join(__dirname, "worker.js"), {
      argv: bounds.args,
      resourceLimits: { maxOldGenerationSizeMb: bounds.heapMb, stackSizeMb: STACK_MB },
      // a worker's process.stderr is no terminal: the batch's progress bar needs to know whether the real one is
      workerData: { pbLaunch: true, stderrTty: process.stderr.isTTY === true, bounds: bounds.given },
    });
    let batch = false;
    let code: number | undefined;
    let refusal: string | undefined;
    // The reader of our output went away (`pb recalc x.xlsx | head -1`): the rest has nobody to read it, so stop at
    // once and quietly, as Unix tools do, with 141 (128 + SIGPIPE, what a shell reports for them). Without a listener
    // the closed pipe is an unhandled 'error' event: a stack trace.
    let readerGone = false;
    const onOutputError = (e: NodeJS.ErrnoException) => {
      if (readerGone) return;
      readerGone = true;
      if (e.code !== "EPIPE" && e.code !== "ERR_STREAM_DESTROYED") refusal = `pb kan niet naar de uitvoer schrijven (${e.code ?? "fout"}).`;
      void worker.terminate();
    };
    process.stdout.on("error", onOutputError);
    process.stderr.on("error", onOutputError);
    const start = cpuNow();
    const timer = setInterval(() => {
      if (batch || cpuNow() - start <= bounds.cpuSeconds) return;
      refusal =
        `pb is gestopt: de opdracht gebruikte meer dan ${bounds.cpuSeconds.toFixed(0)} seconden rekentijd (grens). ` +
        "Er is geen uitkomst. Is dit een echte, zeer grote werkmap, geef dan meer tijd met --max-seconden N.";
      void worker.terminate();
    }, 250);
    timer.unref();
    worker.on("message", (m: { exit?: number; batch?: boolean }) => {
      if (typeof m?.exit === "number") code = m.exit;
      if (m?.batch === true) batch = true;
    });
    worker.on("error", (e: Error & { code?: string }) => {
      if (e.code === "ERR_WORKER_OUT_OF_MEMORY") {
        refusal =
          `pb is gestopt: de opdracht had meer dan ${bounds.heapMb} MB geheugen nodig (grens). Er is geen uitkomst. ` +
          "Is dit een echte, zeer grote werkmap, geef dan meer geheugen met --max-geheugen-mb N.";
      } else refusal ??= `Interne fout in pb: ${e.message.split("\n")[0]}`;
    });
    worker.on("exit", () => {
      clearInterval(timer);
      if (readerGone && refusal === undefined) {
        resolve(EXIT_READER_GONE);
        return;
      }
      if (readerGone) {
        // the output is gone: the reason can only be the exit code
        resolve(2);
        return;
      }
      if (refusal !== undefined) {
        process.stderr.write(`${refusal}\n`);
        resolve(2);
      } else resolve(code ?? 2);
    });
  });
}
