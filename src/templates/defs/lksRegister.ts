/**
 * LKS register: one row per period of loonkostensubsidie of an employee (no BSN: an own reference number), twelve
 * monthly amounts and a year total that is the norm for the G2 indicator for loonkostensubsidie.
 * Used on its own (template LKS-REGISTER) and as a sheet of the SiSa Participatiewet template.
 *
 * The law (Participatiewet art. 10d, text from 1-2-2017): the LKS is a decision. It is determined when the employment
 * starts (lid 4, with the loonwaarde; or lid 5, without loonwaardebepaling: 50% for at most the first six months) and
 * re-set with effect from 1 January (lid 7); a new loonwaarde (lid 6) or other hours make a new determination. So a row
 * is one determination: its begindatum is the start of the employment or the date of the new determination, and the
 * months pass that date to PB.LKSPERIODE as `ingangsdatum`, which applies the re-sets after it. A change of loonwaarde
 * or hours mid-year: end the row the day before, and continue on a new row with the same reference.
 *
 * Layout 1.0.0 (no route column, the months re-priced on their own first day) is kept so that workbooks made with it
 * can still be checked; the checks say it must be replaced.
 */
import type { CellModel } from "../../xlsx/model";
import { FMT, FILL, calc, colLetter, colNumber, header, input, label, note, serial } from "../build";
import type { CellRef, CheckDef, ExampleValue, ListDef, RowSpan, TemplateSheet } from "../types";

export type RegisterLayout = "1.0.0" | "1.1.0";

export const REGISTER_ROWS = 100;
export const REGISTER_FIRST_ROW = 7;
export const REGISTER_LAST_ROW = REGISTER_FIRST_ROW + REGISTER_ROWS - 1;
export const REGISTER_TOTAL_ROW = REGISTER_LAST_ROW + 1;

const MONTHS = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"];

/** Where each field of a row sits, per layout. */
export interface RegisterColumns {
  start: string;
  end: string;
  /** Route (Loonwaarde / Forfaitair); absent in layout 1.0.0. */
  route?: string;
  loonwaarde: string;
  hours: string;
  age: string;
  fulltime: string;
  months: string[];
  total: string;
}

export function registerColumns(layout: RegisterLayout): RegisterColumns {
  const first = layout === "1.0.0" ? 9 : 10;
  return {
    start: "C",
    end: "D",
    ...(layout === "1.0.0" ? {} : { route: "E" }),
    loonwaarde: layout === "1.0.0" ? "E" : "F",
    hours: layout === "1.0.0" ? "F" : "G",
    age: layout === "1.0.0" ? "G" : "H",
    fulltime: layout === "1.0.0" ? "H" : "I",
    months: Array.from({ length: 12 }, (_, i) => colLetter(first + i)),
    total: colLetter(first + 12),
  };
}

/** The route value that selects art. 10d lid 5 (no loonwaardebepaling). */
export const FORFAITAIR = "Forfaitair";

export interface RegisterRefs {
  year: CellRef;
  /** The year total of all employees (the norm for G2). */
  total: CellRef;
  rows: RowSpan;
  /** The rows as a list: keyed by an own reference (never a BSN); one employee may have consecutive rows. */
  list: ListDef;
  columns: RegisterColumns;
}

/**
 * One month of one row. Outside the period the month is 0 without calling PB (an empty row must not be an error);
 * inside, the part of the month within begin–end, pro rata by calendar days. The month's first and last day sit in
 * rows 4 and 5.
 *  - Loonwaarde route: PB.LKSPERIODE with the begindatum as ingangsdatum, so the amount is the one determined then
 *    and re-set on 1 January, not re-priced when the minimum wage rises on 1 July.
 *  - Forfaitair route (lid 5): PB.LKSFORFAITAIR as determined on the begindatum, or on 1 January of the year when the
 *    row began before it (lid 7 re-sets the lid 5 amount too), for at most lks.forfaitair.maanden months from the
 *    begindatum; rounded to cents per month, as PB.LKSPERIODE rounds each month's call.
 */
