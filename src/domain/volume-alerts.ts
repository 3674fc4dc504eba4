// Volume spikes (domain §12: watch volume AND change). Pure: counts in, verdicts out; no I/O and
// no clock (days are YYYY-MM-DD strings in the report time zone, the instant is a parameter).
//
// THE METHOD, with its numbers (VOLUME_METHOD):
// - Every category (its whole subtree: a top-level category counts its children's complaints too)
//   and every product (complaints.product, case-folded) is tested each day D once D is complete
//   (from 00:30 on D+1 in the report time zone, so late entries of D's last minutes count).
// - Its baseline is its own count on each of the 28 days before D (D−28 … D−1; a day without
//   complaints counts 0). Days before the first day with any complaint at all do not count, and
//   with fewer than 7 days of history nothing is tested (a new installation raises nothing).
// - λ = the baseline's daily mean, floored at 1 (a category that usually sees nothing must
//   still see several complaints in a day to alert).
// - p = P(X ≥ observed) for a count of mean λ and variance φ·λ: a negative binomial, which is
//   the Poisson test widened by the dispersion φ = max(1 + 1/n, s² / mean) of the n baseline
//   days. 1 + 1/n allows for the mean itself being estimated from n days (the Poisson–gamma
//   predictive); s² / mean > 1 when the history varies more than Poisson noise, so weekday
//   swings and bursty categories do not alert on their usual ups. (An empty history is tested
//   as Poisson with λ = 1.)
// - An alert needs all three: p < 0.001, observed ≥ 5, and observed ≥ 1.5 × λ. `threshold` is
//   the smallest count that would have alerted.
// - A category whose spike is explained by a spiking subcategory is not raised again: the parent
//   is re-tested on its counts minus those of its alerting descendants (observed and history)
//   and raised only if the rest spikes too.
// - Complaints without a category are not tested (a spike there says nothing to drill into).
// On pure Poisson noise the false-alarm rate stays below 1 per 1,000 subject-days at every
// volume (measured over 100,000 seeded days at each of λ = 0.05 … 400: at most 0.7 per 1,000,
// at λ ≈ 30; none at all below λ = 0.3 or above 150, where the minimum count or the 1.5× rule
// decides). test/domain/volume-alerts.test.ts checks this on seeded noise.

export const VOLUME_METHOD = {
  /** Stored in report_alerts.method. */
  id: 'poisson_tail_28d',
  baselineDays: 28,
  minHistoryDays: 7,
  alpha: 0.001,
  minCount: 5,
  minRatio: 1.5,
  baselineFloor: 1,
  /** The day D is checked from this many minutes after midnight of D+1 (report time zone). */
  graceMinutes: 30,
} as const;

export interface VolumeMethod {
  id: string;
  baselineDays: number;
  minHistoryDays: number;
  alpha: number;
  minCount: number;
  minRatio: number;
  baselineFloor: number;
  graceMinutes: number;
}

// ---------------------------------------------------------------------------------------------
// Distributions

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0 (Lanczos, g = 7: about 15 significant digits). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let a = LANCZOS[0] as number;
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += (LANCZOS[i] as number) / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/**
 * P(X ≥ k) for a count with mean `mean` and variance `dispersion × mean`: Poisson when
 * dispersion is 1, else negative binomial (size r = mean / (dispersion − 1)). Summed from the
 * side of the smaller mass, so tiny tails keep their precision.
 */
export function upperTail(k: number, mean: number, dispersion = 1): number {
  if (k <= 0) return 1;
  if (mean <= 0) return 0;
  const poisson = dispersion <= 1 + 1e-6;
  const r = poisson ? Number.POSITIVE_INFINITY : mean / (dispersion - 1);
  const q = poisson ? 0 : mean / (r + mean); // failure probability of the negative binomial
  const logPmf = (i: number) =>
    poisson
      ? -mean + i * Math.log(mean) - logGamma(i + 1)
      : logGamma(i + r) - logGamma(r) - logGamma(i + 1) + r * Math.log1p(-q) + i * Math.log(q);
  // pmf(i + 1) / pmf(i)
  const step = (i: number) => (poisson ? mean / (i + 1) : ((i + r) / (i + 1)) * q);
  const mode = poisson ? Math.floor(mean) : Math.max(0, Math.floor(((r - 1) * q) / (1 - q)));
  if (k > mode) {
    let term = Math.exp(logPmf(k));
    let sum = term;
    for (let i = k; term > sum * 1e-16 && i < k + 1e7; i++) {
      term *= step(i);
      sum += term;
    }
    return Math.min(1, sum);
  }
  // The lower side P(X ≤ k − 1), summed downwards from k − 1.
  let term = Math.exp(logPmf(k - 1));
  let sum = term;
  for (let i = k - 1; i > 0 && term > sum * 1e-16; i--) {
    term /= step(i - 1);
    sum += term;
  }
  return Math.max(0, 1 - sum);
}

