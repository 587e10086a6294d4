/**
 * Property tests (fast-check) for the WPB functions, through invoke():
 * - no uncaught exception and no internal error for plausible-but-wild inputs (ranges of numbers, years, booleans);
 * - PB.VERDEELSLEUTEL: the cents always add up exactly to the total, each part within one cent of its exact share;
 * - PB.OUTPUTALLOCATION: when the municipalities' counts add up to the national counts, their shares add up to the
 *   budget within a cent per municipality;
 * - meeneem identity: rechtmatig + MEENEEM(budget, besteding) + TERUGVORDERING(budget, besteding, onrechtmatig)
 *   = MAX(budget, rechtmatig), exactly in cents for amounts in cents; and VOORFINANCIERING is 0 unless overspent.
 */
import fc from "fast-check";
import { invoke, isErrorResult, type InvokeResult } from "../../../src/functions/invoke";
import type { CellValue, RawArg } from "../../../src/functions/contract";
import { toCents } from "../../../src/rules/money";

const EXCEL_ERRORS = ["#VALUE!", "#VALUE!", "#N/A"];

function expectWellFormed(r: InvokeResult): void {
  if (isErrorResult(r)) {
    expect(EXCEL_ERRORS).toContain(r.error);
    expect(r.message).not.toMatch(/Interne fout/);
    expect(r.message.length).toBeGreaterThan(10);
  } else if (Array.isArray(r)) {
    for (const row of r) for (const v of row) expect(Number.isFinite(v as number)).toBe(true);
  } else if (typeof r === "number") {
    expect(Number.isFinite(r)).toBe(true);
  }
}

const num: fc.Arbitrary<CellValue> = fc.oneof(
  fc.integer({ min: -5, max: 1_000_000 }),
  fc.double({ min: -1e3, max: 1e15, noNaN: true }),
  fc.constantFrom(0, 1, 0.5, 1e-300, "0,25", "", null, "x", true, { error: "#N/A" }),
);
const range: fc.Arbitrary<RawArg> = fc.oneof(
  fc
    .tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 8 }))
    .chain(([r, c]) => fc.array(fc.array(num, { minLength: c, maxLength: c }), { minLength: r, maxLength: r })),
  num,
);
const year: fc.Arbitrary<RawArg> = fc.oneof(fc.integer({ min: 2005, max: 2020 }), fc.constantFrom(2012.5, -1, 0, 1e9, "2013", null));
const bool: fc.Arbitrary<RawArg> = fc.oneof(fc.boolean(), fc.constantFrom(null, "Ja", "nee", 2, "?"));
const date: fc.Arbitrary<RawArg> = fc.oneof(fc.integer({ min: 30_000, max: 45_000 }), fc.constantFrom("2012-02-29", "31-12-2014", "2013-02-29", null, -1));
const text = (choices: string[]): fc.Arbitrary<RawArg> => fc.oneof(fc.constantFrom(...choices, "", "onbekend"), fc.string({ maxLength: 6 }));

const SIGNATURES: Record<string, fc.Arbitrary<RawArg>[]> = {
  OUTPUTALLOCATION: [range, range, num, fc.oneof(range, fc.constant(undefined))],
  VERDEELINBURGERING: [range, range, num, bool, year],
  VERDEELEDUCATIE: [range, range, num, bool, year],
  VERDEELSZW: [num, num, num, num, num, year],
  SZWMAATSTAF: [num, num, num, num, year],
  MEENEEM: [num, num, year, bool],
  VOORFINANCIERING: [num, num, year],
  TERUGVORDERING: [num, num, year, bool, num],
  VERDEELSLEUTEL: [num, range],
  DOELGROEP: [date, date, bool, text(["algemeen", "educatie", "re-integratie"])],
  DEADLINE: [year, text(["sisa", "sisa-gr", "beeld", "vaststelling", "terugvordering", "terugvordering-gr"])],
  BUDGETJAAR: [year],
  OUTPUTJAAR: [year],
  LADDER: [fc.oneof(fc.integer({ min: -2, max: 9 }), num)],
};

describe("no uncaught exception, no internal error", () => {
  test.each(Object.keys(SIGNATURES))("%s", (id) => {
    fc.assert(
      fc.property(fc.tuple(...SIGNATURES[id]), (args) => {
        let r: InvokeResult | undefined;
        expect(() => {
          r = invoke(id, args as RawArg[]);
        }).not.toThrow();
        expectWellFormed(r!);
      }),
      { numRuns: 300 },
    );
  });
});

