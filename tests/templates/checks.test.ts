/**
 * Every check fires on a crafted bad workbook (the worked example with one thing broken), as exactly one message on
 * the cell that was broken, with what follows from it folded under that message; and stays silent where the rule
 * does not apply.
 */
import { getTemplate } from "../../src/templates";
import { checkWorkbook, count, euro, evaluateChecks, findInstances, passesElfproef, type CheckResult, type WorkbookView } from "../../src/templates/checks";
import { renderTemplate } from "../../src/templates/render";
import { serial } from "../../src/templates/build";
import { compute, reusable, withValues } from "./helpers";

type Changes = Record<string, Record<string, string | number | boolean | null>>;

const engines = new Map<string, ReturnType<typeof reusable>>();
afterAll(() => engines.forEach((e) => e.destroy()));

/** The results of the worked example with `changes` typed over it (a formula typed over is gone, as in a file). */
function resultsOf(id: string, changes: Changes, viewOf: (v: WorkbookView) => WorkbookView = (v) => v): CheckResult[] {
  let e = engines.get(id);
  if (!e) engines.set(id, (e = reusable(renderTemplate(getTemplate(id)!, { example: true }))));
  const engine = e;
  return engine.with(changes, (view) => {
    const found = checkWorkbook(engine.sheetNames, viewOf(view));
    expect(found).toHaveLength(1);
    return found[0].results;
  });
}

const at = (r: CheckResult) => `${r.id} @ ${r.sheet}!${r.cell}`;

/** The messages (not the folded ones) as "checkId @ sheet!cell". */
function failed(id: string, changes: Changes): string[] {
  return resultsOf(id, changes)
    .filter((r) => !r.ok)
    .map(at);
}

/** The one message, and the failures folded under it. */
function one(id: string, changes: Changes): { primary: string; dependents: string[]; message: string } {
  const bad = resultsOf(id, changes).filter((r) => !r.ok);
  expect(bad.map(at)).toHaveLength(1);
  return { primary: at(bad[0]), dependents: (bad[0].dependents ?? []).map(at), message: bad[0].message };
}

const B = "SiSa WPB";
const W = "Werkblad WPB";