// ---------------------------------------------------------------------------------------------
// One series

export interface VolumeVerdict {
  observed: number;
  /** The baseline's daily mean (before the floor). */
  baseline: number;
  /** The mean tested against: the baseline floored at VOLUME_METHOD.baselineFloor. */
  lambda: number;
  /** Variance ÷ mean of the test's distribution: 1 = Poisson, above it a negative binomial. */
  dispersion: number;
  /** P(X ≥ observed) under the baseline. */
  pValue: number;
  /** The smallest count that would have alerted. */
  threshold: number;
  /** observed ÷ λ. */
  ratio: number;
  historyDays: number;
  alert: boolean;
}

/**
 * Tests one day's count against its history (oldest first, one entry per usable day, zeros
 * included). Null when the history is shorter than the method's minimum.
 */
export function assessVolume(
  observed: number,
  history: readonly number[],
  m: VolumeMethod = VOLUME_METHOD,
): VolumeVerdict | null {
  const n = history.length;
  if (n < m.minHistoryDays) return null;
  const baseline = history.reduce((a, b) => a + b, 0) / n;
  const lambda = Math.max(baseline, m.baselineFloor);
  const variance = n > 1 ? history.reduce((a, b) => a + (b - baseline) ** 2, 0) / (n - 1) : 0;
  const dispersion = baseline > 0 ? Math.max(1 + 1 / n, variance / baseline) : 1;
  const threshold = alertThreshold(lambda, dispersion, m);
  const pValue = upperTail(observed, lambda, dispersion);
  return {
    observed,
    baseline,
    lambda,
    dispersion,
    pValue,
    threshold,
    ratio: observed / lambda,
    historyDays: n,
    alert: observed >= threshold,
  };
}

/** The smallest k with k ≥ minCount, k ≥ minRatio × λ and P(X ≥ k) < alpha (the tail falls with k). */
export function alertThreshold(lambda: number, dispersion: number, m: VolumeMethod = VOLUME_METHOD): number {
  const tail = (k: number) => upperTail(k, lambda, dispersion);
  let lo = Math.max(m.minCount, Math.ceil(m.minRatio * lambda - 1e-9));
  if (tail(lo) < m.alpha) return lo;
  // Gallop up until the tail is small enough, then halve the gap: tail(lo) ≥ alpha > tail(hi).
  let step = 1;
  let hi = lo + step;
  while (tail(hi) >= m.alpha) {
    lo = hi;
    step *= 2;
    hi = lo + step;
  }
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (tail(mid) < m.alpha) hi = mid;
    else lo = mid;
  }
  return hi;
}

// ---------------------------------------------------------------------------------------------
// Days

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function addDays(day: string, n: number): string {
  if (!DAY.test(day)) throw new Error(`not a day: ${day}`);
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** The days from `from` to `to`, both included. */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

/** The local date and minutes since midnight of an instant in a time zone. */
export function localClock(now: Date, timeZone: string): { day: string; minutes: number } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(now);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '00';
  return {
    day: `${get('year')}-${get('month')}-${get('day')}`,
    minutes: Number(get('hour')) * 60 + Number(get('minute')),
  };
}

/** The last day that is complete (and past its grace period) at `now` in the time zone. */
export function lastCompleteDay(now: Date, timeZone: string, m: VolumeMethod = VOLUME_METHOD): string {
  const { day, minutes } = localClock(now, timeZone);
  return addDays(day, minutes >= m.graceMinutes ? -1 : -2);
}

/**
 * The days a check at `now` should cover: every day after the last one checked up to the last
 * complete day, at most `maxCatchUp` of them (the most recent); only the last complete day when
 * nothing was ever checked.
 */
export function daysToCheck(lastChecked: string | null, lastComplete: string, maxCatchUp = 7): string[] {
  const earliest = addDays(lastComplete, -(maxCatchUp - 1));
  let from = lastChecked === null ? lastComplete : addDays(lastChecked, 1);
  if (from < earliest) from = earliest; // days are strings: compared as text
  return from > lastComplete ? [] : daysBetween(from, lastComplete);
}

// ---------------------------------------------------------------------------------------------
// All subjects of a day

