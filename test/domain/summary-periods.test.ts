// The periods of the periodic summaries: which are due at an instant in the report time zone, and
// what catch-up makes after downtime, across month and year ends and time-zone day boundaries.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  CATCH_UP_LIMITS,
  catchUpCandidates,
  catchUpFrom,
  duePeriods,
  isDay,
  isOver,
  isoWeekday,
  isPeriodStart,
  localDay,
  missingPeriods,
  periodContaining,
  periodStarting,
  previousPeriod,
  type SummaryKind,
  type SummaryPeriod,
} from '../../src/domain/summary-periods.ts';

const SH = 'Asia/Shanghai';
const p = (kind: SummaryKind, start: string, end: string): SummaryPeriod => ({ kind, start, end });

describe('the day of an instant in a time zone', () => {
  it.each([
    ['2026-11-22T15:59:59.999Z', SH, '2026-11-22'],
    ['2026-11-22T16:00:00.000Z', SH, '2026-11-23'],
    ['2026-12-31T16:00:00.000Z', SH, '2027-01-01'],
    ['2026-12-31T15:59:59.999Z', SH, '2026-12-31'],
    ['2026-12-31T16:00:00.000Z', 'UTC', '2026-12-31'],
    ['2027-01-01T00:00:00.000Z', 'UTC', '2027-01-01'],
    // New York: UTC−5 in winter, UTC−4 in summer (the zone's own rules, daylight saving included).
    ['2026-01-15T04:59:59.000Z', 'America/New_York', '2026-01-14'],
    ['2026-01-15T05:00:00.000Z', 'America/New_York', '2026-01-15'],
    ['2026-07-15T03:59:59.000Z', 'America/New_York', '2026-07-14'],
    ['2026-07-15T04:00:00.000Z', 'America/New_York', '2026-07-15'],
    // Ürümqi keeps UTC+6.
    ['2026-03-01T17:59:59.000Z', 'Asia/Urumqi', '2026-03-01'],
    ['2026-03-01T18:00:00.000Z', 'Asia/Urumqi', '2026-03-02'],
  ])('%s in %s is %s', (at, tz, day) => {
    expect(localDay(new Date(at), tz)).toBe(day);
  });

  it('an unknown time zone is refused', () => {
    expect(() => localDay(new Date(), 'Mars/Olympus')).toThrow(RangeError);
  });
});

describe('periods', () => {
  it.each([
    ['day', '2026-02-28', p('day', '2026-02-28', '2026-02-28')],
    ['week', '2026-11-22', p('week', '2026-11-16', '2026-11-22')], // a Sunday
    ['week', '2026-11-23', p('week', '2026-11-23', '2026-11-29')], // a Monday
    ['week', '2027-01-01', p('week', '2026-12-28', '2027-01-03')], // across the year end
    ['week', '2026-03-01', p('week', '2026-02-23', '2026-03-01')], // across a month end
    ['month', '2026-02-14', p('month', '2026-02-01', '2026-02-28')],
    ['month', '2028-02-29', p('month', '2028-02-01', '2028-02-29')], // leap year
    ['month', '2026-12-31', p('month', '2026-12-01', '2026-12-31')],
  ] as const)('the %s containing %s', (kind, day, period) => {
    expect(periodContaining(kind, day)).toEqual(period);
  });

  it.each([
    [p('day', '2027-01-01', '2027-01-01'), p('day', '2026-12-31', '2026-12-31')],
    [p('day', '2026-03-01', '2026-03-01'), p('day', '2026-02-28', '2026-02-28')],
    [p('week', '2027-01-04', '2027-01-10'), p('week', '2026-12-28', '2027-01-03')],
    [p('month', '2027-01-01', '2027-01-31'), p('month', '2026-12-01', '2026-12-31')],
    [p('month', '2026-03-01', '2026-03-31'), p('month', '2026-02-01', '2026-02-28')],
  ])('before %j comes %j', (period, before) => {
    expect(previousPeriod(period)).toEqual(before);
  });

  it('starts: any day, a Monday, the 1st; nothing else and no impossible day', () => {
    expect(isPeriodStart('day', '2026-11-22')).toBe(true);
    expect(isPeriodStart('day', '2026-02-30')).toBe(false);
    expect(isPeriodStart('week', '2026-11-23')).toBe(true);
    expect(isPeriodStart('week', '2026-11-22')).toBe(false);
    expect(isPeriodStart('month', '2026-11-01')).toBe(true);
    expect(isPeriodStart('month', '2026-11-02')).toBe(false);
    expect(periodStarting('week', '2026-11-24')).toBeNull();
    expect(periodStarting('month', '2026-02-01')).toEqual(p('month', '2026-02-01', '2026-02-28'));
    expect(isDay('2026-13-01')).toBe(false);
    expect(isDay('2026-1-01')).toBe(false);
  });

  it('property: a period is whole days, contains its day, and follows its predecessor without a gap', () => {
    const days = fc
      .integer({ min: 0, max: 365 * 30 })
      .map((n) => addDays('2010-01-01', n))
      .filter(isDay);
    fc.assert(
      fc.property(days, fc.constantFrom<SummaryKind>('day', 'week', 'month'), (day, kind) => {
        const period = periodContaining(kind, day);
        expect(period.start <= day && day <= period.end).toBe(true);
        expect(addDays(previousPeriod(period).end, 1)).toBe(period.start);
        expect(isPeriodStart(kind, period.start)).toBe(true);
        if (kind === 'week') {
          expect(isoWeekday(period.start)).toBe(1);
          expect(isoWeekday(period.end)).toBe(7);
        }
        if (kind === 'month') expect(addDays(period.end, 1).slice(8)).toBe('01');
      }),
    );
  });
});

