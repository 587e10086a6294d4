/**
 * A worker of the batch pool (batch.ts): audits one workbook per task, with the very functions the single run uses
 * (auditWorkbook of `pb recalc`, checkOne of `pb check`), and returns its counts and, when asked, its report as text.
 * A refusal of the reader or the engine is a result (exit 2 for this file), not an error; what escapes is an internal
 * error, which the pool turns into this file's refusal too. The worker is reused for the next file.
 */
import type { BatchTask, FileResult } from "./batch";
import { EXIT, UsageError } from "./command";
import { auditWorkbook } from "./commands/recalc";
import { checkJson, checkOne, checkSummaryLine } from "./commands/check";
import { applyParameterSetOption } from "./parameterSet";
import { jsonLines, textLines } from "./report";
import { startClock } from "./threadClock";
import { EngineFailure } from "../engine/engine";
import { summaryLine } from "../engine/recalc";
import { WorkbookReadError } from "../xlsx/readErrors";

/** The parameter set is process state: chosen once per worker (the coordinator has already announced and checked it). */
let chosenSet: string | undefined | null = null;
const silent = { out: () => undefined, err: () => undefined };

function useParameterSet(ref: string | undefined): void {
  if (chosenSet === ref) return;
  applyParameterSetOption(ref === undefined ? {} : { parameterset: ref }, silent);
  chosenSet = ref;
}

async function recalcTask(t: BatchTask): Promise<FileResult> {
  let audit;
  try {
    audit = await auditWorkbook(t.file, t.limits);
  } catch (e) {
    if (e instanceof WorkbookReadError || e instanceof EngineFailure) return { file: t.file, exit: EXIT.unreadable, status: "refused", reason: e.message, counts: {} };
    throw e;
  }
  const { report, exit } = audit;
  const summary = summaryLine(report);
  const other = report.otherFormulas;
  // exit 1 without any difference: only formulas Excel never calculated (a fresh template), said apart
  const status = exit === EXIT.ok ? "ok" : report.mismatches > 0 || other.mismatches > 0 ? "mismatch" : "not-calculated";
  return {
    file: t.file,
    exit,
    status,
    summary,
    counts: {
      pbCells: report.pbCells,
      mismatches: report.mismatches,
      pbNotYetCalculated: report.pbNotYetCalculated,
      otherCount: other.count,
      otherMismatches: other.mismatches,
      otherNotRecomputable: other.notRecomputable,
      otherNotYetCalculated: other.notYetCalculated,
    },
    ...(t.want === "json" ? { json: [...jsonLines(report)].join("\n") } : {}),
    ...(t.want === "text" ? { text: [...textLines(report, t.bonnen, t.onlyDifferences), summary] } : {}),
  };
}

async function checkTask(t: BatchTask): Promise<FileResult> {
  const outcome = await checkOne(t.file, t.limits);
  if (outcome.kind !== "checked") {
    return { file: t.file, exit: EXIT.unreadable, status: outcome.kind === "unreadable" ? "refused" : "no-template", reason: outcome.message, counts: {} };
  }
  return {
    file: t.file,
    exit: outcome.failures === 0 ? EXIT.ok : EXIT.mismatch,
    status: outcome.failures === 0 ? "ok" : "failed",
    summary: checkSummaryLine(outcome),
    counts: { templates: outcome.templates, checks: outcome.checks, failures: outcome.failures },
    notRecomputed: outcome.notRecomputed,
    ...(t.want === "json" ? { json: JSON.stringify(checkJson(outcome.found)) } : {}),
  };
}

export default async function run(t: BatchTask): Promise<FileResult> {
  startClock(t.clock);
  try {
    useParameterSet(t.parameterset);
  } catch (e) {
    if (e instanceof UsageError) return { file: t.file, exit: EXIT.usage, status: "refused", reason: e.message, counts: {} };
    throw e;
  }
  return t.command === "recalc" ? recalcTask(t) : checkTask(t);
}
