// Which menu entries each role gets for time limits and calendars.
import { describe, expect, it } from 'vitest';
import type { Role } from '../../src/domain/vocabulary.ts';
import { ROLES } from '../../src/domain/vocabulary.ts';
import { administersCalendars, hasDeadlineBoard, overseesTeams } from '../../web/src/lib/roles.ts';

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
