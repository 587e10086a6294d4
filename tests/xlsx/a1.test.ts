import { columnIndex, columnLetter, decodeXml, formatAddress, parseAddress, parseRange } from "../../src/xlsx/a1";

describe("A1 addresses", () => {
  test("columns: A = 0, Z = 25, AA = 26, XFD = 16383 (the last Excel column), both ways", () => {
    for (const [letters, index] of [["A", 0], ["Z", 25], ["AA", 26], ["AZ", 51], ["BA", 52], ["XFD", 16383]] as const) {
      expect(columnLetter(index)).toBe(letters);
      expect(columnIndex(letters)).toBe(index);
      expect(columnIndex(letters.toLowerCase())).toBe(index);
    }
  });
  test("addresses with and without $ parse to 0-based [row, col]; non-addresses are undefined", () => {
    expect(parseAddress("D12")).toEqual([11, 3]);
    expect(parseAddress("$D$12")).toEqual([11, 3]);
    expect(formatAddress(11, 3)).toBe("D12");
    expect(parseAddress("D")).toBeUndefined();
    expect(parseAddress("12")).toBeUndefined();
    expect(parseAddress("ABCD1")).toBeUndefined();
    expect(parseAddress("D0")).toBeUndefined();
  });
  test("ranges are normalised to their corners", () => {
    expect(parseRange("F4:D2")).toEqual({ top: 1, left: 3, bottom: 3, right: 5 });
    expect(parseRange("B7")).toEqual({ top: 6, left: 1, bottom: 6, right: 1 });
  });
  test("XML text: named and numeric entities, &amp; last so &amp;lt; stays &lt;", () => {
    expect(decodeXml("a &lt; b &amp;&amp; c &#8364; &#x20AC; &quot;x&quot; &apos;y&apos;")).toBe("a < b && c € € \"x\" 'y'");
    expect(decodeXml("&amp;lt;")).toBe("&lt;");
  });
});
