// The reports' periods: presets on China's calendar whatever the browser's zone, ranges, the
// interval that suits a range, and year-earlier and clipped ranges.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chinaDay } from '../../web/src/lib/china-time.ts';
import {
  addDays,
  addMonths,
  defaultInterval,
  isoWeekday,
  MAX_REPORT_DAYS,
  matchingPreset,
  PRESETS,
  type Preset,
  presetRange,
  rangeProblem,
  spanDays,
  yearEarlier,
} from '../../web/src/lib/report-periods.ts';

/** 2026-11-23 03:00 in China is still Sunday 22 November in UTC. */
const MONDAY_NIGHT = new Date('2026-11-22T19:00:00Z');
const SUNDAY_EVENING = new Date('2026-11-22T10:00:00+08:00');

describe('presets in China time', () => {
  it.each<[Preset, Date, string, string]>([
    ['today', MONDAY_NIGHT, '2026-11-23', '2026-11-23'],
    ['week', MONDAY_NIGHT, '2026-11-23', '2026-11-23'],
    ['month', MONDAY_NIGHT, '2026-11-01', '2026-11-23'],
    ['lastMonth', MONDAY_NIGHT, '2026-10-01', '2026-10-31'],
    ['year', MONDAY_NIGHT, '2026-01-01', '2026-11-23'],
    ['today', SUNDAY_EVENING, '2026-11-22', '2026-11-22'],
    ['week', SUNDAY_EVENING, '2026-11-16', '2026-11-22'],
    // New Year's night in China: already next year, and December is last month.
    ['today', new Date('2025-12-31T16:30:00Z'), '2026-01-01', '2026-01-01'],
    ['year', new Date('2025-12-31T16:30:00Z'), '2026-01-01', '2026-01-01'],
    ['lastMonth', new Date('2025-12-31T16:30:00Z'), '2025-12-01', '2025-12-31'],
    ['week', new Date('2025-12-31T16:30:00Z'), '2025-12-29', '2026-01-01'],
    // Last month of a leap year's March; 30-day months.
    ['lastMonth', new Date('2028-03-15T04:00:00Z'), '2028-02-01', '2028-02-29'],
    ['lastMonth', new Date('2027-03-01T00:00:00+08:00'), '2027-02-01', '2027-02-28'],
    ['lastMonth', new Date('2026-05-31T23:59:00+08:00'), '2026-04-01', '2026-04-30'],
    ['month', new Date('2026-05-31T23:59:00+08:00'), '2026-05-01', '2026-05-31'],
  ])('%s at %s → %s … %s', (preset, now, from, to) => {
    expect(presetRange(preset, now)).toEqual({ from, to });
  });

  it('any instant: each preset is a valid range ending today at the latest, of the right length', () => {
    const instants = fc.date({
      min: new Date('2000-01-01T00:00:00Z'),
      max: new Date('2090-12-31T00:00:00Z'),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(instants, (now) => {
        const today = chinaDay(now);
        for (const p of PRESETS) {
          const r = presetRange(p, now);
          expect(rangeProblem(r)).toBeNull();
          expect(r.to <= today).toBe(true);
        }
        const week = presetRange('week', now);
        expect(isoWeekday(week.from)).toBe(1);
        expect(spanDays(week)).toBe(isoWeekday(today));
        const last = presetRange('lastMonth', now);
        expect(spanDays(last)).toBeGreaterThanOrEqual(28);
        expect(spanDays(last)).toBeLessThanOrEqual(31);
        expect(addDays(last.to, 1)).toBe(presetRange('month', now).from);
        expect(presetRange('year', now).from.slice(0, 4)).toBe(today.slice(0, 4));
      }),
    );
  });

  it('a range that is a preset today lights that preset', () => {
    expect(matchingPreset({ from: '2026-11-01', to: '2026-11-23' }, MONDAY_NIGHT)).toBe('month');
    expect(matchingPreset({ from: '2026-10-01', to: '2026-10-31' }, MONDAY_NIGHT)).toBe('lastMonth');
    // Monday: today and this week are the same days; the first preset wins.
    expect(matchingPreset({ from: '2026-11-23', to: '2026-11-23' }, MONDAY_NIGHT)).toBe('today');
    expect(matchingPreset({ from: '2026-10-01', to: '2026-10-30' }, MONDAY_NIGHT)).toBeNull();
  });
});

describe('day arithmetic', () => {
  it.each([
    ['2026-11-23', 1],
    ['2026-11-22', 7],
    ['2024-02-29', 4],
    ['2000-01-01', 6],
  ])('%s is weekday %i', (day, wd) => {
    expect(isoWeekday(day)).toBe(wd);
  });

  it.each([
    ['2026-03-31', -1, '2026-02-28'],
    ['2024-02-29', -12, '2023-02-28'],
    ['2026-01-15', -1, '2025-12-15'],
    ['2026-12-31', 1, '2027-01-31'],
  ])('addMonths(%s, %i) = %s', (day, n, expected) => {
    expect(addMonths(day, n)).toBe(expected);
  });

  it('spanDays counts both ends', () => {
    expect(spanDays({ from: '2026-11-01', to: '2026-11-01' })).toBe(1);
    expect(spanDays({ from: '2026-02-01', to: '2026-03-01' })).toBe(29);
    expect(spanDays({ from: '2026-03-02', to: '2026-03-01' })).toBe(0);
  });
});

describe('ranges the server accepts', () => {
  it.each([
    [{ from: '2026-11-01', to: '2026-11-30' }, null],
    [{ from: '2026-11-30', to: '2026-11-30' }, null],
    [{ from: '2026-11-30', to: '2026-11-01' }, 'reversed'],
    [{ from: '2026-02-30', to: '2026-03-01' }, 'invalid'],
    [{ from: 'yesterday', to: '2026-03-01' }, 'invalid'],
    [{ from: '2024-01-01', to: addDays('2024-01-01', MAX_REPORT_DAYS - 1) }, null],
    [{ from: '2024-01-01', to: addDays('2024-01-01', MAX_REPORT_DAYS) }, 'tooLong'],
  ])('%j → %s', (r, problem) => {
    expect(rangeProblem(r)).toBe(problem);
  });
});

describe('the trend interval that suits a period', () => {
  it.each([
    [{ from: '2026-11-23', to: '2026-11-23' }, 'day'],
    [{ from: '2026-10-01', to: '2026-10-31' }, 'day'],
    [{ from: '2026-10-01', to: '2026-11-01' }, 'week'],
    [{ from: '2026-01-01', to: '2026-07-03' }, 'week'],
    [{ from: '2026-01-01', to: '2026-07-04' }, 'month'],
    [{ from: '2026-01-01', to: '2026-12-31' }, 'month'],
  ] as const)('%j → %s', (r, interval) => {
    expect(defaultInterval(r)).toBe(interval);
  });
});

describe('year-earlier ranges', () => {
  it('a year earlier, 29 February becoming the 28th', () => {
    expect(yearEarlier({ from: '2026-11-01', to: '2026-11-30' })).toEqual({
      from: '2025-11-01',
      to: '2025-11-30',
    });
    expect(yearEarlier({ from: '2028-02-01', to: '2028-02-29' })).toEqual({
      from: '2027-02-01',
      to: '2027-02-28',
    });
  });
});
