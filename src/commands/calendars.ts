// Working calendars as an administrator keeps them (domain §11), and what anyone may read of them:
// the calendars, a year's special days on one, a due time computed on one. A calendar's own days
// are in calendar-overrides.ts; imported years of the national schedule in official-schedules.ts.
// Every change writes an audit row and drops the cached timing
// configuration, so the next deadline computed in this process uses it (others within 10 s).
//
// Deadlines already running are re-timed when their complaint next changes, or all at once with
// POST /deadlines/resync (src/jobs/resync-deadlines.ts).

import type { Kysely } from 'kysely';
import { nationalRules } from '../calendar/national-schedule.ts';
import { recordAudit } from '../db/repositories/audit.ts';
import { invalidateTimingConfig, timingConfig } from '../db/repositories/timing-config.ts';
import type { Database } from '../db/schema.ts';
import { DomainError, invalid } from '../domain/errors.ts';
import { layerDayRules, type SpecialDay } from '../domain/official-schedule.ts';
import {
  addDays,
  addDuration,
  type DurationSpec,
  describeDay,
  parseHours,
  type WorkingCalendar,
} from '../domain/working-calendar.ts';
import { authorize } from '../policies/permissions.ts';
import type { CommandContext } from './context.ts';

export function calendarNotFound(): DomainError {
  return new DomainError('NOT_FOUND', 'Calendar not found');
}

/** Working hours checked by the same parser the deadline arithmetic uses; 400 on `hours`. */
function checkedHours(pieces: readonly string[]): string[] {
  const trimmed = pieces.map((p) => p.trim());
  try {
    parseHours(trimmed);
  } catch (e) {
    throw invalid([{ field: 'hours', message: (e as Error).message }]);
  }
  return trimmed;
}

// ---- reading -------------------------------------------------------------------------------

export interface CalendarSummary {
  id: string;
  code: string;
  name: string;
  offsetMinutes: number;
  everyDay: boolean;
  hours: string[];
  isDefault: boolean;
  overrides: number;
}

async function overrideCounts(db: Kysely<Database>): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('calendar_overrides')
    .select(['calendar_id', (eb) => eb.fn.countAll<string | number>().as('n')])
    .groupBy('calendar_id')
    .execute();
  return new Map(rows.map((r) => [r.calendar_id, Number(r.n)]));
}

const CALENDAR_COLUMNS = [
  'id',
  'code',
  'name',
  'offset_minutes',
  'every_day',
  'hours',
  'is_default',
] as const;
interface CalendarColumns {
  id: string;
  code: string;
  name: string;
  offset_minutes: number;
  every_day: boolean;
  hours: string[];
  is_default: boolean;
}

function summary(row: CalendarColumns, overrides: number): CalendarSummary {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    offsetMinutes: row.offset_minutes,
    everyDay: row.every_day,
    hours: row.hours,
    isDefault: row.is_default,
    overrides,
  };
}

export async function listCalendars(ctx: CommandContext): Promise<CalendarSummary[]> {
  authorize(ctx.actor, 'calendar:view');
  const [rows, counts] = await Promise.all([
    ctx.db.selectFrom('calendars').select(CALENDAR_COLUMNS).orderBy('created_at').orderBy('code').execute(),
    overrideCounts(ctx.db),
  ]);
  return rows.map((r) => summary(r, counts.get(r.id) ?? 0));
}

export type DaySource = 'national' | 'imported' | 'override';

export interface SpecialDayView {
  day: string;
  kind: 'holiday' | 'adjusted_workday';
  working: boolean;
  name: string;
  source: DaySource;
}

/** Every day of a year that is not an ordinary weekday or weekend on this calendar. */
export async function calendarYear(ctx: CommandContext, calendarId: string, year: number) {
  authorize(ctx.actor, 'calendar:view');
  const [row, overrides, importedYears, importedDays] = await Promise.all([
    ctx.db.selectFrom('calendars').select(CALENDAR_COLUMNS).where('id', '=', calendarId).executeTakeFirst(),
    ctx.db
      .selectFrom('calendar_overrides')
      .select(['kind', 'name', (eb) => eb.cast<string>('day', 'text').as('day')])
      .where('calendar_id', '=', calendarId)
      .execute(),
    ctx.db.selectFrom('official_schedule_years').select('year').execute(),
    ctx.db
      .selectFrom('official_schedule_days')
      .select(['kind', 'name', (eb) => eb.cast<string>('day', 'text').as('day')])
      .execute(),
  ]);
  if (!row) throw calendarNotFound();
  const imported = { years: importedYears.map((y) => y.year), days: importedDays as SpecialDay[] };
  const calendar: WorkingCalendar = {
    offsetMinutes: row.offset_minutes,
    everyDay: row.every_day,
    hours: parseHours(row.hours),
    rules: layerDayRules(nationalRules(), imported, overrides as SpecialDay[]),
  };
  const overridden = new Set(overrides.map((o) => o.day));
  const yearImported = imported.years.includes(year);
  const days: SpecialDayView[] = [];
  for (let day = `${year}-01-01`; day.startsWith(String(year)); day = addDays(day, 1)) {
    const info = describeDay(calendar, day);
    if (info.kind !== 'holiday' && info.kind !== 'adjusted_workday') continue;
    const source: DaySource = overridden.has(day) ? 'override' : yearImported ? 'imported' : 'national';
    days.push({ day, kind: info.kind, working: info.working, name: info.name ?? '', source });
  }
  return {
    calendarId: row.id,
    year,
    everyDay: row.every_day,
    provisional: !calendar.rules.loadedYears.has(year),
    days,
  };
}

