// Periodic summaries on schedule (domain §12), run by every sweep of the timer engine: yesterday's,
// last week's and last month's summary once the period is over in the report time zone, and the
// ones missed while no server ran (src/domain/summary-periods.ts says which). Exactly once:
// - a process claims a period with a transaction-scoped advisory lock and skips it when another
//   holds it (no waiting, no double work), checks that it is not stored yet, builds it and inserts
//   it in the same transaction;
// - the unique (period_kind, period_start) backs this up: the insert is ON CONFLICT DO NOTHING.
// A few per sweep (oldest first), so a long catch-up never holds the deadline timers back.
import { type Kysely, sql } from 'kysely';
import { reportSettings } from '../db/repositories/report-cube.ts';
import {
  findSummaryByPeriod,
  firstComplaintDay,
  type SummaryRow,
  storedSince,
} from '../db/repositories/summaries.ts';
import type { Database } from '../db/schema.ts';
import { catchUpFrom, localDay, missingPeriods, type SummaryPeriod } from '../domain/summary-periods.ts';
import { buildSummaryContent } from '../reports/summary-content.ts';

/** The advisory lock class of summaries (the object is a hash of the period's kind and start). */
const SUMMARY_LOCK = 72_700_007;
/** The most summaries one sweep makes; the rest are made by the next sweeps. */
export const SUMMARIES_PER_SWEEP = 4;

export type StoreMode =
  /** The schedule: skip a period another process is making or has made. */
  | 'schedule'
  /** On demand: wait for anyone making it; make it unless it exists. */
  | 'create'
  /** On demand: make it again, replacing the stored one. */
  | 'regenerate';

export type StoreOutcome =
  | { outcome: 'created' | 'replaced'; summary: SummaryRow }
  | { outcome: 'exists'; summary: SummaryRow }
  | { outcome: 'skipped' };

async function claim(tx: Kysely<Database>, p: SummaryPeriod, wait: boolean): Promise<boolean> {
  // The schema is part of the key: one database may hold several Tousu schemas (the tests' do).
  const key = sql`hashtext(current_schema() || ${`:${p.kind}:${p.start}`})`;
  if (wait) {
    await sql`SELECT pg_advisory_xact_lock(${SUMMARY_LOCK}, ${key})`.execute(tx);
    return true;
  }
  const { rows } = await sql<{ ok: boolean }>`
    SELECT pg_try_advisory_xact_lock(${SUMMARY_LOCK}, ${key}) AS ok`.execute(tx);
  return rows[0]?.ok === true;
}

/** Builds and stores one period's summary in one transaction. */
export async function storeSummary(
  db: Kysely<Database>,
  p: SummaryPeriod,
  opts: { now: Date; timeZone: string; generatedBy: string | null; mode: StoreMode },
): Promise<StoreOutcome> {
  return db.transaction().execute(async (tx) => {
    if (!(await claim(tx, p, opts.mode !== 'schedule'))) return { outcome: 'skipped' };
    const existing = await findSummaryByPeriod(tx, p.kind, p.start);
    if (existing && opts.mode === 'schedule') return { outcome: 'skipped' };
    if (existing && opts.mode === 'create') return { outcome: 'exists', summary: existing };
    const started = performance.now();
    const content = await buildSummaryContent(tx, p, opts.timeZone);
    const buildMs = Math.round(performance.now() - started);
    const values = {
      time_zone: opts.timeZone,
      generated_at: opts.now,
      generated_by: opts.generatedBy,
      build_ms: buildMs,
      content: JSON.stringify(content),
    };
    if (existing) {
      await tx.updateTable('report_summaries').set(values).where('id', '=', existing.id).execute();
    } else {
      const inserted = await tx
        .insertInto('report_summaries')
        .values({ period_kind: p.kind, period_start: p.start, period_end: p.end, ...values })
        .onConflict((oc) => oc.columns(['period_kind', 'period_start']).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!inserted) return { outcome: 'skipped' };
    }
    const summary = await findSummaryByPeriod(tx, p.kind, p.start);
    if (!summary) throw new Error(`summary ${p.kind} ${p.start} vanished`);
    return { outcome: existing ? 'replaced' : 'created', summary };
  });
}

/** Makes the summaries due at `now` and not stored yet (a few per call); returns how many it made. */
export async function makeDueSummaries(
  db: Kysely<Database>,
  now: Date,
  opts: { limit?: number } = {},
): Promise<number> {
  const { timeZone } = await reportSettings(db);
  const firstDay = await firstComplaintDay(db, timeZone);
  if (firstDay === null) return 0;
  const stored = await storedSince(db, catchUpFrom(localDay(now, timeZone)));
  const due = missingPeriods({ now, timeZone, firstDay, stored }).slice(0, opts.limit ?? SUMMARIES_PER_SWEEP);
  let made = 0;
  let failure: Error | undefined;
  for (const p of due) {
    // One that fails (and is retried next sweep) does not hold the others back.
    try {
      const r = await storeSummary(db, p, { now, timeZone, generatedBy: null, mode: 'schedule' });
      if (r.outcome === 'created') made++;
    } catch (err) {
      failure ??= new Error(`making the ${p.kind} summary of ${p.start} failed: ${(err as Error).message}`, {
        cause: err,
      });
    }
  }
  if (failure) throw failure;
  return made;
}
