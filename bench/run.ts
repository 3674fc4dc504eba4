// `npm run bench`: complaint intake through the HTTP API, on PGlite and on PostgreSQL.
// For each target: start `tousu serve` as a child process, create an agent with an API token, warm
// up, then phase A (closed loop: N clients as fast as they can) and phase B (open loop: a fixed
// rate), while sampling the server's RSS and where the CPU goes. See docs/benchmarks.md.
import { randomBytes } from 'node:crypto';
import { availableParallelism, totalmem } from 'node:os';
import { CpuMeter, machineBusyPercent } from './cpu.ts';
import { closedLoop, openLoop, type Target } from './load.ts';
import {
  cpuModel,
  fmt,
  MB,
  out,
  type PhaseFigures,
  phaseReport,
  summaryTable,
  type TargetResult,
} from './report.ts';
import { freePort, RssSampler, ServerProcess } from './server.ts';
import { ms, summarise } from './stats.ts';
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
    out(summaryTable(results, settings));
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