function monthFormula(row: number, col: string, c: RegisterColumns, layout: RegisterLayout): string {
  const first = `${col}$4`;
  const last = `${col}$5`;
  const r = row;
  const [s, e] = [`$${c.start}${r}`, `$${c.end}${r}`];
  const outside = `OR($A${r}="",${s}="",${s}>${last},AND(${e}<>"",${e}<${first}))`;
  const until = `IF(${e}="",${last},MIN(${e},${last}))`;
  const rest = `$${c.hours}${r},$${c.age}${r},$${c.fulltime}${r}`;
  if (layout === "1.0.0") return `IF(${outside},0,PB.LKSPERIODE(MAX(${s},${first}),${until},$${c.loonwaarde}${r},${rest}))`;
  const period = `PB.LKSPERIODE(MAX(${s},${first}),${until},$${c.loonwaarde}${r},${rest},${s})`;
  const lastFlat = `EDATE(${s},PB.PARAM("lks.forfaitair.maanden",${s}))-1`;
  const days = `MAX(0,MIN(${until},${lastFlat})-MAX(${s},${first})+1)`;
  const flat = `ROUND(PB.LKSFORFAITAIR(MAX(${s},DATE($B$4,1,1)),${rest})*${days}/DAY(${last}),2)`;
  return `IF(${outside},0,IF($${c.route}${r}="${FORFAITAIR}",${flat},${period}))`;
}

/**
 * The register sheet. `yearFormula` links the year to another sheet (SiSa annex); without it the year is an input.
 */
