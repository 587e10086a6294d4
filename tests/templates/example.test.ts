/**
 * Every template, rendered with its worked example and recalculated by the headless engine (the `pb recalc` engine,
 * in-process), gives the figures worked out by hand below, and passes all its own checks.
 */
import { getTemplate } from "../../src/templates";
import { checkWorkbook } from "../../src/templates/checks";
import { renderTemplate } from "../../src/templates/render";
import { isoToSerial } from "../../src/rules/dates";
import { compute, type Computed } from "./helpers";

function run(id: string): Computed {
  return compute(renderTemplate(getTemplate(id)!, { example: true }));
}

function passesAllChecks(c: Computed): void {
  const found = checkWorkbook(c.sheetNames, c.read);
  expect(found).toHaveLength(1);
  expect(found[0].results.filter((r) => !r.ok)).toEqual([]);
}

describe("SISA-WPB worked example (2012, art. 13: Nee)", () => {
  const c = run("SISA-WPB");
  afterAll(() => c.destroy());
  const W = "Werkblad WPB";
  const B = "SiSa WPB";

  test("besteding 600.000 + 150.000 + 80.000 + 20.000 = 850.000; minus baten 10.000 = 840.000 ten laste van het budget", () => {
    expect(c.value(W, "B13")).toBe(850_000);
    expect(c.value(W, "B15")).toBe(840_000);
  });
  test("onderbesteding 1.000.000 − 840.000 = 160.000 ≤ 25% × 1.000.000 = 250.000: all reserved, nothing reclaimed", () => {
    expect(c.value(W, "B20")).toBe(160_000);
    expect(c.value(W, "B21")).toBe(0);
    expect(c.value(W, "B22")).toBe(0);
    expect(c.value(W, "B23")).toBe(0);
    expect(c.value(W, "B24")).toBe(250_000);
  });
  test("the annex takes the working sheet's figures; output counts apply in 2012 (inburgering ≥ 2010, educatie ≥ 2011)", () => {
    expect([15, 16, 17, 18, 19, 20].map((r) => c.value(B, `D${r}`))).toEqual([850_000, 10_000, 80_000, 160_000, 0, 0]);
    expect(c.value(B, "E21")).toBe("Ja");
    expect(c.value(B, "E28")).toBe("Ja");
    expect(c.value(B, "C11")).toBe("Wet participatiebudget (WPB) 2012");
  });
  test("deadlines: SiSa 15-7-2013, beeld van de uitvoering 28-2-2013", () => {
    expect(c.value(B, "B7")).toBe(isoToSerial("2013-07-15"));
    expect(c.value(W, "B28")).toBe(isoToSerial("2013-02-28"));
  });
  test("all checks pass", () => passesAllChecks(c));
});

