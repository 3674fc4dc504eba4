// Everything the customer page and the caller lookup show about one customer.
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { listComplaints } from './complaint-list.ts';
import { customerComplaintCounts } from './complaints.ts';
import { customerPhones, findCustomer } from './customers.ts';

/** How much of a customer's history is shown with the profile (counts cover all of it). */
const HISTORY_LIMIT = 50;

export async function loadCustomerProfile(db: Kysely<Database>, customerId: string, recentSince: Date) {
  const customer = await findCustomer(db, customerId);
  if (!customer) return undefined;
  const [phones, history, counts] = await Promise.all([
    customerPhones(db, customerId),
    // The caller's history is shown whole to whoever takes the call: a repeated complaint must be recognised.
    listComplaints(db, { kind: 'all' }, { customerId }, { limit: HISTORY_LIMIT, order: 'desc' }),
    customerComplaintCounts(db, customerId, recentSince),
  ]);
  return { customer, phones, history, counts };
}

export type CustomerProfileData = NonNullable<Awaited<ReturnType<typeof loadCustomerProfile>>>;
