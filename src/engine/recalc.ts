/**
 * Recalculating a workbook and comparing every formula cell with the value Excel saved: the audit behind `pb recalc`.
 * PB cells are reported one by one (RecalcReport.cells); ordinary formulas are compared too, and only those that differ
 * or could not be recomputed are listed (RecalcReport.otherFormulas), so a stale total is found without a row per
 * ordinary cell. Pure with respect to files: it takes a WorkbookModel and returns a report, with a receipt per PB call
 * (withReceipt, the same as the task pane's) kept while the engine evaluates, so it names the very arguments the
 * function received. A cell the reader could not trust (CellModel.unverified) or the engine could not handle, and every
 * PB cell that depends on one, is reported as not recomputable: never "ok".
 */
import type { SimpleCellAddress, SimpleCellRange } from "hyperformula";
import { toDisplayFormula } from "../functions/formulaNames";
import { withReceipt, type Receipt } from "../functions/receipt";
import { invoke } from "../functions/invoke";
import type { Matrix, RawArg } from "../functions/contract";
import { EXCEL_ONLY } from "../functions/registry";
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

/** A cell with a function only Excel can run (PB.UITLEG): not compared, never a difference. */
export interface ExcelOnlyCell {
  sheet: string;
  address: string;
  /** The range its table fills in Excel, when more than the cell itself. */
  range?: string;
  formula: string;
  note: string;
}

/**
 * The ordinary (non-PB) formula cells, each cell of a multi-cell array formula counted and compared on its own.
 * `cells` lists only those that need attention: a difference or not recomputable.
 */
