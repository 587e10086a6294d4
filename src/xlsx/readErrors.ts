/**
 * Why a file cannot be read as a workbook, in Dutch, for auditors. (Function errors have their own catalogue in
 * src/rules/errors.ts; these are about files, not cells, and carry no Excel error code.) A message names the file and,
 * where it can, the part, sheet and cell, so an auditor can show what was wrong.
 */
import { mb, nl } from "./limits";

export const DEFAULT_MAX_FILE_MB = 200;

const REFUSED = "Er is niets herberekend.";

const messages = {
  notFound: (file: string) => `Bestand ${file} bestaat niet of kan niet worden gelezen.`,
  isDirectory: (file: string) => `${file} is een map, geen bestand.`,
  notRegular: (file: string, what: string) =>
    `${file} is geen gewoon bestand maar ${what}; pb leest alleen gewone bestanden. ${REFUSED}`,
  unreadable: (file: string, why: string) => `${file} kan niet worden gelezen: ${why}.`,
  changed: (file: string) => `${file} veranderde terwijl het werd gelezen; probeer het opnieuw als niemand het bestand meer bewerkt.`,
  empty: (file: string) => `${file} is leeg (0 bytes); dit is geen Excel-werkmap.`,
  tooLarge: (file: string, mbs: number, max: number) =>
    `${file} is ${mbs.toFixed(1).replace(".", ",")} MB; de grens is ${String(max).replace(".", ",")} MB. Splits de werkmap, of verhoog de grens met --max-mb.`,
  unpackedTooLarge: (file: string, mbs: number, max: number) =>
    `${file} pakt uit tot meer dan ${Math.round(mbs)} MB (grens ${Math.round(max)} MB, geteld tijdens het uitpakken); dat lijkt geen gewone werkmap. ${REFUSED} Een echte werkmap van die omvang: verhoog de grens met --max-uitgepakt-mb.`,
  notZip: (file: string) =>
    `${file} is geen Excel-werkmap (.xlsx): het is geen zip-bestand. Sla het in Excel op als "Excel-werkmap (*.xlsx)".`,
  encrypted: (file: string) =>
    `${file} is met een wachtwoord beveiligd (versleuteld). Open het in Excel, verwijder het wachtwoord (Bestand > Info > Werkmap beveiligen) en sla het opnieuw op.`,
  legacyXls: (file: string) =>
    `${file} is een oud Excel 97-2003-bestand (.xls) of een ander OLE-bestand. Sla het in Excel op als "Excel-werkmap (*.xlsx)".`,
  xlsb: (file: string) => `${file} is een binaire Excel-werkmap (.xlsb); die wordt niet ondersteund. Sla het op als .xlsx.`,
  ods: (file: string) => `${file} is een OpenDocument-rekenblad (.ods); sla het op als Excel-werkmap (.xlsx).`,
  notWorkbook: (file: string) =>
    `${file} is een zip-bestand, maar geen Excel-werkmap: xl/workbook.xml ontbreekt. Is dit misschien een Word- of ander Office-bestand?`,
  corrupt: (file: string, detail: string) =>
    `${file} is beschadigd en kan niet als werkmap worden gelezen (${detail}). Open het in Excel en sla het opnieuw op.`,
  /**
   * The file breaks the format in a way Excel itself does not write: damaged, or edited by hand. `where` names the
   * part and, when known, the sheet and cell.
   */
  invalid: (file: string, where: string, detail: string) =>
    `${file} is geweigerd: ${where}: ${detail}. Zo schrijft Excel geen werkmap; het bestand is beschadigd of met de hand bewerkt. ${REFUSED}`,
  tooManyCells: (file: string, max: number) =>
    `${file} heeft meer dan ${nl(max)} gevulde cellen; dat is meer dan één controle aankan. ${REFUSED} Verhoog de grens met --max-cellen als dit echt één werkmap is.`,
  gridTooLarge: (file: string, sheet: string, slots: number, max: number) =>
    `${file}: werkblad ${sheet} beslaat ${nl(slots)} celposities (rijen tot hun laatste kolom; grens ${nl(max)}): cellen staan verspreid tot ver rechts in het blad. ${REFUSED}`,
  rangesTooLarge: (file: string, cells: number, max: number) =>
    `${file}: de formules verwijzen samen naar ${nl(cells)} lege cellen in bereiken (grens ${nl(max)}); de rekenkern zou die allemaal moeten aanmaken. ${REFUSED}`,
  tooMany: (file: string, what: string, max: number) => `${file} heeft meer dan ${nl(max)} ${what}. ${REFUSED}`,
} as const;

export type ReadErrorKind = keyof typeof messages;

export class WorkbookReadError extends Error {
  constructor(
    readonly kind: ReadErrorKind,
    message: string,
  ) {
    super(message);
    this.name = "WorkbookReadError";
  }
}

export function readError<K extends ReadErrorKind>(kind: K, ...args: Parameters<(typeof messages)[K]>): WorkbookReadError {
  const make = messages[kind] as (...a: unknown[]) => string;
  return new WorkbookReadError(kind, make(...args));
}

/** Where in the package: "xl/worksheets/sheet1.xml (werkblad Register, cel D2)". */
export function where(part: string, sheet?: string, cell?: string): string {
  const inner = [sheet !== undefined ? `werkblad ${sheet}` : "", cell ? `cel ${cell}` : ""].filter(Boolean).join(", ");
  return inner ? `${part} (${inner})` : part;
}

export { mb };
