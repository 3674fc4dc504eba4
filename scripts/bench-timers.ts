// `npm run bench:timers`: the timer engine against 1,000,000 open deadlines on PostgreSQL.
// Loads a fresh schema (complaints, one open deadline each, some commitments), then times
// `sweepOnce` when nothing is due, on a typical tick (1,000 due), on a catch-up after downtime
// (10,000 due) and on a long catch-up (100,000 due), shows the plan of the claim query, where a
// sweep's time goes, memory, WAL and table sizes. Not a test: it prints figures and exits 0, or 1
// when something could not be measured or the claim query does not use the partial index.
// See docs/benchmarks.md, "Timer engine (1,000,000 open deadlines)".
//
//   npm run bench:timers                          # 1,000,000 deadlines, 100,000 commitments
//   npm run bench:timers -- --n 200000 --runs 5   # smaller, more repetitions
//   npm run bench:timers -- --keep                # keep the schema for psql (prints its name)
//
// DATABASE_URL picks the server (default postgres://postgres@127.0.0.1:5432/postgres).
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { type DatabaseHandle, openDatabase } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import type { Database } from '../src/db/schema.ts';
import { DEFAULT_BATCH, type SweepResult, sweepOnce } from '../src/jobs/timer-engine.ts';

const { values: args } = parseArgs({
  options: {
    n: { type: 'string', default: '1000000' },
    commitments: { type: 'string', default: '' },
    teams: { type: 'string', default: '20' },
    agents: { type: 'string', default: '10' },
    runs: { type: 'string', default: '3' },
    tick: { type: 'string', default: '1000' },
    catchup: { type: 'string', default: '10000' },
    big: { type: 'string', default: '100000' },
    keep: { type: 'boolean', default: false },
    'quiet-wait': { type: 'string', default: '60' },
  },
});

function count(name: string, raw: string | undefined, fallback: number, min = 1): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw.replaceAll('_', '').replaceAll(',', ''));
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer ≥ ${min}, got "${raw}"`);
  return n;
}

const N = count('n', args.n, 1_000_000, 1000);
const settings = {
  n: N,
  commitments: count('commitments', args.commitments, Math.floor(N / 10), 0),
  teams: count('teams', args.teams, 20),
  agentsPerTeam: count('agents', args.agents, 10),
  runs: count('runs', args.runs, 3),
  tick: count('tick', args.tick, 1000),
  catchup: count('catchup', args.catchup, 10_000),
  big: count('big', args.big, 100_000, 0),
  keep: args.keep ?? false,
  quietWait: count('quiet-wait', args['quiet-wait'], 60, 0),
};
// Each deadline fires at most twice (warning, then breach): enough rows for every measurement.
const needed = 10 + settings.runs * (settings.tick + settings.catchup) + settings.big + settings.tick;
if (2 * N < needed) {
  throw new Error(`--n ${N} is too small for these measurements: use at least ${Math.ceil(needed / 2)}`);
}
const baseUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const schema = `bench_timers_${randomBytes(4).toString('hex')}`;
const appName = `tousu-${schema}`;
const url = withParam(baseUrl, 'application_name', appName);

function withParam(raw: string, key: string, value: string): string {
  const u = new URL(raw);
  u.searchParams.set(key, value);
  return u.toString();
}

// ---- output ---------------------------------------------------------------------------------

const MB = 1024 * 1024;
const out = (s = '') => process.stdout.write(`${s}\n`);
const fmtInt = (n: number) => Math.round(n).toLocaleString('en-US');
function fmtMs(ms: number): string {
  if (ms >= 100) return ms.toFixed(0);
  if (ms >= 10) return ms.toFixed(1);
  return ms.toFixed(2);
}
const fmtMB = (bytes: number) => (bytes / MB).toFixed(1);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

function table(header: string[], rows: string[][], rightFrom = 1): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const sep = header.map((_, i) => (i >= rightFrom ? '---:' : '---'));
  return [line(header), line(sep), ...rows.map(line)].join('\n');
}

// ---- memory ---------------------------------------------------------------------------------

/** Samples the process's RSS and heap every 10 ms (between awaits) and keeps the peaks. */
class MemoryPeaks {
  rss = 0;
  heap = 0;
  private timer: NodeJS.Timeout | undefined;
  start() {
    this.sample();
    this.timer = setInterval(() => this.sample(), 10);
    this.timer.unref();
  }
  sample() {
    const m = process.memoryUsage();
    this.rss = Math.max(this.rss, m.rss);
    this.heap = Math.max(this.heap, m.heapUsed);
  }
  stop() {
    clearInterval(this.timer);
    this.sample();
  }
}

// ---- CPU ------------------------------------------------------------------------------------

// Where the CPU goes during a measurement, from /proc (Linux): this process, the PostgreSQL
// backends of our own pool (found by application_name) plus the server's helpers (WAL writer,
// checkpointer, …), and everything else. On a small shared machine "everything else" tells
// whether the figures can be trusted.
const CLK_TCK = 100;

function machineTicks(): { busy: number; total: number } {
  try {
    const v = (readFileSync('/proc/stat', 'utf8').split('\n', 1)[0] ?? '')
      .trim()
      .split(/\s+/)
      .slice(1, 9)
      .map(Number);
    const total = v.reduce((a, b) => a + b, 0);
    return { busy: total - (v[3] ?? 0) - (v[4] ?? 0), total };
  } catch {
    return { busy: 0, total: 0 };
  }
}

/** CPU ticks of every PostgreSQL process; `helper` when it is not a client backend. */
function postgresTicks(): Map<number, { ticks: number; helper: boolean }> {
  const result = new Map<number, { ticks: number; helper: boolean }>();
  let entries: string[] = [];
  try {
    entries = readdirSync('/proc').filter((e) => /^\d+$/.test(e));
  } catch {
    return result;
  }
  for (const e of entries) {
    try {
      if (readFileSync(`/proc/${e}/comm`, 'utf8').trim() !== 'postgres') continue;
      const cmdline = readFileSync(`/proc/${e}/cmdline`, 'utf8').replace(/\0/g, ' ');
      const stat = readFileSync(`/proc/${e}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // Client backends read "postgres: <cluster>: <user> <db> <host> <state>".
      const helper = !/^postgres: [^:]+: \S+ \S+ \S+/.test(cmdline);
      result.set(Number(e), { ticks: Number(f[11]) + Number(f[12]), helper });
    } catch {
      // the process ended meanwhile
    }
  }
  return result;
}

