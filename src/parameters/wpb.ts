import type { Parameter } from "./types";
import { BPB, RPB, SISA, WPB } from "./sources";

/** The Wet participatiebudget ran from 2009-01-01; its budget chapter lapsed on 2015-01-01 (Bpb art. 11c). */
const WPB_END = "2015-01-01";

export const meeneemReservering: Parameter<number> = {
  name: "meeneem.reservering",
  description: "Meeneemregeling: deel van het toegekende participatiebudget dat onbesteed naar het volgende jaar mag (25%).",
  unit: "fractie",
  until: WPB_END,
  values: [{ from: "2009-01-01", value: 0.25, source: { ...BPB, artikel: "art. 12 lid 1", confidence: "H", note: "Tekst art. 12 nagelezen in statengeneraal/laws-markdown (BWBR0025044, versie 2013-12-12)." } }],
};

export const meeneemReserveringArt13: Parameter<number> = {
  name: "meeneem.reservering.art13",
  description:
    "Meeneemregeling voor gemeenten van art. 13 Wpb (BDU-SIV): 31,25% in 2009, daarna gelijk aan de gewone 25%.",
  unit: "fractie",
  until: WPB_END,
  values: [
    { from: "2009-01-01", value: 0.3125, source: { ...BPB, artikel: "art. 12 lid 3", confidence: "H", note: "Overgangsjaar 2009, gemeenten van Wpb art. 13 (BDU-SIV educatie/inburgering). Tekst art. 12 nagelezen in statengeneraal/laws-markdown (BWBR0025044, versie 2013-12-12)." } },
    { from: "2010-01-01", value: 0.25, source: { ...BPB, artikel: "art. 12 lid 1", confidence: "H" } },
  ],
};

export const meeneemVoorfinanciering: Parameter<number> = {
  name: "meeneem.voorfinanciering",
  description: "Voorfinanciering: deel van het budget dat een overbesteding ten laste van het budget van het volgende jaar mag brengen (25%).",
  unit: "fractie",
  until: WPB_END,
  values: [{ from: "2009-01-01", value: 0.25, source: { ...BPB, artikel: "art. 12 lid 2", confidence: "H", note: "Tekst art. 12 nagelezen in statengeneraal/laws-markdown (BWBR0025044, versie 2013-12-12)." } }],
};

export const meeneemVoorfinancieringArt13: Parameter<number> = {
  name: "meeneem.voorfinanciering.art13",
  description: "Voorfinanciering voor gemeenten van art. 13 Wpb (BDU-SIV): 31,25% in 2009, daarna gelijk aan de gewone 25%.",
  unit: "fractie",
  until: WPB_END,
  values: [
    { from: "2009-01-01", value: 0.3125, source: { ...BPB, artikel: "art. 12 lid 3", confidence: "H", note: "Lid 3 geldt voor de percentages van lid 1 én lid 2. Tekst art. 12 nagelezen in statengeneraal/laws-markdown (BWBR0025044, versie 2013-12-12)." } },
    { from: "2010-01-01", value: 0.25, source: { ...BPB, artikel: "art. 12 lid 2", confidence: "H" } },
  ],
};

export const terugvorderingTermijn: Parameter<number> = {
  name: "terugvordering.termijn",
  description: "Termijn na afloop van het jaar waarbinnen de verantwoording binnen moet zijn; daarna wordt het hele budget teruggevorderd.",
  unit: "maanden",
  until: WPB_END,
  values: [{ from: "2009-01-01", value: 13, source: { ...WPB, artikel: "art. 4 lid 3", confidence: "H" } }],
};

export const terugvorderingTermijnGr: Parameter<number> = {
  name: "terugvordering.termijn.gr",
  description: "Als terugvordering.termijn, voor een gemeenschappelijke regeling.",
  unit: "maanden",
  until: WPB_END,
  values: [{ from: "2009-01-01", value: 25, source: { ...WPB, artikel: "art. 4 lid 3 jo. art. 6", confidence: "H" } }],
};

