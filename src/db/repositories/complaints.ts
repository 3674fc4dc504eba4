import { type Kysely, sql } from 'kysely';
import type { ComplaintStatus, Severity } from '../../domain/vocabulary.ts';
import type { ComplaintVisibility } from '../../policies/permissions.ts';
import type { ComplaintRow, Database } from '../schema.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** By id (uuid) or by human number (TS…); `forUpdate` locks the row for the transaction. */
export async function findComplaint(
  db: Kysely<Database>,
  idOrNumber: string,
  opts: { forUpdate?: boolean } = {},
): Promise<ComplaintRow | undefined> {
  let q = db.selectFrom('complaints').selectAll();
  q = UUID.test(idOrNumber)
    ? q.where('id', '=', idOrNumber)
    : q.where('number', '=', idOrNumber.toUpperCase());
  if (opts.forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export function complaintDemands(db: Kysely<Database>, complaintId: string) {
  return db
    .selectFrom('demands')
    .selectAll()
    .where('complaint_id', '=', complaintId)
    .orderBy('position')
    .execute();
}

export function complaintContacts(db: Kysely<Database>, complaintId: string) {
  return db
    .selectFrom('contacts as k')
    .innerJoin('users as u', 'u.id', 'k.agent_id')
    .selectAll('k')
    .select('u.name as agent_name')
    .where('k.complaint_id', '=', complaintId)
    .orderBy('k.started_at')
    .orderBy('k.created_at')
    .execute();
}

/** Allocates the next number of the day in its own short statement, so no lock is held for long. */
export async function nextDailySequence(db: Kysely<Database>, day: string): Promise<number> {
  const row = await db
    .insertInto('complaint_number_counters')
    .values({ day, last: 1 })
    .onConflict((oc) => oc.column('day').doUpdateSet({ last: sql`complaint_number_counters.last + 1` }))
    .returning('last')
    .executeTakeFirstOrThrow();
  return row.last;
}

export interface ComplaintFilters {
  statuses?: ComplaintStatus[] | undefined;
  categoryIds?: string[] | undefined;
  severities?: Severity[] | undefined;
  ownerId?: string | undefined;
  handlerId?: string | undefined;
  customerId?: string | undefined;
  receivedFrom?: Date | undefined;
  receivedTo?: Date | undefined;
  text?: string | undefined;
}

export interface ListCursor {
  receivedAt: Date;
  id: string;
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export function listComplaints(
  db: Kysely<Database>,
  visibility: ComplaintVisibility,
  f: ComplaintFilters,
  page: { limit: number; cursor?: ListCursor | undefined; order: 'asc' | 'desc' },
) {
  let q = db
    .selectFrom('complaints as c')
    .innerJoin('customers as cu', 'cu.id', 'c.customer_id')
    .leftJoin('users as o', 'o.id', 'c.owner_id')
    .leftJoin('users as h', 'h.id', 'c.handler_id')
    .leftJoin('categories as cat', 'cat.id', 'c.category_id')
    .selectAll('c')
    .select([
      'cu.name as customer_name',
      'cu.vip_level as customer_vip_level',
      'o.name as owner_name',
      'h.name as handler_name',
      'cat.name as category_name',
    ])
    .select((eb) =>
      eb
        .selectFrom('demands as d')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('d.complaint_id', '=', 'c.id')
        .where('d.status', '=', 'open')
        .as('open_demands'),
    );
  if (visibility.kind === 'none') q = q.where(sql<boolean>`false`);
  if (visibility.kind === 'scoped') {
    const { userId, team } = visibility;
    q = q.where((eb) =>
      eb.or([
        eb('c.owner_id', '=', userId),
        eb('c.handler_id', '=', userId),
        ...(team ? [eb('c.team', '=', team)] : []),
        eb.and([eb('c.status', '=', 'new'), eb('c.owner_id', 'is', null)]),
      ]),
    );
  }
  if (f.statuses?.length) q = q.where('c.status', 'in', f.statuses);
  if (f.severities?.length) q = q.where('c.severity', 'in', f.severities);
  if (f.categoryIds?.length) q = q.where('c.category_id', 'in', f.categoryIds);
  if (f.ownerId) q = q.where('c.owner_id', '=', f.ownerId);
  if (f.handlerId) q = q.where('c.handler_id', '=', f.handlerId);
  if (f.customerId) q = q.where('c.customer_id', '=', f.customerId);
  if (f.receivedFrom) q = q.where('c.received_at', '>=', f.receivedFrom);
  if (f.receivedTo) q = q.where('c.received_at', '<', f.receivedTo);
  if (f.text) {
    const pattern = `%${escapeLike(f.text)}%`;
    q = q.where((eb) =>
      eb.or([
        eb('c.description', 'ilike', pattern),
        eb('c.number', 'ilike', pattern),
        eb('c.summary', 'ilike', pattern),
        eb('cu.name', 'ilike', pattern),
      ]),
    );
  }
  const { cursor, order } = page;
  if (cursor) {
    q = q.where((eb) =>
      eb(
        eb.refTuple('c.received_at', 'c.id'),
        order === 'desc' ? '<' : '>',
        eb.tuple(cursor.receivedAt, cursor.id),
      ),
    );
  }
  return q.orderBy('c.received_at', order).orderBy('c.id', order).limit(page.limit).execute();
}

export type ComplaintListRow = Awaited<ReturnType<typeof listComplaints>>[number];

/** A customer's complaints by status, and how many arrived since `since` (all of them, not a page). */
export async function customerComplaintCounts(
  db: Kysely<Database>,
  customerId: string,
  since: Date,
): Promise<{ byStatus: Record<string, number>; since: number }> {
  const rows = await db
    .selectFrom('complaints')
    .select([
      'status',
      (eb) => eb.fn.countAll<number>().as('n'),
      (eb) => eb.fn.count<number>('id').filterWhere('received_at', '>=', since).as('recent'),
    ])
    .where('customer_id', '=', customerId)
    .groupBy('status')
    .execute();
  return {
    byStatus: Object.fromEntries(rows.map((r) => [r.status, Number(r.n)])),
    since: rows.reduce((sum, r) => sum + Number(r.recent), 0),
  };
}
