import * as fc from "fast-check";
import { findPbCalls, hasPbCall, toDisplayFormula, toStoredFormula } from "../../src/functions/formulaNames";
import { FUNCTION_IDS } from "../../src/functions/registry";

describe("stored → display form of PB calls", () => {
  it.each([
    ["_xldudf_PB_LKS(A2,B2,C2)", "PB.LKS(A2,B2,C2)"], // what Excel writes once the add-in is registered
    ["[2]!_xldudf_PB_LKS(A2,B2,C2)", "PB.LKS(A2,B2,C2)"], // external-link prefix after add-in conflicts
    ["[13]!_xldudf_PB_LKS(A2,B2,C2)", "PB.LKS(A2,B2,C2)"],
    ["_xldudf_pb_lks(a2,b2,c2)", "PB.LKS(a2,b2,c2)"], // LibreOffice lower-cases on save
    ["PB.LKS(A2,B2,C2)", "PB.LKS(A2,B2,C2)"], // typed before the add-in loaded
    ["pb.lks(A2,B2,C2)", "PB.LKS(A2,B2,C2)"],
    ["Pb.LksForfaitair(A2,36)", "PB.LKSFORFAITAIR(A2,36)"],
    ["_xldudf_LKS(A2,B2,C2)", "PB.LKS(A2,B2,C2)"], // EquivalentAddins: no namespace, known id
    ["_xldudf_CONTOSO_ADD(1,2)", "_xldudf_CONTOSO_ADD(1,2)"], // someone else's add-in: untouched
    ["_xldudf_PB_LKS (A2,B2,C2)", "PB.LKS(A2,B2,C2)"],
    ["SUM(_xldudf_PB_LKS(A2,B2,C2),_xldudf_PB_LKS(A3,B3,C3))", "SUM(PB.LKS(A2,B2,C2),PB.LKS(A3,B3,C3))"],
    ["_xldudf_PB_LKS(_xldudf_PB_WML(A1),B2,C2)", "PB.LKS(PB.WML(A1),B2,C2)"], // nested, no separator between calls
    ["_xlfn.IFS(A1>1,1,TRUE,2)", "IFS(A1>1,1,TRUE,2)"],
    ["_xlfn._xlws.FILTER(A1:A3,B1:B3)", "FILTER(A1:A3,B1:B3)"],
    ["_xlfn.LET(_xlpm.x,1,_xlpm.x+1)", "LET(x,1,x+1)"],
    ["_xlfn.XLOOKUP(A1,_xldudf_PB_WML(B1),C1)", "XLOOKUP(A1,PB.WML(B1),C1)"],
  ])("%s → %s", (stored, display) => {
    expect(toDisplayFormula(stored)).toBe(display);
  });

  it("leaves string literals and quoted sheet names alone", () => {
    expect(toDisplayFormula('_xldudf_PB_PARAM("_xldudf_PB_LKS(",A1)')).toBe('PB.PARAM("_xldudf_PB_LKS(",A1)');
    expect(toDisplayFormula('"a""_xlfn.IFS(""b"&pb.wml(A1)')).toBe('"a""_xlfn.IFS(""b"&PB.WML(A1)');
    expect(toDisplayFormula("'_xlfn.PB.LKS(1'!A1+pb.wml(1)")).toBe("'_xlfn.PB.LKS(1'!A1+PB.WML(1)");
    expect(toDisplayFormula("'It''s _xldudf_PB_LKS('!A1")).toBe("'It''s _xldudf_PB_LKS('!A1");
  });

  it("does not take a longer name for a PB call", () => {
    expect(toDisplayFormula("XPB.LKS(1)")).toBe("XPB.LKS(1)");
    expect(toDisplayFormula("Blad_PB.LKS(1)")).toBe("Blad_PB.LKS(1)");
    expect(toDisplayFormula("a_xldudf_PB_LKS(1)")).toBe("a_xldudf_PB_LKS(1)");
    expect(findPbCalls("XPB.LKS(1)+MYPB.WML(2)")).toEqual([]);
  });

  it("leaves an unterminated string as it is", () => {
    expect(toDisplayFormula('_xldudf_PB_LKS("abc')).toBe('PB.LKS("abc');
  });
});

