import type { FunctionSpec } from "../contract";
import { wml, WML_PERIODES, RULE_VERSION_WML, type WmlPeriode } from "../../rules/wml";
import { lks, lksForfaitair, RULE_VERSION_LKS } from "../../rules/lks";
import { lksPeriod } from "../../rules/lksPeriod";

const LKS_PARAMS = [
  "wml.maand",
  "wml.volwassenleeftijd",
  "wml.jeugdstaffel",
  "wml.jeugdafronding",
  "vakantiebijslag",
  "lks.cap",
  "lks.werkgeverslasten",
  "lks.normuren",
  "lks.deeltijdregel",
];

export const WML: FunctionSpec = {
  id: "WML",
  args: [
    { name: "peildatum", type: "date" },
    { name: "leeftijd", type: "integer", optional: true, min: 0, max: 150, zeroIsEmpty: true },
    { name: "periode", type: "text", optional: true, choices: WML_PERIODES },
  ],
  result: "money",
  legalBasis: "Wet minimumloon en minimumvakantiebijslag art. 7, 8, 14; Minimumjeugdloonregeling art. 2",
  parameters: ["wml.maand", "wml.uur", "wml.volwassenleeftijd", "wml.jeugdstaffel", "wml.jeugdafronding"],
  ruleVersion: RULE_VERSION_WML,
  example: '=PB.WML("2023-07-01")',
  impl: ([date, age, periode], ctx) => wml(date as string, age as number | undefined, (periode as WmlPeriode) ?? "maand", ctx.trace),
};

const lksArgs = [
  { name: "peildatum", type: "date" },
  { name: "loonwaarde", type: "number" },
  { name: "uren_per_week", type: "number" },
  { name: "leeftijd", type: "integer", optional: true, min: 0, max: 150, zeroIsEmpty: true },
  { name: "voltijduren", type: "number", optional: true, zeroIsEmpty: true },
] as const;

export const LKS: FunctionSpec = {
  id: "LKS",
  args: lksArgs,
  result: "money",
  legalBasis: "Participatiewet art. 10d lid 4; Regeling LKS Pwet art. 1 en art. 4 lid 3; Regeling LKS Pwet 2021 art. 1",
  parameters: LKS_PARAMS,
  ruleVersion: RULE_VERSION_LKS,
  example: "=PB.LKS(DATE(2023,7,1),0.4,38)",
  impl: ([date, lw, hours, age, fulltime], ctx) =>
    lks(
      {
        date: date as string,
        loonwaarde: lw as number,
        hoursPerWeek: hours as number,
        age: age as number | undefined,
        fulltimeHours: fulltime as number | undefined,
      },
      ctx.trace,
    ),
};

export const LKSPERIODE: FunctionSpec = {
  id: "LKSPERIODE",
  args: [
    { name: "begindatum", type: "date" },
    { name: "einddatum", type: "date" },
    ...lksArgs.slice(1),
    // Last, so every existing call keeps its meaning: empty = the begindatum. Excel desktop hands an empty cell over as
    // 0, which as a date is 0-1-1900, never an employment's start: 0 means empty here too, as on the web.
    { name: "ingangsdatum", type: "date", optional: true, zeroIsEmpty: true },
  ],
  result: "money",
  legalBasis:
    "Participatiewet art. 10d lid 4, lid 7 (opnieuw vastgesteld per 1 januari; tot 1-2-2017 lid 5: jaarlijks); Regeling LKS Pwet art. 1",
  parameters: [...LKS_PARAMS, "lks.herziening"],
  ruleVersion: RULE_VERSION_LKS,
  example: "=PB.LKSPERIODE(DATE(2023,1,1),DATE(2023,12,31),0.4,38)",
  impl: ([start, end, lw, hours, age, fulltime, ingang], ctx) =>
    lksPeriod(
      {
        start: start as string,
        end: end as string,
        loonwaarde: lw as number,
        hoursPerWeek: hours as number,
        age: age as number | undefined,
        fulltimeHours: fulltime as number | undefined,
        ingangsdatum: ingang as string | undefined,
      },
      ctx.trace,
    ),
};

export const LKSFORFAITAIR: FunctionSpec = {
  id: "LKSFORFAITAIR",
  args: [lksArgs[0], lksArgs[2], lksArgs[3], lksArgs[4]],
  result: "money",
  legalBasis: "Participatiewet art. 10d lid 5 (vanaf 1-2-2017); Regeling LKS Pwet art. 1",
  parameters: ["lks.forfaitair", "lks.forfaitair.maanden", ...LKS_PARAMS.filter((p) => p !== "lks.cap")],
  ruleVersion: RULE_VERSION_LKS,
  example: "=PB.LKSFORFAITAIR(DATE(2024,7,1),36)",
  impl: ([date, hours, age, fulltime], ctx) =>
    lksForfaitair(
      {
        date: date as string,
        hoursPerWeek: hours as number,
        age: age as number | undefined,
        fulltimeHours: fulltime as number | undefined,
      },
      ctx.trace,
    ),
};
