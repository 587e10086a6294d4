/**
 * SiSa annex for the Participatiewet: G2 (gebundelde uitkering art. 69 Pwet) with the LKS indicator checked against the
 * LKS register, and G3 (Bbz 2004). The LKS indicator is what the gemeente booked (an input): the register is the norm
 * it is compared with, the difference shown and explained, not forced equal (layout 1.0.0 copied the register total). The regeling titles and codes G2/G3 are verified (Maassluis jaarverslag 2016,
 * sources.md §3.2, H); the indicator lists are not (sources.md §3.3): each row says so and where it comes from.
 */
import type { CellModel } from "../../xlsx/model";
import { ANNEX_WIDTHS, FMT, calc, note, sisaIdentity, indicatorTable, input, label, regelingHeader, serial, xref, type IndicatorRow } from "../build";
import type { CheckDef, ExampleValue, TemplateDef } from "../types";
import { registerChecks, registerExample, registerSheet, type RegisterLayout } from "./lksRegister";

const YEARS = { from: 2015, to: null };
const B = "bijlage";
const R = "register";

// The Bron column cites what a controller can look up. Where the code and wording come from inside the project (a
// recollection, sources.md §3.3 [UNVERIFIED, L]; G2/G3 titles from published annexes, §3.2) stays here, not on the sheet.
const MODEL = "SiSa-model: Regeling informatieverstrekking sisa, bijlage 1.";
const SRC_G2 = `Participatiewet art. 69 lid 1 (gebundelde uitkering). ${MODEL}`;
const SRC_G2_BESLUIT = `Participatiewet art. 69 lid 1; Besluit Participatiewet (deze lasten van jaar T verdelen het budget van jaar T+2). ${MODEL}`;
const SRC_G3 = `Besluit bijstandverlening zelfstandigen 2004. ${MODEL}`;

