/**
 * The WPB functions through both faces: invoke() (what the headless engine calls) and the Excel wrappers of
 * functions.ts (jest stubs the CustomFunctions global; errors are thrown CustomFunctions.Error with .code).
 * Amounts are hand-worked in tests/rules/wpb; here the same figures come through coercion, ranges and spills.
 */
import { invoke, isErrorResult, type InvokeResult } from "../../../src/functions/invoke";
import * as excel from "../../../src/functions/functions";
import { REGISTRY } from "../../../src/functions/registry";
import { PARAMETERS } from "../../../src/parameters";
import type { RawArg } from "../../../src/functions/contract";
import { DATE, viaExcel } from "../../helpers/excel";


/** Same call through invoke() and through the wrapper; both must agree, and the invoke() result is returned. */
function both(id: string, wrapper: unknown, args: RawArg[]): InvokeResult {
  const r = invoke(id, args);
  const x = viaExcel(() => (wrapper as (...a: RawArg[]) => unknown)(...args));
  if (isErrorResult(r)) expect(x).toEqual({ code: r.error, message: r.message });
  else expect(x).toEqual(r);
  return r;
}

const f =
  (id: string, wrapper: unknown) =>
  (...a: RawArg[]) =>
    both(id, wrapper, a);
const OUTPUTALLOCATION = f("OUTPUTALLOCATION", excel.outputallocation);
const VERDEELINBURGERING = f("VERDEELINBURGERING", excel.verdeelinburgering);
const VERDEELEDUCATIE = f("VERDEELEDUCATIE", excel.verdeeleducatie);
const VERDEELSZW = f("VERDEELSZW", excel.verdeelszw);
const SZWMAATSTAF = f("SZWMAATSTAF", excel.szwmaatstaf);
const MEENEEM = f("MEENEEM", excel.meeneem);
const VOORFINANCIERING = f("VOORFINANCIERING", excel.voorfinanciering);
const TERUGVORDERING = f("TERUGVORDERING", excel.terugvordering);
const VERDEELSLEUTEL = f("VERDEELSLEUTEL", excel.verdeelsleutel);
const DOELGROEP = f("DOELGROEP", excel.doelgroep);
const DEADLINE = f("DEADLINE", excel.deadline);
const BUDGETJAAR = f("BUDGETJAAR", excel.budgetjaar);
const OUTPUTJAAR = f("OUTPUTJAAR", excel.outputjaar);
const LADDER = f("LADDER", excel.ladder);

const code = (r: InvokeResult) => (isErrorResult(r) ? r.error : "ok");

const WPB_IDS = [
  "OUTPUTALLOCATION",
  "VERDEELINBURGERING",
  "VERDEELEDUCATIE",
  "VERDEELSZW",
  "SZWMAATSTAF",
  "MEENEEM",
  "VOORFINANCIERING",
  "TERUGVORDERING",
  "VERDEELSLEUTEL",
  "DOELGROEP",
  "DEADLINE",
  "BUDGETJAAR",
  "OUTPUTJAAR",
  "LADDER",
];

describe("specs", () => {
  test.each(WPB_IDS)("%s: legal basis, known parameters, rule version, example", (id) => {
    const s = REGISTRY.get(id)!;
    expect(s).toBeDefined();
    expect(s.legalBasis.length).toBeGreaterThan(10);
    expect(s.legalBasis).toMatch(/art\.|Geen wet/);
    for (const p of s.parameters) expect(PARAMETERS.has(p)).toBe(true);
    expect(s.ruleVersion).toMatch(/^[a-z]+\/\d+$/);
    expect(s.example.startsWith(`=PB.${id}(`)).toBe(true);
    expect(typeof (excel as Record<string, unknown>)[id.toLowerCase()]).toBe("function");
  });

  /** Arguments of an example formula: numbers, "text", TRUE/FALSE, {a,b;c,d} arrays, DATE(y,m,d). */
  function parseArgs(formula: string): RawArg[] {
    const inner = formula.slice(formula.indexOf("(") + 1, -1);
    const parts: string[] = [];
    let depth = 0;
    let cur = "";
    for (const ch of inner) {
      if (ch === "," && depth === 0) {
        parts.push(cur);
        cur = "";
        continue;
      }
      if (ch === "{" || ch === "(") depth++;
      if (ch === "}" || ch === ")") depth--;
      cur += ch;
    }
    if (cur !== "") parts.push(cur);
    const one = (t: string): RawArg => {
      t = t.trim();
      if (t.startsWith('"')) return t.slice(1, -1);
      if (t === "TRUE" || t === "FALSE") return t === "TRUE";
      if (t.startsWith("{")) return t.slice(1, -1).split(";").map((row) => row.split(",").map(Number));
      const d = /^DATE\((\d+),(\d+),(\d+)\)$/.exec(t);
      if (d) return DATE(Number(d[1]), Number(d[2]), Number(d[3]));
      return Number(t);
    };
    return parts.map(one);
  }

  test.each(WPB_IDS)("%s: the example evaluates without error", (id) => {
    const r = invoke(id, parseArgs(REGISTRY.get(id)!.example));
    expect(r).not.toHaveProperty("error");
  });
});

