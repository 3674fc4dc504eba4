// Deadlines of one complaint (domain §4, §11): one per target of its time-limit policy —
// acceptance, first contact, reply to the customer, resolution. Pure: given what the complaint
// is now, the policy and what is stored, `reconcileDeadlines` says what should be stored and
// which changes the timeline must show. Every command that changes a complaint calls it, so a
// new severity, category or policy recomputes the deadlines, a contact meets them, a pause
// stops them, and closing ends them.
//
// Rules, exactly:
// - Every deadline starts when the complaint was received. Reopening a resolved complaint
//   restarts the resolution deadline at the moment of reopening.
// - acceptance is met when the complaint is accepted; first contact by the first contact that
//   reached the customer (a complaint taken on a live call or at the counter has had it at
//   receipt); reply by the first reached contact that tells the customer something — a progress
//   update counts: "a reply without a result is still a reply"; resolution when resolved.
// - The warning comes when `warnPercent` of the deadline's (working) time has passed.
// - A pause (waiting for the customer) stops every running deadline not yet breached; on resume
//   the paused time is added back (working time, or clock time for calendar-hour targets).
// - A customer's own request to be contacted later ("call me after 3 days") moves the first
//   contact and reply deadlines to the end of the window the customer asked for, and no warning
//   comes before the window opens.
// - A changed due time clears an earlier warning or breach only if the new time lies ahead.
// - Closing (or withdrawing) cancels what is still open; a breach stays on record.

import type { Refusal } from './errors.ts';
import type { PolicyTargets, SlaPolicy, TargetSpec } from './sla-policy.ts';
import type { Channel, ComplaintStatus, ContactOutcome, ContactPurpose } from './vocabulary.ts';
import {
  addDuration,
  addWorkingMillis,
  type DurationSpec,
  type WorkingCalendar,
  workingMillisBetween,
} from './working-calendar.ts';

