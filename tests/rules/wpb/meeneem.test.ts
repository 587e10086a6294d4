/** Meeneemregeling, voorfinanciering and terugvordering (Bpb art. 12; Wpb art. 4 lid 2), hand-worked. */
import { meeneem, terugvordering, terugvorderingDetail, voorfinanciering } from "../../../src/rules/meeneem";
import { errorOf } from "./helpers";

describe("meeneem: MIN(MAX(budget − besteding, 0), pct × budget)", () => {
  test("underspend below the 25% cap is reserved whole", () => {
    // 1.000.000 − 900.000 = 100.000 ≤ 250.000
    expect(meeneem({ budget: 1_000_000, besteding: 900_000, jaar: 2010 })).toBe(100_000);
  });
  test("underspend above the cap is capped at 25%", () => {
    // MIN(300.000, 0,25 × 1.000.000 = 250.000) = 250.000
    expect(meeneem({ budget: 1_000_000, besteding: 700_000, jaar: 2010 })).toBe(250_000);
  });
  test("overspend reserves nothing", () => {
    expect(meeneem({ budget: 1_000_000, besteding: 1_100_000, jaar: 2012 })).toBe(0);
  });
  test("art. 13 municipalities: 31,25% in 2009, 25% from 2010", () => {
    // 2009: MIN(400.000, 0,3125 × 1.000.000 = 312.500) = 312.500
    expect(meeneem({ budget: 1_000_000, besteding: 600_000, jaar: 2009, art13: true })).toBe(312_500);
    // 2009 without art. 13: MIN(400.000, 250.000)
    expect(meeneem({ budget: 1_000_000, besteding: 600_000, jaar: 2009 })).toBe(250_000);
    // 2010 with art. 13: back to 25%
    expect(meeneem({ budget: 1_000_000, besteding: 600_000, jaar: 2010, art13: true })).toBe(250_000);
  });
  test("rounded to cents at the end", () => {
    // 1.234,567 − 1.000 = 234,567 ≤ 0,25 × 1.234,567 = 308,64…; → 234,57
    expect(meeneem({ budget: 1234.567, besteding: 1000, jaar: 2011 })).toBe(234.57);
  });
  test("2014 is the last year; 2015 and 2008 are #N/A", () => {
    expect(meeneem({ budget: 100, besteding: 0, jaar: 2014 })).toBe(25);
    expect(errorOf(() => meeneem({ budget: 100, besteding: 0, jaar: 2015 }))).toEqual({
      code: "#N/A",
      kind: "dateOutsideTable",
      message: "Geen waarde voor meeneem.reservering (de meeneemregeling) op 1-1-2015. De tabel loopt van 1-1-2009 tot en met 31-12-2014; kies een peildatum binnen die periode.",
    });
    expect(errorOf(() => meeneem({ budget: 100, besteding: 0, jaar: 2015, art13: true })).message).toMatch(/meeneem\.reservering\.art13 \(de meeneemregeling voor gemeenten van art\. 13\) op 1-1-2015/);
    expect(errorOf(() => meeneem({ budget: 100, besteding: 0, jaar: 2008 })).code).toBe("#N/A");
  });
  test("negative amounts refused", () => {
    expect(errorOf(() => meeneem({ budget: -1, besteding: 0, jaar: 2010 })).message).toBe(
      "budget: -1 valt buiten het toegestane bereik. Verwacht: 0 of meer.",
    );
    expect(errorOf(() => meeneem({ budget: 1, besteding: -5, jaar: 2010 })).message).toBe(
      "besteding: -5 valt buiten het toegestane bereik. Verwacht: 0 of meer.",
    );
  });
});

