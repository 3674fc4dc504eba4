// Lists and counts of complaints: one where-clause builder (visibility and filters) serves both,
// so a count always counts exactly what the list would page through.
import { type Expression, type ExpressionBuilder, type Kysely, type SqlBool, sql } from 'kysely';
import {
  type Cause,
  type Channel,
  COMPLAINT_STATUSES,
  type ComplaintStatus,
  type CustomerType,
  type Severity,
} from '../../domain/vocabulary.ts';
import type { ComplaintVisibility } from '../../policies/permissions.ts';
import type { ComplaintsTable, CustomersTable, Database } from '../schema.ts';

export interface ComplaintFilters {
  statuses?: ComplaintStatus[] | undefined;
  categoryIds?: string[] | undefined;
  severities?: Severity[] | undefined;
  ownerId?: string | undefined;
  handlerId?: string | undefined;
  /** Owned or handled by this user. */
  involvedUserId?: string | undefined;
  /** Handled by someone other than this user (or by nobody yet): the owner's "others handle" view. */
  handledByOthers?: string | undefined;
  /** Waiting in this tier's queue: escalated to it, no handler yet. */
  tierQueue?: number | undefined;
  team?: string | undefined;
  customerId?: string | undefined;
  receivedFrom?: Date | undefined;
  receivedTo?: Date | undefined;
  text?: string | undefined;
  channels?: Channel[] | undefined;
  product?: string | undefined;
  customerTypes?: CustomerType[] | undefined;
  causes?: Cause[] | undefined;
  /** The responsible department of the cause analysis. */
  departmentId?: string | undefined;
  /** Only complaints without a category. */
  uncategorised?: boolean | undefined;
  /** Received on this ISO day of the week (1 = Monday) / in this hour, in the report time zone. */
  weekday?: number | undefined;
  hour?: number | undefined;
}

export type ListSort = 'received' | 'updated';

/** Where a page ended: the sort it belongs to, the sort column's value and the id. */
export interface ListCursor {
  sort: ListSort;
  at: Date;
  id: string;
}

const SORT_COLUMN = { received: 'c.received_at', updated: 'c.updated_at' } as const;

type FilterDb = Database & { c: ComplaintsTable; cu: CustomersTable };
type FilterEb = ExpressionBuilder<FilterDb, 'c' | 'cu'>;

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function visibilityCondition(eb: FilterEb, visibility: ComplaintVisibility): Expression<SqlBool> | null {
  if (visibility.kind === 'all') return null;
  if (visibility.kind === 'none') return sql<SqlBool>`false`;
  const { userId, team, tierLevel } = visibility;
  return eb.or([
    eb('c.owner_id', '=', userId),
    eb('c.handler_id', '=', userId),
    ...(team ? [eb('c.team', '=', team)] : []),
    eb.and([eb('c.status', '=', 'new'), eb('c.owner_id', 'is', null)]),
    ...(tierLevel !== undefined
      ? [
          eb.and([
            eb('c.handler_id', 'is', null),
            eb('c.status', '<>', 'new'),
            eb('c.tier_level', '=', tierLevel),
          ]),
        ]
      : []),
  ]);
}

function textCondition(eb: FilterEb, text: string): Expression<SqlBool> {
  const pattern = `%${escapeLike(text)}%`;
  return eb.or([
    eb('c.description', 'ilike', pattern),
    eb('c.number', 'ilike', pattern),
    eb('c.summary', 'ilike', pattern),
    eb('cu.name', 'ilike', pattern),
  ]);
}

/** A part of the receipt time as the reports read it: in the time zone reports cut days in. */
function receivedPart(part: 'isodow' | 'hour', value: number): Expression<SqlBool> {
  return sql<SqlBool>`extract(${sql.raw(part)} from c.received_at at time zone coalesce((select time_zone from report_settings limit 1), 'Asia/Shanghai')) = ${value}`;
}

