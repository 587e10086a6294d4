/** The worker side of launch.ts: runs `pb` as main() does and reports the exit code to the watching thread. */
import { parentPort } from "worker_threads";
import { main } from "./main";

main(process.argv.slice(2)).then(
  (exit) => parentPort?.postMessage({ exit }),
  (e) => {
    process.stderr.write(`Interne fout: ${e instanceof Error ? e.message : String(e)}\n`);
    parentPort?.postMessage({ exit: 2 });
  },
);
