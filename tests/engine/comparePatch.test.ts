/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * The patch-package fix of HyperFormula's comparison (patches/hyperformula+3.5.0.patch): Excel compares a text with a
 * number or another text as text, never as the date it spells. Proves (1) the patch is in both builds, (2) it changes
 * exactly the comparisons that involve a date- or time-like text and nothing else, (3) every template's worked example
 * recalculates to the same values with the upstream and the patched comparison.
 */
import { readFileSync } from "fs";
import * as path from "path";
import { EmptyValue, HyperFormula } from "hyperformula";
import { ENGINE_CONFIG } from "../../src/engine/engine";
import { registerPbFunctions } from "../../src/engine/plugin";
import { TEMPLATES } from "../../src/templates";
import { renderTemplate } from "../../src/templates/render";
import { compute } from "../templates/helpers";

// The package's export map hides internals; the same file by path is the same module HyperFormula itself loads.
const HF_DIR = path.join(__dirname, "..", "..", "node_modules", "hyperformula");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ArithmeticHelper } = require(path.join(HF_DIR, "commonjs", "interpreter", "ArithmeticHelper.js"));

/** The upstream compare's first block, verbatim in behaviour: date-like texts were compared as their serials. */
function withUpstream<T>(run: () => T): T {
  const patched = ArithmeticHelper.prototype.compare;
  ArithmeticHelper.prototype.compare = function (this: any, left: unknown, right: unknown) {
    if (typeof left === "string" || typeof right === "string") {
      const l = typeof left === "string" ? this.dateTimeHelper.dateStringToDateNumber(left) : left;
      const r = typeof right === "string" ? this.dateTimeHelper.dateStringToDateNumber(right) : right;
      const isNum = (v: unknown) => typeof v === "number" || (typeof v === "object" && v !== null && "val" in v);
      if (isNum(l) && isNum(r)) return this.floatCmp(l, r);
    }
    return patched.call(this, left, right);
  };
  try {
    return run();
  } finally {
    ArithmeticHelper.prototype.compare = patched;
  }
}

describe("HyperFormula comparison patch", () => {
  it("is applied to the CommonJS and the ES build", () => {
    for (const f of ["commonjs/interpreter/ArithmeticHelper.js", "es/interpreter/ArithmeticHelper.mjs"]) {
      const src = readFileSync(path.join(HF_DIR, f), "utf8");
      expect(src).toContain("PB Rekenkit patch: Excel compares a text");
      expect(src).not.toMatch(/compare\(left, right\) \{\s*if \(typeof left === 'string' \|\| typeof right === 'string'\)/);
    }
  });

  it("changes only comparisons with a date- or time-like text", () => {
    registerPbFunctions();
    const hf = HyperFormula.buildEmpty(ENGINE_CONFIG);
    const helper = (hf as any)._evaluator.interpreter.arithmeticHelper;
    const values: unknown[] = [0, 1, -2.5, 45292, 45322, "", "a", "B", "12", "1-1-2024", "31-1-2023", "10:00", "9:00", "01/02/2024", true, false, EmptyValue];
    const dateLike = (v: unknown) => typeof v === "string" && helper.dateTimeHelper.dateStringToDateNumber(v) !== undefined;
    let changed = 0;
    let same = 0;
    for (const a of values) {
      for (const b of values) {
        const now = Math.sign(helper.compare(a, b));
        const before = Math.sign(withUpstream(() => helper.compare(a, b)));
        if (now !== before) {
          expect([a, b, dateLike(a) || dateLike(b)]).toEqual([a, b, true]);
          changed++;
        } else same++;
      }
    }
    hf.destroy();
    // Not vacuous: both kinds occur ("1-1-2024" vs 45322 changes, 1 vs "a" does not).
    expect(changed).toBeGreaterThan(20);
    expect(same).toBeGreaterThan(200);
  });

  it("every template's worked example recalculates to the same values with the upstream comparison", () => {
    for (const t of TEMPLATES) {
      const model = renderTemplate(t, { example: true });
      const values = (c: ReturnType<typeof compute>) => model.sheets.map((s) => s.cells.filter((x) => x.formula).map((x) => c.value(s.name, x.address)));
      const patched = compute(model);
      const now = values(patched);
      patched.destroy();
      const before = withUpstream(() => {
        const c = compute(model);
        const v = values(c);
        c.destroy();
        return v;
      });
      expect([t.id, now]).toEqual([t.id, before]);
      expect(now.flat().length).toBeGreaterThan(10);
    }
  });
});
