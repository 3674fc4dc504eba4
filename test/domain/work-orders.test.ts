// Department work orders (src/domain/work-orders.ts): who may answer and pass, the outcomes, more
// time, passing on and the 打太极 flag, cancelling, the timers and the state a person sees; and
// the WORK_ORDERS_OPEN guard of the complaint lifecycle. Instants in Asia/Shanghai, 2026.
import { describe, expect, it } from 'vitest';
import { type ComplaintSnapshot, decideTransition } from '../../src/domain/complaint-lifecycle.ts';
import {
  cancelRefusal,
  decideAnswer,
  decidePass,
  dueRefusal,
  extensionRefusal,
  isOrderDepartment,
  retimedStamps,
  sendRefusal,
  type WorkOrderActor,
  type WorkOrderFacts,
  type WorkOrderState,
  workOrderNextFire,
  workOrderState,
  workOrderWarnAt,
} from '../../src/domain/work-orders.ts';
import { addWorkingDays } from '../../src/domain/working-calendar.ts';
import { at, local, noLunchCal } from './working-calendar-fixtures.ts';

const BILLING = '00000000-0000-4000-8000-00000000b111';
const NETWORK = '00000000-0000-4000-8000-00000000e222';
const LOGISTICS = '00000000-0000-4000-8000-00000000c333';

function order(over: Partial<WorkOrderFacts> = {}): WorkOrderFacts {
  return {
    status: 'open',
    departmentId: BILLING,
    dueAt: at('2026-10-12 10:00'),
    warnAt: at('2026-10-09 12:15'),
    requestedDueAt: null,
    passCount: 0,
    warnedAt: null,
    breachedAt: null,
    flaggedAt: null,
    ...over,
  };
}

const billingStaff: WorkOrderActor = { role: 'department', departmentId: BILLING };
const networkStaff: WorkOrderActor = { role: 'department', departmentId: NETWORK };
const now = at('2026-10-09 09:30');

describe('who answers', () => {
  const cases: Array<[string, WorkOrderActor, boolean]> = [
    ['staff of its department', billingStaff, true],
    ['staff of another department', networkStaff, false],
    ['department staff without a department', { role: 'department', departmentId: null }, false],
    ['an agent', { role: 'agent' }, false],
    ['a supervisor', { role: 'supervisor' }, false],
    ['an admin with the same department id', { role: 'admin', departmentId: BILLING }, false],
  ];
  it.each(cases)('%s → %s', (_name, actor, expected) => {
    expect(isOrderDepartment(actor, order())).toBe(expected);
    const d = decideAnswer(order(), actor, { outcome: 'done' }, now);
    expect(d.ok).toBe(expected);
    // Outside its department the order does not exist.
    if (!d.ok) expect(d.refusal.code).toBe('NOT_FOUND');
  });
});

describe('answers', () => {
  type Case = [string, Partial<WorkOrderFacts>, Parameters<typeof decideAnswer>[2], string];
  const cases: Case[] = [
    ['done answers it', {}, { outcome: 'done' }, 'answered:done'],
    ['verified facts answer it', {}, { outcome: 'verified' }, 'answered:verified'],
    ['cannot answers it', {}, { outcome: 'cannot' }, 'answered:cannot'],
    ['late answers count', { breachedAt: at('2026-10-08 10:00') }, { outcome: 'done' }, 'answered:done'],
    [
      'more time with a later date',
      {},
      { outcome: 'more_time', newDueAt: at('2026-10-14 18:00') },
      'more_time:2026-10-14 18:00',
    ],
    [
      'more time may replace an earlier request',
      { requestedDueAt: at('2026-10-13 18:00') },
      { outcome: 'more_time', newDueAt: at('2026-10-15 18:00') },
      'more_time:2026-10-15 18:00',
    ],
    ['more time without a date', {}, { outcome: 'more_time' }, 'VALIDATION_FAILED:newDueAt'],
    [
      'more time at the current due time',
      {},
      { outcome: 'more_time', newDueAt: at('2026-10-12 10:00') },
      'VALIDATION_FAILED:newDueAt',
    ],
    [
      'more time before the current due time',
      {},
      { outcome: 'more_time', newDueAt: at('2026-10-10 10:00') },
      'VALIDATION_FAILED:newDueAt',
    ],
    [
      'more time over a year ahead',
      {},
      { outcome: 'more_time', newDueAt: at('2027-11-01 10:00') },
      'VALIDATION_FAILED:newDueAt',
    ],
    [
      'a new date with a final answer',
      {},
      { outcome: 'done', newDueAt: at('2026-10-14 18:00') },
      'VALIDATION_FAILED:newDueAt',
    ],
    ['an answered order', { status: 'answered' }, { outcome: 'done' }, 'WORK_ORDER_CLOSED'],
    ['a cancelled order', { status: 'cancelled' }, { outcome: 'cannot' }, 'WORK_ORDER_CLOSED'],
  ];
  it.each(cases)('%s', (_name, over, input, expected) => {
    const d = decideAnswer(order(over), billingStaff, input, now);
    if (d.ok) {
      const e = d.effect;
      expect(e.kind === 'answered' ? `answered:${e.outcome}` : `more_time:${local(e.requestedDueAt)}`).toBe(
        expected,
      );
    } else {
      const issues = d.refusal.details?.issues as Array<{ field: string }> | undefined;
      expect(issues ? `${d.refusal.code}:${issues[0]?.field}` : d.refusal.code).toBe(expected);
    }
  });
});

