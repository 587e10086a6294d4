/**
 * Calling a PB function by id: coerce, run the rule, turn any failure into an Excel error value with a Dutch message.
 * Both faces call this: src/functions/functions.ts (Excel) and src/engine (headless). Nothing else may throw out.
 */
import { PbError, pbError } from "../rules/errors";
import { coerceArgs, PassThroughError, type CallContext, type FunctionResult, type RawArg } from "./contract";
import { REGISTRY } from "./registry";

export interface ErrorResult {
  error: string;
  message: string;
}

export type InvokeResult = FunctionResult | ErrorResult;

export function isErrorResult(r: unknown): r is ErrorResult {
  return typeof r === "object" && r !== null && !Array.isArray(r) && typeof (r as ErrorResult).error === "string";
}

export function invoke(id: string, raw: readonly RawArg[], ctx: CallContext = {}): InvokeResult {
  const spec = REGISTRY.get(id);
  if (!spec) return { error: "#NAME?", message: `Onbekende functie PB.${id}.` };
  try {
    if (raw.length > spec.args.length && raw.slice(spec.args.length).some((a) => a !== undefined && a !== null)) {
      throw pbError("tooManyArgs", `PB.${id}`, spec.args.length, spec.args.map((a) => a.name));
    }
    const result = spec.impl(coerceArgs(spec, raw, ctx.dateSystem), ctx);
    if (typeof result === "number" && !Number.isFinite(result)) throw pbError("notFinite", `PB.${id}`);
    return result;
  } catch (e) {
    if (e instanceof PbError) return { error: e.code, message: e.message };
    if (e instanceof PassThroughError) return { error: e.code, message: e.message };
    // A bug, not bad input: still an Excel error with a message, never an exception into the host, and never the
    // developer's text (a stack or a TypeError) in front of the user.
    const err = pbError("internal", `PB.${id}`);
    return { error: err.code, message: err.message };
  }
}
