// Department work orders (内部工单): sent from a complaint by its handler, answered or passed on by
// the department, extended or cancelled by the handler. The rules are src/domain/work-orders.ts;
// each action is one transaction with its timeline entry (entity work_order, on the complaint)
// and its notifications. Sending is a change to the complaint (its version moves); the other
// actions lock the work order only.
import type { Kysely } from 'kysely';
import { type AuditEntry, recordAudit, recordAudits } from '../db/repositories/audit.ts';
import { findComplaint } from '../db/repositories/complaints.ts';
import {
  insertNotifications,
  type NewNotification,
  type NotificationKind,
} from '../db/repositories/notifications.ts';
import { supervisorsOf } from '../db/repositories/supervisors.ts';
import { timingConfig } from '../db/repositories/timing-config.ts';
import {
  departmentUserIds,
  findDepartment,
  findWorkOrder,
  workOrderFacts,
} from '../db/repositories/work-orders.ts';
import type { ComplaintRow, Database, WorkOrderRow } from '../db/schema.ts';
import { recipients } from '../domain/deadlines.ts';
import { DomainError, refusalError } from '../domain/errors.ts';
import {
  cancelRefusal,
  DEFAULT_WORK_ORDER_DUE,
  decideAnswer,
  decidePass,
  dueRefusal,
  extensionRefusal,
  isOrderDepartment,
  retimedStamps,
  sendRefusal,
  type WorkOrderOutcome,
  workOrderNextFire,
  workOrderNotFound,
  workOrderWarnAt,
} from '../domain/work-orders.ts';
import {
  addDuration,
  addWorkingMillis,
  type Deadline,
  type DurationSpec,
  workingMillisBetween,
} from '../domain/working-calendar.ts';
import type { Actor } from '../policies/actor.ts';
import { authorize, canHandleComplaint, canViewComplaint } from '../policies/permissions.ts';
import type { CommandContext } from './context.ts';
import { mutateComplaint, scopeOf } from './mutate-complaint.ts';

export interface Attachment {
  name: string;
  ref: string;
}

export interface SendWorkOrderInput {
  version: number;
  departmentId: string;
  request: string;
  facts?: string | null | undefined;
  attachments?: readonly Attachment[] | undefined;
  /** An instant, or working days or hours on the department's calendar (default 2 working days). */
  due?: { at: Date } | { workingDays: number } | { workingHours: number } | undefined;
}

const iso = (d: Date) => d.toISOString();

