/**
 * Distribution keys of the Besluit participatiebudget (src/rules/verdeling.ts), hand-worked.
 * Every expected amount has its arithmetic written beside it.
 */
import {
  checkTerms,
  inburgeringTerms,
  outputAllocation,
  outputFraction,
  szwMaatstaf,
  verdeelEducatie,
  verdeelInburgering,
  verdeelSzw,
} from "../../../src/rules/verdeling";
import type { Trace } from "../../../src/parameters";
import { errorOf } from "./helpers";

describe("outputAllocation: budget × Σ wᵢ · gemeenteᵢ / landelijkᵢ", () => {
  test("equal weights by default", () => {
    // 0,5 × 10/100 + 0,5 × 20/400 = 0,05 + 0,025 = 0,075; × 1.000.000 = 75.000
    expect(outputFraction({ gemeente: [10, 20], landelijk: [100, 400] })).toBeCloseTo(0.075, 15);
    expect(outputAllocation({ gemeente: [10, 20], landelijk: [100, 400] }, 1_000_000)).toBe(75_000);
  });
  test("given weights", () => {
    // 0,2 × 0,1 + 0,8 × 0,05 = 0,02 + 0,04 = 0,06; × 1.000.000 = 60.000
    expect(outputAllocation({ gemeente: [10, 20], landelijk: [100, 400], gewichten: [0.2, 0.8] }, 1_000_000)).toBe(60_000);
  });
  test("rounded once, to cents", () => {
    // 1/3 × 1.000 = 333,333… → 333,33;  2/3 × 1.000 = 666,666… → 666,67
    expect(outputAllocation({ gemeente: [1], landelijk: [3] }, 1000)).toBe(333.33);
    expect(outputAllocation({ gemeente: [2], landelijk: [3] }, 1000)).toBe(666.67);
  });
  test("a term with weight 0 may have a national total of 0", () => {
    // 1 × 5/10 + 0 × (0/0) = 0,5; × 200 = 100
    expect(outputAllocation({ gemeente: [5, 0], landelijk: [10, 0], gewichten: [1, 0] }, 200)).toBe(100);
  });
  test("weights within 1e-9 of 1 are accepted, further off refused", () => {
    expect(checkTerms({ gemeente: [1, 1], landelijk: [2, 2], gewichten: [0.3, 0.7 + 5e-10] })).toHaveLength(2);
    expect(errorOf(() => checkTerms({ gemeente: [1, 1], landelijk: [2, 2], gewichten: [0.3, 0.7 + 5e-9] })).kind).toBe("weightsNotOne");
  });
  test("bad input classes", () => {
    expect(errorOf(() => outputFraction({ gemeente: [1, 2], landelijk: [3] }))).toEqual({
      code: "#VALUE!",
      kind: "unequalRanges",
      message: "gemeente (2 cellen) en landelijk (1 cellen) moeten even groot zijn.",
    });
    expect(errorOf(() => outputFraction({ gemeente: [0, 1], landelijk: [0, 2] }))).toEqual({
      code: "#VALUE!",
      kind: "zeroNational",
      message: "landelijk: het landelijk totaal op positie 1 is 0; een aandeel daarvan bestaat niet. Verwacht: een totaal groter dan 0.",
    });
    expect(errorOf(() => outputFraction({ gemeente: [1, -1], landelijk: [2, 2] })).message).toBe(
      "gemeente: de waarde -1 op positie 2 is negatief. Verwacht: 0 of meer.",
    );
    expect(errorOf(() => outputFraction({ gemeente: [1, 1], landelijk: [-2, 2] })).message).toBe(
      "landelijk: de waarde -2 op positie 1 is negatief. Verwacht: 0 of meer.",
    );
    expect(errorOf(() => outputFraction({ gemeente: [5], landelijk: [4] }))).toEqual({
      code: "#VALUE!",
      kind: "aboveNational",
      message:
        "gemeente (positie 1): 5 is groter dan het landelijk totaal (landelijk positie 1) 4. Verwacht: een gemeentelijk aantal dat niet groter is dan het landelijke.",
    });
    expect(errorOf(() => outputFraction({ gemeente: [1, 1], landelijk: [2, 2], gewichten: [0.5, 0.6] }))).toEqual({
      code: "#VALUE!",
      kind: "weightsNotOne",
      message: "De gewichten tellen op tot 1,1, niet tot 1. Verwacht: gewichten met som 1 (100%).",
    });
    expect(errorOf(() => outputFraction({ gemeente: [1, 1], landelijk: [2, 2], gewichten: [1.5, -0.5] })).message).toBe(
      "gewichten: de waarde -0,5 op positie 2 is negatief. Verwacht: 0 of meer.",
    );
    expect(errorOf(() => outputFraction({ gemeente: [1, 1], landelijk: [2, 2], gewichten: [1] })).kind).toBe("unequalRanges");
    expect(errorOf(() => outputFraction({ gemeente: [], landelijk: [] })).kind).toBe("emptyRange");
  });
});

