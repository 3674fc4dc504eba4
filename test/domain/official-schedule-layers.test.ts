// The day rules a calendar follows (src/domain/official-schedule.ts): the bundled national
// schedule (chinese-days), years an administrator imported (each replaces its year wholesale and
// counts as loaded), and the calendar's own days, which win over both. Checked against the real
// 2026 schedule and through deadline arithmetic on the standard calendar.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nationalRules } from '../../src/calendar/national-schedule.ts';
import { layerDayRules, rulesFromSchedule, type SpecialDay } from '../../src/domain/official-schedule.ts';
import {
  addDays,
  addDuration,
  type DayRules,
  describeDay,
  type WorkingCalendar,
} from '../../src/domain/working-calendar.ts';
import { at, local, noLunchCal } from './working-calendar-fixtures.ts';

const NATIONAL = nationalRules();
const NONE = { years: [], days: [] } as const;

function days(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

function calendarWith(rules: DayRules): WorkingCalendar {
  return { ...noLunchCal, rules };
}

function snapshot(rules: DayRules) {
  return {
    holidays: [...rules.holidays].sort(),
    workdays: [...rules.workdays].sort(),
    loadedYears: [...rules.loadedYears].sort(),
  };
}

describe('the bundled 2026 national schedule', () => {
  it.each([
    ['元旦', days('2026-01-01', '2026-01-03'), ['2026-01-04']],
    ['春节', days('2026-02-15', '2026-02-23'), ['2026-02-14', '2026-02-28']],
    ['劳动节', days('2026-05-01', '2026-05-05'), ['2026-05-09']],
    ['中秋', days('2026-09-25', '2026-09-27'), []],
    ['国庆节', days('2026-10-01', '2026-10-07'), ['2026-09-20', '2026-10-10']],
  ])('%s: days off and adjusted working days (调休)', (name, off, on) => {
    for (const d of off) expect(NATIONAL.holidays.get(d), d).toBe(name);
    for (const d of on) expect(NATIONAL.workdays.get(d), d).toBe(name);
  });

  it('2026 is loaded, 2027 is not (the State Council publishes it in the autumn)', () => {
    expect(NATIONAL.loadedYears.has(2026)).toBe(true);
    expect(NATIONAL.loadedYears.has(2025)).toBe(true);
    expect(NATIONAL.loadedYears.has(2027)).toBe(false);
  });
});

describe('rulesFromSchedule', () => {
  const published = {
    holidays: {
      '2026-10-01': 'National Day,国庆节,3',
      '2026-10-02': 'National Day,国庆节,3',
      '2027-01-01': "New Year's Day,元旦,1",
      '2025-12-31': '除夕',
      'not-a-day': 'Broken,坏,1',
    },
    workdays: { '2026-10-10': 'National Day,国庆节,3', '2027-01-04': "New Year's Day,元旦,1" },
  };

  it('keeps the Chinese name, skips keys that are not days, and loads the years that have holidays', () => {
    const rules = rulesFromSchedule(published);
    expect(snapshot(rules)).toEqual({
      holidays: [
        ['2025-12-31', '除夕'],
        ['2026-10-01', '国庆节'],
        ['2026-10-02', '国庆节'],
        ['2027-01-01', '元旦'],
      ],
      workdays: [
        ['2026-10-10', '国庆节'],
        ['2027-01-04', '元旦'],
      ],
      loadedYears: [2025, 2026, 2027],
    });
  });

  it('limited to some years', () => {
    const rules = rulesFromSchedule(published, [2026]);
    expect(snapshot(rules)).toEqual({
      holidays: [
        ['2026-10-01', '国庆节'],
        ['2026-10-02', '国庆节'],
      ],
      workdays: [['2026-10-10', '国庆节']],
      loadedYears: [2026],
    });
  });
});

describe('layerDayRules', () => {
  it('nothing imported, no own days: the national schedule as it is', () => {
    expect(snapshot(layerDayRules(NATIONAL, NONE, []))).toEqual(snapshot(NATIONAL));
  });

  it('an imported year replaces the bundled data of that year wholesale; other years are untouched', () => {
    const imported: SpecialDay[] = [
      ...days('2026-10-01', '2026-10-08').map(
        (day): SpecialDay => ({ day, kind: 'holiday', name: '国庆节' }),
      ),
      { day: '2026-10-10', kind: 'workday', name: '国庆节' },
    ];
    const rules = layerDayRules(NATIONAL, { years: [2026], days: imported }, []);
    const in2026 = (m: ReadonlyMap<string, string>) =>
      [...m.keys()].filter((d) => d.startsWith('2026')).sort();
    expect(in2026(rules.holidays)).toEqual(days('2026-10-01', '2026-10-08'));
    expect(in2026(rules.workdays)).toEqual(['2026-10-10']);
    // 春节 2026 was in the bundled data only: gone with it.
    expect(rules.holidays.has('2026-02-16')).toBe(false);
    expect(rules.workdays.has('2026-02-14')).toBe(false);
    // 2025 keeps the bundled data.
    const y2025 = (m: ReadonlyMap<string, string>) => [...m].filter(([d]) => d.startsWith('2025')).sort();
    expect(y2025(rules.holidays)).toEqual(y2025(NATIONAL.holidays));
    expect(y2025(rules.workdays)).toEqual(y2025(NATIONAL.workdays));
    expect(rules.loadedYears.has(2026)).toBe(true);
  });

  it('imported days outside the imported years are ignored', () => {
    const rules = layerDayRules(
      NATIONAL,
      {
        years: [2026],
        days: [
          { day: '2025-03-03', kind: 'holiday', name: '不该出现' },
          { day: '2026-03-03', kind: 'holiday', name: '测试' },
        ],
      },
      [],
    );
    expect(rules.holidays.has('2025-03-03')).toBe(false);
    expect(rules.holidays.get('2026-03-03')).toBe('测试');
  });

  it('an imported year without any special day is loaded: only weekends apply then', () => {
    const rules = layerDayRules(NATIONAL, { years: [2026], days: [] }, []);
    const cal = calendarWith(rules);
    expect(describeDay(cal, '2026-10-01')).toEqual({
      day: '2026-10-01',
      working: true,
      kind: 'weekday',
      provisional: false,
    });
    expect(describeDay(cal, '2026-10-10')).toMatchObject({
      working: false,
      kind: 'weekend',
      provisional: false,
    });
  });

  it('importing 2027 loads it: a deadline into 2027 is no longer provisional', () => {
    const y2027: SpecialDay[] = [
      { day: '2027-01-01', kind: 'holiday', name: '元旦' },
      { day: '2027-01-02', kind: 'holiday', name: '元旦' },
      { day: '2027-01-03', kind: 'holiday', name: '元旦' },
    ];
    const received = at('2026-12-30 10:00');
    const before = addDuration(calendarWith(NATIONAL), received, { workingDays: 3 });
    expect([local(before.at), before.provisional]).toEqual(['2027-01-04 10:00', true]);
    const rules = layerDayRules(NATIONAL, { years: [2027], days: y2027 }, []);
    expect(rules.loadedYears.has(2027)).toBe(true);
    const after = addDuration(calendarWith(rules), received, { workingDays: 3 });
    expect([local(after.at), after.provisional]).toEqual(['2027-01-05 10:00', false]);
  });

  it("the calendar's own days win over the national schedule, in both directions", () => {
    const own: SpecialDay[] = [
      { day: '2026-10-08', kind: 'holiday', name: '公司假日' }, // an ordinary Thursday off
      { day: '2026-10-10', kind: 'holiday', name: '不调休' }, // the 调休 Saturday off after all
      { day: '2026-10-05', kind: 'workday', name: '值班' }, // a holiday worked
    ];
    const rules = layerDayRules(NATIONAL, NONE, own);
    expect(rules.holidays.get('2026-10-08')).toBe('公司假日');
    expect(rules.holidays.get('2026-10-10')).toBe('不调休');
    expect(rules.workdays.has('2026-10-10')).toBe(false);
    expect(rules.workdays.get('2026-10-05')).toBe('值班');
    expect(rules.holidays.has('2026-10-05')).toBe(false);
    // The rest of 国庆 is as published.
    expect(rules.holidays.get('2026-10-04')).toBe('国庆节');
    expect(rules.workdays.get('2026-09-20')).toBe('国庆节');
    // Reply in 3 working days from 09-30 10:00: 10-05 (worked), 10-09, 10-12.
    const due = addDuration(calendarWith(rules), at('2026-09-30 10:00'), { workingDays: 3 });
    expect(local(due.at)).toBe('2026-10-12 10:00');
    expect(local(addDuration(calendarWith(NATIONAL), at('2026-09-30 10:00'), { workingDays: 3 }).at)).toBe(
      '2026-10-10 10:00',
    );
  });

  it("the calendar's own days win over an imported year too", () => {
    const rules = layerDayRules(
      NATIONAL,
      { years: [2026], days: [{ day: '2026-10-08', kind: 'holiday', name: '国庆节' }] },
      [{ day: '2026-10-08', kind: 'workday', name: '值班' }],
    );
    expect(rules.holidays.has('2026-10-08')).toBe(false);
    expect(rules.workdays.get('2026-10-08')).toBe('值班');
  });

  it('an own day in a year without official data changes the day but does not load the year', () => {
    const rules = layerDayRules(NATIONAL, NONE, [{ day: '2027-01-01', kind: 'holiday', name: '元旦' }]);
    expect(rules.holidays.get('2027-01-01')).toBe('元旦');
    expect(rules.loadedYears.has(2027)).toBe(false);
    expect(describeDay(calendarWith(rules), '2027-01-01')).toEqual({
      day: '2027-01-01',
      working: false,
      kind: 'holiday',
      provisional: true,
      name: '元旦',
    });
  });

  it('of two own entries for one day, the later wins', () => {
    const rules = layerDayRules(NATIONAL, NONE, [
      { day: '2026-10-08', kind: 'holiday', name: '先' },
      { day: '2026-10-08', kind: 'workday', name: '后' },
    ]);
    expect(rules.holidays.has('2026-10-08')).toBe(false);
    expect(rules.workdays.get('2026-10-08')).toBe('后');
  });

  it('leaves the national rules it layers on unchanged', () => {
    const before = snapshot(NATIONAL);
    layerDayRules(
      NATIONAL,
      { years: [2026, 2027], days: [{ day: '2026-10-08', kind: 'holiday', name: 'x' }] },
      [{ day: '2026-10-01', kind: 'workday', name: 'y' }],
    );
    expect(snapshot(NATIONAL)).toEqual(before);
    expect(snapshot(nationalRules())).toEqual(before);
  });

  const dayIn = (year: number) => fc.integer({ min: 0, max: 364 }).map((n) => addDays(`${year}-01-01`, n));
  const special = (year: number) =>
    fc.record({
      day: dayIn(year),
      kind: fc.constantFrom<SpecialDay['kind']>('holiday', 'workday'),
      name: fc.constantFrom('甲', '乙', '丙'),
    });

  it('property: each day is ruled by the top layer that mentions it; loaded = bundled ∪ imported years', () => {
    fc.assert(
      fc.property(
        fc.subarray([2025, 2026, 2027]),
        fc.array(fc.oneof(special(2025), special(2026), special(2027)), { maxLength: 20 }),
        fc.array(fc.oneof(special(2026), special(2027)), { maxLength: 10 }),
        fc.oneof(dayIn(2025), dayIn(2026), dayIn(2027)),
        (years, imported, own, probe) => {
          const rules = layerDayRules(NATIONAL, { years, days: imported }, own);
          expect([...rules.loadedYears].sort()).toEqual(
            [...new Set([...NATIONAL.loadedYears, ...years])].sort(),
          );
          for (const d of rules.holidays.keys()) expect(rules.workdays.has(d)).toBe(false);

          const year = Number(probe.slice(0, 4));
          const lastOwn = own.filter((s) => s.day === probe).at(-1);
          const lastImported = years.includes(year)
            ? imported.filter((s) => s.day === probe).at(-1)
            : undefined;
          const expected: ['holiday' | 'workday' | 'none', string | undefined] = lastOwn
            ? [lastOwn.kind, lastOwn.name]
            : years.includes(year)
              ? lastImported
                ? [lastImported.kind, lastImported.name]
                : ['none', undefined]
              : NATIONAL.holidays.has(probe)
                ? ['holiday', NATIONAL.holidays.get(probe)]
                : NATIONAL.workdays.has(probe)
                  ? ['workday', NATIONAL.workdays.get(probe)]
                  : ['none', undefined];
          const actual: ['holiday' | 'workday' | 'none', string | undefined] = rules.holidays.has(probe)
            ? ['holiday', rules.holidays.get(probe)]
            : rules.workdays.has(probe)
              ? ['workday', rules.workdays.get(probe)]
              : ['none', undefined];
          expect(actual).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });
});
