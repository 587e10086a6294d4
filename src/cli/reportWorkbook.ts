/**
 * `pb recalc --out rapport.xlsx`: the report as a workbook for auditors — "Controle" (one row per PB cell), "Andere
 * formules" (the ordinary formula cells that differ or could not be recomputed), "Bonnen"
 * (one row per parameter value used, with its valid-from date and source, as the task pane's audit sheet has them)
 * and "Over" (the file's name, size and sha256, the time, the versions, the parameter set). Written with ExcelJS's
 * streaming writer, row by row, because 100 000 PB cells make 700 000 receipt rows; a sheet that would pass Excel's
 * 1 048 576 rows continues on "Bonnen (2)".
 */
import ExcelJS from "exceljs";
import type { Writable } from "stream";
import type { ParameterUse } from "../parameters";
import { CONFIDENCE_WORDS } from "../parameters/citation";
import { summaryLine, type RecalcReport } from "../engine/recalc";
import { EXCEL } from "../xlsx/limits";
import type { PbCellReport } from "../engine/recalc";
import { auditedAtText, HEADER, inputsText, notYetCalculatedLine, otherFormulasLine, receiptsOf, resultText, showValue, STATUS_NL } from "./report";

const BOLD = { bold: true };
const HEAD_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };

const BON_COLUMNS: [string, number][] = [
  ["Werkblad", 18],
  ["Cel", 8],
  ["Functie", 22],
  ["Regelversie", 12],
  ["Wettelijke grondslag", 40],
  ["Invoer", 48],
  ["Resultaat", 14],
  ["Parameter", 24],
  ["Waarde", 14],
  ["Eenheid", 12],
  ["Geldig vanaf", 12],
  ["Geldig tot", 12],
  ["Regeling", 36],
  ["Artikel", 16],
  ["Publicatie", 24],
  ["BWB", 14],
  ["URL", 36],
  ["Betrouwbaarheid", 30],
];

function isoDate(iso: string | undefined): Date | string {
  if (!iso) return "";
  const m = /^(\d{4})-(\d\d)-(\d\d)$/.exec(iso);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : iso;
}

function valueFormat(unit: string): string | undefined {
  if (unit.startsWith("EUR")) return "€ #,##0.00";
  if (unit === "fractie") return "0.00%";
  return undefined;
}

function header(ws: ExcelJS.Worksheet, titles: string[]): void {
  const row = ws.addRow(titles);
  row.font = BOLD;
  row.eachCell((c) => (c.fill = HEAD_FILL));
  row.commit();
}

