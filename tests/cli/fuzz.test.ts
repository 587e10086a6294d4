/**
 * Fuzzing as a test. A corpus generated from a fixed seed: the attack classes of issue 9, and random mutations of real
 * workbooks — the templates as `pb template --voorbeeld` writes them, with the values Excel would have cached, and the
 * LKS register. Every case is an audit by the installed command in its own process, bounded in time (killed after
 * 60 s) and memory (--max-old-space-size), and must: never exit 0 (each mutation is one the audit must notice), never
 * print a stack trace, never change its input. The corpus size, the slowest case and the highest peak memory are
 * printed at the end.
 */
import { createHash } from "crypto";
import { promises as fs } from "fs";
import * as path from "path";
import JSZip from "jszip";
import { TEMPLATES } from "../../src/templates";
import { renderTemplate } from "../../src/templates/render";
import { buildEngine, fromHfValue, parseAddress } from "../../src/engine/engine";
import { workbookBuffer } from "../../src/xlsx/write";
import type { WorkbookModel } from "../../src/xlsx/model";
import { registerModel, tempDir } from "../engine/helpers";
import { repeatedDeflate, SHEET_HEAD, buildZip, minimalParts } from "../xlsx/zipBuild";
import { ensureBuilt, pbChildAsync, STACK_TRACE, type ChildResult } from "./helpers";

jest.setTimeout(600_000);

/** Deterministic: the same corpus on every run. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
}

/** The template as Excel would have saved it after calculating: every formula with its value cached. */
function cached(model: WorkbookModel): WorkbookModel {
  const { hf, sheetIds } = buildEngine(model);
  try {
    return {
      ...model,
      fullCalcOnLoad: false,
      sheets: model.sheets.map((s) => ({
        ...s,
        cells: s.cells.map((c) => {
          if (!c.formula) return c;
          const at = parseAddress(c.address)!;
          const v = fromHfValue(hf.getCellValue({ sheet: sheetIds.get(s.name)!, row: at[0], col: at[1] }));
          return { ...c, result: typeof v === "object" && v !== null ? { error: v.error } : v };
        }),
      })),
    };
  } finally {
    hf.destroy();
  }
}

interface Case {
  name: string;
  bytes: Buffer;
}

type Parts = Map<string, string>;
type Mutation = (parts: Parts, r: () => number) => string | undefined; // name of what was done, or undefined: n/a

const pick = <T>(xs: readonly T[], r: () => number): T => xs[Math.floor(r() * xs.length)];
const sheetsOf = (p: Parts) => [...p.keys()].filter((k) => /^xl\/worksheets\/sheet\d+\.xml$/.test(k));
const readParts = (p: Parts) => [...p.keys()].filter((k) => /^xl\/(worksheets\/sheet\d+|workbook|sharedStrings|styles)\.xml$/.test(k));

/** A PB cell with a cached number (Excel's form: a one-cell dynamic array with _xldudf_). */
const PB_CELL = /<c r="([A-Z]+\d+)"[^>]*><f t="array" ref="\1">_xldudf_PB_[^<]*<\/f><v>(-?[\d.E+-]+)<\/v><\/c>/g;
const CELL = /<c r="[A-Z]+\d+"[^>]*?(?:\/>|>.*?<\/c>)/g;

function matchesIn(xml: string, re: RegExp): RegExpExecArray[] {
  return [...xml.matchAll(new RegExp(re.source, "g"))] as RegExpExecArray[];
}

