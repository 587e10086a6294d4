/**
 * Weekends and feestdagen of the Algemene termijnenwet art. 3 (BWBR0002448), for marking deadlines in the Kalender.
 * Easter dates from the church calendar: 2013-03-31, 2024-03-31, 2025-04-20.
 */
import { easter, feestdagen, nextWorkingDay, nonWorkingReason } from "../../../src/rules/holidays";

describe("Algemene termijnenwet: weekends and feestdagen", () => {
  test("Easter Sunday", () => {
    expect(easter(2013)).toBe("2013-03-31");
    expect(easter(2024)).toBe("2024-03-31");
    expect(easter(2025)).toBe("2025-04-20");
  });

  test("2024: Goede Vrijdag 29-3, tweede Paasdag 1-4, Koningsdag 27-4, 5 mei, Hemelvaart 9-5 (Easter + 39), tweede Pinksterdag 20-5 (+ 50)", () => {
    const f = feestdagen(2024);
    expect(f.get("2024-03-29")).toBe("Goede Vrijdag");
    expect(f.get("2024-04-01")).toBe("tweede Paasdag");
    expect(f.get("2024-04-27")).toBe("Koningsdag");
    expect(f.get("2024-05-05")).toBe("Bevrijdingsdag (5 mei)");
    expect(f.get("2024-05-09")).toBe("Hemelvaartsdag");
    expect(f.get("2024-05-20")).toBe("tweede Pinksterdag");
    expect(f.size).toBe(9);
  });

  test("Koninginnedag 30-4 until 2013; Koningsdag 27-4 from 2014, on Saturday 26-4 when the 27th is a Sunday (2014, 2025)", () => {
    expect(feestdagen(2013).get("2013-04-30")).toBe("Koninginnedag");
    expect(feestdagen(2014).get("2014-04-26")).toBe("Koningsdag");
    expect(feestdagen(2025).get("2025-04-26")).toBe("Koningsdag");
  });

  test("SiSa 15 July: 2017 and 2023 fall on a Saturday, 2018 on a Sunday; the next working day is the Monday", () => {
    expect(nonWorkingReason("2017-07-15")).toBe("zaterdag");
    expect(nonWorkingReason("2018-07-15")).toBe("zondag");
    expect(nextWorkingDay("2023-07-15")).toBe("2023-07-17");
    expect(nonWorkingReason("2013-07-15")).toBeUndefined();
    // Tweede Kerstdag on a Friday is followed by the weekend: 26-12-2014 → Monday 29-12-2014.
    expect(nextWorkingDay("2014-12-26")).toBe("2014-12-29");
  });
});
