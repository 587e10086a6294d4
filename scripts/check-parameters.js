#!/usr/bin/env node
/**
 * The build's gate for parameter data: every file in src/parameters/data (the set in force) and every released set in
 * src/parameters/released passes src/parameters/validate.ts, or the build stops with one Dutch line per problem naming
 * file and value. Runs before anything is compiled (npm run build:cli, and the webpack build through webpack.config.js),
 * so validate.ts is transpiled here on the fly.
 *
 * Also checks what only the files together can say: a released set keeps the hash it was released with, and a released
 * version that is also the current version has exactly the current content (a changed value needs a new version).
 */
"use strict";
const fs = require("fs");
const path = require("path");
const Module = require("module");

const root = path.join(__dirname, "..");

function loadTs(file) {
  const ts = require("typescript");
  const source = fs.readFileSync(file, "utf8");
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true, resolveJsonModule: true },
    fileName: file,
  });
  const m = new Module(file, module);
  m.filename = file;
  m.paths = Module._nodeModulePaths(path.dirname(file));
  m._compile(outputText, file);
  return m.exports;
}

function readJson(file, problems) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (e) {
    problems.push(`${path.relative(process.cwd(), file)}: geen geldige JSON (${e.message})`);
    return undefined;
  }
}

/** `dir` holds data/ and released/; PB_PARAMETERS_DIR points a test at a deliberately broken copy. */
function check(dir = process.env.PB_PARAMETERS_DIR || path.join(root, "src", "parameters")) {
  const dataDir = path.join(dir, "data");
  const releasedDir = path.join(dir, "released");
  const { validateParameterFiles, validateParameterSetDocument } = loadTs(path.join(root, "src", "parameters", "validate.ts"));
  const { parameterSetHash } = loadTs(path.join(root, "src", "parameters", "set.ts"));
  const problems = [];
  const files = {};
  for (const f of fs.readdirSync(dataDir).sort()) {
    if (!f.endsWith(".json") || f === "set.json") continue;
    const data = readJson(path.join(dataDir, f), problems);
    if (data !== undefined) files[path.relative(process.cwd(), path.join(dataDir, f))] = data;
  }
  problems.push(...validateParameterFiles(files, { requireUntilReason: true }));
  const setFile = path.join(dataDir, "set.json");
  const set = readJson(setFile, problems);
  const version = set && set.version;
  if (typeof version !== "string" || !/^\d{4}\.\d+\.\d+$/.test(version)) {
    problems.push(`${path.relative(process.cwd(), setFile)}: version ontbreekt of heeft niet de vorm JJJJ.M.N`);
  }
  const currentHash = parameterSetHash(Object.values(files));
  for (const f of fs.readdirSync(releasedDir).sort()) {
    if (!f.endsWith(".json")) continue;
    const file = path.join(releasedDir, f);
    const rel = path.relative(process.cwd(), file);
    const doc = readJson(file, problems);
    if (doc === undefined) continue;
    const before = problems.length;
    problems.push(...validateParameterSetDocument(rel, doc));
    if (problems.length > before) continue;
    if (f !== `${doc.version}.json`) problems.push(`${rel}: bevat versie ${doc.version}; het bestand moet ${doc.version}.json heten`);
    const hash = parameterSetHash(doc.parameters);
    if (doc.hash !== undefined && doc.hash !== hash) {
      problems.push(`${rel}: controlegetal ${hash} wijkt af van het vrijgegeven controlegetal ${doc.hash}; een vrijgegeven set verandert niet`);
    }
    if (doc.version === version && hash !== currentHash) {
      problems.push(
        `${rel}: versie ${version} is vrijgegeven, maar src/parameters/data wijkt ervan af (controlegetal ${currentHash} tegen ${hash}); verhoog de versie in src/parameters/data/set.json`,
      );
    }
  }
  return problems;
}

module.exports = { check, loadTs };

if (require.main === module) {
  const problems = check();
  if (problems.length > 0) {
    process.stderr.write(`De parameterdata kloppen niet (${problems.length} probleem/problemen):\n${problems.map((p) => `  ${p}`).join("\n")}\n`);
    process.exit(1);
  }
  process.stdout.write("Parameterdata gecontroleerd: in orde.\n");
}
