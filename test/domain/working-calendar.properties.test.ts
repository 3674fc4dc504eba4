// Property tests of the working calendar over arbitrary instants in 2025–2026 (Asia/Shanghai) on
// three calendars: 09:00-12:00 + 13:00-18:00, 09:00-18:00, and 24×7, all with the national schedule.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ALL_DAY,
  addCalendarHours,
  addWorkingDays,
  addWorkingHours,
  addWorkingMillis,
  dayOf,
  describeDay,
  type WorkingCalendar,
  workingMillisBetween,
} from '../../src/domain/working-calendar.ts';
import { allDayCal, HOUR, lunchCal, noLunchCal } from './working-calendar-fixtures.ts';

const DAY = 24 * HOUR;
const MINUTE = 60_000;
const FROM = Date.parse('2025-01-01T00:00:00+08:00');
const UNTIL = Date.parse('2027-01-01T00:00:00+08:00') - 1;
const RUNS = { numRuns: 500 };

/** Any millisecond in 2025–2026, or one next to a boundary of the working day (±1 ms). */
const instant: fc.Arbitrary<Date> = fc.oneof(
  fc.integer({ min: FROM, max: UNTIL }).map((ms) => new Date(ms)),
  fc
    .record({
      day: fc.integer({ min: 0, max: 729 }),
      minute: fc.constantFrom(0, 540, 720, 780, 1080, 1439),
      jitter: fc.constantFrom(-1, 0, 1),
    })
    .map(({ day, minute, jitter }) => new Date(FROM + day * DAY + minute * MINUTE + jitter)),
);
const calendar = fc.constantFrom(lunchCal, noLunchCal, allDayCal);
const days = fc.integer({ min: 0, max: 20 });
const millis = fc.integer({ min: 0, max: 100 * HOUR });

/** Milliseconds after local midnight. */
function clock(cal: WorkingCalendar, d: Date): number {
  return (((d.getTime() + cal.offsetMinutes * MINUTE) % DAY) + DAY) % DAY;
}

/** On a working day and inside its hours; `endOk` also accepts the exact end of a span. */
function inHours(cal: WorkingCalendar, d: Date, endOk = false): boolean {
  const c = clock(cal, d);
  const spans = cal.everyDay ? ALL_DAY : cal.hours;
  const inside = spans.some(
    (s) => c >= s.start * MINUTE && (c < s.end * MINUTE || (endOk && c === s.end * MINUTE)),
  );
  if (inside && describeDay(cal, dayOf(cal, d)).working) return true;
  // The end of the day's last span is 24:00 on the 24×7 calendar: local midnight of the next day.
  if (!endOk) return false;
  const before = new Date(d.getTime() - 1);
  return spans.some((s) => clock(cal, before) === s.end * MINUTE - 1) && inHours(cal, before);
}

describe('(a) results land on working days, inside working hours', () => {
  it('addWorkingDays: on a working day, inside a span [start, end)', () => {
    fc.assert(
      fc.property(calendar, instant, days, (cal, t, n) => {
        const { at } = addWorkingDays(cal, t, n);
        expect(describeDay(cal, dayOf(cal, at)).working).toBe(true);
        expect(inHours(cal, at)).toBe(true);
      }),
      RUNS,
    );
  });

  it('addWorkingMillis: on a working day, inside a span or exactly at its end', () => {
    fc.assert(
      fc.property(calendar, instant, millis, (cal, t, ms) => {
        const { at } = addWorkingMillis(cal, t, ms);
        expect(inHours(cal, at, true)).toBe(true);
      }),
      RUNS,
    );
  });

  it('the helper itself rejects instants outside working hours', () => {
    expect(inHours(lunchCal, new Date('2026-03-02T12:30:00+08:00'))).toBe(false);
    expect(inHours(lunchCal, new Date('2026-03-02T12:00:00+08:00'))).toBe(false);
    expect(inHours(lunchCal, new Date('2026-03-02T12:00:00+08:00'), true)).toBe(true);
    expect(inHours(lunchCal, new Date('2026-10-01T10:00:00+08:00'))).toBe(false);
    expect(inHours(allDayCal, new Date('2026-10-02T00:00:00+08:00'), true)).toBe(true);
  });
});

describe('(b) monotonic', () => {
  const sortedPair = fc
    .tuple(instant, instant)
    .map(([a, b]): [Date, Date] => (a.getTime() <= b.getTime() ? [a, b] : [b, a]));

  it('a later receipt never gives an earlier deadline', () => {
    fc.assert(
      fc.property(calendar, sortedPair, days, millis, (cal, [t1, t2], n, ms) => {
        expect(addWorkingDays(cal, t1, n).at.getTime()).toBeLessThanOrEqual(
          addWorkingDays(cal, t2, n).at.getTime(),
        );
        expect(addWorkingMillis(cal, t1, ms).at.getTime()).toBeLessThanOrEqual(
          addWorkingMillis(cal, t2, ms).at.getTime(),
        );
      }),
      RUNS,
    );
  });

  it('a larger n never gives an earlier deadline (and a larger n of days a strictly later one)', () => {
    fc.assert(
      fc.property(calendar, instant, days, days, millis, millis, (cal, t, n1, n2, m1, m2) => {
        const [a, b] = n1 <= n2 ? [n1, n2] : [n2, n1];
        const [x, y] = m1 <= m2 ? [m1, m2] : [m2, m1];
        const da = addWorkingDays(cal, t, a).at.getTime();
        const db = addWorkingDays(cal, t, b).at.getTime();
        expect(a < b ? da < db : da === db).toBe(true);
        expect(addWorkingMillis(cal, t, x).at.getTime()).toBeLessThanOrEqual(
          addWorkingMillis(cal, t, y).at.getTime(),
        );
      }),
      RUNS,
    );
  });
});

