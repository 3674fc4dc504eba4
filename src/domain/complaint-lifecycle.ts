// The complaint state machine (domain §4, §5): which action may move a complaint from which
// status, and the guards that keep the four-stage method honest. Pure: no I/O, no clock.
//
//   new ──accept──▶ accepted ──start──▶ in_progress ──resolve──▶ resolved ──close──▶ closed
//                      └──────────resolve─────────────────────────▲
//   resolved | closed ──reopen──▶ in_progress        (any but closed) ──withdraw──▶ closed

import type { AnalysisInput } from './cause-analysis.ts';
import type { Refusal } from './errors.ts';
import type { ComplaintAction, ComplaintStatus, DemandStatus, Severity } from './vocabulary.ts';

export interface DemandSnapshot {
  id: string;
  status: DemandStatus;
  customerInformed: boolean;
}

export interface ComplaintSnapshot {
  status: ComplaintStatus;
  severity: Severity;
  /** The record was read back to the customer and confirmed (确认). */
  confirmed: boolean;
  summary: string | null;
  demands: readonly DemandSnapshot[];
  /** Promises to the customer still open (domain §11): no promise is forgotten silently. */
  openCommitmentIds?: readonly string[];
  /** Work orders to departments still open (内部工单): the answer is part of the resolution. */
  openWorkOrderIds?: readonly string[];
  /** The cause analysis (§8) is recorded: closing as completed needs one. */
  analysed: boolean;
}

export type TransitionRequest =
  | { action: 'accept'; confirmed?: boolean }
  | { action: 'start' }
  | { action: 'resolve' }
  | { action: 'close'; summary?: string | null; analysis?: AnalysisInput | null }
  | { action: 'reopen'; reason?: string | null }
  | { action: 'withdraw'; reason?: string | null };

export type TransitionDecision =
  | { ok: true; from: ComplaintStatus; to: ComplaintStatus }
  | { ok: false; refusal: Refusal; violations: Refusal[] };

/** For each action, the statuses it may start from and the status it leads to. */
export const TRANSITIONS: Record<ComplaintAction, { from: readonly ComplaintStatus[]; to: ComplaintStatus }> =
  {
    accept: { from: ['new'], to: 'accepted' },
    start: { from: ['accepted'], to: 'in_progress' },
    resolve: { from: ['accepted', 'in_progress'], to: 'resolved' },
    close: { from: ['resolved'], to: 'closed' },
    reopen: { from: ['resolved', 'closed'], to: 'in_progress' },
    withdraw: { from: ['new', 'accepted', 'in_progress', 'resolved'], to: 'closed' },
  };

const SUMMARY_REQUIRED_FOR: readonly Severity[] = ['major', 'crisis'];

function hasText(s: string | null | undefined): s is string {
  return typeof s === 'string' && s.trim().length > 0;
}

export function openDemandIds(demands: readonly DemandSnapshot[]): string[] {
  return demands.filter((d) => d.status === 'open').map((d) => d.id);
}

/** Declined demands whose outcome the customer has not yet been told. */
export function uninformedDeclinedIds(demands: readonly DemandSnapshot[]): string[] {
  return demands.filter((d) => d.status === 'declined' && !d.customerInformed).map((d) => d.id);
}

function openDemandsRefusal(ids: string[], action: string): Refusal {
  return {
    code: 'DEMANDS_OPEN',
    message: `${ids.length} demand(s) are still open; every demand must be fulfilled or declined before ${action}`,
    details: { rule: 'every_demand_answered', demandIds: ids },
  };
}

function openWorkOrdersRefusal(ids: readonly string[], action: string): Refusal {
  return {
    code: 'WORK_ORDERS_OPEN',
    message: `${ids.length} work order(s) to departments are still open; wait for the answer or cancel each (with a reason) before ${action}`,
    details: { rule: 'work_orders_answered', workOrderIds: [...ids] },
  };
}

function guardViolations(c: ComplaintSnapshot, req: TransitionRequest): Refusal[] {
  const out: Refusal[] = [];
  switch (req.action) {
    case 'accept':
      if (c.demands.length === 0) {
        out.push({
          code: 'NO_DEMANDS',
          message: 'A complaint is accepted with at least one recorded demand (诉求)',
          details: { rule: 'at_least_one_demand' },
        });
      }
      if (!c.confirmed && req.confirmed !== true) {
        out.push({
          code: 'NOT_CONFIRMED',
          message: 'Read the record back to the customer and have it confirmed (确认) before accepting',
          details: { rule: 'record_confirmed' },
        });
      }
      break;
    case 'start':
      break;
    case 'resolve': {
      const open = openDemandIds(c.demands);
      if (open.length > 0) out.push(openDemandsRefusal(open, 'resolving'));
      const orders = c.openWorkOrderIds ?? [];
      if (orders.length > 0) out.push(openWorkOrdersRefusal(orders, 'resolving'));
      break;
    }
    case 'close': {
      const open = openDemandIds(c.demands);
      if (open.length > 0) out.push(openDemandsRefusal(open, 'closing'));
      const uninformed = uninformedDeclinedIds(c.demands);
      if (uninformed.length > 0) {
        out.push({
          code: 'DEMANDS_NOT_INFORMED',
          message: `${uninformed.length} declined demand(s) have not been explained to the customer`,
          details: { rule: 'declined_demands_informed', demandIds: uninformed },
        });
      }
      const promises = c.openCommitmentIds ?? [];
      if (promises.length > 0) {
        out.push({
          code: 'COMMITMENTS_OPEN',
          message: `${promises.length} promise(s) to the customer are still open; keep or cancel each (with a reason) before closing`,
          details: { rule: 'commitments_kept', commitmentIds: [...promises] },
        });
      }
      const orders = c.openWorkOrderIds ?? [];
      if (orders.length > 0) out.push(openWorkOrdersRefusal(orders, 'closing'));
      if (SUMMARY_REQUIRED_FOR.includes(c.severity) && !hasText(req.summary) && !hasText(c.summary)) {
        out.push({
          code: 'SUMMARY_REQUIRED',
          message: `A ${c.severity} complaint is closed with a written summary (总结)`,
          details: { rule: 'summary_for_major', severity: c.severity },
        });
      }
      if (!c.analysed && !req.analysis) {
        out.push({
          code: 'ANALYSIS_MISSING',
          message:
            'A complaint is closed as completed with its cause analysis (cause, controllable, internal, reversible); record it or send it with the close',
          details: { rule: 'analysis_at_close', field: 'analysis' },
        });
      }
      break;
    }
    case 'reopen':
    case 'withdraw':
      if (!hasText(req.reason)) {
        out.push({
          code: 'REASON_REQUIRED',
          message: `A reason is required to ${req.action} a complaint`,
          details: { rule: 'reason_given', field: 'reason' },
        });
      }
      break;
    default: {
      const never: never = req;
      throw new Error(`unhandled action ${JSON.stringify(never)}`);
    }
  }
  return out;
}

