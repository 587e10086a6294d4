/**
 * Parameter sets: every released set keeps computing what it computed when it was released (the battery recorded by
 * scripts/record-parameterset-results.js with that release's code), keeps its hash, and is chosen by a plain string —
 * a version or a file — that another process or worker can be handed.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import { invoke } from "../../src/functions/invoke";
import type { RawArg } from "../../src/functions/contract";
import { withReceipt } from "../../src/functions/receipt";
import {
  activateParameterSet,
  activeParameterSet,
  activeParameterSetLabel,
  builtInParameterSet,
  param,
  withParameterSet,
} from "../../src/parameters";
import {
  knownVersionsText,
  parameterSetRef,
  ParameterSetError,
  RELEASED_SETS,
  resolveParameterSet,
  selectParameterSet,
} from "../../src/parameters/catalog";

const FIXTURES = path.join(__dirname, "..", "fixtures", "parametersets");

interface Recorded {
  version: string;
  hash: string;
  calls: { fn: string; args: RawArg[]; result: unknown }[];
}

/** As the recorder keeps it: #N/A as such, any refusal of the input as one outcome. */
function outcome(r: unknown): unknown {
  if (!(r && typeof r === "object" && !Array.isArray(r) && typeof (r as { error?: unknown }).error === "string")) return r;
  return { error: (r as { error: string }).error === "#N/A" ? "#N/A" : "invoer" };
}

afterEach(() => activateParameterSet(builtInParameterSet()));

describe.each(readdirSync(FIXTURES).filter((f) => f.endsWith(".results.json")))("released set recorded in %s", (file) => {
  const rec = JSON.parse(readFileSync(path.join(FIXTURES, file), "utf8")) as Recorded;

  it(`is kept with the hash it was released with (${rec.hash})`, () => {
    expect(resolveParameterSet(rec.version).hash).toBe(rec.hash);
  });

  it(`reproduces all ${rec.calls.length} recorded results`, () => {
    const set = resolveParameterSet(rec.version);
    const differences = withParameterSet(set, () =>
      rec.calls
        .map((c) => ({ ...c, now: outcome(invoke(c.fn, c.args)) }))
        .filter((c) => JSON.stringify(c.now) !== JSON.stringify(c.result))
        .map((c) => `PB.${c.fn}(${c.args.map((a) => JSON.stringify(a)).join("; ")}): vastgelegd ${JSON.stringify(c.result)}, nu ${JSON.stringify(c.now)}`),
    );
    expect(differences).toEqual([]);
  });
});

describe("2026.11.4 against the set in force: the figures the lead checked by hand", () => {
  const old = () => resolveParameterSet("2026.11.4");

  it("PB.WML(1-7-2026): #N/A with 2026.11.4 (its table ended 30-6-2026), 2.337,00 now", () => {
    expect(withParameterSet(old(), () => invoke("WML", ["2026-07-01"]))).toEqual({
      error: "#N/A",
      message: "Geen waarde voor wml.maand (het wettelijk minimumloon per maand) op 1-7-2026. De tabel loopt van 1-1-2015 tot en met 30-6-2026; kies een peildatum binnen die periode.",
    });
    expect(invoke("WML", ["2026-07-01"])).toBe(2337);
  });

  it("PB.LKS(1-1-2025; 0,5; 36; ; 32): 1.461,71 as 2026.11.4 read the law (voltijd only above 36), 1.299,30 now (32/36)", () => {
    expect(withParameterSet(old(), () => invoke("LKS", ["2025-01-01", 0.5, 36, null, 32]))).toBe(1461.71);
    expect(invoke("LKS", ["2025-01-01", 0.5, 36, null, 32])).toBe(1299.3);
  });

  it("PB.LKSPERIODE(16-6-2025; 15-7-2025; 0,5; 36): 1.455,56 re-priced in July with 2026.11.4, 1.438,14 on the June decision now", () => {
    // 2026.11.4: 1.461,71142 × 15/30 + (2.245,80 × 1,08 × 0,5 × 1,235 = 1.497,72402) × 15/31 = 730,85571 + 724,70517 = 1.455,56088
    expect(withParameterSet(old(), () => invoke("LKSPERIODE", ["2025-06-16", "2025-07-15", 0.5, 36]))).toBe(1455.56);
    expect(invoke("LKSPERIODE", ["2025-06-16", "2025-07-15", 0.5, 36])).toBe(1438.14);
  });

  it("PB.VERSIE names the set, and says when it is not the current one", () => {
    expect(withParameterSet(old(), () => invoke("VERSIE", []))).toBe(
      `PB Rekenkit 0.1.0; parameterset 2026.11.4 (ca4292c2e38c6ff5); eerder vrijgegeven set, niet de actuele ${builtInParameterSet().version}`,
    );
    expect(invoke("VERSIE", [])).toBe(`PB Rekenkit 0.1.0; parameterset ${builtInParameterSet().version} (${builtInParameterSet().hash})`);
  });
});

