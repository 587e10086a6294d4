/**
 * The file and its zip package, read defensively: only a regular file, its size checked before a byte is read, read
 * once (the bytes hashed are the bytes audited), parts inflated by yauzl as streams with every inflated byte counted
 * against the limit, zip64 included. The sizes the zip claims are used only to refuse early, never believed.
 */
import { createHash } from "crypto";
import { constants, promises as fs } from "fs";
import * as yauzl from "yauzl";
import * as zlib from "zlib";
import type { ReadLimits } from "./limits";
import { readError, WorkbookReadError } from "./readErrors";

export interface FileBytes {
  bytes: Buffer;
  size: number;
  sha256: string;
}

function kindOf(st: { isFIFO(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isSocket(): boolean }): string {
  if (st.isFIFO()) return "een pijp (FIFO)";
  if (st.isCharacterDevice() || st.isBlockDevice()) return "een apparaat";
  if (st.isSocket()) return "een socket";
  return "een bijzonder bestand";
}

function openError(file: string, e: unknown): WorkbookReadError {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === "ENOENT" || code === "ENOTDIR") return readError("notFound", file);
  if (code === "EACCES" || code === "EPERM") return readError("unreadable", file, "geen toestemming om het te lezen");
  if (code === "ELOOP") return readError("unreadable", file, "de koppeling (symlink) verwijst in een kring");
  if (code === "EISDIR") return readError("isDirectory", file);
  return readError("unreadable", file, `fout van het bestandssysteem (${code ?? "onbekend"})`);
}

/**
 * Read a file that must be a regular file of at most `maxBytes`. Opened non-blocking (a FIFO would otherwise wait for
 * a writer), checked with fstat on the open descriptor (no race between check and read), read to the byte.
 */
