/**
 * HyperFormula set up to calculate like Excel, loaded from a WorkbookModel.
 *
 * Licence: HyperFormula 3.5 is dual-licensed, GPL-3.0 or commercial. `licenseKey: "gpl-v3"` selects the GPL (without a
 * key 3.5 answers every formula with #LIC!). So the `pb` command as distributed with HyperFormula falls under GPL-3.0;
 * the project itself is EUPL-1.2, which names GPL-3.0 as compatible. The add-in bundle never includes HyperFormula.
 */
import {
  DenseSparseChooseBasedOnThreshold,
  DetailedCellError,
  HyperFormula,
  type ConfigParams,
  type RawCellContent,
  type SerializedNamedExpression,
} from "hyperformula";
import type { CellModel, DefinedNameModel, WorkbookModel } from "../xlsx/model";
import { toDisplayFormula, translateStructuredReferences } from "../functions/formulaNames";
import { callPbDirect, registerPbFunctions } from "./plugin";
import { invoke } from "../functions/invoke";
import { REGISTRY } from "../functions/registry";
import type { RawArg } from "../functions/contract";
import { UNSUPPORTED_FUNCTION } from "./excelFunctions";
import { engineFormula, rewriteContext, unsupportedCell, type RewriteContext } from "./rewrite";
import { parseAddress, parseRange } from "../xlsx/a1";
import { DATE1904_OFFSET, utcDateToSerial, type DateSystem } from "../rules/dates";
import { installGuards, takeGuardHits, type GuardHit } from "./guard";
import { dutchEngineMessage } from "./messages";

// Address helpers live in src/xlsx/a1.ts; re-exported for the engine's users.
export { columnLetter, formatAddress, parseAddress, parseRange } from "../xlsx/a1";

/** Excel-compatible settings (verified against LibreOffice, see /work/shared/notes/engine.md §3.3). */
export const ENGINE_CONFIG: Partial<ConfigParams> = {
  licenseKey: "gpl-v3",
  maxRows: 1_048_576,
  maxColumns: 16_384,
  useArrayArithmetic: true,
  evaluateNullToZero: true,
  leapYear1900: true,
  nullDate: { year: 1899, month: 12, day: 31 },
  accentSensitive: true,
  localeLang: "en-US",
  ignoreWhiteSpace: "any",
  // Column search keeps VLOOKUP/MATCH on big WML tables linear per lookup without an index build per column.
  useColumnIndex: false,
  // The default (always dense) allocates width × height slots per sheet: two cells at A1 and XFD1048576 would ask for
  // 17 billion. Dense only when at least a tenth of the sheet's rectangle is filled, so it never costs more than 10×.
  chooseAddressMappingPolicy: new DenseSparseChooseBasedOnThreshold(0.1),
};

/** What the engine hands its plugins (HyperFormula's `config.context`); the PB plugin passes dateSystem to invoke(). */
export interface EngineContext {
  dateSystem: DateSystem;
}

/**
 * The configuration for one workbook: ENGINE_CONFIG, and for a 1904 workbook serial 0 = 1904-01-01 without the
 * phantom 29-2-1900, so DATE(), date arithmetic and the PB functions all count in the workbook's own system.
 */
export function engineConfig(model: Pick<WorkbookModel, "date1904">): Partial<ConfigParams> {
  const context: EngineContext = { dateSystem: model.date1904 ? 1904 : 1900 };
  if (!model.date1904) return { ...ENGINE_CONFIG, context };
  return { ...ENGINE_CONFIG, leapYear1900: false, nullDate: { year: 1904, month: 1, day: 1 }, context };
}

/** Excel has TRUE and FALSE as constants; HyperFormula only as functions. */
const BUILTIN_NAMES: SerializedNamedExpression[] = [
  { name: "TRUE", expression: "=TRUE()" },
  { name: "FALSE", expression: "=FALSE()" },
];

export const ENGINE_NAME = `HyperFormula ${HyperFormula.version}`;

/** A formula cell the engine cannot recalculate, with the Dutch reason (it evaluates to #NAME? with that message). */
export interface UnsupportedFormula {
  sheet: string;
  address: string;
  reason: string;
}

/**
 * What HyperFormula is given for one cell. Text always gets a leading ' so that "0012" or "1-7-2024" stay text.
 * A cell the reader marked unverified gets #N/A instead of its formula: the audit reports it and what depends on it.
 */
