// Which earlier complaint a complaint repeats: the candidates come from the database (through
// complaints_repeat_idx), the decision from src/domain/repeat-complaints.ts.
import type { Kysely } from 'kysely';
import { type RepeatSubject, repeatOf } from '../../domain/repeat-complaints.ts';
import type { Database } from '../schema.ts';

const DAY_MS = 86_400_000;
/** Candidates read: the latest few are enough (more only matter for ties of the same instant). */
const CANDIDATES = 5;

/** report_settings.repeat_window_days (30 when the row is missing). */
export async function repeatWindowDays(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('report_settings').select('repeat_window_days').executeTakeFirst();
  return row?.repeat_window_days ?? 30;
}

/** The earlier complaint `c` repeats, or null. */
export async function findRepeatOf(
  db: Kysely<Database>,
  c: RepeatSubject,
): Promise<{ id: string; number: string } | null> {
  if (c.categoryId === null) return null;
  const days = await repeatWindowDays(db);
  let q = db
    .selectFrom('complaints')
    .select(['id', 'number', 'customer_id', 'category_id', 'received_at'])
    .where('customer_id', '=', c.customerId)
    .where('category_id', '=', c.categoryId)
    .where('received_at', '<=', c.receivedAt)
    .where('received_at', '>=', new Date(c.receivedAt.getTime() - days * DAY_MS))
    .orderBy('received_at', 'desc')
    .orderBy('number', 'desc')
    .limit(CANDIDATES);
  if (c.id) q = q.where('id', '<>', c.id);
  const rows = await q.execute();
  const hit = repeatOf(
    c,
    rows.map((r) => ({
      id: r.id,
      number: r.number,
      customerId: r.customer_id,
      categoryId: r.category_id,
      receivedAt: r.received_at,
    })),
    days,
  );
  return hit && { id: hit.id, number: hit.number };
}
