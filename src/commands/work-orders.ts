// Department work orders (内部工单): sent from a complaint by its handler, answered or passed on by
// the department (work-order-department.ts), extended or cancelled by the handler (here; shared
// frames in work-order-frames.ts). The rules are src/domain/work-orders.ts;
// each action is one transaction with its timeline entry (entity work_order, on the complaint)
// and its notifications. Sending is a change to the complaint (its version moves); the other
// actions lock the work order only.
import type { Kysely } from 'kysely';
import { recordAudit, recordAudits } from '../db/repositories/audit.ts';
import { insertNotifications } from '../db/repositories/notifications.ts';
import { timingConfig } from '../db/repositories/timing-config.ts';
import { departmentUserIds, findDepartment, workOrderFacts } from '../db/repositories/work-orders.ts';
import type { Database } from '../db/schema.ts';
import { refusalError } from '../domain/errors.ts';
import {
  cancelRefusal,
  DEFAULT_WORK_ORDER_DUE,
  dueRefusal,
  extensionRefusal,
  retimedStamps,
  sendRefusal,
  workOrderNextFire,
  workOrderNotFound,
  workOrderWarnAt,
} from '../domain/work-orders.ts';
import { addDuration, type Deadline } from '../domain/working-calendar.ts';
import type { CommandContext } from './context.ts';
import { mutateComplaint } from './mutate-complaint.ts';
import { authorizeHandler, complaintOf, iso, lockedOrder } from './work-order-frames.ts';

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

export {
  type AnswerWorkOrderInput,
  answerWorkOrder,
  type PassWorkOrderInput,
  passWorkOrder,
} from './work-order-department.ts';

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
