// Work orders in the workbench: the state now by the server's own rule, colours and countdowns,
// the list order, and the bodies of sending and answering one.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  WORK_ORDER_OUTCOMES as DOMAIN_OUTCOMES,
  WORK_ORDER_STATES as DOMAIN_STATES,
  workOrderState,
} from '../../src/domain/work-orders.ts';
import {
  answerRequest,
  EMPTY_ANSWER,
  EMPTY_SEND,
  liveWorkOrderState,
  sendRequest,
  sortWorkOrders,
  WORK_ORDER_OUTCOMES,
  WORK_ORDER_STATES,
  type WorkOrderLike,
  workOrderCountdown,
  workOrderDue,
  workOrderTone,
} from '../../web/src/lib/work-orders.ts';

const T0 = Date.UTC(2026, 10, 23, 2, 0); // Monday 10:00 in China
const iso = (ms: number) => new Date(ms).toISOString();
const H = 3_600_000;

const order = (over: Partial<WorkOrderLike> = {}): WorkOrderLike => ({
  status: 'open',
  dueAt: iso(T0 + 16 * H),
  warnAt: iso(T0 + 12 * H),
  requestedDueAt: null,
  breachedAt: null,
  ...over,
});

describe('the vocabularies are the server’s', () => {
  it('outcomes and states', () => {
    expect([...WORK_ORDER_OUTCOMES]).toEqual([...DOMAIN_OUTCOMES]);
    expect([...WORK_ORDER_STATES]).toEqual([...DOMAIN_STATES]);
  });
});

describe('liveWorkOrderState', () => {
  it.each<[string, Partial<WorkOrderLike>, number, string]>([
    ['running', {}, 0, 'open'],
    ['past the warning', {}, 13 * H, 'due_soon'],
    ['at the due time', {}, 16 * H, 'overdue'],
    ['breach already recorded', { breachedAt: iso(T0) }, 0, 'overdue'],
    ['more time asked, even when late', { requestedDueAt: iso(T0 + 40 * H) }, 20 * H, 'waiting_extension'],
    ['answered', { status: 'answered' }, 20 * H, 'answered'],
    ['cancelled', { status: 'cancelled' }, 0, 'cancelled'],
  ])('%s', (_, over, after, state) => {
    expect(liveWorkOrderState(order(over), new Date(T0 + after))).toBe(state);
  });

  it('agrees with the server’s rule for any order and moment', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('open', 'answered', 'cancelled'),
        fc.integer({ min: -48, max: 48 }),
        fc.integer({ min: 0, max: 48 }),
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: -60, max: 60 }),
        (status, dueH, warnBeforeH, asked, breached, nowH) => {
          const due = T0 + dueH * H;
          const o = order({
            status: status as WorkOrderLike['status'],
            dueAt: iso(due),
            warnAt: iso(due - warnBeforeH * H),
            requestedDueAt: asked ? iso(due + 24 * H) : null,
            breachedAt: breached ? iso(due) : null,
          });
          const now = new Date(T0 + nowH * H);
          const server = workOrderState(
            {
              status: o.status,
              dueAt: new Date(o.dueAt),
              warnAt: new Date(o.warnAt),
              requestedDueAt: o.requestedDueAt ? new Date(o.requestedDueAt) : null,
              breachedAt: o.breachedAt ? new Date(o.breachedAt) : null,
            },
            now,
          );
          expect(liveWorkOrderState(o, now)).toBe(server);
        },
      ),
    );
  });
});

describe('tone and countdown', () => {
  it('a colour family for every state', () => {
    expect(WORK_ORDER_STATES.map(workOrderTone)).toEqual([
      'running',
      'warning',
      'error',
      'warning',
      'success',
      'muted',
    ]);
  });

  it('counts down while open, over when late, nothing once answered', () => {
    expect(workOrderCountdown(order(), new Date(T0))).toEqual({
      key: 'countdown.left.hours',
      values: { hours: 16 },
    });
    expect(workOrderCountdown(order(), new Date(T0 + 17 * H + 30 * 60_000))).toEqual({
      key: 'countdown.over.hoursMinutes',
      values: { hours: 1, minutes: 30 },
    });
    expect(workOrderCountdown(order({ status: 'answered' }), new Date(T0))).toBeNull();
  });
});