describe("PB.VERDEELSLEUTEL", () => {
  const keys = fc
    .array(fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.double({ min: 0, max: 1e6, noNaN: true }), fc.constant(0)), { minLength: 1, maxLength: 12 })
    .filter((k) => k.some((x) => x > 0));
  test("the cents add up exactly to the total, each within a cent of its exact share", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e11, max: 1e11 }), keys, (totalCents, k) => {
        const total = totalCents / 100;
        const r = invoke("VERDEELSLEUTEL", [total, [k]]);
        if (isErrorResult(r)) throw new Error(r.message);
        const parts = (r as number[][])[0];
        const cents = parts.map((p) => Math.round(p * 100));
        parts.forEach((p, i) => expect(Math.abs(p * 100 - cents[i])).toBeLessThan(1e-3)); // whole cents (up to binary noise)
        expect(cents.reduce((s, c) => s + c, 0)).toBe(totalCents);
        const sum = k.reduce((s, x) => s + x, 0);
        cents.forEach((c, i) => expect(Math.abs(c - (totalCents * k[i]) / sum)).toBeLessThan(1 + 1e-6));
      }),
      { numRuns: 500 },
    );
  });
  test("a negative total mirrors the positive one", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), keys, (c, k) => {
        const pos = invoke("VERDEELSLEUTEL", [c / 100, [k]]) as number[][];
        const neg = invoke("VERDEELSLEUTEL", [-c / 100, [k]]) as number[][];
        expect(neg[0].map((x) => -x + 0)).toEqual(pos[0].map((x) => x + 0));
      }),
      { numRuns: 200 },
    );
  });
});

describe("PB.OUTPUTALLOCATION: the shares of all municipalities add up to the budget", () => {
  const setup = fc
    .tuple(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 5 }))
    .chain(([m, n]) =>
      fc.tuple(
        fc.array(fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: n, maxLength: n }), { minLength: m, maxLength: m }),
        fc.array(fc.integer({ min: 1, max: 100 }), { minLength: n, maxLength: n }),
        fc.integer({ min: 0, max: 1e11 }),
        fc.boolean(),
      ),
    );
  test("within a cent per municipality", () => {
    fc.assert(
      fc.property(setup, ([counts, rawWeights, budgetCents, defaultWeights]) => {
        const n = rawWeights.length;
        counts[0] = counts[0].map((c) => c + 1); // every national total > 0
        const national = Array.from({ length: n }, (_, j) => counts.reduce((s, row) => s + row[j], 0));
        const wsum = rawWeights.reduce((s, x) => s + x, 0);
        const weights = defaultWeights ? undefined : [rawWeights.map((x) => x / wsum)];
        const budget = budgetCents / 100;
        let total = 0;
        for (const row of counts) {
          const r = invoke("OUTPUTALLOCATION", [[row], [national], budget, weights]);
          if (isErrorResult(r)) throw new Error(r.message);
          total += r as number;
        }
        expect(Math.abs(total - budget)).toBeLessThanOrEqual(0.005 * counts.length + 1e-6 * Math.max(1, budget / 1e6));
      }),
      { numRuns: 300 },
    );
  });
});

describe("meeneem identity", () => {
  const cents = fc.integer({ min: 0, max: 1e11 });
  test("rechtmatig + reservering + terugvordering = MAX(budget, rechtmatig), exactly in cents", () => {
    fc.assert(
      fc.property(cents, cents, fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 2009, max: 2014 }), fc.boolean(), (b, s, share, jaar, art13) => {
        const onr = Math.floor(s * share);
        const budget = b / 100;
        const besteding = s / 100;
        const rechtmatig = (s - onr) / 100;
        const res = invoke("MEENEEM", [budget, besteding, jaar, art13]) as number;
        const terug = invoke("TERUGVORDERING", [budget, besteding, jaar, art13, onr / 100]) as number;
        expect(typeof res).toBe("number");
        expect(typeof terug).toBe("number");
        expect(toCents(rechtmatig) + toCents(res) + toCents(terug)).toBe(Math.max(b, s - onr));
        // The reservering never exceeds the percentage of the budget; nothing is negative.
        const pct = art13 && jaar === 2009 ? 0.3125 : 0.25;
        expect(toCents(res)).toBeLessThanOrEqual(Math.round(pct * b));
        expect(res).toBeGreaterThanOrEqual(0);
        expect(terug).toBeGreaterThanOrEqual(0);
        // Underspend and overspend exclude each other.
        const vf = invoke("VOORFINANCIERING", [budget, rechtmatig, jaar]) as number;
        expect(vf === 0 || res === 0).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
  test("within a cent for amounts that are not whole cents", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e9, noNaN: true }),
        fc.double({ min: 0, max: 1e9, noNaN: true }),
        fc.integer({ min: 2009, max: 2014 }),
        (budget, besteding, jaar) => {
          const res = invoke("MEENEEM", [budget, besteding, jaar]) as number;
          const terug = invoke("TERUGVORDERING", [budget, besteding, jaar]) as number;
          expect(Math.abs(besteding + res + terug - Math.max(budget, besteding))).toBeLessThanOrEqual(0.01 + 1e-6);
        },
      ),
      { numRuns: 300 },
    );
  });
});