describe('what is due at an instant (Asia/Shanghai)', () => {
  it('just before midnight: yesterday is 11-21, the day itself is not over', () => {
    const now = new Date('2026-11-22T23:59:59.999+08:00');
    expect(duePeriods(now, SH)).toEqual([
      p('day', '2026-11-21', '2026-11-21'),
      p('week', '2026-11-09', '2026-11-15'),
      p('month', '2026-10-01', '2026-10-31'),
    ]);
    expect(isOver(p('day', '2026-11-22', '2026-11-22'), now, SH)).toBe(false);
    // A Sunday: the week that ends today is not over either.
    expect(isOver(p('week', '2026-11-16', '2026-11-22'), now, SH)).toBe(false);
  });

  it('at midnight the day and the week ending on Sunday are over', () => {
    const now = new Date('2026-11-23T00:00:00+08:00'); // 2026-11-22T16:00Z: still the 22nd in UTC
    expect(duePeriods(now, SH)).toEqual([
      p('day', '2026-11-22', '2026-11-22'),
      p('week', '2026-11-16', '2026-11-22'),
      p('month', '2026-10-01', '2026-10-31'),
    ]);
    expect(duePeriods(now, 'UTC')[0]).toEqual(p('day', '2026-11-21', '2026-11-21'));
  });

  it('the year end: the last day, the last month and a week spanning both years', () => {
    expect(duePeriods(new Date('2026-12-31T23:59:00+08:00'), SH)).toEqual([
      p('day', '2026-12-30', '2026-12-30'),
      p('week', '2026-12-21', '2026-12-27'),
      p('month', '2026-11-01', '2026-11-30'),
    ]);
    expect(duePeriods(new Date('2027-01-01T00:00:00+08:00'), SH)).toEqual([
      p('day', '2026-12-31', '2026-12-31'),
      p('week', '2026-12-21', '2026-12-27'),
      p('month', '2026-12-01', '2026-12-31'),
    ]);
    // The week of 2026-12-28 ends on Sunday 2027-01-03: due on Monday the 4th.
    expect(duePeriods(new Date('2027-01-04T00:00:00+08:00'), SH)[1]).toEqual(
      p('week', '2026-12-28', '2027-01-03'),
    );
  });

  it('the end of February, in a leap year and not', () => {
    expect(duePeriods(new Date('2026-03-01T00:00:00+08:00'), SH)[2]).toEqual(
      p('month', '2026-02-01', '2026-02-28'),
    );
    expect(duePeriods(new Date('2028-03-01T00:30:00+08:00'), SH)).toEqual([
      p('day', '2028-02-29', '2028-02-29'),
      p('week', '2028-02-21', '2028-02-27'),
      p('month', '2028-02-01', '2028-02-29'),
    ]);
  });

  it('in New York the same instant is still the previous day', () => {
    const now = new Date('2026-12-01T03:00:00Z'); // 11-30 22:00 in New York, 12-01 11:00 in China
    expect(duePeriods(now, 'America/New_York')[2]).toEqual(p('month', '2026-10-01', '2026-10-31'));
    expect(duePeriods(now, SH)[2]).toEqual(p('month', '2026-11-01', '2026-11-30'));
  });
});

