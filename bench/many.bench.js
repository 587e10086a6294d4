#!/usr/bin/env node
/**
 * Many workbooks at once (issue 11, item 5): 340 generated municipal workbooks, one per municipality, audited with one
 * `pb recalc bench/out/many/` — as a province or an accountant checks a whole set — with all cores and with one worker;
 * for comparison a sample of single `pb recalc FILE` runs, as one had to before (one process per file), extrapolated to
 * 340. Prints wall time, workbooks per second, CPU time (user + system, all threads) and peak RSS of the whole process;
 * asserts nothing. On a shared machine the CPU time is the steadier figure: wall time depends on what else runs.
 *
 * Each workbook: sheet "LKS-register" with 50–400 employees (reference, employer, peildatum in 2023, loonwaarde, hours,
 * =PB.LKS per month, =ROUND(F×12;2) per year) and a total row; sheet "SiSa" with a G2-like block (besteding LKS from the
 * register, other re-integration spending, baten, a total, the number of employees, the WML it rests on as
 * =PB.WML(…)). Cached values are computed here independently of the engine (invoke for PB.LKS, the arithmetic written
 * out); four of the 340 have one doctored cached LKS value, so the run shows what a difference looks like (exit 1).
 * Files go to bench/out/many/ (gitignored) and are reused while newer than the compiled writer.
 * Run: node bench/many.bench.js [aantal] [--geen-los]   (needs dist-cli: npm run build:cli)
 */
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const { spawnSync } = require("child_process");

const ROOT = path.join(__dirname, "..");
const DIST = path.join(ROOT, "dist-cli");
const DIR = path.join(__dirname, "out", "many");
const args = process.argv.slice(2);
const COUNT = Number(args.find((a) => /^\d+$/.test(a))) || 340;
const SINGLES = args.includes("--geen-los") ? 0 : 12;

if (!fs.existsSync(path.join(DIST, "cli", "batch.js"))) {
  console.error("bench/many.bench.js: dist-cli/ ontbreekt of is verouderd. Bouw eerst: npm run build:cli.");
  process.exit(1);
}
const { workbookBuffer } = require(path.join(DIST, "xlsx", "write.js"));
const { invoke } = require(path.join(DIST, "functions", "invoke.js"));
const { isoToSerial } = require(path.join(DIST, "rules", "dates.js"));

const round2 = (x) => Math.round(x * 100) / 100;
const DOCTORED = new Set([17, 101, 202, 303].filter((k) => k <= COUNT));
const EMPLOYERS = ["Sociale Werkvoorziening", "Bakkerij De Korenschoof", "Groenbedrijf Noord", "Transport & Logistiek", "Zorgcentrum De Linde", "Facilitair Bedrijf"];

