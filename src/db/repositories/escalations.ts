// Escalations, hand-backs and take-overs of complaints, and the supervisors' review queue.
import type { Kysely } from 'kysely';
import type { Database, EscalationRow } from '../schema.ts';

export function complaintEscalations(db: Kysely<Database>, complaintId: string): Promise<EscalationRow[]> {
  return db
    .selectFrom('escalations')
    .selectAll()
    .where('complaint_id', '=', complaintId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function tierLevels(db: Kysely<Database>): Promise<number[]> {
  const rows = await db.selectFrom('tiers').select('level').orderBy('level').execute();
  return rows.map((r) => r.level);
}

/** The tier a person works in: their own, their team's, or none (then their role's). */
export async function userTierLevel(db: Kysely<Database>, userId: string): Promise<number | null> {
  const row = await db
    .selectFrom('users as u')
    .leftJoin('teams as tm', 'tm.id', 'u.team_id')
    .leftJoin('tiers as tr', (j) => j.on((eb) => eb('tr.id', '=', eb.fn.coalesce('u.tier_id', 'tm.tier_id'))))
    .select('tr.level')
    .where('u.id', '=', userId)
    .executeTakeFirst();
  return row?.level ?? null;
}

export interface EscalationQuery {
  review: 'pending' | 'done' | 'all';
  /** Just this one. */
  id?: string | undefined;
  team?: string | undefined;
  limit: number;
  cursor?: { at: Date; id: string } | undefined;
}

/** Escalations (not hand-backs or take-overs) for review, oldest first. */
export function escalationQueue(db: Kysely<Database>, q: EscalationQuery) {
  const c = q.cursor;
  return db
    .selectFrom('escalations as e')
    .innerJoin('complaints as c', 'c.id', 'e.complaint_id')
    .leftJoin('users as o', 'o.id', 'c.owner_id')
    .leftJoin('users as fh', 'fh.id', 'e.from_handler_id')
    .leftJoin('users as th', 'th.id', 'e.to_handler_id')
    .leftJoin('users as cb', 'cb.id', 'e.created_by')
    .leftJoin('users as rv', 'rv.id', 'e.reviewed_by')
    .selectAll('e')
    .select([
      'c.number',
      'c.severity',
      'c.team',
      'c.status',
      'c.owner_id',
      'o.name as owner_name',
      'fh.name as from_handler_name',
      'th.name as to_handler_name',
      'cb.name as created_by_name',
      'rv.name as reviewed_by_name',
    ])
    .where('e.kind', '=', 'escalation')
    .$if(q.review === 'pending', (qb) => qb.where('e.review', 'is', null))
    .$if(q.review === 'done', (qb) => qb.where('e.review', 'is not', null))
    .$if(!!q.team, (qb) => qb.where('c.team', '=', q.team as string))
    .$if(!!q.id, (qb) => qb.where('e.id', '=', q.id as string))
    .$if(!!c, (qb) =>
      qb.where((eb) =>
        eb(eb.refTuple('e.created_at', 'e.id'), '>', eb.tuple(c?.at as Date, c?.id as string)),
      ),
    )
    .orderBy('e.created_at')
    .orderBy('e.id')
    .limit(q.limit)
    .execute();
}

export type EscalationQueueRow = Awaited<ReturnType<typeof escalationQueue>>[number];
