/**
 * The limits of the strict reader. Excel's own (grid, formula length, nesting, arguments) are facts of the file
 * format: a file beyond them was not written by Excel. The others bound what one audit may cost: checked while
 * reading, before the memory or the time is spent. Target: any file under 10 MB answered within 30 s in under 1,5 GB.
 */

/** Excel's specifications and limits (Microsoft, "Excel specifications and limits"). */
export const EXCEL = {
  rows: 1_048_576,
  columns: 16_384,
  /** Characters in a formula's contents. */
  formulaLength: 8_192,
  /** Levels of nested functions. */
  nesting: 64,
  /** Arguments of one function. */
  arguments: 255,
  /** Characters in a cell. */
  cellText: 32_767,
  sheetName: 31,
} as const;

export interface ReadLimits {
  /** Size of the file itself, checked before a byte is read. */
  maxFileBytes: number;
  /** Bytes inflated from the package, counted while inflating (the zip's own size claims are not believed). */
  maxUnpackedBytes: number;
  /** Zip entries in the central directory. */
  maxEntries: number;
  /** Cells with content (value or formula) over all sheets. */
  maxCells: number;
  /**
   * Row slots the engine lays out: per sheet, the sum over rows of (last column + 1). The engine receives every row as
   * an array up to its last cell, so one cell in column XFD of every row would cost 17 billion slots.
   */
  maxGridCells: number;
  /** Area of one range reference, or of one array formula's ref; beyond it the cell is reported, not materialised. */
  maxRangeCells: number;
  /** Cells the engine would create for range references over empty space, summed over distinct ranges. */
  maxRangeTotal: number;
  /** One XML text node, attribute value or name (no legal part of a workbook comes near). */
  maxXmlToken: number;
  /** Bytes before the root element of an XML part (the XML declaration, comments). */
  maxXmlProlog: number;
  /** Element nesting in an XML part. */
  maxXmlDepth: number;
  /** Attributes on one element. */
  maxXmlAttributes: number;
  /** Sheets, defined names and tables each. */
  maxSheets: number;
  maxNames: number;
}

export const DEFAULT_LIMITS: ReadLimits = {
  maxFileBytes: 200e6,
  maxUnpackedBytes: 500e6,
  maxEntries: 10_000,
  maxCells: 2_000_000,
  maxGridCells: 20_000_000,
  maxRangeCells: 1_048_576,
  maxRangeTotal: 4_000_000,
  maxXmlToken: 1_000_000,
  maxXmlProlog: 65_536,
  maxXmlDepth: 256,
  maxXmlAttributes: 512,
  maxSheets: 1_000,
  maxNames: 50_000,
};

export function limitsWith(overrides: Partial<ReadLimits> = {}): ReadLimits {
  return { ...DEFAULT_LIMITS, ...Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)) };
}

/** Dutch number with thousands dots: 1048576 → "1.048.576". */
export function nl(n: number): string {
  return Math.round(n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ".");
}

/** Megabytes for messages: 1 decimal, Dutch comma. */
export function mb(bytes: number): string {
  return (bytes / 1e6).toFixed(1).replace(".", ",");
}
