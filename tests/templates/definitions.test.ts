/** The template definitions are consistent data: every reference lands on a real cell, inputs are validated, honest status. */
import { getTemplate, TEMPLATES, unverifiedIndicators } from "../../src/templates";
import { splitAddress } from "../../src/templates/build";
import { isValidSheetName, markerText, parseMarker, planSheetNames, renderTemplate, resolveFormula } from "../../src/templates/render";
import type { CellRef, CheckDef, TemplateDef } from "../../src/templates/types";

function cellOf(def: TemplateDef, ref: CellRef) {
  return def.sheets.find((s) => s.key === ref.sheet)?.cells.find((c) => c.address === ref.address);
}

/** Every single-cell reference a check makes (row checks give columns, checked separately). */
function refsOf(c: CheckDef): CellRef[] {
  switch (c.kind) {
    case "required":
    case "zero":
    case "range":
      return c.cells;
    case "choice":
      return c.cells ?? [];
    case "yearRange":
    case "expect":
    case "deadline":
      return [c.cell];
    case "equal":
      return "sum" in c.right ? [c.left] : [c.left, c.right];
    case "balance":
      return [...c.terms, c.equals];
    case "maxShare":
      return c.rows ? [] : [c.cell, c.base, ...(c.flag ? [c.flag] : [])];
    default:
      return [];
  }
}

