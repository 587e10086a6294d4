/**
 * The workbook's date system (1900 or 1904) through Office.js. Office.js has no property for it, so Excel's own DATE
 * answers: DATE(2000;1;1) is serial 36526 in the 1900 system and 36526 − 1462 = 35064 in the 1904 system
 * (Workbook.functions, ExcelApi 1.2). dateSystemWatch.ts hands it to every PB function call; the audit reads it too.
 */
import { DATE1904_OFFSET, isoToSerial, type DateSystem } from "../rules/dates";

const PROBE = isoToSerial("2000-01-01"); // 36526

/** Queue the read on `context`; the returned function gives the answer after the next context.sync(). */
export function queueDateSystem(context: Excel.RequestContext): () => DateSystem {
  const r = context.workbook.functions.date(2000, 1, 1);
  r.load("value");
  return () => (r.value === PROBE - DATE1904_OFFSET ? 1904 : 1900);
}

/** The date system of the workbook `context` belongs to (one sync). */
export async function readDateSystem(context: Excel.RequestContext): Promise<DateSystem> {
  const answer = queueDateSystem(context);
  await context.sync();
  return answer();
}
