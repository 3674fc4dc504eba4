// The arithmetic of reports, pure: calendar days as 'YYYY-MM-DD' (already cut in the report time
// zone), periods of a trend, growth, the complaint ratio, KPI rates and the p90 from the
// resolution-time histogram. See the README's "Reports" section for the definitions.

export type Interval = 'day' | 'week' | 'month';
export const INTERVALS = ['day', 'week', 'month'] as const satisfies readonly Interval[];

export interface DayRange {
  from: string;
  to: string;
}

const DAY_MS = 86_400_000;

export function dayNumber(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

export function dayOf(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(day: string, n: number): string {
  return dayOf(dayNumber(day) + n);
}

/** 1 = Monday … 7 = Sunday. */
export function isoWeekday(day: string): number {
  return ((((dayNumber(day) + 3) % 7) + 7) % 7) + 1;
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** The same day `months` months later, clamped to the month's end (01-31 → 02-28). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const nd = Math.min(d, daysInMonth(ny, nm));
  return `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}-${String(nd).padStart(2, '0')}`;
}

function isMonthEnd(day: string): boolean {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return d === daysInMonth(y, m);
}

function monthStart(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

function monthEnd(day: string): string {
  const [y, m] = day.split('-').map(Number) as [number, number];
  return `${day.slice(0, 7)}-${String(daysInMonth(y, m)).padStart(2, '0')}`;
}

function weekStart(day: string): string {
  return addDays(day, 1 - isoWeekday(day));
}

/** ISO 8601 week label, e.g. 2026-W47. */
export function isoWeekLabel(day: string): string {
  const thursday = addDays(day, 4 - isoWeekday(day));
  const year = thursday.slice(0, 4);
  const week = Math.floor((dayNumber(thursday) - dayNumber(`${year}-01-01`)) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export interface PeriodBucket extends DayRange {
  /** 2026-11-22 (day), 2026-W47 (ISO week), 2026-11 (month). */
  period: string;
}

/** The periods of a trend from `from` to `to`, the first and last clipped to the range. */
export function periodBuckets(range: DayRange, interval: Interval): PeriodBucket[] {
  const out: PeriodBucket[] = [];
  let start = range.from;
  while (dayNumber(start) <= dayNumber(range.to)) {
    const natural =
      interval === 'day' ? start : interval === 'week' ? addDays(weekStart(start), 6) : monthEnd(start);
    const end = dayNumber(natural) < dayNumber(range.to) ? natural : range.to;
    const period = interval === 'day' ? start : interval === 'week' ? isoWeekLabel(start) : start.slice(0, 7);
    out.push({ period, from: start, to: end });
    start = addDays(end, 1);
  }
  return out;
}

/**
 * The same span one period earlier (or `-n`), for growth: the previous day, the same weekdays of
 * the previous week, the same days of the previous month (a range that ends on a month's last day
 * ends on the previous month's last day). A clipped period is compared with an equally clipped one.
 */
export function shiftRange(r: DayRange, interval: Interval | 'year', n = -1): DayRange {
  switch (interval) {
    case 'day':
      return { from: addDays(r.from, n), to: addDays(r.to, n) };
    case 'week':
      return { from: addDays(r.from, 7 * n), to: addDays(r.to, 7 * n) };
    case 'month':
    case 'year': {
      const months = interval === 'month' ? n : 12 * n;
      const from = addMonths(r.from, months);
      const to = isMonthEnd(r.to) ? monthEnd(addMonths(monthStart(r.to), months)) : addMonths(r.to, months);
      return { from, to };
    }
  }
}

/** The days of several ranges as few ranges as possible (overlapping or adjacent ones joined). */
export function mergeRanges(ranges: readonly DayRange[]): DayRange[] {
  const sorted = [...ranges].sort((a, b) => dayNumber(a.from) - dayNumber(b.from));
  const out: DayRange[] = [];
  for (const r of sorted) {
    const last = out.at(-1);
    if (last && dayNumber(r.from) <= dayNumber(last.to) + 1) {
      if (dayNumber(r.to) > dayNumber(last.to)) last.to = r.to;
    } else out.push({ from: r.from, to: r.to });
  }
  return out;
}

/**
 * A range as the whole months inside it (`months`: first days of the first and last month) and the
 * days before and after them.
 */
export function splitByMonths(r: DayRange): { months: DayRange | null; days: DayRange[] } {
  const firstWhole = r.from === monthStart(r.from) ? r.from : addDays(monthEnd(r.from), 1);
  const lastWhole = isMonthEnd(r.to) ? monthStart(r.to) : addMonths(monthStart(r.to), -1);
  if (dayNumber(firstWhole) > dayNumber(lastWhole)) return { months: null, days: [r] };
  const days: DayRange[] = [];
  if (firstWhole !== r.from) days.push({ from: r.from, to: addDays(firstWhole, -1) });
  const afterLast = addMonths(lastWhole, 1);
  if (dayNumber(afterLast) <= dayNumber(r.to)) days.push({ from: afterLast, to: r.to });
  return { months: { from: firstWhole, to: lastWhole }, days };
}

/** Relative change: 0.25 is +25 %; null when there is nothing to compare with. */
export function growth(current: number, previous: number): number | null {
  if (previous <= 0) return null;
  return (current - previous) / previous;
}

/** Daily counts summed over a range (days absent from the map count 0). */
export function sumRange(daily: ReadonlyMap<string, number>, r: DayRange): number {
  let n = 0;
  for (let d = dayNumber(r.from); d <= dayNumber(r.to); d++) n += daily.get(dayOf(d)) ?? 0;
  return n;
}

export type DenominatorKind = 'customers' | 'transactions';

/**
 * Complaints per 10,000 customers or transactions, from the denominators entered per month.
 * Customers are a stock: any period uses the figure of the month it starts in. Transactions are
 * a flow: only a period covering exactly one whole month has a ratio.
 */
export function complaintRatio(
  count: number,
  bucket: DayRange,
  kind: DenominatorKind,
  monthly: ReadonlyMap<string, number>,
): number | null {
  const month = monthStart(bucket.from);
  const value = monthly.get(month);
  if (value === undefined || value <= 0) return null;
  if (kind === 'transactions' && (bucket.from !== month || bucket.to !== monthEnd(month))) return null;
  return (count / value) * 10_000;
}

/** The upper bound in hours of a resolution-time bucket (see report_resolve_bucket in SQL). */
export function bucketUpperHours(bucket: number): number | null {
  if (bucket < 72) return bucket + 1;
  if (bucket < 99) return (bucket - 69 + 1) * 24;
  return null; // 30 days or more: no upper bound
}

/** The resolution-time bucket of a duration, as report_resolve_bucket() in SQL computes it. */
export function resolveBucket(seconds: number): number {
  if (seconds < 72 * 3600) return Math.floor(Math.max(seconds, 0) / 3600);
  if (seconds < 30 * 86400) return 69 + Math.floor(seconds / 86400);
  return 99;
}

/**
 * The 90th percentile bucket (percentile_disc: the smallest bucket whose cumulative count reaches
 * 90 % of all), or null without data.
 */
export function p90Bucket(histogram: ReadonlyMap<number, number>): number | null {
  const buckets = [...histogram.entries()].filter(([, n]) => n > 0).sort((a, b) => a[0] - b[0]);
  const total = buckets.reduce((s, [, n]) => s + n, 0);
  if (total === 0) return null;
  let cumulative = 0;
  for (const [bucket, n] of buckets) {
    cumulative += n;
    if (cumulative >= 0.9 * total) return bucket;
  }
  return null;
}

export function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

/** A category's ancestor at a level of the tree (1 = top); one above the level stays itself. */
export function ancestorAtLevel(
  id: string,
  level: number,
  parentOf: ReadonlyMap<string, string | null>,
): string {
  const path: string[] = [];
  let cur: string | null | undefined = id;
  const seen = new Set<string>();
  while (cur && !seen.has(cur)) {
    seen.add(cur);
    path.unshift(cur);
    cur = parentOf.get(cur);
  }
  return path[Math.min(level, path.length) - 1] ?? id;
}
