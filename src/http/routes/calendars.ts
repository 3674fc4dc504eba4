import { z } from 'zod';
import { removeCalendarOverride, setCalendarOverride } from '../../commands/calendar-overrides.ts';
import {
  calendarYear,
  computeDue,
  createCalendar,
  listCalendars,
  updateCalendar,
} from '../../commands/calendars.ts';
import { chinaDay } from '../../domain/complaint-number.ts';
import { DAY_NAME_MAX, isRealDay, SCHEDULE_YEAR_MAX, SCHEDULE_YEAR_MIN } from '../../domain/schedule-file.ts';
import type { DurationSpec } from '../../domain/working-calendar.ts';
import { iso } from '../presenters/people.ts';
import { changeErrors, errorSchema, queryErrors } from '../responses.ts';
import { instant, text } from '../schemas.ts';
import type { App, RouteDeps } from '../server.ts';
import { commandContext } from './context.ts';
import { officialScheduleRoutes } from './official-schedules.ts';

const UNITS = ['workingDays', 'workingHours', 'calendarHours'] as const;
/** Ten years: no time limit or computation needs more. */
const MAX_DAYS = 3650;
const MAX_HOURS = 87_600;

/**
 * A duration as JSON, {"workingDays": 3}: exactly one unit. `positive` refuses 0 (a policy's
 * target); `extra` adds fields beside the unit (a target's own calendarId).
 */
export function durationInput<T extends z.ZodRawShape>(opts: { positive: boolean; extra?: T }) {
  const amount = (max: number) => (opts.positive ? z.number().positive() : z.number().min(0)).max(max);
  return z
    .strictObject({
      workingDays: amount(MAX_DAYS).int().optional(),
      workingHours: amount(MAX_HOURS).optional(),
      calendarHours: amount(MAX_HOURS).optional(),
      ...(opts.extra ?? ({} as T)),
    })
    .refine((v) => UNITS.filter((u) => (v as Record<string, unknown>)[u] !== undefined).length === 1, {
      message: `exactly one of ${UNITS.join(', ')}`,
    });
}

/** The DurationSpec of a validated duration input (exactly one unit is present). */
export function toDurationSpec(v: Partial<Record<(typeof UNITS)[number], number | undefined>>): DurationSpec {
  if (v.workingDays !== undefined) return { workingDays: v.workingDays };
  if (v.workingHours !== undefined) return { workingHours: v.workingHours };
  return { calendarHours: v.calendarHours as number };
}

const inScheduleRange = (d: Date) =>
  d.getUTCFullYear() >= SCHEDULE_YEAR_MIN && d.getUTCFullYear() <= SCHEDULE_YEAR_MAX;

const computeBody = z.object({
  calendarId: z.uuid().optional().describe('Default: the default calendar'),
  from: instant.refine(inScheduleRange, `between ${SCHEDULE_YEAR_MIN} and ${SCHEDULE_YEAR_MAX}`),
  add: durationInput({ positive: false }).describe(
    '{"workingDays": 3}, {"workingHours": 4} or {"calendarHours": 2}',
  ),
});

const hoursInput = z
  .array(z.string().max(20))
  .min(1)
  .max(12)
  .describe('Working hours of a working day, ascending, e.g. ["09:00-12:00", "13:00-18:00"]');

const createBody = z.object({
  code: z
    .string()
    .regex(/^[a-z][a-z0-9_]{1,39}$/, '2-40 lower-case letters, digits or _, starting with a letter'),
  name: text(100),
  everyDay: z.boolean().optional().describe('24×7: every day a working day, holidays ignored'),
  hours: hoursInput.optional(),
  offsetMinutes: z.number().int().min(-720).max(840).optional().describe('UTC offset; 480 for China'),
});

const updateBody = z.object({
  name: text(100).optional(),
  hours: hoursInput.optional(),
  everyDay: z.boolean().optional(),
  isDefault: z.boolean().optional().describe('true makes this the default calendar (and no other)'),
});

const day = z
  .string()
  .refine(isRealDay, 'a real date written YYYY-MM-DD')
  .refine((d) => Number(d.slice(0, 4)) >= SCHEDULE_YEAR_MIN && Number(d.slice(0, 4)) <= SCHEDULE_YEAR_MAX, {
    message: `between ${SCHEDULE_YEAR_MIN} and ${SCHEDULE_YEAR_MAX}`,
  });
