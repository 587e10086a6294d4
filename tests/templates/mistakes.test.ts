/**
 * The mistakes controllers make, one bad workbook per mistake: the worked example written as a real .xlsx with one
 * thing done wrong the way a controller does it (a text amount, a text date, a row without reference, a BSN, a typed-over
 * green cell, a cleared marker, …), run through `pb check` in-process. Each gives exit 1 and exactly one message, on
 * the cell that was got wrong, saying what to type instead; whatever follows from it is counted on that line.
 */
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { checkCommand } from "../../src/cli/commands/check";
import { getTemplate } from "../../src/templates";
import { renderTemplate } from "../../src/templates/render";
import { serial } from "../../src/templates/build";
import type { CheckResult } from "../../src/templates/checks";
import { workbookBuffer } from "../../src/xlsx/write";
import { withValues } from "./helpers";

jest.setTimeout(120_000);

const dir = mkdtempSync(path.join(tmpdir(), "pb-mistakes-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Changes = Record<string, Record<string, string | number | boolean | null>>;

interface Mistake {
  name: string;
  template: string;
  changes: Changes;
  /** The one message: sheet!cell and id. */
  at: string;
  /** Words the message must contain (what is wrong, what to type instead). */
  says: string[];
}

const A = "SiSa G2-G3";
const R = "LKS-register";

const MISTAKES: Mistake[] = [
  {
    name: "an amount typed as text with Dutch thousands ('18.734.512,37)",
    template: "SISA-PW",
    changes: { [A]: { D16: "18.734.512,37" } },
    at: `invoer @ ${A}!D16`,
    says: ['is tekst ("18.734.512,37"), geen getal', "Het lijkt 18.734.512,37 — typ het als getal"],
  },
  {
    name: "an amount written out ('vierhonderd)",
    template: "SISA-PW",
    changes: { [A]: { D17: "vierhonderd" } },
    at: `invoer @ ${A}!D17`,
    says: ['is tekst ("vierhonderd")', "Het lijkt 400,00 — typ het als getal"],
  },
  {
    name: "a start date as Dutch text ('15-01-2023)",
    template: "SISA-PW",
    changes: { [R]: { C7: "15-01-2023" } },
    at: `invoer @ ${R}!C7`,
    says: ['Begindatum in regel 7 (W-001) is tekst ("15-01-2023"), geen datum', "Het lijkt 15 januari 2023 — typ het als datum (15-1-2023)"],
  },
  {
    name: "a start date as ISO text ('2023-01-15)",
    template: "SISA-PW",
    changes: { [R]: { C7: "2023-01-15" } },
    at: `invoer @ ${R}!C7`,
    says: ["Het lijkt 15 januari 2023 — typ het als datum (15-1-2023)"],
  },
  {
    name: "a negative amount where the indicator cannot be negative",
    template: "SISA-PW",
    changes: { [A]: { D17: -61_500 } },
    at: `invoer @ ${A}!D17`,
    says: ["is −€ 61.500,00: dit kan niet negatief zijn. Typ het zonder minteken."],
  },
  {
    name: "a filled row without reference",
    template: "SISA-PW",
    changes: { [R]: { A9: null } },
    at: `lijst.sleutel @ ${R}!A9`,
    says: ["Regel 9 heeft gegevens (werkgever, begindatum, einddatum, loonwaarde, uren per week en leeftijd) maar geen referentie in A9", "deze werknemer telt niet mee"],
  },
  {
    name: "a reference without data",
    template: "SISA-PW",
    changes: { [R]: { A13: "W-006" } },
    at: `register.rij.volledig @ ${R}!C13`,
    says: ["Regel 13 (W-006) heeft een referentie maar verder geen gegevens: vul begindatum (C13), loonwaarde (F13) en uren per week (G13) in, of maak A13 leeg."],
  },
  {
    name: "two employees share a reference (their periods overlap)",
    template: "SISA-PW",
    changes: { [R]: { A8: "W-001" } },
    at: `lijst.dubbel @ ${R}!A8`,
    says: ["Referentie W-001 in A8 staat ook in A7 en de perioden overlappen (regel 7: vanaf 1-1-2023, loopt door; regel 8: 1-7-2023 tot en met 31-12-2023). Een andere werknemer krijgt een eigen referentie"],
  },
  {
    name: "a BSN as reference (passes the elfproef)",
    template: "SISA-PW",
    changes: { [R]: { A7: "111222333" } },
    at: `lijst.bsn @ ${R}!A7`,
    says: ["Referentie 111222333 in A7 lijkt een BSN (9 cijfers die de elfproef halen)", "gebruik een eigen nummer"],
  },
  {
    name: "an employee typed below the register's last row",
    template: "SISA-PW",
    changes: { [R]: { A110: "W-099", C110: serial("2023-05-01"), F110: 0.5, G110: 32 } },
    at: `lijst.onder @ ${R}!A110`,
    says: ["Rij 110 ligt onder de lijst (regels 7–106) en telt nergens mee"],
  },
  {
    name: "a green cell (the year total of a row) typed over with a number",
    template: "SISA-PW",
    changes: { [R]: { V7: 18_000 } },
    at: `formule @ ${R}!V7`,
    says: ["Totaal jaar T in regel 7 (W-001) is een berekende (groene) cel, maar de formule is vervangen door de waarde 18.000", "=SOM(J7:U7)"],
  },
  {
    name: "a bad loonwaarde (150%): every error it causes counted on its one line",
    template: "SISA-PW",
    changes: { [R]: { F7: 1.5 } },
    at: `invoer @ ${R}!F7`,
    says: ["Loonwaarde in regel 7 (W-001) is 150%; een percentage ligt tussen 0% en 100%.", "controles die hiervan afhangen)"],
  },
  {
    name: "a loonwaarde the law does not take (60,5%: no whole percent), traced from the PB error to its input",
    template: "SISA-PW",
    changes: { [R]: { F7: 0.605 } },
    at: `fout.invoer @ ${R}!F7`,
    says: ["Loonwaarde in regel 7 (W-001): PB.LKSPERIODE in J7 weigert deze invoer", "geen heel percentage", "Pas F7 aan."],
  },
  {
    name: "the booked LKS in G2 differs from the register, without explanation",
    template: "SISA-PW",
    changes: { [A]: { D24: 45_000 } },
    at: `lks.register @ ${A}!D24`,
    says: ["is € 45.000,00, maar het totaal van het LKS-register is € 45.558,20 (verschil −€ 558,20). Licht het verschil toe in D27"],
  },
  {
    name: "a forfaitair (50%) row running past its six months",
    template: "SISA-PW",
    changes: { [R]: { D10: serial("2024-06-30") } },
    at: `register.forfaitair @ ${R}!D10`,
    says: ["route Forfaitair geldt ten hoogste 6 maanden, tot en met 29-2-2024, maar de regel loopt tot 30-6-2024"],
  },
  {
    name: "Ja/Nee answered with 'J'",
    template: "SISA-PW",
    changes: { [A]: { B9: "J" } },
    at: `invoer @ ${A}!B9`,
    says: ['is "J": kies Ja of Nee uit de keuzelijst.'],
  },
  {
    name: "the register's marker cleared",
    template: "SISA-PW",
    changes: { [R]: { A2: null } },
    at: `markering @ ${R}!A2`,
    says: ['De markering in A2 van blad "LKS-register" ontbreekt', "wel gecontroleerd", "PB Rekenkit · sjabloon SISA-PW · versie 1.1.0 · blad register · invoeging 1"],
  },
  {
    name: "a damaged marker (typed over) on the annex",
    template: "SISA-PW",
    changes: { [A]: { A2: "SiSa 2023 concept" } },
    at: `markering @ ${A}!A2`,
    says: ['De markering in A2 van blad "SiSa G2-G3" is beschadigd ("SiSa 2023 concept")', "versie 1.1.0 · blad bijlage · invoeging 1"],
  },
  {
    name: "the register's marker and title both gone: named as missing, with what could not be checked",
    template: "SISA-PW",
    changes: { [R]: { A1: null, A2: null } },
    at: `bladen.aanwezig @ ${R}!-`,
    says: ['Het blad "LKS-register" van sjabloon SISA-PW is niet gevonden', "Niet gecontroleerd: LKS in G2 tegenover het LKS-register, Registerregels volledig", "De andere controles zijn wel uitgevoerd."],
  },
  {
    name: "a gemeentecode twice in a GR (once as text 0901, once as the number 901)",
    template: "GR-WPB",
    changes: { "GR-verdeling": { A13: 901 } },
    at: "lijst.dubbel @ GR-verdeling!A13",
    says: ["Gemeentecode 901 in A13 staat ook in A11. Geef elke deelnemende gemeente een eigen gemeentecode."],
  },
];

async function check(file: string): Promise<{ code: number; results: CheckResult[] }> {
  const out: string[] = [];
  const code = await checkCommand.run([file, "--json"], { out: (l) => out.push(l), err: () => undefined });
  const json = JSON.parse(out.join("\n")) as { results: CheckResult[] }[];
  return { code, results: json.flatMap((j) => j.results) };
}

describe.each(MISTAKES.map((m) => [m.name, m] as const))("%s", (_name, m) => {
  test("exit 1 and exactly one message, on that cell, saying what to type", async () => {
    const file = path.join(dir, `${m.template}-${MISTAKES.indexOf(m)}.xlsx`);
    writeFileSync(file, await workbookBuffer(withValues(renderTemplate(getTemplate(m.template)!, { example: true }), m.changes)));
    const { code, results } = await check(file);
    const bad = results.filter((r) => !r.ok);
    expect(bad.map((r) => `${r.id} @ ${r.sheet}!${r.cell ?? "-"}`)).toEqual([m.at]);
    for (const words of m.says) expect(bad[0].message).toContain(words);
    expect(code).toBe(1);
  });
});