export const DEADLINE_KINDS = ['acceptance', 'first_contact', 'reply', 'resolution'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export const DEADLINE_STATES = ['running', 'at_risk', 'breached', 'met', 'paused', 'cancelled'] as const;
export type DeadlineState = (typeof DEADLINE_STATES)[number];

/** Channels on which the customer is talking to us as the complaint is taken. */
const LIVE_CHANNELS: readonly Channel[] = ['phone_in', 'phone_out', 'walk_in'];
/** Contacts that answer the customer: a reply, even without a result yet. */
export const REPLY_PURPOSES: readonly ContactPurpose[] = [
  'propose_solution',
  'progress_update',
  'inform_result',
  'callback',
];
/** Deadlines a customer's own "contact me later" moves. */
const CONTACT_KINDS: readonly DeadlineKind[] = ['first_contact', 'reply'];

export interface StoredDeadline {
  id: string;
  kind: DeadlineKind;
  policyId: string | null;
  calendarId: string;
  target: DurationSpec;
  startAt: Date;
  dueAt: Date;
  warnAt: Date;
  provisional: boolean;
  pausedMs: number;
  pausedAt: Date | null;
  deferredTo: Date | null;
  escalateOnBreach: boolean;
  warnedAt: Date | null;
  breachedAt: Date | null;
  metAt: Date | null;
  cancelledAt: Date | null;
}

export interface ContactFact {
  startedAt: Date;
  outcome: ContactOutcome;
  purpose: ContactPurpose;
}

/** A customer's own request to be contacted in a window: not before `notBefore`, by `dueAt`. */
export interface CustomerWindow {
  notBefore: Date;
  dueAt: Date;
}

export interface DeadlineFacts {
  now: Date;
  status: ComplaintStatus;
  channel: Channel;
  receivedAt: Date;
  acceptedAt: Date | null;
  resolvedAt: Date | null;
  pausedAt: Date | null;
  contacts: readonly ContactFact[];
  customerWindows: readonly CustomerWindow[];
}

export type DeadlineChangeAction =
  | 'set'
  | 'recomputed'
  | 'met'
  | 'cancelled'
  | 'paused'
  | 'resumed'
  | 'reopened'
  | 'deferred';

export interface DeadlineChange {
  action: DeadlineChangeAction;
  before: Record<string, unknown> | null;
  after: Record<string, unknown>;
}

export interface ReconciledDeadline {
  row: StoredDeadline;
  isNew: boolean;
  changes: DeadlineChange[];
}

export interface ReconcileInput {
  facts: DeadlineFacts;
  policy: SlaPolicy | undefined;
  existing: readonly StoredDeadline[];
  calendar: (id: string) => WorkingCalendar;
  newId: () => string;
}

/** When the kind of deadline was met, judged from the complaint's facts (null: not yet). */
export function metAtFor(kind: DeadlineKind, f: DeadlineFacts, since: Date): Date | null {
  switch (kind) {
    case 'acceptance':
      return f.acceptedAt;
    case 'first_contact': {
      if (LIVE_CHANNELS.includes(f.channel)) return f.receivedAt;
      return earliest(f.contacts.filter((c) => c.outcome === 'reached' && c.startedAt >= since));
    }
    case 'reply':
      return earliest(
        f.contacts.filter(
          (c) => c.outcome === 'reached' && REPLY_PURPOSES.includes(c.purpose) && c.startedAt >= since,
        ),
      );
    case 'resolution':
      return f.resolvedAt && f.resolvedAt >= since ? f.resolvedAt : null;
    default: {
      const never: never = kind;
      throw new Error(`unknown deadline kind ${String(never)}`);
    }
  }
}

function earliest(contacts: readonly ContactFact[]): Date | null {
  let best: Date | null = null;
  for (const c of contacts) if (!best || c.startedAt < best) best = c.startedAt;
  return best;
}

function isCalendarTime(spec: DurationSpec): boolean {
  return 'calendarHours' in spec;
}

/** Time between two instants as the deadline counts it: working time, or clock time. */
function spanMs(cal: WorkingCalendar, spec: DurationSpec, a: Date, b: Date): number {
  if (b <= a) return 0;
  return isCalendarTime(spec) ? b.getTime() - a.getTime() : workingMillisBetween(cal, a, b);
}

function plusSpan(cal: WorkingCalendar, spec: DurationSpec, from: Date, ms: number): Date {
  if (ms <= 0) return from;
  return isCalendarTime(spec) ? new Date(from.getTime() + ms) : addWorkingMillis(cal, from, ms).at;
}

/** The warning instant: `percent` of the way from start to due, in the deadline's own time. */
export function warnInstant(
  cal: WorkingCalendar,
  spec: DurationSpec,
  start: Date,
  due: Date,
  percent: number,
): Date {
  const total = spanMs(cal, spec, start, due);
  const at = plusSpan(cal, spec, start, Math.floor((total * percent) / 100));
  return at > due ? due : at;
}

interface Timing {
  dueAt: Date;
  warnAt: Date;
  provisional: boolean;
  deferredTo: Date | null;
}

function computeTiming(
  cal: WorkingCalendar,
  kind: DeadlineKind,
  spec: DurationSpec,
  start: Date,
  pausedMs: number,
  warnPercent: number,
  windows: readonly CustomerWindow[],
): Timing {
  const base = addDuration(cal, start, spec);
  let dueAt = plusSpan(cal, spec, base.at, pausedMs);
  let warnAt = warnInstant(cal, spec, start, dueAt, warnPercent);
  let deferredTo: Date | null = null;
  if (CONTACT_KINDS.includes(kind)) {
    for (const w of windows) {
      if (w.dueAt > dueAt) {
        dueAt = w.dueAt;
        deferredTo = w.dueAt;
      }
    }
    if (deferredTo) {
      for (const w of windows) if (w.notBefore > warnAt && w.notBefore <= dueAt) warnAt = w.notBefore;
    }
  }
  return { dueAt, warnAt, provisional: base.provisional, deferredTo };
}

function targetOf(targets: PolicyTargets, kind: DeadlineKind): TargetSpec | undefined {
  return targets[kind];
}

function durationOf(t: TargetSpec): DurationSpec {
  if ('workingDays' in t) return { workingDays: t.workingDays };
  if ('workingHours' in t) return { workingHours: t.workingHours };
  return { calendarHours: t.calendarHours };
}

const same = (a: Date | null, b: Date | null) => (a?.getTime() ?? null) === (b?.getTime() ?? null);
const iso = (d: Date | null) => d?.toISOString() ?? null;

/** What the deadlines of one complaint should be now; see the rules at the top of this file. */
export function reconcileDeadlines(input: ReconcileInput): ReconciledDeadline[] {
  const { facts, policy } = input;
  const now = facts.now;
  const out: ReconciledDeadline[] = [];
  const byKind = new Map(input.existing.map((d) => [d.kind, d]));
  for (const kind of DEADLINE_KINDS) {
    const stored = byKind.get(kind);
    const target = policy ? targetOf(policy.targets, kind) : undefined;
    if (!stored && !target) continue;
    if (!stored && target && policy) {
      if (facts.status === 'closed') continue;
      out.push(createDeadline(input, policy, kind, target));
      continue;
    }
    if (stored) out.push(updateDeadline(input, stored, policy, target, now));
  }
  return out;
}

function createDeadline(
  input: ReconcileInput,
  policy: SlaPolicy,
  kind: DeadlineKind,
  target: TargetSpec,
): ReconciledDeadline {
  const { facts } = input;
  const calendarId = target.calendarId ?? policy.calendarId;
  const cal = input.calendar(calendarId);
  const spec = durationOf(target);
  const start = facts.receivedAt;
  const timing = computeTiming(cal, kind, spec, start, 0, policy.warnPercent, facts.customerWindows);
  const metAt = metAtFor(kind, facts, start);
  // Created while the complaint waits for the customer: it stands still like the others.
  const pausedAt = !metAt && facts.pausedAt && timing.dueAt > facts.pausedAt ? facts.pausedAt : null;
  const row: StoredDeadline = {
    id: input.newId(),
    kind,
    policyId: policy.id,
    calendarId,
    target: spec,
    startAt: start,
    ...timing,
    pausedMs: 0,
    pausedAt,
    escalateOnBreach: policy.escalateOnBreach,
    warnedAt: null,
    breachedAt: null,
    metAt,
    cancelledAt: null,
  };
  const after: Record<string, unknown> = {
    kind,
    policy: policy.name,
    target: spec,
    dueAt: iso(row.dueAt),
    provisional: row.provisional,
  };
  if (metAt) {
    after.metAt = iso(metAt);
    after.late = metAt > row.dueAt;
  }
  return { row, isNew: true, changes: [{ action: 'set', before: null, after }] };
}

function updateDeadline(
  input: ReconcileInput,
  stored: StoredDeadline,
  policy: SlaPolicy | undefined,
  target: TargetSpec | undefined,
  now: Date,
): ReconciledDeadline {
  const { facts } = input;
  const row: StoredDeadline = { ...stored };
  const changes: DeadlineChange[] = [];
  const open = () => row.metAt === null && row.cancelledAt === null;

  // Reopened: the resolution was met, the complaint is being handled again.
  if (
    row.kind === 'resolution' &&
    row.metAt &&
    facts.resolvedAt === null &&
    (facts.status === 'in_progress' || facts.status === 'accepted')
  ) {
    changes.push({ action: 'reopened', before: { metAt: iso(row.metAt) }, after: { startAt: iso(now) } });
    Object.assign(row, {
      metAt: null,
      cancelledAt: null,
      startAt: now,
      pausedMs: 0,
      warnedAt: null,
      breachedAt: null,
    });
  }
  if (!open()) return { row, isNew: false, changes };

  const cal = () => input.calendar(row.calendarId);
  const metAt = metAtFor(row.kind, facts, row.startAt);
  // The pause ends: when the complaint resumed (now), or — met while standing still — when it
  // was met, so lateness is judged against the due time as the pause moved it.
  let pauseEnded = false;
  if (row.pausedAt && (!same(row.pausedAt, facts.pausedAt) || metAt)) {
    const end = metAt
      ? new Date(Math.min(Math.max(metAt.getTime(), row.pausedAt.getTime()), now.getTime()))
      : now;
    const ms = spanMs(cal(), row.target, row.pausedAt, end);
    if (!same(row.pausedAt, facts.pausedAt)) {
      changes.push({
        action: 'resumed',
        before: { pausedAt: iso(row.pausedAt) },
        after: { pausedMs: row.pausedMs + ms },
      });
    }
    row.pausedMs += ms;
    row.pausedAt = null;
    pauseEnded = true;
  }

  // The policy's target for this kind now (it may have changed with severity, category …).
  if (policy && target) {
    const calendarId = target.calendarId ?? policy.calendarId;
    row.policyId = policy.id;
    row.calendarId = calendarId;
    row.target = durationOf(target);
    row.escalateOnBreach = policy.escalateOnBreach;
  } else if (!target) {
    row.cancelledAt = now;
    changes.push({
      action: 'cancelled',
      before: { dueAt: iso(row.dueAt) },
      after: { reason: 'no_target', policy: policy?.name ?? null },
    });
    return { row, isNew: false, changes };
  }

  if (metAt) {
    if (pauseEnded) {
      Object.assign(
        row,
        computeTiming(
          cal(),
          row.kind,
          row.target,
          row.startAt,
          row.pausedMs,
          policy?.warnPercent ?? 75,
          facts.customerWindows,
        ),
      );
    }
    row.metAt = metAt;
    changes.push({
      action: 'met',
      before: null,
      after: { kind: row.kind, dueAt: iso(row.dueAt), metAt: iso(metAt), late: metAt > row.dueAt },
    });
    return { row, isNew: false, changes };
  }
  if (facts.status === 'closed') {
    row.cancelledAt = now;
    changes.push({
      action: 'cancelled',
      before: { dueAt: iso(row.dueAt) },
      after: { reason: 'closed', breached: row.breachedAt !== null },
    });
    return { row, isNew: false, changes };
  }

  const timing = computeTiming(
    cal(),
    row.kind,
    row.target,
    row.startAt,
    row.pausedMs,
    policy?.warnPercent ?? 75,
    facts.customerWindows,
  );
  if (!same(timing.dueAt, row.dueAt) || !same(timing.warnAt, row.warnAt)) {
    const action: DeadlineChangeAction =
      timing.deferredTo && !same(timing.deferredTo, row.deferredTo) ? 'deferred' : 'recomputed';
    if (!same(timing.dueAt, row.dueAt)) {
      changes.push({
        action,
        before: { dueAt: iso(row.dueAt), policyId: stored.policyId, target: stored.target },
        after: {
          kind: row.kind,
          dueAt: iso(timing.dueAt),
          policy: policy?.name ?? null,
          target: row.target,
          provisional: timing.provisional,
        },
      });
    }
    if (timing.dueAt > now) row.breachedAt = null;
    if (timing.warnAt > now) row.warnedAt = null;
  }
  Object.assign(row, timing);

  if (facts.pausedAt && !row.pausedAt && !row.breachedAt && row.dueAt > facts.pausedAt) {
    row.pausedAt = facts.pausedAt;
    changes.push({ action: 'paused', before: null, after: { kind: row.kind, pausedAt: iso(row.pausedAt) } });
  }
  return { row, isNew: false, changes };
}

/** When the timer engine must next look at a deadline: its warning, then its due time. */
export function nextFireAt(d: StoredDeadline): Date | null {
  if (d.metAt || d.cancelledAt || d.pausedAt) return null;
  if (!d.warnedAt && d.warnAt < d.dueAt) return d.warnAt;
  if (!d.breachedAt) return d.dueAt;
  return null;
}

/** The state a person sees, at `now` (the timer engine's stamps may lag it by one sweep). */
export function deadlineState(
  d: Pick<StoredDeadline, 'metAt' | 'cancelledAt' | 'pausedAt' | 'breachedAt' | 'dueAt' | 'warnAt'>,
  now: Date,
): DeadlineState {
  if (d.metAt) return 'met';
  if (d.cancelledAt) return 'cancelled';
  if (d.breachedAt) return 'breached';
  if (d.pausedAt) return 'paused';
  if (now >= d.dueAt) return 'breached';
  if (now >= d.warnAt) return 'at_risk';
  return 'running';
}

/** The deadline a list shows for a complaint: the earliest one still running (or breached). */
export function nextOpenDeadline<T extends StoredDeadline>(rows: readonly T[]): T | undefined {
  let best: T | undefined;
  for (const d of rows) {
    if (d.metAt || d.cancelledAt || d.pausedAt) continue;
    if (!best || d.dueAt < best.dueAt) best = d;
  }
  return best;
}

/** Who hears of a fired deadline: the handler, the owner and the team's supervisors, once each. */
export function recipients(ids: readonly (string | null | undefined)[]): string[] {
  return [...new Set(ids.filter((x): x is string => typeof x === 'string'))];
}

/** Deadlines may stand still only while the complaint is being handled, and once at a time. */
export function pauseRefusal(status: ComplaintStatus, pausedAt: Date | null): Refusal | null {
  if (pausedAt) {
    return {
      code: 'ALREADY_PAUSED',
      message: 'The complaint is already waiting for the customer',
      details: { rule: 'one_pause_at_a_time', pausedAt: pausedAt.toISOString() },
    };
  }
  if (status !== 'accepted' && status !== 'in_progress') {
    return {
      code: 'INVALID_TRANSITION',
      message: `Only a complaint being handled can wait for the customer; this one is ${status}`,
      details: { rule: 'pause_while_handling', status },
    };
  }
  return null;
}

export function resumeRefusal(pausedAt: Date | null): Refusal | null {
  if (pausedAt) return null;
  return { code: 'NOT_PAUSED', message: 'The complaint is not waiting for the customer', details: {} };
}
