// Compensation (补偿) on a demand and the authority to grant it (domain §3 责权利对等: each role
// has an explicit limit; above it, approval is needed; §6: compensation is one thing customers
// want; §10: say 补偿, never 赔偿). Pure rules: no I/O, no clock.
//
// Money is counted in fen (分, integer cents) here; yuan exist only at the edges (the API's
// numbers, the database's numeric(12,2) strings). Never compare floats: 0.1 + 0.2 ≠ 0.3, but
// 10 + 20 fen = 30 fen.

import type { Refusal } from './errors.ts';
import type { ComplaintStatus, DemandStatus, Role } from './vocabulary.ts';

export const COMPENSATION_TYPES = ['refund', 'bill_credit', 'gift', 'service', 'other'] as const;
export type CompensationType = (typeof COMPENSATION_TYPES)[number];

export const COMPENSATION_STATUSES = ['approved', 'pending', 'refused', 'cancelled'] as const;
export type CompensationStatus = (typeof COMPENSATION_STATUSES)[number];

/** The largest compensation one request may ask for: 1,000,000 yuan. */
export const MAX_COMPENSATION_FEN = 100_000_000;

// ——— Money ———

const YUAN = /^(\d{1,13})(?:\.(\d{1,2}))?$/;

/**
 * Yuan (a JSON number like 58.5, or a decimal string like the database's "58.50") to fen.
 * Null when it is not a plain non-negative amount with at most two decimals: 0.1 + 0.2 as a
 * number is 0.30000000000000004, which is not an amount of money.
 */
export function yuanToFen(value: number | string): number | null {
  // String(n) is the shortest text that reads back as n: 58.1 → "58.1", never 58.099999….
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value.trim();
  const m = YUAN.exec(text);
  if (!m) return null;
  const fen = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(fen) ? fen : null;
}

/** Fen as a decimal string of yuan with two decimals: 5800 → "58.00", 5 → "0.05". */
export function formatFen(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0) throw new RangeError(`not an amount of fen: ${fen}`);
  const yuan = Math.trunc(fen / 100);
  return `${yuan}.${String(fen % 100).padStart(2, '0')}`;
}

/** The database's numeric(12,2) text ("58.00") in fen; a malformed value is a bug, not input. */
export function moneyFen(dbValue: string | number): number {
  const fen = yuanToFen(dbValue);
  if (fen === null) throw new RangeError(`not an amount of money: ${String(dbValue)}`);
  return fen;
}

// ——— Authority ———

/** One row of authority limits: what may be granted without approval. */
export interface AuthorityLimit {
  maxFen: number;
  /** Compensation types that always need approval, whatever the amount. */
  approvalTypes: readonly CompensationType[];
}

export interface Authority extends AuthorityLimit {
  /** Where the limit comes from: the person's team, their role, or nowhere (nothing without approval). */
  source: 'team' | 'role' | 'none';
}

/** A person's authority: their team's limit if the team has one, else their role's, else 0. */
export function effectiveAuthority(
  roleLimit: AuthorityLimit | null | undefined,
  teamLimit: AuthorityLimit | null | undefined,
): Authority {
  if (teamLimit) return { ...teamLimit, source: 'team' };
  if (roleLimit) return { ...roleLimit, source: 'role' };
  return { maxFen: 0, approvalTypes: [], source: 'none' };
}

export type PendingReason = 'above_limit' | 'type_needs_approval';

export type Grant =
  | { status: 'approved' }
  | {
      status: 'pending';
      /** Every reason it needs approval (both may apply). */
      reasons: PendingReason[];
      limitFen: number;
    };

/**
 * Granted at once when the amount is within the limit and the type does not always need
 * approval; otherwise it waits for approval, with the reasons.
 */
export function decideGrant(authority: AuthorityLimit, type: CompensationType, amountFen: number): Grant {
  const reasons: PendingReason[] = [];
  if (amountFen > authority.maxFen) reasons.push('above_limit');
  if (authority.approvalTypes.includes(type)) reasons.push('type_needs_approval');
  return reasons.length ? { status: 'pending', reasons, limitFen: authority.maxFen } : { status: 'approved' };
}

/** The roles that may decide on compensations waiting for approval (each up to their own limit). */
export const DECIDING_ROLES = ['specialist', 'supervisor'] as const satisfies readonly Role[];

