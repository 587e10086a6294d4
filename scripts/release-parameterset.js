#!/usr/bin/env node
/**
 * Keeps the current parameter set as a released set: writes src/parameters/released/<version>.json from
 * src/parameters/data (all parameters, sorted by name, with the hash), so that `pb … --parameterset <version>` can
 * recompute with it after the data have moved on. Refuses to overwrite a released set with other content.
 * Afterwards: add its import line in src/parameters/catalog.ts, and record its results:
 *   npm run build:cli && node scripts/record-parameterset-results.js > tests/fixtures/parametersets/<version>.results.json
 */
"use strict";
const fs = require("fs");
const path = require("path");
const { check, loadTs } = require("./check-parameters");

const root = path.join(__dirname, "..");
const dataDir = path.join(root, "src", "parameters", "data");

const problems = check();
if (problems.length > 0) {
  process.stderr.write(`Eerst de parameterdata herstellen:\n${problems.map((p) => `  ${p}`).join("\n")}\n`);
  process.exit(1);
}
const { version } = JSON.parse(fs.readFileSync(path.join(dataDir, "set.json"), "utf8"));
const parameters = fs
  .readdirSync(dataDir)
  .filter((f) => f.endsWith(".json") && f !== "set.json")
  .map((f) => JSON.parse(fs.readFileSync(path.join(dataDir, f), "utf8")))
  .sort((a, b) => (a.name < b.name ? -1 : 1));
const hash = loadTs(path.join(root, "src", "parameters", "set.ts")).parameterSetHash(parameters);
const out = path.join(root, "src", "parameters", "released", `${version}.json`);
const text = JSON.stringify({ version, hash, parameters }, null, 2) + "\n";
if (fs.existsSync(out)) {
  if (fs.readFileSync(out, "utf8") === text) {
    process.stdout.write(`${path.relative(root, out)} bestaat al met dezelfde inhoud.\n`);
    process.exit(0);
  }
  process.stderr.write(`${path.relative(root, out)} bestaat al met andere inhoud; een vrijgegeven set verandert niet. Verhoog de versie in set.json.\n`);
  process.exit(1);
}
fs.writeFileSync(out, text, { flag: "wx" });
process.stdout.write(`Parameterset ${version} (${hash}) vrijgegeven: ${path.relative(root, out)}\n`);
