// The periods of the reports: presets (今天, 本周, 本月, 上月, 今年) computed on China's calendar
// whatever the browser's zone, custom ranges of whole days (both inclusive), and the trend's
// interval that suits a range. Days are 'YYYY-MM-DD'; no time zone is involved once cut.
import { chinaDay } from './china-time.ts';
import { isCalendarDay } from './list-filters.ts';

export const PRESETS = ['today', 'week', 'month', 'lastMonth', 'year'] as const;
export type Preset = (typeof PRESETS)[number];

export const INTERVALS = ['day', 'week', 'month'] as const;
export type Interval = (typeof INTERVALS)[number];

export interface DayRange {
  from: string;
  to: string;
}

/** The longest period the server reports on (days, both ends included). */
export const MAX_REPORT_DAYS = 1_100;

const DAY_MS = 86_400_000;

export function dayNumber(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

export function dayOf(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(day: string, n: number): string {
  return dayOf(dayNumber(day) + n);
}

/** 1 = Monday … 7 = Sunday. */
export function isoWeekday(day: string): number {
  return ((((dayNumber(day) + 3) % 7) + 7) % 7) + 1;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function lastDayOfMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** The same day `months` months later, clamped to the month's end (03-31 → 02-28). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  return `${pad(ny, 4)}-${pad(nm)}-${pad(Math.min(d, lastDayOfMonth(ny, nm)))}`;
}

/** Days in a range, both ends included (0 or less when reversed). */
export function spanDays(r: DayRange): number {
  return dayNumber(r.to) - dayNumber(r.from) + 1;
}

/** A preset's days on China's calendar at `now`: the current week, month and year run up to today. */
export function presetRange(preset: Preset, now: Date): DayRange {
  const today = chinaDay(now);
  switch (preset) {
    case 'today':
      return { from: today, to: today };
    case 'week':
      return { from: addDays(today, 1 - isoWeekday(today)), to: today };
    case 'month':
      return { from: `${today.slice(0, 7)}-01`, to: today };
    case 'lastMonth': {
      const first = addMonths(`${today.slice(0, 7)}-01`, -1);
      const [py, pm] = first.split('-').map(Number) as [number, number];
      return { from: first, to: `${first.slice(0, 7)}-${pad(lastDayOfMonth(py, pm))}` };
    }
    case 'year':
      return { from: `${today.slice(0, 4)}-01-01`, to: today };
  }
}

/** The preset that gives exactly this range today, if any (so a picked range lights its preset). */
export function matchingPreset(r: DayRange, now: Date): Preset | null {
  return (
    PRESETS.find((p) => {
      const x = presetRange(p, now);
      return x.from === r.from && x.to === r.to;
    }) ?? null
  );
}

/** Why the server would refuse a range, or null when it is fine. */
export function rangeProblem(r: DayRange): 'invalid' | 'reversed' | 'tooLong' | null {
  if (!isCalendarDay(r.from) || !isCalendarDay(r.to)) return 'invalid';
  const span = spanDays(r);
  if (span < 1) return 'reversed';
  if (span > MAX_REPORT_DAYS) return 'tooLong';
  return null;
}

/** The trend's interval when none is chosen: days up to a month, weeks up to half a year, then months. */
export function defaultInterval(r: DayRange): Interval {
  const span = spanDays(r);
  if (span <= 31) return 'day';
  if (span <= 184) return 'week';
  return 'month';
}

/** The same days a year earlier (29 February → 28 February). */
export function yearEarlier(r: DayRange): DayRange {
  return { from: addMonths(r.from, -12), to: addMonths(r.to, -12) };
}
