// Deadlines of one complaint (src/domain/deadlines.ts): creation from a time-limit policy, meeting,
// pausing, recomputing, deferring to the customer's window, closing and reopening — on the real
// 2026 national schedule in Asia/Shanghai. 国庆 2026: 10-01..10-07 off, Sunday 09-20 and Saturday
// 10-10 are working days (调休); 中秋 09-25..09-27 off. 春节 2026: 02-15..02-23 off, Saturdays
// 02-14 and 02-28 are working days.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ContactFact,
  type CustomerWindow,
  DEADLINE_KINDS,
  type DeadlineFacts,
  type DeadlineKind,
  deadlineState,
  metAtFor,
  nextFireAt,
  nextOpenDeadline,
  pauseRefusal,
  REPLY_PURPOSES,
  type ReconciledDeadline,
  recipients,
  reconcileDeadlines,
  resumeRefusal,
  type StoredDeadline,
  warnInstant,
} from '../../src/domain/deadlines.ts';
import type { PolicyTargets, SlaPolicy, TargetSpec } from '../../src/domain/sla-policy.ts';
import {
  CHANNELS,
  type Channel,
  COMPLAINT_STATUSES,
  CONTACT_OUTCOMES,
  CONTACT_PURPOSES,
  type ComplaintStatus,
  type ContactOutcome,
  type ContactPurpose,
} from '../../src/domain/vocabulary.ts';
import {
  addWorkingMillis,
  type DurationSpec,
  type WorkingCalendar,
  workingMillisBetween,
} from '../../src/domain/working-calendar.ts';
import { allDayCal, at, HOUR, local, noLunchCal } from './working-calendar-fixtures.ts';

const MINUTE = 60_000;
const DAY = 24 * HOUR;
const RUNS = { numRuns: 150 };

// ——— Fixtures ———

/** 标准工作日 (weekdays 09:00-18:00, national schedule) and the 24×7 front line. */
const CALENDARS: Record<string, WorkingCalendar> = { standard: noLunchCal, front_line: allDayCal };
function calendar(id: string): WorkingCalendar {
  const cal = CALENDARS[id];
  if (!cal) throw new Error(`unknown calendar ${id}`);
  return cal;
}

function policy(targets: PolicyTargets, over: Partial<SlaPolicy> = {}): SlaPolicy {
  return {
    id: 'p-normal',
    name: '一般投诉',
    priority: 100,
    active: true,
    severities: null,
    categoryIds: null,
    channels: null,
    minVipLevel: null,
    calendarId: 'standard',
    targets,
    warnPercent: 75,
    escalateOnBreach: false,
    ...over,
  };
}

/** The seeded defaults (src/domain/default-sla.ts), acceptance on the 24×7 front line. */
const NORMAL = policy({
  acceptance: { calendarHours: 4, calendarId: 'front_line' },
  first_contact: { workingDays: 1 },
  reply: { workingDays: 3 },
  resolution: { workingDays: 10 },
});
const MAJOR = policy(
  {
    acceptance: { calendarHours: 1, calendarId: 'front_line' },
    first_contact: { workingHours: 4 },
    reply: { workingDays: 1 },
    resolution: { workingDays: 5 },
  },
  { id: 'p-major', name: '重大投诉', priority: 20, severities: ['major'], escalateOnBreach: true },
);
const CRISIS = policy(
  {
    acceptance: { calendarHours: 0.5 },
    first_contact: { calendarHours: 2 },
    reply: { workingHours: 8, calendarId: 'standard' },
    resolution: { workingDays: 3, calendarId: 'standard' },
  },
  {
    id: 'p-crisis',
    name: '危机投诉',
    priority: 10,
    severities: ['crisis'],
    calendarId: 'front_line',
    escalateOnBreach: true,
  },
);

function facts(receivedAt: Date, over: Partial<DeadlineFacts> = {}): DeadlineFacts {
  return {
    now: receivedAt,
    status: 'new',
    channel: 'web',
    receivedAt,
    acceptedAt: null,
    resolvedAt: null,
    pausedAt: null,
    contacts: [],
    customerWindows: [],
    ...over,
  };
}

function reconcile(
  f: DeadlineFacts,
  p: SlaPolicy | undefined,
  existing: readonly StoredDeadline[] = [],
): ReconciledDeadline[] {
  let n = 0;
  return reconcileDeadlines({ facts: f, policy: p, existing, calendar, newId: () => `d-${++n}` });
}

function rows(result: readonly ReconciledDeadline[]): StoredDeadline[] {
  return result.map((r) => r.row);
}

function one(result: readonly ReconciledDeadline[], kind: DeadlineKind): ReconciledDeadline {
  const r = result.find((x) => x.row.kind === kind);
  if (!r) throw new Error(`no ${kind} deadline in ${result.map((x) => x.row.kind).join(', ')}`);
  return r;
}

function contact(
  localTime: string,
  purpose: ContactPurpose = 'progress_update',
  outcome: ContactOutcome = 'reached',
): ContactFact {
  return { startedAt: at(localTime), outcome, purpose };
}

const iso = (localTime: string) => at(localTime).toISOString();

/** Stamps what the timer engine would have stamped by `now`. */
function timerSweep(list: readonly StoredDeadline[], now: Date): StoredDeadline[] {
  return list.map((d) => {
    if (d.metAt || d.cancelledAt || d.pausedAt) return d;
    return {
      ...d,
      warnedAt: d.warnedAt ?? (now >= d.warnAt ? d.warnAt : null),
      breachedAt: d.breachedAt ?? (now >= d.dueAt ? d.dueAt : null),
    };
  });
}

function stored(over: Partial<StoredDeadline> = {}): StoredDeadline {
  return {
    id: 'd-x',
    kind: 'reply',
    policyId: 'p-normal',
    calendarId: 'standard',
    target: { workingDays: 3 },
    startAt: at('2026-09-30 10:00'),
    dueAt: at('2026-10-10 10:00'),
    warnAt: at('2026-10-09 12:15'),
    provisional: false,
    pausedMs: 0,
    pausedAt: null,
    deferredTo: null,
    escalateOnBreach: false,
    warnedAt: null,
    breachedAt: null,
    metAt: null,
    cancelledAt: null,
    ...over,
  };
}

// ——— Creation ———

