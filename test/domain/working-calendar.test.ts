import { describe, expect, it } from 'vitest';
import { nationalRules } from '../../src/calendar/national-schedule.ts';
import { rulesFromSchedule } from '../../src/domain/official-schedule.ts';
import {
  addCalendarHours,
  addDays,
  addWorkingDays,
  addWorkingHours,
  type DayKind,
  describeDay,
  missingYears,
  parseHours,
  workingMillisBetween,
} from '../../src/domain/working-calendar.ts';
import {
  allDayCal,
  at,
  deadline,
  HOUR,
  local,
  lunchCal,
  noLunchCal,
  syntheticCal,
} from './working-calendar-fixtures.ts';

// The official 2026 schedule (国务院办公厅, as published in chinese-days): [first, last, kind, name].
const SCHEDULE_2026: Array<[string, string, DayKind, string]> = [
  ['2026-01-01', '2026-01-03', 'holiday', '元旦'],
  ['2026-01-04', '2026-01-04', 'adjusted_workday', '元旦'],
  ['2026-02-14', '2026-02-14', 'adjusted_workday', '春节'],
  ['2026-02-15', '2026-02-23', 'holiday', '春节'],
  ['2026-02-28', '2026-02-28', 'adjusted_workday', '春节'],
  ['2026-04-04', '2026-04-06', 'holiday', '清明'],
  ['2026-05-01', '2026-05-05', 'holiday', '劳动节'],
  ['2026-05-09', '2026-05-09', 'adjusted_workday', '劳动节'],
  ['2026-06-19', '2026-06-21', 'holiday', '端午'],
  ['2026-09-20', '2026-09-20', 'adjusted_workday', '国庆节'],
  ['2026-09-25', '2026-09-27', 'holiday', '中秋'],
  ['2026-10-01', '2026-10-07', 'holiday', '国庆节'],
  ['2026-10-10', '2026-10-10', 'adjusted_workday', '国庆节'],
];

describe('describeDay: the 2026 national schedule', () => {
  const rows = SCHEDULE_2026.flatMap(([first, last, kind, name]) => {
    const days: Array<[string, DayKind, string]> = [];
    for (let d = first; d <= last; d = addDays(d, 1)) days.push([d, kind, name]);
    return days;
  });

  it.each(rows)('%s is %s (%s)', (day, kind, name) => {
    const working = kind === 'adjusted_workday';
    expect(describeDay(lunchCal, day)).toEqual({ day, working, kind, provisional: false, name });
  });

  it.each([
    ['2025-12-31', 'weekday'], // the Wednesday before 元旦
    ['2026-01-05', 'weekday'],
    ['2026-02-24', 'weekday'], // first day back after 春节
    ['2026-03-07', 'weekend'],
    ['2026-03-08', 'weekend'],
    ['2026-05-10', 'weekend'], // the Sunday after the adjusted Saturday May 9
    ['2026-10-08', 'weekday'],
    ['2026-10-11', 'weekend'],
  ] as const)('%s is an ordinary %s', (day, kind) => {
    const info = describeDay(lunchCal, day);
    expect(info).toEqual({ day, working: kind === 'weekday', kind, provisional: false });
    expect(info).not.toHaveProperty('name');
  });
});

// Rows: [received, +1, +3, +5 working days]; the comment above each row gives the situation and
// how the working days are counted (n=k means the k-th working day after the day counting starts).
type Row = [string, string, string, string];

const AROUND_SPRING_FESTIVAL: Row[] = [
  // in hours, Fri 13: Sat 14 (调休)=1, 15–23 off, 24=2, 25=3, 26=4, 27=5
  ['2026-02-13 10:00', '2026-02-14 10:00', '2026-02-25 10:00', '2026-02-27 10:00'],
  // before opening: starts 09:00 Fri 13, then as above
  ['2026-02-13 07:30', '2026-02-14 09:00', '2026-02-25 09:00', '2026-02-27 09:00'],
  // lunch break: starts 13:00 Fri 13, then as above
  ['2026-02-13 12:30', '2026-02-14 13:00', '2026-02-25 13:00', '2026-02-27 13:00'],
  // after closing: starts 09:00 Sat 14 (调休): 24=1, 25=2, 26=3, 27=4, Sat 28 (调休)=5
  ['2026-02-13 18:30', '2026-02-24 09:00', '2026-02-26 09:00', '2026-02-28 09:00'],
  // weekend, Sun 8: starts 09:00 Mon 9: 10=1, 11=2, 12=3, 13=4, Sat 14 (调休)=5
  ['2026-02-08 10:00', '2026-02-10 09:00', '2026-02-12 09:00', '2026-02-14 09:00'],
  // holiday, Wed 18: starts 09:00 Tue 24: 25=1, 26=2, 27=3, Sat 28=4, (Sun Mar 1) Mar 2=5
  ['2026-02-18 10:00', '2026-02-25 09:00', '2026-02-27 09:00', '2026-03-02 09:00'],
  // adjusted Saturday 14, in hours: 15–23 off, 24=1, 25=2, 26=3, 27=4, Sat 28=5
  ['2026-02-14 10:00', '2026-02-24 10:00', '2026-02-26 10:00', '2026-02-28 10:00'],
];

