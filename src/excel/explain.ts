/**
 * The receipt of one cell, without Office: every PB call in its formula (nested ones too, each on its own), recomputed
 * with the receipt core (src/functions/receipt.ts) from the cells it reads, and the outcome compared with what the cell
 * shows. The task pane's Uitleg view and PB.UITLEG both explain a cell through here; explainHost.ts does the reading.
 */
import type { ArgType, CellValue, RawArg } from "../functions/contract";
import { findPbCalls } from "../functions/formulaNames";
import { isErrorResult } from "../functions/invoke";
import { withReceipt, type Receipt } from "../functions/receipt";
import { EXCEL_ONLY, REGISTRY } from "../functions/registry";
import type { DateSystem } from "../rules/dates";
import { columnLetter } from "../xlsx/a1";
import { displayOf, parseArg, pbCallSites, type ArgExpr, type PbCallSite } from "./formulaArgs";
import { MAX_RANGE_CELLS, readRef, REPAIR_HINTS, sameValue, type WorkbookData } from "./recompute";

/** A block of cells as read: sheet and 0-based bounds (inclusive). */
export interface CellRange {
  sheet: string;
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

export interface ExplainedInput {
  /** The argument's name in the function's contract, e.g. "peildatum". */
  name: string;
  /** As written in the formula (invariant syntax); "" when left out. */
  text: string;
  /** What the rule received. */
  value: RawArg;
  type?: ArgType;
  /** The cells it was read from, e.g. "A2", or "'Invoer blad'!B1:B3" on another sheet. */
  cells?: string;
  /** The index (in calls) of the PB call whose result this is. */
  fromCall?: number;
}

export interface ExplainedCall {
  id: string;
  /** The call as written, e.g. "PB.LKS(A2,B2,C2)" (invariant syntax). */
  text: string;
  /** For a call inside another: the call (index in calls) and the argument it is (part of). */
  feeds?: { call: number; argument: string; whole: boolean };
  inputs: ExplainedInput[];
  /** The receipt: inputs, rule version, legal basis, every parameter use and the parameter set. */
  receipt?: Receipt;
  /** Why the call could not be recomputed (Dutch). */
  notComputed?: string;
}

export type ComparisonStatus = "gelijk" | "verschil" | "fout" | "deel" | "niet-geladen" | "bezig" | "onbekend";

export interface CellExplanation {
  sheet: string;
  address: string;
  /** "pb": a formula with PB calls; "geen-pb": anything else; "uitleg": a PB.UITLEG cell (an explanation itself). */
  kind: "pb" | "geen-pb" | "uitleg";
  /** The formula as stored (invariant, English names, ","), "" for a constant or an empty cell. */
  formula: string;
  /** The formula as the user sees it in this Excel (Range.formulasLocal), e.g. =PB.LKS(A2;B2;C2). */
  formulaLocal: string;
  workbookValue: CellValue;
  /** For "geen-pb" and "uitleg": what to tell the user instead (Dutch, plain). */
  message?: string;
  /** Outermost first, then the calls inside it, in the order they are written. */
  calls: ExplainedCall[];
  comparison?: { status: ComparisonStatus; text: string };
  dateSystem: DateSystem;
  /** When the selected cell only shows part of a spilled result: the cell whose formula it comes from. */
  spilledFrom?: string;
}

export interface CellToExplain {
  sheet: string;
  /** A1 address on the sheet, without $. */
  address: string;
  formula: string;
  formulaLocal?: string;
  value: CellValue;
  spilledFrom?: string;
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_\u00C0-\u02AF][A-Za-z0-9_.\u00C0-\u02AF]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** "A2", "B1:B3", or with the sheet when it is another one than `home`. */
export function rangeText(r: CellRange, home?: string): string {
  const a = `${columnLetter(r.c1)}${r.r1 + 1}`;
  const b = r.r1 === r.r2 && r.c1 === r.c2 ? "" : `:${columnLetter(r.c2)}${r.r2 + 1}`;
  return home !== undefined && r.sheet.toLowerCase() === home.toLowerCase() ? `${a}${b}` : `${quoteSheet(r.sheet)}!${a}${b}`;
}

function refsIn(text: string, home: string, out: CellRange[], dateSystem: DateSystem): void {
  for (const site of pbCallSites(text)) {
    for (const arg of site.args) {
      const e = parseArg(arg, dateSystem);
      if (e.kind === "ref") {
        const cells = (e.r2 - e.r1 + 1) * (e.c2 - e.c1 + 1);
        if (cells <= MAX_RANGE_CELLS) out.push({ sheet: e.sheet ?? home, r1: e.r1, c1: e.c1, r2: e.r2, c2: e.c2 });
      }
    }
  }
}

/** The cell ranges a formula's PB calls read (nested calls included), each once: what the host must read first. */
export function rangesToRead(formula: string, home: string, dateSystem: DateSystem = 1900): CellRange[] {
  const all: CellRange[] = [];
  refsIn(displayOf(formula), home, all, dateSystem);
  const seen = new Set<string>();
  return all.filter((r) => {
    const k = `${r.sheet.toLowerCase()}!${r.r1},${r.c1},${r.r2},${r.c2}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function errorOf(v: CellValue): string | undefined {
  return typeof v === "object" && v !== null && typeof v.error === "string" ? v.error : undefined;
}

const WORDS = {
  empty: "Deze cel is leeg. Selecteer een cel met een PB-formule, bijvoorbeeld een bedrag uit het LKS-register.",
  constant: "Deze cel bevat een vaste waarde, geen formule. Uitleg is er voor cellen met een PB-formule.",
  notPb: "Deze formule gebruikt geen PB-functie; PB Rekenkit heeft hier niets uit te leggen.",
};

type Evaluation = { receipt?: Receipt; inputs: ExplainedInput[]; why?: string };

/** Explain one cell whose referenced cells are in `data` (rangesToRead tells which). */
export function explainCell(cell: CellToExplain, data: WorkbookData, dateSystem: DateSystem = 1900): CellExplanation {
  const base = {
    sheet: cell.sheet,
    address: cell.address,
    formula: cell.formula,
    formulaLocal: cell.formulaLocal || cell.formula,
    workbookValue: cell.value,
    dateSystem,
    calls: [] as ExplainedCall[],
    ...(cell.spilledFrom ? { spilledFrom: cell.spilledFrom } : {}),
  };
  const isFormula = typeof cell.formula === "string" && cell.formula.startsWith("=");
  if (!isFormula) {
    const empty = cell.value === null || cell.value === undefined || cell.value === "";
    return { ...base, kind: "geen-pb", message: empty ? WORDS.empty : WORDS.constant };
  }
  const ids = findPbCalls(cell.formula);
  if (ids.length === 0) return { ...base, kind: "geen-pb", message: WORDS.notPb };
  if (ids.every((id) => EXCEL_ONLY.has(id))) {
    const site = pbCallSites(displayOf(cell.formula))[0];
    const target = site?.args[0] ? site.args[0].replace(/\$/g, "") : "de cel in de formule";
    return {
      ...base,
      kind: "uitleg",
      message: `Deze cel toont met PB.${ids[0]} de uitleg van ${target}. Selecteer ${target} om die uitleg hier te zien.`,
    };
  }

  const display = displayOf(cell.formula).trim();
  const sites = pbCallSites(display);
  const memo = new Map<string, Evaluation>();

  function evaluate(site: PbCallSite): Evaluation {
    const key = `${site.id}(${site.args.join(",")})`;
    const known = memo.get(key);
    if (known) return known;
    const r = evaluateUncached(site);
    memo.set(key, r);
    return r;
  }

  function evaluateUncached(site: PbCallSite): Evaluation {
    if (EXCEL_ONLY.has(site.id)) return { inputs: [], why: `PB.${site.id} toont een uitleg en rekent zelf geen bedrag uit.` };
    const spec = REGISTRY.get(site.id);
    if (!spec) return { inputs: [], why: `PB.${site.id} is geen functie van PB Rekenkit. Controleer de naam; alle functies staan in het onderdeel Functies.` };
    const inputs: ExplainedInput[] = [];
    const raw: RawArg[] = [];
    let why: string | undefined;
    site.args.forEach((text, i) => {
      const a = spec.args[i];
      const name = a?.name ?? `argument ${i + 1}`;
      const e: ArgExpr = parseArg(text, dateSystem);
      const input: ExplainedInput = { name, text, value: undefined, ...(a ? { type: a.type } : {}) };
      switch (e.kind) {
        case "number":
        case "string":
        case "boolean":
          input.value = e.value;
          break;
        case "empty":
          break;
        case "ref": {
          const range = { sheet: e.sheet ?? cell.sheet, r1: e.r1, c1: e.c1, r2: e.r2, c2: e.c2 };
          input.cells = rangeText(range, cell.sheet);
          const v = readRef(e, cell.sheet, data);
          if (v.ok) input.value = v.value;
          else why ??= `${name}: ${v.why}`;
          break;
        }
        case "call": {
          const inner = evaluate(e.site);
          const index = sites.findIndex((s) => s.id === e.site.id && s.args.join(",") === e.site.args.join(","));
          if (index >= 0) input.fromCall = index;
          if (inner.receipt) {
            const r = inner.receipt.result;
            input.value = isErrorResult(r) ? { error: r.error, message: r.message } : (r as RawArg);
          } else why ??= `${name} komt uit PB.${e.site.id}, die niet na te rekenen is`;
          break;
        }
        case "unsupported":
          why ??= `${name} is ${e.why} (${e.text}); alleen getallen, teksten, celverwijzingen, DATUM() en PB-functies worden nagerekend`;
          break;
      }
      inputs.push(input);
      raw.push(input.value);
    });
    if (why) return { inputs, why: `Niet na te rekenen: ${why}.` };
    return { inputs, receipt: withReceipt(site.id, raw, { dateSystem }) };
  }

  const calls: ExplainedCall[] = sites.map((site, i) => {
    const text = display.slice(site.start, site.end);
    const r = evaluate(site);
    let feeds: ExplainedCall["feeds"];
    for (let p = i - 1; p >= 0; p--) {
      const parent = sites[p];
      if (parent.start < site.start && parent.end >= site.end) {
        const argIndex = parent.args.findIndex((a) => a.includes(text));
        const argName = REGISTRY.get(parent.id)?.args[argIndex]?.name ?? `argument ${argIndex + 1}`;
        feeds = { call: p, argument: argName, whole: parent.args[argIndex]?.trim() === text };
        break;
      }
    }
    return {
      id: site.id,
      text,
      ...(feeds ? { feeds } : {}),
      inputs: r.inputs,
      ...(r.receipt ? { receipt: r.receipt } : {}),
      ...(r.why ? { notComputed: r.why } : {}),
    };
  });

  return { ...base, kind: "pb", calls, comparison: compare(cell.value, calls, sites[0] !== undefined && sites[0].start === 0 && sites[0].end === display.length) };
}

function shown(v: unknown): string {
  if (typeof v === "number") return v.toLocaleString("nl-NL", { maximumFractionDigits: 10 });
  if (typeof v === "boolean") return v ? "WAAR" : "ONWAAR";
  if (Array.isArray(v)) return `een bereik van ${v.length}×${(v[0] as unknown[] | undefined)?.length ?? 0}`;
  if (isErrorResult(v)) return `${v.error} (${v.message})`;
  if (v === null || v === undefined || v === "") return "(leeg)";
  return String(v);
}

function compare(value: CellValue, calls: ExplainedCall[], whole: boolean): CellExplanation["comparison"] {
  const shows = errorOf(value);
  const unknown = calls.find((c) => !REGISTRY.has(c.id) && !EXCEL_ONLY.has(c.id));
  if (shows === "#NAME?" && unknown) {
    return { status: "fout", text: `De cel toont #NAME?: PB.${unknown.id} bestaat niet. Controleer de naam; alle functies staan in het onderdeel Functies.` };
  }
  if (shows === "#NAME?") return { status: "niet-geladen", text: `${REPAIR_HINTS["niet-geladen"]} Hieronder staat hoe PB Rekenkit de formule uitrekent.` };
  if (shows === "#BUSY!" || shows === "#GETTING_DATA") return { status: "bezig", text: REPAIR_HINTS.bezig };
  const top = calls[0];
  if (!top?.receipt) return { status: "onbekend", text: top?.notComputed ?? "Deze formule is niet na te rekenen." };
  const result = top.receipt.result;
  if (!whole) {
    return {
      status: "deel",
      text: `De PB-aanroep is een deel van de formule: PB.${top.id} geeft ${shown(result)}, de cel toont ${shown(shows ?? value)} na de rest van de formule.`,
    };
  }
  if (shows) {
    return sameValue(value, result) && isErrorResult(result)
      ? { status: "fout", text: `De cel toont ${shows}: ${result.message}` }
      : { status: "fout", text: `De cel toont ${shows}; de rekenregels geven ${shown(result)}.` };
  }
  if (sameValue(value, result)) return { status: "gelijk", text: "Gelijk aan de waarde in de werkmap." };
  return {
    status: "verschil",
    text: `Wijkt af: de werkmap toont ${shown(value)}, de rekenregels van deze versie geven ${shown(result)}. Andere versie van PB Rekenkit, of met de hand overschreven?`,
  };
}
