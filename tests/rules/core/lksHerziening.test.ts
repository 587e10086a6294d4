/**
 * LKS as a decision, re-set on the schedule of Pwet art. 10d per text version (parameter lks.herziening), hand-worked:
 * - 2015-01-01 text, lid 5: re-determined every twelve months after the start, with the WML of that day;
 * - 2017-02-01 text, lid 7: re-set on 1 January with the WML as it developed "in het voorafgaande jaar" (31 December);
 * - 2023-01-01 text, lid 7: re-set on 1 January with the WML of that 1 January.
 * Between determinations the amount stays; partial months pro rata by calendar days; one rounding at the end.
 * Werkgeverslasten 23% until 2017, 23,5% from 2018; vakantiebijslag 8%.
 */
import { lksDeterminations, lksPeriod, lksPeriodMonths } from "../../../src/rules/lksPeriod";
import { PbError } from "../../../src/rules/errors";

const period = (start: string, end: string, loonwaarde: number, hoursPerWeek: number, ingangsdatum?: string) =>
  lksPeriod({ start, end, loonwaarde, hoursPerWeek, ...(ingangsdatum ? { ingangsdatum } : {}) });

describe("the 2023 text: re-set on 1 January with that day's WML", () => {
  it("16-6-2025 to 31-3-2026 (0,5; 36 h): the June 2025 amount to December, the 2026 amount from January", () => {
    // Determined 16-6-2025 on 2.191,80: × 1,08 × 0,5 × 1,235 = 1.461,71142 (the WML rise of 1-7-2025 does not reach it).
    // June 15/30 = 730,85571; Jul–Dec 6 × 1.461,71142 = 8.770,26852.
    // Re-set 1-1-2026 on 2.294,40: 1.530,13536 × 3 = 4.590,40608. Total 14.091,53031 → 14.091,53
    expect(period("2025-06-16", "2026-03-31", 0.5, 36)).toBe(14091.53);
  });

  it("all of 2026 for that employment: 12 × 1.530,13536 = 18.361,62432 → 18.361,62 (the WML of 1-7-2026 waits for 1-1-2027)", () => {
    expect(period("2026-01-01", "2026-12-31", 0.5, 36, "2025-06-16")).toBe(18361.62);
  });

  it("the ingangsdatum matters: August–December 2026 on the 2026 decision 5 × 1.530,13536 = 7.650,68; on a new one of 1-8-2026 5 × 1.558,5453 = 7.792,73", () => {
    expect(period("2026-08-01", "2026-12-31", 0.5, 36, "2025-06-16")).toBe(7650.68);
    expect(period("2026-08-01", "2026-12-31", 0.5, 36)).toBe(7792.73);
  });

  it("across the change of text on 1-1-2023 (0,5; 38 h from 1-3-2022): the 10,15% rise of 1-1-2023 passes on at once", () => {
    // 1-3-2022 on 1.725,00: × 1,08 × 0,5 × 1,235 = 1.150,4025 × 10 = 11.504,025.
    // Re-set 1-1-2023 under the new text on 1.934,40 (not 1.756,20 of 31-12-2022): 1.290,05136 × 12 = 15.480,61632.
    // Total 26.984,64132 → 26.984,64
    expect(period("2022-03-01", "2023-12-31", 0.5, 38)).toBe(26984.64);
  });
});

describe("the 2017–2022 text: re-set on 1 January with the WML of 31 December", () => {
  it("1-3-2019 to 31-12-2020 (0,5; 38 h): 2020 on 1.635,60 (1-7-2019), not on 1.653,60 (1-1-2020)", () => {
    // 1-3-2019 on 1.615,80: × 1,08 × 0,5 × 1,235 = 1.077,57702 × 10 = 10.775,7702.
    // Re-set 1-1-2020 on the WML of 31-12-2019, 1.635,60: 1.090,78164 × 12 = 13.089,37968. Total 23.865,14988 → 23.865,15
    expect(period("2019-03-01", "2020-12-31", 0.5, 38)).toBe(23865.15);
    // 2020 alone for that employment: 12 × 1.090,78164 = 13.089,37968 → 13.089,38. An ingangsdatum of 1-1-2020 is a new
    // determination on that day's WML instead: 1.653,60 × 1,08 × 0,5 × 1,235 = 1.102,78584 × 12 = 13.233,43008 → 13.233,43.
    expect(period("2020-01-01", "2020-12-31", 0.5, 38, "2019-03-01")).toBe(13089.38);
    expect(period("2020-01-01", "2020-12-31", 0.5, 38, "2020-01-01")).toBe(13233.43);
    expect(lksDeterminations("2019-03-01", "2020-12-31")).toEqual([
      { date: "2019-03-01", wmlDate: "2019-03-01" },
      { date: "2020-01-01", wmlDate: "2019-12-31" },
    ]);
  });
});

