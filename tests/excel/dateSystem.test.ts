/**
 * The workbook's date system in the add-in: src/excel/dateSystem.ts asks Excel for DATE(2000;1;1) through Office.js
 * (office-addin-mock here) — 36526 in the 1900 system, 36526 − 1462 = 35064 in the 1904 system — and every PB function
 * call from excelCall then reads serials in that system.
 * Figures: 1-7-2024 is serial 45474 (1900) = 44012 (1904); WML on 1-7-2024 = € 2.133,60; the same serial read as a 1900
 * serial is 30-6-2020, WML € 1.653,60.
 */
import { OfficeMockObject } from "office-addin-mock";
import { readDateSystem } from "../../src/excel/dateSystem";
import { currentDateSystem, excelCall, setDateSystemSource } from "../../src/functions/excelErrors";

function workbook(date2000: number) {
  const probe = new OfficeMockObject({ value: date2000 });
  let syncs = 0;
  const context = new OfficeMockObject({
    workbook: { functions: { date: () => probe } },
    sync: async () => {
      syncs++;
      await probe.sync();
    },
  });
  return { context: context as unknown as Excel.RequestContext, syncs: () => syncs };
}

afterEach(() => setDateSystemSource(1900));

describe("the workbook's date system through Office.js", () => {
  test("DATE(2000;1;1) = 35064 means 1904, 36526 means 1900; one sync", async () => {
    const w1904 = workbook(35064);
    expect(await readDateSystem(w1904.context)).toBe(1904);
    expect(w1904.syncs()).toBe(1);
    expect(await readDateSystem(workbook(36526).context)).toBe(1900);
  });

  test("every call from excelCall uses it: 44012 in a 1904 workbook is 1-7-2024 (€ 2.133,60), not 30-6-2020 (€ 1.653,60)", async () => {
    setDateSystemSource(readDateSystem(workbook(35064).context));
    // While Excel has not answered, calls wait rather than guess.
    expect(currentDateSystem()).toBeUndefined();
    await expect(excelCall("WML", [44012])).resolves.toBe(2133.6);
    expect(currentDateSystem()).toBe(1904);
    expect(excelCall("WML", [44012])).toBe(2133.6);
    // Date results are written in the same system: SiSa 2023 → 15-7-2024 = 45488 − 1462 = 44026.
    expect(excelCall("DEADLINE", [2023, "sisa"])).toBe(44026);
    setDateSystemSource(readDateSystem(workbook(36526).context));
    await expect(excelCall("WML", [44012])).resolves.toBe(1653.6);
  });

  test("a failed read falls back to 1900 (Excel's default) instead of leaving cells waiting", async () => {
    setDateSystemSource(Promise.reject(new Error("RichApi.Error")));
    await expect(excelCall("WML", [45474])).resolves.toBe(2133.6);
  });

  test("an error while waiting is still a CustomFunctions.Error with the Dutch message", async () => {
    setDateSystemSource(readDateSystem(workbook(35064).context));
    await expect(excelCall("LKS", [44012, 40, 38])).rejects.toMatchObject({ code: "#VALUE!", message: expect.stringMatching(/^loonwaarde: 40 valt buiten/) });
  });
});
