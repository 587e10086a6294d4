/**
 * WML, LKS, LKSPERIODE, LKSFORFAITAIR through both faces: invoke() (what the headless engine calls) and the Excel
 * wrappers of functions.ts (jest stubs the CustomFunctions global; errors are thrown CustomFunctions.Error with .code).
 * Dates are given as Excel serials where a sheet would have DATE(...), as text elsewhere.
 */
import { invoke, isErrorResult, type InvokeResult } from "../../../src/functions/invoke";
import * as excel from "../../../src/functions/functions";
import type { RawArg } from "../../../src/functions/contract";
import { DATE, viaExcel } from "../../helpers/excel";


/** Same call through invoke() and through the wrapper; both must agree, and the invoke() result is returned. */
function both(id: string, args: RawArg[], wrapper: (...a: RawArg[]) => unknown): InvokeResult {
  const r = invoke(id, args);
  const x = viaExcel(() => wrapper(...args));
  if (isErrorResult(r)) expect(x).toEqual({ code: r.error, message: r.message });
  else expect(x).toEqual(r);
  return r;
}

const LKS = (...a: RawArg[]) => both("LKS", a, excel.lks as (...a: RawArg[]) => unknown);
const WML = (...a: RawArg[]) => both("WML", a, excel.wml as (...a: RawArg[]) => unknown);
const LKSPERIODE = (...a: RawArg[]) => both("LKSPERIODE", a, excel.lksperiode as (...a: RawArg[]) => unknown);
const LKSFORFAITAIR = (...a: RawArg[]) => both("LKSFORFAITAIR", a, excel.lksforfaitair as (...a: RawArg[]) => unknown);
const PARAM = (...a: RawArg[]) => both("PARAM", a, excel.param as (...a: RawArg[]) => unknown);
const BRON = (...a: RawArg[]) => both("BRON", a, excel.bron as (...a: RawArg[]) => unknown);

/** The error code of a result, for the boundary tables. */
const code = (r: InvokeResult) => (isErrorResult(r) ? r.error : "ok");

describe("PB.LKS worked examples", () => {
  it("DATE(2023,7,1) is serial 45108", () => expect(DATE(2023, 7, 1)).toBe(45108));

  it("PB.LKS(DATE(2023,7,1),0.4,38) = 1.596,56: 1.995,00 × 1,08 = 2.154,60; × 0,6 = 1.292,76; × 1,235 = 1.596,5586", () => {
    expect(LKS(DATE(2023, 7, 1), 0.4, 38)).toBe(1596.56);
  });

  it("the same with text arguments as a Dutch user types them: \"1-7-2023\", \"0,4\", \"38\"", () => {
    expect(LKS("1-7-2023", "0,4", "38")).toBe(1596.56);
    expect(LKS("2023-07-01", "40%", 38)).toBe(1596.56);
  });

  it("a 1×1 range is its single value", () => {
    expect(LKS([[DATE(2023, 7, 1)]], [[0.4]], [[38]])).toBe(1596.56);
  });

  it("youth: age 18 on 1-7-2023 (997,50): 997,50 × 1,08 × 0,6 × 1,235 = 798,2793 → 798,28", () => {
    expect(LKS(DATE(2023, 7, 1), 0.4, 38, 18)).toBe(798.28);
  });

  it("the job's own normale arbeidsduur before 2024: 32 h of 40 = 0,8 × 1.596,5586 = 1.277,24688 → 1.277,25", () => {
    expect(LKS(DATE(2023, 7, 1), 0.4, 32, undefined, 40)).toBe(1277.25);
  });
});

