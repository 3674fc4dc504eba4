// Who may do what. Pure functions of the actor and the subject; one authorize() that throws.
// Every route calls authorize() before its command runs.

import { complaintNotFound, DomainError } from '../domain/errors.ts';
import type { ComplaintStatus, Role } from '../domain/vocabulary.ts';
import type { Actor } from './actor.ts';

/** The fields of a complaint that decide who may see or act on it. */
export interface ComplaintScope {
  ownerId: string | null;
  handlerId: string | null;
  team: string | null;
  status: ComplaintStatus;
  /** The tier handling it now; with no handler, it waits in that tier's queue. */
  tierLevel?: number;
}

/** The roles that take and handle complaints (and to whom a complaint may be transferred). */
export const HANDLING_ROLES = ['agent', 'specialist', 'supervisor'] as const satisfies readonly Role[];
const SEE_ALL_ROLES: readonly Role[] = ['supervisor', 'analyst', 'admin'];
/** Roles that talk to customers see full phone numbers; the rest see them masked. */
const PERSONAL_DATA_ROLES: readonly Role[] = ['agent', 'specialist', 'supervisor'];

export function canSeePersonalData(actor: Actor): boolean {
  return PERSONAL_DATA_ROLES.includes(actor.role);
}

function isInScope(actor: Actor, c: ComplaintScope): boolean {
  if (c.ownerId === actor.id || c.handlerId === actor.id) return true;
  if (actor.team !== null && c.team === actor.team) return true;
  // Escalated without a named handler: it waits in the queue of the tier it went to.
  if (
    c.handlerId === null &&
    c.status !== 'new' &&
    c.tierLevel !== undefined &&
    c.tierLevel === actor.tierLevel
  )
    return true;
  // A complaint nobody has accepted yet sits in the shared intake queue.
  return c.status === 'new' && c.ownerId === null;
}

export function canViewComplaint(actor: Actor, c: ComplaintScope): boolean {
  if (SEE_ALL_ROLES.includes(actor.role)) return true;
  if (actor.role === 'agent' || actor.role === 'specialist') return isInScope(actor, c);
  return false;
}

export function canHandleComplaint(actor: Actor, c: ComplaintScope): boolean {
  if (actor.role === 'supervisor') return true;
  if (actor.role === 'agent' || actor.role === 'specialist') return isInScope(actor, c);
  return false;
}

export type Permission =
  | 'complaint:create'
  | 'complaint:list'
  | 'customer:view'
  | 'category:view'
  | 'category:manage'
  | 'user:directory'
  | 'user:manage'
  | 'token:manage'
  | 'calendar:view'
  | 'calendar:manage'
  | 'sla:view'
  | 'sla:manage'
  | 'organisation:view'
  | 'organisation:manage'
  | 'escalation:review'
  | 'complaint:take_over'
  | 'work_order:answer'
  | 'compensation:decide'
  | 'report:view'
  | 'report:manage'
  | 'alert:view'
  | 'alert:acknowledge'
  | 'product:view'
  | 'product:manage'
  | 'analysis:record';

const GRANTS: Record<Permission, readonly Role[]> = {
  'complaint:create': HANDLING_ROLES,
  'complaint:list': ['agent', 'specialist', 'supervisor', 'analyst', 'admin'],
  'customer:view': ['agent', 'specialist', 'supervisor', 'analyst'],
  'category:view': ['agent', 'specialist', 'supervisor', 'analyst', 'admin', 'department'],
  'category:manage': ['admin'],
  'user:directory': HANDLING_ROLES,
  'user:manage': ['admin'],
  'token:manage': ['admin'],
  'calendar:view': ['agent', 'specialist', 'supervisor', 'analyst', 'admin'],
  'calendar:manage': ['admin'],
  'sla:view': ['agent', 'specialist', 'supervisor', 'analyst', 'admin'],
  'sla:manage': ['admin'],
  'organisation:view': ['agent', 'specialist', 'supervisor', 'analyst', 'admin', 'department'],
  'organisation:manage': ['admin'],
  'escalation:review': ['supervisor'],
  'complaint:take_over': ['supervisor'],
  'work_order:answer': ['department'],
  'compensation:decide': ['specialist', 'supervisor'],
  // Reports: agents and specialists see their own team's figures unless the admin opens them up
  // (report_settings.agents_team_only); see reportScope() in src/policies/reports.ts.
  'report:view': ['agent', 'specialist', 'supervisor', 'analyst', 'admin'],
  'report:manage': ['admin'],
  'alert:view': ['supervisor', 'analyst', 'admin'],
  'alert:acknowledge': ['supervisor', 'analyst'],
  'product:view': ['agent', 'specialist', 'supervisor', 'analyst', 'admin'],
  'product:manage': ['admin'],
  'analysis:record': HANDLING_ROLES,
};

export function can(actor: Actor, permission: Permission): boolean {
  return GRANTS[permission].includes(actor.role);
}

function forbidden(what: string): DomainError {
  return new DomainError('FORBIDDEN', `Your role may not ${what}`, { reason: what });
}

export function authorize(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) throw forbidden(permission);
}

/** Throws NOT_FOUND (not FORBIDDEN) so that the existence of a complaint outside one's scope is not revealed. */
export function authorizeView(actor: Actor, c: ComplaintScope): void {
  if (!canViewComplaint(actor, c)) throw complaintNotFound();
}

export function authorizeHandle(actor: Actor, c: ComplaintScope): void {
  authorizeView(actor, c);
  if (!canHandleComplaint(actor, c)) throw forbidden('handle this complaint');
}

/** The SQL-side filter for lists: which complaints an actor sees. */
export type ComplaintVisibility =
  | { kind: 'all' }
  | { kind: 'scoped'; userId: string; team: string | null; tierLevel?: number | undefined }
  | { kind: 'none' };

export function complaintVisibility(actor: Actor): ComplaintVisibility {
  if (SEE_ALL_ROLES.includes(actor.role)) return { kind: 'all' };
  if (actor.role === 'agent' || actor.role === 'specialist') {
    return { kind: 'scoped', userId: actor.id, team: actor.team, tierLevel: actor.tierLevel };
  }
  return { kind: 'none' };
}