function rawContent(cell: CellModel, sheet: string, ctx: RewriteContext, date1904: boolean, unsupported: UnsupportedFormula[]): RawCellContent {
  if (cell.unverified !== undefined) return "#N/A";
  if (cell.formula !== undefined && cell.formula !== "") {
    // Read from a file and not t="array": Excel evaluates it with implicit intersection (see implicitIntersection.ts).
    const plain = cell.storedFormula !== undefined && cell.arrayRef === undefined;
    const r = engineFormula(cell.formula, plain ? { sheet, address: cell.address, plain } : { sheet, address: cell.address }, ctx);
    if (r.reason === undefined) return `=${r.formula}`;
    unsupported.push({ sheet, address: cell.address, reason: r.reason });
    return unsupportedCell(r.reason);
  }
  const v = cell.value;
  if (v === undefined || v === null) return null;
  if (typeof v === "string") return v === "" ? null : `'${v}`;
  if ((v as unknown) instanceof Date) return utcDateToSerial(v as unknown as Date) - (date1904 ? DATE1904_OFFSET : 0);
  return v;
}

export interface BuiltEngine {
  hf: HyperFormula;
  /** Sheet name → HyperFormula sheet id. */
  sheetIds: Map<string, number>;
  /** Names that could not be given to the engine, with the reason (Dutch). */
  skippedNames: string[];
  /** Formula cells the engine cannot recalculate, each with its reason; in the engine they are #NAME? with it. */
  unsupported: UnsupportedFormula[];
  /**
   * Seconds for the whole recalculation of the model: rewriting the formulas, the PB calls on constants (evaluated
   * before HyperFormula, see directValue) and HyperFormula's build (parse + dependency graph + full evaluation).
   */
  buildSeconds: number;
  /** The part of buildSeconds spent inside HyperFormula's build. */
  hfSeconds: number;
  /** PB cells evaluated directly (calls on constants) and handed to HyperFormula as values. */
  directCells: number;
  /** Value cells no formula refers to, left out of HyperFormula (BuildOptions.onlyReferencedValues). */
  droppedValues: number;
  /** Formulas the engine could not handle (too deep for its recursion); their cells hold #ERROR! with the reason. */
  guarded: GuardHit[];
}

function namedExpressions(names: readonly DefinedNameModel[], sheetIds: Map<string, number>, ctx: RewriteContext, skipped: string[]): SerializedNamedExpression[] {
  const out: SerializedNamedExpression[] = [];
  for (const n of names) {
    // _xlnm.Print_Area, _xlnm._FilterDatabase: Excel's own housekeeping, never used in calculations we audit.
    if (/^_xlnm\./i.test(n.name)) continue;
    if (/#REF!/i.test(n.ref)) {
      skipped.push(`Naam ${n.name} verwijst naar #REF! en is overgeslagen.`);
      continue;
    }
    const scope = n.localSheet !== undefined ? sheetIds.get(n.localSheet) : undefined;
    if (n.localSheet !== undefined && scope === undefined) {
      skipped.push(`Naam ${n.name} hoort bij een onbekend werkblad (${n.localSheet}) en is overgeslagen.`);
      continue;
    }
    // A name has no cell of its own: structured references in it become absolute references with their sheet.
    const r = translateStructuredReferences(toDisplayFormula(n.ref), undefined, ctx.tables);
    if (r.reason !== undefined) {
      skipped.push(`Naam ${n.name} is overgeslagen: ${r.reason}`);
      continue;
    }
    out.push({ name: n.name, expression: `=${r.formula}`, ...(scope !== undefined ? { scope } : {}) });
  }
  return out;
}

/** Keep only names HyperFormula accepts one by one (one bad name makes the whole build throw). */
function acceptedNames(candidates: SerializedNamedExpression[], sheetNames: string[], skipped: string[]): SerializedNamedExpression[] {
  const probe = HyperFormula.buildFromSheets(Object.fromEntries(sheetNames.map((s) => [s, [[null]]])), ENGINE_CONFIG);
  const ok: SerializedNamedExpression[] = [];
  for (const n of candidates) {
    try {
      probe.addNamedExpression(n.name, n.expression as RawCellContent, n.scope);
      ok.push(n);
    } catch {
      skipped.push(`Naam ${n.name} (${n.expression}) kan niet worden gebruikt: de rekenkern aanvaardt de naam of de formule niet.`);
    }
  }
  probe.destroy();
  return ok;
}

/** The engine refused the workbook as a whole (never for one formula: guard.ts marks those). Dutch message. */
export class EngineFailure extends Error {
  constructor(readonly cause: unknown) {
    super("De rekenkern kan deze werkmap niet verwerken; er is niets herberekend.");
    this.name = "EngineFailure";
  }
}

