/**
 * An Excel workbook for office-addin-mock: every range handed out is an OfficeMockObject, so reading a property that
 * was not loaded and synced yields office-addin-mock's error text instead of data — the test then fails, just as the
 * code would in Excel. Collections (worksheets.items) are plain arrays; office-addin-mock has no collection model.
 * Counts context.sync() calls so tests can hold the code to batching.
 */
import { OfficeMockObject } from "office-addin-mock";
import { a1 } from "../../src/excel/formulaArgs";
import { parseAddress } from "../../src/xlsx/a1";

export interface FakeSheetData {
  name: string;
  /** Cells from A1; formulas "" where the cell holds a constant. */
  formulas: string[][];
  values: unknown[][];
  valueTypes?: string[][];
  /** As Range.formulasLocal shows them (a Dutch Excel: ";" and DATUM); defaults to the formulas. */
  formulasLocal?: string[][];
  /** Spilled cells: cell address → the address of the formula cell it spills from. */
  spillParents?: Record<string, string>;
}

export interface Write {
  sheet: string;
  row: number;
  col: number;
  values: unknown[][];
}

export interface FakeExcel {
  excel: unknown;
  syncs: () => number;
  writes: Write[];
  added: string[];
  selected?: { formulas: unknown };
  activated: string[];
  frozenRows: Record<string, number>;
  /** Cells selected through Range.select(), as "Blad!A1". */
  selectedCells: string[];
  /** Workbook settings (Workbook.settings), as stored. */
  settings: Record<string, unknown>;
  /** Calculations asked of Excel (Application.calculate). */
  calculations: string[];
  /** Selection handlers currently registered (onSelectionChanged, onActivated). */
  handlers: (() => unknown)[];
  /** Make the active cell another one and fire the selection handlers, as Excel does when the user clicks. */
  select(sheet: string, address: string): Promise<void>;
}

function slice<T>(grid: T[][] | undefined, r: number, c: number, rows: number, cols: number, fill: T): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows; i++) {
    const row: T[] = [];
    for (let j = 0; j < cols; j++) row.push(grid?.[r + i]?.[c + j] ?? fill);
    out.push(row);
  }
  return out;
}