describe('passing on (打太极)', () => {
  const active = { active: true };
  it('goes to another, active department and counts', () => {
    const d = decidePass(order(), billingStaff, NETWORK, active);
    expect(d).toEqual({ ok: true, effect: { passCount: 1, bounced: false, firstFlag: false } });
  });

  it.each([
    [0, false, false],
    [1, false, false],
    [2, true, true],
    [3, true, false],
  ])('passed %i time(s) before: bounced %s, first flag %s', (before, bounced, firstFlag) => {
    const flaggedAt = before >= 3 ? at('2026-10-08 11:00') : null;
    const d = decidePass(order({ passCount: before, flaggedAt }), billingStaff, LOGISTICS, active);
    expect(d).toEqual({ ok: true, effect: { passCount: before + 1, bounced, firstFlag } });
  });

  it.each([
    ['to the same department', billingStaff, BILLING, active, {}, 'VALIDATION_FAILED'],
    ['to an inactive department', billingStaff, NETWORK, { active: false }, {}, 'VALIDATION_FAILED'],
    ['to an unknown department', billingStaff, NETWORK, undefined, {}, 'VALIDATION_FAILED'],
    ['by another department', networkStaff, LOGISTICS, active, {}, 'NOT_FOUND'],
    ['by an agent', { role: 'agent' } as WorkOrderActor, LOGISTICS, active, {}, 'NOT_FOUND'],
    ['once answered', billingStaff, NETWORK, active, { status: 'answered' as const }, 'WORK_ORDER_CLOSED'],
  ])('refused %s', (_name, actor, to, dept, over, code) => {
    const d = decidePass(order(over), actor, to, dept);
    expect(d.ok ? 'ok' : d.refusal.code).toBe(code);
  });
});

describe('the handler: extension and cancel', () => {
  it('decides only on a pending request for more time', () => {
    expect(extensionRefusal(order({ requestedDueAt: at('2026-10-14 18:00') }))).toBeNull();
    expect(extensionRefusal(order())?.code).toBe('INVALID_TRANSITION');
    expect(extensionRefusal(order({ status: 'answered', requestedDueAt: null }))?.code).toBe(
      'WORK_ORDER_CLOSED',
    );
  });

  it('cancels an open order with a reason', () => {
    expect(cancelRefusal(order(), '客户已撤诉')).toBeNull();
    expect(cancelRefusal(order(), '  ')?.code).toBe('REASON_REQUIRED');
    expect(cancelRefusal(order({ status: 'cancelled' }), 'again')?.code).toBe('WORK_ORDER_CLOSED');
  });
});

describe('sending', () => {
  it('needs an open complaint and an active department', () => {
    expect(sendRefusal('in_progress', { active: true })).toBeNull();
    expect(sendRefusal('resolved', { active: true })).toBeNull();
    expect(sendRefusal('closed', { active: true })?.code).toBe('COMPLAINT_CLOSED');
    expect(sendRefusal('accepted', { active: false })?.details?.issues).toEqual([
      { field: 'departmentId', message: 'unknown or inactive department' },
    ]);
    expect(sendRefusal('accepted', undefined)?.code).toBe('VALIDATION_FAILED');
  });

  it('wants a due time ahead and within a year', () => {
    expect(dueRefusal('due', at('2026-10-09 10:00'), now)).toBeNull();
    expect(dueRefusal('due', now, now)?.code).toBe('VALIDATION_FAILED');
    expect(dueRefusal('due', at('2027-10-12 10:00'), now)?.details?.issues).toEqual([
      { field: 'due', message: 'must lie within a year' },
    ]);
  });
});

