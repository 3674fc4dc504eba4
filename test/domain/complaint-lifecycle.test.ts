import { describe, expect, it } from 'vitest';
import {
  type ComplaintSnapshot,
  decideTransition,
  openDemandIds,
  TRANSITIONS,
  type TransitionRequest,
  uninformedDeclinedIds,
} from '../../src/domain/complaint-lifecycle.ts';
import type { Refusal } from '../../src/domain/errors.ts';
import {
  COMPLAINT_ACTIONS,
  COMPLAINT_STATUSES,
  type ComplaintAction,
  type ComplaintStatus,
  SEVERITIES,
  type Severity,
} from '../../src/domain/vocabulary.ts';
import {
  codes,
  declined,
  EXPECTED,
  fulfilled,
  fullRequest,
  open,
  PAIRS,
  refusedWith,
  snapshot,
} from './lifecycle-fixtures.ts';

// ---------------------------------------------------------------------------------------------
// The state machine

describe('the state machine table', () => {
  it('has a hand-written expectation for exactly the 5 × 6 status/action pairs', () => {
    expect(COMPLAINT_STATUSES).toHaveLength(5);
    expect(COMPLAINT_ACTIONS).toHaveLength(6);
    expect(PAIRS).toHaveLength(30);
    expect(Object.keys(EXPECTED).sort()).toEqual([...COMPLAINT_STATUSES].sort());
    for (const s of COMPLAINT_STATUSES) {
      expect(Object.keys(EXPECTED[s]).sort()).toEqual([...COMPLAINT_ACTIONS].sort());
    }
  });

  it('defines a rule for every action and nothing else', () => {
    expect(Object.keys(TRANSITIONS).sort()).toEqual([...COMPLAINT_ACTIONS].sort());
  });

  it.each(PAIRS)(
    'TRANSITIONS agrees with the expectation for $action from $status',
    ({ action, expected, inTable }) => {
      expect(inTable).toBe(expected !== null);
      if (expected !== null) expect(TRANSITIONS[action].to).toBe(expected);
    },
  );

  it('never lets a complaint leave closed except by reopening', () => {
    const fromClosed = COMPLAINT_ACTIONS.filter((a) => TRANSITIONS[a].from.includes('closed'));
    expect(fromClosed).toEqual(['reopen']);
  });

  it('never lets an action lead to new', () => {
    for (const a of COMPLAINT_ACTIONS) expect(TRANSITIONS[a].to).not.toBe('new');
  });
});