// iv, div, epe, tgn, kns, prex, nt2
const G7 = [200, 100, 40, 60, 80, 20, 30];
const N7 = [10_000, 5_000, 4_000, 4_000, 4_000, 4_000, 1_000];

describe("verdeelInburgering (Bpb art. 9, 10; 2012 only)", () => {
  test("the two terms", () => {
    // voorzieningen: 200 + 1,5 × 100 = 350; examens: (40 + 60 + 80 + 20)/4 + 30 = 50 + 30 = 80
    expect(inburgeringTerms(G7, 1.5)).toEqual([350, 80]);
    // landelijk: 10.000 + 1,5 × 5.000 = 17.500; 16.000/4 + 1.000 = 5.000
    expect(inburgeringTerms(N7, 1.5)).toEqual([17_500, 5_000]);
  });
  test("via SiSa: 50% voorzieningen, 50% examens", () => {
    // 0,5 × 350/17.500 + 0,5 × 80/5.000 = 0,5 × 0,02 + 0,5 × 0,016 = 0,018; × 5.000.000 = 90.000
    expect(verdeelInburgering(G7, N7, 5_000_000, true, 2012)).toBe(90_000);
  });
  test("not via SiSa: the municipality's counts count half (art. 10)", () => {
    // 0,5 × 175/17.500 + 0,5 × 40/5.000 = 0,005 + 0,004 = 0,009; × 5.000.000 = 45.000
    expect(verdeelInburgering(G7, N7, 5_000_000, false, 2012)).toBe(45_000);
  });
  test("records the parameter it used", () => {
    const trace: Trace = [];
    verdeelInburgering(G7, N7, 1, true, 2012, trace);
    expect(trace.map((t) => t.name)).toEqual(["verdeling.inburgering"]);
  });
  test("only budget year 2012: 2011 and 2013 are #N/A", () => {
    expect(errorOf(() => verdeelInburgering(G7, N7, 1, true, 2011))).toEqual({
      code: "#N/A",
      kind: "dateOutsideTable",
      message: "Geen waarde voor verdeling.inburgering (de verdeelsleutel inburgering) op 1-1-2011. De tabel loopt van 1-1-2012 tot en met 31-12-2012; kies een peildatum binnen die periode.",
    });
    expect(errorOf(() => verdeelInburgering(G7, N7, 1, true, 2013)).code).toBe("#N/A");
  });
  test("exactly 7 counts, municipality ≤ nation per count, national terms > 0", () => {
    expect(errorOf(() => verdeelInburgering(G7.slice(0, 6), N7, 1, true, 2012))).toEqual({
      code: "#VALUE!",
      kind: "wrongSize",
      message: "gemeente heeft 6 cellen. Verwacht: precies 7 cellen, in deze volgorde: iv, div, epe, tgn, kns, prex, nt2.",
    });
    expect(errorOf(() => verdeelInburgering(G7, [...N7, 1], 1, true, 2012)).message).toMatch(/^landelijk heeft 8 cellen/);
    expect(errorOf(() => verdeelInburgering([200, 100, 40, 60, 80, 20, 3000], N7, 1, true, 2012)).message).toMatch(
      /^gemeente \(positie 7\): 3000 is groter dan het landelijk totaal \(landelijk positie 7\) 1000\./,
    );
    expect(errorOf(() => verdeelInburgering([0, 0, 1, 1, 1, 1, 1], [0, 0, 4, 4, 4, 4, 4], 1, true, 2012))).toEqual({
      code: "#VALUE!",
      kind: "zeroNational",
      message:
        "landelijk (voorzieningen: iv + 1,5 × div): het landelijk totaal op positie 1 is 0; een aandeel daarvan bestaat niet. Verwacht: een totaal groter dan 0.",
    });
  });
});

// O, A, BV, C
const G4 = [1_000, 500, 40, 10];
const N4 = [100_000, 80_000, 2_000, 1_000];

describe("verdeelEducatie (Bpb art. 4, 6; 2013–2014)", () => {
  test("four terms of 25%", () => {
    // 0,25 × (1.000/100.000 + 500/80.000 + 40/2.000 + 10/1.000) = 0,25 × (0,01 + 0,00625 + 0,02 + 0,01)
    //   = 0,25 × 0,04625 = 0,0115625; × 2.000.000 = 23.125
    expect(verdeelEducatie(G4, N4, 2_000_000, true, 2013)).toBe(23_125);
    expect(verdeelEducatie(G4, N4, 2_000_000, true, 2014)).toBe(23_125);
  });
  test("not via SiSa: BV and C are 0 for the municipality (art. 6)", () => {
    // 0,25 × (0,01 + 0,00625 + 0 + 0) = 0,0040625; × 2.000.000 = 8.125
    expect(verdeelEducatie(G4, N4, 2_000_000, false, 2013)).toBe(8_125);
  });
  test("2012 and 2015 are #N/A (the key holds 2013-01-01 up to 2015-01-01)", () => {
    expect(errorOf(() => verdeelEducatie(G4, N4, 1, true, 2012))).toEqual({
      code: "#N/A",
      kind: "dateOutsideTable",
      message: "Geen waarde voor verdeling.educatie (de verdeelsleutel educatie) op 1-1-2012. De tabel loopt van 1-1-2013 tot en met 31-12-2014; kies een peildatum binnen die periode.",
    });
    expect(errorOf(() => verdeelEducatie(G4, N4, 1, true, 2015)).message).toBe(
      "Geen waarde voor verdeling.educatie (de verdeelsleutel educatie) op 1-1-2015. De tabel loopt van 1-1-2013 tot en met 31-12-2014; kies een peildatum binnen die periode.",
    );
  });
  test("exactly 4 values", () => {
    expect(errorOf(() => verdeelEducatie([1, 2, 3], N4, 1, true, 2013)).message).toBe(
      "gemeente heeft 3 cellen. Verwacht: precies 4 cellen, in deze volgorde: O (laagopgeleiden), A (allochtone achtergrond), BV (educatietrajecten bij roc's), C (NT2-certificaten).",
    );
  });
});