describe('reconcileDeadlines: a new complaint gets one deadline per target of its policy', () => {
  interface Row {
    name: string;
    received: string;
    kind: DeadlineKind;
    target: TargetSpec;
    calendarId?: string;
    warnPercent?: number;
    due: string;
    warn: string;
    provisional?: boolean;
  }
  const table: Row[] = [
    {
      name: 'reply in 3 working days from the day before 国庆: 10-08, 10-09 and the 调休 Saturday 10-10',
      received: '2026-09-30 10:00',
      kind: 'reply',
      target: { workingDays: 3 },
      due: '2026-10-10 10:00',
      // 27 working hours (8 + 9 + 9 + 1); 75 % = 20 h 15 min: 8 on 09-30, 9 on 10-08, 3¼ on 10-09.
      warn: '2026-10-09 12:15',
    },
    {
      name: 'reply in 3 working days received after closing: counting starts at the next opening (10-08 09:00)',
      received: '2026-09-30 19:30',
      kind: 'reply',
      target: { workingDays: 3 },
      due: '2026-10-12 09:00',
      warn: '2026-10-10 11:15',
    },
    {
      name: 'reply in 3 working days around 春节: the 调休 Saturday 02-14, then 02-24 and 02-25',
      received: '2026-02-13 10:00',
      kind: 'reply',
      target: { workingDays: 3 },
      due: '2026-02-25 10:00',
      warn: '2026-02-24 12:15',
    },
    {
      name: 'resolution in 10 working days across 国庆',
      received: '2026-09-30 10:00',
      kind: 'resolution',
      target: { workingDays: 10 },
      due: '2026-10-20 10:00',
      // 90 working hours; 75 % = 67½ h → 8 on 09-30 + 6 full days (10-08..10-14) + 5½ h on 10-15.
      warn: '2026-10-15 14:30',
    },
    {
      name: 'first contact in 4 working hours on Friday 10-09 16:00: 2 h, then the 调休 Saturday 10-10',
      received: '2026-10-09 16:00',
      kind: 'first_contact',
      target: { workingHours: 4 },
      due: '2026-10-10 11:00',
      warn: '2026-10-10 10:00',
    },
    {
      name: 'first contact in 4 working hours from the 调休 Saturday 02-14 17:00: 1 h, then 02-24',
      received: '2026-02-14 17:00',
      kind: 'first_contact',
      target: { workingHours: 4 },
      due: '2026-02-24 12:00',
      warn: '2026-02-24 11:00',
    },
    {
      name: 'first contact in 4 working hours on Friday 09-18 17:00: the 调休 Sunday 09-20 counts',
      received: '2026-09-18 17:00',
      kind: 'first_contact',
      target: { workingHours: 4 },
      due: '2026-09-20 12:00',
      warn: '2026-09-20 11:00',
    },
    {
      name: 'first contact in 4 working hours with warnPercent 50',
      received: '2026-10-09 10:00',
      kind: 'first_contact',
      target: { workingHours: 4 },
      warnPercent: 50,
      due: '2026-10-09 14:00',
      warn: '2026-10-09 12:00',
    },
    {
      name: 'crisis first contact in 2 calendar hours on the 24×7 line during the holiday',
      received: '2026-10-01 23:00',
      kind: 'first_contact',
      target: { calendarHours: 2 },
      calendarId: 'front_line',
      due: '2026-10-02 01:00',
      warn: '2026-10-02 00:30',
    },
    {
      name: 'calendar hours ignore the standard calendar (due on a holiday)',
      received: '2026-09-30 10:00',
      kind: 'first_contact',
      target: { calendarHours: 24 },
      due: '2026-10-01 10:00',
      warn: '2026-10-01 04:00',
    },
    {
      name: 'working hours on the 24×7 line are clock hours, holidays included',
      received: '2026-10-03 22:00',
      kind: 'reply',
      target: { workingHours: 8 },
      calendarId: 'front_line',
      due: '2026-10-04 06:00',
      warn: '2026-10-04 04:00',
    },
    {
      name: 'into 2027, which has no official schedule yet: provisional (01-01 judged a weekday)',
      received: '2026-12-30 10:00',
      kind: 'reply',
      target: { workingDays: 3 },
      due: '2027-01-04 10:00',
      warn: '2027-01-01 12:15',
      provisional: true,
    },
  ];

  it.each(table)('$name', (row) => {
    const p = policy(
      { [row.kind]: row.target },
      { calendarId: row.calendarId ?? 'standard', warnPercent: row.warnPercent ?? 75 },
    );
    const result = reconcile(facts(at(row.received)), p);
    expect(result).toHaveLength(1);
    const [r] = result as [ReconciledDeadline];
    expect(r.isNew).toBe(true);
    expect(r.row.kind).toBe(row.kind);
    expect(r.row.startAt).toEqual(at(row.received));
    expect(local(r.row.dueAt)).toBe(row.due);
    expect(local(r.row.warnAt)).toBe(row.warn);
    expect(r.row.provisional).toBe(row.provisional ?? false);
    expect(r.changes).toEqual([
      {
        action: 'set',
        before: null,
        after: {
          kind: row.kind,
          policy: '一般投诉',
          target: row.target,
          dueAt: at(row.due).toISOString(),
          provisional: row.provisional ?? false,
        },
      },
    ]);
  });

  it('creates every kind of the policy, in kind order, with per-target calendars and fresh ids', () => {
    const result = reconcile(facts(at('2026-09-30 10:00')), NORMAL);
    expect(result.map((r) => r.row.kind)).toEqual([...DEADLINE_KINDS]);
    expect(new Set(result.map((r) => r.row.id)).size).toBe(4);
    expect(result.map((r) => [r.row.kind, r.row.calendarId, local(r.row.dueAt)])).toEqual([
      ['acceptance', 'front_line', '2026-09-30 14:00'],
      ['first_contact', 'standard', '2026-10-08 10:00'],
      ['reply', 'standard', '2026-10-10 10:00'],
      ['resolution', 'standard', '2026-10-20 10:00'],
    ]);
    for (const r of result) {
      expect(r.row).toMatchObject({
        policyId: 'p-normal',
        pausedMs: 0,
        pausedAt: null,
        deferredTo: null,
        warnedAt: null,
        breachedAt: null,
        metAt: null,
        cancelledAt: null,
        escalateOnBreach: false,
      });
    }
    // The target is stored without its calendar id (the row has its own calendarId).
    expect(one(result, 'acceptance').row.target).toEqual({ calendarHours: 4 });
    expect(one(result, 'acceptance').row.warnAt).toEqual(at('2026-09-30 13:00'));
  });

  it('crisis: calendar hours on the 24×7 policy calendar, working time on the standard one', () => {
    const result = reconcile(facts(at('2026-10-02 20:00')), CRISIS);
    expect(
      result.map((r) => [r.row.kind, r.row.calendarId, local(r.row.dueAt), local(r.row.warnAt)]),
    ).toEqual([
      ['acceptance', 'front_line', '2026-10-02 20:30', '2026-10-02 20:22:30.000'],
      ['first_contact', 'front_line', '2026-10-02 22:00', '2026-10-02 21:30'],
      // 8 working hours: the first opening after the holiday is 10-08 09:00.
      ['reply', 'standard', '2026-10-08 17:00', '2026-10-08 15:00'],
      ['resolution', 'standard', '2026-10-12 09:00', '2026-10-10 11:15'],
    ]);
    expect(result.every((r) => r.row.escalateOnBreach)).toBe(true);
  });

  it('a complaint taken on a live channel has had its first contact at receipt (met, not late)', () => {
    for (const channel of ['phone_in', 'phone_out', 'walk_in'] as const) {
      const received = at('2026-10-09 10:00');
      const r = one(reconcile(facts(received, { channel }), NORMAL), 'first_contact');
      expect(r.row.metAt).toEqual(received);
      expect(r.changes[0]?.after).toMatchObject({ metAt: received.toISOString(), late: false });
      expect(nextFireAt(r.row)).toBeNull();
      // Nothing else is met by being on the phone.
      const reply = one(reconcile(facts(received, { channel }), NORMAL), 'reply');
      expect(reply.row.metAt).toBeNull();
      expect(reply.changes[0]?.after).not.toHaveProperty('metAt');
    }
  });

  it('an acceptance recorded after its due is met at creation and marked late', () => {
    const f = facts(at('2026-09-30 10:00'), { acceptedAt: at('2026-09-30 15:00'), status: 'accepted' });
    const r = one(reconcile(f, NORMAL), 'acceptance');
    expect(r.row.metAt).toEqual(at('2026-09-30 15:00'));
    expect(r.changes[0]?.after).toMatchObject({ metAt: iso('2026-09-30 15:00'), late: true });
  });

  it('no policy, no target, or a closed complaint: nothing is created', () => {
    expect(reconcile(facts(at('2026-10-09 10:00')), undefined)).toEqual([]);
    expect(reconcile(facts(at('2026-10-09 10:00')), policy({}))).toEqual([]);
    expect(reconcile(facts(at('2026-10-09 10:00'), { status: 'closed' }), NORMAL)).toEqual([]);
  });

  it("a customer's window known at intake defers contact and reply at creation", () => {
    const window: CustomerWindow = { notBefore: at('2026-10-13 09:00'), dueAt: at('2026-10-14 18:00') };
    const result = reconcile(facts(at('2026-10-08 10:00'), { customerWindows: [window] }), NORMAL);
    for (const kind of ['first_contact', 'reply'] as const) {
      const r = one(result, kind);
      expect(r.row.dueAt).toEqual(window.dueAt);
      expect(r.row.deferredTo).toEqual(window.dueAt);
      expect(r.row.warnAt).toEqual(window.notBefore);
      expect(r.changes[0]?.action).toBe('set');
    }
    expect(one(result, 'resolution').row.deferredTo).toBeNull();
    expect(local(one(result, 'resolution').row.dueAt)).toBe('2026-10-21 10:00');
  });
});

// ——— Meeting ———

