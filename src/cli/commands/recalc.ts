import { createWriteStream, promises as fs } from "fs";
import * as path from "path";
import type { Command, CliIO } from "../command";
import { EXIT, parseOptions, UsageError } from "../command";
import { EngineFailure } from "../../engine/engine";
import { allConfirmed, recalcModel, summaryLine, type RecalcReport } from "../../engine/recalc";
import { readWorkbook } from "../../xlsx/read";
import { WorkbookReadError } from "../../xlsx/readErrors";
import { ChunkWriter, OutputError, outputRefusal, writeSafely } from "../safeOutput";
import { jsonLines, jsonPieces, needsAttention, notYetCalculatedLine, otherFormulasLine, rowOf, textLines } from "../report";
import { readLimitOptions, LIMIT_OPTIONS, LIMIT_USAGE } from "../limitOptions";
import { applyParameterSetOption, PARAMETERSET_OPTION, PARAMETERSET_USAGE } from "../parameterSet";
import { BATCH_OPTIONS, BATCH_USAGE, isBatch, recalcBatch } from "../batch";
import type { ReadLimits } from "../../xlsx/limits";

/** Above this many bytes the phases are announced on stderr, so a long run is visibly alive. */
const LARGE_FILE_BYTES = 1_000_000;

/**
 * The audit of one workbook: read it, recalculate it, and the exit code it earns (0 = every formula confirmed, 1 = not).
 * The single run below and every task of a batch (batchWorker.ts) go through here, so both judge a file alike.
 * Throws WorkbookReadError / EngineFailure (a Dutch refusal, exit 2).
 */
export async function auditWorkbook(file: string, limits: Partial<ReadLimits>, progress?: (m: string) => void): Promise<{ report: RecalcReport; exit: number }> {
  const read = await readWorkbook(file, { limits });
  const report = recalcModel(read.model, { file, warnings: read.warnings, onProgress: progress, source: { size: read.bytes, sha256: read.sha256 } });
  const exit = allConfirmed(report) ? EXIT.ok : EXIT.mismatch;
  return { report, exit };
}

export const recalcCommand: Command = {
  name: "recalc",
  summary: "Een werkmap herberekenen en elke formule vergelijken met de opgeslagen waarde",
  usage: [
    "pb recalc WERKMAP.xlsx [--json] [--bonnen] [--alleen-verschillen] [--out RAPPORT [--overwrite]] [--parameterset V] [grenzen]",
    "pb recalc WERKMAP… | MAP… [--werkers N] [--json] [--out RAPPORT.json|.txt] …   (veel werkmappen tegelijk)",
    "  Rekent alle formules opnieuw uit en meldt per PB-cel: werkblad, cel, formule, opgeslagen waarde,",
    "  herberekende waarde, verschil en status, met de versie van de parameterset; bij --json en in een",
    "  rapportwerkmap ook de bon per cel (invoer, gebruikte parameterwaarden met geldigheid en bron).",
    "  Ook elke andere formule wordt vergeleken; alleen die met een verschil staan in het rapport.",
    "  --json       rapport als JSON (op stdout; de samenvattingsregel dan op stderr)",
    "  --bonnen     tekstrapport met de bonnen: één regel per gebruikte parameterwaarde",
    "  --alleen-verschillen  in het tekstrapport alleen de regels die aandacht vragen (verschil, niet herberekend)",
    "  --out F      rapport naar bestand F (.xlsx = rapportwerkmap met Controle, Bonnen en Over; .json = JSON;",
    "               anders tekst); nooit de werkmap zelf, nooit een bestaand bestand, nooit via een koppeling",
    "  --overwrite  een bestaand rapportbestand F vervangen",
    PARAMETERSET_USAGE,
    ...LIMIT_USAGE,
    "  Afsluitcode: 0 = alle formules kloppen (PB-cellen binnen een halve cent), 1 = verschil(len), niet",
    "  herberekend, of nog niet berekend in Excel (geen opgeslagen waarde), 2 = bestand onleesbaar of geweigerd.",
    "  Laatste regel: 'N PB cells, M mismatches', zo nodig gevolgd door '; K other formulas, L mismatches'",
    "  en '; X not calculated in Excel'.",
    "  De werkmap zelf wordt nooit gewijzigd.",
    ...BATCH_USAGE,
  ].join("\n"),
  async run(args, io: CliIO) {
    const { positional, options } = parseOptions(args, { json: "flag", bonnen: "flag", "alleen-verschillen": "flag", out: "value", overwrite: "flag", ...PARAMETERSET_OPTION, ...LIMIT_OPTIONS, ...BATCH_OPTIONS });
    if (positional.length === 0) throw new UsageError("Geef een werkmap (of meer, of een map): pb recalc WERKMAP.xlsx [--json] [--out RAPPORT]");
    if (await isBatch(positional, options)) return recalcBatch(positional, options, io);
    applyParameterSetOption(options, io);
    const file = positional[0];
    const json = options.json === true;
    const out = typeof options.out === "string" ? options.out : undefined;
    const overwrite = options.overwrite === true;
    if (overwrite && out === undefined) throw new UsageError("--overwrite hoort bij --out RAPPORT.");
    const limits = readLimitOptions(options);
    if (out !== undefined) {
      const refusal = await outputRefusal(out, [file], overwrite);
      if (refusal !== undefined) {
        io.err(refusal);
        return EXIT.usage;
      }
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
    let report;
    let exit;
    try {
      ({ report, exit } = await auditWorkbook(file, limits, progress));
    } catch (e) {
      if (e instanceof WorkbookReadError || e instanceof EngineFailure) {
        io.err(e.message);
        return EXIT.unreadable;
      }
      throw e;
    }
    const onlyDifferences = options["alleen-verschillen"] === true;
    if (out !== undefined) {
      progress?.(`Rapport schrijven naar ${out}…`);
      const ext = path.extname(out).toLowerCase();
      try {
        await writeSafely(out, overwrite, async (fh) => {
          if (ext === ".xlsx") {
            // on the descriptor, not the FileHandle: a FileHandle stream holds the handle open until the stream closes
            const stream = createWriteStream("", { fd: fh.fd, autoClose: false });
            // the writer ends the stream itself and resolves once it has finished; ExcelJS is loaded only for this
            const { writeReportWorkbook } = await import("../reportWorkbook");
            await writeReportWorkbook(report, stream);
            return;
          }
          const w = new ChunkWriter(fh);
          if (ext === ".json" || json) for (const pieces of jsonPieces(report)) await w.pieces(pieces);
          else {
            for (const l of textLines(report, options.bonnen === true, onlyDifferences)) await w.line(l);
            await w.line(summaryLine(report));
          }
          await w.flush();
        });
      } catch (e) {
        if (e instanceof OutputError) {
          io.err(e.message);
          return EXIT.unreadable;
        }
        throw e;
      }
      io.out(`Rapport geschreven naar ${out} (${report.parameterSetLabel}).`);
      for (const n of report.notices) io.out(`LET OP: ${n}`);
      for (const c of [...report.cells.filter(needsAttention), ...report.otherFormulas.cells].slice(0, 20)) io.out(rowOf(c).join("\t"));
      io.out(`Andere formules: ${otherFormulasLine(report)}.`);
      const notYet = notYetCalculatedLine(report);
      if (notYet !== undefined) io.out(notYet);
      io.out(summaryLine(report));
    } else if (json) {
      for (const l of jsonLines(report)) io.out(l);
      io.err(summaryLine(report));
    } else {
      for (const l of textLines(report, options.bonnen === true, onlyDifferences)) io.out(l);
      io.out(summaryLine(report));
    }
    return exit;
  },
};
