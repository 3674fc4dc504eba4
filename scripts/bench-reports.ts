// `npm run bench:reports`: the report endpoints against 10,000,000 complaints on PostgreSQL.
// Loads a database of its own (COPY FROM STDIN, report triggers off, then report_rebuild() once),
// starts the real HTTP server (buildServer) on it and times every report endpoint over HTTP:
// periods of a day, a month and a year ending yesterday, without filters, with one and with two,
// the KPIs by each grouping, and the Excel downloads. Prints p50/p95/max per case and marks p95
// ≥ 200 ms; for those it logs the SQL the request ran and shows EXPLAIN (ANALYZE, BUFFERS) of its
// slowest statement. Not a test: it exits 0, or 1 when something could not be measured.
// See docs/benchmarks.md, "Reports (10,000,000 complaints)".
//
//   npm run bench:reports                              # load 10M (≈ 25 min), measure, drop
//   npm run bench:reports -- --keep                    # … and keep the database for later runs
//   npm run bench:reports -- --reuse                   # measure the kept database again (no load)
//   npm run bench:reports -- --complaints 1000000      # a smaller data set
//   npm run bench:reports -- --reuse --only kpis       # only cases whose label matches
//
// BENCH_PG_URL (or DATABASE_URL) names the maintenance database (default
// postgres://postgres@127.0.0.1:5432/postgres); the data goes into database --db
// (default tousu_bench_reports) on the same server.
import { existsSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { type CompiledQuery, Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { insertUser } from '../src/commands/users.ts';
import type { DatabaseHandle } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { reportSettings } from '../src/db/repositories/report-cube.ts';
import type { Database } from '../src/db/schema.ts';
import { lastCompleted, type SummaryPeriod } from '../src/domain/summary-periods.ts';
import { buildServer } from '../src/http/server.ts';
import {
  BURSTS,
  COMPLAINT_COLUMNS,
  CUSTOMER_COLUMNS,
  complaintRows,
  copyInto,
  createOrganisation,
  customerRows,
  PHONE_COLUMNS,
  phoneRows,
  planDays,
  Rng,
  type Tally,
} from './bench-reports-data.ts';

const { values: args } = parseArgs({
  options: {
    complaints: { type: 'string', default: '10000000' },
    customers: { type: 'string', default: '' },
    days: { type: 'string', default: '730' },
    seed: { type: 'string', default: '20261122' },
    db: { type: 'string', default: 'tousu_bench_reports' },
    reuse: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    'load-only': { type: 'boolean', default: false },
    requests: { type: 'string', default: '30' },
    warmup: { type: 'string', default: '3' },
    only: { type: 'string', default: '' },
    explain: { type: 'boolean', default: true },
    'quiet-wait': { type: 'string', default: '30' },
    'pg-options': { type: 'string', default: '' },
  },
  allowNegative: true,
});

function count(name: string, raw: string | undefined, fallback: number, min = 1): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw.replaceAll('_', '').replaceAll(',', ''));
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer ≥ ${min}, got "${raw}"`);
  return n;
}

const N = count('complaints', args.complaints, 10_000_000, 1000);
const settings = {
  complaints: N,
  customers: count('customers', args.customers, Math.max(1000, Math.floor(N / 5)), 100),
  days: count('days', args.days, 730, 30),
  seed: count('seed', args.seed, 20261122, 0),
  db: args.db ?? 'tousu_bench_reports',
  reuse: args.reuse ?? false,
  keep: (args.keep ?? false) || (args.reuse ?? false),
  loadOnly: args['load-only'] ?? false,
  requests: count('requests', args.requests, 30),
  warmup: count('warmup', args.warmup, 3, 0),
  only: args.only ? new RegExp(args.only, 'i') : null,
  explain: args.explain ?? true,
  quietWait: count('quiet-wait', args['quiet-wait'], 30, 0),
  /** Session settings for the server's connections, e.g. "-c jit=off", to try a setting. */
  pgOptions: args['pg-options'] ?? '',
};
if (!/^[a-z_][a-z0-9_]*$/.test(settings.db))
  throw new Error(`--db must be a plain identifier, got ${settings.db}`);
const SLOW_MS = 200;
const maintenanceUrl =
  process.env.BENCH_PG_URL || process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const benchUrl = (() => {
  const u = new URL(maintenanceUrl);
  u.pathname = `/${settings.db}`;
  return u.toString();
})();

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
const fmtS = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  // Nearest rank: p95 of 30 samples is the 29th smallest.
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] as number;
}

function table(header: string[], rows: string[][], rightFrom = 1): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const sep = header.map((_, i) => (i >= rightFrom ? '---:' : '---'));
  return [line(header), line(sep), ...rows.map(line)].join('\n');
}

/** Runs `fn` and prints how long it took; `long` steps print progress lines of their own meanwhile. */
async function timed<T>(
  label: string,
  fn: () => Promise<T>,
  long = false,
): Promise<{ value: T; ms: number }> {
  if (long) out(`  ${label} …`);
  else process.stdout.write(`  ${label} … `);
  const t = performance.now();
  const value = await fn();
  const ms = performance.now() - t;
  out(long ? `    done in ${fmtS(ms)}` : fmtS(ms));
  return { value, ms };
}

/** Waits up to `seconds` for the machine to be less than 15 % busy (over 2 s); returns the last figure. */
async function waitForQuiet(seconds: number): Promise<number> {
  const ticks = () => {
    const v = (readFileSync('/proc/stat', 'utf8').split('\n', 1)[0] ?? '')
      .trim()
      .split(/\s+/)
      .slice(1, 9)
      .map(Number);
    const total = v.reduce((a, b) => a + b, 0);
    return { busy: total - (v[3] ?? 0) - (v[4] ?? 0), total };
  };
  const deadline = performance.now() + seconds * 1000;
  for (;;) {
    let busy = 0;
    try {
      const a = ticks();
      await new Promise((r) => setTimeout(r, 2000));
      const b = ticks();
      busy = b.total > a.total ? ((b.busy - a.busy) / (b.total - a.total)) * 100 : 0;
    } catch {
      return 0; // not Linux
    }
    if (busy < 15 || performance.now() >= deadline) return busy;
    out(`  machine ${busy.toFixed(0)} % busy, waiting for it to calm down …`);
  }
}

// ---- database -------------------------------------------------------------------------------

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url, application_name: 'tousu-bench-reports' });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

async function databaseExists(): Promise<boolean> {
  return withClient(maintenanceUrl, async (c) => {
    const r = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [settings.db]);
    return (r.rowCount ?? 0) > 0;
  });
}

async function dropDatabase(): Promise<void> {
  await withClient(maintenanceUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${settings.db} WITH (FORCE)`));
}