/**
 * Statuses from which an invalid action still reports the guards it would then meet: closing an
 * accepted or in-progress complaint says "resolve it first" and also which demands stand in the way.
 */
const EXPLAINED_INVALID: Partial<Record<ComplaintAction, readonly ComplaintStatus[]>> = {
  close: ['accepted', 'in_progress'],
};

function invalidTransition(c: ComplaintSnapshot, req: TransitionRequest): TransitionDecision {
  const rule = TRANSITIONS[req.action];
  const refusal: Refusal = {
    code: 'INVALID_TRANSITION',
    message: `Cannot ${req.action} a complaint that is ${c.status}`,
    details: { rule: 'state_machine', action: req.action, status: c.status, allowedFrom: rule.from },
  };
  const guards = EXPLAINED_INVALID[req.action]?.includes(c.status) ? guardViolations(c, req) : [];
  if (guards.length === 0) return { ok: false, refusal, violations: [refusal] };
  return refusedBy([refusal, ...guards]);
}

/** The first violation is the refusal, and its details list every violation. */
function refusedBy(violations: [Refusal, ...Refusal[]]): TransitionDecision {
  const [first] = violations;
  return { ok: false, refusal: { ...first, details: { ...first.details, violations } }, violations };
}

/** Decides whether `req` may be applied to `c`, and to which status it leads. */
export function decideTransition(c: ComplaintSnapshot, req: TransitionRequest): TransitionDecision {
  const rule = TRANSITIONS[req.action];
  if (!rule.from.includes(c.status)) return invalidTransition(c, req);
  const [first, ...rest] = guardViolations(c, req);
  if (first) return refusedBy([first, ...rest]);
  return { ok: true, from: c.status, to: rule.to };
}

export interface Ability {
  allowed: boolean;
  /** Inputs the action still needs from the person (e.g. a summary or a reason). */
  requires?: string[];
  code?: string;
  message?: string;
  details?: Record<string, unknown>;
}

/** Which transitions are possible now, and why the others are not: the UI enables buttons from this. */
export function transitionAbilities(c: ComplaintSnapshot): Record<ComplaintAction, Ability> {
  const probe = (req: TransitionRequest, inputs: string[]): Ability => {
    const d = decideTransition(c, req);
    if (d.ok) return inputs.length ? { allowed: true, requires: inputs } : { allowed: true };
    return { allowed: false, code: d.refusal.code, message: d.refusal.message, details: d.refusal.details };
  };
  const needsSummary = SUMMARY_REQUIRED_FOR.includes(c.severity) && !hasText(c.summary);
  // Like a missing summary, a missing analysis is an input the close dialog collects.
  const closeInputs = [...(needsSummary ? ['summary'] : []), ...(c.analysed ? [] : ['analysis'])];
  return {
    accept: probe({ action: 'accept', confirmed: true }, c.confirmed ? [] : ['confirmed']),
    start: probe({ action: 'start' }, []),
    resolve: probe({ action: 'resolve' }, []),
    close: probe(
      { action: 'close', summary: needsSummary ? 'x' : null, analysis: c.analysed ? null : { cause: 'x' } },
      closeInputs,
    ),
    reopen: probe({ action: 'reopen', reason: 'x' }, ['reason']),
    withdraw: probe({ action: 'withdraw', reason: 'x' }, ['reason']),
  };
}

/** The stage of the four-stage method (domain §4) a complaint in this status is in. */
export type Stage = 'accept' | 'explain_clarify' | 'resolve' | 'follow_up' | 'done';

export function stageOf(status: ComplaintStatus): Stage {
  switch (status) {
    case 'new':
      return 'accept';
    case 'accepted':
      return 'explain_clarify';
    case 'in_progress':
      return 'resolve';
    case 'resolved':
      return 'follow_up';
    case 'closed':
      return 'done';
    default: {
      const never: never = status;
      throw new Error(`unknown status ${String(never)}`);
    }
  }
}
