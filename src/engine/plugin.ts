/**
 * The PB functions inside HyperFormula: ONE FunctionPlugin, generated from REGISTRY, whose every method calls the
 * same `invoke(id, args)` as the Excel custom functions. This file only translates values between HyperFormula and
 * plain JS; argument coercion and validation live in src/functions/contract.ts, for both hosts.
 *
 * HyperFormula is GPL-3.0 (or commercial); it is used only by the `pb` command line, never by the add-in bundle.
 */
import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
  type FunctionArgument,
  type ImplementedFunctions,
} from "hyperformula";
import type { FunctionSpec, RawArg, CellValue } from "../functions/contract";
import { invoke, isErrorResult } from "../functions/invoke";
import { NAMESPACE, REGISTRY } from "../functions/registry";
import type { DateSystem } from "../rules/dates";
import { registerExcelFunctions } from "./excelFunctions";
import { dutchEngineMessage } from "./messages";

// The AST and interpreter-state types are internal to HyperFormula; the plugin passes them through untouched.
/* eslint-disable @typescript-eslint/no-explicit-any */
type Ast = any;
type State = any;

/** HyperFormula error types ↔ the Excel codes the rest of the project speaks. */
const HF_TO_EXCEL: Record<string, string> = {
  [ErrorType.DIV_BY_ZERO]: "#DIV/0!",
  [ErrorType.NAME]: "#NAME?",
  [ErrorType.VALUE]: "#VALUE!",
  [ErrorType.NUM]: "#NUM!",
  [ErrorType.NA]: "#N/A",
  [ErrorType.CYCLE]: "#CYCLE!",
  [ErrorType.REF]: "#REF!",
  [ErrorType.SPILL]: "#SPILL!",
  [ErrorType.LIC]: "#LIC!",
  [ErrorType.ERROR]: "#ERROR!",
};
const EXCEL_TO_HF: Record<string, ErrorType> = Object.fromEntries(
  Object.entries(HF_TO_EXCEL).map(([hf, code]) => [code, hf as ErrorType]),
);

export function excelErrorCode(type: string): string {
  return HF_TO_EXCEL[type] ?? `#${type}!`;
}

/** An Excel error code from a PB function → HyperFormula error; codes HF lacks (#NULL!, #CALC!) become #VALUE!. */
export function toCellError(code: string, message: string): CellError {
  return new CellError(EXCEL_TO_HF[code] ?? ErrorType.VALUE, message);
}

/** One HyperFormula scalar (number, string, boolean, EmptyValue, CellError, typed number) → plain JS. */
export function fromHfScalar(v: unknown): CellValue {
  if (v === EmptyValue || v === undefined) return null;
  if (v instanceof CellError) {
    const error = excelErrorCode(v.type);
    return { error, message: dutchEngineMessage(error, v.message) };
  }
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  // Dates, percentages and currencies are numbers with a format tag ({val}) inside HyperFormula.
  if (typeof v === "object" && v !== null && "val" in v) return (v as { val: number }).val;
  return String(v);
}

export function fromHfArg(v: unknown): RawArg {
  if (v instanceof SimpleRangeValue) return v.data.map((row) => row.map(fromHfScalar));
  return fromHfScalar(v);
}

function toHfResult(spec: FunctionSpec, result: ReturnType<typeof invoke>): unknown {
  if (isErrorResult(result)) return toCellError(result.error, result.message);
  if (Array.isArray(result)) {
    if (result.length === 0 || result[0].length === 0) return toCellError("#VALUE!", `PB.${spec.id} gaf een leeg bereik.`);
    return SimpleRangeValue.onlyValues(result.map((row) => row.map((x) => x)));
  }
  return result;
}

/**
 * Argument types: scalars as SCALAR (HyperFormula hands over the value untouched — errors included — and vectorises a
 * range passed to it, so `PB.LKS(A2:A9,B2:B9,C2:C9)` spills like Excel lifts it); ranges as ANY (the range as is).
 * Coercion is then done once, by invoke().
 */
function parametersOf(spec: FunctionSpec): FunctionArgument[] {
  return spec.args.map((a) => ({
    argumentType: a.type === "range" ? FunctionArgumentType.ANY : FunctionArgumentType.SCALAR,
    ...(a.optional ? { optionalArg: true } : {}),
  }));
}