describe('metAtFor: when each kind of deadline was met', () => {
  const received = at('2026-10-08 10:00');
  const base = facts(received);
  type Case = [string, DeadlineKind, Partial<DeadlineFacts>, string | null];
  const cases: Case[] = [
    ['acceptance: when accepted', 'acceptance', { acceptedAt: at('2026-10-08 10:05') }, '2026-10-08 10:05'],
    ['acceptance: not yet', 'acceptance', {}, null],
    ['first contact on phone_in: at receipt', 'first_contact', { channel: 'phone_in' }, '2026-10-08 10:00'],
    ['first contact on phone_out: at receipt', 'first_contact', { channel: 'phone_out' }, '2026-10-08 10:00'],
    ['first contact at the counter: at receipt', 'first_contact', { channel: 'walk_in' }, '2026-10-08 10:00'],
    ['first contact on the web: not by itself', 'first_contact', { channel: 'web' }, null],
    ...(['email', 'sms', 'wechat', 'api'] as const).map(
      (channel): Case => [`first contact by ${channel}: not by itself`, 'first_contact', { channel }, null],
    ),
    [
      'first contact: any purpose, once the customer is reached',
      'first_contact',
      { contacts: [contact('2026-10-08 11:00', 'intake')] },
      '2026-10-08 11:00',
    ],
    [
      'first contact: attempts that did not reach the customer do not count',
      'first_contact',
      {
        contacts: (
          ['no_answer', 'busy', 'wrong_number', 'refused', 'callback_requested', 'message_left'] as const
        ).map((o) => contact('2026-10-08 11:00', 'callback', o)),
      },
      null,
    ],
    [
      'first contact: the earliest reached contact, whatever the order',
      'first_contact',
      {
        contacts: [
          contact('2026-10-09 11:00', 'clarify'),
          contact('2026-10-08 16:00', 'verify_facts'),
          contact('2026-10-08 12:00', 'clarify', 'no_answer'),
        ],
      },
      '2026-10-08 16:00',
    ],
    [
      'first contact: a contact before the start does not count',
      'first_contact',
      { contacts: [contact('2026-10-08 09:59', 'clarify')] },
      null,
    ],
    [
      'reply: a progress update is a reply ("a reply without a result is still a reply")',
      'reply',
      { contacts: [contact('2026-10-09 15:00', 'progress_update')] },
      '2026-10-09 15:00',
    ],
    [
      'reply: clarifying, verifying, a survey or intake is not a reply',
      'reply',
      {
        contacts: (['intake', 'clarify', 'verify_facts', 'survey', 'other'] as const).map((p) =>
          contact('2026-10-08 11:00', p),
        ),
      },
      null,
    ],
    [
      'reply: the first reached reply, skipping earlier non-replies and unanswered replies',
      'reply',
      {
        contacts: [
          contact('2026-10-08 11:00', 'clarify'),
          contact('2026-10-08 12:00', 'inform_result', 'no_answer'),
          contact('2026-10-09 10:00', 'callback'),
          contact('2026-10-08 17:00', 'propose_solution'),
        ],
      },
      '2026-10-08 17:00',
    ],
    ['reply: a live channel is not a reply', 'reply', { channel: 'phone_in' }, null],
    ['resolution: when resolved', 'resolution', { resolvedAt: at('2026-10-12 15:00') }, '2026-10-12 15:00'],
    ['resolution: not yet', 'resolution', {}, null],
  ];

  it.each(cases)('%s', (_name, kind, over, expected) => {
    const got = metAtFor(kind, { ...base, ...over }, received);
    expect(got && local(got)).toBe(expected);
  });

  it('each reply purpose counts on its own', () => {
    for (const purpose of CONTACT_PURPOSES) {
      const f = { ...base, contacts: [contact('2026-10-08 11:00', purpose)] };
      expect(metAtFor('reply', f, received) !== null, purpose).toBe(REPLY_PURPOSES.includes(purpose));
    }
    expect([...REPLY_PURPOSES].sort()).toEqual(
      ['callback', 'inform_result', 'progress_update', 'propose_solution'].sort(),
    );
  });

  it('resolution before a restart (reopening) does not count', () => {
    const f = { ...base, resolvedAt: at('2026-10-12 15:00') };
    expect(metAtFor('resolution', f, at('2026-10-13 10:00'))).toBeNull();
    expect(metAtFor('resolution', f, at('2026-10-12 15:00'))).toEqual(at('2026-10-12 15:00'));
  });
});

describe('reconcileDeadlines: a contact or an action meets a deadline', () => {
  const received = at('2026-09-30 10:00');
  const created = rows(reconcile(facts(received), NORMAL));

  it.each([
    ['exactly at the due time: on time', '2026-10-10 10:00', false],
    ['one minute after: late', '2026-10-10 10:01', true],
    ['well before (on the holiday, a call is still a reply)', '2026-10-02 11:00', false],
  ])('reply met %s', (_name, when, late) => {
    const f = facts(received, {
      now: at(when),
      status: 'in_progress',
      contacts: [contact(when, 'callback')],
    });
    const r = one(reconcile(f, NORMAL, created), 'reply');
    expect(r.row.metAt).toEqual(at(when));
    expect(r.changes).toEqual([
      {
        action: 'met',
        before: null,
        after: { kind: 'reply', dueAt: iso('2026-10-10 10:00'), metAt: iso(when), late },
      },
    ]);
    expect(nextFireAt(r.row)).toBeNull();
    expect(deadlineState(r.row, at('2026-12-01 00:00'))).toBe('met');
  });

  it('acceptance and resolution are met by the complaint being accepted and resolved', () => {
    const f = facts(received, {
      now: at('2026-10-12 15:00'),
      status: 'resolved',
      acceptedAt: at('2026-09-30 10:30'),
      resolvedAt: at('2026-10-12 15:00'),
    });
    const result = reconcile(f, NORMAL, created);
    expect(one(result, 'acceptance').changes[0]?.after).toMatchObject({ late: false });
    expect(one(result, 'resolution').changes[0]?.after).toMatchObject({
      metAt: iso('2026-10-12 15:00'),
      late: false,
    });
    // first contact and reply keep running: being resolved is not a contact.
    expect(one(result, 'reply').row.metAt).toBeNull();
  });

  it('a met deadline is not touched again (a later policy change leaves it as it is)', () => {
    const f = facts(received, { now: at('2026-10-02 11:00'), contacts: [contact('2026-10-02 11:00')] });
    const met = rows(reconcile(f, NORMAL, created));
    const again = reconcile({ ...f, now: at('2026-10-08 09:00') }, MAJOR, met);
    expect(one(again, 'reply').changes).toEqual([]);
    expect(one(again, 'reply').row).toEqual(met.find((d) => d.kind === 'reply'));
  });
});

// ——— Pause ———

