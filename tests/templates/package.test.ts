/**
 * Every template as `pb template` writes it, opened as a zip and read as XML: the parts Excel needs to treat the file
 * as one of its own. PB calls in Excel's dynamic-array form wherever they sit in a formula; date validations with real
 * serials and no cell under two rules; protection without a password with the inputs unlocked; A4 print set-up that
 * fits the width; row heights for wrapped labels; a cached value for every formula.
 */
import JSZip from "jszip";
import { TEMPLATES } from "../../src/templates";
import { templateFile } from "../../src/cli/commands/template";
import { isoToSerial } from "../../src/rules/dates";
import { decodeXml, parseRange } from "../../src/xlsx/a1";
import type { WorkbookModel } from "../../src/xlsx/model";

jest.setTimeout(60_000);

interface Written {
  model: WorkbookModel;
  zip: JSZip;
  sheets: string[];
  workbook: string;
  styles: string;
}

const written = new Map<string, Written>();

beforeAll(async () => {
  for (const t of TEMPLATES) {
    const { model, bytes } = await templateFile(t, { example: true });
    const zip = await JSZip.loadAsync(bytes);
    const sheets: string[] = [];
    for (let i = 1; zip.file(`xl/worksheets/sheet${i}.xml`); i++) sheets.push(await zip.file(`xl/worksheets/sheet${i}.xml`)!.async("string"));
    written.set(t.id, { model, zip, sheets, workbook: await zip.file("xl/workbook.xml")!.async("string"), styles: await zip.file("xl/styles.xml")!.async("string") });
  }
});

/** Every <c> element of a sheet: address, attributes, inner XML. */
function cellsOf(xml: string): { r: string; attrs: string; inner: string }[] {
  return [...xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)].map((m) => ({ r: m[1], attrs: m[2], inner: m[3] ?? "" }));
}

/** The cellXfs of styles.xml: whether each style index leaves the cell unlocked. */
function unlockedStyles(styles: string): boolean[] {
  const xfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)![1];
  return [...xfs.matchAll(/<xf\b[^>]*?(?:\/>|>([\s\S]*?)<\/xf>)/g)].map((m) => /<protection[^>]*locked="0"/.test(m[1] ?? ""));
}

