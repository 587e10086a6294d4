#!/usr/bin/env node
/**
 * `npm start`: serve the add-in on https://localhost:3000 and sideload it where Excel is installed.
 * - builds dist/ first when it is missing (the dev server then rebuilds on every change);
 * - Windows/macOS: `office-addin-debugging start manifest.xml desktop` registers the manifest and opens Excel;
 * - Linux (no Excel): keeps serving and explains in Dutch how to sideload into Excel on the web and on a desktop.
 * Sideloading problems are reported but never end the server: the add-in stays available for Excel on the web.
 * Stop with Ctrl+C (on Windows/macOS this also runs `office-addin-debugging stop`).
 * Everything it says is Dutch: webpack's and the sideloading tool's own (English) output goes to
 * test-artifacts/npm-start.log, and only what needs the developer's attention is shown, with a Dutch heading.
 * Exit codes: 0 after Ctrl+C; 1 when port 3000 is taken or the dev server stops by itself.
 */
const { spawn, spawnSync } = require("child_process");
const fs = require("fs");
const net = require("net");
const path = require("path");

const root = path.join(__dirname, "..");
const bin = (name) => path.join(root, "node_modules", ".bin", process.platform === "win32" ? `${name}.cmd` : name);
// The development address; a production build takes its own from ADDIN_URL (README, "Uitrollen").
const DEV_URL = "https://localhost:3000/";
const PORT = Number(new URL(DEV_URL).port);
const TASKPANE_URL = `${DEV_URL}taskpane.html`;
const LOG = path.join(root, "test-artifacts", "npm-start.log");
const desktop = process.platform === "win32" || process.platform === "darwin";

function log(text) {
  process.stdout.write(`${text}\n`);
}

function sideloadHelp() {
  log(`
PB Rekenkit draait op ${TASKPANE_URL}
(de dev-server bouwt opnieuw bij elke wijziging; stoppen met Ctrl+C)

Invoegen in Excel op het web (Microsoft 365):
  1. Open de certificaatpagina ${DEV_URL} één keer in dezelfde browser en accepteer het
     ontwikkelcertificaat (of installeer het met: npx office-addin-dev-certs install).
     Chrome en Edge vragen daarna of Excel (office.com) apparaten in uw lokale netwerk mag gebruiken:
     kies Toestaan, anders laadt de invoegtoepassing niet en tonen PB-formules #NAME?.
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

Ziet u bij "Mijn invoegtoepassing uploaden" niets, dan heeft uw organisatie het zelf uploaden uitgezet:
  vraag uw beheerder PB Rekenkit via het Microsoft 365-beheercentrum uit te rollen (README.md, "Uitrollen").

Zie README.md ("De invoegtoepassing in Excel") voor meer uitleg en het herstellen van #NAME? / _xldudf_ / #BUSY!.
`);
}

function logTo(text) {
  fs.mkdirSync(path.dirname(LOG), { recursive: true });
  fs.appendFileSync(LOG, text);
}

/** Resolves when PORT is free on localhost, rejects with the reason when it is not. */
function portFree() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.once("listening", () => probe.close(() => resolve()));
    probe.listen(PORT, "localhost");
  });
}

function ensureBuild() {
  if (fs.existsSync(path.join(root, "dist", "taskpane.html")) && fs.existsSync(path.join(root, "dist", "functions.json"))) return;
  log("dist/ ontbreekt: eerst bouwen…");
  const r = spawnSync(bin("webpack"), ["--mode", "development"], { cwd: root, encoding: "utf8", shell: process.platform === "win32" });
  logTo(`${r.stdout ?? ""}${r.stderr ?? ""}`);
  if (r.status !== 0) log(`Bouwen mislukt; de dev-server probeert het opnieuw en toont de fouten. Volledige uitvoer: ${LOG}`);
}

function sideloadDesktop() {
  log("Excel wordt gestart met de invoegtoepassing…");
  const r = spawnSync(bin("office-addin-debugging"), ["start", "manifest.xml", "desktop", "--no-debug", "--dev-server-port", String(PORT)], {
    cwd: root,
    encoding: "utf8",
    shell: process.platform === "win32",
    timeout: 180_000,
  });
  logTo(`${r.stdout ?? ""}${r.stderr ?? ""}`);
  if (r.status !== 0 || r.error) {
    log("Automatisch invoegen in Excel is niet gelukt; de server blijft draaien. Voeg de invoegtoepassing handmatig in:");
    sideloadHelp();
  }
}

async function main() {
  try {
    await portFree();
  } catch (e) {
    const why = e && e.code === "EADDRINUSE" ? `poort ${PORT} is al in gebruik` : `poort ${PORT} is niet te gebruiken (${e && e.code ? e.code : "onbekende reden"})`;
    log(`PB Rekenkit kan niet starten: ${why}. Draait er al een "npm start"? Stop dat (Ctrl+C in dat venster) en probeer het opnieuw.`);
    process.exit(1);
  }
  ensureBuild();
  const server = spawn(bin("webpack"), ["serve", "--mode", "development"], {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
    shell: process.platform === "win32",
  });
  let announced = false;
  let failing = false;
  const onOutput = (chunk) => {
    const text = chunk.toString();
    logTo(text);
    if (/compiled (successfully|with \d+ warning)/.test(text)) {
      if (failing) log("Bouwfout hersteld; de invoegtoepassing is weer bijgewerkt.");
      failing = false;
      if (!announced) {
        announced = true;
        if (desktop) sideloadDesktop();
        else sideloadHelp();
      } else log("Bijgewerkt: herlaad het taakvenster in Excel om de wijziging te zien.");
    } else if (/compiled with \d+ error|ERROR in /.test(text) && !failing) {
      failing = true;
      // The compiler's own text names file and line; it is English and shown as is, under a Dutch heading.
      log(`Bouwfout (uitvoer van webpack hieronder; alles staat in ${LOG}):`);
      process.stdout.write(text.split("\n").filter((l) => /ERROR|error TS|\.tsx?:\d+/.test(l)).slice(0, 20).join("\n") + "\n");
    } else if (/EADDRINUSE/.test(text)) {
      log(`Poort ${PORT} werd intussen door een ander programma bezet.`);
    }
  };
  server.stdout.on("data", onOutput);
  server.stderr.on("data", onOutput);

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    if (desktop) spawnSync(bin("office-addin-debugging"), ["stop", "manifest.xml"], { cwd: root, stdio: "ignore", shell: process.platform === "win32" });
    server.kill("SIGTERM");
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  server.on("exit", (code, signal) => {
    if (!stopping) {
      log(`De dev-server stopte vanzelf (${signal ?? `code ${code}`}). Zie ${LOG}; controleer of poort ${PORT} vrij is en start opnieuw.`);
      process.exit(1);
    }
    // Stopping on request is the normal end of `npm start`, never an error.
    process.exit(0);
  });
}

main();
