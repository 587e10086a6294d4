/**
 * Help per PB function: the Dutch texts from functions.json (generated from the JSDoc) joined with the registry's
 * contract (example, legal basis, parameters) and, per parameter, its source in force on a chosen date.
 */
import { REGISTRY, FUNCTION_IDS, NAMESPACE, EXCEL_ONLY } from "../functions/registry";
import { getParameter, lookupValue } from "../parameters";
import { citationParts } from "../parameters/citation";
import { PbError } from "../rules/errors";
import { argumentSeparator, type FormulaLanguage } from "./localFormula";
import type { FunctionMetadata } from "./types";

export interface ArgumentDoc {
  name: string;
  optional: boolean;
  description: string;
}

export interface ParameterSourceDoc {
  name: string;
  description: string;
  /** Citation in force on the chosen date (citation.ts), or why there is none. */
  source?: ReturnType<typeof citationParts>;
  problem?: string;
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
  /** Runs only in Excel (PB.UITLEG): `legalBasis` then says what it shows instead. */
  excelOnly?: boolean;
}

export function functionDocs(metadata: readonly FunctionMetadata[]): FunctionDoc[] {
  const byId = new Map(metadata.map((m) => [m.id.toUpperCase(), m]));
  const doc = (id: string, args: readonly { name: string; optional?: boolean }[], rest: Pick<FunctionDoc, "example" | "legalBasis" | "parameters" | "excelOnly">): FunctionDoc => {
    const meta = byId.get(id);
    return {
      id,
      fullName: `${NAMESPACE}.${id}`,
      description: meta?.description ?? "",
      args: args.map((a, i) => {
        const p = meta?.parameters?.find((q) => q.name === a.name) ?? meta?.parameters?.[i];
        return { name: a.name, optional: !!a.optional, description: p?.description ?? "" };
      }),
      ...rest,
    };
  };
  return [
    ...FUNCTION_IDS.map((id) => {
      const spec = REGISTRY.get(id)!;
      return doc(id, spec.args, { example: spec.example, legalBasis: spec.legalBasis, parameters: [...spec.parameters] });
    }),
    ...[...EXCEL_ONLY.values()].map((spec) => doc(spec.id, spec.args, { example: spec.example, legalBasis: spec.about, parameters: [], excelOnly: true })),
  ];
}

export function parameterSources(names: readonly string[], isoDate: string): ParameterSourceDoc[] {
  return names.map((name) => {
    let description = "";
    try {
      description = getParameter(name).description;
      const { entry } = lookupValue(name, isoDate);
      return { name, description, source: citationParts(entry.source, entry.from) };
    } catch (e) {
      return { name, description, problem: e instanceof PbError ? e.message : "Geen bron gevonden." };
    }
  });
}

/** "PB.LKS(peildatum; loonwaarde; uren_per_week; [leeftijd]; [voltijduren])" with the user's list separator. */
export function signature(doc: FunctionDoc, lang: FormulaLanguage = "nl"): string {
  return `${doc.fullName}(${doc.args.map((a) => (a.optional ? `[${a.name}]` : a.name)).join(`${argumentSeparator(lang)} `)})`;
}

/** The help page of a function, shipped beside taskpane.html (scripts/help.js writes them from the registry). */
export function helpPath(id: string): string {
  return `help/${id.toLowerCase()}.html`;
}
