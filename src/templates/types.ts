/**
 * Report templates as data. A definition says which sheets, cells, labels, input cells, formulas, number formats and
 * checks a template has; the renderers (pure model, .xlsx, Office.js) only copy it out, and the one check evaluator
 * reads it back. Sheets are named by a stable `key`; formulas reach other sheets as `{{key}}!A1`, so a renderer can
 * give the sheet any unique name and the formulas follow.
 */
import type { CellModel, CellScalar } from "../xlsx/model";

/** What is typed in an input cell; decides how a mistyped value is read back and what the message asks for. */
export type InputKind = "bedrag" | "aantal" | "janee" | "jaar" | "percentage" | "datum" | "tekst" | "uren" | "leeftijd" | "route";

/** A cell of a template definition: what the writers write, plus what the checks need to know about it. */
export interface TemplateCell extends CellModel {
  /** Input cells: what belongs there. */
  kind?: InputKind;
  /** A section or column header: names the cells below it in check messages. */
  heading?: boolean;
  /** The cell's name in check messages, where its row and column headers do not say it. */
  label?: string;
}

export type IndicatorStatus = "geverifieerd" | "te verifiëren";
export type AardControle = "R" | "D1" | "D2" | "n.v.t.";

/** One SiSa indicator: where its value sits and how sure we are of its code and wording. */
export interface SisaIndicator {
  /** Indicator code as printed in the SiSa model, e.g. "G2/01". */
  code: string;
  description: string;
  aardControle: AardControle;
  unit: "bedrag" | "aantal" | "janee" | "tekst";
  status: IndicatorStatus;
  /** Where the code and wording come from (and why they are or are not verified). */
  source: string;
  /** First and last verantwoordingsjaar the indicator is asked for (inclusive). */
  fromYear?: number;
  toYear?: number;
  /** The cell holding the value. */
  ref: CellRef;
}

/** A cell of a template, by sheet key. */
export interface CellRef {
  sheet: string;
  address: string;
}

export interface TemplateSheet {
  key: string;
  /** Default sheet name; at most 26 characters so " (99)" still fits Excel's 31. */
  name: string;
  /** Title in A1 (row 1 and the marker in row 2 belong to the renderer). */
  title: string;
  cells: TemplateCell[];
  columnWidths?: Record<string, number>;
  freeze?: string;
  merges?: string[];
  /** Printed landscape (wide registers); default portrait. Always A4, all columns on the page width. */
  landscape?: boolean;
  /** Rows repeated on every printed page (default "1:2": title and marker), e.g. "1:6" for a register's headers. */
  printTitleRows?: string;
}

/** Rows of a list (register, municipalities): a row counts as used when its key column is filled. */
export interface RowSpan {
  sheet: string;
  first: number;
  last: number;
  /** Column whose value marks the row as used. */
  key: string;
}

/**
 * A list of rows (register, participating municipalities) with the mistakes only a list has: a filled row without
 * its key, a key without data (see `requiredInRows`), the same key twice, a key that is a BSN, data below the last row.
 */
export interface ListDef {
  rows: RowSpan;
  /** The other input columns of a row. */
  columns: string[];
  /** One row is one … ("werknemer", "deelnemende gemeente"). */
  what: string;
  /** The key column's name in messages ("referentie", "gemeentecode"). */
  keyLabel: string;
  /** Refuse keys that pass the BSN elfproef (a register must not hold BSNs). */
  noBsn?: boolean;
  /**
   * Rows are periods (begin/end columns): one key may have several rows as long as their periods do not overlap (a new
   * determination mid-year continues on a new row). Without it every key is unique.
   */
  periods?: { start: string; end: string };
}

/** Years a check or indicator applies to, read from the template's year cell. */
export interface YearWindow {
  from?: number;
  to?: number;
}

interface CheckBase {
  id: string;
  /** Short Dutch title, shown in the task pane and by `pb check`. */
  title: string;
  /** Why the rule exists (law, reference), appended to every failure. */
  why: string;
  /** Only when the template's year lies in this window. */
  years?: YearWindow;
}

