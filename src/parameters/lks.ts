import type { Parameter } from "./types";
import { BESLUIT_LKS, PWET, REGELING_LKS, REGELING_LKS_2021 } from "./sources";

export const lksCap: Parameter<number> = {
  name: "lks.cap",
  description: "Maximum loonkostensubsidie als fractie van het wettelijk minimumloon plus vakantiebijslag (70%).",
  unit: "fractie",
  values: [{ from: "2015-01-01", value: 0.7, source: { ...PWET, artikel: "art. 10d lid 4", confidence: "H" } }],
};

export const lksWerkgeverslasten: Parameter<number> = {
  name: "lks.werkgeverslasten",
  description: "Vergoeding voor werkgeverslasten, als fractie van de loonkostensubsidie (bovenop de gemaximeerde subsidie).",
  unit: "fractie",
  values: [
    {
      from: "2015-01-01",
      value: 0.23,
      source: {
        ...REGELING_LKS,
        artikel: "art. 1 lid 2",
        publicatie: "Stcrt. 2014, 35743",
        confidence: "H",
        note: "De regeling van 10-10-2014 noemde 23,5%; vóór inwerkingtreding gewijzigd in 23%. Toegepast bovenop de gemaximeerde subsidie (praktijk; of de opslag ook de 70%-grens verhoogt is een open rechtsvraag).",
      },
    },
    {
      from: "2018-01-01",
      value: 0.235,
      source: {
        ...REGELING_LKS,
        artikel: "art. 1 lid 2",
        publicatie: "Stcrt. 2017, 68248",
        confidence: "H",
        note: "Vanaf 1-7-2021 ongewijzigd voortgezet in de Regeling LKS Pwet 2021 art. 1 (BWBR0044901).",
      },
    },
    {
      from: "2021-07-01",
      value: 0.235,
      source: { ...REGELING_LKS_2021, artikel: "art. 1", confidence: "H" },
    },
  ],
};

export const lksNormuren: Parameter<number> = {
  name: "lks.normuren",
  description:
    "Voltijduren waartegen de loonkostensubsidie naar rato wordt berekend. Tot 2024 de normale arbeidsduur van de functie (standaard 38 uur, zelf op te geven); vanaf 2024 wettelijk 36 uur.",
  unit: "uren/week",
  values: [
    {
      from: "2015-01-01",
      value: 38,
      source: {
        ...BESLUIT_LKS,
        artikel: "art. 1",
        confidence: "M",
        note: "Standaardwaarde: Pwet art. 10d lid 4 rekent naar de normale arbeidsduur van de functie (art. 12 WML); het Besluit LKS Pwet 2014 art. 1 gaat uit van 38 uur. Geef de eigen normale arbeidsduur op in het argument voltijduren.",
      },
    },
    {
      from: "2024-01-01",
      value: 36,
      source: { ...PWET, artikel: "art. 10d lid 4", publicatie: "Wet invoering minimumuurloon (tekst per 2024-01-01)", confidence: "H" },
    },
  ],
};

export type Deeltijdregel = "alleen-verminderen" | "verminderen-of-vermeerderen";

export const lksDeeltijdregel: Parameter<Deeltijdregel> = {
  name: "lks.deeltijdregel",
  description:
    "Hoe de loonkostensubsidie met de arbeidsduur meebeweegt: tot 2024 alleen verminderd bij minder uren dan de normale arbeidsduur; vanaf 2024 verminderd of vermeerderd ten opzichte van 36 uur, ten hoogste tot de voltijd in vergelijkbare functies.",
  unit: "regel",
  values: [
    {
      from: "2015-01-01",
      value: "alleen-verminderen",
      source: { ...PWET, artikel: "art. 10d lid 4", confidence: "H", note: "'naar evenredigheid verminderd indien de overeengekomen arbeidsduur korter is dan de normale arbeidsduur'" },
    },
    {
      from: "2024-01-01",
      value: "verminderen-of-vermeerderen",
      source: {
        ...PWET,
        artikel: "art. 10d lid 4",
        publicatie: "Wet invoering minimumuurloon (tekst per 2024-01-01)",
        confidence: "H",
        note: "'naar evenredigheid verminderd of vermeerderd, indien de overeengekomen arbeidsduur korter of langer is dan 36 uren per week'",
      },
    },
  ],
};

export const lksForfaitair: Parameter<number> = {
  name: "lks.forfaitair",
  description: "Loonkostensubsidie zonder loonwaardebepaling: fractie van minimumloon plus vakantiebijslag (50%), vermeerderd met werkgeverslasten.",
  unit: "fractie",
  values: [
    {
      from: "2017-02-01",
      value: 0.5,
      source: { ...PWET, artikel: "art. 10d lid 5", publicatie: "Wet stroomlijning (in werking 2017-02-01); Regeling-wijziging Stcrt. 2016, 67759", confidence: "H" },
    },
  ],
};

export const lksForfaitairMaanden: Parameter<number> = {
  name: "lks.forfaitair.maanden",
  description: "Maximale duur van de forfaitaire loonkostensubsidie (50%-route), in maanden vanaf de start van het dienstverband.",
  unit: "maanden",
  values: [
    {
      from: "2017-02-01",
      value: 6,
      source: { ...PWET, artikel: "art. 10d lid 5", publicatie: "Wet stroomlijning (in werking 2017-02-01); Regeling-wijziging Stcrt. 2016, 67759", confidence: "H" },
    },
  ],
};