describe.each(TEMPLATES.map((t) => [t.id] as const))("%s as written by pb template", (id) => {
  test("every formula that calls PB is a one-cell dynamic array (cm=1) with the metadata part that defines it", async () => {
    const w = written.get(id)!;
    let pb = 0;
    for (const xml of w.sheets) {
      for (const c of cellsOf(xml)) {
        const f = /<f([^>]*)>([^<]*)<\/f>/.exec(c.inner);
        if (!f || !/_xldudf_PB_/.test(f[2])) continue;
        pb++;
        expect({ at: c.r, f: f[1], cm: /\scm="1"/.test(c.attrs) }).toEqual({ at: c.r, f: ` t="array" ref="${c.r}"`, cm: true });
      }
    }
    // The model agrees: every formula with PB. in it (also IF(…,PB.…) and B5*PB.PARAM(…)) was counted.
    const inModel = w.model.sheets.flatMap((s) => s.cells).filter((c) => c.formula?.includes("PB.")).length;
    expect(pb).toBe(inModel);
    expect(pb).toBeGreaterThan(0);
    expect(await w.zip.file("xl/metadata.xml")!.async("string")).toContain('<xda:dynamicArrayProperties fDynamic="1"');
    expect(await w.zip.file("[Content_Types].xml")!.async("string")).toContain('PartName="/xl/metadata.xml"');
    expect(await w.zip.file("xl/_rels/workbook.xml.rels")!.async("string")).toContain('Target="metadata.xml"');
  });

  test("validations: date bounds are 1-1-2009 and 31-12-2099 as serials, and no cell falls under two rules", () => {
    const w = written.get(id)!;
    w.sheets.forEach((xml, i) => {
      const taken = new Set<string>();
      const rules = [...xml.matchAll(/<dataValidation ([^>]*)>([\s\S]*?)<\/dataValidation>/g)];
      for (const [, attrs, body] of rules) {
        if (/type="date"/.test(attrs)) {
          const bounds = [...body.matchAll(/<formula\d>([^<]*)<\/formula\d>/g)].map((m) => Number(m[1]));
          expect(bounds).toEqual([isoToSerial("2009-01-01"), isoToSerial("2099-12-31")]);
        }
        for (const ref of /sqref="([^"]*)"/.exec(attrs)![1].split(" ")) {
          const r = parseRange(ref)!;
          for (let y = r.top; y <= r.bottom; y++) {
            for (let x = r.left; x <= r.right; x++) {
              expect({ sheet: i, cell: `${y},${x}`, twice: taken.has(`${y},${x}`) }).toEqual({ sheet: i, cell: `${y},${x}`, twice: false });
              taken.add(`${y},${x}`);
            }
          }
        }
      }
      // Every validated input of the model is covered.
      const validated = w.model.sheets[i].cells.filter((c) => c.validation).length;
      expect(taken.size).toBe(validated);
    });
  });

  test("protected without a password; input cells unlocked, formula cells locked", () => {
    const w = written.get(id)!;
    const unlocked = unlockedStyles(w.styles);
    w.sheets.forEach((xml, i) => {
      const prot = /<sheetProtection ([^>]*)\/>/.exec(xml);
      expect(prot).not.toBeNull();
      expect(prot![1]).toContain('sheet="1"');
      expect(prot![1]).not.toMatch(/hashValue|password/);
      const styleOf = new Map(cellsOf(xml).map((c) => [c.r, Number(/\ss="(\d+)"/.exec(c.attrs)?.[1] ?? 0)]));
      for (const c of w.model.sheets[i].cells) {
        if (c.input) expect({ at: c.address, unlocked: unlocked[styleOf.get(c.address)!] }).toEqual({ at: c.address, unlocked: true });
        if (c.formula) expect({ at: c.address, unlocked: unlocked[styleOf.get(c.address) ?? 0] }).toEqual({ at: c.address, unlocked: false });
      }
    });
  });

  test("prints on A4 with every column on the page width, titles repeated; wide sheets landscape", () => {
    const w = written.get(id)!;
    const def = TEMPLATES.find((t) => t.id === id)!;
    w.sheets.forEach((xml, i) => {
      expect(xml).toContain('<pageSetUpPr fitToPage="1"/>');
      const setup = /<pageSetup ([^>]*)\/>/.exec(xml)![1];
      expect(setup).toContain('paperSize="9"');
      expect(setup).toContain('fitToWidth="1"');
      expect(setup).toContain('fitToHeight="0"');
      expect(setup).toContain(`orientation="${def.sheets[i].landscape ? "landscape" : "portrait"}"`);
      const titles = [...w.workbook.matchAll(/<definedName name="_xlnm.Print_Titles" localSheetId="(\d+)">([^<]*)</g)].find((m) => Number(m[1]) === i);
      expect(decodeXml(titles![2])).toBe(`'${w.model.sheets[i].name}'!$${(def.sheets[i].printTitleRows ?? "1:2").replace(":", ":$")}`);
    });
  });

  test("a cached value for every formula", () => {
    const w = written.get(id)!;
    w.sheets.forEach((xml, i) => {
      const byAddress = new Map(cellsOf(xml).map((c) => [c.r, c.inner]));
      for (const c of w.model.sheets[i].cells.filter((x) => x.formula)) {
        expect({ at: c.address, cached: /<v>[^<]*<\/v>|<v\/>/.test(byAddress.get(c.address) ?? "") || /t="str"/.test(byAddress.get(c.address) ?? "") }).toEqual({ at: c.address, cached: true });
      }
    });
  });
});

describe("what the cached values and layout hold", () => {
  test("the register caches W-001's January: 1.934,40 × 1,08 × 0,6 × 1,235 = 1.548,06; total 45.558,20 (worked out in example.test.ts)", () => {
    const xml = written.get("LKS-REGISTER")!.sheets[0];
    const cells = new Map(cellsOf(xml).map((c) => [c.r, c.inner]));
    expect(/<v>([^<]*)<\/v>/.exec(cells.get("J7")!)![1]).toBe("1548.06");
    expect(Number(/<v>([^<]*)<\/v>/.exec(cells.get("V107")!)![1])).toBeCloseTo(45558.2, 2);
  });

  test("the register's header row (wrapped, 'Voltijduren functie (leeg = standaard)' in 11 characters) is several lines high", () => {
    const xml = written.get("LKS-REGISTER")!.sheets[0];
    const row6 = /<row r="6"([^>]*)>/.exec(xml)![1];
    expect(row6).toContain('customHeight="1"');
    expect(Number(/ht="([\d.]+)"/.exec(row6)![1])).toBeGreaterThanOrEqual(45);
  });

  test("no full recalculation is asked on opening: the cached values stand until an input changes", () => {
    expect(written.get("SISA-PW")!.workbook).not.toContain("fullCalcOnLoad");
  });
});