describe("PB.OUTPUTALLOCATION", () => {
  test("rows, columns and 2-D ranges are read row by row", () => {
    // 0,5 × 10/100 + 0,5 × 20/400 = 0,075 × 1.000.000
    expect(OUTPUTALLOCATION([[10, 20]], [[100, 400]], 1_000_000)).toBe(75_000);
    expect(OUTPUTALLOCATION([[10], [20]], [[100], [400]], 1_000_000)).toBe(75_000);
    // 2×2: each term 1/10 → 0,1 × 1.000
    expect(OUTPUTALLOCATION([[1, 2], [3, 4]], [[10, 20], [30, 40]], 1000)).toBe(100);
    // a column against a row of the same size: sizes match, order row-major
    expect(OUTPUTALLOCATION([[10], [20]], [[100, 400]], 1_000_000)).toBe(75_000);
  });
  test("weights as a range; text numbers with a decimal comma", () => {
    // 0,2 × 0,1 + 0,8 × 0,05 = 0,06
    expect(OUTPUTALLOCATION([[10, 20]], [[100, 400]], "1000000", [["0,2", "80%"]])).toBe(60_000);
  });
  test("a single cell is a range of one", () => {
    // 1/3 × 1.000 = 333,33
    expect(OUTPUTALLOCATION(1, 3, 1000)).toBe(333.33);
  });
  test("bad input, with its Dutch message", () => {
    expect(OUTPUTALLOCATION([[1, 2]], [[1, 2, 3]], 100)).toEqual({
      error: "#VALUE!",
      message: "gemeente (2 cellen) en landelijk (3 cellen) moeten even groot zijn.",
    });
    expect(OUTPUTALLOCATION([[0, 1]], [[0, 2]], 100)).toEqual({
      error: "#VALUE!",
      message: "landelijk: het landelijk totaal op positie 1 is 0; een aandeel daarvan bestaat niet. Verwacht: een totaal groter dan 0.",
    });
    expect(OUTPUTALLOCATION([[-1, 1]], [[2, 2]], 100)).toEqual({
      error: "#VALUE!",
      message: "gemeente: de waarde -1 op positie 1 is negatief. Verwacht: 0 of meer.",
    });
    expect(OUTPUTALLOCATION([[3]], [[2]], 100)).toEqual({
      error: "#VALUE!",
      message:
        "gemeente (positie 1): 3 is groter dan het landelijk totaal (landelijk positie 1) 2. Verwacht: een gemeentelijk aantal dat niet groter is dan het landelijke.",
    });
    expect(OUTPUTALLOCATION([[1, 1]], [[2, 2]], 100, [[0.5, 0.6]])).toEqual({
      error: "#VALUE!",
      message: "De gewichten tellen op tot 1,1, niet tot 1. Verwacht: gewichten met som 1 (100%).",
    });
    expect(OUTPUTALLOCATION([[1, { error: "#DIV/0!" }]], [[2, 2]], 100)).toEqual({
      error: "#VALUE!",
      message: "gemeente bevat de fout #DIV/0!. Herstel eerst die cel.",
    });
    expect(OUTPUTALLOCATION([[1, "abc"]], [[2, 2]], 100)).toEqual({
      error: "#VALUE!",
      message: 'gemeente: "abc" is geen getal. Verwacht: een getal, bijvoorbeeld 0,6 of 38.',
    });
    expect(OUTPUTALLOCATION([[1]], [[2]], -5)).toEqual({
      error: "#VALUE!",
      message: "budget: -5 valt buiten het toegestane bereik. Verwacht: 0 tot en met 1000000000000.",
    });
    expect(OUTPUTALLOCATION(null, [[2]], 5)).toEqual({ error: "#VALUE!", message: "gemeente ontbreekt. Dit argument is verplicht." });
  });
});

