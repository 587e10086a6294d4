/**
 * The parameter tables of the built-in set: shape, sources, and lookups at every edge of every table.
 * Iterates over PARAMETERS, so parameters added later are held to the same rules. The data files themselves are checked
 * by the validator in tests/parameters/data.test.ts.
 */
import {
  PARAMETERS,
  PARAMETER_NAMES,
  PARAMETER_SET_HASH,
  PARAMETER_SET_VERSION,
  citation,
  getParameter,
  param,
  type Parameter,
  type Trace,
} from "../../src/parameters";
import { FILES } from "../../src/parameters/data";
import { hasLabel, parameterInMessage } from "../../src/parameters/labels";
import { parameterSetHash } from "../../src/parameters/set";
import released2026114 from "../../src/parameters/released/2026.11.4.json";
import { dutchDate, PbError } from "../../src/rules/errors";
import { CONFIDENCE_WORDS } from "../../src/parameters/citation";
import { addDays, parseDateText } from "../../src/rules/dates";

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const all = [...PARAMETERS.values()];
const byName = all.map((p) => [p.name, p] as const);

/** The PbError a lookup throws, or undefined when it returns. */
function lookupError(name: string, date: string): PbError | undefined {
  try {
    param(name, date);
    return undefined;
  } catch (e) {
    if (e instanceof PbError) return e;
    throw e;
  }
}

