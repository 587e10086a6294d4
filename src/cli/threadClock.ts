/**
 * The CPU time of one worker thread, read from outside it. A batch gives every workbook its own CPU budget (as
 * launch.ts gives a single run), but process.cpuUsage() counts every thread of the process, and Node 20 has no
 * per-thread figure. Linux keeps one per thread in /proc: the task writes its thread id and its starting tick count into
 * a SharedArrayBuffer (`startClock`, in the worker), the pool reads /proc/self/task/TID/stat while the task runs
 * (`usedSeconds`, in the coordinator). Where /proc is missing (macOS, Windows) the task says so (-1) and the pool
 * falls back to wall-clock time since the task started.
 */
import { readFileSync, readlinkSync } from "fs";

/** USER_HZ: the unit of utime/stime in /proc, 100 on every Linux platform Node runs on. */
const TICKS_PER_SECOND = 100;

/** Slots of the shared clock: [0] thread id (0 = not started, -1 = no /proc), [1] ticks at the start. */
export const CLOCK_BYTES = 8;

/** utime + stime of thread `tid` of this process, in ticks; undefined when it cannot be read. */
export function threadTicks(tid: number | "thread-self"): number | undefined {
  try {
    const stat = readFileSync(tid === "thread-self" ? "/proc/thread-self/stat" : `/proc/self/task/${tid}/stat`, "latin1");
    // the command name (field 2) may hold spaces and parentheses: count fields after its closing parenthesis
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? ticks : undefined;
  } catch {
    return undefined;
  }
}

/** In the task, first thing: publish this thread's id and CPU ticks so far. */
export function startClock(clock: SharedArrayBuffer): void {
  const slots = new Int32Array(clock);
  let tid = -1;
  let ticks: number | undefined;
  try {
    tid = Number(readlinkSync("/proc/thread-self").split("/").pop());
    ticks = threadTicks("thread-self");
  } catch {
    /* no /proc */
  }
  if (!(tid > 0) || ticks === undefined) {
    Atomics.store(slots, 0, -1);
    return;
  }
  Atomics.store(slots, 1, ticks);
  Atomics.store(slots, 0, tid);
}

/**
 * CPU seconds the task has used, or wall-clock seconds since `startedAt` (set by the caller when it first sees the
 * task started) where there is no /proc; undefined while the task has not started.
 */
export function usedSeconds(clock: SharedArrayBuffer, startedAt: number, now: number): number | undefined {
  const slots = new Int32Array(clock);
  const tid = Atomics.load(slots, 0);
  if (tid === 0) return undefined;
  if (tid > 0) {
    const ticks = threadTicks(tid);
    if (ticks !== undefined) return (ticks - Atomics.load(slots, 1)) / TICKS_PER_SECOND;
  }
  return (now - startedAt) / 1000;
}

/** Whether the task behind this clock has started. */
export function clockStarted(clock: SharedArrayBuffer): boolean {
  return Atomics.load(new Int32Array(clock), 0) !== 0;
}