/** Sends a work order from the complaint to a department; returns the work order's id. */
export async function sendWorkOrder(
  ctx: CommandContext,
  complaintId: string,
  input: SendWorkOrderInput,
): Promise<string> {
  let orderId = '';
  await mutateComplaint(ctx, complaintId, input.version, async ({ tx, complaint, config }) => {
    const department = await findDepartment(tx, input.departmentId);
    const refusal = sendRefusal(complaint.status, department);
    if (refusal || !department) throw refusalError(refusal ?? workOrderNotFound());
    const now = ctx.now;
    const cal = config.calendar(department.calendar_id);
    const spec = input.due ?? DEFAULT_WORK_ORDER_DUE;
    const due: Deadline = 'at' in spec ? { at: spec.at, provisional: false } : addDuration(cal, now, spec);
    const late = dueRefusal('due', due.at, now);
    if (late) throw refusalError(late);
    const warnAt = workOrderWarnAt(cal, now, due.at);
    const facts = input.facts?.trim() || null;
    const row = await tx
      .insertInto('work_orders')
      .values({
        complaint_id: complaint.id,
        department_id: department.id,
        request: input.request,
        facts,
        attachments: JSON.stringify(input.attachments ?? []),
        due_at: due.at,
        provisional: due.provisional,
        created_by: ctx.actor.id,
        created_at: now,
        updated_at: now,
        next_fire_at: workOrderNextFire({
          status: 'open',
          warnAt,
          dueAt: due.at,
          warnedAt: null,
          breachedAt: null,
        }),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    orderId = row.id;
    await recordAudit(tx, {
      complaintId: complaint.id,
      entity: 'work_order',
      entityId: row.id,
      action: 'work_order.sent',
      actorId: ctx.actor.id,
      at: now,
      after: {
        departmentId: department.id,
        department: department.name,
        request: input.request,
        facts,
        attachments: (input.attachments ?? []).length,
        due: 'at' in spec ? { at: iso(spec.at) } : spec,
        dueAt: iso(due.at),
        provisional: due.provisional,
      },
    });
    // The department hears of it at once (its staff cannot open the complaint: the notice points
    // at the work order).
    const staff = (await departmentUserIds(tx, [department.id])).get(department.id) ?? [];
    await insertNotifications(
      tx,
      staff.map((userId) => ({
        userId,
        kind: 'work_order_received',
        complaintId: null,
        subjectId: row.id,
        dedupeKey: `${row.id}:received`,
        payload: {
          number: complaint.number,
          workOrderId: row.id,
          department: department.name,
          dueAt: iso(due.at),
        },
        createdAt: now,
      })),
    );
    return undefined;
  });
  return orderId;
}

// ——— Shared frames ———

async function lockedOrder(tx: Kysely<Database>, id: string): Promise<WorkOrderRow> {
  const row = await findWorkOrder(tx, id, { forUpdate: true });
  if (!row) throw refusalError(workOrderNotFound());
  return row;
}

async function complaintOf(tx: Kysely<Database>, row: WorkOrderRow): Promise<ComplaintRow> {
  const complaint = await findComplaint(tx, row.complaint_id);
  if (!complaint) throw refusalError(workOrderNotFound());
  return complaint;
}

/**
 * The handler's actions (extension, cancel): whoever may handle the complaint. Department staff
 * may not (and to another department the order does not exist); someone who cannot see the
 * complaint does not learn of the order either.
 */
function authorizeHandler(actor: Actor, row: WorkOrderRow, complaint: ComplaintRow): void {
  const scope = scopeOf(complaint);
  if (actor.role === 'department') {
    if (!isOrderDepartment(actor, workOrderFacts(row))) throw refusalError(workOrderNotFound());
    throw new DomainError('FORBIDDEN', "Only the complaint's handler may do this", {
      reason: 'handle the work order',
    });
  }
  if (!canViewComplaint(actor, scope)) throw refusalError(workOrderNotFound());
  if (!canHandleComplaint(actor, scope)) {
    throw new DomainError('FORBIDDEN', 'Your role may not handle this complaint', {
      reason: 'handle this complaint',
    });
  }
}

function note(
  userId: string,
  kind: NotificationKind,
  row: WorkOrderRow,
  complaint: ComplaintRow,
  event: string,
  payload: Record<string, unknown>,
  now: Date,
  forDepartment = false,
): NewNotification {
  return {
    userId,
    kind,
    // Department staff cannot open the complaint: their notices point at the work order only.
    complaintId: forDepartment ? null : complaint.id,
    subjectId: row.id,
    dedupeKey: `${row.id}:${event}`,
    payload: { number: complaint.number, workOrderId: row.id, ...payload },
    createdAt: now,
  };
}

// ——— The department: answer, pass on ———

export interface AnswerWorkOrderInput {
  outcome: WorkOrderOutcome;
  answer: string;
  newDueAt?: Date | null | undefined;
}

export async function answerWorkOrder(
  ctx: CommandContext,
  id: string,
  input: AnswerWorkOrderInput,
): Promise<string> {
  authorize(ctx.actor, 'work_order:answer');
  const now = ctx.now;
  return ctx.db.transaction().execute(async (tx) => {
    const row = await lockedOrder(tx, id);
    const decision = decideAnswer(workOrderFacts(row), ctx.actor, input, now);
    if (!decision.ok) throw refusalError(decision.refusal);
    const complaint = await complaintOf(tx, row);
    const department = await findDepartment(tx, row.department_id);
    const effect = decision.effect;
    const answer = input.answer.trim();
    const common = {
      outcome: input.outcome,
      answer,
      answered_by: ctx.actor.id,
      answered_at: now,
      updated_at: now,
    };
    if (effect.kind === 'answered') {
      await tx
        .updateTable('work_orders')
        .set({ ...common, status: 'answered', requested_due_at: null, next_fire_at: null })
        .where('id', '=', row.id)
        .execute();
    } else {
      await tx
        .updateTable('work_orders')
        .set({ ...common, requested_due_at: effect.requestedDueAt })
        .where('id', '=', row.id)
        .execute();
    }
    const late = now > row.due_at;
    await recordAudit(tx, {
      complaintId: complaint.id,
      entity: 'work_order',
      entityId: row.id,
      action: effect.kind === 'answered' ? 'work_order.answered' : 'work_order.more_time_requested',
      actorId: ctx.actor.id,
      at: now,
      before: { status: row.status, dueAt: iso(row.due_at) },
      after:
        effect.kind === 'answered'
          ? { status: 'answered', outcome: effect.outcome, answer, late }
          : { outcome: 'more_time', answer, requestedDueAt: iso(effect.requestedDueAt) },
    });
    const payload = {
      department: department?.name ?? null,
      outcome: input.outcome,
      dueAt: iso(row.due_at),
      ...(effect.kind === 'more_time' ? { requestedDueAt: iso(effect.requestedDueAt) } : { late }),
    };
    await insertNotifications(
      tx,
      recipients([complaint.handler_id, complaint.owner_id]).map((userId) =>
        note(userId, 'work_order_answered', row, complaint, `${input.outcome}:${iso(now)}`, payload, now),
      ),
    );
    return row.id;
  });
}

export interface PassWorkOrderInput {
  departmentId: string;
  reason: string;
}

/**
 * Passes the order on to another department. The new department gets as much working time, on
 * its own calendar, as the order had with the department that passes it (from when that one
 * received it to its due time); two working days when that was none.
 */
export async function passWorkOrder(
  ctx: CommandContext,
  id: string,
  input: PassWorkOrderInput,
): Promise<string> {
  authorize(ctx.actor, 'work_order:answer');
  const now = ctx.now;
  const config = await timingConfig(ctx.db);
  return ctx.db.transaction().execute(async (tx) => {
    const row = await lockedOrder(tx, id);
    const to = await findDepartment(tx, input.departmentId);
    const facts = workOrderFacts(row);
    const decision = decidePass(facts, ctx.actor, input.departmentId, to);
    if (!decision.ok || !to) throw refusalError(decision.ok ? workOrderNotFound() : decision.refusal);
    const { passCount, bounced, firstFlag } = decision.effect;
    const complaint = await complaintOf(tx, row);
    const from = await findDepartment(tx, row.department_id);
    const last = await tx
      .selectFrom('work_order_passes')
      .select('passed_at')
      .where('work_order_id', '=', row.id)
      .orderBy('passed_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    const start = last?.passed_at ?? row.created_at;
    const span = workingMillisBetween(config.calendar(from?.calendar_id), start, row.due_at);
    const toCal = config.calendar(to.calendar_id);
    const due =
      span > 0
        ? addWorkingMillis(toCal, now, span)
        : addDuration(toCal, now, DEFAULT_WORK_ORDER_DUE as DurationSpec);
    const warnAt = workOrderWarnAt(toCal, now, due.at);
    const reason = input.reason.trim();
    await tx
      .insertInto('work_order_passes')
      .values({
        work_order_id: row.id,
        from_department_id: row.department_id,
        to_department_id: to.id,
        reason,
        passed_by: ctx.actor.id,
        passed_at: now,
      })
      .execute();
    await tx
      .updateTable('work_orders')
      .set({
        department_id: to.id,
        due_at: due.at,
        provisional: due.provisional,
        pass_count: passCount,
        flagged_at: row.flagged_at ?? (bounced ? now : null),
        outcome: null,
        answer: null,
        answered_by: null,
        answered_at: null,
        requested_due_at: null,
        warned_at: null,
        breached_at: null,
        next_fire_at: workOrderNextFire({
          status: 'open',
          warnAt,
          dueAt: due.at,
          warnedAt: null,
          breachedAt: null,
        }),
        updated_at: now,
      })
      .where('id', '=', row.id)
      .execute();
    const audits: AuditEntry[] = [
      {
        complaintId: complaint.id,
        entity: 'work_order',
        entityId: row.id,
        action: 'work_order.passed',
        actorId: ctx.actor.id,
        at: now,
        before: { departmentId: row.department_id, department: from?.name ?? null, dueAt: iso(row.due_at) },
        after: { departmentId: to.id, department: to.name, reason, dueAt: iso(due.at), passCount },
      },
    ];
    if (firstFlag) {
      audits.push({
        complaintId: complaint.id,
        entity: 'work_order',
        entityId: row.id,
        action: 'work_order.flagged',
        actorId: ctx.actor.id,
        at: now,
        after: { rule: 'passed_on_more_than_twice', passCount },
      });
    }
    await recordAudits(tx, audits);
    if (bounced) {
      const supervisors = await supervisorsOf(tx, complaint.team);
      const payload = { passCount, from: from?.name ?? null, to: to.name, dueAt: iso(due.at) };
      await insertNotifications(
        tx,
        recipients(supervisors).map((userId) =>
          note(userId, 'work_order_bounced', row, complaint, `bounced:${passCount}`, payload, now),
        ),
      );
    }
    return row.id;
  });
}

// ——— The handler: extension, cancel ———

export interface DecideExtensionInput {
  accept: boolean;
  note?: string | null | undefined;
}

/** Accepts (the due time moves, the timers start again from now) or declines a request for more time. */
export async function decideExtension(
  ctx: CommandContext,
  id: string,
  input: DecideExtensionInput,
): Promise<string> {
  const now = ctx.now;
  const config = await timingConfig(ctx.db);
  return ctx.db.transaction().execute(async (tx) => {
    const row = await lockedOrder(tx, id);
    const complaint = await complaintOf(tx, row);
    authorizeHandler(ctx.actor, row, complaint);
    const facts = workOrderFacts(row);
    const refusal = extensionRefusal(facts);
    if (refusal || !row.requested_due_at) throw refusalError(refusal ?? workOrderNotFound());
    const requested = row.requested_due_at;
    const cleared = {
      requested_due_at: null,
      outcome: null,
      answer: null,
      answered_by: null,
      answered_at: null,
      updated_at: now,
    };
    const noteText = input.note?.trim() || null;
    if (input.accept) {
      const department = await findDepartment(tx, row.department_id);
      const cal = config.calendar(department?.calendar_id);
      const warnAt = workOrderWarnAt(cal, now, requested);
      const stamps = retimedStamps(facts, warnAt, requested, now);
      await tx
        .updateTable('work_orders')
        .set({
          ...cleared,
          due_at: requested,
          provisional: false,
          warned_at: stamps.warnedAt,
          breached_at: stamps.breachedAt,
          next_fire_at: workOrderNextFire({ status: 'open', warnAt, dueAt: requested, ...stamps }),
        })
        .where('id', '=', row.id)
        .execute();
    } else {
      await tx.updateTable('work_orders').set(cleared).where('id', '=', row.id).execute();
    }
    await recordAudit(tx, {
      complaintId: complaint.id,
      entity: 'work_order',
      entityId: row.id,
      action: input.accept ? 'work_order.extension_accepted' : 'work_order.extension_declined',
      actorId: ctx.actor.id,
      at: now,
      before: { dueAt: iso(row.due_at), requestedDueAt: iso(requested) },
      after: { dueAt: iso(input.accept ? requested : row.due_at), note: noteText },
    });
    return row.id;
  });
}

export async function cancelWorkOrder(
  ctx: CommandContext,
  id: string,
  input: { reason: string },
): Promise<string> {
  return ctx.db.transaction().execute(async (tx) => {
    const row = await lockedOrder(tx, id);
    const complaint = await complaintOf(tx, row);
    authorizeHandler(ctx.actor, row, complaint);
    const refusal = cancelRefusal(workOrderFacts(row), input.reason);
    if (refusal) throw refusalError(refusal);
    await cancelOpenWorkOrders(tx, ctx, complaint.id, [row.id], input.reason.trim());
    return row.id;
  });
}

/** Cancels open work orders with a reason (a withdrawn complaint cancels all of its own). */
export async function cancelOpenWorkOrders(
  tx: Kysely<Database>,
  ctx: CommandContext,
  complaintId: string,
  ids: readonly string[] | 'all',
  reason: string,
): Promise<void> {
  let q = tx
    .updateTable('work_orders')
    .set({ status: 'cancelled', requested_due_at: null, next_fire_at: null, updated_at: ctx.now })
    .where('complaint_id', '=', complaintId)
    .where('status', '=', 'open');
  if (ids !== 'all') {
    if (ids.length === 0) return;
    q = q.where('id', 'in', ids);
  }
  const rows = await q.returning(['id', 'department_id']).execute();
  await recordAudits(
    tx,
    rows.map((r) => ({
      complaintId,
      entity: 'work_order' as const,
      entityId: r.id,
      action: 'work_order.cancelled',
      actorId: ctx.actor.id,
      at: ctx.now,
      before: { status: 'open' },
      after: { status: 'cancelled', departmentId: r.department_id, reason },
    })),
  );
}
