/**
 * One formula the engine cannot handle must mark its own cell, never abort the whole audit. HyperFormula parses and
 * evaluates recursively: a long chain like A1+A2+…+A1300 (well within Excel's 8 192 characters) exhausts the call
 * stack inside buildFromSheets, which then throws for the whole workbook. These wrappers catch such failures per
 * formula (parse, array-size prediction, evaluation) and turn them into a #ERROR! in that cell, recording where.
 * Installed once per process; the cost is one try/catch per formula.
 */
import { CellError, ErrorType } from "hyperformula";

import * as path from "path";

/* eslint-disable @typescript-eslint/no-require-imports, @typescript-eslint/no-explicit-any */
// Internal modules, not in the package's "exports": loaded by path next to the entry HyperFormula itself loads, so
// they are the very instances the engine uses (the version is pinned by the lockfile; tests/engine/guard.test.ts).
const HF_DIR = path.dirname(require.resolve("hyperformula"));
const { Evaluator } = require(path.join(HF_DIR, "Evaluator.js")) as { Evaluator: any };
const { ParserWithCaching, buildParsingErrorAst, ParsingErrorType } = require(path.join(HF_DIR, "parser", "index.js")) as {
  ParserWithCaching: any;
  buildParsingErrorAst: () => unknown;
  ParsingErrorType: Record<string, string>;
};
const { ArraySizePredictor, ArraySize } = require(path.join(HF_DIR, "ArraySize.js")) as { ArraySizePredictor: any; ArraySize: any };

export interface GuardHit {
  sheet: number;
  row: number;
  col: number;
  message: string;
}

/** Marks the messages this module writes, so the audit can tell them from the engine's own. */
export const GUARD_PREFIX = "De rekenkern kan deze formule niet uitrekenen";

function why(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  if (/call stack/i.test(m)) return `${GUARD_PREFIX}: te lang of te diep genest voor de rekenkern (al is het binnen de grenzen van Excel).`;
  if (/array length|string length|allocation/i.test(m)) return `${GUARD_PREFIX}: de uitkomst is te groot.`;
  return `${GUARD_PREFIX} (interne fout van de rekenkern).`;
}

let hits: GuardHit[] = [];
let installed = false;

export function installGuards(): void {
  if (installed) return;
  installed = true;

  const evaluate = Evaluator.prototype.evaluateAstToCellValue;
  Evaluator.prototype.evaluateAstToCellValue = function (ast: unknown, state: { formulaAddress: { sheet: number; row: number; col: number } }) {
    try {
      return evaluate.call(this, ast, state);
    } catch (e) {
      const message = why(e);
      const a = state.formulaAddress;
      hits.push({ sheet: a.sheet, row: a.row, col: a.col, message });
      return new CellError(ErrorType.ERROR, message);
    }
  };

  const parse = ParserWithCaching.prototype.parse;
  ParserWithCaching.prototype.parse = function (text: string, address: { sheet: number; row: number; col: number }) {
    try {
      return parse.call(this, text, address);
    } catch (e) {
      const message = why(e);
      hits.push({ sheet: address.sheet, row: address.row, col: address.col, message });
      return {
        ast: buildParsingErrorAst(),
        errors: [{ type: ParsingErrorType.ParserError, message }],
        hasVolatileFunction: false,
        hasStructuralChangeFunction: false,
        dependencies: [],
      };
    }
  };

  const predict = ArraySizePredictor.prototype.checkArraySize;
  ArraySizePredictor.prototype.checkArraySize = function (ast: unknown, address: unknown) {
    try {
      return predict.call(this, ast, address);
    } catch {
      // evaluation meets the same problem and marks the cell
      return ArraySize.scalar();
    }
  };
}

/** Start recording for one engine build; returns the hits of the previous one. */
export function takeGuardHits(): GuardHit[] {
  const h = hits;
  hits = [];
  return h;
}
