/**
 * SiSa annex for the Wet participatiebudget (verantwoordingsjaren 2009–2014) with the working sheet behind it:
 * spending by participatievoorziening, baten, the meeneemregeling (PB.MEENEEM), voorfinanciering and terugvordering,
 * and the output counts that fed the distribution keys. No stored source shows the WPB uitkeringscode or indicator
 * texts (sources.md §3.3): every indicator is "te verifiëren"; what the law requires SiSa to carry is cited per row.
 */
import type { CellModel } from "../../xlsx/model";
import { ANNEX_WIDTHS, note, FMT, calc, sisaIdentity, header, indicatorTable, input, label, regelingHeader, serial, xref, type IndicatorRow } from "../build";
import type { CheckDef, ExampleValue, TemplateDef } from "../types";

const YEARS = { from: 2009, to: 2014 };
const B = "bijlage";
const W = "werk";
const w = (address: string) => xref({ sheet: W, address });

// Code G5 and the wording are a recollection (sources.md §3.3 [UNVERIFIED, L]); the sheet says to check them against
// the model and cites only what a controller can look up: the article that makes SiSa carry the figure, and the model.
const L = "SiSa-model: Regeling informatieverstrekking sisa, bijlage 1.";
const rowsOf: IndicatorRow[] = [
  { code: "G5/01", description: "Besteding (jaar T) participatiebudget", aard: "R", unit: "bedrag", source: `Wet participatiebudget art. 4 (baten-lastenstelsel, ECLI:NL:CRVB:2015:1186). ${L}`, formula: w("B13") },
  { code: "G5/02", description: "Baten (jaar T) participatiebudget (niet-Rijk)", aard: "R", unit: "bedrag", source: `Wet participatiebudget. ${L}`, formula: w("B14") },
  { code: "G5/03", description: "Besteding (jaar T) educatie bij roc's", aard: "R", unit: "bedrag", source: `Wet participatiebudget art. 14 (OCW-deel bij roc's). ${L}`, formula: w("B11") },
  {
    code: "G5/04",
    description: "Reservering besteding van het participatiebudget van jaar T naar jaar T+1 (meeneemregeling)",
    aard: "R",
    unit: "bedrag",
    source: `Besluit participatiebudget art. 12 (25%; 31,25% in 2009 voor art. 13-gemeenten). ${L}`,
    formula: w("B20"),
  },
  {
    code: "G5/05",
    description: "Besteding (jaar T) uit middelen voorfinanciering (jaar T+1)",
    aard: "R",
    unit: "bedrag",
    source: `Besluit participatiebudget art. 12 (voorfinanciering tot 25%). ${L}`,
    formula: w("B21"),
  },
  {
    code: "G5/06",
    description: "Onderbesteding (jaar T) ten laste van Rijk (terug te vorderen)",
    aard: "R",
    unit: "bedrag",
    source: `Wet participatiebudget art. 4 lid 2. ${L}`,
    formula: w("B22"),
  },
  ...[
    ["G5/07", "Aantal vastgestelde of overeengekomen inburgeringsvoorzieningen (iv)"],
    ["G5/08", "Aantal duale inburgeringsvoorzieningen en taalkennisvoorzieningen (div)"],
    ["G5/09", "Aantal geslaagden elektronisch praktijkexamen (epe)"],
    ["G5/10", "Aantal geslaagden toets gesproken Nederlands (tgn)"],
    ["G5/11", "Aantal geslaagden kennis van de Nederlandse samenleving (kns)"],
    ["G5/12", "Aantal geslaagden praktijkdeel inburgeringsexamen (prex)"],
    ["G5/13", "Aantal behaalde diploma's staatsexamen NT2 I of II (nt2)"],
  ].map(
    ([code, description]): IndicatorRow => ({
      code,
      description,
      aard: "D1",
      unit: "aantal",
      source: `Besluit participatiebudget art. 9 en 10 (outputverdeling inburgering, gegevens t−2; niet via SiSa: de helft telt). ${L}`,
      fromYear: 2010,
    }),
  ),
  {
    code: "G5/14",
    description: "Aantal bij roc's ingekochte educatietrajecten (cursussen basisvaardigheden) (BV)",
    aard: "D1",
    unit: "aantal",
    source: `Besluit participatiebudget art. 4 en 6 (outputverdeling educatie, t−2; niet via SiSa: 0). ${L}`,
    fromYear: 2011,
  },
  {
    code: "G5/15",
    description: "Aantal behaalde NT2-certificaten (C)",
    aard: "D1",
    unit: "aantal",
    source: `Besluit participatiebudget art. 4 en 6 (outputverdeling educatie, t−2; niet via SiSa: 0). ${L}`,
    fromYear: 2011,
  },
  { code: "G5/16", description: "Eindverantwoording (Ja/Nee)", aard: "n.v.t.", unit: "janee", source: `Kolom 'eindverantwoording Ja/Nee' van het SiSa-model. ${L}` },
];

