/**
 * Small constructors for template cells, so each definition reads as a layout and every input cell of one kind gets
 * the same format and validation.
 */
import { columnIndex, columnLetter } from "../xlsx/a1";
import type { CellModel, CellScalar, DataValidationModel } from "../xlsx/model";
import { isoToSerial } from "../rules/dates";
import type { AardControle, CellRef, IndicatorStatus, InputKind, SisaIndicator, TemplateCell } from "./types";

export const FMT = {
  money: "€ #,##0.00",
  count: "#,##0",
  pct: "0%",
  date: "dd-mm-yyyy",
  year: "0",
  hours: "0.0",
} as const;

export const FILL = {
  input: "FFFFF2CC",
  calc: "FFE2EFDA",
  header: "FFD9E1F2",
  warn: "FFFCE4D6",
} as const;

/** Rows 1 and 2 of every sheet belong to the renderer: title and marker. Content starts at row 3. */
export const FIRST_CONTENT_ROW = 3;

export type { InputKind } from "./types";

/** Excel serial of an ISO date, for validation bounds and example values. */
export const serial = (iso: string): number => isoToSerial(iso);

const FIRST_DATE = serial("2009-01-01");
const LAST_DATE = serial("2099-12-31");

export function validationFor(kind: InputKind, years?: { from: number; to: number | null }): DataValidationModel | undefined {
  switch (kind) {
    case "janee":
      return { type: "list", values: ["Ja", "Nee"], error: "Kies Ja of Nee.", prompt: "Ja of Nee" };
    case "jaar": {
      const from = years?.from ?? 2009;
      const to = years?.to ?? 2099;
      return {
        type: "whole",
        min: from,
        max: to,
        error: `Vul een jaar in van ${from} tot en met ${to}.`,
        prompt: `Verantwoordingsjaar (${from}–${years?.to ?? ""})`,
      };
    }
    case "percentage":
      return { type: "decimal", min: 0, max: 1, error: "Vul een percentage in tussen 0% en 100% (60% = 0,6).", prompt: "Percentage, bijvoorbeeld 60%" };
    case "datum":
      return { type: "date", min: FIRST_DATE, max: LAST_DATE, error: "Vul een datum in (dd-mm-jjjj) vanaf 1-1-2009." };
    case "bedrag":
      return { type: "decimal", min: 0, max: 1e12, error: "Vul een bedrag in euro's in (0 of meer)." };
    case "aantal":
      return { type: "whole", min: 0, max: 1e9, error: "Vul een geheel aantal in (0 of meer)." };
    case "uren":
      return { type: "decimal", min: 0, max: 80, error: "Vul uren per week in, van 0 tot 80." };
    case "leeftijd":
      return { type: "whole", min: 15, max: 150, error: "Vul een leeftijd in (15 of ouder), of laat leeg voor volwassen." };
    case "route":
      return {
        type: "list",
        values: ["Loonwaarde", "Forfaitair"],
        error: "Kies Loonwaarde, of Forfaitair voor de 50%-route zonder loonwaardebepaling (ten hoogste de eerste 6 maanden).",
        prompt: "Leeg = Loonwaarde",
      };
    case "tekst":
      return undefined;
  }
}

const FORMAT_OF: Record<InputKind, string | undefined> = {
  bedrag: FMT.money,
  aantal: FMT.count,
  janee: undefined,
  jaar: FMT.year,
  percentage: FMT.pct,
  datum: FMT.date,
  tekst: "@",
  uren: FMT.hours,
  leeftijd: FMT.year,
  route: undefined,
};

export function title(address: string, text: string): CellModel {
  return { address, value: text, bold: true };
}

/** A label wraps by default: text that runs into the next cell is cut off there once that cell holds a value. */
export function label(address: string, text: string, opts: Partial<CellModel> = {}): CellModel {
  return { address, value: text, wrap: opts.wrap ?? true, ...opts };
}

/** An explanatory line across the sheet (merge it over the table's width in the sheet's `merges`). */
export function note(address: string, text: string): CellModel {
  return { address, value: text, italic: true, wrap: true };
}

export function header(address: string, text: string): TemplateCell {
  return { address, value: text, bold: true, fill: FILL.header, wrap: true, heading: true };
}

export function input(
  address: string,
  kind: InputKind,
  opts: { value?: CellScalar; note?: string; years?: { from: number; to: number | null }; label?: string } = {},
): TemplateCell {
  const cell: TemplateCell = { address, input: true, fill: FILL.input, kind };
  if (opts.label) cell.label = opts.label;
  const fmt = FORMAT_OF[kind];
  if (fmt) cell.numFmt = fmt;
  const v = validationFor(kind, opts.years);
  if (v) cell.validation = v;
  if (opts.value !== undefined) cell.value = opts.value;
  if (opts.note) cell.note = opts.note;
  return cell;
}

export function calc(address: string, formula: string, numFmt?: string, opts: Partial<CellModel> = {}): CellModel {
  const cell: CellModel = { address, formula, fill: FILL.calc, ...opts };
  if (numFmt) cell.numFmt = numFmt;
  return cell;
}

/** Column letters ↔ numbers, 1-based (A = 1) as template authors count columns. */
export function colNumber(col: string): number {
  return columnIndex(col) + 1;
}

export function colLetter(n: number): string {
  return columnLetter(n - 1);
}

export function splitAddress(address: string): { col: string; row: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address);
  if (!m) throw new Error(`Geen celadres: ${address}`);
  return { col: m[1].toUpperCase(), row: Number(m[2]) };
}

