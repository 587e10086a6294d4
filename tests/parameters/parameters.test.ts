/**
 * The parameter tables as data: shape, sources, and lookups at every edge of every table.
 * Iterates over PARAMETERS, so parameters added later (WPB, …) are held to the same rules.
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
import * as wmlParams from "../../src/parameters/wml";
import * as lksParams from "../../src/parameters/lks";
import * as wpbParams from "../../src/parameters/wpb";
import * as pwParams from "../../src/parameters/pw";
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
      "lks.cap", "lks.werkgeverslasten", "lks.normuren", "lks.forfaitair", "lks.forfaitair.maanden"]) {
      expect(PARAMETER_NAMES).toContain(n);
    }
  });

  it("has no two exported parameters with one name (the Map would silently keep only the last)", () => {
    const exported = ([...Object.values(wmlParams), ...Object.values(lksParams), ...Object.values(wpbParams), ...Object.values(pwParams)] as unknown[]).filter(
      (p): p is Parameter => typeof p === "object" && p !== null && "values" in p && "name" in p,
    );
    expect(exported.length).toBe(PARAMETERS.size);
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
      `Geen waarde voor ${name} op ${dutchDate(addDays(p.values[0].from, -1))}. De tabel loopt van ${dutchDate(p.values[0].from)}` +
        (p.until ? ` tot en met ${dutchDate(addDays(p.until, -1))}` : "") +
        "; kies een peildatum binnen die periode.",
    );
  });

  if (p.until !== undefined) {
    const until = p.until;
    it(`is #N/A on and after \`until\` (${until})`, () => {
      expect(lookupError(name, until)?.code).toBe("#N/A");
      expect(lookupError(name, addDays(until, 1))?.code).toBe("#N/A");
      expect(lookupError(name, "2099-12-31")?.code).toBe("#N/A");
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

  it("wml.maand: 1.995,00 on 31-12-2023, reference 2.069,40 on 1-1-2024, last 2.294,40 on 30-6-2026", () => {
    expect(param("wml.maand", "2023-12-31")).toBe(1995);
    expect(param("wml.maand", "2024-01-01")).toBe(2069.4);
    expect(param("wml.maand", "2026-06-30")).toBe(2294.4);
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
  /**
   * The hash is computed once, when src/parameters/index.ts loads. In a fresh module registry we change one value of
   * the (same, shared) parameter object before index.ts loads, and read the hash it computes then.
   */
  function hashWith(mutate: (w: typeof wmlParams) => void): string {
    let hash = "";
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const w = require("../../src/parameters/wml") as typeof wmlParams;
      mutate(w);
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      hash = (require("../../src/parameters") as { PARAMETER_SET_HASH: string }).PARAMETER_SET_HASH;
    });
    return hash;
  }

  it("is reproducible when nothing changes", () => {
    expect(hashWith(() => undefined)).toBe(PARAMETER_SET_HASH);
  });

  it("changes when one value changes by one cent (wml.maand 1-1-2015: 1.501,80 → 1.501,81)", () => {
    const h = hashWith((w) => {
      w.wmlMaand.values[0].value = 1501.81;
    });
    expect(h).toMatch(/^[0-9a-f]{16}$/);
    expect(h).not.toBe(PARAMETER_SET_HASH);
  });

  it("changes when only a source changes (confidence H → M)", () => {
    const h = hashWith((w) => {
      w.vakantiebijslag.values[0].source = { ...w.vakantiebijslag.values[0].source, confidence: "M" };
    });
    expect(h).not.toBe(PARAMETER_SET_HASH);
  });

  it("changes when a staffel percentage changes (age 20 from 1-7-2019: 0,8 → 0,81)", () => {
    const h = hashWith((w) => {
      w.wmlJeugdstaffel.values[2].value = { ...w.wmlJeugdstaffel.values[2].value, "20": 0.81 };
    });
    expect(h).not.toBe(PARAMETER_SET_HASH);
  });

  it("the isolated registries did not leak into this one", () => {
    expect(param("wml.maand", "2015-01-01")).toBe(1501.8);
  });
});
