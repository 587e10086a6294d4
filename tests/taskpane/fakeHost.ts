/** HostActions for component tests: records calls, answers from scripts. */
import type { HostActions, HostStatus, ScanResult } from "../../src/excel/hostActions";
import { EXCEL_FUNCTION_IDS as FUNCTION_IDS } from "../../src/functions/registry";

export function status(overrides: Partial<HostStatus> = {}): HostStatus {
  return {
    inExcel: true,
    host: "Excel",
    platform: "op het web",
    apiSets: [
      { name: "ExcelApi", version: "1.12", supported: true },
      { name: "SharedRuntime", version: "1.1", supported: true },
    ],
    associated: [...FUNCTION_IDS],
    addinVersion: "0.1.0",
    parameterSetVersion: "2026.11.0",
    parameterSetHash: "0123456789abcdef",
    ...overrides,
  };
}

export function fakeHost(overrides: Partial<HostActions> = {}): HostActions & { calls: string[] } {
  const calls: string[] = [];
  const host: HostActions & { calls: string[] } = {
    calls,
    getStatus: async () => {
      calls.push("getStatus");
      return status();
    },
    insertFormula: async (f) => {
      calls.push(`insertFormula ${f}`);
      return { address: "Blad1!B2" };
    },
    scanWorkbook: async () => {
      calls.push("scanWorkbook");
      return emptyScan();
    },
    writeAuditSheet: async () => {
      calls.push("writeAuditSheet");
      return { sheet: "PB-controle", rows: 1 };
    },
    insertTemplate: async (id) => {
      calls.push(`insertTemplate ${id}`);
      return { sheets: ["SiSa 2014"] };
    },
    runChecks: async () => {
      calls.push("runChecks");
      return [];
    },
    selectCell: async (sheet, address) => {
      calls.push(`selectCell ${sheet}!${address}`);
      return { address: `${sheet}!${address}` };
    },
    templatesInWorkbook: async () => {
      calls.push("templatesInWorkbook");
      return [];
    },
    explainActiveCell: async () => {
      calls.push("explainActiveCell");
      return { refused: "Dit werkt alleen in Excel." };
    },
    watchSelection: async () => {
      calls.push("watchSelection");
      return async () => {
        calls.push("unwatchSelection");
      };
    },
    recordExplanation: async (e) => {
      calls.push(`recordExplanation ${e.sheet}!${e.address}`);
      return { sheet: "PB-controle", firstRow: 9, rows: 9, created: false };
    },
    getReceiptInCell: async () => {
      calls.push("getReceiptInCell");
      return { supported: true, on: false };
    },
    setReceiptInCell: async (on) => {
      calls.push(`setReceiptInCell ${on}`);
      return { supported: true, on };
    },
    ...overrides,
  };
  return host;
}

export function emptyScan(): ScanResult {
  return { sheetsScanned: 1, cellsRead: 0, formulas: [], symptoms: { name: 0, busy: 0, xldudf: 0 }, millis: 3 };
}
