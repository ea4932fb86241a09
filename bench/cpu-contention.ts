import { readFileSync } from 'node:fs';

/** CPU time other processes used while the bench ran. */
export interface CpuContention {
  /** CPUs' worth of time used by processes outside the bench, on average over the run (0.5 = half a CPU). */
  readonly otherCpus: number;
}

// Linux's USER_HZ: /proc reports CPU time in hundredths of a second on every mainstream architecture.
const TICKS_PER_SECOND = 100;

/**
 * Starts accounting for CPU time; the returned function tells how much of it went to processes outside the
 * bench. On a two-CPU machine the load generator and a server already fill both, so another process
 * using half a CPU moves every figure: the report says so instead of leaving it to guesswork. The bench's
 * own time is this process plus every child it has reaped (the servers stopped before the report).
 * Linux only (/proc); elsewhere the result is undefined.
 */
export function startCpuAccounting(): () => CpuContention | undefined {
  const before = readTicks();
  const started = performance.now();
  return () => {
    const after = readTicks();
    if (before === undefined || after === undefined) return undefined;
    const seconds = (performance.now() - started) / 1000;
    const others = after.system - before.system - (after.bench - before.bench);
    return { otherCpus: Math.max(0, others / TICKS_PER_SECOND / seconds) };
  };
}

function readTicks(): { readonly system: number; readonly bench: number } | undefined {
  try {
    // cpu user nice system idle iowait irq softirq…: user+nice+system is time spent in processes; interrupt
    // time is left out because loopback traffic is charged there whoever caused it.
    const [user = 0, nice = 0, system = 0] = (
      /^cpu\s+(.*)$/m.exec(readFileSync('/proc/stat', 'utf8'))?.[1] ?? ''
    )
      .split(/\s+/)
      .map(Number);
    // Fields after "(comm) ": state is the first, utime/stime/cutime/cstime the 12th to the 15th.
    const self = readFileSync('/proc/self/stat', 'utf8');
    const fields = self
      .slice(self.lastIndexOf(')') + 2)
      .split(' ')
      .map(Number);
    const bench = fields.slice(11, 15).reduce((total, ticks) => total + ticks, 0);
    return { system: user + nice + system, bench };
  } catch {
    return undefined;
  }
}
