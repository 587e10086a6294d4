/**
 * FunctionSpecs of the Wet participatiebudget (2009–2014): distribution keys, meeneemregeling, verdeelsleutel,
 * doelgroep, calendar and the participatieladder. The rules live in src/rules; these are the argument contracts.
 */
import type { FunctionSpec, Matrix } from "../contract";
import { numbersOf, reshapeLike } from "../ranges";
import { pbError } from "../../rules/errors";
import { isoToSerial } from "../../rules/dates";
import { getParameter } from "../../parameters";
import {
  outputAllocation,
  RULE_VERSION_VERDELING,
  szwMaatstaf,
  verdeelEducatie,
  verdeelInburgering,
  verdeelSzw,
} from "../../rules/verdeling";
import { meeneem, RULE_VERSION_MEENEEM, terugvordering, voorfinanciering } from "../../rules/meeneem";
import { RULE_VERSION_VERDEELSLEUTEL, verdeelsleutel } from "../../rules/verdeelsleutel";
import { doelgroep, DOELGROEP_SOORTEN, RULE_VERSION_DOELGROEP, type DoelgroepSoort } from "../../rules/doelgroep";
import { budgetjaar, deadline, DEADLINE_SOORTEN, outputjaar, RULE_VERSION_CALENDAR, type DeadlineSoort } from "../../rules/calendar";
import { ladder, RULE_VERSION_LADDER } from "../../rules/ladder";

/** Years as integers; the parameter tables decide which years have a rule (#N/A outside). */
const YEAR = { type: "integer", min: 1900, max: 9999 } as const;
/** Money amounts: non-negative, and small enough that whole cents stay exact in a double. */
const MAX_AMOUNT = 1e12;
const AMOUNT = { type: "number", min: 0, max: MAX_AMOUNT } as const;

export const OUTPUTALLOCATION: FunctionSpec = {
  id: "OUTPUTALLOCATION",
  args: [
    { name: "gemeente", type: "range" },
    { name: "landelijk", type: "range" },
    { name: "budget", ...AMOUNT },
    { name: "gewichten", type: "range", optional: true },
  ],
  result: "money",
  legalBasis: "Besluit participatiebudget art. 4 en 9 (outputverdeelmaatstaven): aandeel = budget × Σ wᵢ × gemeenteᵢ / landelijkᵢ",
  parameters: [],
  ruleVersion: RULE_VERSION_VERDELING,
  example: "=PB.OUTPUTALLOCATION({10,20},{100,400},1000000)",
  impl: ([g, n, budget, w]) =>
    outputAllocation(
      {
        gemeente: numbersOf(g as Matrix, "gemeente"),
        landelijk: numbersOf(n as Matrix, "landelijk"),
        gewichten: w === undefined ? undefined : numbersOf(w as Matrix, "gewichten"),
      },
      budget as number,
    ),
};

/** The Bpb keys take the same five things: counts of the gemeente and the nation, the budget, SiSa delivery, the year. */
const KEY_ARGS: FunctionSpec["args"] = [
  { name: "gemeente", type: "range" },
  { name: "landelijk", type: "range" },
  { name: "budget", ...AMOUNT },
  { name: "via_sisa", type: "boolean", optional: true },
  { name: "budgetjaar", ...YEAR, optional: true },
];

/** The inburgering key applied to one budget year only; without budgetjaar, that year (from the parameter table). */
const INBURGERING_YEAR = Number(getParameter("verdeling.inburgering").values[0].from.slice(0, 4));

export const VERDEELINBURGERING: FunctionSpec = {
  id: "VERDEELINBURGERING",
  args: KEY_ARGS,
  result: "money",
  legalBasis: "Besluit participatiebudget art. 9 en 10 (inburgering 2012; gegevens t−2; niet via SiSa: de helft telt)",
  parameters: ["verdeling.inburgering"],
  ruleVersion: RULE_VERSION_VERDELING,
  example: "=PB.VERDEELINBURGERING({100,40,80,80,80,80,20},{10000,4000,8000,8000,8000,8000,2000},5000000)",
  impl: ([g, n, budget, viaSisa, jaar], ctx) =>
    verdeelInburgering(
      numbersOf(g as Matrix, "gemeente"),
      numbersOf(n as Matrix, "landelijk"),
      budget as number,
      (viaSisa as boolean | undefined) ?? true,
      (jaar as number | undefined) ?? INBURGERING_YEAR,
      ctx.trace,
    ),
};