describe("boundaries", () => {
  it("werkgeverslasten 23% → 23,5% on 1-1-2018 (LW 50%, 38 h)", () => {
    // 1.565,40 × 1,08 × 0,5 = 845,316; × 1,23 = 1.039,73868
    expect(LKS(DATE(2017, 12, 31), 0.5, 38)).toBe(1039.74);
    // 1.578,00 × 1,08 × 0,5 = 852,12; × 1,235 = 1.052,3682
    expect(LKS(DATE(2018, 1, 1), 0.5, 38)).toBe(1052.37);
  });

  it("adult age 23 → 22 on 1-7-2017; staffel change for youth", () => {
    expect(WML(DATE(2017, 6, 30), 22)).toBe(1318.85); // 1.551,60 × 85% = 1.318,86 → 1.318,85 (€ 0,05)
    expect(WML(DATE(2017, 7, 1), 22)).toBe(1565.4);
    expect(WML(DATE(2017, 6, 30), 20)).toBe(954.25); // 61,5%
    expect(WML(DATE(2017, 7, 1), 20)).toBe(1095.8); // 70%
    // LKS age 22, LW 50%, 38 h: 1.318,85 × 1,08 × 0,5 × 1,23 = 875,98017 → 875,98; then adult: 1.039,73868 → 1.039,74
    expect(LKS(DATE(2017, 6, 30), 0.5, 38, 22)).toBe(875.98);
    expect(LKS(DATE(2017, 7, 1), 0.5, 38, 22)).toBe(1039.74);
  });

  it("adult age 22 → 21 on 1-7-2019; staffel 47,5% → 50% at 18", () => {
    expect(WML(DATE(2019, 6, 30), 21)).toBe(1373.45);
    expect(WML(DATE(2019, 7, 1), 21)).toBe(1635.6);
    expect(WML(DATE(2019, 6, 30), 18)).toBe(767.5);
    expect(WML(DATE(2019, 7, 1), 18)).toBe(817.8);
  });

  it("1-1-2024: monthly → hourly regime, 38 → 36 h, hours above 36 count up to voltijduren", () => {
    expect(LKS(DATE(2023, 12, 31), 0.4, 38)).toBe(1596.56);
    // before 2024 hours above the normale arbeidsduur do not count: 40 h = 38 h
    expect(LKS(DATE(2023, 12, 31), 0.4, 40)).toBe(1596.56);
    // 2.069,40 × 1,08 = 2.234,952; × 0,6 = 1.340,9712; × 1,235 = 1.656,099432
    expect(LKS(DATE(2024, 1, 1), 0.4, 36)).toBe(1656.1);
    // 38 h in a sector with 38 h full-time: × 38/36 = 1.748,104956
    expect(LKS(DATE(2024, 1, 1), 0.4, 38, undefined, 38)).toBe(1748.1);
    // 38 h without voltijduren: the cap above 36 h is unknown, so refused with the reason
    expect(LKS(DATE(2024, 1, 1), 0.4, 38)).toMatchObject({ error: "#VALUE!", message: expect.stringMatching(/Geef die voltijd op in het argument voltijduren/) });
    // 40 h in a sector with 37 h full-time: counts 37 h, × 37/36 = 1.702,102194
    expect(LKS(DATE(2024, 1, 1), 0.4, 40, undefined, 37)).toBe(1702.1);
    // 18 h: × 18/36 = 828,049716
    expect(LKS(DATE(2024, 1, 1), 0.4, 18)).toBe(828.05);
    expect(WML(DATE(2023, 12, 31), undefined, "uur")).toMatchObject({ error: "#N/A" });
    expect(WML(DATE(2024, 1, 1), undefined, "uur")).toBe(13.27);
  });

  it("LKSFORFAITAIR starts on 1-2-2017", () => {
    expect(LKSFORFAITAIR(DATE(2017, 1, 31), 38)).toEqual({
      error: "#N/A",
      message:
        "peildatum: 31-1-2017 ligt vóór 1-2-2017; de loonkostensubsidie zonder loonwaardebepaling (Participatiewet art. 10d lid 5) bestaat pas vanaf die datum",
    });
    // 1.551,60 × 1,08 × 0,5 × 1,23 = 1.030,57272
    expect(LKSFORFAITAIR(DATE(2017, 2, 1), 38)).toBe(1030.57);
    // 2024-07-01, 36 h: 2.133,60 × 1,08 = 2.304,288; × 0,5 = 1.152,144; × 1,235 = 1.422,89784 → 1.422,90
    expect(LKSFORFAITAIR(DATE(2024, 7, 1), 36)).toBe(1422.9);
  });

  it("LKS starts on 1-1-2015: #N/A before, saying the Participatiewet starts then (not naming an internal table)", () => {
    const before = (arg: string, d: string) => ({
      error: "#N/A",
      message: `${arg}: ${d} ligt vóór 1-1-2015; de loonkostensubsidie van de Participatiewet (art. 10d) bestaat pas vanaf die datum`,
    });
    expect(LKS(DATE(2014, 12, 31), 0.5, 38)).toEqual(before("peildatum", "31-12-2014"));
    expect(LKSPERIODE(DATE(2014, 12, 1), DATE(2015, 1, 31), 0.5, 38)).toEqual(before("begindatum", "1-12-2014"));
    expect(LKSPERIODE(DATE(2015, 3, 1), DATE(2015, 3, 31), 0.5, 38, null, null, DATE(2014, 6, 1))).toEqual(before("ingangsdatum", "1-6-2014"));
    // 1.501,80 × 1,08 × 0,5 × 1,23 = 997,49556
    expect(LKS(DATE(2015, 1, 1), 0.5, 38)).toBe(997.5);
  });

  it("1 July 2026: 2.294,40 × 1,08 × 0,5 × 1,235 = 1.530,13536 on 30-6-2026, 2.337,00 × 1,08 × 0,5 × 1,235 = 1.558,54530 on 1-7-2026", () => {
    expect(LKS(DATE(2026, 6, 30), 0.5, 36)).toBe(1530.14);
    expect(LKS(DATE(2026, 7, 1), 0.5, 36)).toBe(1558.55);
    expect(WML(DATE(2026, 6, 30), undefined, "uur")).toBe(14.71);
    expect(WML(DATE(2026, 7, 1), undefined, "uur")).toBe(14.99);
    expect(WML(DATE(2026, 7, 1))).toBe(2337);
  });

  it("the tables end on 31-12-2026: 1.558,55 that day, from 1-1-2027 #N/A saying the amount is not published yet", () => {
    expect(LKS(DATE(2026, 12, 31), 0.5, 36)).toBe(1558.55);
    const notYet =
      "De waarde van wml.maand (het wettelijk minimumloon per maand) voor 1-1-2027 is nog niet bekendgemaakt: de tabel loopt tot en met 31-12-2026 (laatste waarde geldig vanaf 1-7-2026). " +
      "Kies een eerdere peildatum; een nieuwere versie van PB Rekenkit neemt de waarde op zodra die is gepubliceerd.";
    expect(LKS(DATE(2027, 1, 1), 0.5, 36)).toEqual({ error: "#N/A", message: notYet });
    expect(WML(DATE(2027, 1, 1))).toEqual({ error: "#N/A", message: notYet });
    expect(WML(DATE(2027, 1, 1), undefined, "uur")).toMatchObject({ error: "#N/A", message: expect.stringMatching(/^De waarde van wml\.uur \(het wettelijk minimumuurloon\) voor 1-1-2027 is nog niet bekendgemaakt/) });
    // A date before the first value says something else: the table's span.
    expect(WML(DATE(2014, 12, 31))).toMatchObject({ error: "#N/A", message: expect.stringMatching(/^Geen waarde voor wml\.maand \(het wettelijk minimumloon per maand\) op 31-12-2014\. De tabel loopt van 1-1-2015/) });
  });

  it("from 2024 the hours that count stop at voltijduren, also under 36: 2.191,80 × 1,08 × 0,5 × 1,235 × 32/36 = 1.299,29904 → 1.299,30", () => {
    expect(LKS(DATE(2025, 1, 1), 0.5, 36, undefined, 32)).toBe(1299.3);
    // 30 h against a 32-hour full-time: the 30 h count, 1.461,71142 × 30/36 = 1.218,09285 → 1.218,09
    expect(LKS(DATE(2025, 1, 1), 0.5, 30, undefined, 32)).toBe(1218.09);
    // without voltijduren 36 h are simply 36/36: 1.461,71142 → 1.461,71
    expect(LKS(DATE(2025, 1, 1), 0.5, 36)).toBe(1461.71);
  });

  it("the 70% cap: LW 0,2 pays 70%, LW 0,3 is the cap exactly, LW 0,31 pays 69%", () => {
    // 2.154,60 × 0,7 = 1.508,22; × 1,235 = 1.862,6517
    expect(LKS(DATE(2023, 7, 1), 0.2, 38)).toBe(1862.65);
    expect(LKS(DATE(2023, 7, 1), 0, 38)).toBe(1862.65);
    expect(LKS(DATE(2023, 7, 1), 0.3, 38)).toBe(1862.65);
    // 2.154,60 × 0,69 = 1.486,674; × 1,235 = 1.836,04239
    expect(LKS(DATE(2023, 7, 1), 0.31, 38)).toBe(1836.04);
    // LW 100%: nothing to subsidise
    expect(LKS(DATE(2023, 7, 1), 1, 38)).toBe(0);
  });
});