interface CpuSnapshot {
  at: number;
  machine: { busy: number; total: number };
  self: number;
  postgres: Map<number, { ticks: number; helper: boolean }>;
}

const cpuSnapshot = (): CpuSnapshot => {
  const u = process.cpuUsage();
  return {
    at: performance.now(),
    machine: machineTicks(),
    self: ((u.user + u.system) / 1e6) * CLK_TCK,
    postgres: postgresTicks(),
  };
};

/** CPU over an interval in % of one core (200 % is all of a 2-core machine). */
interface CpuShares {
  node: number;
  postgres: number;
  other: number;
  seconds: number;
}

async function ourBackends(db: Kysely<Database>): Promise<Set<number>> {
  const { rows } = await sql<{ pid: number }>`
    SELECT pid FROM pg_stat_activity WHERE application_name = ${appName}`.execute(db);
  return new Set(rows.map((r) => Number(r.pid)));
}

function cpuShares(a: CpuSnapshot, b: CpuSnapshot, ours: Set<number>): CpuShares {
  const seconds = (b.at - a.at) / 1000;
  const pct = (ticks: number) => (seconds > 0 ? (ticks / CLK_TCK / seconds) * 100 : 0);
  let pgTicks = 0;
  for (const [pid, p] of b.postgres) {
    if (!p.helper && !ours.has(pid)) continue;
    pgTicks += p.ticks - (a.postgres.get(pid)?.ticks ?? p.ticks);
  }
  const self = b.self - a.self;
  const machine = b.machine.busy - a.machine.busy;
  return {
    node: pct(self),
    postgres: pct(pgTicks),
    other: Math.max(0, pct(machine - self - pgTicks)),
    seconds,
  };
}

/** Waits up to `seconds` for the machine to be less than 15 % busy (over 2 s); returns the last figure. */
async function waitForQuiet(seconds: number): Promise<number> {
  const deadline = performance.now() + seconds * 1000;
  for (;;) {
    const a = machineTicks();
    await new Promise((r) => setTimeout(r, 2000));
    const b = machineTicks();
    const busy = b.total > a.total ? ((b.busy - a.busy) / (b.total - a.total)) * 100 : 0;
    if (busy < 15 || performance.now() >= deadline) return busy;
    out(`  machine ${busy.toFixed(0)} % busy, waiting for it to calm down …`);
  }
}

