/**
 * One worksheet part, streamed: every <c> of <sheetData> becomes a CellModel, checked the way Excel writes cells —
 * addresses inside A1:XFD1048576, rows and cells in increasing order and never twice, a cell in the row it names,
 * values of the declared type, shared formulas after their master and inside its range, array formulas anchored at
 * their own cell. Anything else is refused (exit 2). A formula Excel would open but the engine cannot be trusted with
 * (beyond Excel's own limits, a range too large to materialise, a PB call behind an unknown prefix) keeps its text and
 * cached value and gets `unverified`, so the audit reports it instead of trusting it.
 */
import { columnLetter } from "./a1";
import { toDisplayFormula } from "../functions/formulaNames";
import { isoToSerial } from "../rules/dates";
import { EXCEL, nl, type ReadLimits } from "./limits";
import type { CellModel, CellScalar } from "./model";
import { areaOf, isProblem, scanFormula, shiftFormula, type RefToken, type ScannedFormula } from "./formulaText";
import { attrNs, isMain, NS, type Scope, type XmlSink } from "./xml";
import type { Refuse } from "./parts";

const ERROR_CODES = new Set(["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!"]);
/** xsd:double as Excel writes it (no hex, no Infinity, no spaces). */
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const ISO_DATE = /^(\d{4})-(\d\d)-(\d\d)(?:T(\d\d):(\d\d)(?::(\d\d(?:\.\d+)?))?(?:Z|[+-]\d\d:\d\d)?)?$/;

const COLUMN_LETTERS: string[] = [];
function letters(col: number): string {
  return COLUMN_LETTERS[col] ?? (COLUMN_LETTERS[col] = columnLetter(col));
}

/** "D12" → [row 11, col 3] for the strict form Excel writes (upper case, no $, no leading zero); else undefined. */
export function strictAddress(s: string): [number, number] | undefined {
  let i = 0;
  let col = 0;
  while (i < s.length && i < 4) {
    const c = s.charCodeAt(i);
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
    i++;
  }
  if (i === 0 || i > 3 || i === s.length || s.charCodeAt(i) === 48) return undefined;
  let row = 0;
  for (let j = i; j < s.length; j++) {
    const c = s.charCodeAt(j);
    if (c < 48 || c > 57 || j - i > 6) return undefined;
    row = row * 10 + (c - 48);
  }
  if (row < 1 || row > EXCEL.rows || col > EXCEL.columns) return undefined;
  return [row - 1, col - 1];
}

/** "D2" or "D2:F9" in strict form → corners; undefined otherwise. */
export function strictRange(s: string): { top: number; left: number; bottom: number; right: number } | undefined {
  const [a, b, extra] = s.split(":");
  if (extra !== undefined) return undefined;
  const p = strictAddress(a);
  const q = b === undefined ? p : strictAddress(b);
  if (!p || !q || q[0] < p[0] || q[1] < p[1]) return undefined;
  return { top: p[0], left: p[1], bottom: q[0], right: q[1] };
}

function isoToExcelSerial(iso: string, date1904: boolean): number | undefined {
  const m = ISO_DATE.exec(iso);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = `${m[1]}-${m[2]}-${m[3]}`;
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return undefined;
  const time = m[4] === undefined ? 0 : (Number(m[4]) * 3600 + Number(m[5]) * 60 + Number(m[6] ?? 0)) / 86400;
  return isoToSerial(day, date1904 ? 1904 : 1900) + time;
}

/** What the reader learns across all sheets (for the workbook-wide limits). */
export interface SheetBudget {
  cells: number;
  formulas: number;
  withCachedValue: number;
  /** Distinct area references: key → [sheet, top, left, bottom, right]. */
  ranges: Map<string, [string, number, number, number, number]>;
}

interface SharedMaster {
  text: string;
  scan: ScannedFormula | undefined;
  problem?: string;
  row: number;
  col: number;
  ref?: { top: number; left: number; bottom: number; right: number };
}

/** The <c> being read; one object, reset per cell (a sheet has hundreds of thousands). */
interface CellState {
  open: boolean;
  ref: string;
  row: number;
  col: number;
  t: string | undefined;
  s: string | undefined;
  f: Record<string, string> | undefined;
  fText: string;
  v: string | undefined;
  is: string | undefined;
  inF: boolean;
  inV: boolean;
  inIs: boolean;
  inT: boolean;
  isDepth: number;
}