const table = indicatorTable(B, 14, "B6", rowsOf, YEARS);

const annex: CellModel[] = [
  note("A3", "Gele cellen invullen, groene cellen worden berekend (bedragen komen uit het werkblad). Controleer codes en omschrijvingen tegen het SiSa-model van het verantwoordingsjaar."),
  ...sisaIdentity(YEARS),
  ...regelingHeader(10, {
    verstrekker: "SZW",
    uitkeringscode: "G5",
    specifiekeUitkering: '="Wet participatiebudget (WPB) "&$B$6',
    juridischeGrondslag: "Wet participatiebudget",
    ontvanger: "Gemeenten",
  }),
  note(
    "A12",
    "Uitkeringscode G5 en de indicatoren zijn niet vergeleken met het officiële model en genummerd in de volgorde van dit sjabloon: controleer codes en omschrijvingen tegen het SiSa-model van het verantwoordingsjaar (bijlage 1 bij de Regeling informatieverstrekking sisa; voor 2009 bij de Regeling verantwoordingsinformatie specifieke uitkeringen).",
  ),
  ...table.cells,
];

const money = (address: string) => input(address, "bedrag");
const werk: CellModel[] = [
  note("A3", "Werkblad achter de SiSa-bijlage: bestedingen op het baten-lastenstelsel, meeneemregeling en terugvordering."),
  label("A4", "Verantwoordingsjaar (T)", { bold: true }),
  calc("B4", xref({ sheet: B, address: "B6" }), FMT.year),
  label("A5", "Toegekend participatiebudget jaar T (beschikking)", { bold: true }),
  money("B5"),
  label("A6", "Gemeente van art. 13 Wpb (BDU-SIV)? (Ja/Nee)", { bold: true }),
  input("B6", "janee"),
  header("A8", "Besteding (jaar T), baten-lastenstelsel"),
  header("B8", "Bedrag"),
  label("A9", "Re-integratievoorzieningen"),
  money("B9"),
  label("A10", "Inburgeringsvoorzieningen"),
  money("B10"),
  label("A11", "Educatie ingekocht bij roc's"),
  money("B11"),
  label("A12", "Educatie overig"),
  money("B12"),
  label("A13", "Totaal besteding", { bold: true }),
  calc("B13", "SUM(B9:B12)", FMT.money, { bold: true }),
  label("A14", "Baten (niet-Rijk)"),
  money("B14"),
  label("A15", "Besteding ten laste van het participatiebudget", { bold: true }),
  calc("B15", "B13-B14", FMT.money, { bold: true }),
  label("A16", "Waarvan uitvoeringskosten (moet 0 zijn: nooit ten laste van het budget)"),
  money("B16"),
  label("A17", "Waarvan onrechtmatig besteed (fouten en onzekerheden)"),
  money("B17"),
  header("A19", "Meeneemregeling (Bpb art. 12) en terugvordering (Wpb art. 4)"),
  header("B19", "Bedrag"),
  label("A20", "Reservering naar jaar T+1"),
  calc("B20", "PB.MEENEEM(B5,B15,B4,B6)", FMT.money),
  label("A21", "Voorfinanciering ten laste van jaar T+1"),
  // Only a lawful overspend can be charged to T+1; the onrechtmatig part is reclaimed or borne by the gemeente.
  calc("B21", "PB.VOORFINANCIERING(B5,B15-B17,B4,B6)", FMT.money),
  label("A22", "Terugvordering door het Rijk"),
  calc("B22", "PB.TERUGVORDERING(B5,B15,B4,B6,B17)", FMT.money),
  label("A23", "Overbesteding voor eigen rekening"),
  calc("B23", "MAX(B15-B17-B5-B21,0)", FMT.money),
  label("A24", "Ten hoogste te reserveren"),
  calc("B24", 'B5*PB.PARAM(IF(B6="Ja","meeneem.reservering.art13","meeneem.reservering"),DATE(B4,1,1))', FMT.money),
  header("A26", "Beeld van de uitvoering"),
  header("B26", "Datum"),
  label("A27", "Ingediend op"),
  input("B27", "datum"),
  label("A28", "Uiterste datum (anders schorsing van de betaling)"),
  calc("B28", 'PB.DEADLINE(B4,"beeld")', FMT.date),
];

