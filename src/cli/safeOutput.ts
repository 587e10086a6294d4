/**
 * Writing a report file safely: an existing path (a file, a folder, a symlink, even a dangling one) is refused unless
 * --overwrite is given, and a symlink is never followed; the report goes to a new temporary file in the same folder
 * (created exclusively) and is then put in place in one step — linked when the path must not exist (fails if it
 * appeared meanwhile), renamed over the old path with --overwrite (which replaces a symlink itself, not its target).
 * Every file-system error becomes a Dutch message (OutputError, exit 2).
 */
import { randomBytes } from "crypto";
import { promises as fs } from "fs";
import * as path from "path";

export class OutputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OutputError";
  }
}

/** A file-system error while writing `out`, in Dutch, without the English errno text. */
export function outputErrorMessage(out: string, e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  const dir = path.dirname(out);
  switch (code) {
    case "EACCES":
    case "EPERM":
      return `${out} kan niet worden geschreven: geen toestemming om in ${dir} te schrijven.`;
    case "ENOSPC":
      return `${out} kan niet worden geschreven: de schijf is vol.`;
    case "EDQUOT":
      return `${out} kan niet worden geschreven: uw schijfquotum is op (de schijf is vol voor u).`;
    case "EROFS":
      return `${out} kan niet worden geschreven: ${dir} staat op een alleen-lezen bestandssysteem.`;
    case "EMFILE":
    case "ENFILE":
      return `${out} kan niet worden geschreven: er zijn te veel bestanden tegelijk open. Probeer het opnieuw.`;
    case "ENAMETOOLONG":
      return `${out} kan niet worden geschreven: de naam of het pad is te lang.`;
    case "ENOENT":
      return `${out} kan niet worden geschreven: de map ${dir} bestaat niet.`;
    case "ENOTDIR":
      return `${out} kan niet worden geschreven: een deel van het pad is een bestand, geen map.`;
    case "EISDIR":
      return `${out} is een map; geef een bestandsnaam voor het rapport.`;
    case "EEXIST":
      return `${out} bestaat al. pb schrijft niet over een bestaand bestand; kies een andere naam of geef --overwrite.`;
    case "EIO":
      return `${out} kan niet worden geschreven: lees- of schrijffout van de schijf.`;
    case "ELOOP":
      return `${out} kan niet worden geschreven: een koppeling (symlink) in het pad verwijst in een kring.`;
    default:
      return `${out} kan niet worden geschreven (fout van het bestandssysteem).`;
  }
}

async function lstatOrNull(p: string) {
  try {
    return await fs.lstat(p);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw e;
  }
}

/** Whether two paths are one file (the same path, or the same inode through a link): a report never replaces its input. */
export async function sameFile(a: string, b: string): Promise<boolean> {
  if (path.resolve(a) === path.resolve(b)) return true;
  try {
    const [sa, sb] = await Promise.all([fs.stat(a), fs.stat(b)]);
    return sa.ino === sb.ino && sa.dev === sb.dev;
  } catch {
    return false;
  }
}

/** Before any work: is `out` a place a report may be written? Throws OutputError. */
export async function checkOutputPath(out: string, overwrite: boolean): Promise<void> {
  try {
    const st = await lstatOrNull(out);
    if (st?.isDirectory()) throw new OutputError(outputErrorMessage(out, { code: "EISDIR" }));
    if (st && !overwrite) {
      throw new OutputError(
        st.isSymbolicLink()
          ? `${out} bestaat al (een koppeling); pb volgt geen koppelingen en schrijft niet over een bestaand pad. Kies een andere naam of geef --overwrite.`
          : outputErrorMessage(out, { code: "EEXIST" }),
      );
    }
    const dir = path.dirname(path.resolve(out));
    const d = await fs.stat(dir).catch((e: NodeJS.ErrnoException) => {
      throw new OutputError(outputErrorMessage(out, e));
    });
    if (!d.isDirectory()) throw new OutputError(outputErrorMessage(out, { code: "ENOTDIR" }));
  } catch (e) {
    if (e instanceof OutputError) throw e;
    throw new OutputError(outputErrorMessage(out, e));
  }
}

/**
 * Before the work, so that a long audit does not end in "bestaat al": the Dutch refusal when `out` is one of the
 * audited workbooks or may not be written, else undefined.
 */
