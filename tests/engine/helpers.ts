/** Building small real .xlsx files for engine and CLI tests. */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import JSZip from "jszip";
import { workbookBuffer } from "../../src/xlsx/write";
import type { CellModel, WorkbookModel } from "../../src/xlsx/model";
import { isoToSerial } from "../../src/rules/dates";

export async function tempDir(prefix = "pb-engine-"): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), prefix));
}

/** Register rows: [peildatum ISO, loonwaarde, uren, expected LKS]. */
export type RegisterRow = [string, number, number, number];

/**
 * The LKS register used across tests. Arithmetic (2023-07-01: WML 1995,00; vakantiebijslag 8%; werkgeverslasten 23,5%):
 *  1995 × 1,08 × (1 − 0,4) × 1,235 × 38/38 = 1596,5586 → 1596,56
 *  1995 × 1,08 × (1 − 0,5) × 1,235 × 19/38 =  665,2328 →  665,23
 *  1995 × 1,08 × min(1 − 0,2; 0,7) × 1,235 × 38/38 = 1862,6517 → 1862,65 (70% cap)
 *  total 1596,56 + 665,23 + 1862,65 = 4124,44
 */
export const REGISTER: RegisterRow[] = [
  ["2023-07-01", 0.4, 38, 1596.56],
  ["2023-07-01", 0.5, 19, 665.23],
  ["2023-07-01", 0.2, 38, 1862.65],
];
export const REGISTER_TOTAL = 4124.44;

/** Sheet "Register": A peildatum (date format), B loonwaarde, C uren, D =PB.LKS(A,B,C) with cached results, D5 total. */
export function registerModel(cached: (expected: number, i: number) => number | { error: string } | undefined = (e) => e): WorkbookModel {
  const cells: CellModel[] = [
    { address: "A1", value: "peildatum", bold: true },
    { address: "B1", value: "loonwaarde", bold: true },
    { address: "C1", value: "uren", bold: true },
    { address: "D1", value: "LKS", bold: true },
  ];
  REGISTER.forEach(([date, lw, h, expected], i) => {
    const r = i + 2;
    cells.push(
      { address: `A${r}`, value: isoToSerial(date), numFmt: "dd-mm-yyyy", input: true },
      { address: `B${r}`, value: lw, input: true },
      { address: `C${r}`, value: h, input: true },
    );
    const result = cached(expected, i);
    cells.push({ address: `D${r}`, formula: `PB.LKS(A${r},B${r},C${r})`, numFmt: "€ #,##0.00", ...(result !== undefined ? { result } : {}) });
  });
  const last = REGISTER.length + 1;
  cells.push({ address: `D${last + 1}`, formula: `SUM(D2:D${last})`, result: REGISTER_TOTAL, bold: true });
  return { sheets: [{ name: "Register", cells, columnWidths: { A: 12, D: 14 }, freeze: "A2" }], fullCalcOnLoad: true };
}

export async function writeModel(dir: string, name: string, model: WorkbookModel): Promise<string> {
  const file = path.join(dir, name);
  await fs.writeFile(file, await workbookBuffer(model));
  return file;
}

/** Rewrite parts of an .xlsx: `edit(path, xml)` returns the new text for that part (or the same). */
export async function editParts(file: string, out: string, edit: (part: string, xml: string) => string): Promise<string> {
  const zip = await JSZip.loadAsync(await fs.readFile(file));
  for (const p of Object.keys(zip.files)) {
    if (!p.endsWith(".xml") && !p.endsWith(".rels")) continue;
    const xml = await zip.file(p)!.async("string");
    const next = edit(p, xml);
    if (next !== xml) zip.file(p, next);
  }
  await fs.writeFile(out, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  return out;
}

export async function partText(file: string, part: string): Promise<string> {
  const zip = await JSZip.loadAsync(await fs.readFile(file));
  return zip.file(part)!.async("string");
}
