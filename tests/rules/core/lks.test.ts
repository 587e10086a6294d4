/**
 * The LKS rule itself (Pwet art. 10d lid 4 and 5), below the function layer: the bare formula against the worked
 * case of sources.md §1.1, the part-time rule on both sides of 1-1-2024, and the period split by calendar days.
 */
import { lks, lksMonthExact, lksForfaitair, lksFormula, hoursFactor, checkLoonwaarde } from "../../../src/rules/lks";
import { lksPeriod, lksPeriodMonths } from "../../../src/rules/lksPeriod";
import { PbError } from "../../../src/rules/errors";
import type { Trace } from "../../../src/parameters";

function thrown(f: () => unknown): PbError {
  try {
    f();
  } catch (e) {
    if (e instanceof PbError) return e;
    throw e;
  }
  throw new Error("expected a PbError");
}

describe("lksFormula: the worked case of sources.md §1.1 (regelrecht 'casus Koen'), without werkgeverslasten", () => {
  const koen = { basis: 2155, cap: 0.7, werkgeverslasten: 0 };

  it("WML+VB 2.155,00, LW 60% at 36 h of 36: 2.155,00 × 0,4 = 862,00", () => {
    expect(lksFormula({ ...koen, loonwaarde: 0.6, hoursFactor: 1 })).toBeCloseTo(862, 10);
  });

  it("at 32 h: 862,00 × 32/36 = 766,222… → 766,22", () => {
    expect(Math.round(lksFormula({ ...koen, loonwaarde: 0.6, hoursFactor: 32 / 36 }) * 100) / 100).toBe(766.22);
  });

  it("the 50% route: 2.155,00 × 0,5 = 1.077,50", () => {
    expect(lksFormula({ ...koen, loonwaarde: 0.5, hoursFactor: 1 })).toBeCloseTo(1077.5, 10);
  });

  it("the 70% cap binds below LW 30%: LW 10% gives 2.155,00 × 0,7 = 1.508,50, not × 0,9", () => {
    expect(lksFormula({ ...koen, loonwaarde: 0.1, hoursFactor: 1 })).toBeCloseTo(1508.5, 10);
  });

  it("werkgeverslasten go on top of the capped amount: 1.508,50 + 1.508,50 × 0,235 (354,4975) = 1.862,9975", () => {
    expect(lksFormula({ ...koen, werkgeverslasten: 0.235, loonwaarde: 0.1, hoursFactor: 1 })).toBeCloseTo(1862.9975, 10);
  });
});

describe("lks(): the whole rule with parameters", () => {
  it("1-7-2023, LW 40%, 38 h: 1.995,00 × 1,08 = 2.154,60; × 0,6 = 1.292,76; × 1,235 = 1.596,5586 → 1.596,56", () => {
    expect(lksMonthExact({ date: "2023-07-01", loonwaarde: 0.4, hoursPerWeek: 38 })).toBeCloseTo(1596.5586, 9);
    expect(lks({ date: "2023-07-01", loonwaarde: 0.4, hoursPerWeek: 38 })).toBe(1596.56);
  });

  it("records what it used: WML, VB, cap, werkgeverslasten, normuren, adult age", () => {
    const trace: Trace = [];
    lks({ date: "2023-07-01", loonwaarde: 0.4, hoursPerWeek: 38 }, trace);
    const used = new Map(trace.map((t) => [t.name, t.value]));
    expect(Object.fromEntries(used)).toEqual({
      "lks.deeltijdregel": "alleen-verminderen",
      "lks.normuren": 38,
      "lks.cap": 0.7,
      vakantiebijslag: 0.08,
      "lks.werkgeverslasten": 0.235,
      "wml.maand": 1995,
      "wml.volwassenleeftijd": 21,
    });
  });

  it("youth: 1-7-2023 age 18 (997,50), LW 40%, 38 h: 997,50 × 1,08 × 0,6 × 1,235 = 798,2793 → 798,28", () => {
    expect(lks({ date: "2023-07-01", loonwaarde: 0.4, hoursPerWeek: 38, age: 18 })).toBe(798.28);
  });

  it("forfaitair 1-2-2017, 38 h: 1.551,60 × 1,08 × 0,5 × 1,23 = 1.030,57272 → 1.030,57", () => {
    expect(lksForfaitair({ date: "2017-02-01", hoursPerWeek: 38 })).toBe(1030.57);
  });
});

