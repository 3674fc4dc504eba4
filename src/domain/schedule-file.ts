// The year-import file: one year of the State Council's holiday schedule (国务院办公厅关于…部分
// 节假日安排的通知), loaded by an administrator when the bundled `chinese-days` data lacks the year
// or has it wrong. Format documented in docs/calendar-import.md. Pure: parse and validate only.
//
//   {"year": 2027, "source": "国务院办公厅关于2027年部分节假日安排的通知",
//    "holidays": {"2027-01-01": "元旦", …}, "workdays": {"2027-02-14": "春节", …}}
//
// A value may also be written the way `chinese-days` publishes it, "Spring Festival,春节,4": the
// Chinese name (the second piece) is kept.

import type { FieldIssue } from './errors.ts';
import type { DayOverrideKind, SpecialDay } from './official-schedule.ts';

export const SCHEDULE_YEAR_MIN = 2000;
export const SCHEDULE_YEAR_MAX = 2100;
export const DAY_NAME_MAX = 50;
export const SOURCE_MAX = 200;

const FIELDS = ['year', 'source', 'holidays', 'workdays'] as const;

export type ScheduleFileResult =
  | { ok: true; year: number; source: string; days: SpecialDay[] }
  | { ok: false; issues: FieldIssue[] };

/** A real calendar day written YYYY-MM-DD (2027-02-30 is not one). */
export function isRealDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const t = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === value;
}

function isWeekend(day: string): boolean {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/** "春节" stays "春节"; "Spring Festival,春节,4" (the chinese-days style) becomes "春节". */
export function dayName(value: string): string {
  const pieces = value.split(',');
  return (pieces.length >= 2 ? (pieces[1] as string) : value).trim();
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Parses and validates an import file; every problem is reported with its field path. */
export function parseScheduleFile(input: unknown): ScheduleFileResult {
  if (!isPlainObject(input)) {
    return { ok: false, issues: [{ field: 'body', message: 'must be a JSON object' }] };
  }
  const issues: FieldIssue[] = [];
  for (const key of Object.keys(input)) {
    if (!(FIELDS as readonly string[]).includes(key)) {
      issues.push({ field: key, message: `unknown field (expected ${FIELDS.join(', ')})` });
    }
  }

  const year = input.year;
  const yearOk =
    typeof year === 'number' &&
    Number.isInteger(year) &&
    year >= SCHEDULE_YEAR_MIN &&
    year <= SCHEDULE_YEAR_MAX;
  if (!yearOk) {
    issues.push({ field: 'year', message: `a whole year from ${SCHEDULE_YEAR_MIN} to ${SCHEDULE_YEAR_MAX}` });
  }

  const source = typeof input.source === 'string' ? input.source.trim() : '';
  if (source.length === 0 || source.length > SOURCE_MAX) {
    issues.push({
      field: 'source',
      message: `the notice the schedule comes from, 1-${SOURCE_MAX} characters`,
    });
  }

  const days: SpecialDay[] = [];
  const readDays = (field: 'holidays' | 'workdays', kind: DayOverrideKind, required: boolean) => {
    const raw = input[field];
    if (raw === undefined && !required) return;
    if (!isPlainObject(raw)) {
      issues.push({ field, message: 'an object of "YYYY-MM-DD": "name"' });
      return;
    }
    if (required && Object.keys(raw).length === 0) {
      issues.push({ field, message: 'at least one holiday is needed' });
    }
    for (const [day, value] of Object.entries(raw)) {
      const at = `${field}.${day}`;
      if (!isRealDay(day)) {
        issues.push({ field: at, message: 'not a real date written YYYY-MM-DD' });
        continue;
      }
      if (yearOk && Number(day.slice(0, 4)) !== year) {
        issues.push({ field: at, message: `not in ${year}` });
      }
      if (kind === 'workday' && !isWeekend(day)) {
        issues.push({
          field: at,
          message: 'an adjusted working day (调休) must fall on a Saturday or Sunday',
        });
      }
      const name = typeof value === 'string' ? dayName(value) : '';
      if (name.length === 0 || name.length > DAY_NAME_MAX) {
        issues.push({ field: at, message: `the holiday's name, 1-${DAY_NAME_MAX} characters` });
      }
      days.push({ day, kind, name });
    }
  };
  readDays('holidays', 'holiday', true);
  readDays('workdays', 'workday', false);

  const holidays = new Set(days.filter((d) => d.kind === 'holiday').map((d) => d.day));
  for (const d of days) {
    if (d.kind === 'workday' && holidays.has(d.day)) {
      issues.push({ field: `workdays.${d.day}`, message: 'also listed as a holiday' });
    }
  }

  if (issues.length > 0) return { ok: false, issues };
  days.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  return { ok: true, year: year as number, source, days };
}
