/**
 * sources.md §2 (copied verbatim to tests/fixtures/sources-s2.md) reproduced by PB.WML and PB.PARAM.
 * The markdown tables are parsed here, so a corrected figure in the research notes shows up as a failing row
 * once the fixture is refreshed, instead of silently disagreeing with a hand-copied list.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { invoke } from "../../../src/functions/invoke";

const md = readFileSync(join(__dirname, "../../fixtures/sources-s2.md"), "utf8");

/** Body of a "### 2.x" section, up to the next heading. */
function section(prefix: string): string {
  const start = md.indexOf(`### ${prefix}`);
  if (start < 0) throw new Error(`section ${prefix} missing from the fixture`);
  const next = md.indexOf("\n#", start + 4);
  return md.slice(start, next < 0 ? undefined : next);
}

/** Every markdown table of a text, as header + rows of trimmed cells. */
function tables(text: string): { header: string[]; rows: string[][] }[] {
  const out: { header: string[]; rows: string[][] }[] = [];
  let cur: string[][] | undefined;
  for (const line of text.split("\n")) {
    if (line.startsWith("|")) {
      const cells = line.split("|").slice(1, -1).map((c) => c.trim());
      if (cells.every((c) => /^-+$/.test(c))) continue;
      (cur ??= []).push(cells);
    } else if (cur) {
      out.push({ header: cur[0], rows: cur.slice(1) });
      cur = undefined;
    }
  }
  if (cur) out.push({ header: cur[0], rows: cur.slice(1) });
  return out;
}

/** First Dutch-format amount in a cell: "**€ 1.501,80** (+0,94%)" → 1501.8; undefined when there is none. */
function nlNumber(cell: string): number | undefined {
  const m = /(\d{1,3}(?:\.\d{3})*(?:,\d+)?)/.exec(cell.replace(/\*/g, ""));
  return m ? Number(m[1].replace(/\./g, "").replace(",", ".")) : undefined;
}

/** "1-7-2015" → "2015-07-01". */
function nlDate(cell: string): string {
  const m = /^(\d{1,2})-(\d{1,2})-(\d{4})$/.exec(cell.trim());
  if (!m) throw new Error(`not a d-m-yyyy date: ${cell}`);
  return `${m[3]}-${m[2].padStart(2, "0")}-${m[1].padStart(2, "0")}`;
}

const WML = (date: string, age?: number, periode?: string) => invoke("WML", [date, age, periode]);

describe("sources.md §2.1: adult monthly WML 2015–2023", () => {
  const [t] = tables(section("2.1"));
  const rows = t.rows.map((r) => ({ from: nlDate(r[0]), adultAge: nlNumber(r[1])!, amount: nlNumber(r[2])! }));

  it("the fixture holds the 18 half-year rows 1-1-2015 … 1-7-2023", () => {
    expect(rows.length).toBe(18);
    expect(rows[0]).toEqual({ from: "2015-01-01", adultAge: 23, amount: 1501.8 });
    expect(rows[17]).toEqual({ from: "2023-07-01", adultAge: 21, amount: 1995 });
  });

  it.each(rows.map((r) => [r.from, r.amount, r.adultAge] as const))("%s: PB.WML = %s, full wage from age %s", (from, amount, adultAge) => {
    expect(WML(from)).toBe(amount);
    expect(WML(from, adultAge)).toBe(amount);
    expect(invoke("PARAM", ["wml.volwassenleeftijd", from])).toBe(adultAge);
  });
});

