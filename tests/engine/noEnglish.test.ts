/**
 * No English reaches a user. Many broken or unsupported formulas go through every path by which an engine message
 * reaches someone — `pb eval`, the `pb recalc` report (a PB cell depending on the broken formula) and the engine's
 * values the task pane's readers get — and no message may hold an English word (a list of its own, wider than the one
 * messages.ts uses to catch an unlisted English message). Unknown English messages are replaced by Dutch.
 */
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { dutchEngineMessage, looksEnglish } from "../../src/engine/messages";
import { evaluateFormulas } from "../../src/engine/evaluate";
import { spawnSync } from "child_process";
import { ensureBuilt, ROOT, run } from "../cli/helpers";

jest.setTimeout(120_000);

const dir = mkdtempSync(path.join(tmpdir(), "pb-dutch-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** English words that no Dutch message of pb uses (as whole words, any case). */
const ENGLISH_WORDS = [
  "the", "not", "cannot", "expected", "expecting", "allowed", "must", "should", "range", "function", "error", "errors", "invalid",
  "incorrect", "number", "string", "cell", "sheet", "found", "recognized", "parsing", "parse", "unexpected", "character",
  "too", "wrong", "need", "needs", "exceed", "exceeds", "none", "than", "array", "reference", "bounds", "license", "value",
  "empty", "does", "with", "are", "were", "could", "undefined", "null", "token", "input", "redundant", "mismatched",
  "viable", "alternative", "named", "expression", "dimensions", "criterion", "size", "missing", "unknown", "only",
  "spans", "outside", "divide", "division", "zero", "formula", "circular", "dependency", "spill", "internal",
];
const ENGLISH = new RegExp(`\\b(?:${ENGLISH_WORDS.join("|")})\\b`, "i");

/** A message without what it quotes from the workbook ("…", '…', [Kolom]), Excel's error codes and names in capitals. */
function prose(message: string): string {
  return message
    .replace(/"(?:[^"]|"")*"|'(?:[^']|'')*'|\[[^\]]*\]/g, " ")
    .replace(/#[A-Z0-9/]+[!?]?/g, " ")
    .replace(/\b[A-Z][A-Z0-9_.]+\b/g, " ");
}

/** Broken, unsupported or erroring formulas: syntax, references, arguments, types, every kind of engine error. */
const BROKEN = [
  "SUM(", "1+", "A1:B", ")", "[x]", "Table1[[#This Row],[Loonwaarde]]", "FOO(1)", "1/0", "VLOOKUP(1,B1:B2,5)", "MATCH(9,{1,2},0)",
  "INDEX(B1:B2,5)", "CHAR(0)", 'LEFT("a",-1)', "SQRT(-1)", 'HEX2DEC("ZZ")', "ROMAN(-1)", "IFS(FALSE,1)", "SWITCH(1,2,3)",
  "WEEKDAY(1,9)", 'NETWORKDAYS.INTL(1,2,"abc")', '"a"+1', "Sheet9!A1", "NamedThing*2", "OFFSET(B1,-5,0)", 'EOMONTH("x",1)',
  "TEXT(1)", "1E", "@", "{1,2;3}", "LET(x)", 'INDIRECT("A1")', "_xldudf_OTHER_FN(1)", "PB.LKS()", 'PB.LKS("x",1,2)',
  'COMPLEX(1,2,"k")', "BASE(-1,2)", "FACT(-1)", "RANDBETWEEN(5,1)", "SEQUENCE(-1)", "MMULT({1,2},{1,2})", "TRANSPOSE()",
  "SUMIFS(B1:B3,C1:C2,1)", "COUNTIF()", "ROUND(1)", "B1:XFE1", "A0", "$B$1048577", "DATE(10000,1,1)", "TIME(-1,0,0)",
  'DATEVALUE("x")', 'VALUE("abc")', 'BIN2DEC("2")', "DEC2BIN(9999)", "NORM.INV(2,0,1)", "LARGE({1,2},5)", "RATE(1,1,1)",
  "IRR({1,2})", "PMT(0,0,0)", "MEDIAN()", 'AVERAGE("a")', "STDEV.S(1)", "CORREL({1,2},{1})", "FILTER({1,2},{FALSE,FALSE})",
  "SORT({1,2},3)", "XLOOKUP(5,{1,2},{1,2})", 'REPT("a",-1)', 'MID("a",0,1)', 'FIND("z","a")', 'DATEDIF(2,1,"y")',
  'WORKDAY(1,1,"x")', 'TEXTBEFORE("a","b")', 'NUMBERVALUE("1,2,3")', "XMATCH(9,{1,2})", "RANK(9,{1,2})",
  "AVERAGEIFS({1,2},{1,2},9)", "LOOKUP(0,{1,2})", "INDEX({1,2},0,5)", "SUM(A1:A3 C1:C3)", "#NULL!", "#CALC!",
  "A1:INDEX(B:B,2)", 'CELL("address")', "AGGREGATE(1,1,B1)", "LAMBDA(x,x)(1)", "B1#", "1+*2", "IF()", '"abc', "'Sheet",
  "SUM(B1:B2)/", "CHOOSE(5,1,2)", "HLOOKUP(1,B1:C2,9)", "ADDRESS(0,0)", 'CODE("")', "BITLSHIFT(1,99)", "MOD(1,0)", "LN(0)",
  "ACOS(2)", "COMBIN(1,2)", 'ERF("x")', "GAMMA(0)", "ANCHORARRAY(B1)", "Blad1:Blad3!A1", "A1", "B1:B3 B2:B5 C9",
  "_xlfn.LAMBDA(_xlpm.x,_xlpm.x)", "WEBSERVICE(\"http://x\")", "{}", "(", "((1)", "1 2",
];

function messagesOf(v: unknown): string[] {
  if (Array.isArray(v)) return v.flat().flatMap(messagesOf);
  if (v && typeof v === "object" && "error" in v) return [(v as unknown as { message: string }).message];
  return [];
}

test("pb eval: every error of every broken formula is explained in Dutch", async () => {
  const results = evaluateFormulas(BROKEN);
  let errors = 0;
  BROKEN.forEach((f, i) => {
    for (const m of messagesOf(results[i])) {
      errors++;
      expect([f, m.trim().length > 0]).toEqual([f, true]);
      expect([f, m, ENGLISH.exec(prose(m))?.[0]]).toEqual([f, m, undefined]);
    }
  });
  expect(errors).toBeGreaterThan(BROKEN.length * 0.8); // nearly all of them are errors, so the check did check
  // and as pb eval prints them
  const r = await run("eval", ...BROKEN.slice(0, 40).map((f) => `=${f}`));
  for (const line of [...r.stdout, ...r.stderr]) expect([line, ENGLISH.exec(prose(line))?.[0]]).toEqual([line, undefined]);
});

test("pb recalc: a PB cell that depends on a broken formula is reported in Dutch", async () => {
  const wb = new ExcelJS.Workbook();
  const s = wb.addWorksheet("Register");
  BROKEN.forEach((f, i) => {
    s.getCell(`A${i + 1}`).value = { formula: f } as ExcelJS.CellFormulaValue;
    s.getCell(`B${i + 1}`).value = { formula: `_xldudf_PB_LKS(DATE(2023,7,1),0.4,38)+A${i + 1}`, result: 1596.56 } as ExcelJS.CellFormulaValue;
  });
  const file = path.join(dir, "kapot.xlsx");
  await wb.xlsx.writeFile(file);
  // as the installed command runs it (the compiled pb, in its bounded worker)
  ensureBuilt();
  for (const args of [[file], [file, "--json"]]) {
    const r = spawnSync(process.execPath, [path.join(ROOT, "bin", "pb.js"), "recalc", ...args], { encoding: "utf8", timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
    const text = `${r.stdout}\n${r.stderr}`;
    expect(text).toMatch(/Register\tB1\t|"B1"/); // the report does list the cells
    // JSON keys and status words are the report's own vocabulary; what we check is every message (note) in it
    const notes = args.includes("--json") ? [...text.matchAll(/"(?:note|message|reason)":\s*"((?:[^"\\]|\\.)*)"/g)].map((m) => JSON.parse(`"${m[1]}"`) as string) : text.split("\n").map((l) => l.split("\t").filter((f) => !f.startsWith("=")).join("\t")) // the formula column is the user's own text
        // the summary line keeps the fixed form scripts match on ("N PB cells, M mismatches; …"), as the issue asks
        .filter((l) => !/^\d+ PB cells, \d+ mismatches/.test(l));
    expect(notes.length).toBeGreaterThan(BROKEN.length / 2);
    for (const n of notes) expect([n, ENGLISH.exec(prose(n))?.[0]]).toEqual([n, undefined]);
  }
});

test("an English message the engine may give one day is replaced by the Dutch meaning of its code", () => {
  expect(dutchEngineMessage("#VALUE!", "Cannot read properties of undefined (reading 'x')")).toBe("Verkeerd soort waarde.");
  expect(dutchEngineMessage("#NUM!", "Some new check failed in the engine.")).toBe("Ongeldig getal.");
  expect(dutchEngineMessage("#REF!", "Parsing error. unexpected character: ->[<-")).toMatch(/kan de formule niet lezen/);
  // Dutch passes, also when it quotes English text from the workbook or names an Excel error or function
  for (const dutch of ['Tabel Loon heeft geen kolom "Total value" (Loon[Total value]).', "Excel geeft hier #NULL!, een foutwaarde die de rekenkern niet kent.", "De functie ISERROR kent de rekenkern niet."]) {
    expect(looksEnglish(dutch)).toBe(false);
    expect(dutchEngineMessage("#NAME?", dutch)).toBe(dutch);
  }
});
