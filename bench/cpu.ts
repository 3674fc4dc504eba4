// Where the machine's CPU time goes during a phase: the server, this load generator, the
// PostgreSQL processes working for the benchmark database, and everything else. On a small shared
// machine "everything else" tells whether the figures can be trusted.
import { readdirSync, readFileSync } from 'node:fs';

const CLK_TCK = 100; // Linux USER_HZ: /proc counts CPU time in these ticks.

function machineTicks(): { busy: number; total: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0] ?? '';
  // cpu user nice system idle iowait irq softirq steal (guest time is included in user)
  const v = line.trim().split(/\s+/).slice(1, 9).map(Number);
  const total = v.reduce((a, b) => a + b, 0);
  const idle = (v[3] ?? 0) + (v[4] ?? 0);
  return { busy: total - idle, total };
}

/** utime + stime of a process in ticks, or null when it is gone. */
export function processTicks(pid: number | 'self'): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return null;
  }
}

/**
 * PostgreSQL processes counted for the benchmark: backends of its database, and the server's own
 * helpers (checkpointer, WAL writer, …), which name no database. Backends of other databases are not.
 */
function postgresTicks(database: string): Map<number, number> {
  const result = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() !== 'postgres') continue;
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ');
      const backend = /^postgres: [^:]+: \S+ (\S+) /.exec(cmdline);
      if (backend && backend[1] !== database) continue;
      const ticks = processTicks(Number(entry));
      if (ticks !== null) result.set(Number(entry), ticks);
    } catch {
      // the process ended meanwhile
    }
  }
  return result;
}

export interface CpuSnapshot {
  at: number;
  machine: { busy: number; total: number };
  server: number;
  self: number;
  postgres: Map<number, number>;
}

/** CPU use over an interval, in % of one core (200 % is all of a 2-core machine). */
export interface CpuShares {
  server: number;
  loadGenerator: number;
  /** null when PostgreSQL is not involved (PGlite runs inside the server). */
  postgres: number | null;
  other: number;
  /** Busy time of the whole machine, in % of all its cores. */
  machineBusy: number;
}

export class CpuMeter {
  constructor(
    private readonly serverPid: number,
    /** The benchmark database on PostgreSQL, or null for PGlite. */
    private readonly database: string | null,
  ) {}

  snapshot(): CpuSnapshot {
    return {
      at: performance.now(),
      machine: machineTicks(),
      server: processTicks(this.serverPid) ?? Number.NaN,
      self: processTicks('self') ?? 0,
      postgres: this.database ? postgresTicks(this.database) : new Map(),
    };
  }

  since(start: CpuSnapshot): CpuShares {
    const end = this.snapshot();
    const seconds = (end.at - start.at) / 1000;
    const pct = (ticks: number) => (seconds > 0 ? (100 * ticks) / CLK_TCK / seconds : 0);
    let pg = 0;
    for (const [pid, ticks] of end.postgres) pg += ticks - (start.postgres.get(pid) ?? 0);
    const server = end.server - start.server;
    const self = end.self - start.self;
    const busy = end.machine.busy - start.machine.busy;
    const total = end.machine.total - start.machine.total;
    return {
      server: pct(server),
      loadGenerator: pct(self),
      postgres: this.database ? pct(pg) : null,
      other: Math.max(0, pct(busy - server - self - pg)),
      machineBusy: total > 0 ? (100 * busy) / total : 0,
    };
  }
}

/** Busy share of the whole machine (in % of all cores) over the next intervalMs. */
export async function machineBusyPercent(intervalMs: number): Promise<number> {
  const a = machineTicks();
  await new Promise((r) => setTimeout(r, intervalMs));
  const b = machineTicks();
  const total = b.total - a.total;
  return total > 0 ? (100 * (b.busy - a.busy)) / total : 0;
}
