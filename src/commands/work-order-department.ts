// The department's side of a work order: answer it (done, verified, cannot, more time) or pass it
// on to another department with a reason; passed on more than twice, it is flagged to supervisors.
import { type AuditEntry, recordAudit, recordAudits } from '../db/repositories/audit.ts';
import { insertNotifications } from '../db/repositories/notifications.ts';
import { supervisorsOf } from '../db/repositories/supervisors.ts';
import { timingConfig } from '../db/repositories/timing-config.ts';
import { findDepartment, workOrderFacts } from '../db/repositories/work-orders.ts';
import { recipients } from '../domain/deadlines.ts';
import { refusalError } from '../domain/errors.ts';
import {
  DEFAULT_WORK_ORDER_DUE,
  decideAnswer,
  decidePass,
  type WorkOrderOutcome,
  workOrderNextFire,
  workOrderNotFound,
  workOrderWarnAt,
} from '../domain/work-orders.ts';
import {
  addDuration,
  addWorkingMillis,
  type DurationSpec,
  workingMillisBetween,
} from '../domain/working-calendar.ts';
import { authorize } from '../policies/permissions.ts';
import type { CommandContext } from './context.ts';
import { complaintOf, iso, lockedOrder, note } from './work-order-frames.ts';

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