// iv, div, epe, tgn, kns, prex, nt2 as one row; landelijk as a column (same size, read in the same order)
const G7 = [[200, 100, 40, 60, 80, 20, 30]];
const N7 = [[10_000], [5_000], [4_000], [4_000], [4_000], [4_000], [1_000]];

describe("PB.VERDEELINBURGERING", () => {
  test("2012 by default, via SiSa by default", () => {
    // 0,5 × 350/17.500 + 0,5 × 80/5.000 = 0,018 × 5.000.000
    expect(VERDEELINBURGERING(G7, N7, 5_000_000)).toBe(90_000);
    expect(VERDEELINBURGERING(G7, N7, 5_000_000, true, 2012)).toBe(90_000);
  });
  test("via_sisa ONWAAR (also as text): half the counts", () => {
    expect(VERDEELINBURGERING(G7, N7, 5_000_000, false)).toBe(45_000);
    expect(VERDEELINBURGERING(G7, N7, 5_000_000, "Nee")).toBe(45_000);
  });
  test("other budget years are #N/A", () => {
    expect(code(VERDEELINBURGERING(G7, N7, 5_000_000, true, 2011))).toBe("#N/A");
    expect(VERDEELINBURGERING(G7, N7, 5_000_000, true, 2013)).toEqual({
      error: "#N/A",
      message: "Geen waarde voor verdeling.inburgering (de verdeelsleutel inburgering) op 1-1-2013. De tabel loopt van 1-1-2012 tot en met 31-12-2012; kies een peildatum binnen die periode.",
    });
  });
  test("wrong number of counts", () => {
    expect(VERDEELINBURGERING([[1, 2, 3]], N7, 1)).toEqual({
      error: "#VALUE!",
      message: "gemeente heeft 3 cellen. Verwacht: precies 7 cellen, in deze volgorde: iv, div, epe, tgn, kns, prex, nt2.",
    });
  });
  test("via_sisa that is not a boolean", () => {
    expect(VERDEELINBURGERING(G7, N7, 1, "misschien")).toEqual({
      error: "#VALUE!",
      message: 'via_sisa: "misschien" is geen WAAR/ONWAAR. Verwacht: WAAR, ONWAAR, "Ja" of "Nee".',
    });
  });
});

describe("PB.VERDEELEDUCATIE", () => {
  const G4 = [[1_000, 500, 40, 10]];
  const N4 = [[100_000, 80_000, 2_000, 1_000]];
  test("2013 and 2014; not via SiSa the output terms are 0", () => {
    // 0,25 × (0,01 + 0,00625 + 0,02 + 0,01) × 2.000.000 = 23.125
    expect(VERDEELEDUCATIE(G4, N4, 2_000_000, true, 2013)).toBe(23_125);
    expect(VERDEELEDUCATIE(G4, N4, 2_000_000, null, 2014)).toBe(23_125);
    // 0,25 × (0,01 + 0,00625) × 2.000.000 = 8.125
    expect(VERDEELEDUCATIE(G4, N4, 2_000_000, false, 2014)).toBe(8_125);
  });
  test("budgetjaar is required", () => {
    expect(VERDEELEDUCATIE(G4, N4, 2_000_000, true)).toEqual({ error: "#VALUE!", message: "budgetjaar ontbreekt. Dit argument is verplicht." });
  });
  test("2012 and 2015: #N/A", () => {
    expect(code(VERDEELEDUCATIE(G4, N4, 2_000_000, true, 2012))).toBe("#N/A");
    expect(code(VERDEELEDUCATIE(G4, N4, 2_000_000, true, 2015))).toBe("#N/A");
  });
  test("budgetjaar not a whole year", () => {
    expect(VERDEELEDUCATIE(G4, N4, 2_000_000, true, 2013.5)).toEqual({
      error: "#VALUE!",
      message: "budgetjaar: 2013,5 is geen geheel getal. Verwacht: een geheel getal.",
    });
  });
});

