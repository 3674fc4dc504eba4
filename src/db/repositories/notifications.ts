// Stored notifications: what the timer engine (and later other features) tells a person, with
// read state. One per person and event: the dedupe key makes a second insert a no-op.
import type { Kysely } from 'kysely';
import type { Database, NotificationRow } from '../schema.ts';

/** What a notification is about; the workbench words each kind. */
export const NOTIFICATION_KINDS = [
  'deadline_at_risk',
  'deadline_breached',
  'commitment_due_soon',
  'customer_window_open',
  'commitment_overdue',
  'compensation_approval_needed',
  'compensation_decided',
  'complaint_escalated',
  'complaint_returned',
  'complaint_taken_over',
  'difficult_caller',
  'work_order_due_soon',
  'work_order_overdue',
  'work_order_bounced',
  'work_order_answered',
  'work_order_received',
  'report_alert',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface NewNotification {
  userId: string;
  kind: NotificationKind;
  complaintId: string | null;
  subjectId: string | null;
  dedupeKey: string;
  payload: Record<string, unknown>;
  createdAt: Date;
}

/** Inserts, skipping any the person already has for the same event; returns how many were new. */
export async function insertNotifications(db: Kysely<Database>, notes: NewNotification[]): Promise<number> {
  if (!notes.length) return 0;
  const rows = await db
    .insertInto('notifications')
    .values(
      notes.map((n) => ({
        user_id: n.userId,
        kind: n.kind,
        complaint_id: n.complaintId,
        subject_id: n.subjectId,
        dedupe_key: n.dedupeKey,
        payload: JSON.stringify(n.payload),
        created_at: n.createdAt,
      })),
    )
    .onConflict((oc) => oc.columns(['user_id', 'dedupe_key']).doNothing())
    .returning('id')
    .execute();
  return rows.length;
}

export interface NotificationCursor {
  at: Date;
  id: string;
}

export function listNotifications(
  db: Kysely<Database>,
  userId: string,
  opts: { unreadOnly: boolean; limit: number; cursor?: NotificationCursor | undefined },
): Promise<NotificationRow[]> {
  let q = db.selectFrom('notifications').selectAll().where('user_id', '=', userId);
  if (opts.unreadOnly) q = q.where('read_at', 'is', null);
  const c = opts.cursor;
  if (c) q = q.where((eb) => eb(eb.refTuple('created_at', 'id'), '<', eb.tuple(c.at, c.id)));
  return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(opts.limit).execute();
}

export async function unreadCount(db: Kysely<Database>, userId: string): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Marks the person's own notifications read (ids, or all); returns how many changed. */
export async function markRead(
  db: Kysely<Database>,
  userId: string,
  ids: readonly string[] | 'all',
  now: Date,
): Promise<number> {
  let q = db
    .updateTable('notifications')
    .set({ read_at: now })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null);
  if (ids !== 'all') {
    if (!ids.length) return 0;
    q = q.where('id', 'in', ids);
  }
  const rows = await q.returning('id').execute();
  return rows.length;
}
