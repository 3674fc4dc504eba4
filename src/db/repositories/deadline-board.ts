// The supervisor's board: open deadlines at risk or breached, across the complaints one may see.
import { type Expression, type Kysely, type SqlBool, sql } from 'kysely';
import type { DeadlineKind } from '../../domain/deadlines.ts';
import type { ComplaintVisibility } from '../../policies/permissions.ts';
import type { Database } from '../schema.ts';

export type BoardState = 'at_risk' | 'breached';

export interface BoardQuery {
  states: BoardState[];
  kinds?: DeadlineKind[] | undefined;
  team?: string | undefined;
  limit: number;
  cursor?: { at: Date; id: string } | undefined;
}

function base(
  db: Kysely<Database>,
  visibility: ComplaintVisibility,
  now: Date,
  q: Omit<BoardQuery, 'limit'>,
) {
  return db
    .selectFrom('complaint_deadlines as d')
    .innerJoin('complaints as c', 'c.id', 'd.complaint_id')
    .where('d.met_at', 'is', null)
    .where('d.cancelled_at', 'is', null)
    .where((eb) => {
      const breached = eb.or([
        eb('d.breached_at', 'is not', null),
        eb.and([eb('d.paused_at', 'is', null), eb('d.due_at', '<=', now)]),
      ]);
      const atRisk = eb.and([
        eb('d.breached_at', 'is', null),
        eb('d.paused_at', 'is', null),
        eb('d.warn_at', '<=', now),
        eb('d.due_at', '>', now),
      ]);
      const states: Expression<SqlBool>[] = [];
      if (q.states.includes('breached')) states.push(breached);
      if (q.states.includes('at_risk')) states.push(atRisk);
      const conditions: Expression<SqlBool>[] = [eb.or(states)];
      if (q.kinds?.length) conditions.push(eb('d.kind', 'in', q.kinds));
      if (q.team) conditions.push(eb('c.team', '=', q.team));
      if (visibility.kind === 'none') conditions.push(sql<SqlBool>`false`);
      if (visibility.kind === 'scoped') {
        conditions.push(
          eb.or([
            eb('c.owner_id', '=', visibility.userId),
            eb('c.handler_id', '=', visibility.userId),
            ...(visibility.team ? [eb('c.team', '=', visibility.team)] : []),
          ]),
        );
      }
      return eb.and(conditions);
    });
}

export function deadlineBoard(
  db: Kysely<Database>,
  visibility: ComplaintVisibility,
  now: Date,
  q: BoardQuery,
) {
  const c = q.cursor;
  return base(db, visibility, now, q)
    .leftJoin('users as h', 'h.id', 'c.handler_id')
    .leftJoin('users as o', 'o.id', 'c.owner_id')
    .leftJoin('categories as cat', 'cat.id', 'c.category_id')
    .select([
      'd.id',
      'd.kind',
      'd.due_at',
      'd.warn_at',
      'd.breached_at',
      'd.warned_at',
      'd.provisional',
      'd.escalate_on_breach',
      'd.paused_at',
      'c.id as complaint_id',
      'c.number',
      'c.status',
      'c.severity',
      'c.team',
      'c.handler_id',
      'h.name as handler_name',
      'c.owner_id',
      'o.name as owner_name',
      'c.category_id',
      'cat.name as category_name',
      'cat.name_en as category_name_en',
    ])
    .$if(!!c, (qb) =>
      qb.where((eb) => eb(eb.refTuple('d.due_at', 'd.id'), '>', eb.tuple(c?.at as Date, c?.id as string))),
    )
    .orderBy('d.due_at')
    .orderBy('d.id')
    .limit(q.limit)
    .execute();
}

export type BoardRow = Awaited<ReturnType<typeof deadlineBoard>>[number];

/** How many are at risk and how many breached, under the same filters (without paging). */
export async function deadlineBoardCounts(
  db: Kysely<Database>,
  visibility: ComplaintVisibility,
  now: Date,
  q: Omit<BoardQuery, 'limit' | 'cursor' | 'states'>,
): Promise<Record<BoardState, number>> {
  const count = async (state: BoardState) => {
    const row = await base(db, visibility, now, { ...q, states: [state] })
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };
  const [atRisk, breached] = await Promise.all([count('at_risk'), count('breached')]);
  return { at_risk: atRisk, breached };
}
