// `npm run bench`: complaint intake through the HTTP API, on PGlite and on PostgreSQL.
// For each target: start `tousu serve` as a child process, create an agent with an API token, warm
// up, then phase A (closed loop: N clients as fast as they can) and phase B (open loop: a fixed
// rate), while sampling the server's RSS and where the CPU goes. See docs/benchmarks.md.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { availableParallelism, totalmem } from 'node:os';
import { CpuMeter, type CpuShares, machineBusyPercent } from './cpu.ts';
import { closedLoop, openLoop, type PhaseResult, type Target } from './load.ts';
import { freePort, RssSampler, ServerProcess } from './server.ts';
import { type LatencySummary, latencyLine, ms, summarise } from './stats.ts';
import {
  type PreparedTarget,
  preparePGlite,
  preparePostgres,
  TARGET_LABELS,
  type TargetName,
} from './targets.ts';

function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return n;
}

const settings = {
  targets: (process.env.BENCH_TARGETS || 'pglite,postgres')
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s.length > 0),
  concurrency: positiveInt('BENCH_CONCURRENCY', 16),
  seconds: positiveInt('BENCH_SECONDS', 10),
  rate: positiveInt('BENCH_RATE', 200),
  warmup: positiveInt('BENCH_WARMUP', 200),
  pgUrl: process.env.BENCH_PG_URL || 'postgres://postgres@127.0.0.1:5432/postgres',
  logLevel: process.env.BENCH_LOG_LEVEL || 'warn',
  nodeArgs: (process.env.BENCH_NODE_ARGS || '').split(/\s+/).filter((s) => s.length > 0),
  /** Wait up to this long for other processes to calm down before each target. */
  quietWait: positiveInt('BENCH_QUIET_WAIT', 30),
};
for (const t of settings.targets) {
  if (t !== 'pglite' && t !== 'postgres') throw new Error(`BENCH_TARGETS: unknown target "${t}"`);
}
const poolSize = process.env.DB_POOL_SIZE || '10';
/** Open loop: above this many requests in flight, scheduled requests are dropped and counted. */
const maxInFlight = Math.max(64, Math.min(1000, settings.rate));
/** Another process using more than this (in % of one core) makes a phase's figures suspect. */
const NOISY_OTHER_PCT = 15;

const MB = 1024 * 1024;
const out = (line = '') => process.stdout.write(`${line}\n`);
const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

interface PhaseFigures {
  result: PhaseResult;
  latency: LatencySummary;
  cpu: CpuShares;
  peakRss: number;
}

interface TargetResult {
  name: TargetName;
  /** Why the phases did not run, when they did not. */
  stalled?: string;
  a?: PhaseFigures;
  b?: PhaseFigures;
  errors: number;
  peakRssMb: number;
  created: number;
}

// ---- setup through the API ---------------------------------------------------------------

