import { sql } from 'kysely';
import { z } from 'zod';
import { timingConfig } from '../../db/repositories/timing-config.ts';
import { chinaDay } from '../../domain/complaint-number.ts';
import { type DayRules, missingYears } from '../../domain/working-calendar.ts';
import type { App, RouteDeps } from '../server.ts';

/** How far ahead deadlines reach: a year without official holiday data inside it is a warning now. */
export const CALENDAR_HORIZON_DAYS = 60;

const warning = z.object({
  code: z.string(),
  message: z.string(),
  details: z.record(z.string(), z.unknown()),
});

/**
 * The warnings an operator must act on; the server still runs. Years are judged on the default
 * calendar: the bundled national schedule plus the years an administrator imported.
 */
function calendarWarnings(rules: DayRules, now: Date) {
  const years = missingYears(rules, chinaDay(now), CALENDAR_HORIZON_DAYS);
  if (years.length === 0) return [];
  return [
    {
      code: 'CALENDAR_YEAR_MISSING',
      message: `No official holiday schedule for ${years.join(', ')}: deadlines that reach into it count weekends only and are marked provisional. Import the year's schedule (State Council notice).`,
      details: { years, horizonDays: CALENDAR_HORIZON_DAYS },
    },
  ];
}

export function healthRoutes(app: App, deps: RouteDeps) {
  app.get(
    '/health',
    {
      config: { public: true },
      schema: {
        tags: ['system'],
        summary: 'Liveness, database check, and warnings an operator should act on',
        response: {
          200: z.object({
            status: z.literal('ok'),
            database: z.enum(['pglite', 'postgres']),
            warnings: z.array(warning),
          }),
        },
      },
    },
    async () => {
      const db = deps.database.db;
      await sql`select 1`.execute(db);
      const { rules } = (await timingConfig(db)).defaultCalendar;
      return {
        status: 'ok' as const,
        database: deps.database.kind,
        warnings: calendarWarnings(rules, deps.clock()),
      };
    },
  );
}
