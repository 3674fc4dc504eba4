// What deadline arithmetic needs from the database: the calendars (each with the national
// schedule, imported years and its own days layered), the time-limit policies and the category
// tree. Read often, changed rarely: cached per database for TTL_MS, and dropped at once in this
// process when an administrator changes any of it (other processes see the change within TTL_MS).
import type { Kysely } from 'kysely';
import { nationalRules } from '../../calendar/national-schedule.ts';
import { layerDayRules, type SpecialDay } from '../../domain/official-schedule.ts';
import type { PolicyTargets, SlaPolicy } from '../../domain/sla-policy.ts';
import type { Channel, Severity } from '../../domain/vocabulary.ts';
import { parseHours, type WorkingCalendar } from '../../domain/working-calendar.ts';
import type { Database } from '../schema.ts';

export const TIMING_TTL_MS = 10_000;

export interface NamedCalendar extends WorkingCalendar {
  id: string;
  code: string;
  name: string;
  isDefault: boolean;
  hoursText: string[];
}

export interface TimingConfig {
  calendars: ReadonlyMap<string, NamedCalendar>;
  defaultCalendar: NamedCalendar;
  policies: readonly SlaPolicy[];
  categoryParents: ReadonlyMap<string, string | null>;
  /** A calendar by id; the default one for an unknown id (a deleted calendar never stops the clock). */
  calendar(id: string | null | undefined): NamedCalendar;
}

const cache = new WeakMap<object, { at: number; config: Promise<TimingConfig> }>();

export function invalidateTimingConfig(db: Kysely<Database>): void {
  cache.delete(db);
}

export function timingConfig(db: Kysely<Database>, nowMs = Date.now()): Promise<TimingConfig> {
  const hit = cache.get(db);
  if (hit && nowMs - hit.at < TIMING_TTL_MS) return hit.config;
  const config = loadTimingConfig(db);
  cache.set(db, { at: nowMs, config });
  config.catch(() => cache.delete(db));
  return config;
}

export async function loadTimingConfig(db: Kysely<Database>): Promise<TimingConfig> {
  const [calendarRows, overrideRows, yearRows, dayRows, policyRows, categoryRows] = await Promise.all([
    db.selectFrom('calendars').selectAll().orderBy('created_at').execute(),
    db
      .selectFrom('calendar_overrides')
      .select(['calendar_id', 'kind', 'name'])
      .select((eb) => eb.cast<string>('day', 'text').as('day'))
      .execute(),
    db.selectFrom('official_schedule_years').select('year').execute(),
    db
      .selectFrom('official_schedule_days')
      .select(['kind', 'name'])
      .select((eb) => eb.cast<string>('day', 'text').as('day'))
      .execute(),
    db.selectFrom('sla_policies').selectAll().where('active', '=', true).execute(),
    db.selectFrom('categories').select(['id', 'parent_id']).execute(),
  ]);
  const imported = { years: yearRows.map((y) => y.year), days: dayRows as SpecialDay[] };
  const calendars = new Map<string, NamedCalendar>();
  for (const c of calendarRows) {
    const own = overrideRows.filter((o) => o.calendar_id === c.id) as SpecialDay[];
    calendars.set(c.id, {
      id: c.id,
      code: c.code,
      name: c.name,
      isDefault: c.is_default,
      offsetMinutes: c.offset_minutes,
      everyDay: c.every_day,
      hours: parseHours(c.hours),
      hoursText: c.hours,
      rules: layerDayRules(nationalRules(), imported, own),
    });
  }
  const defaultCalendar =
    [...calendars.values()].find((c) => c.isDefault) ?? [...calendars.values()][0] ?? builtInCalendar();
  const policies: SlaPolicy[] = policyRows.map((p) => ({
    id: p.id,
    name: p.name,
    priority: p.priority,
    active: p.active,
    severities: (p.severities as Severity[] | null) ?? null,
    categoryIds: p.category_ids ?? null,
    channels: (p.channels as Channel[] | null) ?? null,
    minVipLevel: p.min_vip_level,
    calendarId: p.calendar_id,
    targets: p.targets as PolicyTargets,
    warnPercent: p.warn_percent,
    escalateOnBreach: p.escalate_on_breach,
  }));
  return {
    calendars,
    defaultCalendar,
    policies,
    categoryParents: new Map(categoryRows.map((r) => [r.id, r.parent_id])),
    calendar: (id) => (id && calendars.get(id)) || defaultCalendar,
  };
}

/** Used only when the database holds no calendar at all: weekdays 09:00-18:00, national days. */
function builtInCalendar(): NamedCalendar {
  return {
    id: '00000000-0000-0000-0000-000000000000',
    code: 'built_in',
    name: '内置标准日历',
    isDefault: true,
    offsetMinutes: 480,
    everyDay: false,
    hours: parseHours(['09:00-18:00']),
    hoursText: ['09:00-18:00'],
    rules: nationalRules(),
  };
}