/**
 * The server's database handle: a pg pool like openDatabase's (10 connections), with a Kysely
 * `log` hook that records statements only while `capture` is set (to find a slow request's SQL).
 */
interface Captured {
  sql: string;
  parameters: readonly unknown[];
  ms: number;
}
let capture: Captured[] | null = null;

function openLoggedDatabase(
  url: string,
  poolSize: number,
  options = '',
): { handle: DatabaseHandle; pool: pg.Pool } {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    connectionTimeoutMillis: 10_000,
    ...(options ? { options } : {}),
  });
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    log: (e) => {
      if (capture && e.level === 'query') {
        capture.push({ sql: e.query.sql, parameters: e.query.parameters, ms: e.queryDurationMillis });
      }
    },
  });
  const handle: DatabaseHandle = {
    db,
    kind: 'postgres',
    async withScriptSession(fn) {
      const client = await pool.connect();
      try {
        return await fn({
          exec: async (text) => {
            await client.query(text);
          },
          query: async <T>(text: string, params: unknown[] = []) =>
            (await client.query(text, params)).rows as T[],
        });
      } finally {
        client.release();
      }
    },
    close: () => db.destroy(),
  };
  return { handle, pool };
}

// ---- load -----------------------------------------------------------------------------------

interface Meta {
  complaints: number;
  customers: number;
  first_day: string;
  last_day: string;
  loaded_at: Date;
  seed: number;
  load_ms: number;
  rebuild_ms: number;
  steps: { label: string; ms: number }[];
  tally: Tally | null;
}

/** The day before `at` in China, YYYY-MM-DD. */
function chinaYesterday(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000 - 86_400_000).toISOString().slice(0, 10);
}

