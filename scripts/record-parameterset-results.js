#!/usr/bin/env node
/**
 * Records what a parameter set computes, for the test that every released set keeps reproducing its own results
 * (tests/parameters/releasedSets.test.ts). Run it once when a set is released, against the code of that release:
 *
 *   npm run build:cli && node scripts/record-parameterset-results.js > tests/fixtures/parametersets/VERSIE.results.json
 *
 * The calls are a fixed battery over every function that reads parameters, at the edges of every table. Error results
 * are kept as an outcome only (#N/A, or "invoer" for any refusal of the input): wording and the code of an input error
 * may improve, the outcome may not.
 */
"use strict";
const path = require("path");
const root = path.join(__dirname, "..");
const { invoke } = require(path.join(root, "dist-cli/functions/invoke"));
const params = require(path.join(root, "dist-cli/parameters"));

function activeSet() {
  if (typeof params.activeParameterSet === "function") return params.activeParameterSet();
  return { version: params.PARAMETER_SET_VERSION, hash: params.PARAMETER_SET_HASH, parameters: params.PARAMETERS };
}

function addDays(iso, n) {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

function battery(set) {
  const calls = [];
  const add = (fn, ...args) => calls.push({ fn, args });
  const wmlDays = new Set();
  for (const v of set.parameters.get("wml.maand").values) {
    wmlDays.add(v.from);
    wmlDays.add(addDays(v.from, -1));
  }
  for (const d of ["2014-12-31", "2026-06-30", "2026-07-01", "2026-12-31", "2027-01-01"]) wmlDays.add(d);
  const days = [...wmlDays].sort();
  for (const d of days) {
    add("WML", d);
    for (const age of [15, 16, 17, 18, 19, 20, 21, 22, 23]) add("WML", d, age);
    if (d >= "2024-01-01") {
      add("WML", d, null, "uur");
      for (const age of [15, 18, 20]) add("WML", d, age, "uur");
    }
  }
  const lksDays = ["2015-01-01", "2016-06-30", "2017-12-31", "2018-01-01", "2021-07-01", "2023-07-01", "2023-12-31", "2024-01-01", "2025-01-01", "2026-06-30", "2026-07-01", "2026-12-31"];
  for (const d of lksDays) {
    for (const lw of [0, 0.2, 0.4, 0.6, 1]) {
      for (const hours of [20, 32, 36, 38, 40]) {
        for (const full of [null, 32, 36, 38, 40]) add("LKS", d, lw, hours, null, full);
        add("LKS", d, lw, hours, 18, null);
      }
    }
    for (const hours of [20, 36, 40]) for (const full of [null, 32, 40]) add("LKSFORFAITAIR", d, hours, null, full);
  }
  const periods = [
    ["2023-01-01", "2023-12-31"],
    ["2025-06-16", "2025-07-15"],
    ["2016-03-01", "2018-02-28"],
    ["2015-01-01", "2015-01-31"],
    ["2015-01-16", "2016-12-31"],
    ["2019-06-16", "2020-01-15"],
    ["2022-07-01", "2023-06-30"],
    ["2024-11-15", "2026-06-30"],
    ["2025-12-01", "2026-06-30"],
    ["2015-01-01", "2026-06-30"],
  ];
  for (const [s, e] of periods) {
    for (const [lw, hours, age, full] of [[0.4, 38, null, null], [0.6, 32, null, null], [0.5, 36, null, 32], [0.2, 40, null, 40], [0.5, 20, 18, null]]) {
      add("LKSPERIODE", s, e, lw, hours, age, full);
    }
  }
  for (const p of set.parameters.values()) {
    for (const v of p.values) {
      const keys = typeof v.value === "object" && v.value !== null ? Object.keys(v.value) : [undefined];
      for (const k of keys) add("PARAM", p.name, v.from, k);
      add("BRON", p.name, v.from);
    }
    if (p.until) add("PARAM", p.name, p.until);
    add("PARAM", p.name, addDays(p.values[0].from, -1));
  }
  for (let y = 2008; y <= 2017; y++) {
    for (const s of ["sisa", "sisa-gr", "beeld", "vaststelling", "terugvordering", "terugvordering-gr"]) add("DEADLINE", y, s);
    add("BUDGETJAAR", y);
    add("OUTPUTJAAR", y);
    add("MEENEEM", 1000000, 700000, y);
    add("MEENEEM", 1000000, 600000, y, true);
    add("VOORFINANCIERING", 1000000, 1400000, y, true);
    add("TERUGVORDERING", 1000000, 600000, y);
    add("VERDEELSZW", 50, 1000, 30, 1000, 1000000, y);
    add("SZWMAATSTAF", 1000, 500, 20000, 300, y);
    add("VERDEELINBURGERING", [[100, 40, 80, 80, 80, 80, 20]], [[10000, 4000, 8000, 8000, 8000, 8000, 2000]], 5000000, true, y);
    add("VERDEELEDUCATIE", [[1000, 500, 40, 10]], [[100000, 80000, 2000, 1000]], 2000000, false, y);
  }
  for (const [geb, peil, voldaan, soort] of [
    ["1990-01-01", "2010-06-30", null, null],
    ["1995-03-01", "2012-06-30", false, "algemeen"],
    ["1995-03-01", "2012-06-30", true, "algemeen"],
    ["1995-03-01", "2012-06-30", false, "educatie"],
    ["1986-01-01", "2012-06-30", false, "re-integratie"],
    ["1996-07-01", "2012-06-30", false, "re-integratie"],
    ["1990-01-01", "2015-01-01", null, null],
  ]) add("DOELGROEP", geb, peil, voldaan, soort);
  return calls;
}

/** #N/A (no value for that date) is kept as such; every refusal of the input counts as one outcome, whatever its code. */
function outcome(r) {
  if (!(r && typeof r === "object" && !Array.isArray(r) && typeof r.error === "string")) return r;
  return { error: r.error === "#N/A" ? "#N/A" : "invoer" };
}

function run() {
  const set = activeSet();
  const calls = battery(set).map(({ fn, args }) => {
    const r = invoke(fn, args);
    return { fn, args, result: outcome(r) };
  });
  const lines = calls.map((c) => "  " + JSON.stringify(c));
  process.stdout.write(`{"version": ${JSON.stringify(set.version)}, "hash": ${JSON.stringify(set.hash)}, "calls": [\n${lines.join(",\n")}\n]}\n`);
}

run();
