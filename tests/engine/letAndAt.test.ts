/**
 * LET (expanded into its calculation) and the @ operator (SINGLE, implicit intersection): the text rewrites of
 * src/functions/formulaNames.ts, and what the engine computes with them. LibreOffice 7.4 has neither LET nor SINGLE;
 * LET is proven against a direct evaluation of random expressions, SINGLE against LibreOffice's implicit intersection
 * of legacy formulas in excelFunctions.test.ts.
 */
import * as fc from "fast-check";
import { expandLet, rewriteAtOperator, toDisplayFormula } from "../../src/functions/formulaNames";
import { evaluateFormulas } from "../../src/engine/evaluate";
import { compute } from "../templates/helpers";

const let_ = (f: string) => {
  const r = expandLet(f);
  if (r.reason !== undefined) throw new Error(r.reason);
  return r.formula;
};

describe("LET → its calculation with the names replaced", () => {
  it.each([
    ["LET(x,2,x*3)", "(2*3)"],
    ["LET(a,1,b,a+1,b*2)", "((1+1)*2)"], // a later value may use an earlier name
    ["LET(Tarief,0.5,tarief*10)", "(0.5*10)"], // names are case-insensitive
    ["LET(x,1,LET(x,2,x)+x)", "(2+1)"], // the inner x shadows the outer one
    ["LET(x,-1,x^2)", "((-1)^2)"], // a value keeps its own precedence
    ["LET(r,A1:A3,SUM(r)+ROWS(r))", "(SUM(A1:A3)+ROWS(A1:A3))"], // a reference stays a reference
    ["LET(w,PB.WML(A1),w*12)", "(PB.WML(A1)*12)"],
    ['LET(x,1,"x"&Blad1!x&x)', '("x"&Blad1!x&1)'], // not in text, not a sheet-qualified name
    ["2*LET(x,3,x)", "2*3"],
    ["LET(x, 2, y, x * 3, x + y)", "(2 + (2 * 3))"],
  ])("%s → %s", (f, expected) => {
    expect(let_(f)).toBe(expected);
  });

  it("reads the stored form (_xlfn.LET with _xlpm. names)", () => {
    expect(let_(toDisplayFormula("_xlfn.LET(_xlpm.x,2,_xlpm.y,_xlpm.x*3,_xlpm.x+_xlpm.y)"))).toBe("(2+(2*3))");
  });

  it.each([
    ["LET(x,1)", "LET heeft paren van naam en waarde en tot slot één berekening nodig."],
    ["LET(x,1,y,2)", "LET heeft paren van naam en waarde en tot slot één berekening nodig."],
    ["LET(A1,1,A1)", 'LET: "A1" is geen geldige naam.'],
    ["LET(x,RAND(),x-x)", "LET: de toevalswaarde X wordt meer dan eens gebruikt; buiten Excel zou die per gebruik opnieuw worden getrokken."],
    ["LET(x,1,x", "LET zonder sluitend haakje."],
  ])("%s → a Dutch reason", (f, expected) => {
    expect(expandLet(f).reason).toBe(expected);
  });

  it("a random value used once is fine: it is drawn once either way", () => {
    expect(let_("LET(x,RAND(),x*2)")).toBe("(RAND()*2)");
  });

  it("the engine computes Microsoft's example LET(x, 5, SUM(x, 1)) = 6 and LET inside PB arguments", () => {
    // 1995 × 1,08 × (1 − 0,4) × 1,235 = 1596,5586 → 1596,56 (tests/engine/helpers REGISTER)
    expect(evaluateFormulas(["LET(x,5,SUM(x,1))", "_xlfn.LET(_xlpm.lw,0.4,PB.LKS(DATE(2023,7,1),_xlpm.lw,38))"])).toEqual([6, 1596.56]);
  });

  /** Random expressions over + − × MAX ABS IF with names a and b, and their value computed directly in JavaScript. */
  type Expr = { f: (env: Record<string, number>) => number; s: string };
  const expr = (names: string[]): fc.Arbitrary<Expr> =>
    fc.letrec<{ e: Expr }>((tie) => ({
      e: fc.oneof(
        { depthSize: "small", withCrossShrink: true },
        fc.integer({ min: -9, max: 9 }).map((n) => ({ f: () => n, s: n < 0 ? `(${n})` : String(n) })),
        ...(names.length ? [fc.constantFrom(...names).map((n) => ({ f: (e: Record<string, number>) => e[n], s: n }))] : []),
        // Every operation in parentheses, so that JavaScript and Excel read the same tree.
        fc.tuple(tie("e"), fc.constantFrom("+", "-", "*"), tie("e")).map(([a, op, b]) => ({
          f: (env: Record<string, number>) => (op === "+" ? a.f(env) + b.f(env) : op === "-" ? a.f(env) - b.f(env) : a.f(env) * b.f(env)),
          s: `(${a.s}${op}${b.s})`,
        })),
        fc.tuple(tie("e"), tie("e")).map(([a, b]) => ({ f: (env: Record<string, number>) => Math.max(a.f(env), b.f(env)), s: `MAX(${a.s},${b.s})` })),
        tie("e").map((a) => ({ f: (env: Record<string, number>) => Math.abs(a.f(env)), s: `ABS(${a.s})` })),
        fc.tuple(tie("e"), tie("e"), tie("e")).map(([c, a, b]) => ({
          f: (env: Record<string, number>) => (c.f(env) > 0 ? a.f(env) : b.f(env)),
          s: `IF(${c.s}>0,${a.s},${b.s})`,
        })),
      ),
    })).e;

  it("equals LET's meaning (bind each value once, then calculate) on 300 random formulas", () => {
    const cases = fc.sample(fc.tuple(expr([]), expr(["a"]), expr(["a", "b"])), { numRuns: 300, seed: 11 });
    const results = evaluateFormulas(cases.map(([a, b, c]) => `LET(a,${a.s},b,${b.s},${c.s})`));
    const meaning = cases.map(([a, b, c]) => {
      const av = a.f({});
      const bv = b.f({ a: av });
      return c.f({ a: av, b: bv }) + 0; // + 0: −0 and 0 are the same number to Excel
    });
    expect(results.map((r) => (typeof r === "number" ? r + 0 : r))).toEqual(meaning);
    // The sample is not trivial: most formulas use a name in the calculation.
    expect(cases.filter(([, , c]) => /\b[ab]\b/.test(c.s)).length).toBeGreaterThan(150);
  });
});

