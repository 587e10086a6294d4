/**
 * HyperFormula's English error messages → Dutch, for everything that reaches a report (`pb recalc`, `pb check`,
 * `pb eval`). Messages from PB functions are Dutch already and pass unchanged; an English message not listed here is
 * replaced by the Dutch meaning of its error code, so no English (and no empty message) reaches an auditor.
 */
import * as path from "path";

// Not in the package's "exports"; loaded by path next to the entry HyperFormula itself loads.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ErrorMessage } = require(path.join(path.dirname(require.resolve("hyperformula")), "error-message.js")) as {
  ErrorMessage: Record<string, unknown> & { ParseError: string };
};

const STATIC: Record<string, string> = {
  DistinctSigns: "De getallen moeten verschillende tekens hebben.",
  WrongArgNumber: "Verkeerd aantal argumenten voor deze functie.",
  EmptyArg: "Een argument van de functie is leeg.",
  EmptyArray: "Een lege matrix is hier niet toegestaan.",
  ArrayDimensions: "De afmetingen van de matrices passen niet bij elkaar.",
  PoolDimensions: "De afmetingen van het bereik passen niet bij venster en stap.",
  NoSpaceForArrayResult: "Geen ruimte om de matrixuitkomst over te laten lopen.",
  ValueSmall: "De waarde is te klein.",
  ValueLarge: "De waarde is te groot.",
  BadCriterion: "Ongeldig criterium.",
  RangeManySheets: "Het bereik loopt over meer dan één werkblad.",
  CellRangeExpected: "Hier hoort een celbereik.",
  WrongDimension: "Het bereik heeft de verkeerde afmeting.",
  ScalarExpected: "Hier hoort één waarde, geen bereik.",
  NumberCoercion: "De waarde kan niet als getal worden gelezen.",
  NumberExpected: "Hier hoort een getal.",
  IntegerExpected: "Hier hoort een geheel getal.",
  BadMode: "Onbekende modus.",
  DateBounds: "De datum ligt buiten het bereik van Excel.",
  OutOfSheet: "De verwijzing valt buiten het werkblad.",
  WrongType: "Verkeerd soort argument.",
  NaN: "De uitkomst is geen eindig getal.",
  EqualLength: "De bereiken moeten even lang zijn.",
  Negative: "De waarde mag niet negatief zijn.",
  NotBinary: "De tekst is geen binair getal.",
  NotOctal: "De tekst is geen octaal getal.",
  NotHex: "De tekst is geen hexadecimaal getal.",
  EndStartPeriod: "De eindperiode moet minstens de beginperiode zijn.",
  CellRefExpected: "Hier hoort een celverwijzing.",
  EmptyRange: "Een leeg bereik is hier niet toegestaan.",
  BadRef: "Ongeldige verwijzing.",
  NumberRange: "Het bereik mag alleen getallen bevatten.",
  ValueNotFound: "De waarde is niet gevonden.",
  ValueBaseLarge: "De waarde is te groot voor dit talstelsel.",
  ValueBaseSmall: "De waarde is te klein voor dit talstelsel.",
  ValueBaseLong: "De waarde is te lang voor dit talstelsel.",
  NegativeLength: "De lengte mag niet negatief zijn.",
  PatternNotFound: "Het patroon is niet gevonden.",
  OneValue: "Er is minstens één waarde nodig.",
  TwoValues: "Het bereik moet minstens twee waarden bevatten.",
  ThreeValues: "Het bereik moet minstens drie waarden bevatten.",
  EqualXValues: "Alle x-waarden zijn gelijk.",
  IndexBounds: "De index valt buiten het bereik.",
  IndexLarge: "De index is te groot.",
  Formula: "Hier hoort een formule.",
  NegativeCount: "Het aantal mag niet negatief zijn.",
  ParseError: "De rekenkern kan de formule niet lezen (ongeldige schrijfwijze).",
  SheetRef: "Het werkblad bestaat niet.",
  PeriodLong: "Het periodenummer is groter dan de looptijd.",
  InvalidDate: "Ongeldige datum.",
  BitshiftLong: "De uitkomst van de bitverschuiving is te lang.",
  EmptyString: "Een lege tekst is hier niet toegestaan.",
  LengthBounds: "De lengte valt buiten de grenzen.",
  NegativeTime: "De tijd mag niet negatief zijn.",
  NoDefault: "Er is geen standaardkeuze.",
  NoConditionMet: "Aan geen van de voorwaarden is voldaan.",
  Selector: "De keuze is groter dan het aantal argumenten.",
  StartEndDate: "De begindatum moet vóór de einddatum liggen.",
  IncorrectDateTime: "De tekst is geen geldige datum of tijd.",
  CharacterCodeBounds: "De tekencode valt buiten de grenzen.",
  NonZero: "Het argument mag niet 0 zijn.",
  LessThanOne: "Het argument mag niet kleiner dan 1 zijn.",
  WeekendString: "Ongeldige weekendcode.",
  InvalidRoman: "Ongeldig Romeins cijfer.",
  WrongOrder: "De waarden staan in de verkeerde volgorde.",
  ComplexNumberExpected: "Hier hoort een complex getal.",
  ShouldBeIorJ: "Hier hoort 'i' of 'j'.",
  SizeMismatch: "De afmetingen van de matrices komen niet overeen.",
  ResultTooLong: "De uitkomst is langer dan toegestaan.",
};

