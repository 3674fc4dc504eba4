import type { Kysely } from 'kysely';
import type { NormalisedPhone } from '../../domain/phone.ts';
import type { Database } from '../schema.ts';

export function findCustomerIdByPhone(db: Kysely<Database>, phone: string) {
  return db.selectFrom('customer_phones').select('customer_id').where('phone', '=', phone).executeTakeFirst();
}

export function findCustomer(db: Kysely<Database>, id: string) {
  return db.selectFrom('customers').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function customerPhones(db: Kysely<Database>, customerId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('customer_phones')
    .select('phone')
    .where('customer_id', '=', customerId)
    .orderBy('created_at')
    .execute();
  return rows.map((r) => r.phone);
}

const PROFILE = ['c.id', 'c.name', 'c.vip_level', 'c.tags', 'c.external_id'] as const;

function findProfileByPhone(db: Kysely<Database>, phone: string) {
  return db
    .selectFrom('customer_phones as p')
    .innerJoin('customers as c', 'c.id', 'p.customer_id')
    .select(PROFILE)
    .where('p.phone', '=', phone)
    .executeTakeFirst();
}

export type CustomerProfile = NonNullable<Awaited<ReturnType<typeof findProfileByPhone>>>;

/**
 * The customer who owns this phone number, created if unknown. Concurrent calls for the same new
 * number converge on one customer: the phone is the primary key of customer_phones.
 */
export async function findOrCreateCustomer(
  db: Kysely<Database>,
  phone: NormalisedPhone,
  name: string | null,
  now: Date,
): Promise<CustomerProfile & { created: boolean }> {
  const existing = await findProfileByPhone(db, phone.normalised);
  if (existing) {
    if (name && existing.name === null) {
      await db
        .updateTable('customers')
        .set({ name, updated_at: now })
        .where('id', '=', existing.id)
        .execute();
      return { ...existing, name, created: false };
    }
    return { ...existing, created: false };
  }
  const customer = await db
    .insertInto('customers')
    .values({ name, created_at: now, updated_at: now })
    .returning(['id', 'name', 'vip_level', 'tags', 'external_id'])
    .executeTakeFirstOrThrow();
  const claimed = await db
    .insertInto('customer_phones')
    .values({ phone: phone.normalised, kind: phone.kind, customer_id: customer.id, created_at: now })
    .onConflict((oc) => oc.column('phone').doNothing())
    .returning('customer_id')
    .executeTakeFirst();
  if (claimed) return { ...customer, created: true };
  // Another transaction registered this number first; use its customer.
  await db.deleteFrom('customers').where('id', '=', customer.id).execute();
  const winner = await findProfileByPhone(db, phone.normalised);
  if (!winner) throw new Error('customer phone vanished');
  return { ...winner, created: false };
}