export function fakeExcel(
  sheets: FakeSheetData[],
  opts: {
    selection?: { address: string; cellCount: number; formula: string };
    date1904?: boolean;
    /** The active cell (Workbook.getActiveCell). */
    active?: { sheet: string; address: string };
    settings?: Record<string, unknown>;
  } = {},
): FakeExcel {
  const pending: OfficeMockObject[] = [];
  let syncCount = 0;
  let active = opts.active;
  const state: FakeExcel = {
    excel: undefined,
    syncs: () => syncCount,
    writes: [],
    added: [],
    activated: [],
    frozenRows: {},
    selectedCells: [],
    settings: { ...(opts.settings ?? {}) },
    calculations: [],
    handlers: [],
    async select(sheet, address) {
      active = { sheet, address };
      for (const h of [...state.handlers]) await h();
    },
  };

  function mock(data: Record<string, unknown>): OfficeMockObject {
    const m = new OfficeMockObject(data);
    pending.push(m);
    return m;
  }

  function writableRange(sheet: string, row: number, col: number): Record<string, unknown> {
    const target: Record<string, unknown> = { format: { font: {} } };
    Object.defineProperty(target, "values", {
      set(v: unknown[][]) {
        state.writes.push({ sheet, row, col, values: v });
      },
    });
    return target;
  }

  const typeOf = (v: unknown) => (v === "" || v === undefined ? "Empty" : typeof v === "number" ? "Double" : typeof v === "boolean" ? "Boolean" : "String");
  const quoted = (name: string) => (/^[A-Za-z0-9_]+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`);

  /** One cell as Office.js gives it: the sheet-qualified address, its formula (both forms), value and value type. */
  function cellRange(data: FakeSheetData, address: string): OfficeMockObject {
    const [r, c] = parseAddress(address.replace(/\$/g, "")) ?? [0, 0];
    const props = (cell: string) => {
      const [rr, cc] = parseAddress(cell) ?? [0, 0];
      const formula = data.formulas[rr]?.[cc] ?? "";
      const value = data.values[rr]?.[cc] ?? "";
      return {
        address: `${quoted(data.name)}!${cell}`,
        formulas: [[formula === "" ? value : formula]],
        formulasLocal: [[(data.formulasLocal?.[rr]?.[cc] ?? formula) || value]],
        values: [[value]],
        valueTypes: [[data.valueTypes?.[rr]?.[cc] ?? typeOf(value)]],
      };
    };
    const cell = a1(r, c);
    const parentAddress = data.spillParents?.[cell] ?? (data.formulas[r]?.[c] ? cell : undefined);
    const range = mock({
      ...props(cell),
      select: () => state.selectedCells.push(`${data.name}!${address}`),
      getSpillParentOrNullObject: () =>
        parentAddress ? mock({ isNullObject: false, ...props(parentAddress) }) : mock({ isNullObject: true, address: "", formulas: [[""]], formulasLocal: [[""]], values: [[""]], valueTypes: [[""]] }),
    });
    return range;
  }

  function sheetObject(data: FakeSheetData) {
    const rows = data.formulas.length;
    const cols = Math.max(0, ...data.formulas.map((r) => r.length));
    return {
      name: data.name,
      activate: () => state.activated.push(data.name),
      getRange: (address: string) => cellRange(data, address),
      getUsedRange: () => mock({ rowIndex: 0, columnIndex: 0, rowCount: rows, columnCount: cols }),
      getUsedRangeOrNullObject: () =>
        mock(
          rows === 0
            ? { isNullObject: true, rowIndex: 0, columnIndex: 0, rowCount: 0, columnCount: 0 }
            : { isNullObject: false, rowIndex: 0, columnIndex: 0, rowCount: rows, columnCount: cols },
        ),
      getRangeByIndexes: (r: number, c: number, nr: number, nc: number) => {
        const m = mock({
          formulas: slice(data.formulas, r, c, nr, nc, ""),
          values: slice(data.values, r, c, nr, nc, ""),
          valueTypes: slice(data.valueTypes ?? data.values.map((row) => row.map(typeOf)), r, c, nr, nc, "Empty"),
        });
        // Writes into an existing sheet are recorded too, so a test can prove there were none.
        const internal = () => (m as unknown as { _properties: Map<string, { _value: unknown }> })._properties.get("values")?._value;
        Object.defineProperty(m, "values", {
          get: internal,
          // office-addin-mock itself assigns its internal value on load/sync; anything else is a write by the code.
          set: (v: unknown[][]) => {
            if (v !== internal()) state.writes.push({ sheet: data.name, row: r, col: c, values: v });
          },
          configurable: true,
        });
        return m;
      },
    };
  }

  const items: unknown[] = sheets.map(sheetObject);
  const selection = opts.selection
    ? new OfficeMockObject({ address: opts.selection.address, cellCount: opts.selection.cellCount, formulas: [[opts.selection.formula]] })
    : undefined;
  if (selection) {
    pending.push(selection);
    state.selected = selection as unknown as { formulas: unknown };
  }

  const handler = (fn: () => unknown) => {
    state.handlers.push(fn);
    return {
      context: undefined as unknown,
      remove: () => state.handlers.splice(state.handlers.indexOf(fn), 1),
    };
  };
  const sheetNamed = (name: string) => sheets.find((x) => x.name.toLowerCase() === name.toLowerCase());

  const data = {
    context: {
      application: { calculate: (type: string) => state.calculations.push(type) },
      workbook: {
        name: "Proef.xlsx",
        getActiveCell: () => {
          const sheet = active ? sheetNamed(active.sheet) : undefined;
          if (!active || !sheet) throw new Error("geen actieve cel in deze proefwerkmap");
          return cellRange(sheet, active.address);
        },
        onSelectionChanged: { add: (fn: () => unknown) => handler(fn) },
        settings: {
          getItemOrNullObject: (key: string) => mock(key in state.settings ? { isNullObject: false, value: state.settings[key] } : { isNullObject: true, value: undefined }),
          add: (key: string, value: unknown) => {
            state.settings[key] = value;
          },
          onSettingsChanged: { add: (fn: () => unknown) => handler(fn) },
        },
        worksheets: {
          items,
          onActivated: { add: (fn: () => unknown) => handler(fn) },
          getItem: (name: string) => {
            const ws = items.find((w) => (w as { name: string }).name.toLowerCase() === name.toLowerCase());
            if (!ws) throw Object.assign(new Error(`ItemNotFound: ${name}`), { code: "ItemNotFound" });
            return ws;
          },
          getItemOrNullObject: (name: string) => {
            const ws = items.find((w) => (w as { name: string }).name === name);
            return ws ? Object.assign(mock({ isNullObject: false }), ws) : mock({ isNullObject: true });
          },
          load(this: OfficeMockObject) {
            // Office.js: load("items/name"); office-addin-mock only knows "items".
            return OfficeMockObject.prototype.load.call(this, "items");
          },
          add(name: string) {
            state.added.push(name);
            const ws = {
              name,
              getRangeByIndexes: (r: number, c: number) => writableRange(name, r, c),
              getUsedRange: () => mock({ rowIndex: 0, rowCount: 0 }),
              getRange: () => writableRange(name, 0, 0),
              freezePanes: { freezeRows: (n: number) => (state.frozenRows[name] = n) },
              activate: () => state.activated.push(name),
            };
            items.push(ws);
            return ws;
          },
        },
        getSelectedRange: () => selection,
        // DATE(2000;1;1): 36526 in the 1900 date system, 35064 in the 1904 system (src/excel/dateSystem.ts).
        functions: { date: () => mock({ value: opts.date1904 ? 35064 : 36526 }) },
      },
      async sync(this: OfficeMockObject) {
        syncCount++;
        await OfficeMockObject.prototype.sync.call(this);
        for (const m of pending) await m.sync();
        // office-addin-mock updates nested properties in un-awaited callbacks; let them run.
        await new Promise((r) => setTimeout(r, 0));
      },
    },
    async run(this: { context: unknown }, a: unknown, b?: (ctx: unknown) => Promise<unknown>) {
      // Excel.run(batch) or Excel.run(context, batch), as event handlers are removed.
      return typeof a === "function" ? (a as (ctx: unknown) => Promise<unknown>)(this.context) : b!(this.context);
    },
  };
  state.excel = new OfficeMockObject(data);
  return state;
}

/** Put the fake in place as Office.js would be inside Excel (the host checks Office.context.host). */
export function useExcel(fake: FakeExcel, g: Record<string, unknown> = globalThis as Record<string, unknown>): FakeExcel {
  g.Excel = fake.excel;
  g.Office = { context: { host: "Excel", platform: "OfficeOnline", requirements: { isSetSupported: () => true } }, HostType: { Excel: "Excel" } };
  return fake;
}

export { a1 };