async function load(): Promise<Meta> {
  const t0 = new Date();
  const lastDay = chinaYesterday(t0);
  const rng = new Rng(settings.seed);
  const steps: { label: string; ms: number }[] = [];
  const step = async <T>(label: string, fn: () => Promise<T>, long = false): Promise<T> => {
    const r = await timed(label, fn, long);
    steps.push({ label, ms: r.ms });
    return r.value;
  };
  const tLoad = performance.now();
  await withClient(maintenanceUrl, (c) => c.query(`CREATE DATABASE ${settings.db}`));
  const { handle } = openLoggedDatabase(benchUrl, 2);
  try {
    await step('migrate (the project’s migrations and seed)', () => migrate(handle));
  } finally {
    await handle.close();
  }
  const tally: Tally = {
    rows: 0,
    byStatus: {},
    bySeverity: {},
    byChannel: {},
    escalated: 0,
    escalations: 0,
    repeats: 0,
    reopened: 0,
    withCause: 0,
    uncategorised: 0,
    busiestDay: { day: '', count: 0, kind: '' },
    quietestDay: { day: '', count: 0, kind: '' },
  };
  let meta: Meta | undefined;
  await withClient(benchUrl, async (c) => {
    const s = {
      query: async <T>(text: string, params: unknown[] = []) => (await c.query(text, params)).rows as T[],
    };
    // Triggers off for this session: the report trigger (its facts are written in the rows and
    // the rollups rebuilt once at the end), the max-tier trigger and the foreign-key checks (the
    // rows are consistent by construction). Needs a superuser.
    await c.query('SET session_replication_role = replica');
    await c.query(`SET maintenance_work_mem = '1GB'`);
    const org = await step('organisation: 20 teams, 410 staff, 6 departments, 30 products', () =>
      createOrganisation(s, rng, t0),
    );
    const cal = planDays(settings.complaints, settings.days, lastDay, org.leaves);
    out(`  ${cal.days.length} days, ${cal.first} … ${cal.last} (China time); now = ${t0.toISOString()}`);

    // Secondary indexes of complaints are dropped and built again after the COPY: one sorted
    // build each instead of 10M random insertions into each of them.
    const indexes = await s.query<{ name: string; def: string }>(
      `SELECT i.relname AS name, pg_get_indexdef(i.oid) AS def
         FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
        WHERE t.relname = 'complaints' AND t.relnamespace = 'public'::regnamespace
          AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid)
        ORDER BY 1`,
    );
    for (const ix of indexes) await c.query(`DROP INDEX ${ix.name}`);

    const customers = await step(`COPY customers: ${fmtInt(settings.customers)}`, () =>
      copyInto(c, 'customers', CUSTOMER_COLUMNS, customerRows(settings.customers, rng, t0.getTime())),
    );
    await step(`COPY customer_phones: ${fmtInt(settings.customers)}`, () =>
      copyInto(c, 'customer_phones', PHONE_COLUMNS, phoneRows(settings.customers, t0.getTime())),
    );
    const memBefore = process.memoryUsage().rss;
    let memPeak = memBefore;
    const sampler = setInterval(() => {
      memPeak = Math.max(memPeak, process.memoryUsage().rss);
    }, 200);
    const progress = setInterval(() => {
      out(`    … ${fmtInt(tally.rows)} complaints, RSS ${fmtMB(process.memoryUsage().rss)} MB`);
    }, 30_000);
    try {
      await step(
        `COPY complaints: ${fmtInt(settings.complaints)}`,
        () =>
          copyInto(
            c,
            'complaints',
            COMPLAINT_COLUMNS,
            complaintRows(cal, org, settings.customers, rng, t0.getTime(), tally),
          ),
        true,
      );
    } finally {
      clearInterval(sampler);
      clearInterval(progress);
    }
    out(`    generator RSS ${fmtMB(memBefore)} MB before, ${fmtMB(memPeak)} MB peak`);
    for (const ix of indexes) {
      await step(`index ${ix.name}`, () => c.query(ix.def));
    }
    // Escalation rows that match the counts written on the complaints (reviews included).
    await step('escalations (from the complaints’ counts)', () =>
      c.query(
        `INSERT INTO escalations (complaint_id, kind, reason, note, from_level, to_level, from_handler_id,
                                  to_handler_id, created_by, created_at, applied_at, review, reviewed_by, reviewed_at)
         SELECT c.id, 'escalation',
                (ARRAY['beyond_authority','beyond_resources','customer_insists','major_risk','deadline_breached'])
                  [1 + abs(hashtext(c.number || k)) % 5],
                '超出一线处理权限，升级处理', least(k, 2), least(k + 1, 3), c.owner_id, c.handler_id, c.owner_id,
                e.at, e.at,
                CASE WHEN k <= c.escalations_justified THEN 'justified'
                     WHEN k <= c.escalations_reviewed THEN 'unjustified' END,
                CASE WHEN k <= c.escalations_reviewed THEN s.id END,
                CASE WHEN k <= c.escalations_reviewed THEN e.at + interval '20 hours' END
           FROM complaints c
           CROSS JOIN LATERAL generate_series(1, c.escalation_count) k
           CROSS JOIN LATERAL (SELECT c.accepted_at + (coalesce(c.resolved_at, c.closed_at, $1::timestamptz) - c.accepted_at)
                                      * k / (c.escalation_count + 2) AS at) e
           LEFT JOIN LATERAL (SELECT u.id FROM users u WHERE u.role = 'supervisor' AND u.team = c.team LIMIT 1) s ON true
          WHERE c.escalation_count > 0`,
        [t0],
      ),
    );
    await step('complaint_number_counters', () =>
      c.query(
        `INSERT INTO complaint_number_counters (day, last)
         SELECT to_date(substr(number, 3, 8), 'YYYYMMDD'), max(substr(number, 11)::int) FROM complaints GROUP BY 1`,
      ),
    );
    await c.query('RESET session_replication_role');
    const pending = await s.query<{ n: number }>('SELECT count(*)::int AS n FROM report_deltas');
    if ((pending[0]?.n ?? 0) !== 0)
      throw new Error('report_deltas is not empty: the report trigger ran during the load');
    await step('VACUUM (FREEZE, ANALYZE)', () => c.query('VACUUM (FREEZE, ANALYZE)'));
    const loadMs = performance.now() - tLoad;

    // The rollups, as an administrator would rebuild them after a bulk import.
    out('\nRebuilding the report rollups (SELECT report_rebuild()):');
    await c.query(`RESET maintenance_work_mem`);
    const rebuild = await timed('report_rebuild()', () => c.query('SELECT report_rebuild()'));
    await timed('VACUUM ANALYZE of the rollups', () =>
      c.query('VACUUM (ANALYZE) report_counts, report_kpis, report_resolve_hist, report_deltas'),
    );
    await timed('CHECKPOINT', () => c.query('CHECKPOINT'));
    meta = {
      complaints: tally.rows,
      customers,
      first_day: cal.first,
      last_day: cal.last,
      loaded_at: t0,
      seed: settings.seed,
      load_ms: loadMs,
      rebuild_ms: rebuild.ms,
      steps,
      tally,
    };
    await c.query(
      `CREATE TABLE bench_reports_meta (id boolean PRIMARY KEY DEFAULT true, meta jsonb NOT NULL);
       INSERT INTO bench_reports_meta (meta) VALUES ('${JSON.stringify(meta).replaceAll("'", "''")}')`,
    );
  });
  if (!meta) throw new Error('load did not finish');
  return meta;
}