const ref = (sheet: string, address: string, l: string) => ({ sheet, address, label: l });
const ind = (code: string) => {
  const i = table.indicators.find((x) => x.code === code);
  if (!i) throw new Error(code);
  return i.ref;
};

const checks: CheckDef[] = [
  {
    id: "kop.ingevuld",
    kind: "required",
    title: "Gegevens van de gemeente ingevuld",
    why: "CBS koppelt de bijlage aan gemeente, gemeentecode en jaar (Regeling informatieverstrekking sisa art. 2).",
    cells: [ref(B, "B4", "gemeente"), ref(B, "B5", "gemeentecode"), ref(B, "B6", "verantwoordingsjaar"), ref(B, "B8", "geplande datum aanlevering")],
  },
  {
    id: "jaar.bereik",
    kind: "yearRange",
    title: "Jaar binnen de Wet participatiebudget",
    why: "De Wet participatiebudget gold voor de jaren 2009 tot en met 2014 (Bpb art. 11c).",
    cell: { sheet: B, address: "B6" },
    from: 2009,
    to: 2014,
  },
  {
    id: "werkblad.ingevuld",
    kind: "required",
    title: "Werkblad ingevuld",
    why: "Zonder budget en bestedingen zijn reservering en terugvordering niet te bepalen (Bpb art. 12, Wpb art. 4).",
    cells: [
      ref(W, "B5", "toegekend budget"),
      ref(W, "B6", "art. 13-gemeente (Ja/Nee)"),
      ref(W, "B9", "besteding re-integratie"),
      ref(W, "B10", "besteding inburgering"),
      ref(W, "B11", "besteding educatie bij roc's"),
      ref(W, "B12", "besteding educatie overig"),
      ref(W, "B14", "baten"),
      ref(W, "B27", "datum beeld van de uitvoering"),
    ],
  },
  {
    id: "output.inburgering",
    kind: "required",
    title: "Outputaantallen inburgering ingevuld",
    // Only output year 2010 feeds a key (budget year 2012, Bpb art. 9); paragraph 3 lapsed on 1-1-2013.
    why: "De aantallen van 2010 verdelen het inburgeringsbudget 2012; niet via SiSa geleverde aantallen tellen maar voor de helft mee (Bpb art. 9 en 10).",
    years: { from: 2010, to: 2010 },
    cells: ["G5/07", "G5/08", "G5/09", "G5/10", "G5/11", "G5/12", "G5/13"].map((c) => ({ ...ind(c), label: `indicator ${c}` })),
  },
  {
    id: "output.educatie",
    kind: "required",
    title: "Outputaantallen educatie ingevuld",
    // Output years 2011–2012 feed the educatie key of budget years 2013–2014 (Bpb art. 4).
    why: "De aantallen van 2011 en 2012 verdelen het educatiebudget 2013 en 2014; niet via SiSa geleverde outputtermen worden 0 (Bpb art. 6).",
    years: { from: 2011, to: 2012 },
    cells: ["G5/14", "G5/15"].map((c) => ({ ...ind(c), label: `indicator ${c}` })),
  },
  {
    id: "eindverantwoording.ingevuld",
    kind: "required",
    title: "Eindverantwoording ingevuld",
    why: "Het SiSa-model vraagt per regeling of dit de eindverantwoording is.",
    cells: [{ ...ind("G5/16"), label: "indicator G5/16 eindverantwoording" }],
  },
  {
    id: "janee.geldig",
    kind: "choice",
    title: "Ja/Nee-velden geldig",
    why: "Het SiSa-model en PB.MEENEEM accepteren alleen Ja of Nee.",
    allowed: ["Ja", "Nee"],
    cells: [ref(W, "B6", "art. 13-gemeente"), { ...ind("G5/16"), label: "indicator G5/16 eindverantwoording" }],
  },
  {
    id: "uitvoeringskosten",
    kind: "zero",
    title: "Geen uitvoeringskosten ten laste van het budget",
    why: "Het participatiebudget is voor participatievoorzieningen, 'niet zijnde uitvoeringskosten' (Wpb art. 2 lid 1), ook niet als de uitvoering is uitbesteed.",
    cells: [ref(W, "B16", "uitvoeringskosten in de besteding")],
  },
  {
    id: "reservering.max",
    kind: "maxShare",
    title: "Reservering binnen de meeneemregeling",
    why: "Ten hoogste 25% van het toegekende budget mag naar het volgende jaar (31,25% in 2009 voor art. 13-gemeenten; Bpb art. 12).",
    cell: ref(W, "B20", "reservering naar T+1"),
    base: ref(W, "B5", "toegekend budget"),
    param: "meeneem.reservering",
    flag: { sheet: W, address: "B6" },
    paramIfYes: "meeneem.reservering.art13",
  },
  {
    id: "voorfinanciering.max",
    kind: "maxShare",
    title: "Voorfinanciering binnen 25%",
    why: "Ten hoogste 25% van het budget mag als overbesteding ten laste van het volgende jaar (31,25% in 2009 voor art. 13-gemeenten; Bpb art. 12).",
    cell: ref(W, "B21", "voorfinanciering"),
    base: ref(W, "B5", "toegekend budget"),
    param: "meeneem.voorfinanciering",
    flag: { sheet: W, address: "B6" },
    paramIfYes: "meeneem.voorfinanciering.art13",
  },
  {
    id: "sluiting",
    kind: "balance",
    title: "Budget sluit aan",
    why: "Rechtmatige besteding + reservering + terugvordering − voorfinanciering − overbesteding voor eigen rekening = toegekend budget.",
    terms: [
      { ...ref(W, "B15", "besteding ten laste van het budget"), sign: 1 },
      { ...ref(W, "B17", "onrechtmatig besteed"), sign: -1 },
      { ...ref(W, "B20", "reservering"), sign: 1 },
      { ...ref(W, "B22", "terugvordering"), sign: 1 },
      { ...ref(W, "B21", "voorfinanciering"), sign: -1 },
      { ...ref(W, "B23", "overbesteding voor eigen rekening"), sign: -1 },
    ],
    equals: ref(W, "B5", "toegekend budget"),
  },
  ...(
    [
      ["G5/01", "B13", "totaal besteding"],
      ["G5/02", "B14", "baten"],
      ["G5/03", "B11", "educatie bij roc's"],
      ["G5/04", "B20", "reservering"],
      ["G5/05", "B21", "voorfinanciering"],
      ["G5/06", "B22", "terugvordering"],
    ] as const
  ).map(
    ([code, address, what]): CheckDef => ({
      id: `aansluiting.${code}`,
      kind: "equal",
      title: `Indicator ${code} sluit aan op het werkblad`,
      why: "De bijlage neemt de bedragen over uit het werkblad; een overschreven cel valt hier op.",
      left: { ...ind(code), label: `indicator ${code}` },
      right: ref(W, address, `${what} (werkblad)`),
    }),
  ),
  {
    id: "bijlage.fouten",
    kind: "noErrors",
    title: "Geen foutwaarden in de bijlage",
    why: "Een foutwaarde kan niet naar CBS.",
    sheet: B,
    range: `B4:E${table.lastRow}`,
  },
  {
    id: "werkblad.fouten",
    kind: "noErrors",
    title: "Geen foutwaarden in het werkblad",
    why: "Een foutwaarde betekent dat een PB-functie de invoer weigert; de melding in de cel zegt waarom.",
    sheet: W,
    range: "B4:B28",
  },
  {
    id: "deadline.sisa",
    kind: "deadline",
    title: "Aanlevering vóór de SiSa-termijn",
    why: "De SiSa-bijlage moet uiterlijk 15 juli van het jaar na het verantwoordingsjaar bij CBS zijn (Fvw art. 17a); zonder verantwoording binnen 13 maanden wordt het hele budget teruggevorderd (Wpb art. 4 lid 3).",
    cell: ref(B, "B8", "geplande datum aanlevering"),
    param: "deadline.sisa",
  },
  {
    id: "deadline.beeld",
    kind: "deadline",
    title: "Beeld van de uitvoering op tijd",
    why: "Het beeld van de uitvoering is uiterlijk 28 februari na het jaar nodig; anders wordt de betaling geschorst (Regeling participatiebudget art. 1).",
    cell: ref(W, "B27", "datum beeld van de uitvoering"),
    param: "deadline.beeld",
  },
];

