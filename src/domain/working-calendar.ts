// The working calendar (domain §11): which days are working days in China — weekends off, public
// holidays off, and the adjusted working weekends (调休) on — and deadline arithmetic over it.
// Pure: the holiday data and the instant are parameters; no clock, no I/O.
//
// Days are local calendar days in the calendar's fixed UTC offset (Asia/Shanghai is +08:00 all
// year: China has no daylight saving time). A "day" is written YYYY-MM-DD.
//
// Rules, exactly:
// - "N working days": ends at the same clock time on the Nth working day after the day of
//   receipt. Received outside working hours (before opening, after closing, in the lunch break, or
//   on a day off), counting starts at the next opening: the deadline is then the Nth working day
//   after that opening's day, at the opening time (or the same clock time after a lunch break).
// - "N working hours": counts only time inside the working hours of working days.
// - "N calendar hours": ignores the calendar.
// - A day in a year without loaded official data is judged by weekends alone, and any result
//   that depended on such a day is marked `provisional`: never silently treated as ordinary.

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

export type Day = string;

export interface DayRules {
  /** Days off that would otherwise be working days: public holidays (the value is the name). */
  holidays: ReadonlyMap<Day, string>;
  /** Weekend days that are working days (调休); the value is the holiday they make up for. */
  workdays: ReadonlyMap<Day, string>;
  /** Years whose official schedule is loaded; other years are provisional. */
  loadedYears: ReadonlySet<number>;
}

/** A span of the working day in minutes after local midnight, [start, end). */
export interface Span {
  start: number;
  end: number;
}

export interface WorkingCalendar {
  /** UTC offset in minutes (480 for Asia/Shanghai). */
  offsetMinutes: number;
  /** Every day is a working day (a 24×7 front line); holidays and weekends are ignored. */
  everyDay: boolean;
  /** Working hours of a working day, ascending and disjoint (a lunch break splits the day in two). */
  hours: readonly Span[];
  rules: DayRules;
}

export type DayKind = 'weekday' | 'weekend' | 'holiday' | 'adjusted_workday' | 'every_day';

export interface DayInfo {
  day: Day;
  working: boolean;
  kind: DayKind;
  /** The day's year has no loaded official data: only weekends were considered. */
  provisional: boolean;
  name?: string;
}

export interface Deadline {
  at: Date;
  provisional: boolean;
}

/** Working hours from "HH:MM-HH:MM" pieces, e.g. ["09:00-12:00", "13:30-18:00"]. */
export function parseHours(pieces: readonly string[]): Span[] {
  const spans = pieces.map((p) => {
    const m = /^(\d{2}):(\d{2})-(\d{2}):(\d{2})$/.exec(p.trim());
    if (!m) throw new Error(`working hours must look like 09:00-18:00, got "${p}"`);
    const [sh, sm, eh, em] = m.slice(1).map(Number) as [number, number, number, number];
    const start = sh * 60 + sm;
    const end = eh * 60 + em;
    if (sm > 59 || em > 59 || start >= end || end > 24 * 60) throw new Error(`invalid working hours "${p}"`);
    return { start, end };
  });
  for (let i = 1; i < spans.length; i++) {
    const prev = spans[i - 1] as Span;
    if ((spans[i] as Span).start < prev.end)
      throw new Error('working hours must be ascending and not overlap');
  }
  if (spans.length === 0) throw new Error('at least one span of working hours is needed');
  return spans;
}

export const ALL_DAY: readonly Span[] = [{ start: 0, end: 24 * 60 }];

function localMs(cal: WorkingCalendar, instant: Date): number {
  return instant.getTime() + cal.offsetMinutes * MINUTE_MS;
}

/** The local day of an instant. */
export function dayOf(cal: WorkingCalendar, instant: Date): Day {
  return new Date(Math.floor(localMs(cal, instant) / DAY_MS) * DAY_MS).toISOString().slice(0, 10);
}

function dayStartUtc(cal: WorkingCalendar, day: Day): number {
  return Date.parse(`${day}T00:00:00Z`) - cal.offsetMinutes * MINUTE_MS;
}

