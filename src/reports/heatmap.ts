// When complaints arrive: counts by weekday (Monday = 1) and hour of the report time zone.
import type { Kysely } from 'kysely';
import { countsByDayHour } from '../db/repositories/report-cube.ts';
import type { Database } from '../db/schema.ts';
import { type DayRange, isoWeekday } from '../domain/report-math.ts';
import { cubeQuery, type ReportFilters } from './filters.ts';

export interface HeatCell {
  weekday: number;
  hour: number;
  count: number;
}

export async function heatmapReport(
  db: Kysely<Database>,
  opts: { range: DayRange; filters: ReportFilters; timeZone: string },
): Promise<{ total: number; cells: HeatCell[]; source: 'rollup' | 'raw' }> {
  const q = await cubeQuery(db, opts.range, opts.filters);
  const { rows, source } = await countsByDayHour(db, q, opts.timeZone);
  const grid = new Map<string, number>();
  for (const r of rows) {
    const k = `${isoWeekday(r.day)}:${r.hour}`;
    grid.set(k, (grid.get(k) ?? 0) + r.n);
  }
  const cells: HeatCell[] = [];
  for (let weekday = 1; weekday <= 7; weekday++) {
    for (let hour = 0; hour < 24; hour++)
      cells.push({ weekday, hour, count: grid.get(`${weekday}:${hour}`) ?? 0 });
  }
  return { total: rows.reduce((s, r) => s + r.n, 0), cells, source };
}