const AROUND_LABOUR_DAY: Row[] = [
  // in hours, Thu Apr 30: May 1–5 off, 6=1, 7=2, 8=3, Sat 9 (调休)=4, (Sun 10) 11=5
  ['2026-04-30 15:00', '2026-05-06 15:00', '2026-05-08 15:00', '2026-05-11 15:00'],
  // before opening: starts 09:00 Apr 30, then as above
  ['2026-04-30 08:00', '2026-05-06 09:00', '2026-05-08 09:00', '2026-05-11 09:00'],
  // lunch break, 12:00 sharp: starts 13:00 Apr 30, then as above
  ['2026-04-30 12:00', '2026-05-06 13:00', '2026-05-08 13:00', '2026-05-11 13:00'],
  // after closing, 18:00 sharp: starts 09:00 Wed May 6: 7=1, 8=2, Sat 9=3, 11=4, 12=5
  ['2026-04-30 18:00', '2026-05-07 09:00', '2026-05-09 09:00', '2026-05-12 09:00'],
  // weekend, Sun May 10: starts 09:00 Mon 11: 12=1, 13=2, 14=3, 15=4, (16–17 weekend) 18=5
  ['2026-05-10 10:00', '2026-05-12 09:00', '2026-05-14 09:00', '2026-05-18 09:00'],
  // holiday, Mon May 4: starts 09:00 Wed 6: 7=1, 8=2, Sat 9=3, 11=4, 12=5
  ['2026-05-04 10:00', '2026-05-07 09:00', '2026-05-09 09:00', '2026-05-12 09:00'],
  // adjusted Saturday May 9, in hours: 11=1, 12=2, 13=3, 14=4, 15=5
  ['2026-05-09 11:00', '2026-05-11 11:00', '2026-05-13 11:00', '2026-05-15 11:00'],
];

const AROUND_NATIONAL_DAY: Row[] = [
  // in hours, Wed Sep 30: Oct 1–7 off, 8=1, 9=2, Sat 10 (调休)=3, (Sun 11) 12=4, 13=5
  ['2026-09-30 16:30', '2026-10-08 16:30', '2026-10-10 16:30', '2026-10-13 16:30'],
  // before opening: starts 09:00 Sep 30, then as above
  ['2026-09-30 06:00', '2026-10-08 09:00', '2026-10-10 09:00', '2026-10-13 09:00'],
  // lunch break: starts 13:00 Sep 30, then as above
  ['2026-09-30 12:45', '2026-10-08 13:00', '2026-10-10 13:00', '2026-10-13 13:00'],
  // after closing: starts 09:00 Thu Oct 8: 9=1, Sat 10=2, 12=3, 13=4, 14=5
  ['2026-09-30 20:00', '2026-10-09 09:00', '2026-10-12 09:00', '2026-10-14 09:00'],
  // weekend, Sat Sep 19: starts 09:00 Sun 20 (调休): 21=1, 22=2, 23=3, 24=4, (25–27 中秋) 28=5
  ['2026-09-19 10:00', '2026-09-21 09:00', '2026-09-23 09:00', '2026-09-28 09:00'],
  // holiday, Sat Oct 3: starts 09:00 Thu Oct 8: 9=1, Sat 10=2, 12=3, 13=4, 14=5
  ['2026-10-03 10:00', '2026-10-09 09:00', '2026-10-12 09:00', '2026-10-14 09:00'],
  // adjusted Saturday Oct 10, in hours: 12=1, 13=2, 14=3, 15=4, 16=5
  ['2026-10-10 10:00', '2026-10-12 10:00', '2026-10-14 10:00', '2026-10-16 10:00'],
  // adjusted Sunday Sep 20, in hours: 21=1, 22=2, 23=3, 24=4, (25–27 中秋) 28=5
  ['2026-09-20 14:00', '2026-09-21 14:00', '2026-09-23 14:00', '2026-09-28 14:00'],
];

