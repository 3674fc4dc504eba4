// Domain errors carry a code and structured details and know nothing of HTTP.
// http/error-handler.ts maps each code to a status.

export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'STALE_VERSION',
  'CONFLICT',
  'IDEMPOTENCY_KEY_REUSED',
  'INVALID_TRANSITION',
  'NO_DEMANDS',
  'NOT_CONFIRMED',
  'DEMANDS_OPEN',
  'DEMANDS_NOT_INFORMED',
  'SUMMARY_REQUIRED',
  'REASON_REQUIRED',
  'COMPLAINT_CLOSED',
  'DEMAND_LOCKED',
  'OWNER_FIXED',
  'PAYLOAD_TOO_LARGE',
  'RATE_LIMITED',
  'COMMITMENTS_OPEN',
  'ALREADY_PAUSED',
  'NOT_PAUSED',
  'COMMITMENT_CLOSED',
  'ESCALATION_REASON_INVALID',
  'TOP_TIER',
  'WORK_ORDERS_OPEN',
  'WORK_ORDER_CLOSED',
  'COMPENSATION_PENDING',
  'ABOVE_AUTHORITY',
  'ANALYSIS_MISSING',
  'FACTS_NOT_VERIFIED',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldIssue {
  field: string;
  message: string;
}

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
  }
}

/** A validation failure on named fields: the client learns which field and why. */
export function invalid(issues: FieldIssue[]): DomainError {
  const summary = issues.map((i) => `${i.field}: ${i.message}`).join('; ');
  return new DomainError('VALIDATION_FAILED', `Invalid input (${summary})`, { issues });
}

/** A rule refusal, as returned by the pure guards. */
export interface Refusal {
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

export function refusalError(r: Refusal): DomainError {
  return new DomainError(r.code, r.message, r.details ?? {});
}

export function complaintNotFound(): DomainError {
  return new DomainError('NOT_FOUND', 'Complaint not found');
}
