// Which action buttons a complaint page shows, from the abilities the server computes.
import { describe, expect, it } from 'vitest';
import { type ComplaintSnapshot, transitionAbilities } from '../../src/domain/complaint-lifecycle.ts';
import type { ComplaintAction } from '../../src/domain/vocabulary.ts';
import {
  type AbilityLike,
  ACTION_ORDER,
  isRelevant,
  needs,
  visibleActions,
} from '../../web/src/lib/actions.ts';

const snapshot = (over: Partial<ComplaintSnapshot>): ComplaintSnapshot => ({
  status: 'new',
  severity: 'normal',
  confirmed: true,
  summary: null,
  demands: [{ id: 'd1', status: 'fulfilled', customerInformed: true }],
  analysed: true,
  ...over,
});
const openDemand = { id: 'd2', status: 'open', customerInformed: false } as const;
const uninformed = { id: 'd3', status: 'declined', customerInformed: false } as const;

describe('isRelevant', () => {
  it.each<[string, AbilityLike, boolean]>([
    ['allowed', { allowed: true }, true],
    ['allowed with inputs', { allowed: true, requires: ['reason'] }, true],
    ['allowed even with a stale code', { allowed: true, code: 'FORBIDDEN' }, true],
    ['only the state machine', { allowed: false, code: 'INVALID_TRANSITION' }, false],
    [
      'the state machine listed alone',
      {
        allowed: false,
        code: 'INVALID_TRANSITION',
        details: { violations: [{ code: 'INVALID_TRANSITION' }] },
      },
      false,
    ],
    [
      'an empty list of violations',
      { allowed: false, code: 'INVALID_TRANSITION', details: { violations: [] } },
      false,
    ],
    [
      'violations that are not a list',
      { allowed: false, code: 'INVALID_TRANSITION', details: { violations: { code: 'DEMANDS_OPEN' } } },
      false,
    ],
    [
      'the state machine and a guard',
      {
        allowed: false,
        code: 'INVALID_TRANSITION',
        details: { violations: [{ code: 'INVALID_TRANSITION' }, { code: 'DEMANDS_OPEN' }] },
      },
      true,
    ],
    [
      'the state machine and the summary',
      { allowed: false, code: 'INVALID_TRANSITION', details: { violations: [{ code: 'SUMMARY_REQUIRED' }] } },
      true,
    ],
    ['forbidden', { allowed: false, code: 'FORBIDDEN' }, false],
    [
      'forbidden, whatever the details',
      { allowed: false, code: 'FORBIDDEN', details: { violations: [{ code: 'DEMANDS_OPEN' }] } },
      false,
    ],
    ['open demands', { allowed: false, code: 'DEMANDS_OPEN' }, true],
    ['not confirmed', { allowed: false, code: 'NOT_CONFIRMED' }, true],
    ['no demands', { allowed: false, code: 'NO_DEMANDS' }, true],
    ['summary required', { allowed: false, code: 'SUMMARY_REQUIRED' }, true],
    ['refused without a code', { allowed: false }, true],
  ])('%s → %s', (_, ability, expected) => {
    expect(isRelevant(ability)).toBe(expected);
  });
});

describe('visibleActions from the server abilities', () => {
  it.each<[string, Partial<ComplaintSnapshot>, ComplaintAction[]]>([
    ['a new complaint ready to accept', { status: 'new' }, ['accept', 'withdraw']],
    [
      'a new complaint without demands (accept explains)',
      { status: 'new', demands: [], confirmed: false },
      ['accept', 'withdraw'],
    ],
    ['accepted, demands answered', { status: 'accepted' }, ['start', 'resolve', 'withdraw']],
    [
      'accepted, a demand open (close explains)',
      { status: 'accepted', demands: [openDemand] },
      ['start', 'resolve', 'close', 'withdraw'],
    ],
    ['in progress, demands answered', { status: 'in_progress' }, ['resolve', 'withdraw']],
    [
      'in progress, a demand open',
      { status: 'in_progress', demands: [openDemand] },
      ['resolve', 'close', 'withdraw'],
    ],
    [
      'in progress, a decline not explained',
      { status: 'in_progress', demands: [uninformed] },
      ['resolve', 'close', 'withdraw'],
    ],
    // The summary is asked for in the close dialog, so it alone does not make close worth showing early.
    [
      'in progress, major without summary',
      { status: 'in_progress', severity: 'major' },
      ['resolve', 'withdraw'],
    ],
    [
      'in progress, major, a demand open',
      { status: 'in_progress', severity: 'major', demands: [openDemand] },
      ['resolve', 'close', 'withdraw'],
    ],
    ['resolved', { status: 'resolved' }, ['close', 'reopen', 'withdraw']],
    ['closed', { status: 'closed' }, ['reopen']],
  ])('%s', (_, over, expected) => {
    expect(visibleActions(transitionAbilities(snapshot(over)))).toEqual(expected);
  });

  it('follows ACTION_ORDER, not the order of the abilities object', () => {
    const allowed = { allowed: true };
    const abilities = Object.fromEntries([...ACTION_ORDER].reverse().map((a) => [a, allowed])) as Record<
      ComplaintAction,
      AbilityLike
    >;
    expect(visibleActions(abilities)).toEqual(['accept', 'start', 'resolve', 'close', 'reopen', 'withdraw']);
  });

  it('shows nothing to a role that may do nothing', () => {
    const forbidden = { allowed: false, code: 'FORBIDDEN' };
    const abilities = Object.fromEntries(ACTION_ORDER.map((a) => [a, forbidden])) as Record<
      ComplaintAction,
      AbilityLike
    >;
    expect(visibleActions(abilities)).toEqual([]);
  });
});

describe('needs', () => {
  it.each<[string, AbilityLike, string, boolean]>([
    ['summary asked', { allowed: true, requires: ['summary'] }, 'summary', true],
    ['reason asked', { allowed: true, requires: ['reason'] }, 'reason', true],
    ['another input asked', { allowed: true, requires: ['reason'] }, 'summary', false],
    ['nothing asked', { allowed: true }, 'reason', false],
    ['an empty list', { allowed: true, requires: [] }, 'reason', false],
    ['refused', { allowed: false, code: 'FORBIDDEN' }, 'reason', false],
  ])('%s', (_, ability, input, expected) => {
    expect(needs(ability, input)).toBe(expected);
  });

  it.each<[string, Partial<ComplaintSnapshot>, ComplaintAction, string, boolean]>([
    [
      'close of a major complaint asks for a summary',
      { status: 'resolved', severity: 'major' },
      'close',
      'summary',
      true,
    ],
    [
      'not once one is written',
      { status: 'resolved', severity: 'crisis', summary: '已总结' },
      'close',
      'summary',
      false,
    ],
    ['close of a normal complaint does not', { status: 'resolved' }, 'close', 'summary', false],
    [
      'accept of an unconfirmed record asks for the read-back',
      { status: 'new', confirmed: false },
      'accept',
      'confirmed',
      true,
    ],
    ['not once confirmed', { status: 'new' }, 'accept', 'confirmed', false],
    ['reopen asks for a reason', { status: 'closed' }, 'reopen', 'reason', true],
    ['withdraw asks for a reason', { status: 'accepted' }, 'withdraw', 'reason', true],
  ])('%s', (_, over, action, input, expected) => {
    expect(needs(transitionAbilities(snapshot(over))[action], input)).toBe(expected);
  });
});
