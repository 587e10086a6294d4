/**
 * The report of `pb recalc` as text and as JSON, produced line by line so that a report of 100 000 cells with their
 * receipts (hundreds of MB) is never one string. Both carry the same header: the file's name, size and sha256, the
 * time of the audit (UTC), the versions and the parameter set.
 */
import type { Receipt } from "../functions/receipt";
import { userCitation } from "../parameters/citation";
import type { ParameterUse } from "../parameters";
import { notYetCalculated, receiptsOf, summaryLine, type PbCellReport, type RecalcReport, type ReportValue } from "../engine/recalc";
import type { RawArg } from "../functions/contract";

export function showValue(v: ReportValue | undefined): string {
  if (v === undefined || v === null) return "";
  if (typeof v === "object") return v.error;
  return String(v);
}

export const STATUS_NL: Record<PbCellReport["status"], string> = {
  ok: "ok",
  mismatch: "VERSCHIL",
  "not-recomputable": "NIET HERBEREKEND",
  "no-cached-value": "NOG NIET BEREKEND IN EXCEL",
};

export const HEADER = ["Werkblad", "Cel", "Formule", "Opgeslagen", "Herberekend", "Verschil", "Status", "Toelichting"];

export function rowOf(c: PbCellReport): string[] {
  return [
    c.sheet,
    c.address,
    `=${c.formula}`,
    showValue(c.cached),
    showValue(c.recomputed),
    c.difference === null ? "" : String(Math.round(c.difference * 1e6) / 1e6),
    STATUS_NL[c.status],
    c.note ?? "",
  ];
}

export function auditedAtText(r: RecalcReport): string {
  return `${r.auditedAt.replace(/\.\d+Z$/, "Z")} (UTC)`;
}

function headLines(r: RecalcReport): string[] {
  return [
    `Herberekening van ${r.file}`,
    `PB Rekenkit ${r.addinVersion}; ${r.parameterSetLabel}; rekenkern ${r.engine}`,
    ...(r.size !== null ? [`Bestand ${r.fileName}: ${r.size} bytes, sha256 ${r.sha256}`] : []),
    `Gecontroleerd op ${auditedAtText(r)}`,
    // first, before any row: they change how every row below is read
    ...r.notices.map((n) => `LET OP: ${n}`),
  ];
}

/** A cell that needs the auditor: a difference, or a value that could not be recomputed. */
export function needsAttention(c: PbCellReport): boolean {
  return c.status === "mismatch" || c.status === "not-recomputable";
}

/**
 * The PB rows a report shows. `onlyDifferences`: what needs attention; when nothing does, the rows not yet calculated
 * in Excel (then they are what there is to see), never the ok rows.
 */
export function shownPbCells(r: RecalcReport, onlyDifferences: boolean): PbCellReport[] {
  if (!onlyDifferences) return r.cells;
  const attention = r.cells.filter(needsAttention);
  if (attention.length > 0 || r.otherFormulas.cells.length > 0) return attention;
  return r.cells.filter((c) => c.status === "no-cached-value");
}

/** "12 andere formules, 1 verschillen", with what the count holds when there is more to say. */
export function otherFormulasLine(r: RecalcReport): string {
  const o = r.otherFormulas;
  const parts: string[] = [];
  if (o.notRecomputable > 0) parts.push(`waarvan ${o.notRecomputable} niet herberekend`);
  if (o.dependsOnPbMismatch > 0) parts.push(`waarvan ${o.dependsOnPbMismatch} afhankelijk van een PB-cel met verschil`);
  const notYet = o.notYetCalculated > 0 ? `; ${o.notYetCalculated} nog niet berekend in Excel` : "";
  return `${o.count} andere formules, ${o.mismatches} verschillen${parts.length ? ` (${parts.join(", ")})` : ""}${notYet}`;
}

/** The count of cells not yet calculated in Excel, as one sentence; undefined when there are none. */
export function notYetCalculatedLine(r: RecalcReport): string | undefined {
  const n = notYetCalculated(r);
  if (n === 0) return undefined;
  return (
    `Nog niet berekend in Excel: ${n} formulecel(len) zonder opgeslagen waarde (${r.pbNotYetCalculated} PB-cel(len), ${r.otherFormulas.notYetCalculated} andere). ` +
    "Geen verschil, maar ook niet bevestigd: laat Excel de werkmap berekenen en sla op (afsluitcode 1)."
  );
}

