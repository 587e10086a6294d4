/**
 * The audit sheet as a plain matrix: one receipt per figure (cell, formula, inputs, result, every parameter value with
 * its valid-from date and source) under a header with the add-in and parameter-set versions. officeHost.ts writes it on
 * a new sheet; here it is pure so tests can read it.
 */
import type { RawArg } from "../functions/contract";
import { isErrorResult, type InvokeResult } from "../functions/invoke";
import type { LegalSource, ParameterUse } from "../parameters";
import { userCitation } from "../parameters/citation";
import { summaryText } from "./scanSummary";
import type { ScanResult, ScannedFormula } from "./hostActions";
import type { CellExplanation } from "./explain";
import { feedsText, inputOriginText, inputValueText, parameterSetText, resultText } from "./explainText";

export type AuditCell = string | number | boolean;

export const AUDIT_BASE_NAME = "PB-controle";

export const AUDIT_COLUMNS = [
  "Blad",
  "Cel",
  "Formule",
  "Invoer",
  "Waarde in werkmap",
  "Herberekend",
  "Status",
  "Toelichting",
  "Parameter",
  "Waarde",
  "Eenheid",
  "Geldig vanaf",
  "Geldig tot",
  "Bron",
  "Regelversie",
  "Wettelijke grondslag",
] as const;

export interface AuditHeader {
  addinVersion: string;
  parameterSetVersion: string;
  parameterSetHash: string;
  /** When the check ran, as local text (not a rule input). */
  createdAt: string;
  workbookName?: string;
}

/**
 * Text that Excel would read as a formula or number sign ("=", "+", "-", "@") is written with a leading apostrophe:
 * the audit shows the user's formulas, it must never run them.
 */
export function asText(s: string): string {
  return /^[=+\-@]/.test(s) ? `'${s}` : s;
}

function show(v: RawArg | InvokeResult): AuditCell {
  if (v === null || v === undefined) return "";
  if (Array.isArray(v)) {
    const rows = v.length;
    const cols = rows ? (v[0] as unknown[]).length : 0;
    const first = rows && cols ? show((v as RawArg[][])[0][0]) : "";
    return `bereik ${rows}×${cols}${first !== "" ? `, eerste waarde ${first}` : ""}`;
  }
  // A cell's error as read from the workbook has a code and, from our own rules, a message; never "undefined".
  if (isErrorResult(v)) return asText(v.message ? `${v.error} ${v.message}` : v.error);
  if (typeof v === "object") return v.error;
  if (typeof v === "string") return asText(v);
  return v;
}

function showParamValue(v: unknown): AuditCell {
  if (typeof v === "number" || typeof v === "boolean") return v;
  if (typeof v === "string") return asText(v);
  const s = JSON.stringify(v);
  return s.length > 250 ? `${s.slice(0, 247)}...` : s;
}

/** The source as users read it everywhere (citation.ts): the research notes stay in the parameter data. */
export function sourceText(s: LegalSource): string {
  return userCitation(s);
}

function inputsText(f: ScannedFormula): string {
  if (!f.recomputed) return "";
  return f.recomputed.inputs.map((i) => `${i.name} = ${i.text === "" ? "(leeg)" : i.text}${/^[A-Za-z$']/.test(i.text) ? ` → ${String(show(i.value))}` : ""}`).join("; ");
}

const STATUS_TEXT: Record<ScannedFormula["status"], string> = {
  gelijk: "gelijk",
  verschil: "VERSCHIL",
  fout: "FOUT IN CEL",
  "niet-geladen": "#NAME? (functies niet geladen)",
  bezig: "#BUSY! (wacht op functies)",
  "niet-herberekend": "niet herberekend",
};

function paramCells(p: ParameterUse | undefined): AuditCell[] {
  if (!p) return ["", "", "", "", "", ""];
  return [p.name, showParamValue(p.value), p.unit, p.from, p.until ?? "", sourceText(p.source)];
}

/** Rows of the audit table (without header); a figure with n parameters takes max(1, n) rows. */
export function auditRows(scan: ScanResult): AuditCell[][] {
  const rows: AuditCell[][] = [];
  for (const f of scan.formulas) {
    const params = f.recomputed?.parameters ?? [];
    const first: AuditCell[] = [
      f.sheet,
      f.address,
      asText(f.display),
      inputsText(f),
      show(f.workbookValue),
      f.recomputed ? show(f.recomputed.result) : "",
      STATUS_TEXT[f.status],
      f.reason ?? "",
      ...paramCells(params[0]),
      f.recomputed?.ruleVersion ?? "",
      f.recomputed?.legalBasis ?? "",
    ];
    rows.push(first);
    for (const p of params.slice(1)) rows.push([f.sheet, f.address, "", "", "", "", "", "", ...paramCells(p), "", ""]);
  }
  return rows;
}

