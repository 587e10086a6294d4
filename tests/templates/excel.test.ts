/**
 * The Office.js renderer, against office-addin-mock: it writes exactly the WorkbookModel the .xlsx path writes
 * (sheets, values, formulas, number formats, validation), in batches, never into an existing sheet, and the live
 * checks run the same evaluator as `pb check`.
 */
import { OfficeMockObject } from "office-addin-mock";
import { insertTemplate, runTemplateChecks } from "../../src/excel/templates";
import { getTemplate } from "../../src/templates";
import { renderTemplate } from "../../src/templates/render";
import { compute } from "./helpers";

interface RangeRecord {
  numberFormat?: unknown[][];
  formulas?: unknown[][];
  values?: unknown[][];
  format: {
    font: { bold?: boolean; italic?: boolean };
    fill: { color?: string };
    protection: { locked?: boolean };
    wrapText?: boolean;
    columnWidth?: number;
    rowHeight?: number;
    verticalAlignment?: string;
  };
  dataValidation: { rule?: Record<string, unknown>; errorAlert?: { message: string } };
  merged?: boolean;
  merge(across: boolean): void;
}

interface SheetRecord {
  protectedWith?: Excel.WorksheetProtectionOptions;
  /** Cells written after the sheet was protected (Excel would refuse them). */
  writesAfterProtect: number;
  layout: { paperSize?: string; orientation?: string; zoom?: unknown; titleRows?: string; leftFooter?: string; rightFooter?: string };
}

function fakeWorkbook(existing: string[], opts: { protectedStructure?: boolean } = {}) {
  const ranges = new Map<string, RangeRecord>();
  const sheets = new Map<string, SheetRecord>();
  const added: string[] = [];
  let syncs = 0;
  const sheet = (name: string) => {
    const rec: SheetRecord = { writesAfterProtect: 0, layout: {} };
    sheets.set(name, rec);
    const footers: Record<string, string> = {};
    return {
      name,
      protection: {
        protect(options: Excel.WorksheetProtectionOptions, password?: string) {
          if (password !== undefined) throw new Error("a template sheet is protected without a password");
          rec.protectedWith = options;
        },
      },
      pageLayout: {
        set paperSize(v: string) {
          rec.layout.paperSize = v;
        },
        set orientation(v: string) {
          rec.layout.orientation = v;
        },
        set zoom(v: unknown) {
          rec.layout.zoom = v;
        },
        setPrintTitleRows(r: string) {
          rec.layout.titleRows = r;
        },
        headersFooters: {
          defaultForAllPages: Object.defineProperties(footers, {
            leftFooter: { set: (v: string) => (rec.layout.leftFooter = v) },
            rightFooter: { set: (v: string) => (rec.layout.rightFooter = v) },
          }),
        },
      },
      getRange(address = "*") {
        if (rec.protectedWith) rec.writesAfterProtect++;
        const key = `${name}!${address}`;
        let r = ranges.get(key);
        if (!r) {
          const rec: RangeRecord = {
          format: { font: {}, fill: {}, protection: {} },
          dataValidation: {},
          merge: () => {
            rec.merged = true;
          },
        };
        r = rec;
          ranges.set(key, r);
        }
        return r;
      },
      freezePanes: { freezeAt: () => undefined, freezeRows: () => undefined },
      activate: () => undefined,
    };
  };
  const mock = new OfficeMockObject({
    workbook: {
      worksheets: {
        items: existing.map((n) => ({ name: n })),
        load(this: OfficeMockObject) {
          // Office.js: load("items/name"); office-addin-mock has no collection model and only knows "items".
          return OfficeMockObject.prototype.load.call(this, "items");
        },
        add(name: string) {
          if (existing.concat(added).some((n) => n.toLowerCase() === name.toLowerCase())) throw new Error(`bestaat al: ${name}`);
          added.push(name);
          return sheet(name);
        },
      },
      protection: { protected: opts.protectedStructure ?? false },
    },
  }) as unknown as Excel.RequestContext;
  const realSync = (mock as unknown as { sync: () => Promise<void> }).sync.bind(mock);
  (mock as unknown as { sync: () => Promise<void> }).sync = async () => {
    syncs++;
    await realSync();
  };
  return { context: mock, ranges, sheets, added, syncs: () => syncs };
}

