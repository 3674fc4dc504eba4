// Department work orders (内部工单, domain §3–§5): from a complaint, the handler asks a back-office
// department (billing, network, logistics, a branch …) to verify facts or to act, with a due time
// on the department's own working calendar. The department answers — done, facts verified,
// cannot, or needs more time (a new date the handler must accept) — or passes the order on to
// another department; the passes are recorded, and an order passed on more than twice is flagged
// to a supervisor (pitfall 4, 打太极: the customer is not bounced between departments unseen).
// The complaint cannot be resolved or closed while one of its work orders is open
// (complaint-lifecycle.ts, WORK_ORDERS_OPEN). Pure: no I/O, no clock.
//
// Rules, exactly:
// - Only a department user of the department the order is with may answer or pass it, and only
//   while it is open. To everyone else in a department the order does not exist (not found).
// - done / verified / cannot answer the order for good (status `answered`). more_time keeps it
//   open with the requested date, which must be later than the current due time; the handler
//   accepts (the due time moves, the timers are re-planned) or declines (the due time stands).
//   Until then the order still runs against its current due time.
// - Passing on goes to another, active department (never the same one); the new department's due
//   time is recomputed on its own calendar and its warning and breach start afresh. The third
//   pass (pass_count > 2) flags the order, and every further pass tells the supervisors again.
// - The handler cancels an open order with a reason.
// - The timer engine warns when 75 % of the order's working time has passed and records the
//   breach at the due time. A changed due time clears an earlier warning or breach only if the
//   new time lies ahead.

import { warnInstant } from './deadlines.ts';
import type { Refusal } from './errors.ts';
import type { ComplaintStatus, Role } from './vocabulary.ts';
import { type DurationSpec, type WorkingCalendar, workingMillisBetween } from './working-calendar.ts';

export const WORK_ORDER_STATUSES = ['open', 'answered', 'cancelled'] as const;
export type WorkOrderStatus = (typeof WORK_ORDER_STATUSES)[number];

export const WORK_ORDER_OUTCOMES = ['done', 'verified', 'cannot', 'more_time'] as const;
export type WorkOrderOutcome = (typeof WORK_ORDER_OUTCOMES)[number];

/** The outcomes that answer an order for good. */
export const FINAL_OUTCOMES: readonly WorkOrderOutcome[] = ['done', 'verified', 'cannot'];

/** What a person sees: open, due_soon (past the warning), overdue, waiting_extension (the handler decides), answered, cancelled. */
export const WORK_ORDER_STATES = [
  'open',
  'due_soon',
  'overdue',
  'waiting_extension',
  'answered',
  'cancelled',
] as const;
export type WorkOrderState = (typeof WORK_ORDER_STATES)[number];

/** The time a department gets when the handler names none: two working days on its calendar. */
export const DEFAULT_WORK_ORDER_DUE: DurationSpec = { workingDays: 2 };
export const WORK_ORDER_WARN_PERCENT = 75;
/** Passed on more often than this, an order is flagged to a supervisor (打太极). */
export const MAX_PASSES_UNFLAGGED = 2;
/** No due time more than a year ahead. */
export const MAX_AHEAD_MS = 366 * 86_400_000;

/** What the rules need to know of a work order. */
export interface WorkOrderFacts {
  status: WorkOrderStatus;
  departmentId: string;
  dueAt: Date;
  warnAt: Date;
  requestedDueAt: Date | null;
  passCount: number;
  warnedAt: Date | null;
  breachedAt: Date | null;
  flaggedAt: Date | null;
}

/** Who acts: their role and, for department staff, their department. */
export interface WorkOrderActor {
  role: Role;
  departmentId?: string | null | undefined;
}

type Decision<T> = ({ ok: true } & T) | { ok: false; refusal: Refusal };

const refuse = (refusal: Refusal): { ok: false; refusal: Refusal } => ({ ok: false, refusal });

/** A refusal of one input field, shaped like every other validation failure. */
export function fieldRefusal(field: string, message: string): Refusal {
  return {
    code: 'VALIDATION_FAILED',
    message: `Invalid input (${field}: ${message})`,
    details: { issues: [{ field, message }] },
  };
}

