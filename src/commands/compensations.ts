// Compensation (补偿) on a demand: granted at once within the handler's authority, otherwise
// waiting for someone whose authority covers it (责权利对等, domain §3); approved or refused with a
// reason, or cancelled by the handler. Every step lands in the complaint's timeline and bumps its
// version, so a handler holding an older view reloads and sees the decision.
import type { Kysely } from 'kysely';
import { recordAudit } from '../db/repositories/audit.ts';
import {
  type AuthorityLimitRecord,
  deleteTeamLimit as deleteTeamLimitRow,
  findAuthorityLimit,
  findCompensation,
  listAuthorityLimits,
  possibleApprovers,
  upsertAuthorityLimit,
  userAuthority,
} from '../db/repositories/compensations.ts';
import { findComplaint } from '../db/repositories/complaints.ts';
import { insertNotifications } from '../db/repositories/notifications.ts';
import type { CompensationRow, ComplaintRow, Database } from '../db/schema.ts';
import {
  type AuthorityLimit,
  approvalRefusal,
  type CompensationType,
  checkCompensationWording,
  compensationOfferRefusal,
  decideGrant,
  formatFen,
  type Grant,
  MAX_COMPENSATION_FEN,
  mayApprove,
  moneyFen,
} from '../domain/compensation.ts';
import { DomainError, invalid, refusalError } from '../domain/errors.ts';
import type { Role } from '../domain/vocabulary.ts';
import { authorize, authorizeHandle } from '../policies/permissions.ts';
import type { CommandContext } from './context.ts';
import { mutateComplaint, scopeOf } from './mutate-complaint.ts';

export interface GrantCompensationInput {
  version: number;
  type: CompensationType;
  amountFen: number;
  wording: string;
}

export interface GrantResult {
  compensation: CompensationRow;
  /** The complaint's version after the change. */
  complaintVersion: number;
  grant: Grant;
  /** How many people were asked to approve it (0 when granted at once). */
  approversNotified: number;
}

function checkWording(wording: string): void {
  const refusal = checkCompensationWording(wording);
  if (refusal) {
    throw new DomainError('VALIDATION_FAILED', refusal.message, {
      issues: [{ field: 'wording', message: refusal.message }],
      suggestion: refusal.suggestion,
    });
  }
}

function checkAmount(amountFen: number): void {
  if (!Number.isSafeInteger(amountFen) || amountFen <= 0 || amountFen > MAX_COMPENSATION_FEN) {
    throw invalid([{ field: 'amount', message: `between 0.01 and ${formatFen(MAX_COMPENSATION_FEN)} yuan` }]);
  }
}

