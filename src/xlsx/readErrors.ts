/**
 * Why a file cannot be read as a workbook, in Dutch, for auditors. (Function errors have their own catalogue in
 * src/rules/errors.ts; these are about files, not cells, and carry no Excel error code.)
 */

export const DEFAULT_MAX_FILE_MB = 200;

const messages = {
  notFound: (file: string) => `Bestand ${file} bestaat niet of kan niet worden gelezen.`,
  isDirectory: (file: string) => `${file} is een map, geen bestand.`,
  empty: (file: string) => `${file} is leeg (0 bytes); dit is geen Excel-werkmap.`,
  tooLarge: (file: string, mb: number, max: number) =>
    `${file} is ${mb.toFixed(1).replace(".", ",")} MB; de grens is ${max} MB. Splits de werkmap, of verhoog de grens met --max-mb.`,
  unpackedTooLarge: (file: string, mb: number, max: number) =>
    `${file} pakt uit tot ${Math.round(mb)} MB (grens ${max} MB); dat lijkt geen gewone werkmap. Het bestand is niet gelezen.`,
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
