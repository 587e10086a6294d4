/**
 * A receipt per result, as MinBZK regelrecht keeps one: what went in, which rule version ran, which parameter values
 * (with valid-from dates and sources) it used, and the parameter set it came from. Auditors keep these; the task pane's
 * audit sheet and `pb recalc --json` print them.
 */
import { activeParameterSet, type ParameterSetOrigin, type ParameterUse } from "../parameters";
import { ADDIN_VERSION } from "../version";
import { serialToIso, type DateSystem } from "../rules/dates";
import type { RawArg } from "./contract";
import { invoke, type InvokeResult } from "./invoke";
import { REGISTRY } from "./registry";

export interface Receipt {
  function: string;
  legalBasis: string;
  ruleVersion: string;
  inputs: Record<string, RawArg>;
  result: InvokeResult;
  /** Each parameter value used once, in first-use order. */
  parameters: ParameterUse[];
  parameterSetVersion: string;
  parameterSetHash: string;
  /** Where the set came from: the built-in one, an earlier released one, or the user's own file ("eigen"). */
  parameterSetOrigin: ParameterSetOrigin;
  /** The file an own set was read from. */
  parameterSetFile?: string;
  addinVersion: string;
}

/** A date argument as the receipt shows it: an Excel serial as its ISO date; anything else as it was received. */
function dateInput(v: RawArg, system: DateSystem): RawArg {
  if (typeof v !== "number" || !Number.isFinite(v)) return v;
  // 1900…2200 is refused as "a year typed where a date belongs"; the receipt shows what was typed
  if (Number.isInteger(v) && v >= 1900 && v <= 2200) return v;
  return serialToIso(v, system) ?? v;
}

export function withReceipt(id: string, raw: readonly RawArg[], ctx: { dateSystem?: DateSystem } = {}): Receipt {
  const set = activeParameterSet();
  const trace: ParameterUse[] = [];
  const result = invoke(id, raw, { trace, ...(ctx.dateSystem ? { dateSystem: ctx.dateSystem } : {}) });
  const spec = REGISTRY.get(id);
  const seen = new Set<string>();
  const parameters = trace.filter((u) => {
    const key = `${u.name}@${u.from}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const inputs: Record<string, RawArg> = {};
  (spec?.args ?? []).forEach((a, i) => {
    if (raw[i] !== undefined) inputs[a.name] = a.type === "date" ? dateInput(raw[i], ctx.dateSystem ?? 1900) : raw[i];
  });
  return {
    function: `PB.${id}`,
    legalBasis: spec?.legalBasis ?? "",
    ruleVersion: spec?.ruleVersion ?? "",
    inputs,
    result,
    parameters,
    parameterSetVersion: set.version,
    parameterSetHash: set.hash,
    parameterSetOrigin: set.origin,
    ...(set.file !== undefined ? { parameterSetFile: set.file } : {}),
    addinVersion: ADDIN_VERSION,
  };
}
