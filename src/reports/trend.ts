// Trend: complaints per day, week or month, with growth against the previous period (the first
// period too: it is compared with the span before the range), year-over-year growth, and the
// complaint ratio per 10,000 customers or transactions where denominators were entered.
import type { Kysely } from 'kysely';
import { countsByDay } from '../db/repositories/report-cube.ts';
import type { Database } from '../db/schema.ts';
import {
  complaintRatio,
  type DayRange,
  type DenominatorKind,
  growth,
  type Interval,
  mergeRanges,
  periodBuckets,
  shiftRange,
  sumRange,
} from '../domain/report-math.ts';
import { cubeQuery, type ReportFilters } from './filters.ts';

export interface TrendPoint {
  period: string;
  from: string;
  to: string;
  count: number;
  previous: number;
  growth: number | null;
  lastYear: number;
  yoy: number | null;
  ratio: number | null;
}

export interface Trend {
  total: number;
  points: TrendPoint[];
  source: 'rollup' | 'raw';
}

async function monthlyDenominators(db: Kysely<Database>, kind: DenominatorKind, range: DayRange) {
  const rows = await db
    .selectFrom('report_denominators')
    .select((eb) => [eb.cast<string>('month', 'text').as('month'), 'value'])
    .where('kind', '=', kind)
    .where('month', '>=', `${range.from.slice(0, 7)}-01`)
    .where('month', '<=', range.to)
    .execute();
  return new Map(rows.map((r) => [r.month, Number(r.value)]));
}

export async function trendReport(
  db: Kysely<Database>,
  opts: {
    range: DayRange;
    interval: Interval;
    filters: ReportFilters;
    timeZone: string;
    ratio?: DenominatorKind | undefined;
  },
): Promise<Trend> {
  const buckets = periodBuckets(opts.range, opts.interval);
  // Only the days shown and compared with: the periods, the span before each, the same spans a
  // year earlier (a day's trend with two filters reads 3 days of complaints, not 366).
  const spans = mergeRanges(buckets.flatMap((b) => [b, shiftRange(b, opts.interval), shiftRange(b, 'year')]));
  const daily = new Map<string, number>();
  let source: 'rollup' | 'raw' = 'rollup';
  for (const span of spans) {
    const q = await cubeQuery(db, span, opts.filters);
    const r = await countsByDay(db, q, opts.timeZone);
    source = r.source;
    for (const row of r.rows) daily.set(row.key, (daily.get(row.key) ?? 0) + row.n);
  }
  const denominators = opts.ratio ? await monthlyDenominators(db, opts.ratio, opts.range) : new Map();
  const points = buckets.map((b) => {
    const count = sumRange(daily, b);
    const previous = sumRange(daily, shiftRange(b, opts.interval));
    const lastYear = sumRange(daily, shiftRange(b, 'year'));
    return {
      ...b,
      count,
      previous,
      growth: growth(count, previous),
      lastYear,
      yoy: growth(count, lastYear),
      ratio: opts.ratio ? complaintRatio(count, b, opts.ratio, denominators) : null,
    };
  });
  return { total: points.reduce((s, p) => s + p.count, 0), points, source };
}