export function workOrderNotFound(): Refusal {
  return { code: 'NOT_FOUND', message: 'Work order not found', details: {} };
}

function closedRefusal(o: Pick<WorkOrderFacts, 'status'>): Refusal {
  return {
    code: 'WORK_ORDER_CLOSED',
    message: `The work order is already ${o.status}`,
    details: { rule: 'work_order_open', status: o.status },
  };
}

/** A department user of the department the order is with now. */
export function isOrderDepartment(actor: WorkOrderActor, o: Pick<WorkOrderFacts, 'departmentId'>): boolean {
  return actor.role === 'department' && !!actor.departmentId && actor.departmentId === o.departmentId;
}

/** Department staff see their own department's orders only; others see them with the complaint. */
export function departmentMayView(actor: WorkOrderActor, o: Pick<WorkOrderFacts, 'departmentId'>): boolean {
  return actor.role !== 'department' || isOrderDepartment(actor, o);
}

// ——— Sending ———

/** Whether a complaint may send a work order to this department (undefined: no such department). */
export function sendRefusal(
  complaintStatus: ComplaintStatus,
  department: { active: boolean } | undefined,
): Refusal | null {
  if (complaintStatus === 'closed') {
    return {
      code: 'COMPLAINT_CLOSED',
      message: 'The complaint is closed; reopen it before sending a work order',
      details: { rule: 'complaint_open' },
    };
  }
  if (!department?.active) return fieldRefusal('departmentId', 'unknown or inactive department');
  return null;
}

/** A due time must lie ahead, and within a year. */
export function dueRefusal(field: string, due: Date, now: Date): Refusal | null {
  if (due.getTime() <= now.getTime()) return fieldRefusal(field, 'must lie in the future');
  if (due.getTime() - now.getTime() > MAX_AHEAD_MS) return fieldRefusal(field, 'must lie within a year');
  return null;
}

/**
 * The warning instant: 75 % of the working time from `start` to `due` on the department's
 * calendar; when no working time lies between them (due tonight, sent after hours), 75 % of the
 * clock time.
 */
export function workOrderWarnAt(
  cal: WorkingCalendar,
  start: Date,
  due: Date,
  percent = WORK_ORDER_WARN_PERCENT,
): Date {
  if (due <= start) return due;
  if (workingMillisBetween(cal, start, due) > 0) {
    return warnInstant(cal, { workingHours: 1 }, start, due, percent);
  }
  const at = new Date(start.getTime() + Math.floor(((due.getTime() - start.getTime()) * percent) / 100));
  return at > due ? due : at;
}

// ——— Answering ———

export interface AnswerInput {
  outcome: WorkOrderOutcome;
  newDueAt?: Date | null | undefined;
}

export type AnswerEffect =
  | { kind: 'answered'; outcome: Exclude<WorkOrderOutcome, 'more_time'> }
  | { kind: 'more_time'; requestedDueAt: Date };

/** Whether `actor` may give this answer now, and what it does to the order. */
export function decideAnswer(
  o: WorkOrderFacts,
  actor: WorkOrderActor,
  input: AnswerInput,
  now: Date,
): Decision<{ effect: AnswerEffect }> {
  if (!isOrderDepartment(actor, o)) return refuse(workOrderNotFound());
  if (o.status !== 'open') return refuse(closedRefusal(o));
  if (input.outcome !== 'more_time') {
    if (input.newDueAt)
      return refuse(fieldRefusal('newDueAt', 'a new date goes with the outcome more_time only'));
    return { ok: true, effect: { kind: 'answered', outcome: input.outcome } };
  }
  const requested = input.newDueAt;
  if (!requested) return refuse(fieldRefusal('newDueAt', 'more_time names the new date wanted'));
  if (requested.getTime() <= o.dueAt.getTime()) {
    return refuse(fieldRefusal('newDueAt', 'must be later than the current due time'));
  }
  const ahead = dueRefusal('newDueAt', requested, now);
  if (ahead) return refuse(ahead);
  return { ok: true, effect: { kind: 'more_time', requestedDueAt: requested } };
}

