/**
 * Many workbooks at once: `pb recalc A.xlsx B.xlsx MAP/` and `pb check …`, for whoever audits a whole set (a
 * gemeenschappelijke regeling and its members, a province, an accountant at year end). A folder stands for every
 * .xlsx/.xlsm in it and its subfolders, in a fixed order; each workbook is one task of a piscina pool with one worker
 * per core (--werkers N), and every task is bounded as a single run is (launch.ts): a heap limit per worker and a budget
 * of CPU seconds per workbook, measured on that worker's own thread (threadClock.ts). A workbook that exceeds them, or
 * that cannot be read, gets its own Dutch refusal (exit 2 for that file) and the others go on. The output comes in the
 * order the files were given: one line per workbook, a total, and the last line `N PB cells, M mismatches`; --json and
 * --out give one combined report. The exit code is the worst of all files (2 > 1 > 0).
 */
import { existsSync, promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { isMainThread, parentPort, workerData } from "worker_threads";
import { Piscina } from "piscina";
import type { CliIO } from "./command";
import { EXIT, UsageError } from "./command";
import { positiveOption, readLimitOptions } from "./limitOptions";
import { applyParameterSetOption } from "./parameterSet";
import { ChunkWriter, OutputError, outputRefusal, writeSafely } from "./safeOutput";
import { CLOCK_BYTES, clockStarted, usedSeconds } from "./threadClock";
import { summaryLine } from "../engine/recalc";
import { activeParameterSetLabel } from "../parameters";
import { ADDIN_VERSION } from "../version";
import { count } from "../templates/checks";
import type { ReadLimits } from "../xlsx/limits";

export const BATCH_OPTIONS = { werkers: "value" } as const;

const DEFAULT_HEAP_MB = 1200;
const DEFAULT_CPU_SECONDS = 25;
const STACK_MB = 64;
/** How often running tasks are measured against their budget. */
const WATCH_MS = 250;
/** Without a terminal, a progress line this often (and none for a run shorter than this). */
const PROGRESS_LINE_MS = 5000;

const COMMON_USAGE = [
  "  Meer werkmappen, of een map: elke .xlsx en .xlsm in de map en haar submappen (op naam gesorteerd; verborgen",
  "  bestanden en Excel-vergrendelbestanden ~$… overgeslagen), tegelijk op alle processorkernen. Per werkmap één regel,",
  "  daarna het totaal; de afsluitcode is de slechtste van alle werkmappen. Een werkmap die onleesbaar is of een grens",
  "  overschrijdt, krijgt zijn eigen melding (GEWEIGERD) en de rest gaat door. Per werkmap gelden dezelfde grenzen als",
  "  voor één werkmap (--max-seconden en --max-geheugen-mb gelden per werkmap).",
  "  --werkers N  hoeveel werkmappen tegelijk (standaard: het aantal processorkernen)",
];

export const BATCH_USAGE = [
  ...COMMON_USAGE,
  "  --json       één gezamenlijk JSON-rapport: per werkmap het rapport, en de totalen",
  "  --out F      gezamenlijk rapport naar F (.json = JSON, anders tekst; een rapportwerkmap .xlsx alleen voor één werkmap)",
];

export const CHECK_BATCH_USAGE = [...COMMON_USAGE, "  --json       één gezamenlijk JSON-rapport: per werkmap de uitkomsten, en de totalen"];

// ------------------------------------------------------------------------------------------------ which files

/** More than one path, or a folder: a batch. One file keeps the single run and its output exactly. */
export async function isBatch(positional: readonly string[], _options?: Record<string, string | true>): Promise<boolean> {
  if (positional.length > 1) return true;
  try {
    return (await fs.stat(positional[0])).isDirectory();
  } catch {
    return false;
  }
}

const WORKBOOK = /\.(xlsx|xlsm)$/i;
/** Hidden files and folders, and the lock file Excel keeps beside an open workbook (~$naam.xlsx). */
const SKIPPED = (name: string) => name.startsWith(".") || name.startsWith("~$");
/** Code-unit order, not the locale's: the same order on every machine. */
const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

async function walk(dir: string, into: string[]): Promise<void> {
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(`De map ${dir} kan niet worden gelezen${code === "EACCES" || code === "EPERM" ? ": geen toestemming" : ""}.`);
  }
  for (const e of entries.sort((a, b) => byName(a.name, b.name))) {
    if (SKIPPED(e.name)) continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) await walk(p, into);
    else if (WORKBOOK.test(e.name)) {
      // Anything named as a workbook counts, so that the reader refuses what it is not (a pipe, a device, a dangling
      // link) on its own line rather than leaving it out unseen; only a link to a folder is not followed, so a link
      // back to a parent cannot make the walk endless.
      if (!e.isSymbolicLink() || !(await fs.stat(p).then((s) => s.isDirectory(), () => false))) into.push(p);
    }
  }
}

