#!/usr/bin/env node
/**
 * `npm run bench`: figures for the headless engine (issue 3), printed, never asserted.
 *  - an LKS register of 10k and 100k rows (peildatum, loonwaarde, uren; =PB.LKS per row and a total):
 *    `pb recalc` end to end (a real process, peak RSS) and the recalculation alone (HyperFormula build + evaluation);
 *  - the same register with the LKS arithmetic as native formulas (WML looked up from a table on the sheet), same engine;
 *  - LibreOffice headless recalculating the native register (forced recalculation on load), when `soffice` exists;
 *  - the 100k native register (100k formulas on the same table cells) with HyperFormula's upstream (unpatched) graph
 *    code, to show what the patch buys.
 * Then every other bench/*.bench.js. Files go to bench/out/ (gitignored). Options: --sizes 10000,100000  --no-lo
 * --no-unpatched.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const { spawnSync, execFileSync } = require("child_process");

const ROOT = path.join(__dirname, "..");
const OUT = path.join(__dirname, "out");
const DIST = path.join(ROOT, "dist-cli");
const args = process.argv.slice(2);
const opt = (name) => args.includes(`--${name}`);
const sizesArg = args.includes("--sizes") ? args[args.indexOf("--sizes") + 1] : "10000,100000";
const SIZES = sizesArg.split(",").map(Number);

if (!fs.existsSync(path.join(DIST, "cli", "main.js"))) {
  console.log("dist-cli ontbreekt: npm run build:cli …");
  execFileSync(process.execPath, [path.join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.cli.json"], { cwd: ROOT, stdio: "inherit" });
}
const { workbookBuffer } = require(path.join(DIST, "xlsx", "write.js"));
const { readWorkbook } = require(path.join(DIST, "xlsx", "read.js"));
const { buildEngine } = require(path.join(DIST, "engine", "engine.js"));
const { invoke } = require(path.join(DIST, "functions", "invoke.js"));
const { isoToSerial } = require(path.join(DIST, "rules", "dates.js"));
const { PARAMETER_SET_VERSION } = require(path.join(DIST, "parameters", "index.js"));

fs.mkdirSync(OUT, { recursive: true });

const secs = (t0) => Number(process.hrtime.bigint() - t0) / 1e9;
const fmt = (s) => `${s.toFixed(2)} s`;

/** 2023 only: one part-time regime (uren/38), WML 1934,40 (jan) and 1995,00 (jul), vakantiebijslag 8%, werkgeverslasten 23,5%. */
function rowInputs(i) {
  const month = (i % 12) + 1;
  const iso = `2023-${String(month).padStart(2, "0")}-01`;
  const lw = (30 + (i % 51)) / 100; // 0,30 … 0,80 in whole percents
  const hours = 12 + (i % 27); // 12 … 38
  return { iso, serial: isoToSerial(iso), lw, hours };
}