export interface SheetReadResult {
  cells: CellModel[];
  tableRids: string[];
  /** Cells the engine gets no formula for, with the reason (also on the cell). */
  unverified: number;
}

/** A PB call is stored as _xldudf_PB_X(, _xldudf_X( or PB.X(; these prefixes in front of it are read by formulaNames. */
const PB_NAME = /^(?:_xldudf_)?pb[._]|^_xldudf_/i;
const KNOWN_PB_PREFIX = /^\[\d+\]!$/;

export class SheetSink implements XmlSink {
  readonly cells: CellModel[] = [];
  readonly tableRids: string[] = [];
  unverified = 0;

  private skip = 0;
  private sawSheetData = false;
  private inSheetData = false;
  private inTableParts = false;
  private rowNo = -1; // 0-based, -1 before the first row
  private rowOpen = false;
  private lastCol = -1;
  private rowWidth = 0;
  private gridSlots = 0;
  private readonly cell: CellState = {
    open: false, ref: "", row: 0, col: 0, t: undefined, s: undefined, f: undefined, fText: "", v: undefined, is: undefined,
    inF: false, inV: false, inIs: false, inT: false, isDepth: 0,
  };
  private readonly shared = new Map<string, SharedMaster>();
  /** Cells (row * 16384 + col) inside multi-cell array formulas and data tables, to refuse overlaps. */
  private covered?: Set<number>;
  private dataTables: { top: number; left: number; bottom: number; right: number }[] = [];
  /** The cell being read, for messages. */
  current?: string;

  constructor(
    private readonly sheet: string,
    private readonly refuse: Refuse,
    private readonly strings: readonly string[],
    private readonly formats: readonly (string | undefined)[],
    private readonly limits: ReadLimits,
    private readonly budget: SheetBudget,
    private readonly date1904: boolean,
    private readonly onTooManyCells: () => Error,
    private readonly onGrid: (slots: number) => Error,
  ) {}

  open(local: string, ns: string, attrs: Record<string, string>, depth: number, scope: Scope): void {
    if (this.skip > 0) {
      this.skip++;
      return;
    }
    const main = isMain(ns);
    if (depth === 3) {
      // the common case first: a cell in a row
      if (main && local === "c") this.openCell(attrs);
      else if (main && local === "extLst") this.skip = 1;
      else throw this.refuse(this.foreign(local, ns, "<row>"));
      return;
    }
    const c = this.cell;
    if (depth === 4) {
      if (!main) throw this.refuse(this.foreign(local, ns, "<c>"));
      switch (local) {
        case "v":
          if (c.v !== undefined) throw this.refuse("de cel heeft twee waarden (<v>)");
          c.v = "";
          c.inV = true;
          return;
        case "f":
          if (c.f) throw this.refuse("de cel heeft twee formules (<f>)");
          c.f = attrs;
          c.inF = true;
          return;
        case "is":
          if (c.is !== undefined) throw this.refuse("de cel heeft twee teksten (<is>)");
          c.is = "";
          c.inIs = true;
          c.isDepth = depth;
          return;
        case "extLst":
          this.skip = 1;
          return;
        default:
          throw this.refuse(this.foreign(local, ns, "<c>"));
      }
    }
    if (depth === 2 && this.inSheetData) {
      if (!main || local !== "row") throw this.refuse(this.foreign(local, ns, "<sheetData>"));
      this.openRow(attrs);
      return;
    }
    if (depth === 0) {
      if (local !== "worksheet" || !main) throw this.refuse(`hoofdelement <${local}> is geen werkblad`);
      return;
    }
    if (depth === 1) {
      if (main && local === "sheetData") {
        if (this.sawSheetData) throw this.refuse("het werkblad heeft twee keer <sheetData>");
        this.sawSheetData = this.inSheetData = true;
      } else if (main && local === "tableParts") this.inTableParts = true;
      else this.skip = 1;
      return;
    }
    if (this.inTableParts) {
      if (depth === 2 && main && local === "tablePart") {
        const rid = attrNs(attrs, scope, NS.rel, "id");
        if (rid) this.tableRids.push(rid);
      }
      this.skip = 1;
      return;
    }
    if (!this.inSheetData || !c.open) {
      this.skip = 1;
      return;
    }
    if (c.inF || c.inV) throw this.refuse(`element <${local}> binnen ${c.inF ? "<f>" : "<v>"}`);
    if (c.inIs && main) {
      // <is><t> or <is><r><t>; phonetic runs (<rPh>) and run properties are not the text
      if (local === "t" && (depth === c.isDepth + 1 || depth === c.isDepth + 2)) {
        c.inT = true;
        return;
      }
      if (local === "r" && depth === c.isDepth + 1) return;
    }
    this.skip = 1;
  }

