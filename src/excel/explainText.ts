/**
 * A cell's receipt (explain.ts) in words: as plain text for the clipboard ("Kopieer"), and as the table PB.UITLEG
 * spills. Citations are the user form of citation.ts (regeling, artikel, publicatie, link, confidence in words); the
 * research notes beside a value never appear. Pure: the pane, the functions bundle and the tests all use it.
 */
import type { RawArg } from "../functions/contract";
import { isErrorResult, type InvokeResult } from "../functions/invoke";
import type { Receipt } from "../functions/receipt";
import { REGISTRY } from "../functions/registry";
import type { ParameterUse } from "../parameters";
import { parameterValueText, userCitation } from "../parameters/citation";
import { addDays, serialToIso, type DateSystem } from "../rules/dates";
import { shortDate } from "../taskpane/format";
import { localFormula, type FormulaLanguage } from "../taskpane/localFormula";
import type { CellExplanation, ExplainedCall, ExplainedInput } from "./explain";

const nl = (n: number, digits = 10) => n.toLocaleString("nl-NL", { maximumFractionDigits: digits });

/** An argument value as the user typed it: dates as 1-7-2023 for date arguments, numbers with a decimal comma. */
export function inputValueText(input: Pick<ExplainedInput, "value" | "type">, dateSystem: DateSystem): string {
  const v = input.value;
  if (input.type === "date" && typeof v === "number") {
    const iso = serialToIso(v, dateSystem);
    if (iso) return shortDate(iso);
  }
  return valueText(v);
}

export function valueText(v: RawArg | InvokeResult): string {
  if (v === null || v === undefined || v === "") return "(leeg)";
  if (typeof v === "number") return nl(v);
  if (typeof v === "boolean") return v ? "WAAR" : "ONWAAR";
  if (Array.isArray(v)) {
    const rows = v.length;
    const cols = rows ? (v[0] as unknown[]).length : 0;
    return `bereik van ${rows}×${cols}`;
  }
  if (typeof v === "object") return v.message ? `${v.error} (${v.message})` : v.error;
  return String(v);
}

