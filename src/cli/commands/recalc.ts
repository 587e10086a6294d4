import { promises as fs } from "fs";
import * as path from "path";
import type { Command, CliIO } from "../command";
import { EXIT, parseOptions, UsageError } from "../command";
import { recalcModel, summaryLine, type PbCellReport, type RecalcReport, type ReportValue } from "../../engine/recalc";
import { readWorkbook } from "../../xlsx/read";
import { WorkbookReadError } from "../../xlsx/readErrors";
import { writeWorkbook } from "../../xlsx/write";
import type { CellModel, WorkbookModel } from "../../xlsx/model";
import { applyParameterSetOption, PARAMETERSET_OPTION, PARAMETERSET_USAGE } from "../parameterSet";

/** Above this many bytes the phases are announced on stderr, so a long run is visibly alive. */
const LARGE_FILE_BYTES = 1_000_000;

function showValue(v: ReportValue | undefined): string {
  if (v === undefined || v === null) return "";
  if (typeof v === "object") return v.error;
  return String(v);
}

const STATUS_NL: Record<PbCellReport["status"], string> = {
  ok: "ok",
  mismatch: "VERSCHIL",
  "not-recomputable": "NIET HERBEREKEND",
  "no-cached-value": "GEEN OPGESLAGEN WAARDE",
};

const HEADER = ["Werkblad", "Cel", "Formule", "Opgeslagen", "Herberekend", "Verschil", "Status", "Toelichting"];

