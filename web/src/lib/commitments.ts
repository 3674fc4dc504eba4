// A promise to the customer as the agent fills it in: what the request needs before it can be
// sent, the body the server expects, and the language check (domain §10) run live while typing
// with the server's own rules (src/domain/commitments.ts, pure and bundled as is).
import {
  type CommitmentKind,
  type CommitmentSource,
  checkPromiseWording,
  type WordingFinding,
} from '../../../src/domain/commitments.ts';
import { isBlank, type MomentDraft, type MomentSpec, momentSpec } from './durations.ts';

export type { CommitmentKind, CommitmentSource, WordingFinding };

export interface CommitmentDraft {
  source: CommitmentSource;
  kind: CommitmentKind;
  description: string;
  /** By when: required for our own promise, optional for a customer's request. */
  due: MomentDraft;
  /** Not before: the customer's "call me after 3 days" / "not before 10:00". */
  notBefore: MomentDraft;
}

export const EMPTY_COMMITMENT: CommitmentDraft = {
  source: 'agent',
  kind: 'call_back',
  description: '',
  due: { unit: 'workingDays', amount: null, at: null },
  notBefore: { unit: 'calendarHours', amount: null, at: null },
};

export interface CommitmentBody {
  source: CommitmentSource;
  kind: CommitmentKind;
  description: string;
  due?: MomentSpec;
  notBefore?: MomentSpec;
}

export type CommitmentRequest = { ok: true; body: CommitmentBody } | { ok: false; missing: string[] };

/** The body to send, or the i18n keys of what is still missing or wrong. */
export function commitmentRequest(d: CommitmentDraft): CommitmentRequest {
  const missing: string[] = [];
  const description = d.description.trim();
  if (!description) missing.push('commitments.missing.description');
  const due = momentSpec(d.due);
  const notBefore = momentSpec(d.notBefore);
  if (d.source === 'agent') {
    if (!due) missing.push('commitments.missing.due');
  } else {
    if (!notBefore) missing.push('commitments.missing.notBefore');
    if (!isBlank(d.due) && !due) missing.push('commitments.missing.due');
  }
  if (missing.length > 0) return { ok: false, missing };
  const body: CommitmentBody = { source: d.source, kind: d.kind, description };
  if (due) body.due = due;
  if (d.source === 'customer' && notBefore) body.notBefore = notBefore;
  return { ok: true, body };
}

/** The language check on what the agent is typing: the same findings the server will record. */
export function wordingFindings(text: string): WordingFinding[] {
  return text.trim() ? checkPromiseWording(text) : [];
}

/** The commitment a change added: the one in `after` whose id was not in `before`. */
export function addedCommitment<T extends { id: string }>(
  before: readonly { id: string }[],
  after: readonly T[],
): T | undefined {
  const known = new Set(before.map((c) => c.id));
  return after.find((c) => !known.has(c.id));
}
