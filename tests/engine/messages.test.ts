/** No English reaches a report: every HyperFormula message has a Dutch one, and no message is empty. */
import * as path from "path";
import { dutchEngineMessage } from "../../src/engine/messages";
import { evaluateFormulas } from "../../src/engine/evaluate";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ErrorMessage } = require(path.join(path.dirname(require.resolve("hyperformula")), "error-message.js")) as { ErrorMessage: Record<string, unknown> };

describe("HyperFormula's messages in Dutch", () => {
  it("every fixed message of this HyperFormula version is translated", () => {
    const untranslated = Object.entries(ErrorMessage)
      .filter(([, en]) => typeof en === "string")
      .filter(([, en]) => dutchEngineMessage("#VALUE!", en as string) === en)
      .map(([k]) => k);
    expect(untranslated).toEqual([]);
  });

  it("the messages with a name in them, and an empty one", () => {
    expect(dutchEngineMessage("#NAME?", "Function name FOO not recognized.")).toBe("Onbekende functie FOO: de rekenkern kent die niet.");
    expect(dutchEngineMessage("#CYCLE!", "")).toMatch(/^Kringverwijzing/);
    expect(dutchEngineMessage("#VALUE!", "peildatum: \"x\" is geen datum.")).toBe('peildatum: "x" is geen datum.');
  });

  it("as pb eval shows them: parse error, wrong number of arguments", () => {
    const [parse, arity] = evaluateFormulas(["=1+", "=ABS(1,2)"]);
    expect(parse).toMatchObject({ error: "#ERROR!", message: expect.stringMatching(/kan de formule niet lezen/) });
    expect(arity).toMatchObject({ error: "#N/A", message: "Verkeerd aantal argumenten voor deze functie." });
  });
});