describe.each([
  ['春节', AROUND_SPRING_FESTIVAL],
  ['劳动节', AROUND_LABOUR_DAY],
  ['国庆节', AROUND_NATIONAL_DAY],
])('addWorkingDays around %s (09:00-12:00, 13:00-18:00)', (_, rows) => {
  it.each(rows)('%s → +1: %s, +3: %s, +5: %s', (received, d1, d3, d5) => {
    const got = [1, 3, 5].map((n) => addWorkingDays(lunchCal, at(received), n));
    expect(got.map((d) => local(d.at))).toEqual([d1, d3, d5]);
    expect(got.map((d) => d.provisional)).toEqual([false, false, false]);
  });
});

describe('addWorkingDays: n = 0 and invalid n', () => {
  it.each([
    ['2026-03-02 10:17', '2026-03-02 10:17'], // inside hours: the instant itself
    ['2026-03-02 07:30', '2026-03-02 09:00'], // before opening
    ['2026-03-02 12:30', '2026-03-02 13:00'], // lunch
    ['2026-02-13 18:30', '2026-02-14 09:00'], // after closing, the next day is an adjusted Saturday
    ['2026-10-03 10:00', '2026-10-08 09:00'], // 国庆
  ])('0 days from %s → %s', (received, expected) => {
    expect(local(addWorkingDays(lunchCal, at(received), 0).at)).toBe(expected);
  });

  it('keeps the clock to the millisecond', () => {
    const received = new Date(at('2026-03-02 10:17').getTime() + 31_250);
    expect(addWorkingDays(lunchCal, received, 0).at).toEqual(received);
    expect(local(addWorkingDays(lunchCal, received, 3).at)).toBe('2026-03-05 10:17:31.250');
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('throws for n = %s', (n) => {
    expect(() => addWorkingDays(lunchCal, at('2026-03-02 10:00'), n)).toThrow(/whole number/);
  });
});

describe('addWorkingHours', () => {
  it.each([
    [lunchCal, '2026-03-02 11:00', 2, '2026-03-02 14:00'], // across lunch: 11–12, 13–14
    [lunchCal, '2026-03-02 10:00', 2, '2026-03-02 12:00'], // ends exactly at the lunch break
    [lunchCal, '2026-03-02 11:30', 1.25, '2026-03-02 13:45'], // 30 min + 45 min
    [lunchCal, '2026-03-03 17:00', 3, '2026-03-04 11:00'], // across a night: 1 h + 2 h
    [lunchCal, '2026-03-06 16:00', 4, '2026-03-09 11:00'], // Fri 2 h, weekend, Mon 2 h
    [lunchCal, '2026-09-30 17:00', 17, '2026-10-09 18:00'], // Sep 30 1 h, Oct 1–7 off, Oct 8 8 h, Oct 9 8 h
    [lunchCal, '2026-09-30 17:00', 18, '2026-10-10 10:00'], // … and 1 h on the adjusted Saturday Oct 10
    [lunchCal, '2026-02-13 17:00', 10, '2026-02-24 10:00'], // Fri 1 h, Sat 14 (调休) 8 h, Feb 24 1 h
    [lunchCal, '2026-10-03 10:00', 1, '2026-10-08 10:00'], // from inside 国庆
    [lunchCal, '2026-03-02 12:30', 0, '2026-03-02 13:00'], // 0 h from lunch: the next opening
    [lunchCal, '2026-03-02 10:00', 0, '2026-03-02 10:00'],
    [noLunchCal, '2026-03-02 11:00', 2, '2026-03-02 13:00'], // no lunch break
    [noLunchCal, '2026-03-06 17:00', 10, '2026-03-09 18:00'], // Fri 1 h + Mon 9 h
  ])('%#: from %s + %s h → %s', (cal, received, hours, expected) => {
    const d = addWorkingHours(cal, at(received), hours);
    expect(local(d.at)).toBe(expected);
    expect(d.provisional).toBe(false);
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('throws for %s hours', (h) => {
    expect(() => addWorkingHours(lunchCal, at('2026-03-02 10:00'), h)).toThrow(/finite and ≥ 0/);
  });
});

describe('addCalendarHours', () => {
  it.each([
    ['2026-09-30 17:00', 24, '2026-10-01 17:00'], // into 国庆: the calendar is ignored
    ['2026-03-02 17:00', 1.5, '2026-03-02 18:30'],
    ['2026-12-31 20:00', 48, '2027-01-02 20:00'], // into 2027: still not provisional
  ])('%s + %s h → %s', (received, hours, expected) => {
    expect(addCalendarHours(at(received), hours)).toEqual({ at: at(expected), provisional: false });
  });
});

describe('workingMillisBetween', () => {
  it.each([
    [lunchCal, '2026-03-02 10:00', '2026-03-02 15:00', 4], // 10–12 + 13–15
    [noLunchCal, '2026-03-02 10:00', '2026-03-02 15:00', 5],
    [lunchCal, '2026-03-02 11:00', '2026-03-02 11:00', 0], // b = a
    [lunchCal, '2026-03-02 15:00', '2026-03-02 10:00', 0], // b < a
    [lunchCal, '2026-09-30 17:00', '2026-10-08 10:00', 2], // pause over 国庆: 1 h + 1 h
    [lunchCal, '2026-02-13 17:00', '2026-02-24 10:00', 10], // over 春节: 1 h + Sat 14 8 h + 1 h
    [lunchCal, '2026-10-02 08:00', '2026-10-05 20:00', 0], // entirely inside a holiday
    [lunchCal, '2026-09-19 10:00', '2026-09-21 10:00', 9], // Sat off, Sun 20 (调休) 8 h, Mon 1 h
    [allDayCal, '2026-09-30 17:00', '2026-10-08 10:00', 7 * 24 + 17],
  ])('%#: %s → %s = %s h', (cal, a, b, hours) => {
    expect(workingMillisBetween(cal, at(a), at(b))).toBe(hours * HOUR);
  });
});

describe('the 24×7 calendar ignores holidays and weekends', () => {
  it.each(['2026-10-01', '2026-02-17', '2026-03-07', '2027-01-01'])(
    '%s is an every_day working day',
    (day) => {
      expect(describeDay(allDayCal, day)).toEqual({
        day,
        working: true,
        kind: 'every_day',
        provisional: false,
      });
    },
  );

  it('counts working days and hours through 国庆 and into 2027 without provisional results', () => {
    expect(addWorkingDays(allDayCal, at('2026-10-01 03:00'), 1)).toEqual(deadline('2026-10-02 03:00', false));
    expect(addWorkingDays(allDayCal, at('2026-12-31 23:30'), 3)).toEqual(deadline('2027-01-03 23:30', false));
    expect(local(addWorkingHours(allDayCal, at('2026-10-01 22:00'), 5).at)).toBe('2026-10-02 03:00');
  });
});

describe('provisional results: 2027 has no official data', () => {
  it.each([
    [1, '2026-12-31 10:00', false], // Wed Dec 30 → Thu Dec 31: within 2026
    [2, '2027-01-01 10:00', true], // 2027-01-01 (really 元旦) is a working Friday by weekends alone
    [3, '2027-01-04 10:00', true], // Jan 2–3 weekend, Mon Jan 4
  ])('2026-12-30 10:00 + %s working days → %s (provisional %s)', (n, expected, provisional) => {
    expect(addWorkingDays(lunchCal, at('2026-12-30 10:00'), n)).toEqual(deadline(expected, provisional));
  });

  it('within 2026 nothing is provisional', () => {
    // Tue Dec 1: Dec 2=1, 3=2, 4=3, (5–6 weekend) 7=4, 8=5
    expect(addWorkingDays(lunchCal, at('2026-12-01 10:00'), 5)).toEqual(deadline('2026-12-08 10:00', false));
  });

  it('working hours and n = 0 reaching 2027 are provisional', () => {
    expect(addWorkingHours(lunchCal, at('2026-12-31 17:00'), 1)).toEqual(deadline('2026-12-31 18:00', false));
    expect(addWorkingHours(lunchCal, at('2026-12-31 17:00'), 2)).toEqual(deadline('2027-01-01 10:00', true));
    expect(addWorkingDays(lunchCal, at('2026-12-31 19:00'), 0)).toEqual(deadline('2027-01-01 09:00', true));
  });

  it('describes 2027 days by weekends alone, marked provisional', () => {
    expect(describeDay(lunchCal, '2027-01-01')).toEqual({
      day: '2027-01-01',
      working: true,
      kind: 'weekday',
      provisional: true,
    });
    expect(describeDay(lunchCal, '2027-01-02')).toMatchObject({
      working: false,
      kind: 'weekend',
      provisional: true,
    });
  });
});

describe('missingYears', () => {
  it.each([
    ['2026-06-01', 30, []],
    ['2026-12-15', 30, [2027]],
    ['2026-12-15', 400, [2027, 2028]],
    ['2003-12-20', 30, [2003]], // chinese-days starts in 2004
    ['2025-01-01', 700, []],
  ])('from %s over %s days → %j', (from, horizon, years) => {
    expect(missingYears(nationalRules(), from, horizon)).toEqual(years);
  });
});

describe('parseHours', () => {
  it('parses spans into minutes after midnight', () => {
    expect(parseHours(['09:00-12:00', ' 13:30-18:00 '])).toEqual([
      { start: 540, end: 720 },
      { start: 810, end: 1080 },
    ]);
    expect(parseHours(['00:00-24:00'])).toEqual([{ start: 0, end: 1440 }]);
    expect(parseHours(['09:00-12:00', '12:00-18:00'])).toHaveLength(2); // touching is not overlapping
  });

  it.each([
    [['9:00-18:00'], /must look like/],
    [['09:00–18:00'], /must look like/], // en dash
    [['0900-1800'], /must look like/],
    [[''], /must look like/],
    [['09:00-12:00', '11:00-14:00'], /not overlap/],
    [['13:00-18:00', '09:00-12:00'], /ascending/],
    [['18:00-09:00'], /invalid working hours/],
    [['09:00-09:00'], /invalid working hours/],
    [['09:00-24:01'], /invalid working hours/],
    [['09:60-10:00'], /invalid working hours/],
    [[], /at least one span/],
  ])('rejects %j', (pieces, message) => {
    expect(() => parseHours(pieces)).toThrow(message);
  });
});

describe('synthetic rule sets (rulesFromSchedule)', () => {
  const schedule = {
    holidays: {
      '2030-02-04': 'Spring Festival,春节,3', // a Monday
      '2030-02-05': '春节',
      '2031-01-01': "New Year's Day,元旦,1",
      'not-a-day': 'x,y,1',
    },
    workdays: { '2030-02-09': 'Spring Festival,春节,3', '2031-01-04': "New Year's Day,元旦,1" },
  };

  it('takes the Chinese name, skips malformed days and derives the loaded years', () => {
    const rules = rulesFromSchedule(schedule);
    expect([...rules.holidays]).toEqual([
      ['2030-02-04', '春节'],
      ['2030-02-05', '春节'],
      ['2031-01-01', '元旦'],
    ]);
    expect([...rules.loadedYears].sort()).toEqual([2030, 2031]);
  });

  it('a weekday holiday is skipped and a Saturday workday counted', () => {
    // Fri Feb 1 → Mon 4, Tue 5 off → Wed 6=1, Thu 7=2, Fri 8=3, Sat 9 (调休)=4, Mon 11=5
    const cal = syntheticCal(schedule);
    expect(local(addWorkingDays(cal, at('2030-02-01 10:00'), 4).at)).toBe('2030-02-09 10:00');
    expect(addWorkingDays(cal, at('2030-02-01 10:00'), 5)).toEqual(deadline('2030-02-11 10:00', false));
  });

  it('a years filter drops the other years, which become provisional', () => {
    const cal = syntheticCal(schedule, [2030]);
    expect([...cal.rules.workdays.keys()]).toEqual(['2030-02-09']);
    expect(describeDay(cal, '2031-01-01')).toEqual({
      day: '2031-01-01',
      working: true,
      kind: 'weekday',
      provisional: true,
    });
    expect(addWorkingDays(cal, at('2030-12-31 10:00'), 1)).toEqual(deadline('2031-01-01 10:00', true));
  });

  it('a run of more than 400 days off is reported as broken data', () => {
    const holidays: Record<string, string> = {};
    for (let d = '2030-01-01'; d <= '2031-03-01'; d = addDays(d, 1)) holidays[d] = 'x,假,1';
    const cal = syntheticCal({ holidays, workdays: {} });
    expect(() => addWorkingDays(cal, at('2030-01-01 10:00'), 1)).toThrow(/no working day within 400 days/);
  });
});
