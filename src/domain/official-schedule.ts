// The State Council's yearly schedule of public holidays and adjusted working days, turned into
// the day rules of the working calendar. Pure: the schedule is a parameter (from the
// `chinese-days` package, or a file an administrator imports).

import type { Day, DayRules } from './working-calendar.ts';

/** The shape `chinese-days` publishes: date → "English name,中文名,days". */
export interface PublishedSchedule {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function chineseName(value: string): string {
  const parts = value.split(',');
  return (parts[1] ?? parts[0] ?? '').trim();
}

/** Day rules from a published schedule; `years` limits it (default: every year it holds). */
export function rulesFromSchedule(schedule: PublishedSchedule, years?: readonly number[]): DayRules {
  const keep = (day: string) => DAY.test(day) && (!years || years.includes(Number(day.slice(0, 4))));
  const holidays = new Map<Day, string>();
  const workdays = new Map<Day, string>();
  for (const [day, v] of Object.entries(schedule.holidays)) if (keep(day)) holidays.set(day, chineseName(v));
  for (const [day, v] of Object.entries(schedule.workdays)) if (keep(day)) workdays.set(day, chineseName(v));
  const loadedYears = new Set<number>([...holidays.keys()].map((d) => Number(d.slice(0, 4))));
  return { holidays, workdays, loadedYears };
}
