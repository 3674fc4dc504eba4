// Escalating a complaint up a tier, handing it back down, a supervisor taking it over, flagging a
// difficult caller, and reviewing escalations (domain §3–§5). The owner (首问) never changes: only
// the handler and the tier do, and the owner is told.
import type { Kysely } from 'kysely';
import { recordAudit } from '../db/repositories/audit.ts';
import { complaintEscalations, tierLevels, userTierLevel } from '../db/repositories/escalations.ts';
import { insertNotifications, type NotificationKind } from '../db/repositories/notifications.ts';
import { supervisorsOf } from '../db/repositories/supervisors.ts';
import { findUserById } from '../db/repositories/users.ts';
import type { ComplaintRow, Database } from '../db/schema.ts';
import { recipients } from '../domain/deadlines.ts';
import { DomainError, invalid, refusalError } from '../domain/errors.ts';
import {
  decideEscalation,
  defaultTierLevel,
  type EscalationKind,
  type EscalationReason,
  type EscalationReview,
  openEscalationOf,
  pickUpRefusal,
  reasonRefusal,
  returnRefusal,
} from '../domain/escalation.ts';
import { authorize, HANDLING_ROLES } from '../policies/permissions.ts';
import type { CommandContext } from './context.ts';
import { mutateComplaint } from './mutate-complaint.ts';

export interface EscalateInput {
  version: number;
  reason: string;
  note: string;
  /** A person of the higher tier; without one the complaint waits in that tier's queue. */
  handlerId?: string | undefined;
}

async function notify(
  tx: Kysely<Database>,
  kind: NotificationKind,
  userIds: (string | null | undefined)[],
  complaint: { id: string; number: string },
  subjectId: string,
  payload: Record<string, unknown>,
  now: Date,
  actorId: string,
): Promise<void> {
  await insertNotifications(
    tx,
    recipients(userIds)
      .filter((id) => id !== actorId)
      .map((userId) => ({
        userId,
        kind,
        complaintId: complaint.id,
        subjectId,
        dedupeKey: `${subjectId}:${kind}`,
        payload: { number: complaint.number, ...payload },
        createdAt: now,
      })),
  );
}

interface TierMove {
  kind: EscalationKind;
  reason: EscalationReason | null;
  note: string;
  toLevel: number;
  toHandlerId: string | null;
  /** The timeline action, and what it adds to the move. */
  action: string;
  extra: Record<string, unknown>;
  /** Who hears of it (the actor never does), and with what. */
  notifyKind: NotificationKind;
  notifyIds: (string | null | undefined)[];
  payload: Record<string, unknown>;
}