const MUTATIONS: Record<string, Mutation> = {
  // a forged figure: a PB cell's cached value off by at least a cent
  forgeFigure(p, r) {
    const candidates = sheetsOf(p).flatMap((s) => matchesIn(p.get(s)!, PB_CELL).map((m) => [s, m] as const));
    if (candidates.length === 0) return undefined;
    const [s, m] = pick(candidates, r);
    const forged = (Number(m[2]) + (1 + Math.floor(r() * 9999)) / 100).toFixed(2);
    p.set(s, p.get(s)!.replace(m[0], m[0].replace(`<v>${m[2]}</v>`, `<v>${forged}</v>`)));
    return `${m[1]} ${m[2]}→${forged}`;
  },
  // markup broken: the '<' of a tag that holds cells removed (a cell, its value or formula, a row, sheetData)
  dropAngle(p, r) {
    const part = pick(sheetsOf(p), r);
    const xml = p.get(part)!;
    const at = [...xml.matchAll(/<\/?(?:c|v|f|row|sheetData)[\s>/]/g)].map((m) => m.index!);
    const i = pick(at, r);
    p.set(part, xml.slice(0, i) + xml.slice(i + 1));
    return `${part}@${i}`;
  },
  truncatePart(p, r) {
    const part = pick(readParts(p), r);
    const xml = p.get(part)!;
    const i = Math.floor(xml.length * (0.2 + 0.75 * r()));
    p.set(part, xml.slice(0, i));
    return `${part}@${i}`;
  },
  duplicateCell(p, r) {
    const s = pick(sheetsOf(p), r);
    const cells = matchesIn(p.get(s)!, CELL);
    const m = pick(cells, r);
    p.set(s, p.get(s)!.replace(m[0], m[0] + m[0]));
    return m[0].slice(0, 20);
  },
  swapCells(p, r) {
    const s = pick(sheetsOf(p), r);
    const pairs = matchesIn(p.get(s)!, new RegExp(`(${CELL.source})(${CELL.source})`));
    if (pairs.length === 0) return undefined;
    const m = pick(pairs, r);
    p.set(s, p.get(s)!.replace(m[0], m[2] + m[1]));
    return m[1].slice(0, 16);
  },
  badReference(p, r) {
    const s = pick(sheetsOf(p), r);
    const cells = matchesIn(p.get(s)!, /<c r="([A-Z]+)(\d+)"/g);
    const m = pick(cells, r);
    const bad = pick([`${m[1]}0`, `${m[1].toLowerCase()}${m[2]}`, `XFE${m[2]}`, `${m[1]}1048577`, `AAAA${m[2]}`], r);
    p.set(s, p.get(s)!.replace(m[0], `<c r="${bad}"`));
    return bad;
  },
  doctype(p, r) {
    const part = pick(readParts(p), r);
    p.set(part, p.get(part)!.replace(/^(<\?xml[^>]*\?>)?/, '$1<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>'));
    return part;
  },
  entity(p, r) {
    const s = pick(sheetsOf(p), r);
    const vs = matchesIn(p.get(s)!, /<v>([^<]*)<\/v>/g);
    const m = pick(vs, r);
    p.set(s, p.get(s)!.replace(m[0], `<v>${m[1]}&nbsp;</v>`));
    return m[1];
  },
  masterless(p, r) {
    const s = pick(sheetsOf(p), r);
    const cells = matchesIn(p.get(s)!, /<c r="([A-Z]+\d+)"([^>]*)>(?:<f[^>]*>[^<]*<\/f>|<f[^>]*\/>)?<v>([^<]*)<\/v><\/c>/g);
    const m = pick(cells, r);
    p.set(s, p.get(s)!.replace(m[0], `<c r="${m[1]}"${m[2]}><f t="shared" si="${900 + Math.floor(r() * 99)}"/><v>${m[3]}</v></c>`));
    return m[1];
  },
  foreignCell(p, r) {
    const s = pick(sheetsOf(p), r);
    const cells = matchesIn(p.get(s)!, CELL);
    const m = pick(cells, r);
    p.set(s, p.get(s)!.replace(m[0], m[0].replace(/^<c /, '<y:c xmlns:y="urn:x" ').replace(/<\/c>$/, "</y:c>").replace(/\/>$/, "/>")));
    return m[0].slice(0, 16);
  },
};

/** Whole-file mutations, after packing. */
const FILE_MUTATIONS: Record<string, (zip: Buffer, r: () => number) => Buffer> = {
  truncateFile: (b, r) => b.subarray(0, Math.floor(b.length * (0.1 + 0.85 * r()))),
  // a byte of a read part's compressed data changed: it no longer inflates, or its CRC no longer matches
  flipDataByte(b, r) {
    const name = Buffer.from("xl/worksheets/sheet1.xml");
    const local = b.indexOf(Buffer.concat([name]));
    const start = local + name.length + 4; // past the name (and a short extra field, if any)
    const out = Buffer.from(b);
    const i = start + Math.floor(r() * 200);
    out[i] ^= 1 + Math.floor(r() * 255);
    return out;
  },
};

const dir = { path: "" };
const cases: Case[] = [];

