// The escalation rules: five reasons and no skill problems, the next tier, hand-backs.
import { describe, expect, it } from 'vitest';
import {
  decideEscalation,
  defaultTierLevel,
  ESCALATION_REASONS,
  openEscalationOf,
  reasonRefusal,
  returnRefusal,
} from '../../src/domain/escalation.ts';
import { COMPLAINT_STATUSES } from '../../src/domain/vocabulary.ts';

describe('reasonRefusal', () => {
  it.each(ESCALATION_REASONS)('accepts %s', (reason) => {
    expect(reasonRefusal(reason)).toBeNull();
  });

  it.each([
    'lack_of_skill',
    'dont_know',
    'not enough experience',
    '业务不熟',
    '我不会处理',
    '不知道怎么办',
    'needs training',
  ])('refuses the skill problem "%s" with advice', (raw) => {
    const r = reasonRefusal(raw);
    expect(r).toMatchObject({
      code: 'ESCALATION_REASON_INVALID',
      details: { field: 'reason', skillProblem: true, advice: ['ask_colleague', 'knowledge_base'] },
    });
    expect(r?.message).toMatch(/colleague/);
  });

  it.each(['boss', 'BEYOND_AUTHORITY', 'beyond authority', ''])('refuses "%s", naming the five', (raw) => {
    const r = reasonRefusal(raw);
    expect(r?.code).toBe('ESCALATION_REASON_INVALID');
    expect(r?.details).toMatchObject({ allowed: [...ESCALATION_REASONS] });
    expect(r?.details).not.toHaveProperty('skillProblem');
  });
});

describe('decideEscalation', () => {
  const levels = [1, 2, 3];
  it.each([
    [1, 2],
    [2, 3],
  ])('from tier %i to tier %i', (from, to) => {
    expect(decideEscalation({ status: 'in_progress', tierLevel: from, levels })).toEqual({
      ok: true,
      toLevel: to,
    });
  });

  it('skips a missing level to the next that exists', () => {
    expect(decideEscalation({ status: 'accepted', tierLevel: 1, levels: [1, 5] })).toEqual({
      ok: true,
      toLevel: 5,
    });
  });

  it('refuses at the top tier', () => {
    const d = decideEscalation({ status: 'in_progress', tierLevel: 3, levels });
    expect(d).toMatchObject({ ok: false, refusal: { code: 'TOP_TIER' } });
  });

  it.each(COMPLAINT_STATUSES)('status %s', (status) => {
    const d = decideEscalation({ status, tierLevel: 1, levels });
    expect(d.ok).toBe(status === 'accepted' || status === 'in_progress');
    if (!d.ok) expect(d.refusal.code).toBe('INVALID_TRANSITION');
  });
});

describe('returnRefusal', () => {
  const up = { kind: 'escalation' as const, fromLevel: 1, toLevel: 2 };
  it('the tier it went to hands it back', () => {
    expect(returnRefusal(up, { status: 'in_progress', tierLevel: 2 })).toBeNull();
  });
  it.each([
    ['the complaint moved on', up, { status: 'in_progress' as const, tierLevel: 3 }],
    [
      'not an escalation',
      { ...up, kind: 'takeover' as const },
      { status: 'in_progress' as const, tierLevel: 2 },
    ],
    ['nothing to hand back', undefined, { status: 'in_progress' as const, tierLevel: 2 }],
  ])('refused when %s', (_, esc, c) => {
    expect(returnRefusal(esc, c)?.code).toBe('INVALID_TRANSITION');
  });
  it('refused on a closed complaint', () => {
    expect(returnRefusal(up, { status: 'closed', tierLevel: 2 })?.code).toBe('COMPLAINT_CLOSED');
  });
});

describe('defaultTierLevel', () => {
  it.each([
    ['agent', 1],
    ['specialist', 2],
    ['supervisor', 3],
    ['analyst', 1],
  ] as const)('%s → %i', (role, level) => {
    expect(defaultTierLevel(role)).toBe(level);
  });
});

describe('openEscalationOf: the one a hand-back answers', () => {
  const esc = (
    id: string,
    kind: 'escalation' | 'return' | 'takeover',
    fromLevel: number,
    toLevel: number,
  ) => ({
    id,
    kind,
    fromLevel,
    toLevel,
  });
  it('none without escalations', () => {
    expect(openEscalationOf([], 1)).toBeUndefined();
  });
  it('the escalation to the current tier', () => {
    expect(openEscalationOf([esc('a', 'escalation', 1, 2)], 2)?.id).toBe('a');
  });
  it('not once it was handed back', () => {
    expect(openEscalationOf([esc('a', 'escalation', 1, 2), esc('r', 'return', 2, 1)], 1)).toBeUndefined();
  });
  it('two up, one back: the first is open again', () => {
    const list = [esc('a', 'escalation', 1, 2), esc('b', 'escalation', 2, 3), esc('r', 'return', 3, 2)];
    expect(openEscalationOf(list, 2)?.id).toBe('a');
    expect(openEscalationOf(list.slice(0, 2), 3)?.id).toBe('b');
  });
  it('a take-over ends the chain', () => {
    expect(openEscalationOf([esc('a', 'escalation', 1, 2), esc('t', 'takeover', 2, 3)], 3)).toBeUndefined();
  });
});
