// Closing before resolving: the refusal stays INVALID_TRANSITION, and lists every close guard
// that would fail as well, so a UI can say "resolve it first; these demands are still open".
import { describe, expect, it } from 'vitest';
import {
  type ComplaintSnapshot,
  decideTransition,
  type TransitionRequest,
  transitionAbilities,
} from '../../src/domain/complaint-lifecycle.ts';
import type { Refusal } from '../../src/domain/errors.ts';
import type { ComplaintStatus } from '../../src/domain/vocabulary.ts';
import { codes, declined, fulfilled, open, refusedWith, snapshot } from './lifecycle-fixtures.ts';

const UNRESOLVED: ComplaintStatus[] = ['accepted', 'in_progress'];

interface Case {
  name: string;
  complaint: Partial<ComplaintSnapshot>;
  request?: Omit<Extract<TransitionRequest, { action: 'close' }>, 'action'>;
  expected: string[];
  demandIds?: Record<string, string[]>;
}

const CASES: Case[] = [
  {
    name: 'every guard met',
    complaint: { demands: [fulfilled('f1'), declined('d1', true)] },
    expected: ['INVALID_TRANSITION'],
  },
  {
    name: 'two open demands',
    complaint: { demands: [open('o1'), fulfilled('f1'), open('o2')] },
    expected: ['INVALID_TRANSITION', 'DEMANDS_OPEN'],
    demandIds: { DEMANDS_OPEN: ['o1', 'o2'] },
  },
  {
    name: 'a declined demand not yet explained',
    complaint: { demands: [declined('n1', false), declined('n2', true)] },
    expected: ['INVALID_TRANSITION', 'DEMANDS_NOT_INFORMED'],
    demandIds: { DEMANDS_NOT_INFORMED: ['n1'] },
  },
  {
    name: 'a major complaint without a summary',
    complaint: { severity: 'major' },
    expected: ['INVALID_TRANSITION', 'SUMMARY_REQUIRED'],
  },
  {
    name: 'a major complaint with the summary in the request',
    complaint: { severity: 'major' },
    request: { summary: 'Written.' },
    expected: ['INVALID_TRANSITION'],
  },
  {
    name: 'a crisis complaint with the summary on record',
    complaint: { severity: 'crisis', summary: 'Written.' },
    expected: ['INVALID_TRANSITION'],
  },
  {
    name: 'everything missing',
    complaint: { severity: 'crisis', demands: [open('o1'), declined('n1', false)] },
    request: { summary: '  ' },
    expected: ['INVALID_TRANSITION', 'DEMANDS_OPEN', 'DEMANDS_NOT_INFORMED', 'SUMMARY_REQUIRED'],
    demandIds: { DEMANDS_OPEN: ['o1'], DEMANDS_NOT_INFORMED: ['n1'] },
  },
];

const TABLE = UNRESOLVED.flatMap((status) => CASES.map((c) => ({ status, ...c })));

describe('close from accepted or in_progress', () => {
  it.each(TABLE)(
    'from $status with $name: $expected',
    ({ status, complaint, request, expected, demandIds }) => {
      const d = refusedWith(snapshot({ status, ...complaint }), { action: 'close', ...request });
      expect(codes(d.violations)).toEqual(expected);
      expect(d.refusal.code).toBe('INVALID_TRANSITION');
      expect(d.refusal.message).toBe(`Cannot close a complaint that is ${status}`);
      expect(d.refusal.details).toMatchObject({
        rule: 'state_machine',
        action: 'close',
        status,
        allowedFrom: ['resolved'],
      });
      if (expected.length === 1) expect(d.refusal.details).not.toHaveProperty('violations');
      else expect(d.refusal.details?.violations).toEqual(d.violations);
      for (const [code, ids] of Object.entries(demandIds ?? {})) {
        expect(d.violations.find((v) => v.code === code)?.details?.demandIds).toEqual(ids);
      }
    },
  );

  it('names the guards with the same messages as a close from resolved', () => {
    const demands = [open('o1'), declined('n1', false)];
    const early = refusedWith(snapshot({ status: 'accepted', demands }), { action: 'close' });
    const late = refusedWith(snapshot({ status: 'resolved', demands }), { action: 'close' });
    expect(early.violations.slice(1)).toEqual(late.violations);
  });
});

describe('other invalid moves still report only the state machine', () => {
  const guarded: Partial<ComplaintSnapshot> = {
    severity: 'crisis',
    confirmed: false,
    demands: [open('o1'), declined('n1', false)],
  };

  it.each([
    { status: 'new', req: { action: 'close' } },
    { status: 'closed', req: { action: 'close' } },
    { status: 'new', req: { action: 'resolve' } },
    { status: 'closed', req: { action: 'resolve' } },
    { status: 'accepted', req: { action: 'accept' } },
    { status: 'closed', req: { action: 'withdraw' } },
    { status: 'new', req: { action: 'reopen' } },
  ] as { status: ComplaintStatus; req: TransitionRequest }[])(
    '$req.action from $status',
    ({ status, req }) => {
      const d = decideTransition(snapshot({ status, ...guarded }), req);
      if (d.ok) throw new Error('expected a refusal');
      expect(codes(d.violations)).toEqual(['INVALID_TRANSITION']);
      expect(d.refusal.details).not.toHaveProperty('violations');
    },
  );
});

describe('the close ability says the same', () => {
  it.each(UNRESOLVED)('from %s with open and unexplained demands', (status) => {
    const a = transitionAbilities(
      snapshot({ status, demands: [open('o1'), open('o2'), declined('n1', false)] }),
    );
    expect(a.close).toMatchObject({
      allowed: false,
      code: 'INVALID_TRANSITION',
      message: `Cannot close a complaint that is ${status}`,
    });
    const violations = a.close.details?.violations as Refusal[];
    expect(codes(violations)).toEqual(['INVALID_TRANSITION', 'DEMANDS_OPEN', 'DEMANDS_NOT_INFORMED']);
    expect(violations[1]?.details?.demandIds).toEqual(['o1', 'o2']);
    expect(violations[2]?.details?.demandIds).toEqual(['n1']);
  });

  it.each(UNRESOLVED)('from %s with every demand answered: only the state machine', (status) => {
    const a = transitionAbilities(snapshot({ status, severity: 'major' }));
    expect(a.close).toMatchObject({ allowed: false, code: 'INVALID_TRANSITION' });
    expect(a.close.details).not.toHaveProperty('violations');
  });

  it('treats a missing summary as an input, as a close from resolved does', () => {
    const a = transitionAbilities(
      snapshot({ status: 'in_progress', severity: 'major', demands: [open('o1')] }),
    );
    expect(codes(a.close.details?.violations as Refusal[])).toEqual(['INVALID_TRANSITION', 'DEMANDS_OPEN']);
  });
});