  close(local: string, depth: number): void {
    if (this.skip > 0) {
      this.skip--;
      return;
    }
    const c = this.cell;
    if (depth === 4) {
      c.inF = c.inV = c.inIs = false;
      return;
    }
    if (depth === 3) {
      if (c.open) this.closeCell(c);
      c.open = false;
      return;
    }
    if (depth === 2) {
      this.closeRow();
      return;
    }
    if (depth === 1) {
      if (local === "sheetData") {
        this.inSheetData = false;
        this.closeRow();
        this.finishDataTables();
      } else if (local === "tableParts") this.inTableParts = false;
      return;
    }
    if (local === "t") c.inT = false;
  }

  text(t: string): void {
    if (this.skip > 0) return;
    const c = this.cell;
    if (c.open) {
      if (c.inV) c.v += t;
      else if (c.inF) c.fText += t;
      else if (c.inT) c.is += t;
      else if (!c.inIs && /\S/.test(t)) throw this.refuse(`tekst "${t.trim().slice(0, 20)}" los in een cel, buiten <v> en <f>`);
      return;
    }
    // between rows and cells Excel writes nothing but (at most) white space
    if (this.inSheetData && /\S/.test(t)) throw this.refuse(`tekst "${t.trim().slice(0, 20)}" los in <sheetData>, buiten een cel`);
  }

  end(): void {
    if (!this.sawSheetData) throw this.refuse("het werkblad heeft geen <sheetData>");
  }

  private foreign(local: string, ns: string, parent: string): string {
    return isMain(ns) ? `onbekend element <${local}> in ${parent}` : `element <${local}> uit een andere naamruimte (${ns || "geen"}) in ${parent}`;
  }

  private openRow(attrs: Record<string, string>): void {
    const r = attrs.r;
    let row: number;
    if (r === undefined) row = this.rowNo + 1;
    else {
      if (!/^[1-9]\d{0,6}$/.test(r) || Number(r) > EXCEL.rows) {
        this.current = undefined;
        throw this.refuse(`ongeldig rijnummer r="${r}" (Excel heeft rijen 1 t/m ${nl(EXCEL.rows)})`);
      }
      row = Number(r) - 1;
    }
    if (row <= this.rowNo) throw this.refuse(`rij ${row + 1} staat na rij ${this.rowNo + 1}: rijen moeten oplopen en mogen niet twee keer voorkomen (volgorde)`);
    if (row >= EXCEL.rows) throw this.refuse(`rij ${row + 1} ligt buiten het blad`);
    this.rowNo = row;
    this.rowOpen = true;
    this.lastCol = -1;
    this.rowWidth = 0;
  }

  private closeRow(): void {
    if (!this.rowOpen) return;
    this.rowOpen = false;
    this.gridSlots += this.rowWidth;
    if (this.gridSlots > this.limits.maxGridCells) throw this.onGrid(this.gridSlots);
  }

