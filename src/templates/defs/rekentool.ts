/**
 * Participatiebudget rekentool (seed 001, "Een uitgewerkt sturingsmodel", §2.3): volumes per target group times
 * per-person amounts give the three budgets (participatiebudget, inkomensdeel, gemeentefonds/uitvoering), for three
 * scenarios side by side, plus the loonkostensubsidie those volumes cost (PB.LKSPERIODE) against the inkomensdeel.
 * The per-person amounts are national averages from a policy paper: model defaults, not law, and editable.
 */
import type { CellModel } from "../../xlsx/model";
import { FMT, calc, header, input, label, note } from "../build";
import type { CheckDef, ExampleValue, TemplateDef } from "../types";

const YEARS = { from: 2015, to: null };
const S = "rekentool";

const SEED =
  "Rapport 'Een uitgewerkt sturingsmodel' (Programma Optimale weg naar Participatie, 14 april 2015), §2.3: landelijk gemiddelde per persoon per jaar, 2015; modelwaarde, geen wettelijk bedrag.";
const SEED_NEW =
  `${SEED} De tekst noemt € 1.100, € 4.000 en € 8.500 voor de nieuwe doelgroepen zonder ze per groep te benoemen; deze toedeling is aangenomen (te controleren aan de figuur in de bron).`;

/** Groups, rows 7..10: [name, participatiebudget, inkomensdeel, uitvoering, source]. */
const GROUPS: [string, number, number, number, string][] = [
  ["Bijstand (bestaande WWB-populatie)", 1300, 14500, 2600, SEED],
  ["Nieuwe doelgroep, regulier werk (arbeidsvermogen)", 1100, 10000, 2600, SEED_NEW],
  ["Nieuwe doelgroep met loonkostensubsidie", 4000, 10000, 2600, SEED_NEW],
  ["Beschut werk", 8500, 14500, 2600, SEED_NEW],
];
const SCEN = ["B", "C", "D"];

const cells: CellModel[] = [
  note("A3", "Gele cellen invullen. De bedragen per persoon zijn landelijke gemiddelden uit het sturingsmodel (2015) en mogen worden aangepast."),
  label("A4", "Jaar", { bold: true }),
  input("B4", "jaar", { years: YEARS }),
  label("C4", "Minimumloon per maand op 1 juli", { bold: true }),
  calc("D4", "PB.WML(DATE($B$4,7,1))", FMT.money),
  header("A6", "Bedragen per persoon per jaar"),
  header("B6", "Participatiebudget"),
  header("C6", "Inkomensdeel (BUIG)"),
  header("D6", "Gemeentefonds (uitvoering)"),
  header("E6", "Bron"),
];
GROUPS.forEach(([name, p, i, u, src], k) => {
  const r = 7 + k;
  cells.push(label(`A${r}`, name), input(`B${r}`, "bedrag", { value: p }), input(`C${r}`, "bedrag", { value: i }), input(`D${r}`, "bedrag", { value: u }), label(`E${r}`, src, { wrap: true }));
});
cells.push(
  header("A12", "Scenario"),
  ...SCEN.map((c, k) => header(`${c}12`, `Scenario ${"ABC"[k]}`)),
  label("A13", "Naam van het scenario"),
  ...SCEN.map((c) => input(`${c}13`, "tekst")),
);
GROUPS.forEach(([name], k) => {
  const r = 14 + k;
  cells.push(label(`A${r}`, `Aantal: ${name}`), ...SCEN.map((c) => input(`${c}${r}`, "aantal")));
});
cells.push(
  label("A18", "Gemiddelde loonwaarde doelgroep loonkostensubsidie"),
  ...SCEN.map((c) => input(`${c}18`, "percentage")),
  label("A19", "Uren per week (doelgroep loonkostensubsidie)"),
  ...SCEN.map((c) => input(`${c}19`, "uren")),
  header("A20", "Budgetten per jaar"),
  label("A21", "Participatiebudget (re-integratie)"),
  ...SCEN.map((c) => calc(`${c}21`, `SUMPRODUCT(${c}14:${c}17,$B$7:$B$10)`, FMT.money)),
  label("A22", "Inkomensdeel (uitkeringen en loonkostensubsidie)"),
  ...SCEN.map((c) => calc(`${c}22`, `SUMPRODUCT(${c}14:${c}17,$C$7:$C$10)`, FMT.money)),
  label("A23", "Gemeentefonds (uitvoering)"),
  ...SCEN.map((c) => calc(`${c}23`, `SUMPRODUCT(${c}14:${c}17,$D$7:$D$10)`, FMT.money)),
  label("A24", "Totaal", { bold: true }),
  ...SCEN.map((c) => calc(`${c}24`, `SUM(${c}21:${c}23)`, FMT.money, { bold: true })),
  header("A25", "Loonkostensubsidie tegenover het inkomensdeel"),
  label("A26", "Loonkostensubsidie per plaats per jaar (PB.LKSPERIODE)"),
  // An average loonwaarde may be fractional; the law works in whole percents (Regeling LKS Pwet art. 4).
  ...SCEN.map((c) =>
    calc(`${c}26`, `PB.LKSPERIODE(DATE($B$4,1,1),DATE($B$4,12,31),ROUND(${c}18,2),${c}19)`, FMT.money)),
  label("A27", "Loonkostensubsidie totaal"),
  ...SCEN.map((c) => calc(`${c}27`, `${c}16*${c}26`, FMT.money)),
  label("A28", "Inkomensdeel voor deze doelgroep"),
  ...SCEN.map((c) => calc(`${c}28`, `${c}16*$C$9`, FMT.money)),
  label("A29", "Ruimte (+) of tekort (−) in het inkomensdeel", { bold: true }),
  ...SCEN.map((c) => calc(`${c}29`, `${c}28-${c}27`, FMT.money, { bold: true })),
);

