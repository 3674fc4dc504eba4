import { formatPhone, maskPhone } from '../../domain/phone.ts';
import type { Actor } from '../../policies/actor.ts';
import { canSeePersonalData } from '../../policies/permissions.ts';

/** Timestamps leave the API as ISO 8601 strings in UTC. */
export function iso<T extends Date | null>(d: T): T extends Date ? string : string | null {
  return (d === null ? null : d.toISOString()) as T extends Date ? string : string | null;
}

export function presentUserRef(id: string | null, names: Map<string, string> | string | null) {
  if (!id) return null;
  const name = typeof names === 'string' || names === null ? names : (names.get(id) ?? null);
  return { id, name };
}

/** Full number for roles that call customers back; 138****5678 for everyone else. */
export function presentPhone(actor: Actor, normalised: string) {
  return canSeePersonalData(actor)
    ? { phone: formatPhone(normalised), phoneMasked: false }
    : { phone: maskPhone(normalised), phoneMasked: true };
}

export function presentUser(u: {
  id: string;
  login: string;
  name: string;
  role: string;
  team: string | null;
  active: boolean;
  created_at: Date;
  team_id?: string | null;
  tier_id?: string | null;
  department_id?: string | null;
  skills?: string[];
}) {
  return {
    id: u.id,
    login: u.login,
    name: u.name,
    role: u.role,
    team: u.team,
    teamId: u.team_id ?? null,
    tierId: u.tier_id ?? null,
    departmentId: u.department_id ?? null,
    skills: u.skills ?? [],
    active: u.active,
    createdAt: iso(u.created_at),
  };
}
