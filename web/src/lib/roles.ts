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

/** Department staff answer work orders; they never see the complaint list. */
export function isDepartment(role: Role): boolean {
  return role === 'department';
}

/** Where a person lands after logging in: the department's inbox, or taking calls. */
export function homePath(role: Role): string {
  if (role === 'department') return '/work-orders';
  if (role === 'analyst' || role === 'admin') return '/complaints';
  return '/intake';
}

/** Who sees the escalation review queue (supervisors judge; analysts and admins read). */
export function seesEscalationReviews(role: Role): boolean {
  return role === 'supervisor' || role === 'analyst' || role === 'admin';
}

/** Who judges escalations and takes complaints over. */
export function reviewsEscalations(role: Role): boolean {
  return role === 'supervisor';
}

/** Who approves or refuses compensation above others' authority (up to their own). */
export function decidesCompensation(role: Role): boolean {
  return role === 'specialist' || role === 'supervisor';
}

/** Who takes and works complaints: the views "mine, handled elsewhere" and "my tier's queue". */
export function handlesComplaints(role: Role): boolean {
  return role === 'agent' || role === 'specialist' || role === 'supervisor';
}