function filterConditions(eb: FilterEb, f: ComplaintFilters): Expression<SqlBool>[] {
  const out: (Expression<SqlBool> | false | undefined)[] = [
    !!f.statuses?.length && eb('c.status', 'in', f.statuses),
    !!f.severities?.length && eb('c.severity', 'in', f.severities),
    !!f.categoryIds?.length && eb('c.category_id', 'in', f.categoryIds),
    !!f.ownerId && eb('c.owner_id', '=', f.ownerId),
    !!f.handlerId && eb('c.handler_id', '=', f.handlerId),
    !!f.involvedUserId &&
      eb.or([eb('c.owner_id', '=', f.involvedUserId), eb('c.handler_id', '=', f.involvedUserId)]),
    !!f.team && eb('c.team', '=', f.team),
    !!f.handledByOthers &&
      eb.or([eb('c.handler_id', 'is', null), eb('c.handler_id', '<>', f.handledByOthers)]),
    f.tierQueue !== undefined &&
      eb.and([
        eb('c.handler_id', 'is', null),
        eb('c.tier_level', '=', f.tierQueue),
        eb('c.status', '<>', 'new'),
      ]),
    !!f.customerId && eb('c.customer_id', '=', f.customerId),
    !!f.receivedFrom && eb('c.received_at', '>=', f.receivedFrom),
    !!f.receivedTo && eb('c.received_at', '<', f.receivedTo),
    !!f.text && textCondition(eb, f.text),
    !!f.channels?.length && eb('c.channel', 'in', f.channels),
    !!f.product && eb('c.product', '=', f.product),
    !!f.customerTypes?.length && eb('c.customer_type', 'in', f.customerTypes),
    !!f.causes?.length && eb('c.cause', 'in', f.causes),
    !!f.departmentId && eb('c.responsible_department_id', '=', f.departmentId),
    !!f.uncategorised && eb('c.category_id', 'is', null),
    f.weekday !== undefined && receivedPart('isodow', f.weekday),
    f.hour !== undefined && receivedPart('hour', f.hour),
  ];
  return out.filter((x): x is Expression<SqlBool> => !!x);
}

/** Complaints (c) with their customer (cu) that `visibility` lets one see and `f` selects. */
function filteredComplaints(db: Kysely<Database>, visibility: ComplaintVisibility, f: ComplaintFilters) {
  return db
    .selectFrom('complaints as c')
    .innerJoin('customers as cu', 'cu.id', 'c.customer_id')
    .where((eb) => {
      const seen = visibilityCondition(eb, visibility);
      return eb.and([...(seen ? [seen] : []), ...filterConditions(eb, f)]);
    });
}

export function listComplaints(
  db: Kysely<Database>,
  visibility: ComplaintVisibility,
  f: ComplaintFilters,
  page: { limit: number; order: 'asc' | 'desc'; sort?: ListSort; cursor?: ListCursor | undefined },
) {
  const column = SORT_COLUMN[page.sort ?? 'received'];
  const { cursor, order } = page;
  let q = filteredComplaints(db, visibility, f)
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
  if (cursor) {
    q = q.where((eb) =>
      eb(eb.refTuple(column, 'c.id'), order === 'desc' ? '<' : '>', eb.tuple(cursor.at, cursor.id)),
    );
  }
  return q.orderBy(column, order).orderBy('c.id', order).limit(page.limit).execute();
}

export type ComplaintListRow = Awaited<ReturnType<typeof listComplaints>>[number];

/** The cursor that continues a list after `row`. */
export function cursorAfter(row: ComplaintListRow, sort: ListSort): ListCursor {
  return { sort, at: sort === 'updated' ? row.updated_at : row.received_at, id: row.id };
}

/** Zero complaints in every status. */
export function emptyStatusCounts(): Record<ComplaintStatus, number> {
  return Object.fromEntries(COMPLAINT_STATUSES.map((s) => [s, 0])) as Record<ComplaintStatus, number>;
}

/** How many of the complaints the list would show are in each status (every status present). */
export async function countComplaintsByStatus(
  db: Kysely<Database>,
  visibility: ComplaintVisibility,
  f: ComplaintFilters,
): Promise<Record<ComplaintStatus, number>> {
  const rows = await filteredComplaints(db, visibility, f)
    .select(['c.status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('c.status')
    .execute();
  const byStatus = emptyStatusCounts();
  for (const r of rows) byStatus[r.status] = Number(r.n);
  return byStatus;
}
