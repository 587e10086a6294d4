/**
 * LKS register: one row per employee with loonkostensubsidie (no BSN: an own reference number), twelve monthly
 * amounts by PB.LKSPERIODE and a year total that feeds the G2 indicator for loonkostensubsidie.
 * Used on its own (template LKS-REGISTER) and as a sheet of the SiSa Participatiewet template.
 */
import type { CellModel } from "../../xlsx/model";
import { FMT, FILL, calc, colLetter, header, input, label, note, serial } from "../build";
import type { CellRef, CheckDef, ExampleValue, ListDef, RowSpan, TemplateSheet } from "../types";

export const REGISTER_ROWS = 100;
export const REGISTER_FIRST_ROW = 7;
export const REGISTER_LAST_ROW = REGISTER_FIRST_ROW + REGISTER_ROWS - 1;
export const REGISTER_TOTAL_ROW = REGISTER_LAST_ROW + 1;
/** Month columns I..T, year total U. */
export const MONTH_COLUMNS = Array.from({ length: 12 }, (_, i) => colLetter(9 + i));
export const TOTAL_COLUMN = "U";

const MONTHS = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"];

export interface RegisterRefs {
  year: CellRef;
  /** The year total of all employees (feeds G2). */
  total: CellRef;
  rows: RowSpan;
  /** The rows as a list: one employee per row, keyed by an own reference (never a BSN). */
  list: ListDef;
}

/**
 * One month of one row. Outside the employment the month is 0 without calling PB (an empty row must not be an
 * error); inside, PB.LKSPERIODE over the part of the month that falls within begin–end, so a partial month is pro
 * rata by calendar days exactly as the function documents. The month's first and last day sit in rows 4 and 5.
 */
function monthFormula(row: number, col: string): string {
  const first = `${col}$4`;
  const last = `${col}$5`;
  const r = row;
  return (
    `IF(OR($A${r}="",$C${r}="",$C${r}>${last},AND($D${r}<>"",$D${r}<${first})),0,` +
    `PB.LKSPERIODE(MAX($C${r},${first}),IF($D${r}="",${last},MIN($D${r},${last})),$E${r},$F${r},$G${r},$H${r}))`
  );
}

/**
 * The register sheet. `yearFormula` links the year to another sheet (SiSa annex); without it the year is an input.
 */
export function registerSheet(key: string, name: string, yearFormula?: string): { sheet: TemplateSheet; refs: RegisterRefs } {
  const years = { from: 2015, to: null };
  const cells: CellModel[] = [
    note("A3", "Eén regel per werknemer met loonkostensubsidie (Participatiewet art. 10d). Geen BSN: gebruik een eigen referentienummer."),
    label("A4", "Jaar (T)", { bold: true }),
    yearFormula ? calc("B4", yearFormula, FMT.year) : input("B4", "jaar", { years }),
    note("A5", "Maandbedragen met PB.LKSPERIODE; een gedeeltelijke maand naar rato van kalenderdagen."),
    label("H4", "Eerste dag", { italic: true }),
    label("H5", "Laatste dag", { italic: true }),
  ];
  MONTH_COLUMNS.forEach((col, m) => {
    cells.push(calc(`${col}4`, `DATE($B$4,${m + 1},1)`, FMT.date, { fill: undefined }), calc(`${col}5`, `EOMONTH(${col}4,0)`, FMT.date, { fill: undefined }));
  });
  const heads = [
    "Referentie (geen BSN)",
    "Werkgever",
    "Begindatum",
    "Einddatum (leeg = loopt door)",
    "Loonwaarde (% WML)",
    "Uren per week",
    "Leeftijd (leeg = volwassen)",
    "Voltijduren functie (leeg = standaard)",
    ...MONTHS,
    "Totaal jaar T",
  ];
  heads.forEach((h, i) => cells.push(header(`${colLetter(i + 1)}6`, h)));
  for (let r = REGISTER_FIRST_ROW; r <= REGISTER_LAST_ROW; r++) {
    cells.push(
      input(`A${r}`, "tekst"),
      input(`B${r}`, "tekst"),
      input(`C${r}`, "datum"),
      input(`D${r}`, "datum"),
      input(`E${r}`, "percentage"),
      input(`F${r}`, "uren"),
      input(`G${r}`, "leeftijd"),
      input(`H${r}`, "uren"),
    );
    MONTH_COLUMNS.forEach((col) => cells.push(calc(`${col}${r}`, monthFormula(r, col), FMT.money)));
    cells.push(calc(`${TOTAL_COLUMN}${r}`, `SUM(I${r}:T${r})`, FMT.money));
  }
  const t = REGISTER_TOTAL_ROW;
  cells.push(label(`A${t}`, "Totaal", { bold: true }));
  [...MONTH_COLUMNS, TOTAL_COLUMN].forEach((col) =>
    cells.push(calc(`${col}${t}`, `SUM(${col}${REGISTER_FIRST_ROW}:${col}${REGISTER_LAST_ROW})`, FMT.money, { bold: true, fill: FILL.header })),
  );
  const widths: Record<string, number> = { A: 12, B: 18, C: 11, D: 12, E: 10, F: 8, G: 10, H: 11, [TOTAL_COLUMN]: 12 };
  MONTH_COLUMNS.forEach((c) => (widths[c] = 10.5));
  return {
    sheet: {
      key,
      name,
      title: "LKS-register: loonkostensubsidie per werknemer",
      cells,
      columnWidths: widths,
      freeze: "C7",
      merges: ["A3:U3", "A5:G5"],
      landscape: true,
      printTitleRows: "1:6",
    },
    refs: {
      year: { sheet: key, address: "B4" },
      total: { sheet: key, address: `${TOTAL_COLUMN}${t}` },
      rows: { sheet: key, first: REGISTER_FIRST_ROW, last: REGISTER_LAST_ROW, key: "A" },
      list: {
        rows: { sheet: key, first: REGISTER_FIRST_ROW, last: REGISTER_LAST_ROW, key: "A" },
        columns: ["B", "C", "D", "E", "F", "G", "H"],
        what: "werknemer",
        keyLabel: "referentie",
        noBsn: true,
      },
    },
  };
}

