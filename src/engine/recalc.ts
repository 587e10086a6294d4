/**
 * Recalculating a workbook and comparing every PB formula cell with the value Excel saved: the audit behind
 * `pb recalc`. Pure with respect to files: it takes a WorkbookModel and returns a report, with a receipt per PB call
 * (withReceipt, the same as the task pane's) kept while the engine evaluates, so it names the very arguments the
 * function received. A cell the reader could not trust (CellModel.unverified) or the engine could not handle, and every
 * PB cell that depends on one, is reported as not recomputable: never "ok".
 */
import type { SimpleCellAddress, SimpleCellRange } from "hyperformula";
import { toDisplayFormula } from "../functions/formulaNames";
import { withReceipt, type Receipt } from "../functions/receipt";
import { invoke } from "../functions/invoke";
import type { Matrix, RawArg } from "../functions/contract";
import { activeParameterSet, activeParameterSetLabel, type ParameterSetOrigin, type ParameterUse } from "../parameters";
import type { DateSystem } from "../rules/dates";
import { ADDIN_VERSION } from "../version";
import type { CellModel, WorkbookModel } from "../xlsx/model";
import { looksLikePb } from "../xlsx/sheet";
import { buildEngine, ENGINE_NAME, engineFunctionNames, formatAddress, fromHfValue, parseAddress, parseRange, type EngineValue } from "./engine";
import { GUARD_PREFIX } from "./guard";
import { setPbCallSink } from "./plugin";

/** Half a cent: money is stored to the cent, so anything closer is the same amount. */
export const TOLERANCE = 0.005;

export type CellStatus = "ok" | "mismatch" | "not-recomputable" | "no-cached-value";

export type ReportValue = number | string | boolean | null | { error: string; message?: string };

export interface PbCellReport {
  sheet: string;
  address: string;
  /** Display form, e.g. `PB.LKS(A2,B2,C2)`. */
  formula: string;
  /** As stored in the file, e.g. `_xldudf_PB_LKS(A2,B2,C2)`. */
  storedFormula: string;
  cached: ReportValue | undefined;
  recomputed: ReportValue;
  /** recomputed − cached, for two numbers. */
  difference: number | null;
  status: CellStatus;
  /** Dutch explanation when status is not "ok". */
  note?: string;
}

/** A cell that was not recomputed (reader or engine), PB or not. */
export interface UnverifiedCell {
  sheet: string;
  address: string;
  formula?: string;
  reason: string;
}

export interface RecalcReport {
  file: string;
  /** Base name of the audited file. */
  fileName: string;
  /** Size in bytes and SHA-256 (hex) of exactly the bytes audited. */
  size: number | null;
  sha256: string | null;
  /** When the audit ran, ISO 8601 in UTC. */
  auditedAt: string;
  parameterSetVersion: string;
  parameterSetHash: string;
  /** "eigen" when the figures were computed with the user's own file: every report says so. */
  parameterSetOrigin: ParameterSetOrigin;
  parameterSetFile?: string;
  /** The set in one Dutch line, marked when it is not the built-in one. */
  parameterSetLabel: string;
  /** The same, together: version, hash, origin and the file given (if any). */
  parameterSet: { version: string; hash: string; origin: ParameterSetOrigin; file?: string };
  addinVersion: string;
  engine: string;
  pbCells: number;
  mismatches: number;
  cells: PbCellReport[];
  /** Functions in the workbook the engine does not know, with how many formulas use them. */
  unknownFunctions: { name: string; cells: number; example: string }[];
  /** Every cell, PB or not, that was not recomputed, with the reason. */
  unverified: UnverifiedCell[];
  warnings: string[];
  timings: { buildSeconds: number; compareSeconds: number };
}

export interface RecalcOptions {
  file?: string;
  warnings?: string[];
  onProgress?: (message: string) => void;
  /** The audited file's size and hash, for the header. */
  source?: { size: number; sha256: string };
  /** The parameter-set file given on the command line, if any (for the header). */
  parameterSetFile?: string;
}

