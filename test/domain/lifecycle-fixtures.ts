// Builders shared by the complaint-lifecycle tests.
import {
  type ComplaintSnapshot,
  type DemandSnapshot,
  decideTransition,
  TRANSITIONS,
  type TransitionRequest,
} from '../../src/domain/complaint-lifecycle.ts';
import type { Refusal } from '../../src/domain/errors.ts';
import {
  COMPLAINT_ACTIONS,
  COMPLAINT_STATUSES,
  type ComplaintAction,
  type ComplaintStatus,
} from '../../src/domain/vocabulary.ts';

export const fulfilled = (id: string, customerInformed = true): DemandSnapshot => ({
  id,
  status: 'fulfilled',
  customerInformed,
});
export const declined = (id: string, customerInformed = true): DemandSnapshot => ({
  id,
  status: 'declined',
  customerInformed,
});
export const open = (id: string): DemandSnapshot => ({ id, status: 'open', customerInformed: false });

/** A complaint that satisfies every guard: only the state machine can refuse it. */
export function snapshot(overrides: Partial<ComplaintSnapshot> = {}): ComplaintSnapshot {
  return {
    status: 'new',
    severity: 'normal',
    confirmed: true,
    summary: null,
    demands: [fulfilled('d1')],
    analysed: true,
    ...overrides,
  };
}

/** A request for `action` carrying every input the action may need. */
export function fullRequest(action: ComplaintAction): TransitionRequest {
  switch (action) {
    case 'accept':
      return { action, confirmed: true };
    case 'start':
    case 'resolve':
      return { action };
    case 'close':
      return { action, summary: 'Refund issued, customer satisfied.' };
    case 'reopen':
    case 'withdraw':
      return { action, reason: 'Customer called back' };
  }
}

export function refusedWith(c: ComplaintSnapshot, req: TransitionRequest) {
  const d = decideTransition(c, req);
  if (d.ok) throw new Error(`expected ${req.action} from ${c.status} to be refused`);
  return d;
}

export const codes = (violations: readonly Refusal[]) => violations.map((v) => v.code);

/**
 * Hand-written expectation: the status each action leads to from each status, or null when the
 * state machine forbids it. Deliberately independent of TRANSITIONS so that a change there fails.
 */
export const EXPECTED: Record<ComplaintStatus, Record<ComplaintAction, ComplaintStatus | null>> = {
  new: {
    accept: 'accepted',
    start: null,
    resolve: null,
    close: null,
    reopen: null,
    withdraw: 'closed',
  },
  accepted: {
    accept: null,
    start: 'in_progress',
    resolve: 'resolved',
    close: null,
    reopen: null,
    withdraw: 'closed',
  },
  in_progress: {
    accept: null,
    start: null,
    resolve: 'resolved',
    close: null,
    reopen: null,
    withdraw: 'closed',
  },
  resolved: {
    accept: null,
    start: null,
    resolve: null,
    close: 'closed',
    reopen: 'in_progress',
    withdraw: 'closed',
  },
  closed: {
    accept: null,
    start: null,
    resolve: null,
    close: null,
    reopen: 'in_progress',
    withdraw: null,
  },
};

export const PAIRS = COMPLAINT_STATUSES.flatMap((status) =>
  COMPLAINT_ACTIONS.map((action) => ({
    status,
    action,
    expected: EXPECTED[status][action],
    inTable: TRANSITIONS[action].from.includes(status),
  })),
);
