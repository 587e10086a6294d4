/**
 * A1 addresses, one implementation for the engine, the readers, the templates and the Office.js face.
 * Pure (no ExcelJS): the add-in bundle imports it too. Rows and columns are 0-based unless a name says otherwise.
 */

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetter(index: number): string {
  let s = "";
  let n = index + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "A" → 0, "AA" → 26 (upper or lower case). */
export function columnIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + ((letters.charCodeAt(i) & ~32) - 64);
  return n - 1;
}

/** "D12" or "$D$12" → [row 11, col 3]; undefined when it is not an A1 address. */
export function parseAddress(address: string): [number, number] | undefined {
  let i = 0;
  let col = 0;
  // Readers hand over "D12"; only user text carries $ or lower case, so the common case skips both rewrites.
  const a = address.includes("$") ? address.replace(/\$/g, "").toUpperCase() : address.toUpperCase();
  while (i < a.length && a.charCodeAt(i) >= 65 && a.charCodeAt(i) <= 90) {
    col = col * 26 + (a.charCodeAt(i) - 64);
    i++;
  }
  if (i === 0 || i > 3 || i === a.length) return undefined;
  const row = Number(a.slice(i));
  if (!Number.isInteger(row) || row < 1) return undefined;
  return [row - 1, col - 1];
}

export function formatAddress(row: number, col: number): string {
  return `${columnLetter(col)}${row + 1}`;
}

/** "D2:F4" → its corners (inclusive). */
export function parseRange(ref: string): { top: number; left: number; bottom: number; right: number } | undefined {
  const [a, b = a] = ref.split(":");
  const p = parseAddress(a);
  const q = parseAddress(b);
  if (!p || !q) return undefined;
  return { top: Math.min(p[0], q[0]), left: Math.min(p[1], q[1]), bottom: Math.max(p[0], q[0]), right: Math.max(p[1], q[1]) };
}

/** Text of an XML attribute or element: the five named entities and numeric character references. */
export function decodeXml(s: string): string {
  if (!s.includes("&")) return s;
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_m, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_m, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&amp;/g, "&");
}
