// The first complaint about a product, tariff or campaign, noted in the complaint's own
// transaction (creation, or a change of its product): recorded on the product at most once
// (UPDATE … WHERE first_complaint_id IS NULL: of two concurrent first complaints, the second
// waits for the first's row lock and then matches nothing), and for a new product an alert to
// every analyst and supervisor at once. The rule is src/domain/new-product-alerts.ts.
import { type Kysely, sql } from 'kysely';
import { raiseAlerts } from '../db/repositories/alerts.ts';
import type { Database } from '../db/schema.ts';
import { decideFirstComplaint } from '../domain/new-product-alerts.ts';

export interface ComplaintAboutProduct {
  id: string;
  number: string;
  product: string | null;
  received_at: Date;
}

/** Returns the id of the alert raised, if one was. */
export async function noteFirstComplaint(
  tx: Kysely<Database>,
  complaint: ComplaintAboutProduct,
  now: Date,
): Promise<string | null> {
  const name = complaint.product?.trim();
  if (!name) return null;
  const received = complaint.received_at.toISOString();
  const product = await tx
    .selectFrom('products')
    .select([
      'id',
      'name',
      'kind',
      'active',
      'first_complaint_id',
      sql<string | null>`launched_on::text`.as('launched_on'),
      sql<string>`(${received}::timestamptz AT TIME ZONE (SELECT time_zone FROM report_settings))::date::text`.as(
        'received_day',
      ),
    ])
    .where(sql`lower(name)`, '=', sql`lower(${name})`)
    .executeTakeFirst();
  if (!product) return null;
  const decision = decideFirstComplaint(
    { active: product.active, launchedOn: product.launched_on, firstComplaintId: product.first_complaint_id },
    product.received_day,
  );
  if (!decision.record) return null;
  const claimed = await tx
    .updateTable('products')
    .set({ first_complaint_id: complaint.id, first_complaint_at: complaint.received_at })
    .where('id', '=', product.id)
    .where('first_complaint_id', 'is', null)
    .returning('id')
    .executeTakeFirst();
  if (!claimed || !decision.alert) return null;
  const { raised } = await raiseAlerts(
    tx,
    [
      {
        kind: 'new_product',
        subjectKind: 'product',
        subjectKey: product.id,
        categoryId: null,
        productId: product.id,
        subjectName: product.name,
        day: product.received_day,
        baselineFrom: null,
        baselineTo: null,
        observed: 1,
        expected: 0,
        threshold: 1,
        method: 'first_complaint',
        pValue: null,
        details: {
          productKind: product.kind,
          launchedOn: product.launched_on,
          daysSinceLaunch: decision.daysSinceLaunch,
          number: complaint.number,
          spelling: name,
        },
        complaintId: complaint.id,
        complaintNumber: complaint.number,
      },
    ],
    now,
  );
  return raised[0]?.id ?? null;
}
