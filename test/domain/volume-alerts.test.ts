// Volume spikes (src/domain/volume-alerts.ts): the distributions, one series, all subjects of a
// day, the days to check, and the false-alarm rate on seeded Poisson noise.
import { describe, expect, it } from 'vitest';
import {
  addDays,
  alertThreshold,
  assessVolume,
  baselineWindow,
  type CategoryNode,
  daysBetween,
  daysToCheck,
  detectVolumeSpikes,
  lastCompleteDay,
  localClock,
  logGamma,
  productKey,
  upperTail,
  VOLUME_METHOD,
} from '../../src/domain/volume-alerts.ts';

/** A seeded generator (mulberry32) and a Poisson sampler on it (Knuth; fine up to λ ≈ 700). */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
function poisson(random: () => number, lambda: number): number {
  const limit = Math.exp(-lambda);
  let k = 0;
  let p = random();
  while (p > limit) {
    k++;
    p *= random();
  }
  return k;
}

/** P(X ≥ k) by plain summation of the pmf (exact enough for small numbers): an independent check. */
function naivePoissonTail(k: number, lambda: number): number {
  let below = 0;
  let term = Math.exp(-lambda);
  for (let i = 0; i < k; i++) {
    below += term;
    term *= lambda / (i + 1);
  }
  return 1 - below;
}
function naiveNegBinTail(k: number, mean: number, dispersion: number): number {
  const r = mean / (dispersion - 1);
  const q = mean / (r + mean);
  let below = 0;
  let term = (1 - q) ** r;
  for (let i = 0; i < k; i++) {
    below += term;
    term *= ((i + r) / (i + 1)) * q;
  }
  return 1 - below;
}

describe('distributions', () => {
  it('ln Γ', () => {
    expect(logGamma(6)).toBeCloseTo(Math.log(120), 12);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
    expect(logGamma(101)).toBeCloseTo(363.73937555556347, 9);
  });

  it('Poisson upper tail matches plain summation', () => {
    for (const lambda of [0.3, 1, 4, 10, 25]) {
      for (let k = 0; k < 3 * lambda + 10; k++) {
        const want = naivePoissonTail(k, lambda);
        expect(upperTail(k, lambda), `k=${k} λ=${lambda}`).toBeCloseTo(want, 10);
      }
    }
    expect(upperTail(6, 1)).toBeCloseTo(0.000594, 6);
    expect(upperTail(10, 4)).toBeCloseTo(0.008132, 6);
  });

  it('keeps tiny tails precise and handles large means', () => {
    expect(upperTail(40, 5)).toBeGreaterThan(0);
    expect(upperTail(40, 5)).toBeLessThan(1e-18);
    // Normal approximation at λ = 10,000: P(X ≥ λ + 4σ) ≈ 3.2e-5.
    const p = upperTail(10_400, 10_000);
    expect(p).toBeGreaterThan(2e-5);
    expect(p).toBeLessThan(5e-5);
    expect(upperTail(9_000, 10_000)).toBeCloseTo(1, 6);
  });

  it('negative binomial upper tail matches plain summation and is wider than Poisson', () => {
    for (const [mean, phi] of [
      [3, 2],
      [10, 4],
      [40, 1.5],
    ] as const) {
      for (let k = 0; k < 4 * mean; k++) {
        expect(upperTail(k, mean, phi), `k=${k} mean=${mean} φ=${phi}`).toBeCloseTo(
          naiveNegBinTail(k, mean, phi),
          10,
        );
      }
      expect(upperTail(3 * mean, mean, phi)).toBeGreaterThan(upperTail(3 * mean, mean, 1));
    }
  });

  it('edge cases', () => {
    expect(upperTail(0, 3)).toBe(1);
    expect(upperTail(-1, 3)).toBe(1);
    expect(upperTail(1, 0)).toBe(0);
    // Dispersion a hair above 1 is Poisson.
    expect(upperTail(12, 4, 1 + 1e-9)).toBe(upperTail(12, 4));
  });
});

