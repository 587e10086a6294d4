/**
 * An Excel workbook for office-addin-mock: every range handed out is an OfficeMockObject, so reading a property that
 * was not loaded and synced yields office-addin-mock's error text instead of data — the test then fails, just as the
 * code would in Excel. Collections (worksheets.items) are plain arrays; office-addin-mock has no collection model.
 * Counts context.sync() calls so tests can hold the code to batching.
 */
import { OfficeMockObject } from "office-addin-mock";
import { a1 } from "../../src/excel/formulaArgs";

export interface FakeSheetData {
  name: string;
  /** Cells from A1; formulas "" where the cell holds a constant. */
  formulas: string[][];
  values: unknown[][];
  valueTypes?: string[][];
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
  opts: { selection?: { address: string; cellCount: number; formula: string }; date1904?: boolean } = {},
): FakeExcel {
  const pending: OfficeMockObject[] = [];
  let syncCount = 0;
  const state: FakeExcel = { excel: undefined, syncs: () => syncCount, writes: [], added: [], activated: [], frozenRows: {}, selectedCells: [] };

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

  function sheetObject(data: FakeSheetData) {
    const rows = data.formulas.length;
    const cols = Math.max(0, ...data.formulas.map((r) => r.length));
    return {
      name: data.name,
      activate: () => state.activated.push(data.name),
      getRange: (address: string) =>
        address === "A2"
          ? mock({ values: [[data.values[1]?.[0] ?? ""]] })
          : { select: () => state.selectedCells.push(`${data.name}!${address}`) },
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
          valueTypes: slice(data.valueTypes ?? data.values.map((row) => row.map((v) => (v === "" ? "Empty" : typeof v === "number" ? "Double" : typeof v === "boolean" ? "Boolean" : "String"))), r, c, nr, nc, "Empty"),
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

  const data = {
    context: {
      workbook: {
        name: "Proef.xlsx",
        worksheets: {
          items,
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
    async run(this: { context: unknown }, cb: (ctx: unknown) => Promise<unknown>) {
      return cb(this.context);
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