describe("SISA-WPB: one message per broken cell", () => {
  test.each<[string, Changes, string, string]>([
    ["gemeente missing", { [B]: { B4: null } }, `kop.ingevuld @ ${B}!B4`, ""],
    ["year 2015 is after the WPB: the input is out of range, the year check follows from it", { [B]: { B6: 2015 } }, `invoer @ ${B}!B6`, `jaar.bereik @ ${B}!B6`],
    ["a spending line left empty", { [W]: { B9: null } }, `werkblad.ingevuld @ ${W}!B9`, ""],
    ["educatie output missing in 2012", { [B]: { D29: null } }, `output.educatie @ ${B}!D29`, ""],
    ["eindverantwoording missing", { [B]: { D30: null } }, `eindverantwoording.ingevuld @ ${B}!D30`, ""],
    ["art. 13 answered 'Misschien'", { [W]: { B6: "Misschien" } }, `invoer @ ${W}!B6`, `janee.geldig @ ${W}!B6`],
    ["€ 5.000 uitvoeringskosten in the spending", { [W]: { B16: 5000 } }, `uitvoeringskosten @ ${W}!B16`, ""],
    ["reservering typed over: the limit check (300.000 > 25% × 1.000.000) follows from the lost formula", { [W]: { B20: 300_000 } }, `formule @ ${W}!B20`, `reservering.max @ ${W}!B20`],
    ["voorfinanciering typed over: 300.000 > 25%", { [W]: { B21: 300_000 } }, `formule @ ${W}!B21`, `voorfinanciering.max @ ${W}!B21`],
    ["terugvordering typed over: the budget no longer closes", { [W]: { B22: 1000 } }, `formule @ ${W}!B22`, `sluiting @ ${W}!B5`],
    ["annex G5/01 typed over", { [B]: { D15: 123 } }, `formule @ ${B}!D15`, `aansluiting.G5/01 @ ${B}!D15`],
    ["budget as text: PB.MEENEEM refuses, and that error follows from the text", { [W]: { B5: "veel" } }, `invoer @ ${W}!B5`, `werkblad.fouten @ ${W}!B20`],
    ["SiSa planned on 16-7-2013, one day late", { [B]: { B8: serial("2013-07-16") } }, `deadline.sisa @ ${B}!B8`, ""],
    ["beeld van de uitvoering on 1-3-2013", { [W]: { B27: serial("2013-03-01") } }, `deadline.beeld @ ${W}!B27`, ""],
  ])("%s", (_name, changes, expected, dependent) => {
    const r = one("SISA-WPB", changes);
    expect(r.primary).toBe(expected);
    if (dependent) expect(r.dependents).toContain(dependent);
  });

  test("inburgering output missing in 2010 (the one output year that feeds a key, budget year 2012)", () => {
    expect(failed("SISA-WPB", { [B]: { B6: 2010, B8: serial("2011-07-01"), D21: null }, [W]: { B27: serial("2011-02-01") } })).toEqual([`output.inburgering @ ${B}!D21`]);
  });

  test("onrechtmatig spending still closes the budget: underspend and overspend cases pass every check", () => {
    // Example budget 1.000.000; 100.000 onrechtmatig is reclaimed in full (Wpb art. 4 lid 2), the reservering stays on the unspent part
    expect(failed("SISA-WPB", { [W]: { B17: 100_000 } })).toEqual([]);
    // Overspend: only the lawful overspend can be voorgefinancierd, the rest is for the gemeente's own account
    expect(failed("SISA-WPB", { [W]: { B9: 860_000, B17: 50_000 } })).toEqual([]);
  });

  test("inburgering counts of 2012 feed no key (paragraph 3 lapsed on 1-1-2013), so leaving them empty is no failure", () => {
    expect(failed("SISA-WPB", { [B]: { D21: null } })).toEqual([]);
  });

  test("messages say what is wrong in Dutch, with amounts: 300.000 is more than 25% of 1.000.000; 1 dag te laat", () => {
    const r = resultsOf("SISA-WPB", { [W]: { B20: 300_000 } }).find((x) => x.id === "formule")!;
    const limit = r.dependents!.find((x) => x.id === "reservering.max")!;
    expect(limit.message).toBe("Reservering naar T+1 is € 300.000,00: meer dan 25% van toegekend budget € 1.000.000,00 (ten hoogste € 250.000,00).");
    expect(limit.why).toContain("Bpb art. 12");
    // The formula message names the cell by its row label and gives the formula as Dutch Excel shows it.
    expect(r.message).toMatch(/^Reservering naar jaar T\+1 is een berekende \(groene\) cel, maar de formule is vervangen door de waarde 300\.000\. Zet de formule terug: =PB\.MEENEEM\(B5;B15;B4;B6\)\. \(en \d+ controles die hiervan afhangen\)$/);
    const late = resultsOf("SISA-WPB", { [B]: { B8: serial("2013-07-16") } }).find((x) => x.id === "deadline.sisa" && !x.ok)!;
    expect(late.message).toBe("Geplande datum aanlevering 16-7-2013 ligt na de uiterste datum 15-7-2013 (1 dag te laat).");
  });

  test("2009, art. 13 Ja: 31,25% applies, so reserving 300.000 of 1.000.000 passes; with Nee (25%) it fails", () => {
    // Underspend: 1.000.000 − (700.000 − 10.000) = 310.000; PB.MEENEEM reserves min(310.000, 312.500) = 310.000 with art. 13.
    const base: Changes = { [B]: { B6: 2009, B8: serial("2010-07-01") }, [W]: { B6: "Ja", B9: 450_000, B10: 150_000, B11: 80_000, B12: 20_000, B27: serial("2010-02-01") } };
    expect(failed("SISA-WPB", base)).toEqual([]);
    // 300.000 typed over the reservering and 10.000 over the terugvordering: the limit of 31,25% holds, only the two typed-over formulas are reported
    const reserved = { ...base, [W]: { ...base[W], B20: 300_000, B22: 10_000 } };
    expect(failed("SISA-WPB", reserved)).toEqual([`formule @ ${W}!B20`, `formule @ ${W}!B22`]);
    const limits = resultsOf("SISA-WPB", reserved).flatMap((r) => r.dependents ?? []).map(at);
    expect(limits).not.toContain(`reservering.max @ ${W}!B20`);
    // With Nee, 25% × 1.000.000 = 250.000 < 300.000: the limit fails, under the typed-over cell
    const nee = { ...reserved, [W]: { ...reserved[W], B6: "Nee" } };
    expect(resultsOf("SISA-WPB", nee).flatMap((r) => r.dependents ?? []).map(at)).toContain(`reservering.max @ ${W}!B20`);
  });

  test("output counts are not required before they applied: 2009 without inburgering and educatie counts passes", () => {
    const empty = Object.fromEntries([21, 22, 23, 24, 25, 26, 27, 28, 29].map((r) => [`D${r}`, null]));
    const res = resultsOf("SISA-WPB", { [B]: { B6: 2009, B8: serial("2010-07-01"), ...empty }, [W]: { B27: serial("2010-02-01") } });
    expect(res.filter((r) => !r.ok)).toEqual([]);
    expect(res.find((r) => r.id === "output.inburgering")).toMatchObject({ ok: true, skipped: true, message: "Niet van toepassing in 2009." });
  });
});

