/**
 * `pb`: PB Rekenkit on the command line. Every command comes from the table in ./commands (one line per command).
 * main() returns the exit code instead of exiting, so tests call it in-process.
 */
import * as commandTable from "./commands";
import { isCommand, UsageError, EXIT, type CliIO, type Command } from "./command";
import { ADDIN_VERSION } from "../version";
import { PARAMETER_SET_VERSION } from "../parameters";

export const COMMANDS: readonly Command[] = Object.values(commandTable).filter(isCommand);

/**
 * Into a pipe or file stdout is written in chunks: a report of 100 000 lines written line by line spent 0,45 s in
 * writes alone. On a terminal each line goes at once (a progress bar on stderr is drawn between them). stderr is never
 * held back, and stdout is flushed before anything goes to stderr, so the two stay in order.
 */
const CHUNK = 64 * 1024;
let pending = "";
function flushOut(): void {
  if (pending === "") return;
  const text = pending;
  pending = "";
  process.stdout.write(text);
}

export const consoleIO: CliIO = {
  out: (line) => {
    if (process.stdout.isTTY) {
      process.stdout.write(line + "\n");
      return;
    }
    pending += line + "\n";
    if (pending.length >= CHUNK) flushOut();
  },
  err: (line) => {
    flushOut();
    process.stderr.write(line + "\n");
  },
};

function help(io: CliIO): void {
  io.out(`pb — PB Rekenkit ${ADDIN_VERSION} (parameterset ${PARAMETER_SET_VERSION})`);
  io.out("");
  for (const c of COMMANDS) io.out(`  pb ${c.name.padEnd(10)} ${c.summary}`);
  io.out("");
  io.out("  pb help OPDRACHT   uitleg bij één opdracht");
}

export async function main(argv: readonly string[], io: CliIO = consoleIO): Promise<number> {
  try {
    return await run(argv, io);
  } finally {
    flushOut();
  }
}

async function run(argv: readonly string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "help" || name === "--help" || name === "-h") {
    const topic = name === "help" ? COMMANDS.find((c) => c.name === rest[0]) : undefined;
    if (topic) io.out(topic.usage);
    else help(io);
    return EXIT.ok;
  }
  if (name === "--version" || name === "-v") {
    io.out(`${ADDIN_VERSION} (parameterset ${PARAMETER_SET_VERSION})`);
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`Onbekende opdracht "${name}". Bekende opdrachten: ${COMMANDS.map((c) => c.name).join(", ")}.`);
    return EXIT.usage;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(e.message);
      io.err(command.usage);
      return EXIT.usage;
    }
    // Never a stack trace for the auditor; PB_DEBUG=1 shows it for us.
    io.err(`Interne fout in pb ${name}: ${e instanceof Error ? e.message : String(e)}`);
    if (process.env.PB_DEBUG && e instanceof Error && e.stack) io.err(e.stack);
    return EXIT.unreadable;
  }
}

if (require.main === module) {
  // Run directly (not through launch.ts): a closed stdout (`| head -1`) ends pb quietly, as launch.ts does.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (e: NodeJS.ErrnoException) => {
      if (e.code === "EPIPE") process.exit(141);
    });
  }
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`Interne fout: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