const year = z.coerce.number().int().min(SCHEDULE_YEAR_MIN).max(SCHEDULE_YEAR_MAX);
const idParams = z.object({ id: z.uuid() });
const dayParams = z.object({ id: z.uuid(), day });

const overrideBody = z.object({
  kind: z.enum(['holiday', 'workday']).describe('holiday: a day off; workday: a working day'),
  name: text(DAY_NAME_MAX).describe('e.g. 公司年会 or 地方节日'),
});

const calendarSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  offsetMinutes: z.number().int(),
  everyDay: z.boolean(),
  hours: z.array(z.string()),
  isDefault: z.boolean(),
  overrides: z.number().int().describe('How many days this calendar sets itself'),
});

const yearSchema = z.object({
  calendarId: z.uuid(),
  year: z.number().int(),
  everyDay: z.boolean().describe('A 24×7 calendar has no days off: days is empty'),
  provisional: z.boolean().describe('No official schedule for this year: only weekends count'),
  days: z.array(
    z.object({
      day: z.string(),
      kind: z.enum(['holiday', 'adjusted_workday']),
      working: z.boolean(),
      name: z.string(),
      source: z.enum(['national', 'imported', 'override']),
    }),
  ),
});

const removed = z.null().describe('Removed');

export function calendarRoutes(app: App, deps: RouteDeps) {
  app.post(
    '/calendar/compute',
    {
      schema: {
        tags: ['calendar'],
        summary: 'When a time limit that starts at `from` ends, on a working calendar',
        body: computeBody,
        response: {
          200: z.object({
            dueAt: z.iso.datetime(),
            provisional: z.boolean().describe('Reaches into a year without the official schedule'),
            calendarId: z.uuid(),
          }),
          ...changeErrors,
        },
      },
    },
    async (req) => {
      const { calendarId, from, add } = req.body;
      const due = await computeDue(commandContext(deps, req), { calendarId, from, add: toDurationSpec(add) });
      return { ...due, dueAt: iso(due.dueAt) };
    },
  );

  app.get(
    '/calendars',
    {
      schema: {
        tags: ['calendar'],
        summary: 'The working calendars',
        response: { 200: z.object({ items: z.array(calendarSchema) }), ...queryErrors },
      },
    },
    async (req) => ({ items: await listCalendars(commandContext(deps, req)) }),
  );

  app.get(
    '/calendars/:id/days',
    {
      schema: {
        tags: ['calendar'],
        summary: "A year's holidays and adjusted working days on one calendar, and where each comes from",
        params: idParams,
        querystring: z.object({ year: year.optional().describe('Default: this year') }),
        response: { 200: yearSchema, ...queryErrors, 404: errorSchema },
      },
    },
    async (req) => {
      const ctx = commandContext(deps, req);
      return calendarYear(ctx, req.params.id, req.query.year ?? Number(chinaDay(ctx.now).slice(0, 4)));
    },
  );

  app.post(
    '/calendars',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Add a working calendar (admin)',
        body: createBody,
        response: { 201: calendarSchema, ...changeErrors },
      },
    },
    async (req, reply) => reply.code(201).send(await createCalendar(commandContext(deps, req), req.body)),
  );

  app.patch(
    '/calendars/:id',
    {
      schema: {
        tags: ['calendar'],
        summary:
          'Change a calendar (admin); running deadlines follow at their next change or POST /deadlines/resync',
        params: idParams,
        body: updateBody,
        response: { 200: calendarSchema, ...changeErrors },
      },
    },
    async (req) => updateCalendar(commandContext(deps, req), req.params.id, req.body),
  );

  app.put(
    '/calendars/:id/overrides/:day',
    {
      schema: {
        tags: ['calendar'],
        summary:
          'Make a day a holiday or a working day on this calendar, whatever the national schedule says (admin)',
        params: dayParams,
        body: overrideBody,
        response: {
          200: z.object({ calendarId: z.uuid(), day: z.string(), ...overrideBody.shape }),
          ...changeErrors,
        },
      },
    },
    async (req) => setCalendarOverride(commandContext(deps, req), req.params.id, req.params.day, req.body),
  );

  app.delete(
    '/calendars/:id/overrides/:day',
    {
      schema: {
        tags: ['calendar'],
        summary: "Remove a calendar's own day (admin)",
        params: dayParams,
        response: { 204: removed, ...changeErrors },
      },
    },
    async (req, reply) => {
      await removeCalendarOverride(commandContext(deps, req), req.params.id, req.params.day);
      return reply.code(204).send(null);
    },
  );

  officialScheduleRoutes(app, deps);
}