/**
 * The workbooks the arguments stand for, in order: a file as given (whatever its extension: it was named), a folder
 * as its workbooks. The same file twice is audited once. No workbook at all is a usage error.
 */
export async function listWorkbooks(args: readonly string[], io: CliIO): Promise<string[]> {
  const files: string[] = [];
  const seen = new Set<string>();
  for (const a of args) {
    let st;
    try {
      st = await fs.stat(a);
    } catch {
      st = undefined; // the reader gives this file its Dutch refusal
    }
    const found: string[] = [];
    if (st?.isDirectory()) {
      await walk(a, found);
      if (found.length === 0) io.err(`Let op: in de map ${a} staan geen werkmappen (.xlsx of .xlsm).`);
    } else found.push(a);
    for (const f of found) {
      const key = path.resolve(f);
      if (seen.has(key)) continue;
      seen.add(key);
      files.push(f);
    }
  }
  if (files.length === 0) throw new UsageError("Er is geen werkmap om te controleren: geef .xlsx- of .xlsm-bestanden, of een map waarin ze staan.");
  return files;
}

// ------------------------------------------------------------------------------------------------ the pool

/** One task: what a pool worker gets (batchWorker.ts). Plain data, cloned to the worker. */
export interface BatchTask {
  command: "recalc" | "check";
  file: string;
  limits: Partial<ReadLimits>;
  parameterset?: string;
  /** What the coordinator needs besides the counts: the file's JSON report, its text report, or nothing. */
  want: "none" | "json" | "text";
  bonnen: boolean;
  /** --alleen-verschillen: the text report with only what needs attention. */
  onlyDifferences: boolean;
  clock: SharedArrayBuffer;
}

/** One file's outcome, as the worker returns it (or the coordinator makes it, when the worker was stopped). */
export interface FileResult {
  file: string;
  exit: number;
  /** recalc: ok / mismatch / not-calculated (formulas Excel never calculated, no difference) / refused; check: ok / failed / refused / no-template. */
  status: "ok" | "mismatch" | "not-calculated" | "failed" | "refused" | "no-template";
  /** recalc: "3 PB cells, 0 mismatches"; check: "1 sjabloon, 34 controles, 0 fouten". */
  summary?: string;
  /** The Dutch reason of a refusal, one line. */
  reason?: string;
  counts: Record<string, number>;
  /** Cells not recomputed (check; recalc counts them in its report). */
  notRecomputed?: string[];
  /** The file's own report as JSON text (want "json"). */
  json?: string;
  /** The file's own text report (want "text"). */
  text?: string[];
}

interface LaunchData {
  pbLaunch?: boolean;
  stderrTty?: boolean;
  bounds?: { heapMb?: number; cpuSeconds?: number };
}

/** What launch.ts (bin/pb.js) told the worker this runs in; nothing when run in-process (tests). */
function launchData(): LaunchData {
  if (isMainThread) return {};
  const d = workerData as LaunchData | undefined;
  return d && d.pbLaunch === true ? d : {};
}

interface PoolBounds {
  threads: number;
  heapMb: number;
  /** The CPU budget of one file: given, or 25 s and 2,5 s per MB above 10 MB, as a single run. */
  cpuSeconds(size: number): number;
  given: { cpuSeconds?: number };
}

function poolBounds(options: Record<string, string | true>, files: number): PoolBounds {
  const given = launchData().bounds ?? {};
  const heapMb = positiveOption(options, "max-geheugen-mb") ?? given.heapMb ?? DEFAULT_HEAP_MB;
  const cpu = positiveOption(options, "max-seconden") ?? given.cpuSeconds;
  const werkers = positiveOption(options, "werkers");
  if (werkers !== undefined && !Number.isInteger(werkers)) throw new UsageError(`--werkers verwacht een heel getal, niet "${String(options.werkers)}".`);
  const cores = typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
  // Each worker may grow to its heap limit: by default no more workers than half the memory holds at that limit.
  const byMemory = Math.max(1, Math.floor((os.totalmem() / 1e6) * 0.5 / heapMb));
  const threads = Math.max(1, Math.min(files, werkers ?? Math.min(cores, byMemory)));
  return {
    threads,
    heapMb,
    cpuSeconds: (size) => cpu ?? DEFAULT_CPU_SECONDS + Math.max(0, size / 1e6 - 10) * 2.5,
    given: { cpuSeconds: cpu },
  };
}

