/**
 * Turning an invoke() result into what an Excel custom function returns: the value, or a thrown
 * CustomFunctions.Error with the Dutch message. `CustomFunctions` is the runtime global of the Office host.
 */
import { invoke, isErrorResult } from "./invoke";
import type { RawArg } from "./contract";

const CODE_TO_NAME: Record<string, keyof typeof CustomFunctions.ErrorCode> = {
  "#VALUE!": "invalidValue",
  "#N/A": "notAvailable",
  "#NUM!": "invalidNumber",
  "#DIV/0!": "divisionByZero",
  "#NULL!": "nullReference",
  "#NAME?": "invalidName",
  "#REF!": "invalidReference",
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function excelCall(id: string, args: readonly RawArg[]): any {
  const r = invoke(id, args);
  if (isErrorResult(r)) {
    const code = CustomFunctions.ErrorCode[CODE_TO_NAME[r.error] ?? "invalidValue"];
    throw new CustomFunctions.Error(code, r.message);
  }
  return r;
}
