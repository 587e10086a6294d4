/**
 * `pb check`: run the checks of every PB template found in a saved workbook (by the markers in A2), on values
 * recomputed by the engine, and print each problem with sheet, cell and a Dutch explanation: one line per bad input
 * cell, with the failures that follow from it counted on that line (listed under it with --alles). The same evaluator
 * runs live in the task pane. The workbook is only read.
 */
import type { Command, CliIO } from "../command";
import { EXIT, parseOptions, UsageError } from "../command";
import { buildEngine, EngineFailure, formatAddress, fromHfValue, parseAddress } from "../../engine/engine";
import { checkWorkbook, count, type CheckResult, type WorkbookView } from "../../templates/checks";
import { readWorkbook } from "../../xlsx/read";
import { WorkbookReadError } from "../../xlsx/readErrors";
import { LIMIT_OPTIONS, LIMIT_USAGE, readLimitOptions } from "../limitOptions";
import { activeParameterSetLabel } from "../../parameters";
import { applyParameterSetOption, PARAMETERSET_OPTION, PARAMETERSET_USAGE } from "../parameterSet";
import { BATCH_OPTIONS, CHECK_BATCH_USAGE, checkBatch, isBatch } from "../batch";
import type { ReadLimits } from "../../xlsx/limits";

function where(r: CheckResult): string {
  if (!r.sheet) return "";
  const quoted = `'${r.sheet.replace(/'/g, "''")}'`;
  return r.cell ? `${quoted}!${r.cell}` : quoted;
}

type Found = ReturnType<typeof checkWorkbook>;

/** One workbook checked, or why not (a Dutch message, exit 2). Shared by the single run and the batch workers. */
export type CheckOutcome =
  | { kind: "unreadable" | "no-template"; message: string }
  | { kind: "checked"; found: Found; notRecomputed: string[]; templates: number; checks: number; failures: number };

export async function checkOne(file: string, limits: Partial<ReadLimits>): Promise<CheckOutcome> {
  let model;
  let built;
  try {
    model = (await readWorkbook(file, { limits })).model;
    built = buildEngine(model);
  } catch (e) {
    if (e instanceof WorkbookReadError || e instanceof EngineFailure) return { kind: "unreadable", message: e.message };
    throw e;
  }
  const { hf, sheetIds } = built;
  const formulas = new Map<string, Map<string, string>>();
  const lastRows = new Map<string, number>();
  for (const s of model.sheets) {
    const f = new Map<string, string>();
    let last = 0;
    for (const c of s.cells) {
      if (c.formula) f.set(c.address, c.formula);
      if (c.formula || (c.value !== undefined && c.value !== null && c.value !== "")) last = Math.max(last, (parseAddress(c.address)?.[0] ?? 0) + 1);
    }
    formulas.set(s.name, f);
    lastRows.set(s.name, last);
  }
  const view: WorkbookView = {
    value: (sheet, address) => {
      const id = sheetIds.get(sheet);
      const at = parseAddress(address);
      if (id === undefined || !at) return undefined;
      return fromHfValue(hf.getCellValue({ sheet: id, row: at[0], col: at[1] }));
    },
    formula: (sheet, address) => formulas.get(sheet)?.get(address),
    lastRow: (sheet) => lastRows.get(sheet) ?? 0,
  };
  const found = checkWorkbook(model.sheets.map((s) => s.name), view);
  hf.destroy();
  if (found.length === 0) {
    return {
      kind: "no-template",
      message: `${file} bevat geen PB Rekenkit-sjabloon (geen markering in cel A2 en geen sjabloontitel in A1 van een werkblad); er is niets gecontroleerd.`,
    };
  }
  // cells the reader or the engine could not trust feed the checks as #N/A / #ERROR!: say which
  const notRecomputed = [
    ...model.sheets.flatMap((sh) => sh.cells.filter((c) => c.unverified !== undefined).map((c) => `${sh.name}!${c.address}: ${c.unverified}`)),
    ...built.guarded.map((g) => `${model.sheets[g.sheet]?.name}!${formatAddress(g.row, g.col)}: ${g.message}`),
  ];
  const all = found.flatMap((f) => f.results);
  const checks = new Set(all.flatMap((r) => [r.id, ...(r.dependents ?? []).map((d) => d.id)])).size;
  return { kind: "checked", found, notRecomputed, templates: found.length, checks, failures: all.filter((r) => !r.ok).length };
}

