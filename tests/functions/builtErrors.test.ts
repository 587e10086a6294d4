/**
 * The BUILT functions.js in a fake CustomFunctions runtime: every error a PB function can give carries a code whose
 * message Excel shows (#VALUE! or #N/A; Excel drops the message of #NUM! and the other codes) and a non-empty, short,
 * Dutch message. For every function, inputs that reach each catalogue entry it can give are fed to the bundle; the same
 * inputs through the source registry, with the catalogue watched, prove that together they reach every entry.
 */
import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";
import * as errors from "../../src/rules/errors";
import { ECHO_MAX, ERROR_KINDS, pbError, type ErrorKind } from "../../src/rules/errors";
import { invoke } from "../../src/functions/invoke";
import { EXCEL_FUNCTION_IDS, FUNCTION_IDS } from "../../src/functions/registry";
import type { RawArg } from "../../src/functions/contract";
import { dist, ensureBuild } from "../helpers/build";
import { EXCEL_ERROR_CODES } from "../setup/officeGlobals";

jest.setTimeout(180_000);

class FakeError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message);
  }
}

type Fn = (...args: unknown[]) => unknown;

function loadBundle(): Map<string, Fn> {
  const fns = new Map<string, Fn>();
  const sandbox: Record<string, unknown> = {
    CustomFunctions: {
      Error: FakeError,
      ErrorCode: EXCEL_ERROR_CODES,
      associate: (id: string | Record<string, Fn>, fn?: Fn) => {
        if (typeof id === "string") fns.set(id.toUpperCase(), fn!);
        else for (const [k, f] of Object.entries(id)) fns.set(k.toUpperCase(), f);
      },
    },
    console,
    setTimeout,
  };
  sandbox.window = sandbox;
  sandbox.self = sandbox;
  vm.runInNewContext(fs.readFileSync(path.join(dist, "functions.js"), "utf8"), sandbox, { filename: "functions.js" });
  return fns;
}

const D = 45108; // DATE(2023;7;1)
const D2024 = 45292; // DATE(2024;1;1)
const D2012 = 41091; // DATE(2012;7;1)
const LONG = "x".repeat(200);

/** Valid arguments per function; a case replaces one position. */
const VALID: Record<string, RawArg[]> = {
  WML: [D, 30, "maand"],
  LKS: [D, 0.4, 38, 30, 38],
  LKSPERIODE: [D, D + 30, 0.4, 38, 30, 38],
  LKSFORFAITAIR: [D, 36, 30, 38],
  PARAM: ["lks.werkgeverslasten", D, undefined],
  BRON: ["lks.werkgeverslasten", D],
  VERSIE: [],
  OUTPUTALLOCATION: [[[10, 20]], [[100, 400]], 1_000_000, [[0.5, 0.5]]],
  VERDEELINBURGERING: [[[100, 40, 80, 80, 80, 80, 20]], [[10000, 4000, 8000, 8000, 8000, 8000, 2000]], 5_000_000, true, 2012],
  VERDEELEDUCATIE: [[[1000, 500, 40, 10]], [[100000, 80000, 2000, 1000]], 2_000_000, true, 2013],
  VERDEELSZW: [50, 1000, 30, 1000, 1_000_000, 2010],
  SZWMAATSTAF: [1000, 500, 20000, 300, 2011],
  MEENEEM: [1_000_000, 700_000, 2010, false],
  VOORFINANCIERING: [1_000_000, 1_100_000, 2011, false],
  TERUGVORDERING: [1_000_000, 600_000, 2010, false, 0],
  VERDEELSLEUTEL: [100, [[1], [1], [1]]],
  DOELGROEP: [33298, D2012, false, "algemeen"],
  DEADLINE: [2012, "sisa"],
  BUDGETJAAR: [2010],
  OUTPUTJAAR: [2012],
  LADDER: [5],
};

/** Inputs a user may give, per function: [position, value] replacements, or a whole argument list. */
type Case = { at: number; value: RawArg } | { args: RawArg[]; engineOnly?: boolean };
const at = (i: number, value: RawArg): Case => ({ at: i, value });