describe("PB.LKSPERIODE", () => {
  it("the whole of 2023 from 1 January keeps the January amount: 1.934,40 × 1,08 × 0,6 × 1,235 = 1.548,061632 × 12 = 18.576,739584 → 18.576,74", () => {
    // Determined on 1-1-2023 and re-set only on 1-1-2024 (Pwet art. 10d lid 7): the WML rise of 1 July 2023 does not reach it.
    expect(LKSPERIODE(DATE(2023, 1, 1), DATE(2023, 12, 31), 0.4, 38)).toBe(18576.74);
  });

  it("16 June – 15 July 2025 keeps the June amount: 2.191,80 × 1,08 × 0,5 × 1,235 = 1.461,71142 × (15/30 + 15/31) = 1.438,137 → 1.438,14", () => {
    expect(LKSPERIODE(DATE(2025, 6, 16), DATE(2025, 7, 15), 0.5, 36)).toBe(1438.14);
  });

  it("16–31 January 2023 is 16/31 of January: 1.548,061632 × 16/31 = 798,99955 → 799,00", () => {
    expect(LKSPERIODE(DATE(2023, 1, 16), DATE(2023, 1, 31), 0.4, 38)).toBe(799);
  });

  it("across 1-1-2024 at 36 h: December 1.596,5586 × 36/38 = 1.512,5292, January 1.656,099432; total 3.168,628632", () => {
    expect(LKSPERIODE(DATE(2023, 12, 1), DATE(2024, 1, 31), 0.4, 36)).toBe(3168.63);
  });

  it("end before start is #VALUE!", () => {
    expect(LKSPERIODE(DATE(2023, 2, 1), DATE(2023, 1, 31), 0.4, 38)).toEqual({
      error: "#VALUE!",
      message: "einddatum: 31-1-2023 ligt vóór de begindatum 1-2-2023. Verwacht: een einddatum op of na de begindatum.",
    });
  });

  it("a period reaching past the table end is #N/A: the re-set of 1-1-2027 needs the WML of that day", () => {
    expect(LKSPERIODE(DATE(2026, 12, 1), DATE(2027, 1, 31), 0.4, 36)).toMatchObject({
      error: "#N/A",
      message: expect.stringMatching(/^De waarde van wml\.maand \(het wettelijk minimumloon per maand\) voor 1-1-2027 is nog niet bekendgemaakt/),
    });
  });

  it("an empty ingangsdatum as Excel desktop passes it (0) is the begindatum, as on the web (null): 1.461,71142 × (15/30 + 15/31) = 1.438,14", () => {
    expect(LKSPERIODE(DATE(2025, 6, 16), DATE(2025, 7, 15), 0.5, 36, 0, 0, 0)).toBe(1438.14);
    expect(LKSPERIODE(DATE(2025, 6, 16), DATE(2025, 7, 15), 0.5, 36, null, null, null)).toBe(1438.14);
  });

  it("an ingangsdatum after the begindatum is refused with the reason", () => {
    expect(LKSPERIODE(DATE(2025, 1, 1), DATE(2025, 1, 31), 0.5, 36, undefined, undefined, DATE(2025, 1, 2))).toEqual({
      error: "#VALUE!",
      message:
        "ingangsdatum: 2-1-2025 ligt na de begindatum 1-1-2025. Verwacht: de start van het dienstverband of van de laatste nieuwe vaststelling, op of vóór de begindatum",
    });
  });
});

