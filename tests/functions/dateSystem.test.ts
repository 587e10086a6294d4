import { invoke } from "../../src/functions/invoke";
import { isoToSerial, serialToIso } from "../../src/rules/dates";

describe("the 1904 date system", () => {
  test("1-7-2024 is serial 45474 in the 1900 system and 45474 − 1462 = 44012 in the 1904 system", () => {
    expect(isoToSerial("2024-07-01")).toBe(45474);
    expect(isoToSerial("2024-07-01", 1904)).toBe(44012);
    expect(serialToIso(44012, 1904)).toBe("2024-07-01");
    // The same serial read in the 1900 system is four years and a day earlier: the bug a 1904 workbook would suffer.
    expect(serialToIso(44012)).toBe("2020-06-30");
  });

  test("serial 0 is 1904-01-01 in the 1904 system; negative serials are no date", () => {
    expect(serialToIso(0, 1904)).toBe("1904-01-01");
    expect(serialToIso(-1, 1904)).toBeUndefined();
  });

  test("PB.WML reads a 1904 serial as the 1904 day: 44012 → 1-7-2024 → € 2.133,60 (not the 2020 amount € 1.653,60)", () => {
    expect(invoke("WML", [44012], { dateSystem: 1904 })).toBe(2133.6);
    expect(invoke("WML", [44012])).toBe(1653.6);
  });

  test("PB.DEADLINE answers in the workbook's system: SiSa 2023 → 15-7-2024 = 45488 (1900) or 44026 (1904)", () => {
    expect(invoke("DEADLINE", [2023, "sisa"])).toBe(45488);
    expect(invoke("DEADLINE", [2023, "sisa"], { dateSystem: 1904 })).toBe(44026);
  });
});