describe.each(TEMPLATES.map((t) => [t.id, t] as const))("template %s", (_id, def) => {
  test("has the gallery fields: id, title, description, version, years", () => {
    expect(def.id).toMatch(/^[A-Z0-9-]+$/);
    expect(def.title.length).toBeGreaterThan(10);
    expect(def.description.length).toBeGreaterThan(30);
    expect(def.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(def.years.from).toBeGreaterThanOrEqual(2009);
    if (def.years.to !== null) expect(def.years.to).toBeGreaterThanOrEqual(def.years.from);
    expect(getTemplate(def.id.toLowerCase())).toBe(def);
  });

  test("sheet keys unique, default names valid and short enough for a ' (99)' suffix; rows 1–2 left to the renderer", () => {
    expect(new Set(def.sheets.map((s) => s.key)).size).toBe(def.sheets.length);
    for (const s of def.sheets) {
      expect(isValidSheetName(s.name)).toBe(true);
      expect(s.name.length).toBeLessThanOrEqual(26);
      const addresses = s.cells.map((c) => c.address);
      expect(new Set(addresses).size).toBe(addresses.length);
      for (const a of addresses) expect(splitAddress(a).row).toBeGreaterThanOrEqual(3);
    }
  });

  test("every {{sheet}} reference in a formula names a sheet of the template", () => {
    const names = Object.fromEntries(def.sheets.map((s) => [s.key, s.name]));
    for (const s of def.sheets) for (const c of s.cells) if (c.formula) expect(() => resolveFormula(c.formula!, names)).not.toThrow();
  });

  test("the year cell and every cell a check reads exist; row checks stay inside their sheet's rows", () => {
    expect(cellOf(def, def.yearCell)).toBeDefined();
    for (const check of def.checks) {
      for (const r of refsOf(check)) expect({ check: check.id, at: `${r.sheet}!${r.address}`, found: cellOf(def, r) !== undefined }).toEqual({ check: check.id, at: `${r.sheet}!${r.address}`, found: true });
      if ("rows" in check && check.rows) {
        expect(def.sheets.some((s) => s.key === check.rows!.sheet)).toBe(true);
        expect(cellOf(def, { sheet: check.rows.sheet, address: `${check.rows.key}${check.rows.first}` })?.input).toBe(true);
      }
    }
    expect(new Set(def.checks.map((c) => c.id)).size).toBe(def.checks.length);
  });

  test("every input cell is marked, filled yellow, and Ja/Nee, year, percentage and date inputs carry validation", () => {
    for (const s of def.sheets) {
      for (const c of s.cells.filter((x) => x.input)) {
        expect(c.formula).toBeUndefined();
        expect(c.fill).toBe("FFFFF2CC");
        if (c.numFmt === "0%") expect(c.validation).toMatchObject({ type: "decimal", min: 0, max: 1 });
        if (c.numFmt === "dd-mm-yyyy") expect(c.validation?.type).toBe("date");
      }
    }
    const yearInput = cellOf(def, def.yearCell)!;
    if (yearInput.input) expect(yearInput.validation).toMatchObject({ type: "whole", min: def.years.from });
  });

  test("the worked example only types into input cells", () => {
    expect(def.example.length).toBeGreaterThan(0);
    for (const e of def.example) expect({ at: `${e.sheet}!${e.address}`, input: cellOf(def, e)?.input }).toEqual({ at: `${e.sheet}!${e.address}`, input: true });
  });

  test("every SiSa indicator has a code, a value cell, a source and an honest status", () => {
    for (const i of def.indicators) {
      expect(i.code).toMatch(/^G\d\/\d{2}$/);
      expect(cellOf(def, i.ref)).toBeDefined();
      expect(i.source.length).toBeGreaterThan(20);
      expect(["geverifieerd", "te verifiëren"]).toContain(i.status);
    }
  });
});

test("nothing internal reaches a sheet: no research notes, confidence tags or seed numbers, only what a controller can look up", () => {
  const internal = /sources\.md|UNVERIFIED|\[[A-Z]+, [HLM]\]|\bSeed \d/;
  for (const t of TEMPLATES) {
    for (const s of renderTemplate(t, { example: true }).sheets) {
      for (const c of s.cells) {
        if (typeof c.value === "string") expect({ at: `${t.id} ${s.name}!${c.address}`, internal: internal.test(c.value) }).toEqual({ at: `${t.id} ${s.name}!${c.address}`, internal: false });
      }
    }
  }
  // Every SiSa annex says on the sheet, in plain Dutch, that the codes must be checked against the year's model.
  for (const id of ["SISA-WPB", "SISA-PW"]) {
    const annex = renderTemplate(getTemplate(id)!).sheets[0];
    expect(annex.cells.filter((c) => typeof c.value === "string" && c.value.includes("controleer codes en omschrijvingen tegen het SiSa-model van het verantwoordingsjaar")).length).toBeGreaterThan(0);
  }
  // The Bron column cites the regulation: the SiSa model's own regulation on every indicator.
  for (const i of TEMPLATES.flatMap((t) => t.indicators)) expect(i.source).toMatch(/Regeling informatieverstrekking sisa/);
});

test("the five templates of the issue are there", () => {
  expect(TEMPLATES.map((t) => t.id)).toEqual(["SISA-WPB", "SISA-PW", "LKS-REGISTER", "REKENTOOL-PW", "GR-WPB"]);
});

test("no indicator claims 'geverifieerd': sources.md §3.3 verifies none of the indicator lists", () => {
  const all = TEMPLATES.flatMap((t) => t.indicators);
  expect(all.length).toBe(16 + 15); // 16 WPB (G5/01–16), 9 G2 + 6 G3
  expect(all.filter((i) => i.status === "geverifieerd")).toEqual([]);
  expect(unverifiedIndicators()).toHaveLength(all.length);
});

test("WPB output indicators apply from 2010 (inburgering) and 2011 (educatie), shown per year in the sheet", () => {
  const wpb = getTemplate("SISA-WPB")!;
  expect(wpb.indicators.filter((i) => i.fromYear === 2010).map((i) => i.code)).toEqual(["G5/07", "G5/08", "G5/09", "G5/10", "G5/11", "G5/12", "G5/13"]);
  expect(wpb.indicators.filter((i) => i.fromYear === 2011).map((i) => i.code)).toEqual(["G5/14", "G5/15"]);
  const e = wpb.sheets[0].cells.find((c) => c.address === "E21")!; // G5/07's "van toepassing"
  expect(e.formula).toBe('IF($B$6>=2010,"Ja","n.v.t.")');
});

test("the checks of the issue exist: required, totals, 25%/31,25%, uitvoeringskosten, LKS = register, Ja/Nee, netting, deadline", () => {
  const kinds = (id: string) => new Set(getTemplate(id)!.checks.map((c) => c.kind));
  expect([...kinds("SISA-WPB")]).toEqual(expect.arrayContaining(["required", "equal", "balance", "maxShare", "zero", "choice", "deadline"]));
  expect([...kinds("SISA-PW")]).toEqual(expect.arrayContaining(["required", "equal", "expect", "choice", "deadline"]));
  expect(getTemplate("SISA-PW")!.checks.find((c) => c.id === "lks.register")).toMatchObject({ kind: "equal", right: { sheet: "register", address: "V107" }, explainedBy: { sheet: "bijlage", address: "D27" } });
  expect([...kinds("GR-WPB")]).toEqual(expect.arrayContaining(["noNetting", "maxShare", "equal", "deadline"]));
});

test("markers round-trip", () => {
  const def = getTemplate("SISA-PW")!;
  expect(parseMarker(markerText(def, "register", 3))).toEqual({ id: "SISA-PW", version: def.version, key: "register", instance: 3 });
  expect(parseMarker("Gewone tekst")).toBeUndefined();
  expect(parseMarker(42)).toBeUndefined();
});

describe("renderTemplate: unique names, formulas follow", () => {
  const def = getTemplate("SISA-PW")!;

  test("an empty workbook gets the plain names and markers in A2", () => {
    const m = renderTemplate(def);
    expect(m.sheets.map((s) => s.name)).toEqual(["SiSa G2-G3", "LKS-register"]);
    expect(m.sheets[1].cells.find((c) => c.address === "A2")!.value).toBe(markerText(def, "register", 1));
    expect(m.sheets[0].cells.find((c) => c.address === "D25")!.formula).toBe("'LKS-register'!$V$107");
    expect(m.fullCalcOnLoad).toBe(true);
  });

  test("inserting three times gives (2) and (3) for all sheets of one insertion, compared case-insensitively", () => {
    const first = renderTemplate(def).sheets.map((s) => s.name);
    const second = renderTemplate(def, { existingSheetNames: ["Blad1", ...first.map((n) => n.toUpperCase())] });
    expect(second.sheets.map((s) => s.name)).toEqual(["SiSa G2-G3 (2)", "LKS-register (2)"]);
    expect(second.sheets[0].cells.find((c) => c.address === "D25")!.formula).toBe("'LKS-register (2)'!$V$107");
    const third = renderTemplate(def, { existingSheetNames: [...first, ...second.sheets.map((s) => s.name)] });
    expect(third.sheets.map((s) => s.name)).toEqual(["SiSa G2-G3 (3)", "LKS-register (3)"]);
    expect(parseMarker(third.sheets[0].cells.find((c) => c.address === "A2")!.value)!.instance).toBe(3);
  });

  test("one taken name moves the whole insertion, so its sheets stay together", () => {
    const m = renderTemplate(def, { existingSheetNames: ["lks-register"] });
    expect(m.sheets.map((s) => s.name)).toEqual(["SiSa G2-G3 (2)", "LKS-register (2)"]);
  });

  test("a 26-character name with suffix (10) stays within Excel's 31 characters", () => {
    const long: TemplateDef = { ...def, sheets: [{ ...def.sheets[1], key: "register", name: "A".repeat(26) }, { ...def.sheets[0] }] };
    const existing = ["A".repeat(26), ...Array.from({ length: 8 }, (_, i) => `${"A".repeat(26)} (${i + 2})`)];
    const plan = planSheetNames(long, existing);
    expect(plan.instance).toBe(10);
    expect(plan.names.register).toBe(`${"A".repeat(26)} (10)`);
    expect(plan.names.register.length).toBe(31);
  });

  test("the example fills inputs only when asked", () => {
    const plain = renderTemplate(def);
    const ex = renderTemplate(def, { example: true });
    expect(plain.sheets[0].cells.find((c) => c.address === "B6")!.value).toBeUndefined();
    expect(ex.sheets[0].cells.find((c) => c.address === "B6")!.value).toBe(2023);
  });
});