/**
 * Worked example, verantwoordingsjaar 2012, art. 13 "Nee": budget € 1.000.000, besteding 600.000 + 150.000 +
 * 80.000 + 20.000 = 850.000, baten 10.000 → ten laste van het budget 840.000; onderbesteding 160.000 ≤ 25% = 250.000,
 * so reservering 160.000, terugvordering 0, voorfinanciering 0. Expected figures are asserted in the tests.
 */
const example: ExampleValue[] = [
  { sheet: B, address: "B4", value: "Voorbeeldgemeente" },
  { sheet: B, address: "B5", value: "0999" },
  { sheet: B, address: "B6", value: 2012 },
  { sheet: B, address: "B8", value: serial("2013-07-01") },
  { sheet: W, address: "B5", value: 1_000_000 },
  { sheet: W, address: "B6", value: "Nee" },
  { sheet: W, address: "B9", value: 600_000 },
  { sheet: W, address: "B10", value: 150_000 },
  { sheet: W, address: "B11", value: 80_000 },
  { sheet: W, address: "B12", value: 20_000 },
  { sheet: W, address: "B14", value: 10_000 },
  { sheet: W, address: "B16", value: 0 },
  { sheet: W, address: "B17", value: 0 },
  { sheet: W, address: "B27", value: serial("2013-02-15") },
  ...["G5/07", "G5/08", "G5/09", "G5/10", "G5/11", "G5/12", "G5/13", "G5/14", "G5/15"].map((c, k) => ({
    ...ind(c),
    value: [120, 40, 35, 33, 38, 30, 12, 210, 25][k],
  })),
  { ...ind("G5/16"), value: "Nee" },
];

export const SISA_WPB: TemplateDef = {
  id: "SISA-WPB",
  title: "SiSa-bijlage Wet participatiebudget (2009–2014)",
  description:
    "Verantwoordingsinformatie Wet participatiebudget met werkblad: besteding op het baten-lastenstelsel, educatie bij roc's, reservering (PB.MEENEEM), voorfinanciering, terugvordering en de outputaantallen voor de verdeelsleutels (inburgering vanaf 2010, educatie vanaf 2011).",
  version: "1.1.0",
  readsVersions: ["1.0.0"],
  years: YEARS,
  yearCell: { sheet: B, address: "B6" },
  sheets: [
    { key: B, name: "SiSa WPB", title: "SiSa-bijlage verantwoordingsinformatie Wet participatiebudget", cells: annex, columnWidths: ANNEX_WIDTHS, merges: ["A3:G3", "A12:G12"], landscape: true },
    { key: W, name: "Werkblad WPB", title: "Werkblad participatiebudget: besteding, meeneemregeling, terugvordering", cells: werk, columnWidths: { A: 62, B: 18 }, merges: ["A3:B3"] },
  ],
  indicators: table.indicators,
  checks,
  example,
};
