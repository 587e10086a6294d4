/**
 * "Bonnetje in de cel": a PB money result as Excel's basic double value with properties and a card layout, so the cell
 * still holds the number (SUM, arithmetic and Range.values see the basicValue) and its card shows the receipt: the
 * inputs, every parameter value with its validity and source, the legal basis and the parameter set.
 *
 * The shape is Microsoft's documented schema, nothing more: Excel.DoubleCellValue (type "Double", basicValue,
 * basicType, properties, layouts; properties and layouts from ExcelApi 1.19), property values StringCellValue /
 * DoubleCellValue / BooleanCellValue with propertyMetadata (sublabel, attribution), layouts.compact.icon from
 * Excel.EntityCompactLayoutIcons and layouts.card a BasicCardLayout (title, subTitle, List sections). Custom functions
 * return it as-is when functions.json allows data types (allowCustomDataForDataTypeAny, CustomFunctionsRuntime 1.4) and
 * the function's result type is `any`. tests/functions/cellCard.test.ts holds the shape against @types/office-js.
 *
 * Whether cards are on is the workbook setting, read in src/excel/receiptInCell.ts; the functions bundle and the task
 * pane are separate bundles on one page, so the switch lives on the shared window.
 */
import type { Receipt } from "./receipt";
import type { RawArg } from "./contract";
import { REGISTRY } from "./registry";
import type { ParameterUse } from "../parameters";
import { citationParts, parameterValueText } from "../parameters/citation";
import { addDays } from "../rules/dates";

export const RECEIPT_IN_CELL_KEY = "__pbReceiptInCell";

/** Whether PB money results carry their receipt (the setting is on and this Excel supports it). */
export function receiptInCellOn(g: Record<string, unknown> = globalThis as Record<string, unknown>): boolean {
  return g[RECEIPT_IN_CELL_KEY] === true;
}

export function setReceiptInCellOn(on: boolean, g: Record<string, unknown> = globalThis as Record<string, unknown>): void {
  g[RECEIPT_IN_CELL_KEY] = on;
}

export interface CardAttribution {
  sourceText?: string;
  sourceAddress?: string;
}

export interface CardPropertyMetadata {
  sublabel?: string;
  attribution?: CardAttribution[];
}

/** basicType is optional in Microsoft's schema and left out of the properties: 10,000 cards carry it 200,000 times less. */
export type CardProperty = (
  | { type: "String"; basicValue: string }
  | { type: "Double"; basicValue: number; numberFormat?: string }
  | { type: "Boolean"; basicValue: boolean }
) & { propertyMetadata?: CardPropertyMetadata };

export interface CardSection {
  layout: "List";
  title?: string;
  collapsible?: boolean;
  collapsed?: boolean;
  properties: string[];
}

/** The subset of Excel.DoubleCellValue this add-in returns. */
export interface ReceiptCard {
  type: "Double";
  basicType: "Double";
  basicValue: number;
  properties: Record<string, CardProperty>;
  layouts: {
    compact: { icon: string };
    card: { layout: "Entity"; title: string; subTitle?: { property: string }; sections: CardSection[] };
  };
}

const text = (s: string): CardProperty => ({ type: "String", basicValue: s });
const num = (n: number, numberFormat?: string): CardProperty => ({ type: "Double", basicValue: n, ...(numberFormat ? { numberFormat } : {}) });

