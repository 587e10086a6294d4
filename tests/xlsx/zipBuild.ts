/**
 * Hand-built zip packages for attack tests: entries stored or deflated exactly as given, zip64 records on request, and
 * sizes in the headers that may lie. JSZip cannot write these; a reader must never trust them.
 */
import { deflateRawSync, constants } from "zlib";

export interface RawEntry {
  name: string;
  /** Deflated (or stored) bytes as they go into the file. */
  data: Buffer;
  method: 0 | 8;
  /** What the headers claim; defaults to the truth for small entries. */
  uncompressedSize: number;
  crc: number;
  /** Write zip64 extra fields for this entry (sizes 0xFFFFFFFF in the 32-bit fields). */
  zip64?: boolean;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export function deflated(name: string, text: string | Buffer): RawEntry {
  const raw = Buffer.isBuffer(text) ? text : Buffer.from(text, "utf8");
  return { name, data: deflateRawSync(raw), method: 8, uncompressedSize: raw.length, crc: crc32(raw) };
}

/**
 * A deflate stream that inflates to `repeat` copies of `unit` (`unit` compressed once, in non-final blocks that end on a
 * byte boundary, then repeated; a final empty block closes it). 1 MB of XML compresses to ~1 kB, so 6 GB fits in ~6 MB.
 */
export function repeatedDeflate(prefix: Buffer, unit: Buffer, repeat: number): Buffer {
  const head = deflateRawSync(prefix, { finishFlush: constants.Z_SYNC_FLUSH });
  const block = deflateRawSync(unit, { finishFlush: constants.Z_SYNC_FLUSH });
  const parts = [head];
  for (let i = 0; i < repeat; i++) parts.push(block);
  parts.push(Buffer.from([0x03, 0x00])); // final fixed-Huffman block with only end-of-block
  return Buffer.concat(parts);
}

export function buildZip(entries: RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  let anyZip64 = false;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const z64 = e.zip64 === true;
    anyZip64 ||= z64;
    const extra = z64 ? Buffer.alloc(20) : Buffer.alloc(0);
    if (z64) {
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(16, 2);
      extra.writeBigUInt64LE(BigInt(e.uncompressedSize), 4);
      extra.writeBigUInt64LE(BigInt(e.data.length), 12);
    }
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(z64 ? 45 : 20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.crc, 14);
    local.writeUInt32LE(z64 ? 0xffffffff : e.data.length, 18);
    local.writeUInt32LE(z64 ? 0xffffffff : e.uncompressedSize, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(extra.length, 28);
    locals.push(local, name, extra, e.data);

    const cextra = z64 ? Buffer.alloc(28) : Buffer.alloc(0);
    if (z64) {
      cextra.writeUInt16LE(0x0001, 0);
      cextra.writeUInt16LE(24, 2);
      cextra.writeBigUInt64LE(BigInt(e.uncompressedSize), 4);
      cextra.writeBigUInt64LE(BigInt(e.data.length), 12);
      cextra.writeBigUInt64LE(BigInt(offset), 20);
    }
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(z64 ? 45 : 20, 4);
    central.writeUInt16LE(z64 ? 45 : 20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(e.method, 10);
    central.writeUInt32LE(e.crc, 16);
    central.writeUInt32LE(z64 ? 0xffffffff : e.data.length, 20);
    central.writeUInt32LE(z64 ? 0xffffffff : e.uncompressedSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(cextra.length, 30);
    central.writeUInt32LE(z64 ? 0xffffffff : offset, 42);
    centrals.push(central, name, cextra);
    offset += 30 + name.length + extra.length + e.data.length;
  }
  const cd = Buffer.concat(centrals);
  const tail: Buffer[] = [];
  if (anyZip64) {
    const rec = Buffer.alloc(56);
    rec.writeUInt32LE(0x06064b50, 0);
    rec.writeBigUInt64LE(44n, 4);
    rec.writeUInt16LE(45, 12);
    rec.writeUInt16LE(45, 14);
    rec.writeBigUInt64LE(BigInt(entries.length), 24);
    rec.writeBigUInt64LE(BigInt(entries.length), 32);
    rec.writeBigUInt64LE(BigInt(cd.length), 40);
    rec.writeBigUInt64LE(BigInt(offset), 48);
    const loc = Buffer.alloc(20);
    loc.writeUInt32LE(0x07064b50, 0);
    loc.writeBigUInt64LE(BigInt(offset + cd.length), 8);
    loc.writeUInt32LE(1, 16);
    tail.push(rec, loc);
  }
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(anyZip64 ? 0xffffffff : offset, 16);
  return Buffer.concat([...locals, cd, ...tail, eocd]);
}

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** The parts of a minimal one-sheet workbook around a given sheet part (so tests can swap the sheet for anything). */
export function minimalParts(sheet: RawEntry, extra: RawEntry[] = []): RawEntry[] {
  return [
    deflated(
      "[Content_Types].xml",
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ),
    deflated(
      "_rels/.rels",
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ),
    deflated(
      "xl/workbook.xml",
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets><sheet name="Register" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    deflated(
      "xl/_rels/workbook.xml.rels",
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    ),
    sheet,
    ...extra,
  ];
}

export const SHEET_HEAD = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheetData>`;
export const SHEET_TAIL = "</sheetData></worksheet>";