function rowOf(c: PbCellReport): string[] {
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

function headLines(r: RecalcReport): string[] {
  return [
    `Herberekening van ${r.file}`,
    `PB Rekenkit ${r.addinVersion}; ${r.parameterSetLabel}; rekenkern ${r.engine}`,
  ];
}

function textReport(r: RecalcReport): string[] {
  const lines = [...headLines(r), HEADER.join("\t"), ...r.cells.map((c) => rowOf(c).join("\t"))];
  for (const u of r.unknownFunctions) {
    lines.push(`Onbekende functie ${u.name} in ${u.cells} formule(s), bijvoorbeeld ${u.example}; die cellen zijn niet herberekend.`);
  }
  for (const w of r.warnings) lines.push(`Let op: ${w}`);
  const notRecomputable = r.cells.filter((c) => c.status === "not-recomputable").length;
  if (notRecomputable > 0) lines.push(`${notRecomputable} PB-cel(len) konden niet worden herberekend (geteld als verschil).`);
  return lines;
}

function jsonReport(r: RecalcReport): string {
  return JSON.stringify({ ...r, summary: summaryLine(r) }, null, 2);
}

/** A report workbook for auditors: one row per PB cell, and the provenance on a second sheet. */
function reportWorkbook(r: RecalcReport): WorkbookModel {
  const cells: CellModel[] = HEADER.map((h, i) => ({ address: `${String.fromCharCode(65 + i)}1`, value: h, bold: true, fill: "FFD9E1F2" }));
  r.cells.forEach((c, k) => {
    const row = k + 2;
    const vals: (string | number | boolean | null)[] = [
      c.sheet,
      c.address,
      `=${c.formula}`,
      typeof c.cached === "object" || c.cached === undefined ? showValue(c.cached) : c.cached,
      typeof c.recomputed === "object" ? showValue(c.recomputed) : c.recomputed,
      c.difference,
      STATUS_NL[c.status],
      c.note ?? "",
    ];
    vals.forEach((v, i) => {
      if (v === null || v === "") return;
      cells.push({ address: `${String.fromCharCode(65 + i)}${row}`, value: v, ...(i >= 3 && i <= 5 && typeof v === "number" ? { numFmt: "#,##0.00" } : {}) });
    });
  });
  const about: CellModel[] = [
    ["Bestand", r.file],
    ["PB Rekenkit", r.addinVersion],
    ["Parameterset", r.parameterSetLabel.replace(/^parameterset /, "")],
    ["Rekenkern", r.engine],
    ["Samenvatting", summaryLine(r)],
    ...r.warnings.map((w) => ["Let op", w]),
  ].flatMap(([k, v], i) => [
    { address: `A${i + 1}`, value: k, bold: true },
    { address: `B${i + 1}`, value: v },
  ]);
  return {
    sheets: [
      { name: "Controle", cells, freeze: "A2", columnWidths: { A: 18, B: 8, C: 48, D: 14, E: 14, F: 10, G: 22, H: 60 } },
      { name: "Over", cells: about, columnWidths: { A: 16, B: 80 } },
    ],
    properties: { title: `Herberekening ${path.basename(r.file)}`, creator: "pb recalc" },
  };
}

async function sameFile(a: string, b: string): Promise<boolean> {
  if (path.resolve(a) === path.resolve(b)) return true;
  try {
    const [sa, sb] = await Promise.all([fs.stat(a), fs.stat(b)]);
    return sa.ino === sb.ino && sa.dev === sb.dev;
  } catch {
    return false;
  }
}

async function writeReport(r: RecalcReport, out: string, json: boolean): Promise<void> {
  const ext = path.extname(out).toLowerCase();
  if (ext === ".xlsx") await writeWorkbook(reportWorkbook(r), out);
  else if (ext === ".json" || json) await fs.writeFile(out, jsonReport(r) + "\n");
  else await fs.writeFile(out, [...textReport(r), summaryLine(r)].join("\n") + "\n");
}

export const recalcCommand: Command = {
  name: "recalc",
  summary: "Een werkmap herberekenen en elke PB-cel vergelijken met de opgeslagen waarde",
  usage: [
    "pb recalc WERKMAP.xlsx [--json] [--out RAPPORT] [--max-mb N] [--parameterset V]",
    "  Rekent alle formules opnieuw uit en meldt per PB-cel: werkblad, cel, formule, opgeslagen waarde,",
    "  herberekende waarde, verschil en status, met de versie van de parameterset.",
    "  --json      rapport als JSON (op stdout; de samenvattingsregel dan op stderr)",
    "  --out F     rapport naar bestand F (.xlsx = rapportwerkmap, .json = JSON, anders tekst); nooit de werkmap zelf",
    "  --max-mb N  grootste bestand dat wordt gelezen (standaard 200 MB)",
    PARAMETERSET_USAGE,
    "  Afsluitcode: 0 = alle PB-cellen kloppen (binnen een halve cent), 1 = verschil(len), 2 = bestand onleesbaar.",
    "  Laatste regel: 'N PB cells, M mismatches'. De werkmap zelf wordt nooit gewijzigd.",
  ].join("\n"),
  async run(args, io: CliIO) {
    const { positional, options } = parseOptions(args, { json: "flag", out: "value", "max-mb": "value", ...PARAMETERSET_OPTION });
    if (positional.length !== 1) throw new UsageError("Geef precies één werkmap: pb recalc WERKMAP.xlsx [--json] [--out RAPPORT]");
    applyParameterSetOption(options, io);
    const file = positional[0];
    const json = options.json === true;
    const out = typeof options.out === "string" ? options.out : undefined;
    let maxMb: number | undefined;
    if (options["max-mb"] !== undefined) {
      maxMb = Number(options["max-mb"]);
      if (!(maxMb > 0)) throw new UsageError(`--max-mb verwacht een positief getal, niet "${options["max-mb"]}".`);
    }
    if (out !== undefined && (await sameFile(file, out))) {
      io.err(`--out ${out} is de werkmap zelf; pb recalc schrijft nooit over de gecontroleerde werkmap. Kies een ander rapportbestand.`);
      return EXIT.usage;
    }

    let size = 0;
    try {
      size = (await fs.stat(file)).size;
    } catch {
      /* readWorkbook gives the Dutch message */
    }
    const large = size > LARGE_FILE_BYTES;
    const progress = large ? (m: string) => io.err(m) : undefined;
    progress?.(`Lezen: ${file} (${(size / 1e6).toFixed(1).replace(".", ",")} MB)…`);
    let read;
    try {
      read = await readWorkbook(file, { maxMb });
    } catch (e) {
      if (e instanceof WorkbookReadError) {
        io.err(e.message);
        return EXIT.unreadable;
      }
      throw e;
    }
    const report = recalcModel(read.model, { file, warnings: read.warnings, onProgress: progress });
    if (out !== undefined) {
      progress?.(`Rapport schrijven naar ${out}…`);
      await writeReport(report, out, json);
      io.out(`Rapport geschreven naar ${out} (${report.parameterSetLabel}).`);
      for (const c of report.cells.filter((x) => x.status !== "ok").slice(0, 20)) io.out(rowOf(c).join("\t"));
      io.out(summaryLine(report));
    } else if (json) {
      io.out(jsonReport(report));
      io.err(summaryLine(report));
    } else {
      for (const l of textReport(report)) io.out(l);
      io.out(summaryLine(report));
    }
    return report.mismatches === 0 ? EXIT.ok : EXIT.mismatch;
  },
};
