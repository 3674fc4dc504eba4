// The append-only timeline: one row per change, written in the same transaction as the change.
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

export interface AuditEntry {
  complaintId: string | null;
  entity:
    | 'complaint'
    | 'demand'
    | 'contact'
    | 'user'
    | 'category'
    | 'api_token'
    | 'customer'
    | 'deadline'
    | 'commitment'
    | 'calendar'
    | 'sla_policy'
    | 'organisation'
    | 'escalation'
    | 'compensation'
    | 'work_order';
  entityId: string;
  action: string;
  actorId: string | null;
  at: Date;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

export async function recordAudit(db: Kysely<Database>, e: AuditEntry): Promise<void> {
  await recordAudits(db, [e]);
}

export function complaintTimeline(db: Kysely<Database>, complaintId: string) {
  return db
    .selectFrom('audit_events as a')
    .leftJoin('users as u', 'u.id', 'a.actor_id')
    .select([
      'a.id',
      'a.entity',
      'a.entity_id',
      'a.action',
      'a.actor_id',
      'u.name as actor_name',
      'a.at',
      'a.before',
      'a.after',
    ])
    .where('a.complaint_id', '=', complaintId)
    .orderBy('a.id')
    .execute();
}

export type TimelineRow = Awaited<ReturnType<typeof complaintTimeline>>[number];

/** Only the fields that changed, as before/after objects. */
export function diff<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
): { before: Record<string, unknown>; after: Record<string, unknown> } | null {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(after)) {
    if (value === undefined) continue;
    const old = before[key];
    const same =
      old instanceof Date && value instanceof Date ? old.getTime() === value.getTime() : old === value;
    if (!same) {
      b[key] = old ?? null;
      a[key] = value;
    }
  }
  return Object.keys(a).length ? { before: b, after: a } : null;
}

export async function recordAudits(db: Kysely<Database>, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await db
    .insertInto('audit_events')
    .values(
      entries.map((e) => ({
        complaint_id: e.complaintId,
        entity: e.entity,
        entity_id: e.entityId,
        action: e.action,
        actor_id: e.actorId,
        at: e.at,
        before: e.before ? JSON.stringify(e.before) : null,
        after: e.after ? JSON.stringify(e.after) : null,
      })),
    )
    .execute();
}
