// Report settings (time zone, repeat window, who sees which figures, KPI targets), the monthly
// denominators of the complaint ratio, and rebuilding the rollups.
import { sql } from 'kysely';
import { z } from 'zod';
import { rebuildReports, reportSettings } from '../../db/repositories/report-cube.ts';
import { invalid } from '../../domain/errors.ts';
import { KPI_RATES, kpiTargets } from '../../domain/report-kpis.ts';
import { authorize } from '../../policies/permissions.ts';
import { changeErrors, queryErrors } from '../responses.ts';
import type { App, RouteDeps } from '../server.ts';
import { commandContext } from './context.ts';

const targetsSchema = z.object(
  Object.fromEntries(KPI_RATES.map((k) => [k, z.number().min(0).max(1)])) as Record<
    (typeof KPI_RATES)[number],
    z.ZodNumber
  >,
);

const settingsSchema = z.object({
  timeZone: z.string().describe('IANA time zone where report days are cut'),
  repeatWindowDays: z
    .number()
    .int()
    .describe('A complaint of the same customer in the same category within this many days is a repeat'),
  agentsTeamOnly: z.boolean().describe('Agents and specialists see their own team’s figures only'),
  kpiTargets: targetsSchema,
});

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month YYYY-MM');
const denominatorItem = z.object({
  kind: z.enum(['customers', 'transactions']),
  month,
  value: z.number().int().positive().max(1e12).nullable().describe('null removes the figure'),
});

function validTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export function reportSettingsRoutes(app: App, deps: RouteDeps): void {
  const db = deps.database.db;

  const present = async () => {
    const s = await reportSettings(db);
    return {
      timeZone: s.timeZone,
      repeatWindowDays: s.repeatWindowDays,
      agentsTeamOnly: s.agentsTeamOnly,
      kpiTargets: kpiTargets(s.kpiTargets),
    };
  };

  app.get(
    '/reports/settings',
    {
      schema: {
        tags: ['reports'],
        summary: 'Report settings and KPI targets',
        response: { 200: settingsSchema, ...queryErrors },
      },
    },
    async (req) => {
      authorize(commandContext(deps, req).actor, 'report:view');
      return present();
    },
  );

  app.put(
    '/reports/settings',
    {
      schema: {
        tags: ['reports'],
        summary: 'Change report settings (admin); a new time zone rebuilds the rollups',
        body: settingsSchema.partial().extend({ kpiTargets: targetsSchema.partial().optional() }),
        response: { 200: settingsSchema, ...changeErrors },
      },
    },
    async (req) => {
      const { actor, now } = commandContext(deps, req);
      authorize(actor, 'report:manage');
      const b = req.body;
      if (b.timeZone !== undefined && !validTimeZone(b.timeZone)) {
        throw invalid([{ field: 'body.timeZone', message: 'not an IANA time zone, e.g. Asia/Shanghai' }]);
      }
      if (b.repeatWindowDays !== undefined && (b.repeatWindowDays < 1 || b.repeatWindowDays > 365)) {
        throw invalid([{ field: 'body.repeatWindowDays', message: 'must be 1 to 365 days' }]);
      }
      const before = await reportSettings(db);
      await db.transaction().execute(async (tx) => {
        await tx
          .updateTable('report_settings')
          .set({
            ...(b.timeZone !== undefined ? { time_zone: b.timeZone } : {}),
            ...(b.repeatWindowDays !== undefined ? { repeat_window_days: b.repeatWindowDays } : {}),
            ...(b.agentsTeamOnly !== undefined ? { agents_team_only: b.agentsTeamOnly } : {}),
            ...(b.kpiTargets !== undefined
              ? { kpi_targets: JSON.stringify({ ...kpiTargets(before.kpiTargets), ...b.kpiTargets }) }
              : {}),
            updated_at: now,
          })
          .execute();
        if (b.timeZone !== undefined && b.timeZone !== before.timeZone) await rebuildReports(tx);
      });
      return present();
    },
  );

  app.get(
    '/reports/denominators',
    {
      schema: {
        tags: ['reports'],
        summary: 'Customers and transactions per month, the denominators of the complaint ratio',
        querystring: z.object({ from: month.optional(), to: month.optional() }),
        response: {
          200: z.object({ items: z.array(denominatorItem.extend({ value: z.number().int() })) }),
          ...queryErrors,
        },
      },
    },
    async (req) => {
      authorize(commandContext(deps, req).actor, 'report:view');
      let q = db
        .selectFrom('report_denominators')
        .select(['kind', sql<string>`to_char(month, 'YYYY-MM')`.as('month'), 'value'])
        .orderBy('month')
        .orderBy('kind');
      if (req.query.from) q = q.where('month', '>=', `${req.query.from}-01`);
      if (req.query.to) q = q.where('month', '<=', `${req.query.to}-01`);
      const rows = await q.execute();
      return { items: rows.map((r) => ({ kind: r.kind, month: r.month, value: Number(r.value) })) };
    },
  );

  app.put(
    '/reports/denominators',
    {
      schema: {
        tags: ['reports'],
        summary:
          'Enter or import denominators (admin): each item sets or (value null) removes one month’s figure',
        body: z.object({ items: z.array(denominatorItem).min(1).max(1200) }),
        response: { 200: z.object({ changed: z.number().int() }), ...changeErrors },
      },
    },
    async (req) => {
      const { actor, now } = commandContext(deps, req);
      authorize(actor, 'report:manage');
      await db.transaction().execute(async (tx) => {
        for (const item of req.body.items) {
          const m = `${item.month}-01`;
          if (item.value === null) {
            await tx
              .deleteFrom('report_denominators')
              .where('kind', '=', item.kind)
              .where('month', '=', m)
              .execute();
          } else {
            await tx
              .insertInto('report_denominators')
              .values({ kind: item.kind, month: m, value: item.value, updated_by: actor.id, updated_at: now })
              .onConflict((oc) =>
                oc
                  .columns(['kind', 'month'])
                  .doUpdateSet({ value: item.value as number, updated_by: actor.id, updated_at: now }),
              )
              .execute();
          }
        }
      });
      return { changed: req.body.items.length };
    },
  );

  app.post(
    '/reports/rebuild',
    {
      schema: {
        tags: ['reports'],
        summary: 'Rebuild every report rollup from the complaints (admin)',
        description:
          'Not needed in normal operation: the rollups follow every change. For after a bulk load.',
        body: z.object({}).optional(),
        response: { 200: z.object({ ms: z.number() }), ...changeErrors },
      },
    },
    async (req) => {
      authorize(commandContext(deps, req).actor, 'report:manage');
      const started = performance.now();
      await rebuildReports(db);
      return { ms: Math.round(performance.now() - started) };
    },
  );
}