describe('reconcileDeadlines: waiting for the customer stops the clock', () => {
  interface PauseRow {
    name: string;
    received: string;
    target: TargetSpec;
    pause: string;
    resume: string;
    dueBefore: string;
    dueAfter: string;
    pausedHours: number;
  }
  const table: PauseRow[] = [
    {
      name: 'paused 10:00-15:00 on Friday 10-09: 5 working hours added',
      received: '2026-10-08 10:00',
      target: { workingDays: 5 },
      pause: '2026-10-09 10:00',
      resume: '2026-10-09 15:00',
      dueBefore: '2026-10-14 10:00',
      dueAfter: '2026-10-14 15:00',
      pausedHours: 5,
    },
    {
      name: 'paused over an ordinary weekend (Fri 17:00 → Mon 10:00): only 2 working hours',
      received: '2026-10-15 10:00',
      target: { workingDays: 5 },
      pause: '2026-10-16 17:00',
      resume: '2026-10-19 10:00',
      dueBefore: '2026-10-22 10:00',
      dueAfter: '2026-10-22 12:00',
      pausedHours: 2,
    },
    {
      name: 'paused over the 调休 Saturday 10-10 (Fri 17:00 → Mon 10:00): 1 + 9 + 1 working hours',
      received: '2026-10-08 10:00',
      target: { workingDays: 5 },
      pause: '2026-10-09 17:00',
      resume: '2026-10-12 10:00',
      dueBefore: '2026-10-14 10:00',
      dueAfter: '2026-10-15 12:00',
      pausedHours: 11,
    },
    {
      name: 'paused over 国庆 (09-30 12:00 → 10-08 12:00): 6 + 3 working hours',
      received: '2026-09-30 10:00',
      target: { workingDays: 10 },
      pause: '2026-09-30 12:00',
      resume: '2026-10-08 12:00',
      dueBefore: '2026-10-20 10:00',
      dueAfter: '2026-10-21 10:00',
      pausedHours: 9,
    },
    {
      name: 'calendar-hour target: the paused clock time is added, holiday or not',
      received: '2026-09-30 10:00',
      target: { calendarHours: 48 },
      pause: '2026-09-30 12:00',
      resume: '2026-10-01 12:00',
      dueBefore: '2026-10-02 10:00',
      dueAfter: '2026-10-03 10:00',
      pausedHours: 24,
    },
    {
      name: 'working hours: a pause inside a day adds exactly its length',
      received: '2026-10-12 09:00',
      target: { workingHours: 16 },
      pause: '2026-10-12 10:00',
      resume: '2026-10-12 11:30',
      dueBefore: '2026-10-13 16:00',
      dueAfter: '2026-10-13 17:30',
      pausedHours: 1.5,
    },
  ];

  it.each(table)('$name', (row) => {
    const p = policy({ resolution: row.target });
    const received = at(row.received);
    const created = rows(reconcile(facts(received), p));
    expect(local(created[0]?.dueAt as Date)).toBe(row.dueBefore);

    const pausing = facts(received, { now: at(row.pause), status: 'in_progress', pausedAt: at(row.pause) });
    const paused = reconcile(pausing, p, created);
    const pr = one(paused, 'resolution');
    expect(pr.changes).toEqual([
      { action: 'paused', before: null, after: { kind: 'resolution', pausedAt: iso(row.pause) } },
    ]);
    expect(pr.row.pausedAt).toEqual(at(row.pause));
    expect(pr.row.dueAt).toEqual(at(row.dueBefore));
    expect(nextFireAt(pr.row)).toBeNull();
    expect(deadlineState(pr.row, at('2027-06-01 00:00'))).toBe('paused');
    expect(nextOpenDeadline([pr.row])).toBeUndefined();

    const resuming = facts(received, { now: at(row.resume), status: 'in_progress', pausedAt: null });
    const resumed = one(reconcile(resuming, p, rows(paused)), 'resolution');
    expect(resumed.row.pausedAt).toBeNull();
    expect(resumed.row.pausedMs).toBe(row.pausedHours * HOUR);
    expect(local(resumed.row.dueAt)).toBe(row.dueAfter);
    expect(resumed.changes).toEqual([
      {
        action: 'resumed',
        before: { pausedAt: iso(row.pause) },
        after: { pausedMs: row.pausedHours * HOUR },
      },
      {
        action: 'recomputed',
        before: { dueAt: iso(row.dueBefore), policyId: 'p-normal', target: row.target },
        after: {
          kind: 'resolution',
          dueAt: iso(row.dueAfter),
          policy: '一般投诉',
          target: row.target,
          provisional: false,
        },
      },
    ]);
    expect(nextFireAt(resumed.row)).toEqual(resumed.row.warnAt);
  });

  it('the warning moves with the resumed due: 75 % of the longer working time', () => {
    const p = policy({ resolution: { workingDays: 5 } });
    const received = at('2026-10-08 10:00');
    const created = rows(reconcile(facts(received), p));
    // 45 working hours → 33¾ h → 10-12 16:45.
    expect(local(created[0]?.warnAt as Date)).toBe('2026-10-12 16:45');
    const paused = rows(
      reconcile(
        facts(received, { now: at('2026-10-09 10:00'), pausedAt: at('2026-10-09 10:00') }),
        p,
        created,
      ),
    );
    const resumed = one(reconcile(facts(received, { now: at('2026-10-09 15:00') }), p, paused), 'resolution');
    // 50 working hours → 37½ h → 10-13 11:30.
    expect(local(resumed.row.warnAt)).toBe('2026-10-13 11:30');
  });

  it('pauses add up, and a second pause before a reconciled resume is resumed first', () => {
    const p = policy({ resolution: { workingDays: 5 } });
    const received = at('2026-10-08 10:00');
    let list = rows(reconcile(facts(received), p));
    list = rows(
      reconcile(facts(received, { now: at('2026-10-09 10:00'), pausedAt: at('2026-10-09 10:00') }), p, list),
    );
    // Paused again at 10-12 10:00, the resume in between never reconciled: resumed up to now.
    const r = one(
      reconcile(facts(received, { now: at('2026-10-12 10:00'), pausedAt: at('2026-10-12 10:00') }), p, list),
      'resolution',
    );
    expect(r.changes.map((c) => c.action)).toEqual(['resumed', 'recomputed', 'paused']);
    expect(r.row.pausedMs).toBe(18 * HOUR); // 8 on 10-09, 9 on the 调休 Saturday, 1 on 10-12
    expect(r.row.pausedAt).toEqual(at('2026-10-12 10:00'));
    const resumed = one(
      reconcile(facts(received, { now: at('2026-10-12 11:00') }), p, rows([r])),
      'resolution',
    );
    expect(resumed.row.pausedMs).toBe(19 * HOUR);
    expect(resumed.row.dueAt).toEqual(addWorkingMillis(noLunchCal, at('2026-10-14 10:00'), 19 * HOUR).at);
  });

  it('does not pause what is met, cancelled, breached, or already due at the pause', () => {
    const received = at('2026-09-30 10:00');
    const created = rows(reconcile(facts(received), NORMAL));
    const now = at('2026-10-08 11:00');
    const swept = timerSweep(created, now); // acceptance (09-30 14:00) and first contact (10-08 10:00) breached
    const lagging = swept.map((d) => (d.kind === 'first_contact' ? { ...d, breachedAt: null } : d));
    const f = facts(received, {
      now,
      status: 'in_progress',
      pausedAt: now,
      acceptedAt: null,
      contacts: [contact('2026-10-08 10:30', 'callback')],
    });
    const result = reconcile(f, NORMAL, lagging);
    // acceptance breached → not paused; first contact met by the call; reply met by the call.
    expect(one(result, 'acceptance').row.pausedAt).toBeNull();
    expect(one(result, 'first_contact').row.pausedAt).toBeNull();
    expect(one(result, 'reply').row.pausedAt).toBeNull();
    expect(one(result, 'resolution').row.pausedAt).toEqual(now);

    // The timer lags: first contact is past due but not stamped; it must not be paused either.
    const noContact = reconcile({ ...f, contacts: [] }, NORMAL, lagging);
    expect(one(noContact, 'first_contact').row.breachedAt).toBeNull();
    expect(one(noContact, 'first_contact').row.pausedAt).toBeNull();
    expect(one(noContact, 'first_contact').changes).toEqual([]);
    expect(one(noContact, 'reply').row.pausedAt).toEqual(now);
  });

  it('a pause never shortens the time: resumed at the pause instant adds nothing', () => {
    const p = policy({ reply: { workingDays: 3 } });
    const received = at('2026-10-08 10:00');
    const created = rows(reconcile(facts(received), p));
    const paused = rows(
      reconcile(
        facts(received, { now: at('2026-10-10 09:00'), pausedAt: at('2026-10-10 09:00') }),
        p,
        created,
      ),
    );
    const r = one(reconcile(facts(received, { now: at('2026-10-10 09:00') }), p, paused), 'reply');
    expect(r.changes).toEqual([
      { action: 'resumed', before: { pausedAt: iso('2026-10-10 09:00') }, after: { pausedMs: 0 } },
    ]);
    expect(r.row.dueAt).toEqual(created[0]?.dueAt);
  });

  // Once a bug: a deadline met while it stood still was judged against its stale due time.
  it('a reply given while the complaint waits for the customer is not late', () => {
    const p = policy({ reply: { workingDays: 3 } });
    const received = at('2026-10-08 10:00');
    const created = rows(reconcile(facts(received), p)); // due 10-12 10:00
    const pausedAt = at('2026-10-09 10:00'); // 1 working day (17 h) left when paused
    const paused = rows(
      reconcile(facts(received, { now: pausedAt, pausedAt, status: 'in_progress' }), p, created),
    );
    const f = facts(received, {
      now: at('2026-10-13 10:30'),
      status: 'in_progress',
      pausedAt,
      contacts: [contact('2026-10-13 10:30', 'progress_update')],
    });
    const r = one(reconcile(f, p, paused), 'reply');
    expect(r.row.metAt).toEqual(at('2026-10-13 10:30'));
    // Paused 10-09 10:00 → 10-13 10:30: 8 + 9 (调休 Saturday) + 9 + 1½ = 27½ working hours,
    // so the due moved from 10-12 10:00 to 10-15 10:30 and the row no longer stands still.
    expect(r.row).toMatchObject({ pausedAt: null, pausedMs: 27.5 * HOUR });
    expect(local(r.row.dueAt)).toBe('2026-10-15 10:30');
    expect(r.changes).toEqual([
      {
        action: 'met',
        before: null,
        after: { kind: 'reply', dueAt: iso('2026-10-15 10:30'), metAt: iso('2026-10-13 10:30'), late: false },
      },
    ]);
    expect(nextFireAt(r.row)).toBeNull();
    // Met again by the same facts: nothing more.
    expect(one(reconcile(f, p, [r.row]), 'reply').changes).toEqual([]);
  });

  it('a contact logged late but made before the pause is judged against the due as it was', () => {
    const p = policy({ reply: { workingDays: 3 } });
    const received = at('2026-10-08 10:00');
    const created = rows(reconcile(facts(received), p));
    const pausedAt = at('2026-10-09 10:00');
    const paused = rows(
      reconcile(facts(received, { now: pausedAt, pausedAt, status: 'in_progress' }), p, created),
    );
    const f = facts(received, {
      now: at('2026-10-13 10:30'),
      status: 'in_progress',
      pausedAt,
      contacts: [contact('2026-10-08 17:00', 'callback')],
    });
    const r = one(reconcile(f, p, paused), 'reply');
    expect(r.row).toMatchObject({ pausedAt: null, pausedMs: 0, metAt: at('2026-10-08 17:00') });
    expect(r.changes[0]?.after).toMatchObject({ dueAt: iso('2026-10-12 10:00'), late: false });
  });

  // BUG (reported): 'resolve' clears paused_at in the same command (src/commands/transition-complaint.ts),
  // so the resume branch runs first, clears row.pausedAt, and the met branch judges lateness against
  // the due time from before the pause; the stored row keeps pausedMs = 45 h with the old due.
  it('resolving a complaint that waits for the customer is judged against the pause-moved due', () => {
    const p = policy({ resolution: { workingDays: 5 } });
    const received = at('2026-10-08 10:00');
    const created = rows(reconcile(facts(received), p)); // due 10-14 10:00
    const pausedAt = at('2026-10-09 10:00'); // 36 working hours left
    const paused = rows(
      reconcile(facts(received, { now: pausedAt, pausedAt, status: 'in_progress' }), p, created),
    );
    // Resolved at 10-15 10:00 straight from the pause (paused_at cleared by the same command).
    const f = facts(received, {
      now: at('2026-10-15 10:00'),
      status: 'resolved',
      resolvedAt: at('2026-10-15 10:00'),
      pausedAt: null,
    });
    const r = one(reconcile(f, p, paused), 'resolution');
    expect(r.row.pausedMs).toBe(45 * HOUR); // 8 + 9 + 9 + 9 + 9 + 1
    expect(r.changes.at(-1)).toMatchObject({ action: 'met', after: { late: false } });
    expect(r.row.dueAt).toEqual(addWorkingMillis(noLunchCal, at('2026-10-14 10:00'), 45 * HOUR).at);
  });
});

