/**
 * The engine's formula-rewrite hook (src/engine/rewrite.ts): what cannot be recalculated is named per cell in Dutch,
 * and Excel's doubled quotes in texts reach HyperFormula (whose lexer has no "" escape) as the same text.
 */
import { engineFormula, escapeQuotesForEngine, rewriteContext, unsupportedFunctionReason } from "../../src/engine/rewrite";
import { engineFunctionNames } from "../../src/engine/engine";
import { evaluateFormulas } from "../../src/engine/evaluate";
import { recalcModel } from "../../src/engine/recalc";

const ctx = () => rewriteContext([], engineFunctionNames());

describe("formulas the engine cannot recalculate, named in Dutch", () => {
  it.each([
    ['INDIRECT("A"&B1)', "De functie INDIRECT kan buiten Excel niet worden nagerekend: de verwijzing ontstaat pas tijdens het rekenen uit tekst, zodat vooraf niet vast te stellen is welke cellen meetellen."],
    ['CELL("filename")', "De functie CELL kan buiten Excel niet worden nagerekend: de functie geeft informatie over Excel zelf (opmaak, bestandsnaam, omgeving) die buiten Excel niet bestaat."],
    ["LAMBDA(x,x+1)(2)", "De functie LAMBDA kan buiten Excel niet worden nagerekend: zelfgedefinieerde functies (LAMBDA) kent de rekenkern niet."],
    ['_xlfn.TEXTSPLIT(A1,",")', "De functie TEXTSPLIT kan buiten Excel niet worden nagerekend: de grootte van de uitkomst hangt af van de gegevens; zulke matrixfuncties kent de rekenkern nog niet."],
    ["_xldudf_CONTOSO_ADD(1,2)", "CONTOSO_ADD is een functie van een andere invoegtoepassing; die kan buiten Excel niet worden nagerekend."],
    ["SUM(A1)+FOO(2)", "De functie FOO kent de rekenkern van pb niet; deze cel kan buiten Excel niet worden nagerekend."],
    ["SUM(Jan:Dec!B2)", "De verwijzing Jan:Dec!B2 loopt over meerdere werkbladen (3D-verwijzing); die kan de rekenkern niet narekenen."],
    ["SUM('Jan 2024:Dec 2024'!B2:B5)", "De verwijzing 'Jan 2024:Dec 2024'!B2 loopt over meerdere werkbladen (3D-verwijzing); die kan de rekenkern niet narekenen."],
  ])("%s", (formula, reason) => {
    expect(engineFormula(formula, { sheet: "Blad1", address: "C1" }, ctx())).toEqual({ reason });
  });

  it("a function name inside a text is no call; a range on another sheet is no 3D reference", () => {
    expect(engineFormula('"INDIRECT(A1)"&A1', { sheet: "Blad1", address: "C1" }, ctx())).toEqual({ formula: '"INDIRECT(A1)"&A1' });
    expect(engineFormula("SUM(Jan!B2:B5)+'Dec 2024'!A1:A2", { sheet: "Blad1", address: "C1" }, ctx())).toEqual({ formula: "SUM(Jan!B2:B5)+'Dec 2024'!A1:A2" });
    expect(engineFormula("SUM(Jan!A1:Jan!A5)", { sheet: "Blad1", address: "C1" }, ctx())).toEqual({ formula: "SUM(Jan!A1:Jan!A5)" });
  });

  it("the reason is the cell's #NAME? message, and a PB cell that depends on it carries it into the report", () => {
    const report = recalcModel({
      sheets: [
        {
          name: "Blad1",
          cells: [
            { address: "A1", value: "B2" },
            { address: "B2", value: 0.4 },
            { address: "C1", formula: "INDIRECT(A1)" },
            { address: "D1", formula: "PB.LKS(DATE(2023,7,1),C1,38)", result: 1596.56 },
          ],
        },
      ],
    });
    expect(report.cells).toHaveLength(1);
    expect(report.cells[0]).toMatchObject({ status: "not-recomputable", note: `De rekenkern kan deze formule niet uitrekenen: ${unsupportedFunctionReason("INDIRECT")}` });
    expect(report.unknownFunctions.map((u) => u.name)).toEqual(["INDIRECT"]);
  });
});

describe('doubled quotes in texts ("")', () => {
  it.each([
    ['"zeg ""ja"""', '("zeg "&CHAR(34)&"ja"&CHAR(34)&"")'],
    ['""""', '(""&CHAR(34)&"")'],
    ['IF(A1="","leeg","")', 'IF(A1="","leeg","")'], // empty texts stay as they are
  ])("%s → %s", (f, expected) => {
    expect(escapeQuotesForEngine(f)).toBe(expected);
  });

  it("give Excel's values: LEN(\"a\"\"b\") = 3, a quote alone, a quoted word in a criterion", () => {
    expect(evaluateFormulas(['"zeg ""ja"""', 'LEN("a""b")', '""""', 'COUNTIF({"""x""","x"},"""x""")'])).toEqual(['zeg "ja"', 3, '"', 1]);
  });
});