export async function writeReportWorkbook(r: RecalcReport, stream: Writable): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  wb.creator = "pb recalc";
  wb.title = `Herberekening ${r.fileName}`;

  const cellRows = (ws: ExcelJS.Worksheet, list: readonly PbCellReport[]) => {
    ws.columns = [18, 8, 48, 14, 14, 10, 22, 60].map((width) => ({ width }));
    header(ws, HEADER);
    for (const c of list) {
      const row = ws.addRow([
        c.sheet,
        c.address,
        // a string, never a formula: the report shows formulas, it must never run them
        `=${c.formula}`,
        typeof c.cached === "object" || c.cached === undefined ? showValue(c.cached) : c.cached,
        typeof c.recomputed === "object" ? showValue(c.recomputed) : c.recomputed,
        c.difference ?? "",
        STATUS_NL[c.status],
        c.note ?? "",
      ]);
      for (const i of [4, 5, 6]) if (typeof row.getCell(i).value === "number") row.getCell(i).numFmt = list === r.cells ? "#,##0.00" : "General";
      row.commit();
    }
    ws.commit();
  };
  cellRows(wb.addWorksheet("Controle", { views: [{ state: "frozen", ySplit: 1 }] }), r.cells);
  // Only the ordinary cells that need attention, and only when there are any (an empty sheet says nothing Over does
  // not); how many there are in all is on Over. Not money: shown as saved.
  if (r.otherFormulas.cells.length > 0) cellRows(wb.addWorksheet("Andere formules", { views: [{ state: "frozen", ySplit: 1 }] }), r.otherFormulas.cells);

  let part = 1;
  const newBonnen = () => {
    const ws = wb.addWorksheet(part === 1 ? "Bonnen" : `Bonnen (${part})`, { views: [{ state: "frozen", ySplit: 1 }] });
    ws.columns = BON_COLUMNS.map(([, width]) => ({ width }));
    header(ws, BON_COLUMNS.map(([t]) => t));
    return ws;
  };
  let bonnen = newBonnen();
  let rows = 1;
  for (let ci = 0; ci < r.cells.length; ci++) {
    const c = r.cells[ci];
    for (const rc of receiptsOf(r, ci)) {
      const uses: (ParameterUse | undefined)[] = rc.parameters.length ? rc.parameters : [undefined];
      for (const p of uses) {
        if (rows >= EXCEL.rows) {
          bonnen.commit();
          part++;
          bonnen = newBonnen();
          rows = 1;
        }
        const s = p?.source;
        const result = typeof rc.result === "number" ? rc.result : resultText(rc.result);
        const value = p === undefined ? "" : typeof p.value === "number" || typeof p.value === "string" || typeof p.value === "boolean" ? p.value : JSON.stringify(p.value);
        const row = bonnen.addRow([
          c.sheet,
          c.address,
          rc.function,
          rc.ruleVersion,
          rc.legalBasis,
          inputsText(rc.inputs),
          result,
          p?.name ?? "",
          value,
          p?.unit ?? "",
          isoDate(p?.from),
          isoDate(p?.until),
          s?.regeling ?? "",
          s?.artikel ?? "",
          s?.publicatie ?? "",
          s?.bwb ?? "",
          s?.url ?? "",
          s ? CONFIDENCE_WORDS[s.confidence] : "",
        ]);
        if (typeof result === "number") row.getCell(7).numFmt = "#,##0.00";
        const fmt = p && typeof p.value === "number" ? valueFormat(p.unit) : undefined;
        if (fmt) row.getCell(9).numFmt = fmt;
        row.getCell(11).numFmt = "dd-mm-yyyy";
        row.getCell(12).numFmt = "dd-mm-yyyy";
        row.commit();
        rows++;
      }
    }
  }
  bonnen.commit();

  const about = wb.addWorksheet("Over");
  about.columns = [{ width: 26 }, { width: 90 }];
  const notYet = notYetCalculatedLine(r);
  const info: [string, string | number][] = [
    // first: they change how every row of Controle is read
    ...r.notices.map((n) => ["LET OP", n] as [string, string]),
    ["Bestand", r.file],
    ["Bestandsnaam", r.fileName],
    ["Grootte (bytes)", r.size ?? ""],
    ["sha256", r.sha256 ?? ""],
    ["Gecontroleerd op", auditedAtText(r)],
    ["PB Rekenkit", r.addinVersion],
    ["Parameterset", r.parameterSetLabel.replace(/^parameterset /, "")],
    ["Versie parameterset", r.parameterSet.version],
    ["Controlegetal parameterset", r.parameterSet.hash],
    ...(r.parameterSet.file ? ([["Parameterbestand", r.parameterSet.file]] as [string, string][]) : []),
    ["Rekenkern", r.engine],
    ["Berekenen in Excel", r.calcMode === "manual" ? "handmatig" : r.calcMode === "autoNoTable" ? "automatisch, behalve gegevenstabellen" : "automatisch"],
    ["PB-cellen", `${r.pbCells}, ${r.mismatches} verschillen`],
    ["Andere formules", otherFormulasLine(r)],
    ...(notYet !== undefined ? ([["Nog niet berekend in Excel", notYet]] as [string, string][]) : []),
    ...r.excelOnly.map((x) => ["Alleen in Excel", `${x.sheet}!${x.address}${x.range ? ` (${x.range})` : ""} =${x.formula}: niet vergeleken`] as [string, string]),
    ["Samenvatting", summaryLine(r)],
    ...r.unverified.map((u) => ["Niet herberekend", `${u.sheet}!${u.address}: ${u.reason}`] as [string, string]),
    ...r.warnings.map((w) => ["Let op", w] as [string, string]),
  ];
  for (const [k, v] of info) {
    const row = about.addRow([k, v]);
    row.getCell(1).font = k === "LET OP" ? { bold: true, color: { argb: "FFC00000" } } : BOLD;
    if (k === "LET OP") row.getCell(2).font = BOLD;
    row.commit();
  }
  about.commit();
  await wb.commit();
}
