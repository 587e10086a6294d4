/**
 * The one evaluator of template checks. It reads cells through an abstract view (value, and where known formula and
 * extent of each sheet), so `pb check` (a saved workbook, recomputed by the engine) and the task pane (the live
 * workbook) run the same code. Pure: no Office.js, no files. Limits (25%, deadlines) come from the parameter tables,
 * not from the sheet, so a formula the user overwrote cannot hide a breach.
 *
 * One message per bad input cell. First every input cell is read the way its kind demands (text where a number or a
 * date belongs, out of range, a negative amount, not Ja/Nee), every list for the mistakes of a list, every calculated
 * cell for a formula typed over; then the template's own checks run. A failure that follows from a bad cell — it
 * reads that cell, or a formula computed from it — is folded under that cell's message ("en 12 controles die hiervan
 * afhangen") instead of standing as a message of its own. An error that no input problem explains is traced back to
 * the PB call that refused its input and the input cell the call's message names.
 */
import { param } from "../parameters";
import type { Deadline } from "../parameters/wpb";
import { addDays, addMonths, isoToSerial, serialToIso, ymdToIso } from "../rules/dates";
import { REGISTRY } from "../functions/registry";
import { pbCallSites } from "../excel/formulaArgs";
import { colLetter, colNumber, splitAddress } from "./build";
import { TEMPLATES } from "./index";
import { MARKER_ADDRESS, MARKER_PREFIX, markerText, parseMarker } from "./render";
import { canonicalFormula, cellKey, dutchFormula, formulaGraph, formulaRefs, type CellKey } from "./formulaGraph";
import { dateFromText, dutchDate, dutchNumber, numberFromText } from "./reading";
import type { CellRef, CheckDef, ListDef, RowSpan, TemplateCell, TemplateDef } from "./types";

/** Reads one cell's value: number, string, boolean, null/undefined (empty), Date, or an error `{error, message?}`. */
export type CellReader = (sheet: string, address: string) => unknown;

/** What a check can know about a workbook. Only `value` is required; the rest makes more checks possible. */
export interface WorkbookView {
  value: CellReader;
  /** The cell's formula in invariant syntax (with or without "="), or undefined for a constant or an empty cell. */
  formula?: (sheet: string, address: string) => string | undefined;
  /** The last used row of a sheet (1-based). Without it, lists are searched 500 rows below their last row. */
  lastRow?: (sheet: string) => number;
}

export interface CheckResult {
  id: string;
  title: string;
  ok: boolean;
  /** Set when the check did not apply (year outside its window, no year to look limits up with). */
  skipped?: boolean;
  /** Sheet name and cell of a failure. */
  sheet?: string;
  cell?: string;
  /** Dutch: what is wrong and what to type instead (or "In orde."). */
  message: string;
  /** Dutch: why the rule exists. */
  why: string;
  /** Failures that follow from this one (they read this cell, or a formula computed from it), folded under it. */
  dependents?: CheckResult[];
}

// ---------------------------------------------------------------------------------------------- values

interface ErrorLike {
  error: string;
  message?: string;
}

function isError(v: unknown): v is ErrorLike {
  return typeof v === "object" && v !== null && !(v instanceof Date) && typeof (v as ErrorLike).error === "string";
}