describe('one series', () => {
  const flat = (n: number, days = 28) => Array.from({ length: days }, () => n);

  it('too little history: no verdict', () => {
    expect(assessVolume(50, [])).toBeNull();
    expect(assessVolume(50, flat(0, 6))).toBeNull();
    expect(assessVolume(50, flat(0, 7))).not.toBeNull();
  });

  it('an empty history is floored at λ = 1: six complaints in a day alert, five do not', () => {
    const v = assessVolume(6, flat(0));
    expect(v).toMatchObject({ baseline: 0, lambda: 1, dispersion: 1, threshold: 6, alert: true });
    expect(v?.pValue).toBeCloseTo(0.000594, 6);
    expect(assessVolume(5, flat(0))?.alert).toBe(false);
  });

  it('at a steady 10 a day: 22 alerts (p < 0.001), 21 does not', () => {
    expect(upperTail(21, 10)).toBeGreaterThan(0.001);
    expect(upperTail(22, 10)).toBeLessThan(0.001);
    const v = assessVolume(22, flat(10));
    // Dispersion 1 + 1/28: the mean itself is estimated from 28 days.
    expect(v).toMatchObject({ baseline: 10, lambda: 10, threshold: 22, alert: true });
    expect(v?.dispersion).toBeCloseTo(1 + 1 / 28, 12);
    expect(v?.ratio).toBeCloseTo(2.2);
    expect(assessVolume(21, flat(10))?.alert).toBe(false);
  });

  it('at high volume the 1.5× rule decides: 1,000 a day needs 1,500', () => {
    expect(alertThreshold(1000, 1)).toBe(1500);
    expect(assessVolume(1499, flat(1000))?.alert).toBe(false);
    expect(assessVolume(1500, flat(1000))?.alert).toBe(true);
  });

  it('at low volume the minimum count decides', () => {
    // λ floored at 1 … and a mean of 0.2 behaves the same.
    const history = [...flat(0, 23), 1, 1, 1, 1, 1];
    expect(assessVolume(6, history)).toMatchObject({ lambda: 1, alert: true });
    expect(alertThreshold(1, 1, { ...VOLUME_METHOD, minCount: 8 })).toBe(8);
  });

  it('a bursty history (weekday swings) widens the test: 22 against an uneven mean of 10 does not alert', () => {
    const uneven = Array.from({ length: 28 }, (_, i) => (i % 7 < 5 ? 13 : 2.5)).map(Math.round);
    const v = assessVolume(22, uneven);
    expect(v?.baseline).toBeCloseTo(10, 0);
    expect(v?.dispersion).toBeGreaterThan(2);
    expect(v?.alert).toBe(false);
    expect(assessVolume(40, uneven)?.alert).toBe(true);
  });

  it('the threshold is the smallest alerting count', () => {
    for (const [lambda, phi] of [
      [1, 1],
      [3.4, 1],
      [7, 2.5],
      [55, 1],
      [55, 3],
      [400, 1.2],
    ] as const) {
      const k = alertThreshold(lambda, phi);
      const ok = (x: number) =>
        x >= VOLUME_METHOD.minCount && x >= 1.5 * lambda && upperTail(x, lambda, phi) < VOLUME_METHOD.alpha;
      expect(ok(k), `λ=${lambda} φ=${phi}`).toBe(true);
      expect(ok(k - 1), `λ=${lambda} φ=${phi}`).toBe(false);
    }
  });
});

