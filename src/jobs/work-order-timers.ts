// Work-order deadlines for the timer engine (timer-engine.ts calls this in every sweep): the
// warning when 75 % of the department's working time has passed, the breach at the due time.
// Like the complaint deadlines: rows are claimed with FOR UPDATE SKIP LOCKED and stamped in the
// same transaction as their notifications and timeline entries, each at its true time, so two
// processes never fire one event twice and a sweep after downtime catches up.
//
// The warning instant is not a column of its own: until the warning fires, next_fire_at holds it
// (it is earlier than due_at); afterwards warned_at does (see workOrderFacts).
import { type Kysely, sql } from 'kysely';
import { type AuditEntry, recordAudits } from '../db/repositories/audit.ts';
import {
  insertNotifications,
  type NewNotification,
  type NotificationKind,
} from '../db/repositories/notifications.ts';
import { supervisorsByTeam } from '../db/repositories/supervisors.ts';
import { departmentUserIds } from '../db/repositories/work-orders.ts';
import type { Database, WorkOrderRow } from '../db/schema.ts';
import { recipients } from '../domain/deadlines.ts';
import { workOrderNextFire } from '../domain/work-orders.ts';

const iso = (d: Date) => d.toISOString();

interface Stamp {
  id: string;
  warnedAt: Date | null;
  breachedAt: Date | null;
  next: Date | null;
}

async function stampAll(tx: Kysely<Database>, stamps: Stamp[]): Promise<void> {
  if (!stamps.length) return;
  const col = (f: (s: Stamp) => Date | null) => stamps.map((s) => f(s)?.toISOString() ?? null);
  await sql`
    UPDATE work_orders AS t
       SET warned_at = u.a, breached_at = u.b, next_fire_at = u.next
      FROM unnest(${stamps.map((s) => s.id)}::uuid[], ${col((s) => s.warnedAt)}::timestamptz[],
                  ${col((s) => s.breachedAt)}::timestamptz[], ${col((s) => s.next)}::timestamptz[]) AS u(id, a, b, next)
     WHERE t.id = u.id`.execute(tx);
}

type Claimed = WorkOrderRow & {
  number: string;
  handler_id: string | null;
  owner_id: string | null;
  team: string | null;
  department_name: string;
};

/** Fires due work-order warnings and breaches; returns how many rows it handled in this batch. */
export async function sweepWorkOrders(
  db: Kysely<Database>,
  now: Date,
  batch: number,
  out: { notifications: number },
): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const rows: Claimed[] = await tx
      .selectFrom('work_orders as w')
      .innerJoin('complaints as c', 'c.id', 'w.complaint_id')
      .innerJoin('departments as d', 'd.id', 'w.department_id')
      .selectAll('w')
      .select(['c.number', 'c.handler_id', 'c.owner_id', 'c.team', 'd.name as department_name'])
      .where('w.next_fire_at', '<=', now)
      .orderBy('w.next_fire_at')
      .limit(batch)
      .forUpdate('w')
      .skipLocked()
      .execute();
    if (!rows.length) return 0;
    const [staff, supervisors] = await Promise.all([
      departmentUserIds(
        tx,
        rows.map((r) => r.department_id),
      ),
      supervisorsByTeam(
        tx,
        rows.map((r) => r.team),
      ),
    ]);
    const notes: NewNotification[] = [];
    const audits: AuditEntry[] = [];
    const stamps: Stamp[] = [];
    for (const r of rows) {
      const department = staff.get(r.department_id) ?? [];
      const handlers = recipients([r.handler_id, r.owner_id]);
      const payload = {
        number: r.number,
        workOrderId: r.id,
        department: r.department_name,
        dueAt: iso(r.due_at),
      };
      const tell = (kind: NotificationKind, event: string, who: string[], extra: Record<string, unknown>) => {
        const base = { kind, subjectId: r.id, dedupeKey: `${r.id}:${event}`, createdAt: now };
        const body = { ...payload, ...extra };
        // Department staff cannot open the complaint: their notices point at the work order only.
        for (const userId of department) notes.push({ ...base, userId, complaintId: null, payload: body });
        for (const userId of who.filter((u) => !department.includes(u))) {
          notes.push({ ...base, userId, complaintId: r.complaint_id, payload: body });
        }
      };
      const event = (action: string, after: Record<string, unknown>): AuditEntry => ({
        complaintId: r.complaint_id,
        entity: 'work_order',
        entityId: r.id,
        action,
        actorId: null,
        at: now,
        after: { departmentId: r.department_id, department: r.department_name, ...after },
      });
      let warnedAt = r.warned_at;
      let breachedAt = r.breached_at;
      const fire = r.next_fire_at;
      if (r.status === 'open' && !warnedAt && fire && fire < r.due_at) {
        warnedAt = fire;
        // Caught up after the due time already passed: the breach notice says it all.
        if (r.due_at > now) {
          tell('work_order_due_soon', `warn:${iso(fire)}`, handlers, { warnAt: iso(fire) });
          audits.push(event('work_order.warned', { dueAt: iso(r.due_at), warnAt: iso(fire) }));
        }
      }
      if (r.status === 'open' && !breachedAt && r.due_at <= now) {
        breachedAt = r.due_at;
        const who = recipients([...handlers, ...(supervisors.get(r.team) ?? [])]);
        tell('work_order_overdue', `breach:${iso(r.due_at)}`, who, { breachedAt: iso(r.due_at) });
        audits.push(event('work_order.breached', { dueAt: iso(r.due_at), breachedAt: iso(r.due_at) }));
      }
      const next = workOrderNextFire({
        status: r.status,
        warnAt: warnedAt ?? fire ?? r.due_at,
        dueAt: r.due_at,
        warnedAt,
        breachedAt,
      });
      stamps.push({ id: r.id, warnedAt, breachedAt, next });
    }
    await stampAll(tx, stamps);
    out.notifications += await insertNotifications(tx, notes);
    await recordAudits(tx, audits);
    return rows.length;
  });
}