const englishToDutch = new Map<string, string>();
for (const [key, dutch] of Object.entries(STATIC)) {
  const en = ErrorMessage[key];
  if (typeof en === "string") englishToDutch.set(en, dutch);
}

/** The Dutch meaning of an Excel error code, when the engine gives no usable message. */
const BY_CODE: Record<string, string> = {
  "#DIV/0!": "Deling door nul.",
  "#N/A": "Waarde niet beschikbaar.",
  "#NAME?": "Onbekende naam of functie.",
  "#NUM!": "Ongeldig getal.",
  "#REF!": "Ongeldige verwijzing.",
  "#VALUE!": "Verkeerd soort waarde.",
  "#CYCLE!": "Kringverwijzing: de formule hangt (via andere cellen) van zichzelf af.",
  "#SPILL!": "Geen ruimte om de uitkomst over te laten lopen.",
  "#NULL!": "De bereiken snijden elkaar niet.",
  "#ERROR!": "De rekenkern kan de formule niet lezen (ongeldige schrijfwijze).",
  "#LIC!": "De rekenkern is niet goed ingesteld (licentie).",
  "#CALC!": "De formule kan niet worden uitgerekend.",
};


export function dutchEngineMessage(code: string, message: string | undefined): string {
  const m = (message ?? "").trim();
  if (m === "") return BY_CODE[code] ?? "De rekenkern gaf een fout zonder uitleg.";
  const known = englishToDutch.get(m);
  if (known) return known;
  let r: RegExpExecArray | null;
  if ((r = /^Function name (.+) not recognized\.$/.exec(m))) return `Onbekende functie ${r[1]}: de rekenkern kent die niet.`;
  if ((r = /^Named expression (.+) not recognized\.$/.exec(m))) return `Onbekende naam ${r[1]}.`;
  if (/^License key is/.test(m) || /is not included in your license/.test(m)) return BY_CODE["#LIC!"];
  if (m.startsWith(ErrorMessage.ParseError)) return STATIC.ParseError;
  // the parser's own (chevrotain) messages
  if (/^Parsing error|unexpected character|^Expecting|Redundant input|NotAllInputParsed|MismatchedToken|NoViableAlt/i.test(m)) return STATIC.ParseError;
  // A message of the engine not listed above (a later HyperFormula, a JavaScript error inside it): never shown in
  // English; Dutch messages of the PB functions and the plugins pass.
  if (looksEnglish(m)) return BY_CODE[code] ?? "De rekenkern gaf een fout zonder Nederlandse uitleg.";
  return m;
}

// Words of English engine messages that Dutch ones never use (Dutch "of", "is", "was", "argument" are left out).
const ENGLISH =
  /\b(?:the|not|cannot|can't|expected|expecting|allowed|must|should|range|function|error|invalid|incorrect|number|string|cell|sheet|found|recognized|parsing|unexpected|character|too|wrong|needs?|exceeds?|none|than|array|reference|bounds|license|value|values|empty|does|with|are|were|could|undefined|null|properties|read|out|length|maximum|at least)\b/i;

/** Whether a message reads as English, apart from what it quotes ("…", '…') and Excel's error codes and names in capitals. */
export function looksEnglish(message: string): boolean {
  const prose = message
    .replace(/"(?:[^"]|"")*"|'(?:[^']|'')*'|“[^”]*”|\[[^\]]*\]/g, " ")
    .replace(/#[A-Z0-9/]+[!?]?/g, " ")
    .replace(/\b[A-Z][A-Z0-9_.]+\b/g, " ");
  return ENGLISH.test(prose);
}
