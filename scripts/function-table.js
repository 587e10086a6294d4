#!/usr/bin/env node
/**
 * Prints the README's function table: every function of the registry with its Dutch description (from the generated
 * functions.json), its example and the example's result as the headless engine computes it. README.md holds this output
 * and tests/docs/readme.test.ts fails when it goes stale, so the README cannot drift from the code.
 * Needs `npm run build:cli` and `npm run build` (both run on install).
 */
const path = require("path");
const root = path.join(__dirname, "..");
const { REGISTRY } = require(path.join(root, "dist-cli/functions/registry"));
const { evaluateFormulas, formatResult } = require(path.join(root, "dist-cli/engine/evaluate"));
const metadata = require(path.join(root, "dist/functions.json"));

/** Results that change with every parameter-set release are described, not printed. */
const DESCRIBED = { VERSIE: "versietekst met controlegetal", BRON: "bronvermelding (tekst)" };

const rows = ["| Functie | Wat | Voorbeeld (Engelse notatie, zoals in het bestand) | Uitkomst |", "|---|---|---|---|"];
for (const spec of REGISTRY.values()) {
  const meta = metadata.functions.find((f) => f.id === spec.id);
  const args = spec.args.map((a) => (a.optional ? `[${a.name}]` : a.name)).join("; ");
  const result = DESCRIBED[spec.id] ?? formatResult(evaluateFormulas([spec.example])[0]).replace(/\t/g, " · ");
  rows.push(`| \`PB.${spec.id}(${args})\` | ${meta ? meta.description : ""} | \`${spec.example}\` | ${DESCRIBED[spec.id] ? result : `\`${result}\``} |`);
}
process.stdout.write(rows.join("\n") + "\n");