/** The register's own checks (used by both templates that contain it). */
export function registerChecks(key: string, refs: RegisterRefs): CheckDef[] {
  return [
    {
      id: "register.rij.volledig",
      kind: "requiredInRows",
      title: "Registerregels volledig",
      why: "Zonder begindatum, loonwaarde en uren is de loonkostensubsidie niet te berekenen (Pwet art. 10d lid 4).",
      rows: refs.rows,
      columns: [
        { column: "C", label: "begindatum" },
        { column: "E", label: "loonwaarde" },
        { column: "F", label: "uren per week" },
      ],
    },
    {
      id: "register.datums",
      kind: "dateOrder",
      title: "Einddatum niet vóór begindatum",
      why: "Een dienstverband eindigt niet voordat het begint.",
      rows: refs.rows,
      start: "C",
      end: "D",
    },
    {
      id: "register.fouten",
      kind: "noErrors",
      title: "Geen foutwaarden in het register",
      why: "Een foutwaarde betekent dat PB.LKSPERIODE de invoer van die regel weigert; de melding in de cel zegt waarom.",
      sheet: key,
      range: `I${REGISTER_FIRST_ROW}:${TOTAL_COLUMN}${REGISTER_TOTAL_ROW}`,
    },
    {
      id: "register.totaal",
      kind: "equal",
      title: "Registertotaal sluit aan",
      why: "Het jaartotaal moet gelijk zijn aan de som van de maandtotalen; een overschreven totaalcel valt hier op.",
      left: { ...refs.total, label: "totaal jaar T" },
      right: { sheet: key, sum: `I${REGISTER_TOTAL_ROW}:T${REGISTER_TOTAL_ROW}`, label: "som van de maandtotalen" },
    },
  ];
}

/**
 * Worked example for the register (year 2023): three employees.
 *  1. "W-001": all year, loonwaarde 40%, 38 h of 38, adult.
 *  2. "W-002": 1-7-2023 to 31-12-2023, loonwaarde 60%, 36 h of 38, adult.
 *  3. "W-003": 16-3-2023 to 15-6-2023, loonwaarde 50%, 38 h, age 20.
 * Expected figures are in tests/templates (arithmetic written out there).
 */
export function registerExample(key: string, withYear: boolean): ExampleValue[] {
  const v = (address: string, value: string | number): ExampleValue => ({ sheet: key, address, value });
  return [
    ...(withYear ? [v("B4", 2023)] : []),
    v("A7", "W-001"),
    v("B7", "Bakkerij De Korenschoof"),
    v("C7", serial("2023-01-01")),
    v("E7", 0.4),
    v("F7", 38),
    v("A8", "W-002"),
    v("B8", "Groenbedrijf Noord"),
    v("C8", serial("2023-07-01")),
    v("D8", serial("2023-12-31")),
    v("E8", 0.6),
    v("F8", 36),
    v("A9", "W-003"),
    v("B9", "Kringloop Oost"),
    v("C9", serial("2023-03-16")),
    v("D9", serial("2023-06-15")),
    v("E9", 0.5),
    v("F9", 38),
    v("G9", 20),
  ];
}
