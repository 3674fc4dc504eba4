// Times the periodic summaries on a loaded report database (the one `npm run bench:reports --
// --keep` leaves behind): building last month's, last week's and yesterday's summary content, and
// a whole catch-up (31 days, 8 weeks, 3 months) as the timer engine makes it. Leaves the database
// as it found it (the catch-up's summaries are deleted again). Not a test.
//
//   npx tsx scripts/bench-summaries.ts                          # database tousu_bench_reports
//   npx tsx scripts/bench-summaries.ts --db tousu_bench_reports_1m --runs 5
//
// BENCH_PG_URL names the server (default postgres://postgres@127.0.0.1:5432/postgres).
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { openDatabase } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { reportSettings } from '../src/db/repositories/report-cube.ts';
import { lastCompleted, localDay, type SummaryKind } from '../src/domain/summary-periods.ts';
import { makeDueSummaries } from '../src/jobs/periodic-summaries.ts';
import { buildSummaryContent } from '../src/reports/summary-content.ts';

const { values: args } = parseArgs({
  options: {
    db: { type: 'string', default: 'tousu_bench_reports' },
    runs: { type: 'string', default: '5' },
  },
});

const server = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const url = new URL(server);
url.pathname = `/${args.db}`;
const runs = Math.max(1, Number(args.runs));

const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);

async function main() {
  const handle = await openDatabase({ databaseUrl: url.toString(), poolSize: 2 });
  try {
    await migrate(handle);
    const db = handle.db;
    const { timeZone } = await reportSettings(db);
    const { rows: facts } = await sql<{ complaints: string; counts: string; kpis: string; deltas: string }>`
      SELECT (SELECT count(*) FROM complaints) AS complaints, (SELECT count(*) FROM report_counts) AS counts,
             (SELECT count(*) FROM report_kpis) AS kpis, (SELECT count(*) FROM report_deltas) AS deltas`.execute(
      db,
    );
    console.log(`database ${args.db}: ${JSON.stringify(facts[0])}, time zone ${timeZone}`);

    const now = new Date();
    const today = localDay(now, timeZone);
    for (const kind of ['month', 'week', 'day'] as SummaryKind[]) {
      const period = lastCompleted(kind, today);
      const times: number[] = [];
      let total = 0;
      for (let i = 0; i < runs; i++) {
        const t = performance.now();
        const c = await db.transaction().execute((tx) => buildSummaryContent(tx, period, timeZone));
        times.push(performance.now() - t);
        total = c.total.count;
      }
      times.sort((a, b) => a - b);
      console.log(
        `${kind.padEnd(5)} ${period.start}..${period.end}  ${total} complaints  first ${fmt(times[0] ?? 0)}  ` +
          `median ${fmt(times[Math.floor(times.length / 2)] ?? 0)}  max ${fmt(times.at(-1) ?? 0)}  (${runs} runs)`,
      );
    }

    // A whole catch-up as the engine makes it (no limit per sweep), then removed again.
    const before = await db.selectFrom('report_summaries').select('id').execute();
    const t = performance.now();
    const made = await makeDueSummaries(db, now, { limit: 1000 });
    const ms = performance.now() - t;
    console.log(`catch-up: ${made} summaries in ${fmt(ms)} (${fmt(ms / Math.max(made, 1))} each)`);
    const slowest = await db
      .selectFrom('report_summaries')
      .select(['period_kind', 'build_ms'])
      .where('generated_at', '=', now)
      .where('generated_by', 'is', null)
      .orderBy('build_ms', 'desc')
      .limit(3)
      .execute();
    console.log(`slowest builds: ${slowest.map((r) => `${r.period_kind} ${r.build_ms} ms`).join(', ')}`);
    await db
      .deleteFrom('report_summaries')
      .where('generated_at', '=', now)
      .where('generated_by', 'is', null)
      .where(
        'id',
        'not in',
        before.length ? before.map((r) => r.id) : ['00000000-0000-0000-0000-000000000000'],
      )
      .execute();
  } finally {
    await handle.close();
  }
}

await main();