const FUNCTION_CALL = /(?<![A-Za-z0-9_.])([A-Za-z][A-Za-z0-9_.]*)\s*\(/g;

/** Function names called in a display-form formula (upper case), string literals and quoted sheet names skipped. */
function functionsIn(formula: string): string[] {
  const code = formula.includes('"') || formula.includes("'") ? formula.replace(/"(?:[^"]|"")*"|'(?:[^']|'')*'/g, '""') : formula;
  return [...code.matchAll(FUNCTION_CALL)].map((m) => m[1].toUpperCase());
}

function isError(v: unknown): v is { error: string; message?: string } {
  return typeof v === "object" && v !== null && typeof (v as { error?: unknown }).error === "string";
}

function show(v: ReportValue | undefined): string {
  if (v === undefined) return "(geen)";
  if (isError(v)) return v.error;
  return String(v);
}

/** Compare one PB cell; unknown-to-the-engine errors make the cell not recomputable rather than wrong. */
export function judge(cached: ReportValue | undefined, recomputed: EngineValue): Pick<PbCellReport, "status" | "difference" | "note"> {
  if (isError(recomputed) && (recomputed.error === "#NAME?" || recomputed.error === "#ERROR!" || recomputed.error === "#LIC!")) {
    const m = recomputed.message;
    return { status: "not-recomputable", difference: null, note: m.startsWith(GUARD_PREFIX) ? m : `${GUARD_PREFIX}: ${m}` };
  }
  if (cached === undefined || cached === null) {
    return { status: "no-cached-value", difference: null, note: "Er is geen door Excel opgeslagen waarde om mee te vergelijken." };
  }
  if (typeof cached === "number" && typeof recomputed === "number") {
    const difference = recomputed - cached;
    // 1e-9 absorbs binary noise in Excel's 17-digit cached doubles (7548.599999999999).
    return Math.abs(difference) <= TOLERANCE + 1e-9
      ? { status: "ok", difference }
      : { status: "mismatch", difference, note: `Verschil ${difference.toFixed(2)}: opgeslagen ${cached}, herberekend ${recomputed}.` };
  }
  if (isError(cached) && isError(recomputed)) {
    return cached.error === recomputed.error
      ? { status: "ok", difference: null }
      : { status: "mismatch", difference: null, note: `Opgeslagen ${cached.error}, herberekend ${recomputed.error}: ${recomputed.message}` };
  }
  if (isError(cached)) {
    const why = cached.error === "#NAME?" ? " (de invoegtoepassing was niet geladen toen Excel rekende)" : "";
    return { status: "mismatch", difference: null, note: `Excel heeft ${cached.error} opgeslagen${why}; herberekend: ${show(recomputed)}.` };
  }
  if (cached === recomputed) return { status: "ok", difference: null };
  const extra = isError(recomputed) ? `: ${recomputed.message}` : "";
  return { status: "mismatch", difference: null, note: `Opgeslagen ${show(cached)}, herberekend ${show(recomputed)}${extra}.` };
}

/** Receipts keep small inputs as they were; a large range is summarised (the function still received all of it). */
const MAX_RECEIPT_RANGE = 1000;

function keepInput(v: RawArg): RawArg {
  if (!Array.isArray(v)) return v;
  const rows = v.length;
  const cols = rows ? (v[0] as unknown[]).length : 0;
  return rows * cols <= MAX_RECEIPT_RANGE ? v : (`bereik van ${rows}×${cols} cellen` as unknown as Matrix);
}

const cellKey = (sheet: number, row: number, col: number) => (sheet * 1_048_576 + row) * 16_384 + col;

/** One PB call the engine made: its arguments, kept to write its receipt when a report asks for it. */
interface PbCall {
  id: string;
  args: RawArg[];
  dateSystem: DateSystem;
  /** Made at once when an argument is a large range (the range itself is not kept). */
  receipt?: Receipt;
}

