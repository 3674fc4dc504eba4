// Stored deadlines and commitments of complaints, mapped to and from the domain's shapes.
import type { Insertable, Kysely } from 'kysely';
import { type CommitmentFacts, commitmentNextFire } from '../../domain/commitments.ts';
import { nextFireAt, type StoredDeadline } from '../../domain/deadlines.ts';
import type { DurationSpec } from '../../domain/working-calendar.ts';
import type { CommitmentRow, ComplaintDeadlinesTable, Database, DeadlineRow } from '../schema.ts';

/** `forUpdate`: wait for (and then see) a timer engine sweep that holds these rows. */
export function complaintDeadlines(
  db: Kysely<Database>,
  complaintId: string,
  opts: { forUpdate?: boolean } = {},
): Promise<DeadlineRow[]> {
  let q = db
    .selectFrom('complaint_deadlines')
    .selectAll()
    .where('complaint_id', '=', complaintId)
    .orderBy('start_at')
    .orderBy('due_at');
  if (opts.forUpdate) q = q.forUpdate();
  return q.execute();
}

export function complaintCommitments(db: Kysely<Database>, complaintId: string): Promise<CommitmentRow[]> {
  return db
    .selectFrom('commitments')
    .selectAll()
    .where('complaint_id', '=', complaintId)
    .orderBy('made_at')
    .orderBy('id')
    .execute();
}

export function toStoredDeadline(r: DeadlineRow): StoredDeadline {
  return {
    id: r.id,
    kind: r.kind,
    policyId: r.policy_id,
    calendarId: r.calendar_id ?? '',
    target: r.target as DurationSpec,
    startAt: r.start_at,
    dueAt: r.due_at,
    warnAt: r.warn_at,
    provisional: r.provisional,
    pausedMs: Number(r.paused_ms),
    pausedAt: r.paused_at,
    deferredTo: r.deferred_to,
    escalateOnBreach: r.escalate_on_breach,
    warnedAt: r.warned_at,
    breachedAt: r.breached_at,
    metAt: r.met_at,
    cancelledAt: r.cancelled_at,
  };
}

export function deadlineValues(
  complaintId: string,
  d: StoredDeadline,
  now: Date,
): Insertable<ComplaintDeadlinesTable> & { id: string } {
  return {
    id: d.id,
    complaint_id: complaintId,
    kind: d.kind,
    policy_id: d.policyId,
    calendar_id: d.calendarId || null,
    target: JSON.stringify(d.target),
    start_at: d.startAt,
    due_at: d.dueAt,
    warn_at: d.warnAt,
    provisional: d.provisional,
    paused_ms: d.pausedMs,
    paused_at: d.pausedAt,
    deferred_to: d.deferredTo,
    escalate_on_breach: d.escalateOnBreach,
    warned_at: d.warnedAt,
    breached_at: d.breachedAt,
    met_at: d.metAt,
    cancelled_at: d.cancelledAt,
    next_fire_at: nextFireAt(d),
    created_at: now,
    updated_at: now,
  };
}

/** The row as the database will hold it after an insert or update of `d` (no read back needed). */
export function deadlineRowOf(
  complaintId: string,
  d: StoredDeadline,
  now: Date,
  createdAt?: Date,
): DeadlineRow {
  const v = deadlineValues(complaintId, d, now);
  return {
    ...(v as unknown as DeadlineRow),
    target: d.target,
    provisional: d.provisional,
    escalate_on_breach: d.escalateOnBreach,
    next_fire_at: nextFireAt(d),
    created_at: createdAt ?? now,
    updated_at: now,
  };
}

/** What the commitment rules look at, from a stored row. */
export function commitmentFactsOf(c: CommitmentRow): CommitmentFacts {
  return {
    source: c.source,
    kind: c.kind,
    status: c.status,
    madeAt: c.made_at,
    notBefore: c.not_before,
    remindAt: c.remind_at,
    dueAt: c.due_at,
  };
}

export function commitmentFireAt(c: CommitmentRow): Date | null {
  return commitmentNextFire({
    status: c.status,
    remindAt: c.remind_at,
    dueAt: c.due_at,
    remindedAt: c.reminded_at,
    breachedAt: c.breached_at,
  });
}