describe('days', () => {
  it('adds days across months and years', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(daysBetween('2026-12-30', '2027-01-02')).toEqual([
      '2026-12-30',
      '2026-12-31',
      '2027-01-01',
      '2027-01-02',
    ]);
    expect(() => addDays('2026-1-1', 1)).toThrow();
  });

  it('cuts days in the report time zone, with a 30-minute grace after midnight', () => {
    expect(localClock(new Date('2026-03-10T16:20:00Z'), 'Asia/Shanghai')).toEqual({
      day: '2026-03-11',
      minutes: 20,
    });
    expect(lastCompleteDay(new Date('2026-03-10T16:20:00Z'), 'Asia/Shanghai')).toBe('2026-03-09');
    expect(lastCompleteDay(new Date('2026-03-10T16:30:00Z'), 'Asia/Shanghai')).toBe('2026-03-10');
    expect(lastCompleteDay(new Date('2026-03-10T16:30:00Z'), 'UTC')).toBe('2026-03-09');
  });

  it('checks each day once: from the day after the last checked, at most a week back', () => {
    expect(daysToCheck(null, '2026-03-10')).toEqual(['2026-03-10']);
    expect(daysToCheck('2026-03-10', '2026-03-10')).toEqual([]);
    expect(daysToCheck('2026-03-11', '2026-03-10')).toEqual([]);
    expect(daysToCheck('2026-03-08', '2026-03-10')).toEqual(['2026-03-09', '2026-03-10']);
    expect(daysToCheck('2026-01-01', '2026-03-10')).toEqual(daysBetween('2026-03-04', '2026-03-10'));
  });

  it('the baseline is the 28 days before, cut at the first day with data', () => {
    expect(baselineWindow('2026-03-29', '2020-01-01')).toMatchObject({
      from: '2026-03-01',
      to: '2026-03-28',
    });
    expect(baselineWindow('2026-03-29', '2020-01-01').days).toHaveLength(28);
    expect(baselineWindow('2026-03-29', '2026-03-20').days).toHaveLength(9);
    expect(baselineWindow('2026-03-29', null).days).toEqual([]);
    expect(baselineWindow('2026-03-29', '2026-03-29').days).toEqual([]);
  });

  it('product keys fold case and spaces', () => {
    expect(productKey('  5G畅享套餐 Plus ')).toBe('5g畅享套餐 plus');
    expect(productKey(null)).toBe('');
  });
});

describe('all subjects of a day', () => {
  const DAY = '2026-03-29';
  const window = daysBetween('2026-03-01', DAY);
  const categories: CategoryNode[] = [
    { id: 'billing', parentId: null, name: '资费与计费' },
    { id: 'disputed', parentId: 'billing', name: '费用争议' },
    { id: 'unexplained', parentId: 'billing', name: '不明扣费' },
    { id: 'network', parentId: null, name: '网络与服务质量' },
    { id: 'signal', parentId: 'network', name: '信号覆盖' },
  ];
  /** A count per day over the window: `base` each day, `today` on the day tested. */
  const counts = (base: number, today: number) =>
    new Map(window.map((d) => [d, d === DAY ? today : base] as [string, number]));

  it('a spike in a subcategory alerts for it, not again for its parent', () => {
    const r = detectVolumeSpikes({
      day: DAY,
      firstDay: '2025-01-01',
      categories,
      categoryCounts: new Map([
        ['disputed', counts(4, 30)],
        ['unexplained', counts(6, 6)],
        ['signal', counts(3, 3)],
      ]),
      productCounts: new Map(),
    });
    expect(r.tested).toBe(5);
    expect(r.spikes.map((s) => s.key)).toEqual(['disputed']);
    expect(r.spikes[0]).toMatchObject({
      subjectKind: 'category',
      day: DAY,
      baselineFrom: '2026-03-01',
      baselineTo: '2026-03-28',
      verdict: { observed: 30, baseline: 4, alert: true },
    });
  });

  it('a spike spread over subcategories, none alerting alone, alerts for the parent', () => {
    const r = detectVolumeSpikes({
      day: DAY,
      firstDay: '2025-01-01',
      categories,
      categoryCounts: new Map([
        ['disputed', counts(5, 11)],
        ['unexplained', counts(5, 11)],
        ['billing', counts(2, 6)],
      ]),
      productCounts: new Map(),
    });
    expect(r.spikes.map((s) => [s.key, s.verdict.observed, s.verdict.baseline])).toEqual([
      ['billing', 28, 12],
    ]);
  });

  it('a parent that spikes beyond its alerting child alerts too, tested on the rest', () => {
    const r = detectVolumeSpikes({
      day: DAY,
      firstDay: '2025-01-01',
      categories,
      categoryCounts: new Map([
        ['disputed', counts(4, 30)],
        ['unexplained', counts(4, 30)],
      ]),
      productCounts: new Map(),
    });
    // Both children alert; nothing is left over for the parent.
    expect(r.spikes.map((s) => s.key)).toEqual(['disputed', 'unexplained']);
    const r2 = detectVolumeSpikes({
      day: DAY,
      firstDay: '2025-01-01',
      categories,
      categoryCounts: new Map([
        ['disputed', counts(4, 30)],
        ['billing', counts(3, 25)],
      ]),
      productCounts: new Map(),
    });
    const parent = r2.spikes.find((s) => s.key === 'billing');
    expect(parent?.setAside).toEqual(['disputed']);
    expect(parent?.verdict).toMatchObject({ observed: 25, baseline: 3 });
  });

  it('products are tested on their own', () => {
    const r = detectVolumeSpikes({
      day: DAY,
      firstDay: '2025-01-01',
      categories: [],
      categoryCounts: new Map(),
      productCounts: new Map([
        ['5g畅享套餐', counts(2, 12)],
        ['宽带', counts(20, 24)],
      ]),
    });
    expect(r.tested).toBe(2);
    expect(r.spikes.map((s) => [s.subjectKind, s.key])).toEqual([['product', '5g畅享套餐']]);
  });

  it('nothing is tested without enough history, nor a subject without any complaint', () => {
    const input = {
      day: DAY,
      categories,
      categoryCounts: new Map([['disputed', new Map([[DAY, 40]])]]),
      productCounts: new Map([['x', new Map([[DAY, 40]])]]),
    };
    expect(detectVolumeSpikes({ ...input, firstDay: null })).toEqual({ tested: 0, spikes: [] });
    expect(detectVolumeSpikes({ ...input, firstDay: DAY })).toEqual({ tested: 0, spikes: [] });
    expect(detectVolumeSpikes({ ...input, firstDay: addDays(DAY, -6) })).toEqual({ tested: 0, spikes: [] });
    // A week of (empty) history: 40 out of nothing alerts; the untouched network branch is not tested.
    const r = detectVolumeSpikes({ ...input, firstDay: addDays(DAY, -7) });
    expect(r.spikes.map((s) => s.key)).toEqual(['disputed', 'x']);
    expect(r.tested).toBe(3);
  });

  it('survives a cycle in the category data', () => {
    const r = detectVolumeSpikes({
      day: DAY,
      firstDay: '2025-01-01',
      categories: [
        { id: 'a', parentId: null, name: 'a' },
        { id: 'b', parentId: 'c', name: 'b' },
        { id: 'c', parentId: 'b', name: 'c' },
      ],
      categoryCounts: new Map([['a', counts(1, 20)]]),
      productCounts: new Map(),
    });
    expect(r.spikes.map((s) => s.key)).toEqual(['a']);
  });
});