describe('timers', () => {
  it('warns at 75 % of the working time, across 国庆', () => {
    const sent = at('2026-09-30 10:00');
    const due = addWorkingDays(noLunchCal, sent, 2).at;
    expect(local(due)).toBe('2026-10-09 10:00');
    // 8 + 9 + 1 = 18 working hours; 75 % is 13 h 30 min: 10-08 at 14:30.
    expect(local(workOrderWarnAt(noLunchCal, sent, due))).toBe('2026-10-08 14:30');
  });

  it('warns in clock time when no working time lies between (sent after hours, due tonight)', () => {
    expect(local(workOrderWarnAt(noLunchCal, at('2026-10-09 18:30'), at('2026-10-09 22:30')))).toBe(
      '2026-10-09 21:30',
    );
    const t = at('2026-10-09 18:30');
    expect(workOrderWarnAt(noLunchCal, t, t)).toEqual(t);
  });

  it('looks at the warning, then the due time, then never', () => {
    const o = order();
    expect(workOrderNextFire(o)).toEqual(o.warnAt);
    expect(workOrderNextFire({ ...o, warnedAt: o.warnAt })).toEqual(o.dueAt);
    expect(workOrderNextFire({ ...o, warnedAt: o.warnAt, breachedAt: o.dueAt })).toBeNull();
    expect(workOrderNextFire({ ...o, warnAt: o.dueAt })).toEqual(o.dueAt);
    expect(workOrderNextFire({ ...o, status: 'answered' })).toBeNull();
    expect(workOrderNextFire({ ...o, status: 'cancelled' })).toBeNull();
  });

  it('a moved due time clears a warning or breach only when the new time lies ahead', () => {
    const stamped = { warnedAt: at('2026-10-09 12:15'), breachedAt: at('2026-10-12 10:00') };
    const later = at('2026-10-13 09:00');
    expect(retimedStamps(stamped, at('2026-10-13 12:00'), at('2026-10-14 18:00'), later)).toEqual({
      warnedAt: null,
      breachedAt: null,
    });
    expect(retimedStamps(stamped, at('2026-10-13 08:00'), at('2026-10-14 18:00'), later)).toEqual({
      warnedAt: stamped.warnedAt,
      breachedAt: null,
    });
  });
});

describe('the state a person sees', () => {
  const cases: Array<[string, Partial<WorkOrderFacts>, string, WorkOrderState]> = [
    ['before the warning', {}, '2026-10-09 09:00', 'open'],
    ['at the warning', {}, '2026-10-09 12:15', 'due_soon'],
    ['at the due time', {}, '2026-10-12 10:00', 'overdue'],
    [
      'breach stamped, due time moved ahead meanwhile',
      { breachedAt: at('2026-10-12 10:00') },
      '2026-10-09 09:00',
      'overdue',
    ],
    ['more time asked', { requestedDueAt: at('2026-10-14 18:00') }, '2026-10-09 09:00', 'waiting_extension'],
    [
      'more time asked, past due: the handler must act',
      { requestedDueAt: at('2026-10-14 18:00') },
      '2026-10-13 09:00',
      'waiting_extension',
    ],
    ['answered', { status: 'answered' }, '2026-10-13 09:00', 'answered'],
    [
      'cancelled',
      { status: 'cancelled', requestedDueAt: at('2026-10-14 18:00') },
      '2026-10-13 09:00',
      'cancelled',
    ],
  ];
  it.each(cases)('%s → %s', (_name, over, when, expected) => {
    expect(workOrderState(order(over), at(when))).toBe(expected);
  });
});

describe('the complaint cannot be resolved or closed while a work order is open', () => {
  const complaint = (status: ComplaintSnapshot['status'], openWorkOrderIds: string[]): ComplaintSnapshot => ({
    status,
    severity: 'normal',
    confirmed: true,
    summary: null,
    demands: [{ id: 'd1', status: 'fulfilled', customerInformed: true }],
    openWorkOrderIds,
    analysed: true,
  });

  it.each([
    ['resolve', 'in_progress'],
    ['resolve', 'accepted'],
    ['close', 'resolved'],
  ] as const)('%s from %s refused with WORK_ORDERS_OPEN naming the orders', (action, status) => {
    const d = decideTransition(complaint(status, ['w1', 'w2']), { action });
    expect(d.ok).toBe(false);
    if (d.ok) return;
    expect(d.refusal.code).toBe('WORK_ORDERS_OPEN');
    expect(d.refusal.details).toMatchObject({ rule: 'work_orders_answered', workOrderIds: ['w1', 'w2'] });
    expect(decideTransition(complaint(status, []), { action }).ok).toBe(true);
  });

  it('is listed beside the other reasons', () => {
    const d = decideTransition(
      {
        ...complaint('in_progress', ['w1']),
        demands: [{ id: 'd1', status: 'open', customerInformed: false }],
      },
      { action: 'resolve' },
    );
    expect(d.ok ? [] : d.violations.map((v) => v.code)).toEqual(['DEMANDS_OPEN', 'WORK_ORDERS_OPEN']);
  });

  it('does not stop a withdrawal', () => {
    expect(
      decideTransition(complaint('in_progress', ['w1']), { action: 'withdraw', reason: '客户撤诉' }).ok,
    ).toBe(true);
  });
});
