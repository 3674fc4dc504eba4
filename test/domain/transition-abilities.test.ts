import { describe, expect, it } from 'vitest';
import {
  decideTransition,
  type Stage,
  stageOf,
  transitionAbilities,
} from '../../src/domain/complaint-lifecycle.ts';
import type { Refusal } from '../../src/domain/errors.ts';
import {
  COMPLAINT_ACTIONS,
  COMPLAINT_STATUSES,
  type ComplaintStatus,
  SEVERITIES,
} from '../../src/domain/vocabulary.ts';
import { codes, declined, fulfilled, fullRequest, open, PAIRS, snapshot } from './lifecycle-fixtures.ts';

describe('transitionAbilities', () => {
  it('returns one entry per action', () => {
    for (const status of COMPLAINT_STATUSES) {
      expect(Object.keys(transitionAbilities(snapshot({ status }))).sort()).toEqual(
        [...COMPLAINT_ACTIONS].sort(),
      );
    }
  });

  it.each(PAIRS)(
    '$action from $status is allowed iff the state machine allows it (all guards met)',
    ({ status, action, expected }) => {
      const ability = transitionAbilities(snapshot({ status, summary: 'Written.' }))[action];
      expect(ability.allowed).toBe(expected !== null);
      if (expected === null) {
        expect(ability).toMatchObject({
          allowed: false,
          code: 'INVALID_TRANSITION',
          details: { rule: 'state_machine', action, status },
        });
        expect(ability.message).toBe(`Cannot ${action} a complaint that is ${status}`);
        expect(ability.requires).toBeUndefined();
      }
    },
  );

  it('a new unconfirmed complaint: accept requires confirmation, withdraw a reason', () => {
    const a = transitionAbilities(snapshot({ status: 'new', confirmed: false }));
    expect(a.accept).toEqual({ allowed: true, requires: ['confirmed'] });
    expect(a.withdraw).toEqual({ allowed: true, requires: ['reason'] });
    for (const act of ['start', 'resolve', 'close', 'reopen'] as const) {
      expect(a[act]).toMatchObject({ allowed: false, code: 'INVALID_TRANSITION' });
    }
  });

  it('a new confirmed complaint: accept requires nothing', () => {
    expect(transitionAbilities(snapshot({ status: 'new', confirmed: true })).accept).toEqual({
      allowed: true,
    });
  });

  it('a new complaint without demands: accept refused with NO_DEMANDS only', () => {
    const a = transitionAbilities(snapshot({ status: 'new', confirmed: false, demands: [] }));
    expect(a.accept).toMatchObject({ allowed: false, code: 'NO_DEMANDS' });
    expect(a.accept.requires).toBeUndefined();
    expect(codes(a.accept.details?.violations as Refusal[])).toEqual(['NO_DEMANDS']);
  });

  it('an accepted complaint with open demands: start allowed, resolve refused with the open ids', () => {
    const a = transitionAbilities(snapshot({ status: 'accepted', demands: [open('d1'), fulfilled('d2')] }));
    expect(a.start).toEqual({ allowed: true });
    expect(a.resolve).toMatchObject({
      allowed: false,
      code: 'DEMANDS_OPEN',
      details: { rule: 'every_demand_answered', demandIds: ['d1'] },
    });
    expect(a.resolve.message).toContain('1 demand(s)');
    expect(a.withdraw).toEqual({ allowed: true, requires: ['reason'] });
  });

  it('an in-progress complaint with answered demands: resolve allowed and requires nothing', () => {
    const a = transitionAbilities(snapshot({ status: 'in_progress', severity: 'crisis' }));
    expect(a.resolve).toEqual({ allowed: true });
    expect(a.start).toMatchObject({ allowed: false, code: 'INVALID_TRANSITION' });
  });

  it.each([
    { severity: 'normal', summary: null, requires: undefined },
    { severity: 'major', summary: null, requires: ['summary'] },
    { severity: 'crisis', summary: null, requires: ['summary'] },
    { severity: 'major', summary: '  \n', requires: ['summary'] },
    { severity: 'major', summary: 'Written.', requires: undefined },
    { severity: 'crisis', summary: 'Written.', requires: undefined },
  ] as const)(
    'a resolved $severity complaint with summary $summary: close requires $requires',
    ({ severity, summary, requires }) => {
      const a = transitionAbilities(snapshot({ status: 'resolved', severity, summary }));
      expect(a.close).toEqual(requires ? { allowed: true, requires } : { allowed: true });
      expect(a.reopen).toEqual({ allowed: true, requires: ['reason'] });
      expect(a.withdraw).toEqual({ allowed: true, requires: ['reason'] });
    },
  );

  it('a resolved complaint with an unexplained decline: close refused, the missing summary is not a refusal', () => {
    const a = transitionAbilities(
      snapshot({ status: 'resolved', severity: 'major', demands: [declined('d9', false), fulfilled('d1')] }),
    );
    expect(a.close).toMatchObject({
      allowed: false,
      code: 'DEMANDS_NOT_INFORMED',
      details: { rule: 'declined_demands_informed', demandIds: ['d9'] },
    });
    expect(codes(a.close.details?.violations as Refusal[])).toEqual(['DEMANDS_NOT_INFORMED']);
    expect(a.close.requires).toBeUndefined();
  });

  it('a closed complaint: only reopen, which requires a reason', () => {
    const a = transitionAbilities(snapshot({ status: 'closed' }));
    expect(a.reopen).toEqual({ allowed: true, requires: ['reason'] });
    for (const act of ['accept', 'start', 'resolve', 'close', 'withdraw'] as const) {
      expect(a[act]).toMatchObject({ allowed: false, code: 'INVALID_TRANSITION' });
    }
  });

  it('is consistent with decideTransition given the required inputs', () => {
    for (const status of COMPLAINT_STATUSES) {
      for (const severity of SEVERITIES) {
        for (const confirmed of [true, false]) {
          for (const demands of [[], [open('o')], [declined('n', false)], [fulfilled('f')]]) {
            const c = snapshot({ status, severity, confirmed, demands, summary: null });
            const abilities = transitionAbilities(c);
            for (const action of COMPLAINT_ACTIONS) {
              const d = decideTransition(c, fullRequest(action));
              expect(abilities[action].allowed, `${action} from ${status}`).toBe(d.ok);
              if (!d.ok) expect(abilities[action].code).toBe(d.refusal.code);
            }
          }
        }
      }
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Stages

describe('stageOf', () => {
  const STAGES: Record<ComplaintStatus, Stage> = {
    new: 'accept',
    accepted: 'explain_clarify',
    in_progress: 'resolve',
    resolved: 'follow_up',
    closed: 'done',
  };

  it.each(COMPLAINT_STATUSES.map((s) => [s, STAGES[s]] as const))('%s is in stage %s', (status, stage) => {
    expect(stageOf(status)).toBe(stage);
  });

  it('maps the statuses onto distinct stages', () => {
    expect(new Set(COMPLAINT_STATUSES.map(stageOf)).size).toBe(COMPLAINT_STATUSES.length);
  });

  it('throws on an unknown status', () => {
    expect(() => stageOf('archived' as ComplaintStatus)).toThrow(/unknown status archived/);
  });
});