function sisaPw(layout: RegisterLayout): TemplateDef {
  const v1 = layout === "1.0.0";
  const { sheet: register, refs: reg } = registerSheet(R, "LKS-register", `${xref({ sheet: B, address: "B6" })}`, layout);

  const g2Rows: IndicatorRow[] = [
    { code: "G2/01", description: "Besteding (jaar T) algemene bijstand", aard: "R", unit: "bedrag", source: SRC_G2_BESLUIT },
    { code: "G2/02", description: "Baten (jaar T) algemene bijstand (exclusief Rijk)", aard: "R", unit: "bedrag", source: SRC_G2 },
    { code: "G2/03", description: "Besteding (jaar T) IOAW", aard: "R", unit: "bedrag", source: SRC_G2 },
    { code: "G2/04", description: "Baten (jaar T) IOAW (exclusief Rijk)", aard: "R", unit: "bedrag", source: SRC_G2 },
    { code: "G2/05", description: "Besteding (jaar T) IOAZ", aard: "R", unit: "bedrag", source: SRC_G2 },
    { code: "G2/06", description: "Baten (jaar T) IOAZ (exclusief Rijk)", aard: "R", unit: "bedrag", source: SRC_G2 },
    { code: "G2/07", description: "Besteding (jaar T) Bbz 2004 levensonderhoud beginnende zelfstandigen", aard: "R", unit: "bedrag", source: SRC_G2 },
    { code: "G2/08", description: "Baten (jaar T) Bbz 2004 levensonderhoud beginnende zelfstandigen (exclusief Rijk)", aard: "R", unit: "bedrag", source: SRC_G2 },
    {
      code: "G2/09",
      description: v1
        ? "Besteding (jaar T) loonkostensubsidie o.g.v. art. 10d Participatiewet (exclusief Rijk) — uit het LKS-register"
        : "Besteding (jaar T) loonkostensubsidie o.g.v. art. 10d Participatiewet (exclusief Rijk) — geboekt",
      aard: "R",
      unit: "bedrag",
      source: SRC_G2_BESLUIT,
      ...(v1 ? { formula: xref(reg.total) } : {}),
    },
  ];

  const g3Rows: IndicatorRow[] = [
    { code: "G3/01", description: "Besteding (jaar T) levensonderhoud gevestigde zelfstandigen", aard: "R", unit: "bedrag", source: SRC_G3 },
    { code: "G3/02", description: "Besteding (jaar T) kapitaalverstrekking", aard: "R", unit: "bedrag", source: SRC_G3 },
    { code: "G3/03", description: "Baten (jaar T) levensonderhoud gevestigde zelfstandigen (exclusief Rijk)", aard: "R", unit: "bedrag", source: SRC_G3 },
    { code: "G3/04", description: "Baten (jaar T) kapitaalverstrekking (exclusief Rijk)", aard: "R", unit: "bedrag", source: SRC_G3 },
    { code: "G3/05", description: "Besteding (jaar T) aan onderzoek als bedoeld in artikel 56 Bbz 2004", aard: "R", unit: "bedrag", source: `Bbz 2004 art. 56. ${MODEL}` },
    { code: "G3/06", description: "Eindverantwoording (Ja/Nee)", aard: "n.v.t.", unit: "janee", source: SRC_G3 },
  ];

  const g2 = indicatorTable(B, 15, "B6", g2Rows, YEARS);
  // Below G2/09: the register's norm, the difference and its explanation (not SiSa indicators: they are not delivered).
  const lksRow = g2.lastRow;
  const norm = { sheet: B, address: `D${lksRow + 1}` };
  const explanation = { sheet: B, address: `D${lksRow + 3}` };
  const lksCheckCells: CellModel[] = v1
    ? []
    : [
        label(`B${lksRow + 1}`, "LKS volgens het LKS-register (norm; niet aanleveren)", { italic: true }),
        calc(norm.address, xref(reg.total), FMT.money),
        label(`B${lksRow + 2}`, "Verschil geboekt (G2/09) − register", { italic: true }),
        calc(`D${lksRow + 2}`, `D${lksRow}-${norm.address}`, FMT.money),
        label(`B${lksRow + 3}`, "Toelichting bij een verschil", { italic: true }),
        input(explanation.address, "tekst", { label: "toelichting bij het verschil met het LKS-register" }),
      ];
  const g3Start = g2.lastRow + (v1 ? 6 : 9);
  const g3 = indicatorTable(B, g3Start, "B6", g3Rows, YEARS);

  const cells: CellModel[] = [
    note("A3", "Gele cellen invullen, groene cellen worden berekend. Controleer codes en omschrijvingen tegen het SiSa-model van het verantwoordingsjaar vóór u aanlevert."),
    ...sisaIdentity(YEARS),
    label("A9", "Zijn uitvoeringskosten in de bestedingen hieronder opgenomen? (Ja/Nee)", { bold: true, wrap: true }),
    input("B9", "janee"),
    ...regelingHeader(11, {
      verstrekker: "SZW",
      uitkeringscode: "G2",
      specifiekeUitkering: '="Gebundelde uitkering op grond van artikel 69 Participatiewet gemeentedeel "&$B$6',
      juridischeGrondslag: "Participatiewet art. 69",
      ontvanger: "Gemeenten",
    }),
    note(
      "A13",
      "Uitkeringscode G2 en de titel komen overeen met gepubliceerde SiSa-bijlagen. De indicatoren zijn niet vergeleken met het officiële model en genummerd in de volgorde van dit sjabloon: controleer codes en omschrijvingen tegen het SiSa-model van het verantwoordingsjaar.",
    ),
    ...g2.cells,
    ...lksCheckCells,
    ...regelingHeader(g3Start - 4, {
      verstrekker: "SZW",
      uitkeringscode: "G3",
      specifiekeUitkering:
        '="Besluit bijstandverlening zelfstandigen 2004 (exclusief levensonderhoud beginnende zelfstandigen) gemeente "&$B$6',
      juridischeGrondslag: "Besluit bijstandverlening zelfstandigen 2004",
      ontvanger: "Gemeenten",
    }),
    note(
      `A${g3Start - 2}`,
      "Uitkeringscode G3 en de titel komen overeen met gepubliceerde SiSa-bijlagen. De indicatoren: controleer codes en omschrijvingen tegen het SiSa-model van het verantwoordingsjaar.",
    ),
    ...g3.cells,
  ];

  const ind = (code: string) => {
    const i = [...g2.indicators, ...g3.indicators].find((x) => x.code === code);
    if (!i) throw new Error(code);
    return i.ref;
  };

  const inputIndicators = [...g2.indicators, ...g3.indicators].filter((i) => !v1 || i.code !== "G2/09");

  const checks: CheckDef[] = [
    {
      id: "kop.ingevuld",
      kind: "required",
      title: "Gegevens van de gemeente ingevuld",
      why: "CBS koppelt de bijlage aan gemeente, gemeentecode en jaar (Regeling informatieverstrekking sisa art. 2).",
      cells: [
        { sheet: B, address: "B4", label: "gemeente" },
        { sheet: B, address: "B5", label: "gemeentecode" },
        { sheet: B, address: "B6", label: "verantwoordingsjaar" },
        { sheet: B, address: "B8", label: "geplande datum aanlevering" },
        { sheet: B, address: "B9", label: "vraag uitvoeringskosten" },
      ],
    },
    {
      id: "jaar.bereik",
      kind: "yearRange",
      title: "Jaar binnen de Participatiewet",
      why: "G2 en G3 in deze vorm gelden vanaf verantwoordingsjaar 2015.",
      cell: { sheet: B, address: "B6" },
      from: 2015,
    },
    {
      id: "indicatoren.ingevuld",
      kind: "required",
      title: "Alle indicatoren ingevuld",
      why: "Een lege indicator telt bij CBS als niet geleverd; vul 0 in als er niets te melden is.",
      cells: inputIndicators.map((i) => ({ ...i.ref, label: `indicator ${i.code}` })),
    },
    {
      id: "janee.geldig",
      kind: "choice",
      title: "Ja/Nee-velden geldig",
      why: "Het SiSa-model accepteert alleen Ja of Nee.",
      allowed: ["Ja", "Nee"],
      cells: [
        { sheet: B, address: "B9", label: "vraag uitvoeringskosten" },
        { ...ind("G3/06"), label: "indicator G3/06 eindverantwoording" },
      ],
    },
    {
      id: "uitvoeringskosten",
      kind: "expect",
      title: "Geen uitvoeringskosten ten laste van de uitkering",
      why: "De gebundelde uitkering dekt alleen uitkeringen en loonkostensubsidie (Pwet art. 69 lid 1); uitvoeringskosten komen uit het gemeentefonds.",
      cell: { sheet: B, address: "B9" },
      label: "vraag uitvoeringskosten",
      value: "Nee",
    },
    {
      id: "lks.register",
      kind: "equal",
      title: v1 ? "LKS in G2 gelijk aan het LKS-register" : "LKS in G2 tegenover het LKS-register",
      why: v1
        ? "Sinds Stb. 2021, 442 bepaalt de netto LKS-besteding in SiSa het LKS-budget van het volgende jaar; het cijfer moet uit het register komen."
        : "Sinds Stb. 2021, 442 bepaalt de netto LKS-besteding in SiSa het LKS-budget van het volgende jaar. Wijkt het geboekte bedrag af van wat het register volgens de wet geeft, dan hoort daar een verklaring bij.",
      left: { ...ind("G2/09"), label: v1 ? "indicator G2/09 loonkostensubsidie" : "indicator G2/09 loonkostensubsidie (geboekt)" },
      right: { ...reg.total, label: v1 ? "totaal van het LKS-register" : "het totaal van het LKS-register" },
      ...(v1 ? {} : { explainedBy: { ...explanation, label: "toelichting bij een verschil" } }),
    },
    {
      id: "bijlage.fouten",
      kind: "noErrors",
      title: "Geen foutwaarden in de bijlage",
      why: "Een foutwaarde kan niet naar CBS.",
      sheet: B,
      range: `B4:D${g3.lastRow}`,
    },
    {
      id: "deadline.sisa",
      kind: "deadline",
      title: "Aanlevering vóór de SiSa-termijn",
      why: "De SiSa-bijlage moet uiterlijk 15 juli van het jaar na het verantwoordingsjaar bij CBS zijn (Fvw art. 17a; Regeling informatieverstrekking sisa art. 2).",
      cell: { sheet: B, address: "B8", label: "geplande datum aanlevering" },
      param: "deadline.sisa",
    },
    ...registerChecks(R, reg),
  ];

  /**
   * Worked example, verantwoordingsjaar 2023: the register example (three employees) plus round amounts per indicator.
   */
  const example: ExampleValue[] = [
    { sheet: B, address: "B4", value: "Voorbeeldgemeente" },
    { sheet: B, address: "B5", value: "0999" },
    { sheet: B, address: "B6", value: 2023 },
    { sheet: B, address: "B8", value: serial("2024-07-01") },
    { sheet: B, address: "B9", value: "Nee" },
    ...g2.indicators
      .filter((i) => i.code !== "G2/09")
      .map((i, k) => ({ ...i.ref, value: [4_250_000, 61_500, 310_000, 4_200, 95_000, 0, 120_000, 15_300][k] })),
    // Booked LKS: what the administration paid, here equal to the register (tests work the register out by hand).
    ...(v1 ? [] : [{ ...ind("G2/09"), value: EXAMPLE_LKS_BOOKED }]),
    ...g3.indicators.map((i, k) => ({ ...i.ref, value: [185_000, 40_000, 22_000, 12_500, 6_000, "Ja"][k] as number | string })),
    ...registerExample(R, false, layout),
  ];

  return {
    id: "SISA-PW",
    title: "SiSa-bijlage Participatiewet: G2 gebundelde uitkering (art. 69) en G3 Bbz 2004",
    description:
      "Verantwoordingsinformatie G2 (bijstand, IOAW, IOAZ, Bbz-levensonderhoud beginners, loonkostensubsidie) en G3 (Bbz 2004); de geboekte LKS-besteding naast de norm uit het bijgevoegde LKS-register, met het verschil en de toelichting. Verantwoordingsjaren vanaf 2015.",
    version: layout,
    years: YEARS,
    yearCell: { sheet: B, address: "B6" },
    sheets: [
      {
        key: B,
        name: "SiSa G2-G3",
        title: "SiSa-bijlage verantwoordingsinformatie Participatiewet (G2, G3)",
        cells,
        columnWidths: ANNEX_WIDTHS,
        merges: ["A3:G3", "A13:G13", `A${g3Start - 2}:G${g3Start - 2}`, ...(v1 ? [] : [`${explanation.address}:G${lksRow + 3}`])],
        landscape: true,
      },
      register,
    ],
    indicators: [...g2.indicators, ...g3.indicators],
    checks,
    lists: [reg.list],
    example,
  };
}

/** The register total of the worked example (2023), worked out in tests/templates/example.test.ts. */
const EXAMPLE_LKS_BOOKED = 45_558.2;

export const SISA_PW: TemplateDef = {
  ...sisaPw("1.1.0"),
  legacy: [
    {
      ...sisaPw("1.0.0"),
      outdated:
        "Deze bijlage is gemaakt met sjabloonversie 1.0.0. Het LKS-register daarin rekent elke maand opnieuw met het minimumloon van die maand, zodat de verhoging van 1 juli ook een lopend dienstverband bereikt; " +
        "de wet stelt de loonkostensubsidie vast bij de start en opnieuw per 1 januari (Participatiewet art. 10d lid 7). G2/09 kan daardoor te hoog zijn. " +
        "Voeg het sjabloon opnieuw in (versie 1.1.0), neem de invoer over en vul bij G2/09 het geboekte bedrag in.",
    },
  ],
};
