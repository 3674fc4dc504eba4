// Keeps a complaint's deadlines true to the complaint, inside the transaction of the change that
// touched it: chooses the policy, lets the domain reconcile, writes the rows, the timeline
// entries and the complaint's "next due" columns. Called by every command that changes a
// complaint (through mutateComplaint) and by intake.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { type AuditEntry, recordAudits } from '../db/repositories/audit.ts';
import {
  complaintDeadlines,
  deadlineRowOf,
  deadlineValues,
  toStoredDeadline,
} from '../db/repositories/deadlines.ts';
import type { TimingConfig } from '../db/repositories/timing-config.ts';
import type { ComplaintRow, Database, DeadlineRow } from '../db/schema.ts';
import {
  type ContactFact,
  type CustomerWindow,
  type DeadlineFacts,
  nextOpenDeadline,
  reconcileDeadlines,
} from '../domain/deadlines.ts';
import { categoryPath, choosePolicy } from '../domain/sla-policy.ts';

export interface SyncKnown {
  /** The customer's VIP level, when the caller already has it. */
  vipLevel?: number;
  /** True for a complaint created in this transaction: no contacts, commitments or deadlines yet. */
  isNew?: boolean;
}

export async function syncDeadlines(
  tx: Kysely<Database>,
  config: TimingConfig,
  complaint: ComplaintRow,
  now: Date,
  actorId: string | null,
  known: SyncKnown = {},
): Promise<DeadlineRow[]> {
  const [vipLevel, contacts, windows, existingRows] = await Promise.all([
    known.vipLevel ??
      tx
        .selectFrom('customers')
        .select('vip_level')
        .where('id', '=', complaint.customer_id)
        .executeTakeFirstOrThrow()
        .then((r) => r.vip_level),
    known.isNew ? [] : loadContactFacts(tx, complaint.id),
    known.isNew ? [] : loadCustomerWindows(tx, complaint.id),
    known.isNew ? [] : complaintDeadlines(tx, complaint.id, { forUpdate: true }),
  ]);
  const policy = choosePolicy(config.policies, {
    severity: complaint.severity,
    categoryPath: categoryPath(complaint.category_id, config.categoryParents),
    channel: complaint.channel,
    vipLevel,
  });
  const facts: DeadlineFacts = {
    now,
    status: complaint.status,
    channel: complaint.channel,
    receivedAt: complaint.received_at,
    acceptedAt: complaint.accepted_at,
    resolvedAt: complaint.resolved_at,
    pausedAt: complaint.paused_at,
    contacts,
    customerWindows: windows,
  };
  const reconciled = reconcileDeadlines({
    facts,
    policy,
    existing: existingRows.map(toStoredDeadline),
    calendar: (id) => config.calendar(id),
    newId: randomUUID,
  });

  const created = reconciled.filter((r) => r.isNew);
  const changed = reconciled.filter(
    (r) => !r.isNew && r.changes.length + (differs(r.row, existingRows) ? 1 : 0) > 0,
  );
  if (created.length) {
    await tx
      .insertInto('complaint_deadlines')
      .values(created.map((r) => deadlineValues(complaint.id, r.row, now)))
      .execute();
  }
  for (const r of changed) {
    const { id, complaint_id, created_at, ...values } = deadlineValues(complaint.id, r.row, now);
    await tx.updateTable('complaint_deadlines').set(values).where('id', '=', id).execute();
  }
  const audits: AuditEntry[] = reconciled.flatMap((r) =>
    r.changes.map(
      (c): AuditEntry => ({
        complaintId: complaint.id,
        entity: 'deadline',
        entityId: r.row.id,
        action: `deadline.${c.action}`,
        actorId,
        at: now,
        before: c.before,
        after: { kind: r.row.kind, ...c.after },
      }),
    ),
  );
  await recordAudits(tx, audits);

  const createdAt = new Map(existingRows.map((e) => [e.id, e.created_at]));
  const rows = reconciled.map((r) => deadlineRowOf(complaint.id, r.row, now, createdAt.get(r.row.id)));
  const next = nextOpenDeadline(reconciled.map((r) => r.row));
  const columns = {
    policy_id: policy?.id ?? null,
    next_due_at: next?.dueAt ?? null,
    next_due_kind: next?.kind ?? null,
    next_warn_at: next?.warnAt ?? null,
  };
  if (
    columns.policy_id !== complaint.policy_id ||
    columns.next_due_kind !== complaint.next_due_kind ||
    !sameInstant(columns.next_due_at, complaint.next_due_at) ||
    !sameInstant(columns.next_warn_at, complaint.next_warn_at)
  ) {
    await tx.updateTable('complaints').set(columns).where('id', '=', complaint.id).execute();
    Object.assign(complaint, columns);
  }
  return rows;
}

function sameInstant(a: Date | null, b: Date | null): boolean {
  return (a?.getTime() ?? null) === (b?.getTime() ?? null);
}

/** A silent change (e.g. the warning instant moved with the due time) still has to be written. */
function differs(row: ReturnType<typeof toStoredDeadline>, existing: DeadlineRow[]): boolean {
  const old = existing.find((e) => e.id === row.id);
  if (!old) return false;
  const before = toStoredDeadline(old);
  return JSON.stringify(before) !== JSON.stringify(row);
}

async function loadContactFacts(tx: Kysely<Database>, complaintId: string): Promise<ContactFact[]> {
  const rows = await tx
    .selectFrom('contacts')
    .select(['started_at', 'outcome', 'purpose'])
    .where('complaint_id', '=', complaintId)
    .execute();
  return rows.map((r) => ({ startedAt: r.started_at, outcome: r.outcome, purpose: r.purpose }));
}

/** The customer's own "contact me then" requests that still stand (kept ones included). */
async function loadCustomerWindows(tx: Kysely<Database>, complaintId: string): Promise<CustomerWindow[]> {
  const rows = await tx
    .selectFrom('commitments')
    .select(['not_before', 'due_at'])
    .where('complaint_id', '=', complaintId)
    .where('source', '=', 'customer')
    .where('status', '<>', 'cancelled')
    .where('not_before', 'is not', null)
    .execute();
  return rows.map((r) => ({ notBefore: r.not_before as Date, dueAt: r.due_at }));
}
