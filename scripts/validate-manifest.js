#!/usr/bin/env node
/**
 * `npm run validate`: offline validation of manifest.xml (Microsoft's validation service is unreachable, see
 * scripts/manifestChecks.js). Exit 0 when every check passes, 1 with Dutch messages otherwise.
 */
const fs = require("fs");
const path = require("path");
const { validateManifest, CHECKS } = require("./manifestChecks");

const file = path.resolve(process.argv[2] || path.join(__dirname, "..", "manifest.xml"));
let xml;
try {
  xml = fs.readFileSync(file, "utf8");
} catch (e) {
  console.error(`Manifest niet gevonden: ${file} (${e.code || e.message})`);
  process.exit(1);
}
const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "package.json"), "utf8"));
const problems = validateManifest(xml, { expectedVersion: pkg.version });
if (problems.length) {
  console.error(`Manifest ${path.relative(process.cwd(), file) || file} is NIET geldig (${problems.length} probleem/problemen):`);
  for (const p of problems) console.error(`  - [${p.check}] ${p.message}`);
  process.exit(1);
}
console.log(`Manifest ${path.relative(process.cwd(), file) || file} is geldig (offline controles: ${CHECKS.join(", ")}).`);
console.log("Let op: dit vervangt de online validatie van Microsoft niet helemaal (die is hier niet bereikbaar).");