describe('decideTransition: every status × action with all guards satisfied', () => {
  it.each(PAIRS.filter((p) => p.expected !== null))(
    '$action from $status → $expected',
    ({ status, action, expected }) => {
      for (const severity of SEVERITIES) {
        const c = snapshot({ status, severity, summary: 'Summary written' });
        expect(decideTransition(c, fullRequest(action))).toEqual({ ok: true, from: status, to: expected });
      }
    },
  );

  it.each(PAIRS.filter((p) => p.expected === null))(
    '$action from $status is INVALID_TRANSITION',
    ({ status, action }) => {
      const d = refusedWith(snapshot({ status }), fullRequest(action));
      expect(d.refusal).toEqual({
        code: 'INVALID_TRANSITION',
        message: `Cannot ${action} a complaint that is ${status}`,
        details: {
          rule: 'state_machine',
          action,
          status,
          allowedFrom: TRANSITIONS[action].from,
        },
      });
      expect(d.violations).toEqual([d.refusal]);
    },
  );

  it('reports allowedFrom with the statuses the action may start from', () => {
    const d = refusedWith(snapshot({ status: 'new' }), { action: 'resolve' });
    expect(d.refusal.details?.allowedFrom).toEqual(['accepted', 'in_progress']);
  });

  it('checks the state machine before the guards (an invalid move reports only INVALID_TRANSITION)', () => {
    const c = snapshot({
      status: 'new',
      severity: 'crisis',
      confirmed: false,
      demands: [open('d1'), declined('d2', false)],
    });
    const d = refusedWith(c, { action: 'close' });
    expect(codes(d.violations)).toEqual(['INVALID_TRANSITION']);
    expect(d.refusal.details).not.toHaveProperty('violations');

    const r = refusedWith(snapshot({ status: 'closed' }), { action: 'withdraw' });
    expect(codes(r.violations)).toEqual(['INVALID_TRANSITION']);
  });

  it('walks the whole happy path new → accepted → in_progress → resolved → closed → in_progress', () => {
    const path: [ComplaintAction, ComplaintStatus][] = [
      ['accept', 'accepted'],
      ['start', 'in_progress'],
      ['resolve', 'resolved'],
      ['close', 'closed'],
      ['reopen', 'in_progress'],
    ];
    let status: ComplaintStatus = 'new';
    for (const [action, to] of path) {
      const d = decideTransition(snapshot({ status }), fullRequest(action));
      expect(d).toEqual({ ok: true, from: status, to });
      status = to;
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Guards

describe('accept guards', () => {
  it('refuses NO_DEMANDS when no demand is recorded', () => {
    const d = refusedWith(snapshot({ demands: [] }), { action: 'accept', confirmed: true });
    expect(d.refusal.code).toBe('NO_DEMANDS');
    expect(d.refusal.details).toMatchObject({ rule: 'at_least_one_demand' });
    expect(codes(d.violations)).toEqual(['NO_DEMANDS']);
  });

  it('accepts with open demands (demands are answered later)', () => {
    const d = decideTransition(snapshot({ demands: [open('d1'), open('d2')] }), { action: 'accept' });
    expect(d).toEqual({ ok: true, from: 'new', to: 'accepted' });
  });

  it.each([
    { name: 'confirmed flag absent', req: { action: 'accept' } as const },
    { name: 'confirmed: false', req: { action: 'accept', confirmed: false } as const },
  ])('refuses NOT_CONFIRMED when the record is not confirmed ($name)', ({ req }) => {
    const d = refusedWith(snapshot({ confirmed: false }), req);
    expect(d.refusal.code).toBe('NOT_CONFIRMED');
    expect(d.refusal.details).toMatchObject({ rule: 'record_confirmed' });
    expect(codes(d.violations)).toEqual(['NOT_CONFIRMED']);
  });

  it.each([
    {
      name: 'confirmed in the request',
      confirmed: false,
      req: { action: 'accept', confirmed: true } as const,
    },
    { name: 'confirmed in the snapshot', confirmed: true, req: { action: 'accept' } as const },
    {
      name: 'confirmed in the snapshot, request says false',
      confirmed: true,
      req: { action: 'accept', confirmed: false } as const,
    },
    { name: 'confirmed in both', confirmed: true, req: { action: 'accept', confirmed: true } as const },
  ])('accepts when $name', ({ confirmed, req }) => {
    expect(decideTransition(snapshot({ confirmed }), req)).toEqual({ ok: true, from: 'new', to: 'accepted' });
  });

  it('reports both NO_DEMANDS and NOT_CONFIRMED together', () => {
    const d = refusedWith(snapshot({ demands: [], confirmed: false }), { action: 'accept' });
    expect(codes(d.violations)).toEqual(['NO_DEMANDS', 'NOT_CONFIRMED']);
    expect(d.refusal.code).toBe('NO_DEMANDS');
    expect(d.refusal.details).toMatchObject({ rule: 'at_least_one_demand' });
    expect(codes(d.refusal.details?.violations as Refusal[])).toEqual(['NO_DEMANDS', 'NOT_CONFIRMED']);
  });
});

describe('start has no guards', () => {
  it('starts an accepted complaint whatever its demands, confirmation or severity', () => {
    for (const severity of SEVERITIES) {
      const c = snapshot({
        status: 'accepted',
        severity,
        confirmed: false,
        demands: [open('d1'), declined('d2', false)],
      });
      expect(decideTransition(c, { action: 'start' })).toEqual({
        ok: true,
        from: 'accepted',
        to: 'in_progress',
      });
    }
  });
});

describe('resolve guards', () => {
  it.each(['accepted', 'in_progress'] as const)(
    'refuses DEMANDS_OPEN from %s listing exactly the open ids',
    (status) => {
      const c = snapshot({
        status,
        demands: [open('d1'), fulfilled('d2'), open('d3'), declined('d4'), declined('d5', false)],
      });
      const d = refusedWith(c, { action: 'resolve' });
      expect(d.refusal.code).toBe('DEMANDS_OPEN');
      expect(d.refusal.details).toMatchObject({ rule: 'every_demand_answered', demandIds: ['d1', 'd3'] });
      expect(d.refusal.message).toContain('2 demand(s)');
      expect(d.refusal.message).toContain('resolving');
      expect(codes(d.violations)).toEqual(['DEMANDS_OPEN']);
    },
  );

  it('resolves when every demand is fulfilled or declined, informed or not (informing is checked at close)', () => {
    const c = snapshot({
      status: 'in_progress',
      severity: 'crisis',
      demands: [fulfilled('d1', false), declined('d2', false)],
    });
    expect(decideTransition(c, { action: 'resolve' })).toEqual({
      ok: true,
      from: 'in_progress',
      to: 'resolved',
    });
  });

  it('does not ask for a summary to resolve a major or crisis complaint', () => {
    for (const severity of ['major', 'crisis'] as const) {
      const c = snapshot({ status: 'accepted', severity, summary: null });
      expect(decideTransition(c, { action: 'resolve' }).ok).toBe(true);
    }
  });
});

describe('close guards', () => {
  const resolved = (o: Partial<ComplaintSnapshot> = {}) => snapshot({ status: 'resolved', ...o });

  it('refuses DEMANDS_OPEN listing exactly the open ids', () => {
    const d = refusedWith(resolved({ demands: [fulfilled('a'), open('b'), open('c')] }), { action: 'close' });
    expect(d.refusal.code).toBe('DEMANDS_OPEN');
    expect(d.refusal.details).toMatchObject({ rule: 'every_demand_answered', demandIds: ['b', 'c'] });
    expect(d.refusal.message).toContain('closing');
    expect(codes(d.violations)).toEqual(['DEMANDS_OPEN']);
  });

  it('refuses DEMANDS_NOT_INFORMED listing exactly the declined and uninformed ids', () => {
    const c = resolved({
      demands: [
        declined('x1', false),
        declined('x2', true),
        fulfilled('x3', false),
        declined('x4', false),
        fulfilled('x5', true),
      ],
    });
    const d = refusedWith(c, { action: 'close' });
    expect(d.refusal.code).toBe('DEMANDS_NOT_INFORMED');
    expect(d.refusal.details).toMatchObject({ rule: 'declined_demands_informed', demandIds: ['x1', 'x4'] });
    expect(d.refusal.message).toContain('2 declined demand(s)');
    expect(codes(d.violations)).toEqual(['DEMANDS_NOT_INFORMED']);
  });

  it('closes with fulfilled demands the customer was not told about, and informed declined ones', () => {
    const c = resolved({ demands: [fulfilled('a', false), declined('b', true)] });
    expect(decideTransition(c, { action: 'close' })).toEqual({ ok: true, from: 'resolved', to: 'closed' });
  });

  const SUMMARY_CASES: { severity: Severity; required: boolean }[] = [
    { severity: 'normal', required: false },
    { severity: 'major', required: true },
    { severity: 'crisis', required: true },
  ];

  it('has an expectation for every severity', () => {
    expect(SUMMARY_CASES.map((s) => s.severity).sort()).toEqual([...SEVERITIES].sort());
  });

  it.each(SUMMARY_CASES)(
    'a $severity complaint without any summary: required=$required',
    ({ severity, required }) => {
      for (const req of [
        { action: 'close' },
        { action: 'close', summary: null },
        { action: 'close', summary: '' },
      ] as const) {
        const d = decideTransition(resolved({ severity, summary: null }), req);
        if (!required) {
          expect(d).toEqual({ ok: true, from: 'resolved', to: 'closed' });
          continue;
        }
        if (d.ok) throw new Error('expected SUMMARY_REQUIRED');
        expect(d.refusal.code).toBe('SUMMARY_REQUIRED');
        expect(d.refusal.details).toMatchObject({ rule: 'summary_for_major', severity });
        expect(d.refusal.message).toContain(severity);
        expect(codes(d.violations)).toEqual(['SUMMARY_REQUIRED']);
      }
    },
  );

  it.each(['major', 'crisis'] as const)(
    'a %s complaint closes with a summary from the request or the snapshot',
    (severity) => {
      const ok = { ok: true, from: 'resolved', to: 'closed' };
      expect(
        decideTransition(resolved({ severity, summary: null }), { action: 'close', summary: 'Done.' }),
      ).toEqual(ok);
      expect(decideTransition(resolved({ severity, summary: 'Done.' }), { action: 'close' })).toEqual(ok);
      expect(
        decideTransition(resolved({ severity, summary: 'Done.' }), { action: 'close', summary: null }),
      ).toEqual(ok);
      expect(
        decideTransition(resolved({ severity, summary: 'Done.' }), { action: 'close', summary: '  ' }),
      ).toEqual(ok);
      expect(
        decideTransition(resolved({ severity, summary: '   ' }), { action: 'close', summary: 'Done.' }),
      ).toEqual(ok);
    },
  );

  it.each(['', ' ', '   ', '\t', '\n', ' \r\n\t ', '\u3000'])(
    'a major complaint refuses a whitespace-only summary %j in request and snapshot',
    (blank) => {
      const d = refusedWith(resolved({ severity: 'major', summary: blank }), {
        action: 'close',
        summary: blank,
      });
      expect(codes(d.violations)).toEqual(['SUMMARY_REQUIRED']);
    },
  );

  it('reports every violation at once, in order, with the first as the refusal', () => {
    const c = resolved({
      severity: 'crisis',
      summary: '  ',
      demands: [open('o1'), declined('n1', false), fulfilled('f1'), open('o2'), declined('n2', false)],
    });
    const d = refusedWith(c, { action: 'close', summary: '\t' });
    expect(codes(d.violations)).toEqual(['DEMANDS_OPEN', 'DEMANDS_NOT_INFORMED', 'SUMMARY_REQUIRED']);
    expect(d.violations[0]?.details).toMatchObject({ demandIds: ['o1', 'o2'] });
    expect(d.violations[1]?.details).toMatchObject({ demandIds: ['n1', 'n2'] });
    expect(d.violations[2]?.details).toMatchObject({ severity: 'crisis' });

    expect(d.refusal.code).toBe('DEMANDS_OPEN');
    expect(d.refusal.message).toBe(d.violations[0]?.message);
    expect(d.refusal.details).toMatchObject({ rule: 'every_demand_answered', demandIds: ['o1', 'o2'] });
    expect(d.refusal.details?.violations).toEqual(d.violations);
  });

  it('reports two of three violations when only two apply', () => {
    const c = resolved({ severity: 'major', demands: [declined('n1', false)] });
    const d = refusedWith(c, { action: 'close' });
    expect(codes(d.violations)).toEqual(['DEMANDS_NOT_INFORMED', 'SUMMARY_REQUIRED']);
    expect(d.refusal.code).toBe('DEMANDS_NOT_INFORMED');
    expect(codes(d.refusal.details?.violations as Refusal[])).toEqual([
      'DEMANDS_NOT_INFORMED',
      'SUMMARY_REQUIRED',
    ]);
  });
});

describe('reopen and withdraw need a reason', () => {
  const CASES: { action: 'reopen' | 'withdraw'; status: ComplaintStatus }[] = [
    { action: 'reopen', status: 'resolved' },
    { action: 'reopen', status: 'closed' },
    { action: 'withdraw', status: 'new' },
    { action: 'withdraw', status: 'accepted' },
    { action: 'withdraw', status: 'in_progress' },
    { action: 'withdraw', status: 'resolved' },
  ];
  const BLANKS: (string | null | undefined)[] = [undefined, null, '', ' ', '\t\n', '\u3000'];

  it.each(CASES)(
    '$action from $status refuses REASON_REQUIRED for a missing or blank reason',
    ({ action, status }) => {
      for (const reason of BLANKS) {
        const req: TransitionRequest = reason === undefined ? { action } : { action, reason };
        const d = refusedWith(snapshot({ status }), req);
        expect(d.refusal).toMatchObject({
          code: 'REASON_REQUIRED',
          details: { rule: 'reason_given', field: 'reason' },
        });
        expect(d.refusal.message).toContain(action);
        expect(codes(d.violations)).toEqual(['REASON_REQUIRED']);
      }
    },
  );

  it.each(CASES)('$action from $status succeeds with a reason', ({ action, status }) => {
    const d = decideTransition(snapshot({ status }), { action, reason: '客户撤诉' });
    expect(d).toEqual({ ok: true, from: status, to: EXPECTED[status][action] });
  });

  it('withdraws a complaint whose demands are still open (the customer dropped it)', () => {
    const c = snapshot({ status: 'in_progress', demands: [open('d1'), declined('d2', false)] });
    expect(decideTransition(c, { action: 'withdraw', reason: 'Customer withdrew' })).toEqual({
      ok: true,
      from: 'in_progress',
      to: 'closed',
    });
  });
});

describe('demand helpers', () => {
  const demands = [open('a'), fulfilled('b', false), declined('c', false), declined('d', true), open('e')];

  it('openDemandIds lists open demands in order', () => {
    expect(openDemandIds(demands)).toEqual(['a', 'e']);
    expect(openDemandIds([])).toEqual([]);
  });

  it('uninformedDeclinedIds lists only declined demands not yet explained', () => {
    expect(uninformedDeclinedIds(demands)).toEqual(['c']);
    expect(uninformedDeclinedIds([fulfilled('x', false)])).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Abilities