  private openCell(a: Record<string, string>): void {
    const ref = a.r;
    let col: number;
    if (ref === undefined) {
      col = this.lastCol + 1;
      if (col >= EXCEL.columns) throw this.refuse(`cel zonder adres na kolom XFD in rij ${this.rowNo + 1}`);
      this.current = `${letters(col)}${this.rowNo + 1}`;
    } else {
      this.current = ref;
      const at = strictAddress(ref);
      if (!at) throw this.refuse(`ongeldig celadres "${ref}" (Excel kent A1 t/m XFD${EXCEL.rows}, hoofdletters, zonder $)`);
      if (at[0] !== this.rowNo) throw this.refuse(`cel ${ref} staat in rij ${this.rowNo + 1}`);
      col = at[1];
      if (col <= this.lastCol) {
        throw this.refuse(
          col === this.lastCol
            ? `cel ${ref} komt twee keer voor (dubbele cel); welke waarde Excel toont, is niet te zeggen`
            : `cel ${ref} staat na ${letters(this.lastCol)}${this.rowNo + 1}: cellen moeten oplopen (volgorde)`,
        );
      }
    }
    this.lastCol = col;
    this.rowWidth = col + 1;
    const c = this.cell;
    c.open = true;
    c.ref = this.current;
    c.row = this.rowNo;
    c.col = col;
    c.t = a.t;
    c.s = a.s;
    c.f = undefined;
    c.fText = "";
    c.v = undefined;
    c.is = undefined;
    c.inF = c.inV = c.inIs = c.inT = false;
  }

  private value(c: CellState): CellScalar | { error: string } | undefined {
    const v = c.v;
    switch (c.t ?? "n") {
      case "n":
        if (v === undefined || v === "") return undefined;
        if (!NUMBER.test(v)) throw this.refuse(`"${v.slice(0, 40)}" is geen getal, maar de cel is een getalcel`);
        return Number(v);
      case "s": {
        if (v === undefined) return undefined;
        if (!/^\d+$/.test(v) || Number(v) >= this.strings.length) throw this.refuse(`verwijzing naar gedeelde tekst nr. ${v.slice(0, 20)}, die niet bestaat`);
        return this.strings[Number(v)];
      }
      case "str":
        return v ?? "";
      case "inlineStr":
        return c.is ?? v ?? "";
      case "b":
        if (v === undefined) return undefined;
        if (v === "1" || v === "true") return true;
        if (v === "0" || v === "false") return false;
        throw this.refuse(`"${v.slice(0, 20)}" is geen waarheidswaarde (0 of 1)`);
      case "e":
        if (v === undefined) return undefined;
        if (!ERROR_CODES.has(v)) throw this.refuse(`"${v.slice(0, 20)}" is geen Excel-foutwaarde`);
        return { error: v };
      case "d": {
        if (v === undefined || v === "") return undefined;
        const serial = isoToExcelSerial(v, this.date1904);
        if (serial === undefined) throw this.refuse(`"${v.slice(0, 40)}" is geen ISO-datum`);
        return serial;
      }
      default:
        throw this.refuse(`onbekend celtype t="${c.t}"`);
    }
  }

  private closeCell(c: CellState): void {
    const { row, col } = c;
    const address = c.ref;
    const value = this.value(c);
    if (typeof value === "string" && value.length > EXCEL.cellText) throw this.refuse(`tekst van meer dan ${nl(EXCEL.cellText)} tekens`);
    const cell: CellModel = { address };
    if (c.s !== undefined) {
      const fmt = this.formats[Number(c.s)];
      if (fmt && fmt !== "General") cell.numFmt = fmt;
    }
    const key = row * EXCEL.columns + col;
    if (c.f) {
      this.formula(c, cell, row, col, key);
      if (cell.storedFormula !== undefined) {
        if (value !== undefined) cell.result = value;
        this.budget.formulas++;
        if (value !== undefined) this.budget.withCachedValue++;
        this.push(cell);
        return;
      }
    }
    if (value === undefined) return;
    if (typeof value === "object") cell.result = value;
    else cell.value = value;
    this.push(cell);
  }

  private push(cell: CellModel): void {
    if (++this.budget.cells > this.limits.maxCells) throw this.onTooManyCells();
    if (cell.unverified !== undefined) this.unverified++;
    this.cells.push(cell);
  }

  private cover(range: { top: number; left: number; bottom: number; right: number }, anchor: string, what: string): void {
    const covered = (this.covered ??= new Set());
    for (let y = range.top; y <= range.bottom; y++) {
      for (let x = range.left; x <= range.right; x++) {
        const k = y * EXCEL.columns + x;
        if (covered.has(k)) throw this.refuse(`${what} ${anchor} overlapt een andere matrixformule of gegevenstabel`);
        covered.add(k);
      }
    }
  }

