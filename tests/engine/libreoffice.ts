/**
 * LibreOffice headless as an independent spreadsheet: it opens .xlsx files written here with ExcelJS, recalculates
 * every formula (forced, see /work/shared/notes/engine.md §7) and saves a copy with its own results as cached values,
 * which ExcelJS reads back. One soffice start for many files. Tests skip cleanly when `soffice` is absent.
 */
import { execFileSync, spawnSync } from "child_process";
import { mkdirSync, writeFileSync } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import type { TableModel } from "../../src/xlsx/model";
import { readWorkbook } from "../../src/xlsx/read";

export const hasSoffice = spawnSync("sh", ["-c", "command -v soffice"]).status === 0;

/** Recalculate files in LibreOffice; returns the paths of its copies (same names, in `outDir`). */
export function recalcInLibreOffice(files: string[], workDir: string): string[] {
  const profile = path.join(workDir, "lo-profile");
  const out = path.join(workDir, "lo-out");
  mkdirSync(path.join(profile, "user"), { recursive: true });
  mkdirSync(out, { recursive: true });
  writeFileSync(
    path.join(profile, "user", "registrymodifications.xcu"),
    '<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
      '<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item></oor:items>\n',
  );
  execFileSync("soffice", ["--headless", "--norestore", `-env:UserInstallation=file://${profile}`, "--convert-to", "xlsx", "--outdir", out, ...files], {
    stdio: "ignore",
    timeout: 180_000,
  });
  return files.map((f) => path.join(out, path.basename(f)));
}

export type OracleValue = number | string | boolean | { error: string } | null;

/**
 * Every formula cell's cached result in a file, by "Sheet!A1", read with the project's reader (ExcelJS drops a cached
 * 0 or FALSE).
 */
export async function cachedResults(file: string): Promise<Map<string, OracleValue>> {
  const { model } = await readWorkbook(file);
  const out = new Map<string, OracleValue>();
  for (const s of model.sheets) for (const c of s.cells) if (c.formula) out.set(`${s.name}!${c.address}`, (c.result ?? null) as OracleValue);
  return out;
}

/** The tables of an ExcelJS-written file, as the workbook model describes them (what the reader will give). */
export async function tablesOf(file: string): Promise<TableModel[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const tables: TableModel[] = [];
  wb.eachSheet((ws) => {
    for (const t of ws.getTables() as unknown as { table: { name: string; displayName?: string; tableRef: string; headerRow?: boolean; totalsRow?: boolean; columns: { name: string }[] } }[]) {
      const d = t.table;
      tables.push({
        name: d.name,
        displayName: d.displayName,
        sheet: ws.name,
        ref: d.tableRef,
        columns: d.columns.map((c) => c.name),
        headerRowCount: d.headerRow === false ? 0 : 1,
        totalsRowCount: d.totalsRow ? 1 : 0,
      });
    }
  });
  return tables;
}