export function addDays(day: Day, n: number): Day {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

export function describeDay(cal: WorkingCalendar, day: Day): DayInfo {
  if (cal.everyDay) return { day, working: true, kind: 'every_day', provisional: false };
  const provisional = !cal.rules.loadedYears.has(Number(day.slice(0, 4)));
  const holiday = cal.rules.holidays.get(day);
  if (holiday !== undefined) return { day, working: false, kind: 'holiday', provisional, name: holiday };
  const adjusted = cal.rules.workdays.get(day);
  if (adjusted !== undefined)
    return { day, working: true, kind: 'adjusted_workday', provisional, name: adjusted };
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  const weekend = weekday === 0 || weekday === 6;
  return { day, working: !weekend, kind: weekend ? 'weekend' : 'weekday', provisional };
}

/** The working intervals of a day as UTC instants (ms), empty on a day off. */
function intervals(cal: WorkingCalendar, day: Day): Array<[number, number]> {
  if (!describeDay(cal, day).working) return [];
  const base = dayStartUtc(cal, day);
  const hours = cal.everyDay ? ALL_DAY : cal.hours;
  return hours.map((s) => [base + s.start * MINUTE_MS, base + s.end * MINUTE_MS]);
}

/** How far ahead a search for the next working day may look before the data is deemed broken. */
const MAX_SEARCH_DAYS = 400;

interface Cursor {
  at: number;
  provisional: boolean;
}

/** The first working instant at or after `t` (t itself when it lies inside working hours). */
function nextWorkingInstant(cal: WorkingCalendar, t: number): Cursor {
  let day = dayOf(cal, new Date(t));
  let provisional = false;
  for (let i = 0; i < MAX_SEARCH_DAYS; i++) {
    provisional ||= describeDay(cal, day).provisional;
    for (const [start, end] of intervals(cal, day)) {
      if (t < end) return { at: Math.max(t, start), provisional };
    }
    day = addDays(day, 1);
  }
  throw new Error(`no working day within ${MAX_SEARCH_DAYS} days of ${day}: check the calendar data`);
}

/** N working days after `received` (see the rules at the top of this file). */
export function addWorkingDays(cal: WorkingCalendar, received: Date, n: number): Deadline {
  if (!Number.isInteger(n) || n < 0) throw new Error('working days must be a whole number ≥ 0');
  const start = nextWorkingInstant(cal, received.getTime());
  let provisional = start.provisional;
  const startDay = dayOf(cal, new Date(start.at));
  const clock = start.at - dayStartUtc(cal, startDay);
  let day = startDay;
  for (let counted = 0; counted < n; ) {
    day = addDays(day, 1);
    const info = describeDay(cal, day);
    provisional ||= info.provisional;
    if (info.working) counted++;
  }
  return { at: new Date(dayStartUtc(cal, day) + clock), provisional };
}

/** N working hours after `received`, counting only time inside working hours. */
export function addWorkingHours(cal: WorkingCalendar, received: Date, hours: number): Deadline {
  return addWorkingMillis(cal, received, hours * 3_600_000);
}

export function addWorkingMillis(cal: WorkingCalendar, from: Date, ms: number): Deadline {
  if (!(ms >= 0) || !Number.isFinite(ms)) throw new Error('a duration must be finite and ≥ 0');
  let cur = nextWorkingInstant(cal, from.getTime());
  let left = ms;
  let provisional = cur.provisional;
  for (;;) {
    const day = dayOf(cal, new Date(cur.at));
    const span = intervals(cal, day).find(([s, e]) => cur.at >= s && cur.at < e);
    if (!span) throw new Error('internal: the cursor left working hours');
    const room = span[1] - cur.at;
    if (left <= room) return { at: new Date(cur.at + left), provisional };
    left -= room;
    cur = nextWorkingInstant(cal, span[1]);
    provisional ||= cur.provisional;
  }
}

export function addCalendarHours(received: Date, hours: number): Deadline {
  return { at: new Date(received.getTime() + hours * 3_600_000), provisional: false };
}

/** Working time between two instants (0 when b ≤ a): for pauses and for the share of time used. */
export function workingMillisBetween(cal: WorkingCalendar, a: Date, b: Date): number {
  let total = 0;
  let day = dayOf(cal, a);
  const last = dayOf(cal, b);
  for (let guard = 0; day <= last && guard < 10_000; guard++) {
    for (const [s, e] of intervals(cal, day)) {
      const lo = Math.max(s, a.getTime());
      const hi = Math.min(e, b.getTime());
      if (hi > lo) total += hi - lo;
    }
    day = addDays(day, 1);
  }
  return total;
}

/** Years a deadline computation starting now may reach without official data: the admin's warning. */
export function missingYears(rules: DayRules, from: Day, horizonDays: number): number[] {
  const first = Number(from.slice(0, 4));
  const last = Number(addDays(from, horizonDays).slice(0, 4));
  const out: number[] = [];
  for (let y = first; y <= last; y++) if (!rules.loadedYears.has(y)) out.push(y);
  return out;
}

/** A time limit as people state it: "3 working days", "4 working hours", "2 hours". */
export type DurationSpec = { workingDays: number } | { workingHours: number } | { calendarHours: number };

/** The end of a time limit that starts at `from`, by the rules at the top of this file. */
export function addDuration(cal: WorkingCalendar, from: Date, spec: DurationSpec): Deadline {
  if ('workingDays' in spec) return addWorkingDays(cal, from, spec.workingDays);
  if ('workingHours' in spec) return addWorkingHours(cal, from, spec.workingHours);
  return addCalendarHours(from, spec.calendarHours);
}

/** "3 working days" and the like, for messages and the timeline. */
export function describeDuration(spec: DurationSpec): string {
  if ('workingDays' in spec) return `${spec.workingDays} working day(s)`;
  if ('workingHours' in spec) return `${spec.workingHours} working hour(s)`;
  return `${spec.calendarHours} hour(s)`;
}
