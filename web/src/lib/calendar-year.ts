// A working calendar's year at a glance: twelve month grids (weeks start on Monday, as in China)
// with the special days marked, and a look at a year file before it is imported.

export interface SpecialDay {
  day: string;
  kind: 'holiday' | 'adjusted_workday';
  working?: boolean | undefined;
  name: string;
  source: string;
}

export interface DayCell {
  day: string;
  date: number;
  /** 0 = Monday … 6 = Sunday. */
  weekday: number;
  weekend: boolean;
  special: SpecialDay | null;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The weeks of one month (1-12), Monday first; days outside the month are null. */
export function monthGrid(
  year: number,
  month: number,
  specials: ReadonlyMap<string, SpecialDay>,
): (DayCell | null)[][] {
  const first = (new Date(Date.UTC(year, month - 1, 1)).getUTCDay() + 6) % 7;
  const cells: (DayCell | null)[] = Array.from({ length: first }, () => null);
  const n = daysInMonth(year, month);
  for (let date = 1; date <= n; date++) {
    const day = `${year}-${pad(month)}-${pad(date)}`;
    const weekday = (first + date - 1) % 7;
    cells.push({ day, date, weekday, weekend: weekday >= 5, special: specials.get(day) ?? null });
  }
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (DayCell | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/** Whether a day is worked on a Monday-to-Friday calendar, after the special days. */
export function isWorking(cell: DayCell): boolean {
  if (cell.special) return cell.special.kind === 'adjusted_workday';
  return !cell.weekend;
}

export interface YearCounts {
  holidays: number;
  adjustedWorkdays: number;
  overrides: number;
}

export function yearCounts(days: readonly SpecialDay[]): YearCounts {
  return {
    holidays: days.filter((d) => d.kind === 'holiday').length,
    adjustedWorkdays: days.filter((d) => d.kind === 'adjusted_workday').length,
    overrides: days.filter((d) => d.source === 'override').length,
  };
}

export type ScheduleFilePreview =
  | { ok: true; year: number; source: string; holidays: number; workdays: number; body: unknown }
  | { ok: false; problem: 'json' | 'shape' };

/**
 * A first look at a year file (docs/examples/schedule-2026.json) before it is sent: is it JSON,
 * does it name a year and a source, how many days off and 调休 working days. The server checks
 * every day and answers with the fields in error.
 */
export function previewScheduleFile(text: string): ScheduleFilePreview {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'json' };
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return { ok: false, problem: 'shape' };
  const b = body as Record<string, unknown>;
  const count = (v: unknown) =>
    typeof v === 'object' && v !== null && !Array.isArray(v) ? Object.keys(v).length : -1;
  const holidays = count(b.holidays);
  const workdays = b.workdays === undefined ? 0 : count(b.workdays);
  if (typeof b.year !== 'number' || typeof b.source !== 'string' || holidays < 0 || workdays < 0) {
    return { ok: false, problem: 'shape' };
  }
  return { ok: true, year: b.year, source: b.source, holidays, workdays, body };
}
