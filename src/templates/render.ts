/**
 * Rendering a template definition into a WorkbookModel — pure, so the .xlsx writer and the Office.js renderer write
 * exactly the same thing and tests can look at it without a file.
 *
 * Inserting never overwrites: the sheets get names that are free in the target workbook ("SiSa WPB", then
 * "SiSa WPB (2)", …, the same suffix for all sheets of one insertion), and `{{key}}!A1` references in formulas
 * become references to the names actually given. Row 1 of every sheet holds the title and row 2 a marker that
 * names template, version, sheet key and insertion, so `pb check` and the task pane can find the template again.
 */
import { columnLetter, parseAddress, parseRange } from "../xlsx/a1";
import type { CellModel, SheetModel, WorkbookModel } from "../xlsx/model";
import type { TemplateDef, TemplateSheet } from "./types";

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

/** Excel's default column width (characters of "0" in Calibri 11) and row height (points). */
const DEFAULT_WIDTH = 8.43;
const LINE_POINTS = 15;

/** Lines a text needs in a column of `width` characters, wrapped at spaces the way Excel wraps. */
export function wrappedLines(text: string, width: number, bold = false): number {
  // Running text is narrower than the "0" a column width counts in, bold text a little wider; one character of padding.
  const capacity = Math.max(1, Math.floor(width * (bold ? 1.05 : 1.2)) - 1);
  let lines = 0;
  for (const paragraph of text.split("\n")) {
    let line = 0;
    lines++;
    for (const word of paragraph.split(/\s+/).filter((w) => w !== "")) {
      const need = line === 0 ? word.length : line + 1 + word.length;
      if (need <= capacity) line = need;
      else if (line === 0) {
        lines += Math.ceil(word.length / capacity) - 1;
        line = word.length % capacity || capacity;
      } else {
        lines++;
        line = Math.min(word.length, capacity);
        if (word.length > capacity) lines += Math.ceil(word.length / capacity) - 1;
      }
    }
  }
  return lines;
}

/** The text a cell will show, as far as the definition knows it: a label, or a text formula's literals ("…"&year). */
function shownText(c: CellModel): string {
  if (typeof c.value === "string") return c.value;
  if (c.formula === undefined) return "";
  const literals = [...c.formula.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => m[1].replace(/""/g, '"'));
  return c.formula.includes("&") ? `${literals.join("")}0000` : "";
}

/**
 * Heights for the rows that hold wrapped text: Excel fits row heights only while one types, not when it opens a file,
 * so a wrapped header or description would otherwise show (and print) one line and hide the rest.
 */
export function wrappedRowHeights(sheet: Pick<TemplateSheet, "cells" | "columnWidths" | "merges">): Record<number, number> {
  const width = (col: number) => sheet.columnWidths?.[columnLetter(col)] ?? DEFAULT_WIDTH;
  const spans = new Map<string, number>();
  for (const m of sheet.merges ?? []) {
    const r = parseRange(m);
    if (!r) continue;
    let w = 0;
    for (let c = r.left; c <= r.right; c++) w += width(c);
    spans.set(columnLetter(r.left) + (r.top + 1), w);
  }
  const heights: Record<number, number> = {};
  for (const c of sheet.cells) {
    const text = shownText(c);
    if (!c.wrap || text === "") continue;
    const at = parseAddress(c.address);
    if (!at) continue;
    const w = spans.get(c.address) ?? width(at[1]);
    const lines = wrappedLines(text, w, c.bold === true);
    if (lines > 1) heights[at[0] + 1] = Math.max(heights[at[0] + 1] ?? LINE_POINTS, lines * LINE_POINTS);
  }
  return heights;
}

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
      // What only the checks need (kind, heading, label) stays in the definition.
      const out: CellModel & { kind?: unknown; heading?: unknown; label?: unknown } = { ...c };
      delete out.kind;
      delete out.heading;
      delete out.label;
      if (c.formula !== undefined) out.formula = resolveFormula(c.formula, plan.names);
      const ex = examples.get(`${s.key}!${c.address}`);
      if (ex !== undefined) {
        out.value = ex;
        examples.delete(`${s.key}!${c.address}`);
      }
      cells.push(out);
    }
    const sheet: SheetModel = {
      name: plan.names[s.key],
      cells,
      protect: true,
      alignTop: true,
      print: { orientation: s.landscape ? "landscape" : "portrait", titleRows: s.printTitleRows ?? "1:2" },
    };
    const heights = wrappedRowHeights(s);
    if (Object.keys(heights).length > 0) sheet.rowHeights = heights;
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
