/**
 * Help per PB function: the Dutch texts from functions.json (generated from the JSDoc) joined with the registry's
 * contract (example, legal basis, parameters) and, per parameter, its source in force on a chosen date.
 */
import { REGISTRY, FUNCTION_IDS, NAMESPACE } from "../functions/registry";
import { citation, getParameter } from "../parameters";
import type { FunctionMetadata } from "./types";

export interface ArgumentDoc {
  name: string;
  optional: boolean;
  description: string;
}

export interface ParameterSourceDoc {
  name: string;
  description: string;
  /** Citation in force on the chosen date, or why there is none. */
  source: string;
}

export interface FunctionDoc {
  id: string;
  /** "PB.LKS" */
  fullName: string;
  description: string;
  args: ArgumentDoc[];
  example: string;
  legalBasis: string;
  parameters: string[];
}

export function functionDocs(metadata: readonly FunctionMetadata[]): FunctionDoc[] {
  const byId = new Map(metadata.map((m) => [m.id.toUpperCase(), m]));
  return FUNCTION_IDS.map((id) => {
    const spec = REGISTRY.get(id)!;
    const meta = byId.get(id);
    return {
      id,
      fullName: `${NAMESPACE}.${id}`,
      description: meta?.description ?? "",
      args: spec.args.map((a, i) => {
        const p = meta?.parameters?.find((q) => q.name === a.name) ?? meta?.parameters?.[i];
        return { name: a.name, optional: !!a.optional, description: p?.description ?? "" };
      }),
      example: spec.example,
      legalBasis: spec.legalBasis,
      parameters: [...spec.parameters],
    };
  });
}

export function parameterSources(names: readonly string[], isoDate: string): ParameterSourceDoc[] {
  return names.map((name) => {
    let description = "";
    let source: string;
    try {
      description = getParameter(name).description;
      source = citation(name, isoDate);
    } catch (e) {
      source = e instanceof Error ? e.message : String(e);
    }
    return { name, description, source };
  });
}

/** "PB.LKS(peildatum; loonwaarde; uren_per_week; [leeftijd]; [voltijduren])" with the Dutch list separator. */
export function signature(doc: FunctionDoc): string {
  return `${doc.fullName}(${doc.args.map((a) => (a.optional ? `[${a.name}]` : a.name)).join("; ")})`;
}
