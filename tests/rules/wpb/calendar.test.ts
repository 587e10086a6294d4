/** WPB deadlines and the output lag (src/rules/calendar.ts), hand-worked. */
import { budgetjaar, deadline, outputjaar } from "../../../src/rules/calendar";
import { errorOf } from "./helpers";

describe("deadline(T)", () => {
  test("year 2012", () => {
    expect(deadline(2012)).toBe("2013-07-15"); // sisa: 15 July T+1
    expect(deadline(2012, "sisa-gr")).toBe("2013-07-15");
    expect(deadline(2012, "beeld")).toBe("2013-02-28"); // 28 February T+1
    expect(deadline(2012, "vaststelling")).toBe("2011-09-30"); // "in september" T−1, last day
    expect(deadline(2012, "terugvordering")).toBe("2014-01-31"); // 31-12-2012 + 13 months
    expect(deadline(2012, "terugvordering-gr")).toBe("2015-01-31"); // 31-12-2012 + 25 months
  });
  test("the WPB deadlines end with year 2014; SiSa goes on", () => {
    expect(deadline(2014, "terugvordering")).toBe("2016-01-31");
    expect(deadline(2014, "beeld")).toBe("2015-02-28");
    expect(deadline(2014, "vaststelling")).toBe("2013-09-30");
    for (const soort of ["beeld", "vaststelling", "terugvordering", "terugvordering-gr"] as const) {
      expect(errorOf(() => deadline(2015, soort)).code).toBe("#N/A");
    }
    expect(deadline(2020, "sisa")).toBe("2021-07-15");
    expect(deadline(2020, "sisa-gr")).toBe("2021-07-15");
  });
  test("vaststelling: budget year 2009 followed art. 15 lid 4, not September 2008", () => {
    expect(deadline(2010, "vaststelling")).toBe("2009-09-30");
    expect(errorOf(() => deadline(2009, "vaststelling"))).toEqual({
      code: "#N/A",
      kind: "dateOutsideTable",
      message: "Geen waarde voor deadline.vaststelling (de vaststelling van het participatiebudget) op 1-1-2009. De tabel loopt van 1-1-2010 tot en met 31-12-2014; kies een peildatum binnen die periode.",
    });
  });
  test("before 2009: #N/A", () => {
    expect(errorOf(() => deadline(2008)).message).toBe(
      "Geen waarde voor deadline.sisa (de uiterste datum voor de SiSa-bijlage bij CBS) op 1-1-2008. De tabel loopt van 1-1-2009; kies een peildatum binnen die periode.",
    );
  });
});

describe("output lag (t − 2)", () => {
  test("budgetjaar = outputjaar + 2, outputjaar = budgetjaar − 2", () => {
    expect(budgetjaar(2010)).toBe(2012);
    expect(outputjaar(2012)).toBe(2010);
    expect(budgetjaar(2007)).toBe(2009);
    expect(outputjaar(2009)).toBe(2007);
    expect(outputjaar(2014)).toBe(2012);
    expect(budgetjaar(2012)).toBe(2014);
  });
  test("the lag ends with the WPB: budget years 2009–2014 only (verdeling.outputlag until 2015-01-01)", () => {
    expect(errorOf(() => outputjaar(2015))).toMatchObject({ code: "#N/A", kind: "dateOutsideTable" });
    expect(errorOf(() => budgetjaar(2013))).toEqual({
      code: "#N/A",
      kind: "notApplicable",
      message:
        "PB.BUDGETJAAR(2013): geen budgetjaar in de tabel van verdeling.outputlag (budgetjaren 2009–2014) verdeelt de output van 2013. Verwacht: een outputjaar van 2007 tot en met 2012.",
    });
  });
  test("outside the table: #N/A", () => {
    expect(errorOf(() => budgetjaar(2006))).toEqual({
      code: "#N/A",
      kind: "notApplicable",
      message:
        "PB.BUDGETJAAR(2006): geen budgetjaar in de tabel van verdeling.outputlag (budgetjaren 2009–2014) verdeelt de output van 2006. Verwacht: een outputjaar van 2007 tot en met 2012.",
    });
    expect(errorOf(() => outputjaar(2008)).code).toBe("#N/A");
  });
});