describe("insertTemplate (Office.js, office-addin-mock)", () => {
  test("writes every cell of the model: formulas with '=', values, number formats, fills, validation", async () => {
    const def = getTemplate("SISA-WPB")!;
    const wb = fakeWorkbook(["Blad1"]);
    const r = await insertTemplate("SISA-WPB", wb.context);
    expect(r).toEqual({ sheets: ["SiSa WPB", "Werkblad WPB"] });
    expect(wb.added).toEqual(["SiSa WPB", "Werkblad WPB"]);
    const model = renderTemplate(def, { existingSheetNames: ["Blad1"] });
    for (const s of model.sheets) {
      for (const c of s.cells) {
        const got = wb.ranges.get(`${s.name}!${c.address}`)!;
        expect(got).toBeDefined();
        if (c.formula) expect(got.formulas).toEqual([[`=${c.formula}`]]);
        else if (c.value !== undefined) expect(got.values).toEqual([[c.value]]);
        if (c.numFmt) expect(got.numberFormat).toEqual([[c.numFmt]]);
        if (c.fill) expect(got.format.fill.color).toBe(`#${c.fill.slice(2)}`);
        if (c.input) expect(got.format.protection.locked).toBe(false);
      }
    }
    // The werkblad's reservering is a PB formula in display form; the year cell follows the annex sheet's name.
    expect(wb.ranges.get("Werkblad WPB!B20")!.formulas).toEqual([["=PB.MEENEEM(B5,B15,B4,B6)"]]);
    expect(wb.ranges.get("Werkblad WPB!B4")!.formulas).toEqual([["='SiSa WPB'!$B$6"]]);
    // Ja/Nee input: a drop-down list with a Dutch error message.
    expect(wb.ranges.get("Werkblad WPB!B6")!.dataValidation.rule).toEqual({ list: { inCellDropDown: true, source: "Ja,Nee" } });
    expect(wb.ranges.get("Werkblad WPB!B6")!.dataValidation.errorAlert!.message).toBe("Kies Ja of Nee.");
    // Year input: whole number 2009–2014.
    expect(wb.ranges.get("SiSa WPB!B6")!.dataValidation.rule).toEqual({ wholeNumber: { formula1: 2009, formula2: 2014, operator: "Between" } });
    // Column widths in points (characters × 7).
    expect(wb.ranges.get("Werkblad WPB!A:A")!.format.columnWidth).toBe(62 * 7);
  });

  test("the same protections and formats as the .xlsx path: protected without password after the last write, inputs unlocked, row heights, print set-up", async () => {
    const wb = fakeWorkbook([]);
    await insertTemplate("SISA-PW", wb.context);
    const model = renderTemplate(getTemplate("SISA-PW")!);
    for (const s of model.sheets) {
      const rec = wb.sheets.get(s.name)!;
      expect(rec.protectedWith).toEqual({ allowFormatColumns: true, allowFormatRows: true });
      expect(rec.writesAfterProtect).toBe(0);
      expect(rec.layout).toEqual({
        paperSize: "A4",
        orientation: "Landscape",
        zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
        titleRows: s.name === "LKS-register" ? "$1:$6" : "$1:$2",
        leftFooter: "&A",
        rightFooter: "Pagina &P van &N",
      });
      expect(wb.ranges.get(`${s.name}!*`)!.format.verticalAlignment).toBe("Top");
      // Every row the .xlsx writer makes higher is made higher here, to the same points.
      expect(Object.keys(s.rowHeights!).length).toBeGreaterThan(0);
      for (const [row, h] of Object.entries(s.rowHeights!)) expect(wb.ranges.get(`${s.name}!${row}:${row}`)!.format.rowHeight).toBe(h);
      for (const c of s.cells.filter((x) => x.formula)) expect(wb.ranges.get(`${s.name}!${c.address}`)!.format.protection.locked).toBeUndefined();
    }
    // Notes across the sheet are merged over the table's width, as in the .xlsx file.
    expect(wb.ranges.get("SiSa G2-G3!A13:G13")!.merged).toBe(true);
    // The register's header row: 'Begindatum (start of nieuwe vaststelling)' in 11 characters takes 5 lines of 15 pt.
    expect(wb.ranges.get("LKS-register!6:6")!.format.rowHeight).toBe(75);
    // An input keeps its unlocked flag and its date validation from 1-1-2009.
    expect(wb.ranges.get("LKS-register!C7")!.format.protection.locked).toBe(false);
    expect(wb.ranges.get("LKS-register!C7")!.dataValidation.rule).toEqual({ date: { formula1: "2009-01-01", formula2: "2099-12-31", operator: "Between" } });
  });

  test("re-inserting next to the first copy gives new names; cross-sheet formulas follow the new names", async () => {
    const wb = fakeWorkbook(["Blad1", "SiSa G2-G3", "LKS-register"]);
    const r = await insertTemplate("SISA-PW", wb.context);
    expect(r).toEqual({ sheets: ["SiSa G2-G3 (2)", "LKS-register (2)"] });
    // The norm below G2/09 (row 25 of the annex) reads the register total of the copy, not of the first insertion.
    expect(wb.ranges.get("SiSa G2-G3 (2)!D25")!.formulas).toEqual([["='LKS-register (2)'!$V$107"]]);
    expect(wb.ranges.get("LKS-register (2)!B4")!.formulas).toEqual([["='SiSa G2-G3 (2)'!$B$6"]]);
    // Nothing was written to the existing sheets.
    expect([...wb.ranges.keys()].filter((k) => k.startsWith("SiSa G2-G3!") || k.startsWith("LKS-register!"))).toEqual([]);
  });

  test("batches: the register (2.000+ cells) goes in a handful of syncs, not one per cell", async () => {
    const wb = fakeWorkbook([]);
    await insertTemplate("LKS-REGISTER", wb.context, { cellsPerBatch: 1000 });
    const cells = renderTemplate(getTemplate("LKS-REGISTER")!).sheets[0].cells.length;
    expect(cells).toBeGreaterThan(2000);
    // 1 sync to read the sheet names, ⌈cells / 1000⌉ during writing, 1 at the end.
    expect(wb.syncs()).toBeLessThanOrEqual(2 + Math.ceil(cells / 1000));
  });

  test("the worked example fills the input cells", async () => {
    const wb = fakeWorkbook([]);
    await insertTemplate("GR-WPB", wb.context, { example: true });
    expect(wb.ranges.get("GR-verdeling!B6")!.values).toEqual([[1_000_000]]);
    expect(wb.ranges.get("GR-verdeling!A11")!.values).toEqual([["0901"]]);
    expect(wb.ranges.get("GR-verdeling!A11")!.numberFormat).toEqual([["@"]]);
  });

  test("refuses, writing nothing, for an unknown template or a protected workbook", async () => {
    const wb = fakeWorkbook(["Blad1"]);
    expect(await insertTemplate("BESTAAT-NIET", wb.context)).toEqual({ refused: expect.stringContaining('Onbekend sjabloon "BESTAAT-NIET"') });
    const locked = fakeWorkbook(["Blad1"], { protectedStructure: true });
    expect(await insertTemplate("SISA-WPB", locked.context)).toEqual({ refused: expect.stringContaining("beveiligd") });
    expect(locked.added).toEqual([]);
    expect(locked.ranges.size).toBe(0);
  });
});

