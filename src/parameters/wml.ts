import type { Parameter } from "./types";
import { JEUGDLOON, WML_WET } from "./sources";

/**
 * Adult WML per month (full-time, bruto). Until 2023 the statutory monthly amount (WML art. 8 lid 1 a);
 * from 2024-01-01 the statutory amount is per hour and this table holds the reference monthly amount that
 * Pwet art. 2 points to (WML art. 8 lid 1 b). Figures: sources.md §2.1 and §2.2.
 */
const m = (from: string, value: number, publicatie: string, confidence: "H" | "M", note?: string) => ({
  from,
  value,
  source: { ...WML_WET, artikel: from < "2024-01-01" ? "art. 8 lid 1 a, art. 14" : "art. 8 lid 1 b, art. 14", publicatie, confidence, ...(note ? { note } : {}) },
});

export const wmlMaand: Parameter<number> = {
  name: "wml.maand",
  description:
    "Wettelijk minimumloon per maand, volwassen leeftijd, voltijd (bruto). Vanaf 2024 het referentiemaandbedrag naast het wettelijke uurloon.",
  unit: "EUR/maand",
  until: "2026-07-01",
  values: [
    m("2015-01-01", 1501.8, "minimumloon.nl/minimumloon-2015 (indexatie 1,004435 op 1.495,20)", "H"),
    m("2015-07-01", 1507.8, "rendement.nl; salure; glasbrancheorganisatie", "H"),
    m("2016-01-01", 1524.6, "nagelhout.nl", "M", "Eén secundaire bron."),
    m("2016-07-01", 1537.2, "nijsingh.nl", "M", "Eén secundaire bron."),
    m("2017-01-01", 1551.6, "pnr.nu; payroll-collectief (+0,94%)", "H"),
    m("2017-07-01", 1565.4, "riegman-klaverdijk; lorijn.nl; lautenschlager", "H"),
    m("2018-01-01", 1578.0, "tripolissupport; horecasalarisadministratie; sarspersoneelsadvies", "H"),
    m("2018-07-01", 1594.2, "vpt.nl (bron Rijksoverheid)", "M", "Eén secundaire bron; een andere bron zet het bedrag ten onrechte op januari 2018."),
    m("2019-01-01", 1615.8, "all4people", "M", "Eén secundaire bron."),
    m("2019-07-01", 1635.6, "all4people; verseput (+1,23%)", "H"),
    m("2020-01-01", 1653.6, "gba-adviseurs; nfofruit (+1,10%)", "H"),
    m("2020-07-01", 1680.0, "Stcrt. 2020, 22092 (via admaxi)", "M", "Eén secundaire bron."),
    m("2021-01-01", 1684.8, "werkstudent (+0,29%)", "M", "Eén secundaire bron."),
    m("2021-07-01", 1701.0, "puuraccountancy (+0,96%)", "M", "Eén secundaire bron."),
    m("2022-01-01", 1725.0, "Stcrt. 2021, 44177 (via p-direkt; vnpf)", "H"),
    m("2022-07-01", 1756.2, "adfinadvies; weertdegekste; opennieuwsbank", "H"),
    m("2023-01-01", 1934.4, "adfinadvies; weertdegekste (+10,15%, incl. extra verhoging 8,05%)", "H"),
    m("2023-07-01", 1995.0, "Stcrt. 2023, 12023 (via buro360; fliandersz; vgn)", "H"),
    m("2024-01-01", 2069.4, "besluit 2023-0000526966 (via accountingcounts)", "M", "Referentiemaandbedrag; één secundaire bron (sources.md §2.2)."),
    m("2024-07-01", 2133.6, "4-vision; wia-specialist; persaldi", "M", "Referentiemaandbedrag; één secundaire bron (sources.md §2.2)."),
    m("2025-01-01", 2191.8, "vertiadvies", "M", "Referentiemaandbedrag; één secundaire bron (sources.md §2.2)."),
    m("2025-07-01", 2245.8, "Stcrt. 2025, 12264 (via admintrend; mkbservicedesk)", "M", "Referentiemaandbedrag; één secundaire bron (sources.md §2.2)."),
    m("2026-01-01", 2294.4, "besluit 2025-0000213859 (via admintrend; grootheddeaccountants; smitwolf)", "H",
      "Referentiemaandbedrag. 2.245,80 × 1,0215 = 2.294,08, niet 2.294,40; maar grootheddeaccountants.nl en smitwolf.nl (januari 2026) noemen beide € 2.294,40 (nagezocht november 2026)."),
  ],
};

