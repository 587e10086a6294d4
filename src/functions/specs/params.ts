import type { FunctionSpec } from "../contract";
import { activeParameterSetLabel, citation, param } from "../../parameters";
import { pbError } from "../../rules/errors";
import { ADDIN_VERSION } from "../../version";

export const PARAM: FunctionSpec = {
  id: "PARAM",
  args: [
    { name: "naam", type: "text" },
    { name: "peildatum", type: "date" },
    { name: "sleutel", type: "text", optional: true },
  ],
  result: "number",
  legalBasis: "De bron van elke waarde staat bij de parameter (PB.BRON)",
  parameters: [],
  ruleVersion: "param/1",
  example: '=PB.PARAM("lks.werkgeverslasten","2018-01-01")',
  impl: ([name, date, key], ctx) => {
    const v = param<unknown>(name as string, date as string, ctx.trace);
    if (typeof v === "number") return v;
    // Structured values (staffels, weights, deadlines) are read one field at a time.
    if (v && typeof v === "object") {
      const fields = Object.keys(v as object);
      if (key === undefined) {
        throw pbError("missing", "sleutel", `Parameter ${String(name)} heeft meerdere waarden; geef een sleutel: ${fields.join(", ")}.`);
      }
      const hit = fields.find((f) => f.toLowerCase() === String(key).toLowerCase());
      if (hit === undefined) throw pbError("choice", "sleutel", String(key), fields);
      return (v as Record<string, number>)[hit];
    }
    return String(v);
  },
};

export const BRON: FunctionSpec = {
  id: "BRON",
  args: [
    { name: "naam", type: "text" },
    { name: "peildatum", type: "date" },
  ],
  result: "text",
  legalBasis: "Bronvermelding per parameterwaarde",
  parameters: [],
  ruleVersion: "param/1",
  example: '=PB.BRON("lks.werkgeverslasten","2018-01-01")',
  impl: ([name, date]) => citation(name as string, date as string),
};

export const VERSIE: FunctionSpec = {
  id: "VERSIE",
  args: [],
  result: "text",
  legalBasis: "Versie van de invoegtoepassing en van de parameterset (voor de controleur)",
  parameters: [],
  ruleVersion: "versie/1",
  example: "=PB.VERSIE()",
  impl: () => `PB Rekenkit ${ADDIN_VERSION}; ${activeParameterSetLabel()}`,
};