export const VERDEELEDUCATIE: FunctionSpec = {
  id: "VERDEELEDUCATIE",
  // budgetjaar is required for educatie, but follows an optional argument: Excel marks it optional, the impl asks for it.
  args: KEY_ARGS,
  result: "money",
  legalBasis: "Besluit participatiebudget art. 4 en 6 (educatie 2013–2014, Stb. 2012, 524; niet via SiSa: outputtermen 0)",
  parameters: ["verdeling.educatie"],
  ruleVersion: RULE_VERSION_VERDELING,
  example: "=PB.VERDEELEDUCATIE({1000,500,40,10},{100000,80000,2000,1000},2000000,TRUE,2013)",
  impl: ([g, n, budget, viaSisa, jaar], ctx) => {
    if (jaar === undefined) throw pbError("missing", "budgetjaar");
    return verdeelEducatie(
      numbersOf(g as Matrix, "gemeente"),
      numbersOf(n as Matrix, "landelijk"),
      budget as number,
      (viaSisa as boolean | undefined) ?? true,
      jaar as number,
      ctx.trace,
    );
  },
};

export const VERDEELSZW: FunctionSpec = {
  id: "VERDEELSZW",
  args: [
    { name: "ow", type: "number", min: 0 },
    { name: "otw", type: "number", min: 0 },
    { name: "kw", type: "number", min: 0 },
    { name: "tkw", type: "number", min: 0 },
    { name: "budget", ...AMOUNT },
    { name: "budgetjaar", ...YEAR },
  ],
  result: "money",
  legalBasis: "Besluit participatiebudget art. 2 en bijlage 1: (a × OW/OTW + (1 − a) × KW/TKW) × TBW; a = 67% (2009), 83% (2010), 100% (2011+)",
  parameters: ["verdeling.szw.a"],
  ruleVersion: RULE_VERSION_VERDELING,
  example: "=PB.VERDEELSZW(50,1000,30,1000,1000000,2010)",
  impl: ([ow, otw, kw, tkw, budget, jaar], ctx) =>
    verdeelSzw(
      { ow: ow as number, otw: otw as number, kw: kw as number, tkw: tkw as number, budget: budget as number, budgetjaar: jaar as number },
      ctx.trace,
    ),
};

export const SZWMAATSTAF: FunctionSpec = {
  id: "SZWMAATSTAF",
  args: [
    { name: "bijstand", type: "number", min: 0 },
    { name: "ww", type: "number", min: 0 },
    { name: "beroepsbevolking", type: "number", min: 0 },
    { name: "kwal_discrepantie", type: "number", min: 0 },
    { name: "budgetjaar", ...YEAR },
  ],
  result: "number",
  legalBasis: "Regeling participatiebudget art. 2 (objectieve verdeelmaatstaven SZW-deel; negatieve uitkomsten worden 0); Besluit participatiebudget art. 2",
  parameters: ["verdeling.szw.gewichten"],
  ruleVersion: RULE_VERSION_VERDELING,
  example: "=PB.SZWMAATSTAF(1000,500,20000,300,2011)",
  impl: ([bijstand, ww, bb, kd, jaar], ctx) =>
    szwMaatstaf(
      { bijstand: bijstand as number, ww: ww as number, beroepsbevolking: bb as number, kwalDiscrepantie: kd as number },
      jaar as number,
      ctx.trace,
    ),
};

/** MEENEEM and VOORFINANCIERING read the same four things: Bpb art. 12 lid 1 and lid 2 mirror each other. */
const MEENEEM_ARGS: FunctionSpec["args"] = [
  { name: "budget", ...AMOUNT },
  { name: "besteding", ...AMOUNT },
  { name: "jaar", ...YEAR },
  { name: "art13", type: "boolean", optional: true },
];