/** "1 sjabloon, 34 controles, 2 fouten": the last line of a check. */
export function checkSummaryLine(c: { templates: number; checks: number; failures: number }): string {
  return `${count(c.templates, "sjabloon", "sjablonen")}, ${count(c.checks, "controle", "controles")}, ${count(c.failures, "fout", "fouten")}`;
}

/** The --json form of one workbook's checks. */
export function checkJson(found: Found) {
  return found.map((f) => ({ template: f.instance.def.id, version: f.instance.version, sheets: f.instance.names, results: f.results }));
}

export const checkCommand: Command = {
  name: "check",
  summary: "De controles van de PB-sjablonen in een werkmap uitvoeren (vóór aanlevering)",
  usage: [
    "pb check WERKMAP.xlsx [--json] [--alles] [--parameterset V] [grenzen]",
    "pb check WERKMAP… | MAP… [--werkers N] [--json] …   (veel werkmappen tegelijk)",
    "  Zoekt de PB Rekenkit-sjablonen in de werkmap, rekent de formules opnieuw uit en voert hun controles uit:",
    "  invoer als getal, datum of Ja/Nee, registerregels (referentie, dubbel, geen BSN, niets onder de lijst),",
    "  overschreven formules, verplichte cellen, aansluiting van totalen, reservering binnen 25%/31,25%,",
    "  geen uitvoeringskosten, LKS in G2 tegenover het register, geen saldering in een GR, termijnen.",
    "  Eén melding per foute cel, met blad, cel en wat u in plaats daarvan typt; controles die daardoor ook",
    "  falen staan erbij geteld (--alles toont ze, en de geslaagde controles). --json geeft JSON.",
    PARAMETERSET_USAGE,
    ...LIMIT_USAGE,
    "  Afsluitcode: 0 = geen fouten, 1 = fout(en), 2 = bestand onleesbaar of geen sjabloon gevonden.",
    ...CHECK_BATCH_USAGE,
  ].join("\n"),
  async run(args, io: CliIO) {
    const { positional, options } = parseOptions(args, { json: "flag", alles: "flag", ...PARAMETERSET_OPTION, ...LIMIT_OPTIONS, ...BATCH_OPTIONS });
    if (positional.length === 0) throw new UsageError("Geef een werkmap (of meer, of een map): pb check WERKMAP.xlsx");
    if (await isBatch(positional, options)) return checkBatch(positional, options, io);
    applyParameterSetOption(options, io);
    const file = positional[0];
    const limits = readLimitOptions(options);
    const outcome = await checkOne(file, limits);
    if (outcome.kind !== "checked") {
      io.err(outcome.message);
      return EXIT.unreadable;
    }
    const { found, notRecomputed } = outcome;
    for (const u of notRecomputed) io.err(`Let op: niet herberekend: ${u}`);
    if (options.json === true) {
      io.out(JSON.stringify(checkJson(found), null, 2));
    } else {
      for (const f of found) {
        const { def, version, names } = f.instance;
        io.out(`Sjabloon ${def.id} versie ${version} (${Object.values(names).join(", ")}): ${def.title}`);
        if (version !== def.version && !f.instance.unknownVersion) io.out(`  Gecontroleerd met de regels van versie ${def.version}; de werkmap is gemaakt met versie ${version}, die dezelfde indeling heeft.`);
        for (const r of f.results) {
          if (r.ok && options.alles !== true) continue;
          const status = r.ok ? (r.skipped ? "n.v.t." : "ok") : "FOUT";
          io.out(`  ${status}\t${where(r)}\t${r.title}: ${r.message}${r.ok ? "" : ` (${r.why})`}`);
          if (options.alles === true) for (const d of r.dependents ?? []) io.out(`    gevolg\t${where(d)}\t${d.title}: ${d.message}`);
        }
      }
    }
    const line = checkSummaryLine(outcome);
    // The set the checks ran with belongs to the report; an own set is marked as such.
    const setLine = `Gecontroleerd met ${activeParameterSetLabel()}.`;
    for (const l of [setLine, line]) {
      if (options.json === true) io.err(l);
      else io.out(l);
    }
    return outcome.failures === 0 ? EXIT.ok : EXIT.mismatch;
  },
};