describe('catch-up', () => {
  const now = new Date('2026-11-23T00:05:00+08:00'); // Monday
  const base = { now, timeZone: SH };

  it('nothing before the first complaint, nothing at all without one', () => {
    expect(missingPeriods({ ...base, firstDay: null, stored: [] })).toEqual([]);
    // The first complaint came yesterday: that day, its week, no earlier month.
    expect(missingPeriods({ ...base, firstDay: '2026-11-22', stored: [] })).toEqual([
      p('day', '2026-11-22', '2026-11-22'),
      p('week', '2026-11-16', '2026-11-22'),
    ]);
    // Today's first complaint makes nothing due yet.
    expect(missingPeriods({ ...base, firstDay: '2026-11-23', stored: [] })).toEqual([]);
  });

  it('a period that contains the first day is made (a month begun mid-month)', () => {
    const got = missingPeriods({ ...base, firstDay: '2026-10-31', stored: [] });
    expect(got.filter((x) => x.kind === 'month')).toEqual([p('month', '2026-10-01', '2026-10-31')]);
    expect(got.filter((x) => x.kind === 'week')).toEqual([
      p('week', '2026-10-26', '2026-11-01'),
      p('week', '2026-11-02', '2026-11-08'),
      p('week', '2026-11-09', '2026-11-15'),
      p('week', '2026-11-16', '2026-11-22'),
    ]);
    expect(got.filter((x) => x.kind === 'day')).toHaveLength(23); // 10-31 … 11-22
  });

  it('bounded: at most 31 days, 8 weeks and 3 months back, oldest first', () => {
    const got = missingPeriods({ ...base, firstDay: '2020-01-01', stored: [] });
    expect(got.filter((x) => x.kind === 'day')).toHaveLength(CATCH_UP_LIMITS.day);
    expect(got.filter((x) => x.kind === 'week')).toHaveLength(CATCH_UP_LIMITS.week);
    expect(got.filter((x) => x.kind === 'month')).toEqual([
      p('month', '2026-08-01', '2026-08-31'),
      p('month', '2026-09-01', '2026-09-30'),
      p('month', '2026-10-01', '2026-10-31'),
    ]);
    expect(got[0]).toEqual(p('month', '2026-08-01', '2026-08-31'));
    expect(got.at(-1)).toEqual(p('week', '2026-11-16', '2026-11-22'));
    // Sorted by last day, a day before the week and month ending the same day.
    const ends = got.map((x) => x.end);
    expect([...ends].sort()).toEqual(ends);
    const oct31 = got.filter((x) => x.end === '2026-10-31').map((x) => x.kind);
    expect(oct31).toEqual(['day', 'month']);
    expect(catchUpFrom('2026-11-23')).toBe('2026-08-01');
  });

  it('after downtime: each missed period since the newest stored, once', () => {
    // Last sweep ran on 11-18 at 23:00: everything up to 11-17 and the week of 11-09 is stored.
    const stored = [
      ...catchUpCandidates('day', '2026-11-18').map((x) => ({ kind: x.kind, start: x.start })),
      ...catchUpCandidates('week', '2026-11-18').map((x) => ({ kind: x.kind, start: x.start })),
      ...catchUpCandidates('month', '2026-11-18').map((x) => ({ kind: x.kind, start: x.start })),
    ];
    const got = missingPeriods({ ...base, firstDay: '2026-01-01', stored });
    expect(got).toEqual([
      p('day', '2026-11-18', '2026-11-18'),
      p('day', '2026-11-19', '2026-11-19'),
      p('day', '2026-11-20', '2026-11-20'),
      p('day', '2026-11-21', '2026-11-21'),
      p('day', '2026-11-22', '2026-11-22'),
      p('week', '2026-11-16', '2026-11-22'),
    ]);
    // Made: nothing is left.
    const all = [...stored, ...got.map((x) => ({ kind: x.kind, start: x.start }))];
    expect(missingPeriods({ ...base, firstDay: '2026-01-01', stored: all })).toEqual([]);
  });

  it('a hole behind a newer summary (made on demand meanwhile) is filled', () => {
    const stored = catchUpCandidates('day', '2026-11-23')
      .filter((x) => x.start !== '2026-11-20')
      .map((x) => ({ kind: x.kind, start: x.start }));
    const got = missingPeriods({
      ...base,
      firstDay: '2026-11-01',
      stored,
      limits: { day: 31, week: 0, month: 0 },
    });
    expect(got).toEqual([p('day', '2026-11-20', '2026-11-20')]);
  });

  it('across the year end after a long downtime', () => {
    const got = missingPeriods({
      now: new Date('2027-01-05T09:00:00+08:00'),
      timeZone: SH,
      firstDay: '2026-12-30',
      stored: [{ kind: 'day', start: '2026-12-30' }],
    });
    expect(got).toEqual([
      p('day', '2026-12-31', '2026-12-31'),
      p('month', '2026-12-01', '2026-12-31'),
      p('day', '2027-01-01', '2027-01-01'),
      p('day', '2027-01-02', '2027-01-02'),
      p('day', '2027-01-03', '2027-01-03'),
      p('week', '2026-12-28', '2027-01-03'),
      p('day', '2027-01-04', '2027-01-04'),
    ]);
  });

  it('property: never a period that is not over, never one twice, never one ending before the first day', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2030, 0, 1) }),
        fc.integer({ min: -400, max: 5 }),
        fc.constantFrom(SH, 'UTC', 'America/New_York', 'Pacific/Auckland'),
        (ms, firstOffset, tz) => {
          const now = new Date(ms);
          const today = localDay(now, tz);
          const firstDay = addDays(today, firstOffset);
          const got = missingPeriods({ now, timeZone: tz, firstDay, stored: [] });
          const keys = got.map((x) => `${x.kind}:${x.start}`);
          expect(new Set(keys).size).toBe(keys.length);
          for (const x of got) {
            expect(isOver(x, now, tz)).toBe(true);
            expect(x.end >= firstDay).toBe(true);
            expect(periodContaining(x.kind, x.start)).toEqual(x);
          }
          // Made once, nothing is due again at the same instant.
          const stored = got.map((x) => ({ kind: x.kind, start: x.start }));
          expect(missingPeriods({ now, timeZone: tz, firstDay, stored })).toEqual([]);
        },
      ),
    );
  });
});