describe('pauseRefusal / resumeRefusal', () => {
  it.each(COMPLAINT_STATUSES.map((s) => [s, s === 'accepted' || s === 'in_progress']))(
    'status %s: may pause = %s',
    (status, allowed) => {
      const refusal = pauseRefusal(status as ComplaintStatus, null);
      if (allowed) expect(refusal).toBeNull();
      else
        expect(refusal).toMatchObject({
          code: 'INVALID_TRANSITION',
          details: { rule: 'pause_while_handling', status },
        });
    },
  );

  it('one pause at a time, whatever the status', () => {
    for (const status of COMPLAINT_STATUSES) {
      expect(pauseRefusal(status, at('2026-10-09 10:00'))).toEqual({
        code: 'ALREADY_PAUSED',
        message: expect.any(String),
        details: { rule: 'one_pause_at_a_time', pausedAt: iso('2026-10-09 10:00') },
      });
    }
  });

  it('resume only when paused', () => {
    expect(resumeRefusal(at('2026-10-09 10:00'))).toBeNull();
    expect(resumeRefusal(null)).toMatchObject({ code: 'NOT_PAUSED', details: {} });
  });
});

// ——— Recomputing ———

describe('reconcileDeadlines: a new policy recomputes the deadlines', () => {
  const received = at('2026-09-30 10:00');
  const accepted = rows(
    reconcile(
      facts(received, {
        now: at('2026-09-30 10:30'),
        status: 'accepted',
        acceptedAt: at('2026-09-30 10:30'),
      }),
      NORMAL,
      rows(reconcile(facts(received), NORMAL)),
    ),
  );

  it('severity major: every open deadline gets the major target, with before/after due times', () => {
    const now = at('2026-10-08 09:30');
    const f = facts(received, { now, status: 'accepted', acceptedAt: at('2026-09-30 10:30') });
    const result = reconcile(f, MAJOR, accepted);
    expect(one(result, 'acceptance').changes).toEqual([]); // met before the change
    const expected: Array<[DeadlineKind, DurationSpec, string, DurationSpec, string]> = [
      ['first_contact', { workingDays: 1 }, '2026-10-08 10:00', { workingHours: 4 }, '2026-09-30 14:00'],
      ['reply', { workingDays: 3 }, '2026-10-10 10:00', { workingDays: 1 }, '2026-10-08 10:00'],
      ['resolution', { workingDays: 10 }, '2026-10-20 10:00', { workingDays: 5 }, '2026-10-13 10:00'],
    ];
    for (const [kind, oldTarget, oldDue, newTarget, newDue] of expected) {
      const r = one(result, kind);
      expect(r.changes).toEqual([
        {
          action: 'recomputed',
          before: { dueAt: iso(oldDue), policyId: 'p-normal', target: oldTarget },
          after: { kind, dueAt: iso(newDue), policy: '重大投诉', target: newTarget, provisional: false },
        },
      ]);
      expect(r.row).toMatchObject({ policyId: 'p-major', target: newTarget, escalateOnBreach: true });
    }
    // Already past its new due: the timer fires at once and the state is breached.
    const fc1 = one(result, 'first_contact').row;
    expect(local(fc1.warnAt)).toBe('2026-09-30 13:00');
    expect(nextFireAt(fc1)).toEqual(fc1.warnAt);
    expect(deadlineState(fc1, now)).toBe('breached');
    expect(nextOpenDeadline(rows(result))?.kind).toBe('first_contact');
  });

  it('a due moved ahead clears the breach and the warning; a due still behind keeps them', () => {
    // Major first: first contact due 09-30 14:00, warned at 13:00 and breached at 14:00.
    const majorRows = timerSweep(
      rows(reconcile(facts(received, { now: at('2026-09-30 10:00') }), MAJOR)),
      at('2026-09-30 15:00'),
    );
    const fcMajor = majorRows.find((d) => d.kind === 'first_contact') as StoredDeadline;
    expect(fcMajor.breachedAt).toEqual(at('2026-09-30 14:00'));
    expect(fcMajor.warnedAt).toEqual(at('2026-09-30 13:00'));

    // Back to normal at 15:00: due 10-08 10:00 (ahead), warn 75 % of 9 h → 09-30 16:45 (ahead).
    const back = one(
      reconcile(facts(received, { now: at('2026-09-30 15:00') }), NORMAL, majorRows),
      'first_contact',
    );
    expect(back.row).toMatchObject({ breachedAt: null, warnedAt: null });
    expect(local(back.row.warnAt)).toBe('2026-09-30 16:45');
    expect(nextFireAt(back.row)).toEqual(back.row.warnAt);

    // Back to normal at 17:00: the due is ahead, the new warning is already behind: warned stays.
    const late = one(
      reconcile(facts(received, { now: at('2026-09-30 17:00') }), NORMAL, majorRows),
      'first_contact',
    );
    expect(late.row.breachedAt).toBeNull();
    expect(late.row.warnedAt).toEqual(at('2026-09-30 13:00'));
    expect(nextFireAt(late.row)).toEqual(late.row.dueAt);

    // A slightly longer target whose due is still behind: breach and warning stay on record.
    const five = policy({ first_contact: { workingHours: 5 } }, { id: 'p-5h', name: '五小时' });
    const still = one(
      reconcile(facts(received, { now: at('2026-10-08 10:00') }), five, majorRows),
      'first_contact',
    );
    expect(still.changes.map((c) => c.action)).toEqual(['recomputed']);
    expect(local(still.row.dueAt)).toBe('2026-09-30 15:00');
    expect(still.row.breachedAt).toEqual(at('2026-09-30 14:00'));
    expect(still.row.warnedAt).toEqual(at('2026-09-30 13:00'));
    expect(nextFireAt(still.row)).toBeNull();
  });

  it('only the warning moves (new warnPercent): the row changes silently', () => {
    const list = rows(reconcile(facts(received), NORMAL));
    const r = one(
      reconcile(facts(received, { now: at('2026-09-30 11:00') }), { ...NORMAL, warnPercent: 50 }, list),
      'reply',
    );
    expect(r.changes).toEqual([]);
    expect(r.row.dueAt).toEqual(at('2026-10-10 10:00'));
    // 27 working hours; 50 % = 13½ h → 8 on 09-30, 5½ on 10-08.
    expect(local(r.row.warnAt)).toBe('2026-10-08 14:30');
  });

  it('a kind the new policy has no target for is cancelled; no policy at all cancels everything open', () => {
    const list = rows(reconcile(facts(received), NORMAL));
    const now = at('2026-10-08 09:00');
    const onlyResolution = policy({ resolution: { workingDays: 10 } }, { id: 'p-r', name: '仅处理时限' });
    const result = reconcile(facts(received, { now }), onlyResolution, list);
    for (const kind of ['acceptance', 'first_contact', 'reply'] as const) {
      const r = one(result, kind);
      expect(r.row.cancelledAt).toEqual(now);
      expect(r.changes).toEqual([
        {
          action: 'cancelled',
          before: { dueAt: list.find((d) => d.kind === kind)?.dueAt.toISOString() },
          after: { reason: 'no_target', policy: '仅处理时限' },
        },
      ]);
      expect(nextFireAt(r.row)).toBeNull();
    }
    expect(one(result, 'resolution').changes).toEqual([]);
    const none = reconcile(facts(received, { now }), undefined, list);
    expect(none.every((r) => r.row.cancelledAt?.getTime() === now.getTime())).toBe(true);
    expect(none.map((r) => r.changes[0]?.after)).toEqual(
      DEADLINE_KINDS.map(() => ({ reason: 'no_target', policy: null })),
    );
  });
});

// ——— The customer's own window ———