export const MEENEEM: FunctionSpec = {
  id: "MEENEEM",
  args: MEENEEM_ARGS,
  result: "money",
  legalBasis: "Besluit participatiebudget art. 12 (reservering tot 25%; 31,25% in 2009 voor gemeenten van Wpb art. 13); Wpb art. 4 lid 4",
  parameters: ["meeneem.reservering", "meeneem.reservering.art13"],
  ruleVersion: RULE_VERSION_MEENEEM,
  example: "=PB.MEENEEM(1000000,700000,2010)",
  impl: ([budget, besteding, jaar, art13], ctx) =>
    meeneem(
      { budget: budget as number, besteding: besteding as number, jaar: jaar as number, art13: art13 as boolean | undefined },
      ctx.trace,
    ),
};

export const VOORFINANCIERING: FunctionSpec = {
  id: "VOORFINANCIERING",
  args: MEENEEM_ARGS,
  result: "money",
  legalBasis: "Besluit participatiebudget art. 12 lid 2 (voorfinanciering van een overbesteding tot 25% ten laste van het budget van T+1) en lid 3 (31,25% in 2009 voor gemeenten van Wpb art. 13)",
  parameters: ["meeneem.voorfinanciering", "meeneem.voorfinanciering.art13"],
  ruleVersion: RULE_VERSION_MEENEEM,
  example: "=PB.VOORFINANCIERING(1000000,1100000,2011)",
  impl: ([budget, besteding, jaar, art13], ctx) =>
    voorfinanciering(
      { budget: budget as number, besteding: besteding as number, jaar: jaar as number, art13: (art13 as boolean | undefined) ?? false },
      ctx.trace,
    ),
};

export const TERUGVORDERING: FunctionSpec = {
  id: "TERUGVORDERING",
  args: [
    { name: "budget", ...AMOUNT },
    { name: "besteding", ...AMOUNT },
    { name: "jaar", ...YEAR },
    { name: "art13", type: "boolean", optional: true },
    { name: "onrechtmatig", ...AMOUNT, optional: true },
  ],
  result: "money",
  legalBasis: "Wet participatiebudget art. 4 lid 2 (niet of onrechtmatig besteed wordt teruggevorderd); Besluit participatiebudget art. 12 (reservering)",
  parameters: ["meeneem.reservering", "meeneem.reservering.art13"],
  ruleVersion: RULE_VERSION_MEENEEM,
  example: "=PB.TERUGVORDERING(1000000,600000,2010)",
  impl: ([budget, besteding, jaar, art13, onr], ctx) =>
    terugvordering(
      {
        budget: budget as number,
        besteding: besteding as number,
        jaar: jaar as number,
        art13: art13 as boolean | undefined,
        onrechtmatig: onr as number | undefined,
      },
      ctx.trace,
    ),
};

export const VERDEELSLEUTEL: FunctionSpec = {
  id: "VERDEELSLEUTEL",
  args: [
    { name: "totaal", type: "number", min: -MAX_AMOUNT, max: MAX_AMOUNT },
    { name: "sleutels", type: "range" },
  ],
  result: "matrix",
  legalBasis:
    "Kostenverdeling binnen een gemeenschappelijke regeling naar een afgesproken verdeelsleutel (Wpb art. 6: elke gemeente verantwoordt afzonderlijk); grootste-restmethode op centen",
  parameters: [],
  ruleVersion: RULE_VERSION_VERDEELSLEUTEL,
  example: "=PB.VERDEELSLEUTEL(100,{1,1,1})",
  impl: ([totaal, sleutels]) => {
    const m = sleutels as Matrix;
    return reshapeLike(verdeelsleutel(totaal as number, numbersOf(m, "sleutels")), m);
  },
};

