/** The shape of one `pb` sub-command. Commands print through `io` (so tests run them in-process) and return the exit code. */
export interface CliIO {
  /** A line on stdout. */
  out(line: string): void;
  /** A line on stderr (progress, warnings, errors). */
  err(line: string): void;
}

export interface Command {
  /** What the user types after `pb`, e.g. "recalc". */
  name: string;
  /** One Dutch line for `pb help`. */
  summary: string;
  /** Usage text shown by `pb help <name>` and on wrong use. */
  usage: string;
  run(args: string[], io: CliIO): Promise<number>;
}

export function isCommand(x: unknown): x is Command {
  return typeof x === "object" && x !== null && typeof (x as Command).name === "string" && typeof (x as Command).run === "function";
}

/** Exit codes of every command. */
export const EXIT = { ok: 0, mismatch: 1, unreadable: 2, usage: 2 } as const;

/** A mistake of the user (bad option, missing argument): message only, exit 2, no stack trace. */
export class UsageError extends Error {}

/** Split `--name value` / `--flag` options from positional arguments. */
export function parseOptions(
  args: string[],
  spec: Record<string, "flag" | "value">,
): { positional: string[]; options: Record<string, string | true> } {
  const positional: string[] = [];
  const options: Record<string, string | true> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--") {
      positional.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith("--") && a.length > 2) {
      const [name, inline] = a.slice(2).split(/=(.*)/s, 2);
      const kind = spec[name];
      if (!kind) throw new UsageError(`Onbekende optie --${name}.`);
      if (kind === "flag") options[name] = true;
      else {
        const v = inline ?? args[++i];
        if (v === undefined) throw new UsageError(`Optie --${name} heeft een waarde nodig.`);
        options[name] = v;
      }
    } else positional.push(a);
  }
  return { positional, options };
}