function isEmpty(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

const MS_PER_DAY = 86_400_000;

/** A number for the arithmetic checks; lenient with text, because the input checks report text on their own. */
function asNumber(v: unknown): number | undefined {
  if (typeof v === "number" && Number.isFinite(v)) return v;
  // ExcelJS hands date-formatted cells back as Date (UTC midnight).
  if (v instanceof Date) return v.getTime() / MS_PER_DAY + 25569;
  if (typeof v === "string") {
    const t = v.trim();
    if (/^[+-]?\d+([.,]\d+)?$/.test(t)) return Number(t.replace(",", "."));
    const iso = dateFromText(t);
    if (iso) return isoToSerial(iso);
  }
  return undefined;
}

function asText(v: unknown): string {
  if (isEmpty(v)) return "";
  if (typeof v === "boolean") return v ? "WAAR" : "ONWAAR";
  if (v instanceof Date) return dateText(asNumber(v) as number);
  return String(v).trim();
}

export function euro(x: number): string {
  const [i, d] = Math.abs(x).toFixed(2).split(".");
  return `${x < 0 ? "−" : ""}€ ${i.replace(/\B(?=(\d{3})+(?!\d))/g, ".")},${d}`;
}

function dateText(serial: number): string {
  const iso = serialToIso(Math.floor(serial));
  if (!iso) return String(serial);
  return `${Number(iso.slice(8, 10))}-${Number(iso.slice(5, 7))}-${iso.slice(0, 4)}`;
}

function pct(x: number): string {
  return `${String(Math.round(x * 10000) / 100).replace(".", ",")}%`;
}

/** "1 dag", "3 dagen": Dutch singular and plural. */
export function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "a", "a en b", "a, b en c" (or with "of"). */
function listText(items: string[], and = "en"): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} ${and} ${items[items.length - 1]}`;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
/** A message as a sentence: ends with a full stop, so what follows starts a new one. */
const sentence = (s: string) => (/[.!?…]$/.test(s.trimEnd()) ? s.trimEnd() : `${s.trimEnd()}.`);
/** "Loonwaarde (% WML)" → "loonwaarde (% WML)", but "WML-uren" and "G2/01" stay as they are. */
const lowerFirst = (s: string) => (/^[A-Z][a-z]/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s);

const CENT = 0.005;

function rangeCells(range: string): string[] {
  const [a, b] = range.split(":");
  const s = splitAddress(a);
  const e = splitAddress(b ?? a);
  const out: string[] = [];
  for (let r = s.row; r <= e.row; r++) {
    for (let c = colNumber(s.col); c <= colNumber(e.col); c++) out.push(`${colLetter(c)}${r}`);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------- the definition, indexed

interface DefIndex {
  cells: Map<CellKey, TemplateCell>;
  /** Per sheet key: column letter → headings in that column, top to bottom. */
  headings: Map<string, Map<string, { row: number; text: string }[]>>;
  /** Per sheet key: row → number of input and formula cells in it. */
  perRow: Map<string, Map<number, number>>;
  indicators: Map<CellKey, { code: string; description: string }>;
  lists: ListDef[];
}

const indexes = new WeakMap<TemplateDef, DefIndex>();

function indexOf(def: TemplateDef): DefIndex {
  const known = indexes.get(def);
  if (known) return known;
  const ix: DefIndex = { cells: new Map(), headings: new Map(), perRow: new Map(), indicators: new Map(), lists: def.lists ?? [] };
  for (const s of def.sheets) {
    const heads = new Map<string, { row: number; text: string }[]>();
    const perRow = new Map<number, number>();
    for (const c of s.cells) {
      ix.cells.set(cellKey(s.key, c.address), c);
      const { col, row } = splitAddress(c.address);
      if (c.heading && typeof c.value === "string") {
        const list = heads.get(col) ?? [];
        list.push({ row, text: c.value });
        heads.set(col, list);
      }
      if (c.input || c.formula) perRow.set(row, (perRow.get(row) ?? 0) + 1);
    }
    for (const list of heads.values()) list.sort((a, b) => a.row - b.row);
    ix.headings.set(s.key, heads);
    ix.perRow.set(s.key, perRow);
  }
  for (const i of def.indicators) ix.indicators.set(cellKey(i.ref.sheet, i.ref.address), { code: i.code, description: i.description });
  indexes.set(def, ix);
  return ix;
}

/** "Einddatum (leeg = loopt door)" → "einddatum". */
const shortHeading = (h: string) => lowerFirst(h.replace(/\s*\([^)]*\)/g, "").trim());

// ---------------------------------------------------------------------------------------------- one failure, before folding

interface Failure {
  id: string;
  /** The check kind it comes from (undefined for the definition-wide checks). */
  kind?: CheckDef["kind"];
  title: string;
  why: string;
  sheetKey: string;
  cell?: string;
  message: string;
  /** The cells the failure was judged on (cell keys). */
  reads: CellKey[];
}

/** Checks that relate several cells: their failure names one of them but is not about that cell alone. */
const RELATIONAL = new Set<CheckDef["kind"]>(["equal", "balance", "maxShare"]);

const INPUT_WHY =
  "Excel rekent alleen met getallen en datums die als getal of datum zijn ingevuld: tekst telt in een SOM niet mee, en een PB-functie leest tekst anders dan bedoeld. De grenzen zijn die van de gegevensvalidatie van de cel.";
const LIST_WHY = "Elke regel van de lijst telt alleen mee als hij volledig is en een eigen sleutel heeft.";
const FORMULA_WHY = "Een groene cel rekent uit de gele cellen; een getypte waarde rekent niet mee als de invoer verandert en verbergt fouten.";
const BSN_WHY = "Het register is een werkbestand van de gemeente: een BSN hoort er niet in (AVG art. 5 lid 1 c, dataminimalisatie; Wabb art. 10).";

/** The checks every template gets from its definition (inputs, lists, formulas, errors): id → title and why. */
function generic(id: string, list?: ListDef): { id: string; title: string; why: string } {
  switch (id) {
    case "invoer":
      return { id, title: "Invoer als getal, datum of Ja/Nee", why: INPUT_WHY };
    case "lijst.sleutel":
      return { id, title: `Elke regel met ${list?.keyLabel}`, why: LIST_WHY };
    case "lijst.bsn":
      return { id, title: "Geen BSN in het register", why: BSN_WHY };
    case "lijst.dubbel":
      return { id, title: `Geen dubbele ${list?.keyLabel}`, why: `Elke ${list?.what} heeft een eigen ${list?.keyLabel}; met twee dezelfde is niet na te gaan welke regel bij wie hoort.` };
    case "lijst.onder":
      return { id, title: "Geen gegevens onder de lijst", why: LIST_WHY };
    case "formule":
      return { id, title: "Berekende cellen niet overschreven", why: FORMULA_WHY };
    default:
      return {
        id: "fout.invoer",
        title: "Geen PB-functie die de invoer weigert",
        why: "Een foutwaarde betekent dat een PB-functie de invoer weigert; ze kan niet naar CBS en telt in geen totaal mee.",
      };
  }
}

/** How far below a list to look for stray data when the sheet's extent is not known. */
const SEARCH_BELOW = 500;
const MAX_PRIMARIES_PER_CHECK = 25;

/** The BSN elfproef: 9 digits d1…d9 with 9·d1 + 8·d2 + … + 2·d8 − d9 divisible by 11 (8 digits: a lost leading 0). */
export function passesElfproef(text: string): boolean {
  let digits = text.replace(/[\s.-]/g, "");
  if (!/^\d{8,9}$/.test(digits)) return false;
  if (digits.length === 8) digits = `0${digits}`;
  if (/^0+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (9 - i) * Number(digits[i]);
  sum -= Number(digits[8]);
  return sum % 11 === 0;
}

/** Whether a check reads a cell on this sheet. */
function touches(check: CheckDef, sheetKey: string): boolean {
  return JSON.stringify(check).includes(`"sheet":"${sheetKey}"`);
}

/**
 * All checks of one insertion of a template. `missing`: keys of sheets that were not found; checks that read them are
 * not run (the message says which), and what follows from their absence (#REF! where a formula reads them) is folded
 * under that message.
 */
export function evaluateChecks(def: TemplateDef, found: Record<string, string>, source: CellReader | WorkbookView, missing: readonly string[] = []): CheckResult[] {
  const view: WorkbookView = typeof source === "function" ? { value: source } : source;
  // A sheet not found keeps its default name, so formulas that refer to it still read as the template has them.
  const names: Record<string, string> = { ...Object.fromEntries(def.sheets.map((s) => [s.key, s.name])), ...found };
  const read = view.value;
  const sheetName = (key: string) => names[key] ?? key;
  const get = (ref: CellRef) => read(sheetName(ref.sheet), ref.address);
  const ix = indexOf(def);
  const graph = formulaGraph(def);
  const yearKey = cellKey(def.yearCell.sheet, def.yearCell.address);
  const yearValue = asNumber(get(def.yearCell));
  const year = yearValue !== undefined && Number.isInteger(yearValue) ? yearValue : undefined;
  const keyText = (rows: RowSpan, r: number) => asText(read(sheetName(rows.sheet), `${rows.key}${r}`));

  /** A cell's name in messages: explicit label, indicator, list column and row, or the row's label. */
  const labelOf = (sheetKey: string, address: string): string => {
    const c = ix.cells.get(cellKey(sheetKey, address));
    if (c?.label) return c.label;
    const ind = ix.indicators.get(cellKey(sheetKey, address));
    if (ind) return `indicator ${ind.code} (${ind.description})`;
    const { col, row } = splitAddress(address);
    const headAbove = ix.headings.get(sheetKey)?.get(col)?.filter((h) => h.row < row).pop();
    const list = ix.lists.find((l) => l.rows.sheet === sheetKey && row >= l.rows.first && row <= l.rows.last);
    if (list) {
      const key = keyText(list.rows, row);
      return `${headAbove ? shortHeading(headAbove.text) : `kolom ${col}`} in regel ${row}${key && col !== list.rows.key ? ` (${key})` : ""}`;
    }
    const rowLabel = ix.cells.get(cellKey(sheetKey, `A${row}`));
    const text = col !== "A" && typeof rowLabel?.value === "string" && !rowLabel.input ? rowLabel.value : undefined;
    const several = (ix.perRow.get(sheetKey)?.get(row) ?? 0) > 1;
    if (text && several && headAbove) return `${lowerFirst(text)}, ${lowerFirst(headAbove.text)}`;
    if (text) return lowerFirst(text);
    if (headAbove) return `${shortHeading(headAbove.text)} (${address})`;
    return `cel ${address}`;
  };

  const primaries: Failure[] = [];
  const checkFailures: Failure[] = [];
  const present = def.sheets.filter((s) => !missing.includes(s.key));
  const notRun = def.checks.filter((c) => missing.some((k) => touches(c, k)));

  for (const key of missing) {
    const sheet = def.sheets.find((s) => s.key === key);
    // The cells other sheets read from the missing one: everything computed from them follows from its absence.
    const readFrom = [...graph.precedents.entries()]
      .filter(([f]) => !f.startsWith(`${key}!`))
      .flatMap(([, refs]) => refs.filter((r) => r.startsWith(`${key}!`)));
    const skipped = notRun.filter((c) => touches(c, key)).map((c) => c.title);
    primaries.push({
      id: "bladen.aanwezig",
      title: "Alle bladen van het sjabloon aanwezig",
      why: "De controles lezen de cellen van alle bladen van het sjabloon.",
      sheetKey: key,
      message:
        `Het blad "${sheet?.name ?? key}" van sjabloon ${def.id} is niet gevonden: geen blad met de markering "${MARKER_PREFIX}${def.id} · … · blad ${key}" in A2 of met de titel "${sheet?.title ?? key}" in A1. ` +
        (skipped.length > 0 ? `Niet gecontroleerd: ${listText(skipped)}. De andere controles zijn wel uitgevoerd.` : "De andere controles zijn wel uitgevoerd."),
      reads: [...new Set(readFrom)],
    });
  }

  // ------------------------------------------------------------------ input cells, read the way their kind demands
  for (const s of present) {
    for (const c of s.cells) {
      if (!c.input || !c.kind) continue;
      const message = inputProblem(c, read(sheetName(s.key), c.address), () => labelOf(s.key, c.address));
      if (message) primaries.push({ ...generic("invoer"), sheetKey: s.key, cell: c.address, message, reads: [cellKey(s.key, c.address)] });
    }
  }

  // ------------------------------------------------------------------ lists
  for (const list of ix.lists.filter((l) => !missing.includes(l.rows.sheet))) {
    const { rows } = list;
    const sheet = sheetName(rows.sheet);
    const headingOf = (col: string) => {
      const h = ix.headings.get(rows.sheet)?.get(col)?.filter((x) => x.row < rows.first).pop();
      return h ? shortHeading(h.text) : `kolom ${col}`;
    };
    const seen = new Map<string, number[]>();
    /** A row's period as serials; no end = open. Rows without a readable start are not compared. */
    const periodOf = (r: number): [number, number] | undefined => {
      if (!list.periods) return undefined;
      const s = asNumber(read(sheet, `${list.periods.start}${r}`));
      const e = asNumber(read(sheet, `${list.periods.end}${r}`));
      return s === undefined ? undefined : [s, e ?? Infinity];
    };
    const overlaps = (a: number, b: number) => {
      const [p, q] = [periodOf(a), periodOf(b)];
      return !p || !q || (p[0] <= q[1] && q[0] <= p[1]);
    };
    const periodText = (r: number) => {
      const p = periodOf(r);
      if (!p) return "zonder begindatum";
      return p[1] === Infinity ? `vanaf ${dateText(p[0])}, loopt door` : `${dateText(p[0])} tot en met ${dateText(p[1])}`;
    };
    for (let r = rows.first; r <= rows.last; r++) {
      const keyCell = `${rows.key}${r}`;
      const key = read(sheet, keyCell);
      const filled = list.columns.filter((col) => !isEmpty(read(sheet, `${col}${r}`)));
      const at = { sheetKey: rows.sheet, cell: keyCell, reads: [cellKey(rows.sheet, keyCell)] };
      if (isEmpty(key)) {
        if (filled.length > 0) {
          primaries.push({
            ...generic("lijst.sleutel", list),
            ...at,
            message:
              `Regel ${r} heeft gegevens (${listText(filled.map(headingOf))}) maar geen ${list.keyLabel} in ${keyCell}: deze ${list.what} telt niet mee. ` +
              `Vul in ${keyCell} een ${list.keyLabel} in${list.noBsn ? " (een eigen nummer, geen BSN)" : ""}, of maak de regel leeg.`,
          });
        }
        continue;
      }
      const text = asText(key);
      if (list.noBsn && passesElfproef(text)) {
        primaries.push({
          ...generic("lijst.bsn", list),
          ...at,
          message: `${capital(list.keyLabel)} ${text} in ${keyCell} lijkt een BSN (9 cijfers die de elfproef halen). Een BSN hoort niet in dit register: gebruik een eigen nummer, bijvoorbeeld W-${String(r - rows.first + 1).padStart(3, "0")}.`,
        });
        continue;
      }
      // "0901" and 901 are the same code (a text cell and a number cell); case and spacing do not tell keys apart.
      const norm = /^\d+$/.test(text) ? String(Number(text)) : text.toLowerCase().replace(/\s+/g, " ");
      const earlier = seen.get(norm) ?? [];
      const clash = earlier.find((e) => !list.periods || overlaps(e, r));
      if (clash !== undefined) {
        const why = list.periods
          ? ` en de perioden overlappen (regel ${clash}: ${periodText(clash)}; regel ${r}: ${periodText(r)}). Een andere ${list.what} krijgt een eigen ${list.keyLabel}; een nieuwe vaststelling voor dezelfde ${list.what} begint op de dag na de einddatum van de vorige regel.`
          : `. Geef elke ${list.what} een eigen ${list.keyLabel}.`;
        primaries.push({
          ...generic("lijst.dubbel", list),
          ...at,
          message: `${capital(list.keyLabel)} ${text} in ${keyCell} staat ook in ${rows.key}${clash}${why}`,
        });
      }
      seen.set(norm, [...earlier, r]);
    }
    // Data below the last row of the list: nothing counts it.
    const cols = [rows.key, ...list.columns];
    const bottom = view.lastRow ? view.lastRow(sheet) : rows.last + SEARCH_BELOW;
    for (let r = rows.last + 1; r <= bottom; r++) {
      const stray = cols.filter((col) => !ix.cells.has(cellKey(rows.sheet, `${col}${r}`)) && !isEmpty(read(sheet, `${col}${r}`)));
      if (stray.length === 0) continue;
      const cell = `${stray[0]}${r}`;
      primaries.push({
        ...generic("lijst.onder", list),
        sheetKey: rows.sheet,
        cell,
        reads: [cellKey(rows.sheet, cell)],
        message: `Rij ${r} ligt onder de lijst (regels ${rows.first}–${rows.last}) en telt nergens mee. Zet deze ${list.what} in een lege regel van de lijst en maak rij ${r} leeg.`,
      });
    }
  }

  // ------------------------------------------------------------------ calculated cells typed over
  if (view.formula) {
    for (const s of present) {
      const inList = (row: number) => ix.lists.some((l) => l.rows.sheet === s.key && row >= l.rows.first && row <= l.rows.last);
      for (const c of s.cells) {
        if (!c.formula) continue;
        const found = view.formula(sheetName(s.key), c.address);
        const expected = canonicalFormula(c.formula, names);
        if (found !== undefined && found !== "" && canonicalFormula(found) === expected) continue;
        const { col, row } = splitAddress(c.address);
        const back = inList(row)
          ? `Kopieer de formule terug uit een andere regel van kolom ${col}, of typ ${dutchFormula(c.formula, names)}.`
          : `Zet de formule terug: ${dutchFormula(c.formula, names)}.`;
        const v = read(sheetName(s.key), c.address);
        const what =
          found !== undefined && found !== ""
            ? `de formule is gewijzigd in =${found.replace(/^=/, "")}`
            : isEmpty(v)
              ? "de formule is gewist"
              : `de formule is vervangen door de waarde ${typeof v === "number" ? dutchNumber(v, Number.isInteger(v) ? 0 : 2) : `"${asText(v)}"`}`;
        primaries.push({
          ...generic("formule"),
          sheetKey: s.key,
          cell: c.address,
          reads: [cellKey(s.key, c.address)],
          message: `${capital(labelOf(s.key, c.address))} is een berekende (groene) cel, maar ${what}. ${back}`,
        });
      }
    }
  }

  // ------------------------------------------------------------------ the template's own checks
  const results: CheckResult[] = [];
  for (const check of def.checks.filter((c) => !notRun.includes(c))) {
    const fails: Failure[] = [];
    const base = { id: check.id, title: check.title, why: check.why };
    const fail = (sheetKey: string, cell: string, message: string, reads: CellKey[] = [cellKey(sheetKey, cell)]) =>
      fails.push({ ...base, kind: check.kind, sheetKey, cell, message, reads: check.years ? [...reads, yearKey] : reads });

    if (check.years) {
      const inWindow = year !== undefined && (check.years.from === undefined || year >= check.years.from) && (check.years.to === undefined || year <= check.years.to);
      if (!inWindow) {
        results.push({ ...base, ok: true, skipped: true, message: year === undefined ? "Niet te beoordelen zonder jaar." : `Niet van toepassing in ${year}.` });
        continue;
      }
    }
    const keyLabelOf = (rows: RowSpan) => ix.lists.find((l) => l.rows.sheet === rows.sheet && l.rows.key === rows.key)?.keyLabel ?? `waarde in kolom ${rows.key}`;
    const skipped = runCheck(check, { read, sheetName, get, year, yearKey, fail, keyText, keyLabelOf });
    if (fails.length === 0) results.push({ ...base, ok: true, ...(skipped ? { skipped: true, message: skipped } : { message: "In orde." }) });
    checkFailures.push(...fails);
  }

  // ------------------------------------------------------------------ folding
  const inputKeys = new Set<CellKey>();
  for (const [k, c] of ix.cells) if (c.input) inputKeys.add(k);
  const covers = (p: Failure, f: Failure) => p.reads.some((pr) => {
    const cl = graph.closure(pr);
    return f.reads.some((r) => cl.has(r));
  });
  const folded = new Map<Failure, Failure[]>();
  const place = (f: Failure): boolean => {
    const p = primaries.find((x) => covers(x, f));
    if (!p) return false;
    folded.set(p, [...(folded.get(p) ?? []), f]);
    return true;
  };
  // A check about one input cell that fails is that cell's message, unless the cell already has one. A check that
  // relates several cells (a total, a balance, a share) names one of them but is not about it: it waits, so that it
  // can fold under the cell it follows from.
  const rest: Failure[] = [];
  for (const f of checkFailures) {
    if (place(f)) continue;
    if (f.cell && inputKeys.has(cellKey(f.sheetKey, f.cell)) && !(f.kind && RELATIONAL.has(f.kind))) primaries.push(f);
    else rest.push(f);
  }
  // Errors nothing above explains: back to the PB call that refused its input, and the input its message names. Where
  // no message names one (Excel does not hand the message to an add-in), the errors that read the same inputs — the
  // twelve months of one register row — make one message.
  const groups = new Map<string, CellKey[]>();
  for (const origin of errorOrigins(def, present, read, sheetName)) {
    const probe: Failure = { id: "", title: "", why: "", sheetKey: "", message: "", reads: [origin.key] };
    if (primaries.some((p) => covers(p, probe))) continue;
    const found = blame(def, origin, inputKeys);
    const blamed = found?.input;
    const [sheetKey, address] = (blamed ?? origin.key).split("!");
    const [oSheet, oAddress] = origin.key.split("!");
    const group = `${origin.error}|${[...inputsOf(def, origin.key, inputKeys)].sort().join(",")}`;
    if (!blamed) {
      const members = groups.get(group);
      if (members) {
        members.push(origin.key);
        continue;
      }
      groups.set(group, [origin.key]);
    }
    const call = found?.call ?? origin.call;
    const fn = call ? `PB.${call}` : "De PB-functie";
    primaries.push({
      ...generic("fout.invoer"),
      sheetKey,
      cell: address,
      // The group's array: origins found later join it, and so the message's reach.
      reads: blamed ? [blamed] : (groups.get(group) as CellKey[]),
      message: blamed
        ? `${capital(labelOf(sheetKey, address))}: ${fn} in ${oAddress} weigert deze invoer (${origin.error}): ${sentence(origin.message ?? "zie de melding bij de cel")} Pas ${address} aan.`
        : `${fn} in ${oAddress} (${labelOf(oSheet, oAddress)}) geeft ${origin.error}${origin.message ? `: ${origin.message}` : "; de melding bij de cel zegt welke invoer niet klopt."}`,
    });
  }
  const standalone: Failure[] = [];
  for (const f of rest) if (!place(f)) standalone.push(f);

  // ------------------------------------------------------------------ results
  const order = new Map(def.sheets.map((s, i) => [s.key, i]));
  const position = (f: Failure) => {
    if (!f.cell) return [-1, order.get(f.sheetKey) ?? 0, 0];
    const { col, row } = splitAddress(f.cell);
    return [order.get(f.sheetKey) ?? 0, row, colNumber(col)];
  };
  const toResult = (f: Failure): CheckResult => ({
    id: f.id,
    title: f.title,
    ok: false,
    sheet: sheetName(f.sheetKey),
    ...(f.cell ? { cell: f.cell } : {}),
    message: f.message,
    why: f.why,
  });
  const all = [...primaries, ...standalone].sort((a, b) => {
    const [x, y] = [position(a), position(b)];
    return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
  });
  // The checks from the definition's inputs, lists and formulas that found nothing say so too.
  const generics = [
    generic("invoer"),
    ...ix.lists
      .filter((l) => !missing.includes(l.rows.sheet))
      .flatMap((l) => ["lijst.sleutel", ...(l.noBsn ? ["lijst.bsn"] : []), "lijst.dubbel", "lijst.onder"].map((id) => generic(id, l))),
    ...(view.formula ? [generic("formule")] : []),
    generic("fout.invoer"),
  ];
  for (const g of generics) if (!all.some((p) => p.id === g.id)) results.push({ ...g, ok: true, message: "In orde." });
  const perId = new Map<string, number>();
  for (const p of all) {
    const n = (perId.get(p.id) ?? 0) + 1;
    perId.set(p.id, n);
    if (n > MAX_PRIMARIES_PER_CHECK) continue;
    const deps = (folded.get(p) ?? []).map(toResult);
    const r = toResult(p);
    if (deps.length > 0) {
      r.message = `${r.message} (en ${count(deps.length, "controle die hiervan afhangt", "controles die hiervan afhangen")})`;
      r.dependents = deps;
    }
    results.push(r);
  }
  for (const [id, n] of perId) {
    if (n <= MAX_PRIMARIES_PER_CHECK) continue;
    const first = all.filter((p) => p.id === id)[MAX_PRIMARIES_PER_CHECK];
    const rest = n - MAX_PRIMARIES_PER_CHECK;
    results.push({ ...toResult(first), message: `En nog ${count(rest, "cel", "cellen")} met hetzelfde probleem.` });
  }
  return results;
}

// ---------------------------------------------------------------------------------------------- input cells

const NUMERIC_KINDS = new Set(["bedrag", "aantal", "percentage", "uren", "leeftijd", "jaar"]);
/** What a number of each kind looks like when typed, for "typ het als getal, bijvoorbeeld …". */
const EXAMPLE_OF: Record<string, string> = { bedrag: "1250,00", aantal: "120", percentage: "60%", uren: "32", leeftijd: "20", jaar: "2024" };
const LOOKS_LIKE_A_YEAR = (n: number) => Number.isInteger(n) && n >= 1900 && n <= 2200;

/** What is wrong with the value of one input cell, as a message that says what to type instead; undefined if nothing. */
function inputProblem(c: TemplateCell, v: unknown, labelOf: () => string): string | undefined {
  if (isEmpty(v)) return undefined;
  const L = () => capital(labelOf());
  if (isError(v)) return `${L()} bevat de fout ${v.error}${v.message ? ` (${v.message})` : ""}. Typ hier een waarde in plaats van een formule die een fout geeft.`;
  const kind = c.kind;
  const val = c.validation;
  const min = val?.min;
  const max = val?.max;
  if (val?.type === "list") {
    const allowed = val.values ?? [];
    const t = asText(v).toLowerCase();
    return allowed.some((a) => a.toLowerCase() === t) ? undefined : `${L()} is "${asText(v)}": kies ${listText(allowed, "of")} uit de keuzelijst.`;
  }
  if (kind === "datum") {
    if (typeof v === "string") {
      const t = v.trim();
      const iso = dateFromText(t);
      if (!iso) return `${L()} is tekst ("${t}"), geen datum. Typ een datum als dag-maand-jaar, bijvoorbeeld 15-1-2024.`;
      const [y, m, d] = iso.split("-").map(Number);
      return `${L()} is tekst ("${t}"), geen datum: Excel en de PB-functies rekenen er niet of verkeerd mee. Het lijkt ${dutchDate(iso)} — typ het als datum (${d}-${m}-${y}), zonder apostrof ervoor.`;
    }
    const n = asNumber(v);
    if (n === undefined) return `${L()} is geen datum ("${asText(v)}"). Typ een datum als dag-maand-jaar, bijvoorbeeld 15-1-2024.`;
    if (LOOKS_LIKE_A_YEAR(n)) return `${L()} is ${n}: een jaartal, geen datum. Typ de datum voluit, bijvoorbeeld 1-1-${n}.`;
    if ((min !== undefined && n < min) || (max !== undefined && n > max)) {
      return `${L()} is ${dateText(n)}; verwacht een datum van ${dateText(min ?? n)} tot en met ${dateText(max ?? n)}.`;
    }
    return undefined;
  }
  if (!kind || !NUMERIC_KINDS.has(kind)) return undefined;
  if (typeof v === "string") {
    const t = v.trim();
    const n = numberFromText(t);
    const head = `${L()} is tekst ("${t}"), geen getal, en telt zo niet mee.`;
    if (n === undefined) return `${head} Typ het als getal, bijvoorbeeld ${EXAMPLE_OF[kind] ?? "400"}.`;
    return `${head} Het lijkt ${shown(kind, n, t)} — typ het als getal, zonder apostrof ervoor.`;
  }
  if (typeof v === "boolean") return `${L()} is ${asText(v)}, geen getal. Typ een getal.`;
  const n = asNumber(v);
  if (n === undefined) return `${L()} is geen getal ("${asText(v)}"). Typ een getal.`;
  if (val?.type === "whole" && !Number.isInteger(n)) {
    const shownN = String(n).replace(".", ",");
    return kind === "jaar" ? `${L()} is ${shownN}; typ een jaartal, bijvoorbeeld 2024.` : `${L()} is ${shownN}; typ een geheel getal.`;
  }
  if (kind === "percentage" && max !== undefined && n > max) {
    // 60 in a cell meant for 60% (Excel shows 6000%); 1,5 could be 150% or 1,5%, so it is not guessed.
    const meant = n >= 2 && n <= 100 ? ` Bedoelt u ${dutchNumber(n, Number.isInteger(n) ? 0 : 2)}%? Typ dan ${dutchNumber(n, Number.isInteger(n) ? 0 : 2)}% of ${dutchNumber(n / 100, 4).replace(/,?0+$/, "")}.` : "";
    return `${L()} is ${pct(n)}; een percentage ligt tussen 0% en 100%.${meant}`;
  }
  const plain = kind === "jaar" || kind === "leeftijd" ? String(n) : dutchNumber(n, Number.isInteger(n) ? 0 : 2);
  if (min !== undefined && n < min) {
    if (n < 0 && min >= 0) return `${L()} is ${kind === "bedrag" ? euro(n) : plain}: dit kan niet negatief zijn. Typ het zonder minteken.`;
    return `${L()} is ${plain}. ${val?.error ?? `Verwacht ${min} of meer.`}`;
  }
  if (max !== undefined && n > max) return `${L()} is ${plain}. ${val?.error ?? `Verwacht ten hoogste ${max}.`}`;
  return undefined;
}

/** A number read from text, shown the way the cell would show it. */
function shown(kind: string, n: number, text: string): string {
  if (kind === "percentage") return text.includes("%") || n <= 1 ? pct(n) : `${dutchNumber(n, Number.isInteger(n) ? 0 : 2)}%`;
  if (kind === "bedrag") return dutchNumber(n, 2);
  if (kind === "jaar") return String(n);
  return dutchNumber(n, Number.isInteger(n) ? 0 : 2);
}

// ---------------------------------------------------------------------------------------------- errors and their origin

interface Origin {
  key: CellKey;
  error: string;
  message?: string;
  /** The PB function called in the origin's formula, if one. */
  call?: string;
}

/**
 * Formula cells holding an error none of whose precedents holds one: where an error starts. Independent of the error
 * code a function chooses (#VALUE!, #NUM!, #N/A): any error counts, and the message says which input it is about.
 */
function errorOrigins(def: TemplateDef, sheets: TemplateDef["sheets"], read: CellReader, sheetName: (k: string) => string): Origin[] {
  const graph = formulaGraph(def);
  const errorAt = new Map<CellKey, ErrorLike | null>();
  const valueOf = (key: CellKey): ErrorLike | null => {
    let v = errorAt.get(key);
    if (v === undefined) {
      const [sheet, address] = key.split("!");
      const x = read(sheetName(sheet), address);
      v = isError(x) ? x : null;
      errorAt.set(key, v);
    }
    return v;
  };
  const out: Origin[] = [];
  for (const s of sheets) {
    for (const c of s.cells) {
      if (!c.formula) continue;
      const key = cellKey(s.key, c.address);
      const e = valueOf(key);
      if (!e) continue;
      const inherited = (graph.precedents.get(key) ?? []).some((p) => graph.precedents.has(p) && valueOf(p) !== null);
      if (inherited) continue;
      // With more than one PB call in the formula (the register's two routes) the message decides which one spoke.
      const calls = [...new Set(pbCallSites(c.formula).map((x) => x.id))];
      const call = calls.length === 1 ? calls[0] : undefined;
      out.push({ key, error: e.error, ...(e.message ? { message: e.message } : {}), ...(call ? { call } : {}) });
    }
  }
  return out;
}

/** The input cells a formula cell is computed from, directly or through other formulas. */
function inputsOf(def: TemplateDef, key: CellKey, inputs: Set<CellKey>): Set<CellKey> {
  const graph = formulaGraph(def);
  const out = new Set<CellKey>();
  const seen = new Set<CellKey>([key]);
  const todo = [key];
  while (todo.length > 0) {
    for (const p of graph.precedents.get(todo.pop() as CellKey) ?? []) {
      if (seen.has(p)) continue;
      seen.add(p);
      if (inputs.has(p)) out.add(p);
      if (graph.precedents.has(p)) todo.push(p);
    }
  }
  return out;
}

/** The input cell an error message is about (the argument it names, and the input cell that argument reads), and the call. */
function blame(def: TemplateDef, origin: Origin, inputs: Set<CellKey>): { input: CellKey; call: string } | undefined {
  const [sheetKey, address] = origin.key.split("!");
  const cell = def.sheets.find((s) => s.key === sheetKey)?.cells.find((c) => c.address === address);
  if (!cell?.formula || !origin.message) return undefined;
  const message = origin.message.toLowerCase();
  let best: { at: number; refs: CellKey[]; call: string } | undefined;
  for (const site of pbCallSites(cell.formula)) {
    const spec = REGISTRY.get(site.id);
    if (!spec) continue;
    spec.args.forEach((a, i) => {
      const m = new RegExp(`(^|[^a-z_])${a.name.toLowerCase().replace(/_/g, "[ _]")}([^a-z_]|$)`).exec(message);
      if (!m || site.args[i] === undefined) return;
      const refs = formulaRefs(site.args[i], sheetKey).filter((r) => inputs.has(r));
      if (refs.length > 0 && (!best || m.index < best.at)) best = { at: m.index, refs, call: site.id };
    });
  }
  return best ? { input: best.refs[0], call: best.call } : undefined;
}

// ---------------------------------------------------------------------------------------------- the check kinds

interface CheckContext {
  read: CellReader;
  sheetName(key: string): string;
  get(ref: CellRef): unknown;
  year: number | undefined;
  yearKey: CellKey;
  fail(sheetKey: string, cell: string, message: string, reads?: CellKey[]): void;
  keyText(rows: RowSpan, r: number): string;
  /** The name of a list's key column ("referentie"), for messages about its rows. */
  keyLabelOf(rows: RowSpan): string;
}

/** Runs one check; failures go through `fail`. Returns a reason when the check could not be judged. */
function runCheck(check: CheckDef, x: CheckContext): string | undefined {
  const { read, sheetName, get, year, yearKey, fail, keyText, keyLabelOf } = x;
  const k = (ref: CellRef) => cellKey(ref.sheet, ref.address);
  const usedRows = (rows: RowSpan): number[] => {
    const out: number[] = [];
    for (let r = rows.first; r <= rows.last; r++) if (!isEmpty(read(sheetName(rows.sheet), `${rows.key}${r}`))) out.push(r);
    return out;
  };
  /** A number for arithmetic checks; errors and text are failures of their own. Empty counts as 0. */
  const amount = (ref: CellRef & { label: string }): number | undefined => {
    const v = get(ref);
    if (isError(v)) {
      fail(ref.sheet, ref.address, `${capital(ref.label)} bevat de fout ${v.error}${v.message ? ` (${v.message})` : ""}.`);
      return undefined;
    }
    if (isEmpty(v)) return 0;
    const n = asNumber(v);
    if (n === undefined) fail(ref.sheet, ref.address, `${capital(ref.label)} is geen getal: "${asText(v)}".`);
    return n;
  };

  let skipped: string | undefined;
  switch (check.kind) {
    case "required":
      for (const c of check.cells) if (isEmpty(get(c))) fail(c.sheet, c.address, `${capital(c.label)} is niet ingevuld.`);
      break;

    case "requiredInRows":
      for (const r of usedRows(check.rows)) {
        const ref = keyText(check.rows, r);
        const sheet = sheetName(check.rows.sheet);
        const needed = check.columns.filter((col) => !col.unless || asText(read(sheet, `${col.unless.column}${r}`)).toLowerCase() !== col.unless.equals.toLowerCase());
        const missing = needed.filter((col) => isEmpty(read(sheet, `${col.column}${r}`)));
        if (missing.length === 0) continue;
        const rowReads = missing.map((m) => cellKey(check.rows.sheet, `${m.column}${r}`));
        if (missing.length === needed.length && missing.length > 1) {
          fail(
            check.rows.sheet,
            `${missing[0].column}${r}`,
            `Regel ${r} (${ref}) heeft een ${keyLabelOf(check.rows)} maar verder geen gegevens: vul ${listText(missing.map((m) => `${m.label} (${m.column}${r})`))} in, of maak ${check.rows.key}${r} leeg.`,
            rowReads,
          );
          continue;
        }
        for (const col of missing) fail(check.rows.sheet, `${col.column}${r}`, `Regel ${r} (${ref}): ${col.label} is niet ingevuld.`);
      }
      break;

    case "yearRange": {
      const v = get(check.cell);
      if (isEmpty(v)) break; // the required check says so
      const n = asNumber(v);
      const span = check.to === undefined ? `${check.from} of later` : `${check.from} tot en met ${check.to}`;
      if (n === undefined || !Number.isInteger(n) || n < check.from || (check.to !== undefined && n > check.to)) {
        fail(check.cell.sheet, check.cell.address, `Het jaar ${asText(v)} valt buiten dit sjabloon; verwacht ${span}.`);
      }
      break;
    }

    case "choice": {
      const allowed = check.allowed.map((a) => a.toLowerCase());
      const test = (sheet: string, address: string, lbl: string) => {
        const v = read(sheetName(sheet), address);
        if (isEmpty(v)) return;
        if (!allowed.includes(asText(v).toLowerCase())) fail(sheet, address, `${capital(lbl)}: "${asText(v)}" is niet toegestaan; kies ${check.allowed.join(" of ")}.`);
      };
      for (const c of check.cells ?? []) test(c.sheet, c.address, c.label);
      if (check.rows && check.column) for (const r of usedRows(check.rows)) test(check.rows.sheet, `${check.column}${r}`, `Regel ${r}, ${check.label ?? check.column}`);
      break;
    }

    case "expect": {
      const v = get(check.cell);
      if (!isEmpty(v) && asText(v).toLowerCase() !== check.value.toLowerCase()) {
        fail(check.cell.sheet, check.cell.address, `${capital(check.label)} is "${asText(v)}"; dit moet "${check.value}" zijn.`);
      }
      break;
    }

    case "zero":
      for (const c of check.cells) {
        const n = amount(c);
        if (n !== undefined && Math.abs(n) >= CENT) fail(c.sheet, c.address, `${capital(c.label)} is ${euro(n)}; dit moet € 0,00 zijn.`);
      }
      break;

    case "noNetting":
      for (const r of usedRows(check.rows)) {
        const address = `${check.column}${r}`;
        const n = amount({ sheet: check.rows.sheet, address, label: `regel ${r}, ${check.label}` });
        const who = keyText(check.rows, r);
        if (n !== undefined && Math.abs(n) >= CENT) {
          fail(check.rows.sheet, address, `Gemeente ${who} heeft ${euro(n)} ${n > 0 ? "ontvangen van" : "afgedragen aan"} andere deelnemers om een tekort of overschot te verrekenen; saldering is niet toegestaan.`);
        }
      }
      break;

    case "equal": {
      const left = amount(check.left);
      let right: number | undefined;
      const reads = [k(check.left)];
      if ("sum" in check.right) {
        right = 0;
        for (const a of rangeCells(check.right.sum)) {
          reads.push(cellKey(check.right.sheet, a));
          const n = amount({ sheet: check.right.sheet, address: a, label: `${check.right.label} (${a})` });
          if (n === undefined) right = undefined;
          else if (right !== undefined) right += n;
        }
      } else {
        reads.push(k(check.right));
        right = amount(check.right);
      }
      if (left !== undefined && right !== undefined && Math.abs(left - right) >= CENT) {
        const ex = check.explainedBy;
        if (ex && !isEmpty(get(ex))) break;
        const explain = ex ? ` Licht het verschil toe in ${ex.address} (${ex.label}), of pas het bedrag aan.` : "";
        fail(check.left.sheet, check.left.address, `${capital(check.left.label)} is ${euro(left)}, maar ${check.right.label} is ${euro(right)} (verschil ${euro(left - right)}).${explain}`, [
          ...reads,
          ...(ex ? [k(ex)] : []),
        ]);
      }
      break;
    }

    case "maxMonths":
      for (const r of usedRows(check.rows)) {
        const sheet = sheetName(check.rows.sheet);
        if (asText(read(sheet, `${check.when.column}${r}`)).toLowerCase() !== check.when.equals.toLowerCase()) continue;
        const who = `Regel ${r} (${keyText(check.rows, r)})`;
        const route = `route ${check.when.equals}`;
        if (check.empty && !isEmpty(read(sheet, `${check.empty.column}${r}`))) {
          fail(check.rows.sheet, `${check.empty.column}${r}`, `${who}: ${route} rekent zonder ${check.empty.label}. Maak ${check.empty.column}${r} leeg, of kies een andere route in ${check.when.column}${r}.`, [
            cellKey(check.rows.sheet, `${check.empty.column}${r}`),
            cellKey(check.rows.sheet, `${check.when.column}${r}`),
          ]);
        }
        const s = asNumber(read(sheet, `${check.start}${r}`));
        const startIso = s !== undefined ? serialToIso(Math.floor(s)) : undefined;
        if (!startIso) continue; // the required check says so
        let months: number;
        try {
          months = param<number>(check.param, startIso);
        } catch {
          fail(check.rows.sheet, `${check.when.column}${r}`, `${who}: ${route} bestaat niet op ${dateText(s as number)}. Kies een andere route.`);
          continue;
        }
        const lastIso = addDays(addMonths(startIso, months), -1);
        const last = isoToSerial(lastIso);
        const nextDay = dateText(last + 1);
        const e = asNumber(read(sheet, `${check.end}${r}`));
        const reads = [cellKey(check.rows.sheet, `${check.start}${r}`), cellKey(check.rows.sheet, `${check.end}${r}`), cellKey(check.rows.sheet, `${check.when.column}${r}`)];
        if (e === undefined || Math.floor(e) > last) {
          fail(
            check.rows.sheet,
            `${check.end}${r}`,
            `${who}: ${route} geldt ten hoogste ${count(months, "maand", "maanden")}, tot en met ${dateText(last)}${e === undefined ? ", maar de regel heeft geen einddatum" : `, maar de regel loopt tot ${dateText(e)}`}. ` +
              `Vul ${dateText(last)} (of eerder) in als einddatum en zet de vastgestelde loonwaarde op een nieuwe regel met dezelfde referentie vanaf ${nextDay}.`,
            reads,
          );
        }
      }
      break;

    case "balance": {
      let sum = 0;
      let ok = true;
      for (const t of check.terms) {
        const n = amount(t);
        if (n === undefined) ok = false;
        else sum += t.sign * n;
      }
      const target = amount(check.equals);
      if (ok && target !== undefined && Math.abs(sum - target) >= CENT) {
        const expr = check.terms.map((t, i) => `${i === 0 ? (t.sign < 0 ? "−" : "") : t.sign < 0 ? " − " : " + "}${t.label}`).join("");
        fail(check.equals.sheet, check.equals.address, `${capital(expr)} = ${euro(sum)}, maar ${check.equals.label} is ${euro(target)} (verschil ${euro(sum - target)}).`, [
          ...check.terms.map(k),
          k(check.equals),
        ]);
      }
      break;
    }

    case "maxShare": {
      if (year === undefined) {
        skipped = "Niet te beoordelen zonder jaar.";
        break;
      }
      const shareFor = (flag: unknown): number | undefined => {
        const name = check.paramIfYes && asText(flag).toLowerCase() === "ja" ? check.paramIfYes : check.param;
        try {
          return param<number>(name, ymdToIso(year, 1, 1));
        } catch {
          return undefined;
        }
      };
      const one = (cell: CellRef & { label: string }, baseRef: CellRef & { label: string }, flag: unknown, flagRef: CellRef | undefined, who: string) => {
        const share = shareFor(flag);
        if (share === undefined) {
          skipped = `Geen grens bekend voor ${year}.`;
          return;
        }
        const n = amount(cell);
        const b = amount(baseRef);
        if (n === undefined || b === undefined) return;
        const max = share * b;
        if (n - max >= CENT) {
          fail(cell.sheet, cell.address, `${who}${who ? cell.label : capital(cell.label)} is ${euro(n)}: meer dan ${pct(share)} van ${baseRef.label} ${euro(b)} (ten hoogste ${euro(max)}).`, [
            k(cell),
            k(baseRef),
            ...(flagRef ? [k(flagRef)] : []),
            yearKey,
          ]);
        }
      };
      if (check.rows) {
        for (const r of usedRows(check.rows)) {
          const who = `Regel ${r} (${keyText(check.rows, r)}): `;
          const flagRef = check.flag ? { sheet: check.flag.sheet, address: `${check.flag.address}${r}` } : undefined;
          one({ ...check.cell, address: `${check.cell.address}${r}` }, { ...check.base, address: `${check.base.address}${r}` }, flagRef ? get(flagRef) : undefined, flagRef, who);
        }
      } else {
        one(check.cell, check.base, check.flag ? get(check.flag) : undefined, check.flag, "");
      }
      break;
    }

    case "range":
      for (const c of check.cells) {
        const v = get(c);
        if (isEmpty(v)) continue;
        const n = asNumber(v);
        if (n === undefined || n < check.min || n > check.max) fail(c.sheet, c.address, `${capital(c.label)} is ${asText(v)}; verwacht een waarde van ${check.min} tot en met ${check.max}.`);
      }
      break;

    case "dateOrder":
      for (const r of usedRows(check.rows)) {
        const s = asNumber(read(sheetName(check.rows.sheet), `${check.start}${r}`));
        const e = asNumber(read(sheetName(check.rows.sheet), `${check.end}${r}`));
        if (s !== undefined && e !== undefined && e < s) {
          fail(check.rows.sheet, `${check.end}${r}`, `Regel ${r}: einddatum ${dateText(e)} ligt vóór begindatum ${dateText(s)}. Typ de juiste einddatum, of maak de cel leeg als het dienstverband doorloopt.`, [
            cellKey(check.rows.sheet, `${check.start}${r}`),
            cellKey(check.rows.sheet, `${check.end}${r}`),
          ]);
        }
      }
      break;

    case "noErrors":
      for (const a of rangeCells(check.range)) {
        const v = read(sheetName(check.sheet), a);
        if (isError(v)) fail(check.sheet, a, `De cel bevat de fout ${v.error}${v.message ? `: ${v.message}` : "."}`);
      }
      break;

    case "deadline": {
      const v = get(check.cell);
      if (isEmpty(v) || isError(v)) break; // required/noErrors report these
      if (year === undefined) {
        skipped = "Niet te beoordelen zonder jaar.";
        break;
      }
      let d: Deadline;
      try {
        d = param<Deadline>(check.param, ymdToIso(year, 1, 1));
      } catch {
        skipped = `Geen termijn bekend voor ${year}.`;
        break;
      }
      const deadline = isoToSerial(ymdToIso(year + d.jaarOffset, d.maand, d.dag));
      const n = asNumber(v);
      const reads = [k(check.cell), yearKey];
      if (n === undefined) fail(check.cell.sheet, check.cell.address, `${capital(check.cell.label)} is geen datum: "${asText(v)}".`, reads);
      else if (Math.floor(n) > deadline) {
        const late = Math.floor(n) - deadline;
        fail(check.cell.sheet, check.cell.address, `${capital(check.cell.label)} ${dateText(n)} ligt na de uiterste datum ${dateText(deadline)} (${count(late, "dag", "dagen")} te laat).`, reads);
      }
      break;
    }
  }
  return skipped;
}

// ---------------------------------------------------------------------------------------------- workbooks

export interface TemplateInstance {
  def: TemplateDef;
  /** Version written in the markers (may differ from the definition's current version). */
  version: string;
  instance: number;
  /** Sheet key → sheet name found. */
  names: Record<string, string>;
  /** Keys of the definition whose sheet was not found (deleted, or marker and title both gone). */
  missing: string[];
  /** Sheets recognised by their title while their marker was missing or damaged: key → the text found in A2. */
  unmarked: Record<string, string>;
  /** The marker's version is one this definition cannot check (a newer PB Rekenkit, or an unknown layout). */
  unknownVersion?: boolean;
}

/** Whether workbooks of this template version can be checked with the definition. */
function reads(def: TemplateDef, version: string): boolean {
  return version === def.version || (def.readsVersions ?? []).includes(version);
}

/** The definition that checks workbooks of this version: the current one, or a legacy one with that layout. */
function definitionFor(def: TemplateDef, version: string): TemplateDef | undefined {
  return reads(def, version) ? def : def.legacy?.find((l) => reads(l, version));
}

/** Every version a definition can check, newest first. */
function knownVersions(def: TemplateDef): string[] {
  return [def, ...(def.legacy ?? [])].flatMap((d) => [d.version, ...(d.readsVersions ?? [])]);
}

/** " (2)" at the end of a sheet name: the insertion it belongs to. */
function instanceOfName(name: string): number {
  const m = / \((\d+)\)$/.exec(name);
  return m ? Number(m[1]) : 1;
}

/** Find rendered templates in a workbook by the markers in A2 of each sheet, and by title where a marker is gone. */
export function findInstances(sheetNames: readonly string[], read: CellReader): TemplateInstance[] {
  const byKey = new Map<string, TemplateInstance>();
  const claimed = new Set<string>();
  const instanceFor = (def: TemplateDef, version: string, instance: number) => {
    const id = `${def.id}#${instance}`;
    let inst = byKey.get(id);
    if (!inst) {
      const forVersion = definitionFor(def, version);
      inst = { def: forVersion ?? def, version, instance, names: {}, missing: [], unmarked: {}, ...(forVersion ? {} : { unknownVersion: true }) };
      byKey.set(id, inst);
    }
    return inst;
  };
  for (const name of sheetNames) {
    const m = parseMarker(read(name, MARKER_ADDRESS));
    if (!m) continue;
    const def = TEMPLATES.find((t) => t.id === m.id);
    if (!def || !def.sheets.some((s) => s.key === m.key)) continue;
    const inst = instanceFor(def, m.version, m.instance);
    if (!inst.names[m.key]) {
      inst.names[m.key] = name;
      claimed.add(name);
    }
  }
  // A sheet whose A1 is a template sheet's title but whose A2 holds no valid marker: the marker was cleared or typed
  // over. First it completes an insertion found by its other sheets' markers; else it stands for a template all of
  // whose sheets are there by title (the register alone is LKS-REGISTER, with its annex it is SISA-PW).
  const adopt = (inst: TemplateInstance, key: string, name: string) => {
    inst.names[key] = name;
    inst.unmarked[key] = asText(read(name, MARKER_ADDRESS));
    claimed.add(name);
  };
  const titleOf = (name: string) => asText(read(name, "A1"));
  for (const name of sheetNames) {
    if (claimed.has(name) || titleOf(name) === "") continue;
    for (const inst of byKey.values()) {
      const sheet = inst.def.sheets.find((s) => s.title === titleOf(name) && !inst.names[s.key]);
      if (sheet && instanceOfName(name) === inst.instance) {
        adopt(inst, sheet.key, name);
        break;
      }
    }
  }
  for (const name of sheetNames) {
    if (claimed.has(name) || titleOf(name) === "") continue;
    const n = instanceOfName(name);
    const free = sheetNames.filter((x) => !claimed.has(x) && instanceOfName(x) === n);
    const candidates = TEMPLATES.filter((def) => def.sheets.some((s) => s.title === titleOf(name)) && def.sheets.every((s) => free.some((x) => titleOf(x) === s.title)));
    const def = candidates.sort((a, b) => b.sheets.length - a.sheets.length)[0];
    if (!def) continue;
    const inst = instanceFor(def, def.version, n);
    for (const s of def.sheets) {
      const match = free.find((x) => !claimed.has(x) && titleOf(x) === s.title);
      if (match && !inst.names[s.key]) adopt(inst, s.key, match);
    }
  }
  const out = [...byKey.values()];
  for (const inst of out) inst.missing = inst.def.sheets.map((s) => s.key).filter((k) => !inst.names[k]);
  return out;
}