describe('on seeded Poisson noise', () => {
  /** Slides the test over `days` days of noise at λ; returns alerts and tests. */
  function falseAlarms(lambda: number, days: number, seed: number) {
    const random = rng(seed);
    const series = Array.from({ length: days + 28 }, () => poisson(random, lambda));
    let alerts = 0;
    for (let t = 28; t < series.length; t++) {
      if (assessVolume(series[t] as number, series.slice(t - 28, t))?.alert) alerts++;
    }
    return { alerts, tests: days };
  }

  it('raises fewer than 1 false alarm per 1,000 subject-days', () => {
    let alerts = 0;
    let tests = 0;
    for (const [i, lambda] of [0.05, 0.3, 1, 2, 4, 8, 15, 30, 60, 150, 400].entries()) {
      const r = falseAlarms(lambda, 10_000, 1000 + i);
      alerts += r.alerts;
      tests += r.tests;
      // Measured over 100,000 days each: at most 0.7 per 1,000 (λ = 30); room for sampling noise.
      expect(r.alerts, `λ=${lambda}`).toBeLessThanOrEqual(15);
    }
    expect(tests).toBe(110_000);
    expect(alerts / tests).toBeLessThan(1 / 1000);
  });

  it('finds an injected spike at every volume', () => {
    for (const [i, [lambda, spike]] of (
      [
        [0.3, 7],
        [2, 12],
        [8, 24],
        [30, 60],
        [150, 240],
      ] as const
    ).entries()) {
      const random = rng(77 + i);
      let found = 0;
      for (let trial = 0; trial < 50; trial++) {
        const history = Array.from({ length: 28 }, () => poisson(random, lambda));
        if (assessVolume(spike, history)?.alert) found++;
      }
      expect(found, `λ=${lambda} spike=${spike}`).toBeGreaterThanOrEqual(45);
    }
  });
});
