// Products, tariffs and campaigns with their launch dates (migration 0005): the list an
// administrator keeps, and what a complaint's free-text product is matched against.
import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.ts';

export const PRODUCT_KINDS = ['product', 'tariff', 'campaign'] as const;
export type ProductKind = (typeof PRODUCT_KINDS)[number];

export interface ProductView {
  id: string;
  name: string;
  kind: ProductKind;
  launched_on: string | null;
  active: boolean;
  first_complaint_id: string | null;
  first_complaint_at: Date | null;
  first_complaint_number: string | null;
  created_at: Date;
  updated_at: Date;
}

function selectProducts(db: Kysely<Database>) {
  return db
    .selectFrom('products as p')
    .leftJoin('complaints as c', 'c.id', 'p.first_complaint_id')
    .select([
      'p.id',
      'p.name',
      'p.kind',
      sql<string | null>`p.launched_on::text`.as('launched_on'),
      'p.active',
      'p.first_complaint_id',
      'p.first_complaint_at',
      'c.number as first_complaint_number',
      'p.created_at',
      'p.updated_at',
    ]);
}

/** Newest launch first (undated last), then by name. */
export function listProducts(
  db: Kysely<Database>,
  opts: { active?: boolean | undefined; kinds?: readonly ProductKind[] | undefined } = {},
): Promise<ProductView[]> {
  let q = selectProducts(db);
  if (opts.active !== undefined) q = q.where('p.active', '=', opts.active);
  if (opts.kinds?.length) q = q.where('p.kind', 'in', opts.kinds);
  return q.orderBy(sql`p.launched_on DESC NULLS LAST`).orderBy('p.name').execute() as Promise<ProductView[]>;
}

export function findProduct(db: Kysely<Database>, id: string): Promise<ProductView | undefined> {
  return selectProducts(db).where('p.id', '=', id).executeTakeFirst() as Promise<ProductView | undefined>;
}