export function registerSheet(key: string, name: string, yearFormula?: string, layout: RegisterLayout = "1.1.0"): { sheet: TemplateSheet; refs: RegisterRefs } {
  const years = { from: 2015, to: null };
  const c = registerColumns(layout);
  const beforeMonths = colLetter(colNumber(c.months[0]) - 1);
  const cells: CellModel[] = [
    note(
      "A3",
      "Eén regel per vaststelling van loonkostensubsidie (Participatiewet art. 10d), met een eigen referentie per werknemer (geen BSN). " +
        "Nieuwe loonwaarde of andere uren: beëindig de regel op de dag ervoor en ga verder op een nieuwe regel met dezelfde referentie. " +
        "Route Forfaitair: 50% zonder loonwaardebepaling, ten hoogste de eerste 6 maanden (lid 5).",
    ),
    label("A4", "Jaar (T)", { bold: true }),
    yearFormula ? calc("B4", yearFormula, FMT.year) : input("B4", "jaar", { years }),
    note(
      "A5",
      "Maandbedragen: het bedrag dat op de begindatum is vastgesteld, per 1 januari opnieuw vastgesteld (lid 7); een gedeeltelijke maand naar rato van kalenderdagen.",
    ),
    label(`${beforeMonths}4`, "Eerste dag", { italic: true }),
    label(`${beforeMonths}5`, "Laatste dag", { italic: true }),
  ];
  c.months.forEach((col, m) => {
    cells.push(calc(`${col}4`, `DATE($B$4,${m + 1},1)`, FMT.date, { fill: undefined }), calc(`${col}5`, `EOMONTH(${col}4,0)`, FMT.date, { fill: undefined }));
  });
  const heads: [string, string][] = [
    ["A", "Referentie (geen BSN)"],
    ["B", "Werkgever"],
    [c.start, layout === "1.0.0" ? "Begindatum" : "Begindatum (start of nieuwe vaststelling)"],
    [c.end, "Einddatum (leeg = loopt door)"],
    ...(c.route ? [[c.route, "Route (leeg = loonwaarde)"] as [string, string]] : []),
    [c.loonwaarde, "Loonwaarde (% WML)"],
    [c.hours, "Uren per week"],
    [c.age, "Leeftijd (leeg = volwassen)"],
    [c.fulltime, "Voltijduren functie (leeg = standaard)"],
    ...c.months.map((m, i): [string, string] => [m, MONTHS[i]]),
    [c.total, "Totaal jaar T"],
  ];
  for (const [col, h] of heads) cells.push(header(`${col}6`, h));
  for (let r = REGISTER_FIRST_ROW; r <= REGISTER_LAST_ROW; r++) {
    cells.push(
      input(`A${r}`, "tekst"),
      input(`B${r}`, "tekst"),
      input(`${c.start}${r}`, "datum"),
      input(`${c.end}${r}`, "datum"),
      ...(c.route ? [input(`${c.route}${r}`, "route")] : []),
      input(`${c.loonwaarde}${r}`, "percentage"),
      input(`${c.hours}${r}`, "uren"),
      input(`${c.age}${r}`, "leeftijd"),
      input(`${c.fulltime}${r}`, "uren"),
    );
    c.months.forEach((col) => cells.push(calc(`${col}${r}`, monthFormula(r, col, c, layout), FMT.money)));
    cells.push(calc(`${c.total}${r}`, `SUM(${c.months[0]}${r}:${c.months[11]}${r})`, FMT.money));
  }
  const t = REGISTER_TOTAL_ROW;
  cells.push(label(`A${t}`, "Totaal", { bold: true }));
  [...c.months, c.total].forEach((col) =>
    cells.push(calc(`${col}${t}`, `SUM(${col}${REGISTER_FIRST_ROW}:${col}${REGISTER_LAST_ROW})`, FMT.money, { bold: true, fill: FILL.header })),
  );
  const widths: Record<string, number> = { A: 12, B: 18, [c.start]: 11, [c.end]: 12, [c.loonwaarde]: 10, [c.hours]: 8, [c.age]: 10, [c.fulltime]: 11, [c.total]: 12 };
  if (c.route) widths[c.route] = 11;
  c.months.forEach((m) => (widths[m] = 10.5));
  const rows: RowSpan = { sheet: key, first: REGISTER_FIRST_ROW, last: REGISTER_LAST_ROW, key: "A" };
  return {
    sheet: {
      key,
      name,
      title: "LKS-register: loonkostensubsidie per werknemer",
      cells,
      columnWidths: widths,
      freeze: "C7",
      merges: [`A3:${c.total}3`, `A5:${colLetter(colNumber(beforeMonths) - 1)}5`],
      landscape: true,
      printTitleRows: "1:6",
    },
    refs: {
      year: { sheet: key, address: "B4" },
      total: { sheet: key, address: `${c.total}${t}` },
      rows,
      list: {
        rows,
        columns: ["B", c.start, c.end, ...(c.route ? [c.route] : []), c.loonwaarde, c.hours, c.age, c.fulltime],
        what: "werknemer",
        keyLabel: "referentie",
        noBsn: true,
        ...(layout === "1.0.0" ? {} : { periods: { start: c.start, end: c.end } }),
      },
      columns: c,
    },
  };
}