describe("LKS-REGISTER worked example (2023): the amount as determined, re-set on 1 January, not on 1 July", () => {
  const c = run("LKS-REGISTER");
  afterAll(() => c.destroy());
  const R = "LKS-register";
  const months = (r: number) => ["J", "K", "L", "M", "N", "O", "P", "Q", "R", "S", "T", "U"].map((col) => c.value(R, `${col}${r}`));

  test("W-001 from 1-1-2023, LW 40%, 38/38 h: determined on 1-1 at 1.934,40 × 1,08 × 0,6 × 1,235 = 1.548,06, all year (the WML rise of 1-7 waits for 1-1-2024)", () => {
    expect(months(7)).toEqual(Array(12).fill(1548.06));
    // 12 × 1.548,06 = 18.576,72 (each month rounded; one period call would give 18.576,74)
    expect(c.value(R, "V7")).toBeCloseTo(18576.72, 2);
  });
  test("W-002 from 1-7, LW 60%, 36/38 h: determined on 1-7 at 1.995,00 × 1,08 × 0,4 × 1,235 × 36/38 = 1.008,35 a month, 6.050,10 for the half year", () => {
    expect(c.value(R, "O8")).toBe(0);
    expect(c.value(R, "P8")).toBeCloseTo(1008.35, 2);
    expect(c.value(R, "V8")).toBeCloseTo(6050.1, 2);
  });
  test("W-003, 16-3 to 15-6, LW 50%, age 20 (1.547,50): month 1.547,50 × 1,08 × 0,5 × 1,235 = 1.032,03; March × 16/31, June × 15/30", () => {
    expect(c.value(R, "L9")).toBeCloseTo(532.66, 2); // 1.032,02775 × 16/31 = 532,66
    expect(c.value(R, "M9")).toBeCloseTo(1032.03, 2);
    expect(c.value(R, "O9")).toBeCloseTo(516.01, 2); // 1.032,02775 × 15/30 = 516,01
    expect(c.value(R, "V9")).toBeCloseTo(3112.73, 2); // 532,66 + 2 × 1.032,03 + 516,01
  });
  test("W-004 forfaitair from 1-9-2023 (lid 5): 50% × 1.995,00 × 1,08 × 1,235 = 1.330,4655 → 1.330,47 a month, Sep–Dec 5.321,88", () => {
    expect(months(10).slice(0, 8)).toEqual(Array(8).fill(0));
    expect(months(10).slice(8)).toEqual(Array(4).fill(1330.47));
    expect(c.value(R, "V10")).toBeCloseTo(5321.88, 2);
  });
  test("W-005 from 2021 at LW 55%, 32 h: re-set on 1-1-2023 at 1.934,40 × 1,08 × 0,45 × 1,235 × 32/38 = 977,72 for Jan–Sep; new loonwaarde 45% from 1-10 (a new row): 1.995,00 × 1,08 × 0,55 × 1,235 × 32/38 = 1.232,43", () => {
    expect(months(11)).toEqual([...Array(9).fill(977.72), 0, 0, 0]);
    expect(c.value(R, "V11")).toBeCloseTo(8799.48, 2); // 9 × 977,72
    expect(months(12)).toEqual([...Array(9).fill(0), 1232.43, 1232.43, 1232.43]);
    expect(c.value(R, "V12")).toBeCloseTo(3697.29, 2); // 3 × 1.232,43
  });
  test("total 18.576,72 + 6.050,10 + 3.112,73 + 5.321,88 + 8.799,48 + 3.697,29 = 45.558,20; empty rows are 0, not errors", () => {
    expect(c.value(R, "V107")).toBeCloseTo(45558.2, 2);
    expect(c.value(R, "V50")).toBe(0);
    expect(c.value(R, "J4")).toBe(isoToSerial("2023-01-01"));
    expect(c.value(R, "K5")).toBe(isoToSerial("2023-02-28"));
  });
  test("all checks pass", () => passesAllChecks(c));
});

describe("SISA-PW worked example (2023)", () => {
  const c = run("SISA-PW");
  afterAll(() => c.destroy());
  const A = "SiSa G2-G3";
  test("G2/09 holds the booked LKS; below it the register's norm 45.558,20, the difference 0 and room for an explanation; titles carry the year", () => {
    expect(c.value(A, "D24")).toBe(45558.2);
    expect(c.value(A, "D25")).toBeCloseTo(45558.2, 2);
    expect(c.value(A, "D26")).toBeCloseTo(0, 2);
    expect(c.value("LKS-register", "B4")).toBe(2023);
    expect(c.value(A, "C12")).toBe("Gebundelde uitkering op grond van artikel 69 Participatiewet gemeentedeel 2023");
    expect(c.value(A, "B7")).toBe(isoToSerial("2024-07-15"));
  });
  test("all checks pass", () => passesAllChecks(c));
});

