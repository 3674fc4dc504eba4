// KPIs of complaint management (domain §3) for the complaints received in a period, overall or by
// team, agent (the owner, 首问), responsible department or category.
import type { Kysely } from 'kysely';
import { type KpiDimension, kpiSums, NO_CATEGORY, resolveHistogram } from '../db/repositories/report-cube.ts';
import type { Database } from '../db/schema.ts';
import {
  addSums,
  emptySums,
  type KpiRate,
  type KpiSums,
  kpiRates,
  kpiTargets,
  resolveTimes,
} from '../domain/report-kpis.ts';
import type { DayRange } from '../domain/report-math.ts';
import { loadCategoryNames } from './categories.ts';

export interface KpiRow extends KpiSums {
  key: string | null;
  name: string | null;
  rates: Record<KpiRate, number | null>;
  avgResolveHours: number | null;
  p90ResolveHours: number | null;
  p90Over30Days: boolean;
  seriousAvgResolveHours: number | null;
}

export interface KpiReport {
  groupBy: KpiDimension;
  rows: KpiRow[];
  targets: Record<KpiRate, number>;
}

async function namesOf(db: Kysely<Database>, dim: KpiDimension, keys: string[]) {
  const ids = keys.filter((k) => /^[0-9a-f-]{36}$/.test(k));
  if (dim === 'owner' && ids.length) {
    const rows = await db.selectFrom('users').select(['id', 'name']).where('id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.id, r.name]));
  }
  if (dim === 'department' && ids.length) {
    const rows = await db.selectFrom('departments').select(['id', 'name']).where('id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.id, r.name]));
  }
  return new Map<string, string>();
}

export async function kpiReport(
  db: Kysely<Database>,
  opts: {
    range: DayRange;
    groupBy: KpiDimension;
    level?: number | undefined;
    /** Agents and specialists restricted to their team's figures. */
    team?: string | undefined;
  },
): Promise<KpiReport> {
  let dim = opts.groupBy;
  let values: string[] | undefined;
  if (opts.team !== undefined) {
    if (dim === 'all' || dim === 'team') {
      dim = 'team';
      values = [opts.team];
    } else if (dim === 'owner') {
      const members = await db.selectFrom('users').select('id').where('team', '=', opts.team).execute();
      values = members.map((m) => m.id);
    }
  }
  const query = { dim, from: opts.range.from, to: opts.range.to, values };
  const [sums, hist, settings] = await Promise.all([
    values?.length === 0 ? Promise.resolve([]) : kpiSums(db, query),
    dim === 'owner' || values?.length === 0 ? Promise.resolve([]) : resolveHistogram(db, query),
    db.selectFrom('report_settings').select('kpi_targets').executeTakeFirstOrThrow(),
  ]);

  // Categories roll up to the level asked for; other dimensions are their own groups.
  const categories = dim === 'category' ? await loadCategoryNames(db) : undefined;
  const level = opts.level ?? 1;
  const groupOf = (value: string) =>
    categories ? categories.atLevel(value === '' ? NO_CATEGORY : value, level) : value;
  const groups = new Map<string, { sums: KpiSums; hist: Map<number, number> }>();
  const group = (k: string) => {
    let g = groups.get(k);
    if (!g) {
      g = { sums: emptySums(), hist: new Map() };
      groups.set(k, g);
    }
    return g;
  };
  for (const r of sums) addSums(group(groupOf(r.value)).sums, r.sums);
  for (const h of hist) {
    const g = group(groupOf(h.value)).hist;
    g.set(h.bucket, (g.get(h.bucket) ?? 0) + h.n);
  }
  const names = await namesOf(db, dim, [...groups.keys()]);
  const nameOf = (k: string): string | null => {
    if (opts.groupBy === 'all' && opts.team === undefined) return null;
    if (categories) return categories.name(k).name;
    if (k === '') return null;
    return names.get(k) ?? k;
  };
  const rows = [...groups.entries()]
    .filter(([, g]) => g.sums.received !== 0)
    .map(([k, g]) => ({
      key: k === '' || k === NO_CATEGORY || (opts.groupBy === 'all' && opts.team === undefined) ? null : k,
      name: nameOf(k),
      ...g.sums,
      rates: kpiRates(g.sums),
      ...resolveTimes(g.sums, g.hist),
    }))
    .sort((a, b) => b.received - a.received);
  return { groupBy: opts.groupBy, rows, targets: kpiTargets(settings.kpi_targets) };
}