export interface Approver {
  id: string;
  role: Role;
  authority: AuthorityLimit;
}

export interface CompensationRequest {
  type: CompensationType;
  amountFen: number;
  requestedBy: string;
}

/**
 * Why this person may not decide on (approve or refuse) this compensation, or null when they
 * may: a deciding role, not their own request, the amount within their own limit and the type
 * not one that needs approval for them too.
 */
export function approvalRefusal(approver: Approver, c: CompensationRequest): Refusal | null {
  if (!(DECIDING_ROLES as readonly Role[]).includes(approver.role)) {
    return {
      code: 'FORBIDDEN',
      message: 'Only specialists and supervisors decide on compensation',
      details: { reason: 'compensation:decide' },
    };
  }
  if (approver.id === c.requestedBy) {
    return {
      code: 'FORBIDDEN',
      message: 'Nobody approves their own compensation request',
      details: { reason: 'own_request' },
    };
  }
  const grant = decideGrant(approver.authority, c.type, c.amountFen);
  if (grant.status === 'pending') {
    const above = grant.reasons.includes('above_limit');
    return {
      code: 'ABOVE_AUTHORITY',
      message: above
        ? `The amount ${formatFen(c.amountFen)} is above your authority of ${formatFen(approver.authority.maxFen)} yuan`
        : `A ${c.type} compensation needs approval by someone whose authority covers it`,
      details: {
        reasons: grant.reasons,
        amount: formatFen(c.amountFen),
        limit: formatFen(approver.authority.maxFen),
        type: c.type,
      },
    };
  }
  return null;
}

export function mayApprove(approver: Approver, c: CompensationRequest): boolean {
  return approvalRefusal(approver, c) === null;
}

// ——— Wording (domain §10) ———

export interface WordingRefusal {
  message: string;
  /** The same text with 补偿 for 赔偿. */
  suggestion: string;
}

/**
 * Compensation is goodwill (补偿), never damages (赔偿): the wording said to the customer must
 * not use 赔偿. Returns the refusal with the corrected text, or null.
 */
export function checkCompensationWording(text: string): WordingRefusal | null {
  if (!text.includes('赔偿')) return null;
  return {
    message: 'Say 补偿 (compensation as goodwill), never 赔偿 (damages)',
    suggestion: text.replaceAll('赔偿', '补偿'),
  };
}

// ——— The demand it answers ———

/**
 * May compensation be offered on this demand now? Only on an open demand of a complaint still
 * being handled: an answered demand is reopened first (its outcome changes), a resolved
 * complaint is reopened first. For the command and for the complaint's abilities.
 */
export function compensationOfferRefusal(
  complaintStatus: ComplaintStatus,
  demandStatus: DemandStatus,
): Refusal | null {
  if (complaintStatus === 'closed') {
    return { code: 'COMPLAINT_CLOSED', message: 'The complaint is closed; reopen it to offer compensation' };
  }
  if (complaintStatus === 'resolved') {
    return {
      code: 'DEMAND_LOCKED',
      message: 'The complaint is resolved; reopen it to offer compensation',
      details: { rule: 'resolved_demands_locked' },
    };
  }
  if (demandStatus !== 'open') {
    return {
      code: 'DEMAND_LOCKED',
      message: `The demand is already ${demandStatus}; reopen it to offer compensation on it`,
      details: { rule: 'demand_answered', status: demandStatus },
    };
  }
  return null;
}

/**
 * A demand cannot be answered while a compensation on it waits for approval: an unapproved
 * compensation cannot fulfil it, and declining it would leave the approver deciding on a
 * closed question. Cancel the request, or wait for the decision (a refused one does not block).
 */
export function pendingCompensationRefusal(
  targetStatus: 'fulfilled' | 'declined',
  pendingIds: readonly string[],
): Refusal | null {
  if (pendingIds.length === 0) return null;
  return {
    code: 'COMPENSATION_PENDING',
    message:
      targetStatus === 'fulfilled'
        ? 'A compensation on this demand is waiting for approval; an unapproved compensation cannot fulfil it'
        : 'A compensation on this demand is waiting for approval; cancel it before declining the demand',
    details: { compensationIds: [...pendingIds] },
  };
}