describe("PB.VERDEELSZW and PB.SZWMAATSTAF", () => {
  test("a by year", () => {
    expect(VERDEELSZW(50, 1000, 30, 1000, 1_000_000, 2009)).toBe(43_400); // 0,67 × 0,05 + 0,33 × 0,03
    expect(VERDEELSZW(50, 1000, 30, 1000, 1_000_000, 2010)).toBe(46_600); // 0,83 × 0,05 + 0,17 × 0,03
    expect(VERDEELSZW(50, 1000, 30, 1000, 1_000_000, 2011)).toBe(50_000); // 1 × 0,05
    expect(code(VERDEELSZW(50, 1000, 30, 1000, 1_000_000, 2015))).toBe("#N/A");
  });
  test("maatstaf", () => {
    // 1,62 × 1.000 − 0,20 × 500 − 0,01 × 20.000 + 0,31 × 300 = 1.413
    expect(SZWMAATSTAF(1000, 500, 20_000, 300, 2011)).toBeCloseTo(1413, 9);
    expect(SZWMAATSTAF(10, 1000, 0, 0, 2011)).toBe(0);
    expect(SZWMAATSTAF(-1, 0, 0, 0, 2011)).toEqual({
      error: "#VALUE!",
      message: "bijstand: -1 valt buiten het toegestane bereik. Verwacht: 0 of meer.",
    });
  });
});

describe("PB.MEENEEM, PB.VOORFINANCIERING, PB.TERUGVORDERING", () => {
  test("meeneem", () => {
    expect(MEENEEM(1_000_000, 700_000, 2010)).toBe(250_000);
    expect(MEENEEM(1_000_000, 600_000, 2009, true)).toBe(312_500); // 31,25% (art. 13, 2009)
    expect(MEENEEM(1_000_000, 600_000, 2010, "WAAR")).toBe(250_000); // 25% from 2010
    expect(MEENEEM(1_000_000, 600_000, 2015)).toEqual({
      error: "#N/A",
      message: "Geen waarde voor meeneem.reservering (de meeneemregeling) op 1-1-2015. De tabel loopt van 1-1-2009 tot en met 31-12-2014; kies een peildatum binnen die periode.",
    });
    expect(MEENEEM(1_000_000, 600_000, "twintig tien")).toEqual({
      error: "#VALUE!",
      message: 'jaar: "twintig tien" is geen getal. Verwacht: een getal, bijvoorbeeld 0,6 of 38.',
    });
    expect(MEENEEM(1_000_000, -1, 2010)).toEqual({
      error: "#VALUE!",
      message: "besteding: -1 valt buiten het toegestane bereik. Verwacht: 0 tot en met 1000000000000.",
    });
  });
  test("voorfinanciering", () => {
    expect(VOORFINANCIERING(1_000_000, 1_100_000, 2011)).toBe(100_000);
    expect(VOORFINANCIERING(1_000_000, 1_400_000, 2011)).toBe(250_000);
    expect(code(VOORFINANCIERING(1_000_000, 1_400_000, 2015))).toBe("#N/A");
  });
  test("terugvordering", () => {
    expect(TERUGVORDERING(1_000_000, 600_000, 2010)).toBe(150_000);
    expect(TERUGVORDERING(1_000_000, 600_000, 2009, true)).toBe(87_500);
    // onrechtmatig 100.000 is reclaimed in full; the unspent 200.000 is within the 25% reservering
    expect(TERUGVORDERING(1_000_000, 800_000, 2010, false, 100_000)).toBe(100_000);
    expect(TERUGVORDERING(100, 50, 2010, false, 60)).toEqual({
      error: "#VALUE!",
      message: "onrechtmatig: 60 is groter dan de besteding 50. Verwacht: het onrechtmatig bestede deel van de besteding (ten hoogste de besteding)",
    });
    expect(code(TERUGVORDERING(100, 50, 2015))).toBe("#N/A");
  });
});

describe("PB.VERDEELSLEUTEL spills in the shape of the keys", () => {
  test("row, column, block", () => {
    expect(VERDEELSLEUTEL(100, [[1, 1, 1]])).toEqual([[33.34, 33.33, 33.33]]);
    expect(VERDEELSLEUTEL(100, [[1], [1], [1]])).toEqual([[33.34], [33.33], [33.33]]);
    expect(VERDEELSLEUTEL(10, [[1, 2], [3, 4]])).toEqual([[1, 2], [3, 4]]);
    expect(VERDEELSLEUTEL(-100, [[1, 1, 1]])).toEqual([[-33.34, -33.33, -33.33]]);
  });
  test("an empty key cell gets 0", () => {
    expect(VERDEELSLEUTEL(1, [[1, null, 1]])).toEqual([[0.5, 0, 0.5]]);
  });
  test("bad keys", () => {
    expect(VERDEELSLEUTEL(1, [[0, 0]])).toEqual({
      error: "#VALUE!",
      message: "sleutels: alle waarden zijn 0; er valt niets te verdelen. Verwacht: minstens één waarde groter dan 0.",
    });
    expect(VERDEELSLEUTEL(1, [[1, -2]])).toEqual({
      error: "#VALUE!",
      message: "sleutels: de waarde -2 op positie 2 is negatief. Verwacht: 0 of meer.",
    });
  });
});