/**
 * A PB call on constants, evaluated before HyperFormula is built: `=PB.LKS(A2,B2,C2)` where A2, B2, C2 hold plain
 * values (or the arguments are numbers). Such a cell cannot change during the build, so HyperFormula gets its value
 * instead of a formula: no parse, no graph edges, no evaluation for the bulk of a register. The call goes through the
 * same sink as the plugin's (same receipt), with the arguments exactly as runFunction would hand them over (a SCALAR
 * parameter gets the cell's value untouched; omitted optional arguments as null). Anything else — a range, an
 * expression, a formula cell, a cell an array formula spills into, a result that is not a finite number — keeps its
 * formula. tests/engine/direct.test.ts proves every value and receipt equal with and without this path.
 */
const PB_CALL = /^=PB\.([A-Za-z][A-Za-z0-9]*)\(([$A-Z0-9.,]*)\)$/;
const CELL_ARG = /^\$?([A-Z]{1,3})\$?([1-9][0-9]{0,6})$/;
const NUMBER_ARG = /^(?:0|[1-9][0-9]*)(?:\.[0-9]+)?$/;
const NOT_CONSTANT = Symbol("not constant");

/** What HyperFormula hands a SCALAR parameter for a cell holding this content (see rawContent), if it is constant. */
function constantValue(content: RawCellContent | undefined): RawArg | typeof NOT_CONSTANT {
  if (content === undefined || content === null) return null;
  if (typeof content === "number") {
    if (!Number.isFinite(content)) return NOT_CONSTANT;
    return content === 0 ? 0 : content; // HyperFormula stores -0 as 0
  }
  if (typeof content === "boolean") return content;
  if (typeof content === "string" && content.startsWith("'")) return content.slice(1);
  return NOT_CONSTANT; // a formula, or #N/A for an unverified cell
}

interface DirectCandidate {
  row: number;
  col: number;
  formula: string;
}

function directValue(
  c: DirectCandidate,
  rows: RawCellContent[][],
  covered: Set<string>,
  sheet: number,
  dateSystem: DateSystem,
): number | undefined {
  const m = PB_CALL.exec(c.formula);
  if (!m) return undefined;
  const id = m[1].toUpperCase();
  const spec = REGISTRY.get(id);
  if (!spec || spec.result === "matrix") return undefined;
  const written = m[2] === "" ? [] : m[2].split(",");
  if (written.length > spec.args.length) return undefined;
  for (let i = written.length; i < spec.args.length; i++) if (!spec.args[i].optional) return undefined;
  const raw: RawArg[] = [];
  for (let i = 0; i < spec.args.length; i++) {
    const a = written[i];
    if (a === undefined) {
      raw.push(null);
      continue;
    }
    if (spec.args[i].type === "range") return undefined;
    if (NUMBER_ARG.test(a)) {
      raw.push(Number(a));
      continue;
    }
    const ref = CELL_ARG.exec(a);
    if (!ref) return undefined;
    let col = 0;
    for (let k = 0; k < ref[1].length; k++) col = col * 26 + (ref[1].charCodeAt(k) - 64);
    const row = Number(ref[2]) - 1;
    col -= 1;
    if (col >= 16_384 || row >= 1_048_576) return undefined;
    const content = rows[row]?.[col];
    if (content === undefined && covered.size > 0 && covered.has(`${row},${col}`)) return undefined;
    const v = constantValue(content);
    if (v === NOT_CONSTANT) return undefined;
    raw.push(v);
  }
  // Only a finite number is handed to HyperFormula; anything else keeps its formula (and HyperFormula records that call).
  const result = invoke(id, raw, { dateSystem });
  if (typeof result !== "number" || !Number.isFinite(result)) return undefined;
  callPbDirect(id, raw, dateSystem, { sheet, row: c.row, col: c.col }, written.length, result);
  return result === 0 ? 0 : result;
}

const AGGREGATE_CALL = /^=(?:SUM|MIN|MAX|AVERAGE|COUNT|COUNTA|PRODUCT)\(([$A-Z0-9:,]*)\)$/;
const REF_OR_RANGE = /^\$?([A-Z]{1,3})\$?([1-9][0-9]{0,6})(?::\$?([A-Z]{1,3})\$?([1-9][0-9]{0,6}))?$/;
const MAX_DROP_AREAS = 1000;

function columnIndex(letters: string): number {
  let col = 0;
  for (let k = 0; k < letters.length; k++) col = col * 26 + (letters.charCodeAt(k) - 64);
  return col - 1;
}

