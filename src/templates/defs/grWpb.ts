/**
 * Gemeenschappelijke regeling (Wet participatiebudget, 2009–2014): the GR's costs shared over the participating
 * municipalities by an agreed key (PB.VERDEELSLEUTEL, exact to the cent), each municipality's own figures for its own
 * SiSa annex, and the rule that partners never net a deficit against another's surplus (Wpb art. 6; seed 003
 * "Handreiking samenwerking Participatiebudget", §"Individuele verantwoording per gemeente").
 */
import type { CellModel } from "../../xlsx/model";
import { FMT, FILL, calc, colLetter, header, input, label, note, serial } from "../build";
import type { CheckDef, ExampleValue, RowSpan, TemplateDef } from "../types";

const YEARS = { from: 2009, to: 2014 };
const S = "gr";
export const GR_FIRST = 11;
export const GR_ROWS = 20;
export const GR_LAST = GR_FIRST + GR_ROWS - 1;
export const GR_TOTAL = GR_LAST + 1;

const cells: CellModel[] = [
  note(
    "A3",
    "Elke deelnemende gemeente verantwoordt haar eigen budget in haar eigen SiSa-bijlage. Tekorten en overschotten van deelnemers worden niet met elkaar verrekend (Wet participatiebudget art. 6).",
  ),
  label("A4", "Naam gemeenschappelijke regeling", { bold: true }),
  input("B4", "tekst"),
  label("A5", "Verantwoordingsjaar (T)", { bold: true }),
  input("B5", "jaar", { years: YEARS }),
  label("A6", "Kosten participatievoorzieningen GR (jaar T)", { bold: true }),
  input("B6", "bedrag"),
  label("A7", "Uiterste datum SiSa-gegevens aan de gemeenten", { bold: true }),
  calc("B7", 'PB.DEADLINE($B$5,"sisa-gr")', FMT.date),
  label("A8", "Geplande datum aanlevering aan de gemeenten", { bold: true }),
  input("B8", "datum"),
];
const heads = [
  "Gemeentecode",
  "Gemeente",
  "Verdeelsleutel (bijv. inwoners of trajecten)",
  "Aandeel in GR-kosten (PB.VERDEELSLEUTEL)",
  "Eigen besteding buiten de GR",
  "Besteding gemeente (jaar T)",
  "Toegekend participatiebudget",
  "Art. 13-gemeente (Ja/Nee)",
  "Reservering naar T+1",
  "Voorfinanciering",
  "Terugvordering",
  "Verrekend met andere deelnemers (moet 0 zijn)",
  "Saldo eigen budget (+ onderbesteding)",
];
heads.forEach((h, i) => cells.push(header(`${colLetter(i + 1)}10`, h)));
for (let r = GR_FIRST; r <= GR_LAST; r++) {
  const k = r - GR_FIRST + 1;
  const used = (f: string) => `IF($A${r}="","",${f})`;
  cells.push(
    input(`A${r}`, "tekst"),
    input(`B${r}`, "tekst"),
    { ...input(`C${r}`, "aantal"), numFmt: "#,##0.##", validation: { type: "decimal", min: 0, max: 1e12, error: "Vul een sleutelwaarde van 0 of meer in." } },
    calc(`D${r}`, used(`INDEX(PB.VERDEELSLEUTEL($B$6,$C$${GR_FIRST}:$C$${GR_LAST}),${k})`), FMT.money),
    input(`E${r}`, "bedrag"),
    calc(`F${r}`, used(`D${r}+E${r}`), FMT.money),
    input(`G${r}`, "bedrag"),
    input(`H${r}`, "janee"),
    calc(`I${r}`, used(`PB.MEENEEM(G${r},F${r},$B$5,H${r})`), FMT.money),
    calc(`J${r}`, used(`PB.VOORFINANCIERING(G${r},F${r},$B$5,H${r})`), FMT.money),
    calc(`K${r}`, used(`PB.TERUGVORDERING(G${r},F${r},$B$5,H${r})`), FMT.money),
    {
      ...input(`L${r}`, "bedrag"),
      validation: { type: "decimal", min: -1e12, max: 1e12, error: "Vul een bedrag in (positief of negatief); het hoort 0 te zijn." },
    },
    calc(`M${r}`, used(`G${r}-F${r}`), FMT.money),
  );
}
cells.push(label(`A${GR_TOTAL}`, "Totaal", { bold: true }));
for (const col of ["C", "D", "E", "F", "G", "I", "J", "K", "L", "M"]) {
  cells.push(calc(`${col}${GR_TOTAL}`, `SUM(${col}${GR_FIRST}:${col}${GR_LAST})`, col === "C" ? "#,##0.##" : FMT.money, { bold: true, fill: FILL.header }));
}

const rows: RowSpan = { sheet: S, first: GR_FIRST, last: GR_LAST, key: "A" };
const ref = (address: string, l: string) => ({ sheet: S, address, label: l });