function hasLargeRange(args: readonly RawArg[]): boolean {
  return args.some((a) => Array.isArray(a) && a.length * ((a[0] as unknown[] | undefined)?.length ?? 0) > MAX_RECEIPT_RANGE);
}

/**
 * The PB calls per formula address. Receipts are written only when a report shows them (JSON, report workbook,
 * --bonnen), by withReceipt on the same arguments: the rules are pure, so that is the very computation the engine ran.
 */
class CallBook {
  private readonly byCell = new Map<number, PbCall[]>();
  /** Parameter uses shared between receipts that used the same value (name and valid-from). */
  readonly uses = new Map<string, Map<string, ParameterUse>>();

  record(id: string, raw: RawArg[], dateSystem: DateSystem, at: { sheet: number; row: number; col: number }, given: number): Receipt["result"] {
    const result = invoke(id, raw, { dateSystem });
    // Arguments not written in the formula are not inputs, though the engine hands them over as empty (a rule treats
    // empty and omitted alike).
    const args = raw.length > given ? raw.slice(0, given) : raw;
    const call: PbCall = hasLargeRange(args) ? { id, args: [], dateSystem, receipt: this.receipt(id, args, dateSystem) } : { id, args, dateSystem };
    const key = cellKey(at.sheet, at.row, at.col);
    const list = this.byCell.get(key);
    if (list) list.push(call);
    else this.byCell.set(key, [call]);
    return result;
  }

  receipt(id: string, args: RawArg[], dateSystem: DateSystem): Receipt {
    const r = withReceipt(id, args, { dateSystem });
    for (const k of Object.keys(r.inputs)) r.inputs[k] = keepInput(r.inputs[k]);
    r.parameters = r.parameters.map((p) => {
      let byFrom = this.uses.get(p.name);
      if (!byFrom) this.uses.set(p.name, (byFrom = new Map()));
      const shared = byFrom.get(p.from);
      if (shared) return shared;
      byFrom.set(p.from, p);
      return p;
    });
    return r;
  }

  of(sheet: number, row: number, col: number): PbCall[] {
    return this.byCell.get(cellKey(sheet, row, col)) ?? [];
  }
}

/** The calls behind each reported cell, by index, kept beside the report (not in it: it stays plain data). */
const callsOfReport = new WeakMap<RecalcReport, { book: CallBook; calls: (PbCall[] | undefined)[] }>();

/** The receipts of the report's i-th PB cell, in call order (written now; see CallBook). */
export function receiptsOf(report: RecalcReport, i: number): Receipt[] {
  const c = callsOfReport.get(report);
  const calls = c?.calls[i];
  if (!c || !calls) return [];
  return calls.map((call) => call.receipt ?? c.book.receipt(call.id, call.args, call.dateSystem));
}

/**
 * Cells that depend, directly or through other cells and ranges, on a cell that was not recomputed: each mapped to
 * the first such source found (breadth first, so the nearest).
 */
function taintedBy(
  hf: ReturnType<typeof buildEngine>["hf"],
  sources: { sheet: number; row: number; col: number; label: string }[],
): Map<number, string> {
  const reached = new Map<number, string>();
  const seenRanges = new Set<string>();
  const queue: [SimpleCellAddress | SimpleCellRange, string][] = sources.map((s) => [{ sheet: s.sheet, row: s.row, col: s.col }, s.label]);
  for (let i = 0; i < queue.length; i++) {
    const [at, label] = queue[i];
    let deps: (SimpleCellAddress | SimpleCellRange)[];
    try {
      deps = hf.getCellDependents(at);
    } catch {
      continue;
    }
    for (const d of deps) {
      if ("start" in d) {
        const k = `${d.start.sheet}:${d.start.row}:${d.start.col}:${d.end.row}:${d.end.col}`;
        if (seenRanges.has(k)) continue;
        seenRanges.add(k);
        queue.push([d, label]);
      } else {
        const k = cellKey(d.sheet, d.row, d.col);
        if (reached.has(k)) continue;
        reached.set(k, label);
        queue.push([d, label]);
      }
    }
  }
  return reached;
}