async function readMeta(): Promise<Meta> {
  return withClient(benchUrl, async (c) => {
    const r = await c.query('SELECT meta FROM bench_reports_meta').catch(() => null);
    const m = r?.rows[0]?.meta as Meta | undefined;
    if (!m)
      throw new Error(
        `database ${settings.db} has no finished load (bench_reports_meta): run without --reuse`,
      );
    return { ...m, loaded_at: new Date(m.loaded_at) };
  });
}

interface Size {
  name: string;
  rows: number;
  bytes: number;
}

async function sizes(): Promise<{ database: number; tables: Size[] }> {
  return withClient(benchUrl, async (c) => {
    const db = await c.query('SELECT pg_database_size(current_database())::bigint AS b');
    const t = await c.query(
      `SELECT c.relname AS name, c.reltuples::bigint AS rows, pg_total_relation_size(c.oid)::bigint AS bytes
         FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r'
        ORDER BY bytes DESC LIMIT 12`,
    );
    return {
      database: Number(db.rows[0]?.b ?? 0),
      tables: t.rows.map((r) => ({ name: r.name, rows: Number(r.rows), bytes: Number(r.bytes) })),
    };
  });
}

// ---- measurements ---------------------------------------------------------------------------

interface Case {
  label: string;
  endpoint: string;
  period: string;
  filters: string;
  path: string;
}

interface Result extends Case {
  status: number;
  /** What the report said it used: 'rollup', or 'raw' (counted from the complaints). */
  source: string;
  bytes: number;
  samples: number[];
  p50: number;
  p95: number;
  max: number;
  error?: string;
}

const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
function minusMonths(day: string, months: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.toISOString().slice(0, 10);
}

interface Context {
  lastDay: string;
  team: string;
  categoryRoot: { id: string; name: string };
  categoryLeaf: { id: string; name: string };
  departmentId: string;
}

