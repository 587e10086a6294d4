#!/usr/bin/env node
/**
 * `npm start`: serve the add-in on https://localhost:3000 and sideload it where Excel is installed.
 * - builds dist/ first when it is missing (the dev server then rebuilds on every change);
 * - Windows/macOS: `office-addin-debugging start manifest.xml desktop` registers the manifest and opens Excel;
 * - Linux (no Excel): keeps serving and explains in Dutch how to sideload into Excel on the web and on a desktop.
 * Sideloading problems are reported but never end the server: the add-in stays available for Excel on the web.
 * Stop with Ctrl+C (on Windows/macOS this also runs `office-addin-debugging stop`).
 */
const { spawn, spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const root = path.join(__dirname, "..");
const bin = (name) => path.join(root, "node_modules", ".bin", process.platform === "win32" ? `${name}.cmd` : name);
const TASKPANE_URL = "https://localhost:3000/taskpane.html";
const desktop = process.platform === "win32" || process.platform === "darwin";

function log(text) {
  process.stdout.write(`${text}\n`);
}

function sideloadHelp() {
  log(`
PB Rekenkit draait op ${TASKPANE_URL}
(de dev-server bouwt opnieuw bij elke wijziging; stoppen met Ctrl+C)

Invoegen in Excel op het web (Microsoft 365):
  1. Open de certificaatpagina https://localhost:3000/ één keer in dezelfde browser en accepteer het
     ontwikkelcertificaat (of installeer het met: npx office-addin-dev-certs install).
  2. Open een werkmap op https://www.office.com (Excel).
  3. Start › Invoegtoepassingen › Meer invoegtoepassingen › Mijn invoegtoepassingen ›
     "Mijn invoegtoepassing uploaden" en kies: ${path.join(root, "manifest.xml")}
  4. Klik op Start › PB Rekenkit voor het taakvenster, of typ in een cel =PB.LKS(DATUM(2023;7;1);0,4;38)
     (uitkomst 1596,56).

Invoegen in Excel op Windows of Mac:
  Voer daar "npm start" uit; Excel opent met de invoegtoepassing (office-addin-debugging).
  Of handmatig: Windows – zet manifest.xml in een gedeelde netwerkmap en voeg die toe onder
  Bestand › Opties › Vertrouwenscentrum › Vertrouwde invoegtoepassingscatalogi; Mac – kopieer manifest.xml naar
  ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/ en kies Start › Invoegtoepassingen.

Zie README.md ("De invoegtoepassing in Excel") voor meer uitleg en het herstellen van #NAME? / _xldudf_ / #BUSY!.
`);
}

function ensureBuild() {
  if (fs.existsSync(path.join(root, "dist", "taskpane.html")) && fs.existsSync(path.join(root, "dist", "functions.json"))) return;
  log("dist/ ontbreekt: eerst bouwen (webpack --mode development)…");
  const r = spawnSync(bin("webpack"), ["--mode", "development"], { cwd: root, stdio: "inherit", shell: process.platform === "win32" });
  if (r.status !== 0) log("Bouwen mislukt; de dev-server probeert het opnieuw en toont de fouten.");
}

function sideloadDesktop() {
  log("Excel wordt gestart met de invoegtoepassing (office-addin-debugging)…");
  const r = spawnSync(bin("office-addin-debugging"), ["start", "manifest.xml", "desktop", "--no-debug", "--dev-server-port", "3000"], {
    cwd: root,
    stdio: "inherit",
    shell: process.platform === "win32",
    timeout: 180_000,
  });
  if (r.status !== 0 || r.error) {
    log("Automatisch invoegen in Excel is niet gelukt; de server blijft draaien. Voeg de invoegtoepassing handmatig in:");
    sideloadHelp();
  }
}

function main() {
  ensureBuild();
  const server = spawn(bin("webpack"), ["serve", "--mode", "development"], {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
    shell: process.platform === "win32",
  });
  let announced = false;
  const onOutput = (chunk) => {
    const text = chunk.toString();
    process.stdout.write(text);
    if (!announced && /compiled (successfully|with \d+ warning)/.test(text)) {
      announced = true;
      if (desktop) sideloadDesktop();
      else sideloadHelp();
    }
  };
  server.stdout.on("data", onOutput);
  server.stderr.on("data", onOutput);

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    if (desktop) spawnSync(bin("office-addin-debugging"), ["stop", "manifest.xml"], { cwd: root, stdio: "inherit", shell: process.platform === "win32" });
    server.kill("SIGTERM");
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  server.on("exit", (code, signal) => {
    if (!stopping) {
      log(`De dev-server stopte (${signal ?? `code ${code}`}). Controleer of poort 3000 vrij is (een andere "npm start"?) en start opnieuw.`);
    }
    // Stopping on request is the normal end of `npm start`, never an error.
    process.exit(0);
  });
}

main();