describe("display → stored form", () => {
  it.each([
    ["PB.LKS(A2,B2,C2)", "_xldudf_PB_LKS(A2,B2,C2)"],
    ["pb.lks(A2,B2,C2)", "_xldudf_PB_LKS(A2,B2,C2)"],
    ["SUM(D2:D10)", "SUM(D2:D10)"],
    ["IFS(A1>1,PB.WML(A1),TRUE,0)", "_xlfn.IFS(A1>1,_xldudf_PB_WML(A1),TRUE,0)"],
    ["FILTER(A1:A3,B1:B3)", "_xlfn._xlws.FILTER(A1:A3,B1:B3)"],
    ['PB.PARAM("lks.cap",DATE(2023,7,1))', '_xldudf_PB_PARAM("lks.cap",DATE(2023,7,1))'],
    ["ROUND(PB.LKS(A2,B2,C2)*12,2)", "ROUND(_xldudf_PB_LKS(A2,B2,C2)*12,2)"],
    ["'Blad 1'!A1*STDEV.S(A1:A3)", "'Blad 1'!A1*_xlfn.STDEV.S(A1:A3)"],
    ["_xldudf_PB_LKS(A2,B2,C2)", "_xldudf_PB_LKS(A2,B2,C2)"], // already stored: unchanged
  ])("%s → %s", (display, stored) => {
    expect(toStoredFormula(display)).toBe(stored);
  });

  it("round-trips every registered function id", () => {
    for (const id of FUNCTION_IDS) {
      const display = `ROUND(PB.${id}(A1,B1),2)`;
      expect(toStoredFormula(display)).toBe(`ROUND(_xldudf_PB_${id}(A1,B1),2)`);
      expect(toDisplayFormula(toStoredFormula(display))).toBe(display);
    }
  });

  it("display(stored(x)) = display(x) for generated formulas", () => {
    const id = fc.constantFrom(...FUNCTION_IDS);
    const ref = fc.constantFrom("A1", "$B$2", "'Blad 1'!C3", "D2:D9", "WML");
    const lit = fc.constantFrom('"PB.LKS("', '"_xldudf_PB_X("', "0.4", "38", "TRUE");
    const arg = fc.oneof(ref, lit);
    const call = fc
      .tuple(id, fc.array(arg, { maxLength: 3 }), fc.constantFrom("PB.", "pb.", "_xldudf_PB_", "[2]!_xldudf_PB_"))
      .map(([i, args, form]) => `${form}${form.startsWith("pb") ? i.toLowerCase() : i}(${args.join(",")})`);
    const formula = fc.array(fc.oneof(call, ref, lit), { minLength: 1, maxLength: 4 }).map((xs) => xs.join("+"));
    fc.assert(
      fc.property(formula, (f) => {
        const display = toDisplayFormula(f);
        expect(toDisplayFormula(toStoredFormula(f))).toBe(display);
        expect(toDisplayFormula(display)).toBe(display);
        // Outside string literals no stored name is left.
        expect(display.replace(/"[^"]*"/g, '""')).not.toMatch(/_xldudf_/i);
      }),
    );
  });
});

describe("findPbCalls", () => {
  it("lists each PB id once, in order, in any stored form", () => {
    expect(findPbCalls("SUM(_xldudf_PB_LKS(A2,B2,C2),[2]!_xldudf_PB_WML(A1),pb.lks(A3,B3,C3))")).toEqual(["LKS", "WML"]);
    expect(findPbCalls("=PB.VERSIE()")).toEqual(["VERSIE"]);
    expect(findPbCalls("_xldudf_LKSPERIODE(A1,A2,0.5,36)")).toEqual(["LKSPERIODE"]);
  });
  it("ignores text in strings and non-PB functions", () => {
    expect(findPbCalls('CONCATENATE("PB.LKS(",A1)')).toEqual([]);
    expect(findPbCalls("SUM(A1:A3)")).toEqual([]);
    expect(findPbCalls("_xldudf_CONTOSO_ADD(1,2)")).toEqual([]);
    expect(hasPbCall("SUM(A1)")).toBe(false);
    expect(hasPbCall("1+_xldudf_PB_LKS(1,2,3)")).toBe(true);
  });
  it("reports unknown PB ids too (the caller decides), upper-cased", () => {
    expect(findPbCalls("pb.bestaatniet(1)")).toEqual(["BESTAATNIET"]);
  });
});