export const DOELGROEP: FunctionSpec = {
  id: "DOELGROEP",
  args: [
    { name: "geboortedatum", type: "date" },
    { name: "peildatum", type: "date" },
    { name: "kwalificatieplicht_voldaan", type: "boolean", optional: true },
    { name: "soort", type: "text", optional: true, choices: DOELGROEP_SOORTEN },
    { name: "leerwerktraject", type: "boolean", optional: true },
  ],
  result: "boolean",
  legalBasis:
    "Wet participatiebudget art. 1 (doelgroep: 18+, of jonger met kwalificatieplicht voldaan/vrijstelling) en art. 3 (educatie 18+; lid 3: re-integratie ook 16/17 als het college een leer-werktraject geboden acht)",
  parameters: ["doelgroep.leeftijd"],
  ruleVersion: RULE_VERSION_DOELGROEP,
  example: '=PB.DOELGROEP("1995-03-01","2012-06-30",FALSE,"re-integratie",TRUE)',
  impl: ([geb, peil, voldaan, soort, leerwerk], ctx) =>
    doelgroep(
      {
        geboortedatum: geb as string,
        peildatum: peil as string,
        kwalificatieplichtVoldaan: voldaan as boolean | undefined,
        soort: soort as DoelgroepSoort | undefined,
        leerwerktraject: leerwerk as boolean | undefined,
      },
      ctx.trace,
    ),
};

export const DEADLINE: FunctionSpec = {
  id: "DEADLINE",
  args: [
    { name: "jaar", ...YEAR },
    { name: "soort", type: "text", optional: true, choices: DEADLINE_SOORTEN },
  ],
  result: "date",
  legalBasis:
    "Fvw art. 17a en Regeling informatieverstrekking sisa art. 2 en bijlage 3 (SiSa 15 juli T+1); Regeling participatiebudget art. 1 (beeld 28 februari T+1); Wpb art. 2 lid 2 (vaststelling in september T−1) en art. 4 lid 3 en art. 6 (13/25 maanden); Participatiewet art. 69 lid 4 (BUIG-budget ten minste drie maanden vóór T); Besluit Participatiewet (SiSa-gegevens op 15 augustus T+1)",
  parameters: [
    "deadline.sisa",
    "deadline.sisa.gr",
    "deadline.beeld",
    "deadline.vaststelling",
    "terugvordering.termijn",
    "terugvordering.termijn.gr",
    "deadline.buig",
    "deadline.sisa.buig",
  ],
  ruleVersion: RULE_VERSION_CALENDAR,
  example: '=PB.DEADLINE(2012,"terugvordering")',
  impl: ([jaar, soort], ctx) =>
    isoToSerial(deadline(jaar as number, (soort as DeadlineSoort | undefined) ?? "sisa", ctx.trace), ctx.dateSystem),
};

export const BUDGETJAAR: FunctionSpec = {
  id: "BUDGETJAAR",
  args: [{ name: "outputjaar", ...YEAR }],
  result: "number",
  legalBasis: "Besluit participatiebudget art. 4 en 9: de output van jaar t − 2 verdeelt het budget van jaar t",
  parameters: ["verdeling.outputlag"],
  ruleVersion: RULE_VERSION_CALENDAR,
  example: "=PB.BUDGETJAAR(2010)",
  impl: ([jaar], ctx) => budgetjaar(jaar as number, ctx.trace),
};

export const OUTPUTJAAR: FunctionSpec = {
  id: "OUTPUTJAAR",
  args: [{ name: "budgetjaar", ...YEAR }],
  result: "number",
  legalBasis: "Besluit participatiebudget art. 4 en 9: het budget van jaar t wordt verdeeld op de output van jaar t − 2",
  parameters: ["verdeling.outputlag"],
  ruleVersion: RULE_VERSION_CALENDAR,
  example: "=PB.OUTPUTJAAR(2012)",
  impl: ([jaar], ctx) => outputjaar(jaar as number, ctx.trace),
};

export const LADDER: FunctionSpec = {
  id: "LADDER",
  args: [{ name: "trede", type: "integer", min: 1, max: 6 }],
  result: "text",
  legalBasis: "Geen wet: Participatieladder van VNG/Regioplan (2011), instrument bij het participatiebudget",
  parameters: [],
  ruleVersion: RULE_VERSION_LADDER,
  example: "=PB.LADDER(5)",
  impl: ([trede]) => ladder(trede as number),
};