describe("voorfinanciering: MIN(MAX(besteding − budget, 0), 25% × budget)", () => {
  test("overspend below, at and above the cap; underspend", () => {
    // 1.100.000 − 1.000.000 = 100.000 ≤ 250.000
    expect(voorfinanciering({ budget: 1_000_000, besteding: 1_100_000, jaar: 2011 })).toBe(100_000);
    // MIN(400.000, 250.000)
    expect(voorfinanciering({ budget: 1_000_000, besteding: 1_400_000, jaar: 2011 })).toBe(250_000);
    expect(voorfinanciering({ budget: 1_000_000, besteding: 900_000, jaar: 2011 })).toBe(0);
  });
  test("2015 is #N/A", () => {
    expect(errorOf(() => voorfinanciering({ budget: 1, besteding: 2, jaar: 2015 })).message).toMatch(/^Geen waarde voor meeneem\.voorfinanciering \(de voorfinanciering\) op 1-1-2015/);
  });
  test("art. 12 lid 3: 31,25% in 2009 for a college of Wpb art. 13, 25% from 2010", () => {
    // MIN(400.000, 0,3125 × 1.000.000 = 312.500)
    expect(voorfinanciering({ budget: 1_000_000, besteding: 1_400_000, jaar: 2009, art13: true })).toBe(312_500);
    // the same overspend without art. 13: MIN(400.000, 250.000)
    expect(voorfinanciering({ budget: 1_000_000, besteding: 1_400_000, jaar: 2009 })).toBe(250_000);
    // 2010: art. 13 no longer matters
    expect(voorfinanciering({ budget: 1_000_000, besteding: 1_400_000, jaar: 2010, art13: true })).toBe(250_000);
  });
});

describe("terugvordering: MAX(budget − rechtmatig − reservering, 0)", () => {
  test("underspend above the reservering is reclaimed", () => {
    // onderbesteding 1.000.000 − 600.000 = 400.000; reservering 250.000; terug 150.000
    expect(terugvordering({ budget: 1_000_000, besteding: 600_000, jaar: 2010 })).toBe(150_000);
  });
  test("art. 13 in 2009", () => {
    // 400.000 − 312.500 = 87.500
    expect(terugvordering({ budget: 1_000_000, besteding: 600_000, jaar: 2009, art13: true })).toBe(87_500);
  });
  test("onrechtmatig is reclaimed in full; only money really left unspent can be reserved", () => {
    // rechtmatig 800.000 − 100.000 = 700.000; onderbesteding 1.000.000 − 700.000 = 300.000;
    // reservering on the unspent 1.000.000 − 800.000 = 200.000 (≤ 250.000); terug 300.000 − 200.000 = 100.000 = the onrechtmatig part
    expect(terugvorderingDetail({ budget: 1_000_000, besteding: 800_000, onrechtmatig: 100_000, jaar: 2010 })).toEqual({
      rechtmatig: 700_000,
      onderbesteding: 300_000,
      reservering: 200_000,
      terugvordering: 100_000,
    });
    expect(terugvordering({ budget: 1_000_000, besteding: 800_000, onrechtmatig: 100_000, jaar: 2010 })).toBe(100_000);
    // Full spending, 400.000 of it onrechtmatig: nothing unspent to reserve, so all 400.000 is reclaimed
    expect(terugvordering({ budget: 1_000_000, besteding: 1_000_000, onrechtmatig: 400_000, jaar: 2012 })).toBe(400_000);
    // Overspent by 100.000 with 50.000 onrechtmatig: lawful spending 1.050.000 covers the budget, nothing reclaimed
    expect(terugvordering({ budget: 1_000_000, besteding: 1_100_000, onrechtmatig: 50_000, jaar: 2011 })).toBe(0);
  });
  test("no underspend, nothing reclaimed", () => {
    expect(terugvordering({ budget: 1_000_000, besteding: 1_200_000, jaar: 2013 })).toBe(0);
  });
  test("onrechtmatig above besteding, or negative, is an error", () => {
    expect(errorOf(() => terugvordering({ budget: 100, besteding: 50, onrechtmatig: 60, jaar: 2010 }))).toEqual({
      code: "#VALUE!",
      kind: "invalid",
      message: "onrechtmatig: 60 is groter dan de besteding 50. Verwacht: het onrechtmatig bestede deel van de besteding (ten hoogste de besteding)",
    });
    expect(errorOf(() => terugvordering({ budget: 100, besteding: 50, onrechtmatig: -1, jaar: 2010 })).kind).toBe("outOfRange");
  });
  test("half cents: reservering and terugvordering still add up to the onderbesteding", () => {
    // budget 0,02: onderbesteding 0,02; reservering MIN(0,02, 0,005) = 0,005 → 0,01 (half away from zero); terug 0,02 − 0,01 = 0,01
    expect(meeneem({ budget: 0.02, besteding: 0, jaar: 2010 })).toBe(0.01);
    expect(terugvordering({ budget: 0.02, besteding: 0, jaar: 2010 })).toBe(0.01);
  });
  test("2015 is #N/A", () => {
    expect(errorOf(() => terugvordering({ budget: 1, besteding: 0, jaar: 2015 })).code).toBe("#N/A");
  });
});
