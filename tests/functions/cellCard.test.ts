/**
 * "Bonnetje in de cel": the shape of a PB money result with its receipt, held against Microsoft's own declaration of
 * the data types (node_modules/@types/office-js: Excel.DoubleCellValue, the property value types, propertyMetadata,
 * attribution, BasicViewLayouts/BasicCardLayout/card sections, the compact icons), and the fallback to plain numbers:
 * setting off, a result that is not money, an error, an Excel without the requirement sets.
 * Figure: PB.LKS(1-7-2023; 0,4; 38) = 1995 × 1,08 × 0,6 × 1,235 = 1596,5586 → 1596,56.
 */
import * as fs from "fs";
import * as path from "path";
import { fromExcelValue, receiptCard, receiptInCellOn, setReceiptInCellOn, type ReceiptCard } from "../../src/functions/cellCard";
import { excelCall, setDateSystemSource } from "../../src/functions/excelErrors";
import { withReceipt } from "../../src/functions/receipt";
import { receiptInCellSupport, RECEIPT_IN_CELL_SETTING } from "../../src/excel/receiptInCell";
import { createOfficeHost } from "../../src/excel/officeHost";
import { fakeExcel, useExcel } from "../excel/fakeExcel";

const DTS = fs.readFileSync(path.join(__dirname, "../../node_modules/@types/office-js/index.d.ts"), "utf8");
const EXCEL_NS = DTS.indexOf("declare namespace Excel {");

const memo = new Map<string, Set<string>>();

