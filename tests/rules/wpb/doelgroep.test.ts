/** WPB doelgroep (art. 1, art. 3) and the participatieladder, hand-worked. Peildatum 30-6-2012 unless stated. */
import { doelgroep } from "../../../src/rules/doelgroep";
import { ladder, LADDER } from "../../../src/rules/ladder";
import { errorOf } from "./helpers";

const P = "2012-06-30";
const at = (geboortedatum: string, extra: Partial<Parameters<typeof doelgroep>[0]> = {}) =>
  doelgroep({ geboortedatum, peildatum: P, ...extra });

describe("doelgroep", () => {
  test("algemeen: 18 on the birthday", () => {
    expect(at("1994-06-30")).toBe(true); // 18 today
    expect(at("1994-07-01")).toBe(false); // 17, kwalificatieplicht not met
    expect(at("1994-07-01", { kwalificatieplichtVoldaan: true })).toBe(true); // 17 with startkwalificatie/vrijstelling
  });
  test("educatie: 18+ only", () => {
    expect(at("1994-06-30", { soort: "educatie" })).toBe(true);
    expect(at("1994-07-01", { soort: "educatie", kwalificatieplichtVoldaan: true })).toBe(false);
  });
  test("re-integratie: also 16/17 while the kwalificatieplicht runs, when the college judges a leer-werktraject called for (art. 3 lid 3)", () => {
    expect(at("1996-06-30", { soort: "re-integratie", leerwerktraject: true })).toBe(true); // 16 today
    expect(at("1994-07-01", { soort: "re-integratie", leerwerktraject: true })).toBe(true); // 17
    expect(at("1994-07-01", { soort: "re-integratie", leerwerktraject: false })).toBe(false); // 17, no leer-werktraject
    expect(at("1996-07-01", { soort: "re-integratie", leerwerktraject: true })).toBe(false); // 15
    expect(at("1996-07-01", { soort: "re-integratie", kwalificatieplichtVoldaan: true })).toBe(true); // 15, via art. 1
    expect(at("1980-01-01", { soort: "re-integratie" })).toBe(true); // 18+: no judgement needed
  });
  test("re-integratie at 16/17 without the judgement: the answer depends on it, so it is asked for", () => {
    expect(errorOf(() => at("1994-07-01", { soort: "re-integratie" }))).toEqual({
      code: "#VALUE!",
      kind: "invalid",
      message:
        "leerwerktraject: voor 17 jaar hangt re-integratie af van het oordeel van het college dat een leer-werktraject geboden is (Wpb art. 3 lid 3). Verwacht: WAAR of ONWAAR",
    });
    // With the kwalificatieplicht met, art. 1 already includes the 17-year-old: no judgement needed.
    expect(at("1994-07-01", { soort: "re-integratie", kwalificatieplichtVoldaan: true })).toBe(true);
  });
  test("29 February birthday: 18 on 1 March in a common year", () => {
    expect(doelgroep({ geboortedatum: "1992-02-29", peildatum: "2010-02-28" })).toBe(false);
    expect(doelgroep({ geboortedatum: "1992-02-29", peildatum: "2010-03-01" })).toBe(true);
  });
  test("peildatum outside the WPB (2009–2014): #N/A", () => {
    expect(doelgroep({ geboortedatum: "1980-01-01", peildatum: "2014-12-31" })).toBe(true);
    expect(errorOf(() => doelgroep({ geboortedatum: "1980-01-01", peildatum: "2015-01-01" }))).toEqual({
      code: "#N/A",
      kind: "dateOutsideTable",
      message: "Geen waarde voor doelgroep.leeftijd (de leeftijdsgrenzen van de doelgroep) op 1-1-2015. De tabel loopt van 1-1-2009 tot en met 31-12-2014; kies een peildatum binnen die periode.",
    });
    expect(errorOf(() => doelgroep({ geboortedatum: "1980-01-01", peildatum: "2008-12-31" })).code).toBe("#N/A");
  });
  test("birth date after peildatum", () => {
    expect(errorOf(() => doelgroep({ geboortedatum: "2012-07-01", peildatum: P }))).toEqual({
      code: "#VALUE!",
      kind: "invalid",
      message: "geboortedatum: 2012-07-01 ligt na de peildatum 2012-06-30. Verwacht: een geboortedatum op of vóór de peildatum",
    });
  });
});

describe("participatieladder (VNG, not law)", () => {
  test("six treden", () => {
    expect([1, 2, 3, 4, 5, 6].map(ladder)).toEqual([
      "Geïsoleerd",
      "Sociale contacten buitenshuis",
      "Deelname georganiseerde activiteiten",
      "Onbetaald werk",
      "Betaald werk met ondersteuning",
      "Betaald werk",
    ]);
    expect(LADDER).toHaveLength(6);
  });
  test("outside 1–6", () => {
    expect(errorOf(() => ladder(7)).message).toBe("trede: 7 valt buiten het toegestane bereik. Verwacht: een geheel getal van 1 tot en met 6.");
  });
});
