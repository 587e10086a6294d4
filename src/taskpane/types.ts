/** Data the task pane shows, independent of where it comes from (template list, functions.json). */

export interface TemplateInfo {
  id: string;
  title: string;
  description: string;
  /** Years the template covers, as Dutch text, e.g. "2015–2026". */
  years: string;
}

/** One function as functions.json describes it (generated from the JSDoc of src/functions/functions.ts). */
export interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters?: { name: string; description?: string; optional?: boolean; type?: string }[];
  result?: { type?: string; dimensionality?: string };
}

export type LoadFunctionMetadata = () => Promise<FunctionMetadata[]>;

/** Reads functions.json next to taskpane.html: the same file Excel registers the functions from. */
export const fetchFunctionMetadata: LoadFunctionMetadata = async () => {
  const res = await fetch("functions.json", { cache: "no-cache" });
  if (!res.ok) throw new Error(`functions.json: HTTP ${res.status}`);
  const json = (await res.json()) as { functions?: FunctionMetadata[] };
  return json.functions ?? [];
};
