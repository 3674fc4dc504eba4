// What a periodic summary holds (domain §12): the total and its change against the previous
// period, the category distribution at levels 1 and 2 (top 10, the rest summed), the trend (by
// day; a month by week), the KPIs overall and by team, the categories that rose most, the alerts
// raised in the period, and a headline paragraph in Chinese and English. Built from the same
// report functions as the report endpoints, so its figures are theirs; stored as JSON.
// composeSummary() is pure; buildSummaryContent() reads the figures.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { KpiRate } from '../domain/report-kpis.ts';
import type { Interval } from '../domain/report-math.ts';
import { addDays, previousPeriod, type SummaryKind, type SummaryPeriod } from '../domain/summary-periods.ts';
import { categoryDistribution } from './category-distribution.ts';
import { kpiReport } from './kpis.ts';
import { headlineEn, headlineZh, periodLabel } from './summary-text.ts';
import { trendReport } from './trend.ts';

export const SUMMARY_CONTENT_VERSION = 1;
/** Categories listed by name at each level; the rest are summed in one line. */
export const TOP_CATEGORIES = 10;
/** Categories listed as rising most. */
export const TOP_RISING = 5;

export interface CategoryLine {
  categoryId: string | null;
  name: string;
  nameEn: string | null;
  count: number;
  share: number;
  /** In the previous period. */
  previous: number;
  change: number;
  growth: number | null;
}

export interface CategoryTable {
  total: number;
  rows: CategoryLine[];
  /** The categories beyond the top ones, summed; null when every category is listed. */
  rest: { categories: number; count: number; share: number } | null;
}

export interface TrendLine {
  period: string;
  from: string;
  to: string;
  count: number;
  growth: number | null;
}

export interface KpiLine {
  key: string | null;
  name: string | null;
  received: number;
  closed: number;
  frontline: number;
  escalated: number;
  reopened: number;
  repeats: number;
  major: number;
  crisis: number;
  rates: Record<KpiRate, number | null>;
  avgResolveHours: number | null;
  p90ResolveHours: number | null;
  seriousAvgResolveHours: number | null;
}

export interface AlertLine {
  id: string;
  kind: string;
  subjectName: string;
  day: string;
  observed: number;
  expected: number;
  acknowledged: boolean;
}

export interface SummaryContent {
  version: number;
  kind: SummaryKind;
  period: { start: string; end: string };
  previous: { start: string; end: string };
  timeZone: string;
  label: { zh: string; en: string };
  total: { count: number; previous: number; change: number; growth: number | null };
  categories: { level1: CategoryTable; level2: CategoryTable };
  trend: { interval: Interval; points: TrendLine[] };
  kpis: { overall: KpiLine | null; byTeam: KpiLine[]; targets: Record<KpiRate, number> };
  rising: CategoryLine[];
  /** null when alerts are not kept. */
  alerts: { count: number; items: AlertLine[] } | null;
  headline: { zh: string; en: string };
}

interface DistributionLike {
  total: number;
  rows: readonly {
    categoryId: string | null;
    name: string;
    nameEn: string | null;
    count: number;
    share: number;
  }[];
}

/** The figures a summary is composed from, as the report functions give them. */
export interface SummaryInputs {
  period: SummaryPeriod;
  timeZone: string;
  level1: { current: DistributionLike; previous: DistributionLike };
  level2: { current: DistributionLike; previous: DistributionLike };
  trend: {
    interval: Interval;
    points: readonly { period: string; from: string; to: string; count: number; growth: number | null }[];
  };
  kpiOverall: { rows: readonly KpiLine[]; targets: Record<KpiRate, number> };
  kpiByTeam: { rows: readonly KpiLine[] };
  alerts: { count: number; items: AlertLine[] } | null;
}

const growthOf = (current: number, previous: number) =>
  previous > 0 ? (current - previous) / previous : null;
const keyOf = (id: string | null) => id ?? '';

function lines(current: DistributionLike, previous: DistributionLike): CategoryLine[] {
  const before = new Map(previous.rows.map((r) => [keyOf(r.categoryId), r.count]));
  return current.rows.map((r) => {
    const prev = before.get(keyOf(r.categoryId)) ?? 0;
    return {
      categoryId: r.categoryId,
      name: r.name,
      nameEn: r.nameEn,
      count: r.count,
      share: r.share,
      previous: prev,
      change: r.count - prev,
      growth: growthOf(r.count, prev),
    };
  });
}

/** The top categories by count, and the rest summed. */
export function categoryTable(
  current: DistributionLike,
  previous: DistributionLike,
  top = TOP_CATEGORIES,
): CategoryTable {
  const all = lines(current, previous).sort(
    (a, b) => b.count - a.count || a.name.localeCompare(b.name, 'zh-CN'),
  );
  const rest = all.slice(top);
  const restCount = rest.reduce((s, r) => s + r.count, 0);
  return {
    total: current.total,
    rows: all.slice(0, top),
    rest: rest.length
      ? {
          categories: rest.length,
          count: restCount,
          share: current.total > 0 ? restCount / current.total : 0,
        }
      : null,
  };
}

/**
 * The categories that rose most against the previous period: more complaints than before, by the
 * increase, then by growth (a category new in this period counts as the steepest), then by name.
 */