const RULE_CASES: Record<string, Case[]> = {
  WML: [at(0, 40000), at(1, 14), at(2, "week"), at(2, "uur")],
  LKS: [at(1, 40), at(1, 0.605), at(2, 169), { args: [D2024, 0.4, 38] }, at(0, "2014-12-31"), at(0, "2027-01-01"), at(4, -1), at(3, 14)],
  LKSPERIODE: [{ args: [D + 30, D, 0.4, 38] }],
  LKSFORFAITAIR: [at(0, "2017-01-31")],
  PARAM: [at(0, "wml.maandd"), at(0, LONG), { args: ["wml.jeugdstaffel", D] }, { args: ["wml.jeugdstaffel", D, "99"] }],
  BRON: [at(0, "geen.parameter")],
  OUTPUTALLOCATION: [
    at(1, [[100]]),
    at(3, [[0.6, 0.6]]),
    { args: [[[0, 20]], [[0, 400]], 1_000_000, [[0.5, 0.5]]] },
    at(0, [[-1, 20]]),
    at(0, [[200, 20]]),
    at(0, [[{ error: "#DIV/0!" }, 20]]),
    at(3, [[0.5]]),
    at(0, [[true, 20]]),
  ],
  VERDEELINBURGERING: [at(0, [[1, 2, 3]]), at(4, 2013), at(1, [[0, 0, 8000, 8000, 8000, 8000, 2000]])],
  VERDEELEDUCATIE: [{ args: [[[1000, 500, 40, 10]], [[100000, 80000, 2000, 1000]], 2_000_000, true] }],
  VERDEELSZW: [at(0, 2000), at(1, 0), at(5, 2015)],
  SZWMAATSTAF: [at(4, 2015)],
  MEENEEM: [at(2, 2015)],
  TERUGVORDERING: [at(4, 700_000)],
  VERDEELSLEUTEL: [at(1, [[0], [0]]), at(1, [[-1], [2]]), at(1, [[]]), at(1, [[1e-300], [1e300]])],
  DOELGROEP: [{ args: [D2012, 33298] }, at(1, "2015-01-01")],
  DEADLINE: [at(0, 2008)],
  BUDGETJAAR: [at(0, 1950)],
  LADDER: [at(0, 7)],
};

function genericCases(id: string): Case[] {
  const { REGISTRY } = jest.requireActual("../../src/functions/registry") as typeof import("../../src/functions/registry");
  const spec = REGISTRY.get(id)!;
  // Excel passes no more arguments than functions.json declares; the headless engine can (a hand-typed formula).
  const cases: Case[] = [{ args: [...VALID[id].concat(Array(spec.args.length - VALID[id].length).fill(undefined)), "te veel"], engineOnly: true }];
  spec.args.forEach((a, i) => {
    if (!a.optional) cases.push(at(i, null));
    if (a.type === "number" || a.type === "integer") {
      cases.push(at(i, "abc"), at(i, "1.000"), at(i, LONG), at(i, [[1, 2]]));
      if (a.min !== undefined) cases.push(at(i, a.min - 1));
      if (a.max !== undefined) cases.push(at(i, a.max + 1));
      if (a.type === "integer") cases.push(at(i, 1.5));
    }
    if (a.type === "date") cases.push(at(i, "geen datum"), at(i, 2024), at(i, LONG));
    if (a.type === "boolean") cases.push(at(i, "misschien"));
    if (a.type === "text" && a.choices) cases.push(at(i, "onzin"), at(i, LONG));
  });
  return cases;
}

function argsOf(id: string, c: Case): RawArg[] {
  if ("args" in c) return c.args;
  const a = [...VALID[id]];
  a[c.at] = c.value;
  return a;
}