describe('reconcileDeadlines: the customer\'s own window ("call me after the 13th")', () => {
  const received = at('2026-10-08 10:00');
  const created = rows(reconcile(facts(received), NORMAL));
  const window: CustomerWindow = { notBefore: at('2026-10-13 09:00'), dueAt: at('2026-10-14 18:00') };
  const deferredFacts = facts(received, { now: at('2026-10-08 11:00'), customerWindows: [window] });
  const deferred = reconcile(deferredFacts, NORMAL, created);

  it.each([
    ['first_contact', '2026-10-09 10:00'],
    ['reply', '2026-10-12 10:00'],
  ] as const)(
    '%s: deferred from %s to the end of the window, warning when the window opens',
    (kind, oldDue) => {
      const r = one(deferred, kind);
      expect(r.changes).toEqual([
        {
          action: 'deferred',
          before: {
            dueAt: iso(oldDue),
            policyId: 'p-normal',
            target: kind === 'reply' ? { workingDays: 3 } : { workingDays: 1 },
          },
          after: {
            kind,
            dueAt: window.dueAt.toISOString(),
            policy: '一般投诉',
            target: kind === 'reply' ? { workingDays: 3 } : { workingDays: 1 },
            provisional: false,
          },
        },
      ]);
      expect(r.row.deferredTo).toEqual(window.dueAt);
      expect(r.row.warnAt).toEqual(window.notBefore);
      expect(deadlineState(r.row, at('2026-10-12 17:00'))).toBe('running');
      expect(deadlineState(r.row, at('2026-10-13 09:00'))).toBe('at_risk');
    },
  );

  it('acceptance and resolution are not moved', () => {
    expect(one(deferred, 'acceptance').changes).toEqual([]);
    expect(one(deferred, 'resolution').changes).toEqual([]);
    expect(one(deferred, 'resolution').row.deferredTo).toBeNull();
  });

  it('a window that ends before the policy due changes nothing', () => {
    const early: CustomerWindow = { notBefore: at('2026-10-08 14:00'), dueAt: at('2026-10-08 17:00') };
    const result = reconcile({ ...deferredFacts, customerWindows: [early] }, NORMAL, created);
    expect(result.every((r) => r.changes.length === 0)).toBe(true);
    expect(rows(result)).toEqual(created);
  });

  it('of several windows, the latest due wins; the warning waits for the latest opening before it', () => {
    const windows: CustomerWindow[] = [
      window,
      { notBefore: at('2026-10-15 09:00'), dueAt: at('2026-10-16 12:00') },
      { notBefore: at('2026-10-19 09:00'), dueAt: at('2026-10-20 12:00') },
    ];
    const r = one(reconcile({ ...deferredFacts, customerWindows: windows }, NORMAL, created), 'reply');
    expect(local(r.row.dueAt)).toBe('2026-10-20 12:00');
    expect(local(r.row.warnAt)).toBe('2026-10-19 09:00');
  });

  it('kept within the window: met on time, with the deferred due', () => {
    const f = {
      ...deferredFacts,
      now: at('2026-10-13 10:00'),
      contacts: [contact('2026-10-13 10:00', 'callback')],
    };
    const result = reconcile(f, NORMAL, rows(deferred));
    for (const kind of ['first_contact', 'reply'] as const) {
      expect(one(result, kind).changes).toEqual([
        {
          action: 'met',
          before: null,
          after: { kind, dueAt: window.dueAt.toISOString(), metAt: iso('2026-10-13 10:00'), late: false },
        },
      ]);
    }
  });

  it('the window withdrawn: back to the policy due, a recomputation (not a deferral)', () => {
    const r = one(reconcile({ ...deferredFacts, customerWindows: [] }, NORMAL, rows(deferred)), 'reply');
    expect(r.changes.map((c) => c.action)).toEqual(['recomputed']);
    expect(r.row.deferredTo).toBeNull();
    expect(local(r.row.dueAt)).toBe('2026-10-12 10:00');
    expect(local(r.row.warnAt)).toBe('2026-10-10 12:15'); // 27 h × 75 % from 10-08 10:00
  });

  it('a breached contact deadline deferred into the future is no longer breached', () => {
    const swept = timerSweep(created, at('2026-10-09 11:00')); // first contact breached at 10-09 10:00
    const f = { ...deferredFacts, now: at('2026-10-09 11:00') };
    const r = one(reconcile(f, NORMAL, swept), 'first_contact');
    expect(r.changes.map((c) => c.action)).toEqual(['deferred']);
    expect(r.row.breachedAt).toBeNull();
    expect(r.row.warnedAt).toBeNull();
    expect(nextFireAt(r.row)).toEqual(window.notBefore);
  });
});

// ——— Closing and reopening ———

describe('reconcileDeadlines: closing cancels, reopening restarts the resolution', () => {
  const received = at('2026-09-30 10:00');

  it('closed: open deadlines are cancelled, a breach stays on record, met ones are untouched', () => {
    let list = rows(
      reconcile(
        facts(received, {
          now: at('2026-09-30 10:30'),
          status: 'accepted',
          acceptedAt: at('2026-09-30 10:30'),
          contacts: [contact('2026-09-30 11:00', 'clarify')],
        }),
        NORMAL,
      ),
    );
    // acceptance and first contact met at creation; reply and resolution open.
    const now = at('2026-10-21 10:00');
    list = timerSweep(list, now); // reply (10-10) and resolution (10-20) breached
    list = list.map((d) => (d.kind === 'reply' ? { ...d, breachedAt: null, warnedAt: null } : d));
    const f = facts(received, {
      now,
      status: 'closed',
      acceptedAt: at('2026-09-30 10:30'),
      contacts: [contact('2026-09-30 11:00', 'clarify')],
    });
    const result = reconcile(f, NORMAL, list);
    expect(one(result, 'acceptance').changes).toEqual([]);
    expect(one(result, 'first_contact').changes).toEqual([]);
    expect(one(result, 'resolution').changes).toEqual([
      {
        action: 'cancelled',
        before: { dueAt: iso('2026-10-20 10:00') },
        after: { reason: 'closed', breached: true },
      },
    ]);
    expect(one(result, 'reply').changes).toEqual([
      {
        action: 'cancelled',
        before: { dueAt: iso('2026-10-10 10:00') },
        after: { reason: 'closed', breached: false },
      },
    ]);
    const resolution = one(result, 'resolution').row;
    expect(resolution.cancelledAt).toEqual(now);
    expect(resolution.breachedAt).toEqual(at('2026-10-20 10:00'));
    expect(deadlineState(resolution, now)).toBe('cancelled');
    expect(nextFireAt(resolution)).toBeNull();
    expect(nextOpenDeadline(rows(result))).toBeUndefined();
    // Closed again: nothing more happens.
    expect(reconcile(f, NORMAL, rows(result)).every((r) => r.changes.length === 0)).toBe(true);
  });

  it('reopened: the resolution restarts at the reopening; resolved again later is late', () => {
    const p = policy({ resolution: { workingDays: 5 } });
    const start = at('2026-10-08 10:00');
    const created = rows(reconcile(facts(start), p));
    const resolvedFacts = facts(start, {
      now: at('2026-10-12 15:00'),
      status: 'resolved',
      resolvedAt: at('2026-10-12 15:00'),
    });
    const resolved = reconcile(resolvedFacts, p, created);
    expect(one(resolved, 'resolution').changes[0]).toMatchObject({ action: 'met', after: { late: false } });

    const reopenAt = at('2026-10-16 10:00');
    const reopenFacts = facts(start, { now: reopenAt, status: 'in_progress', resolvedAt: null });
    const reopened = one(reconcile(reopenFacts, p, timerSweep(rows(resolved), reopenAt)), 'resolution');
    expect(reopened.changes).toEqual([
      {
        action: 'reopened',
        before: { metAt: iso('2026-10-12 15:00') },
        after: { startAt: iso('2026-10-16 10:00') },
      },
      {
        action: 'recomputed',
        before: { dueAt: iso('2026-10-14 10:00'), policyId: 'p-normal', target: { workingDays: 5 } },
        after: {
          kind: 'resolution',
          dueAt: iso('2026-10-23 10:00'),
          policy: '一般投诉',
          target: { workingDays: 5 },
          provisional: false,
        },
      },
    ]);
    expect(reopened.row).toMatchObject({
      startAt: reopenAt,
      metAt: null,
      cancelledAt: null,
      warnedAt: null,
      breachedAt: null,
      pausedMs: 0,
    });
    expect(deadlineState(reopened.row, at('2026-10-19 10:00'))).toBe('running');
    // Reconciling the reopened complaint again changes nothing.
    expect(one(reconcile(reopenFacts, p, [reopened.row]), 'resolution').changes).toEqual([]);

    const again = one(
      reconcile(
        facts(start, { now: at('2026-10-26 09:30'), status: 'resolved', resolvedAt: at('2026-10-26 09:30') }),
        p,
        [reopened.row],
      ),
      'resolution',
    );
    expect(again.changes).toEqual([
      {
        action: 'met',
        before: null,
        after: {
          kind: 'resolution',
          dueAt: iso('2026-10-23 10:00'),
          metAt: iso('2026-10-26 09:30'),
          late: true,
        },
      },
    ]);
  });

  it('a resolved complaint being followed up (status resolved) is not reopened', () => {
    const p = policy({ resolution: { workingDays: 5 } });
    const start = at('2026-10-08 10:00');
    const f = facts(start, {
      now: at('2026-10-12 15:00'),
      status: 'resolved',
      resolvedAt: at('2026-10-12 15:00'),
    });
    const met = rows(reconcile(f, p, rows(reconcile(facts(start), p))));
    expect(reconcile({ ...f, now: at('2026-10-20 10:00') }, p, met)[0]?.changes).toEqual([]);
  });
});

// ——— Timer helpers ———

