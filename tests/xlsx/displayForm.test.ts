/**
 * The reader's shortcut for the commonest stored formula, one PB call on references (`_xldudf_PB_LKS(A2,B2,C2)`),
 * gives exactly the display form toDisplayFormula gives, for every formula it applies to and for near misses.
 */
import fc from "fast-check";
import { toDisplayFormula } from "../../src/functions/formulaNames";
import { displayFormula } from "../../src/xlsx/sheet";

describe("displayFormula = toDisplayFormula", () => {
  test.each([
    ["_xldudf_PB_LKS(A2,B2,C2)", "PB.LKS(A2,B2,C2)"],
    ["_xldudf_PB_lks($A$2,Blad2!B2,0.4)", "PB.LKS($A$2,Blad2!B2,0.4)"],
    ["_xldudf_PB_VERDEELSLEUTEL(100,A1:A3)", "PB.VERDEELSLEUTEL(100,A1:A3)"],
    ["_xldudf_PB_VERSIE()", "PB.VERSIE()"],
  ])("%s → %s", (stored, display) => {
    expect(displayFormula(stored)).toBe(display);
    expect(toDisplayFormula(stored)).toBe(display);
  });

  test("near misses go the long way and agree too", () => {
    for (const f of [
      "_xldudf_PB_LKS(A2,B2,C2)+1",
      "[1]!_xldudf_PB_LKS(A2,B2,C2)",
      "_xldudf_PB_LKS(_xlfn.SINGLE(A2),B2,C2)",
      '_xldudf_PB_WML("2023-07-01")',
      "_xldudf_LKS(A2,B2,C2)",
      "_xldudf_PB_LKS_X(A2)",
      "SUM(D2:D9)",
    ]) {
      expect(displayFormula(f)).toBe(toDisplayFormula(f));
    }
  });

  test("any id and argument text of the shortcut's shape", () => {
    const id = fc.stringMatching(/^[A-Za-z0-9]{1,12}$/);
    const args = fc.stringMatching(/^[A-Za-z0-9$,.:!]{0,40}$/);
    fc.assert(
      fc.property(id, args, (i, a) => {
        const stored = `_xldudf_PB_${i}(${a})`;
        expect(displayFormula(stored)).toBe(toDisplayFormula(stored));
      }),
      { numRuns: 2000 },
    );
  });
});