/** The end of a time limit on a calendar (the default one when none is named). */
export async function computeDue(
  ctx: CommandContext,
  input: { calendarId?: string | undefined; from: Date; add: DurationSpec },
) {
  const config = await timingConfig(ctx.db);
  const calendar = input.calendarId ? config.calendars.get(input.calendarId) : config.defaultCalendar;
  if (!calendar) throw calendarNotFound();
  const due = addDuration(calendar, input.from, input.add);
  return { dueAt: due.at, provisional: due.provisional, calendarId: calendar.id };
}

// ---- changing ------------------------------------------------------------------------------

export interface NewCalendar {
  code: string;
  name: string;
  everyDay?: boolean | undefined;
  hours?: string[] | undefined;
  offsetMinutes?: number | undefined;
}

export async function createCalendar(ctx: CommandContext, input: NewCalendar): Promise<CalendarSummary> {
  authorize(ctx.actor, 'calendar:manage');
  const everyDay = input.everyDay ?? false;
  const hours = checkedHours(input.hours ?? (everyDay ? ['00:00-24:00'] : ['09:00-18:00']));
  const created = await ctx.db.transaction().execute(async (tx) => {
    const row = await tx
      .insertInto('calendars')
      .values({
        code: input.code,
        name: input.name,
        every_day: everyDay,
        hours,
        offset_minutes: input.offsetMinutes ?? 480,
        created_at: ctx.now,
        updated_at: ctx.now,
      })
      .onConflict((oc) => oc.column('code').doNothing())
      .returning(CALENDAR_COLUMNS)
      .executeTakeFirst();
    if (!row) {
      throw new DomainError('CONFLICT', 'A calendar with this code exists', { field: 'code' });
    }
    await recordAudit(tx, {
      complaintId: null,
      entity: 'calendar',
      entityId: row.id,
      action: 'calendar.created',
      actorId: ctx.actor.id,
      at: ctx.now,
      after: { code: row.code, name: row.name, everyDay: row.every_day, hours: row.hours },
    });
    return row;
  });
  invalidateTimingConfig(ctx.db);
  return summary(created, 0);
}

export interface CalendarChanges {
  name?: string | undefined;
  hours?: string[] | undefined;
  everyDay?: boolean | undefined;
  isDefault?: boolean | undefined;
}

export async function updateCalendar(
  ctx: CommandContext,
  id: string,
  changes: CalendarChanges,
): Promise<CalendarSummary> {
  authorize(ctx.actor, 'calendar:manage');
  const hours = changes.hours && checkedHours(changes.hours);
  const updated = await ctx.db.transaction().execute(async (tx) => {
    // Every calendar row locked: two administrators choosing different defaults take turns.
    const all = await tx.selectFrom('calendars').select(CALENDAR_COLUMNS).forUpdate().execute();
    const row = all.find((c) => c.id === id);
    if (!row) throw calendarNotFound();
    if (changes.isDefault === false && row.is_default) {
      throw invalid([{ field: 'isDefault', message: 'make another calendar the default instead' }]);
    }
    const next = {
      name: changes.name ?? row.name,
      hours: hours ?? row.hours,
      every_day: changes.everyDay ?? row.every_day,
      is_default: changes.isDefault ?? row.is_default,
    };
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const key of Object.keys(next) as Array<keyof typeof next>) {
      if (JSON.stringify(row[key]) !== JSON.stringify(next[key])) {
        before[key] = row[key];
        after[key] = next[key];
      }
    }
    if (Object.keys(after).length === 0) return row;
    if (next.is_default && !row.is_default) {
      await tx
        .updateTable('calendars')
        .set({ is_default: false, updated_at: ctx.now })
        .where('is_default', '=', true)
        .execute();
    }
    const saved = await tx
      .updateTable('calendars')
      .set({ ...next, updated_at: ctx.now })
      .where('id', '=', id)
      .returning(CALENDAR_COLUMNS)
      .executeTakeFirstOrThrow();
    await recordAudit(tx, {
      complaintId: null,
      entity: 'calendar',
      entityId: id,
      action: 'calendar.updated',
      actorId: ctx.actor.id,
      at: ctx.now,
      before,
      after,
    });
    return saved;
  });
  invalidateTimingConfig(ctx.db);
  return summary(updated, (await overrideCounts(ctx.db)).get(id) ?? 0);
}