/** Every check of every template found in the workbook. A missing sheet or marker is a failure of its own. */
export function checkWorkbook(sheetNames: readonly string[], source: CellReader | WorkbookView): { instance: TemplateInstance; results: CheckResult[] }[] {
  const view: WorkbookView = typeof source === "function" ? { value: source } : source;
  return findInstances(sheetNames, view.value).map((instance) => {
    const { def } = instance;
    const markerWhy = "Aan de markering in A2 herkennen pb check en het taakvenster het sjabloon, de versie en de bladen die bij elkaar horen.";
    if (instance.unknownVersion) {
      return {
        instance,
        results: [
          {
            id: "markering",
            title: "Markering van het sjabloon",
            ok: false,
            sheet: Object.values(instance.names)[0],
            cell: MARKER_ADDRESS,
            message:
              `Dit sjabloon is gemaakt met versie ${instance.version} van ${def.id}; deze PB Rekenkit kent versie ${def.version}` +
              `${knownVersions(def).length > 1 ? ` (en leest ${listText(knownVersions(def).slice(1))})` : ""}. Niets is gecontroleerd: werk PB Rekenkit bij, of voeg het sjabloon opnieuw in en neem de invoer over.`,
            why: markerWhy,
          },
        ],
      };
    }
    const marker: CheckResult[] = [];
    if (def.outdated) {
      marker.push({
        id: "sjabloon.verouderd",
        title: "Sjabloonversie volgt de wet",
        ok: false,
        sheet: instance.names[def.sheets[0].key] ?? Object.values(instance.names)[0],
        cell: MARKER_ADDRESS,
        message: def.outdated,
        why: "De controles lezen deze werkmap met de indeling van haar eigen versie, maar de bedragen zijn gerekend zoals die versie het deed.",
      });
    }
    for (const [key, found] of Object.entries(instance.unmarked)) {
      const sheet = instance.names[key];
      marker.push({
        id: "markering",
        title: "Markering van het sjabloon",
        ok: false,
        sheet,
        cell: MARKER_ADDRESS,
        message:
          `De markering in A2 van blad "${sheet}" ${found === "" ? "ontbreekt" : `is beschadigd ("${found}")`}. Het blad is herkend aan de titel in A1 en wel gecontroleerd. ` +
          `Zet in A2 terug: ${markerText(def, key, instance.instance)}`,
        why: markerWhy,
      });
    }
    return { instance, results: [...marker, ...evaluateChecks(def, instance.names, view, instance.missing)] };
  });
}

export function failures(results: readonly CheckResult[]): CheckResult[] {
  return results.filter((r) => !r.ok);
}
