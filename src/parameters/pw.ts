/**
 * Terms of the Participatiewet (2015–) for the calendar, as data (PB.DEADLINE "buig" and "sisa-buig").
 * The SiSa term itself (15 July T+1, Fvw art. 17a) is deadline.sisa and holds for both regimes.
 */
import type { Parameter } from "./types";
import type { Deadline } from "./wpb";
import { PWET } from "./sources";

export const deadlineBuig: Parameter<Deadline> = {
  name: "deadline.buig",
  description:
    "Het budget voor de gebundelde uitkering (BUIG) van jaar T wordt ten minste drie maanden vóór het jaar bekendgemaakt: uiterlijk 1 oktober T−1.",
  unit: "datum",
  values: [
    {
      from: "2015-01-01",
      value: { jaarOffset: -1, maand: 10, dag: 1 },
      source: {
        ...PWET,
        artikel: "art. 69 lid 4",
        confidence: "H",
        note: "De wet zegt 'ten minste drie maanden voor het kalenderjaar'; 1 oktober T−1 is de laatste dag die daaraan voldoet.",
      },
    },
  ],
};

export const deadlineSisaBuig: Parameter<Deadline> = {
  name: "deadline.sisa.buig",
  description:
    "SiSa-gegevens over jaar T tellen mee voor de verdeling van het BUIG-budget van T+2 als ze op 15 augustus T+1 bekend zijn; anders worden de gegevens van een jaar eerder gebruikt.",
  unit: "datum",
  values: [
    {
      from: "2015-01-01",
      value: { jaarOffset: 1, maand: 8, dag: 15 },
      source: {
        regeling: "Besluit Participatiewet",
        publicatie: "tekst 2015 (verdeling gebundelde uitkering: lasten t−2 uit SiSa)",
        bwb: "BWBR0020183",
        url: "https://wetten.overheid.nl/BWBR0020183",
        confidence: "H",
        note: "sources.md §1.5 en §6: ontbreken de SiSa-gegevens op 15 augustus van t−1, dan worden de gegevens van t−3 gebruikt. Artikelnummer nog na te slaan.",
      },
    },
  ],
};
