import type { TemplateDef } from "../types";
import { registerChecks, registerExample, registerSheet } from "./lksRegister";

const { sheet, refs } = registerSheet("register", "LKS-register");

export const LKS_REGISTER: TemplateDef = {
  id: "LKS-REGISTER",
  title: "LKS-register (loonkostensubsidie per werknemer)",
  description:
    "Eén regel per werknemer (zonder BSN) met begin- en einddatum, loonwaarde, uren en leeftijd; maandbedragen met PB.LKSPERIODE en een jaartotaal voor de SiSa-indicator loonkostensubsidie (G2).",
  version: "1.1.0",
  readsVersions: ["1.0.0"],
  years: { from: 2015, to: null },
  yearCell: refs.year,
  sheets: [sheet],
  indicators: [],
  checks: [
    {
      id: "jaar.ingevuld",
      kind: "required",
      title: "Verantwoordingsjaar ingevuld",
      why: "Het jaar bepaalt de maanden en de minimumloontabel.",
      cells: [{ ...refs.year, label: "verantwoordingsjaar" }],
    },
    {
      id: "jaar.bereik",
      kind: "yearRange",
      title: "Jaar binnen de Participatiewet",
      why: "Loonkostensubsidie bestaat vanaf 1-1-2015 (Pwet art. 10d).",
      cell: refs.year,
      from: 2015,
    },
    ...registerChecks("register", refs),
  ],
  lists: [refs.list],
  example: registerExample("register", true),
};