const checks: CheckDef[] = [
  {
    id: "kop.ingevuld",
    kind: "required",
    title: "Gegevens van de GR ingevuld",
    why: "Zonder jaar en totale kosten is de verdeling niet te maken.",
    cells: [ref("B4", "naam GR"), ref("B5", "verantwoordingsjaar"), ref("B6", "kosten GR"), ref("B8", "geplande datum aanlevering")],
  },
  {
    id: "jaar.bereik",
    kind: "yearRange",
    title: "Jaar binnen de Wet participatiebudget",
    why: "Deze verdeling volgt de Wet participatiebudget (2009–2014).",
    cell: { sheet: S, address: "B5" },
    from: 2009,
    to: 2014,
  },
  {
    id: "deelnemers.volledig",
    kind: "requiredInRows",
    title: "Deelnemers volledig",
    why: "Elke gemeente houdt haar eigen budget en verantwoording (Wpb art. 6); zonder sleutel, budget en art. 13-antwoord is haar deel niet te bepalen.",
    rows,
    columns: [
      { column: "B", label: "gemeente" },
      { column: "C", label: "verdeelsleutel" },
      { column: "G", label: "toegekend budget" },
      { column: "H", label: "art. 13 (Ja/Nee)" },
    ],
  },
  {
    id: "janee.geldig",
    kind: "choice",
    title: "Ja/Nee-velden geldig",
    why: "PB.MEENEEM leest alleen Ja of Nee.",
    allowed: ["Ja", "Nee"],
    rows,
    column: "H",
    label: "art. 13 (Ja/Nee)",
  },
  {
    id: "verdeling.sluit",
    kind: "equal",
    title: "Verdeelde kosten gelijk aan de kosten van de GR",
    why: "De aandelen van de deelnemers moeten samen precies de kosten van de GR zijn; anders draagt iemand kosten die niet van hem zijn.",
    left: ref(`D${GR_TOTAL}`, "som van de aandelen"),
    right: ref("B6", "kosten GR"),
  },
  {
    id: "geen.saldering",
    kind: "noNetting",
    title: "Geen saldering tussen deelnemers",
    why: "Samenwerkende gemeenten mogen budgettekorten en -overschotten niet met elkaar verrekenen of salderen; elke gemeente verantwoordt en wordt teruggevorderd voor zich (Wpb art. 6; Handreiking samenwerking Participatiebudget 2009).",
    rows,
    column: "L",
    label: "verrekend met andere deelnemers",
  },
  {
    id: "reservering.max",
    kind: "maxShare",
    title: "Reservering per gemeente binnen de meeneemregeling",
    why: "Per gemeente ten hoogste 25% van haar eigen budget (31,25% in 2009 voor art. 13-gemeenten; Bpb art. 12).",
    rows,
    cell: ref("I", "reservering"),
    base: ref("G", "toegekend budget"),
    param: "meeneem.reservering",
    flag: { sheet: S, address: "H" },
    paramIfYes: "meeneem.reservering.art13",
  },
  {
    id: "gr.fouten",
    kind: "noErrors",
    title: "Geen foutwaarden",
    why: "Een foutwaarde betekent dat een PB-functie de invoer weigert; de melding in de cel zegt waarom.",
    sheet: S,
    range: `D${GR_FIRST}:M${GR_TOTAL}`,
  },
  {
    id: "deadline.sisa",
    kind: "deadline",
    title: "Aanlevering aan de gemeenten vóór de termijn",
    why: "Een GR levert haar SiSa-gegevens uiterlijk 15 juli na het jaar aan de deelnemende gemeenten (Regeling informatieverstrekking sisa, bijlage 3).",
    cell: ref("B8", "geplande datum aanlevering"),
    param: "deadline.sisa.gr",
  },
];

/**
 * Worked example, 2011: GR costs € 1.000.000,00 over three municipalities with keys 50.000 / 30.000 / 20.000 inwoners
 * → shares 500.000 / 300.000 / 200.000; own budgets 700.000 / 250.000 / 260.000. Expected figures in the tests.
 */
const example: ExampleValue[] = [
  { sheet: S, address: "B4", value: "GR Werk en Participatie Voorbeeldregio" },
  { sheet: S, address: "B5", value: 2011 },
  { sheet: S, address: "B6", value: 1_000_000 },
  { sheet: S, address: "B8", value: serial("2012-07-10") },
  ...(
    [
      ["0901", "Gemeente Noord", 50_000, 20_000, 700_000, "Nee"],
      ["0902", "Gemeente Midden", 30_000, 0, 250_000, "Nee"],
      ["0903", "Gemeente Zuid", 20_000, 10_000, 260_000, "Nee"],
    ] as const
  ).flatMap(([code, name, key, own, budget, a13], i) => {
    const r = GR_FIRST + i;
    return (
      [
        ["A", code],
        ["B", name],
        ["C", key],
        ["E", own],
        ["G", budget],
        ["H", a13],
        ["L", 0],
      ] as const
    ).map(([col, value]) => ({ sheet: S, address: `${col}${r}`, value }));
  }),
];

export const GR_WPB: TemplateDef = {
  id: "GR-WPB",
  title: "Gemeenschappelijke regeling: kostenverdeling en cijfers per gemeente (Wet participatiebudget)",
  description:
    "Eén regel per deelnemende gemeente (gemeentecode): verdeling van de GR-kosten met PB.VERDEELSLEUTEL (op de cent), de eigen cijfers voor de SiSa-bijlage van elke gemeente (reservering, voorfinanciering, terugvordering) en een controle dat tekorten en overschotten niet worden gesaldeerd.",
  version: "1.1.0",
  readsVersions: ["1.0.0"],
  years: YEARS,
  yearCell: { sheet: S, address: "B5" },
  sheets: [
    {
      key: S,
      name: "GR-verdeling",
      title: "Gemeenschappelijke regeling: kostenverdeling per deelnemende gemeente",
      cells,
      columnWidths: { A: 30, B: 20, C: 14, D: 15, E: 14, F: 14, G: 15, H: 10, I: 14, J: 14, K: 14, L: 15, M: 15 },
      freeze: "C11",
      merges: ["A3:M3"],
      landscape: true,
      printTitleRows: "1:10",
    },
  ],
  indicators: [],
  checks,
  lists: [{ rows, columns: ["B", "C", "E", "G", "H", "L"], what: "deelnemende gemeente", keyLabel: "gemeentecode" }],
  example,
};
