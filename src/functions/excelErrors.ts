/**
 * Turning an invoke() result into what an Excel custom function returns: the value, or a thrown
 * CustomFunctions.Error with the Dutch message. `CustomFunctions` is the runtime global of the Office host.
 *
 * Every call carries the workbook's date system. src/excel/dateSystem.ts reads it from the workbook (Office.js lives
 * there, not here) and hands it over with setDateSystemSource; until that answer is in, calls wait for it instead of
 * reading a 1904 serial as a 1900 one. Without a source (outside Excel) the system is 1900.
 */
import { invoke, isErrorResult, type ErrorResult } from "./invoke";
import type { RawArg } from "./contract";
import type { DateSystem } from "../rules/dates";
import { fromExcelValue, receiptCard, receiptInCellOn } from "./cellCard";
import { withReceipt } from "./receipt";
import { REGISTRY } from "./registry";
import { pbError } from "../rules/errors";

const CODE_TO_NAME: Record<string, keyof typeof CustomFunctions.ErrorCode> = {
  "#VALUE!": "invalidValue",
  "#N/A": "notAvailable",
  "#NUM!": "invalidNumber",
  "#DIV/0!": "divisionByZero",
  "#NULL!": "nullReference",
  "#NAME?": "invalidName",
  "#REF!": "invalidReference",
};

let known: DateSystem | undefined;
let pending: Promise<DateSystem> | undefined;

/** Where the workbook's date system comes from; a failed read means 1900 (Excel's default), never a stuck cell. */
export function setDateSystemSource(source: Promise<DateSystem> | DateSystem): void {
  if (typeof source === "number") {
    known = source;
    pending = undefined;
    return;
  }
  known = undefined;
  pending = source.then(
    (s) => (known = s),
    () => (known = 1900),
  );
}

/** The date system calls use now (undefined while the read is under way). */
export function currentDateSystem(): DateSystem | undefined {
  return pending && known === undefined ? undefined : (known ?? 1900);
}

function thrown(r: ErrorResult): CustomFunctions.Error {
  const code = CustomFunctions.ErrorCode[CODE_TO_NAME[r.error] ?? "invalidValue"];
  return new CustomFunctions.Error(code, r.message);
}

function answer(id: string, raw: readonly unknown[], dateSystem: DateSystem) {
  // Data types are allowed in functions.json: a PB result with its receipt, passed on to another PB function, arrives
  // as {type: "Double", basicValue, …}. Plain values pass through untouched.
  const args = (raw.some((a) => typeof a === "object" && a !== null) ? raw.map(fromExcelValue) : raw) as readonly RawArg[];
  if (receiptInCellOn() && REGISTRY.get(id)?.result === "money") {
    const receipt = withReceipt(id, args, { dateSystem });
    if (isErrorResult(receipt.result)) throw thrown(receipt.result);
    return receiptCard(receipt) ?? receipt.result;
  }
  const r = invoke(id, args, { dateSystem });
  if (isErrorResult(r)) throw thrown(r);
  return r;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function excelCall(id: string, args: readonly unknown[]): any {
  const system = currentDateSystem();
  if (system !== undefined) return answer(id, args, system);
  // Only the first recalculation after opening can get here; Excel shows #BUSY! for the moment it takes.
  return pending!.then((s) => answer(id, args, s));
}

/** The table PB.UITLEG spills, or why not; src/excel/uitlegFunction.ts installs the one that reads Excel. */
export type CellExplainer = (parameterAddress: string, dateSystem: DateSystem) => Promise<(string | number | boolean)[][] | ErrorResult>;

let explainer: CellExplainer | undefined;

export function setCellExplainer(fn: CellExplainer | undefined): void {
  explainer = fn;
}

/** PB.UITLEG: the explanation of the cell its argument refers to, as the invocation's parameter address names it. */
export async function excelExplain(invocation: CustomFunctions.Invocation | undefined): Promise<(string | number | boolean)[][]> {
  const fail = (kind: "notApplicable" | "invalid", what: string, why: string) => {
    const e = pbError(kind, what, why);
    return thrown({ error: e.code, message: e.message });
  };
  if (!explainer) throw fail("notApplicable", "PB.UITLEG", "werkt alleen in Excel met PB Rekenkit geladen. Open de werkmap in Excel om de uitleg te zien.");
  const address = invocation?.parameterAddresses?.[0];
  if (!address) {
    throw fail("notApplicable", "PB.UITLEG", "Excel gaf het adres van de cel niet door. Werk Excel bij (Microsoft 365) of gebruik het onderdeel Uitleg in het taakvenster.");
  }
  const system = currentDateSystem() ?? (await pending!);
  const r = await explainer(address, system);
  if (isErrorResult(r)) throw thrown(r);
  return r;
}