describe("verdeelSzw (Bpb art. 2, bijlage 1): (a·OW/OTW + (1−a)·KW/TKW) × TBW", () => {
  const x = { ow: 50, otw: 1000, kw: 30, tkw: 1000, budget: 1_000_000 };
  test("a = 0,67 in 2009", () => {
    // 0,67 × 0,05 + 0,33 × 0,03 = 0,0335 + 0,0099 = 0,0434; × 1.000.000 = 43.400
    expect(verdeelSzw({ ...x, budgetjaar: 2009 })).toBe(43_400);
  });
  test("a = 0,83 in 2010", () => {
    // 0,83 × 0,05 + 0,17 × 0,03 = 0,0415 + 0,0051 = 0,0466; × 1.000.000 = 46.600
    expect(verdeelSzw({ ...x, budgetjaar: 2010 })).toBe(46_600);
  });
  test("a = 1 from 2011 (only the objective part counts; TKW may then be 0)", () => {
    // 1 × 0,05 = 0,05; × 1.000.000 = 50.000
    expect(verdeelSzw({ ...x, budgetjaar: 2011 })).toBe(50_000);
    expect(verdeelSzw({ ...x, budgetjaar: 2014 })).toBe(50_000);
    expect(verdeelSzw({ ...x, kw: 0, tkw: 0, budgetjaar: 2011 })).toBe(50_000);
  });
  test("2008 and 2015 are #N/A", () => {
    expect(errorOf(() => verdeelSzw({ ...x, budgetjaar: 2008 })).code).toBe("#N/A");
    expect(errorOf(() => verdeelSzw({ ...x, budgetjaar: 2015 })).message).toBe(
      "Geen waarde voor verdeling.szw.a (het objectief verdeelde aandeel van het SZW-deel) op 1-1-2015. De tabel loopt van 1-1-2009 tot en met 31-12-2014; kies een peildatum binnen die periode.",
    );
  });
  test("bad input", () => {
    expect(errorOf(() => verdeelSzw({ ...x, kw: 0, tkw: 0, budgetjaar: 2010 }))).toEqual({
      code: "#VALUE!",
      kind: "zeroNational",
      message: "tkw: het landelijk totaal op positie 1 is 0; een aandeel daarvan bestaat niet. Verwacht: een totaal groter dan 0.",
    });
    expect(errorOf(() => verdeelSzw({ ...x, ow: 2000, budgetjaar: 2010 })).message).toBe(
      "ow: 2000 is groter dan het landelijk totaal (otw) 1000. Verwacht: een gemeentelijk aantal dat niet groter is dan het landelijke.",
    );
    expect(errorOf(() => verdeelSzw({ ...x, ow: -1, budgetjaar: 2010 })).message).toBe(
      "ow: -1 valt buiten het toegestane bereik. Verwacht: 0 of meer.",
    );
  });
});

describe("szwMaatstaf (Regeling participatiebudget art. 2)", () => {
  test("weighted sum", () => {
    // 1,62 × 1.000 − 0,20 × 500 − 0,01 × 20.000 + 0,31 × 300 = 1.620 − 100 − 200 + 93 = 1.413
    expect(szwMaatstaf({ bijstand: 1000, ww: 500, beroepsbevolking: 20_000, kwalDiscrepantie: 300 }, 2011)).toBeCloseTo(1413, 9);
  });
  test("negative outcome becomes 0", () => {
    // 1,62 × 10 − 0,20 × 1.000 = 16,2 − 200 = −183,8 → 0
    expect(szwMaatstaf({ bijstand: 10, ww: 1000, beroepsbevolking: 0, kwalDiscrepantie: 0 }, 2011)).toBe(0);
  });
  test("2015 is #N/A", () => {
    expect(errorOf(() => szwMaatstaf({ bijstand: 1, ww: 0, beroepsbevolking: 0, kwalDiscrepantie: 0 }, 2015)).code).toBe("#N/A");
  });
});