/** The outcome of a call: money with cents (1.596,56), a date as 1-7-2023, anything else as valueText. */
export function resultText(receipt: Receipt, dateSystem: DateSystem): string {
  const r = receipt.result;
  const kind = REGISTRY.get(receipt.function.replace(/^PB\./, ""))?.result;
  if (typeof r === "number" && kind === "money") return r.toLocaleString("nl-NL", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  if (typeof r === "number" && kind === "date") {
    const iso = serialToIso(r, dateSystem);
    if (iso) return shortDate(iso);
  }
  if (Array.isArray(r)) return r.map((row) => row.map((x) => valueText(x)).join(" | ")).join("; ");
  return valueText(r);
}

/** "geldig van 1-7-2023 tot en met 31-12-2023" or "geldig vanaf 1-7-2019". */
export function validityText(u: Pick<ParameterUse, "from" | "until">): string {
  return u.until ? `geldig van ${shortDate(u.from)} tot en met ${shortDate(addDays(u.until, -1))}` : `geldig vanaf ${shortDate(u.from)}`;
}

/** Where an input came from: "uit A2", "uitkomst van PB.PARAM", "vast in de formule" or "weggelaten". */
export function inputOriginText(input: ExplainedInput, calls: readonly ExplainedCall[]): string {
  if (input.fromCall !== undefined) return `uitkomst van PB.${calls[input.fromCall]?.id ?? "?"}`;
  if (input.cells) return `uit ${input.cells}`;
  if (input.text === "") return "weggelaten";
  return "vast in de formule";
}

/** For a nested call: "gebruikt als loonwaarde in PB.LKS" or "deel van het argument loonwaarde van PB.LKS". */
export function feedsText(call: ExplainedCall, calls: readonly ExplainedCall[]): string | undefined {
  if (!call.feeds) return undefined;
  const parent = `PB.${calls[call.feeds.call]?.id ?? "?"}`;
  return call.feeds.whole ? `gebruikt als ${call.feeds.argument} in ${parent}` : `deel van het argument ${call.feeds.argument} van ${parent}`;
}

export function parameterSetText(r: Receipt): string {
  const origin =
    r.parameterSetOrigin === "eigen"
      ? `; eigen parameterset${r.parameterSetFile ? ` uit ${r.parameterSetFile}` : ""}, geen vrijgegeven set`
      : r.parameterSetOrigin === "vrijgegeven"
        ? "; een eerder vrijgegeven set"
        : "";
  return `parameterset ${r.parameterSetVersion} (controlegetal ${r.parameterSetHash})${origin}`;
}

function cellName(e: Pick<CellExplanation, "sheet" | "address">): string {
  return `${e.sheet}!${e.address}`;
}

/** The receipt as plain text, for the clipboard. */
export function explanationText(e: CellExplanation, lang: FormulaLanguage = "nl"): string {
  const out: string[] = [`Uitleg van ${cellName(e)} (PB Rekenkit)`];
  if (e.kind !== "pb") {
    out.push(e.message ?? "");
    return out.join("\n");
  }
  if (e.spilledFrom) out.push(`Deze cel hoort bij de uitkomst van ${e.spilledFrom}.`);
  out.push(`Formule: ${e.formulaLocal}`);
  out.push(`In de werkmap: ${valueText(e.workbookValue)}`);
  if (e.comparison) out.push(e.comparison.text);
  for (const c of e.calls) {
    out.push("");
    const feeds = feedsText(c, e.calls);
    out.push(`${localFormula(c.text, lang)}${c.receipt ? ` = ${resultText(c.receipt, e.dateSystem)}` : ""}${feeds ? ` (${feeds})` : ""}`);
    if (!c.receipt) {
      out.push(`  ${c.notComputed ?? "Niet na te rekenen."}`);
      continue;
    }
    out.push(`  Grondslag: ${c.receipt.legalBasis} (regelversie ${c.receipt.ruleVersion})`);
    if (c.inputs.length) {
      out.push("  Invoer:");
      for (const i of c.inputs) out.push(`    ${i.name} = ${inputValueText(i, e.dateSystem)} (${inputOriginText(i, e.calls)})`);
    }
    if (c.receipt.parameters.length) {
      out.push("  Parameters:");
      for (const p of c.receipt.parameters) {
        out.push(`    ${p.name} = ${parameterValueText(p.value)} ${p.unit}, ${validityText(p)}; ${userCitation(p.source)}`);
      }
    }
  }
  const first = e.calls.find((c) => c.receipt)?.receipt;
  if (first) {
    out.push("");
    out.push(`Berekend met PB Rekenkit ${first.addinVersion}, ${parameterSetText(first)}.`);
  }
  return out.join("\n");
}

export const UITLEG_COLUMNS = ["Onderdeel", "Naam", "Waarde", "Eenheid", "Geldig vanaf", "Geldig tot en met", "Bron"] as const;

export type TableCell = string | number | boolean;

function cellOf(v: RawArg | InvokeResult, text: () => string): TableCell {
  if (typeof v === "number" || typeof v === "boolean") return v;
  if (typeof v === "string") return v;
  if (Array.isArray(v) || isErrorResult(v) || (typeof v === "object" && v !== null)) return text();
  return "";
}

/**
 * What PB.UITLEG spills: the column titles, one row for the cell, then per PB call a row for the call, one per input
 * and one per parameter, and a last row with the parameter set. Numbers stay numbers (a Dutch Excel shows them with a
 * decimal comma); dates are text (1-7-2023), since a function's result carries no number format.
 */
export function explanationTable(e: CellExplanation): TableCell[][] {
  const rows: TableCell[][] = [[...UITLEG_COLUMNS]];
  const row = (...cells: TableCell[]) => rows.push([...cells, ...Array<TableCell>(UITLEG_COLUMNS.length - cells.length).fill("")]);
  row("cel", cellName(e), cellOf(e.workbookValue, () => valueText(e.workbookValue)), "", "", "", e.comparison?.text ?? "");
  for (const c of e.calls) {
    const feeds = feedsText(c, e.calls);
    const name = `PB.${c.id}${feeds ? ` (${feeds})` : ""}`;
    if (!c.receipt) {
      row("functie", name, "niet na te rekenen", "", "", "", c.notComputed ?? "");
      continue;
    }
    const r = c.receipt.result;
    const kind = REGISTRY.get(c.id)?.result;
    const value: TableCell = kind === "date" || Array.isArray(r) || isErrorResult(r) ? resultText(c.receipt, e.dateSystem) : cellOf(r, () => resultText(c.receipt!, e.dateSystem));
    row("functie", name, value, kind === "money" ? "EUR" : "", "", "", `${c.receipt.legalBasis} (regelversie ${c.receipt.ruleVersion})`);
    for (const i of c.inputs) {
      const v: TableCell = i.type === "date" || Array.isArray(i.value) || typeof i.value === "object" ? inputValueText(i, e.dateSystem) : cellOf(i.value, () => valueText(i.value));
      row("invoer", i.name, v, "", "", "", inputOriginText(i, e.calls));
    }
    for (const p of c.receipt.parameters) {
      const v = typeof p.value === "number" || typeof p.value === "string" ? p.value : parameterValueText(p.value);
      row("parameter", p.name, v, p.unit, shortDate(p.from), p.until ? shortDate(addDays(p.until, -1)) : "", userCitation(p.source));
    }
  }
  const first = e.calls.find((c) => c.receipt)?.receipt;
  if (first) row("parameterset", first.parameterSetVersion, first.parameterSetHash, "", "", "", `PB Rekenkit ${first.addinVersion}; ${parameterSetText(first)}`);
  return rows;
}
