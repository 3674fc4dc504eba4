// Which menu entries each role gets for time limits and calendars.
import { describe, expect, it } from 'vitest';
import type { Role } from '../../src/domain/vocabulary.ts';
import { ROLES } from '../../src/domain/vocabulary.ts';
import { can } from '../../src/policies/permissions.ts';
import {
  administersCalendars,
  decidesCompensation,
  handlesComplaints,
  hasDeadlineBoard,
  homePath,
  isDepartment,
  overseesTeams,
  reviewsEscalations,
  seesEscalationReviews,
} from '../../web/src/lib/roles.ts';

describe('menu by role', () => {
  it.each<[Role, boolean, boolean, boolean]>([
    ['agent', true, false, false],
    ['specialist', true, false, false],
    ['supervisor', true, true, false],
    ['analyst', true, true, false],
    ['admin', true, true, true],
    ['department', false, false, false],
  ])('%s: board %s, every team %s, calendars %s', (role, board, teams, calendars) => {
    expect(hasDeadlineBoard(role)).toBe(board);
    expect(overseesTeams(role)).toBe(teams);
    expect(administersCalendars(role)).toBe(calendars);
  });

  it('covers every role', () => {
    expect([...ROLES].sort()).toEqual([
      'admin',
      'agent',
      'analyst',
      'department',
      'specialist',
      'supervisor',
    ]);
  });
});

describe('issue 5: landing page, reviews, approvals, work orders', () => {
  it.each<[Role, string, boolean, boolean, boolean, boolean]>([
    ['agent', '/intake', false, false, false, true],
    ['specialist', '/intake', false, false, true, true],
    ['supervisor', '/intake', true, true, true, true],
    ['analyst', '/complaints', true, false, false, false],
    ['admin', '/complaints', true, false, false, false],
    ['department', '/work-orders', false, false, false, false],
  ])(
    '%s lands on %s; sees reviews %s, reviews %s, approves %s, handles %s',
    (role, home, sees, judges, approves, handles) => {
      expect(homePath(role)).toBe(home);
      expect(seesEscalationReviews(role)).toBe(sees);
      expect(reviewsEscalations(role)).toBe(judges);
      expect(decidesCompensation(role)).toBe(approves);
      expect(handlesComplaints(role)).toBe(handles);
      expect(isDepartment(role)).toBe(role === 'department');
    },
  );
});

describe('the menu follows the server’s permissions', () => {
  const actor = (role: Role) => ({ id: 'u', role, team: null, name: 'x' });
  it.each([...ROLES])('%s', (role) => {
    expect(reviewsEscalations(role)).toBe(can(actor(role), 'escalation:review'));
    expect(reviewsEscalations(role)).toBe(can(actor(role), 'complaint:take_over'));
    expect(decidesCompensation(role)).toBe(can(actor(role), 'compensation:decide'));
    expect(isDepartment(role)).toBe(can(actor(role), 'work_order:answer'));
    expect(handlesComplaints(role)).toBe(can(actor(role), 'complaint:create'));
  });
});