function cases(ctx: Context): Case[] {
  const y = ctx.lastDay;
  const periods = [
    { name: 'day', from: y, to: y, interval: 'day' },
    { name: 'month', from: addDays(minusMonths(y, 1), 1), to: y, interval: 'day' },
    { name: 'year', from: addDays(minusMonths(y, 12), 1), to: y, interval: 'month' },
  ];
  const q = (o: Record<string, string>) => new URLSearchParams(o).toString();
  const filterSets: { label: string; params: Record<string, string> }[] = [
    { label: '–', params: {} },
    { label: 'channel=phone_in', params: { channel: 'phone_in' } },
    { label: `team=${ctx.team}`, params: { team: ctx.team } },
    { label: 'severity=major', params: { severity: 'major' } },
    { label: `categoryId=${ctx.categoryRoot.name} (subtree)`, params: { categoryId: ctx.categoryRoot.id } },
    { label: `channel=phone_in & team=${ctx.team}`, params: { channel: 'phone_in', team: ctx.team } },
    {
      label: `severity=major & categoryId=${ctx.categoryRoot.name}`,
      params: { severity: 'major', categoryId: ctx.categoryRoot.id },
    },
  ];
  const list: Case[] = [];
  for (const p of periods) {
    for (const f of filterSets) {
      const base = { from: p.from, to: p.to, ...f.params };
      list.push({
        label: `category-distribution ${p.name} ${f.label}`,
        endpoint: 'category-distribution',
        period: p.name,
        filters: f.label,
        path: `/reports/category-distribution?${q({ ...base, level: '1' })}`,
      });
      list.push({
        label: `trend ${p.name} ${f.label}`,
        endpoint: `trend (interval=${p.interval})`,
        period: p.name,
        filters: f.label,
        path: `/reports/trend?${q({ ...base, interval: p.interval })}`,
      });
      list.push({
        label: `heatmap ${p.name} ${f.label}`,
        endpoint: 'heatmap',
        period: p.name,
        filters: f.label,
        path: `/reports/heatmap?${q(base)}`,
      });
    }
    if (p.name === 'year') {
      list.push({
        label: `trend year interval=week`,
        endpoint: 'trend (interval=week)',
        period: p.name,
        filters: '–',
        path: `/reports/trend?${q({ from: p.from, to: p.to, interval: 'week' })}`,
      });
    }
    for (const g of ['all', 'team', 'owner', 'department', 'category']) {
      list.push({
        label: `kpis ${p.name} groupBy=${g}`,
        endpoint: `kpis groupBy=${g}`,
        period: p.name,
        filters: g === 'category' ? 'level=1' : '–',
        path: `/reports/kpis?${q({ from: p.from, to: p.to, groupBy: g, ...(g === 'category' ? { level: '1' } : {}) })}`,
      });
    }
  }
  const month = periods[1] as (typeof periods)[number];
  const m = { from: month.from, to: month.to, format: 'xlsx' };
  list.push(
    {
      label: 'xlsx category-distribution month',
      endpoint: 'category-distribution xlsx',
      period: 'month',
      filters: '–',
      path: `/reports/category-distribution?${q({ ...m, level: '1' })}`,
    },
    {
      label: 'xlsx trend month',
      endpoint: 'trend xlsx (interval=day)',
      period: 'month',
      filters: '–',
      path: `/reports/trend?${q({ ...m, interval: 'day' })}`,
    },
    {
      label: 'xlsx heatmap month',
      endpoint: 'heatmap xlsx',
      period: 'month',
      filters: '–',
      path: `/reports/heatmap?${q(m)}`,
    },
    {
      label: 'xlsx kpis month groupBy=owner',
      endpoint: 'kpis xlsx groupBy=owner',
      period: 'month',
      filters: '–',
      path: `/reports/kpis?${q({ ...m, groupBy: 'owner' })}`,
    },
  );
  return settings.only ? list.filter((c) => settings.only?.test(c.label)) : list;
}

async function request(baseUrl: string, cookie: string, path: string) {
  const t = performance.now();
  const res = await fetch(`${baseUrl}${path}`, { headers: { cookie } });
  const body = Buffer.from(await res.arrayBuffer());
  return { ms: performance.now() - t, status: res.status, body };
}

async function measureCase(baseUrl: string, cookie: string, c: Case): Promise<Result> {
  const empty = { samples: [], p50: Number.NaN, p95: Number.NaN, max: Number.NaN, source: '' };
  let first = await request(baseUrl, cookie, c.path);
  if (first.status !== 200) {
    const text = first.body.toString('utf8').slice(0, 300);
    return { ...c, ...empty, status: first.status, bytes: first.body.length, error: text };
  }
  for (let i = 1; i < settings.warmup; i++) first = await request(baseUrl, cookie, c.path);
  let source = 'xlsx';
  if (!c.path.includes('format=xlsx')) {
    const json = JSON.parse(first.body.toString('utf8')) as { source?: string };
    source = json.source ?? (c.endpoint.startsWith('kpis') ? 'rollup' : '?');
  }
  const samples: number[] = [];
  let bytes = first.body.length;
  for (let i = 0; i < settings.requests; i++) {
    const r = await request(baseUrl, cookie, c.path);
    if (r.status !== 200) {
      return {
        ...c,
        ...empty,
        status: r.status,
        bytes: r.body.length,
        error: r.body.toString('utf8').slice(0, 300),
      };
    }
    bytes = r.body.length;
    samples.push(r.ms);
  }
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    ...c,
    status: 200,
    source,
    bytes,
    samples,
    p50: quantile(sorted, 0.5),
    p95: quantile(sorted, 0.95),
    max: sorted[sorted.length - 1] as number,
  };
}

