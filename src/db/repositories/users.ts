import type { Kysely } from 'kysely';
import { defaultTierLevel } from '../../domain/escalation.ts';
import type { Role } from '../../domain/vocabulary.ts';
import type { Database } from '../schema.ts';

/** The columns a user is presented with (never the password hash). */
export const USER_COLUMNS = [
  'id',
  'login',
  'name',
  'role',
  'team',
  'active',
  'created_at',
  'team_id',
  'tier_id',
  'department_id',
  'skills',
] as const;

export function findUserById(db: Kysely<Database>, id: string) {
  return db.selectFrom('users').select(USER_COLUMNS).where('id', '=', id).executeTakeFirst();
}

export function findUserByLogin(db: Kysely<Database>, login: string) {
  return db
    .selectFrom('users')
    .select([...USER_COLUMNS, 'password_hash'])
    .where((eb) => eb(eb.fn('lower', ['login']), '=', login.toLowerCase()))
    .executeTakeFirst();
}

export function listUsers(db: Kysely<Database>) {
  return db.selectFrom('users').select(USER_COLUMNS).orderBy('login').execute();
}

/** Active users of these roles, by team (those without one last) and name, with the tier they work in. */
export async function listColleagues<R extends Role>(db: Kysely<Database>, roles: readonly R[]) {
  const rows = await db
    .selectFrom('users as u')
    .leftJoin('teams as tm', 'tm.id', 'u.team_id')
    .leftJoin('tiers as tr', (j) => j.on((eb) => eb('tr.id', '=', eb.fn.coalesce('u.tier_id', 'tm.tier_id'))))
    .select(['u.id', 'u.name', 'u.role', 'u.team', 'tr.level as tier_level'])
    .where('u.active', '=', true)
    .where('u.role', 'in', roles)
    .orderBy('u.team', (ob) => ob.asc().nullsLast())
    .orderBy('u.name')
    .orderBy('u.id')
    .execute();
  return rows.map(({ tier_level, ...r }) => ({
    ...r,
    role: r.role as R,
    tierLevel: tier_level ?? defaultTierLevel(r.role),
  }));
}

export async function userNames(
  db: Kysely<Database>,
  ids: Array<string | null>,
): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((x): x is string => x !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'name']).where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function countAdmins(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'admin')
    .where('active', '=', true)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The user behind a live session, or undefined. */
export function findSessionUser(db: Kysely<Database>, sessionHash: string, now: Date) {
  return db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .leftJoin('teams as tm', 'tm.id', 'u.team_id')
    .leftJoin('tiers as tr', (j) => j.on((eb) => eb('tr.id', '=', eb.fn.coalesce('u.tier_id', 'tm.tier_id'))))
    .select(['u.id', 'u.name', 'u.role', 'u.team', 'u.login', 'u.department_id', 'tr.level as tier_level'])
    .where('s.id', '=', sessionHash)
    .where('s.expires_at', '>', now)
    .where('u.active', '=', true)
    .executeTakeFirst();
}

/** The user behind a live API token, or undefined. */
export function findTokenUser(db: Kysely<Database>, tokenHash: string) {
  return db
    .selectFrom('api_tokens as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .leftJoin('teams as tm', 'tm.id', 'u.team_id')
    .leftJoin('tiers as tr', (j) => j.on((eb) => eb('tr.id', '=', eb.fn.coalesce('u.tier_id', 'tm.tier_id'))))
    .select([
      'u.id',
      'u.name',
      'u.role',
      'u.team',
      'u.login',
      'u.department_id',
      'tr.level as tier_level',
      't.id as token_id',
    ])
    .where('t.token_hash', '=', tokenHash)
    .where('t.revoked_at', 'is', null)
    .where('u.active', '=', true)
    .executeTakeFirst();
}