// ---- load -----------------------------------------------------------------------------------

interface Session {
  query<T>(text: string, params?: unknown[]): Promise<T[]>;
}

async function timed<T>(label: string, fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  process.stdout.write(`  ${label} … `);
  const t = performance.now();
  const value = await fn();
  const ms = performance.now() - t;
  out(`${(ms / 1000).toFixed(1)} s`);
  return { value, ms };
}

/**
 * Bulk load in SQL (`INSERT … SELECT generate_series`): ids are md5 uuids of the row number, so
 * rows refer to each other without lookups, and `setseed` makes the spread repeatable.
 * Complaint i: received within the last 15 days, its resolution deadline due between 1 hour and
 * 30 days from t0, warned at 75 % of its span (always after t0), so every deadline is open and
 * next_fire_at = warn_at.
 */
async function load(s: Session, t0: Date) {
  const { n, commitments, teams, agentsPerTeam } = settings;
  const agents = teams * agentsPerTeam;
  const steps: { label: string; ms: number }[] = [];
  const step = async (label: string, text: string, params: unknown[] = []) => {
    const r = await timed(label, () => s.query(text, params));
    steps.push({ label, ms: r.ms });
  };
  // Foreign keys are correct by construction; skipping their per-row triggers makes the load
  // several times faster. Needs superuser; without it the load just takes longer.
  let replica = false;
  try {
    await s.query(`SET session_replication_role = replica`);
    replica = true;
  } catch {
    out('  (not a superuser: loading with foreign key checks)');
  }
  try {
    await s.query('SELECT setseed(0.4242)');
    await step(
      `users: ${fmtInt(agents)} agents and ${fmtInt(teams)} supervisors in ${teams} teams`,
      `INSERT INTO users (id, login, name, password_hash, role, team)
       SELECT md5('agent' || k)::uuid, 'bench.agent.' || k, '坐席' || k, 'x', 'agent',
              'team_' || lpad((1 + (k - 1) % $1)::text, 2, '0')
         FROM generate_series(1, $2::int) k
       UNION ALL
       SELECT md5('supervisor' || t)::uuid, 'bench.supervisor.' || t, '组长' || t, 'x', 'supervisor',
              'team_' || lpad(t::text, 2, '0')
         FROM generate_series(1, $1::int) t`,
      [teams, agents],
    );
    const customers = Math.max(1, Math.floor(n / 10));
    await step(
      `customers: ${fmtInt(customers)}`,
      `INSERT INTO customers (id, name, external_id)
       SELECT md5('customer' || i)::uuid, '客户' || i, 'bench-' || i FROM generate_series(1, $1::int) i`,
      [customers],
    );
    // Agent k = 1 + i % agents owns and handles complaint i; its team is 1 + (k - 1) % teams.
    await step(
      `complaints: ${fmtInt(n)}`,
      `INSERT INTO complaints (id, number, customer_id, contact_phone, channel, received_at, description,
                               status, confirmed, owner_id, handler_id, team, created_by, accepted_at,
                               next_due_at, next_due_kind, next_warn_at, created_at, updated_at)
       SELECT md5('complaint' || i)::uuid, 'B' || lpad(i::text, 10, '0'),
              md5('customer' || (1 + i % $2))::uuid, '138' || lpad((i % 100000000)::text, 8, '0'),
              'phone_in', $1::timestamptz + x.start_off, '宽带断网三天，多次报修无人上门，要求退费并道歉。',
              'in_progress', true, x.agent, x.agent, 'team_' || lpad((1 + i % $3 % $4)::text, 2, '0'), x.agent,
              $1::timestamptz + x.start_off, $1::timestamptz + x.due_off, 'resolution',
              $1::timestamptz + x.due_off - (x.due_off - x.start_off) * 0.25,
              $1::timestamptz + x.start_off, $1::timestamptz + x.start_off
         FROM (SELECT i, interval '1 hour' + random() * interval '719 hours' AS d, random() AS r
                 FROM generate_series(1, $5::int) i) g,
              LATERAL (SELECT md5('agent' || (1 + g.i % $3))::uuid AS agent, g.d AS due_off,
                              -(g.r * least(g.d, interval '15 days')) AS start_off) x`,
      [t0, customers, agents, teams, n],
    );
    await step(
      `complaint_deadlines: ${fmtInt(n)} open (next_fire_at = warn_at)`,
      `INSERT INTO complaint_deadlines (complaint_id, kind, target, start_at, due_at, warn_at,
                                        escalate_on_breach, next_fire_at, created_at, updated_at)
       SELECT id, 'resolution', '{"workingDays": 15}', received_at, next_due_at, next_warn_at,
              (hashtext(number) % 5 = 0), next_warn_at, received_at, received_at
         FROM complaints`,
    );
    if (commitments > 0) {
      // A promise on every (n / commitments)-th complaint, due 1 hour to 30 days from t0,
      // reminded a day before (or halfway there when that is sooner).
      await step(
        `commitments: ${fmtInt(commitments)}`,
        `INSERT INTO commitments (complaint_id, source, kind, description, due_at, remind_at, made_by,
                                  made_at, next_fire_at)
         SELECT md5('complaint' || g.i)::uuid, CASE WHEN g.j % 4 = 0 THEN 'customer' ELSE 'agent' END,
                'call_back', '明天上午回电告知处理进展', $1::timestamptz + g.d,
                $1::timestamptz + g.d - least(interval '1 day', g.d / 2),
                md5('agent' || (1 + g.i % $2))::uuid, $1::timestamptz - interval '1 hour',
                $1::timestamptz + g.d - least(interval '1 day', g.d / 2)
           FROM (SELECT 1 + (j - 1) * ($4::int / $3::int) AS i, j,
                        interval '1 hour' + random() * interval '719 hours' AS d
                   FROM generate_series(1, $3::int) j) g`,
        [t0, agents, commitments, n],
      );
    }
  } finally {
    if (replica) await s.query('RESET session_replication_role');
  }
  await step(
    'VACUUM ANALYZE',
    'VACUUM (ANALYZE) users, customers, complaints, complaint_deadlines, commitments, notifications, audit_events',
  );
  try {
    await step('CHECKPOINT', 'CHECKPOINT');
  } catch {
    out('  (CHECKPOINT not allowed: skipped)');
  }
  return steps;
}