/** The statements one request runs, with their times as the driver saw them. */
async function captureRequest(baseUrl: string, cookie: string, path: string) {
  capture = [];
  try {
    const r = await request(baseUrl, cookie, path);
    return { ms: r.ms, statements: capture };
  } finally {
    capture = null;
  }
}

async function explain(pool: pg.Pool, q: Pick<CompiledQuery, 'sql' | 'parameters'>): Promise<string[]> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN READ ONLY');
    const r = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${q.sql}`, q.parameters as unknown[]);
    return r.rows.map((row) => row['QUERY PLAN'] as string);
  } finally {
    await client.query('ROLLBACK').catch(() => undefined);
    client.release();
  }
}

// ---- the monthly summary --------------------------------------------------------------------

const SUMMARY_MODULE = '../src/reports/summary-content.ts';

/** What this benchmark uses of the summaries module (loaded only when it exists). */
interface SummaryModule {
  buildSummaryContent(db: Kysely<Database>, period: SummaryPeriod, timeZone: string): Promise<unknown>;
}

/**
 * Times building last month's summary (buildSummaryContent: its distributions, trend, KPIs and
 * alerts, as the periodic job builds it), 1 warm-up and `runs` runs. Null when the module is absent.
 */
async function measureSummary(db: Kysely<Database>, lastDay: string, runs: number) {
  if (!existsSync(new URL(SUMMARY_MODULE, import.meta.url))) return null;
  const mod = (await import(SUMMARY_MODULE)) as SummaryModule;
  const period = lastCompleted('month', addDays(lastDay, 1));
  const tz = (await reportSettings(db)).timeZone;
  await mod.buildSummaryContent(db, period, tz);
  const samples: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const content = await mod.buildSummaryContent(db, period, tz);
    samples.push(performance.now() - t);
    bytes = JSON.stringify(content).length;
  }
  const sorted = [...samples].sort((a, b) => a - b);
  return { period, samples, p50: quantile(sorted, 0.5), max: sorted[sorted.length - 1] as number, bytes };
}

// ---- main -----------------------------------------------------------------------------------

async function main(): Promise<number> {
  out(`Report benchmark: ${fmtInt(settings.complaints)} complaints, database ${settings.db}`);
  out(
    `Machine: ${availableParallelism()} CPUs (${cpus()[0]?.model ?? '?'}), Node ${process.version}, ` +
      `load average ${loadavg()
        .map((x) => x.toFixed(2))
        .join(' / ')}`,
  );
  const exists = await databaseExists();
  let meta: Meta;
  if (settings.reuse) {
    if (!exists)
      throw new Error(`--reuse: database ${settings.db} does not exist; run without --reuse first`);
    meta = await readMeta();
    out(
      `Reusing ${settings.db}: ${fmtInt(meta.complaints)} complaints, ${meta.first_day} … ${meta.last_day}, ` +
        `loaded ${meta.loaded_at.toISOString()} (load ${fmtS(meta.load_ms)}, rebuild ${fmtS(meta.rebuild_ms)})`,
    );
  } else {
    if (exists) {
      out(`Dropping the earlier benchmark database ${settings.db} …`);
      await dropDatabase();
    }
    out(`\nLoading into ${settings.db}:`);
    meta = await load();
    out(`  load ${fmtS(meta.load_ms)} (without the rebuild), rebuild ${fmtS(meta.rebuild_ms)}`);
  }
  let exitCode = 0;
  try {
    await withClient(benchUrl, async (c) => {
      const v = await c.query(
        `SELECT current_setting('server_version') AS v, current_setting('shared_buffers') AS sb,
                current_setting('work_mem') AS wm, current_setting('max_parallel_workers_per_gather') AS par`,
      );
      const r = v.rows[0];
      out(
        `PostgreSQL ${r?.v}, shared_buffers ${r?.sb}, work_mem ${r?.wm}, max_parallel_workers_per_gather ${r?.par}`,
      );
    });
    const sz = await sizes();
    out(`\nDisk: database ${fmtMB(sz.database)} MB`);
    out(
      table(
        ['Table (with indexes and TOAST)', 'Rows (estimate)', 'MB'],
        sz.tables.map((t) => [t.name, fmtInt(t.rows), fmtMB(t.bytes)]),
      ),
    );
    if (meta.tally) printTally(meta);
    if (settings.loadOnly) return 0;

    exitCode = await measureServer(meta);
  } catch (err) {
    console.error(err);
    exitCode = 1;
  } finally {
    if (!settings.keep) {
      const t = performance.now();
      await dropDatabase();
      out(`\nDropped database ${settings.db} in ${fmtInt(performance.now() - t)} ms`);
    } else {
      out(
        `\nKept database ${settings.db} (measure again with --reuse; drop it with: DROP DATABASE ${settings.db})`,
      );
    }
  }
  return exitCode;
}

function printTally(meta: Meta) {
  const t = meta.tally as Tally;
  const pct = (n: number) => `${((n / t.rows) * 100).toFixed(2)} %`;
  const list = (o: Record<string, number>) =>
    Object.entries(o)
      .sort((a, b) => b[1] - a[1])
      .map(([k, n]) => `${k} ${pct(n)}`)
      .join(', ');
  out('\nData shape (as generated):');
  out(`  status: ${list(t.byStatus)}`);
  out(`  severity: ${list(t.bySeverity)}`);
  out(`  channel: ${list(t.byChannel)}`);
  out(
    `  escalated ${pct(t.escalated)} (${fmtInt(t.escalations)} escalations), repeats ${pct(t.repeats)}, ` +
      `reopened ${pct(t.reopened)}, with a cause ${pct(t.withCause)}, uncategorised ${fmtInt(t.uncategorised)}`,
  );
  out(
    `  busiest day ${t.busiestDay.day} (${fmtInt(t.busiestDay.count)}, ${t.busiestDay.kind}), ` +
      `quietest ${t.quietestDay.day} (${fmtInt(t.quietestDay.count)}, ${t.quietestDay.kind})`,
  );
  out(
    `  bursts: ${BURSTS.map((b) => `${b.label} ${b.factor}× ${b.category}, ${b.daysBeforeEnd} days before the end`).join('; ')}`,
  );
  out();
  out(
    table(
      ['Load step', 's'],
      meta.steps.map((s) => [s.label, (s.ms / 1000).toFixed(1)]),
    ),
  );
}

async function measureServer(meta: Meta): Promise<number> {
  const { handle, pool } = openLoggedDatabase(
    benchUrl,
    Number(process.env.DB_POOL_SIZE) || 10,
    settings.pgOptions,
  );
  if (settings.pgOptions) out(`\nServer connections with options: ${settings.pgOptions}`);
  let exitCode = 0;
  try {
    const applied = await migrate(handle);
    if (applied.length) out(`\nApplied migrations newer than the load: ${applied.join(', ')}`);
    const app = await buildServer({ database: handle, logLevel: 'warn', webDir: null });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/api/v1`;
    try {
      const password = `bench-${Math.random().toString(36).slice(2)}-pw`;
      const login = `bench.analyst.${Date.now()}`;
      await insertUser(handle.db, { login, password, name: '报表分析员', role: 'analyst' }, null, new Date());
      const res = await fetch(`${baseUrl}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login, password }),
      });
      const cookie = res.headers.get('set-cookie')?.split(';')[0];
      if (res.status !== 200 || !cookie) throw new Error(`login failed: ${res.status}`);

      const ctx = await handle.withScriptSession(async (s) => {
        const team = await s.query<{ team: string }>(
          `SELECT value AS team FROM report_kpis WHERE dim = 'team' AND value <> '' GROUP BY value
           ORDER BY sum(received) DESC LIMIT 1`,
        );
        const root = await s.query<{ id: string; name: string }>(
          `SELECT id, name FROM categories WHERE parent_id IS NULL AND name = '资费与计费'
           UNION ALL SELECT id, name FROM categories WHERE parent_id IS NULL LIMIT 1`,
        );
        const leaf = await s.query<{ id: string; name: string }>(
          `SELECT id, name FROM categories WHERE name = '费用争议' LIMIT 1`,
        );
        const dept = await s.query<{ id: string }>('SELECT id FROM departments ORDER BY name LIMIT 1');
        return {
          lastDay: meta.last_day,
          team: team[0]?.team ?? '一线一组',
          categoryRoot: root[0] ?? { id: '', name: '' },
          categoryLeaf: leaf[0] ?? root[0] ?? { id: '', name: '' },
          departmentId: dept[0]?.id ?? '',
        };
      });
      const list = cases(ctx);
      out(
        `\nReport endpoints over HTTP: ${list.length} cases, ${settings.warmup} warm-up + ${settings.requests} requests each, sequential`,
      );
      out(`  periods end ${meta.last_day} (the data's last day); a filter team is ${ctx.team}`);
      if (settings.quietWait > 0) {
        const busy = await waitForQuiet(settings.quietWait);
        out(`  machine ${busy.toFixed(0)} % busy before the measurements`);
      }
      const rssBefore = process.memoryUsage();
      let rssPeak = rssBefore.rss;
      const sampler = setInterval(() => {
        rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
      }, 50);
      const results: Result[] = [];
      const tAll = performance.now();
      try {
        for (const c of list) {
          const r = await measureCase(baseUrl, cookie, c);
          results.push(r);
          out(
            r.error
              ? `  ${c.label}: HTTP ${r.status} ${r.error}`
              : `  ${c.label} [${r.source}]: p50 ${fmtMs(r.p50)} p95 ${fmtMs(r.p95)} max ${fmtMs(r.max)} ms, ${fmtInt(r.bytes)} bytes` +
                  (r.p95 >= SLOW_MS ? '  ← SLOW' : ''),
          );
        }
      } finally {
        clearInterval(sampler);
      }
      const measureMs = performance.now() - tAll;
      const rssAfter = process.memoryUsage();

      // ---- summary table ----
      out(
        `\n## Report endpoints (${fmtInt(meta.complaints)} complaints, ${settings.requests} requests each)\n`,
      );
      out(
        table(
          ['Endpoint', 'Period', 'Filters', 'Source', 'p50 ms', 'p95 ms', 'max ms', 'Response bytes', ''],
          results.map((r) => [
            r.endpoint,
            r.period,
            r.filters,
            r.source,
            r.error ? `HTTP ${r.status}` : fmtMs(r.p50),
            r.error ? '' : fmtMs(r.p95),
            r.error ? '' : fmtMs(r.max),
            fmtInt(r.bytes),
            r.error ? 'not measured' : r.p95 >= SLOW_MS ? `**p95 ≥ ${SLOW_MS} ms**` : '',
          ]),
          4,
        ),
      );
      out(`\nMeasured in ${fmtS(measureMs)}.`);
      out(
        table(
          ['Memory (server process)', 'MB'],
          [
            ['RSS before the requests', fmtMB(rssBefore.rss)],
            ['RSS peak during the requests', fmtMB(rssPeak)],
            ['RSS after the requests', fmtMB(rssAfter.rss)],
            ['heap used before / after', `${fmtMB(rssBefore.heapUsed)} / ${fmtMB(rssAfter.heapUsed)}`],
          ],
        ),
      );
      const failed = results.filter((r) => r.error);
      if (failed.length) {
        out(
          `\n${failed.length} case(s) could not be measured (first: ${failed[0]?.label}: HTTP ${failed[0]?.status})`,
        );
        exitCode = 1;
      }

      // ---- the slow cases: their SQL and the plan of the slowest statement ----
      const slow = results.filter((r) => !r.error && r.p95 >= SLOW_MS);
      if (slow.length && settings.explain) {
        out(`\n## Slow cases (p95 ≥ ${SLOW_MS} ms): statements and plans\n`);
        const seen = new Set<string>();
        for (const r of slow) {
          const cap = await captureRequest(baseUrl, cookie, r.path);
          out(`### ${r.label} (this request ${fmtMs(cap.ms)} ms)\n`);
          out(
            table(
              ['Statement', 'ms'],
              cap.statements.map((st) => [st.sql.replace(/\s+/g, ' ').slice(0, 160), fmtMs(st.ms)]),
            ),
          );
          const worst = [...cap.statements].sort((a, b) => b.ms - a.ms)[0];
          if (!worst) continue;
          const key = worst.sql;
          if (seen.has(key)) {
            out('\n(same slowest statement as above, other parameters)\n');
          }
          seen.add(key);
          out(`\nEXPLAIN (ANALYZE, BUFFERS) of the slowest statement (${fmtMs(worst.ms)} ms):\n`);
          out(worst.sql);
          out(`-- parameters: ${JSON.stringify(worst.parameters)}`);
          for (const l of await explain(pool, worst)) out(`  ${l}`);
          out();
        }
      }

      // ---- one month's summary ----
      out('\n## Monthly summary\n');
      const summary = await measureSummary(handle.db, meta.last_day, 10);
      if (!summary) {
        out(
          'TODO(lead): no summary module yet (src/reports/summary-content.ts): ' +
            'the time to build one month’s summary is not measured.',
        );
      } else {
        out(
          `buildSummaryContent, month ${summary.period.start} … ${summary.period.end}: ` +
            `p50 ${fmtMs(summary.p50)} ms, max ${fmtMs(summary.max)} ms over ${summary.samples.length} runs ` +
            `(after 1 warm-up), ${fmtInt(summary.bytes)} bytes of JSON`,
        );
      }
      await app.close();
    } catch (err) {
      await app.close().catch(() => undefined);
      throw err;
    }
  } finally {
    await handle.close().catch(() => undefined);
  }
  return exitCode;
}

process.exitCode = await main();
