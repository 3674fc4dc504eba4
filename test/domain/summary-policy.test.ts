// Who reads and makes periodic summaries: organisation-wide figures, so agents and specialists
// only while the report settings open other teams' figures to them.
import { describe, expect, it } from 'vitest';
import { ROLES } from '../../src/domain/vocabulary.ts';
import type { Actor } from '../../src/policies/actor.ts';
import { authorizeSummaryRead, canMakeSummaries, canReadSummaries } from '../../src/policies/summaries.ts';

const actor = (role: (typeof ROLES)[number]): Actor => ({ id: 'u', role, team: '一组', name: 'x' });

describe('summaries', () => {
  it.each([
    // role, reads while team-only, reads when open, makes
    ['agent', false, true, false],
    ['specialist', false, true, false],
    ['supervisor', true, true, true],
    ['analyst', true, true, true],
    ['admin', true, true, true],
    ['department', false, false, false],
  ] as const)('%s', (role, teamOnly, open, makes) => {
    expect(canReadSummaries(actor(role), true)).toBe(teamOnly);
    expect(canReadSummaries(actor(role), false)).toBe(open);
    expect(canMakeSummaries(actor(role))).toBe(makes);
  });

  it('every role is covered', () => {
    expect([...ROLES].sort()).toEqual([
      'admin',
      'agent',
      'analyst',
      'department',
      'specialist',
      'supervisor',
    ]);
  });

  it('the refusal says why', () => {
    expect(() => authorizeSummaryRead(actor('agent'), true)).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN', details: { reason: 'summary:organisation' } }),
    );
    expect(() => authorizeSummaryRead(actor('department'), false)).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN', details: { reason: 'report:view' } }),
    );
  });
});