describe("runTemplateChecks (live, same evaluator as pb check)", () => {
  /** A workbook mock whose used ranges hold the engine's values of a rendered template. */
  function liveWorkbook(model: ReturnType<typeof renderTemplate>) {
    const c = compute(model);
    // Ranges handed out later are not in the mock's tree; the context's sync must sync them too, as Excel would.
    const pending: OfficeMockObject[] = [];
    const track = (m: OfficeMockObject) => (pending.push(m), m);
    const items = model.sheets.map((s) => {
      let maxRow = 0;
      let maxCol = 0;
      for (const cell of s.cells) {
        const m = /^([A-Z]+)(\d+)$/.exec(cell.address)!;
        let col = 0;
        for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
        maxRow = Math.max(maxRow, Number(m[2]));
        maxCol = Math.max(maxCol, col);
      }
      const values: unknown[][] = [];
      const valueTypes: string[][] = [];
      const formulas: unknown[][] = [];
      const formulaAt = new Map(s.cells.filter((x) => x.formula).map((x) => [x.address, `=${x.formula}`]));
      for (let y = 0; y < maxRow; y++) {
        values.push([]);
        valueTypes.push([]);
        formulas.push([]);
        for (let x = 0; x < maxCol; x++) {
          let col = "";
          let n = x + 1;
          while (n > 0) {
            col = String.fromCharCode(65 + ((n - 1) % 26)) + col;
            n = Math.floor((n - 1) / 26);
          }
          const v = c.value(s.name, `${col}${y + 1}`);
          const isErr = typeof v === "object" && v !== null;
          values[y].push(isErr ? (v as { error: string }).error : (v ?? ""));
          valueTypes[y].push(isErr ? "Error" : v === null || v === "" ? "Empty" : typeof v === "number" ? "Double" : "String");
          formulas[y].push(formulaAt.get(`${col}${y + 1}`) ?? values[y][x]);
        }
      }
      return {
        name: s.name,
        // Office.js: getRange("A1:A2") gives the title and the marker, as a 2×1 block.
        getRange: (address: string) => track(new OfficeMockObject({ address, values: [[values[0][0]], [values[1][0]]] })),
        getUsedRange: () => track(new OfficeMockObject({ values, valueTypes, formulas, rowIndex: 0, columnIndex: 0 })),
      };
    });
    c.destroy();
    const ctx = new OfficeMockObject({
      async sync(this: OfficeMockObject) {
        await OfficeMockObject.prototype.sync.call(this);
        for (const m of pending.splice(0)) await m.sync();
      },
      workbook: {
        worksheets: {
          items,
          load(this: OfficeMockObject) {
            return OfficeMockObject.prototype.load.call(this, "items");
          },
          getItem: (name: string) => items.find((i) => i.name === name),
        },
      },
    });
    return ctx as unknown as Excel.RequestContext;
  }

  test("the GR example passes; a netted deficit is reported with sheet and cell", async () => {
    const def = getTemplate("GR-WPB")!;
    const good = await runTemplateChecks(liveWorkbook(renderTemplate(def, { example: true })));
    expect(Array.isArray(good) ? good.filter((r) => !r.ok) : good).toEqual([]);

    const model = renderTemplate(def, { example: true });
    const cell = model.sheets[0].cells.find((x) => x.address === "L12")!;
    cell.value = 25_000; // Gemeente Midden's deficit covered by a partner
    const bad = await runTemplateChecks(liveWorkbook(model));
    expect(Array.isArray(bad)).toBe(true);
    const failed = (bad as { ok: boolean; sheet?: string; address?: string; title: string }[]).filter((r) => !r.ok);
    expect(failed).toEqual([expect.objectContaining({ title: "Geen saldering tussen deelnemers", sheet: "GR-verdeling", address: "L12" })]);
  });

  test("live, a typed-over green cell is found through Range.formulas, and a cleared marker by the sheet's title", async () => {
    const model = renderTemplate(getTemplate("GR-WPB")!, { example: true });
    const cells = model.sheets[0].cells;
    const i11 = cells.find((x) => x.address === "I11")!;
    delete i11.formula;
    i11.value = 200_000; // Noord's reservering typed over
    cells.find((x) => x.address === "A2")!.value = undefined;
    const r = (await runTemplateChecks(liveWorkbook(model))) as { ok: boolean; address?: string; detail?: string }[];
    const failed = r.filter((x) => !x.ok);
    expect(failed.map((x) => x.address)).toEqual(["A2", "I11"]);
    expect(failed[1].detail).toMatch(/^Reservering naar T\+1 in regel 11 \(0901\) is een berekende \(groene\) cel, maar de formule is vervangen door de waarde 200\.000\. .*\(en \d+ controles? die hiervan afhang/);
  });

  test("a workbook without templates is refused with a message", async () => {
    const ctx = new OfficeMockObject({
      workbook: {
        worksheets: {
          items: [{ name: "Blad1", getRange: () => new OfficeMockObject({ values: [["iets"]] }) }],
          load(this: OfficeMockObject) {
            return OfficeMockObject.prototype.load.call(this, "items");
          },
        },
      },
    }) as unknown as Excel.RequestContext;
    expect(await runTemplateChecks(ctx)).toEqual({ refused: expect.stringContaining("geen PB Rekenkit-sjabloon") });
  });
});
