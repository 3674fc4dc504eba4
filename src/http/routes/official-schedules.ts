// Imported years of the State Council's holiday schedule (admin): the file format is in
// docs/calendar-import.md and is checked by src/domain/schedule-file.ts. Registered by
// calendarRoutes (routes/calendars.ts), beside the calendars these years feed.
import { z } from 'zod';
import {
  deleteImportedSchedule,
  importSchedule,
  listImportedSchedules,
} from '../../commands/official-schedules.ts';
import { SCHEDULE_YEAR_MAX, SCHEDULE_YEAR_MIN } from '../../domain/schedule-file.ts';
import { iso } from '../presenters/people.ts';
import { changeErrors, queryErrors } from '../responses.ts';
import type { App, RouteDeps } from '../server.ts';
import { commandContext } from './context.ts';

const scheduleFileBody = z
  .looseObject({
    year: z.number().int().describe(`${SCHEDULE_YEAR_MIN}-${SCHEDULE_YEAR_MAX}`),
    source: z.string().describe('The notice the schedule comes from'),
    holidays: z.record(z.string(), z.string()).describe('"YYYY-MM-DD": "春节" (or "Spring Festival,春节,4")'),
    workdays: z.record(z.string(), z.string()).optional().describe('Adjusted working weekends (调休)'),
  })
  .describe('One year of the State Council schedule; see docs/calendar-import.md');

const importedYearSchema = z.object({
  year: z.number().int(),
  source: z.string(),
  holidays: z.number().int(),
  workdays: z.number().int(),
  importedBy: z.uuid().nullable(),
  importedAt: z.iso.datetime(),
});

const yearParams = z.object({ year: z.coerce.number().int().min(SCHEDULE_YEAR_MIN).max(SCHEDULE_YEAR_MAX) });

export function officialScheduleRoutes(app: App, deps: RouteDeps) {
  app.post(
    '/calendar/schedules',
    {
      schema: {
        tags: ['calendar'],
        summary: "Import a year of the State Council's holiday schedule (admin); replaces that year",
        body: scheduleFileBody,
        response: {
          201: z.object({
            year: z.number().int(),
            source: z.string(),
            days: z.number().int().describe('Holidays and adjusted working days loaded'),
            replaced: z.boolean().describe('The year had been imported before'),
            retimedComplaints: z
              .number()
              .int()
              .describe('Complaints whose provisional deadlines were re-timed on the new data'),
          }),
          ...changeErrors,
        },
      },
    },
    async (req, reply) => reply.code(201).send(await importSchedule(commandContext(deps, req), req.body)),
  );

  app.get(
    '/calendar/schedules',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Imported years of the official schedule (admin)',
        response: { 200: z.object({ items: z.array(importedYearSchema) }), ...queryErrors },
      },
    },
    async (req) => {
      const items = await listImportedSchedules(commandContext(deps, req));
      return { items: items.map((y) => ({ ...y, importedAt: iso(y.importedAt) })) };
    },
  );

  app.delete(
    '/calendar/schedules/:year',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Delete an imported year (admin): the bundled data for it applies again',
        params: yearParams,
        response: { 204: z.null().describe('Removed'), ...changeErrors },
      },
    },
    async (req, reply) => {
      await deleteImportedSchedule(commandContext(deps, req), req.params.year);
      return reply.code(204).send(null);
    },
  );
}