/** Deadlines are month-day within the stated year offset, kept as data so a change is one line. */
export interface Deadline {
  /** Years after the verantwoordingsjaar T (negative: before). */
  jaarOffset: number;
  maand: number;
  dag: number;
}

export const deadlineSisa: Parameter<Deadline> = {
  name: "deadline.sisa",
  description: "Uiterste datum voor de SiSa-bijlage bij CBS: 15 juli van het jaar na het verantwoordingsjaar.",
  unit: "datum",
  values: [{ from: "2009-01-01", value: { jaarOffset: 1, maand: 7, dag: 15 }, source: { ...SISA, artikel: "art. 2; Fvw art. 17a", confidence: "H" } }],
};

export const deadlineBeeld: Parameter<Deadline> = {
  name: "deadline.beeld",
  description: "Uiterste datum voor het beeld van de uitvoering (Wpb): 28 februari van het jaar na het uitvoeringsjaar; anders schorsing van de betaling.",
  unit: "datum",
  until: WPB_END,
  values: [{ from: "2009-01-01", value: { jaarOffset: 1, maand: 2, dag: 28 }, source: { ...RPB, artikel: "art. 1 en 1a", confidence: "H" } }],
};

export const deadlineVaststelling: Parameter<Deadline> = {
  name: "deadline.vaststelling",
  description: "Vaststelling van het participatiebudget: in september van het jaar vóór het budgetjaar (laatste dag: 30 september).",
  unit: "datum",
  until: WPB_END,
  values: [
    {
      // Budget year 2009 was set within four weeks after the law entered into force (Wpb art. 15 lid 4; sources.md §6),
      // not in September 2008: the table starts with budget year 2010.
      from: "2010-01-01",
      value: { jaarOffset: -1, maand: 9, dag: 30 },
      source: {
        ...WPB,
        artikel: "art. 2 lid 2",
        confidence: "H",
        note: "De wet zegt 'in september'; PB.DEADLINE geeft de laatste dag van die maand. Budgetjaar 2009: binnen vier weken na inwerkingtreding (art. 15 lid 4), niet in deze tabel.",
      },
    },
  ],
};

export const outputLag: Parameter<number> = {
  name: "verdeling.outputlag",
  description: "Aantal jaren tussen het outputjaar en het budgetjaar dat de output verdeelt (t−2).",
  unit: "jaren",
  values: [{ from: "2009-01-01", value: 2, source: { ...BPB, artikel: "art. 4, art. 9; Fvw art. 17a", confidence: "H" } }],
};

export const szwA: Parameter<number> = {
  name: "verdeling.szw.a",
  description: "Aandeel objectief verdeeld in het SZW-deel (re-integratie) van het participatiebudget: a in (a × OW/OTW + (1 − a) × KW/TKW) × TBW.",
  unit: "fractie",
  until: WPB_END,
  values: [
    { from: "2009-01-01", value: 0.67, source: { ...BPB, artikel: "art. 2, bijlage 1", confidence: "H" } },
    { from: "2010-01-01", value: 0.83, source: { ...BPB, artikel: "art. 2, bijlage 1", confidence: "H" } },
    { from: "2011-01-01", value: 1.0, source: { ...BPB, artikel: "art. 2, bijlage 1", confidence: "H" } },
  ],
};

export interface SzwGewichten {
  bijstandsontvangers: number;
  wwOntvangers: number;
  beroepsbevolking: number;
  kwalitatieveDiscrepantie: number;
}

export const szwGewichten: Parameter<SzwGewichten> = {
  name: "verdeling.szw.gewichten",
  description: "Gewichten van de objectieve verdeelmaatstaven van het SZW-deel (negatieve uitkomsten worden 0).",
  unit: "gewicht",
  until: WPB_END,
  values: [
    {
      from: "2009-01-01",
      value: { bijstandsontvangers: 1.62, wwOntvangers: -0.2, beroepsbevolking: -0.01, kwalitatieveDiscrepantie: 0.31 },
      source: { ...RPB, artikel: "art. 2", confidence: "H" },
    },
  ],
};

