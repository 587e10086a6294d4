/** The Office host's CustomFunctions global, as far as functions.ts uses it, for running the Excel face in Node. */
/** CustomFunctions.ErrorCode as Office.js defines it; the built-bundle test hands the same table to its runtime. */
export const EXCEL_ERROR_CODES = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

class CustomFunctionsError extends Error {
  constructor(
    public code: string,
    message?: string,
  ) {
    super(message);
  }
}
(globalThis as Record<string, unknown>).CustomFunctions = {
  Error: CustomFunctionsError,
  ErrorCode: EXCEL_ERROR_CODES,
  associate: () => undefined,
};

// jsdom has no ResizeObserver; Fluent's overflow (the pane's navigation) needs one. It never fires here, so every tab
// stays visible in component tests; the real folding is tested in Chromium (tests/browser).
if (typeof window !== "undefined" && typeof (window as unknown as { ResizeObserver?: unknown }).ResizeObserver === "undefined") {
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
}
