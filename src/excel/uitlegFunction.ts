/**
 * Functions bundle: gives PB.UITLEG (src/functions/functions.ts) the Excel it reads. The explainer reads the cell the
 * argument refers to and the cells its PB calls read (explainHost.ts, two syncs), explains it with the same registry
 * the functions run, and returns the table. It never writes: Microsoft's guidance for custom functions that call the
 * Excel API is to read only (no formats, values or sheets changed from inside a calculation).
 * Outside Excel nothing is installed, and PB.UITLEG says it works only in Excel.
 */
import { setCellExplainer, type CellExplainer } from "../functions/excelErrors";
import type { ErrorResult } from "../functions/invoke";
import { pbError } from "../rules/errors";
import type { DateSystem } from "../rules/dates";
import { readExplanation, splitAddress } from "./explainHost";
import { explanationTable } from "./explainText";
import { officeErrorText } from "./officeErrors";

function fail(kind: "notApplicable" | "invalid", what: string, why: string): ErrorResult {
  const e = pbError(kind, what, why);
  return { error: e.code, message: e.message };
}

type Run = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** The explainer on a given Excel.run (tests pass office-addin-mock's). */
export function cellExplainer(run: Run): CellExplainer {
  return async (parameterAddress: string, dateSystem: DateSystem) => {
    const { sheet, address } = splitAddress(parameterAddress);
    if (!sheet || !/^[A-Za-z]{1,3}\d+(:[A-Za-z]{1,3}\d+)?$/.test(address)) {
      return fail("invalid", "cel", "geef een verwijzing naar een cel, bijvoorbeeld =PB.UITLEG(D2).");
    }
    if (address.includes(":") && address.split(":")[0] !== address.split(":")[1]) {
      return fail("invalid", "cel", `${address} is een bereik. Verwijs naar één cel, bijvoorbeeld =PB.UITLEG(${address.split(":")[0]}).`);
    }
    const cell = address.split(":")[0];
    try {
      const e = await run((context) => readExplanation(context, { sheet, address: cell }, dateSystem));
      if (e.kind === "uitleg") return fail("notApplicable", `${sheet}!${cell}`, "bevat zelf een PB.UITLEG. Verwijs naar de cel met het bedrag.");
      if (e.kind !== "pb") return fail("notApplicable", `${sheet}!${cell}`, "bevat geen PB-formule. PB.UITLEG legt alleen cellen met een PB-functie uit.");
      return explanationTable(e);
    } catch (err) {
      return fail("notApplicable", "PB.UITLEG", `kon ${sheet}!${cell} niet lezen. ${officeErrorText(err)}`);
    }
  };
}

export function installCellExplainer(): void {
  if (typeof Excel === "undefined" || typeof Excel.run !== "function") return;
  setCellExplainer(cellExplainer((batch) => Excel.run(batch)));
}

installCellExplainer();
