import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

export function listCategories(db: Kysely<Database>) {
  return db
    .selectFrom('categories')
    .select(['id', 'parent_id', 'name', 'name_en', 'position', 'active'])
    .orderBy('parent_id', (ob) => ob.nullsFirst())
    .orderBy('position')
    .orderBy('name')
    .execute();
}

export function findCategory(db: Kysely<Database>, id: string) {
  return db
    .selectFrom('categories')
    .select(['id', 'name', 'name_en', 'parent_id', 'active'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The category and all its descendants, for "in this category" filters. */
export async function categoryWithDescendants(db: Kysely<Database>, id: string): Promise<string[]> {
  const all = await db.selectFrom('categories').select(['id', 'parent_id']).execute();
  const children = new Map<string, string[]>();
  for (const c of all) {
    if (c.parent_id) children.set(c.parent_id, [...(children.get(c.parent_id) ?? []), c.id]);
  }
  const out: string[] = [];
  const stack = [id];
  while (stack.length) {
    const next = stack.pop() as string;
    out.push(next);
    stack.push(...(children.get(next) ?? []));
  }
  return out;
}
