/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * The patch-package fix of HyperFormula's graph (patches/hyperformula+3.5.0.patch): Set-based de-duplication in
 * Graph.addEdge instead of a linear includes(), which made n formulas on one cell cost O(n²) to build.
 * Proves (1) the patch is applied in both builds, (2) results are identical to the upstream code on a fan-out workbook,
 * including after edits that remove and re-add edges.
 */
import { readFileSync } from "fs";
import * as path from "path";
import { HyperFormula } from "hyperformula";
import { ENGINE_CONFIG } from "../../src/engine/engine";
import { registerPbFunctions } from "../../src/engine/plugin";

// The package's export map hides internals; the same file by path is the same module HyperFormula itself loads.
const HF_DIR = path.join(__dirname, "..", "..", "node_modules", "hyperformula");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Graph } = require(path.join(HF_DIR, "commonjs", "DependencyGraph", "Graph.js"));

describe("HyperFormula graph patch", () => {
  it("is applied to the CommonJS and the ES build", () => {
    for (const f of ["commonjs/DependencyGraph/Graph.js", "es/DependencyGraph/Graph.mjs"]) {
      const src = readFileSync(path.join(HF_DIR, f), "utf8");
      expect(src).toContain("edgeSetsSparseArray");
      expect(src).not.toMatch(/if \(this\.edgesSparseArray\[fromId\]\.includes\(toId\)\)/);
    }
    expect(new Graph(() => []).edgeSetsSparseArray).toEqual([]);
  });

  /** The upstream (unpatched) edge methods, verbatim in behaviour, to compare against. */
  const upstream = {
    addEdge(this: any, fromNode: any, toNode: any) {
      const fromId = this.getNodeIdIfNotNumber(fromNode);
      const toId = this.getNodeIdIfNotNumber(toNode);
      if (fromId === undefined) throw this.missingNodeError(fromNode);
      if (toId === undefined) throw this.missingNodeError(toNode);
      if (this.edgesSparseArray[fromId].includes(toId)) return;
      this.edgesSparseArray[fromId].push(toId);
    },
    existsEdge(this: any, fromNode: any, toNode: any) {
      const fromId = fromNode.idInGraph;
      const toId = toNode.idInGraph;
      if (fromId === undefined || toId === undefined) return false;
      return this.edgesSparseArray[fromId].includes(toId);
    },
    removeEdge(this: any, fromNode: any, toNode: any) {
      const fromId = this.getNodeIdIfNotNumber(fromNode);
      const toId = this.getNodeIdIfNotNumber(toNode);
      const i = this.edgesSparseArray[fromId].indexOf(toId);
      if (i === -1) throw new Error("Edge does not exist");
      delete this.edgesSparseArray[fromId][i];
    },
    removeEdgeIfExists(this: any, fromNode: any, toNode: any) {
      const fromId = this.getNodeIdIfNotNumber(fromNode);
      const toId = this.getNodeIdIfNotNumber(toNode);
      if (fromId === undefined || toId === undefined) return;
      const i = this.edgesSparseArray[fromId].indexOf(toId);
      if (i === -1) return;
      delete this.edgesSparseArray[fromId][i];
    },
  };

  /** 500 rows: each LKS on the one peildatum cell $F$1 and the named WML cell (the fan-out that was quadratic). */
  function scenario(): unknown[] {
    registerPbFunctions();
    const rows: (string | number | null)[][] = [];
    for (let i = 0; i < 500; i++) {
      rows.push([0.3 + (i % 5) / 10, 20 + (i % 19), `=PB.LKS($F$1,A${i + 1},B${i + 1})`, `=WML*A${i + 1}+$F$1*0`, i === 0 ? 45108 : null, i === 0 ? 45108 : null]);
    }
    rows.push([null, null, "=SUM(C1:C500)", "=SUM(D1:D500)"]);
    const hf = HyperFormula.buildFromSheets({ R: rows }, ENGINE_CONFIG, [{ name: "WML", expression: "=R!$E$1" }]);
    const snapshots: unknown[] = [hf.getSheetValues(0)];
    hf.setCellContents({ sheet: 0, row: 0, col: 5 }, 45292); // peildatum → 2024-01-01
    snapshots.push(hf.getSheetValues(0));
    hf.removeRows(0, [10, 5]); // removes nodes and their edges
    hf.setCellContents({ sheet: 0, row: 20, col: 2 }, 7); // a formula replaced by a value: edges removed
    hf.addRows(0, [3, 2]);
    hf.setCellContents({ sheet: 0, row: 3, col: 2 }, "=PB.LKS($F$1,0.4,38)+PB.LKS($F$1,0.4,38)"); // duplicate dependency
    snapshots.push(hf.getSheetValues(0));
    hf.destroy();
    return snapshots;
  }

  it("gives results identical to upstream HyperFormula on a fan-out workbook, also after edits", () => {
    const patched = scenario();
    const saved = Object.fromEntries(Object.keys(upstream).map((k) => [k, Graph.prototype[k]]));
    Object.assign(Graph.prototype, upstream);
    let original: unknown[];
    try {
      original = scenario();
    } finally {
      Object.assign(Graph.prototype, saved);
    }
    expect(patched).toEqual(original);
    // Not trivially equal: the peildatum edit changed the LKS figures (2023-07 vs 2024-01 WML).
    const [before, after] = patched as unknown[][][];
    expect(before[0][2]).not.toEqual(after[0][2]);
    expect(typeof before[0][2]).toBe("number");
  });
});