  private formula(c: CellState, cell: CellModel, row: number, col: number, key: number): void {
    const f = c.f!;
    const type = f.t ?? "normal";
    let text = c.fText;
    let scan: ScannedFormula | undefined;
    let refs: RefToken[] | undefined;
    let problem: string | undefined;
    if (this.covered?.has(key)) throw this.refuse(`cel ${cell.address} ligt in een matrixformule of gegevenstabel, maar heeft een eigen formule`);
    if (type === "shared") {
      const si = f.si;
      if (si === undefined || !/^\d+$/.test(si)) throw this.refuse("gedeelde formule zonder geldig si-nummer");
      if (text !== "") {
        if (this.shared.has(si)) throw this.refuse(`gedeelde formule ${si} heeft twee begincellen`);
        const ref = f.ref !== undefined ? strictRange(f.ref) : undefined;
        if (f.ref !== undefined && (!ref || row < ref.top || row > ref.bottom || col < ref.left || col > ref.right)) {
          throw this.refuse(`gedeelde formule ${si}: bereik "${f.ref}" bevat de begincel ${cell.address} niet`);
        }
        const s = scanFormula(text);
        const master: SharedMaster = { text, scan: isProblem(s) ? undefined : s, row, col, ...(ref ? { ref } : {}), ...(isProblem(s) ? { problem: s.problem } : {}) };
        this.shared.set(si, master);
        scan = master.scan;
        refs = scan?.refs;
        problem = master.problem;
      } else {
        const master = this.shared.get(si);
        if (!master) throw this.refuse(`gedeelde formule ${si} zonder begincel (de cel met de formuletekst ontbreekt of staat later)`);
        const ref = master.ref;
        if (ref && (row < ref.top || row > ref.bottom || col < ref.left || col > ref.right)) {
          throw this.refuse(`cel ${cell.address} deelt formule ${si}, maar ligt buiten het bereik daarvan`);
        }
        if (master.scan) {
          const moved = shiftFormula(master.scan, row - master.row, col - master.col);
          text = moved.text;
          refs = moved.refs;
          scan = master.scan;
          if (text.length > EXCEL.formulaLength) problem = `formule van ${text.length} tekens; Excel staat er ten hoogste ${EXCEL.formulaLength} toe`;
        } else {
          // the master's formula is beyond the limits: the clone shows it unmoved and is not recomputed either
          problem = master.problem;
          text = master.text;
        }
      }
    } else if (type === "normal" || type === "array") {
      if (text === "") throw this.refuse("lege formule");
      if (!plainShort(text)) {
        const s = scanFormula(text);
        if (isProblem(s)) problem = s.problem;
        else {
          scan = s;
          refs = s.refs;
        }
      }
      if (type === "array") {
        const r = f.ref !== undefined ? strictRange(f.ref) : undefined;
        if (!r) throw this.refuse(`matrixformule zonder geldig bereik (ref="${f.ref ?? ""}")`);
        if (r.top !== row || r.left !== col) throw this.refuse(`matrixformule met bereik ${f.ref} hoort in de cel linksboven daarvan, niet in ${cell.address}`);
        cell.arrayRef = f.ref;
        const area = (r.bottom - r.top + 1) * (r.right - r.left + 1);
        if (area > this.limits.maxRangeCells) {
          problem ??= `matrixformule over ${f.ref} (${nl(area)} cellen; grens ${nl(this.limits.maxRangeCells)})`;
        } else if (area > 1) {
          this.budget.cells += area - 1;
          if (this.budget.cells > this.limits.maxCells) throw this.onTooManyCells();
          this.cover(r, cell.address, "matrixformule");
          this.covered!.delete(key);
        }
      }
    } else if (type === "dataTable") {
      const r = f.ref !== undefined ? strictRange(f.ref) : undefined;
      if (!r || r.top !== row || r.left !== col) throw this.refuse(`gegevenstabel zonder geldig bereik (ref="${f.ref ?? ""}")`);
      const area = (r.bottom - r.top + 1) * (r.right - r.left + 1);
      if (area > this.limits.maxRangeCells) throw this.refuse(`gegevenstabel over ${f.ref} (${nl(area)} cellen)`);
      this.dataTables.push(r);
      // its results are plain cached values; they are marked when the sheet is complete
      return;
    } else throw this.refuse(`onbekend formuletype t="${type}"`);

    if (text === "" && problem === undefined) throw this.refuse("formule zonder tekst");
    cell.storedFormula = text;
    cell.formula = displayFormula(text);
    if (problem === undefined && refs) problem = this.checkRefs(refs);
    if (problem === undefined && scan) problem = this.checkPrefixes(scan);
    if (problem !== undefined) cell.unverified = problem;
  }