/** The inputs of a receipt as one line: "peildatum = 2023-07-01; loonwaarde = 0.4". */
export function inputsText(inputs: Record<string, RawArg>): string {
  return Object.entries(inputs)
    .map(([k, v]) => `${k} = ${Array.isArray(v) ? `bereik ${v.length}×${(v[0] as unknown[] | undefined)?.length ?? 0}` : v === null ? "(leeg)" : typeof v === "object" ? v.error : String(v)}`)
    .join("; ");
}

export function resultText(r: Receipt["result"]): string {
  if (Array.isArray(r)) return `matrix ${r.length}×${r[0]?.length ?? 0}`;
  if (typeof r === "object" && r !== null) return `${r.error} ${r.message}`;
  return String(r);
}

export const BON_HEADER = ["Bon", "Werkblad", "Cel", "Functie", "Invoer", "Resultaat", "Parameter", "Waarde", "Eenheid", "Geldig vanaf", "Geldig tot", "Bron"];

function paramValueText(v: unknown): string {
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "string") return String(v);
  const s = JSON.stringify(v);
  return s.length > 250 ? `${s.slice(0, 247)}...` : s;
}

export { receiptsOf };

/**
 * The text report; the last line (the summary) is printed by the caller. `bonnen`: one line per parameter use.
 * `onlyDifferences` (--alleen-verschillen): only the rows that need attention (see shownPbCells).
 */
export function* textLines(r: RecalcReport, bonnen = false, onlyDifferences = false): Generator<string> {
  yield* headLines(r);
  yield HEADER.join("\t");
  const shown = shownPbCells(r, onlyDifferences);
  for (const c of shown) yield rowOf(c).join("\t");
  if (shown.length < r.cells.length) yield `(${r.cells.length - shown.length} PB-cel(len) zonder verschil niet getoond: --alleen-verschillen.)`;
  yield `Andere formules: ${otherFormulasLine(r)}.`;
  if (r.otherFormulas.cells.length > 0) {
    yield HEADER.join("\t");
    for (const c of r.otherFormulas.cells) yield rowOf(c).join("\t");
  }
  const notYet = notYetCalculatedLine(r);
  if (notYet !== undefined) yield notYet;
  for (const x of r.excelOnly) yield `Alleen in Excel: ${x.sheet}!${x.address}${x.range ? ` (${x.range})` : ""} =${x.formula}: niet vergeleken, geen verschil.`;
  for (const u of r.unknownFunctions) {
    yield `Onbekende functie ${u.name} in ${u.cells} formule(s), bijvoorbeeld ${u.example}; die cellen zijn niet herberekend.`;
  }
  for (const u of r.unverified) yield `Niet herberekend: ${u.sheet}!${u.address}: ${u.reason}`;
  for (const w of r.warnings) yield `Let op: ${w}`;
  const notRecomputable = r.cells.filter((c) => c.status === "not-recomputable").length;
  if (notRecomputable > 0) yield `${notRecomputable} PB-cel(len) konden niet worden herberekend (geteld als verschil).`;
  if (bonnen) {
    yield "";
    yield "Bonnen: één regel per gebruikte parameterwaarde.";
    yield BON_HEADER.join("\t");
    for (let ci = 0; ci < r.cells.length; ci++) {
      const c = r.cells[ci];
      const receipts = receiptsOf(r, ci);
      for (let i = 0; i < receipts.length; i++) {
        const rc = receipts[i];
        const label = `${c.sheet}!${c.address}${i > 0 ? ` (${i + 1})` : ""}`;
        const params: (ParameterUse | undefined)[] = rc.parameters.length ? rc.parameters : [undefined];
        for (const p of params) {
          yield [
            label,
            c.sheet,
            c.address,
            `${rc.function} (${rc.ruleVersion})`,
            inputsText(rc.inputs),
            resultText(rc.result),
            p?.name ?? "",
            p ? paramValueText(p.value) : "",
            p?.unit ?? "",
            p?.from ?? "",
            p?.until ?? "",
            p ? userCitation(p.source, p.from) : "",
          ].join("\t");
        }
      }
    }
  }
}

// ------------------------------------------------------------------------------------------------ JSON

/**
 * Parameter uses are shared objects (CallBook interns them), and a register's receipts repeat the same few lists of
 * them: each list is serialised once. The head of a receipt (function, legal basis, versions) likewise.
 */
const useIds = new WeakMap<ParameterUse, number>();
let nextUseId = 0;
const listJson = new Map<string, string>();
const headJson = new Map<string, string>();

const listBytes = new Map<string, Buffer>();

