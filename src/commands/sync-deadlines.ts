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
  type DeadlineKind,
  nextOpenDeadline,
  type ReconciledDeadline,
  reconcileDeadlines,
} from '../domain/deadlines.ts';
import { categoryPath, choosePolicy } from '../domain/sla-policy.ts';

/** The complaint fields deadlines depend on. */
export type DeadlineSubject = Pick<
  ComplaintRow,
  | 'severity'
  | 'category_id'
  | 'channel'
  | 'status'
  | 'received_at'
  | 'accepted_at'
  | 'resolved_at'
  | 'paused_at'
>;

export interface DeadlinePlan {
  reconciled: ReconciledDeadline[];
  /** The complaint's own columns that follow its deadlines. */
  columns: {
    policy_id: string | null;
    next_due_at: Date | null;
    next_due_kind: DeadlineKind | null;
    next_warn_at: Date | null;
  };
}

/** What the deadlines of a complaint should be (no writes). */
export function planDeadlines(
  config: TimingConfig,
  subject: DeadlineSubject,
  now: Date,
  inputs: { vipLevel: number; contacts: ContactFact[]; windows: CustomerWindow[]; existing: DeadlineRow[] },
): DeadlinePlan {
  const policy = choosePolicy(config.policies, {
    severity: subject.severity,
    categoryPath: categoryPath(subject.category_id, config.categoryParents),
    channel: subject.channel,
    vipLevel: inputs.vipLevel,
  });
  const facts: DeadlineFacts = {
    now,
    status: subject.status,
    channel: subject.channel,
    receivedAt: subject.received_at,
    acceptedAt: subject.accepted_at,
    resolvedAt: subject.resolved_at,
    pausedAt: subject.paused_at,
    contacts: inputs.contacts,
    customerWindows: inputs.windows,
  };
  const reconciled = reconcileDeadlines({
    facts,
    policy,
    existing: inputs.existing.map(toStoredDeadline),
    calendar: (id) => config.calendar(id),
    newId: randomUUID,
  });
  const next = nextOpenDeadline(reconciled.map((r) => r.row));
  return {
    reconciled,
    columns: {
      policy_id: policy?.id ?? null,
      next_due_at: next?.dueAt ?? null,
      next_due_kind: next?.kind ?? null,
      next_warn_at: next?.warnAt ?? null,
    },
  };
}

/** The timeline entries of a plan's changes. */
export function deadlineAudits(
  complaintId: string,
  plan: DeadlinePlan,
  now: Date,
  actorId: string | null,
): AuditEntry[] {
  return plan.reconciled.flatMap((r) =>
    r.changes.map(
      (c): AuditEntry => ({
        complaintId,
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
}

/** Writes a plan's deadline rows (not its audits, not the complaint's columns); returns the rows. */
export async function writeDeadlines(
  tx: Kysely<Database>,
  complaintId: string,
  plan: DeadlinePlan,
  existingRows: DeadlineRow[],
  now: Date,
): Promise<DeadlineRow[]> {
  const { reconciled } = plan;
  const created = reconciled.filter((r) => r.isNew);
  const changed = reconciled.filter(
    (r) => !r.isNew && r.changes.length + (differs(r.row, existingRows) ? 1 : 0) > 0,
  );
  if (created.length) {
    await tx
      .insertInto('complaint_deadlines')
      .values(created.map((r) => deadlineValues(complaintId, r.row, now)))
      .execute();
  }
  for (const r of changed) {
    const { id, complaint_id, created_at, ...values } = deadlineValues(complaintId, r.row, now);
    await tx.updateTable('complaint_deadlines').set(values).where('id', '=', id).execute();
  }
  const createdAt = new Map(existingRows.map((e) => [e.id, e.created_at]));
  return reconciled.map((r) => deadlineRowOf(complaintId, r.row, now, createdAt.get(r.row.id)));
}

/** Loads what an existing complaint's deadlines depend on and plans them (no writes). */
export async function planExisting(
  tx: Kysely<Database>,
  config: TimingConfig,
  complaint: ComplaintRow,
  now: Date,
): Promise<{ plan: DeadlinePlan; existing: DeadlineRow[] }> {
  const [vipLevel, contacts, windows, existing] = await Promise.all([
    tx
      .selectFrom('customers')
      .select('vip_level')
      .where('id', '=', complaint.customer_id)
      .executeTakeFirstOrThrow()
      .then((r) => r.vip_level),
    loadContactFacts(tx, complaint.id),
    loadCustomerWindows(tx, complaint.id),
    complaintDeadlines(tx, complaint.id, { forUpdate: true }),
  ]);
  return { plan: planDeadlines(config, complaint, now, { vipLevel, contacts, windows, existing }), existing };
}

/** Whether the complaint's own deadline columns must be written. */
export function columnsChanged(complaint: ComplaintRow, columns: DeadlinePlan['columns']): boolean {
  return (
    columns.policy_id !== complaint.policy_id ||
    columns.next_due_kind !== complaint.next_due_kind ||
    !sameInstant(columns.next_due_at, complaint.next_due_at) ||
    !sameInstant(columns.next_warn_at, complaint.next_warn_at)
  );
}

/** Re-plans and writes the deadlines of an existing complaint, with their timeline entries. */
export async function syncDeadlines(
  tx: Kysely<Database>,
  config: TimingConfig,
  complaint: ComplaintRow,
  now: Date,
  actorId: string | null,
): Promise<DeadlineRow[]> {
  const { plan, existing } = await planExisting(tx, config, complaint, now);
  const rows = await writeDeadlines(tx, complaint.id, plan, existing, now);
  await recordAudits(tx, deadlineAudits(complaint.id, plan, now, actorId));
  if (columnsChanged(complaint, plan.columns)) {
    await tx.updateTable('complaints').set(plan.columns).where('id', '=', complaint.id).execute();
    Object.assign(complaint, plan.columns);
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
