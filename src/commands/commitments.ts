// Promises made to a customer, and the customer's own requests about being contacted (domain
// §11). Made, kept (by a contact — see add-contact — or by hand for an action) or cancelled with a
// reason; never forgotten: a complaint with an open promise cannot be closed.
import type { Kysely } from 'kysely';
import { recordAudit } from '../db/repositories/audit.ts';
import type { TimingConfig } from '../db/repositories/timing-config.ts';
import type { CommitmentRow, ComplaintRow, Database } from '../db/schema.ts';
import {
  type CommitmentKind,
  type CommitmentSource,
  checkPromiseWording,
  commitmentNextFire,
  reminderInstant,
} from '../domain/commitments.ts';
import { DomainError, invalid } from '../domain/errors.ts';
import { addDuration, type DurationSpec, type WorkingCalendar } from '../domain/working-calendar.ts';
import type { CommandContext } from './context.ts';
import { mutateComplaint } from './mutate-complaint.ts';

/** A moment: absolute, or a duration from now on the complaint's calendar. */
export type MomentSpec = { at: Date } | DurationSpec;

export interface MakeCommitmentInput {
  version: number;
  source: CommitmentSource;
  kind: CommitmentKind;
  description: string;
  due?: MomentSpec | undefined;
  notBefore?: MomentSpec | undefined;
}

const MAX_AHEAD_MS = 366 * 86_400_000;
const DEFAULT_REMIND_PERCENT = 75;

function resolveMoment(
  cal: WorkingCalendar,
  now: Date,
  spec: MomentSpec,
): { at: Date; provisional: boolean } {
  if ('at' in spec) return { at: spec.at, provisional: false };
  return addDuration(cal, now, spec);
}

/** The calendar promises on this complaint are counted on: its policy's (reply target first). */
function complaintCalendar(config: TimingConfig, complaint: ComplaintRow): WorkingCalendar {
  const policy = config.policies.find((p) => p.id === complaint.policy_id);
  return config.calendar(policy?.targets.reply?.calendarId ?? policy?.calendarId);
}