// ---- measurements ---------------------------------------------------------------------------

/** The instant at which exactly `k` deadlines are due: the k-th smallest next_fire_at. */
async function instantWithDue(db: Kysely<Database>, k: number): Promise<Date> {
  const row = await db
    .selectFrom('complaint_deadlines')
    .select('next_fire_at')
    .where('next_fire_at', 'is not', null)
    .orderBy('next_fire_at')
    .offset(k - 1)
    .limit(1)
    .executeTakeFirst();
  if (!row)
    throw new Error(
      `fewer than ${k} deadlines left to fire: use a larger --n or smaller --tick/--catchup/--big`,
    );
  // Dates carry milliseconds and PostgreSQL microseconds: round up so the k-th row is included.
  return new Date((row.next_fire_at as Date).getTime() + 1);
}

interface Run {
  now: Date;
  ms: number;
  result: SweepResult;
  /** WAL written meanwhile, server-wide (other databases' writes included). */
  walBytes: number;
}

async function walLsn(db: Kysely<Database>): Promise<string> {
  const { rows } = await sql<{ lsn: string }>`SELECT pg_current_wal_lsn()::text AS lsn`.execute(db);
  return rows[0]?.lsn ?? '0/0';
}

async function walSince(db: Kysely<Database>, lsn: string): Promise<number> {
  const { rows } = await sql<{ bytes: string }>`
    SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), ${lsn}::pg_lsn)::bigint AS bytes`.execute(db);
  return Number(rows[0]?.bytes ?? 0);
}

interface Measurement {
  label: string;
  due: number;
  runs: Run[];
  rssBefore: number;
  rssPeak: number;
  heapPeak: number;
  cpu: CpuShares;
}

const fired = (r: SweepResult) => r.warned + r.breached + r.reminded + r.overdue;