/** Records a move between tiers or handlers: its escalation row, its timeline entry, its notices. */
async function recordTierMove(
  tx: Kysely<Database>,
  ctx: CommandContext,
  complaint: ComplaintRow,
  m: TierMove,
): Promise<{ tier_level: number; handler_id: string | null }> {
  const row = await tx
    .insertInto('escalations')
    .values({
      complaint_id: complaint.id,
      kind: m.kind,
      reason: m.reason,
      note: m.note,
      from_level: complaint.tier_level,
      to_level: m.toLevel,
      from_handler_id: complaint.handler_id,
      to_handler_id: m.toHandlerId,
      created_by: ctx.actor.id,
      created_at: ctx.now,
      applied_at: ctx.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordAudit(tx, {
    complaintId: complaint.id,
    entity: 'escalation',
    entityId: row.id,
    action: m.action,
    actorId: ctx.actor.id,
    at: ctx.now,
    before: { tierLevel: complaint.tier_level, handlerId: complaint.handler_id },
    after: { tierLevel: m.toLevel, handlerId: m.toHandlerId, ...m.extra },
  });
  await notify(tx, m.notifyKind, m.notifyIds, complaint, row.id, m.payload, ctx.now, ctx.actor.id);
  return { tier_level: m.toLevel, handler_id: m.toHandlerId };
}

export async function escalateComplaint(
  ctx: CommandContext,
  id: string,
  input: EscalateInput,
): Promise<string> {
  const refusal = reasonRefusal(input.reason);
  if (refusal) throw refusalError(refusal);
  return mutateComplaint(ctx, id, input.version, async ({ tx, complaint }) => {
    const decision = decideEscalation({
      status: complaint.status,
      tierLevel: complaint.tier_level,
      levels: await tierLevels(tx),
    });
    if (!decision.ok) throw refusalError(decision.refusal);
    const toLevel = decision.toLevel;
    if (input.handlerId) {
      const target = await findUserById(tx, input.handlerId);
      const level = target ? ((await userTierLevel(tx, target.id)) ?? defaultTierLevel(target.role)) : null;
      if (
        !target?.active ||
        !(HANDLING_ROLES as readonly string[]).includes(target.role) ||
        level !== toLevel
      ) {
        throw invalid([{ field: 'handlerId', message: `not an active handler of tier ${toLevel}` }]);
      }
    }
    return recordTierMove(tx, ctx, complaint, {
      kind: 'escalation',
      reason: input.reason as EscalationReason,
      note: input.note,
      toLevel,
      toHandlerId: input.handlerId ?? null,
      action: 'complaint.escalated',
      extra: { reason: input.reason, note: input.note },
      notifyKind: 'complaint_escalated',
      notifyIds: [complaint.owner_id, input.handlerId],
      payload: { reason: input.reason, toLevel },
    });
  });
}

export async function returnEscalation(
  ctx: CommandContext,
  id: string,
  escalationId: string,
  input: { version: number; instructions: string },
): Promise<string> {
  return mutateComplaint(ctx, id, input.version, async ({ tx, complaint }) => {
    const history = await complaintEscalations(tx, complaint.id);
    const esc = history.find((e) => e.id === escalationId);
    if (!esc) throw new DomainError('NOT_FOUND', 'Escalation not found on this complaint', { escalationId });
    // Only the escalation that is open now (the top of the stack) can be handed back.
    const open = openEscalationOf(
      history.map((e) => ({ id: e.id, kind: e.kind, fromLevel: e.from_level, toLevel: e.to_level })),
      complaint.tier_level,
    );
    const refusal = returnRefusal(open?.id === esc.id ? open : undefined, {
      status: complaint.status,
      tierLevel: complaint.tier_level,
    });
    if (refusal) throw refusalError(refusal);
    return recordTierMove(tx, ctx, complaint, {
      kind: 'return',
      reason: null,
      note: input.instructions,
      toLevel: esc.from_level,
      toHandlerId: esc.from_handler_id,
      action: 'complaint.returned',
      extra: { instructions: input.instructions },
      notifyKind: 'complaint_returned',
      notifyIds: [esc.from_handler_id, complaint.owner_id],
      payload: { instructions: input.instructions },
    });
  });
}

export async function takeOverComplaint(
  ctx: CommandContext,
  id: string,
  input: { version: number; note: string },
): Promise<string> {
  authorize(ctx.actor, 'complaint:take_over');
  return mutateComplaint(ctx, id, input.version, async ({ tx, complaint }) => {
    if (complaint.status === 'closed') {
      throw new DomainError('COMPLAINT_CLOSED', 'The complaint is closed; reopen it before taking it over');
    }
    if (complaint.handler_id === ctx.actor.id) {
      throw new DomainError('CONFLICT', 'You already handle this complaint');
    }
    const level = ctx.actor.tierLevel ?? defaultTierLevel(ctx.actor.role);
    return recordTierMove(tx, ctx, complaint, {
      kind: 'takeover',
      reason: null,
      note: input.note,
      toLevel: level,
      toHandlerId: ctx.actor.id,
      action: 'complaint.taken_over',
      extra: { note: input.note },
      notifyKind: 'complaint_taken_over',
      notifyIds: [complaint.owner_id, complaint.handler_id],
      payload: { by: ctx.actor.name },
    });
  });
}

/** 员工的保护: an abusive or threatening caller; the supervisor is told at once and can take over. */
export async function flagDifficultCaller(
  ctx: CommandContext,
  id: string,
  input: { version: number; reason: string },
): Promise<string> {
  return mutateComplaint(ctx, id, input.version, async ({ tx, complaint }) => {
    if (complaint.difficult_caller) {
      throw new DomainError('CONFLICT', 'The caller is already flagged as difficult');
    }
    await recordAudit(tx, {
      complaintId: complaint.id,
      entity: 'complaint',
      entityId: complaint.id,
      action: 'complaint.difficult_caller',
      actorId: ctx.actor.id,
      at: ctx.now,
      after: { reason: input.reason },
    });
    await notify(
      tx,
      'difficult_caller',
      await supervisorsOf(tx, complaint.team),
      complaint,
      complaint.id,
      { reason: input.reason, by: ctx.actor.name },
      ctx.now,
      ctx.actor.id,
    );
    return { difficult_caller: true, difficult_reason: input.reason };
  });
}

export async function reviewEscalation(
  ctx: CommandContext,
  escalationId: string,
  input: { result: EscalationReview; comment: string },
): Promise<void> {
  authorize(ctx.actor, 'escalation:review');
  await ctx.db.transaction().execute(async (tx) => {
    const esc = await tx
      .selectFrom('escalations')
      .selectAll()
      .where('id', '=', escalationId)
      .forUpdate()
      .executeTakeFirst();
    if (esc?.kind !== 'escalation') throw new DomainError('NOT_FOUND', 'Escalation not found');
    if (esc.review) {
      throw new DomainError('CONFLICT', `Already reviewed: ${esc.review}`, { review: esc.review });
    }
    await tx
      .updateTable('escalations')
      .set({
        review: input.result,
        review_comment: input.comment,
        reviewed_by: ctx.actor.id,
        reviewed_at: ctx.now,
      })
      .where('id', '=', esc.id)
      .execute();
    await recordAudit(tx, {
      complaintId: esc.complaint_id,
      entity: 'escalation',
      entityId: esc.id,
      action: 'escalation.reviewed',
      actorId: ctx.actor.id,
      at: ctx.now,
      after: { result: input.result, comment: input.comment, reason: esc.reason },
    });
  });
}

/** Picks a complaint up from the queue of the tier it waits in: the picker becomes its handler. */
export async function pickUpComplaint(
  ctx: CommandContext,
  id: string,
  input: { version: number },
): Promise<string> {
  return mutateComplaint(ctx, id, input.version, async ({ tx, complaint }) => {
    const refusal = pickUpRefusal(
      { status: complaint.status, tierLevel: complaint.tier_level, handlerId: complaint.handler_id },
      ctx.actor,
    );
    if (refusal) throw refusalError(refusal);
    await recordAudit(tx, {
      complaintId: complaint.id,
      entity: 'complaint',
      entityId: complaint.id,
      action: 'complaint.picked_up',
      actorId: ctx.actor.id,
      at: ctx.now,
      before: { handlerId: null, tierLevel: complaint.tier_level },
      after: { handlerId: ctx.actor.id },
    });
    return { handler_id: ctx.actor.id };
  });
}
