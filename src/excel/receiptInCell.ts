/**
 * The workbook setting "Bonnetje in de cel" (src/functions/cellCard.ts): stored in the workbook's own settings
 * (Workbook.settings, ExcelApi 1.4), so it travels with the file and holds for everyone who opens it. It takes effect
 * only where Excel supports a custom function returning a number with properties: CustomFunctionsRuntime 1.4 (data
 * types from custom functions) and ExcelApi 1.19 (properties and card layouts on basic values). Elsewhere, or with the
 * setting off, PB results stay plain numbers.
 * The functions bundle reads the setting once Office is ready and follows later changes (receiptInCellWatch.ts); the pane
 * switches it through HostActions (officeHost.ts).
 */
import { setReceiptInCellOn } from "../functions/cellCard";

export const RECEIPT_IN_CELL_SETTING = "PBRekenkit.BonnetjeInDeCel";

export const RECEIPT_IN_CELL_SETS: [string, string][] = [
  ["CustomFunctionsRuntime", "1.4"],
  ["ExcelApi", "1.19"],
];

/** Whether this Excel can show a PB result with its receipt; the Dutch reason when not. */
export function receiptInCellSupport(office: typeof Office | undefined = typeof Office === "undefined" ? undefined : Office): { supported: boolean; why?: string } {
  const missing = RECEIPT_IN_CELL_SETS.filter(([name, version]) => {
    try {
      return !office?.context?.requirements?.isSetSupported(name, version);
    } catch {
      return true;
    }
  });
  if (missing.length === 0) return { supported: true };
  return {
    supported: false,
    why: `Deze versie van Excel kan geen getal met een bonnetje in de cel tonen (nodig: ${missing.map(([n, v]) => `${n} ${v}`).join(" en ")}). Dat kan Excel op het web, Microsoft 365 voor Windows vanaf versie 2504 en Excel voor Mac vanaf 16.96. De bedragen blijven gewone getallen; Uitleg en PB.UITLEG werken wel.`,
  };
}

/** The stored setting (false when never set). */
export async function readReceiptInCell(context: Excel.RequestContext): Promise<boolean> {
  const item = context.workbook.settings.getItemOrNullObject(RECEIPT_IN_CELL_SETTING);
  item.load("isNullObject,value");
  await context.sync();
  return !item.isNullObject && item.value === true;
}

/** Store the setting in the workbook (no cell is touched). */
export async function writeReceiptInCell(context: Excel.RequestContext, on: boolean): Promise<void> {
  context.workbook.settings.add(RECEIPT_IN_CELL_SETTING, on);
  await context.sync();
}

/** Functions bundle: cards on when the workbook says so and Excel can show them; follows later changes of the setting. */
export function watchReceiptInCell(): void {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function" || typeof Excel === "undefined") return;
  void Office.onReady()
    .then(async (info) => {
      if (info.host !== Office.HostType.Excel || !receiptInCellSupport().supported) return;
      await Excel.run(async (context) => {
        setReceiptInCellOn(await readReceiptInCell(context));
        context.workbook.settings.onSettingsChanged.add(async () => {
          await Excel.run(async (ctx) => setReceiptInCellOn(await readReceiptInCell(ctx)));
        });
        await context.sync();
      });
    })
    .catch(() => {
      // Not knowing means plain numbers, which is always correct.
      setReceiptInCellOn(false);
    });
}