export async function readFileSafely(file: string, maxBytes: number): Promise<FileBytes> {
  let fh: fs.FileHandle;
  try {
    fh = await fs.open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    throw openError(file, e);
  }
  try {
    const st = await fh.stat();
    if (st.isDirectory()) throw readError("isDirectory", file);
    if (!st.isFile()) throw readError("notRegular", file, kindOf(st));
    if (st.size > maxBytes) throw readError("tooLarge", file, st.size / 1e6, maxBytes / 1e6);
    const bytes = Buffer.alloc(st.size);
    let at = 0;
    while (at < bytes.length) {
      const { bytesRead } = await fh.read(bytes, at, bytes.length - at, at);
      if (bytesRead === 0) throw readError("changed", file);
      at += bytesRead;
    }
    const { bytesRead: more } = await fh.read(Buffer.alloc(1), 0, 1, at);
    if (more !== 0) throw readError("changed", file);
    return { bytes, size: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex") };
  } catch (e) {
    if (e instanceof WorkbookReadError) throw e;
    throw openError(file, e);
  } finally {
    await fh.close();
  }
}

/** CRC-32 as zip uses it; zlib's own where Node has it (20.15+), else a table. */
const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();
const zlibCrc = (zlib as unknown as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;
function crc32(data: Uint8Array, value = 0): number {
  if (zlibCrc) return zlibCrc(data, value);
  let c = ~value;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

/** yauzl's English reasons → a short Dutch description for "beschadigd (…)". */
function zipReason(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  if (/end of central directory/i.test(m)) return "het einde van de zip-inhoudsopgave ontbreekt";
  if (/central directory/i.test(m)) return "de zip-inhoudsopgave klopt niet";
  if (/local file header/i.test(m)) return "een onderdeel staat niet waar de inhoudsopgave zegt";
  if (/too many bytes|not enough bytes|expected .* bytes/i.test(m)) return "een onderdeel is groter of kleiner dan de inhoudsopgave zegt";
  if (/invalid (characters|relative path)|absolute path/i.test(m)) return "een onderdeel heeft een ongeldige naam";
  if (/compression method/i.test(m)) return "een onderdeel is op een onbekende manier ingepakt";
  if (/encrypt/i.test(m)) return "een onderdeel is versleuteld";
  if (/invalid (stored|distance|code|block)|incorrect|unexpected end|header check/i.test(m)) return "een ingepakt onderdeel is onleesbaar";
  if (/crc|checksum/i.test(m)) return "een controlegetal (CRC) klopt niet";
  if (/multi-disk|spanned/i.test(m)) return "een zip over meerdere delen";
  if (/zip64/i.test(m)) return "de zip64-gegevens kloppen niet";
  return "de zip-structuur klopt niet";
}

function fromBuffer(buf: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.fromBuffer(buf, { lazyEntries: true, decodeStrings: true, validateEntrySizes: true, strictFileNames: false }, (err, zip) =>
      err || !zip ? reject(err) : resolve(zip),
    ),
  );
}

/** An opened package: its part names (case-insensitive, as OPC compares them) and counted streams of their bytes. */
export class ZipPackage {
  private unpacked = 0;

  private constructor(
    private readonly file: string,
    private readonly zip: yauzl.ZipFile,
    private readonly entries: Map<string, yauzl.Entry>,
    private readonly limits: ReadLimits,
  ) {}

  static async open(file: string, bytes: Buffer, limits: ReadLimits): Promise<ZipPackage> {
    let zip: yauzl.ZipFile;
    try {
      zip = await fromBuffer(bytes);
    } catch (e) {
      throw readError("corrupt", file, zipReason(e));
    }
    if (zip.entryCount > limits.maxEntries) {
      zip.close();
      throw readError("tooMany", file, "onderdelen in het zip-bestand", limits.maxEntries);
    }
    const entries = new Map<string, yauzl.Entry>();
    let claimed = 0;
    await new Promise<void>((resolve, reject) => {
      zip.on("error", (e) => reject(readError("corrupt", file, zipReason(e))));
      zip.on("end", () => resolve());
      zip.on("entry", (entry: yauzl.Entry) => {
        const name = entry.fileName;
        if (!name.endsWith("/")) {
          const key = name.toLowerCase();
          if (entries.has(key)) {
            reject(readError("invalid", file, "het zip-bestand", `onderdeel ${name} staat er twee keer in; welk van beide Excel leest, is niet te zeggen`));
            return;
          }
          entries.set(key, entry);
          claimed += entry.uncompressedSize;
        }
        zip.readEntry();
      });
      zip.readEntry();
    });
    // A true claim this large is a bomb; a false one is damage. Either way, refused before inflating anything.
    if (claimed > limits.maxUnpackedBytes) throw readError("unpackedTooLarge", file, claimed / 1e6, limits.maxUnpackedBytes / 1e6);
    return new ZipPackage(file, zip, entries, limits);
  }

  has(name: string): boolean {
    return this.entries.has(name.toLowerCase());
  }

  names(): string[] {
    return [...this.entries.values()].map((e) => e.fileName);
  }

  /** Inflated bytes so far (all parts). */
  get unpackedBytes(): number {
    return this.unpacked;
  }

  /** Stream one part's inflated bytes to `onChunk`, counting each against the package's limit. */
  async stream(name: string, onChunk: (chunk: Buffer) => void): Promise<void> {
    const entry = this.entries.get(name.toLowerCase());
    if (!entry) throw readError("invalid", this.file, name, "dit onderdeel ontbreekt");
    if (entry.isEncrypted()) throw readError("corrupt", this.file, `${name}: een onderdeel is versleuteld`);
    if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) throw readError("corrupt", this.file, `${name}: ${zipReason("compression method")}`);
    const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) =>
      this.zip.openReadStream(entry, (err, s) => (err || !s ? reject(readError("corrupt", this.file, `${name}: ${zipReason(err)}`)) : resolve(s))),
    );
    const max = this.limits.maxUnpackedBytes;
    // Errors of the consumer (a refusal, or a bug) pass unchanged; only the stream's own mean a damaged zip.
    let fromSink: { error: unknown } | undefined;
    let crc = 0;
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        this.unpacked += chunk.length;
        crc = crc32(chunk, crc);
        try {
          if (this.unpacked > max) throw readError("unpackedTooLarge", this.file, max / 1e6, max / 1e6);
          onChunk(chunk);
        } catch (error) {
          fromSink = { error };
          break;
        }
      }
    } catch (e) {
      throw readError("corrupt", this.file, `${name}: ${zipReason(e)}`);
    } finally {
      (stream as unknown as { destroy(): void }).destroy();
    }
    if (fromSink) throw fromSink.error;
    // yauzl does not check it; Excel does: a changed byte anywhere in a part is damage, even if it still inflates
    if (crc >>> 0 !== entry.crc32 >>> 0) throw readError("corrupt", this.file, `${name}: ${zipReason("crc")}`);
  }

  close(): void {
    this.zip.close();
  }
}