// One formatter, made once: Number.prototype.toLocaleString builds one per call, which is most of a card's cost.
const MONEY = new Intl.NumberFormat("nl-NL", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

function dutchDate(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return `${d}-${m}-${y}`;
}

function inputProperty(value: RawArg, type: string | undefined): CardProperty {
  // The receipt holds a date argument as its ISO date (receipt.ts), whatever the workbook's date system: shown as typed.
  if (type === "date" && typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) return text(dutchDate(value));
  if (typeof value === "number") return num(value);
  if (typeof value === "boolean") return { type: "Boolean", basicValue: value };
  if (typeof value === "string") return text(value);
  if (Array.isArray(value)) return text(`bereik van ${value.length}×${(value[0] as unknown[] | undefined)?.length ?? 0}`);
  if (value && typeof value === "object") return text(value.message ? `${value.error} ${value.message}` : value.error);
  return text("(leeg)");
}

/**
 * A parameter's property depends only on the value entry it comes from (its source object, validity, unit, value), and
 * a register uses the same few entries on every row: made once per entry. The objects are shared between cards and
 * never changed (the runtime only serialises them).
 */
const propertyCache = new WeakMap<object, Map<string, CardProperty>>();

function parameterProperty(u: ParameterUse): CardProperty {
  const key = `${u.from}|${u.until ?? ""}|${u.unit}|${typeof u.value === "object" ? JSON.stringify(u.value) : String(u.value)}`;
  let bySource = propertyCache.get(u.source);
  if (!bySource) propertyCache.set(u.source, (bySource = new Map()));
  let p = bySource.get(key);
  if (!p) bySource.set(key, (p = makeParameterProperty(u)));
  return p;
}

function makeParameterProperty(u: ParameterUse): CardProperty {
  const c = citationParts(u.source);
  const validity = u.until ? `geldig van ${dutchDate(u.from)} tot en met ${dutchDate(addDays(u.until, -1))}` : `geldig vanaf ${dutchDate(u.from)}`;
  const base = typeof u.value === "number" ? num(u.value) : text(parameterValueText(u.value));
  const sourceText = [c.title, c.publicatie, c.confidence].filter(Boolean).join("; ");
  return {
    ...base,
    propertyMetadata: {
      sublabel: `${u.unit}, ${validity}`,
      attribution: [{ sourceText, ...(c.url ? { sourceAddress: c.url } : {}) }],
    },
  };
}

/** A property name not yet in `taken` (input names, parameter names and the fixed names never clash today). */
function unique(name: string, taken: Record<string, unknown>): string {
  if (!(name in taken)) return name;
  for (let i = 2; ; i++) if (!(`${name} (${i})` in taken)) return `${name} (${i})`;
}

/** The receipt of a money result as a double with properties; undefined when the result is not a number. */
export function receiptCard(receipt: Receipt): ReceiptCard | undefined {
  const r = receipt.result;
  if (typeof r !== "number") return undefined;
  const spec = REGISTRY.get(receipt.function.replace(/^PB\./, ""));
  const properties: Record<string, CardProperty> = {};
  const inputs: string[] = [];
  for (const a of spec?.args ?? []) {
    if (!(a.name in receipt.inputs)) continue;
    const key = unique(a.name, properties);
    properties[key] = inputProperty(receipt.inputs[a.name], a.type);
    inputs.push(key);
  }
  const params: string[] = [];
  for (const u of receipt.parameters) {
    const key = unique(u.name, properties);
    properties[key] = parameterProperty(u);
    params.push(key);
  }
  const origin: string[] = [];
  const add = (name: string, value: string) => {
    const key = unique(name, properties);
    properties[key] = text(value);
    origin.push(key);
  };
  add("Grondslag", receipt.legalBasis);
  add("Regelversie", receipt.ruleVersion);
  add(
    "Parameterset",
    `${receipt.parameterSetVersion} (controlegetal ${receipt.parameterSetHash})${receipt.parameterSetOrigin === "eigen" ? ", eigen parameterset" : receipt.parameterSetOrigin === "vrijgegeven" ? ", eerder vrijgegeven set" : ""}`,
  );
  add("PB Rekenkit", receipt.addinVersion);
  const sections: CardSection[] = [];
  if (inputs.length) sections.push({ layout: "List", title: "Invoer", collapsible: true, collapsed: false, properties: inputs });
  if (params.length) sections.push({ layout: "List", title: "Parameters en bronnen", collapsible: true, collapsed: false, properties: params });
  sections.push({ layout: "List", title: "Herkomst", collapsible: true, collapsed: true, properties: origin.slice(1) });
  return {
    type: "Double",
    basicType: "Double",
    basicValue: r,
    properties,
    layouts: {
      compact: { icon: "Receipt" },
      card: {
        layout: "Entity",
        title: `${receipt.function} = ${MONEY.format(r)}`,
        subTitle: { property: "Grondslag" },
        sections,
      },
    },
  };
}

/**
 * A value Excel hands a custom function when data types are allowed: a basic value with properties (another PB
 * result with its receipt, a formatted number) arrives as {type, basicValue, …}. The rules want the plain value; an
 * entity or image has none, so it becomes an error value with a Dutch message.
 */
export function fromExcelValue(v: unknown): unknown {
  if (typeof v !== "object" || v === null) return v;
  if (Array.isArray(v)) return v.map((row) => (Array.isArray(row) ? row.map(fromExcelValue) : fromExcelValue(row)));
  const o = v as { type?: unknown; basicValue?: unknown; error?: unknown; errorType?: unknown };
  if (typeof o.error === "string") return v;
  switch (o.type) {
    case "Double":
    case "FormattedNumber":
    case "String":
    case "Boolean":
      return o.basicValue;
    case "Empty":
      return null;
    case "Error":
      return { error: typeof o.basicValue === "string" ? o.basicValue : "#VALUE!" };
    default:
      return { error: "#VALUE!", message: "Een argument is een gegevenstype (zoals een aandeel of een afbeelding) zonder getal of tekst. Verwijs naar een cel met een getal, datum of tekst." };
  }
}
