#!/usr/bin/env node
/**
 * Makes the README's picture of a printed SiSa annex: the SISA-PW worked example as `pb template --voorbeeld` writes
 * it, printed by LibreOffice (Dutch locale, A4 landscape, the template's own print set-up) to PDF, page 1 rendered to
 * PNG with pdftoppm. LibreOffice cannot run PB functions and always recalculates the cells that call them, so the
 * print copy holds each formula's value as the engine computed it — what Excel with the add-in prints.
 * Needs `npm run build:cli`, soffice and poppler-utils. Usage: node scripts/annex-print.js [out.png]
 */
const path = require("path");
const fs = require("fs");
const os = require("os");
const { execFileSync } = require("child_process");
const root = path.join(__dirname, "..");
const { getTemplate } = require(path.join(root, "dist-cli/templates"));
const { renderTemplate } = require(path.join(root, "dist-cli/templates/render"));
const { withCachedResults } = require(path.join(root, "dist-cli/engine/cache"));
const { workbookBuffer } = require(path.join(root, "dist-cli/xlsx/write"));

const out = path.resolve(process.argv[2] ?? path.join(root, "docs/screenshots/sisa-bijlage-afdruk.png"));

async function main() {
  const model = withCachedResults(renderTemplate(getTemplate("SISA-PW"), { example: true }));
  const printed = {
    ...model,
    sheets: model.sheets.map((s) => ({
      ...s,
      cells: s.cells.map((c) => (c.formula ? { ...c, formula: undefined, value: typeof c.result === "object" ? null : c.result } : c)),
    })),
  };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pb-annex-"));
  try {
    const xlsx = path.join(dir, "sisa-pw.xlsx");
    fs.writeFileSync(xlsx, await workbookBuffer(printed));
    const profile = path.join(dir, "profile");
    fs.mkdirSync(path.join(profile, "user"), { recursive: true });
    fs.writeFileSync(
      path.join(profile, "user", "registrymodifications.xcu"),
      '<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
        '<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>nl-NL</value></prop></item></oor:items>\n',
    );
    execFileSync("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "pdf", "--outdir", dir, xlsx], { stdio: "pipe", timeout: 120_000 });
    const pdf = path.join(dir, "sisa-pw.pdf");
    execFileSync("pdftoppm", ["-png", "-r", "110", "-f", "1", "-l", "1", "-singlefile", pdf, out.replace(/\.png$/, "")]);
    process.stdout.write(`${path.relative(root, out)}: pagina 1 van ${/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))[1]}\n`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  process.stderr.write(`${e.message}\n`);
  process.exitCode = 1;
});
