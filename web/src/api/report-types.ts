// The reports' answers (GET /reports/…), following the response schemas of
// src/http/routes/reports.ts (kept there, not exported). Types only: the pure chart logic uses them.
import type { KpiRate } from '../../../src/domain/report-kpis.ts';

export { KPI_RATES, type KpiRate } from '../../../src/domain/report-kpis.ts';

export type ReportSource = 'rollup' | 'raw';

export interface DistributionRow {
  /** null: complaints without a category. */
  categoryId: string | null;
  name: string;
  nameEn: string | null;
  count: number;
  /** 0..1 of the total. */
  share: number;
}

export interface Distribution {
  from: string;
  to: string;
  total: number;
  source: ReportSource;
  rows: DistributionRow[];
}

export interface TrendPoint {
  /** 2026-11-22, 2026-W47 or 2026-11. */
  period: string;
  from: string;
  to: string;
  count: number;
  /** The same span one period earlier. */
  previous: number;
  /** vs the previous period: 0.25 = +25 %; null when it had none. */
  growth: number | null;
  lastYear: number;
  yoy: number | null;
  /** Per 10,000 customers or transactions, where the administrator entered them. */
  ratio: number | null;
}

export interface Trend {
  from: string;
  to: string;
  interval: 'day' | 'week' | 'month';
  total: number;
  source: ReportSource;
  points: TrendPoint[];
}

export interface HeatCell {
  /** 1 = Monday … 7 = Sunday. */
  weekday: number;
  hour: number;
  count: number;
}

export interface Heatmap {
  from: string;
  to: string;
  total: number;
  source: ReportSource;
  cells: HeatCell[];
}

export interface KpiRow {
  /** The team, owner, department or category (null: overall, or none). */
  key: string | null;
  name: string | null;
  received: number;
  closed: number;
  frontline: number;
  escalated: number;
  escalations: number;
  escalationsReviewed: number;
  escalationsJustified: number;
  reopened: number;
  repeats: number;
  major: number;
  crisis: number;
  seriousResolved: number;
  resolved: number;
  replySettled: number;
  replyOnTime: number;
  resolutionSettled: number;
  resolutionOnTime: number;
  rates: Record<KpiRate, number | null>;
  avgResolveHours: number | null;
  /** Upper bound of the bucket holding the 90th percentile. */
  p90ResolveHours: number | null;
  p90Over30Days: boolean;
  seriousAvgResolveHours: number | null;
}

export interface Kpis {
  from: string;
  to: string;
  groupBy: 'all' | 'team' | 'owner' | 'department' | 'category';
  rows: KpiRow[];
  targets: Partial<Record<KpiRate, number>>;
}