describe("every bad-input class, with its Dutch message", () => {
  const d = DATE(2023, 7, 1);

  it("text that is not a number", () => {
    expect(LKS(d, "abc", 38)).toEqual({
      error: "#VALUE!",
      message: 'loonwaarde: "abc" is geen getal. Verwacht: een getal, bijvoorbeeld 0,6 of 38.',
    });
  });

  it("thousands separators are not numbers (1.000,5 is ambiguous)", () => {
    expect(code(LKS(d, 0.4, "1.000,5"))).toBe("#VALUE!");
  });

  it("Dutch decimal text \"0,6\" is accepted: 2.154,60 × 0,4 × 1,235 = 1.064,3724 → 1.064,37", () => {
    expect(LKS(d, "0,6", 38)).toBe(1064.37);
  });

  it("a boolean is not a number", () => {
    expect(LKS(d, 0.4, true)).toEqual({
      error: "#VALUE!",
      message: 'uren_per_week: "WAAR" is geen getal. Verwacht: een getal, bijvoorbeeld 0,6 of 38.',
    });
  });

  it("loonwaarde outside 0–1", () => {
    expect(LKS(d, 1.2, 38)).toEqual({
      error: "#VALUE!",
      message: "loonwaarde: 1,2 valt buiten het toegestane bereik. Verwacht: een fractie van 0 tot en met 1 (60% = 0,6).",
    });
    expect(code(LKS(d, -0.1, 38))).toBe("#VALUE!");
    // "60" instead of 0,6 is the likely slip
    expect(code(LKS(d, 60, 38))).toBe("#VALUE!");
  });

  it("loonwaarde 0,605 is not a whole percent", () => {
    expect(LKS(d, 0.605, 38)).toEqual({
      error: "#VALUE!",
      message:
        "loonwaarde: 0,605 is geen heel percentage; de loonwaarde wordt op hele procenten afgerond (Regeling LKS Pwet art. 4 lid 3). Verwacht bijvoorbeeld 0,45.",
    });
  });

  it("negative hours and hours above 168", () => {
    expect(LKS(d, 0.4, -1)).toEqual({
      error: "#VALUE!",
      message: "uren_per_week: -1 valt buiten het toegestane bereik. Verwacht: 0 tot en met 168 uur per week.",
    });
    expect(LKS(d, 0.4, 169)).toEqual({
      error: "#VALUE!",
      message: "uren_per_week: 169 valt buiten het toegestane bereik. Verwacht: 0 tot en met 168 uur per week.",
    });
    expect(LKS(d, 0.4, 0)).toBe(0);
  });

  it("leeftijd 14 and 20,5", () => {
    expect(LKS(d, 0.4, 38, 14)).toEqual({
      error: "#VALUE!",
      message: "leeftijd: 14 valt buiten het toegestane bereik. Verwacht: 15 jaar of ouder (jonger dan 15 geldt geen minimumloon).",
    });
    expect(WML(d, 20.5)).toEqual({ error: "#VALUE!", message: "leeftijd: 20,5 is geen geheel getal. Verwacht: een geheel getal." });
  });

  it("an invalid date text", () => {
    expect(LKS("2023-02-30", 0.4, 38)).toEqual({
      error: "#VALUE!",
      message: 'peildatum: "2023-02-30" is geen datum. Verwacht: een Excel-datum (DATUM(2024;7;1)), "2024-07-01" of "1-7-2024".',
    });
    expect(code(LKS("30-2-2023", 0.4, 38))).toBe("#VALUE!");
    expect(code(LKS(-5, 0.4, 38))).toBe("#VALUE!");
  });

  it("a date outside every table names the table span", () => {
    expect(WML("2010-01-01")).toEqual({
      error: "#N/A",
      message: "Geen waarde voor wml.maand (het wettelijk minimumloon per maand) op 1-1-2010. De tabel loopt van 1-1-2015 tot en met 31-12-2026; kies een peildatum binnen die periode.",
    });
  });

  it("a missing required argument", () => {
    expect(LKS(d, 0.4)).toEqual({ error: "#VALUE!", message: "uren_per_week ontbreekt. Dit argument is verplicht." });
    expect(LKS(d, "", 38)).toEqual({ error: "#VALUE!", message: "loonwaarde ontbreekt. Dit argument is verplicht." });
  });

  it("a choice that is not offered", () => {
    expect(WML(d, undefined, "week")).toEqual({
      error: "#VALUE!",
      message: 'periode: "week" is geen geldige keuze. Verwacht: "maand", "uur".',
    });
    expect(WML(d, undefined, "MAAND")).toBe(1995);
  });

  it("a multi-cell range where one value is expected", () => {
    expect(LKS(d, [[0.4, 0.5]], 38)).toEqual({
      error: "#VALUE!",
      message: "loonwaarde: een bereik van meerdere cellen, terwijl één waarde verwacht wordt. Verwijs naar één cel.",
    });
  });

  it("unknown parameter name for PARAM and BRON is bad input (#VALUE!) and suggests the nearest names", () => {
    for (const r of [PARAM("wml.maan", d), BRON("wml.maan", d)]) {
      expect(code(r)).toBe("#VALUE!");
      expect((r as { message: string }).message).toMatch(/^Onbekende parameter "wml\.maan"\. Bedoelt u "wml\.maand"/);
    }
  });

  it("a parameter with a structured value needs a sleutel", () => {
    expect(PARAM("wml.jeugdstaffel", d)).toEqual({
      error: "#VALUE!",
      message: "sleutel ontbreekt. Parameter wml.jeugdstaffel heeft meerdere waarden; geef een sleutel: 15, 16, 17, 18, 19, 20.",
    });
    expect(PARAM("wml.jeugdstaffel", d, "21")).toEqual({
      error: "#VALUE!",
      message: 'sleutel: "21" is geen geldige keuze. Verwacht: "15", "16", "17", "18", "19", "20".',
    });
  });

  it("too many arguments", () => {
    expect(invoke("WML", [d, 21, "maand", 5])).toEqual({
      error: "#VALUE!",
      message: "PB.WML heeft ten hoogste 3 argumenten (peildatum; leeftijd; periode). Verwijder de overige.",
    });
    // trailing empty arguments are what Excel passes for omitted ones: not "too many"
    expect(invoke("WML", [d, undefined, undefined, null])).toBe(1995);
    expect(invoke("VERSIE", ["x"])).toMatchObject({ error: "#VALUE!" });
  });

  it("an error value passed in passes through with its own code", () => {
    expect(LKS(d, { error: "#DIV/0!" }, 38)).toEqual({ error: "#DIV/0!", message: "loonwaarde bevat de fout #DIV/0!." });
    expect(LKS({ error: "#REF!", message: "weg" }, 0.4, 38)).toEqual({ error: "#REF!", message: "weg" });
  });

  it("an unknown function id is #NAME?", () => {
    expect(invoke("NOPE", [])).toEqual({ error: "#NAME?", message: "Onbekende functie PB.NOPE." });
  });
});

