/**
 * `npm start` (scripts/start.js): when port 3000 is taken it says so in Dutch and exits non-zero, before building or
 * serving anything. The port is held by this test; if something else on the machine already holds it, the outcome
 * must be the same.
 */
import { spawnSync } from "child_process";
import * as net from "net";
import * as path from "path";

const ROOT = path.join(__dirname, "..", "..");

test("port 3000 taken: a Dutch message and exit code 1", async () => {
  const holder = net.createServer();
  await new Promise<void>((resolve) => {
    holder.once("error", () => resolve()); // already taken by someone else: equally taken for npm start
    holder.listen(3000, "localhost", () => resolve());
  });
  try {
    const r = spawnSync(process.execPath, [path.join(ROOT, "scripts", "start.js")], { cwd: ROOT, encoding: "utf8", timeout: 30_000 });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('PB Rekenkit kan niet starten: poort 3000 is al in gebruik. Draait er al een "npm start"? Stop dat (Ctrl+C in dat venster) en probeer het opnieuw.\n');
    expect(r.stderr).toBe("");
  } finally {
    await new Promise((r) => holder.close(() => r(undefined)));
  }
});