export async function makeCommitment(
  ctx: CommandContext,
  complaintId: string,
  input: MakeCommitmentInput,
): Promise<string> {
  return mutateComplaint(ctx, complaintId, input.version, async ({ tx, complaint, config }) => {
    if (complaint.status === 'closed') {
      throw new DomainError(
        'COMPLAINT_CLOSED',
        'The complaint is closed; reopen it before promising anything',
      );
    }
    const cal = complaintCalendar(config, complaint);
    const now = ctx.now;
    const notBefore = input.notBefore ? resolveMoment(cal, now, input.notBefore) : null;
    if (input.source === 'customer' && !notBefore) {
      throw invalid([
        { field: 'notBefore', message: "a customer's request says from when we may contact them" },
      ]);
    }
    if (input.source === 'agent' && !input.due) {
      throw invalid([{ field: 'due', message: 'a promise says by when' }]);
    }
    // The customer's window closes one working day after it opens unless they said otherwise.
    const due = input.due
      ? resolveMoment(cal, now, input.due)
      : addDuration(cal, notBefore?.at ?? now, { workingDays: 1 });
    if (due.at.getTime() <= now.getTime())
      throw invalid([{ field: 'due', message: 'must lie in the future' }]);
    if (due.at.getTime() - now.getTime() > MAX_AHEAD_MS) {
      throw invalid([{ field: 'due', message: 'must lie within a year' }]);
    }
    if (notBefore && notBefore.at > due.at) {
      throw invalid([{ field: 'notBefore', message: 'must not be after the due time' }]);
    }
    const wording = checkPromiseWording(input.description);
    const remindAt = reminderInstant(
      input.source,
      now,
      notBefore?.at ?? null,
      due.at,
      DEFAULT_REMIND_PERCENT,
    );
    const row = await tx
      .insertInto('commitments')
      .values({
        complaint_id: complaint.id,
        source: input.source,
        kind: input.kind,
        description: input.description,
        not_before: notBefore?.at ?? null,
        due_at: due.at,
        remind_at: remindAt,
        provisional: due.provisional || (notBefore?.provisional ?? false),
        due_spec: JSON.stringify({ due: input.due ?? null, notBefore: input.notBefore ?? null }),
        wording: JSON.stringify(wording),
        made_by: ctx.actor.id,
        made_at: now,
        next_fire_at: commitmentNextFire({
          status: 'open',
          remindAt,
          dueAt: due.at,
          remindedAt: null,
          breachedAt: null,
        }),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, {
      complaintId: complaint.id,
      entity: 'commitment',
      entityId: row.id,
      action: 'commitment.made',
      actorId: ctx.actor.id,
      at: now,
      after: {
        source: input.source,
        kind: input.kind,
        description: input.description,
        notBefore: notBefore?.at.toISOString() ?? null,
        dueAt: due.at.toISOString(),
        wording: wording.map((w) => w.code),
      },
    });
    return undefined;
  });
}

async function openCommitment(tx: Kysely<Database>, complaintId: string, id: string): Promise<CommitmentRow> {
  const row = await tx
    .selectFrom('commitments')
    .selectAll()
    .where('id', '=', id)
    .where('complaint_id', '=', complaintId)
    .executeTakeFirst();
  if (!row)
    throw new DomainError('NOT_FOUND', 'Commitment not found on this complaint', { commitmentId: id });
  if (row.status !== 'open') {
    throw new DomainError('COMMITMENT_CLOSED', `The commitment is already ${row.status}`, {
      commitmentId: id,
      status: row.status,
    });
  }
  return row;
}

export async function fulfilCommitment(
  ctx: CommandContext,
  complaintId: string,
  commitmentId: string,
  input: { version: number; note: string },
): Promise<string> {
  return mutateComplaint(ctx, complaintId, input.version, async ({ tx, complaint }) => {
    const row = await openCommitment(tx, complaint.id, commitmentId);
    await tx
      .updateTable('commitments')
      .set({
        status: 'fulfilled',
        fulfilled_at: ctx.now,
        fulfilled_by: ctx.actor.id,
        fulfil_note: input.note,
        next_fire_at: null,
      })
      .where('id', '=', row.id)
      .execute();
    await recordAudit(tx, {
      complaintId: complaint.id,
      entity: 'commitment',
      entityId: row.id,
      action: 'commitment.fulfilled',
      actorId: ctx.actor.id,
      at: ctx.now,
      before: { status: 'open' },
      after: { status: 'fulfilled', note: input.note, late: ctx.now > row.due_at },
    });
    return undefined;
  });
}

export async function cancelCommitment(
  ctx: CommandContext,
  complaintId: string,
  commitmentId: string,
  input: { version: number; reason: string },
): Promise<string> {
  return mutateComplaint(ctx, complaintId, input.version, async ({ tx, complaint }) => {
    const row = await openCommitment(tx, complaint.id, commitmentId);
    await cancelOpenCommitments(tx, ctx, complaint.id, [row.id], input.reason);
    return undefined;
  });
}

/** Cancels open commitments with a reason (a withdrawn complaint cancels all of its own). */
export async function cancelOpenCommitments(
  tx: Kysely<Database>,
  ctx: CommandContext,
  complaintId: string,
  ids: readonly string[] | 'all',
  reason: string,
): Promise<void> {
  let q = tx
    .updateTable('commitments')
    .set({
      status: 'cancelled',
      cancelled_at: ctx.now,
      cancelled_by: ctx.actor.id,
      cancel_reason: reason,
      next_fire_at: null,
    })
    .where('complaint_id', '=', complaintId)
    .where('status', '=', 'open');
  if (ids !== 'all') {
    if (ids.length === 0) return;
    q = q.where('id', 'in', ids);
  }
  const rows = await q.returning('id').execute();
  for (const r of rows) {
    await recordAudit(tx, {
      complaintId,
      entity: 'commitment',
      entityId: r.id,
      action: 'commitment.cancelled',
      actorId: ctx.actor.id,
      at: ctx.now,
      before: { status: 'open' },
      after: { status: 'cancelled', reason },
    });
  }
}
