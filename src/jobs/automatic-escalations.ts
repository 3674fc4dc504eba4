// Applies the escalations the timer engine recorded for breached deadlines whose policy escalates
// (reason: deadline_breached): the complaint moves to the next tier's queue, the owner stays, and
// the owner, the handler and the supervisors are told. Each row is claimed with SKIP LOCKED and
// applied once, in its own transaction with the complaint locked. Several deadlines breached
// together escalate the complaint once.
import type { Kysely } from 'kysely';
import { type AuditEntry, recordAudits } from '../db/repositories/audit.ts';
import { insertNotifications } from '../db/repositories/notifications.ts';
import { supervisorsOf } from '../db/repositories/supervisors.ts';
import type { Database } from '../db/schema.ts';
import { recipients } from '../domain/deadlines.ts';

const OPEN_FOR_ESCALATION = ['accepted', 'in_progress'];

export async function applyAutomaticEscalations(
  db: Kysely<Database>,
  now: Date,
  batch: number,
  out: { notifications: number },
): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const rows = await tx
      .selectFrom('escalations')
      .selectAll()
      .where('applied_at', 'is', null)
      .orderBy('created_at')
      .limit(batch)
      .forUpdate()
      .skipLocked()
      .execute();
    let done = 0;
    for (const e of rows) {
      // A complaint locked by someone else (a person's change, or the other engine applying
      // another of its escalations) is skipped and tried at the next sweep: the engine never waits
      // while holding other complaints' locks, so two engines cannot deadlock.
      const c = await tx
        .selectFrom('complaints')
        .select(['id', 'number', 'status', 'tier_level', 'handler_id', 'owner_id', 'team', 'version'])
        .where('id', '=', e.complaint_id)
        .forNoKeyUpdate()
        .skipLocked()
        .executeTakeFirst();
      const exists = c
        ? true
        : await tx.selectFrom('complaints').select('id').where('id', '=', e.complaint_id).executeTakeFirst();
      if (!c && exists) continue;
      done++;
      // Resolved, closed, or already moved on since the breach (e.g. by another deadline of the
      // same complaint breached in the same sweep): it never takes effect, so it is not kept.
      if (!c || !OPEN_FOR_ESCALATION.includes(c.status) || c.tier_level !== e.from_level) {
        await tx.deleteFrom('escalations').where('id', '=', e.id).execute();
        continue;
      }
      await tx.updateTable('escalations').set({ applied_at: now }).where('id', '=', e.id).execute();
      const moves = e.to_level > e.from_level;
      if (moves) {
        await tx
          .updateTable('complaints')
          .set({ tier_level: e.to_level, handler_id: null, version: c.version + 1, updated_at: now })
          .where('id', '=', c.id)
          .execute();
      }
      const audit: AuditEntry = {
        complaintId: c.id,
        entity: 'escalation',
        entityId: e.id,
        action: 'complaint.escalated',
        actorId: null,
        at: now,
        before: { tierLevel: c.tier_level, handlerId: c.handler_id },
        after: {
          tierLevel: e.to_level,
          handlerId: moves ? null : c.handler_id,
          reason: 'deadline_breached',
          note: e.note,
          automatic: true,
        },
      };
      await recordAudits(tx, [audit]);
      const who = recipients([c.owner_id, c.handler_id, ...(await supervisorsOf(tx, c.team))]);
      out.notifications += await insertNotifications(
        tx,
        who.map((userId) => ({
          userId,
          kind: 'complaint_escalated',
          complaintId: c.id,
          subjectId: e.id,
          dedupeKey: `${e.id}:complaint_escalated`,
          payload: { number: c.number, reason: 'deadline_breached', toLevel: e.to_level, automatic: true },
          createdAt: now,
        })),
      );
    }
    // Fewer than a batch when some were skipped: the sweep moves on and comes back next tick.
    return done;
  });
}
