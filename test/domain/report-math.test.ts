import { describe, expect, it } from 'vitest';
import {
  DEFAULT_KPI_TARGETS,
  emptySums,
  kpiRates,
  kpiTargets,
  meetsTarget,
  resolveTimes,
} from '../../src/domain/report-kpis.ts';
import {
  addMonths,
  ancestorAtLevel,
  bucketUpperHours,
  complaintRatio,
  growth,
  isoWeekday,
  isoWeekLabel,
  mergeRanges,
  p90Bucket,
  periodBuckets,
  resolveBucket,
  shiftRange,
  splitByMonths,
  sumRange,
} from '../../src/domain/report-math.ts';

describe('calendar days', () => {
  it.each([
    ['2026-11-22', 7],
    ['2026-11-23', 1],
    ['2026-01-01', 4],
    ['2024-02-29', 4],
  ])('%s is ISO weekday %i', (d, w) => expect(isoWeekday(d)).toBe(w));

  it.each([
    ['2026-01-01', '2026-W01'],
    ['2027-01-01', '2026-W53'],
    ['2025-12-29', '2026-W01'],
    ['2026-11-22', '2026-W47'],
  ])('%s is in ISO week %s', (d, w) => expect(isoWeekLabel(d)).toBe(w));

  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2024-03-31', -1, '2024-02-29'],
    ['2026-12-15', 1, '2027-01-15'],
    ['2026-01-15', -12, '2025-01-15'],
  ])('%s plus %i months is %s', (d, n, want) => expect(addMonths(d, n)).toBe(want));
});

describe('periods of a trend', () => {
  it('clips the first and last week to the range', () => {
    expect(periodBuckets({ from: '2026-11-04', to: '2026-11-17' }, 'week')).toEqual([
      { period: '2026-W45', from: '2026-11-04', to: '2026-11-08' },
      { period: '2026-W46', from: '2026-11-09', to: '2026-11-15' },
      { period: '2026-W47', from: '2026-11-16', to: '2026-11-17' },
    ]);
  });
  it('cuts months at their ends, across a year', () => {
    expect(
      periodBuckets({ from: '2026-11-15', to: '2027-01-10' }, 'month').map((b) => [b.period, b.from, b.to]),
    ).toEqual([
      ['2026-11', '2026-11-15', '2026-11-30'],
      ['2026-12', '2026-12-01', '2026-12-31'],
      ['2027-01', '2027-01-01', '2027-01-10'],
    ]);
  });
  it('has one bucket per day', () => {
    expect(periodBuckets({ from: '2026-02-27', to: '2026-03-02' }, 'day')).toHaveLength(4);
  });
  it.each([
    [{ from: '2026-11-01', to: '2026-11-30' }, 'month', { from: '2026-10-01', to: '2026-10-31' }],
    [{ from: '2026-03-01', to: '2026-03-31' }, 'month', { from: '2026-02-01', to: '2026-02-28' }],
    [{ from: '2026-11-05', to: '2026-11-22' }, 'month', { from: '2026-10-05', to: '2026-10-22' }],
    [{ from: '2026-11-16', to: '2026-11-18' }, 'week', { from: '2026-11-09', to: '2026-11-11' }],
    [{ from: '2026-01-01', to: '2026-01-01' }, 'day', { from: '2025-12-31', to: '2025-12-31' }],
    [{ from: '2024-02-01', to: '2024-02-29' }, 'year', { from: '2023-02-01', to: '2023-02-28' }],
  ] as const)('the span before %j by %s is %j', (r, interval, want) => {
    expect(shiftRange(r, interval)).toEqual(want);
  });
});

describe('growth and ratio', () => {
  it.each([
    [12, 10, 0.2],
    [5, 10, -0.5],
    [0, 3, -1],
    [7, 0, null],
  ])('%i after %i is %s', (c, p, want) => expect(growth(c, p)).toBe(want));

  it('sums days absent from the map as zero', () => {
    expect(sumRange(new Map([['2026-11-02', 3]]), { from: '2026-11-01', to: '2026-11-03' })).toBe(3);
  });

  it('gives a ratio per 10,000 customers for any period and per transactions for whole months only', () => {
    const m = new Map([['2026-11-01', 40_000]]);
    expect(complaintRatio(8, { from: '2026-11-03', to: '2026-11-03' }, 'customers', m)).toBe(2);
    expect(complaintRatio(8, { from: '2026-11-01', to: '2026-11-30' }, 'transactions', m)).toBe(2);
    expect(complaintRatio(8, { from: '2026-11-01', to: '2026-11-29' }, 'transactions', m)).toBeNull();
    expect(complaintRatio(8, { from: '2026-12-01', to: '2026-12-31' }, 'customers', m)).toBeNull();
  });
});

