// Rules for recording and answering demands (诉求). Every demand is tracked on its own
// (pitfall 6 of domain §5): answered demands record how they were answered.

import { pendingCompensationRefusal } from './compensation.ts';
import type { Refusal } from './errors.ts';
import type { ComplaintStatus, DemandStatus } from './vocabulary.ts';

export interface DemandChange {
  status?: DemandStatus;
  resolution?: string | null;
  customerInformed?: boolean;
}

export interface DemandRecord {
  status: DemandStatus;
  resolution: string | null;
  customerInformed: boolean;
}

function closedRefusal(): Refusal {
  return {
    code: 'COMPLAINT_CLOSED',
    message: 'The complaint is closed; reopen it to change its demands',
    details: { rule: 'closed_is_final' },
  };
}

/** May a new demand be recorded on a complaint in this status? */
export function checkDemandAddition(status: ComplaintStatus): Refusal | null {
  if (status === 'closed') return closedRefusal();
  if (status === 'resolved') {
    return {
      code: 'DEMAND_LOCKED',
      message: 'The complaint is resolved; reopen it to record a new demand',
      details: { rule: 'resolved_demands_locked' },
    };
  }
  return null;
}

/**
 * Checks a change to an existing demand and returns the demand as it will be.
 * In a resolved complaint only the resolution text and "customer informed" may change
 * (follow-up tells the customer the outcome); outcomes change only after a reopen.
 * A demand with a compensation waiting for approval cannot be answered (an unapproved
 * compensation fulfils nothing): `pendingCompensationIds` names them.
 */
export function applyDemandChange(
  complaintStatus: ComplaintStatus,
  current: DemandRecord,
  change: DemandChange,
  context: { pendingCompensationIds?: readonly string[] } = {},
): { ok: true; next: DemandRecord } | { ok: false; refusal: Refusal } {
  if (complaintStatus === 'closed') return { ok: false, refusal: closedRefusal() };
  const status = change.status ?? current.status;
  if (complaintStatus === 'resolved' && status !== current.status) {
    return {
      ok: false,
      refusal: {
        code: 'DEMAND_LOCKED',
        message: "The complaint is resolved; reopen it to change a demand's outcome",
        details: { rule: 'resolved_demands_locked' },
      },
    };
  }
  if (status !== 'open' && status !== current.status) {
    const pending = pendingCompensationRefusal(status, context.pendingCompensationIds ?? []);
    if (pending) return { ok: false, refusal: pending };
  }
  const resolution = change.resolution !== undefined ? change.resolution : current.resolution;
  const reopened = status === 'open' && current.status !== 'open';
  // The customer was told the old outcome, not the new one: a changed outcome is uninformed
  // unless this change says otherwise (domain §5, pitfall 6).
  const outcomeChanged = status !== current.status;
  const customerInformed = reopened
    ? false
    : (change.customerInformed ?? (outcomeChanged ? false : current.customerInformed));
  if (status !== 'open' && (resolution === null || resolution.trim() === '')) {
    return {
      ok: false,
      refusal: {
        code: 'VALIDATION_FAILED',
        message: `A ${status} demand records how it was answered`,
        details: { issues: [{ field: 'resolution', message: `required when status is ${status}` }] },
      },
    };
  }
  if (status === 'open' && change.customerInformed === true) {
    return {
      ok: false,
      refusal: {
        code: 'VALIDATION_FAILED',
        message: 'The customer is informed of an outcome; an open demand has none yet',
        details: {
          issues: [{ field: 'customerInformed', message: 'only for a fulfilled or declined demand' }],
        },
      },
    };
  }
  return { ok: true, next: { status, resolution: resolution ?? null, customerInformed } };
}
