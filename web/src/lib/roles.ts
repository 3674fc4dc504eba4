// What each role finds in the menu (the server decides what each may do; this only arranges it).
import type { Role } from '../../../src/domain/vocabulary.ts';

/** Supervisors, analysts and admins look after every team: the deadline board shows them all. */
export function overseesTeams(role: Role): boolean {
  return role === 'supervisor' || role === 'analyst' || role === 'admin';
}

/** Who has a deadline board: everyone who sees complaints (department users see none yet). */
export function hasDeadlineBoard(role: Role): boolean {
  return role !== 'department';
}

/** Calendars and time-limit policies are kept by administrators. */
export function administersCalendars(role: Role): boolean {
  return role === 'admin';
}
