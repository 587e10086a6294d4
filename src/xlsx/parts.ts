/**
 * The small parts of a workbook package, each read by a streaming sink: relationships, the workbook (sheets, defined
 * names, date system, calculation mode), shared strings, number formats and table definitions. The sheets themselves
 * are in sheet.ts. Every sink refuses what Excel would not write, with a Dutch reason.
 */
import { EXCEL } from "./limits";
import type { ReadLimits } from "./limits";
import { attrNs, isMain, NS, type Scope, type XmlSink } from "./xml";

/** An element as the small-part sinks see it (they are few; the sheet sink works without this object). */
interface XmlElement {
  local: string;
  ns: string;
  attrs: Record<string, string>;
  scope: Scope;
}

export type Refuse = (detail: string) => Error;

/** Skips the subtrees it is told to, so sinks only see what they read. */
abstract class Sink implements XmlSink {
  private skip = 0;
  constructor(protected readonly refuse: Refuse) {}
  open(local: string, ns: string, attrs: Record<string, string>, depth: number, scope: Scope): void {
    if (this.skip > 0) {
      this.skip++;
      return;
    }
    if (!this.enter({ local, ns, attrs, scope }, depth)) this.skip = 1;
  }
  close(local: string, depth: number): void {
    if (this.skip > 0) {
      this.skip--;
      return;
    }
    this.leave(local, depth);
  }
  text(t: string): void {
    if (this.skip === 0) this.chars(t);
  }
  /** false: ignore this element and everything in it. */
  protected abstract enter(el: XmlElement, depth: number): boolean;
  protected leave(_local: string, _depth: number): void {}
  protected chars(_t: string): void {}
}

// ------------------------------------------------------------------------------------------------ relationships

export interface Relationship {
  id: string;
  /** Last segment of the type URI, e.g. "worksheet", "officeDocument", "table". */
  type: string;
  /** Resolved part name, e.g. "xl/worksheets/sheet1.xml"; undefined for external targets. */
  target?: string;
}

/** Part name from a relationship target, relative to the folder of the part that holds the relationship. */
export function resolveTarget(sourcePart: string, target: string): string | undefined {
  let t: string;
  try {
    t = decodeURIComponent(target.split("#")[0]);
  } catch {
    return undefined;
  }
  const base = t.startsWith("/") ? [] : sourcePart.split("/").slice(0, -1);
  for (const seg of t.replace(/^\/+/, "").split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") {
      if (base.length === 0) return undefined;
      base.pop();
    } else base.push(seg);
  }
  return base.join("/");
}

export class RelsSink extends Sink {
  readonly rels = new Map<string, Relationship>();
  constructor(
    refuse: Refuse,
    private readonly sourcePart: string,
  ) {
    super(refuse);
  }
  protected enter(el: XmlElement, depth: number): boolean {
    if (depth === 0) {
      if (el.local !== "Relationships" || !NS.pkgRel.includes(el.ns as never)) throw this.refuse(`hoofdelement <${el.local}> is geen lijst van relaties`);
      return true;
    }
    if (depth === 1 && el.local === "Relationship") {
      const { Id: id, Type: type, Target: target, TargetMode: mode } = el.attrs;
      if (!id || !type || target === undefined) throw this.refuse("een relatie zonder Id, Type of Target");
      if (this.rels.has(id)) throw this.refuse(`relatie ${id} staat er twee keer in`);
      const external = mode === "External";
      const resolved = external ? undefined : resolveTarget(this.sourcePart, target);
      if (!external && resolved === undefined) throw this.refuse(`relatie ${id} wijst buiten het pakket (${target})`);
      this.rels.set(id, { id, type: type.slice(type.lastIndexOf("/") + 1), ...(resolved !== undefined ? { target: resolved } : {}) });
    }
    return false;
  }
}

// ------------------------------------------------------------------------------------------------ workbook

export interface SheetEntry {
  name: string;
  rid: string;
  state: "visible" | "hidden" | "veryHidden";
}

export interface NameEntry {
  name: string;
  localSheetId?: number;
  hidden: boolean;
  text: string;
}

const FORBIDDEN_SHEET_CHARS = /[[\]:*?/\\]/;