export interface CategoryNode {
  id: string;
  parentId: string | null;
  name: string;
}

export interface VolumeInput {
  /** The day tested. */
  day: string;
  /** The first day with any complaint at all (null: none yet). */
  firstDay: string | null;
  categories: readonly CategoryNode[];
  /** Complaints by their own category (not the subtree) and day. */
  categoryCounts: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** Complaints by product key (lower-case name) and day. */
  productCounts: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

export interface VolumeSpike {
  subjectKind: 'category' | 'product';
  /** A category's id or a product's key. */
  key: string;
  day: string;
  baselineFrom: string;
  baselineTo: string;
  verdict: VolumeVerdict;
  /** The baseline days' counts tested against, oldest first (after any set aside). */
  history: number[];
  /** For a category: the alerting subcategories whose counts were set aside before testing it. */
  setAside: string[];
}

export interface VolumeResult {
  /** How many series were tested (0 with too little history). */
  tested: number;
  spikes: VolumeSpike[];
}

/** The baseline window of day D: the 28 days before it, cut at the first day with any data. */
export function baselineWindow(
  day: string,
  firstDay: string | null,
  m: VolumeMethod = VOLUME_METHOD,
): { from: string; to: string; days: string[] } {
  const to = addDays(day, -1);
  let from = addDays(day, -m.baselineDays);
  if (firstDay !== null && firstDay > from) from = firstDay;
  return { from, to, days: firstDay === null || from > to ? [] : daysBetween(from, to) };
}

const sub = (a: readonly number[], b: readonly number[]) => a.map((x, i) => x - (b[i] ?? 0));
const add = (a: number[], b: readonly number[]) => {
  for (let i = 0; i < a.length; i++) a[i] = (a[i] as number) + (b[i] ?? 0);
  return a;
};

export function detectVolumeSpikes(input: VolumeInput, m: VolumeMethod = VOLUME_METHOD): VolumeResult {
  const window = baselineWindow(input.day, input.firstDay, m);
  if (window.days.length < m.minHistoryDays) return { tested: 0, spikes: [] };
  const days = [...window.days, input.day]; // the last entry is the day tested
  const series = (byDay: ReadonlyMap<string, number> | undefined) => days.map((d) => byDay?.get(d) ?? 0);
  let tested = 0;
  const spikes: VolumeSpike[] = [];
  const spike = (
    subjectKind: VolumeSpike['subjectKind'],
    key: string,
    s: readonly number[],
    setAside: string[],
  ) => {
    tested++;
    const verdict = assessVolume(s.at(-1) ?? 0, s.slice(0, -1), m);
    if (!verdict?.alert) return false;
    spikes.push({
      subjectKind,
      key,
      day: input.day,
      baselineFrom: window.from,
      baselineTo: window.to,
      verdict,
      history: s.slice(0, -1),
      setAside,
    });
    return true;
  };

  // Categories, children before parents: each returns its subtree's series and the topmost
  // alerting categories within it (whose counts a parent sets aside).
  const children = new Map<string | null, CategoryNode[]>();
  const known = new Set(input.categories.map((c) => c.id));
  for (const c of input.categories) {
    const parent = c.parentId !== null && known.has(c.parentId) ? c.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), c]);
  }
  const visited = new Set<string>();
  const visit = (c: CategoryNode): { total: number[]; raised: { id: string; total: number[] }[] } => {
    visited.add(c.id);
    const total = series(input.categoryCounts.get(c.id));
    const below: { id: string; total: number[] }[] = [];
    for (const child of children.get(c.id) ?? []) {
      if (visited.has(child.id)) continue; // a cycle in bad data: count each category once
      const r = visit(child);
      add(total, r.total);
      below.push(...r.raised);
    }
    // Nothing at all in the window: nothing to test (and it cannot alert).
    if (!total.some((x) => x !== 0)) return { total, raised: below };
    const rest = below.reduce((acc, r) => sub(acc, r.total), total);
    const raised = spike(
      'category',
      c.id,
      rest,
      below.map((r) => r.id),
    );
    return { total, raised: raised ? [{ id: c.id, total }] : below };
  };
  for (const root of children.get(null) ?? []) visit(root);

  for (const [key, byDay] of [...input.productCounts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const s = series(byDay);
    if (s.some((x) => x !== 0)) spike('product', key, s, []);
  }
  return { tested, spikes };
}

/** The key a product name is counted under: trimmed and case-folded ('' for none). */
export function productKey(name: string | null | undefined): string {
  return (name ?? '').trim().toLowerCase();
}
