import { withReceipt } from "../../src/functions/receipt";
import { PARAMETER_SET_HASH, PARAMETER_SET_VERSION } from "../../src/parameters";

describe("receipt per result", () => {
  test("PB.LKS(2023-07-01; 0,4; 38) = 1596,56 names every parameter value it used, once, with source and valid-from", () => {
    const r = withReceipt("LKS", ["2023-07-01", 0.4, 38]);
    // 1995,00 × 1,08 × (1 − 0,4) × 1,235 × 38/38 = 1596,5586 → 1596,56
    expect(r.result).toBe(1596.56);
    expect(r.function).toBe("PB.LKS");
    expect(r.legalBasis).toMatch(/art\. 10d lid 4/);
    expect(r.inputs).toEqual({ peildatum: "2023-07-01", loonwaarde: 0.4, uren_per_week: 38 });
    const byName = Object.fromEntries(r.parameters.map((p) => [p.name, p]));
    expect(byName["wml.maand"]).toMatchObject({ value: 1995, from: "2023-07-01", until: "2024-01-01", unit: "EUR/maand" });
    expect(byName["lks.werkgeverslasten"].value).toBe(0.235);
    expect(byName["lks.werkgeverslasten"].source.regeling).toMatch(/Regeling loonkostensubsidie/);
    expect(byName["vakantiebijslag"].value).toBe(0.08);
    expect(byName["lks.cap"].value).toBe(0.7);
    expect(byName["lks.normuren"].value).toBe(38);
    const names = r.parameters.map((p) => `${p.name}@${p.from}`);
    expect(new Set(names).size).toBe(names.length);
    expect(r.parameterSetVersion).toBe(PARAMETER_SET_VERSION);
    expect(r.parameterSetHash).toBe(PARAMETER_SET_HASH);
  });

  test("a period across 1 July keeps the June determination: one WML value (1.934,40), and the re-set rule it read", () => {
    const r = withReceipt("LKSPERIODE", ["2023-06-01", "2023-07-31", 0.5, 38]);
    const wml = r.parameters.filter((p) => p.name === "wml.maand").map((p) => p.value);
    expect(wml).toEqual([1934.4]);
    // June and July: 1.934,40 × 1,08 × 0,5 × 1,235 = 1.290,05136 each, 2.580,10272 → 2.580,10
    expect(r.result).toBe(2580.1);
  });

  test("a period across 1 January lists the determination and the re-set: 1.934,40 (1-6-2023) and 2.069,40 (1-1-2024), once each", () => {
    const r = withReceipt("LKSPERIODE", ["2023-06-01", "2024-01-31", 0.5, 36]);
    expect(r.parameters.filter((p) => p.name === "wml.maand").map((p) => p.value)).toEqual([1934.4, 2069.4]);
    expect(r.parameters.find((p) => p.name === "lks.herziening")).toMatchObject({ value: "januari-tot-en-met-januari", from: "2023-01-01" });
    // Jun–Dec 2023: 1.290,05136 × 36/38 = 1.222,153920 × 7 = 8.555,07744; Jan 2024: 2.069,40 × 1,08 × 0,5 × 1,235 = 1.380,08286;
    // 9.935,1603 → 9.935,16
    expect(r.result).toBe(9935.16);
    expect(r.parameterSetOrigin).toBe("ingebouwd");
    expect(r.parameterSetFile).toBeUndefined();
  });

  test("an error result keeps its Dutch message on the receipt", () => {
    const r = withReceipt("LKS", ["2014-12-31", 0.4, 38]);
    expect(r.result).toMatchObject({ error: "#N/A" });
    expect((r.result as { message: string }).message).toMatch(/1-1-2015/);
  });
});