describe("choosing a set by a plain string", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), "pb-set-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const ownSet = (mutate: (doc: { version: string; parameters: { name: string; values: { value: unknown }[] }[] }) => void): string => {
    const set = builtInParameterSet();
    const doc = JSON.parse(JSON.stringify({ version: set.version, parameters: set.names.map((n) => set.parameters.get(n)) }));
    mutate(doc);
    const file = path.join(dir, `eigen-${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(file, JSON.stringify(doc));
    return file;
  };

  it("knows the released versions, oldest first, and marks the current one", () => {
    expect(RELEASED_SETS.map((s) => s.version)).toContain("2026.11.4");
    expect(RELEASED_SETS.map((s) => s.version)).toEqual(["2026.11.4", "2026.12.0", "2026.12.1", "2026.12.2", "2026.12.3"]);
    expect(knownVersionsText()).toBe(`2026.11.4, 2026.12.0, 2026.12.1, 2026.12.2, ${builtInParameterSet().version} (actueel)`);
  });

  it("the current version is the built-in set itself", () => {
    expect(resolveParameterSet(builtInParameterSet().version)).toBe(builtInParameterSet());
  });

  it("an unknown version is refused with the known versions", () => {
    expect(() => resolveParameterSet("2025.1.0")).toThrow(ParameterSetError);
    expect(() => resolveParameterSet("2025.1.0")).toThrow(
      `Onbekende parameterset "2025.1.0". Bekende versies: ${knownVersionsText()}; of geef een eigen bestand (.json).`,
    );
  });

  it("an own file: computed with, marked as own on the label and every receipt, and chosen again by its path", () => {
    // A municipality trying out a 2027 minimum wage of its own: 1-1-2027 € 2.400,00 (and the hourly wage, staffel, end).
    const file = ownSet((doc) => {
      for (const p of doc.parameters as unknown as { name: string; until?: string; values: { from: string; value: unknown; source: unknown }[] }[]) {
        if (p.name === "wml.maand") p.values.push({ from: "2027-01-01", value: 2400, source: { regeling: "eigen aanname", confidence: "L", note: "scenario" } });
        if (p.name === "wml.uur") p.values.push({ from: "2027-01-01", value: 15.39, source: { regeling: "eigen aanname", confidence: "L", note: "scenario" } });
        if (p.name.startsWith("wml.") && p.until === "2027-01-01") p.until = "2027-07-01";
      }
    });
    const set = selectParameterSet(file);
    expect(set.origin).toBe("eigen");
    expect(set.file).toBe(file);
    // 2.400,00 × 1,08 × 0,5 × 1,235 = 1.600,56
    expect(invoke("LKS", ["2027-03-01", 0.5, 36])).toBe(1600.56);
    expect(activeParameterSetLabel()).toBe(`parameterset ${set.version} (${set.hash}); EIGEN PARAMETERSET uit ${file}, geen vrijgegeven set`);
    const receipt = withReceipt("LKS", ["2027-03-01", 0.5, 36]);
    expect(receipt).toMatchObject({ parameterSetOrigin: "eigen", parameterSetFile: file, parameterSetHash: set.hash });
    expect(set.hash).not.toBe(builtInParameterSet().hash);
    // The string a worker would be handed selects the same set again.
    expect(parameterSetRef(set)).toBe(file);
    activateParameterSet(builtInParameterSet());
    expect(selectParameterSet(parameterSetRef(set)).hash).toBe(set.hash);
    expect(parameterSetRef(resolveParameterSet("2026.11.4"))).toBe("2026.11.4");
  });

  it("an own file that breaks the rules is refused, naming file and value", () => {
    const file = ownSet((doc) => {
      doc.parameters.find((p) => p.name === "lks.werkgeverslasten")!.values[0].value = 23;
    });
    expect(() => resolveParameterSet(file)).toThrow(
      `Parameterset ${file} klopt niet (1 probleem/problemen):\n  ${file}, parameter lks.werkgeverslasten: waarde 1 (vanaf 2015-01-01): 23 moet een fractie van 0 tot en met 1 zijn (23,5% = 0.235)`,
    );
    // A typo in a rule name would have dropped the re-set of 1-1-2026 without a word (14.091,53 → 13.886,26 for
    // PB.LKSPERIODE(16-6-2025; 31-3-2026; 0,5; 36)); it is refused instead.
    const typo = ownSet((doc) => {
      doc.parameters.find((p) => p.name === "lks.herziening")!.values[2].value = "januari-tot-en-met-januar";
    });
    expect(() => resolveParameterSet(typo)).toThrow(
      `${typo}, parameter lks.herziening: waarde 3 (vanaf 2023-01-01): "januari-tot-en-met-januar" is geen regel die PB Rekenkit kent voor lks.herziening`,
    );
    const missing = path.join(dir, "bestaat-niet.json");
    expect(() => resolveParameterSet(missing)).toThrow(`Parameterset ${missing}: het bestand bestaat niet.`);
    const garbage = path.join(dir, "kapot.json");
    writeFileSync(garbage, "{ dit is geen json");
    expect(() => resolveParameterSet(garbage)).toThrow(/^Parameterset .*kapot\.json is geen geldige JSON/);
  });

  it("withParameterSet restores the set that was active, also when the computation throws", () => {
    const before = activeParameterSet();
    expect(() =>
      withParameterSet(resolveParameterSet("2026.11.4"), () => {
        expect(param("wml.maand", "2026-06-30")).toBe(2294.4);
        throw new Error("stop");
      }),
    ).toThrow("stop");
    expect(activeParameterSet()).toBe(before);
  });
});