describe("sources.md §2.2: statutory hourly WML from 2024", () => {
  const [adult, youth] = tables(section("2.2"));

  it("the fixture holds 6 adult rows and 6 youth rows (1-1-2024 … 1-7-2026)", () => {
    expect(adult.rows.length).toBe(6);
    expect(youth.rows.length).toBe(6);
  });

  it.each(adult.rows.map((r) => [nlDate(r[0]), nlNumber(r[1])!, nlNumber(r[2])!] as const))(
    "%s: hourly %s, reference month %s",
    (from, hourly, month) => {
      expect(WML(from, undefined, "uur")).toBe(hourly);
      expect(WML(from, 21, "uur")).toBe(hourly);
      expect(WML(from)).toBe(month);
    },
  );

  // Header cells "21+", "20 (80%)", …: the leading number is the age.
  const ages = youth.header.slice(1).map((h) => nlNumber(h)!);
  const cases = youth.rows.flatMap((r) => ages.map((age, i) => [nlDate(r[0]), age, nlNumber(r[i + 1])!] as const));

  it("covers 6 dates × 7 ages = 42 hourly amounts", () => expect(cases.length).toBe(42));

  it.each(cases)("%s age %s: hourly %s (adult × staffel, rounded to € 0,01 half up)", (from, age, hourly) => {
    expect(WML(from, age, "uur")).toBe(hourly);
  });
});

describe("sources.md §2.3: jeugdloonstaffel", () => {
  const [t] = tables(section("2.3"));
  // One peildatum per column: the first day each column is in force, and the last day of the first two.
  const columns: { dates: string[] }[] = [
    { dates: ["2015-01-01", "2017-06-30"] },
    { dates: ["2017-07-01", "2019-06-30"] },
    { dates: ["2019-07-01", "2026-12-31"] },
  ];
  const cases = t.rows.flatMap((r) =>
    columns.flatMap((c, i) => c.dates.map((d) => [d, nlNumber(r[0])!, nlNumber(r[i + 1])! / 100] as const)),
  );

  it("has 9 ages × 3 columns × 2 dates", () => expect(cases.length).toBe(54));

  it.each(cases)("%s age %s: %s of the adult wage", (date, age, pct) => {
    const adultAge = invoke("PARAM", ["wml.volwassenleeftijd", date]) as number;
    if (pct === 1) {
      expect(age).toBeGreaterThanOrEqual(adultAge);
      expect(WML(date, age)).toBe(WML(date));
    } else {
      expect(age).toBeLessThan(adultAge);
      expect(invoke("PARAM", ["wml.jeugdstaffel", date, String(age)])).toBe(pct);
    }
  });
});

describe("sources.md §2.4: every youth monthly WML 2015–2023 (adult × % rounded to € 0,05 half up)", () => {
  const [t] = tables(section("2.4"));
  const ages = t.header.slice(1).map((h) => Number(h));
  const youth: (readonly [string, number, number])[] = [];
  const fullWage: (readonly [string, number])[] = [];
  for (const r of t.rows) {
    const from = nlDate(r[0]);
    ages.forEach((age, i) => {
      const cell = r[i + 1];
      if (cell === "(100%)") fullWage.push([from, age]);
      else if (cell !== "–") youth.push([from, age, nlNumber(cell)!]);
    });
  }

  it("the fixture holds 18 rows: 122 published amounts and 2 '(100%)' cells", () => {
    expect(t.rows.length).toBe(18);
    // 1-1-2015 … 1-1-2017: 5 rows × 8 ages (22–15); 1-7-2017 … 1-1-2019: 4 × 7 (21–15); 1-7-2019 … 1-7-2023: 9 × 6 (20–15).
    expect(youth.length).toBe(5 * 8 + 4 * 7 + 9 * 6);
    expect(fullWage).toEqual([
      ["2017-07-01", 22],
      ["2019-07-01", 21],
    ]);
  });

  it.each(youth)("%s age %s: PB.WML = %s", (from, age, amount) => {
    expect(WML(from, age)).toBe(amount);
  });

  it.each(fullWage)("%s age %s: the full adult wage", (from, age) => {
    expect(WML(from, age)).toBe(WML(from));
  });

  it("spot check by hand: 1-1-2015 age 22 = 1.501,80 × 0,85 = 1.276,53 → 1.276,55 (€ 0,05 step)", () => {
    expect(WML("2015-01-01", 22)).toBe(1276.55);
  });
});