export const AUDIT_TITLE = "PB Rekenkit — controle van PB-formules";

/** The header lines above the table: title, date, workbook, versions and the outcome line. */
export function auditHeaderRows(header: AuditHeader, outcome: string): AuditCell[][] {
  return [
    [AUDIT_TITLE],
    ["Gemaakt op", header.createdAt],
    ["Werkmap", header.workbookName ?? ""],
    ["Versie invoegtoepassing", header.addinVersion],
    ["Parameterset", `${header.parameterSetVersion} (controlegetal ${header.parameterSetHash})`],
    ["Uitkomst", outcome],
    [],
  ];
}

/** The row (0-based) of the column titles on every audit sheet: right under the header lines. */
export const AUDIT_TABLE_ROW = auditHeaderRows({ addinVersion: "", parameterSetVersion: "", parameterSetHash: "", createdAt: "" }, "").length;

/** The whole sheet: header lines, an empty line, the column titles and the rows. All rows have the same width. */
export function auditMatrix(scan: ScanResult, header: AuditHeader): { matrix: AuditCell[][]; tableStartRow: number } {
  return auditSheet(auditRows(scan), header, summaryText(scan));
}

export function auditSheet(rows: AuditCell[][], header: AuditHeader, outcome: string): { matrix: AuditCell[][]; tableStartRow: number } {
  const width = AUDIT_COLUMNS.length;
  const pad = (r: AuditCell[]): AuditCell[] => [...r, ...Array<AuditCell>(width - r.length).fill("")];
  const head = auditHeaderRows(header, outcome).map(pad);
  const tableStartRow = head.length;
  return { matrix: [...head, [...AUDIT_COLUMNS], ...rows.map(pad)], tableStartRow };
}

const EXPLAINED_STATUS: Record<NonNullable<CellExplanation["comparison"]>["status"], string> = {
  gelijk: STATUS_TEXT.gelijk,
  verschil: STATUS_TEXT.verschil,
  fout: STATUS_TEXT.fout,
  "niet-geladen": STATUS_TEXT["niet-geladen"],
  bezig: STATUS_TEXT.bezig,
  deel: "deel van de formule",
  onbekend: STATUS_TEXT["niet-herberekend"],
};

/**
 * The rows "Leg vast op controleblad" appends for one cell from the Uitleg view: the same columns as a scan's rows, one
 * block per PB call (nested calls after the call they feed). The note says when and with which parameter set it was
 * recorded, since the sheet's header may be from another day.
 */
export function explanationAuditRows(e: CellExplanation, recordedAt: string): AuditCell[][] {
  const rows: AuditCell[][] = [];
  e.calls.forEach((c, index) => {
    const params = c.receipt?.parameters ?? [];
    const inputs = c.inputs.map((i) => `${i.name} = ${inputValueText(i, e.dateSystem)} (${inputOriginText(i, e.calls)})`).join("; ");
    const top = index === 0;
    const note = [
      top ? e.comparison?.text : feedsText(c, e.calls),
      c.notComputed,
      top ? `Vastgelegd vanuit Uitleg op ${recordedAt}${c.receipt ? `, ${parameterSetText(c.receipt)}` : ""}.` : undefined,
    ]
      .filter(Boolean)
      .join(" ");
    rows.push([
      e.sheet,
      e.address,
      asText(top ? e.formulaLocal : `PB.${c.id}: ${c.text}`),
      asText(inputs),
      top ? show(e.workbookValue) : "",
      c.receipt ? asText(resultText(c.receipt, e.dateSystem)) : "",
      top && e.comparison ? EXPLAINED_STATUS[e.comparison.status] : "deel van de formule",
      asText(note),
      ...paramCells(params[0]),
      c.receipt?.ruleVersion ?? "",
      c.receipt?.legalBasis ?? "",
    ]);
    for (const p of params.slice(1)) rows.push([e.sheet, e.address, "", "", "", "", "", "", ...paramCells(p), "", ""]);
  });
  return rows;
}

const FORBIDDEN_IN_SHEET_NAMES = /[[\]:*?/\\]/g;

/** A sheet name not yet in `existing` (case-insensitive, as Excel compares), at most 31 characters. */
export function uniqueSheetName(existing: readonly string[], base = AUDIT_BASE_NAME): string {
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  const clean = base.replace(FORBIDDEN_IN_SHEET_NAMES, " ").slice(0, 31);
  if (!taken.has(clean.toLowerCase())) return clean;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const name = `${clean.slice(0, 31 - suffix.length)}${suffix}`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}
