// A calendar's year as month grids (Monday first) and a first look at a year file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  daysInMonth,
  isWorking,
  monthGrid,
  previewScheduleFile,
  type SpecialDay,
  yearCounts,
} from '../../web/src/lib/calendar-year.ts';

const SPECIALS: SpecialDay[] = [
  { day: '2026-10-01', kind: 'holiday', name: '国庆节', source: 'national' },
  { day: '2026-10-10', kind: 'adjusted_workday', name: '国庆节', source: 'national' },
  { day: '2026-10-12', kind: 'holiday', name: '公司年会', source: 'override' },
];
const MAP = new Map(SPECIALS.map((d) => [d.day, d]));

describe('monthGrid', () => {
  it('October 2026 starts on a Thursday: three blanks, five weeks', () => {
    const weeks = monthGrid(2026, 10, MAP);
    expect(weeks).toHaveLength(5);
    expect(weeks.every((w) => w.length === 7)).toBe(true);
    expect(weeks[0]?.slice(0, 3)).toEqual([null, null, null]);
    expect(weeks[0]?.[3]).toMatchObject({ day: '2026-10-01', date: 1, weekday: 3, weekend: false });
    expect(weeks[0]?.[3]?.special?.name).toBe('国庆节');
    expect(weeks.flat().filter(Boolean)).toHaveLength(31);
  });

  it('a month starting on Monday has no leading blank; February 2027 fills exactly four weeks', () => {
    expect(monthGrid(2026, 6, MAP)[0]?.[0]?.day).toBe('2026-06-01');
    const feb = monthGrid(2027, 2, MAP);
    expect(feb).toHaveLength(4);
    expect(feb.flat().every(Boolean)).toBe(true);
  });

  it('working or not: weekends off, 调休 worked, holidays off', () => {
    const cells = monthGrid(2026, 10, MAP)
      .flat()
      .filter((c) => c !== null);
    const byDay = new Map(cells.map((c) => [c.day, c]));
    const working = (day: string) => {
      const cell = byDay.get(day);
      if (!cell) throw new Error(`no ${day}`);
      return isWorking(cell);
    };
    expect(working('2026-10-01')).toBe(false);
    expect(working('2026-10-10')).toBe(true); // a Saturday, worked
    expect(working('2026-10-11')).toBe(false); // Sunday
    expect(working('2026-10-13')).toBe(true);
    expect(working('2026-10-12')).toBe(false); // the calendar's own day off
  });

  it('days in month, leap years included', () => {
    expect([2026, 2028, 2100, 2000].map((y) => daysInMonth(y, 2))).toEqual([28, 29, 28, 29]);
    expect(daysInMonth(2026, 12)).toBe(31);
  });
});

describe('yearCounts', () => {
  it('counts days off, 调休 working days and the calendar’s own days', () => {
    expect(yearCounts(SPECIALS)).toEqual({ holidays: 2, adjustedWorkdays: 1, overrides: 1 });
    expect(yearCounts([])).toEqual({ holidays: 0, adjustedWorkdays: 0, overrides: 0 });
  });
});

describe('previewScheduleFile', () => {
  it('the example file of the docs', () => {
    const text = readFileSync(join(import.meta.dirname, '../../docs/examples/schedule-2026.json'), 'utf8');
    const p = previewScheduleFile(text);
    expect(p).toMatchObject({ ok: true, year: 2026 });
    if (!p.ok) throw new Error('unreachable');
    expect(p.source).toContain('2026');
    expect(p.holidays).toBeGreaterThan(20);
    expect(p.workdays).toBeGreaterThan(3);
    expect(p.body).toEqual(JSON.parse(text));
  });

  it.each<[string, string]>([
    ['{', 'json'],
    ['', 'json'],
    ['[]', 'shape'],
    ['null', 'shape'],
    ['{"year": "2027", "source": "x", "holidays": {}}', 'shape'],
    ['{"year": 2027, "holidays": {}}', 'shape'],
    ['{"year": 2027, "source": "x"}', 'shape'],
    ['{"year": 2027, "source": "x", "holidays": [], "workdays": {}}', 'shape'],
    ['{"year": 2027, "source": "x", "holidays": {}, "workdays": 3}', 'shape'],
  ])('%j → %s', (text, problem) => {
    expect(previewScheduleFile(text)).toEqual({ ok: false, problem });
  });

  it('workdays may be left out', () => {
    expect(
      previewScheduleFile('{"year": 2027, "source": "通知", "holidays": {"2027-01-01": "元旦"}}'),
    ).toMatchObject({
      ok: true,
      holidays: 1,
      workdays: 0,
    });
  });
});