/**
 * The areas a formula can read, when it is one of two shapes whose reads are exactly the references written in it:
 * an aggregate over references and ranges on its own sheet (`=SUM(D2:D100001)`), or a PB call on single-cell
 * references and numbers with a scalar result (a call directValue left to HyperFormula, e.g. because it gives an
 * error). Neither spills, so no value cell can block a spill either. Any other formula: undefined.
 */
function readAreas(formula: string): [number, number, number, number][] | undefined {
  let args: string;
  const agg = AGGREGATE_CALL.exec(formula);
  if (agg) args = agg[1];
  else {
    const m = PB_CALL.exec(formula);
    if (!m) return undefined;
    const spec = REGISTRY.get(m[1].toUpperCase());
    if (!spec || spec.result === "matrix" || spec.args.some((a) => a.type === "range")) return undefined;
    args = m[2];
    if (args.includes(":")) return undefined;
  }
  const out: [number, number, number, number][] = [];
  if (args === "") return out;
  for (const a of args.split(",")) {
    if (NUMBER_ARG.test(a) && !agg) continue;
    const r = REF_OR_RANGE.exec(a);
    if (!r) return undefined;
    const top = Number(r[2]) - 1;
    const left = columnIndex(r[1]);
    const bottom = r[4] !== undefined ? Number(r[4]) - 1 : top;
    const right = r[3] !== undefined ? columnIndex(r[3]) : left;
    out.push([Math.min(top, bottom), Math.min(left, right), Math.max(top, bottom), Math.max(left, right)]);
  }
  return out;
}

/**
 * Leaves out (sets undefined) every constant cell that no formula reads — never a PB cell taken directly, whose value
 * the audit reads back — when every formula of the workbook is one of
 * readAreas' shapes (so none reads another sheet, a name, or a cell found at run time) and there are no names. The
 * formula cells keep exactly the values they would have: a value nobody reads cannot change one. Returns how many.
 */
function dropUnreferencedValues(sheets: RawCellContent[][][], formulaCells: readonly Set<number>[]): number {
  const areas: [number, number, number, number][][] = [];
  const cells: Set<number>[] = [];
  let total = 0;
  for (const rows of sheets) {
    const big: [number, number, number, number][] = [];
    const single = new Set<number>();
    for (let y = 0; y < rows.length; y++) {
      const r = rows[y];
      if (!r) continue;
      for (let x = 0; x < r.length; x++) {
        const v = r[x];
        if (typeof v !== "string" || !v.startsWith("=")) continue;
        const read = readAreas(v);
        if (read === undefined) return 0;
        for (const a of read) {
          if (a[0] === a[2] && a[1] === a[3]) single.add(a[0] * 16_384 + a[1]);
          else big.push(a);
        }
        if (big.length > MAX_DROP_AREAS) return 0;
      }
    }
    areas.push(big);
    cells.push(single);
  }
  sheets.forEach((rows, s) => {
    const big = areas[s];
    const single = cells[s];
    for (let y = 0; y < rows.length; y++) {
      const r = rows[y];
      if (!r) continue;
      for (let x = 0; x < r.length; x++) {
        if (constantValue(r[x]) === NOT_CONSTANT || r[x] === undefined || r[x] === null) continue;
        if (single.has(y * 16_384 + x) || formulaCells[s].has(y * 16_384 + x)) continue;
        if (big.some((a) => y >= a[0] && y <= a[2] && x >= a[1] && x <= a[3])) continue;
        r[x] = undefined as unknown as RawCellContent;
        total++;
      }
    }
  });
  return total;
}

export interface BuildOptions {
  /** Evaluate PB calls on constants directly (default: see setDirectEvaluation); false gives every formula to HyperFormula. */
  direct?: boolean;
  /**
   * For a caller that reads back formula cells only (the audit): leave out value cells that no formula can read, so
   * HyperFormula does not build and sort a vertex for each input of a register whose PB calls were taken directly.
   * Only when that is certain (see dropUnreferencedValues); otherwise every cell is given.
   */
  onlyReferencedValues?: boolean;
}

let directByDefault = true;
/** For the proof that the direct path changes nothing (tests/engine/direct.test.ts): switch it off for every build. */
export function setDirectEvaluation(on: boolean): void {
  directByDefault = on;
}

