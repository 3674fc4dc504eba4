// Category distribution: complaints received in a period by category at a level of the tree,
// with counts and shares.
import type { Kysely } from 'kysely';
import { countsByCategory, NO_CATEGORY } from '../db/repositories/report-cube.ts';
import type { Database } from '../db/schema.ts';
import type { DayRange } from '../domain/report-math.ts';
import { loadCategoryNames } from './categories.ts';
import { cubeQuery, type ReportFilters } from './filters.ts';

export interface DistributionRow {
  categoryId: string | null;
  name: string;
  nameEn: string | null;
  count: number;
  share: number;
}

export interface Distribution {
  total: number;
  rows: DistributionRow[];
  source: 'rollup' | 'raw';
}

export async function categoryDistribution(
  db: Kysely<Database>,
  opts: { range: DayRange; level: number; filters: ReportFilters; timeZone: string },
): Promise<Distribution> {
  const q = await cubeQuery(db, opts.range, opts.filters);
  const [{ rows, source }, names] = await Promise.all([
    countsByCategory(db, q, opts.timeZone),
    loadCategoryNames(db),
  ]);
  const byNode = new Map<string, number>();
  for (const r of rows) {
    const node = names.atLevel(r.key, opts.level);
    byNode.set(node, (byNode.get(node) ?? 0) + r.n);
  }
  const total = rows.reduce((s, r) => s + r.n, 0);
  const out = [...byNode.entries()]
    .filter(([, n]) => n !== 0)
    .map(([id, count]) => ({
      categoryId: id === NO_CATEGORY ? null : id,
      ...names.name(id),
      count,
      share: total > 0 ? count / total : 0,
    }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'zh-CN'));
  return { total, rows: out, source };
}
