#!/usr/bin/env node
/**
 * Throughput of the LKS rule: `lks()` called directly with ISO dates, and `invoke("LKS", …)` with raw Excel arguments
 * (serial dates, numbers, sometimes text "0,4" and an empty optional), over ~1 million calls with varied dates
 * (1-1-2015 … 30-6-2026), loonwaarde, hours and ages. Prints figures; asserts nothing.
 * Needs the compiled rules in dist-cli/ (`npx tsc -p tsconfig.cli.json`). Run: node bench/lks.bench.js [calls]
 */
"use strict";
const fs = require("fs");
const path = require("path");

const DIST = path.join(__dirname, "..", "dist-cli");
if (!fs.existsSync(path.join(DIST, "rules", "lks.js")) || !fs.existsSync(path.join(DIST, "functions", "invoke.js"))) {
  console.error("bench/lks.bench.js: dist-cli/ ontbreekt of is onvolledig. Bouw eerst: npx tsc -p tsconfig.cli.json (npm run build:cli).");
  process.exit(1);
}
const { lks } = require(path.join(DIST, "rules", "lks.js"));
const { invoke, isErrorResult } = require(path.join(DIST, "functions", "invoke.js"));
const { isoToSerial, serialToIso } = require(path.join(DIST, "rules", "dates.js"));

const N = Number(process.argv[2]) || 1_000_000;
const FIRST = isoToSerial("2015-01-01");
const LAST = isoToSerial("2026-06-30");

// Inputs are prepared before timing, so the figures are the rule, not the random generator. A fixed LCG keeps runs comparable.
let seed = 20261125;
const rnd = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
const SAMPLES = 50_000;
const direct = [];
const raw = [];
for (let i = 0; i < SAMPLES; i++) {
  const serial = FIRST + Math.floor(rnd() * (LAST - FIRST + 1));
  const lw = Math.floor(rnd() * 101) / 100;
  const hours = Math.floor(rnd() * 41);
  const age = rnd() < 0.2 ? 15 + Math.floor(rnd() * 8) : undefined;
  // Full-time of 40 h: from 2024 hours above 36 need it (Pwet art. 10d lid 4), before 2024 it is the job's norm.
  direct.push({ date: serialToIso(serial), loonwaarde: lw, hoursPerWeek: hours, age, fulltimeHours: 40 });
  // Raw Excel arguments: mostly numbers; every 10th loonwaarde as Dutch text, empty optional cells as null.
  raw.push([serial, i % 10 === 0 ? String(lw).replace(".", ",") : lw, hours, age ?? null, 40]);
}

function time(label, calls, f) {
  f(Math.min(calls, 50_000)); // warm-up: let the JIT settle before timing
  const t0 = process.hrtime.bigint();
  const sink = f(calls);
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  const perSec = calls / s;
  console.log(
    `${label.padEnd(34)} ${String(calls).padStart(9)} calls  ${s.toFixed(3).padStart(7)} s  ` +
      `${Math.round(perSec).toLocaleString("en-US").padStart(11)} calls/s  ${((s / calls) * 1e6).toFixed(2)} µs/call  (checksum ${sink.toFixed(2)})`,
  );
  return perSec;
}

console.log(`LKS throughput, Node ${process.version}, ${N.toLocaleString("en-US")} calls each, ${SAMPLES.toLocaleString("en-US")} distinct inputs`);

time("lks() direct (ISO dates)", N, (n) => {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += lks(direct[i % SAMPLES]);
  return sum;
});

let errors = 0;
time('invoke("LKS", raw Excel args)', N, (n) => {
  let sum = 0;
  errors = 0;
  for (let i = 0; i < n; i++) {
    const r = invoke("LKS", raw[i % SAMPLES]);
    if (isErrorResult(r)) errors++;
    else sum += r;
  }
  return sum;
});
if (errors > 0) console.log(`  (${errors} calls answered an Excel error — unexpected for these inputs)`);

const trace = [];
time('invoke("LKS", …, {trace})', Math.floor(N / 10), (n) => {
  let sum = 0;
  for (let i = 0; i < n; i++) {
    trace.length = 0;
    const r = invoke("LKS", raw[i % SAMPLES], { trace });
    if (!isErrorResult(r)) sum += r;
  }
  return sum;
});

time('invoke("LKSPERIODE", one year)', Math.floor(N / 20), (n) => {
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const [serial, lw, hours] = raw[i % SAMPLES];
    const r = invoke("LKSPERIODE", [serial, Math.min(serial + 364, LAST), lw, hours, null, 40]);
    if (!isErrorResult(r)) sum += r;
  }
  return sum;
});