async function post(
  baseUrl: string,
  path: string,
  body: unknown,
  cookie?: string,
): Promise<{ status: number; json: Record<string, unknown>; headers: Headers }> {
  const res = await fetch(`${baseUrl}/api/v1${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await res.text();
  return {
    status: res.status,
    json: text ? (JSON.parse(text) as Record<string, unknown>) : {},
    headers: res.headers,
  };
}

/** Logs in as admin, creates an agent of team 一组 and an API token acting as that agent. */
async function createAgentToken(baseUrl: string, adminPassword: string): Promise<string> {
  const login = await post(baseUrl, '/auth/login', { login: 'admin', password: adminPassword });
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .find((c) => c.startsWith('tousu_session='));
  if (login.status !== 200 || !cookie)
    throw new Error(`admin login failed: ${login.status} ${JSON.stringify(login.json)}`);

  const agent = {
    login: 'bench.agent',
    password: randomBytes(12).toString('base64url'),
    name: '压测坐席',
    role: 'agent',
    team: '一组',
  };
  const user = await post(baseUrl, '/users', agent, cookie);
  const userId = (user.json.user as { id?: string } | undefined)?.id;
  if (user.status !== 201 || !userId)
    throw new Error(`creating the agent failed: ${user.status} ${JSON.stringify(user.json)}`);

  const token = await post(baseUrl, '/tokens', { name: 'benchmark', userId }, cookie);
  if (token.status !== 201 || typeof token.json.token !== 'string')
    throw new Error(`creating the API token failed: ${token.status} ${JSON.stringify(token.json)}`);
  return token.json.token;
}

// ---- one target ------------------------------------------------------------------------------

function cpuLine(c: CpuShares): string {
  const pg = c.postgres === null ? '' : `, PostgreSQL ${fmt(c.postgres)}`;
  return `CPU in % of one core: server ${fmt(c.server)}, load generator ${fmt(c.loadGenerator)}${pg}, other processes ${fmt(c.other)} (machine ${fmt(c.machineBusy)} % busy)`;
}

/** CPU milliseconds spent per created complaint: what bounds throughput on a small machine. */
function cpuPerComplaint(f: PhaseFigures): {
  server: number;
  postgres: number | null;
  loadGenerator: number;
} {
  const perSecond = f.result.created / (f.result.elapsedMs / 1000);
  const each = (pct: number) => (perSecond > 0 ? (pct / 100 / perSecond) * 1000 : Number.NaN);
  return {
    server: each(f.cpu.server),
    postgres: f.cpu.postgres === null ? null : each(f.cpu.postgres),
    loadGenerator: each(f.cpu.loadGenerator),
  };
}

function perComplaint(f: PhaseFigures): string {
  const c = cpuPerComplaint(f);
  const pg = c.postgres === null ? '' : `, PostgreSQL ${c.postgres.toFixed(2)} ms`;
  return `server ${c.server.toFixed(2)} ms${pg}, load generator ${c.loadGenerator.toFixed(2)} ms`;
}

function phaseReport(title: string, f: PhaseFigures, extra = ''): void {
  const r = f.result;
  out(`  ${title}`);
  out(
    `    ${fmt(r.created)} created in ${(r.elapsedMs / 1000).toFixed(1)} s = ${fmt(r.created / (r.elapsedMs / 1000), 1)} complaints/s${extra}`,
  );
  out(`    latency ${latencyLine(f.latency)} (mean ${ms(f.latency.mean)} ms)`);
  out(`    errors ${r.errors.describe()}`);
  out(`    ${cpuLine(f.cpu)}`);
  out(`    CPU per complaint: ${perComplaint(f)}`);
  out(`    peak RSS ${fmt(f.peakRss / MB, 1)} MB`);
  if (f.cpu.other > NOISY_OTHER_PCT)
    out(`    WARNING: other processes were busy during this phase; the figures understate the server`);
}

async function waitForQuiet(): Promise<void> {
  const deadline = performance.now() + settings.quietWait * 1000;
  let busy = await machineBusyPercent(1000);
  while (busy > 15 && performance.now() < deadline) busy = await machineBusyPercent(1000);
  if (busy > 15) out(`  note: the machine is ${fmt(busy)} % busy before the start (other processes)`);
}

let active: { server?: ServerProcess; target?: PreparedTarget } = {};

async function benchTarget(target: PreparedTarget): Promise<TargetResult> {
  out(`\n## ${TARGET_LABELS[target.name]} (${target.where})`);
  await waitForQuiet();
  const adminPassword = randomBytes(18).toString('base64url');
  const server = new ServerProcess({
    port: await freePort(),
    env: {
      ...target.env,
      LOG_LEVEL: settings.logLevel,
      TOUSU_ADMIN_LOGIN: 'admin',
      TOUSU_ADMIN_PASSWORD: adminPassword,
    },
    nodeArgs: settings.nodeArgs,
  });
  active.server = server;
  let sampler: RssSampler | undefined;
  try {
    const startupMs = await server.waitHealthy(90_000);
    sampler = new RssSampler(server);
    out(
      `  server pid ${server.pid} on ${server.baseUrl}, healthy after ${(startupMs / 1000).toFixed(1)} s, RSS ${fmt(sampler.sample() / MB, 1)} MB`,
    );
    const cpu = new CpuMeter(server.pid, target.database);
    const load: Target = {
      baseUrl: server.baseUrl,
      token: await createAgentToken(server.baseUrl, adminPassword),
      alive: () => server.running,
    };
    const checkAlive = () => {
      if (!server.running)
        throw new Error(`the server ended during the run (${server.exitStatus})\n${server.tail()}`);
    };
    const firstFailure: { text?: string } = {};
    const diagnose = async () => {
      for (const line of await target.diagnose().catch((e: unknown) => [`(diagnosis failed: ${String(e)})`]))
        out(`    database connections: ${line}`);
    };

    const warm = await closedLoop(
      load,
      { concurrency: settings.concurrency, seconds: 60, maxRequests: settings.warmup, stopOnTimeout: true },
      firstFailure,
    );
    checkAlive();
    out(
      `  warm-up: ${warm.created} created, ${warm.errors.describe()} errors, ${(warm.elapsedMs / 1000).toFixed(1)} s`,
    );
    let created = warm.created;
    let errors = warm.errors.total;
    if (warm.errors.byKind.has('timeout')) {
      const stalled = `server stalled in the warm-up (requests timed out after 10 s); phases skipped`;
      out(`  ${stalled}`);
      await diagnose();
      if (firstFailure.text) out(`  first failure: ${firstFailure.text}`);
      return { name: target.name, stalled, errors, created, peakRssMb: sampler.peak / MB };
    }
    sampler.mark();

    let start = cpu.snapshot();
    const ra = await closedLoop(
      load,
      {
        concurrency: settings.concurrency,
        seconds: settings.seconds,
        maxRequests: settings.seconds * 50_000,
      },
      firstFailure,
    );
    const a: PhaseFigures = {
      result: ra,
      latency: summarise(ra.latencies),
      cpu: cpu.since(start),
      peakRss: sampler.mark(),
    };
    checkAlive();
    phaseReport(
      `phase A, throughput: ${settings.concurrency} clients for ${settings.seconds} s (closed loop)`,
      a,
    );
    if (ra.errors.byKind.has('timeout')) await diagnose();

    await new Promise((r) => setTimeout(r, 1000));
    sampler.mark();
    start = cpu.snapshot();
    const rb = await openLoop(
      load,
      { rate: settings.rate, seconds: settings.seconds, maxInFlight },
      firstFailure,
    );
    const b: PhaseFigures = {
      result: rb,
      latency: summarise(rb.latencies),
      cpu: cpu.since(start),
      peakRss: sampler.mark(),
    };
    checkAlive();
    phaseReport(
      `phase B, latency at a fixed rate: ${settings.rate} requests/s for ${settings.seconds} s (open loop)`,
      b,
      `; ${rb.dropped} not sent (over ${maxInFlight} in flight); sends up to ${ms(rb.maxSendLagMs)} ms late`,
    );
    if (rb.errors.byKind.has('timeout')) await diagnose();
    if (firstFailure.text) out(`  first failure: ${firstFailure.text}`);

    sampler.stop();
    created += ra.created + rb.created;
    errors += ra.errors.total + rb.errors.total + rb.dropped;
    out(
      `  peak RSS ${fmt(sampler.peak / MB, 1)} MB; ${fmt(created)} complaints created (201s, warm-up included); ${fmt(errors)} errors`,
    );
    return { name: target.name, a, b, errors, created, peakRssMb: sampler.peak / MB };
  } finally {
    sampler?.stop();
    await server.stop();
    active.server = undefined;
    const counted = await target.countComplaints().catch(() => null);
    if (counted !== null) out(`  rows in complaints after the run: ${fmt(counted)}`);
  }
}

// ---- summary -------------------------------------------------------------------------------

function summaryTable(results: TargetResult[]): string {
  const lat = (s: LatencySummary) => `${ms(s.p50)} / ${ms(s.p95)} / ${ms(s.p99)} / ${ms(s.max)}`;
  const phase = (f: PhaseFigures | undefined, show: (f: PhaseFigures) => string) => (f ? show(f) : 'stalled');
  const cpu = (c: CpuShares) =>
    [c.server, c.loadGenerator, c.postgres, c.other].map((v) => (v === null ? '–' : fmt(v))).join(' / ');
  const rows: Array<[string, (r: TargetResult) => string, string]> = [
    [
      `Throughput, ${settings.concurrency} clients (complaints/s)`,
      (r) => phase(r.a, (f) => fmt(f.result.created / (f.result.elapsedMs / 1000))),
      '≥ 1,000',
    ],
    ['Phase A latency p50 / p95 / p99 / max (ms)', (r) => phase(r.a, (f) => lat(f.latency)), ''],
    [
      `Phase B latency at ${settings.rate} req/s p50 / p95 / p99 / max (ms)`,
      (r) => phase(r.b, (f) => lat(f.latency)),
      'p99 < 50',
    ],
    ['Errors (non-201, failed or not sent)', (r) => fmt(r.errors), '0'],
    ['Peak server RSS (MB)', (r) => fmt(r.peakRssMb), '< 250'],
    ['Complaints created (201 responses)', (r) => fmt(r.created), ''],
    [
      'CPU in phase A, % of one core: server / load gen. / PostgreSQL / other',
      (r) => phase(r.a, (f) => cpu(f.cpu)),
      '',
    ],
    [
      'CPU ms per complaint in phase A: server / PostgreSQL',
      (r) =>
        phase(r.a, (f) => {
          const c = cpuPerComplaint(f);
          return `${c.server.toFixed(2)} / ${c.postgres === null ? '–' : c.postgres.toFixed(2)}`;
        }),
      '',
    ],
  ];
  const head = ['', ...results.map((r) => TARGET_LABELS[r.name]), 'Goal (PostgreSQL)'];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`];
  for (const [label, value, goal] of rows)
    lines.push(`| ${label} | ${results.map(value).join(' | ')} | ${goal} |`);
  return lines.join('\n');
}

function cpuModel(): string {
  try {
    return /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

// ---- main --------------------------------------------------------------------------------------

async function main(): Promise<void> {
  out('# Tousu benchmark: POST /api/v1/complaints');
  out(
    `${availableParallelism()} CPUs (${cpuModel()}), ${fmt(totalmem() / 1024 ** 3, 1)} GiB RAM, Node ${process.version}`,
  );
  out(
    `targets ${settings.targets.join(', ')}; warm-up ${settings.warmup} requests; A: ${settings.concurrency} clients × ${settings.seconds} s; B: ${settings.rate} req/s × ${settings.seconds} s`,
  );
  out(
    `server: LOG_LEVEL=${settings.logLevel}, DB_POOL_SIZE=${poolSize}${settings.nodeArgs.length ? `, node ${settings.nodeArgs.join(' ')}` : ''}`,
  );

  const results: TargetResult[] = [];
  const notes: string[] = [];
  for (const name of settings.targets as TargetName[]) {
    let target: PreparedTarget;
    if (name === 'pglite') {
      target = preparePGlite();
    } else {
      const prepared = await preparePostgres(settings.pgUrl);
      if ('skipped' in prepared) {
        const note = `PostgreSQL skipped: ${new URL(settings.pgUrl).host} did not answer (${prepared.skipped})`;
        out(`\n${note}`);
        notes.push(note);
        continue;
      }
      out(`\nPostgreSQL ${prepared.version}`);
      target = prepared.target;
    }
    active.target = target;
    try {
      const result = await benchTarget(target);
      results.push(result);
      if (result.stalled) {
        notes.push(`${TARGET_LABELS[name]}: ${result.stalled}`);
        process.exitCode = 1;
      }
    } catch (err) {
      const note = `${TARGET_LABELS[name]} failed: ${err instanceof Error ? err.message : String(err)}`;
      out(`  ${note}`);
      notes.push(note);
      process.exitCode = 1;
    } finally {
      await target.cleanUp().catch((err: unknown) => out(`  clean-up failed: ${String(err)}`));
      active = {};
    }
  }

  if (results.length > 0) {
    out('\n## Summary\n');
    out(summaryTable(results));
  }
  for (const note of notes) out(`\n${note}`);
}

process.once('SIGINT', () => {
  out('\ninterrupted; stopping the server and cleaning up');
  const { server, target } = active;
  void (async () => {
    await server?.stop().catch(() => undefined);
    await target?.cleanUp().catch(() => undefined);
    process.exit(130);
  })();
});

await main();
