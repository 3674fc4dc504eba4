// The year-import file (docs/calendar-import.md): parsed into special days, or refused with the
// path of every problem.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nationalRules } from '../../src/calendar/national-schedule.ts';
import { dayName, isRealDay, parseScheduleFile } from '../../src/domain/schedule-file.ts';

const valid2027 = () => ({
  year: 2027,
  source: '国务院办公厅关于2027年部分节假日安排的通知',
  holidays: { '2027-01-01': '元旦', '2027-02-06': '春节', '2027-02-07': 'Spring Festival,春节,3' },
  workdays: { '2027-02-13': '春节' }, // a Saturday
});

function issuesOf(input: unknown) {
  const r = parseScheduleFile(input);
  if (r.ok) throw new Error('expected the file to be refused');
  return r.issues;
}

describe('parseScheduleFile: a valid file', () => {
  it('yields the year, the source and the days sorted, with Chinese names', () => {
    expect(parseScheduleFile(valid2027())).toEqual({
      ok: true,
      year: 2027,
      source: '国务院办公厅关于2027年部分节假日安排的通知',
      days: [
        { day: '2027-01-01', kind: 'holiday', name: '元旦' },
        { day: '2027-02-06', kind: 'holiday', name: '春节' },
        { day: '2027-02-07', kind: 'holiday', name: '春节' },
        { day: '2027-02-13', kind: 'workday', name: '春节' },
      ],
    });
  });

  it('accepts a file without workdays', () => {
    const { workdays: _, ...file } = valid2027();
    const r = parseScheduleFile(file);
    expect(r.ok && r.days.map((d) => d.kind)).toEqual(['holiday', 'holiday', 'holiday']);
  });

  it('trims the source and the names', () => {
    const r = parseScheduleFile({ ...valid2027(), source: '  通知 ', holidays: { '2027-01-01': ' 元旦 ' } });
    expect(r.ok && [r.source, r.days[0]?.name]).toEqual(['通知', '元旦']);
  });

  it('accepts the shipped example, docs/examples/schedule-2026.json, equal to the bundled 2026 data', () => {
    const file = JSON.parse(
      readFileSync(new URL('../../docs/examples/schedule-2026.json', import.meta.url), 'utf8'),
    );
    const r = parseScheduleFile(file);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const national = nationalRules();
    const of = (kind: string, map: ReadonlyMap<string, string>) =>
      [...map].filter(([day]) => day.startsWith('2026')).map(([day, name]) => ({ day, kind, name }));
    const expected = [...of('holiday', national.holidays), ...of('workday', national.workdays)].sort((a, b) =>
      a.day.localeCompare(b.day),
    );
    expect(r.year).toBe(2026);
    expect(r.days).toEqual(expected);
    expect(r.days).toHaveLength(39);
  });
});

describe('parseScheduleFile: refusals name the field', () => {
  it.each([
    ['not an object', [], 'body'],
    ['year missing', { ...valid2027(), year: undefined }, 'year'],
    ['year as text', { ...valid2027(), year: '2027' }, 'year'],
    ['year fractional', { ...valid2027(), year: 2027.5 }, 'year'],
    [
      'year before 2000',
      { ...valid2027(), year: 1999, holidays: { '1999-01-01': '元旦' }, workdays: {} },
      'year',
    ],
    [
      'year after 2100',
      { ...valid2027(), year: 2101, holidays: { '2101-01-01': '元旦' }, workdays: {} },
      'year',
    ],
    ['source empty', { ...valid2027(), source: '  ' }, 'source'],
    ['source missing', { ...valid2027(), source: undefined }, 'source'],
    ['source too long', { ...valid2027(), source: '通'.repeat(201) }, 'source'],
    ['holidays missing', { ...valid2027(), holidays: undefined }, 'holidays'],
    ['holidays empty', { ...valid2027(), holidays: {} }, 'holidays'],
    ['holidays a list', { ...valid2027(), holidays: ['2027-01-01'] }, 'holidays'],
    ['workdays a string', { ...valid2027(), workdays: '2027-02-13' }, 'workdays'],
    ['a month 13', { ...valid2027(), holidays: { '2027-13-01': '元旦' } }, 'holidays.2027-13-01'],
    ['February 30', { ...valid2027(), holidays: { '2027-02-30': '春节' } }, 'holidays.2027-02-30'],
    ['another format', { ...valid2027(), holidays: { '2027/01/01': '元旦' } }, 'holidays.2027/01/01'],
    ['a day of another year', { ...valid2027(), holidays: { '2026-12-31': '元旦' } }, 'holidays.2026-12-31'],
    [
      'a workday of another year',
      { ...valid2027(), workdays: { '2028-01-01': '元旦' } },
      'workdays.2028-01-01',
    ],
    [
      'a weekday made a workday',
      { ...valid2027(), workdays: { '2027-02-15': '春节' } },
      'workdays.2027-02-15',
    ],
    ['an empty name', { ...valid2027(), holidays: { '2027-01-01': ' ' } }, 'holidays.2027-01-01'],
    [
      'a name of 51 characters',
      { ...valid2027(), holidays: { '2027-01-01': '节'.repeat(51) } },
      'holidays.2027-01-01',
    ],
    ['a name that is not text', { ...valid2027(), holidays: { '2027-01-01': 1 } }, 'holidays.2027-01-01'],
    ['an unknown field', { ...valid2027(), holiday: {} }, 'holiday'],
  ])('%s', (_label, input, field) => {
    expect(issuesOf(input).map((i) => i.field)).toContain(field);
  });

  it('a day both holiday and workday', () => {
    const file = { ...valid2027(), holidays: { '2027-02-13': '春节' }, workdays: { '2027-02-13': '春节' } };
    expect(issuesOf(file)).toEqual([{ field: 'workdays.2027-02-13', message: 'also listed as a holiday' }]);
  });

  it('reports every problem at once, not only the first', () => {
    const issues = issuesOf({
      year: 2027,
      source: '',
      holidays: { '2027-13-01': '元旦', '2027-01-01': '' },
      workdays: { '2027-02-15': '春节' },
    });
    expect(issues.map((i) => i.field)).toEqual([
      'source',
      'holidays.2027-13-01',
      'holidays.2027-01-01',
      'workdays.2027-02-15',
    ]);
    expect(issues[3]?.message).toContain('Saturday or Sunday');
  });

  it('a holiday on a weekend is fine (the State Council lists them)', () => {
    expect(parseScheduleFile({ ...valid2027(), holidays: { '2027-01-02': '元旦' } }).ok).toBe(true);
  });
});

describe('helpers', () => {
  it.each([
    ['2027-01-01', true],
    ['2028-02-29', true],
    ['2027-02-29', false],
    ['2027-04-31', false],
    ['2027-1-1', false],
    ['2027-01-01T00:00', false],
  ])('isRealDay(%s) = %s', (day, real) => expect(isRealDay(day)).toBe(real));

  it.each([
    ['春节', '春节'],
    ['Spring Festival,春节,4', '春节'],
    [" New Year's Day , 元旦 ,1", '元旦'],
  ])('dayName(%s) = %s', (value, name) => expect(dayName(value)).toBe(name));
});
