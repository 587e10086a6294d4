/**
 * Turning an invoke() result into what an Excel custom function returns: the value, or a thrown
 * CustomFunctions.Error with the Dutch message. `CustomFunctions` is the runtime global of the Office host.
 *
 * Every call carries the workbook's date system. src/excel/dateSystem.ts reads it from the workbook (Office.js lives
 * there, not here) and hands it over with setDateSystemSource; until that answer is in, calls wait for it instead of
 * reading a 1904 serial as a 1900 one. Without a source (outside Excel) the system is 1900.
 */
import { invoke, isErrorResult } from "./invoke";
import type { RawArg } from "./contract";
import type { DateSystem } from "../rules/dates";

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

function answer(id: string, args: readonly RawArg[], dateSystem: DateSystem) {
  const r = invoke(id, args, { dateSystem });
  if (isErrorResult(r)) {
    const code = CustomFunctions.ErrorCode[CODE_TO_NAME[r.error] ?? "invalidValue"];
    throw new CustomFunctions.Error(code, r.message);
  }
  return r;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function excelCall(id: string, args: readonly RawArg[]): any {
  const system = currentDateSystem();
  if (system !== undefined) return answer(id, args, system);
  // Only the first recalculation after opening can get here; Excel shows #BUSY! for the moment it takes.
  return pending!.then((s) => answer(id, args, s));
}
