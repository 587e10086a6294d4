/**
 * One catalogue of error messages (Dutch, for the user) — the way HyperFormula keeps its ErrorMessage.
 * Rules throw PbError; the function adapters turn it into an Excel error with the same message.
 *
 * Every entry carries an explanation, so every entry uses a code whose message Excel shows: Excel drops a custom
 * function's message with #NUM! and the other codes (CustomFunctions.ErrorCode: "a custom error message can't be
 * used"), and shows it only with #VALUE! and #N/A. Hence:
 * - #VALUE!  the input is wrong or out of range (the user can fix the cell);
 * - #N/A     the input is fine but there is no value: no table for that date, not published yet, not applicable.
 * The type below makes any other code a compile error. Messages are short enough for Excel's error tooltip: the first
 * sentence says what is wrong, the rest what to type instead; a user's own text is echoed at most ECHO_MAX characters.
 */

/** The codes with a visible message. */
export type ExcelErrorCode = "#VALUE!" | "#N/A";

/** How much of a user's input a message repeats; longer input is cut with "…". */
export const ECHO_MAX = 60;

/** A number as a Dutch user types it: decimal comma, no thousands separator (1,5 and 1000000). */
export function num(n: number): string {
  return String(n).replace(".", ",");
}

/** A user's input as a message quotes it: at most ECHO_MAX characters, on one line; numbers with a decimal comma. */
export function echo(got: unknown): string {
  const s = typeof got === "number" ? num(got) : String(got).replace(/\s+/g, " ");
  return s.length > ECHO_MAX ? `${s.slice(0, ECHO_MAX - 1)}…` : s;
}