async function measure(
  db: Kysely<Database>,
  label: string,
  due: number,
  runs: number,
  pickNow: () => Promise<Date>,
): Promise<Measurement> {
  const peaks = new MemoryPeaks();
  const rssBefore = process.memoryUsage().rss;
  peaks.start();
  const all: Run[] = [];
  const cpu: CpuShares = { node: 0, postgres: 0, other: 0, seconds: 0 };
  for (let i = 0; i < runs; i++) {
    const now = await pickNow();
    const lsn = await walLsn(db);
    const before = cpuSnapshot();
    const t = performance.now();
    const result = await sweepOnce(db, now);
    const ms = performance.now() - t;
    const c = cpuShares(before, cpuSnapshot(), await ourBackends(db));
    const walBytes = await walSince(db, lsn);
    // Time-weighted over the runs.
    const total = cpu.seconds + c.seconds;
    if (total > 0) {
      cpu.node = (cpu.node * cpu.seconds + c.node * c.seconds) / total;
      cpu.postgres = (cpu.postgres * cpu.seconds + c.postgres * c.seconds) / total;
      cpu.other = (cpu.other * cpu.seconds + c.other * c.seconds) / total;
      cpu.seconds = total;
    }
    all.push({ now, ms, result, walBytes });
    out(
      `  ${label} #${i + 1}: now=${now.toISOString()} warned=${result.warned} breached=${result.breached} ` +
        `reminded=${result.reminded} overdue=${result.overdue} notifications=${result.notifications} ` +
        `${fmtMs(ms)} ms, WAL ${fmtMB(walBytes)} MB` +
        (c.seconds >= 0.5
          ? ` (CPU % of a core: node ${c.node.toFixed(0)}, PostgreSQL ${c.postgres.toFixed(0)}, other ${c.other.toFixed(0)})`
          : ''),
    );
  }
  peaks.stop();
  return { label, due, runs: all, rssBefore, rssPeak: peaks.rss, heapPeak: peaks.heap, cpu };
}

/** The claim query of `sweepDeadlines` in src/jobs/timer-engine.ts, built the same way. */
function claimQuery(db: Kysely<Database>, now: Date) {
  return db
    .selectFrom('complaint_deadlines as d')
    .innerJoin('complaints as c', 'c.id', 'd.complaint_id')
    .selectAll('d')
    .select(['c.number', 'c.owner_id', 'c.handler_id', 'c.team'])
    .where('d.next_fire_at', '<=', now)
    .orderBy('d.next_fire_at')
    .limit(DEFAULT_BATCH)
    .forUpdate('d')
    .skipLocked()
    .compile();
}

/** EXPLAIN (ANALYZE, BUFFERS) of the claim query, rolled back so that no row stays locked. */
async function explainClaim(handle: DatabaseHandle, now: Date): Promise<string[]> {
  const q = claimQuery(handle.db, now);
  return handle.withScriptSession(async (s) => {
    await s.exec('BEGIN');
    try {
      const rows = await s.query<{ 'QUERY PLAN': string }>(
        `EXPLAIN (ANALYZE, BUFFERS) ${q.sql}`,
        q.parameters as unknown[],
      );
      return rows.map((r) => r['QUERY PLAN']);
    } finally {
      await s.exec('ROLLBACK');
    }
  });
}

/**
 * Where one sweep's time goes: the same sweep through a Kysely that logs every statement's
 * duration (the round trip as the driver sees it), grouped by statement.
 */
async function profileSweep(due: number, pickNow: () => Promise<Date>) {
  const groups = new Map<string, { n: number; ms: number }>();
  const classify = (text: string) => {
    const s = text.replace(/\s+/g, ' ').toLowerCase();
    if (s.startsWith('select "d".*')) return 'claim deadlines (SELECT … FOR UPDATE SKIP LOCKED)';
    if (s.startsWith('select "k".*')) return 'claim commitments (SELECT … FOR UPDATE SKIP LOCKED)';
    if (s.startsWith('select "id", "team" from "users"')) return 'supervisors of the teams';
    if (s.startsWith('update "complaint_deadlines"')) return 'UPDATE complaint_deadlines, one per row';
    if (s.startsWith('update "commitments"')) return 'UPDATE commitments, one per row';
    if (s.startsWith('insert into "notifications"')) return 'INSERT notifications (one per batch)';
    if (s.startsWith('insert into "audit_events"')) return 'INSERT audit_events (one per batch)';
    return s.slice(0, 40);
  };
  const pool = new pg.Pool({ connectionString: url, max: 2, options: `-c search_path=${schema}` });
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    log: (e) => {
      const key = classify(e.query.sql);
      const g = groups.get(key) ?? { n: 0, ms: 0 };
      g.n++;
      g.ms += e.queryDurationMillis;
      groups.set(key, g);
    },
  });
  try {
    const now = await pickNow();
    const t = performance.now();
    const result = await sweepOnce(db, now);
    const ms = performance.now() - t;
    return { due, ms, result, groups: [...groups.entries()].sort((a, b) => b[1].ms - a[1].ms) };
  } finally {
    await db.destroy();
  }
}

