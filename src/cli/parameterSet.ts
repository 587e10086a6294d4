/**
 * `--parameterset VERSIE|BESTAND`, one option for every command that computes (eval, recalc, check, parameters): which
 * parameter set the figures come from. The choice is a plain string, so the same choice can be handed to a worker.
 */
import type { CliIO } from "./command";
import { UsageError } from "./command";
import { builtInParameterSet, parameterSetLabel, type ParameterSet } from "../parameters";
import { ParameterSetError, selectParameterSet } from "../parameters/catalog";

export const PARAMETERSET_OPTION = { parameterset: "value" } as const;

export const PARAMETERSET_USAGE =
  "  --parameterset V   rekenen met parameterset V: een vrijgegeven versie (bijv. 2026.11.4) of een eigen bestand (.json);\n" +
  "                     standaard de actuele set van deze versie. pb parameters toont de tabellen van een set.";

/**
 * Make the chosen set (none given: the built-in one) the one this process computes with. Every command calls this
 * first, so a command never inherits the choice of an earlier one. A set other than the built-in one is announced on
 * stderr, so that a figure can never pass for one of the current set; an unknown choice is a usage error (exit 2) that
 * lists the known versions.
 */
export function applyParameterSetOption(options: Record<string, string | true>, io: CliIO): ParameterSet {
  const ref = options.parameterset;
  if (ref === true) throw new UsageError("Optie --parameterset heeft een waarde nodig: een versie of een bestand.");
  let set: ParameterSet;
  try {
    set = selectParameterSet(ref);
  } catch (e) {
    if (e instanceof ParameterSetError) throw new UsageError(e.message);
    throw e;
  }
  if (set !== builtInParameterSet()) io.err(`Gerekend met ${parameterSetLabel(set, builtInParameterSet())}.`);
  return set;
}