/** "2026-07-01" → "1-7-2026", as a Dutch user reads a date; anything else unchanged. */
export function dutchDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${Number(m[3])}-${Number(m[2])}-${m[1]}` : iso;
}

/** The day before an ISO date (for "tot en met"), without importing dates.ts (which imports nothing from here either). */
function dayBefore(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  const t = new Date(Date.UTC(y, m - 1, d) - 86_400_000);
  return `${t.getUTCFullYear()}-${String(t.getUTCMonth() + 1).padStart(2, "0")}-${String(t.getUTCDate()).padStart(2, "0")}`;
}

/** Up to three known names that share the first part of `name` (before the first dot), longest common start first. */
function nearNames(name: string, known: readonly string[]): string[] {
  const n = name.toLowerCase();
  const head = n.split(".")[0];
  const common = (k: string) => {
    let i = 0;
    while (i < k.length && i < n.length && k[i] === n[i]) i++;
    return i;
  };
  return known
    .filter((k) => k.toLowerCase().split(".")[0] === head)
    .sort((a, b) => common(b.toLowerCase()) - common(a.toLowerCase()))
    .slice(0, 3);
}

const V = "#VALUE!" as const;
const NA = "#N/A" as const;

const catalogue = {
  notANumber: (arg: string, got: string) =>
    ({ code: V, message: `${arg}: "${echo(got)}" is geen getal. Verwacht: een getal, bijvoorbeeld 0,6 of 38.` }),
  notADate: (arg: string, got: string) =>
    ({
      code: V,
      message: `${arg}: "${echo(got)}" is geen datum. Verwacht: een Excel-datum (DATUM(2024;7;1)), "2024-07-01" of "1-7-2024".`,
    }),
  notABoolean: (arg: string, got: string) =>
    ({ code: V, message: `${arg}: "${echo(got)}" is geen WAAR/ONWAAR. Verwacht: WAAR, ONWAAR, "Ja" of "Nee".` }),
  notInteger: (arg: string, got: number) =>
    ({ code: V, message: `${arg}: ${echo(got)} is geen geheel getal. Verwacht: een geheel getal.` }),
  missing: (arg: string, why = "Dit argument is verplicht.") => ({ code: V, message: `${arg} ontbreekt. ${why}` }),
  outOfRange: (arg: string, got: number | string, expected: string) =>
    ({ code: V, message: `${arg}: ${echo(got)} valt buiten het toegestane bereik. Verwacht: ${expected}.` }),
  choice: (arg: string, got: string, options: readonly string[]) =>
    ({
      code: V,
      message: `${arg}: "${echo(got)}" is geen geldige keuze. Verwacht: ${options.map((o) => `"${o}"`).join(", ")}.`,
    }),
  dateOutsideTable: (name: string, date: string, from: string, until: string | undefined) =>
    ({
      code: NA,
      message:
        `Geen waarde voor ${name} op ${dutchDate(date)}. De tabel loopt van ${dutchDate(from)}` +
        (until ? ` tot en met ${dutchDate(dayBefore(until))}` : "") +
        `; kies een peildatum binnen die periode.`,
    }),
  /** A table that ends because its next value is not published yet: a different thing from a date before the first value. */
  notPublishedYet: (name: string, date: string, lastFrom: string, lastDay: string) =>
    ({
      code: NA,
      message:
        `De waarde van ${name} voor ${dutchDate(date)} is nog niet bekendgemaakt: de tabel loopt tot en met ${dutchDate(lastDay)} (laatste waarde geldig vanaf ${dutchDate(lastFrom)}). ` +
        `Kies een eerdere peildatum; een nieuwere versie van PB Rekenkit neemt de waarde op zodra die is gepubliceerd.`,
    }),
  unknownParameter: (name: string, known: readonly string[]) => {
    const near = nearNames(name, known);
    return {
      code: V,
      message:
        `Onbekende parameter "${echo(name)}". ` +
        (near.length ? `Bedoelt u ${near.map((n) => `"${n}"`).join(", ")}?` : `Alle namen staan in de help van PB.PARAM.`),
    };
  },
  unequalRanges: (a: string, b: string, na: number, nb: number) =>
    ({ code: V, message: `${a} (${na} cellen) en ${b} (${nb} cellen) moeten even groot zijn.` }),
  weightsNotOne: (sum: number) =>
    ({ code: V, message: `De gewichten tellen op tot ${num(sum)}, niet tot 1. Verwacht: gewichten met som 1 (100%).` }),
  emptyRange: (arg: string) => ({ code: V, message: `${arg} is leeg. Verwacht: minstens één getal.` }),
  errorInRange: (arg: string, err: string) => ({ code: V, message: `${arg} bevat de fout ${err}. Herstel eerst die cel.` }),
  zeroNational: (arg: string, index: number) =>
    ({
      code: V,
      message: `${arg}: het landelijk totaal op positie ${index} is 0; een aandeel daarvan bestaat niet. Verwacht: een totaal groter dan 0.`,
    }),
  notApplicable: (what: string, why: string) => ({ code: NA, message: `${what}: ${why}` }),
  invalid: (what: string, why: string) => ({ code: V, message: `${what}: ${why}` }),
  wrongSize: (arg: string, got: number, expected: number, layout: string) =>
    ({ code: V, message: `${arg} heeft ${got} cellen. Verwacht: precies ${expected} cellen, in deze volgorde: ${layout}.` }),
  negativeInRange: (arg: string, index: number, got: number) =>
    ({ code: V, message: `${arg}: de waarde ${num(got)} op positie ${index} is negatief. Verwacht: 0 of meer.` }),
  aboveNational: (arg: string, got: number, nationalArg: string, national: number) =>
    ({
      code: V,
      message: `${arg}: ${num(got)} is groter dan het landelijk totaal (${nationalArg}) ${num(national)}. Verwacht: een gemeentelijk aantal dat niet groter is dan het landelijke.`,
    }),
  allZero: (arg: string) =>
    ({ code: V, message: `${arg}: alle waarden zijn 0; er valt niets te verdelen. Verwacht: minstens één waarde groter dan 0.` }),
  ambiguousNumber: (arg: string, got: string) =>
    ({
      code: V,
      message: `${arg}: "${echo(got)}" is dubbelzinnig (duizendtal of decimaal). Verwacht: een getal zonder scheidingsteken voor duizendtallen, bijvoorbeeld 1000 of 1,5.`,
    }),
  yearNotDate: (arg: string, got: number) =>
    ({
      code: V,
      message: `${arg}: ${got} is een jaartal, geen datum. Verwacht: een datum, bijvoorbeeld DATUM(${got};1;1) of "${got}-01-01".`,
    }),
  multiCell: (arg: string) =>
    ({ code: V, message: `${arg}: een bereik van meerdere cellen, terwijl één waarde verwacht wordt. Verwijs naar één cel.` }),
  tooManyArgs: (fn: string, max: number, names: readonly string[]) =>
    ({ code: V, message: `${fn} heeft ten hoogste ${max} argumenten (${names.join("; ")}). Verwijder de overige.` }),
  notFinite: (fn: string) => ({ code: V, message: `${fn} gaf geen eindig getal. Controleer de invoer: getallen die te groot zijn?` }),
  internal: (fn: string) =>
    ({ code: V, message: `${fn} kon dit niet berekenen door een fout in PB Rekenkit. Meld de formule en de invoer bij de beheerder.` }),
} satisfies Record<string, (...args: never[]) => { code: ExcelErrorCode; message: string }>;

export type ErrorKind = keyof typeof catalogue;

/** Every kind in the catalogue (the test that loads the built functions.js walks them all). */
export const ERROR_KINDS = Object.keys(catalogue) as ErrorKind[];

export class PbError extends Error {
  readonly code: ExcelErrorCode;
  readonly kind: ErrorKind;
  constructor(kind: ErrorKind, code: ExcelErrorCode, message: string) {
    super(message);
    this.name = "PbError";
    this.kind = kind;
    this.code = code;
  }
}

/** Build a PbError from the catalogue: `throw pbError("notANumber", "loonwaarde", "abc")`. */
export function pbError<K extends ErrorKind>(kind: K, ...args: Parameters<(typeof catalogue)[K]>): PbError {
  const make = catalogue[kind] as (...a: unknown[]) => { code: ExcelErrorCode; message: string };
  const { code, message } = make(...args);
  return new PbError(kind, code, message);
}
