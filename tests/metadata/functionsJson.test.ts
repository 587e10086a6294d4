/**
 * functions.json as the build makes it: generated here from the JSDoc of src/functions/functions.ts with the same
 * package the webpack plugin uses (custom-functions-metadata), then held against REGISTRY, the one list of functions.
 * Iterates over REGISTRY, so every function added later is checked too.
 */
import { join } from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { EXCEL_ONLY, REGISTRY } from "../../src/functions/registry";
import type { FunctionSpec } from "../../src/functions/contract";

interface MetaParam {
  name: string;
  description?: string;
  type?: string;
  optional?: boolean;
  dimensionality?: string;
}
interface MetaFunction {
  id: string;
  name: string;
  description?: string;
  parameters: MetaParam[];
  result: { type?: string; dimensionality?: string };
  options?: Record<string, boolean>;
}

/** Words that give away an English description; Dutch users read these texts in Excel's formula help. */
const ENGLISH = /\b(the|returns?|calculates?|which|with|amount|number of|date of)\b/i;

/** Functions whose wrapper returns `any` on purpose. */
const ANY_RESULT: Record<string, string> = {
  PARAM: "a parameter value may be a number or, for a structured parameter's field, a text in future tables",
};

let functions: MetaFunction[] = [];
let errors: string[] = [];
let topLevel: Record<string, unknown> = {};

beforeAll(async () => {
  const r = await generateCustomFunctionsMetadata(join(__dirname, "../../src/functions/functions.ts"));
  errors = r.errors;
  topLevel = r.metadataJson ? (JSON.parse(r.metadataJson) as Record<string, unknown>) : {};
  functions = (topLevel.functions as MetaFunction[] | undefined) ?? [];
}, 30_000);

const specs = [...REGISTRY.values()].map((s) => [s.id, s] as const);

describe("functions.json generated from functions.ts", () => {
  it("generates without errors", () => {
    expect(errors).toEqual([]);
    expect(functions.length).toBeGreaterThan(0);
  });

  it("has exactly the functions of REGISTRY and the Excel-only ones (PB.UITLEG), each once, no extras", () => {
    const ids = functions.map((f) => f.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    expect([...ids].sort()).toEqual([...REGISTRY.keys(), ...EXCEL_ONLY.keys()].sort());
  });

  it("allows data types (allowCustomDataForDataTypeAny): the money results with their receipt, and such values as arguments", () => {
    expect(topLevel.allowCustomDataForDataTypeAny).toBe(true);
  });

  it("only PB.UITLEG has options: it needs its argument's address (Microsoft: with a matrix result)", () => {
    expect(functions.filter((f) => f.options).map((f) => [f.id, f.options])).toEqual([["UITLEG", { requiresParameterAddresses: true }]]);
    const uitleg = functions.find((f) => f.id === "UITLEG")!;
    expect(uitleg.result).toEqual({ dimensionality: "matrix" });
    expect(uitleg.parameters.map((p) => [p.name, p.type, p.optional === true])).toEqual([["cel", "any", false]]);
    expect(uitleg.description).not.toMatch(ENGLISH);
    expect(EXCEL_ONLY.get("UITLEG")!.args.map((a) => a.name)).toEqual(["cel"]);
  });

  it("ids are uppercase and the name equals the id", () => {
    for (const f of functions) {
      expect(f.id).toMatch(/^[A-Z][A-Z0-9.]*$/);
      expect(f.name).toBe(f.id);
    }
  });
});

describe.each(specs)("PB.%s", (id, spec: FunctionSpec) => {
  const meta = () => {
    const f = functions.find((x) => x.id === id);
    if (!f) throw new Error(`PB.${id} is in REGISTRY but has no @customfunction ${id} in functions.ts`);
    return f;
  };

  it("has a non-empty Dutch description", () => {
    const d = meta().description ?? "";
    expect(d.trim().length).toBeGreaterThan(10);
    expect(d).not.toMatch(ENGLISH);
  });

  it("has the spec's parameters: same names, same order, same optional flags, each described", () => {
    const params = meta().parameters;
    expect(params.map((p) => ({ name: p.name, optional: p.optional === true }))).toEqual(
      spec.args.map((a) => ({ name: a.name, optional: a.optional === true })),
    );
    for (const p of params) {
      expect((p.description ?? "").trim().length).toBeGreaterThan(0);
      expect(p.description).not.toMatch(ENGLISH);
    }
  });

  it("types parameters `any` (one coercion layer decides), ranges as matrices", () => {
    meta().parameters.forEach((p, i) => {
      expect(p.type).toBe("any");
      expect(p.dimensionality === "matrix").toBe(spec.args[i]?.type === "range");
    });
  });

  it("returns the kind the spec declares", () => {
    const r = meta().result;
    if (id in ANY_RESULT) {
      expect(r.type).toBeUndefined();
      return;
    }
    const expected: Record<FunctionSpec["result"], { type: string; dimensionality?: string }> = {
      money: { type: "number" },
      number: { type: "number" },
      date: { type: "number" },
      boolean: { type: "boolean" },
      text: { type: "string" },
      matrix: { type: "number", dimensionality: "matrix" },
    };
    if (spec.result === "money") {
      // A money result may be a number with its receipt ("Bonnetje in de cel"): Excel takes a data type only from `any`.
      expect(r.type).toBeUndefined();
      expect(r.dimensionality).toBeUndefined();
      return;
    }
    const want = expected[spec.result];
    expect({ type: r.type, dimensionality: r.dimensionality }).toEqual({ type: want.type, dimensionality: want.dimensionality });
  });
});
