/**
 * Functions bundle, before functions.ts: as soon as Office is ready, read the workbook's date system and hand it to
 * excelCall, so every PB function reads and writes date serials in that system. Calls made meanwhile wait for the
 * answer. In the shared runtime each workbook has its own page, so one answer per page is the workbook's.
 * Outside Excel nothing happens (1900).
 */
import { setDateSystemSource } from "../functions/excelErrors";
import { readDateSystem } from "./dateSystem";

export function watchDateSystem(): void {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function" || typeof Excel === "undefined") return;
  setDateSystemSource(
    Office.onReady().then((info) => (info.host === Office.HostType.Excel ? Excel.run((context) => readDateSystem(context)) : 1900)),
  );
}

watchDateSystem();