export async function outputRefusal(out: string, inputs: readonly string[], overwrite: boolean): Promise<string | undefined> {
  for (const f of inputs) {
    if (await sameFile(f, out)) {
      return inputs.length === 1
        ? `--out ${out} is de werkmap zelf; pb recalc schrijft nooit over de gecontroleerde werkmap. Kies een ander rapportbestand.`
        : `--out ${out} is een van de gecontroleerde werkmappen; pb recalc schrijft nooit over een gecontroleerde werkmap. Kies een ander rapportbestand.`;
    }
  }
  try {
    await checkOutputPath(out, overwrite);
  } catch (e) {
    if (e instanceof OutputError) return e.message;
    throw e;
  }
  return undefined;
}

/** Write `out` through `write(handle)`, safely as described above. */
export async function writeSafely(out: string, overwrite: boolean, write: (fh: fs.FileHandle) => Promise<void>): Promise<void> {
  await checkOutputPath(out, overwrite);
  const dir = path.dirname(path.resolve(out));
  const tmp = path.join(dir, `.${path.basename(out)}.pb-${process.pid}-${randomBytes(6).toString("hex")}.tmp`);
  let fh: fs.FileHandle | undefined;
  try {
    fh = await fs.open(tmp, "wx", 0o666);
    await write(fh);
    await fh.close();
    fh = undefined;
    if (overwrite) await fs.rename(tmp, out);
    else {
      try {
        await fs.link(tmp, out);
        await fs.unlink(tmp);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        // file systems without hard links: the path was checked just now; rename is the next best
        if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EOPNOTSUPP" && code !== "EXDEV" && code !== "EMLINK") throw e;
        if (await lstatOrNull(out)) throw Object.assign(new Error("exists"), { code: "EEXIST" });
        await fs.rename(tmp, out);
      }
    }
  } catch (e) {
    await fh?.close().catch(() => undefined);
    await fs.unlink(tmp).catch(() => undefined);
    if (e instanceof OutputError) throw e;
    throw new OutputError(outputErrorMessage(out, e));
  }
}

/**
 * Writes a report of hundreds of MB (100 000 cells with receipts) in large vectored writes: text is gathered into one
 * buffer per run, shared byte pieces (a receipt's parameter list) are written as they are, without a copy. A few writes
 * stay in flight, each at its own position, so that the next chunk is made while the disk writes.
 */
export class ChunkWriter {
  private text: string[] = [];
  private iov: Buffer[] = [];
  private size = 0;
  private position = 0;
  private readonly pending: Promise<unknown>[] = [];
  constructor(private readonly fh: fs.FileHandle) {}

  async line(s: string): Promise<void> {
    await this.pieces([s]);
  }

  async pieces(pieces: readonly (string | Buffer)[]): Promise<void> {
    for (const p of pieces) {
      if (typeof p === "string") {
        this.text.push(p);
        this.size += p.length;
      } else {
        this.closeText();
        this.iov.push(p);
        this.size += p.length;
      }
    }
    this.text.push("\n");
    this.size++;
    if (this.size >= 1 << 20 || this.iov.length >= 500) await this.send();
  }

  private closeText(): void {
    if (this.text.length === 0) return;
    this.iov.push(Buffer.from(this.text.join(""), "utf8"));
    this.text = [];
  }

  private async send(): Promise<void> {
    this.closeText();
    if (this.iov.length === 0) return;
    const iov = this.iov;
    const bytes = iov.reduce((n, b) => n + b.length, 0);
    this.iov = [];
    this.size = 0;
    const at = this.position;
    this.position += bytes;
    this.pending.push(writeAll(this.fh, iov, at));
    if (this.pending.length >= 4) await this.pending.shift();
  }

  async flush(): Promise<void> {
    await this.send();
    await Promise.all(this.pending.splice(0));
  }
}

/** writev until every byte is out (the system may write less than asked). */
async function writeAll(fh: fs.FileHandle, iov: Buffer[], at: number): Promise<void> {
  let bufs = iov;
  let pos = at;
  while (bufs.length > 0) {
    const { bytesWritten } = await fh.writev(bufs, pos);
    pos += bytesWritten;
    let left = bytesWritten;
    while (bufs.length > 0 && left >= bufs[0].length) {
      left -= bufs[0].length;
      bufs = bufs.slice(1);
    }
    if (left > 0) bufs = [bufs[0].subarray(left), ...bufs.slice(1)];
  }
}