/** The compiled worker entry; under ts-jest (sources run as .ts) the one in dist-cli, which the CLI tests build. */
function workerFile(): string {
  const file = __filename.endsWith(".ts") ? path.join(__dirname, "..", "..", "dist-cli", "cli", "batchWorker.js") : path.join(__dirname, "batchWorker.js");
  if (!existsSync(file)) throw new Error(`pb is niet volledig gebouwd: ${file} ontbreekt. Bouw het met: npm run build:cli`);
  return file;
}

const nl = (n: number) => n.toLocaleString("nl-NL", { maximumFractionDigits: 1 });

function refusal(file: string, reason: string): FileResult {
  return { file, exit: EXIT.unreadable, status: "refused", reason, counts: {} };
}

/** The Dutch refusal for a task the pool had to stop. */
function stoppedReason(e: unknown, why: "cpu" | undefined, budget: number, heapMb: number): string {
  const code = (e as { code?: string })?.code;
  if (why === "cpu") {
    return `gestopt: de werkmap gebruikte meer dan ${nl(budget)} seconden rekentijd (grens per werkmap). Is dit een echte, zeer grote werkmap, geef dan meer tijd met --max-seconden N.`;
  }
  if (code === "ERR_WORKER_OUT_OF_MEMORY") {
    return `gestopt: de werkmap had meer dan ${nl(heapMb)} MB geheugen nodig (grens per werkmap). Is dit een echte, zeer grote werkmap, geef dan meer geheugen met --max-geheugen-mb N.`;
  }
  const message = e instanceof Error ? e.message.split("\n")[0] : String(e);
  return `interne fout in pb bij deze werkmap: ${message}`;
}

/** A progress bar on a terminal, or a plain line every few seconds otherwise; always on stderr, never on stdout. */
class Progress {
  private readonly tty = isMainThread ? process.stderr.isTTY === true : launchData().stderrTty === true;
  private readonly t0 = Date.now();
  private lastLine = Date.now();
  private lastDraw = 0;
  private shown = false;
  done = 0;
  constructor(
    private readonly total: number,
    private readonly io: CliIO,
  ) {}

  private static clock(s: number): string {
    const m = Math.floor(s / 60);
    return `${m}:${String(Math.floor(s % 60)).padStart(2, "0")}`;
  }

  private text(): string {
    const s = (Date.now() - this.t0) / 1000;
    const left = this.done >= 3 && this.done < this.total ? `, nog ±${Progress.clock((s / this.done) * (this.total - this.done))}` : "";
    return `${this.done}/${this.total} werkmappen (${Progress.clock(s)}${left})`;
  }

  tick(): void {
    const now = Date.now();
    if (this.tty) {
      if (now - this.lastDraw < 100 && this.done < this.total) return;
      this.lastDraw = now;
      const width = 24;
      const full = Math.round((this.done / this.total) * width);
      process.stderr.write(`\r[${"█".repeat(full)}${"░".repeat(width - full)}] ${this.text()}\x1b[K`);
      this.shown = true;
    } else if (now - this.lastLine >= PROGRESS_LINE_MS && this.done < this.total) {
      this.lastLine = now;
      this.io.err(`Voortgang: ${this.text()}…`);
    }
  }

  /** Before a line on stdout: take the bar away, so the line starts at the left; the next tick draws it again. */
  clear(): void {
    if (this.tty && this.shown) {
      process.stderr.write("\r\x1b[K");
      this.shown = false;
      this.lastDraw = 0;
    }
  }
}

/**
 * Run every task in the pool and hand the results to `emit` in input order (a result that comes early waits for the
 * ones before it). Never rejects for one file: a worker that died or was stopped becomes that file's refusal.
 */