export type CheckDef =
  | (CheckBase & { kind: "required"; cells: (CellRef & { label: string })[] })
  | (CheckBase & {
      kind: "requiredInRows";
      rows: RowSpan;
      /** `unless`: the column is not required in a row where another column holds this value. */
      columns: { column: string; label: string; unless?: { column: string; equals: string } }[];
    })
  | (CheckBase & { kind: "yearRange"; cell: CellRef; from: number; to?: number })
  | (CheckBase & {
      kind: "choice";
      allowed: string[];
      cells?: (CellRef & { label: string })[];
      /** Or one column of a list of rows. */
      rows?: RowSpan;
      column?: string;
      label?: string;
    })
  | (CheckBase & { kind: "expect"; cell: CellRef; label: string; value: string })
  | (CheckBase & { kind: "zero"; cells: (CellRef & { label: string })[] })
  | (CheckBase & { kind: "noNetting"; rows: RowSpan; column: string; label: string })
  | (CheckBase & {
      kind: "equal";
      left: CellRef & { label: string };
      /** Either one cell or the sum of a range on one sheet. */
      right: (CellRef & { label: string }) | { sheet: string; sum: string; label: string };
      /** A difference is allowed once this cell explains it (SiSa's "toelichting bij afwijking"). */
      explainedBy?: CellRef & { label: string };
    })
  | (CheckBase & {
      kind: "maxMonths";
      /** Rows where `when` holds must end within `param` months of their start (and may not fill `empty`). */
      rows: RowSpan;
      when: { column: string; equals: string };
      start: string;
      end: string;
      /** Parameter with the number of months, looked up on the row's start. */
      param: string;
      empty?: { column: string; label: string };
    })
  | (CheckBase & {
      kind: "balance";
      /** Σ sign × term must equal `equals` (to the cent). */
      terms: (CellRef & { label: string; sign: 1 | -1 })[];
      equals: CellRef & { label: string };
    })
  | (CheckBase & {
      kind: "maxShare";
      /** The amount that may be at most `share` × base. Columns when `rows` is given, else cells. */
      cell: CellRef & { label: string };
      base: CellRef & { label: string };
      /** Parameter holding the share, looked up on 1 January of the template year. */
      param: string;
      /** With a Ja in this cell (column when `rows`), `paramIfYes` applies instead (art. 13 Wpb). */
      flag?: CellRef;
      paramIfYes?: string;
      rows?: RowSpan;
    })
  | (CheckBase & { kind: "range"; cells: (CellRef & { label: string })[]; min: number; max: number })
  | (CheckBase & { kind: "dateOrder"; rows: RowSpan; start: string; end: string })
  /** No cell of the range holds an Excel error (a PB function refusing its input shows up here). */
  | (CheckBase & { kind: "noErrors"; sheet: string; range: string })
  | (CheckBase & {
      kind: "deadline";
      cell: CellRef & { label: string };
      /** Parameter with the deadline (jaarOffset, maand, dag), e.g. "deadline.sisa". */
      param: string;
    });

export type CheckKind = CheckDef["kind"];

export interface ExampleValue extends CellRef {
  value: CellScalar;
}

export interface TemplateDef {
  /** Frozen id, upper case, used by `pb template ID`. */
  id: string;
  title: string;
  description: string;
  /** Version of the template definition (semver); in the marker of every rendered sheet. */
  version: string;
  /** Verantwoordingsjaren the template is made for; `to: null` means open-ended. */
  years: { from: number; to: number | null };
  /** The cell holding the year the template is filled for (checks read it). */
  yearCell: CellRef;
  sheets: TemplateSheet[];
  indicators: SisaIndicator[];
  checks: CheckDef[];
  /** Lists of rows in the template, checked for the mistakes of a list. */
  lists?: ListDef[];
  /**
   * Earlier versions whose workbooks have the same cells where this version has them, so this definition checks them
   * too (a marker with any other version is reported, not checked against a layout it may not have).
   */
  readsVersions?: string[];
  /** Definitions of earlier versions with another layout, so their workbooks are still checked against their own cells. */
  legacy?: TemplateDef[];
  /** Set on a legacy definition whose figures no longer follow the law: why, and what to do (Dutch); reported as a failure. */
  outdated?: string;
  /** The worked example (`--voorbeeld`): values typed into input cells. */
  example: ExampleValue[];
}