/** Records a compensation on an open demand: approved at once within authority, else pending. */
export async function grantCompensation(
  ctx: CommandContext,
  complaintId: string,
  demandId: string,
  input: GrantCompensationInput,
): Promise<GrantResult> {
  checkAmount(input.amountFen);
  checkWording(input.wording);
  let result: Omit<GrantResult, 'complaintVersion'> | undefined;
  let version = 0;
  await mutateComplaint(ctx, complaintId, input.version, async ({ tx, complaint, demands }) => {
    const demand = demands.find((d) => d.id === demandId);
    if (!demand) throw new DomainError('NOT_FOUND', 'Demand not found on this complaint', { demandId });
    const refusal = compensationOfferRefusal(complaint.status, demand.status);
    if (refusal) throw refusalError({ ...refusal, details: { ...refusal.details, demandId } });
    const me = await userAuthority(tx, ctx.actor.id);
    const authority: AuthorityLimit = me?.authority ?? { maxFen: 0, approvalTypes: [] };
    const grant = decideGrant(authority, input.type, input.amountFen);
    const amount = formatFen(input.amountFen);
    const compensation = await tx
      .insertInto('compensations')
      .values({
        complaint_id: complaint.id,
        demand_id: demand.id,
        type: input.type,
        amount,
        wording: input.wording,
        status: grant.status,
        requested_by: ctx.actor.id,
        requested_at: ctx.now,
        // Granted within one's own authority: the requester's authority decided it.
        ...(grant.status === 'approved' ? { decided_by: ctx.actor.id, decided_at: ctx.now } : {}),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    let approversNotified = 0;
    if (grant.status === 'pending') {
      approversNotified = await notifyApprovers(tx, ctx, complaint, compensation, input.amountFen, grant);
    }
    await recordAudit(tx, {
      complaintId: complaint.id,
      entity: 'compensation',
      entityId: compensation.id,
      action: grant.status === 'approved' ? 'compensation.granted' : 'compensation.requested',
      actorId: ctx.actor.id,
      at: ctx.now,
      after: {
        demandId: demand.id,
        type: input.type,
        amount,
        wording: input.wording,
        status: grant.status,
        ...(grant.status === 'pending'
          ? { reasons: grant.reasons, limit: formatFen(grant.limitFen), approversNotified }
          : {}),
      },
    });
    result = { compensation, grant, approversNotified };
    version = complaint.version + 1;
    return undefined;
  });
  if (!result) throw new Error('unreachable: the compensation was not recorded');
  return { ...result, complaintVersion: version };
}

/** Asks everyone who could approve it (active, deciding role, limit and types covering it). */
async function notifyApprovers(
  tx: Kysely<Database>,
  ctx: CommandContext,
  complaint: ComplaintRow,
  c: CompensationRow,
  amountFen: number,
  grant: Grant & { status: 'pending' },
): Promise<number> {
  const request = { type: c.type, amountFen, requestedBy: c.requested_by };
  const approvers = (await possibleApprovers(tx)).filter((a) => mayApprove(a, request));
  await insertNotifications(
    tx,
    approvers.map((a) => ({
      userId: a.id,
      kind: 'compensation_approval_needed' as const,
      complaintId: complaint.id,
      subjectId: c.id,
      dedupeKey: `${c.id}:approval`,
      payload: {
        number: complaint.number,
        type: c.type,
        amount: formatFen(amountFen),
        reasons: grant.reasons,
        requestedBy: ctx.actor.name,
      },
      createdAt: ctx.now,
    })),
  );
  return approvers.length;
}

/**
 * The frame of a change to one compensation: lock its complaint (the same lock every complaint
 * change takes), then the compensation; check; apply; bump the complaint's version. The
 * compensation's own state guards the change, so no client version is needed (a decider works
 * from the approval queue, not the complaint page); one given is checked. Compensations do
 * not move deadlines, so these are not re-planned.
 */
async function changeCompensation<T>(
  ctx: CommandContext,
  compensationId: string,
  opts: { version?: number | undefined; authorize?: (complaint: ComplaintRow) => void },
  apply: (tx: Kysely<Database>, complaint: ComplaintRow, c: CompensationRow) => Promise<T>,
): Promise<{ value: T; complaintVersion: number }> {
  return ctx.db.transaction().execute(async (tx) => {
    const found = await findCompensation(tx, compensationId);
    if (!found) throw new DomainError('NOT_FOUND', 'Compensation not found', { compensationId });
    const complaint = await findComplaint(tx, found.complaint_id, { forUpdate: true });
    const c = await findCompensation(tx, compensationId, { forUpdate: true });
    if (!complaint || !c) throw new DomainError('NOT_FOUND', 'Compensation not found', { compensationId });
    opts.authorize?.(complaint);
    if (opts.version !== undefined && opts.version !== complaint.version) {
      throw new DomainError('STALE_VERSION', 'Someone else changed this complaint; reload it and try again', {
        currentVersion: complaint.version,
        yourVersion: opts.version,
      });
    }
    const value = await apply(tx, complaint, c);
    const complaintVersion = complaint.version + 1;
    await tx
      .updateTable('complaints')
      .set({ version: complaintVersion, updated_at: ctx.now })
      .where('id', '=', complaint.id)
      .execute();
    return { value, complaintVersion };
  });
}

function alreadyDecided(c: CompensationRow): DomainError {
  return new DomainError(
    'CONFLICT',
    `The compensation is already ${c.status}; only a pending one can change`,
    {
      compensationId: c.id,
      status: c.status,
      decidedBy: c.decided_by,
      decidedAt: c.decided_at?.toISOString() ?? null,
    },
  );
}

export interface DecisionInput {
  approve: boolean;
  reason: string;
}

/**
 * Approves or refuses a pending compensation. Only someone who could have granted it (deciding
 * role, amount within their own limit, a type they may approve, not their own request) decides
 * it either way; the decision needs no view of the complaint beyond the request itself.
 */
export async function decideCompensation(
  ctx: CommandContext,
  compensationId: string,
  input: DecisionInput,
): Promise<{ compensation: CompensationRow; complaintVersion: number }> {
  authorize(ctx.actor, 'compensation:decide');
  const { value, complaintVersion } = await changeCompensation(
    ctx,
    compensationId,
    {},
    async (tx, complaint, c) => {
      if (c.status !== 'pending') throw alreadyDecided(c);
      if (complaint.status === 'closed') {
        throw new DomainError(
          'COMPLAINT_CLOSED',
          'The complaint is closed; its compensation requests are moot',
          {
            compensationId: c.id,
          },
        );
      }
      const me = await userAuthority(tx, ctx.actor.id);
      const refusal = approvalRefusal(
        {
          id: ctx.actor.id,
          role: ctx.actor.role,
          authority: me?.authority ?? { maxFen: 0, approvalTypes: [] },
        },
        { type: c.type, amountFen: moneyFen(c.amount), requestedBy: c.requested_by },
      );
      if (refusal) throw refusalError(refusal);
      const status = input.approve ? 'approved' : 'refused';
      const row = await tx
        .updateTable('compensations')
        .set({ status, decided_by: ctx.actor.id, decided_at: ctx.now, decision_reason: input.reason })
        .where('id', '=', c.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAudit(tx, {
        complaintId: complaint.id,
        entity: 'compensation',
        entityId: c.id,
        action: input.approve ? 'compensation.approved' : 'compensation.refused',
        actorId: ctx.actor.id,
        at: ctx.now,
        before: { status: 'pending' },
        after: { status, reason: input.reason, type: c.type, amount: c.amount, demandId: c.demand_id },
      });
      await insertNotifications(tx, [
        {
          userId: c.requested_by,
          kind: 'compensation_decided',
          complaintId: complaint.id,
          subjectId: c.id,
          dedupeKey: `${c.id}:decided`,
          payload: {
            number: complaint.number,
            approved: input.approve,
            type: c.type,
            amount: c.amount,
            decidedBy: ctx.actor.name,
          },
          createdAt: ctx.now,
        },
      ]);
      return row;
    },
  );
  return { compensation: value, complaintVersion };
}

/** The handler withdraws a request still waiting for approval, with the reason. */
export async function cancelCompensation(
  ctx: CommandContext,
  compensationId: string,
  input: { reason: string; version?: number | undefined },
): Promise<{ compensation: CompensationRow; complaintVersion: number }> {
  const { value, complaintVersion } = await changeCompensation(
    ctx,
    compensationId,
    { version: input.version, authorize: (complaint) => authorizeHandle(ctx.actor, scopeOf(complaint)) },
    async (tx, complaint, c) => {
      if (c.status !== 'pending') throw alreadyDecided(c);
      const rows = await cancelPendingCompensations(tx, ctx, complaint.id, [c.id], input.reason);
      const row = rows[0];
      if (!row) throw alreadyDecided(c);
      return row;
    },
  );
  return { compensation: value, complaintVersion };
}

/**
 * Cancels pending compensations of a complaint with a reason, each in its timeline. For any
 * command that ends a complaint's handling (a withdrawn complaint cancels all of its own).
 */
export async function cancelPendingCompensations(
  tx: Kysely<Database>,
  ctx: CommandContext,
  complaintId: string,
  ids: readonly string[] | 'all',
  reason: string,
): Promise<CompensationRow[]> {
  let q = tx
    .updateTable('compensations')
    .set({ status: 'cancelled', decided_by: ctx.actor.id, decided_at: ctx.now, decision_reason: reason })
    .where('complaint_id', '=', complaintId)
    .where('status', '=', 'pending');
  if (ids !== 'all') {
    if (ids.length === 0) return [];
    q = q.where('id', 'in', ids);
  }
  const rows = await q.returningAll().execute();
  for (const r of rows) {
    await recordAudit(tx, {
      complaintId,
      entity: 'compensation',
      entityId: r.id,
      action: 'compensation.cancelled',
      actorId: ctx.actor.id,
      at: ctx.now,
      before: { status: 'pending' },
      after: { status: 'cancelled', reason, type: r.type, amount: r.amount, demandId: r.demand_id },
    });
  }
  return rows;
}

// ——— Authority limits (admin) ———

export function authorityLimits(ctx: CommandContext): Promise<AuthorityLimitRecord[]> {
  authorize(ctx.actor, 'organisation:manage');
  return listAuthorityLimits(ctx.db);
}

/** The caller's own authority: what they may grant without approval, and whether they decide. */
export async function myAuthority(ctx: CommandContext) {
  const me = await userAuthority(ctx.db, ctx.actor.id);
  return me?.authority ?? { maxFen: 0, approvalTypes: [], source: 'none' as const };
}

export type AuthorityKey = { role: Role } | { teamId: string };

export async function setAuthorityLimit(
  ctx: CommandContext,
  key: AuthorityKey,
  limit: AuthorityLimit,
): Promise<AuthorityLimitRecord> {
  authorize(ctx.actor, 'organisation:manage');
  if (!Number.isSafeInteger(limit.maxFen) || limit.maxFen < 0) {
    throw invalid([{ field: 'maxCompensation', message: 'an amount of yuan, at least 0' }]);
  }
  return ctx.db.transaction().execute(async (tx) => {
    if ('teamId' in key) await requireTeam(tx, key.teamId);
    const before = await findAuthorityLimit(tx, key);
    const approvalTypes = [...new Set(limit.approvalTypes)];
    const after = await upsertAuthorityLimit(tx, key, { maxFen: limit.maxFen, approvalTypes }, ctx.now);
    await recordAudit(tx, {
      complaintId: null,
      entity: 'organisation',
      entityId: after.id,
      action: 'authority_limit.set',
      actorId: ctx.actor.id,
      at: ctx.now,
      before: before ? limitAudit(before) : null,
      after: limitAudit(after),
    });
    return after;
  });
}

/** Removes a team's own limit: its people fall back to their role's. */
export async function deleteTeamLimit(ctx: CommandContext, teamId: string): Promise<void> {
  authorize(ctx.actor, 'organisation:manage');
  await ctx.db.transaction().execute(async (tx) => {
    await requireTeam(tx, teamId);
    const before = await findAuthorityLimit(tx, { teamId });
    if (!before || !(await deleteTeamLimitRow(tx, teamId))) {
      throw new DomainError('NOT_FOUND', 'This team has no limit of its own', { teamId });
    }
    await recordAudit(tx, {
      complaintId: null,
      entity: 'organisation',
      entityId: before.id,
      action: 'authority_limit.removed',
      actorId: ctx.actor.id,
      at: ctx.now,
      before: limitAudit(before),
    });
  });
}

async function requireTeam(tx: Kysely<Database>, teamId: string): Promise<void> {
  const team = await tx.selectFrom('teams').select('id').where('id', '=', teamId).executeTakeFirst();
  if (!team) throw new DomainError('NOT_FOUND', 'Team not found', { teamId });
}

function limitAudit(r: AuthorityLimitRecord): Record<string, unknown> {
  return {
    role: r.role,
    teamId: r.teamId,
    maxCompensation: formatFen(r.maxFen),
    approvalTypes: r.approvalTypes,
  };
}