/** The member names of `interface name` in Excel's namespace, with those of the interfaces it extends. */
function members(name: string): Set<string> {
  const known = memo.get(name);
  if (known) return known;
  const at = DTS.indexOf(`\n    interface ${name} `, EXCEL_NS);
  if (at < 0) throw new Error(`interface Excel.${name} not found in @types/office-js`);
  const open = DTS.indexOf("{", at);
  const out = new Set<string>();
  const ext = /extends ([\w, .]+)/.exec(DTS.slice(at, open));
  if (ext) for (const base of ext[1].split(",").map((x) => x.trim().replace(/^Excel\./, ""))) for (const m of members(base)) out.add(m);
  // The body up to its closing brace; members sit at depth 1, doc comments between them.
  let depth = 0;
  let end = open;
  for (; end < DTS.length; end++) {
    if (DTS[end] === "{") depth++;
    else if (DTS[end] === "}" && --depth === 0) break;
  }
  const body = DTS.slice(open + 1, end).replace(/\/\*[\s\S]*?\*\//g, "");
  depth = 0;
  for (const line of body.split("\n")) {
    const m = /^\s*(\w+)\??:/.exec(line);
    if (m && depth === 0) out.add(m[1]);
    for (const ch of line) {
      if (ch === "{") depth++;
      if (ch === "}") depth--;
    }
  }
  memo.set(name, out);
  return out;
}

/** The string values of `enum name` in Excel's namespace. */
function enumValues(name: string): Set<string> {
  const at = DTS.indexOf(`\n    enum ${name} {`, EXCEL_NS);
  const body = DTS.slice(at, DTS.indexOf("\n    }", at));
  return new Set([...body.matchAll(/= "([^"]+)"/g)].map((m) => m[1]));
}

function keysWithin(o: object, allowed: Set<string>, where: string): void {
  expect({ where, unknown: Object.keys(o).filter((k) => !allowed.has(k)) }).toEqual({ where, unknown: [] });
}

const VALUE_TYPES: Record<string, { iface: string; basic: string }> = {
  String: { iface: "StringCellValue", basic: "string" },
  Double: { iface: "DoubleCellValue", basic: "number" },
  Boolean: { iface: "BooleanCellValue", basic: "boolean" },
};

/** Microsoft's schema for a double with properties, member by member. */
function checkAgainstSchema(card: ReceiptCard): void {
  keysWithin(card, members("DoubleCellValue"), "DoubleCellValue");
  expect([card.type, card.basicType, typeof card.basicValue]).toEqual(["Double", "Double", "number"]);
  const propertyMembers = new Set([...members("EntityPropertyExtraProperties")]);
  for (const [name, p] of Object.entries(card.properties)) {
    const t = VALUE_TYPES[p.type];
    expect({ name, type: p.type, known: t !== undefined }).toEqual({ name, type: p.type, known: true });
    keysWithin(p, new Set([...members(t.iface), ...propertyMembers]), `property ${name}`);
    // basicType is optional (left out to keep 10,000 cards small); when present it must match the type.
    const basicType = (p as { basicType?: string }).basicType;
    expect({ name, basicType: basicType ?? p.type, basic: typeof p.basicValue }).toEqual({ name, basicType: p.type, basic: t.basic });
    if (p.propertyMetadata) {
      keysWithin(p.propertyMetadata, members("CellValuePropertyMetadata"), `${name}.propertyMetadata`);
      for (const a of p.propertyMetadata.attribution ?? []) keysWithin(a, members("CellValueAttributionAttributes"), `${name}.attribution`);
    }
  }
  keysWithin(card.layouts, members("BasicViewLayouts"), "layouts");
  keysWithin(card.layouts.compact, members("BasicCompactLayout"), "layouts.compact");
  expect(enumValues("EntityCompactLayoutIcons").has(card.layouts.compact.icon)).toBe(true);
  keysWithin(card.layouts.card, members("BasicCardLayout"), "layouts.card");
  expect(card.layouts.card.layout).toBe("Entity");
  if (card.layouts.card.subTitle) {
    keysWithin(card.layouts.card.subTitle, members("CardLayoutPropertyReference"), "subTitle");
    expect(card.properties[card.layouts.card.subTitle.property]).toBeDefined();
  }
  for (const s of card.layouts.card.sections) {
    keysWithin(s, members("CardLayoutListSection"), `section ${s.title}`);
    expect(s.layout).toBe("List");
    // Every property a section shows exists: a card naming a missing property is refused by Excel.
    expect(s.properties.filter((p) => !(p in card.properties))).toEqual([]);
  }
}

beforeEach(() => setDateSystemSource(1900));
afterEach(() => setReceiptInCellOn(false));

describe("the card of a PB money result", () => {
  const card = receiptCard(withReceipt("LKS", [45108, 0.4, 38]))!;

  test("follows Microsoft's DoubleCellValue schema, properties and card layout included", () => {
    // The check itself: it knows Microsoft's members, and refuses a misspelt one.
    expect(members("DoubleCellValue")).toEqual(new Set(["type", "basicValue", "basicType", "numberFormat", "properties", "layouts", "provider", "referencedValues"]));
    expect(() => keysWithin({ propertys: 1 }, members("DoubleCellValue"), "probe")).toThrow();
    checkAgainstSchema(card);
  });

  test("the number stays the number (what SUM and Range.values see), the card holds inputs, parameters and sources", () => {
    expect(card.basicValue).toBe(1596.56);
    expect(card.layouts.card.title).toBe("PB.LKS = 1.596,56");
    expect(card.layouts.card.sections.map((s) => [s.title, s.properties])).toEqual([
      ["Invoer", ["peildatum", "loonwaarde", "uren_per_week"]],
      ["Parameters en bronnen", ["lks.normuren", "lks.deeltijdregel", "lks.cap", "vakantiebijslag", "lks.werkgeverslasten", "wml.maand", "wml.volwassenleeftijd"]],
      ["Herkomst", ["Regelversie", "Parameterset", "PB Rekenkit"]],
    ]);
    // A date input as the user writes it (the receipt holds it as an ISO date); the parameter carries validity and source.
    expect(card.properties.peildatum).toEqual({ type: "String", basicValue: "1-7-2023" });
    expect(card.properties["wml.maand"]).toEqual({
      type: "Double",
      basicValue: 1995,
      propertyMetadata: {
        sublabel: "EUR/maand, geldig van 1-7-2023 tot en met 31-12-2023",
        attribution: [
          {
            sourceText: "Wet minimumloon en minimumvakantiebijslag art. 8 lid 1 a, art. 14; Stcrt. 2023, 12023 (via buro360; fliandersz; vgn); bron: wettekst of twee bronnen eens",
            sourceAddress: "https://wetten.overheid.nl/BWBR0002638",
          },
        ],
      },
    });
    expect(card.properties.Grondslag.basicValue).toMatch(/^Participatiewet art\. 10d lid 4/);
    // No research note in the card.
    expect(JSON.stringify(card)).not.toMatch(/Standaardwaarde, geen wettelijke regel|sources\.md/);
  });

  test("a structured parameter (the youth scale) is text; a rule that is not money gets no card", () => {
    const young = receiptCard(withReceipt("LKS", [45108, 0.4, 38, 20]))!;
    checkAgainstSchema(young);
    expect(young.properties["wml.jeugdstaffel"]).toMatchObject({ type: "String", basicValue: "15: 0,3; 16: 0,345; 17: 0,395; 18: 0,5; 19: 0,6; 20: 0,8" });
    expect(receiptCard(withReceipt("VERDEELSLEUTEL", [100, [[1], [1], [1]]]))).toBeUndefined();
  });
});

describe("what Excel gets from a PB function", () => {
  test("setting off: a plain number; on: the card for money, a plain value for anything else", () => {
    expect(receiptInCellOn()).toBe(false);
    expect(excelCall("LKS", [45108, 0.4, 38])).toBe(1596.56);
    setReceiptInCellOn(true);
    const r = excelCall("LKS", [45108, 0.4, 38]) as ReceiptCard;
    expect([r.type, r.basicValue]).toEqual(["Double", 1596.56]);
    checkAgainstSchema(r);
    expect(excelCall("PARAM", ["wml.volwassenleeftijd", 45108])).toBe(21);
    expect(excelCall("BUDGETJAAR", [2010])).toBe(2012);
  });

  test("with the setting on an error is still Excel's error with the Dutch message", () => {
    setReceiptInCellOn(true);
    let thrown: unknown;
    try {
      excelCall("LKS", [45108, "abc", 38]);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toMatchObject({ code: "#VALUE!", message: 'loonwaarde: "abc" is geen getal. Verwacht: een getal, bijvoorbeeld 0,6 of 38.' });
  });

  test("a PB result with its receipt passed to another PB function counts as its number; an entity is refused in Dutch", () => {
    const card = receiptCard(withReceipt("LKS", [45108, 0.4, 38]))!;
    // PB.MEENEEM(budget; besteding; 2010): onderbesteding 1.000.000 − 900.000 = 100.000, at most 25% of 1.000.000 → 100.000.
    expect(excelCall("MEENEEM", [{ ...card, basicValue: 1_000_000 }, 900_000, 2010])).toBe(100_000);
    expect(excelCall("LKS", [45108, { type: "Double", basicValue: 0.4 }, 38])).toBe(1596.56);
    expect(excelCall("LKS", [45108, [[{ type: "FormattedNumber", basicValue: 0.4, numberFormat: "0%" }]], 38])).toBe(1596.56);
    expect(() => excelCall("LKS", [45108, { type: "Entity", text: "Aandeel" }, 38])).toThrow(/is een gegevenstype/);
    expect(fromExcelValue({ type: "Error", basicValue: "#N/A" })).toEqual({ error: "#N/A" });
    expect(fromExcelValue({ type: "Empty", basicValue: "" })).toBeNull();
  });
});

describe("the setting and where Excel supports it", () => {
  const g = globalThis as Record<string, unknown>;
  afterEach(() => {
    delete g.Excel;
    delete g.Office;
  });

  const office = (supported: (name: string, version: string) => boolean) =>
    ({ context: { host: "Excel", requirements: { isSetSupported: supported } }, HostType: { Excel: "Excel" } }) as unknown as typeof Office;

  test("needs CustomFunctionsRuntime 1.4 and ExcelApi 1.19; says in Dutch which Excel has them", () => {
    expect(receiptInCellSupport(office(() => true))).toEqual({ supported: true });
    const old = receiptInCellSupport(office((n, v) => !(n === "ExcelApi" && v === "1.19")));
    expect(old.supported).toBe(false);
    expect(old.why).toMatch(/^Deze versie van Excel kan geen getal met een bonnetje in de cel tonen \(nodig: ExcelApi 1\.19\)\./);
    expect(old.why).toMatch(/Microsoft 365 voor Windows vanaf versie 2504 en Excel voor Mac vanaf 16\.96/);
    expect(receiptInCellSupport(undefined).supported).toBe(false);
  });

  test("switching on stores the workbook setting, turns the cards on and recalculates once; off undoes it", async () => {
    const fake = useExcel(fakeExcel([]));
    const host = createOfficeHost();
    expect(await host.getReceiptInCell()).toEqual({ supported: true, on: false });
    expect(await host.setReceiptInCell(true)).toEqual({ supported: true, on: true });
    expect(fake.settings[RECEIPT_IN_CELL_SETTING]).toBe(true);
    expect(fake.calculations).toEqual(["Full"]);
    expect(receiptInCellOn()).toBe(true);
    expect(await host.getReceiptInCell()).toEqual({ supported: true, on: true });
    await host.setReceiptInCell(false);
    expect([fake.settings[RECEIPT_IN_CELL_SETTING], receiptInCellOn(), fake.calculations]).toEqual([false, false, ["Full", "Full"]]);
  });

  test("the fallback: an Excel without the sets refuses to switch on and keeps plain numbers", async () => {
    const fake = useExcel(fakeExcel([]));
    (g.Office as { context: { requirements: unknown } }).context.requirements = { isSetSupported: (n: string) => n !== "CustomFunctionsRuntime" };
    const host = createOfficeHost();
    const state = await host.getReceiptInCell();
    expect([state.supported, state.on]).toEqual([false, false]);
    const r = await host.setReceiptInCell(true);
    expect(r).toEqual({ refused: expect.stringMatching(/^Deze versie van Excel kan geen getal met een bonnetje/) });
    expect([fake.settings[RECEIPT_IN_CELL_SETTING], fake.calculations, receiptInCellOn()]).toEqual([undefined, [], false]);
    expect(excelCall("LKS", [45108, 0.4, 38])).toBe(1596.56);
  });
});