describe('sortWorkOrders', () => {
  it('open ones first by due time, then the rest latest first', () => {
    const a = { ...order({ dueAt: iso(T0 + 5 * H) }), id: 'a' };
    const b = { ...order({ dueAt: iso(T0 + 2 * H) }), id: 'b' };
    const c = { ...order({ status: 'answered', dueAt: iso(T0 + H) }), id: 'c' };
    const d = { ...order({ status: 'cancelled', dueAt: iso(T0 + 9 * H) }), id: 'd' };
    expect(sortWorkOrders([c, a, d, b]).map((x) => x.id)).toEqual(['b', 'a', 'd', 'c']);
  });
});

describe('workOrderDue: within the server’s limits', () => {
  it.each<[Parameters<typeof workOrderDue>[0], unknown]>([
    [{ unit: 'workingDays', amount: 3, at: null }, { workingDays: 3 }],
    [{ unit: 'workingDays', amount: 1.5, at: null }, null],
    [{ unit: 'workingDays', amount: 61, at: null }, null],
    [{ unit: 'workingHours', amount: 4.5, at: null }, { workingHours: 4.5 }],
    [{ unit: 'workingHours', amount: 501, at: null }, null],
    [{ unit: 'workingHours', amount: 0, at: null }, null],
    [{ unit: 'calendarHours', amount: 4, at: null }, null],
    [{ unit: 'at', amount: null, at: '2026-11-25 18:00' }, { at: '2026-11-25T10:00:00.000Z' }],
    [{ unit: 'at', amount: null, at: '2026-02-30 18:00' }, null],
  ])('%j → %j', (draft, expected) => {
    expect(workOrderDue(draft)).toEqual(expected);
  });
});

describe('sendRequest', () => {
  it('needs a department and the request; the due time may stay empty', () => {
    expect(sendRequest(EMPTY_SEND)).toEqual({
      ok: false,
      missing: ['workOrders.missing.department', 'workOrders.missing.request'],
    });
    expect(sendRequest({ ...EMPTY_SEND, departmentId: 'd1', request: ' 核实扣费 ' })).toEqual({
      ok: true,
      body: { departmentId: 'd1', request: '核实扣费' },
    });
  });

  it('sends the facts and a valid due time; refuses an invalid one', () => {
    const full = {
      departmentId: 'd1',
      request: '核实扣费',
      facts: '客户称未开通',
      due: { unit: 'workingDays' as const, amount: 1, at: null },
    };
    expect(sendRequest(full)).toEqual({
      ok: true,
      body: { departmentId: 'd1', request: '核实扣费', facts: '客户称未开通', due: { workingDays: 1 } },
    });
    expect(sendRequest({ ...full, due: { unit: 'workingDays', amount: 0.5, at: null } })).toEqual({
      ok: false,
      missing: ['workOrders.missing.due'],
    });
  });
});

describe('answerRequest', () => {
  const due = '2026-11-25T10:00:00.000Z';

  it('an outcome and an answer', () => {
    expect(answerRequest(EMPTY_ANSWER, due)).toEqual({
      ok: false,
      missing: ['workOrders.missing.outcome', 'workOrders.missing.answer'],
    });
    expect(
      answerRequest({ outcome: 'verified', answer: ' 确有重复扣费 ', newDueAt: '2026-12-01 10:00' }, due),
    ).toEqual({ ok: true, body: { outcome: 'verified', answer: '确有重复扣费' } });
  });

  it('more time names a new date later than the due time', () => {
    const more = { outcome: 'more_time' as const, answer: '需要调取话单' };
    expect(answerRequest({ ...more, newDueAt: null }, due)).toEqual({
      ok: false,
      missing: ['workOrders.missing.newDueAt'],
    });
    expect(answerRequest({ ...more, newDueAt: '2026-11-25 18:00' }, due)).toEqual({
      ok: false,
      missing: ['workOrders.missing.laterDueAt'],
    });
    expect(answerRequest({ ...more, newDueAt: '2026-11-26 18:00' }, due)).toEqual({
      ok: true,
      body: { outcome: 'more_time', answer: '需要调取话单', newDueAt: '2026-11-26T10:00:00.000Z' },
    });
  });
});
