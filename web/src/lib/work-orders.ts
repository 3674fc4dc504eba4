// Work orders to departments (内部工单) as the workbench shows them: the state now (ticking with the
// page, by the server's rule in src/domain/work-orders.ts), its colour and countdown, the order of
// a list, and the bodies of sending and answering one.
import { chinaWallToIso } from './china-time.ts';
import { countdown, countdownLabel, type Label, type Tone } from './countdown.ts';
import type { MomentDraft } from './durations.ts';

export const WORK_ORDER_OUTCOMES = ['done', 'verified', 'cannot', 'more_time'] as const;
export type WorkOrderOutcome = (typeof WORK_ORDER_OUTCOMES)[number];
export const WORK_ORDER_STATES = [
  'open',
  'due_soon',
  'overdue',
  'waiting_extension',
  'answered',
  'cancelled',
] as const;
export type WorkOrderState = (typeof WORK_ORDER_STATES)[number];

export interface WorkOrderLike {
  status: 'open' | 'answered' | 'cancelled';
  dueAt: string;
  warnAt: string;
  requestedDueAt: string | null;
  breachedAt: string | null;
}

/** The state at `now`: the same rule as the server's, so a countdown turns red at the due time. */
export function liveWorkOrderState(o: WorkOrderLike, now: Date): WorkOrderState {
  if (o.status === 'answered') return 'answered';
  if (o.status === 'cancelled') return 'cancelled';
  if (o.requestedDueAt) return 'waiting_extension';
  if (o.breachedAt || now.getTime() >= Date.parse(o.dueAt)) return 'overdue';
  if (now.getTime() >= Date.parse(o.warnAt)) return 'due_soon';
  return 'open';
}

export function workOrderTone(state: WorkOrderState): Tone {
  switch (state) {
    case 'open':
      return 'running';
    case 'due_soon':
    case 'waiting_extension':
      return 'warning';
    case 'overdue':
      return 'error';
    case 'answered':
      return 'success';
    case 'cancelled':
      return 'muted';
    default: {
      const never: never = state;
      throw new Error(`unknown work order state ${String(never)}`);
    }
  }
}

/** The countdown to the due time while the order is open; null once it is answered or cancelled. */
export function workOrderCountdown(o: WorkOrderLike, now: Date): Label | null {
  return o.status === 'open' ? countdownLabel(countdown(now, new Date(o.dueAt))) : null;
}

/** Open orders first, the soonest due on top; then the rest, the latest due first. */
export function sortWorkOrders<T extends WorkOrderLike>(orders: readonly T[]): T[] {
  return [...orders].sort((a, b) => {
    if (a.status === 'open' && b.status === 'open') return a.dueAt.localeCompare(b.dueAt);
    if (a.status === 'open') return -1;
    if (b.status === 'open') return 1;
    return b.dueAt.localeCompare(a.dueAt);
  });
}

export type WorkOrderDue = { workingDays: number } | { workingHours: number } | { at: string };

/** The server's limits (src/http/routes/work-orders.ts): whole working days up to 60, hours up to 500. */
export function workOrderDue(d: MomentDraft): WorkOrderDue | null {
  if (d.unit === 'at') {
    const iso = d.at ? chinaWallToIso(d.at) : null;
    return iso ? { at: iso } : null;
  }
  const n = d.amount;
  if (n === null || !Number.isFinite(n) || n <= 0) return null;
  if (d.unit === 'workingDays') return Number.isInteger(n) && n <= 60 ? { workingDays: n } : null;
  if (d.unit === 'workingHours') return n <= 500 ? { workingHours: n } : null;
  return null;
}

export interface SendDraft {
  departmentId: string | null;
  request: string;
  facts: string;
  /** Left empty: the department's default (2 working days). */
  due: MomentDraft;
}

export const EMPTY_SEND: SendDraft = {
  departmentId: null,
  request: '',
  facts: '',
  due: { unit: 'workingDays', amount: null, at: null },
};

export type SendRequest =
  | { ok: true; body: { departmentId: string; request: string; facts?: string; due?: WorkOrderDue } }
  | { ok: false; missing: string[] };

export function sendRequest(d: SendDraft): SendRequest {
  const missing: string[] = [];
  if (!d.departmentId) missing.push('workOrders.missing.department');
  const request = d.request.trim();
  if (!request) missing.push('workOrders.missing.request');
  const blank = d.due.unit === 'at' ? !d.due.at : d.due.amount === null;
  const due = blank ? null : workOrderDue(d.due);
  if (!blank && !due) missing.push('workOrders.missing.due');
  if (missing.length > 0 || !d.departmentId) return { ok: false, missing };
  const facts = d.facts.trim();
  return {
    ok: true,
    body: {
      departmentId: d.departmentId,
      request,
      ...(facts ? { facts } : {}),
      ...(due ? { due } : {}),
    },
  };
}

export interface AnswerDraft {
  outcome: WorkOrderOutcome | null;
  answer: string;
  /** 'YYYY-MM-DD HH:mm', China time: the new date wanted with more_time. */
  newDueAt: string | null;
}

export const EMPTY_ANSWER: AnswerDraft = { outcome: null, answer: '', newDueAt: null };

export type AnswerRequest =
  | { ok: true; body: { outcome: WorkOrderOutcome; answer: string; newDueAt?: string } }
  | { ok: false; missing: string[] };

/** The answer to send; more time needs a new date later than the current due time. */
export function answerRequest(d: AnswerDraft, currentDueAt: string): AnswerRequest {
  const missing: string[] = [];
  if (!d.outcome) missing.push('workOrders.missing.outcome');
  const answer = d.answer.trim();
  if (!answer) missing.push('workOrders.missing.answer');
  let newDueAt: string | null = null;
  if (d.outcome === 'more_time') {
    newDueAt = d.newDueAt ? chinaWallToIso(d.newDueAt) : null;
    if (!newDueAt) missing.push('workOrders.missing.newDueAt');
    else if (Date.parse(newDueAt) <= Date.parse(currentDueAt)) missing.push('workOrders.missing.laterDueAt');
  }
  if (missing.length > 0 || !d.outcome) return { ok: false, missing };
  return { ok: true, body: { outcome: d.outcome, answer, ...(newDueAt ? { newDueAt } : {}) } };
}