// ——— The handler: extension and cancellation ———

/** Whether the handler may decide on a request for more time now. */
export function extensionRefusal(o: Pick<WorkOrderFacts, 'status' | 'requestedDueAt'>): Refusal | null {
  if (o.status !== 'open') return closedRefusal(o);
  if (!o.requestedDueAt) {
    return {
      code: 'INVALID_TRANSITION',
      message: 'The department has not asked for more time on this work order',
      details: { rule: 'extension_requested' },
    };
  }
  return null;
}

/** Whether the handler may cancel the order now (with a reason). */
export function cancelRefusal(
  o: Pick<WorkOrderFacts, 'status'>,
  reason: string | null | undefined,
): Refusal | null {
  if (o.status !== 'open') return closedRefusal(o);
  if (!reason?.trim()) {
    return {
      code: 'REASON_REQUIRED',
      message: 'A reason is required to cancel a work order',
      details: { rule: 'reason_given', field: 'reason' },
    };
  }
  return null;
}

// ——— Passing on ———

export interface PassEffect {
  passCount: number;
  /** Passed on more than twice: the supervisors hear of it (again, at each further pass). */
  bounced: boolean;
  /** The first time it is flagged (flagged_at is set once). */
  firstFlag: boolean;
}

/** Whether `actor` may pass the order on to `toDepartment`, and what that does. */
export function decidePass(
  o: WorkOrderFacts,
  actor: WorkOrderActor,
  toDepartmentId: string,
  toDepartment: { active: boolean } | undefined,
): Decision<{ effect: PassEffect }> {
  if (!isOrderDepartment(actor, o)) return refuse(workOrderNotFound());
  if (o.status !== 'open') return refuse(closedRefusal(o));
  if (toDepartmentId === o.departmentId) {
    return refuse(fieldRefusal('departmentId', 'the work order is already with this department'));
  }
  if (!toDepartment?.active) return refuse(fieldRefusal('departmentId', 'unknown or inactive department'));
  const passCount = o.passCount + 1;
  const bounced = passCount > MAX_PASSES_UNFLAGGED;
  return { ok: true, effect: { passCount, bounced, firstFlag: bounced && !o.flaggedAt } };
}

// ——— Timers and state ———

/** When the timer engine must next look at an order: its warning, then its due time. */
export function workOrderNextFire(
  o: Pick<WorkOrderFacts, 'status' | 'warnAt' | 'dueAt' | 'warnedAt' | 'breachedAt'>,
): Date | null {
  if (o.status !== 'open') return null;
  if (!o.warnedAt && o.warnAt < o.dueAt) return o.warnAt;
  if (!o.breachedAt) return o.dueAt;
  return null;
}

/**
 * The stamps after the due time moved: an earlier warning or breach is cleared only when the new
 * time lies ahead (a breach that stays in the past stays on record).
 */
export function retimedStamps(
  o: Pick<WorkOrderFacts, 'warnedAt' | 'breachedAt'>,
  warnAt: Date,
  dueAt: Date,
  now: Date,
): { warnedAt: Date | null; breachedAt: Date | null } {
  return {
    warnedAt: warnAt > now ? null : o.warnedAt,
    breachedAt: dueAt > now ? null : o.breachedAt,
  };
}

/**
 * The state a person sees at `now`. A request for more time is shown as waiting_extension even
 * past the due time: the handler is the one who must act.
 */
export function workOrderState(
  o: Pick<WorkOrderFacts, 'status' | 'dueAt' | 'warnAt' | 'requestedDueAt' | 'breachedAt'>,
  now: Date,
): WorkOrderState {
  if (o.status === 'answered') return 'answered';
  if (o.status === 'cancelled') return 'cancelled';
  if (o.requestedDueAt) return 'waiting_extension';
  if (o.breachedAt || now >= o.dueAt) return 'overdue';
  if (now >= o.warnAt) return 'due_soon';
  return 'open';
}
