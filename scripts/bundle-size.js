#!/usr/bin/env node
/** Sizes of the built add-in bundles (minified, and gzip -9 as a server would send them). Run after `npm run build`. */
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const dist = path.join(__dirname, "..", "dist");
for (const name of ["taskpane.js", "functions.js", "functions.json"]) {
  const file = path.join(dist, name);
  if (!fs.existsSync(file)) {
    console.error(`${name} ontbreekt; eerst npm run build.`);
    process.exitCode = 1;
    continue;
  }
  const buf = fs.readFileSync(file);
  const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
  console.log(`${name.padEnd(15)} min ${kib(buf.length).padStart(10)}   gzip ${kib(zlib.gzipSync(buf, { level: 9 }).length).padStart(9)}`);
}