export interface OtherFormulasReport {
  count: number;
  /** Differences plus cells that could not be recomputed (as PB cells count them). */
  mismatches: number;
  notRecomputable: number;
  /** No value saved by Excel: not a difference, but not confirmed either. */
  notYetCalculated: number;
  /** Of the differences: those that depend on a PB cell with a difference (likely, not surely, because of it). */
  dependsOnPbMismatch: number;
  cells: PbCellReport[];
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
  /** PB cells that differ or could not be recomputed (not those nog niet berekend in Excel: see pbNotYetCalculated). */
  mismatches: number;
  /** PB cells without a value saved by Excel. */
  pbNotYetCalculated: number;
  cells: PbCellReport[];
  otherFormulas: OtherFormulasReport;
  /** PB.UITLEG cells: shown only in Excel, not compared. */
  excelOnly: ExcelOnlyCell[];
  /** The workbook's calculation mode as saved (calcPr calcMode); null when the file does not say (Excel: automatic). */
  calcMode: "auto" | "manual" | "autoNoTable" | null;
  /** Formulas there are, but not one holds a value Excel saved: the file was never calculated in Excel. */
  savedWithoutValues: boolean;
  /** What the reader of the report must know first (Dutch): manual calculation, a workbook never calculated. */
  notices: string[];
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

/** The note of a formula cell that holds no value Excel saved: a file written by a program that does not calculate. */
export const NOT_YET_CALCULATED_NOTE = "Nog niet berekend in Excel: er is geen opgeslagen waarde om mee te vergelijken (geen verschil, maar ook niet bevestigd).";

/**
 * Ordinary formulas are not money: a fraction, a date serial, a count or a total of a million euros. Half a cent
 * would pass a loonwaarde of 0,401 for 0,4, so they are compared relatively. Excel saves a double with 17 significant
 * digits (it reads back exactly), but Excel and HyperFormula do not compute every last digit alike: HyperFormula
 * rounds arithmetic to 14 significant digits (precisionRounding), Excel snaps a near-zero difference such as
 * 0,1+0,2−0,3 to 0, and summation order may differ. That noise is below 1e-13 of the value; a stale value is off by at
 * least one step of its data (a cent in ten billion euros is 1e-12). So: equal within 1e-12 of the larger value, and
 * within 1e-9 absolute for results near zero (a billionth of a euro or a day). Text, booleans and errors: exactly.
 */
export const OTHER_RELATIVE_TOLERANCE = 1e-12;
export const OTHER_ABSOLUTE_TOLERANCE = 1e-9;

/** A difference as the report shows it: no binary noise (0.30000000000000004), but never rounded to zero. */
function differenceText(d: number): string {
  return String(Number(d.toPrecision(12)));
}

/** Compare one ordinary formula cell: judge()'s semantics with the tolerance above for numbers. */
export function judgeOther(cached: ReportValue | undefined, recomputed: EngineValue): Pick<PbCellReport, "status" | "difference" | "note"> {
  if (typeof cached === "number" && typeof recomputed === "number") {
    const difference = recomputed - cached;
    const bound = Math.max(OTHER_ABSOLUTE_TOLERANCE, OTHER_RELATIVE_TOLERANCE * Math.max(Math.abs(cached), Math.abs(recomputed)));
    return Math.abs(difference) <= bound
      ? { status: "ok", difference }
      : { status: "mismatch", difference, note: `Verschil ${differenceText(difference)}: opgeslagen ${cached}, herberekend ${recomputed}.` };
  }
  // An empty result (=A1 of an empty A1) is what Excel saves as 0, or as "" where the formula makes text.
  if (recomputed === null && (cached === 0 || cached === "")) return { status: "ok", difference: null };
  return judge(cached, recomputed);
}

/** Compare one PB cell; unknown-to-the-engine errors make the cell not recomputable rather than wrong. */
export function judge(cached: ReportValue | undefined, recomputed: EngineValue): Pick<PbCellReport, "status" | "difference" | "note"> {
  if (isError(recomputed) && (recomputed.error === "#NAME?" || recomputed.error === "#ERROR!" || recomputed.error === "#LIC!")) {
    const m = recomputed.message;
    return { status: "not-recomputable", difference: null, note: m.startsWith(GUARD_PREFIX) ? m : `${GUARD_PREFIX}: ${m}` };
  }
  if (cached === undefined || cached === null) {
    return { status: "no-cached-value", difference: null, note: NOT_YET_CALCULATED_NOTE };
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
  const note = `Opgeslagen ${show(cached)}, herberekend ${show(recomputed)}${isError(recomputed) ? `: ${recomputed.message}` : ""}`;
  // an engine message is a sentence already: no second full stop
  return { status: "mismatch", difference: null, note: /[.!?]$/.test(note) ? note : `${note}.` };
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

  record(
    id: string,
    raw: RawArg[],
    dateSystem: DateSystem,
    at: { sheet: number; row: number; col: number },
    given: number,
    known?: Receipt["result"],
  ): Receipt["result"] {
    const result = known ?? invoke(id, raw, { dateSystem });
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

/**
 * PB.UITLEG(D2) and nothing more: the one form of an Excel-only call that is left uncompared. A formula that does more
 * (`PB.LKS(…)+0*ROWS(PB.UITLEG(D2))`) stays not recomputable and counts, or a figure could hide behind the call.
 */
const EXCEL_ONLY_CALL = new RegExp(`^\\s*PB\\.(?:${[...EXCEL_ONLY.keys()].join("|")})\\s*\\(\\s*[^(),"]*\\)\\s*$`, "i");
const EXCEL_ONLY_HINT = new RegExp([...EXCEL_ONLY.keys()].join("|"), "i");
const EXCEL_ONLY_REASON = "PB.UITLEG toont alleen in Excel een uitleg; pb rekent die niet na";
/** A PB.UITLEG table has a row per input and parameter, 7 columns: a few hundred cells. More is not one Excel wrote. */
const EXCEL_ONLY_MAX_CELLS = 10_000;

/** Functions whose result changes with every calculation: a difference in a cell that depends on one proves nothing. */
const VOLATILE = new Set(["NOW", "TODAY", "RAND", "RANDBETWEEN"]);
const VOLATILE_NL: Record<string, string> = { NOW: "NU()", TODAY: "VANDAAG()", RAND: "ASELECT()", RANDBETWEEN: "ASELECTTUSSEN()" };

const MANUAL_PREFIX = "De werkmap staat op handmatig berekenen";
const NO_VALUES_PREFIX = "Geen enkele formule heeft een opgeslagen waarde";

/** A compared cell that differs, kept with its engine address for the passes that explain differences. */
interface Difference {
  cell: PbCellReport;
  key: number;
  at: { sheet: number; row: number; col: number };
  /** Its formula calls NOW(), TODAY(), RAND() or RANDBETWEEN() itself: the name, else undefined. */
  volatile?: string;
  pb: boolean;
}

type Source = { sheet: number; row: number; col: number; label: string };

/**
 * Recalculate every formula; report each PB formula cell (and each cell of a PB array formula), and each ordinary
 * formula cell that differs from what Excel saved or could not be recomputed.
 */
export function recalcModel(model: WorkbookModel, options: RecalcOptions = {}): RecalcReport {
  const progress = options.onProgress ?? (() => undefined);
  const formulaCount = model.sheets.reduce((n, s) => n + s.cells.filter((c) => c.formula).length, 0);
  progress(`Herberekenen: ${formulaCount} formules op ${model.sheets.length} werkblad(en)…`);
  const book = new CallBook();
  setPbCallSink((id, raw, ctx, at, given, known) => book.record(id, raw, ctx.dateSystem, at, given, known));
  let built: ReturnType<typeof buildEngine>;
  try {
    built = buildEngine(model, { onlyReferencedValues: true });
  } finally {
    setPbCallSink(undefined);
  }
  const { hf, sheetIds } = built;
  const t0 = process.hrtime.bigint();
  progress(`Herberekend in ${built.buildSeconds.toFixed(2).replace(".", ",")} s; formules vergelijken…`);

  // What was not recomputed: cells the reader marked, formulas the engine could not handle, PB.UITLEG (Excel only).
  const unverified: UnverifiedCell[] = [];
  const sources: Source[] = [];
  const notRecomputed = new Map<number, string>();
  const excelOnly: ExcelOnlyCell[] = [];
  const excelOnlyKeys = new Set<number>();
  const sheetNames = model.sheets.map((s) => s.name);
  for (const sheet of model.sheets) {
    const id = sheetIds.get(sheet.name)!;
    for (const c of sheet.cells) {
      if (c.unverified === undefined) {
        if (c.formula === undefined || !EXCEL_ONLY_HINT.test(c.formula)) continue;
        const formula = toDisplayFormula(c.formula);
        if (!EXCEL_ONLY_CALL.test(formula)) continue;
        const at = parseAddress(c.address);
        if (!at) continue;
        const range = c.arrayRef?.includes(":") ? parseRange(c.arrayRef) : undefined;
        if (range && (range.bottom - range.top + 1) * (range.right - range.left + 1) > EXCEL_ONLY_MAX_CELLS) continue;
        excelOnly.push({
          sheet: sheet.name,
          address: c.address,
          ...(range ? { range: c.arrayRef } : {}),
          formula,
          note: "Alleen in Excel: PB.UITLEG toont daar de uitleg van een andere cel en rekent zelf geen bedrag uit; niet vergeleken.",
        });
        excelOnlyKeys.add(cellKey(id, at[0], at[1]));
        // what depends on the table it fills (any of its cells) cannot be recomputed here
        const top = range?.top ?? at[0], bottom = range?.bottom ?? at[0], left = range?.left ?? at[1], right = range?.right ?? at[1];
        for (let y = top; y <= bottom; y++) {
          for (let x = left; x <= right; x++) {
            sources.push({ sheet: id, row: y, col: x, label: `${sheet.name}!${formatAddress(y, x)}` });
            notRecomputed.set(cellKey(id, y, x), EXCEL_ONLY_REASON);
          }
        }
        continue;
      }
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
  const others: PbCellReport[] = [];
  let otherCount = 0;
  let otherNotYet = 0;
  let formulas = 0;
  let withCachedValue = 0;
  const differences: Difference[] = [];
  const volatileSources: Source[] = [];
  for (const sheet of model.sheets) {
    const sheetId = sheetIds.get(sheet.name)!;
    let byAddress: Map<string, CellModel> | undefined;
    for (const c of sheet.cells) {
      if (!c.formula) continue;
      formulas++;
      if (c.result !== undefined && c.result !== null) withCachedValue++;
      const at = parseAddress(c.address);
      if (!at) continue;
      if (excelOnlyKeys.size > 0 && excelOnlyKeys.has(cellKey(sheetId, at[0], at[1]))) continue;
      const formula = c.formula.includes("_x") || c.formula.includes("]!") ? toDisplayFormula(c.formula) : c.formula;
      let pb = false;
      let volatile: string | undefined;
      for (const fn of functionsIn(formula)) {
        if (fn.startsWith("PB.")) pb = true;
        else if (VOLATILE.has(fn)) volatile = fn;
        if (!known.has(fn)) {
          const u = unknown.get(fn) ?? { cells: 0, example: `${sheet.name}!${c.address}` };
          u.cells++;
          unknown.set(fn, u);
        }
      }
      if (!pb && c.unverified !== undefined) pb = looksLikePb(c.storedFormula ?? formula);
      if (volatile !== undefined) volatileSources.push({ sheet: sheetId, row: at[0], col: at[1], label: `${sheet.name}!${c.address}` });
      const storedFormula = c.storedFormula ?? c.formula;
      if (c.unverified !== undefined) {
        const cached = (c.result ?? undefined) as ReportValue | undefined;
        const cell: PbCellReport = { sheet: sheet.name, formula, storedFormula, address: c.address, cached, recomputed: null, difference: null, status: "not-recomputable", note: `Niet herberekend: ${c.unverified}.` };
        if (pb) {
          cells.push(cell);
          cellCalls.push(undefined);
        } else {
          otherCount++;
          others.push(cell);
        }
        continue;
      }
      const range = c.arrayRef?.includes(":") ? parseRange(c.arrayRef) : undefined;
      if (range) byAddress ??= new Map(sheet.cells.map((x) => [x.address, x]));
      const top = range?.top ?? at[0], bottom = range?.bottom ?? at[0], left = range?.left ?? at[1], right = range?.right ?? at[1];
      const calls = pb ? book.of(sheetId, at[0], at[1]) : [];
      // a spilled call is vectorised: one call per cell of the spill, in row order
      const perTarget = range !== undefined && calls.length === (bottom - top + 1) * (right - left + 1);
      let k = 0;
      for (let row = top; row <= bottom; row++) {
        for (let col = left; col <= right; col++, k++) {
          const address = k === 0 && !range ? c.address : formatAddress(row, col);
          const source = address === c.address ? c : byAddress?.get(address);
          // Other cells of an array formula hold only a value in the file: that is their cached result.
          const cached = (source === c ? c.result : (source?.result ?? source?.value ?? undefined)) as ReportValue | undefined;
          const recomputed = fromHfValue(hf.getCellValue({ sheet: sheetId, row, col }));
          let verdict = pb ? judge(cached, recomputed) : judgeOther(cached, recomputed);
          const key = cellKey(sheetId, row, col);
          if (sources.length > 0) {
            const guard = notRecomputed.get(key);
            const dependsOn = tainted.get(key);
            if (guard !== undefined) verdict = { status: "not-recomputable", difference: null, note: guard };
            else if (dependsOn !== undefined) {
              verdict = { status: "not-recomputable", difference: null, note: `Hangt af van ${dependsOn}, die niet is herberekend: ${reasonOf.get(dependsOn) ?? ""}` };
            }
          }
          if (!pb) {
            otherCount++;
            // only what needs attention is kept: an ordinary register has a formula in every row
            if (verdict.status === "ok") continue;
            if (verdict.status === "no-cached-value") {
              otherNotYet++;
              continue;
            }
          }
          const cell: PbCellReport = {
            sheet: sheet.name,
            address,
            formula,
            storedFormula,
            cached,
            recomputed,
            difference: verdict.difference,
            status: verdict.status,
            ...(verdict.note !== undefined ? { note: verdict.note } : {}),
          };
          if (verdict.status === "mismatch") differences.push({ cell, key, at: { sheet: sheetId, row, col }, pb, ...(volatile !== undefined ? { volatile } : {}) });
          if (pb) {
            const mine = perTarget ? [calls[k]] : k === 0 ? calls : undefined;
            cellCalls.push(mine !== undefined && mine.length > 0 ? mine : undefined);
            cells.push(cell);
          } else others.push(cell);
        }
      }
    }
  }
  const dependsOnPbMismatch = explainDifferences(hf, differences, volatileSources);
  hf.destroy();
  const notices: string[] = [];
  if (model.calcMode === "manual") {
    notices.push(
      "De werkmap staat op handmatig berekenen: Excel rekent formules pas opnieuw uit na F9, dus de opgeslagen waarden kunnen verouderd zijn. " +
        "Een verschil kan daaruit komen; zet in Excel de berekeningsopties op Automatisch, laat rekenen en sla op.",
    );
  }
  const savedWithoutValues = formulas > 0 && withCachedValue === 0;
  if (savedWithoutValues) {
    notices.push(
      "Deze werkmap is nog niet berekend in Excel: geen enkele formule heeft een opgeslagen waarde (zo schrijft een programma dat zelf niet rekent een werkmap). " +
        "Er is niets om mee te vergelijken; dat is geen verschil, maar ook geen bevestiging. Open de werkmap in Excel met de invoegtoepassing, laat rekenen en sla op.",
    );
  }
  // the reader's own warnings of these two would say the same again further down
  const warnings = [...(options.warnings ?? []), ...built.skippedNames].filter(
    (w) => !(model.calcMode === "manual" && w.startsWith(MANUAL_PREFIX)) && !(savedWithoutValues && w.startsWith(NO_VALUES_PREFIX)),
  );
  const file = options.file ?? "";
  const set = activeParameterSet();
  const otherNotRecomputable = others.filter((c) => c.status === "not-recomputable").length;
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
    calcMode: model.calcMode ?? null,
    savedWithoutValues,
    notices,
    pbCells: cells.length,
    mismatches: cells.filter((c) => c.status === "mismatch" || c.status === "not-recomputable").length,
    pbNotYetCalculated: cells.filter((c) => c.status === "no-cached-value").length,
    cells,
    otherFormulas: { count: otherCount, mismatches: others.length, notRecomputable: otherNotRecomputable, notYetCalculated: otherNotYet, dependsOnPbMismatch, cells: others },
    excelOnly,
    unknownFunctions: [...unknown].map(([name, u]) => ({ name, ...u })),
    unverified,
    warnings,
    timings: { buildSeconds: built.buildSeconds, compareSeconds: Number(process.hrtime.bigint() - t0) / 1e9 },
  };
  callsOfReport.set(report, { book, calls: cellCalls });
  return report;
}

/**
 * Two passes over the differences found, each only when there is something to explain (they walk the dependency
 * graph): a difference in a cell that calls or depends on NOW(), TODAY(), RAND() or RANDBETWEEN() is not recomputable
 * (its value changes with every calculation), still counted; an ordinary formula with a difference that depends on a
 * PB cell with a difference names it (the likely cause; it still counts, as it may differ for a reason of its own).
 * Returns how many ordinary differences depend on a PB cell with a difference.
 */
function explainDifferences(hf: ReturnType<typeof buildEngine>["hf"], differences: Difference[], volatileSources: Source[]): number {
  if (differences.length === 0) return 0;
  if (volatileSources.length > 0) {
    const byVolatile = taintedBy(hf, volatileSources);
    for (const d of differences) {
      const direct = d.volatile;
      const from = direct === undefined ? byVolatile.get(d.key) : undefined;
      if (direct === undefined && from === undefined) continue;
      d.cell.status = "not-recomputable";
      d.cell.note =
        direct !== undefined
          ? `${d.cell.note ?? ""} De formule gebruikt ${VOLATILE_NL[direct]}: de uitkomst is bij elke berekening anders, dus niet na te rekenen.`.trim()
          : `${d.cell.note ?? ""} Hangt af van ${from}, die NU(), VANDAAG() of ASELECT() gebruikt: de uitkomst is bij elke berekening anders, dus niet na te rekenen.`.trim();
    }
  }
  const pbSources: Source[] = [];
  for (const d of differences) {
    if (!d.pb || d.cell.status !== "mismatch") continue;
    pbSources.push({ ...d.at, label: `${d.cell.sheet}!${d.cell.address}` });
  }
  const otherDiffs = differences.filter((d) => !d.pb && d.cell.status === "mismatch");
  if (pbSources.length === 0 || otherDiffs.length === 0) return 0;
  const byPb = taintedBy(hf, pbSources);
  let depending = 0;
  for (const d of otherDiffs) {
    const from = byPb.get(d.key);
    if (from === undefined) continue;
    depending++;
    d.cell.note = `${d.cell.note ?? ""} Hangt af van PB-cel ${from}, die ook een verschil heeft.`.trim();
  }
  return depending;
}

type SummaryFields = Pick<RecalcReport, "pbCells" | "mismatches"> & Partial<Pick<RecalcReport, "otherFormulas" | "pbNotYetCalculated">>;

/** Formula cells with no value saved by Excel, PB and other. */
export function notYetCalculated(r: Partial<Pick<RecalcReport, "otherFormulas" | "pbNotYetCalculated">>): number {
  return (r.pbNotYetCalculated ?? 0) + (r.otherFormulas?.notYetCalculated ?? 0);
}

/**
 * Every formula confirmed: no difference, nothing that could not be recomputed, nothing left uncalculated by Excel.
 * A workbook nobody calculated is not confirmed (exit 1), though the report says it is no difference.
 */
export function allConfirmed(r: SummaryFields): boolean {
  return r.mismatches === 0 && (r.otherFormulas?.mismatches ?? 0) === 0 && notYetCalculated(r) === 0;
}

/**
 * The summary line, always the last line `pb recalc` prints: `N PB cells, M mismatches`, and when anything else is
 * not confirmed `; K other formulas, L mismatches` and `; X not calculated in Excel` (so whenever the exit code is 1,
 * this line says why; when all is well it stays the short form scripts already read).
 */
export function summaryLine(r: SummaryFields): string {
  let line = `${r.pbCells} PB cells, ${r.mismatches} mismatches`;
  const other = r.otherFormulas;
  const notYet = notYetCalculated(r);
  if (other && (other.mismatches > 0 || notYet > 0)) line += `; ${other.count} other formulas, ${other.mismatches} mismatches`;
  if (notYet > 0) line += `; ${notYet} not calculated in Excel`;
  return line;
}
