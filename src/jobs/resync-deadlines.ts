// Re-times open deadlines after the rules behind them changed: an imported year of the official
// schedule (provisional deadlines become exact), a calendar's own days, a policy. Each complaint
// is re-synced in its own short transaction with the complaint locked, exactly as a person's
// change would (src/commands/sync-deadlines.ts), so the timeline shows every moved due time.
import type { Kysely } from 'kysely';
import { syncDeadlines } from '../commands/sync-deadlines.ts';
import { findComplaint } from '../db/repositories/complaints.ts';
import { invalidateTimingConfig, loadTimingConfig } from '../db/repositories/timing-config.ts';
import type { Database } from '../db/schema.ts';

export interface ResyncOptions {
  /** Only complaints with a provisional open deadline (after a year was imported). */
  onlyProvisional?: boolean;
  batch?: number;
  /** Who asked (for the timeline); null for the system. */
  actorId?: string | null;
}

/** Returns how many complaints were looked at. */
export async function resyncDeadlines(
  db: Kysely<Database>,
  now: Date,
  opts: ResyncOptions = {},
): Promise<number> {
  invalidateTimingConfig(db);
  const config = await loadTimingConfig(db);
  const batch = opts.batch ?? 200;
  let after = '00000000-0000-0000-0000-000000000000';
  let seen = 0;
  for (;;) {
    let q = db
      .selectFrom('complaint_deadlines')
      .select('complaint_id')
      .distinct()
      .where('met_at', 'is', null)
      .where('cancelled_at', 'is', null)
      .where('complaint_id', '>', after);
    if (opts.onlyProvisional) q = q.where('provisional', '=', true);
    const ids = (await q.orderBy('complaint_id').limit(batch).execute()).map((r) => r.complaint_id);
    for (const id of ids) {
      await db.transaction().execute(async (tx) => {
        const complaint = await findComplaint(tx, id, { forUpdate: true });
        if (complaint) await syncDeadlines(tx, config, complaint, now, opts.actorId ?? null);
      });
    }
    seen += ids.length;
    const last = ids.at(-1);
    if (!last || ids.length < batch) return seen;
    after = last;
  }
}