/** English or developer words that must never reach a cell's tooltip. */
const NOT_DUTCH = /\b(the|not|error|invalid|expected|undefined|null|NaN|Infinity|TypeError|object|function)\b|\[object/;

function checkMessage(message: string, where: string): void {
  expect({ where, ok: message.trim().length > 0 }).toEqual({ where, ok: true });
  expect({ where, english: NOT_DUTCH.exec(message)?.[0] }).toEqual({ where, english: undefined });
  // The first sentence says what is wrong, the message stays tooltip-sized, and no input is echoed beyond ECHO_MAX.
  const end = /[.?](\s|$)/.exec(message)?.index ?? Infinity;
  expect({ where, firstSentenceEndsBy200: end <= 200 }).toEqual({ where, firstSentenceEndsBy200: true });
  expect({ where, long: message.length > 300 }).toEqual({ where, long: false });
  expect({ where, echoed: /x{61,}/.test(message) }).toEqual({ where, echoed: false });
}

/** Entries no input reaches: they guard against bugs, not users. Their texts are checked directly below. */
const UNREACHABLE: Partial<Record<ErrorKind, string>> = {
  notFinite: "amounts are capped at 1e12 and every rule divides by a checked non-zero total",
  internal: "a thrown non-PbError is a bug; no input is known to cause one",
};

describe("the built functions.js: every explained error is one Excel shows", () => {
  let fns: Map<string, Fn>;
  const reached = new Map<ErrorKind, Set<string>>();
  const table: { id: string; kind: ErrorKind; code: string; message: string }[] = [];

  beforeAll(async () => {
    await ensureBuild();
    fns = loadBundle();
  });

  test("the bundle associates every registry function and PB.UITLEG", () => {
    expect([...fns.keys()].sort()).toEqual([...EXCEL_FUNCTION_IDS].sort());
  });

  test("PB.UITLEG outside Excel: #N/A with a short Dutch message (no Excel to read the cell from)", async () => {
    const out = await Promise.resolve(fns.get("UITLEG")!(45108, { parameterAddresses: ["Blad1!D2"] })).catch((e) => e);
    expect(out).toBeInstanceOf(Error);
    expect((out as FakeError).code).toBe("#N/A");
    checkMessage((out as FakeError).message, "UITLEG");
    expect((out as FakeError).message).toMatch(/^PB\.UITLEG: werkt alleen in Excel/);
  });

  test.each([...FUNCTION_IDS])("PB.%s: each error carries #VALUE! or #N/A and a short Dutch message", async (id) => {
    const cases = [...genericCases(id), ...(RULE_CASES[id] ?? [])];
    for (const c of cases) {
      const args = argsOf(id, c);
      const spy = jest.spyOn(errors, "pbError");
      const src = invoke(id, args);
      const kinds = spy.mock.results.filter((r) => r.type === "return").map((r) => (r.value as errors.PbError).kind);
      spy.mockRestore();
      let out: unknown;
      if ("engineOnly" in c && c.engineOnly) {
        const r = src as { error: string; message: string };
        out = new FakeError(r.error, r.message);
      } else {
        try {
          out = await fns.get(id)!(...args);
        } catch (e) {
          out = e;
        }
      }
      if (!(out instanceof FakeError)) {
        // Not an error: the source must agree (e.g. periode "uur" before 2024 may be a value in some years).
        expect(src).toEqual(out);
        continue;
      }
      const where = `PB.${id}(${JSON.stringify(args).slice(0, 80)})`;
      expect({ where, code: out.code }).toEqual({ where, code: expect.stringMatching(/^(#VALUE!|#N\/A)$/) });
      checkMessage(out.message, where);
      // Bundle and source agree: the engine gives the same code and text.
      expect(src).toEqual({ error: out.code, message: out.message });
      const kind = kinds[kinds.length - 1];
      if (kind) {
        if (!reached.has(kind)) reached.set(kind, new Set());
        reached.get(kind)!.add(id);
        if (!table.some((t) => t.kind === kind && t.id === id)) table.push({ id, kind, code: out.code, message: out.message });
      }
    }
  });

  test("together the functions reach every catalogue entry (the rest are named as unreachable, with why)", () => {
    const missing = ERROR_KINDS.filter((k) => !reached.has(k) && !(k in UNREACHABLE));
    expect(missing).toEqual([]);
    for (const k of Object.keys(UNREACHABLE)) expect(reached.has(k as ErrorKind)).toBe(false);
    const out = path.join(__dirname, "..", "..", "test-artifacts");
    fs.mkdirSync(out, { recursive: true });
    fs.writeFileSync(path.join(out, "error-catalogue.json"), JSON.stringify({ reached: Object.fromEntries([...reached].map(([k, v]) => [k, [...v]])), table }, null, 2));
  });

  test("the unreachable entries have a visible code and Dutch text too", () => {
    for (const e of [pbError("notFinite", "PB.LKS"), pbError("internal", "PB.LKS")]) {
      expect(e.code).toBe("#VALUE!");
      checkMessage(e.message, e.kind);
    }
  });

  test("a user's long text is echoed at most ECHO_MAX characters", () => {
    const e = pbError("notANumber", "loonwaarde", LONG);
    expect(e.message).toContain(`"${"x".repeat(ECHO_MAX - 1)}…"`);
  });
});
