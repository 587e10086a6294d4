/**
 * Rendering a template definition into a WorkbookModel — pure, so the .xlsx writer and the Office.js renderer write
 * exactly the same thing and tests can look at it without a file.
 *
 * Inserting never overwrites: the sheets get names that are free in the target workbook ("SiSa WPB", then
 * "SiSa WPB (2)", …, the same suffix for all sheets of one insertion), and `{{key}}!A1` references in formulas
 * become references to the names actually given. Row 1 of every sheet holds the title and row 2 a marker that
 * names template, version, sheet key and insertion, so `pb check` and the task pane can find the template again.
 */
import type { CellModel, SheetModel, WorkbookModel } from "../xlsx/model";
import type { TemplateDef } from "./types";

export interface RenderOptions {
  /** Sheet names already in the workbook the template goes into (compared case-insensitively, as Excel does). */
  existingSheetNames?: readonly string[];
  /** Fill the worked example kept in the definition. */
  example?: boolean;
}

export interface SheetPlan {
  /** Insertion number: 1 for the plain names, n for the " (n)" suffix. */
  instance: number;
  /** Sheet key → sheet name given. */
  names: Record<string, string>;
}

const MAX_SHEET_NAME = 31;
const BAD_SHEET_CHARS = /[[\]:*?/\\]/;

export function isValidSheetName(name: string): boolean {
  return name.length > 0 && name.length <= MAX_SHEET_NAME && !BAD_SHEET_CHARS.test(name) && !name.startsWith("'") && !name.endsWith("'");
}

function suffixed(base: string, n: number): string {
  if (n === 1) return base;
  const suffix = ` (${n})`;
  return base.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
}

/** The first insertion number whose names are all free. */
export function planSheetNames(def: TemplateDef, existingSheetNames: readonly string[] = []): SheetPlan {
  const taken = new Set(existingSheetNames.map((n) => n.toLowerCase()));
  for (let n = 1; n < 1000; n++) {
    const names: Record<string, string> = {};
    let free = true;
    for (const s of def.sheets) {
      const name = suffixed(s.name, n);
      if (taken.has(name.toLowerCase())) {
        free = false;
        break;
      }
      names[s.key] = name;
    }
    if (free) return { instance: n, names };
  }
  throw new Error(`Geen vrije bladnaam gevonden voor sjabloon ${def.id}.`);
}

/** A sheet name as a formula reference: always quoted (safe for spaces and digits), quotes doubled. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** Replace `{{key}}` by the quoted sheet name given to that key. */
export function resolveFormula(formula: string, names: Record<string, string>): string {
  return formula.replace(/\{\{([A-Za-z0-9_-]+)\}\}/g, (_, key: string) => {
    const name = names[key];
    if (!name) throw new Error(`Formule verwijst naar onbekend blad "${key}": ${formula}`);
    return quoteSheet(name);
  });
}

export const MARKER_PREFIX = "PB Rekenkit · sjabloon ";

export function markerText(def: TemplateDef, key: string, instance: number): string {
  return `${MARKER_PREFIX}${def.id} · versie ${def.version} · blad ${key} · invoeging ${instance}`;
}

export interface Marker {
  id: string;
  version: string;
  key: string;
  instance: number;
}

const MARKER_RE = /sjabloon (\S+) · versie (\S+) · blad (\S+) · invoeging (\d+)/;

export function parseMarker(text: unknown): Marker | undefined {
  if (typeof text !== "string") return undefined;
  const m = MARKER_RE.exec(text);
  return m ? { id: m[1], version: m[2], key: m[3], instance: Number(m[4]) } : undefined;
}

/** The address of the marker cell on every rendered sheet. */
export const MARKER_ADDRESS = "A2";

export function renderTemplate(def: TemplateDef, options: RenderOptions = {}): WorkbookModel {
  const plan = planSheetNames(def, options.existingSheetNames);
  const examples = new Map<string, CellModel["value"]>();
  if (options.example) for (const e of def.example) examples.set(`${e.sheet}!${e.address}`, e.value);

  const sheets: SheetModel[] = def.sheets.map((s) => {
    const cells: CellModel[] = [
      { address: "A1", value: s.title, bold: true },
      { address: MARKER_ADDRESS, value: markerText(def, s.key, plan.instance), italic: true },
    ];
    for (const c of s.cells) {
      const out: CellModel = { ...c };
      if (c.formula !== undefined) out.formula = resolveFormula(c.formula, plan.names);
      const ex = examples.get(`${s.key}!${c.address}`);
      if (ex !== undefined) {
        out.value = ex;
        examples.delete(`${s.key}!${c.address}`);
      }
      cells.push(out);
    }
    const sheet: SheetModel = { name: plan.names[s.key], cells };
    if (s.columnWidths) sheet.columnWidths = { ...s.columnWidths };
    if (s.freeze) sheet.freeze = s.freeze;
    if (s.merges) sheet.merges = [...s.merges];
    return sheet;
  });
  if (examples.size > 0) throw new Error(`Voorbeeldwaarden voor cellen die het sjabloon ${def.id} niet heeft: ${[...examples.keys()].join(", ")}`);

  return {
    sheets,
    properties: { title: def.title, creator: "PB Rekenkit", description: `${def.id} versie ${def.version}` },
    fullCalcOnLoad: true,
  };
}