/** Municipality k (1-based): a fixed LCG per municipality, so every run audits the same 340 workbooks. */
function municipality(k) {
  let seed = 1000003 * k;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
  const n = 50 + Math.floor(rnd() * 351); // 50 … 400 employees
  const reg = [
    { address: "A1", value: "Referentie (geen BSN)", bold: true },
    { address: "B1", value: "Werkgever", bold: true },
    { address: "C1", value: "Peildatum", bold: true },
    { address: "D1", value: "Loonwaarde", bold: true },
    { address: "E1", value: "Uren per week", bold: true },
    { address: "F1", value: "LKS per maand", bold: true },
    { address: "G1", value: "LKS per jaar", bold: true },
  ];
  let monthTotal = 0;
  let yearTotal = 0;
  for (let i = 0; i < n; i++) {
    const r = i + 2;
    const iso = `2023-${String(1 + Math.floor(rnd() * 12)).padStart(2, "0")}-01`;
    const lw = (25 + Math.floor(rnd() * 60)) / 100; // 0,25 … 0,84
    const hours = 12 + Math.floor(rnd() * 27); // 12 … 38
    const lks = invoke("LKS", [isoToSerial(iso), lw, hours]);
    if (typeof lks !== "number") throw new Error(`LKS gaf ${JSON.stringify(lks)} voor ${iso} ${lw} ${hours}`);
    const year = round2(lks * 12);
    monthTotal += lks;
    yearTotal += year;
    const cached = DOCTORED.has(k) && i === 7 ? lks + 10 : lks; // a cached value edited by hand
    reg.push(
      { address: `A${r}`, value: `W${String(k).padStart(3, "0")}-${String(i + 1).padStart(4, "0")}` },
      { address: `B${r}`, value: EMPLOYERS[Math.floor(rnd() * EMPLOYERS.length)] },
      { address: `C${r}`, value: isoToSerial(iso), numFmt: "dd-mm-yyyy" },
      { address: `D${r}`, value: lw, numFmt: "0%" },
      { address: `E${r}`, value: hours },
      { address: `F${r}`, formula: `PB.LKS(C${r},D${r},E${r})`, result: cached, numFmt: "#,##0.00" },
      { address: `G${r}`, formula: `ROUND(F${r}*12,2)`, result: year, numFmt: "#,##0.00" },
    );
  }
  const t = n + 2;
  monthTotal = round2(monthTotal);
  yearTotal = round2(yearTotal);
  reg.push(
    { address: `A${t}`, value: "Totaal", bold: true },
    { address: `F${t}`, formula: `SUM(F2:F${n + 1})`, result: monthTotal, bold: true },
    { address: `G${t}`, formula: `SUM(G2:G${n + 1})`, result: yearTotal, bold: true },
  );
  const other = round2(50_000 + rnd() * 450_000);
  const baten = round2(rnd() * 40_000);
  const wml = invoke("WML", [isoToSerial("2023-07-01")]);
  const sisa = [
    { address: "A1", value: `SiSa-bijlage G2, gemeente ${String(k).padStart(3, "0")}, verantwoordingsjaar 2023`, bold: true },
    { address: "A3", value: "Indicator", bold: true },
    { address: "B3", value: "Bedrag", bold: true },
    { address: "A4", value: "G2 Besteding loonkostensubsidie (art. 10d)" },
    { address: "B4", formula: `'LKS-register'!G${t}`, result: yearTotal, numFmt: "#,##0.00" },
    { address: "A5", value: "G2 Overige besteding re-integratie" },
    { address: "B5", value: other, numFmt: "#,##0.00" },
    { address: "A6", value: "G2 Baten re-integratie" },
    { address: "B6", value: baten, numFmt: "#,##0.00" },
    { address: "A7", value: "G2 Totaal besteding min baten", bold: true },
    { address: "B7", formula: "B4+B5-B6", result: round2(yearTotal + other - baten), numFmt: "#,##0.00", bold: true },
    { address: "A9", value: "Aantal werknemers met loonkostensubsidie" },
    { address: "B9", formula: `COUNTA('LKS-register'!A2:A${n + 1})`, result: n },
    { address: "A10", value: "WML per maand op 1-7-2023 (grondslag)" },
    { address: "B10", formula: "PB.WML(DATE(2023,7,1))", result: wml, numFmt: "#,##0.00" },
  ];
  return { model: { sheets: [{ name: "LKS-register", cells: reg, freeze: "A2" }, { name: "SiSa", cells: sisa }] }, rows: n };
}

async function ensureWorkbooks() {
  fs.mkdirSync(DIR, { recursive: true });
  const writer = fs.statSync(path.join(DIST, "xlsx", "write.js")).mtimeMs;
  const self = fs.statSync(__filename).mtimeMs;
  let made = 0;
  let rows = 0;
  const t0 = process.hrtime.bigint();
  for (let k = 1; k <= COUNT; k++) {
    const file = path.join(DIR, `gemeente-${String(k).padStart(3, "0")}.xlsx`);
    const { model, rows: n } = municipality(k);
    rows += n;
    if (fs.existsSync(file) && fs.statSync(file).mtimeMs > Math.max(writer, self)) continue;
    fs.writeFileSync(file, await workbookBuffer(model));
    made++;
  }
  // a run with fewer municipalities than before leaves no extra files behind in the folder
  for (const f of fs.readdirSync(DIR)) {
    const m = /^gemeente-(\d+)\.xlsx$/.exec(f);
    if (m && Number(m[1]) > COUNT) fs.unlinkSync(path.join(DIR, f));
  }
  const bytes = fs.readdirSync(DIR).reduce((s, f) => s + fs.statSync(path.join(DIR, f)).size, 0);
  if (made) console.log(`  gemaakt: ${made} werkmappen (${(Number(process.hrtime.bigint() - t0) / 1e9).toFixed(1)} s)`);
  console.log(`  ${COUNT} werkmappen in ${path.relative(ROOT, DIR)}/: ${rows} registerregels, ${(rows / COUNT).toFixed(0)} gemiddeld, ${(bytes / 1e6).toFixed(1)} MB`);
}

