/**
 * Every check fires on a crafted bad workbook (the worked example with one thing broken), with the sheet and cell
 * of the problem; and stays silent where the rule does not apply.
 */
import { getTemplate } from "../../src/templates";
import { checkWorkbook, euro, evaluateChecks, findInstances, type CheckResult } from "../../src/templates/checks";
import { renderTemplate } from "../../src/templates/render";
import { serial } from "../../src/templates/build";
import { compute, reusable, withValues } from "./helpers";

type Changes = Record<string, Record<string, string | number | boolean | null>>;

const engines = new Map<string, ReturnType<typeof reusable>>();
afterAll(() => engines.forEach((e) => e.destroy()));

/** The checks of the worked example with `changes` typed over it. */
function resultsOf(id: string, changes: Changes): CheckResult[] {
  let e = engines.get(id);
  if (!e) engines.set(id, (e = reusable(renderTemplate(getTemplate(id)!, { example: true }))));
  const engine = e;
  return engine.with(changes, (read) => {
    const found = checkWorkbook(engine.sheetNames, read);
    expect(found).toHaveLength(1);
    return found[0].results;
  });
}

/** The failures as "checkId @ sheet!cell". */
function failed(id: string, changes: Changes): string[] {
  return resultsOf(id, changes)
    .filter((r) => !r.ok)
    .map((r) => `${r.id} @ ${r.sheet}!${r.cell}`);
}

const B = "SiSa WPB";
const W = "Werkblad WPB";

describe("SISA-WPB checks fire", () => {
  test.each<[string, Changes, string]>([
    ["gemeente missing", { [B]: { B4: null } }, `kop.ingevuld @ ${B}!B4`],
    ["year 2015 is after the WPB", { [B]: { B6: 2015 } }, `jaar.bereik @ ${B}!B6`],
    ["a spending line left empty", { [W]: { B9: null } }, `werkblad.ingevuld @ ${W}!B9`],
    // Output year 2010 is the only one that feeds the inburgering key (budget year 2012)
    ["inburgering output missing in 2010", { [B]: { B6: 2010, B8: serial("2011-07-01"), D21: null } }, `output.inburgering @ ${B}!D21`],
    ["educatie output missing in 2012", { [B]: { D29: null } }, `output.educatie @ ${B}!D29`],
    ["eindverantwoording missing", { [B]: { D30: null } }, `eindverantwoording.ingevuld @ ${B}!D30`],
    ["art. 13 answered 'Misschien'", { [W]: { B6: "Misschien" } }, `janee.geldig @ ${W}!B6`],
    ["€ 5.000 uitvoeringskosten in the spending", { [W]: { B16: 5000 } }, `uitvoeringskosten @ ${W}!B16`],
    ["reservering typed over: 300.000 > 25% × 1.000.000", { [W]: { B20: 300_000 } }, `reservering.max @ ${W}!B20`],
    ["voorfinanciering typed over: 300.000 > 25%", { [W]: { B21: 300_000 } }, `voorfinanciering.max @ ${W}!B21`],
    ["terugvordering typed over: the budget no longer closes", { [W]: { B22: 1000 } }, `sluiting @ ${W}!B5`],
    ["annex G5/01 typed over", { [B]: { D15: 123 } }, `aansluiting.G5/01 @ ${B}!D15`],
    ["budget as text: PB.MEENEEM refuses, the error is reported", { [W]: { B5: "veel" } }, `werkblad.fouten @ ${W}!B20`],
    ["SiSa planned on 16-7-2013, one day late", { [B]: { B8: serial("2013-07-16") } }, `deadline.sisa @ ${B}!B8`],
    ["beeld van de uitvoering on 1-3-2013", { [W]: { B27: serial("2013-03-01") } }, `deadline.beeld @ ${W}!B27`],
  ])("%s", (_name, changes, expected) => {
    expect(failed("SISA-WPB", changes)).toContain(expected);
  });

  test("onrechtmatig spending still closes the budget: underspend and overspend cases pass every check", () => {
    // Example budget 1.000.000; 100.000 onrechtmatig is reclaimed in full (Wpb art. 4 lid 2), the reservering stays on the unspent part
    expect(failed("SISA-WPB", { [W]: { B17: 100_000 } })).toEqual([]);
    // Overspend: only the lawful overspend can be voorgefinancierd, the rest is for the gemeente's own account
    expect(failed("SISA-WPB", { [W]: { B9: 860_000, B17: 50_000 } })).toEqual([]);
  });

  test("inburgering counts of 2012 feed no key (paragraph 3 lapsed on 1-1-2013), so leaving them empty is no failure", () => {
    expect(failed("SISA-WPB", { [B]: { D21: null } }).filter((f) => f.startsWith("output.inburgering"))).toEqual([]);
  });

  test("messages say what is wrong in Dutch, with amounts: 300.000 is more than 25% of 1.000.000", () => {
    const r = resultsOf("SISA-WPB", { [W]: { B20: 300_000 } }).find((x) => x.id === "reservering.max" && !x.ok)!;
    expect(r.message).toBe("reservering naar T+1 is € 300.000,00: meer dan 25% van toegekend budget € 1.000.000,00 (ten hoogste € 250.000,00).");
    expect(r.why).toContain("Bpb art. 12");
    const late = resultsOf("SISA-WPB", { [B]: { B8: serial("2013-07-16") } }).find((x) => x.id === "deadline.sisa" && !x.ok)!;
    expect(late.message).toBe("geplande datum aanlevering 16-7-2013 ligt na de uiterste datum 15-7-2013 (1 dagen te laat).");
  });

  test("2009, art. 13 Ja: 31,25% applies, so reserving 300.000 of 1.000.000 passes; with Nee (25%) it fails", () => {
    // Underspend: 1.000.000 − (700.000 − 10.000) = 310.000; PB.MEENEEM reserves min(310.000, 312.500) = 310.000 with art. 13.
    const base: Changes = { [B]: { B6: 2009, B8: serial("2010-07-01") }, [W]: { B6: "Ja", B9: 450_000, B10: 150_000, B11: 80_000, B12: 20_000, B27: serial("2010-02-01") } };
    expect(failed("SISA-WPB", base)).toEqual([]);
    const reserved = { ...base, [W]: { ...base[W], B20: 300_000, B22: 10_000 } };
    expect(failed("SISA-WPB", reserved)).toEqual([]);
    const nee = { ...reserved, [W]: { ...reserved[W], B6: "Nee" } };
    expect(failed("SISA-WPB", nee)).toContain(`reservering.max @ ${W}!B20`);
  });

  test("output counts are not required before they applied: 2009 without inburgering and educatie counts passes", () => {
    const empty = Object.fromEntries([21, 22, 23, 24, 25, 26, 27, 28, 29].map((r) => [`D${r}`, null]));
    const res = resultsOf("SISA-WPB", { [B]: { B6: 2009, B8: serial("2010-07-01"), ...empty }, [W]: { B27: serial("2010-02-01") } });
    expect(res.filter((r) => !r.ok)).toEqual([]);
    expect(res.find((r) => r.id === "output.inburgering")).toMatchObject({ ok: true, skipped: true, message: "Niet van toepassing in 2009." });
  });
});