describe("hoursFactor: part-time before and from 2024", () => {
  it("until 2023: only downwards, against 38 h or the job's own normale arbeidsduur", () => {
    expect(hoursFactor("2023-12-31", 19, undefined)).toBe(0.5);
    expect(hoursFactor("2023-12-31", 40, undefined)).toBe(1); // 40 > 38 does not raise it ("verminderd indien korter")
    expect(hoursFactor("2023-12-31", 32, 40)).toBe(0.8); // job of 40 h: 32/40
  });

  it("from 2024: 36 h, up or down; the hours that count stop at voltijduren", () => {
    expect(hoursFactor("2024-01-01", 18, undefined)).toBe(0.5);
    expect(hoursFactor("2024-01-01", 38, 38)).toBeCloseTo(38 / 36, 15);
    expect(hoursFactor("2024-01-01", 40, 38)).toBeCloseTo(38 / 36, 15);
    // above 36 h the law caps the increase at the comparable full-time, which only the user can give
    expect(thrown(() => hoursFactor("2024-01-01", 38, undefined)).message).toBe(
      "uren_per_week: 38 uur is meer dan 36; boven 36 uur telt de subsidie alleen tot de voltijd in vergelijkbare functies (Pwet art. 10d lid 4). Geef die voltijd op in het argument voltijduren",
    );
    // until 2023 the same 38 h simply count as full-time (only downwards)
    expect(hoursFactor("2023-12-31", 38, undefined)).toBe(1);
    // "De overeengekomen arbeidsduur … is maximaal de arbeidsduur welke in overeenkomstige dienstbetrekkingen in de regel
    // geacht wordt een volledige dienstbetrekking te vormen": with a 32-hour full-time, 38 h and 36 h both count 32/36.
    expect(hoursFactor("2024-01-01", 38, 32)).toBeCloseTo(32 / 36, 15);
    expect(hoursFactor("2024-01-01", 36, 32)).toBeCloseTo(32 / 36, 15);
    expect(hoursFactor("2024-01-01", 30, 32)).toBeCloseTo(30 / 36, 15);
  });

  it("refuses hours outside 0–168 and a zero full-time", () => {
    expect(thrown(() => hoursFactor("2023-01-01", -1, undefined)).message).toBe(
      "uren_per_week: -1 valt buiten het toegestane bereik. Verwacht: 0 tot en met 168 uur per week.",
    );
    expect(thrown(() => hoursFactor("2023-01-01", 169, undefined)).code).toBe("#VALUE!");
    expect(thrown(() => hoursFactor("2023-01-01", 20, 0)).message).toBe(
      "voltijduren: 0 valt buiten het toegestane bereik. Verwacht: meer dan 0 en ten hoogste 168 uur per week.",
    );
  });
});

describe("checkLoonwaarde", () => {
  it("accepts whole percents, also with binary noise (0,29 = 0.28999999999999998)", () => {
    for (const lw of [0, 0.01, 0.29, 0.57, 0.58, 1, 0.1 + 0.2]) expect(() => checkLoonwaarde(lw)).not.toThrow();
  });

  it("refuses 0,605 and values outside 0–1", () => {
    expect(thrown(() => checkLoonwaarde(0.605)).code).toBe("#VALUE!");
    expect(thrown(() => checkLoonwaarde(-0.01)).code).toBe("#VALUE!");
    expect(thrown(() => checkLoonwaarde(1.01)).code).toBe("#VALUE!");
    expect(thrown(() => checkLoonwaarde(NaN)).code).toBe("#VALUE!");
  });
});

describe("lksPeriodMonths: calendar-day pro rata", () => {
  it("16–31 January 2023 is 16/31 of January: 1.934,40 × 1,08 × 0,6 × 1,235 = 1.548,061632; × 16/31 = 798,9995… → 799,00", () => {
    const parts = lksPeriodMonths({ start: "2023-01-16", end: "2023-01-31", loonwaarde: 0.4, hoursPerWeek: 38 });
    expect(parts).toHaveLength(1);
    expect(parts[0]).toMatchObject({ month: "2023-01-01", days: 16, daysInMonth: 31 });
    expect(parts[0].monthly).toBeCloseTo(1548.061632, 9);
    expect(lksPeriod({ start: "2023-01-16", end: "2023-01-31", loonwaarde: 0.4, hoursPerWeek: 38 })).toBe(799);
  });

  it("a leap February counts 29 days: 1–14 February 2024 is 14/29", () => {
    const [p] = lksPeriodMonths({ start: "2024-02-01", end: "2024-02-14", loonwaarde: 0.4, hoursPerWeek: 36 });
    expect(p).toMatchObject({ days: 14, daysInMonth: 29 });
  });

  it("one day is allowed (start = end); the year boundary steps December → January", () => {
    const parts = lksPeriodMonths({ start: "2023-12-31", end: "2024-01-01", loonwaarde: 0.4, hoursPerWeek: 36 });
    expect(parts.map((p) => [p.month, p.days, p.daysInMonth])).toEqual([
      ["2023-12-01", 1, 31],
      ["2024-01-01", 1, 31],
    ]);
  });

  it("end before start is #VALUE! with the Dutch message", () => {
    const e = thrown(() => lksPeriodMonths({ start: "2023-02-01", end: "2023-01-31", loonwaarde: 0.4, hoursPerWeek: 38 }));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toBe("einddatum: 31-1-2023 ligt vóór de begindatum 1-2-2023. Verwacht: een einddatum op of na de begindatum.");
  });
});