describe('nextFireAt, deadlineState, nextOpenDeadline, warnInstant, recipients', () => {
  const d = stored();
  it.each([
    ['running: the warning first', {}, '2026-10-09 12:15'],
    ['warned: the due next', { warnedAt: at('2026-10-09 12:15') }, '2026-10-10 10:00'],
    [
      'warned and breached: nothing',
      { warnedAt: at('2026-10-09 12:15'), breachedAt: at('2026-10-10 10:00') },
      null,
    ],
    [
      'breached without warning (the warning at the due): nothing',
      { warnAt: at('2026-10-10 10:00'), breachedAt: at('2026-10-10 10:00') },
      null,
    ],
    ['warning at the due: the due', { warnAt: at('2026-10-10 10:00') }, '2026-10-10 10:00'],
    ['met: nothing', { metAt: at('2026-10-09 09:00') }, null],
    ['cancelled: nothing', { cancelledAt: at('2026-10-09 09:00') }, null],
    ['paused: nothing', { pausedAt: at('2026-10-09 09:00') }, null],
  ] as Array<[string, Partial<StoredDeadline>, string | null]>)('nextFireAt %s', (_n, over, expected) => {
    const got = nextFireAt({ ...d, ...over });
    expect(got && local(got)).toBe(expected);
  });

  it.each([
    ['before the warning', {}, '2026-10-09 12:14', 'running'],
    ['at the warning', {}, '2026-10-09 12:15', 'at_risk'],
    ['at the due', {}, '2026-10-10 10:00', 'breached'],
    [
      'stamped breached, looked at earlier',
      { breachedAt: at('2026-10-10 10:00') },
      '2026-10-01 00:00',
      'breached',
    ],
    ['paused past the due', { pausedAt: at('2026-10-09 09:00') }, '2026-11-01 00:00', 'paused'],
    [
      'breached then paused stays breached',
      { pausedAt: at('2026-10-11 09:00'), breachedAt: at('2026-10-10 10:00') },
      '2026-10-12 00:00',
      'breached',
    ],
    [
      'met wins over everything',
      { metAt: at('2026-10-11 09:00'), breachedAt: at('2026-10-10 10:00') },
      '2026-10-12 00:00',
      'met',
    ],
    [
      'cancelled wins over breached',
      { cancelledAt: at('2026-10-11 09:00'), breachedAt: at('2026-10-10 10:00') },
      '2026-10-12 00:00',
      'cancelled',
    ],
  ] as Array<[string, Partial<StoredDeadline>, string, string]>)(
    'deadlineState %s',
    (_n, over, now, expected) => {
      expect(deadlineState({ ...d, ...over }, at(now))).toBe(expected);
    },
  );

  it('nextOpenDeadline: the earliest due among the running and breached ones', () => {
    const a = stored({
      id: 'a',
      kind: 'acceptance',
      dueAt: at('2026-09-30 14:00'),
      metAt: at('2026-09-30 10:30'),
    });
    const b = stored({
      id: 'b',
      kind: 'first_contact',
      dueAt: at('2026-10-08 10:00'),
      breachedAt: at('2026-10-08 10:00'),
    });
    const c = stored({
      id: 'c',
      kind: 'reply',
      dueAt: at('2026-10-06 10:00'),
      pausedAt: at('2026-10-05 10:00'),
    });
    const e = stored({ id: 'e', kind: 'resolution', dueAt: at('2026-10-20 10:00') });
    const f = stored({
      id: 'f',
      kind: 'resolution',
      dueAt: at('2026-10-01 10:00'),
      cancelledAt: at('2026-10-01 09:00'),
    });
    expect(nextOpenDeadline([a, b, c, e, f])?.id).toBe('b');
    expect(nextOpenDeadline([e, a])?.id).toBe('e');
    expect(nextOpenDeadline([a, c, f])).toBeUndefined();
    expect(nextOpenDeadline([])).toBeUndefined();
    const tie = stored({ id: 'g', dueAt: at('2026-10-20 10:00') });
    expect(nextOpenDeadline([e, tie])?.id).toBe('e');
  });

  it.each([
    ['0 %: the start', { workingDays: 3 }, 0, '2026-09-30 10:00'],
    ['75 % of 27 working hours', { workingDays: 3 }, 75, '2026-10-09 12:15'],
    ['100 %: the due', { workingDays: 3 }, 100, '2026-10-10 10:00'],
    ['over 100 %: never after the due', { workingDays: 3 }, 150, '2026-10-10 10:00'],
    ['calendar hours: clock time, holidays included', { calendarHours: 240 }, 50, '2026-10-05 10:00'],
  ] as Array<[string, DurationSpec, number, string]>)('warnInstant %s', (_n, spec, percent, expected) => {
    const due = at('2026-10-10 10:00');
    expect(local(warnInstant(noLunchCal, spec, at('2026-09-30 10:00'), due, percent))).toBe(expected);
  });

  it('warnInstant: a due at or before the start is the warning', () => {
    expect(
      warnInstant(noLunchCal, { workingDays: 1 }, at('2026-10-09 10:00'), at('2026-10-09 10:00'), 75),
    ).toEqual(at('2026-10-09 10:00'));
    expect(
      warnInstant(noLunchCal, { workingDays: 1 }, at('2026-10-09 10:00'), at('2026-10-08 10:00'), 75),
    ).toEqual(at('2026-10-08 10:00'));
  });

  it('recipients: handler, owner and supervisors once each, in order, without blanks', () => {
    expect(recipients(['u-handler', 'u-owner', null, 'u-handler', undefined, 'u-sup', 'u-owner'])).toEqual([
      'u-handler',
      'u-owner',
      'u-sup',
    ]);
    expect(recipients([null, undefined])).toEqual([]);
    expect(recipients([])).toEqual([]);
  });
});

// ——— Properties ———

const FROM = Date.parse('2026-01-01T00:00:00+08:00');
const UNTIL = Date.parse('2026-12-01T00:00:00+08:00');
const instant2026 = fc
  .integer({ min: FROM, max: UNTIL })
  .map((ms) => new Date(Math.floor(ms / MINUTE) * MINUTE));
const durationSpec: fc.Arbitrary<DurationSpec> = fc.oneof(
  fc.integer({ min: 0, max: 10 }).map((n) => ({ workingDays: n })),
  fc.integer({ min: 1, max: 40 }).map((n) => ({ workingHours: n })),
  fc.integer({ min: 1, max: 120 }).map((n) => ({ calendarHours: n })),
);
const targetSpec: fc.Arbitrary<TargetSpec> = fc
  .tuple(durationSpec, fc.constantFrom(undefined, 'standard', 'front_line'))
  .map(([d, calendarId]) => (calendarId ? { ...d, calendarId } : d));
const targets: fc.Arbitrary<PolicyTargets> = fc.record(
  { acceptance: targetSpec, first_contact: targetSpec, reply: targetSpec, resolution: targetSpec },
  { requiredKeys: [] },
);
const somePolicy = fc
  .tuple(targets, fc.constantFrom('standard', 'front_line'), fc.integer({ min: 0, max: 100 }))
  .map(([t, calendarId, warnPercent]) => policy(t, { calendarId, warnPercent }));