function registerModel(n, native) {
  const cells = [
    { address: "A1", value: "peildatum" },
    { address: "B1", value: "loonwaarde" },
    { address: "C1", value: "uren" },
    { address: "D1", value: "LKS" },
  ];
  let total = 0;
  for (let i = 0; i < n; i++) {
    const r = i + 2;
    const { iso, serial, lw, hours } = rowInputs(i);
    const lks = invoke("LKS", [iso, lw, hours]);
    if (typeof lks !== "number") throw new Error(`LKS gaf ${JSON.stringify(lks)} voor ${iso} ${lw} ${hours}`);
    total += lks;
    cells.push(
      { address: `A${r}`, value: serial, numFmt: "dd-mm-yyyy" },
      { address: `B${r}`, value: lw },
      { address: `C${r}`, value: hours },
      {
        address: `D${r}`,
        formula: native
          ? // the rule of Participatiewet art. 10d lid 4 written out, WML from the table on sheet Tabel
            `ROUND(MIN(1-B${r},Tabel!$E$1)*VLOOKUP(A${r},Tabel!$A$2:$B$3,2,TRUE)*(1+Tabel!$E$2)*(1+Tabel!$E$3)*MIN(C${r},38)/38,2)`
          : `PB.LKS(A${r},B${r},C${r})`,
        result: lks,
        numFmt: "#,##0.00",
      },
    );
  }
  total = Math.round(total * 100) / 100;
  cells.push({ address: `D${n + 2}`, formula: `SUM(D2:D${n + 1})`, result: total });
  const sheets = [{ name: "Register", cells }];
  if (native) {
    sheets.push({
      name: "Tabel",
      cells: [
        { address: "A1", value: "vanaf" },
        { address: "B1", value: "WML maand" },
        { address: "A2", value: isoToSerial("2023-01-01") },
        { address: "B2", value: 1934.4 },
        { address: "A3", value: isoToSerial("2023-07-01") },
        { address: "B3", value: 1995 },
        { address: "D1", value: "cap" },
        { address: "E1", value: 0.7 },
        { address: "D2", value: "vakantiebijslag" },
        { address: "E2", value: 0.08 },
        { address: "D3", value: "werkgeverslasten" },
        { address: "E3", value: 0.235 },
      ],
    });
  }
  return { sheets };
}

async function ensureFile(n, native) {
  const file = path.join(OUT, `lks-register-${native ? "native" : "pb"}-${n}.xlsx`);
  if (!fs.existsSync(file) || fs.statSync(file).mtimeMs < fs.statSync(path.join(DIST, "xlsx", "write.js")).mtimeMs) {
    const t0 = process.hrtime.bigint();
    fs.writeFileSync(file, await workbookBuffer(registerModel(n, native)));
    console.log(`  gemaakt: ${path.relative(ROOT, file)} (${(fs.statSync(file).size / 1e6).toFixed(1)} MB, ${fmt(secs(t0))})`);
  }
  return file;
}

/** User + system CPU seconds from /usr/bin/time (children included): on a busy machine a fairer figure than wall time. */
function cpuOf(stderr) {
  const m = /CPU=([\d.]+)\+([\d.]+)/.exec(stderr || "");
  return m ? Number(m[1]) + Number(m[2]) : NaN;
}

/**
 * `pb recalc` as a user runs it: a fresh node process; wall time and peak RSS from /usr/bin/time when present.
 * ".json": the JSON report with a receipt per PB cell (for 100k rows some 280 MB); ".txt": the text report.
 */
