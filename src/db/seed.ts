// Defaults a new database starts with. Idempotent: runs after every migration pass.
import type { Kysely } from 'kysely';
import { DEFAULT_TAXONOMY, type TaxonomyNode } from '../domain/default-taxonomy.ts';
import type { Database } from './schema.ts';

export async function seedDefaults(db: Kysely<Database>): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const existing = await tx.selectFrom('categories').select('id').limit(1).executeTakeFirst();
    if (existing) return;
    const insert = async (nodes: TaxonomyNode[], parentId: string | null) => {
      for (const [position, node] of nodes.entries()) {
        const row = await tx
          .insertInto('categories')
          .values({ name: node.name, name_en: node.nameEn, parent_id: parentId, position })
          .returning('id')
          .executeTakeFirstOrThrow();
        if (node.children) await insert(node.children, row.id);
      }
    };
    await insert(DEFAULT_TAXONOMY, null);
  });
}
