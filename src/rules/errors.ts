/**
 * One catalogue of error messages (Dutch, for the user) — the way HyperFormula keeps its ErrorMessage.
 * Rules throw PbError; the function adapters turn it into an Excel error with the same message.
 */

export type ExcelErrorCode = "#VALUE!" | "#NUM!" | "#N/A";

const catalogue = {
  notANumber: (arg: string, got: string) =>
    ({ code: "#VALUE!", message: `${arg}: "${got}" is geen getal. Verwacht: een getal, bijvoorbeeld 0,6 of 38.` }),
  notADate: (arg: string, got: string) =>
    ({
      code: "#VALUE!",
      message: `${arg}: "${got}" is geen datum. Verwacht: een Excel-datum (DATUM(2024;7;1)), "2024-07-01" of "1-7-2024".`,
    }),
  notText: (arg: string, got: string) => ({ code: "#VALUE!", message: `${arg}: ${got} is geen tekst. Verwacht: tekst.` }),
  notABoolean: (arg: string, got: string) =>
    ({ code: "#VALUE!", message: `${arg}: "${got}" is geen WAAR/ONWAAR. Verwacht: WAAR, ONWAAR, "Ja" of "Nee".` }),
  notInteger: (arg: string, got: number) =>
    ({ code: "#NUM!", message: `${arg}: ${got} is geen geheel getal. Verwacht: een geheel getal.` }),
  missing: (arg: string) => ({ code: "#VALUE!", message: `${arg} ontbreekt. Dit argument is verplicht.` }),
  outOfRange: (arg: string, got: number | string, expected: string) =>
    ({ code: "#NUM!", message: `${arg}: ${got} valt buiten het toegestane bereik. Verwacht: ${expected}.` }),
  choice: (arg: string, got: string, options: readonly string[]) =>
    ({
      code: "#VALUE!",
      message: `${arg}: "${got}" is geen geldige keuze. Verwacht: ${options.map((o) => `"${o}"`).join(", ")}.`,
    }),
  dateOutsideTable: (name: string, date: string, from: string, until: string | undefined) =>
    ({
      code: "#N/A",
      message:
        `Geen waarde voor ${name} op ${date}: de tabel loopt van ${from}` +
        (until ? ` tot ${until}` : "") +
        `. Kies een peildatum binnen die periode.`,
    }),
  /** A table that ends because its next value is not published yet: a different thing from a date before the first value. */
  notPublishedYet: (name: string, date: string, lastFrom: string, lastDay: string) =>
    ({
      code: "#N/A",
      message:
        `De waarde van ${name} voor ${date} is nog niet bekendgemaakt: de tabel loopt tot en met ${lastDay} (laatste waarde geldig vanaf ${lastFrom}). ` +
        `Kies een eerdere peildatum; een nieuwere versie van PB Rekenkit neemt de waarde op zodra die is gepubliceerd.`,
    }),
  unknownParameter: (name: string, known: readonly string[]) =>
    ({ code: "#N/A", message: `Onbekende parameter "${name}". Bekende namen: ${known.join(", ")}.` }),
  unequalRanges: (a: string, b: string, na: number, nb: number) =>
    ({ code: "#VALUE!", message: `${a} (${na} cellen) en ${b} (${nb} cellen) moeten even groot zijn.` }),
  weightsNotOne: (sum: number) =>
    ({ code: "#NUM!", message: `De gewichten tellen op tot ${sum}, niet tot 1. Verwacht: gewichten met som 1 (100%).` }),
  emptyRange: (arg: string) => ({ code: "#VALUE!", message: `${arg} is leeg. Verwacht: minstens één getal.` }),
  errorInRange: (arg: string, err: string) =>
    ({ code: "#VALUE!", message: `${arg} bevat de fout ${err}. Herstel eerst die cel.` }),
  zeroNational: (arg: string, index: number) =>
    ({
      code: "#NUM!",
      message: `${arg}: het landelijk totaal op positie ${index} is 0; een aandeel daarvan bestaat niet. Verwacht: een totaal groter dan 0.`,
    }),
  notApplicable: (what: string, why: string) => ({ code: "#N/A", message: `${what}: ${why}` }),
  invalid: (what: string, why: string) => ({ code: "#NUM!", message: `${what}: ${why}` }),
  wrongSize: (arg: string, got: number, expected: number, layout: string) =>
    ({ code: "#VALUE!", message: `${arg} heeft ${got} cellen. Verwacht: precies ${expected} cellen, in deze volgorde: ${layout}.` }),
  negativeInRange: (arg: string, index: number, got: number) =>
    ({ code: "#NUM!", message: `${arg}: de waarde ${got} op positie ${index} is negatief. Verwacht: 0 of meer.` }),
  aboveNational: (arg: string, got: number, nationalArg: string, national: number) =>
    ({
      code: "#NUM!",
      message: `${arg}: ${got} is groter dan het landelijk totaal (${nationalArg}) ${national}. Verwacht: een gemeentelijk aantal dat niet groter is dan het landelijke.`,
    }),
  allZero: (arg: string) =>
    ({ code: "#NUM!", message: `${arg}: alle waarden zijn 0; er valt niets te verdelen. Verwacht: minstens één waarde groter dan 0.` }),
  ambiguousNumber: (arg: string, got: string) =>
    ({
      code: "#VALUE!",
      message: `${arg}: "${got}" is dubbelzinnig (duizendtal of decimaal). Verwacht: een getal zonder scheidingsteken voor duizendtallen, bijvoorbeeld 1000 of 1,5.`,
    }),
  yearNotDate: (arg: string, got: number) =>
    ({
      code: "#VALUE!",
      message: `${arg}: ${got} is een jaartal, geen datum. Verwacht: een datum, bijvoorbeeld DATUM(${got};1;1) of "${got}-01-01".`,
    }),
} satisfies Record<string, (...args: never[]) => { code: ExcelErrorCode; message: string }>;

export type ErrorKind = keyof typeof catalogue;

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
