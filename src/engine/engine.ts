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
import { toDisplayFormula } from "../functions/formulaNames";
import { registerPbFunctions } from "./plugin";
import { parseAddress, parseRange } from "../xlsx/a1";
import { utcDateToSerial } from "../rules/dates";
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

/** Excel has TRUE and FALSE as constants; HyperFormula only as functions. */
const BUILTIN_NAMES: SerializedNamedExpression[] = [
  { name: "TRUE", expression: "=TRUE()" },
  { name: "FALSE", expression: "=FALSE()" },
];

export const ENGINE_NAME = `HyperFormula ${HyperFormula.version}`;

/**
 * What HyperFormula is given for one cell. Text always gets a leading ' so that "0012" or "1-7-2024" stay text.
 * A cell the reader marked unverified gets #N/A instead of its formula: the audit reports it and what depends on it.
 */
function rawContent(cell: CellModel): RawCellContent {
  if (cell.unverified !== undefined) return "#N/A";
  if (cell.formula !== undefined && cell.formula !== "") {
    const f = cell.formula;
    // The model holds display form already; only stored names (_xldudf_, _xlfn., [n]!) need mapping. Case does not
    // matter to the engine, so the common case skips the rewrite (it is a measurable share of a 100k-row load).
    return `=${f.includes("_x") || f.includes("]!") ? toDisplayFormula(f) : f}`;
  }
  const v = cell.value;
  if (v === undefined || v === null) return null;
  if (typeof v === "string") return v === "" ? null : `'${v}`;
  if ((v as unknown) instanceof Date) return utcDateToSerial(v as unknown as Date);
  return v;
}

export interface BuiltEngine {
  hf: HyperFormula;
  /** Sheet name → HyperFormula sheet id. */
  sheetIds: Map<string, number>;
  /** Names that could not be given to the engine, with the reason (Dutch). */
  skippedNames: string[];
  /** Seconds spent in HyperFormula's build (parse + dependency graph + full evaluation). */
  buildSeconds: number;
  /** Formulas the engine could not handle (too deep for its recursion); their cells hold #ERROR! with the reason. */
  guarded: GuardHit[];
}

function namedExpressions(names: readonly DefinedNameModel[], sheetIds: Map<string, number>, skipped: string[]): SerializedNamedExpression[] {
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
    out.push({ name: n.name, expression: `=${toDisplayFormula(n.ref)}`, ...(scope !== undefined ? { scope } : {}) });
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
    } catch (e) {
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
      const content = rawContent(c);
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
  const skippedNames: string[] = [];
  let names = [...BUILTIN_NAMES, ...namedExpressions(model.names ?? [], sheetIds, skippedNames)];
  const t0 = process.hrtime.bigint();
  let hf: HyperFormula;
  try {
    try {
      hf = HyperFormula.buildFromSheets(data, ENGINE_CONFIG, names);
    } catch (e) {
      if (names.length === BUILTIN_NAMES.length) throw e;
      names = [...BUILTIN_NAMES, ...acceptedNames(names.slice(BUILTIN_NAMES.length), [...sheetIds.keys()], skippedNames)];
      hf = HyperFormula.buildFromSheets(data, ENGINE_CONFIG, names);
    }
  } catch (e) {
    throw new EngineFailure(e);
  }
  const buildSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
  return { hf, sheetIds, skippedNames, buildSeconds, guarded: takeGuardHits() };
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
  knownFunctions ??= new Set(HyperFormula.getRegisteredFunctionNames("enGB").map((n) => n.toUpperCase()));
  return knownFunctions;
}