function listKey(uses: readonly ParameterUse[]): string {
  let key = "";
  for (const u of uses) {
    let id = useIds.get(u);
    if (id === undefined) useIds.set(u, (id = nextUseId++));
    key += `${id},`;
  }
  return key;
}

function parametersJson(uses: readonly ParameterUse[]): string {
  const key = listKey(uses);
  let s = listJson.get(key);
  if (s === undefined) {
    s = JSON.stringify(uses);
    if (listJson.size < 10_000) listJson.set(key, s);
  }
  return s;
}

/** The same as bytes: written to a file as is, the same Buffer for every receipt that has the same list. */
function parametersBytes(uses: readonly ParameterUse[]): Buffer {
  const key = listKey(uses);
  let b = listBytes.get(key);
  if (b === undefined) {
    b = Buffer.from(parametersJson(uses), "utf8");
    if (listBytes.size < 10_000) listBytes.set(key, b);
  }
  return b;
}

function receiptHead(r: Receipt): string {
  const hk = `${r.function}\u0000${r.ruleVersion}\u0000${r.legalBasis}`;
  let head = headJson.get(hk);
  if (head === undefined) {
    head = `{"function":${JSON.stringify(r.function)},"legalBasis":${JSON.stringify(r.legalBasis)},"ruleVersion":${JSON.stringify(r.ruleVersion)}`;
    headJson.set(hk, head);
  }
  return `${head},"inputs":${JSON.stringify(r.inputs)},"result":${JSON.stringify(r.result)},"parameters":`;
}

function receiptTail(r: Receipt): string {
  const file = r.parameterSetFile !== undefined ? `,"parameterSetFile":${JSON.stringify(r.parameterSetFile)}` : "";
  return (
    `,"parameterSetVersion":${JSON.stringify(r.parameterSetVersion)},"parameterSetHash":${JSON.stringify(r.parameterSetHash)}` +
    `,"parameterSetOrigin":${JSON.stringify(r.parameterSetOrigin)}${file},"addinVersion":${JSON.stringify(r.addinVersion)}}`
  );
}

/** One receipt as JSON pieces; the parameter list (the bulk of it) as shared bytes. */
function receiptPieces(r: Receipt, out: (string | Buffer)[]): void {
  out.push(receiptHead(r), parametersBytes(r.parameters), receiptTail(r));
}

export function receiptJson(r: Receipt): string {
  return receiptHead(r) + parametersJson(r.parameters) + receiptTail(r);
}

/** A cell with `receipt` (its first PB call; null when none ran, e.g. in an IF branch) and `furtherReceipts`. */
function cellPieces(r: RecalcReport, i: number, last: boolean): (string | Buffer)[] {
  const head = JSON.stringify(r.cells[i]);
  const [first, ...more] = receiptsOf(r, i);
  const out: (string | Buffer)[] = [`    ${head.slice(0, -1)},"receipt":`];
  if (first) receiptPieces(first, out);
  else out.push("null");
  if (more.length) {
    out.push(`,"furtherReceipts":[`);
    more.forEach((m, k) => {
      if (k > 0) out.push(",");
      receiptPieces(m, out);
    });
    out.push("]");
  }
  out.push(last ? "}" : "},");
  return out;
}

/** The JSON report, one line per cell (the whole is one JSON object), as pieces of text and shared bytes. */
export function* jsonPieces(r: RecalcReport): Generator<(string | Buffer)[]> {
  const { cells, otherFormulas, ...rest } = r;
  const top = { ...rest, summary: summaryLine(r) };
  yield ["{"];
  for (const [k, v] of Object.entries(top)) yield [`  ${JSON.stringify(k)}: ${JSON.stringify(v)},`];
  // the listed ordinary cells one per line too: a workbook that was edited after its last calculation can list many
  const { cells: others, ...counts } = otherFormulas;
  yield [`  "otherFormulas": ${JSON.stringify(counts).slice(0, -1)},"cells": [`];
  for (let i = 0; i < others.length; i++) yield [`    ${JSON.stringify(others[i])}${i + 1 === others.length ? "" : ","}`];
  yield ["  ]},"];
  yield ['  "cells": ['];
  for (let i = 0; i < cells.length; i++) yield cellPieces(r, i, i + 1 === cells.length);
  yield ["  ]"];
  yield ["}"];
}

/** The JSON report as lines of text (stdout). */
export function* jsonLines(r: RecalcReport): Generator<string> {
  for (const pieces of jsonPieces(r)) yield pieces.map((p) => (typeof p === "string" ? p : p.toString("utf8"))).join("");
}