describe("REKENTOOL-PW worked example (2023)", () => {
  const c = run("REKENTOOL-PW");
  afterAll(() => c.destroy());
  const S = "Rekentool";
  test("scenario A (1.000 / 40 / 60 / 10): P = 1.300.000 + 44.000 + 240.000 + 85.000 = 1.669.000; I = 14.500.000 + 400.000 + 600.000 + 145.000 = 15.645.000; U = 1.110 × 2.600 = 2.886.000", () => {
    expect([21, 22, 23, 24].map((r) => c.value(S, `B${r}`))).toEqual([1_669_000, 15_645_000, 2_886_000, 20_200_000]);
  });
  test("scenario B (950 / 40 / 110 / 10) and C (900 / 30 / 50 / 8)", () => {
    // B: 1.235.000 + 44.000 + 440.000 + 85.000; 13.775.000 + 400.000 + 1.100.000 + 145.000; 1.110 × 2.600
    expect([21, 22, 23, 24].map((r) => c.value(S, `C${r}`))).toEqual([1_804_000, 15_420_000, 2_886_000, 20_110_000]);
    // C: 1.170.000 + 33.000 + 200.000 + 68.000; 13.050.000 + 300.000 + 500.000 + 116.000; 988 × 2.600
    expect([21, 22, 23, 24].map((r) => c.value(S, `D${r}`))).toEqual([1_471_000, 13_966_000, 2_568_800, 18_005_800]);
  });
  // One place from 1 January: determined on 1-1-2023 and not re-set before 1-1-2024 (Pwet art. 10d lid 7), so the WML rise
  // of 1 July 2023 does not reach it: twelve times the January amount.
  test("LKS a place, 2023, LW 60%, 36/38 h: 12 × (1.934,40 × 1,08 × 0,4 × 1,235 × 36/38 = 977,723136) = 11.732,677632 → 11.732,68", () => {
    expect(c.value(S, "B26")).toBeCloseTo(11732.68, 2);
    expect(c.value(S, "B27")).toBeCloseTo(703_960.8, 2); // 60 × 11.732,68
    expect(c.value(S, "B29")).toBeCloseTo(-103_960.8, 2); // 60 × 10.000 − 703.960,80
  });
  test("LW 40%: 12 × 1.548,0616 × 36/38 = 17.599,02; LW 50% at 32 h: 12 × 1.290,05136 × 32/38 = 13.036,31", () => {
    expect(c.value(S, "C26")).toBeCloseTo(17599.02, 2);
    expect(c.value(S, "C29")).toBeCloseTo(1_100_000 - 110 * 17599.02, 2);
    expect(c.value(S, "D26")).toBeCloseTo(13036.31, 2);
    expect(c.value(S, "D29")).toBeCloseTo(500_000 - 50 * 13036.31, 2);
  });
  test("WML reference 1-7-2023 is 1.995,00", () => expect(c.value(S, "D4")).toBe(1995));
  test("all checks pass", () => passesAllChecks(c));
});

describe("GR-WPB worked example (2011)", () => {
  const c = run("GR-WPB");
  afterAll(() => c.destroy());
  const S = "GR-verdeling";
  test("1.000.000 over keys 50.000 / 30.000 / 20.000 = 500.000 / 300.000 / 200.000, summing exactly", () => {
    expect([11, 12, 13].map((r) => c.value(S, `D${r}`))).toEqual([500_000, 300_000, 200_000]);
    expect(c.value(S, "D31")).toBe(1_000_000);
    expect(c.value(S, "D14")).toBe(""); // unused rows stay empty
  });
  test("each municipality on its own: Noord 700.000 − 520.000 = 180.000 under, reserve 25% = 175.000, reclaim 5.000", () => {
    expect([c.value(S, "F11"), c.value(S, "I11"), c.value(S, "J11"), c.value(S, "K11"), c.value(S, "M11")]).toEqual([520_000, 175_000, 0, 5_000, 180_000]);
  });
  test("Midden 300.000 on 250.000: 50.000 over ≤ 25% = 62.500 → voorfinanciering 50.000; Zuid 210.000 on 260.000: reserve 50.000", () => {
    expect([c.value(S, "I12"), c.value(S, "J12"), c.value(S, "K12")]).toEqual([0, 50_000, 0]);
    expect([c.value(S, "I13"), c.value(S, "J13"), c.value(S, "K13")]).toEqual([50_000, 0, 0]);
    expect([c.value(S, "I31"), c.value(S, "J31"), c.value(S, "K31")]).toEqual([225_000, 50_000, 5_000]);
  });
  test("all checks pass", () => passesAllChecks(c));
});
