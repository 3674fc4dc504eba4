import { type Kysely, sql } from 'kysely';
import type { ComplaintStatus } from '../../domain/vocabulary.ts';
import type { ComplaintRow, Database } from '../schema.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * By id (uuid) or by human number (TS…); `forUpdate` locks the row for the transaction. The lock
 * is FOR NO KEY UPDATE: it still lets the timer engine insert rows that reference the complaint
 * (a foreign key takes a key-share lock), so the engine never waits on a person's change.
 */
export async function findComplaint(
  db: Kysely<Database>,
  idOrNumber: string,
  opts: { forUpdate?: boolean } = {},
): Promise<ComplaintRow | undefined> {
  let q = db.selectFrom('complaints').selectAll();
  q = UUID.test(idOrNumber)
    ? q.where('id', '=', idOrNumber)
    : q.where('number', '=', idOrNumber.toUpperCase());
  if (opts.forUpdate) q = q.forNoKeyUpdate();
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

/**
 * A customer's complaints by status, how many arrived since `since`, and how many were judged a
 * malicious claim: all of them, not a page.
 */
export async function customerComplaintCounts(
  db: Kysely<Database>,
  customerId: string,
  since: Date,
): Promise<{
  byStatus: Partial<Record<ComplaintStatus, number>>;
  since: number;
  malicious: number;
  /** Complaints flagged as repeating an earlier one. */
  repeats: number;
}> {
  const rows = await db
    .selectFrom('complaints')
    .select([
      'status',
      (eb) => eb.fn.countAll<number>().as('n'),
      (eb) => eb.fn.count<number>('id').filterWhere('received_at', '>=', since).as('recent'),
      (eb) => eb.fn.count<number>('id').filterWhere('customer_type', '=', 'malicious_claim').as('malicious'),
      (eb) => eb.fn.count<number>('id').filterWhere('repeat_of', 'is not', null).as('repeats'),
    ])
    .where('customer_id', '=', customerId)
    .groupBy('status')
    .execute();
  const sum = (key: 'recent' | 'malicious' | 'repeats') =>
    rows.reduce((total, r) => total + Number(r[key]), 0);
  return {
    byStatus: Object.fromEntries(rows.map((r) => [r.status, Number(r.n)])),
    since: sum('recent'),
    malicious: sum('malicious'),
    repeats: sum('repeats'),
  };
}
