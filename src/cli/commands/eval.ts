import type { Command } from "../command";
import { EXIT, parseOptions, UsageError } from "../command";
import { applyParameterSetOption, PARAMETERSET_OPTION, PARAMETERSET_USAGE } from "../parameterSet";
import { evaluateFormulas, formatResult } from "../../engine/evaluate";

export const evalCommand: Command = {
  name: "eval",
  summary: "Formules uitrekenen, één resultaat per regel (bv. pb eval \"=PB.LKS(DATE(2023,7,1),0.4,38)\")",
  usage: [
    "pb eval FORMULE [FORMULE...] [--parameterset V]",
    "  Rekent elke formule uit met de PB-functies en de rekenkern, één resultaat per regel.",
    "  Schrijfwijze zoals in Office.js: Engelse functienamen, komma tussen argumenten, punt als decimaalteken.",
    "  Getallen verschijnen onopgemaakt, datums als Excel-serienummer, fouten als foutcode gevolgd door de uitleg.",
    "  Een formule die overloopt (bereik) geeft één regel per rij, kolommen gescheiden door tabs.",
    PARAMETERSET_USAGE,
  ].join("\n"),
  async run(args, io) {
    const { positional, options } = parseOptions(args, PARAMETERSET_OPTION);
    if (positional.length === 0) throw new UsageError("Geef minstens één formule, bijvoorbeeld: pb eval \"=PB.LKS(DATE(2023,7,1),0.4,38)\"");
    applyParameterSetOption(options, io);
    const results = evaluateFormulas(positional);
    for (const r of results) io.out(formatResult(r));
    return EXIT.ok;
  },
};
