import { invoke } from "../../src/functions/invoke";

describe("coercion of Excel arguments", () => {
  test("an empty leeftijd or voltijduren handed over as 0 (Excel desktop) means 'leeg', as null does (Excel on the web)", () => {
    // 1995,00 × 1,08 × 0,6 × 1,235 = 1596,5586 → 1596,56, the same with null, 0 or the argument left out
    expect(invoke("LKS", ["2023-07-01", 0.4, 38, 0, 0])).toBe(1596.56);
    expect(invoke("LKS", ["2023-07-01", 0.4, 38, null, null])).toBe(1596.56);
    expect(invoke("LKS", ["2023-07-01", 0.4, 38])).toBe(1596.56);
    // a youth age still counts: 20 in 2023 = 80%, youth WML 1.596,00 × 1,08 × 0,6 × 1,235 = 1277,2454 → 1277,25
    expect(invoke("LKS", ["2023-07-01", 0.4, 38, 20, 0])).toBe(1277.25);
  });

  test("0 stays a value where it is one: 0 hours gives 0, loonwaarde 0 gives the 70% cap", () => {
    expect(invoke("LKS", ["2023-07-01", 0.4, 0])).toBe(0);
    // 2154,60 × 0,7 × 1,235 = 1862,6517 → 1862,65
    expect(invoke("LKS", ["2023-07-01", 0, 38])).toBe(1862.65);
  });

  test("text like '1.000' or '2,155' is refused as ambiguous (Dutch thousand or English decimal); '0.235', '1,5' and '1000' are read", () => {
    for (const t of ["1.000", "2,155", "12.500", "-1.000"]) {
      expect(invoke("MEENEEM", [t, 0, 2010])).toEqual({
        error: "#VALUE!",
        message: `budget: "${t}" is dubbelzinnig (duizendtal of decimaal). Verwacht: een getal zonder scheidingsteken voor duizendtallen, bijvoorbeeld 1000 of 1,5.`,
      });
    }
    // MIN(MAX(1000 − 0, 0), 25% × 1000) = 250
    expect(invoke("MEENEEM", ["1000", 0, 2010])).toBe(250);
    expect(invoke("PARAM", ["lks.werkgeverslasten", "2018-01-01"])).toBe(0.235);
    expect(invoke("LKS", ["2023-07-01", "0,4", "38,0"])).toBe(1596.56);
    expect(invoke("LKS", ["2023-07-01", "0.4", "1,5"])).toBe(63.02); // 1596,5586 × 1,5/38 = 63,0220
  });
});

test("a year where a date belongs says so, instead of computing for 1905", () => {
  expect(invoke("WML", [2024])).toEqual({
    error: "#VALUE!",
    message: 'peildatum: 2024 is een jaartal, geen datum. Verwacht: een datum, bijvoorbeeld DATUM(2024;1;1) of "2024-01-01".',
  });
});