/** One `pb` process as a user starts it; wall time, and peak RSS of the process (all threads) from GNU time. */
function pb(cmdArgs) {
  const cmd = [path.join(ROOT, "bin", "pb.js"), ...cmdArgs];
  const hasTime = fs.existsSync("/usr/bin/time");
  const t0 = process.hrtime.bigint();
  const r = hasTime
    ? spawnSync("/usr/bin/time", ["-f", "RSS_KB=%M CPU_S=%U+%S", process.execPath, ...cmd], { encoding: "utf8", maxBuffer: 64 << 20 })
    : spawnSync(process.execPath, cmd, { encoding: "utf8", maxBuffer: 64 << 20 });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const rss = /RSS_KB=(\d+)/.exec(r.stderr || "");
  const cpu = /CPU_S=([\d.]+)\+([\d.]+)/.exec(r.stderr || "");
  const lines = (r.stdout || "").trim().split("\n");
  return { wall, cpu: cpu ? Number(cpu[1]) + Number(cpu[2]) : NaN, rssMb: rss ? Number(rss[1]) / 1024 : NaN, exit: r.status, lines };
}

function batch(label, extra) {
  const r = pb(["recalc", DIR, ...extra]);
  const perFile = r.lines.filter((l) => l.includes(".xlsx: "));
  const verschil = perFile.filter((l) => l.endsWith("VERSCHIL")).length;
  console.log(
    `  ${label.padEnd(34)} ${r.wall.toFixed(2).padStart(7)} s  ${(COUNT / r.wall).toFixed(1).padStart(6)} werkmappen/s  CPU ${r.cpu.toFixed(1)} s  piek-RSS ${r.rssMb.toFixed(0)} MB  ` +
      `exit ${r.exit}  ${perFile.length} regels, ${verschil} VERSCHIL  «${r.lines[r.lines.length - 1]}»`,
  );
  return r;
}

async function main() {
  const cores = typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
  console.log(`Veel werkmappen tegelijk — node ${process.version}; ${cores} kernen; load ${os.loadavg().map((x) => x.toFixed(1)).join(" ")}`);
  await ensureWorkbooks();
  batch(`pb recalc MAP/ (${cores} werkers)`, []);
  batch("pb recalc MAP/ --werkers 1", ["--werkers", "1"]);
  const json = path.join(os.tmpdir(), `pb-many-${process.pid}.json`);
  const withJson = batch(`pb recalc MAP/ --out rapport.json`, ["--out", json]);
  try {
    console.log(`    gezamenlijk JSON-rapport (met bonnen): ${(fs.statSync(json).size / 1e6).toFixed(1)} MB${withJson.exit === 2 ? " (MISLUKT)" : ""}`);
  } finally {
    fs.rmSync(json, { force: true });
  }
  if (SINGLES > 0) {
    // the way before: one process per workbook (a sample, extrapolated)
    const step = Math.max(1, Math.floor(COUNT / SINGLES));
    let wall = 0;
    let cpu = 0;
    let peak = 0;
    let n = 0;
    for (let k = 1; k <= COUNT && n < SINGLES; k += step, n++) {
      const r = pb(["recalc", path.join(DIR, `gemeente-${String(k).padStart(3, "0")}.xlsx`)]);
      wall += r.wall;
      cpu += r.cpu;
      peak = Math.max(peak, r.rssMb);
    }
    const per = wall / n;
    console.log(
      `  ${`${n}× pb recalc FILE, één proces per werkmap`.padEnd(34)} ${per.toFixed(2).padStart(7)} s per werkmap  → ${(per * COUNT).toFixed(0)} s voor ${COUNT} (geëxtrapoleerd)  ` +
        `CPU ${(cpu / n).toFixed(2)} s per werkmap → ${((cpu / n) * COUNT).toFixed(0)} s  piek-RSS ${peak.toFixed(0)} MB`,
    );
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