export class WorkbookSink extends Sink {
  readonly sheets: SheetEntry[] = [];
  readonly names: NameEntry[] = [];
  date1904 = false;
  calcMode?: "auto" | "manual" | "autoNoTable";
  fullCalcOnLoad = false;
  private name?: NameEntry;

  constructor(
    refuse: Refuse,
    private readonly limits: ReadLimits,
  ) {
    super(refuse);
  }

  protected enter(el: XmlElement, depth: number): boolean {
    const main = isMain(el.ns);
    if (depth === 0) {
      if (el.local !== "workbook" || !main) throw this.refuse(`hoofdelement <${el.local}> is geen werkmap`);
      return true;
    }
    if (!main) return false;
    if (depth === 1) {
      if (el.local === "workbookPr") {
        this.date1904 = bool(el.attrs.date1904);
        return false;
      }
      if (el.local === "calcPr") {
        const m = el.attrs.calcMode;
        if (m === "auto" || m === "manual" || m === "autoNoTable") this.calcMode = m;
        this.fullCalcOnLoad = bool(el.attrs.fullCalcOnLoad);
        return false;
      }
      return el.local === "sheets" || el.local === "definedNames";
    }
    if (depth === 2 && el.local === "sheet") {
      const name = el.attrs.name;
      const rid = attrNs(el.attrs, el.scope, NS.rel, "id");
      if (name === undefined || rid === undefined) throw this.refuse("een werkblad zonder naam of r:id");
      if (name === "" || name.length > EXCEL.sheetName || FORBIDDEN_SHEET_CHARS.test(name) || /^'|'$/.test(name)) {
        throw this.refuse(`ongeldige bladnaam "${name}"`);
      }
      if (this.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) throw this.refuse(`bladnaam "${name}" komt twee keer voor`);
      if (this.sheets.length >= this.limits.maxSheets) throw this.refuse(`meer dan ${this.limits.maxSheets} werkbladen`);
      const st = el.attrs.state;
      this.sheets.push({ name, rid, state: st === "hidden" || st === "veryHidden" ? st : "visible" });
      return false;
    }
    if (depth === 2 && el.local === "definedName") {
      const name = el.attrs.name;
      if (!name) throw this.refuse("een gedefinieerde naam zonder naam");
      const local = el.attrs.localSheetId;
      if (local !== undefined && !/^\d+$/.test(local)) throw this.refuse(`naam ${name}: ongeldige localSheetId "${local}"`);
      if (this.names.length >= this.limits.maxNames) throw this.refuse(`meer dan ${this.limits.maxNames} gedefinieerde namen`);
      this.name = { name, hidden: bool(el.attrs.hidden), text: "", ...(local !== undefined ? { localSheetId: Number(local) } : {}) };
      return true;
    }
    return false;
  }

  protected leave(local: string, depth: number): void {
    if (depth === 2 && this.name && local === "definedName") {
      const n = this.name;
      const scope = n.localSheetId ?? -1;
      if (this.names.some((m) => (m.localSheetId ?? -1) === scope && m.name.toLowerCase() === n.name.toLowerCase())) {
        throw this.refuse(`naam ${n.name} is twee keer gedefinieerd${n.localSheetId !== undefined ? " voor hetzelfde blad" : ""}`);
      }
      this.names.push(n);
      this.name = undefined;
    }
  }

  protected chars(t: string): void {
    if (this.name) this.name.text += t;
  }
}

function bool(v: string | undefined): boolean {
  return v === "1" || v === "true";
}

// ------------------------------------------------------------------------------------------------ shared strings

/** Text of string items: all <t> runs, without phonetic guides (<rPh>). */
export class SharedStringsSink extends Sink {
  readonly strings: string[] = [];
  private current?: string;
  private inT = false;

  protected enter(el: XmlElement, depth: number): boolean {
    if (depth === 0) {
      if (el.local !== "sst" || !isMain(el.ns)) throw this.refuse(`hoofdelement <${el.local}> is geen tabel met gedeelde teksten`);
      return true;
    }
    if (!isMain(el.ns)) return false;
    if (depth === 1) {
      if (el.local !== "si") return false;
      this.current = "";
      return true;
    }
    // <si><t> or <si><r><t>; <rPh> (phonetic run) and everything else skipped
    if (el.local === "t" && (depth === 2 || depth === 3)) {
      this.inT = true;
      return true;
    }
    return depth === 2 && el.local === "r";
  }