  private checkRefs(refs: RefToken[]): string | undefined {
    for (const r of refs) {
      if (r.kind !== "area") continue;
      const area = areaOf(r);
      const top = Math.min(r.a.row!, r.b!.row!);
      const left = Math.min(r.a.col!, r.b!.col!);
      const bottom = Math.max(r.a.row!, r.b!.row!);
      const right = Math.max(r.a.col!, r.b!.col!);
      if (area > this.limits.maxRangeCells) {
        return `bereik ${letters(left)}${top + 1}:${letters(right)}${bottom + 1} van ${nl(area)} cellen (grens ${nl(this.limits.maxRangeCells)}) wordt niet uitgerekend`;
      }
      if (area < 64) continue; // small ranges cannot add up to a problem before the cell limit does
      const sheet = r.prefix === "" ? this.sheet : (r.sheet ?? r.prefix);
      const k = `${sheet}\u0000${top},${left},${bottom},${right}`;
      if (!this.budget.ranges.has(k)) this.budget.ranges.set(k, [sheet, top, left, bottom, right]);
    }
    return undefined;
  }

  private checkPrefixes(scan: ScannedFormula): string | undefined {
    for (const call of scan.calls) {
      if (call.prefix === "" || KNOWN_PB_PREFIX.test(call.prefix)) continue;
      if (PB_NAME.test(call.name)) {
        return `PB-functie in een schrijfwijze die niet wordt ondersteund: ${call.prefix}${call.name}( (van een andere werkmap of invoegtoepassing?)`;
      }
    }
    return undefined;
  }

  private finishDataTables(): void {
    if (this.dataTables.length === 0) return;
    for (const cell of this.cells) {
      const at = strictAddress(cell.address)!;
      if (this.dataTables.some((r) => at[0] >= r.top && at[0] <= r.bottom && at[1] >= r.left && at[1] <= r.right)) {
        if (cell.unverified === undefined) this.unverified++;
        cell.unverified ??= "uitkomst van een gegevenstabel (wat-als-analyse, TABLE); die rekent de rekenkern niet na";
      }
    }
  }
}

/**
 * A short formula without ranges (:), sheet or workbook prefixes (!) and with at most 64 parentheses cannot break any
 * limit the scan checks (length, nesting, arguments, range areas, PB prefixes): most register formulas, not scanned.
 * (Syntax errors in it are the engine's to report.)
 */
function plainShort(text: string): boolean {
  if (text.length > 255) return false;
  let parens = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 58 /* : */ || c === 33 /* ! */) return false;
    if (c === 40 && ++parens > EXCEL.nesting) return false;
  }
  return true;
}

/**
 * `_xldudf_PB_LKS(A2,B2,C2)`, one PB call on references and numbers (no quotes, underscores, brackets or further
 * calls), the way Excel stores every row of a register: its display form is `PB.LKS(A2,B2,C2)`, exactly what
 * toDisplayFormula gives (nothing in the arguments can match one of its patterns), without its five regular expressions.
 */
const PLAIN_STORED_PB_CALL = /^_xldudf_PB_([A-Za-z0-9]+)\(([A-Za-z0-9$,.:!]*)\)$/;

export function displayFormula(text: string): string {
  const m = PLAIN_STORED_PB_CALL.exec(text);
  if (m) return `PB.${m[1].toUpperCase()}(${m[2]})`;
  return text.includes("_x") || text.includes("]!") || /pb\./i.test(text) ? toDisplayFormula(text) : text;
}

/** Does a formula (stored or display form) call something that looks like a PB function? */
export function looksLikePb(formula: string): boolean {
  const s = scanFormula(formula);
  if (isProblem(s)) return /_xldudf_|\bpb[._]/i.test(formula);
  return s.calls.some((c) => PB_NAME.test(c.name));
}
