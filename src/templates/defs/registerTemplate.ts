import type { TemplateDef } from "../types";
import { registerChecks, registerExample, registerSheet, type RegisterLayout } from "./lksRegister";

function lksRegister(layout: RegisterLayout): TemplateDef {
  const { sheet, refs } = registerSheet("register", "LKS-register", undefined, layout);
  return {
    id: "LKS-REGISTER",
    title: "LKS-register (loonkostensubsidie per werknemer)",
    description:
      "Eén regel per vaststelling (zonder BSN) met begin- en einddatum, route (loonwaarde of forfaitair 50%), loonwaarde, uren en leeftijd; maandbedragen zoals vastgesteld op de begindatum en per 1 januari opnieuw vastgesteld (PB.LKSPERIODE, PB.LKSFORFAITAIR), en een jaartotaal als norm voor de SiSa-indicator loonkostensubsidie (G2).",
    version: layout,
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
    example: registerExample("register", true, layout),
  };
}

/** Version 1.0.0 re-priced every month on its own first day (the minimum wage of 1 July reached running employments). */
const V1 = lksRegister("1.0.0");

export const LKS_REGISTER: TemplateDef = {
  ...lksRegister("1.1.0"),
  legacy: [
    {
      ...V1,
      outdated:
        "Dit register is gemaakt met sjabloonversie 1.0.0. Die rekent elke maand opnieuw met het minimumloon van die maand, zodat de verhoging van 1 juli ook een lopend dienstverband bereikt; " +
        "de wet stelt de loonkostensubsidie vast bij de start en opnieuw per 1 januari (Participatiewet art. 10d lid 7). De bedragen kunnen daardoor te hoog zijn. " +
        "Voeg het sjabloon opnieuw in (versie 1.1.0) en neem de regels over.",
    },
  ],
};