describe('(c) additive', () => {
  // Why restrict to receipts inside working hours? One received outside them is first moved to the
  // next opening and counted from that opening's clock time, so the split computation might be
  // expected to differ from the whole one. With these rules it does not: addWorkingDays(t, a)
  // always lands inside working hours (property (a)), from where counting starts at once and keeps
  // the clock, so the move to the opening happens exactly once either way. The restricted property
  // is the one the rules obviously promise; the unrestricted one is checked too.
  const split = (cal: WorkingCalendar, t: Date, a: number, b: number) =>
    addWorkingDays(cal, addWorkingDays(cal, t, a).at, b).at;

  it('working days, received inside working hours', () => {
    fc.assert(
      fc.property(calendar, instant, days, days, (cal, t, a, b) => {
        fc.pre(inHours(cal, t));
        expect(split(cal, t, a, b)).toEqual(addWorkingDays(cal, t, a + b).at);
      }),
      { ...RUNS, maxSkipsPerRun: 1000 },
    );
  });

  it('working days, received at any time', () => {
    fc.assert(
      fc.property(calendar, instant, days, days, (cal, t, a, b) => {
        expect(split(cal, t, a, b)).toEqual(addWorkingDays(cal, t, a + b).at);
      }),
      RUNS,
    );
  });

  it('working milliseconds, received at any time (b ≥ 1 ms: see the test below)', () => {
    fc.assert(
      fc.property(calendar, instant, millis, fc.integer({ min: 1, max: 100 * HOUR }), (cal, t, a, b) => {
        const split = addWorkingMillis(cal, addWorkingMillis(cal, t, a).at, b).at;
        expect(split).toEqual(addWorkingMillis(cal, t, a + b).at);
      }),
      RUNS,
    );
  });

  it('adding 0 ms to a deadline that ends a span moves it to the next opening', () => {
    // addWorkingMillis(t, a) may end exactly at 12:00 or 18:00; adding 0 ms from there starts at
    // the next opening. So the split equals the whole only up to that move, and never moves backwards.
    const t = new Date('2026-03-02T11:00:00+08:00');
    const first = addWorkingMillis(lunchCal, t, HOUR).at;
    expect(first).toEqual(new Date('2026-03-02T12:00:00+08:00'));
    expect(addWorkingMillis(lunchCal, first, 0).at).toEqual(new Date('2026-03-02T13:00:00+08:00'));
    fc.assert(
      fc.property(calendar, instant, millis, (cal, t, a) => {
        const whole = addWorkingMillis(cal, t, a).at;
        const split = addWorkingMillis(cal, whole, 0).at;
        expect(split.getTime()).toBeGreaterThanOrEqual(whole.getTime());
        expect(workingMillisBetween(cal, whole, split)).toBe(0);
      }),
      RUNS,
    );
  });
});

describe('(d) workingMillisBetween inverts addWorkingMillis', () => {
  it('workingMillisBetween(t, addWorkingMillis(t, x)) === x', () => {
    fc.assert(
      fc.property(calendar, instant, millis, (cal, t, x) => {
        expect(workingMillisBetween(cal, t, addWorkingMillis(cal, t, x).at)).toBe(x);
      }),
      RUNS,
    );
  });

  it('is additive over consecutive intervals and 0 backwards', () => {
    fc.assert(
      fc.property(calendar, instant, instant, instant, (cal, p, q, r) => {
        const [a, b, c] = [p, q, r].sort((u, v) => u.getTime() - v.getTime()) as [Date, Date, Date];
        expect(workingMillisBetween(cal, a, b) + workingMillisBetween(cal, b, c)).toBe(
          workingMillisBetween(cal, a, c),
        );
        expect(workingMillisBetween(cal, c, a)).toBe(0);
        expect(workingMillisBetween(cal, a, c)).toBeLessThanOrEqual(c.getTime() - a.getTime());
      }),
      RUNS,
    );
  });
});

describe('(e) on the 24×7 calendar working time is calendar time', () => {
  it('addWorkingHours = addCalendarHours, working days = calendar days, between = b − a', () => {
    fc.assert(
      fc.property(instant, instant, fc.double({ min: 0, max: 100, noNaN: true }), days, (t, u, hours, n) => {
        expect(addWorkingHours(allDayCal, t, hours)).toEqual(addCalendarHours(t, hours));
        expect(addWorkingDays(allDayCal, t, n)).toEqual({
          at: new Date(t.getTime() + n * DAY),
          provisional: false,
        });
        expect(workingMillisBetween(allDayCal, t, u)).toBe(Math.max(0, u.getTime() - t.getTime()));
      }),
      RUNS,
    );
  });
});