const SIZED_TABLES = ['complaints', 'complaint_deadlines', 'commitments', 'notifications', 'audit_events'];
const SIZED_INDEXES = [
  'complaint_deadlines_fire_idx',
  'complaint_deadlines_pkey',
  'complaint_deadlines_open_idx',
  'commitments_fire_idx',
];

/** pg_total_relation_size of the tables (with their indexes and TOAST), pg_relation_size of some indexes. */
async function sizes(s: Session) {
  const rels = await s.query<{ name: string; kind: string; bytes: number }>(
    `SELECT c.relname AS name, CASE c.relkind WHEN 'i' THEN 'index' ELSE 'table' END AS kind,
            CASE WHEN c.relkind = 'r' THEN pg_total_relation_size(c.oid) ELSE pg_relation_size(c.oid) END AS bytes
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND (c.relname = ANY($2) OR c.relname = ANY($3))
      ORDER BY c.relkind DESC, bytes DESC`,
    [schema, SIZED_TABLES, SIZED_INDEXES],
  );
  const result: { name: string; kind: string; bytes: number; rows: number | null }[] = [];
  for (const r of rels) {
    let rows: number | null = null;
    if (r.kind === 'table') {
      // The names come from SIZED_TABLES above.
      const c = await s.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${r.name}`);
      rows = c[0]?.n ?? 0;
    }
    result.push({ ...r, rows });
  }
  return result;
}

// ---- cleanup --------------------------------------------------------------------------------

async function dropSchema() {
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  try {
    // Our own pool's connections, if an interrupted sweep still holds locks.
    await client.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND pid <> pg_backend_pid()',
      [appName],
    );
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}

let interrupted = false;
process.once('SIGINT', () => {
  interrupted = true;
  // Terminating our backends makes their checked-out clients emit 'error': expected now.
  process.on('uncaughtException', () => undefined);
  out('\nInterrupted: dropping the schema …');
  const done = settings.keep ? Promise.resolve() : dropSchema();
  done.then(
    () => process.exit(130),
    (err: unknown) => {
      console.error(err);
      process.exit(130);
    },
  );
});

// ---- main -----------------------------------------------------------------------------------

async function main(): Promise<number> {
  const { n, runs } = settings;
  const memStart = process.memoryUsage();
  out(`Timer engine benchmark: ${fmtInt(n)} open deadlines, ${fmtInt(settings.commitments)} commitments`);
  out(
    `Machine: ${availableParallelism()} CPUs (${cpus()[0]?.model ?? '?'}), Node ${process.version}, ` +
      `load average ${loadavg()
        .map((x) => x.toFixed(2))
        .join(' / ')}`,
  );
  const handle = await openDatabase({ databaseUrl: url, schema });
  out(`Database: ${baseUrl.replace(/\/\/[^@/]*@/, '//…@')}, schema ${schema}`);
  let exitCode = 0;
  try {
    const version = await handle.withScriptSession((s) =>
      s.query<{ v: string; sb: string; sc: string }>(
        `SELECT current_setting('server_version') AS v, current_setting('shared_buffers') AS sb,
                current_setting('synchronous_commit') AS sc`,
      ),
    );
    out(
      `PostgreSQL ${version[0]?.v}, shared_buffers ${version[0]?.sb}, synchronous_commit ${version[0]?.sc}`,
    );
    const tMigrate = performance.now();
    await migrate(handle);
    out(`Migrated in ${fmtInt(performance.now() - tMigrate)} ms`);

    // t0: the benchmark's "now" at load time, on a whole minute.
    const t0 = new Date(Math.floor(Date.now() / 60_000) * 60_000);
    out(`\nLoading (t0 = ${t0.toISOString()}):`);
    const tLoad = performance.now();
    const steps = await handle.withScriptSession((s) => load(s, t0));
    const loadMs = performance.now() - tLoad;
    out(`  total ${(loadMs / 1000).toFixed(1)} s`);

    const open = await handle.withScriptSession((s) =>
      s.query<{ open: number; earliest: Date; latest: Date }>(
        `SELECT count(*)::int AS open, min(next_fire_at) AS earliest, max(due_at) AS latest
           FROM complaint_deadlines WHERE next_fire_at IS NOT NULL`,
      ),
    );
    const openRow = open[0] as { open: number; earliest: Date; latest: Date };
    out(
      `  open deadlines: ${fmtInt(openRow.open)}, first warning at ${openRow.earliest.toISOString()}, ` +
        `last due at ${openRow.latest.toISOString()}`,
    );

    const sizesBefore = await handle.withScriptSession(sizes);
    const memBefore = process.memoryUsage();
    out(
      `\nMemory before the sweeps: RSS ${fmtMB(memBefore.rss)} MB, heap used ${fmtMB(memBefore.heapUsed)} MB`,
    );

    // A warm-up sweep (10 due) so that the first measured sweep does not pay for connections,
    // Kysely's first compilation and PostgreSQL's catalog caches.
    const warm = await sweepOnce(handle.db, await instantWithDue(handle.db, 10));
    out(`Warm-up sweep: ${fired(warm)} fired`);
    if (settings.quietWait > 0) {
      const busy = await waitForQuiet(settings.quietWait);
      out(`Machine ${busy.toFixed(0)} % busy before the sweeps`);
    }

    out('\nSweeps:');
    let idle = new Date(t0.getTime() - 1000);
    const measurements: Measurement[] = [];
    measurements.push(
      await measure(handle.db, 'nothing due', 0, runs, async () => {
        idle = new Date(idle.getTime() + 1);
        return idle;
      }),
    );
    const explainIdle = await explainClaim(handle, idle);
    // The plan for a typical tick, taken before the tick's rows are swept.
    const explainTick = await explainClaim(handle, await instantWithDue(handle.db, settings.tick));
    measurements.push(
      await measure(handle.db, `${fmtInt(settings.tick)} due`, settings.tick, runs, () =>
        instantWithDue(handle.db, settings.tick),
      ),
    );
    measurements.push(
      await measure(handle.db, `${fmtInt(settings.catchup)} due`, settings.catchup, runs, () =>
        instantWithDue(handle.db, settings.catchup),
      ),
    );
    if (settings.big > 0) {
      measurements.push(
        await measure(handle.db, `${fmtInt(settings.big)} due`, settings.big, 1, () =>
          instantWithDue(handle.db, settings.big),
        ),
      );
    }
    const memAfter = process.memoryUsage();
    const rssPeak = Math.max(...measurements.map((m) => m.rssPeak));
    const heapPeak = Math.max(...measurements.map((m) => m.heapPeak));

    out('\nWhere the time of one sweep goes (statements timed by a logging Kysely):');
    const profile = await profileSweep(settings.tick, () => instantWithDue(handle.db, settings.tick));
    const profiled = profile.groups.reduce((a, [, g]) => a + g.ms, 0);
    out(
      table(
        ['Statement', 'Count', 'Total ms', 'ms each'],
        [
          ...profile.groups.map(([k, g]) => [k, fmtInt(g.n), fmtMs(g.ms), (g.ms / g.n).toFixed(3)]),
          ['BEGIN/COMMIT, JavaScript, pool', '', fmtMs(profile.ms - profiled), ''],
          [`whole sweep (${fmtInt(fired(profile.result))} fired)`, '', fmtMs(profile.ms), ''],
        ],
      ),
    );

    const sizesAfter = await handle.withScriptSession(sizes);
    const written = await handle.withScriptSession((s) =>
      s.query<{ notifications: number; audits: number }>(
        `SELECT (SELECT count(*)::int FROM notifications) AS notifications,
                (SELECT count(*)::int FROM audit_events) AS audits`,
      ),
    );

    // ---- report ----
    out('\nPlan of the claim query, nothing due:');
    for (const l of explainIdle) out(`  ${l}`);
    out(`\nPlan of the claim query, ${fmtInt(settings.tick)} due (first batch of ${DEFAULT_BATCH}):`);
    for (const l of explainTick) out(`  ${l}`);
    const usesIndex = explainTick.some((l) => l.includes('complaint_deadlines_fire_idx'));
    if (!usesIndex) {
      out('\nWARNING: the claim query does not use complaint_deadlines_fire_idx');
      exitCode = 1;
    }

    out(
      `\n## Summary (${fmtInt(n)} open deadlines, median of ${runs} run${runs === 1 ? '' : 's'}` +
        `${settings.big > 0 ? `; ${fmtInt(settings.big)} due: 1 run` : ''})\n`,
    );
    out(
      table(
        [
          'Sweep',
          'Deadlines fired',
          'Commitments fired',
          'Notifications',
          'ms',
          'ms per 1,000 fired',
          'WAL (MB)',
          'RSS peak (MB)',
          'CPU % of a core: node / PostgreSQL / other',
        ],
        measurements.map((m) => {
          const ms = median(m.runs.map((r) => r.ms));
          const f = median(m.runs.map((r) => fired(r.result)));
          const notes = median(m.runs.map((r) => r.result.notifications));
          const dl = median(m.runs.map((r) => r.result.warned + r.result.breached));
          const cm = median(m.runs.map((r) => r.result.reminded + r.result.overdue));
          return [
            m.label,
            fmtInt(dl),
            fmtInt(cm),
            fmtInt(notes),
            fmtMs(ms),
            f > 0 ? fmtMs((ms / f) * 1000) : '–',
            fmtMB(median(m.runs.map((r) => r.walBytes))),
            fmtMB(m.rssPeak),
            // /proc counts in 10 ms ticks: meaningless for a few milliseconds.
            m.cpu.seconds < 0.5
              ? '–'
              : `${m.cpu.node.toFixed(0)} / ${m.cpu.postgres.toFixed(0)} / ${m.cpu.other.toFixed(0)}`,
          ];
        }),
      ),
    );
    const noisy = measurements.filter((m) => m.cpu.seconds >= 0.5 && m.cpu.other > 15);
    if (noisy.length) {
      out(
        `\nWARNING: other processes used more than 15 % of a core during: ${noisy.map((m) => m.label).join(', ')}; ` +
          'those figures are pessimistic.',
      );
    }
    out('\nAll runs (ms): ');
    for (const m of measurements) out(`  ${m.label}: ${m.runs.map((r) => fmtMs(r.ms)).join(', ')}`);
    out();
    out(
      table(
        ['Memory (benchmark process)', 'MB'],
        [
          ['RSS at start', fmtMB(memStart.rss)],
          ['RSS before the sweeps', fmtMB(memBefore.rss)],
          ['RSS peak during the sweeps', fmtMB(rssPeak)],
          ['RSS after the sweeps', fmtMB(memAfter.rss)],
          ['heap used before the sweeps', fmtMB(memBefore.heapUsed)],
          ['heap used peak during the sweeps', fmtMB(heapPeak)],
          ['heap used after the sweeps', fmtMB(memAfter.heapUsed)],
        ],
      ),
    );
    out();
    const before = new Map(sizesBefore.map((r) => [r.name, r]));
    out(
      table(
        ['PostgreSQL relation', 'Rows', 'Size before sweeps (MB)', 'Size after (MB)'],
        sizesAfter.map((r) => [
          `${r.name}${r.kind === 'index' ? ' (index)' : ' (table + indexes + TOAST)'}`,
          r.rows == null ? '' : fmtInt(Number(r.rows)),
          fmtMB(Number(before.get(r.name)?.bytes ?? 0)),
          fmtMB(Number(r.bytes)),
        ]),
      ),
    );
    out(
      `\nWritten by the sweeps: ${fmtInt(written[0]?.notifications ?? 0)} notifications, ` +
        `${fmtInt(written[0]?.audits ?? 0)} audit events`,
    );
    out();
    out(
      table(
        ['Load step', 's'],
        [...steps.map((s) => [s.label, (s.ms / 1000).toFixed(1)]), ['total', (loadMs / 1000).toFixed(1)]],
      ),
    );
  } catch (err) {
    if (!interrupted) console.error(err);
    exitCode = 1;
  } finally {
    await handle.close();
    if (interrupted) {
      // The SIGINT handler drops the schema and exits.
    } else if (settings.keep) {
      out(`\nKept schema ${schema} (drop it with: DROP SCHEMA ${schema} CASCADE)`);
    } else {
      const t = performance.now();
      await dropSchema();
      out(`\nDropped schema ${schema} in ${fmtInt(performance.now() - t)} ms`);
    }
  }
  return exitCode;
}

process.exitCode = await main();