/** Where a PB call is evaluated: HyperFormula's address of the formula (0-based). */
export interface CallAddress {
  sheet: number;
  row: number;
  col: number;
}

/**
 * When set, every PB call the engine makes goes through this instead of invoke() and must return invoke()'s result:
 * the audit uses it to keep a receipt of each call with the very arguments the function received. `given` is the number
 * of arguments written in the formula (the engine passes omitted optional ones as empty). `known`: invoke()'s result
 * for these arguments when the caller has it already (the rules are pure), so the call is not evaluated twice.
 */
export type PbCallSink = (
  id: string,
  raw: RawArg[],
  ctx: { dateSystem: DateSystem },
  at: CallAddress,
  given: number,
  known?: ReturnType<typeof invoke>,
) => ReturnType<typeof invoke>;
let callSink: PbCallSink | undefined;
export function setPbCallSink(sink: PbCallSink | undefined): void {
  callSink = sink;
}

/**
 * A PB call made outside HyperFormula's interpreter (engine.ts evaluates a call on constants directly): through the
 * same sink as the plugin's own calls, so its receipt is the one the engine would have kept. `raw` as runFunction
 * hands it over: one value per parameter, omitted optional ones as null.
 */
export function callPbDirect(
  id: string,
  raw: RawArg[],
  dateSystem: DateSystem,
  at: CallAddress,
  given: number,
  known: ReturnType<typeof invoke>,
): ReturnType<typeof invoke> {
  return callSink ? callSink(id, raw, { dateSystem }, at, given, known) : known;
}

export const PB_FUNCTION_NAMES: readonly string[] = [...REGISTRY.keys()].map((id) => `${NAMESPACE}.${id}`);

class PbPlugin extends FunctionPlugin {}

const implemented: ImplementedFunctions = {};
for (const spec of REGISTRY.values()) {
  const name = `${NAMESPACE}.${spec.id}`;
  const method = `pb_${spec.id}`;
  const sizeMethod = `pb_${spec.id}_size`;
  (PbPlugin.prototype as any)[method] = function (this: PbPlugin, ast: Ast, state: State) {
    // The workbook's date system (engineConfig puts it in HyperFormula's context): PB date arguments and results count
    // in the same system as DATE() and the cells.
    const dateSystem = (this.config.context as { dateSystem?: DateSystem } | undefined)?.dateSystem ?? 1900;
    return this.runFunction(ast.args, state, this.metadata(name), (...args: unknown[]) => {
      // Looked up at call time, so that a spy on REGISTRY.get(id).impl sees engine calls (tests/engine/sameCode).
      const raw = args.map(fromHfArg);
      const result = callSink ? callSink(spec.id, raw, { dateSystem }, state.formulaAddress, ast.args.length) : invoke(spec.id, raw, { dateSystem });
      return toHfResult(spec, result) as any;
    });
  };
  const metadata: ImplementedFunctions[string] = { method, parameters: parametersOf(spec) };
  if (spec.result === "matrix") {
    // A matrix result is as large as the largest argument (the shape PB functions give back, see reshapeLike).
    (PbPlugin.prototype as any)[sizeMethod] = function (this: PbPlugin, ast: Ast, state: State) {
      const sizes: ArraySize[] = ast.args.map((arg: Ast) => this.arraySizeForAst(arg, state));
      return new ArraySize(Math.max(1, ...sizes.map((s) => s.width)), Math.max(1, ...sizes.map((s) => s.height)));
    };
    metadata.sizeOfResultArrayMethod = sizeMethod;
    metadata.vectorizationForbidden = true;
  }
  implemented[name] = metadata;
}
(PbPlugin as any).implementedFunctions = implemented;

let registered = false;

/** Register the PB plugin with HyperFormula, once per process (registration is static in HyperFormula). */
export function registerPbFunctions(): void {
  // The Excel functions HyperFormula lacks come with the PB ones: every engine built here calculates the same way.
  registerExcelFunctions();
  if (registered) return;
  const names = Object.fromEntries(PB_FUNCTION_NAMES.map((n) => [n, n]));
  // Without a translation for the active language the functions parse but every call gives #NAME?.
  HyperFormula.registerFunctionPlugin(PbPlugin, { enGB: names });
  registered = true;
}
