// Calendars and instant helpers shared by the working-calendar tests. Instants are written in
// Asia/Shanghai local time ("2026-02-13 10:00" = 2026-02-13T10:00:00+08:00).
import { nationalRules } from '../../src/calendar/national-schedule.ts';
import { type PublishedSchedule, rulesFromSchedule } from '../../src/domain/official-schedule.ts';
import { type Deadline, parseHours, type WorkingCalendar } from '../../src/domain/working-calendar.ts';

export const HOUR = 3_600_000;

/** 09:00-12:00 and 13:00-18:00 on working days, national schedule: 8 working hours a day. */
export const lunchCal: WorkingCalendar = {
  offsetMinutes: 480,
  everyDay: false,
  hours: parseHours(['09:00-12:00', '13:00-18:00']),
  rules: nationalRules(),
};

/** 09:00-18:00 without a lunch break: 9 working hours a day. */
export const noLunchCal: WorkingCalendar = { ...lunchCal, hours: parseHours(['09:00-18:00']) };

/** A 24×7 front line: every day, all day. */
export const allDayCal: WorkingCalendar = { ...lunchCal, everyDay: true, hours: parseHours(['00:00-24:00']) };

export function syntheticCal(schedule: PublishedSchedule, years?: readonly number[]): WorkingCalendar {
  return { ...lunchCal, rules: rulesFromSchedule(schedule, years) };
}

/** "2026-02-13 10:00" (Shanghai) → the instant. */
export function at(local: string): Date {
  const d = new Date(`${local.replace(' ', 'T')}:00+08:00`);
  if (Number.isNaN(d.getTime())) throw new Error(`bad local time ${local}`);
  return d;
}

/** The expected result of a deadline computation. */
export function deadline(localTime: string, provisional: boolean): Deadline {
  return { at: at(localTime), provisional };
}

/** The instant in Shanghai time, "YYYY-MM-DD HH:MM" (seconds and milliseconds shown when not zero). */
export function local(d: Date): string {
  const s = new Date(d.getTime() + 8 * HOUR).toISOString().slice(0, 23).replace('T', ' ');
  return s.endsWith(':00.000') ? s.slice(0, 16) : s;
}