describe("SISA-PW checks fire", () => {
  const A = "SiSa G2-G3";
  const R = "LKS-register";
  test.each<[string, Changes, string]>([
    ["year 2014 is before the Participatiewet", { [A]: { B6: 2014 } }, `jaar.bereik @ ${A}!B6`],
    ["G2/02 left empty", { [A]: { D16: null } }, `indicatoren.ingevuld @ ${A}!D16`],
    ["uitvoeringskosten included: Ja", { [A]: { B9: "Ja" } }, `uitvoeringskosten @ ${A}!B9`],
    ["Ja/Nee answered 'J'", { [A]: { B9: "J" } }, `janee.geldig @ ${A}!B9`],
    ["LKS indicator typed over (28.000 instead of the register's 28.030,55)", { [A]: { D24: 28_000 } }, `lks.register @ ${A}!D24`],
    ["a register row without start date, loonwaarde and hours", { [R]: { A10: "W-004" } }, `register.rij.volledig @ ${R}!C10`],
    ["end before start", { [R]: { D9: serial("2023-03-01") } }, `register.datums @ ${R}!D9`],
    ["loonwaarde 150%: PB.LKSPERIODE refuses", { [R]: { E7: 1.5 } }, `register.fouten @ ${R}!I7`],
    ["register total typed over", { [R]: { U107: 1 } }, `register.totaal @ ${R}!U107`],
    ["SiSa planned after 15-7-2024", { [A]: { B8: serial("2024-08-01") } }, `deadline.sisa @ ${A}!B8`],
  ])("%s", (_name, changes, expected) => {
    expect(failed("SISA-PW", changes)).toContain(expected);
  });

  test("the LKS mismatch names both figures", () => {
    const r = resultsOf("SISA-PW", { [A]: { D24: 28_000 } }).find((x) => x.id === "lks.register" && !x.ok)!;
    expect(r.message).toBe(
      "indicator G2/09 loonkostensubsidie is € 28.000,00, maar totaal van het LKS-register is € 28.030,55 (verschil −€ 30,55).",
    );
  });
});