/** Load a workbook into HyperFormula and calculate everything. */
export function buildEngine(model: WorkbookModel, options: BuildOptions = {}): BuiltEngine {
  const direct = options.direct ?? directByDefault;
  const tStart = process.hrtime.bigint();
  registerPbFunctions();
  installGuards();
  takeGuardHits();
  const config = engineConfig(model) as Partial<ConfigParams> & { context: EngineContext };
  const ctx = rewriteContext(model.tables, engineFunctionNames(), model.names);
  const date1904 = model.date1904 === true;
  const unsupported: UnsupportedFormula[] = [];
  const sheetIds = new Map<string, number>();
  let directCells = 0;
  /** Per sheet: the cells (row × 16 384 + col) of PB calls taken directly; formula cells, never left out. */
  const directBySheet: Set<number>[] = [];
  const data: Record<string, RawCellContent[][]> = {};
  model.sheets.forEach((sheet, i) => {
    sheetIds.set(sheet.name, i);
    const rows: RawCellContent[][] = [];
    const covered = new Set<string>();
    // Cells inside a multi-cell array formula hold only cached values in the file; the engine spills into them.
    for (const c of sheet.cells) {
      if (c.formula && c.arrayRef && c.arrayRef.includes(":") && c.unverified === undefined) {
        const r = parseRange(c.arrayRef);
        if (!r) continue;
        for (let y = r.top; y <= r.bottom; y++) for (let x = r.left; x <= r.right; x++) covered.add(`${y},${x}`);
      }
    }
    const candidates: DirectCandidate[] = [];
    const taken = new Set<number>();
    directBySheet.push(taken);
    for (const c of sheet.cells) {
      const at = parseAddress(c.address);
      if (!at) continue;
      const [row, col] = at;
      const content = rawContent(c, sheet.name, ctx, date1904, unsupported);
      if (content === null) continue;
      if (covered.size > 0 && !c.formula && covered.has(`${row},${col}`)) continue;
      const r = rows[row] ?? (rows[row] = []);
      r[col] = content;
      if (direct && typeof content === "string" && content.startsWith("=PB.") && !(c.arrayRef && c.arrayRef.includes(":"))) {
        candidates.push({ row, col, formula: content });
      }
    }
    for (const cand of candidates) {
      const v = directValue(cand, rows, covered, i, config.context.dateSystem);
      if (v === undefined) continue;
      rows[cand.row][cand.col] = v;
      taken.add(cand.row * 16_384 + cand.col);
      directCells++;
    }
    data[sheet.name] = rows;
  });
  const names0 = model.names ?? [];
  const droppedValues = options.onlyReferencedValues && names0.every((n) => /^_xlnm\./i.test(n.name)) ? dropUnreferencedValues(Object.values(data), directBySheet) : 0;
  for (const rows of Object.values(data)) {
    // HyperFormula wants dense rows; holes become empty cells.
    for (let y = 0; y < rows.length; y++) {
      const r = rows[y];
      if (!r) rows[y] = [];
      else for (let x = 0; x < r.length; x++) if (r[x] === undefined) r[x] = null;
    }
  }
  const skippedNames: string[] = [...ctx.tables.problems];
  let names = [...BUILTIN_NAMES, ...namedExpressions(model.names ?? [], sheetIds, ctx, skippedNames)];
  const t0 = process.hrtime.bigint();
  let hf: HyperFormula;
  try {
    try {
      hf = HyperFormula.buildFromSheets(data, config, names);
    } catch (e) {
      if (names.length === BUILTIN_NAMES.length) throw e;
      names = [...BUILTIN_NAMES, ...acceptedNames(names.slice(BUILTIN_NAMES.length), [...sheetIds.keys()], skippedNames)];
      hf = HyperFormula.buildFromSheets(data, config, names);
    }
  } catch (e) {
    throw new EngineFailure(e);
  }
  const t1 = process.hrtime.bigint();
  const hfSeconds = Number(t1 - t0) / 1e9;
  const buildSeconds = Number(t1 - tStart) / 1e9;
  return { hf, sheetIds, skippedNames, unsupported, buildSeconds, hfSeconds, directCells, droppedValues, guarded: takeGuardHits() };
}

/** A value as the report and `pb eval` show it: plain JS, errors as {error, message}. */
export type EngineValue = number | string | boolean | null | { error: string; message: string };

export function fromHfValue(v: unknown): EngineValue {
  if (v instanceof DetailedCellError) return { error: v.value, message: dutchEngineMessage(v.value, v.message) };
  if (v === undefined) return null;
  return v as EngineValue;
}

/** Known function names of the engine (upper case), built-ins plus PB, for reporting formulas it cannot evaluate. */
let knownFunctions: Set<string> | undefined;
export function engineFunctionNames(): Set<string> {
  registerPbFunctions();
  knownFunctions ??= new Set(
    HyperFormula.getRegisteredFunctionNames("enGB")
      .map((n) => n.toUpperCase())
      // The engine's own marker is not a function a workbook may call.
      .filter((n) => n !== UNSUPPORTED_FUNCTION),
  );
  return knownFunctions;
}
