/** Largest remainder on cents (src/rules/verdeelsleutel.ts), hand-worked. */
import { verdeelCenten, verdeelsleutel } from "../../../src/rules/verdeelsleutel";
import { errorOf } from "./helpers";

describe("verdeelsleutel", () => {
  test("exact shares need no remainder", () => {
    // 1.000 cents × (1, 2, 3, 4)/10 = 100, 200, 300, 400
    expect(verdeelsleutel(10, [1, 2, 3, 4])).toEqual([1, 2, 3, 4]);
  });
  test("a tie goes to the earlier position", () => {
    // 10.000 cents / 3 = 3.333,33… each; floors 3 × 3.333 = 9.999; 1 cent left → position 1
    expect(verdeelsleutel(100, [1, 1, 1])).toEqual([33.34, 33.33, 33.33]);
    // 5 cents over 7 equal keys: 0,71… each; floors 0; 5 cents → the first five
    expect(verdeelCenten(5, [1, 1, 1, 1, 1, 1, 1])).toEqual([1, 1, 1, 1, 1, 0, 0]);
  });
  test("the largest remainders get the cents, wherever they stand", () => {
    // 100 cents × (1, 3, 3)/7 = 14,2857 / 42,857 / 42,857; floors 14 + 42 + 42 = 98; 2 cents → positions 2 and 3
    expect(verdeelsleutel(1, [1, 3, 3])).toEqual([0.14, 0.43, 0.43]);
    // 100 cents × (2, 1, 1, 1)/5 ... exact: 40, 20, 20, 20
    expect(verdeelsleutel(1, [2, 1, 1, 1])).toEqual([0.4, 0.2, 0.2, 0.2]);
    // 1.001 cents × (1, 1)/2 = 500,5 each; 1 cent left → position 1
    expect(verdeelsleutel(10.01, [1, 1])).toEqual([5.01, 5]);
  });
  test("a negative total is shared symmetrically", () => {
    expect(verdeelsleutel(-100, [1, 1, 1])).toEqual([-33.34, -33.33, -33.33]);
  });
  test("zero keys get nothing", () => {
    // 100 cents × (1, 0, 1)/2 = 50, 0, 50
    expect(verdeelsleutel(1, [1, 0, 1])).toEqual([0.5, 0, 0.5]);
    // 1 cent over (0, 1, 1): 0,5 each for the positive keys → the earlier of them
    expect(verdeelCenten(1, [0, 1, 1])).toEqual([0, 1, 0]);
  });
  test("a total of 0 gives zeros", () => {
    expect(verdeelsleutel(0, [1, 2])).toEqual([0, 0]);
  });
  test("decimal keys", () => {
    // 100 cents × (0,1; 0,2; 0,7) = 10, 20, 70 (binary noise does not move a cent)
    expect(verdeelsleutel(1, [0.1, 0.2, 0.7])).toEqual([0.1, 0.2, 0.7]);
  });
  test("huge keys do not overflow (t × k / Σk is computed on keys scaled into [0, 1])", () => {
    // (1,797e308) alone: everything to it; (1e308, 1e308): half each
    expect(verdeelsleutel(1, [Number.MAX_VALUE])).toEqual([1]);
    expect(verdeelsleutel(1, [1e308, 1e308])).toEqual([0.5, 0.5]);
    expect(verdeelsleutel(1, [Number.MAX_VALUE, 1])).toEqual([1, 0]);
  });
  test("bad keys", () => {
    expect(errorOf(() => verdeelsleutel(1, [1, -1]))).toEqual({
      code: "#VALUE!",
      kind: "negativeInRange",
      message: "sleutels: de waarde -1 op positie 2 is negatief. Verwacht: 0 of meer.",
    });
    expect(errorOf(() => verdeelsleutel(1, [0, 0]))).toEqual({
      code: "#VALUE!",
      kind: "allZero",
      message: "sleutels: alle waarden zijn 0; er valt niets te verdelen. Verwacht: minstens één waarde groter dan 0.",
    });
    expect(errorOf(() => verdeelsleutel(1, [])).kind).toBe("emptyRange");
  });
});
