/**
 * The workbook's date system (1900 or 1904), read through Office.js and handed to every PB function call
 * (src/functions/excelErrors.ts). Office.js has no property for it, so Excel's own DATE answers: DATE(2000;1;1) is
 * serial 36526 in the 1900 system and 36526 − 1462 = 35064 in the 1904 system (Workbook.functions, ExcelApi 1.2).
 * Runs in the functions bundle, before functions.ts: in the shared runtime the functions and this read share a page.
 */
import { setDateSystemSource } from "../functions/excelErrors";
import { DATE1904_OFFSET, isoToSerial, type DateSystem } from "../rules/dates";

const PROBE = isoToSerial("2000-01-01"); // 36526

/** The date system of the workbook `context` belongs to. */
export async function readDateSystem(context: Excel.RequestContext): Promise<DateSystem> {
  const r = context.workbook.functions.date(2000, 1, 1);
  r.load("value");
  await context.sync();
  if (r.value === PROBE - DATE1904_OFFSET) return 1904;
  return 1900;
}

function inExcel(): boolean {
  return typeof Office !== "undefined" && typeof Office.onReady === "function" && typeof Excel !== "undefined";
}

/** Start the read as soon as Office is ready; calls made meanwhile wait for it. Outside Excel nothing happens (1900). */
export function watchDateSystem(): void {
  if (!inExcel()) return;
  setDateSystemSource(
    Office.onReady().then((info) => {
      if (info.host !== Office.HostType.Excel) return 1900;
      return Excel.run((context) => readDateSystem(context));
    }),
  );
}

watchDateSystem();