async function runPool(
  command: BatchTask["command"],
  files: readonly string[],
  task: Omit<BatchTask, "file" | "clock" | "command">,
  bounds: PoolBounds,
  progress: Progress,
  emit: (r: FileResult) => Promise<void> | void,
): Promise<void> {
  // The outer watcher's budget (bin/pb.js, 25 s for the whole run) would end a long batch; each file has its own here.
  if (launchData().pbLaunch === true) parentPort?.postMessage({ batch: true });
  const pool = new Piscina({
    filename: workerFile(),
    minThreads: bounds.threads,
    maxThreads: bounds.threads,
    idleTimeout: 60_000,
    concurrentTasksPerWorker: 1,
    resourceLimits: { maxOldGenerationSizeMb: bounds.heapMb, stackSizeMb: STACK_MB },
  });
  interface Running {
    clock: SharedArrayBuffer;
    abort: AbortController;
    budget: number;
    startedAt?: number;
    why?: "cpu";
  }
  const running = new Map<number, Running>();
  const watch = setInterval(() => {
    const now = Date.now();
    for (const r of running.values()) {
      if (r.why) continue;
      if (r.startedAt === undefined) {
        if (!clockStarted(r.clock)) continue;
        r.startedAt = now;
      }
      const used = usedSeconds(r.clock, r.startedAt, now);
      if (used !== undefined && used > r.budget) {
        r.why = "cpu";
        r.abort.abort();
      }
    }
    progress.tick();
  }, WATCH_MS);
  const results: (Promise<FileResult> | undefined)[] = [];
  try {
    for (let i = 0; i < files.length; i++) {
      const file = files[i];
      const size = await fs.stat(file).then(
        (s) => s.size,
        () => 0,
      );
      const r: Running = { clock: new SharedArrayBuffer(CLOCK_BYTES), abort: new AbortController(), budget: bounds.cpuSeconds(size) };
      running.set(i, r);
      const job: BatchTask = { ...task, command, file, clock: r.clock };
      results.push(
        (pool.run(job, { signal: r.abort.signal }) as Promise<FileResult>)
          .catch((e: unknown) => refusal(file, stoppedReason(e, r.why, r.budget, bounds.heapMb)))
          .finally(() => {
            running.delete(i);
            progress.done++;
            progress.tick();
          }),
      );
    }
    for (let i = 0; i < results.length; i++) {
      const r = await results[i]!;
      results[i] = undefined; // let it go once written
      await emit(r);
    }
  } finally {
    clearInterval(watch);
    progress.clear();
    await pool.destroy();
  }
}

/** Where the combined report goes: stdout lines, or a file written safely (safeOutput.ts). */
type Sink = (line: string) => Promise<void> | void;

const worst = (a: number, b: number) => Math.max(a, b);

function oneLine(s: string): string {
  return s.replace(/\s*\n\s*/g, " ");
}

// ------------------------------------------------------------------------------------------------ pb recalc …

const RECALC_STATUS: Partial<Record<FileResult["status"], string>> = { ok: "ok", mismatch: "VERSCHIL", "not-calculated": "NOG NIET BEREKEND IN EXCEL", refused: "GEWEIGERD" };

function recalcLine(r: FileResult): string {
  if (r.status === "refused") return `${r.file}: GEWEIGERD — ${oneLine(r.reason ?? "")}`;
  return `${r.file}: ${r.summary} — ${RECALC_STATUS[r.status] ?? r.status}`;
}

/** Combined JSON: an object whose "files" holds one entry per workbook (its report under "report"), then the totals. */
function jsonEntry(r: FileResult, last: boolean): string {
  const head = {
    file: r.file,
    status: r.status,
    exit: r.exit,
    ...(r.summary !== undefined ? { summary: r.summary } : {}),
    ...(r.reason !== undefined ? { reason: r.reason } : {}),
    ...(r.notRecomputed?.length ? { notRecomputed: r.notRecomputed } : {}),
  };
  const base = JSON.stringify(head);
  const body = r.json !== undefined ? `${base.slice(0, -1)},"report":${r.json}}` : base;
  return `    ${body}${last ? "" : ","}`;
}

