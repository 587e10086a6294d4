/**
 * Recalculating a workbook and comparing every PB formula cell with the value Excel saved: the audit behind
 * `pb recalc`. Pure with respect to files: it takes a WorkbookModel and returns a report.
 */
import { toDisplayFormula } from "../functions/formulaNames";
import { activeParameterSet, activeParameterSetLabel, type ParameterSetOrigin } from "../parameters";
import { ADDIN_VERSION } from "../version";
import type { WorkbookModel } from "../xlsx/model";
import { buildEngine, ENGINE_NAME, engineFunctionNames, formatAddress, fromHfValue, parseAddress, parseRange, type EngineValue } from "./engine";

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

export interface RecalcReport {
  file: string;
  parameterSetVersion: string;
  parameterSetHash: string;
  /** "eigen" when the figures were computed with the user's own file: every report says so. */
  parameterSetOrigin: ParameterSetOrigin;
  parameterSetFile?: string;
  /** The set in one Dutch line, marked when it is not the built-in one. */
  parameterSetLabel: string;
  addinVersion: string;
  engine: string;
  pbCells: number;
  mismatches: number;
  cells: PbCellReport[];
  /** Functions in the workbook the engine does not know, with how many formulas use them. */
  unknownFunctions: { name: string; cells: number; example: string }[];
  warnings: string[];
  timings: { buildSeconds: number; compareSeconds: number };
}

export interface RecalcOptions {
  file?: string;
  warnings?: string[];
  onProgress?: (message: string) => void;
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
    return { status: "not-recomputable", difference: null, note: `De rekenkern kan deze formule niet uitrekenen: ${recomputed.message}` };
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

/** Recalculate every formula and report each PB formula cell (and each cell of a PB array formula). */
export function recalcModel(model: WorkbookModel, options: RecalcOptions = {}): RecalcReport {
  const progress = options.onProgress ?? (() => undefined);
  const formulaCount = model.sheets.reduce((n, s) => n + s.cells.filter((c) => c.formula).length, 0);
  progress(`Herberekenen: ${formulaCount} formules op ${model.sheets.length} werkblad(en)…`);
  const built = buildEngine(model);
  const { hf, sheetIds } = built;
  const t0 = process.hrtime.bigint();
  progress(`Herberekend in ${built.buildSeconds.toFixed(2)} s; PB-cellen vergelijken…`);

  const known = engineFunctionNames();
  const unknown = new Map<string, { cells: number; example: string }>();
  const cells: PbCellReport[] = [];
  for (const sheet of model.sheets) {
    const sheetId = sheetIds.get(sheet.name)!;
    const byAddress = new Map<string, (typeof sheet.cells)[number]>();
    if (sheet.cells.some((c) => c.arrayRef?.includes(":"))) for (const c of sheet.cells) byAddress.set(c.address, c);
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
      if (!pb) continue;
      const range = c.arrayRef?.includes(":") ? parseRange(c.arrayRef) : undefined;
      const at = parseAddress(c.address);
      if (!at) continue;
      const targets: [number, number][] = [];
      if (range) {
        for (let y = range.top; y <= range.bottom; y++) for (let x = range.left; x <= range.right; x++) targets.push([y, x]);
      } else targets.push(at);
      for (const [row, col] of targets) {
        const address = formatAddress(row, col);
        const source = address === c.address ? c : byAddress.get(address);
        // Other cells of an array formula hold only a value in the file: that is their cached result.
        const cached = (source === c ? c.result : (source?.result ?? source?.value ?? undefined)) as ReportValue | undefined;
        const recomputed = fromHfValue(hf.getCellValue({ sheet: sheetId, row, col }));
        cells.push({
          sheet: sheet.name,
          address,
          formula,
          storedFormula: c.storedFormula ?? c.formula,
          cached,
          recomputed,
          ...judge(cached, recomputed),
        });
      }
    }
  }
  hf.destroy();
  const warnings = [...(options.warnings ?? []), ...built.skippedNames];
  const set = activeParameterSet();
  return {
    file: options.file ?? "",
    parameterSetVersion: set.version,
    parameterSetHash: set.hash,
    parameterSetOrigin: set.origin,
    ...(set.file !== undefined ? { parameterSetFile: set.file } : {}),
    parameterSetLabel: activeParameterSetLabel(),
    addinVersion: ADDIN_VERSION,
    engine: ENGINE_NAME,
    pbCells: cells.length,
    mismatches: cells.filter((c) => c.status !== "ok").length,
    cells,
    unknownFunctions: [...unknown].map(([name, u]) => ({ name, ...u })),
    warnings,
    timings: { buildSeconds: built.buildSeconds, compareSeconds: Number(process.hrtime.bigint() - t0) / 1e9 },
  };
}

/** The summary line, always the last line `pb recalc` prints. */
export function summaryLine(r: Pick<RecalcReport, "pbCells" | "mismatches">): string {
  return `${r.pbCells} PB cells, ${r.mismatches} mismatches`;
}
