// The KPIs of complaint management (domain §3), from the sums a report adds up. Pure.
//   front-line resolution  closed as completed without leaving the first tier ÷ closed as completed
//   escalation rate        complaints that reached a higher tier ÷ received
//   justified share        escalations reviewed as justified ÷ escalations reviewed
//   repeat rate            repeat complaints (same customer, same category, within the window) ÷ received
//   reply compliance       reply deadlines met on time ÷ reply deadlines met or breached
//   resolution compliance  the same for resolution deadlines
//   reopen rate            complaints reopened at least once ÷ received
//   average / p90 time to resolve (receipt to resolution), and for major and crisis complaints.
// Every KPI is of the complaints RECEIVED in the period (a cohort), so its figures settle as they
// are handled.
import { bucketUpperHours, p90Bucket, ratio } from './report-math.ts';

export const KPI_SUM_KEYS = [
  'received',
  'closed',
  'frontline',
  'escalated',
  'escalations',
  'escalationsReviewed',
  'escalationsJustified',
  'reopened',
  'repeats',
  'major',
  'crisis',
  'seriousResolved',
  'seriousSeconds',
  'resolved',
  'resolveSeconds',
  'replySettled',
  'replyOnTime',
  'resolutionSettled',
  'resolutionOnTime',
] as const;
export type KpiSumKey = (typeof KPI_SUM_KEYS)[number];
export type KpiSums = Record<KpiSumKey, number>;

export const KPI_RATES = [
  'frontlineResolution',
  'escalationRate',
  'justifiedShare',
  'repeatRate',
  'replyCompliance',
  'resolutionCompliance',
  'reopenRate',
] as const;
export type KpiRate = (typeof KPI_RATES)[number];

/** Rates where a lower figure is the better one. */
export const LOWER_IS_BETTER: ReadonlySet<KpiRate> = new Set(['escalationRate', 'repeatRate', 'reopenRate']);

/** Default targets (an administrator changes them in the report settings). */
export const DEFAULT_KPI_TARGETS: Readonly<Record<KpiRate, number>> = {
  frontlineResolution: 0.8,
  escalationRate: 0.1,
  justifiedShare: 0.8,
  repeatRate: 0.05,
  replyCompliance: 0.95,
  resolutionCompliance: 0.9,
  reopenRate: 0.05,
};

export function emptySums(): KpiSums {
  return Object.fromEntries(KPI_SUM_KEYS.map((k) => [k, 0])) as KpiSums;
}

export function addSums(into: KpiSums, more: KpiSums): KpiSums {
  for (const k of KPI_SUM_KEYS) into[k] += more[k];
  return into;
}

export function kpiRates(s: KpiSums): Record<KpiRate, number | null> {
  return {
    frontlineResolution: ratio(s.frontline, s.closed),
    escalationRate: ratio(s.escalated, s.received),
    justifiedShare: ratio(s.escalationsJustified, s.escalationsReviewed),
    repeatRate: ratio(s.repeats, s.received),
    replyCompliance: ratio(s.replyOnTime, s.replySettled),
    resolutionCompliance: ratio(s.resolutionOnTime, s.resolutionSettled),
    reopenRate: ratio(s.reopened, s.received),
  };
}

/** Whether a rate meets its target (null without a figure or a target). */
export function meetsTarget(rate: KpiRate, value: number | null, target: number | undefined): boolean | null {
  if (value === null || target === undefined) return null;
  return LOWER_IS_BETTER.has(rate) ? value <= target : value >= target;
}

const hours = (seconds: number, n: number) => (n > 0 ? seconds / n / 3600 : null);

export function resolveTimes(s: KpiSums, histogram: ReadonlyMap<number, number>) {
  const p90 = p90Bucket(histogram);
  return {
    avgResolveHours: hours(s.resolveSeconds, s.resolved),
    /** The upper bound of the bucket holding the 90th percentile; null also when it is 30 days or more. */
    p90ResolveHours: p90 === null ? null : bucketUpperHours(p90),
    p90Over30Days: p90 === 99,
    seriousAvgResolveHours: hours(s.seriousSeconds, s.seriousResolved),
  };
}

/** Merges targets stored as JSON over the defaults, ignoring anything that is not a known rate in 0..1. */
export function kpiTargets(stored: unknown): Record<KpiRate, number> {
  const out: Record<KpiRate, number> = { ...DEFAULT_KPI_TARGETS };
  if (stored && typeof stored === 'object') {
    for (const k of KPI_RATES) {
      const v = (stored as Record<string, unknown>)[k];
      if (typeof v === 'number' && v >= 0 && v <= 1) out[k] = v;
    }
  }
  return out;
}
