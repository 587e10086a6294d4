#!/usr/bin/env node
/**
 * What "Bonnetje in de cel" costs on a 10,000-row LKS register, measured in a fake custom-functions runtime: the add-in's
 * own excelCall (src/functions/excelErrors.ts) with a stand-in CustomFunctions global, once per row as Excel calls it on
 * a full recalculation, with the setting off (plain numbers) and on (a number with its receipt, cellCard.ts). Also what
 * the runtime hands Excel per recalculation (the results as JSON, which is how a custom function's answer travels).
 * Excel's own side (storing, drawing and saving values with properties) is not in this figure: that needs a real Excel.
 * Prints figures, asserts nothing. Run: node bench/receiptInCell.bench.js [rows]
 */
"use strict";
const fs = require("fs");
const path = require("path");
const ts = require("typescript");

const SRC = path.join(__dirname, "..", "src");
// The TypeScript sources, transpiled on require (no type check), as scripts/help.js loads them for the build.
require.extensions[".ts"] = (module, filename) => {
  if (!filename.startsWith(SRC)) throw new Error(`${filename} valt buiten src/`);
  const out = ts.transpileModule(fs.readFileSync(filename, "utf8"), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true, resolveJsonModule: true },
    fileName: filename,
  });
  module._compile(out.outputText, filename);
};

class FakeError extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}
globalThis.CustomFunctions = {
  Error: FakeError,
  ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", invalidNumber: "#NUM!", divisionByZero: "#DIV/0!", nullReference: "#NULL!", invalidName: "#NAME?", invalidReference: "#REF!" },
  associate: () => undefined,
};

const { excelCall, setDateSystemSource } = require(path.join(SRC, "functions", "excelErrors.ts"));
const { setReceiptInCellOn } = require(path.join(SRC, "functions", "cellCard.ts"));
const { isoToSerial } = require(path.join(SRC, "rules", "dates.ts"));

const ROWS = Number(process.argv[2]) || 10_000;
const REPEATS = 7;
setDateSystemSource(1900);

/** The register of bench/run.js: 2023, one row per employee, loonwaarde 0,30–0,80, 12–38 hours; every 5th row an age. */
const rows = [];
for (let i = 0; i < ROWS; i++) {
  const month = (i % 12) + 1;
  const serial = isoToSerial(`2023-${String(month).padStart(2, "0")}-01`);
  rows.push([serial, (30 + (i % 51)) / 100, 12 + (i % 27), i % 5 === 0 ? 18 + (i % 4) : null, null]);
}

/** One full recalculation: every row's PB.LKS, and the answers serialised as the runtime hands them over. */
function recalc() {
  const t0 = process.hrtime.bigint();
  const results = new Array(ROWS);
  for (let i = 0; i < ROWS; i++) results[i] = excelCall("LKS", rows[i]);
  const t1 = process.hrtime.bigint();
  let bytes = 0;
  for (const r of results) bytes += JSON.stringify(r).length;
  const t2 = process.hrtime.bigint();
  let sum = 0;
  for (const r of results) sum += typeof r === "number" ? r : r.basicValue;
  return { calc: Number(t1 - t0) / 1e6, serialise: Number(t2 - t1) / 1e6, bytes, sum };
}

function measure(on) {
  setReceiptInCellOn(on);
  recalc(); // warm-up: let the JIT settle
  const runs = [];
  for (let k = 0; k < REPEATS; k++) runs.push(recalc());
  setReceiptInCellOn(false);
  const median = (f) => runs.map(f).sort((a, b) => a - b)[Math.floor(runs.length / 2)];
  return { calc: median((r) => r.calc), serialise: median((r) => r.serialise), bytes: runs[0].bytes, sum: runs[0].sum };
}

const off = measure(false);
const on = measure(true);
const ms = (x) => `${x.toFixed(1).padStart(7)} ms`;
const mb = (b) => `${(b / 1e6).toFixed(2)} MB`;
console.log(`Bonnetje in de cel — LKS-register van ${ROWS.toLocaleString("nl-NL")} rijen, nep-runtime, mediaan van ${REPEATS} herberekeningen; node ${process.version}`);
console.log(`  uit: rekenen ${ms(off.calc)}  naar JSON ${ms(off.serialise)}  samen ${ms(off.calc + off.serialise)}  naar Excel ${mb(off.bytes)} (${(off.bytes / ROWS).toFixed(0)} B per cel)`);
console.log(`  aan: rekenen ${ms(on.calc)}  naar JSON ${ms(on.serialise)}  samen ${ms(on.calc + on.serialise)}  naar Excel ${mb(on.bytes)} (${(on.bytes / ROWS).toFixed(0)} B per cel)`);
console.log(`  verschil: ×${((on.calc + on.serialise) / (off.calc + off.serialise)).toFixed(1)} tijd, +${((on.calc + on.serialise - off.calc - off.serialise) / ROWS * 1000).toFixed(1)} µs per cel, ×${(on.bytes / off.bytes).toFixed(0)} gegevens`);
console.log(`  zelfde bedragen: ${Math.abs(on.sum - off.sum) < 0.005 ? "ja" : "NEE"} (som ${off.sum.toLocaleString("nl-NL", { minimumFractionDigits: 2 })})`);
