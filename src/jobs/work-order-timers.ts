// Work-order deadlines for the timer engine: being built (issue 5).
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/** Fires due work-order warnings and breaches; returns how many rows it handled in this batch. */
export async function sweepWorkOrders(
  _db: Kysely<Database>,
  _now: Date,
  _batch: number,
  _out: { notifications: number },
): Promise<number> {
  return 0;
}
