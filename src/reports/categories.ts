// The category tree as reports need it: names, and each category's ancestor at a level.
import type { Kysely } from 'kysely';
import { NO_CATEGORY } from '../db/repositories/report-cube.ts';
import type { Database } from '../db/schema.ts';
import { ancestorAtLevel } from '../domain/report-math.ts';

export interface CategoryNames {
  name(id: string): { name: string; nameEn: string | null };
  /** The category's ancestor at `level` (NO_CATEGORY stays itself). */
  atLevel(id: string, level: number): string;
}

export async function loadCategoryNames(db: Kysely<Database>): Promise<CategoryNames> {
  const rows = await db.selectFrom('categories').select(['id', 'parent_id', 'name', 'name_en']).execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const parentOf = new Map(rows.map((r) => [r.id, r.parent_id]));
  return {
    name(id) {
      if (id === NO_CATEGORY) return { name: '未分类', nameEn: 'Uncategorised' };
      const r = byId.get(id);
      return { name: r?.name ?? id, nameEn: r?.name_en ?? null };
    },
    atLevel(id, level) {
      return id === NO_CATEGORY ? id : ancestorAtLevel(id, level, parentOf);
    },
  };
}
