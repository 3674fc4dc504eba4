// Whom to tell when something needs a supervisor: the team's own supervisors, or — for a team
// without one, or no team — every active supervisor, so nothing goes unseen.
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

export async function supervisorsByTeam(
  db: Kysely<Database>,
  teams: readonly (string | null)[],
): Promise<Map<string | null, string[]>> {
  const rows = await db
    .selectFrom('users')
    .select(['id', 'team'])
    .where('role', '=', 'supervisor')
    .where('active', '=', true)
    .orderBy('id')
    .execute();
  const all = rows.map((r) => r.id);
  const map = new Map<string | null, string[]>();
  for (const team of new Set(teams)) {
    const own = team === null ? [] : rows.filter((r) => r.team === team).map((r) => r.id);
    map.set(team, own.length ? own : all);
  }
  return map;
}

export async function supervisorsOf(db: Kysely<Database>, team: string | null): Promise<string[]> {
  return (await supervisorsByTeam(db, [team])).get(team) ?? [];
}
