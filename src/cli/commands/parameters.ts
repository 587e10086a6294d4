/**
 * `pb parameters`: every table of a parameter set with how far it reaches, and a warning when a table that awaits its
 * next value (the minimum wage) ends within 60 days of today's date or has ended. --export writes the set as one JSON
 * document: the starting point for an own set (`--parameterset EIGEN.json`).
 */
import { promises as fs } from "fs";
import type { Command, CliIO } from "../command";
import { EXIT, parseOptions, UsageError } from "../command";
import { activeParameterSet, activeParameterSetLabel } from "../../parameters";
import { knownVersionsText } from "../../parameters/catalog";
import { nlDate as nl, tableStatus, WARN_DAYS, type TableStatus } from "../../parameters/status";
import { parseDateText } from "../../rules/dates";
import { applyParameterSetOption, PARAMETERSET_OPTION, PARAMETERSET_USAGE } from "../parameterSet";

function reach(t: TableStatus): string {
  if (t.lastDay === undefined) return "geen einde";
  if (t.untilReason === "repealed") return `${nl(t.lastDay)} (regeling vervallen)`;
  // Sets released before 2026.12.0 do not say why a table ends.
  if (t.untilReason === undefined) return `${nl(t.lastDay)} (einde van de tabel)`;
  if (t.daysLeft !== undefined && t.daysLeft < 0) return `${nl(t.lastDay)} (VERLOPEN: volgende waarde nog niet bekendgemaakt)`;
  return `${nl(t.lastDay)} (nog ${t.daysLeft} dagen; volgende waarde nog niet bekendgemaakt)`;
}

export const parametersCommand: Command = {
  name: "parameters",
  summary: "De parametertabellen tonen: tot wanneer elk bekend is, met een waarschuwing vlak voor het einde",
  usage: [
    "pb parameters [--parameterset V] [--json] [--datum JJJJ-MM-DD] [--export UIT.json]",
    "  Toont elke parametertabel van de set: eenheid, eerste en laatste waarde en tot en met wanneer de tabel loopt.",
    `  Waarschuwt als een tabel die op een nieuwe bekendmaking wacht (het minimumloon) binnen ${WARN_DAYS} dagen afloopt of al is afgelopen;`,
    "  daarna geeft elke berekening die de tabel nodig heeft #N/A, tot een nieuwere versie van PB Rekenkit de waarde bevat.",
    "  --datum D       rekent met D als datum van vandaag (standaard de datum van de computer)",
    "  --json          de tabellen als JSON",
    "  --export F      schrijft de hele set als JSON naar het nieuwe bestand F: een begin voor een eigen set",
    PARAMETERSET_USAGE,
    `  Bekende versies: ${knownVersionsText()}.`,
    `  Afsluitcode: 0 = geen waarschuwing, 1 = een tabel loopt binnen ${WARN_DAYS} dagen af of is afgelopen, 2 = verkeerd gebruik.`,
  ].join("\n"),
  async run(args, io: CliIO) {
    const { positional, options } = parseOptions(args, { json: "flag", datum: "value", export: "value", ...PARAMETERSET_OPTION });
    if (positional.length > 0) throw new UsageError(`Onverwacht argument "${positional[0]}".`);
    let today = new Date().toISOString().slice(0, 10);
    if (typeof options.datum === "string") {
      const d = parseDateText(options.datum);
      if (!d) throw new UsageError(`--datum verwacht een datum (2026-12-01 of 1-12-2026), niet "${options.datum}".`);
      today = d;
    }
    applyParameterSetOption(options, io);
    const set = activeParameterSet();
    if (typeof options.export === "string") {
      const doc = { version: set.version, hash: set.hash, parameters: set.names.map((n) => set.parameters.get(n)) };
      try {
        await fs.writeFile(options.export, JSON.stringify(doc, null, 2) + "\n", { flag: "wx" });
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        io.err(code === "EEXIST" ? `${options.export} bestaat al; pb schrijft nooit in een bestaand bestand. Kies een andere naam.` : `${options.export} kan niet worden geschreven: ${(e as Error).message}`);
        return EXIT.usage;
      }
      io.out(`Parameterset ${set.version} geschreven naar ${options.export}. Pas waarden en bronnen aan en reken ermee met --parameterset ${options.export}.`);
      return EXIT.ok;
    }
    const tables = tableStatus(today, set);
    const warned = tables.filter((t) => t.warn);
    if (options.json === true) {
      io.out(JSON.stringify({ parameterSet: { version: set.version, hash: set.hash, origin: set.origin, ...(set.file ? { file: set.file } : {}) }, today, tables }, null, 2));
    } else {
      io.out(`PB Rekenkit, ${activeParameterSetLabel()}; peildatum vandaag ${nl(today)}`);
      io.out(["Parameter", "Eenheid", "Eerste waarde", "Laatste waarde", "Bekend tot en met"].join("\t"));
      for (const t of tables) io.out([t.name, t.unit, nl(t.firstFrom), nl(t.lastFrom), reach(t)].join("\t"));
    }
    // One line per end date: the minimum wage tables end together.
    const byEnd = new Map<string, TableStatus[]>();
    for (const t of warned) byEnd.set(t.lastDay!, [...(byEnd.get(t.lastDay!) ?? []), t]);
    for (const [lastDay, ts] of byEnd) {
      const names = ts.map((t) => t.name);
      const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} en ${names[names.length - 1]}`;
      const left = ts[0].daysLeft!;
      const when =
        left < 0
          ? `${names.length === 1 ? "is" : "zijn"} afgelopen op ${nl(lastDay)}`
          : `${names.length === 1 ? "loopt" : "lopen"} af op ${nl(lastDay)}, over ${left} dag${left === 1 ? "" : "en"}`;
      io.err(`Let op: ${list} ${when}. Daarna geeft elke berekening die ze nodig heeft #N/A, tot een nieuwere versie van PB Rekenkit de volgende waarde bevat.`);
    }
    return warned.length > 0 ? EXIT.mismatch : EXIT.ok;
  },
};