/** The register's own checks (used by both templates that contain it). */
export function registerChecks(key: string, refs: RegisterRefs): CheckDef[] {
  const c = refs.columns;
  return [
    {
      id: "register.rij.volledig",
      kind: "requiredInRows",
      title: "Registerregels volledig",
      why: "Zonder begindatum, loonwaarde en uren is de loonkostensubsidie niet te berekenen (Pwet art. 10d lid 4; zonder loonwaarde alleen de forfaitaire route van lid 5).",
      rows: refs.rows,
      columns: [
        { column: c.start, label: "begindatum" },
        { column: c.loonwaarde, label: "loonwaarde", ...(c.route ? { unless: { column: c.route, equals: FORFAITAIR } } : {}) },
        { column: c.hours, label: "uren per week" },
      ],
    },
    {
      id: "register.datums",
      kind: "dateOrder",
      title: "Einddatum niet vóór begindatum",
      why: "Een dienstverband eindigt niet voordat het begint.",
      rows: refs.rows,
      start: c.start,
      end: c.end,
    },
    ...(c.route
      ? [
          {
            id: "register.forfaitair",
            kind: "maxMonths",
            title: "Forfaitaire route ten hoogste 6 maanden",
            why: "Zonder loonwaardebepaling is de loonkostensubsidie 50% gedurende ten hoogste de eerste zes maanden van de dienstbetrekking; daarna stelt het college de loonwaarde vast (Pwet art. 10d lid 5).",
            rows: refs.rows,
            when: { column: c.route, equals: FORFAITAIR },
            start: c.start,
            end: c.end,
            param: "lks.forfaitair.maanden",
            empty: { column: c.loonwaarde, label: "loonwaarde" },
          } satisfies CheckDef,
        ]
      : []),
    {
      id: "register.fouten",
      kind: "noErrors",
      title: "Geen foutwaarden in het register",
      why: "Een foutwaarde betekent dat een PB-functie de invoer van die regel weigert; de melding in de cel zegt waarom.",
      sheet: key,
      range: `${c.months[0]}${REGISTER_FIRST_ROW}:${c.total}${REGISTER_TOTAL_ROW}`,
    },
    {
      id: "register.totaal",
      kind: "equal",
      title: "Registertotaal sluit aan",
      why: "Het jaartotaal moet gelijk zijn aan de som van de maandtotalen; een overschreven totaalcel valt hier op.",
      left: { ...refs.total, label: "totaal jaar T" },
      right: { sheet: key, sum: `${c.months[0]}${REGISTER_TOTAL_ROW}:${c.months[11]}${REGISTER_TOTAL_ROW}`, label: "som van de maandtotalen" },
    },
  ];
}

/**
 * Worked example for the register (year 2023), worked out in tests/templates/example.test.ts:
 *  1. "W-001": from 1-1-2023, loonwaarde 40%, 38 h of 38, adult (determined on 1-1, kept all year).
 *  2. "W-002": 1-7-2023 to 31-12-2023, loonwaarde 60%, 36 h of 38, adult.
 *  3. "W-003": 16-3-2023 to 15-6-2023, loonwaarde 50%, 38 h, age 20.
 *  4. "W-004": from 1-9-2023 on the forfaitair route (no loonwaarde), 38 h; the six months run to 29-2-2024.
 *  5. "W-005": from 1-2-2021 with loonwaarde 55%, 32 h; a new loonwaarde of 45% from 1-10-2023 on a second row.
 * Layout 1.0.0 had only the first three.
 */
export function registerExample(key: string, withYear: boolean, layout: RegisterLayout = "1.1.0"): ExampleValue[] {
  const c = registerColumns(layout);
  const v = (address: string, value: string | number): ExampleValue => ({ sheet: key, address, value });
  const row = (r: number, ref: string, employer: string, start: string, end: string | undefined, lw: number | undefined, hours: number, age?: number, route?: string) => [
    v(`A${r}`, ref),
    v(`B${r}`, employer),
    v(`${c.start}${r}`, serial(start)),
    ...(end ? [v(`${c.end}${r}`, serial(end))] : []),
    ...(route && c.route ? [v(`${c.route}${r}`, route)] : []),
    ...(lw !== undefined ? [v(`${c.loonwaarde}${r}`, lw)] : []),
    v(`${c.hours}${r}`, hours),
    ...(age !== undefined ? [v(`${c.age}${r}`, age)] : []),
  ];
  return [
    ...(withYear ? [v("B4", 2023)] : []),
    ...row(7, "W-001", "Bakkerij De Korenschoof", "2023-01-01", undefined, 0.4, 38),
    ...row(8, "W-002", "Groenbedrijf Noord", "2023-07-01", "2023-12-31", 0.6, 36),
    ...row(9, "W-003", "Kringloop Oost", "2023-03-16", "2023-06-15", 0.5, 38, 20),
    ...(layout === "1.0.0"
      ? []
      : [
          ...row(10, "W-004", "Fietsenmakerij Centrum", "2023-09-01", "2024-02-29", undefined, 38, undefined, FORFAITAIR),
          ...row(11, "W-005", "Schoonmaakbedrijf West", "2021-02-01", "2023-09-30", 0.55, 32),
          ...row(12, "W-005", "Schoonmaakbedrijf West", "2023-10-01", undefined, 0.45, 32),
        ]),
  ];
}