  protected leave(local: string, depth: number): void {
    if (local === "t") this.inT = false;
    else if (depth === 1 && local === "si") {
      if (this.current!.length > EXCEL.cellText) throw this.refuse(`gedeelde tekst nr. ${this.strings.length} is langer dan ${EXCEL.cellText} tekens`);
      this.strings.push(this.current!);
      this.current = undefined;
    }
  }

  protected chars(t: string): void {
    if (this.inT && this.current !== undefined) this.current += t;
  }
}

// ------------------------------------------------------------------------------------------------ styles

/** Built-in number formats Excel does not write out (ECMA-376 18.8.30), the ones registers use. */
const BUILTIN_FORMATS: Record<number, string> = {
  1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 11: "0.00E+00", 14: "mm-dd-yy", 15: "d-mmm-yy",
  16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM", 19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss", 22: "m/d/yy h:mm",
  37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)", 39: "#,##0.00;(#,##0.00)", 40: "#,##0.00;[Red](#,##0.00)", 49: "@",
};

/** Style index → number format, from xl/styles.xml (cellXfs only; cellStyleXfs are not cell styles). */
export class StylesSink extends Sink {
  private readonly custom = new Map<number, string>();
  private readonly xfIds: number[] = [];
  private section = "";

  protected enter(el: XmlElement, depth: number): boolean {
    if (depth === 0) {
      if (el.local !== "styleSheet" || !isMain(el.ns)) throw this.refuse(`hoofdelement <${el.local}> is geen opmaakblad`);
      return true;
    }
    if (!isMain(el.ns)) return false;
    if (depth === 1) {
      this.section = el.local;
      return el.local === "numFmts" || el.local === "cellXfs";
    }
    if (depth === 2 && this.section === "numFmts" && el.local === "numFmt") {
      const id = Number(el.attrs.numFmtId);
      if (Number.isInteger(id) && el.attrs.formatCode !== undefined) this.custom.set(id, el.attrs.formatCode);
    } else if (depth === 2 && this.section === "cellXfs" && el.local === "xf") {
      this.xfIds.push(Number(el.attrs.numFmtId ?? 0));
    }
    return false;
  }

  formats(): (string | undefined)[] {
    return this.xfIds.map((id) => (id === 0 || !Number.isInteger(id) ? undefined : (this.custom.get(id) ?? BUILTIN_FORMATS[id])));
  }
}

// ------------------------------------------------------------------------------------------------ tables

export interface TableEntry {
  name: string;
  displayName: string;
  ref: string;
  headerRowCount: number;
  totalsRowCount: number;
  columns: string[];
}

export class TableSink extends Sink {
  table?: TableEntry;

  protected enter(el: XmlElement, depth: number): boolean {
    if (depth === 0) {
      if (el.local !== "table" || !isMain(el.ns)) throw this.refuse(`hoofdelement <${el.local}> is geen tabel`);
      const { name, displayName, ref } = el.attrs;
      if (!ref || !(name ?? displayName)) throw this.refuse("een tabel zonder naam of bereik");
      const count = (v: string | undefined, d: number) => (v === undefined ? d : Number(v));
      const headerRowCount = count(el.attrs.headerRowCount, 1);
      const totalsRowCount = count(el.attrs.totalsRowCount, 0);
      if (![0, 1].includes(headerRowCount) || !Number.isInteger(totalsRowCount) || totalsRowCount < 0) throw this.refuse("ongeldig aantal kop- of totaalrijen");
      this.table = { name: name ?? displayName!, displayName: displayName ?? name!, ref, headerRowCount, totalsRowCount, columns: [] };
      return true;
    }
    if (!isMain(el.ns)) return false;
    if (depth === 1) return el.local === "tableColumns";
    if (depth === 2 && el.local === "tableColumn") {
      if (el.attrs.name === undefined) throw this.refuse("een tabelkolom zonder naam");
      this.table!.columns.push(el.attrs.name);
    }
    return false;
  }
}