const u = (from: string, value: number, publicatie: string, confidence: "H" | "M", note?: string) => ({
  from,
  value,
  source: { ...WML_WET, artikel: "art. 8 lid 1 a, art. 14 (minimumuurloon)", publicatie, confidence, ...(note ? { note } : {}) },
});

export const wmlUur: Parameter<number> = {
  name: "wml.uur",
  description: "Wettelijk minimumuurloon, volwassen leeftijd (21+), vanaf 2024 (Wet invoering minimumuurloon).",
  unit: "EUR/uur",
  until: "2026-07-01",
  values: [
    u("2024-01-01", 13.27, "besluit 2023-0000526966 (via accountingcounts)", "H"),
    u("2024-07-01", 13.68, "4-vision; wia-specialist; persaldi", "H"),
    u("2025-01-01", 14.06, "vertiadvies", "M", "Eén secundaire bron (sources.md §2.2: M/H)."),
    u("2025-07-01", 14.4, "Stcrt. 2025, 12264 (via admintrend; mkbservicedesk)", "H"),
    u("2026-01-01", 14.71, "besluit 2025-0000213859 (via admintrend; grootheddeaccountants; smitwolf)", "H"),
  ],
};

export const wmlVolwassenLeeftijd: Parameter<number> = {
  name: "wml.volwassenleeftijd",
  description: "Leeftijd vanaf welke het volledige (volwassen) minimumloon geldt.",
  unit: "jaren",
  values: [
    { from: "2015-01-01", value: 23, source: { ...WML_WET, artikel: "art. 7", confidence: "H" } },
    { from: "2017-07-01", value: 22, source: { ...WML_WET, artikel: "art. 7", confidence: "H" } },
    { from: "2019-07-01", value: 21, source: { ...WML_WET, artikel: "art. 7", confidence: "H" } },
  ],
};

export type Staffel = Readonly<Record<string, number>>;

export const wmlJeugdstaffel: Parameter<Staffel> = {
  name: "wml.jeugdstaffel",
  description: "Jeugdloonstaffel: minimumjeugdloon als fractie van het volwassen minimumloon, per leeftijd (15 tot volwassen).",
  unit: "fractie per leeftijd",
  values: [
    {
      from: "2015-01-01",
      value: { "22": 0.85, "21": 0.725, "20": 0.615, "19": 0.525, "18": 0.455, "17": 0.395, "16": 0.345, "15": 0.3 },
      source: { ...JEUGDLOON, artikel: "art. 1", confidence: "H", note: "sources.md §2.3 (lorijn.nl; verseput; minimumloon.nl)" },
    },
    {
      from: "2017-07-01",
      value: { "21": 0.85, "20": 0.7, "19": 0.55, "18": 0.475, "17": 0.395, "16": 0.345, "15": 0.3 },
      source: { ...JEUGDLOON, artikel: "art. 1", confidence: "H", note: "sources.md §2.3" },
    },
    {
      from: "2019-07-01",
      value: { "20": 0.8, "19": 0.6, "18": 0.5, "17": 0.395, "16": 0.345, "15": 0.3 },
      source: { ...JEUGDLOON, artikel: "art. 1", confidence: "H", note: "sources.md §2.3" },
    },
  ],
};

export const wmlJeugdAfronding: Parameter<number> = {
  name: "wml.jeugdafronding",
  description:
    "Afronding van het minimumjeugdloon: per maand op € 0,05 (tot 2024), per uur op € 0,01 (vanaf 2024), telkens rekenkundig (de helft naar boven).",
  unit: "EUR",
  values: [
    {
      from: "2015-01-01",
      value: 0.05,
      source: {
        ...JEUGDLOON,
        artikel: "art. 1",
        confidence: "M",
        note: "Afgeleid: elk gepubliceerd jeugdbedrag 2015–2023 in sources.md §2.4 is volwassen bedrag × % afgerond op € 0,05.",
      },
    },
    {
      from: "2024-01-01",
      value: 0.01,
      source: {
        ...JEUGDLOON,
        artikel: "art. 1",
        confidence: "M",
        note: "Afgeleid: elk gepubliceerd jeugduurloon 2024–2026 in sources.md §2.2 is uurloon × % afgerond op € 0,01.",
      },
    },
  ],
};

export const vakantiebijslag: Parameter<number> = {
  name: "vakantiebijslag",
  description: "Minimumvakantiebijslag als fractie van het loon (8%).",
  unit: "fractie",
  values: [{ from: "2015-01-01", value: 0.08, source: { ...WML_WET, artikel: "art. 15 lid 1", confidence: "H" } }],
};