const ref = (address: string, l: string) => ({ sheet: S, address, label: l });

const checks: CheckDef[] = [
  {
    id: "invoer.ingevuld",
    kind: "required",
    title: "Jaar, aantallen en loonwaarde ingevuld",
    why: "Zonder jaar, aantallen, loonwaarde en uren rekent het scenario met nullen.",
    cells: [
      ref("B4", "jaar"),
      ...SCEN.flatMap((c, k) => [
        ...[14, 15, 16, 17].map((r) => ref(`${c}${r}`, `scenario ${"ABC"[k]}, aantal rij ${r}`)),
        ref(`${c}18`, `scenario ${"ABC"[k]}, loonwaarde`),
        ref(`${c}19`, `scenario ${"ABC"[k]}, uren per week`),
      ]),
    ],
  },
  {
    id: "jaar.bereik",
    kind: "yearRange",
    title: "Jaar binnen de Participatiewet",
    why: "Het sturingsmodel en de loonkostensubsidie gelden vanaf 2015.",
    cell: { sheet: S, address: "B4" },
    from: 2015,
  },
  {
    id: "loonwaarde.bereik",
    kind: "range",
    title: "Loonwaarde tussen 0% en 100%",
    why: "De loonwaarde is een percentage van het minimumloon (Pwet art. 6 lid 1 e).",
    cells: SCEN.map((c, k) => ref(`${c}18`, `scenario ${"ABC"[k]}, loonwaarde`)),
    min: 0,
    max: 1,
  },
  {
    id: "rekentool.fouten",
    kind: "noErrors",
    title: "Geen foutwaarden in de uitkomsten",
    why: "Een foutwaarde betekent dat een PB-functie de invoer weigert; de melding in de cel zegt waarom.",
    sheet: S,
    range: "B21:D29",
  },
];

/**
 * Worked example, 2023: scenario A "Basis" 1000 / 40 / 60 / 10 persons, loonwaarde 60%, 36 h;
 * scenario B "Meer LKS" 950 / 40 / 110 / 10 persons, loonwaarde 40%, 36 h; scenario C "Krimp" 900 / 30 / 50 / 8,
 * loonwaarde 50%, 32 h. Expected figures are asserted in the tests.
 */
const example: ExampleValue[] = [
  { sheet: S, address: "B4", value: 2023 },
  ...(
    [
      ["B", "Basis", 1000, 40, 60, 10, 0.6, 36],
      ["C", "Meer LKS", 950, 40, 110, 10, 0.4, 36],
      ["D", "Krimp", 900, 30, 50, 8, 0.5, 32],
    ] as const
  ).flatMap(([c, name, a, b, lks, beschut, lw, uren]) =>
    (
      [
        [13, name],
        [14, a],
        [15, b],
        [16, lks],
        [17, beschut],
        [18, lw],
        [19, uren],
      ] as const
    ).map(([r, value]) => ({ sheet: S, address: `${c}${r}`, value })),
  ),
];

export const REKENTOOL_PW: TemplateDef = {
  id: "REKENTOOL-PW",
  title: "Participatiebudget rekentool (sturingsmodel Participatiewet)",
  description:
    "Aantallen per doelgroep maal bedragen per persoon (landelijke gemiddelden 2015 uit het sturingsmodel) geven participatiebudget, inkomensdeel en gemeentefondsdeel; drie scenario's naast elkaar, met de loonkostensubsidie (PB.LKSPERIODE) tegenover het inkomensdeel.",
  version: "1.1.0",
  readsVersions: ["1.0.0"],
  years: YEARS,
  yearCell: { sheet: S, address: "B4" },
  sheets: [
    {
      key: S,
      name: "Rekentool",
      title: "Participatiebudget rekentool: budgetten per scenario",
      cells,
      columnWidths: { A: 46, B: 17, C: 17, D: 17, E: 48 },
      merges: ["A3:E3"],
      landscape: true,
    },
  ],
  indicators: [],
  checks,
  example,
};