describe("PB.PARAM, PB.BRON, PB.VERSIE", () => {
  it("PARAM gives numbers, and structured values by sleutel (case-insensitive)", () => {
    expect(PARAM("lks.werkgeverslasten", "2018-01-01")).toBe(0.235);
    expect(PARAM("lks.werkgeverslasten", DATE(2017, 12, 31))).toBe(0.23);
    expect(PARAM("wml.jeugdstaffel", "2019-07-01", "20")).toBe(0.8);
    expect(PARAM("wml.jeugdstaffel", "2019-07-01", 18)).toBe(0.5);
    expect(PARAM("lks.normuren", "2024-01-01")).toBe(36);
    expect(PARAM("lks.cap", "2015-01-01")).toBe(0.7);
  });

  it("BRON cites regeling, artikel, publicatie (when known), date, confidence in words and the link; no research note", () => {
    expect(BRON("lks.werkgeverslasten", "2018-01-01")).toBe(
      "Regeling loonkostensubsidie Participatiewet art. 1; Stcrt. 2017, 68248; geldig vanaf 1-1-2018; bron: wettekst of twee bronnen eens; " +
        "https://wetten.overheid.nl/BWBR0035633",
    );
    expect(BRON("lks.cap", DATE(2020, 1, 1))).toBe("Participatiewet art. 10d lid 4; geldig vanaf 1-1-2015; bron: wettekst of twee bronnen eens; https://wetten.overheid.nl/BWBR0015703");
    // A value with one secondary source says so in words, and the note behind it ("sources.md §2.2") stays out.
    const m = BRON("wml.maand", "2024-07-01") as string;
    expect(m).toContain("één secundaire bron");
    expect(m).not.toMatch(/sources\.md|nagezocht|betrouwbaarheid [HML]/);
  });

  it("VERSIE contains package.json's version, the parameter-set version and hash; version.ts equals package.json", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const pkg = require("../../../package.json") as { version: string };
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { ADDIN_VERSION } = require("../../../src/version") as { ADDIN_VERSION: string };
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { PARAMETER_SET_VERSION, PARAMETER_SET_HASH } = require("../../../src/parameters") as Record<string, string>;
    expect(ADDIN_VERSION).toBe(pkg.version);
    const v = both("VERSIE", [], excel.versie as () => unknown);
    expect(v).toBe(`PB Rekenkit ${pkg.version}; parameterset ${PARAMETER_SET_VERSION} (${PARAMETER_SET_HASH})`);
  });
});