describe("SISA-PW: one message per broken cell", () => {
  const A = "SiSa G2-G3";
  const R = "LKS-register";
  test.each<[string, Changes, string, string]>([
    ["year 2014 is before the Participatiewet", { [A]: { B6: 2014 } }, `invoer @ ${A}!B6`, `jaar.bereik @ ${A}!B6`],
    ["G2/02 left empty", { [A]: { D16: null } }, `indicatoren.ingevuld @ ${A}!D16`, ""],
    ["uitvoeringskosten included: Ja", { [A]: { B9: "Ja" } }, `uitvoeringskosten @ ${A}!B9`, ""],
    ["Ja/Nee answered 'J'", { [A]: { B9: "J" } }, `invoer @ ${A}!B9`, `janee.geldig @ ${A}!B9`],
    ["booked LKS 28.000 against the register's 45.558,20, unexplained", { [A]: { D24: 28_000 } }, `lks.register @ ${A}!D24`, ""],
    ["a register row with only a reference", { [R]: { A13: "W-006" } }, `register.rij.volledig @ ${R}!C13`, ""],
    ["end before start", { [R]: { D9: serial("2023-03-01") } }, `register.datums @ ${R}!D9`, ""],
    // 12 months, their total, the register's totals and the annex's G2/09 all follow from the one loonwaarde
    ["loonwaarde 150%: PB.LKSPERIODE refuses, every error is folded under F7", { [R]: { F7: 1.5 } }, `invoer @ ${R}!F7`, `register.fouten @ ${R}!J7`],
    ["register total typed over", { [R]: { V107: 1 } }, `formule @ ${R}!V107`, `register.totaal @ ${R}!V107`],
    ["a forfaitair row without end date (lid 5: at most six months)", { [R]: { D10: null } }, `register.forfaitair @ ${R}!D10`, ""],
    ["a forfaitair row with a loonwaarde", { [R]: { F10: 0.5 } }, `register.forfaitair @ ${R}!F10`, ""],
    ["a new determination that overlaps the old row of the same employee", { [R]: { D11: serial("2023-10-31") } }, `lijst.dubbel @ ${R}!A12`, ""],
    ["route typed as 'vast'", { [R]: { E7: "vast" } }, `invoer @ ${R}!E7`, ""],
    ["SiSa planned after 15-7-2024", { [A]: { B8: serial("2024-08-01") } }, `deadline.sisa @ ${A}!B8`, ""],
  ])("%s", (_name, changes, expected, dependent) => {
    const r = one("SISA-PW", changes);
    expect(r.primary).toBe(expected);
    if (dependent) expect(r.dependents).toContain(dependent);
  });

  test("the booked LKS against the register: both figures and the difference; an explanation in D27 lets it pass", () => {
    const r = one("SISA-PW", { [A]: { D24: 28_000 } });
    expect(r.message).toBe(
      "Indicator G2/09 loonkostensubsidie (geboekt) is € 28.000,00, maar het totaal van het LKS-register is € 45.558,20 (verschil −€ 17.558,20). Licht het verschil toe in D27 (toelichting bij een verschil), of pas het bedrag aan.",
    );
    expect(failed("SISA-PW", { [A]: { D24: 28_000, D27: "Twee werkgevers hebben in 2023 nog geen declaratie ingediend." } })).toEqual([]);
  });

  test("the forfaitair route: six months from 1-9-2023 end on 29-2-2024 (a leap year), one day later is too long", () => {
    expect(failed("SISA-PW", { [R]: { D10: serial("2024-03-01") } })).toEqual([`register.forfaitair @ ${R}!D10`]);
    expect(one("SISA-PW", { [R]: { D10: null } }).message).toBe(
      "Regel 10 (W-004): route Forfaitair geldt ten hoogste 6 maanden, tot en met 29-2-2024, maar de regel heeft geen einddatum. Vul 29-2-2024 (of eerder) in als einddatum en zet de vastgestelde loonwaarde op een nieuwe regel met dezelfde referentie vanaf 1-3-2024.",
    );
  });

  test("consecutive rows of one employee (a new loonwaarde from 1-10) pass; overlapping ones are named with both periods", () => {
    expect(failed("SISA-PW", {})).toEqual([]);
    // October paid twice makes the register differ from the booked G2/09: that follows, and is counted on the line.
    expect(one("SISA-PW", { [R]: { D11: serial("2023-10-31") } }).message).toBe(
      "Referentie W-005 in A12 staat ook in A11 en de perioden overlappen (regel 11: 1-2-2021 tot en met 31-10-2023; regel 12: vanaf 1-10-2023, loopt door). Een andere werknemer krijgt een eigen referentie; een nieuwe vaststelling voor dezelfde werknemer begint op de dag na de einddatum van de vorige regel. (en 1 controle die hiervan afhangt)",
    );
  });

  test("a bad loonwaarde: one message on E7 that says what to type, and the count of what follows from it", () => {
    const r = one("SISA-PW", { [R]: { F7: 1.5 } });
    // I7:T7 (12), U7, I107:U107 (13) = 26 errors in the register; the register total check 1 + 13 sums; G2/09 in the annex twice
    expect(r.dependents.filter((d) => d.startsWith("register.fouten"))).toHaveLength(26);
    expect(r.message).toBe(`Loonwaarde in regel 7 (W-001) is 150%; een percentage ligt tussen 0% en 100%. (en ${count(r.dependents.length, "controle die hiervan afhangt", "controles die hiervan afhangen")})`);
  });

  test("a loonwaarde of 60 (meant as 60%) gets the reading 'Bedoelt u 60%?'", () => {
    expect(one("SISA-PW", { [R]: { F8: 60 } }).message).toMatch(/^Loonwaarde in regel 8 \(W-002\) is 6000%; een percentage ligt tussen 0% en 100%\. Bedoelt u 60%\? Typ dan 60% of 0,6\. \(en \d+ controles die hiervan afhangen\)$/);
  });

  test("an error the inputs do not explain (a fractional percent) is traced to the input its message names", () => {
    // 0,605 passes the validation (0–1) but the law works in whole percents (Regeling LKS Pwet art. 4): PB.LKSPERIODE refuses
    const r = one("SISA-PW", { [R]: { F7: 0.605 } });
    expect(r.primary).toBe(`fout.invoer @ ${R}!F7`);
    expect(r.message).toMatch(/^Loonwaarde in regel 7 \(W-001\): PB\.LKSPERIODE in J7 weigert deze invoer \(#[A-Z!/0?]+\): loonwaarde: 0,605 is geen heel percentage.*0,45\. Pas F7 aan\./);
    expect(r.dependents).toContain(`register.fouten @ ${R}!U7`);
  });

  test("the trace does not depend on the error code a PB function uses (#NUM! or #VALUE!)", () => {
    const recode = (v: WorkbookView): WorkbookView => ({
      ...v,
      value: (s, a) => {
        const x = v.value(s, a) as { error?: string } | null;
        return x && typeof x === "object" && x.error ? { ...x, error: x.error === "#NUM!" ? "#VALUE!" : "#NUM!" } : x;
      },
    });
    for (const changes of [{ [R]: { F7: 0.605 } }, { [R]: { F7: 1.5 } }]) {
      const plain = resultsOf("SISA-PW", changes).filter((r) => !r.ok);
      const swapped = resultsOf("SISA-PW", changes, recode).filter((r) => !r.ok);
      expect(swapped.map((r) => [at(r), r.dependents?.length])).toEqual(plain.map((r) => [at(r), r.dependents?.length]));
    }
  });

  test("without the error's message (Excel gives the add-in only the code), one message per register row", () => {
    const noMessage = (v: WorkbookView): WorkbookView => ({
      ...v,
      value: (s, a) => {
        const x = v.value(s, a) as { error?: string } | null;
        return x && typeof x === "object" && x.error ? { error: x.error } : x;
      },
    });
    const bad = resultsOf("SISA-PW", { [R]: { F7: 0.605, F9: 0.505 } }, noMessage).filter((r) => !r.ok);
    expect(bad.map(at)).toEqual([`fout.invoer @ ${R}!J7`, `fout.invoer @ ${R}!L9`]);
    expect(bad[0].message).toMatch(/^De PB-functie in J7 \(jan in regel 7 \(W-001\)\) geeft #[A-Z!/0?]+; de melding bij de cel zegt welke invoer niet klopt\./);
  });
});

describe("GR-WPB: one message per broken cell", () => {
  const S = "GR-verdeling";
  test.each<[string, Changes, string, string]>([
    ["Midden's deficit covered with 25.000 from a partner", { [S]: { L12: 25_000 } }, `geen.saldering @ ${S}!L12`, ""],
    ["a share typed over: the shares no longer make the GR's costs", { [S]: { D11: 400_000 } }, `formule @ ${S}!D11`, `verdeling.sluit @ ${S}!D31`],
    ["Noord's reservering typed over: 200.000 > 25% × 700.000 = 175.000", { [S]: { I11: 200_000 } }, `formule @ ${S}!I11`, `reservering.max @ ${S}!I11`],
    ["Zuid without budget", { [S]: { G13: null } }, `deelnemers.volledig @ ${S}!G13`, ""],
    ["art. 13 answered 'J'", { [S]: { H11: "J" } }, `invoer @ ${S}!H11`, `janee.geldig @ ${S}!H11`],
    ["data to the municipalities on 16-7-2012", { [S]: { B8: serial("2012-07-16") } }, `deadline.sisa @ ${S}!B8`, ""],
    ["year 2008 is before the WPB", { [S]: { B5: 2008 } }, `invoer @ ${S}!B5`, `jaar.bereik @ ${S}!B5`],
    ["a gemeentecode twice (typed as the number 901: the same code)", { [S]: { A13: 901 } }, `lijst.dubbel @ ${S}!A13`, ""],
  ])("%s", (_name, changes, expected, dependent) => {
    const r = one("GR-WPB", changes);
    expect(r.primary).toBe(expected);
    if (dependent) expect(r.dependents).toContain(dependent);
  });

  test("the netting message names the municipality and the direction; a negative amount is allowed there", () => {
    const r = resultsOf("GR-WPB", { [S]: { L12: -25_000 } }).filter((x) => !x.ok);
    expect(r.map(at)).toEqual([`geen.saldering @ ${S}!L12`]);
    expect(r[0].message).toBe(`Gemeente 0902 heeft ${euro(-25_000)} afgedragen aan andere deelnemers om een tekort of overschot te verrekenen; saldering is niet toegestaan.`);
  });
});

describe("REKENTOOL-PW and LKS-REGISTER: one message per broken cell", () => {
  test.each<[string, string, Changes, string, string]>([
    ["REKENTOOL-PW", "loonwaarde 120%, PB.LKSPERIODE refuses", { Rekentool: { B18: 1.2 } }, "invoer @ Rekentool!B18", "rekentool.fouten @ Rekentool!B26"],
    ["REKENTOOL-PW", "a volume left empty", { Rekentool: { C14: null } }, "invoer.ingevuld @ Rekentool!C14", ""],
    ["REKENTOOL-PW", "year 2014", { Rekentool: { B4: 2014 } }, "invoer @ Rekentool!B4", "jaar.bereik @ Rekentool!B4"],
    ["LKS-REGISTER", "no year", { "LKS-register": { B4: null } }, "jaar.ingevuld @ LKS-register!B4", ""],
    ["LKS-REGISTER", "year 2014", { "LKS-register": { B4: 2014 } }, "invoer @ LKS-register!B4", "jaar.bereik @ LKS-register!B4"],
  ])("%s: %s", (id, _name, changes, expected, dependent) => {
    const r = one(id, changes);
    expect(r.primary).toBe(expected);
    if (dependent) expect(r.dependents).toContain(dependent);
  });
});

describe("evaluator details", () => {
  test("a reader over plain values: Dates (as ExcelJS returns them) are dates; text where a number belongs is reported with its reading", () => {
    const def = getTemplate("GR-WPB")!;
    const cells: Record<string, unknown> = {
      B4: "GR",
      B5: 2011,
      B6: "1000,00",
      B8: new Date(Date.UTC(2012, 6, 16)), // 16-7-2012: one day late
      D31: 1000,
    };
    const res = evaluateChecks(def, { gr: "GR-verdeling" }, (_s, a) => cells[a]);
    expect(res.filter((r) => !r.ok).map((r) => `${r.id}@${r.cell}`)).toEqual(["invoer@B6", "deadline.sisa@B8"]);
    expect(res.find((r) => r.cell === "B6")!.message).toBe('Kosten participatievoorzieningen GR (jaar T) is tekst ("1000,00"), geen getal, en telt zo niet mee. Het lijkt 1.000,00 — typ het als getal, zonder apostrof ervoor.');
  });

  test("errors without a message in every month of every row: one message per row, capped at 25 with a closing line", () => {
    const def = getTemplate("LKS-REGISTER")!;
    const res = evaluateChecks(def, { register: "LKS-register" }, (_s, a) => (/^[J-V]([7-9]|\d\d\d?)$/.test(a) ? { error: "#NUM!" } : a === "B4" ? 2023 : null));
    const errs = res.filter((r) => r.id === "fout.invoer");
    // Rows 7–106 (100 rows) each one message; the totals in row 107 follow from them
    expect(errs).toHaveLength(26);
    expect(errs[0].dependents!.length).toBeGreaterThan(12);
    expect(errs[25].message).toBe("En nog 75 cellen met hetzelfde probleem.");
  });

  test("a template sheet that was deleted is reported with what could not be checked; the other checks run", () => {
    const model = renderTemplate(getTemplate("SISA-PW")!, { example: true });
    const c = compute({ ...model, sheets: [model.sheets[0], { name: "Blad2", cells: [] }] });
    try {
      const found = checkWorkbook(c.sheetNames, c.view);
      const bad = found[0].results.filter((r) => !r.ok);
      expect(bad.map((r) => `${r.id}@${r.sheet}`)).toEqual(["bladen.aanwezig@LKS-register"]);
      expect(bad[0].message).toContain(
        "Niet gecontroleerd: LKS in G2 tegenover het LKS-register, Registerregels volledig, Einddatum niet vóór begindatum, Forfaitaire route ten hoogste 6 maanden, Geen foutwaarden in het register en Registertotaal sluit aan.",
      );
      // The register's norm below G2/09 reads the missing register (#REF!): folded under the missing sheet, not a message of its own
      expect(bad[0].dependents!.map(at)).toContain("bijlage.fouten @ SiSa G2-G3!D25");
      expect(found[0].results.find((r) => r.id === "kop.ingevuld")!.ok).toBe(true);
    } finally {
      c.destroy();
    }
  });

  test("a sheet whose marker was cleared is found by its title, checked, and the marker named", () => {
    const model = renderTemplate(getTemplate("SISA-PW")!, { example: true });
    const bad = withValues(model, { "LKS-register": { A2: null, F7: 1.5 } });
    const c = compute(bad);
    try {
      const found = checkWorkbook(c.sheetNames, c.view);
      expect(found.map((f) => f.instance.def.id)).toEqual(["SISA-PW"]);
      const failures = found[0].results.filter((r) => !r.ok);
      expect(failures.map(at)).toEqual(["markering @ LKS-register!A2", "invoer @ LKS-register!F7"]);
      expect(failures[0].message).toBe(
        'De markering in A2 van blad "LKS-register" ontbreekt. Het blad is herkend aan de titel in A1 en wel gecontroleerd. Zet in A2 terug: PB Rekenkit · sjabloon SISA-PW · versie 1.1.0 · blad register · invoeging 1',
      );
    } finally {
      c.destroy();
    }
  });

  test("a damaged marker is quoted; a register alone without marker is LKS-REGISTER, not half a SISA-PW", () => {
    const model = renderTemplate(getTemplate("LKS-REGISTER")!, { example: true });
    const c = compute(withValues(model, { "LKS-register": { A2: "PB Rekenkit · sjabloon LKS-REG" } }));
    try {
      const found = checkWorkbook(c.sheetNames, c.view);
      expect(found.map((f) => f.instance.def.id)).toEqual(["LKS-REGISTER"]);
      expect(found[0].results.filter((r) => !r.ok).map((r) => r.message)).toEqual([
        'De markering in A2 van blad "LKS-register" is beschadigd ("PB Rekenkit · sjabloon LKS-REG"). Het blad is herkend aan de titel in A1 en wel gecontroleerd. Zet in A2 terug: PB Rekenkit · sjabloon LKS-REGISTER · versie 1.1.0 · blad register · invoeging 1',
      ]);
    } finally {
      c.destroy();
    }
  });

  test("version-aware markers: a 1.0.0 workbook is checked (same layout); an unknown version is named, not checked", () => {
    const model = renderTemplate(getTemplate("GR-WPB")!, { example: true });
    const marker = (v: string) => withValues(model, { "GR-verdeling": { A2: `PB Rekenkit · sjabloon GR-WPB · versie ${v} · blad gr · invoeging 1`, L12: 25_000 } });
    const old = compute(marker("1.0.0"));
    const future = compute(marker("9.0.0"));
    try {
      const a = checkWorkbook(old.sheetNames, old.view)[0];
      expect(a.instance.version).toBe("1.0.0");
      expect(a.results.filter((r) => !r.ok).map(at)).toEqual(["geen.saldering @ GR-verdeling!L12"]);
      const b = checkWorkbook(future.sheetNames, future.view)[0];
      expect(b.results.map(at)).toEqual(["markering @ GR-verdeling!A2"]);
      expect(b.results[0].message).toContain("gemaakt met versie 9.0.0 van GR-WPB; deze PB Rekenkit kent versie 1.1.0 (en leest 1.0.0). Niets is gecontroleerd");
    } finally {
      old.destroy();
      future.destroy();
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
      const found = checkWorkbook(c.sheetNames, c.view);
      expect(found[0].results.filter((r) => !r.ok)).toEqual([]);
      expect(found[1].results.filter((r) => !r.ok).map((r) => `${r.id}@${r.sheet}!${r.cell}`)).toEqual(["geen.saldering@GR-verdeling (2)!L11"]);
    } finally {
      c.destroy();
    }
  });
});

describe("BSN elfproef", () => {
  test.each<[string, boolean]>([
    // 9·1 + 8·1 + 7·1 + 6·2 + 5·2 + 4·2 + 3·3 + 2·3 − 1·3 = 66 = 6 × 11
    ["111222333", true],
    ["111.222.333", true],
    // 9·1 + 8·2 + 7·3 + 6·4 + 5·5 + 4·6 + 3·7 + 2·8 − 1·2 = 154 = 14 × 11
    ["123456782", true],
    // last digit 3: 155, not divisible by 11
    ["123456783", false],
    // 8 digits: a BSN whose leading 0 was lost (012345672 → 0 + 8·1 + 7·2 + 6·3 + 5·4 + 4·5 + 3·6 + 2·7 − 2 = 110)
    ["12345672", true],
    ["W-001", false],
    ["000000000", false],
  ])("%s → %s", (text, expected) => expect(passesElfproef(text)).toBe(expected));
});