beforeAll(async () => {
  ensureBuilt();
  dir.path = await tempDir("pb-fuzz-");
  const r = rng(20261201);
  const bases: [string, WorkbookModel, number][] = [["register", registerModel(), 2]];
  for (const t of TEMPLATES) bases.push([t.id, cached(renderTemplate(t, { example: true })), t.id === "SISA-PW" || t.id === "LKS-REGISTER" ? 1 : 2]);
  for (const [id, model, rounds] of bases) {
    const bytes = await workbookBuffer(model);
    const zip = await JSZip.loadAsync(bytes);
    const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
    const texts = new Map<string, string>();
    for (const n of names) if (/\.(xml|rels)$/.test(n)) texts.set(n, await zip.file(n)!.async("string"));
    const pack = async (parts: Parts) => {
      const out = new JSZip();
      for (const n of names) out.file(n, parts.get(n) ?? (await zip.file(n)!.async("nodebuffer")));
      return out.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
    };
    for (let round = 0; round < rounds; round++) {
      for (const [m, mutate] of Object.entries(MUTATIONS)) {
        const parts = new Map(texts);
        const what = mutate(parts, r);
        if (what !== undefined) cases.push({ name: `${id} ${m} ${what}`, bytes: await pack(parts) });
      }
      for (const [m, mutate] of Object.entries(FILE_MUTATIONS)) cases.push({ name: `${id} ${m}`, bytes: mutate(bytes, r) });
    }
  }
  // the package attacks: a zip64 bomb that says so, one that lies, an entry twice
  const unit = Buffer.from("<row/>".repeat(174_763));
  const bomb = repeatedDeflate(Buffer.from(SHEET_HEAD), unit, 3000);
  cases.push({ name: "zip64 bomb (true claim)", bytes: buildZip(minimalParts({ name: "xl/worksheets/sheet1.xml", data: bomb, method: 8, uncompressedSize: 3000 * unit.length + SHEET_HEAD.length, crc: 0, zip64: true })) });
  cases.push({ name: "bomb claiming 2 kB", bytes: buildZip(minimalParts({ name: "xl/worksheets/sheet1.xml", data: bomb, method: 8, uncompressedSize: 2048, crc: 0 })) });
}, 300_000);

afterAll(async () => {
  await fs.rm(dir.path, { recursive: true, force: true });
});

it("every tampered case: exit 1 or 2, no stack trace, input unchanged, bounded time and memory", async () => {
  expect(cases.length).toBeGreaterThanOrEqual(100);
  const results: { c: Case; r: ChildResult; file: string; before: string }[] = [];
  let next = 0;
  const worker = async () => {
    while (next < cases.length) {
      const c = cases[next++];
      const file = path.join(dir.path, `case${next}.xlsx`);
      await fs.writeFile(file, c.bytes);
      const before = createHash("sha256").update(c.bytes).digest("hex");
      const r = await pbChildAsync(["recalc", file], { timeoutMs: 60_000, maxOldMb: 1024 });
      results.push({ c, r, file, before });
    }
  };
  await Promise.all([worker(), worker()]);
  const failures: string[] = [];
  for (const { c, r, file, before } of results) {
    const after = createHash("sha256").update(await fs.readFile(file)).digest("hex");
    const why = [
      r.timedOut && "timeout",
      r.signal && `signal ${r.signal}`,
      r.status === 0 && "exit 0",
      r.status !== null && r.status !== 0 && r.status !== 1 && r.status !== 2 && `exit ${r.status}`,
      STACK_TRACE.test(r.stderr + r.stdout) && "stack trace",
      /Interne fout/.test(r.stderr + r.stdout) && "Interne fout",
      after !== before && "input changed",
    ].filter(Boolean);
    if (why.length) failures.push(`${c.name}: ${why.join(", ")} — ${(r.stderr || r.stdout).split("\n").slice(-3).join(" | ").slice(0, 300)}`);
  }
  const worst = results.reduce((a, b) => (b.r.seconds > a.r.seconds ? b : a));
  const peak = results.reduce((a, b) => (b.r.peakMb > a.r.peakMb ? b : a));
  const exits = results.reduce<Record<string, number>>((m, x) => ((m[String(x.r.status)] = (m[String(x.r.status)] ?? 0) + 1), m), {});
  console.log(
    `fuzz: ${results.length} cases; exit codes ${JSON.stringify(exits)}; slowest ${worst.r.seconds.toFixed(2)} s (${worst.c.name}); ` +
      `highest peak ${peak.r.peakMb.toFixed(0)} MB (${peak.c.name})`,
  );
  expect(failures).toEqual([]);
});