export async function recalcBatch(positional: readonly string[], options: Record<string, string | true>, io: CliIO): Promise<number> {
  applyParameterSetOption(options, io);
  const json = options.json === true;
  const out = typeof options.out === "string" ? options.out : undefined;
  const overwrite = options.overwrite === true;
  if (overwrite && out === undefined) throw new UsageError("--overwrite hoort bij --out RAPPORT.");
  const limits = readLimitOptions(options);
  const ext = out !== undefined ? path.extname(out).toLowerCase() : "";
  if (ext === ".xlsx" || ext === ".xlsm") {
    io.err(
      `--out ${out}: een rapportwerkmap (.xlsx) is er voor één werkmap. Geef voor meer werkmappen een gezamenlijk rapport ` +
        "als JSON (--out RAPPORT.json) of tekst (--out RAPPORT.txt), of controleer de werkmappen één voor één met --out.",
    );
    return EXIT.usage;
  }
  const files = await listWorkbooks(positional, io);
  if (out !== undefined) {
    const refusal = await outputRefusal(out, files, overwrite);
    if (refusal !== undefined) {
      io.err(refusal);
      return EXIT.usage;
    }
  }
  const bounds = poolBounds(options, files.length);
  const want: BatchTask["want"] = out !== undefined ? (ext === ".json" || json ? "json" : "text") : json ? "json" : "none";
  const parameterset = typeof options.parameterset === "string" ? options.parameterset : undefined;
  const totals = {
    files: files.length,
    ok: 0,
    mismatch: 0,
    notCalculated: 0,
    refused: 0,
    pbCells: 0,
    mismatches: 0,
    pbNotYetCalculated: 0,
    otherFormulas: 0,
    otherMismatches: 0,
    otherNotRecomputable: 0,
    otherNotYetCalculated: 0,
  };
  let exit: number = EXIT.ok;
  const label = activeParameterSetLabel();
  const startedAt = new Date().toISOString().replace(/\.\d+Z$/, "Z");
  const toStdout = out === undefined;
  const progress = new Progress(files.length, io);

  const audit = async (sink: Sink) => {
    let index = 0;
    if (want === "json") {
      await sink("{");
      await sink(`  "addinVersion": ${JSON.stringify(ADDIN_VERSION)},`);
      await sink(`  "parameterSetLabel": ${JSON.stringify(label)},`);
      await sink(`  "auditedAt": ${JSON.stringify(startedAt)},`);
      await sink('  "files": [');
    } else if (want === "text") {
      await sink(`Herberekening van ${count(files.length, "werkmap", "werkmappen")}`);
      await sink(`PB Rekenkit ${ADDIN_VERSION}; ${label}`);
      await sink(`Gestart op ${startedAt} (UTC)`);
    }
    const onlyDifferences = options["alleen-verschillen"] === true;
    await runPool("recalc", files, { limits, parameterset, want, bonnen: options.bonnen === true, onlyDifferences }, bounds, progress, async (r) => {
      exit = worst(exit, r.exit);
      if (r.status === "ok" || r.status === "mismatch" || r.status === "refused") totals[r.status]++;
      else if (r.status === "not-calculated") totals.notCalculated++;
      totals.pbCells += r.counts.pbCells ?? 0;
      totals.mismatches += r.counts.mismatches ?? 0;
      totals.pbNotYetCalculated += r.counts.pbNotYetCalculated ?? 0;
      totals.otherFormulas += r.counts.otherCount ?? 0;
      totals.otherMismatches += r.counts.otherMismatches ?? 0;
      totals.otherNotRecomputable += r.counts.otherNotRecomputable ?? 0;
      totals.otherNotYetCalculated += r.counts.otherNotYetCalculated ?? 0;
      index++;
      if (want === "json") await sink(jsonEntry(r, index === files.length));
      else if (want === "text") {
        await sink("");
        for (const l of r.text ?? [`Herberekening van ${r.file}`, `GEWEIGERD: ${oneLine(r.reason ?? "")}`]) await sink(l);
      }
      // the per-file line on stdout, unless stdout carries the JSON
      if (!(toStdout && want === "json")) {
        progress.clear();
        io.out(recalcLine(r));
      }
    });
    const notCalculated = totals.notCalculated > 0 ? `, ${totals.notCalculated} nog niet berekend in Excel` : "";
    const totalLine = `Totaal: ${count(files.length, "werkmap", "werkmappen")}: ${totals.ok} ok, ${totals.mismatch} met verschil${notCalculated}, ${totals.refused} geweigerd.`;
    // the summary line of one workbook, over all of them: it grows its second clause exactly when one would
    const last = summaryLine({
      pbCells: totals.pbCells,
      mismatches: totals.mismatches,
      pbNotYetCalculated: totals.pbNotYetCalculated,
      otherFormulas: {
        count: totals.otherFormulas,
        mismatches: totals.otherMismatches,
        notRecomputable: totals.otherNotRecomputable,
        notYetCalculated: totals.otherNotYetCalculated,
        dependsOnPbMismatch: 0,
        cells: [],
      },
    });
    if (want === "json") {
      await sink("  ],");
      await sink(`  "totals": ${JSON.stringify({ ...totals, exit })},`);
      await sink(`  "summary": ${JSON.stringify(last)}`);
      await sink("}");
    } else if (want === "text") {
      await sink("");
      await sink(totalLine);
      await sink(last);
    }
    return { totalLine, last };
  };

  let lines: { totalLine: string; last: string };
  if (out === undefined) {
    lines = await audit((l) => {
      if (want !== "json") return;
      progress.clear();
      io.out(l);
    });
  } else {
    try {
      let done: { totalLine: string; last: string } | undefined;
      await writeSafely(out, overwrite, async (fh) => {
        const w = new ChunkWriter(fh);
        done = await audit((l) => w.line(l));
        await w.flush();
      });
      lines = done!;
    } catch (e) {
      if (e instanceof OutputError) {
        io.err(e.message);
        return EXIT.unreadable;
      }
      throw e;
    }
    io.out(`Rapport geschreven naar ${out} (${label}).`);
  }
  // With the JSON on stdout the totals go to stderr, as the single run puts its summary there.
  const say = toStdout && want === "json" ? io.err : io.out;
  say(lines.totalLine);
  say(lines.last);
  return exit;
}

