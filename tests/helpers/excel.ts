/** Test helpers for calling the Excel face the way Excel does. */
import { isoToSerial } from "../../src/rules/dates";

/** DATE(y,m,d) as Excel hands it over: a serial number. */
export const DATE = (y: number, m: number, d: number): number => isoToSerial(`${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);

/** Call an Excel wrapper; a thrown CustomFunctions.Error comes back as {code, message}. */
export function viaExcel(f: () => unknown): unknown {
  try {
    return f();
  } catch (e) {
    if (e instanceof CustomFunctions.Error) return { code: e.code, message: e.message };
    throw e;
  }
}