/** Recalculate every formula and report each PB formula cell (and each cell of a PB array formula). */
export function recalcModel(model: WorkbookModel, options: RecalcOptions = {}): RecalcReport {
  const progress = options.onProgress ?? (() => undefined);
  const formulaCount = model.sheets.reduce((n, s) => n + s.cells.filter((c) => c.formula).length, 0);
  progress(`Herberekenen: ${formulaCount} formules op ${model.sheets.length} werkblad(en)…`);
  const book = new CallBook();
  setPbCallSink((id, raw, ctx, at, given) => book.record(id, raw, ctx.dateSystem, at, given));
  let built: ReturnType<typeof buildEngine>;
  try {
    built = buildEngine(model, { onlyReferencedValues: true });
  } finally {
    setPbCallSink(undefined);
  }
  const { hf, sheetIds } = built;
  const t0 = process.hrtime.bigint();
  progress(`Herberekend in ${built.buildSeconds.toFixed(2)} s; PB-cellen vergelijken…`);

  // What was not recomputed: cells the reader marked, formulas the engine could not handle.
  const unverified: UnverifiedCell[] = [];
  const sources: { sheet: number; row: number; col: number; label: string }[] = [];
  const notRecomputed = new Map<number, string>();
  const sheetNames = model.sheets.map((s) => s.name);
  for (const sheet of model.sheets) {
    const id = sheetIds.get(sheet.name)!;
    for (const c of sheet.cells) {
      if (c.unverified === undefined) continue;
      const at = parseAddress(c.address)!;
      unverified.push({ sheet: sheet.name, address: c.address, ...(c.formula !== undefined ? { formula: c.formula } : {}), reason: c.unverified });
      sources.push({ sheet: id, row: at[0], col: at[1], label: `${sheet.name}!${c.address}` });
      notRecomputed.set(cellKey(id, at[0], at[1]), c.unverified);
    }
  }
  for (const g of built.guarded) {
    const key = cellKey(g.sheet, g.row, g.col);
    if (notRecomputed.has(key)) continue;
    const address = formatAddress(g.row, g.col);
    unverified.push({ sheet: sheetNames[g.sheet], address, reason: g.message });
    sources.push({ sheet: g.sheet, row: g.row, col: g.col, label: `${sheetNames[g.sheet]}!${address}` });
    notRecomputed.set(key, g.message);
  }
  const tainted = sources.length > 0 ? taintedBy(hf, sources) : new Map<number, string>();
  const reasonOf = new Map(sources.map((x) => [x.label, notRecomputed.get(cellKey(x.sheet, x.row, x.col)) ?? ""]));

  const known = engineFunctionNames();
  const unknown = new Map<string, { cells: number; example: string }>();
  const cells: PbCellReport[] = [];
  const cellCalls: (PbCall[] | undefined)[] = [];
  for (const sheet of model.sheets) {
    const sheetId = sheetIds.get(sheet.name)!;
    let byAddress: Map<string, CellModel> | undefined;
    for (const c of sheet.cells) {
      if (!c.formula) continue;
      const formula = c.formula.includes("_x") || c.formula.includes("]!") ? toDisplayFormula(c.formula) : c.formula;
      let pb = false;
      for (const fn of functionsIn(formula)) {
        if (fn.startsWith("PB.")) pb = true;
        if (!known.has(fn)) {
          const u = unknown.get(fn) ?? { cells: 0, example: `${sheet.name}!${c.address}` };
          u.cells++;
          unknown.set(fn, u);
        }
      }
      if (!pb && c.unverified !== undefined) pb = looksLikePb(c.storedFormula ?? formula);
      if (!pb) continue;
      const at = parseAddress(c.address);
      if (!at) continue;
      const base = { sheet: sheet.name, formula, storedFormula: c.storedFormula ?? c.formula };
      if (c.unverified !== undefined) {
        const cached = (c.result ?? undefined) as ReportValue | undefined;
        cells.push({ ...base, address: c.address, cached, recomputed: null, difference: null, status: "not-recomputable", note: `Niet herberekend: ${c.unverified}.` });
        cellCalls.push(undefined);
        continue;
      }
      const range = c.arrayRef?.includes(":") ? parseRange(c.arrayRef) : undefined;
      const targets: [number, number][] = [];
      if (range) {
        for (let y = range.top; y <= range.bottom; y++) for (let x = range.left; x <= range.right; x++) targets.push([y, x]);
        byAddress ??= new Map(sheet.cells.map((x) => [x.address, x]));
      } else targets.push(at);
      const calls = book.of(sheetId, at[0], at[1]);
      // a spilled call is vectorised: one call per cell of the spill, in row order
      const perTarget = targets.length > 1 && calls.length === targets.length;
      for (let k = 0; k < targets.length; k++) {
        const [row, col] = targets[k];
        const address = k === 0 && !range ? c.address : formatAddress(row, col);
        const source = address === c.address ? c : byAddress?.get(address);
        // Other cells of an array formula hold only a value in the file: that is their cached result.
        const cached = (source === c ? c.result : (source?.result ?? source?.value ?? undefined)) as ReportValue | undefined;
        const recomputed = fromHfValue(hf.getCellValue({ sheet: sheetId, row, col }));
        let verdict = judge(cached, recomputed);
        if (sources.length > 0) {
          const key = cellKey(sheetId, row, col);
          const guard = notRecomputed.get(key);
          const dependsOn = tainted.get(key);
          if (guard !== undefined) verdict = { status: "not-recomputable", difference: null, note: guard };
          else if (dependsOn !== undefined) {
            verdict = { status: "not-recomputable", difference: null, note: `Hangt af van ${dependsOn}, die niet is herberekend: ${reasonOf.get(dependsOn) ?? ""}` };
          }
        }
        const cell: PbCellReport = {
          sheet: sheet.name,
          address,
          formula,
          storedFormula: base.storedFormula,
          cached,
          recomputed,
          difference: verdict.difference,
          status: verdict.status,
          ...(verdict.note !== undefined ? { note: verdict.note } : {}),
        };
        const mine = perTarget ? [calls[k]] : k === 0 ? calls : undefined;
        cellCalls.push(mine !== undefined && mine.length > 0 ? mine : undefined);
        cells.push(cell);
      }
    }
  }
  hf.destroy();
  const warnings = [...(options.warnings ?? []), ...built.skippedNames];
  const file = options.file ?? "";
  const set = activeParameterSet();
  const report: RecalcReport = {
    file,
    fileName: file.split(/[\\/]/).pop() ?? file,
    size: options.source?.size ?? null,
    sha256: options.source?.sha256 ?? null,
    auditedAt: new Date().toISOString(),
    parameterSetVersion: set.version,
    parameterSetHash: set.hash,
    parameterSetOrigin: set.origin,
    ...(set.file !== undefined ? { parameterSetFile: set.file } : {}),
    parameterSetLabel: activeParameterSetLabel(),
    parameterSet: { version: set.version, hash: set.hash, origin: set.origin, ...(set.file !== undefined ? { file: set.file } : {}) },
    addinVersion: ADDIN_VERSION,
    engine: ENGINE_NAME,
    pbCells: cells.length,
    mismatches: cells.filter((c) => c.status !== "ok").length,
    cells,
    unknownFunctions: [...unknown].map(([name, u]) => ({ name, ...u })),
    unverified,
    warnings,
    timings: { buildSeconds: built.buildSeconds, compareSeconds: Number(process.hrtime.bigint() - t0) / 1e9 },
  };
  callsOfReport.set(report, { book, calls: cellCalls });
  return report;
}

/** The summary line, always the last line `pb recalc` prints. */
export function summaryLine(r: Pick<RecalcReport, "pbCells" | "mismatches">): string {
  return `${r.pbCells} PB cells, ${r.mismatches} mismatches`;
}
