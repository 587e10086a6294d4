#!/usr/bin/env node
// `pb` command line of PB Rekenkit. The TypeScript sources are compiled into dist-cli/ by `npm run build:cli`
// (also run by `npm install` through "prepare"). As distributed with HyperFormula this command falls under GPL-3.0.
"use strict";
const path = require("path");
const fs = require("fs");

const entry = path.join(__dirname, "..", "dist-cli", "cli", "launch.js");
if (!fs.existsSync(entry)) {
  process.stderr.write(
    "pb is nog niet gebouwd: " + entry + " ontbreekt.\n" + "Bouw het eerst met:  npm run build:cli\n",
  );
  process.exit(2);
}
// Every command runs in a worker thread with a heap limit and a CPU-time budget (dist-cli/cli/launch.js).
const { launch } = require(entry);
launch(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write("Interne fout: " + (e && e.message ? e.message : String(e)) + "\n");
    process.exitCode = 2;
  },
);