// ------------------------------------------------------------------------------------------------ pb check …

function checkLine(r: FileResult): string {
  if (r.status === "refused") return `${r.file}: GEWEIGERD — ${oneLine(r.reason ?? "")}`;
  if (r.status === "no-template") return `${r.file}: GEEN SJABLOON — ${oneLine(r.reason ?? "")}`;
  const extra = r.notRecomputed?.length ? ` (${count(r.notRecomputed.length, "cel", "cellen")} niet herberekend)` : "";
  return `${r.file}: ${r.summary}${extra} — ${r.status === "ok" ? "ok" : "FOUT"}`;
}

export async function checkBatch(positional: readonly string[], options: Record<string, string | true>, io: CliIO): Promise<number> {
  applyParameterSetOption(options, io);
  const json = options.json === true;
  const limits = readLimitOptions(options);
  const files = await listWorkbooks(positional, io);
  const bounds = poolBounds(options, files.length);
  const parameterset = typeof options.parameterset === "string" ? options.parameterset : undefined;
  const totals = { files: files.length, ok: 0, failed: 0, refused: 0, noTemplate: 0, templates: 0, checks: 0, failures: 0 };
  let exit: number = EXIT.ok;
  let index = 0;
  const progress = new Progress(files.length, io);
  if (json) io.out('{\n  "files": [');
  await runPool("check", files, { limits, parameterset, want: json ? "json" : "none", bonnen: false, onlyDifferences: false }, bounds, progress, (r) => {
    progress.clear();
    exit = worst(exit, r.exit);
    if (r.status === "no-template") totals.noTemplate++;
    else if (r.status === "ok" || r.status === "failed" || r.status === "refused") totals[r.status]++;
    totals.templates += r.counts.templates ?? 0;
    totals.checks += r.counts.checks ?? 0;
    totals.failures += r.counts.failures ?? 0;
    index++;
    io.out(json ? jsonEntry(r, index === files.length) : checkLine(r));
  });
  const setLine = `Gecontroleerd met ${activeParameterSetLabel()}.`;
  const totalLine =
    `Totaal: ${count(files.length, "werkmap", "werkmappen")}: ${totals.ok} zonder fouten, ${totals.failed} met fouten, ` +
    `${totals.refused} geweigerd, ${totals.noTemplate} zonder sjabloon.`;
  const last = `${count(totals.templates, "sjabloon", "sjablonen")}, ${count(totals.checks, "controle", "controles")}, ${count(totals.failures, "fout", "fouten")}`;
  if (json) {
    io.out("  ],");
    io.out(`  "parameterSetLabel": ${JSON.stringify(activeParameterSetLabel())},`);
    io.out(`  "totals": ${JSON.stringify({ ...totals, exit })},`);
    io.out(`  "summary": ${JSON.stringify(last)}`);
    io.out("}");
  }
  for (const l of [setLine, totalLine, last]) (json ? io.err : io.out)(l);
  return exit;
}
