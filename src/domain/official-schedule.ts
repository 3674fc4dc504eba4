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

export type DayOverrideKind = 'holiday' | 'workday';

export interface SpecialDay {
  day: Day;
  kind: DayOverrideKind;
  name: string;
}

/**
 * The day rules one calendar follows, in three layers: the bundled national schedule; years an
 * administrator imported (each replaces the bundled data of its year entirely and counts as
 * loaded); then the calendar's own overrides, which win over both. An override in a year without
 * official data changes that day but does not make the year "loaded".
 */
export function layerDayRules(
  base: DayRules,
  imported: { years: readonly number[]; days: readonly SpecialDay[] },
  overrides: readonly SpecialDay[],
): DayRules {
  const replaced = new Set(imported.years);
  const yearOf = (day: Day) => Number(day.slice(0, 4));
  const holidays = new Map<Day, string>();
  const workdays = new Map<Day, string>();
  for (const [day, name] of base.holidays) if (!replaced.has(yearOf(day))) holidays.set(day, name);
  for (const [day, name] of base.workdays) if (!replaced.has(yearOf(day))) workdays.set(day, name);
  const apply = (d: SpecialDay) => {
    holidays.delete(d.day);
    workdays.delete(d.day);
    (d.kind === 'holiday' ? holidays : workdays).set(d.day, d.name);
  };
  for (const d of imported.days) if (replaced.has(yearOf(d.day))) apply(d);
  for (const d of overrides) apply(d);
  return { holidays, workdays, loadedYears: new Set([...base.loadedYears, ...replaced]) };
}