function pbRecalc(file, ext = ".json") {
  const report = file.replace(/\.xlsx$/, `.report${ext}`);
  const cmd = [path.join(ROOT, "bin", "pb.js"), "recalc", file, "--out", report, "--overwrite"];
  const hasTime = fs.existsSync("/usr/bin/time");
  const t0 = process.hrtime.bigint();
  const r = hasTime
    ? spawnSync("/usr/bin/time", ["-f", "RSS_KB=%M CPU=%U+%S", process.execPath, ...cmd], { encoding: "utf8" })
    : spawnSync(process.execPath, cmd, { encoding: "utf8" });
  const wall = secs(t0);
  const rss = /RSS_KB=(\d+)/.exec(r.stderr || "");
  const summary = (r.stdout || "").trim().split("\n").pop();
  let build = NaN;
  if (ext === ".json") {
    try {
      // the first lines hold the timings; the cells (with their receipts) follow
      const head = fs.readFileSync(report, "utf8").slice(0, 65536);
      build = Number(/"timings": \{"buildSeconds":([\d.e-]+)/.exec(head)?.[1]);
    } catch {
      build = NaN;
    }
  }
  return { wall, rssMb: rss ? Number(rss[1]) / 1024 : NaN, cpu: cpuOf(r.stderr), exit: r.status, summary, build };
}

/**
 * Recalculation alone, in this process, of an already-read workbook: the whole of buildEngine (formula rewriting, PB
 * calls on constants evaluated directly, HyperFormula parse + graph + full evaluation); best of `repeats`, with the
 * part inside HyperFormula. `direct: false` gives every formula and every value to HyperFormula (as before).
 */
function recalcOnly(model, repeats = 2, direct = true) {
  let best = { total: Infinity, hf: NaN, direct: 0 };
  for (let k = 0; k < repeats; k++) {
    // as recalcModel builds it: with the direct path also leaving out the values no formula reads
    const { hf, buildSeconds, hfSeconds, directCells } = buildEngine(model, { direct, onlyReferencedValues: direct });
    hf.destroy();
    if (buildSeconds < best.total) best = { total: buildSeconds, hf: hfSeconds, direct: directCells };
  }
  return best;
}

function loProfile() {
  const dir = path.join(OUT, "lo-profile");
  const user = path.join(dir, "user");
  fs.mkdirSync(user, { recursive: true });
  // LibreOffice keeps the cached values of an .xlsx unless told to recalculate on load (0 = always).
  fs.writeFileSync(
    path.join(user, "registrymodifications.xcu"),
    '<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n' +
      '<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>\n</oor:items>\n',
  );
  return dir;
}

function libreOffice(file, profile) {
  const outDir = path.join(OUT, "lo");
  fs.mkdirSync(outDir, { recursive: true });
  const t0 = process.hrtime.bigint();
  const r = spawnSync("/usr/bin/time", ["-f", "RSS_KB=%M CPU=%U+%S", "soffice", "--headless", "--norestore", `-env:UserInstallation=file://${profile}`, "--convert-to", "xlsx", "--outdir", outDir, file], {
    encoding: "utf8",
    timeout: 300_000,
  });
  const wall = secs(t0);
  const rss = /RSS_KB=(\d+)/.exec(r.stderr || "");
  return { wall, rssMb: rss ? Number(rss[1]) / 1024 : NaN, cpu: cpuOf(r.stderr), ok: r.status === 0 };
}

/** HyperFormula's graph code as published (linear duplicate check), swapped in for one measurement. */
function withUpstreamGraph(fn) {
  const { Graph } = require(path.join(ROOT, "node_modules", "hyperformula", "commonjs", "DependencyGraph", "Graph.js"));
  const saved = { addEdge: Graph.prototype.addEdge, existsEdge: Graph.prototype.existsEdge };
  Graph.prototype.addEdge = function (fromNode, toNode) {
    const fromId = this.getNodeIdIfNotNumber(fromNode);
    const toId = this.getNodeIdIfNotNumber(toNode);
    if (this.edgesSparseArray[fromId].includes(toId)) return;
    this.edgesSparseArray[fromId].push(toId);
    this.edgeSetsSparseArray[fromId].add(toId); // keep the patched removeEdge consistent
  };
  try {
    return fn();
  } finally {
    Object.assign(Graph.prototype, saved);
  }
}

async function main() {
  const hasLo = !opt("no-lo") && spawnSync("sh", ["-c", "command -v soffice"]).status === 0;
  console.log(`PB Rekenkit bench — parameterset ${PARAMETER_SET_VERSION}; node ${process.version}; ${require("os").cpus().length} cores; load ${require("os").loadavg().map((x) => x.toFixed(1)).join(" ")}`);
  const rows = [];
  const profile = hasLo ? loProfile() : undefined;
  if (hasLo) libreOffice(await ensureFile(10, true), profile); // first start initialises the profile; not timed
  for (const n of SIZES) {
    console.log(`\nLKS-register, ${n} rijen`);
    const pbFile = await ensureFile(n, false);
    const nativeFile = await ensureFile(n, true);

    const e2e = pbRecalc(pbFile);
    console.log(`  pb recalc (eind tot eind, eigen proces):   ${fmt(e2e.wall)} (cpu ${fmt(e2e.cpu)})  piek-RSS ${e2e.rssMb.toFixed(0)} MB  exit ${e2e.exit}  «${e2e.summary}»  (JSON-rapport met bonnen)`);
    const e2eText = pbRecalc(pbFile, ".txt");
    console.log(`  pb recalc, tekstrapport:                   ${fmt(e2eText.wall)} (cpu ${fmt(e2eText.cpu)})  piek-RSS ${e2eText.rssMb.toFixed(0)} MB  exit ${e2eText.exit}`);

    let t0 = process.hrtime.bigint();
    const pbModel = (await readWorkbook(pbFile)).model;
    const readPb = secs(t0);
    t0 = process.hrtime.bigint();
    const nativeModel = (await readWorkbook(nativeFile)).model;
    const readNative = secs(t0);
    const pbRun = recalcOnly(pbModel);
    const pbViaHf = recalcOnly(pbModel, 1, false);
    const nativeRun = recalcOnly(nativeModel);
    const pbOnly = pbRun.total;
    const nativeOnly = nativeRun.total;
    console.log(`  lezen (strikte lezer):                     PB ${fmt(readPb)}, native ${fmt(readNative)}`);
    console.log(`  alleen herberekenen, PB.LKS:               ${fmt(pbOnly)} (waarvan HyperFormula ${fmt(pbRun.hf)}; ${pbRun.direct} PB-cellen direct uitgerekend)`);
    console.log(`  idem, alles via HyperFormula (zonder directe weg): ${fmt(pbViaHf.total)} (HyperFormula ${fmt(pbViaHf.hf)})`);
    console.log(`  alleen herberekenen, native formules:      ${fmt(nativeOnly)}`);
    console.log(`  verhouding PB / native:                    ${(pbOnly / nativeOnly).toFixed(2)}`);

    // The native register must give the same figures as PB.LKS, or the comparison means nothing.
    const { hf } = buildEngine(nativeModel);
    const native = hf.getSheetValues(0);
    hf.destroy();
    let diff = 0;
    for (let i = 0; i < n; i++) if (Math.abs(native[i + 1][3] - pbModel.sheets[0].cells[4 + i * 4 + 3].result) > 0.005) diff++;
    console.log(`  native = PB.LKS in ${n - diff} van ${n} rijen`);

    let lo;
    if (hasLo) {
      lo = libreOffice(nativeFile, profile);
      console.log(`  LibreOffice headless, native, herberekend: ${fmt(lo.wall)} (cpu ${fmt(lo.cpu)})  piek-RSS ${lo.rssMb.toFixed(0)} MB${lo.ok ? "" : " (MISLUKT)"}`);
      console.log(`  verhouding pb recalc / LibreOffice:        JSON ${(e2e.wall / lo.wall).toFixed(2)}, tekst ${(e2eText.wall / lo.wall).toFixed(2)} (doel ≤ 0,25); cpu-tijd JSON ${(e2e.cpu / lo.cpu).toFixed(2)}, tekst ${(e2eText.cpu / lo.cpu).toFixed(2)}`);
    }
    let upstream;
    if (!opt("no-unpatched") && n >= 100000) {
      // The native register is the fan-out case: 100k formulas on Tabel!$E$1..$E$3 and the WML table.
      upstream = withUpstreamGraph(() => recalcOnly(nativeModel, 1).total);
      console.log(`  alleen herberekenen, native, HF zonder patch: ${fmt(upstream)} (met patch ${fmt(nativeOnly)})`);
    }
    rows.push({ n, e2e, e2eText, readPb, pbOnly, pbHf: pbRun.hf, pbViaHf: pbViaHf.total, nativeOnly, lo, upstream, load: require("os").loadavg()[0] });
    console.log(`  belasting van de machine (load, 1 min):    ${require("os").loadavg()[0].toFixed(1)} op ${require("os").cpus().length} kernen`);
  }
  fs.writeFileSync(path.join(OUT, "engine-bench.json"), JSON.stringify({ when: new Date().toISOString(), rows }, null, 2));

  for (const f of fs.readdirSync(__dirname).filter((x) => x.endsWith(".bench.js")).sort()) {
    console.log(`\n== ${f}`);
    spawnSync(process.execPath, [path.join(__dirname, f)], { stdio: "inherit" });
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