/** A cell reference from another sheet: `{{key}}!$B$6`. */
export function xref(ref: CellRef, absolute = true): string {
  const { col, row } = splitAddress(ref.address);
  return absolute ? `{{${ref.sheet}}}!$${col}$${row}` : `{{${ref.sheet}}}!${col}${row}`;
}

export interface IndicatorRow {
  code: string;
  description: string;
  aard: AardControle;
  unit: SisaIndicator["unit"];
  status?: IndicatorStatus;
  source: string;
  fromYear?: number;
  toYear?: number;
  /** A formula for the value (else an input cell). */
  formula?: string;
}

/**
 * The indicator table of a SiSa annex: one row per indicator with code, description, aard controle, value,
 * "van toepassing" for the year, status and source. Returns the cells and the indicators with their value cells.
 */
export function indicatorTable(
  sheet: string,
  firstRow: number,
  yearAddress: string,
  rows: IndicatorRow[],
  years: { from: number; to: number | null },
): { cells: CellModel[]; indicators: SisaIndicator[]; lastRow: number } {
  const cells: CellModel[] = [
    header(`A${firstRow}`, "Indicator"),
    header(`B${firstRow}`, "Omschrijving"),
    header(`C${firstRow}`, "Aard controle"),
    header(`D${firstRow}`, "Waarde"),
    header(`E${firstRow}`, "Van toepassing"),
    header(`F${firstRow}`, "Status code en omschrijving"),
    header(`G${firstRow}`, "Bron"),
  ];
  const indicators: SisaIndicator[] = [];
  const y = yearAddress.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
  rows.forEach((r, i) => {
    const row = firstRow + 1 + i;
    const status = r.status ?? "te verifiëren";
    cells.push(label(`A${row}`, r.code, { bold: true }));
    cells.push(label(`B${row}`, r.description, { wrap: true }));
    cells.push(label(`C${row}`, `Aard controle ${r.aard}`, { wrap: true }));
    const valueAddress = `D${row}`;
    const kind = r.unit === "bedrag" ? "bedrag" : r.unit === "aantal" ? "aantal" : r.unit === "janee" ? "janee" : "tekst";
    cells.push(r.formula ? calc(valueAddress, r.formula, FORMAT_OF[kind]) : input(valueAddress, kind, { years }));
    const conds = [r.fromYear !== undefined ? `${y}>=${r.fromYear}` : undefined, r.toYear !== undefined ? `${y}<=${r.toYear}` : undefined].filter(
      (c): c is string => c !== undefined,
    );
    cells.push(
      conds.length === 0
        ? label(`E${row}`, "Ja")
        : calc(`E${row}`, `IF(${conds.length === 1 ? conds[0] : `AND(${conds.join(",")})`},"Ja","n.v.t.")`, undefined, { fill: undefined }),
    );
    cells.push(label(`F${row}`, status, status === "te verifiëren" ? { fill: FILL.warn } : {}));
    cells.push(label(`G${row}`, r.source, { wrap: true }));
    indicators.push({
      code: r.code,
      description: r.description,
      aardControle: r.aard,
      unit: r.unit,
      status,
      source: r.source,
      ...(r.fromYear !== undefined ? { fromYear: r.fromYear } : {}),
      ...(r.toYear !== undefined ? { toYear: r.toYear } : {}),
      ref: { sheet, address: valueAddress },
    });
  });
  return { cells, indicators, lastRow: firstRow + rows.length };
}

/**
 * Rows 4–8 of every SiSa annex: who reports (gemeente, gemeentecode), for which year, the CBS deadline from the
 * parameters (PB.DEADLINE) and the planned delivery date the deadline check compares with. Cells B4:B8.
 */
export function sisaIdentity(years: { from: number; to: number | null }): CellModel[] {
  const l = (address: string, text: string) => label(address, text, { bold: true, wrap: true });
  return [
    l("A4", "Gemeente"),
    input("B4", "tekst"),
    l("A5", "Gemeentecode"),
    input("B5", "tekst"),
    l("A6", "Verantwoordingsjaar (T)"),
    input("B6", "jaar", { years }),
    l("A7", "Uiterste datum SiSa bij CBS"),
    calc("B7", 'PB.DEADLINE($B$6,"sisa")', FMT.date),
    l("A8", "Geplande datum aanlevering bij CBS"),
    input("B8", "datum"),
  ];
}

/** Column widths of a SiSa annex (code, omschrijving, aard controle, waarde, van toepassing, status, bron): fits A4 landscape at ~85%. */
export const ANNEX_WIDTHS: Record<string, number> = { A: 24, B: 40, C: 18, D: 16, E: 12, F: 14, G: 44 };

/** The regeling header of a SiSa annex (Verstrekker … Ontvanger), labels in one row and values below. */
export function regelingHeader(
  row: number,
  values: { verstrekker: string; uitkeringscode: string; specifiekeUitkering: string; juridischeGrondslag: string; ontvanger: string },
): CellModel[] {
  const labels = ["Verstrekker", "Uitkeringscode", "Specifieke uitkering", "Juridische grondslag", "Ontvanger"];
  const vals = [values.verstrekker, values.uitkeringscode, values.specifiekeUitkering, values.juridischeGrondslag, values.ontvanger];
  const cols = ["A", "B", "C", "D", "E"];
  const out: CellModel[] = labels.map((l, i) => header(`${cols[i]}${row}`, l));
  vals.forEach((v, i) => {
    // A value starting with "=" is a formula (e.g. the name with the year appended).
    out.push(v.startsWith("=") ? calc(`${cols[i]}${row + 1}`, v.slice(1), undefined, { wrap: true, fill: undefined }) : label(`${cols[i]}${row + 1}`, v, { wrap: true }));
  });
  return out;
}