export interface InburgeringSleutel {
  /** Weight of duale inburgerings-/taalkennisvoorzieningen against ordinary ones. */
  duaalGewicht: number;
  /** Share of the inburgering budget distributed on voorzieningen; the rest on exam output. */
  aandeelVoorzieningen: number;
  /** Fraction of the counts that counts when the data were not delivered via SiSa. */
  nietViaSisaFactor: number;
}

export const inburgeringSleutel: Parameter<InburgeringSleutel> = {
  name: "verdeling.inburgering",
  description: "Verdeelsleutel inburgering 2012 (t−2-gegevens): 50% voorzieningen (duaal gewicht 1,5), 50% examenoutput; niet via SiSa geleverd: de helft telt.",
  unit: "gewicht",
  until: "2013-01-01",
  values: [
    {
      from: "2012-01-01",
      value: { duaalGewicht: 1.5, aandeelVoorzieningen: 0.5, nietViaSisaFactor: 0.5 },
      source: { ...BPB, artikel: "art. 9 en 10", confidence: "H", note: "Paragraaf 3 (WWI) vervallen per 1-1-2013 (Wet inburgering 2013)." },
    },
  ],
};

export interface EducatieSleutel {
  laagopgeleiden: number;
  allochtoon: number;
  trajectenRoc: number;
  nt2Certificaten: number;
}

export const educatieSleutel: Parameter<EducatieSleutel> = {
  name: "verdeling.educatie",
  description: "Verdeelsleutel educatie 2013–2014: vier termen van elk 25%; niet via SiSa geleverd: de outputtermen (trajecten, NT2) worden 0.",
  unit: "gewicht",
  until: WPB_END,
  values: [
    {
      from: "2013-01-01",
      value: { laagopgeleiden: 0.25, allochtoon: 0.25, trajectenRoc: 0.25, nt2Certificaten: 0.25 },
      source: {
        ...BPB,
        artikel: "art. 4 en 6",
        publicatie: "Stb. 2012, 524",
        confidence: "M",
        note: "De formule staat als afbeelding in het Besluit; de gelijke gewichten van 25% komen uit het antwoord op Kamervraag 2013Z24141 (31-1-2014).",
      },
    },
  ],
};

export interface DoelgroepLeeftijden {
  /** Minimum age of the target group (art. 1). */
  minimum: number;
  /** Re-integratie also from this age while kwalificatieplicht has not ended (art. 3 lid 3). */
  reintegratieVanaf: number;
  /** Leer-werktraject without startkwalificatie: up to (not including) this age (art. 3 lid 3). */
  leerwerkTot: number;
}

export const doelgroepLeeftijden: Parameter<DoelgroepLeeftijden> = {
  name: "doelgroep.leeftijd",
  description: "Leeftijdsgrenzen van de doelgroep van de Wet participatiebudget.",
  unit: "jaren",
  until: WPB_END,
  values: [
    {
      from: "2009-01-01",
      value: { minimum: 18, reintegratieVanaf: 16, leerwerkTot: 27 },
      source: { ...WPB, artikel: "art. 1, art. 3 lid 3", confidence: "H" },
    },
  ],
};

export const sisaGrRapportage: Parameter<Deadline> = {
  name: "deadline.sisa.gr",
  description: "Een gemeenschappelijke regeling levert haar SiSa-verantwoording aan de deelnemende gemeenten: 15 juli T+1.",
  unit: "datum",
  values: [{ from: "2009-01-01", value: { jaarOffset: 1, maand: 7, dag: 15 }, source: { ...SISA, artikel: "bijlage 3", confidence: "H" } }],
};