describe("the parameter set", () => {
  it("has the LKS and WML parameters the rules read", () => {
    for (const n of ["wml.maand", "wml.uur", "wml.volwassenleeftijd", "wml.jeugdstaffel", "wml.jeugdafronding", "vakantiebijslag",
      "lks.cap", "lks.werkgeverslasten", "lks.normuren", "lks.deeltijdregel", "lks.herziening", "lks.forfaitair", "lks.forfaitair.maanden"]) {
      expect(PARAMETER_NAMES).toContain(n);
    }
  });

  it("has one parameter per data file, none twice, the names sorted", () => {
    expect(Object.keys(FILES).length).toBe(PARAMETERS.size);
    expect([...PARAMETER_NAMES]).toEqual([...PARAMETER_NAMES].sort());
  });

  it("has a semantic version and a 64-bit hex hash", () => {
    expect(PARAMETER_SET_VERSION).toMatch(/^\d{4}\.\d+\.\d+$/);
    expect(PARAMETER_SET_HASH).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe.each(byName)("parameter %s", (name, p) => {
  it("has a dotted lower-case name, a Dutch description and a unit", () => {
    expect(name).toMatch(/^[a-z][a-z0-9]*(\.[a-z0-9]+)*$/);
    expect(p.description.length).toBeGreaterThan(10);
    expect(p.unit).toBeTruthy();
  });

  it("is ordered and contiguous: real ISO dates, strictly ascending `from`, `until` after the last `from`", () => {
    expect(p.values.length).toBeGreaterThan(0);
    for (const v of p.values) {
      expect(v.from).toMatch(ISO);
      expect(parseDateText(v.from)).toBe(v.from);
    }
    for (let i = 1; i < p.values.length; i++) expect(p.values[i].from > p.values[i - 1].from).toBe(true);
    if (p.until !== undefined) {
      expect(parseDateText(p.until)).toBe(p.until);
      expect(p.until > p.values[p.values.length - 1].from).toBe(true);
    }
  });

  it("has a source with regeling and confidence on every value, and a note when the confidence is not H", () => {
    for (const v of p.values) {
      expect(v.source.regeling.trim().length).toBeGreaterThan(0);
      expect(["H", "M", "L"]).toContain(v.source.confidence);
      if (v.source.confidence !== "H") expect((v.source.note ?? "").trim().length).toBeGreaterThan(0);
      if (v.source.bwb !== undefined) expect(v.source.bwb).toMatch(/^BWBR\d{7}$/);
    }
  });

  it("has finite numbers (or objects of finite numbers) as values; a rule ('regel') is one of a few named words", () => {
    for (const v of p.values) {
      if (p.unit === "regel") {
        expect(v.value).toMatch(/^[a-z]+(-[a-z]+)*$/);
        continue;
      }
      const leaves = typeof v.value === "object" && v.value !== null ? Object.values(v.value) : [v.value];
      for (const x of leaves) expect(Number.isFinite(x)).toBe(true);
    }
  });

  it("gives each value from its first day to its last day", () => {
    p.values.forEach((v, i) => {
      const next = i + 1 < p.values.length ? p.values[i + 1].from : p.until;
      expect(param(name, v.from)).toEqual(v.value);
      if (next !== undefined) expect(param(name, addDays(next, -1))).toEqual(v.value);
    });
    if (p.until === undefined) expect(param(name, "2099-12-31")).toEqual(p.values[p.values.length - 1].value);
  });

  it("is #N/A the day before the first value, naming the table span", () => {
    const e = lookupError(name, addDays(p.values[0].from, -1));
    expect(e?.code).toBe("#N/A");
    expect(e?.message).toBe(
      // Dates as a Dutch user reads them; the table's last day is the day before `until` (exclusive).
      `Geen waarde voor ${parameterInMessage(name)} op ${dutchDate(addDays(p.values[0].from, -1))}. De tabel loopt van ${dutchDate(p.values[0].from)}` +
        (p.until ? ` tot en met ${dutchDate(addDays(p.until, -1))}` : "") +
        "; kies een peildatum binnen die periode.",
    );
  });

  if (p.until !== undefined) {
    const until = p.until;
    it(`is #N/A on and after \`until\` (${until}), saying why the table ends (${p.untilReason})`, () => {
      for (const d of [until, addDays(until, 1), "2099-12-31"]) {
        const e = lookupError(name, d);
        expect(e?.code).toBe("#N/A");
        expect(e?.kind).toBe(p.untilReason === "unpublished" ? "notPublishedYet" : "dateOutsideTable");
      }
    });
  }

  it("records value, period, unit and source in the trace", () => {
    const last = p.values[p.values.length - 1];
    const trace: Trace = [];
    param(name, last.from, trace);
    expect(trace).toEqual([
      { name, value: last.value, from: last.from, ...(p.until ? { until: p.until } : {}), unit: p.unit, source: last.source },
    ]);
  });

  it("cites regeling, date and confidence in words, never the research note", () => {
    const first = p.values[0];
    const c = citation(name, first.from);
    expect(c).toContain(first.source.regeling);
    expect(c).toContain(`geldig vanaf ${dutchDate(first.from)}`);
    expect(c).toContain(CONFIDENCE_WORDS[first.source.confidence]);
    for (const v of p.values) {
      const text = citation(name, v.from);
      expect(text).not.toMatch(/sources\.md|nagezocht|§/);
      if (v.source.note) expect(text).not.toContain(v.source.note);
    }
  });
});

describe("lookups by hand", () => {
  it("werkgeverslasten: 23% on 31-12-2017, 23,5% on 1-1-2018", () => {
    expect(param("lks.werkgeverslasten", "2017-12-31")).toBe(0.23);
    expect(param("lks.werkgeverslasten", "2018-01-01")).toBe(0.235);
  });

  it("wml.maand: 1.995,00 on 31-12-2023, reference 2.069,40 on 1-1-2024, 2.294,40 on 30-6-2026, 2.337,00 from 1-7-2026 to 31-12-2026", () => {
    expect(param("wml.maand", "2023-12-31")).toBe(1995);
    expect(param("wml.maand", "2024-01-01")).toBe(2069.4);
    expect(param("wml.maand", "2026-06-30")).toBe(2294.4);
    expect(param("wml.maand", "2026-07-01")).toBe(2337);
    expect(param("wml.maand", "2026-12-31")).toBe(2337);
    expect(lookupError("wml.maand", "2027-01-01")?.kind).toBe("notPublishedYet");
  });

  it("wml.uur: 14,71 on 30-6-2026, 14,99 on 1-7-2026 (2.337,00 / (4⅓ × 36) = 14,9808, rounded up: WML art. 14 lid 10)", () => {
    expect(param("wml.uur", "2026-06-30")).toBe(14.71);
    expect(param("wml.uur", "2026-07-01")).toBe(14.99);
    expect(Math.ceil((2337 / ((13 / 3) * 36)) * 100) / 100).toBe(14.99);
  });

  it("lks.herziening per text of Pwet art. 10d: yearly (2015), 1 January on last year's WML (2017-02-01), 1 January on that day's WML (2023)", () => {
    expect(param("lks.herziening", "2017-01-31")).toBe("jaarlijks-na-aanvang");
    expect(param("lks.herziening", "2017-02-01")).toBe("januari-ontwikkeling-voorafgaand-jaar");
    expect(param("lks.herziening", "2022-12-31")).toBe("januari-ontwikkeling-voorafgaand-jaar");
    expect(param("lks.herziening", "2023-01-01")).toBe("januari-tot-en-met-januari");
  });

  it("the WPB tables end in 2015 because the law lapsed, verdeling.outputlag included", () => {
    expect(getParameter("verdeling.outputlag")).toMatchObject({ until: "2015-01-01", untilReason: "repealed" });
    expect(lookupError("verdeling.outputlag", "2015-01-01")?.kind).toBe("dateOutsideTable");
  });

  it("the trace of a value whose successor exists ends at the successor's from", () => {
    const trace: Trace = [];
    param("lks.werkgeverslasten", "2017-06-01", trace);
    expect(trace[0]).toMatchObject({ from: "2015-01-01", until: "2018-01-01", value: 0.23 });
  });

  it("an unknown name is #VALUE! (bad input) and suggests the nearest known names, not all of them", () => {
    let err: unknown;
    try {
      getParameter("wml.maandd");
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(PbError);
    expect((err as PbError).code).toBe("#VALUE!");
    // Names starting with "wml.", the longest common start first: "wml.maand" shares 9 characters, "wml.jeugd…" 4.
    expect((err as PbError).message).toBe(`Onbekende parameter "wml.maandd". Bedoelt u "wml.maand", "wml.jeugdafronding", "wml.jeugdstaffel"?`);
    expect(PARAMETER_NAMES).toContain("wml.maand");
  });
});

describe("PARAMETER_SET_HASH", () => {
  const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
  const files = () => clone(Object.values(FILES)) as Parameter[];
  const find = (ps: Parameter[], name: string) => ps.find((p) => p.name === name)!;

  it("is the FNV-1a hash of the data files, whatever their order", () => {
    expect(parameterSetHash(files())).toBe(PARAMETER_SET_HASH);
    expect(parameterSetHash(files().reverse())).toBe(PARAMETER_SET_HASH);
  });

  it("does not depend on the order of the fields in a file", () => {
    const ps = files().map((p) => Object.fromEntries(Object.entries(p).reverse()) as unknown as Parameter);
    expect(parameterSetHash(ps)).toBe(PARAMETER_SET_HASH);
  });

  it("is the hash 2026.11.4 printed (ca4292c2e38c6ff5) for that set kept as data, so its receipts still match", () => {
    expect(parameterSetHash((released2026114 as { parameters: Parameter[] }).parameters)).toBe("ca4292c2e38c6ff5");
  });

  it("changes when one value changes by one cent (wml.maand 1-1-2015: 1.501,80 → 1.501,81)", () => {
    const ps = files();
    find(ps, "wml.maand").values[0].value = 1501.81;
    const h = parameterSetHash(ps);
    expect(h).toMatch(/^[0-9a-f]{16}$/);
    expect(h).not.toBe(PARAMETER_SET_HASH);
  });

  it("changes when only a source changes (confidence H → M)", () => {
    const ps = files();
    find(ps, "vakantiebijslag").values[0].source.confidence = "M";
    expect(parameterSetHash(ps)).not.toBe(PARAMETER_SET_HASH);
  });

  it("changes when a staffel percentage changes (age 20 from 1-7-2019: 0,8 → 0,81)", () => {
    const ps = files();
    (find(ps, "wml.jeugdstaffel").values[2].value as Record<string, number>)["20"] = 0.81;
    expect(parameterSetHash(ps)).not.toBe(PARAMETER_SET_HASH);
  });

  it("changes when only the reason a table ends changes", () => {
    const ps = files();
    find(ps, "wml.maand").untilReason = "repealed";
    expect(parameterSetHash(ps)).not.toBe(PARAMETER_SET_HASH);
  });
});

describe("messages name a parameter in words as well", () => {
  it("every built-in parameter has a Dutch label for the messages a user reads", () => {
    const missing = [...PARAMETER_NAMES].filter((n) => !hasLabel(n));
    expect(missing).toEqual([]);
  });
});

describe("sources a user or auditor reads", () => {
  it("name no research notes of the developers (a receipt carries the source, note and all)", () => {
    // The JSON receipt of pb recalc includes source.note: it must stand on its own for an auditor.
    const internal = [...PARAMETERS.values()].flatMap((p) =>
      p.values.filter((v) => /sources\.md|§\s*\d|nog na te slaan|TODO/i.test(JSON.stringify(v.source))).map((v) => `${p.name} ${v.from}`),
    );
    expect(internal).toEqual([]);
  });
});
