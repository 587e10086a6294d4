/**
 * The 1904 date system in the engine: DATE(), date arithmetic, date cells and the PB functions all count from
 * 1904-01-01, so a peildatum of 1-7-2024 (serial 44012 in such a workbook) is 1-7-2024 everywhere, not 30-6-2020.
 * And the comparison of issue 11: a text date in C23 is greater than any number, as in Excel.
 */
import { recalcModel } from "../../src/engine/recalc";
import type { CellModel, WorkbookModel } from "../../src/xlsx/model";
import { compute } from "../templates/helpers";

function workbook(date1904: boolean, cells: CellModel[]): WorkbookModel {
  return { sheets: [{ name: "Blad1", cells }], ...(date1904 ? { date1904: true } : {}) };
}

const CELLS: CellModel[] = [
  { address: "A1", value: 44012 }, // 1-7-2024 in the 1904 system (45474 − 1462)
  { address: "A2", value: new Date(Date.UTC(2024, 6, 1)) as unknown as number }, // a date-formatted cell as the reader gives it
  { address: "B1", formula: "DATE(2024,7,1)" },
  { address: "B2", formula: "A2" },
  { address: "B3", formula: "YEAR(A1)*10000+MONTH(A1)*100+DAY(A1)" },
  { address: "B4", formula: "PB.WML(A1)" },
  { address: "B5", formula: "PB.WML(DATE(2024,7,1))" },
  { address: "B6", formula: "PB.DEADLINE(2023)" },
  { address: "B7", formula: "EDATE(DATE(2027,3,29),11)" },
  { address: "B8", formula: "A1+31" },
  { address: "B9", formula: "YEAR(0)" },
];

describe("a 1904 workbook", () => {
  it("counts every date from 1904-01-01: DATE, cells, arithmetic and PB arguments and results", () => {
    const c = compute(workbook(true, CELLS));
    try {
      expect(c.value("Blad1", "B1")).toBe(44012);
      expect(c.value("Blad1", "B2")).toBe(44012);
      expect(c.value("Blad1", "B3")).toBe(20240701);
      // WML from 1-7-2024: € 2.133,60 (the 2020 amount would be € 1.653,60)
      expect(c.value("Blad1", "B4")).toBe(2133.6);
      expect(c.value("Blad1", "B5")).toBe(2133.6);
      // SiSa 2023 is due 15-7-2024: 45488 − 1462 = 44026
      expect(c.value("Blad1", "B6")).toBe(44026);
      // 29-2-2028: 46812 in the 1900 system, − 1462
      expect(c.value("Blad1", "B7")).toBe(45350);
      expect(c.value("Blad1", "B8")).toBe(44043); // 1-8-2024
      expect(c.value("Blad1", "B9")).toBe(1904);
    } finally {
      c.destroy();
    }
  });

  it("the same serial in a 1900 workbook is 30-6-2020, as Excel would read it there", () => {
    const c = compute(workbook(false, CELLS));
    try {
      expect(c.value("Blad1", "B1")).toBe(45474);
      expect(c.value("Blad1", "B2")).toBe(45474);
      expect(c.value("Blad1", "B3")).toBe(20200630);
      expect(c.value("Blad1", "B4")).toBe(1653.6);
      expect(c.value("Blad1", "B6")).toBe(45488);
    } finally {
      c.destroy();
    }
  });

  it("pb recalc finds a PB cell of a 1904 workbook equal to what Excel saved", () => {
    // 1-7-2023 = 45108 − 1462 = 43646; 1995 × 1,08 × 0,6 × 1,235 = 1596,56 (tests/engine/helpers REGISTER)
    const report = recalcModel(
      workbook(true, [
        { address: "A2", value: 43646 },
        { address: "D2", formula: "PB.LKS(A2,0.4,38)", result: 1596.56 },
      ]),
    );
    expect(report.cells.map((c) => [c.address, c.recomputed, c.status])).toEqual([["D2", 1596.56, "ok"]]);
  });
});

describe("issue 11: IF(C23 > DATE(2024,1,31), 0, PB.LKS(…)) with a text date in C23", () => {
  it.each([false, true])("is 0 as in Excel (text is greater than any number), 1904 system: %s", (date1904) => {
    const c = compute(
      workbook(date1904, [
        { address: "C23", value: "1-1-2024" }, // typed as text; as a date it would lie before 31-1-2024
        { address: "D23", formula: "IF(C23>DATE(2024,1,31),0,PB.LKS(DATE(2023,7,1),0.4,38))" },
        { address: "E23", formula: 'IF(C23<"31-1-2023","tekst","datum")' },
      ]),
    );
    try {
      expect(c.value("Blad1", "D23")).toBe(0);
      expect(c.value("Blad1", "E23")).toBe("tekst"); // "1…" sorts before "3…"
    } finally {
      c.destroy();
    }
  });
});
