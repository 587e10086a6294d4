import { evaluateFormulas, formatResult } from "../../src/engine/evaluate";
import { PB_FUNCTION_NAMES } from "../../src/engine/plugin";
import { FUNCTION_IDS, REGISTRY } from "../../src/functions/registry";
import { lks } from "../../src/functions/functions";

describe("PB functions inside the engine (pb eval)", () => {
  it("PB.LKS(2023-07-01; 0,4; 38) = 1995 × 1,08 × 0,6 × 1,235 = 1596,56, in every spelling", () => {
    expect(
      evaluateFormulas([
        "=PB.LKS(DATE(2023,7,1),0.4,38)",
        "pb.lks(DATE(2023,7,1),0.4,38)",
        '=PB.LKS("2023-07-01","40%",38)',
        '=PB.LKS("1-7-2023","0,4","38")',
      ]),
    ).toEqual([1596.56, 1596.56, 1596.56, 1596.56]);
  });

  it("registers every function of the registry, and nothing else", () => {
    expect([...PB_FUNCTION_NAMES].sort()).toEqual(FUNCTION_IDS.map((id) => `PB.${id}`).sort());
  });

  it("passes Dutch messages of the shared coercion through as Excel errors", () => {
    const [notNumber, tooYoung, noArg] = evaluateFormulas([
      '=PB.LKS(DATE(2023,7,1),"veel",38)',
      "=PB.LKS(DATE(2023,7,1),0.4,38,12)",
      "=PB.LKS(DATE(2023,7,1),,38)",
    ]);
    expect(notNumber).toEqual({ error: "#VALUE!", message: 'loonwaarde: "veel" is geen getal. Verwacht: een getal, bijvoorbeeld 0,6 of 38.' });
    expect(tooYoung).toMatchObject({ error: "#VALUE!", message: expect.stringContaining("leeftijd: 12 valt buiten") });
    expect(noArg).toEqual({ error: "#VALUE!", message: "loonwaarde ontbreekt. Dit argument is verplicht." });
  });

  it("propagates an error argument as Excel does (1/0 → #DIV/0!), and a date outside the tables as #N/A", () => {
    const [div, early] = evaluateFormulas(["=PB.LKS(DATE(2023,7,1),0.4,1/0)", "=PB.WML(DATE(1900,3,1))"]);
    expect(div).toMatchObject({ error: "#DIV/0!" });
    expect(early).toMatchObject({ error: "#N/A" });
  });

  it("spills a PB function over ranges as Excel lifts it: LKS for 0,4 / 0,5 / 0,2 at 38 h = 1596,56 / 1330,47 / 1862,65", () => {
    // 0,5: 1995 × 1,08 × 0,5 × 1,235 = 1330,4655 → 1330,47; 0,2 hits the 70% cap: × 0,7 → 1862,65
    const [spill] = evaluateFormulas(["=PB.LKS(DATE(2023,7,1),{0.4;0.5;0.2},38)"]);
    expect(spill).toEqual([[1596.56], [1330.47], [1862.65]]);
    expect(formatResult(spill)).toBe("1596.56\n1330.47\n1862.65");
  });

  it("works inside built-in formulas, with TRUE/FALSE and named-style constructs", () => {
    expect(evaluateFormulas(["=IF(TRUE,ROUND(PB.LKS(DATE(2023,7,1),0.4,38)*12,2),0)", "=PB.WML(DATE(2023,7,1))"])).toEqual([19158.72, 1995]);
  });

  it("evaluates the worked example of every registered function without an engine error", () => {
    const specs = [...REGISTRY.values()];
    const results = evaluateFormulas(specs.map((s) => s.example));
    specs.forEach((s, i) => {
      const r = results[i];
      const first = Array.isArray(r) ? r[0][0] : r;
      expect([s.id, typeof first === "object" && first !== null ? first.error : "ok"]).toEqual([s.id, "ok"]);
    });
  });

  it("range arguments and matrix results: OUTPUTALLOCATION and the spilled VERDEELSLEUTEL", () => {
    const [alloc, key, keyCol] = evaluateFormulas([
      "=PB.OUTPUTALLOCATION({10,20},{100,400},1000000)",
      "=PB.VERDEELSLEUTEL(100,{1,1,1})",
      "=PB.VERDEELSLEUTEL(100,{1;1;1})",
    ]);
    // 1.000.000 × (10/100 + 20/400) / 2 with equal weights = 75.000
    expect(alloc).toBe(75000);
    // 100 / 3 = 33,333…: largest remainder on cents gives the spare cent to the first share
    expect(key).toEqual([[33.34, 33.33, 33.33]]);
    expect(keyCol).toEqual([[33.34], [33.33], [33.33]]);
  });

  it("prints errors as code followed by the message", () => {
    expect(formatResult({ error: "#VALUE!", message: "loonwaarde ontbreekt." })).toBe("#VALUE! loonwaarde ontbreekt.");
  });
});

describe("one implementation: engine and Excel wrapper call the same function object", () => {
  it("REGISTRY.get('LKS').impl is what both PB.LKS in the engine and lks() in functions.ts run", () => {
    const spec = REGISTRY.get("LKS")!;
    const spy = jest.spyOn(spec, "impl");
    try {
      expect(evaluateFormulas(["=PB.LKS(DATE(2023,7,1),0.4,38)"])).toEqual([1596.56]);
      expect(spy).toHaveBeenCalledTimes(1);
      // Same coerced arguments reach it from the engine: ISO date, numbers, omitted optionals.
      expect(spy.mock.calls[0][0]).toEqual(["2023-07-01", 0.4, 38, undefined, undefined]);
      expect(lks(45108, 0.4, 38)).toBe(1596.56);
      expect(spy).toHaveBeenCalledTimes(2);
      expect(spy.mock.calls[1][0]).toEqual(spy.mock.calls[0][0]);
      // If either face had its own copy of the rule, the spy would not see the call and its result would not change.
      spy.mockReturnValue(42);
      expect(evaluateFormulas(["=PB.LKS(DATE(2023,7,1),0.4,38)"])).toEqual([42]);
      expect(lks(45108, 0.4, 38)).toBe(42);
    } finally {
      spy.mockRestore();
    }
  });
});