describe("the 2015 text: every twelve months after the start", () => {
  it("an employment starting in 2016 (1-3-2016 to 28-2-2018; 0,4; 38 h): no re-set until 1-1-2018", () => {
    // 1-3-2016 on 1.524,60 with 23%: 0,6 × 1.524,60 × 1,08 × 1,23 = 1.215,167184 × 22 months = 26.733,678048.
    // 1-1-2017: the 2015 text holds, but it is no anniversary. 1-3-2017: the anniversary falls under the 2017 text, which
    // re-sets only on 1 January. 1-1-2018: on the WML of 31-12-2017 (1.565,40) with 23,5%: 0,6 × 1.565,40 × 1,08 × 1,235 =
    // 1.252,758312 × 2 = 2.505,516624. Total 29.239,194672 → 29.239,19
    expect(period("2016-03-01", "2018-02-28", 0.4, 38)).toBe(29239.19);
    expect(lksDeterminations("2016-03-01", "2018-02-28")).toEqual([
      { date: "2016-03-01", wmlDate: "2016-03-01" },
      { date: "2018-01-01", wmlDate: "2017-12-31" },
    ]);
  });

  it("a start on 29-2-2016: twelve months on is 28-2-2017, under the 2017 text, so the first re-set is 1-1-2018", () => {
    // One day, 29-2-2016: 1.524,60 × 1,08 × 0,5 × 1,23 = 1.012,63932 / 29 = 34,91860 → 34,92; March 2017 still 1.012,64.
    expect(period("2016-02-29", "2016-02-29", 0.5, 38)).toBe(34.92);
    expect(period("2017-03-01", "2017-03-31", 0.5, 38, "2016-02-29")).toBe(1012.64);
    expect(lksDeterminations("2016-02-29", "2018-03-31")).toEqual([
      { date: "2016-02-29", wmlDate: "2016-02-29" },
      { date: "2018-01-01", wmlDate: "2017-12-31" },
    ]);
  });

  it("1-9-2015 to 31-12-2016 (0,5; 38 h): re-determined on the anniversary 1-9-2016", () => {
    // 1-9-2015 on 1.507,80: × 1,08 × 0,5 × 1,23 = 1.001,48076 × 12 = 12.017,76912.
    // 1-9-2016 on 1.537,20: 1.021,00824 × 4 = 4.084,03296. Total 16.101,80208 → 16.101,80
    expect(period("2015-09-01", "2016-12-31", 0.5, 38)).toBe(16101.8);
  });

  it("an anniversary inside a month splits it: June 2016 from an employment of 16-6-2015, 15 days each side", () => {
    // Before 16-6-2016: 1.501,80 × 1,08 × 0,5 × 1,23 = 997,49556; from 16-6-2016 on 1.524,60: 1.012,63932.
    // (997,49556 + 1.012,63932) × 15/30 = 1.005,06744 → 1.005,07
    expect(period("2016-06-01", "2016-06-30", 0.5, 38, "2015-06-16")).toBe(1005.07);
    const parts = lksPeriodMonths({ start: "2016-06-01", end: "2016-06-30", loonwaarde: 0.5, hoursPerWeek: 38, ingangsdatum: "2015-06-16" });
    expect(parts.map((p) => [p.from, p.days, p.determined])).toEqual([
      ["2016-06-01", 15, "2015-06-16"],
      ["2016-06-16", 15, "2016-06-16"],
    ]);
  });
});

describe("a birthday during a running decision (youth wage)", () => {
  const withAge = (start: string, end: string, age: number, ingangsdatum?: string) =>
    lksPeriod({ start, end, loonwaarde: 0.5, hoursPerWeek: 36, age, ...(ingangsdatum ? { ingangsdatum } : {}) });

  it("20 on 1-3-2025, 21 on 1-9-2025: the age counts from the next re-set, 1-1-2026; split there with the same ingangsdatum", () => {
    // 1-3-2025 at 20: 2.191,80 × 80% = 1.753,44; × 1,08 × 0,5 × 1,235 = 1.169,369136 × 10 = 11.693,69136 → 11.693,69.
    expect(withAge("2025-03-01", "2025-12-31", 20)).toBe(11693.69);
    // Re-set 1-1-2026 at 21 (adult): 2.294,40 × 0,6669 = 1.530,13536 × 12 = 18.361,62432 → 18.361,62.
    expect(withAge("2026-01-01", "2026-12-31", 21, "2025-03-01")).toBe(18361.62);
  });

  it("split at the birthday itself only with the birthday as ingangsdatum (a new decision): 4 × 2.245,80 × 0,6669 = 5.990,90", () => {
    expect(withAge("2025-09-01", "2025-12-31", 21, "2025-09-01")).toBe(5990.9);
    // With the old ingangsdatum the new age would be read back into the March decision: 4 × 2.191,80 × 0,6669 =
    // 5.846,85, a figure no decision produced. The README says which of the two splits to use.
    expect(withAge("2025-09-01", "2025-12-31", 21, "2025-03-01")).toBe(5846.85);
  });
});

describe("refusals", () => {
  it("an ingangsdatum after the begindatum", () => {
    expect(() => period("2025-01-01", "2025-12-31", 0.5, 36, "2025-02-01")).toThrow(PbError);
  });

  it("a period running into 2027 (the 1-1-2027 re-set needs a WML not published yet): #N/A that says so", () => {
    expect(() => period("2026-06-01", "2027-01-31", 0.5, 36)).toThrow(/^De waarde van wml\.maand \(het wettelijk minimumloon per maand\) voor 1-1-2027 is nog niet bekendgemaakt/);
  });
});
