/**
 * A receipt per result, as MinBZK regelrecht keeps one: what went in, which rule version ran, which parameter values
 * (with valid-from dates and sources) it used, and the parameter set it came from. Auditors keep these; the task pane's
 * audit sheet and `pb recalc --json` print them.
 */
import { activeParameterSet, type ParameterSetOrigin, type ParameterUse } from "../parameters";
import { ADDIN_VERSION } from "../version";
import type { CallContext, RawArg } from "./contract";
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

/** `ctx.dateSystem`: the workbook's (a 1904 workbook's serials are read as 1904 days), as for invoke(). */
export function withReceipt(id: string, raw: readonly RawArg[], ctx: Pick<CallContext, "dateSystem"> = {}): Receipt {
  const set = activeParameterSet();
  const trace: ParameterUse[] = [];
  const result = invoke(id, raw, { ...ctx, trace });
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
    if (raw[i] !== undefined) inputs[a.name] = raw[i];
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
