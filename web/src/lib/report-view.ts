// The reports dashboard's state lives in the URL, so a view can be shared: the period (a preset,
// recomputed on the day it is opened, or fixed days), the filters, the category level and the
// chart choices. Pure conversions: URL ⇄ view ⇄ the API's query parameters.
import {
  CAUSES,
  type Cause,
  CHANNELS,
  type Channel,
  CUSTOMER_TYPES,
  type CustomerType,
  SEVERITIES,
  type Severity,
} from '../../../src/domain/vocabulary.ts';
import { isCalendarDay } from './list-filters.ts';
import {
  type DayRange,
  defaultInterval,
  INTERVALS,
  type Interval,
  PRESETS,
  type Preset,
  presetRange,
} from './report-periods.ts';

export interface ReportFilters {
  /** This category and everything below it. */
  categoryId: string | null;
  channel: Channel | null;
  severity: Severity | null;
  team: string | null;
  product: string | null;
  customerType: CustomerType | null;
  cause: Cause | null;
  /** The responsible department of the cause analysis. */
  departmentId: string | null;
}

export const RATIO_KINDS = ['customers', 'transactions'] as const;
export type RatioKind = (typeof RATIO_KINDS)[number];
export const CATEGORY_CHARTS = ['bar', 'pie'] as const;
export type CategoryChart = (typeof CATEGORY_CHARTS)[number];
export const KPI_GROUPS = ['all', 'team', 'owner', 'department', 'category'] as const;
export type KpiGroup = (typeof KPI_GROUPS)[number];
/** Levels of the category tree the server accepts. */
export const MAX_LEVEL = 6;

export interface ReportView {
  /** A preset (its days follow the calendar) or 'custom' (the days in `range`). */
  period: Preset | 'custom';
  range: DayRange;
  filters: ReportFilters;
  /** The category tree level of the distribution (1 = top). */
  level: number;
  /** The trend's interval; null: the one that suits the period. */
  interval: Interval | null;
  /** Show last year's figures beside the trend. */
  yoy: boolean;
  ratio: RatioKind | null;
  categoryChart: CategoryChart;
  /** The KPI table below the cards: by team, agent (首问), department or category; 'all': none. */
  kpiGroup: KpiGroup;
}

export const NO_FILTERS: ReportFilters = {
  categoryId: null,
  channel: null,
  severity: null,
  team: null,
  product: null,
  customerType: null,
  cause: null,
  departmentId: null,
};

export const DEFAULT_PRESET: Preset = 'month';

function oneOf<T extends string>(raw: string | null, allowed: readonly T[]): T | null {
  return raw !== null && (allowed as readonly string[]).includes(raw) ? (raw as T) : null;
}

function text(raw: string | null): string | null {
  return raw?.trim() || null;
}

/** The view a URL asks for; anything unknown or malformed falls back to the default. */
export function viewFromSearch(params: URLSearchParams, now: Date): ReportView {
  const preset = oneOf(params.get('period'), PRESETS);
  const from = params.get('from');
  const to = params.get('to');
  const custom = !preset && from && to && isCalendarDay(from) && isCalendarDay(to);
  const period: Preset | 'custom' = preset ?? (custom ? 'custom' : DEFAULT_PRESET);
  const range = custom && period === 'custom' ? { from, to } : presetRange(period as Preset, now);
  const level = Number(params.get('level'));
  return {
    period,
    range,
    filters: {
      categoryId: text(params.get('category')),
      channel: oneOf(params.get('channel'), CHANNELS),
      severity: oneOf(params.get('severity'), SEVERITIES),
      team: text(params.get('team')),
      product: text(params.get('product')),
      customerType: oneOf(params.get('customerType'), CUSTOMER_TYPES),
      cause: oneOf(params.get('cause'), CAUSES),
      departmentId: text(params.get('department')),
    },
    level: Number.isInteger(level) && level >= 1 && level <= MAX_LEVEL ? level : 1,
    interval: oneOf(params.get('interval'), INTERVALS),
    yoy: params.get('yoy') === 'true',
    ratio: oneOf(params.get('ratio'), RATIO_KINDS),
    categoryChart: oneOf(params.get('chart'), CATEGORY_CHARTS) ?? 'bar',
    kpiGroup: oneOf(params.get('kpiGroup'), KPI_GROUPS) ?? 'all',
  };
}

/** The URL of a view: only what differs from the defaults. */
export function viewToSearch(v: ReportView): URLSearchParams {
  const p = new URLSearchParams();
  if (v.period === 'custom') {
    p.set('from', v.range.from);
    p.set('to', v.range.to);
  } else if (v.period !== DEFAULT_PRESET) p.set('period', v.period);
  const f = v.filters;
  const set = (k: string, value: string | null) => {
    if (value?.trim()) p.set(k, value.trim());
  };
  set('category', f.categoryId);
  set('channel', f.channel);
  set('severity', f.severity);
  set('team', f.team);
  set('product', f.product);
  set('customerType', f.customerType);
  set('cause', f.cause);
  set('department', f.departmentId);
  if (v.level !== 1) p.set('level', String(v.level));
  if (v.interval) p.set('interval', v.interval);
  if (v.yoy) p.set('yoy', 'true');
  if (v.ratio) p.set('ratio', v.ratio);
  if (v.categoryChart !== 'bar') p.set('chart', v.categoryChart);
  if (v.kpiGroup !== 'all') p.set('kpiGroup', v.kpiGroup);
  return p;
}

export type ReportQuery = Record<string, string | undefined>;

/** The period and filters as the reports API's query (no undefined keys: they make cache keys). */
export function reportQuery(v: ReportView): ReportQuery {
  const f = v.filters;
  const q: ReportQuery = {
    from: v.range.from,
    to: v.range.to,
    categoryId: f.categoryId ?? undefined,
    channel: f.channel ?? undefined,
    severity: f.severity ?? undefined,
    team: f.team?.trim() || undefined,
    product: f.product?.trim() || undefined,
    customerType: f.customerType ?? undefined,
    cause: f.cause ?? undefined,
    departmentId: f.departmentId ?? undefined,
  };
  return Object.fromEntries(Object.entries(q).filter(([, x]) => x !== undefined));
}

/** The trend's interval in force. */
export function intervalOf(v: ReportView): Interval {
  return v.interval ?? defaultInterval(v.range);
}

export function hasFilters(f: ReportFilters): boolean {
  return Object.values(f).some((x) => x !== null && x !== '');
}

/** The view with a new period: a preset's days now, or the chosen days. */
export function withPeriod(v: ReportView, period: Preset | DayRange, now: Date): ReportView {
  return typeof period === 'string'
    ? { ...v, period, range: presetRange(period, now) }
    : { ...v, period: 'custom', range: period };
}

/** The levels a category tree has (1 when empty), at most the server's limit. */
export function categoryLevels(items: readonly { id: string; parentId: string | null }[]): number {
  const parent = new Map(items.map((c) => [c.id, c.parentId]));
  let deepest = 1;
  for (const c of items) {
    let depth = 1;
    for (let p = c.parentId; p !== null && depth <= MAX_LEVEL; p = parent.get(p) ?? null) depth++;
    deepest = Math.max(deepest, depth);
  }
  return Math.min(deepest, MAX_LEVEL);
}