describe("GR-WPB checks fire", () => {
  const S = "GR-verdeling";
  test.each<[string, Changes, string]>([
    ["Midden's deficit covered with 25.000 from a partner", { [S]: { L12: 25_000 } }, `geen.saldering @ ${S}!L12`],
    ["a share typed over: the shares no longer make the GR's costs", { [S]: { D11: 400_000 } }, `verdeling.sluit @ ${S}!D31`],
    ["Noord reserves 200.000 > 25% × 700.000 = 175.000", { [S]: { I11: 200_000 } }, `reservering.max @ ${S}!I11`],
    ["Zuid without budget", { [S]: { G13: null } }, `deelnemers.volledig @ ${S}!G13`],
    ["art. 13 answered 'J'", { [S]: { H11: "J" } }, `janee.geldig @ ${S}!H11`],
    ["data to the municipalities on 16-7-2012", { [S]: { B8: serial("2012-07-16") } }, `deadline.sisa @ ${S}!B8`],
    ["year 2008 is before the WPB", { [S]: { B5: 2008 } }, `jaar.bereik @ ${S}!B5`],
  ])("%s", (_name, changes, expected) => {
    expect(failed("GR-WPB", changes)).toContain(expected);
  });

  test("the netting message names the municipality and the direction", () => {
    const r = resultsOf("GR-WPB", { [S]: { L12: -25_000 } }).find((x) => x.id === "geen.saldering" && !x.ok)!;
    expect(r.message).toBe(`Gemeente 0902 heeft ${euro(-25_000)} afgedragen aan andere deelnemers om een tekort of overschot te verrekenen; saldering is niet toegestaan.`);
  });
});

describe("REKENTOOL-PW and LKS-REGISTER checks fire", () => {
  test.each<[string, string, Changes, string]>([
    ["REKENTOOL-PW", "loonwaarde 120%", { Rekentool: { B18: 1.2 } }, "loonwaarde.bereik @ Rekentool!B18"],
    ["REKENTOOL-PW", "loonwaarde 120%: PB.LKSPERIODE refuses", { Rekentool: { B18: 1.2 } }, "rekentool.fouten @ Rekentool!B26"],
    ["REKENTOOL-PW", "a volume left empty", { Rekentool: { C14: null } }, "invoer.ingevuld @ Rekentool!C14"],
    ["REKENTOOL-PW", "year 2014", { Rekentool: { B4: 2014 } }, "jaar.bereik @ Rekentool!B4"],
    ["LKS-REGISTER", "no year", { "LKS-register": { B4: null } }, "jaar.ingevuld @ LKS-register!B4"],
    ["LKS-REGISTER", "year 2014", { "LKS-register": { B4: 2014 } }, "jaar.bereik @ LKS-register!B4"],
  ])("%s: %s", (id, _name, changes, expected) => {
    expect(failed(id, changes)).toContain(expected);
  });
});

describe("evaluator details", () => {
  test("a reader over plain values: Dates (as ExcelJS returns them) and Dutch decimal text count as numbers", () => {
    const def = getTemplate("GR-WPB")!;
    const cells: Record<string, unknown> = {
      B4: "GR",
      B5: "2011",
      B6: "1000,00",
      B8: new Date(Date.UTC(2012, 6, 16)), // 16-7-2012: one day late
      D31: 1000,
    };
    const res = evaluateChecks(def, { gr: "GR-verdeling" }, (_s, a) => cells[a]);
    expect(res.filter((r) => !r.ok).map((r) => `${r.id}@${r.cell}`)).toEqual(["deadline.sisa@B8"]);
  });

  test("failures are capped per check, with a closing line saying how many more", () => {
    const def = getTemplate("LKS-REGISTER")!;
    const res = evaluateChecks(def, { register: "LKS-register" }, (_s, a) => (/^[I-U]\d+$/.test(a) ? { error: "#NUM!" } : a === "B4" ? 2023 : null));
    const errs = res.filter((r) => r.id === "register.fouten");
    expect(errs).toHaveLength(26);
    expect(errs[25].message).toMatch(/^En nog \d+ cellen met hetzelfde probleem\.$/);
  });

  test("a template sheet that was deleted is reported, not silently skipped", () => {
    const model = renderTemplate(getTemplate("SISA-PW")!, { example: true });
    const onlyAnnex = { ...model, sheets: model.sheets.slice(0, 1) };
    const c = compute({ ...onlyAnnex, sheets: [...onlyAnnex.sheets, { name: "LKS-register", cells: [] }] });
    try {
      const found = checkWorkbook(c.sheetNames, c.read);
      expect(found[0].results).toEqual([expect.objectContaining({ id: "bladen.aanwezig", ok: false, sheet: "LKS-register" })]);
    } finally {
      c.destroy();
    }
  });

  test("two insertions in one workbook are checked separately", () => {
    const def = getTemplate("GR-WPB")!;
    const first = renderTemplate(def, { example: true });
    const second = renderTemplate(def, { example: true, existingSheetNames: first.sheets.map((s) => s.name) });
    const bad = withValues(second, { "GR-verdeling (2)": { L11: 1 } });
    const c = compute({ sheets: [...first.sheets, ...bad.sheets] });
    try {
      expect(findInstances(c.sheetNames, c.read).map((i) => [i.instance, i.names.gr])).toEqual([
        [1, "GR-verdeling"],
        [2, "GR-verdeling (2)"],
      ]);
      const found = checkWorkbook(c.sheetNames, c.read);
      expect(found[0].results.filter((r) => !r.ok)).toEqual([]);
      expect(found[1].results.filter((r) => !r.ok).map((r) => `${r.id}@${r.sheet}!${r.cell}`)).toEqual(["geen.saldering@GR-verdeling (2)!L11"]);
    } finally {
      c.destroy();
    }
  });
});