describe("PB.DOELGROEP", () => {
  test("dates as serials or text; soort case-insensitive", () => {
    expect(DOELGROEP(DATE(1994, 6, 30), DATE(2012, 6, 30))).toBe(true);
    expect(DOELGROEP("1-7-1994", "30-6-2012")).toBe(false);
    expect(DOELGROEP("1994-07-01", "2012-06-30", "Ja")).toBe(true);
    expect(DOELGROEP("1994-07-01", "2012-06-30", true, "Educatie")).toBe(false);
    expect(DOELGROEP("1996-06-30", "2012-06-30", false, "re-integratie", true)).toBe(true);
    expect(DOELGROEP("1996-06-30", "2012-06-30", false, "re-integratie", "Nee")).toBe(false);
    expect(DOELGROEP("1996-07-01", "2012-06-30", false, "re-integratie")).toBe(false);
  });
  test("errors", () => {
    expect(DOELGROEP("2013-01-01", "2012-06-30")).toEqual({
      error: "#VALUE!",
      message: "geboortedatum: 2013-01-01 ligt na de peildatum 2012-06-30. Verwacht: een geboortedatum op of vóór de peildatum",
    });
    expect(code(DOELGROEP("1980-01-01", "2015-01-01"))).toBe("#N/A");
    expect(DOELGROEP("1980-01-01", "2012-06-30", false, "werk")).toEqual({
      error: "#VALUE!",
      message: 'soort: "werk" is geen geldige keuze. Verwacht: "algemeen", "educatie", "re-integratie".',
    });
  });
});

describe("PB.DEADLINE, PB.BUDGETJAAR, PB.OUTPUTJAAR, PB.LADDER", () => {
  test("deadlines as Excel serials", () => {
    expect(DEADLINE(2012)).toBe(DATE(2013, 7, 15));
    expect(DEADLINE(2012, "terugvordering")).toBe(41670); // DATE(2014,1,31) = 41640 + 30
    expect(DEADLINE(2012, "TERUGVORDERING-GR")).toBe(DATE(2015, 1, 31));
    expect(DEADLINE(2012, "beeld")).toBe(DATE(2013, 2, 28));
    expect(DEADLINE(2012, "vaststelling")).toBe(DATE(2011, 9, 30));
    expect(DEADLINE(2012, "sisa-gr")).toBe(DATE(2013, 7, 15));
    expect(code(DEADLINE(2015, "beeld"))).toBe("#N/A");
    // Participatiewet: the BUIG budget of 2016 is known by 1-10-2015 = serial 42278; SiSa data over 2016 by 15-8-2017 = 42962.
    expect(DEADLINE(2016, "buig")).toBe(42278);
    expect(DEADLINE(2016, "sisa-buig")).toBe(42962);
    expect(code(DEADLINE(2014, "buig"))).toBe("#N/A");
    expect(code(DEADLINE(2009, "vaststelling"))).toBe("#N/A");
    expect(DEADLINE(2012, "jaarrekening")).toEqual({
      error: "#VALUE!",
      message:
        'soort: "jaarrekening" is geen geldige keuze. Verwacht: "sisa", "sisa-gr", "beeld", "vaststelling", "terugvordering", "terugvordering-gr", "buig", "sisa-buig".',
    });
  });
  test("output lag", () => {
    expect(BUDGETJAAR(2010)).toBe(2012);
    expect(OUTPUTJAAR(2012)).toBe(2010);
    expect(code(BUDGETJAAR(2006))).toBe("#N/A");
    expect(code(OUTPUTJAAR(2008))).toBe("#N/A");
  });
  test("ladder", () => {
    expect(LADDER(5)).toBe("Betaald werk met ondersteuning");
    expect(LADDER("1")).toBe("Geïsoleerd");
    expect(LADDER(0)).toEqual({ error: "#VALUE!", message: "trede: 0 valt buiten het toegestane bereik. Verwacht: 1 tot en met 6." });
    expect(LADDER(2.5)).toEqual({ error: "#VALUE!", message: "trede: 2,5 is geen geheel getal. Verwacht: een geheel getal." });
  });
});
