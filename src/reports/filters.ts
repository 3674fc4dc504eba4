// Report filters as the API takes them, turned into the rollup's dimension values, with the team
// restriction of agents and specialists applied.
import type { Kysely } from 'kysely';
import { categoryWithDescendants } from '../db/repositories/categories.ts';
import type { CountDimension, CubeQuery } from '../db/repositories/report-cube.ts';
import type { Database } from '../db/schema.ts';
import type { DayRange } from '../domain/report-math.ts';
import type { Cause, Channel, CustomerType, Severity } from '../domain/vocabulary.ts';

export interface ReportFilters {
  categoryId?: string | undefined;
  channel?: Channel | undefined;
  severity?: Severity | undefined;
  team?: string | undefined;
  departmentId?: string | undefined;
  product?: string | undefined;
  customerType?: CustomerType | undefined;
  cause?: Cause | undefined;
}

const DIMENSION_OF: Record<Exclude<keyof ReportFilters, 'categoryId'>, CountDimension> = {
  channel: 'channel',
  severity: 'severity',
  team: 'team',
  departmentId: 'department',
  product: 'product',
  customerType: 'customer_type',
  cause: 'cause',
};

export async function cubeQuery(
  db: Kysely<Database>,
  range: DayRange,
  filters: ReportFilters,
): Promise<CubeQuery> {
  const pairs: (readonly [CountDimension, string])[] = [];
  for (const [field, dim] of Object.entries(DIMENSION_OF) as [keyof typeof DIMENSION_OF, CountDimension][]) {
    const v = filters[field];
    if (v !== undefined) pairs.push([dim, v]);
  }
  return {
    from: range.from,
    to: range.to,
    filters: pairs,
    categoryIds: filters.categoryId ? await categoryWithDescendants(db, filters.categoryId) : undefined,
  };
}