describe('resolution-time buckets and the p90', () => {
  it.each([
    [0, 0, 1],
    [3599, 0, 1],
    [3600, 1, 2],
    [71 * 3600 + 59, 71, 72],
    [72 * 3600, 72, 96],
    [29 * 86400 + 5, 98, 720],
    [30 * 86400, 99, null],
  ])('%i seconds fall in bucket %i (upper bound %s h)', (s, b, upper) => {
    expect(resolveBucket(s)).toBe(b);
    expect(bucketUpperHours(b)).toBe(upper);
  });

  it('takes the smallest bucket reaching 90 % (percentile_disc)', () => {
    expect(
      p90Bucket(
        new Map([
          [1, 9],
          [5, 1],
        ]),
      ),
    ).toBe(1);
    expect(
      p90Bucket(
        new Map([
          [1, 8],
          [5, 1],
          [7, 1],
        ]),
      ),
    ).toBe(5);
    expect(p90Bucket(new Map())).toBeNull();
  });
});

describe('categories at a level', () => {
  const parents = new Map<string, string | null>([
    ['a', null],
    ['a1', 'a'],
    ['a1x', 'a1'],
  ]);
  it.each([
    ['a1x', 1, 'a'],
    ['a1x', 2, 'a1'],
    ['a1x', 3, 'a1x'],
    ['a1', 3, 'a1'],
    ['unknown', 1, 'unknown'],
  ])('%s at level %i is %s', (id, level, want) => expect(ancestorAtLevel(id, level, parents)).toBe(want));
});

describe('KPIs', () => {
  it('divides the sums by their own denominators, null where there is none', () => {
    const s = {
      ...emptySums(),
      received: 10,
      closed: 4,
      frontline: 3,
      escalated: 2,
      escalationsReviewed: 2,
      escalationsJustified: 1,
      repeats: 1,
      replySettled: 5,
      replyOnTime: 4,
      reopened: 1,
    };
    expect(kpiRates(s)).toEqual({
      frontlineResolution: 0.75,
      escalationRate: 0.2,
      justifiedShare: 0.5,
      repeatRate: 0.1,
      replyCompliance: 0.8,
      resolutionCompliance: null,
      reopenRate: 0.1,
    });
  });
  it('compares with targets in the right direction', () => {
    expect(meetsTarget('escalationRate', 0.05, 0.1)).toBe(true);
    expect(meetsTarget('frontlineResolution', 0.7, 0.8)).toBe(false);
    expect(meetsTarget('reopenRate', null, 0.1)).toBeNull();
  });
  it('keeps only valid stored targets over the defaults', () => {
    expect(kpiTargets({ escalationRate: 0.2, repeatRate: 7, other: 1 })).toEqual({
      ...DEFAULT_KPI_TARGETS,
      escalationRate: 0.2,
    });
    expect(kpiTargets(null)).toEqual(DEFAULT_KPI_TARGETS);
  });
  it('averages resolution times in hours and reports the p90 bucket bound', () => {
    const s = {
      ...emptySums(),
      resolved: 2,
      resolveSeconds: 3 * 3600,
      seriousResolved: 1,
      seriousSeconds: 7200,
    };
    expect(
      resolveTimes(
        s,
        new Map([
          [0, 1],
          [2, 1],
        ]),
      ),
    ).toEqual({ avgResolveHours: 1.5, p90ResolveHours: 3, p90Over30Days: false, seriousAvgResolveHours: 2 });
  });
});

describe('ranges', () => {
  it('merges overlapping and adjacent ranges', () => {
    expect(
      mergeRanges([
        { from: '2026-11-03', to: '2026-11-05' },
        { from: '2025-11-03', to: '2025-11-05' },
        { from: '2026-11-02', to: '2026-11-02' },
        { from: '2026-11-04', to: '2026-11-09' },
      ]),
    ).toEqual([
      { from: '2025-11-03', to: '2025-11-05' },
      { from: '2026-11-02', to: '2026-11-09' },
    ]);
  });
  it.each([
    [
      { from: '2026-01-15', to: '2026-03-10' },
      { from: '2026-02-01', to: '2026-02-01' },
      [
        { from: '2026-01-15', to: '2026-01-31' },
        { from: '2026-03-01', to: '2026-03-10' },
      ],
    ],
    [{ from: '2026-01-01', to: '2026-12-31' }, { from: '2026-01-01', to: '2026-12-01' }, []],
    [{ from: '2026-01-05', to: '2026-01-20' }, null, [{ from: '2026-01-05', to: '2026-01-20' }]],
    [
      { from: '2026-01-01', to: '2026-02-15' },
      { from: '2026-01-01', to: '2026-01-01' },
      [{ from: '2026-02-01', to: '2026-02-15' }],
    ],
  ])('splits %j into whole months %j and days %j', (r, months, days) => {
    expect(splitByMonths(r)).toEqual({ months, days });
  });
});
