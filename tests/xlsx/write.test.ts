/**
 * The .xlsx writer's own pieces: validation rules as rectangles that never share a cell, and the dynamic-array mark
 * for a PB call that is not the first thing in its formula.
 */
import { markDynamicArrays, validationBlocks } from "../../src/xlsx/write";
import type { CellModel, DataValidationModel } from "../../src/xlsx/model";

const WHOLE: DataValidationModel = { type: "whole", min: 0, max: 9 };
const LIST: DataValidationModel = { type: "list", values: ["Ja", "Nee"] };

describe("validationBlocks", () => {
  test("an L of one rule and a block of another: every cell in exactly one rectangle", () => {
    // A1:A3 and B3 whole numbers (an L), B1:B2 Ja/Nee. Rectangles: A1:A3, B3, B1:B2 — 4 + 2 cells, nothing twice.
    const cells: CellModel[] = [
      ...["A1", "A2", "A3", "B3"].map((address) => ({ address, validation: WHOLE })),
      ...["B1", "B2"].map((address) => ({ address, validation: LIST })),
    ];
    expect(validationBlocks(cells).map((b) => `${b.range} ${b.validation.type}`).sort()).toEqual(["A1:A3 whole", "B1:B2 list", "B3 whole"]);
  });

  test("a full block becomes one rectangle: C7:D106 for 200 date cells", () => {
    const date: DataValidationModel = { type: "date", min: 39814, max: 73050 };
    const cells: CellModel[] = [];
    for (let r = 7; r <= 106; r++) cells.push({ address: `C${r}`, validation: date }, { address: `D${r}`, validation: { ...date } });
    expect(validationBlocks(cells).map((b) => b.range)).toEqual(["C7:D106"]);
  });
});

describe("markDynamicArrays", () => {
  test("IF(…,0,_xldudf_…) and B5*_xldudf_… get cm=1; a formula without PB does not", () => {
    const xml =
      '<c r="I7" s="1"><f t="array" ref="I7">IF(A7=&quot;&quot;,0,_xldudf_PB_LKSPERIODE(C7,D7,E7,F7))</f><v>0</v></c>' +
      '<c r="B24"><f t="array" ref="B24">B5*_xldudf_PB_PARAM(&quot;meeneem.reservering&quot;,DATE(B4,1,1))</f></c>' +
      '<c r="C1"><f t="array" ref="C1">SUM(A1:A3)</f></c>';
    const { xml: out, count } = markDynamicArrays(xml);
    expect(count).toBe(2);
    expect(out).toContain('<c r="I7" s="1" cm="1"><f t="array" ref="I7">IF(');
    expect(out).toContain('<c r="B24" cm="1"><f t="array" ref="B24">B5*');
    expect(out).toContain('<c r="C1"><f t="array" ref="C1">SUM');
  });
});
