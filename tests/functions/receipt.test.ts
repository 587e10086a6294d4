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

  test("a period across 1 July lists both WML values (1.934,40 and 1.995,00) once each", () => {
    const r = withReceipt("LKSPERIODE", ["2023-06-01", "2023-07-31", 0.5, 38]);
    const wml = r.parameters.filter((p) => p.name === "wml.maand").map((p) => p.value);
    expect(wml).toEqual([1934.4, 1995]);
    // June: 1934,40 × 1,08 × 0,5 × 1,235 = 1290,0514; July: 1995 × 1,08 × 0,5 × 1,235 = 1330,4655; sum 2620,5169
    expect(r.result).toBe(2620.52);
  });

  test("an error result keeps its Dutch message on the receipt", () => {
    const r = withReceipt("LKS", ["2014-12-31", 0.4, 38]);
    expect(r.result).toMatchObject({ error: "#N/A" });
    expect((r.result as { message: string }).message).toMatch(/1-1-2015/);
  });
});