describe('properties', () => {
  it('a pause never brings a due forward; resumed due = old due + the paused (working) time', () => {
    fc.assert(
      fc.property(
        somePolicy,
        instant2026,
        fc.integer({ min: 0, max: 20 * DAY }),
        fc.integer({ min: 0, max: 10 * DAY }),
        (p, received, pauseAfter, pauseFor) => {
          const pausedAt = new Date(received.getTime() + Math.floor(pauseAfter / MINUTE) * MINUTE);
          const resumedAt = new Date(pausedAt.getTime() + Math.floor(pauseFor / MINUTE) * MINUTE);
          const created = rows(reconcile(facts(received), p));
          const paused = rows(
            reconcile(facts(received, { now: pausedAt, pausedAt, status: 'in_progress' }), p, created),
          );
          const resumed = rows(
            reconcile(facts(received, { now: resumedAt, status: 'in_progress' }), p, paused),
          );
          for (const before of created) {
            const mid = paused.find((d) => d.id === before.id) as StoredDeadline;
            const after = resumed.find((d) => d.id === before.id) as StoredDeadline;
            expect(after.dueAt.getTime()).toBeGreaterThanOrEqual(before.dueAt.getTime());
            expect(after.pausedAt).toBeNull();
            expect(after.warnAt.getTime()).toBeLessThanOrEqual(after.dueAt.getTime());
            expect(after.warnAt.getTime()).toBeGreaterThanOrEqual(after.startAt.getTime());
            if (!mid.pausedAt) {
              // Due at or before the pause: it ran on (and is not moved).
              expect(before.dueAt.getTime()).toBeLessThanOrEqual(pausedAt.getTime());
              expect(after.dueAt).toEqual(before.dueAt);
              continue;
            }
            const cal = calendar(before.calendarId);
            if ('calendarHours' in before.target) {
              expect(after.pausedMs).toBe(resumedAt.getTime() - pausedAt.getTime());
              expect(after.dueAt.getTime()).toBe(before.dueAt.getTime() + after.pausedMs);
            } else {
              const ms = workingMillisBetween(cal, pausedAt, resumedAt);
              expect(after.pausedMs).toBe(ms);
              expect(after.dueAt).toEqual(ms > 0 ? addWorkingMillis(cal, before.dueAt, ms).at : before.dueAt);
            }
          }
        },
      ),
      RUNS,
    );
  });

  const contactArb: fc.Arbitrary<ContactFact> = fc.record({
    startedAt: instant2026,
    outcome: fc.constantFrom<ContactOutcome>(...CONTACT_OUTCOMES),
    purpose: fc.constantFrom<ContactPurpose>(...CONTACT_PURPOSES),
  });
  const windowArb: fc.Arbitrary<CustomerWindow> = fc
    .tuple(instant2026, fc.integer({ min: 0, max: 10 * DAY }))
    .map(([notBefore, len]) => ({ notBefore, dueAt: new Date(notBefore.getTime() + len) }));
  /** Later facts about the same complaint: any status, contacts, windows, pause. */
  const laterFacts = (received: Date, withPause: boolean) =>
    fc
      .record({
        nowAfter: fc.integer({ min: 0, max: 30 * DAY }),
        status: fc.constantFrom<ComplaintStatus>(...COMPLAINT_STATUSES),
        channel: fc.constantFrom<Channel>(...CHANNELS),
        accepted: fc.option(fc.integer({ min: 0, max: 5 * DAY }), { nil: null }),
        resolved: fc.option(fc.integer({ min: 0, max: 30 * DAY }), { nil: null }),
        paused: fc.option(fc.integer({ min: 0, max: 30 * DAY }), { nil: null }),
        contacts: fc.array(contactArb, { maxLength: 4 }),
        windows: fc.array(windowArb, { maxLength: 2 }),
      })
      .map((g) => {
        const plus = (ms: number) => new Date(received.getTime() + Math.floor(ms / MINUTE) * MINUTE);
        const now = plus(g.nowAfter);
        return facts(received, {
          now,
          status: g.status,
          channel: g.channel,
          acceptedAt: g.accepted === null ? null : plus(g.accepted),
          resolvedAt: g.resolved === null ? null : plus(g.resolved),
          pausedAt: withPause && g.paused !== null && plus(g.paused) <= now ? plus(g.paused) : null,
          contacts: g.contacts,
          customerWindows: g.windows,
        });
      });

  /** A second policy over the same kinds (some dropped, some with other targets): no new kinds. */
  const changedPolicy = (p: SlaPolicy) =>
    fc
      .record({
        t: targets,
        keep: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
        warnPercent: fc.integer({ min: 0, max: 100 }),
      })
      .map(({ t, keep, warnPercent }) => {
        const next: PolicyTargets = {};
        DEADLINE_KINDS.forEach((k, i) => {
          const old = p.targets[k];
          if (old && keep[i] !== false) next[k] = t[k] ?? old;
        });
        return policy(next, { id: 'p-2', name: '变更后', warnPercent });
      });

  it('reconcile is idempotent: the result reconciled again with the same facts changes nothing', () => {
    fc.assert(
      fc.property(
        somePolicy.chain((p) =>
          fc.tuple(
            fc.constant(p),
            fc.oneof(fc.constant(p), changedPolicy(p)),
            instant2026.chain((received) =>
              fc.tuple(fc.constant(received), laterFacts(received, false), laterFacts(received, true)),
            ),
          ),
        ),
        ([p1, p2, [received, f1, f2]]) => {
          // 1. intake; 2. later facts (no pause); the timer sweeps;
          // 3. still later facts, perhaps under another policy, perhaps paused.
          const first = rows(reconcile(facts(received), p1));
          const second = timerSweep(rows(reconcile(f1, p1, first)), f1.now);
          const f3 = { ...f2, now: new Date(Math.max(f2.now.getTime(), f1.now.getTime())) };
          const third = reconcile(f3, p2, second);
          const fourth = reconcile(f3, p2, rows(third));
          for (const r of fourth) expect(r.changes).toEqual([]);
          expect(rows(fourth)).toEqual(rows(third));
          for (const d of rows(third)) expect(d.warnAt.getTime()).toBeLessThanOrEqual(d.dueAt.getTime());
        },
      ),
      RUNS,
    );
  });

  it('intake (or a first policy) is idempotent, the complaint waiting for the customer or not', () => {
    fc.assert(
      fc.property(
        somePolicy,
        instant2026.chain((received) => laterFacts(received, true)),
        (p, f) => {
          const first = reconcile(f, p);
          const again = reconcile(f, p, rows(first));
          for (const r of again) expect(r.changes).toEqual([]);
          expect(rows(again)).toEqual(rows(first));
        },
      ),
      RUNS,
    );
  });

  // Once a bug: a deadline created while the complaint was paused was not paused until the
  // next reconcile, so reconcile was not idempotent then.
  it('a deadline created while the complaint waits for the customer is paused at once', () => {
    const received = at('2026-10-08 10:00');
    const p = policy({ reply: { workingDays: 3 } });
    const f = facts(received, {
      now: at('2026-10-09 11:00'),
      status: 'in_progress',
      pausedAt: at('2026-10-09 10:00'),
    });
    const first = reconcile(f, p);
    const again = reconcile(f, p, rows(first));
    expect(again[0]?.changes).toEqual([]);
    expect(first[0]?.row.pausedAt).toEqual(at('2026-10-09 10:00'));
    expect(first[0]?.changes.map((c) => c.action)).toEqual(['set']);
    // Resumed at 10-09 15:00: the 5 working hours since the pause are added to the due.
    const resumed = one(
      reconcile({ ...f, now: at('2026-10-09 15:00'), pausedAt: null }, p, rows(first)),
      'reply',
    );
    expect(resumed.row.pausedMs).toBe(5 * HOUR);
    expect(local(resumed.row.dueAt)).toBe('2026-10-12 15:00');
  });

  it('created during a pause: not paused when already met, or when due before the pause began', () => {
    const received = at('2026-10-08 10:00');
    const p = policy({ first_contact: { workingHours: 4 }, reply: { workingDays: 3 } });
    const pausedAt = at('2026-10-09 10:00');
    const live = reconcile(facts(received, { now: pausedAt, pausedAt, channel: 'phone_in' }), p);
    expect(one(live, 'first_contact').row).toMatchObject({ metAt: received, pausedAt: null });
    expect(one(live, 'reply').row.pausedAt).toEqual(pausedAt);
    // On the web, first contact was due 10-08 14:00, before the pause: it runs on (breached).
    const web = reconcile(facts(received, { now: pausedAt, pausedAt }), p);
    expect(one(web, 'first_contact').row.pausedAt).toBeNull();
    expect(deadlineState(one(web, 'first_contact').row, pausedAt)).toBe('breached');
    expect(one(web, 'reply').row.pausedAt).toEqual(pausedAt);
  });

  const storedArb: fc.Arbitrary<StoredDeadline> = fc
    .record({
      due: instant2026,
      warnBefore: fc.integer({ min: 0, max: 5 * DAY }),
      warned: fc.boolean(),
      breached: fc.boolean(),
      met: fc.boolean(),
      cancelled: fc.boolean(),
      paused: fc.boolean(),
    })
    .map((g) => {
      const warnAt = new Date(g.due.getTime() - g.warnBefore);
      return stored({
        dueAt: g.due,
        warnAt,
        startAt: new Date(warnAt.getTime() - DAY),
        // The timer stamps the warning (silently, if late) whenever it stamps the breach.
        warnedAt: g.warned || g.breached ? warnAt : null,
        breachedAt: g.breached ? g.due : null,
        metAt: g.met ? g.due : null,
        cancelledAt: g.cancelled ? g.due : null,
        pausedAt: g.paused ? warnAt : null,
      });
    });

  it('nextFireAt: null when met, cancelled or paused; otherwise within [warnAt, dueAt], null only once breached', () => {
    fc.assert(
      fc.property(storedArb, (d) => {
        const next = nextFireAt(d);
        if (d.metAt || d.cancelledAt || d.pausedAt) {
          expect(next).toBeNull();
          return;
        }
        if (d.breachedAt) {
          expect(next).toBeNull();
          return;
        }
        expect(next).not.toBeNull();
        expect((next as Date).getTime()).toBeGreaterThanOrEqual(d.warnAt.getTime());
        expect((next as Date).getTime()).toBeLessThanOrEqual(d.dueAt.getTime());
        if (!d.warnedAt && d.warnAt < d.dueAt) expect(next).toEqual(d.warnAt);
        else expect(next).toEqual(d.dueAt);
      }),
      { numRuns: 200 },
    );
  });

  it('deadlineState over time: running → at_risk → breached for an open, unstamped deadline', () => {
    fc.assert(
      fc.property(storedArb, fc.integer({ min: -6 * DAY, max: DAY }), (d0, offset) => {
        const d = { ...d0, warnedAt: null, breachedAt: null, metAt: null, cancelledAt: null, pausedAt: null };
        const now = new Date(d.dueAt.getTime() + offset);
        const expected = now >= d.dueAt ? 'breached' : now >= d.warnAt ? 'at_risk' : 'running';
        expect(deadlineState(d, now)).toBe(expected);
      }),
      { numRuns: 200 },
    );
  });
});