export function risingCategories(current: DistributionLike, previous: DistributionLike, top = TOP_RISING) {
  return lines(current, previous)
    .filter((l) => l.change > 0)
    .sort(
      (a, b) =>
        b.change - a.change ||
        (b.growth ?? Number.POSITIVE_INFINITY) - (a.growth ?? Number.POSITIVE_INFINITY) ||
        a.name.localeCompare(b.name, 'zh-CN'),
    )
    .slice(0, top);
}

export function kpiLine(r: KpiLine): KpiLine {
  return {
    key: r.key,
    name: r.name,
    received: r.received,
    closed: r.closed,
    frontline: r.frontline,
    escalated: r.escalated,
    reopened: r.reopened,
    repeats: r.repeats,
    major: r.major,
    crisis: r.crisis,
    rates: { ...r.rates },
    avgResolveHours: r.avgResolveHours,
    p90ResolveHours: r.p90ResolveHours,
    seriousAvgResolveHours: r.seriousAvgResolveHours,
  };
}

/** The summary from its figures (pure). */
export function composeSummary(i: SummaryInputs): SummaryContent {
  const { period } = i;
  const previous = previousPeriod(period);
  const count = i.level1.current.total;
  const before = i.level1.previous.total;
  const total = { count, previous: before, change: count - before, growth: growthOf(count, before) };
  const level1 = categoryTable(i.level1.current, i.level1.previous);
  const level2 = categoryTable(i.level2.current, i.level2.previous);
  const rising = risingCategories(i.level2.current, i.level2.previous);
  const overall = i.kpiOverall.rows[0] ? kpiLine(i.kpiOverall.rows[0]) : null;
  const label = { zh: periodLabel(period, 'zh'), en: periodLabel(period, 'en') };
  const top = level1.rows[0] ?? null;
  const facts = {
    kind: period.kind,
    label,
    total,
    top,
    rising: rising[0] ?? null,
    rates: {
      frontlineResolution: overall?.rates.frontlineResolution ?? null,
      escalationRate: overall?.rates.escalationRate ?? null,
      replyCompliance: overall?.rates.replyCompliance ?? null,
    },
    alerts: i.alerts?.count ?? null,
  };
  return {
    version: SUMMARY_CONTENT_VERSION,
    kind: period.kind,
    period: { start: period.start, end: period.end },
    previous: { start: previous.start, end: previous.end },
    timeZone: i.timeZone,
    label,
    total,
    categories: { level1, level2 },
    trend: {
      interval: i.trend.interval,
      points: i.trend.points.map((p) => ({
        period: p.period,
        from: p.from,
        to: p.to,
        count: p.count,
        growth: p.growth,
      })),
    },
    kpis: {
      overall,
      byTeam: i.kpiByTeam.rows.map(kpiLine),
      targets: { ...i.kpiOverall.targets },
    },
    rising,
    alerts: i.alerts,
    headline: { zh: headlineZh(facts), en: headlineEn(facts) },
  };
}

/** The days and interval of a summary's trend: a day with the six before it, a week by day, a month by week. */
export function trendSpan(p: SummaryPeriod): { from: string; to: string; interval: Interval } {
  if (p.kind === 'day') return { from: addDays(p.end, -6), to: p.end, interval: 'day' };
  return { from: p.start, to: p.end, interval: p.kind === 'month' ? 'week' : 'day' };
}

/** The most alerts a summary lists (all are counted). */
const MAX_ALERTS = 200;

async function alertsIn(db: Kysely<Database>, p: SummaryPeriod): Promise<SummaryContent['alerts']> {
  const rows = await db
    .selectFrom('report_alerts')
    .select((eb) => [
      'id',
      'kind',
      'subject_name',
      eb.cast<string>('day', 'text').as('day'),
      'observed',
      'expected',
      'acknowledged_at',
      eb.fn.countAll<string>().over().as('total'),
    ])
    .where('day', '>=', p.start)
    .where('day', '<=', p.end)
    .orderBy('day')
    .orderBy('raised_at')
    .orderBy('id')
    .limit(MAX_ALERTS)
    .execute();
  return {
    count: Number(rows[0]?.total ?? 0),
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      subjectName: r.subject_name,
      day: r.day,
      observed: Number(r.observed),
      expected: Number(r.expected),
      acknowledged: r.acknowledged_at !== null,
    })),
  };
}

/** Reads the figures of a period and composes its summary. One reader at a time (a transaction is fine). */
export async function buildSummaryContent(
  db: Kysely<Database>,
  period: SummaryPeriod,
  timeZone: string,
): Promise<SummaryContent> {
  const previous = previousPeriod(period);
  const range = { from: period.start, to: period.end };
  const before = { from: previous.start, to: previous.end };
  const distribution = (r: typeof range, level: number) =>
    categoryDistribution(db, { range: r, level, filters: {}, timeZone });
  const span = trendSpan(period);
  const level1 = { current: await distribution(range, 1), previous: await distribution(before, 1) };
  const level2 = { current: await distribution(range, 2), previous: await distribution(before, 2) };
  const trend = await trendReport(db, {
    range: { from: span.from, to: span.to },
    interval: span.interval,
    filters: {},
    timeZone,
  });
  const kpiOverall = await kpiReport(db, { range, groupBy: 'all' });
  const kpiByTeam = await kpiReport(db, { range, groupBy: 'team' });
  const alerts = await alertsIn(db, period);
  return composeSummary({
    period,
    timeZone,
    level1,
    level2,
    trend: { interval: span.interval, points: trend.points },
    kpiOverall,
    kpiByTeam,
    alerts,
  });
}
