/** Evaluating loose formulas (`pb eval`): each in its own empty sheet, so spills never collide. */
import { buildEngine, fromHfValue, type EngineValue } from "./engine";

/** One formula's result: a single value, or the whole spilled matrix when it spills. */
export type EvalResult = EngineValue | EngineValue[][];

export function evaluateFormulas(formulas: readonly string[]): EvalResult[] {
  if (formulas.length === 0) return [];
  const { hf } = buildEngine({
    sheets: formulas.map((f, i) => ({ name: `Formule${i + 1}`, cells: [{ address: "A1", formula: f.trim().replace(/^=/, "") }] })),
  });
  const out = formulas.map((_f, i) => {
    const values = hf.getSheetValues(i).map((row) => row.map(fromHfValue));
    if (values.length <= 1 && (values[0]?.length ?? 0) <= 1) return values[0]?.[0] ?? null;
    return values;
  });
  hf.destroy();
  return out;
}

/** How `pb eval` prints a value: numbers plainly (dates as serials), errors as the code followed by the message. */
export function formatValue(v: EngineValue): string {
  if (v === null) return "";
  if (typeof v === "object") return v.message ? `${v.error} ${v.message}` : v.error;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}

export function formatResult(r: EvalResult): string {
  if (Array.isArray(r)) return r.map((row) => row.map(formatValue).join("\t")).join("\n");
  return formatValue(r);
}
