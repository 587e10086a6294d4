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
import { registerPbFunctions } from "./plugin";
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
  /** Seconds spent in HyperFormula's build (parse + dependency graph + full evaluation). */
  buildSeconds: number;
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

/** Load a workbook into HyperFormula and calculate everything. */
export function buildEngine(model: WorkbookModel): BuiltEngine {
  registerPbFunctions();
  installGuards();
  takeGuardHits();
  const config = engineConfig(model);
  const ctx = rewriteContext(model.tables, engineFunctionNames(), model.names);
  const date1904 = model.date1904 === true;
  const unsupported: UnsupportedFormula[] = [];
  const sheetIds = new Map<string, number>();
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
    for (const c of sheet.cells) {
      const at = parseAddress(c.address);
      if (!at) continue;
      const [row, col] = at;
      const content = rawContent(c, sheet.name, ctx, date1904, unsupported);
      if (content === null) continue;
      if (covered.size > 0 && !c.formula && covered.has(`${row},${col}`)) continue;
      const r = rows[row] ?? (rows[row] = []);
      r[col] = content;
    }
    // HyperFormula wants dense rows; holes become empty cells.
    for (let y = 0; y < rows.length; y++) {
      const r = rows[y];
      if (!r) rows[y] = [];
      else for (let x = 0; x < r.length; x++) if (r[x] === undefined) r[x] = null;
    }
    data[sheet.name] = rows;
  });
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
  const buildSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
  return { hf, sheetIds, skippedNames, unsupported, buildSeconds, guarded: takeGuardHits() };
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