describe("@ → SINGLE()", () => {
  it.each([
    ["@A1:A10", "SINGLE(A1:A10)"],
    ["@A1:A10*2", "SINGLE(A1:A10)*2"],
    ["@INDEX(A:A,1)+1", "SINGLE(INDEX(A:A,1))+1"],
    ["@Blad2!B1:B5", "SINGLE(Blad2!B1:B5)"],
    ["@'Mijn blad'!$B$1:$B$5", "SINGLE('Mijn blad'!$B$1:$B$5)"],
    ["@Loonwaarden", "SINGLE(Loonwaarden)"],
    ["SUM(@(A1:A3))", "SUM(SINGLE((A1:A3)))"],
    ['"@"&A1', '"@"&A1'],
  ])("%s → %s", (f, expected) => {
    expect(rewriteAtOperator(f)).toEqual({ formula: expected });
  });

  it("refuses an @ without operand", () => {
    expect(rewriteAtOperator("1+@").reason).toBe("Na @ ontbreekt een verwijzing of functie.");
  });

  it("the engine intersects by the formula's row or column, on any sheet; arrays give their first value", () => {
    // Data!B2:B4 = 10, 20, 30; Data!B8:D8 = 1, 2, 3; Data!A1:C5 holds row×10+column (A1 = 11 … C5 = 53).
    const data = [
      { address: "B2", value: 10 },
      { address: "B3", value: 20 },
      { address: "B4", value: 30 },
      { address: "B8", value: 1 },
      { address: "C8", value: 2 },
      { address: "D8", value: 3 },
    ];
    const block = [1, 2, 3, 4, 5].flatMap((r) => ["A", "B", "C"].map((c, i) => ({ address: `${c}${r}`, value: r * 10 + i + 1 })));
    const c = compute({
      sheets: [
        { name: "Data", cells: [...data, { address: "C3", formula: "@B2:B4" }, { address: "C6", formula: "@B2:B4" }, { address: "C10", formula: "_xlfn.SINGLE(B8:D8)" }] },
        { name: "Blok", cells: block },
        {
          name: "Ander",
          cells: [
            { address: "A3", formula: "@Data!B2:B4" },
            { address: "B4", formula: "@Blok!A1:C5" },
            { address: "A1", formula: "@{4,5,6}" },
            { address: "A2", formula: "@Data!B2" },
            { address: "A9", formula: "@Data!B2:B4" },
          ],
        },
      ],
    });
    try {
      expect(c.value("Data", "C3")).toBe(20); // row 3 of B2:B4
      expect(c.value("Data", "C6")).toMatchObject({ error: "#VALUE!" }); // row 6 is not in B2:B4
      expect(c.value("Data", "C10")).toBe(2); // column C of B8:D8
      expect(c.value("Ander", "A3")).toBe(20); // another sheet: the same row number
      expect(c.value("Ander", "B4")).toBe(42); // a block: row 4, column B → 4×10 + 2
      expect(c.value("Ander", "A1")).toBe(4);
      expect(c.value("Ander", "A2")).toBe(10);
      expect(c.value("Ander", "A9")).toMatchObject({ error: "#VALUE!", message: "@: het bereik heeft geen cel in de rij of kolom van deze formule." });
    } finally {
      c.destroy();
    }
  });
});
