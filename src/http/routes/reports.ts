// Reports: category distribution, trend, arrival heatmap and KPIs, as JSON or (format=xlsx) as an
// Excel workbook of the same figures. Agents and specialists see their own team's figures only
// while the report settings say so; supervisors, analysts and admins see everything.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { KPI_DIMENSIONS, reportSettings } from '../../db/repositories/report-cube.ts';
import { DomainError, invalid } from '../../domain/errors.ts';
import { KPI_RATES } from '../../domain/report-kpis.ts';
import { type DayRange, dayNumber, INTERVALS } from '../../domain/report-math.ts';
import { CAUSES, CHANNELS, CUSTOMER_TYPES, SEVERITIES } from '../../domain/vocabulary.ts';
import type { Actor } from '../../policies/actor.ts';
import { authorize } from '../../policies/permissions.ts';
import { categoryDistribution } from '../../reports/category-distribution.ts';
import type { ReportFilters } from '../../reports/filters.ts';
import { heatmapReport } from '../../reports/heatmap.ts';
import { kpiReport } from '../../reports/kpis.ts';
import { distributionSheets, heatmapSheets, kpiSheets, trendSheets } from '../../reports/report-sheets.ts';
import { trendReport } from '../../reports/trend.ts';
import { contentDisposition, type Sheet, workbookBuffer, XLSX_MIME } from '../../reports/xlsx.ts';
import { queryErrors } from '../responses.ts';
import type { App, RouteDeps } from '../server.ts';
import { commandContext } from './context.ts';

/** The longest period a report covers (a trend by day over it is 1,100 points). */
const MAX_DAYS = 1_100;

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    'not a calendar date',
  );

const periodQuery = z.object({
  from: day.describe('First day, inclusive, in the report time zone (default Asia/Shanghai)'),
  to: day.describe('Last day, inclusive'),
  format: z.enum(['json', 'xlsx']).default('json').describe('xlsx: an Excel workbook of the same figures'),
});

const filterQuery = z.object({
  categoryId: z.uuid().optional().describe('This category and everything below it'),
  channel: z.enum(CHANNELS).optional(),
  severity: z.enum(SEVERITIES).optional(),
  team: z.string().trim().min(1).max(100).optional(),
  departmentId: z.uuid().optional().describe('The department found responsible in the cause analysis'),
  product: z.string().trim().min(1).max(200).optional(),
  customerType: z.enum(CUSTOMER_TYPES).optional(),
  cause: z.enum(CAUSES).optional(),
});

type PeriodQuery = { from: string; to: string };
type FilterQuery = z.output<typeof filterQuery>;

function checkedRange(q: { from: string; to: string }): DayRange {
  const span = dayNumber(q.to) - dayNumber(q.from);
  if (span < 0) throw invalid([{ field: 'query.to', message: 'must not be before from' }]);
  if (span >= MAX_DAYS)
    throw invalid([{ field: 'query.to', message: `a report covers at most ${MAX_DAYS} days` }]);
  return { from: q.from, to: q.to };
}

function filtersOf(q: z.output<typeof filterQuery>): ReportFilters {
  return {
    categoryId: q.categoryId,
    channel: q.channel,
    severity: q.severity,
    team: q.team,
    departmentId: q.departmentId,
    product: q.product,
    customerType: q.customerType,
    cause: q.cause,
  };
}

/** The team an agent's or specialist's figures are limited to, or undefined for all teams. */
function restrictedTeam(actor: Actor, teamOnly: boolean, asked?: string): string | undefined {
  if (!teamOnly || (actor.role !== 'agent' && actor.role !== 'specialist')) return undefined;
  if (actor.team === null) {
    throw new DomainError('FORBIDDEN', 'Reports show your team’s figures, and you belong to no team', {
      reason: 'report:team',
    });
  }
  if (asked !== undefined && asked !== actor.team) {
    throw new DomainError('FORBIDDEN', 'You may see your own team’s figures only', { reason: 'report:team' });
  }
  return actor.team;
}

async function sendWorkbook(reply: FastifyReply, name: string, sheets: Sheet[]) {
  const buffer = await workbookBuffer(sheets);
  return reply
    .header('content-type', XLSX_MIME)
    .header('content-disposition', contentDisposition(`${name}.xlsx`))
    .send(buffer);
}

const distributionSchema = z.object({
  from: z.string(),
  to: z.string(),
  total: z.number().int(),
  source: z
    .enum(['rollup', 'raw'])
    .describe('rollup: from the rollups; raw: two or more filters, counted from the complaints'),
  rows: z.array(
    z.object({
      categoryId: z.uuid().nullable().describe('null: complaints without a category'),
      name: z.string(),
      nameEn: z.string().nullable(),
      count: z.number().int(),
      share: z.number(),
    }),
  ),
});

const trendSchema = z.object({
  from: z.string(),
  to: z.string(),
  interval: z.enum(INTERVALS),
  total: z.number().int(),
  source: z.enum(['rollup', 'raw']),
  points: z.array(
    z.object({
      period: z.string().describe('2026-11-22, 2026-W47 or 2026-11'),
      from: z.string(),
      to: z.string(),
      count: z.number().int(),
      previous: z.number().int().describe('The same span one period earlier'),
      growth: z.number().nullable().describe('vs the previous period: 0.25 = +25 %; null when it had none'),
      lastYear: z.number().int(),
      yoy: z.number().nullable().describe('vs the same span a year earlier'),
      ratio: z.number().nullable().describe('per 10,000 customers or transactions (ratio=…), where entered'),
    }),
  ),
});

const heatmapSchema = z.object({
  from: z.string(),
  to: z.string(),
  total: z.number().int(),
  source: z.enum(['rollup', 'raw']),
  cells: z.array(z.object({ weekday: z.number().int(), hour: z.number().int(), count: z.number().int() })),
});

const rates = z.object(
  Object.fromEntries(KPI_RATES.map((k) => [k, z.number().nullable()])) as Record<
    (typeof KPI_RATES)[number],
    z.ZodNullable<z.ZodNumber>
  >,
);
const kpiRowSchema = z.object({
  key: z.string().nullable(),
  name: z.string().nullable(),
  received: z.number().int(),
  closed: z.number().int(),
  frontline: z.number().int(),
  escalated: z.number().int(),
  escalations: z.number().int(),
  escalationsReviewed: z.number().int(),
  escalationsJustified: z.number().int(),
  reopened: z.number().int(),
  repeats: z.number().int(),
  major: z.number().int(),
  crisis: z.number().int(),
  seriousResolved: z.number().int(),
  resolved: z.number().int(),
  replySettled: z.number().int(),
  replyOnTime: z.number().int(),
  resolutionSettled: z.number().int(),
  resolutionOnTime: z.number().int(),
  rates,
  avgResolveHours: z.number().nullable(),
  p90ResolveHours: z
    .number()
    .nullable()
    .describe('Upper bound of the hour (under 3 days) or day bucket holding the 90th percentile'),
  p90Over30Days: z.boolean(),
  seriousAvgResolveHours: z.number().nullable(),
});
const kpiSchema = z.object({
  from: z.string(),
  to: z.string(),
  groupBy: z.enum(KPI_DIMENSIONS),
  rows: z.array(kpiRowSchema),
  targets: rates.partial(),
});

const xlsxNote = ' With format=xlsx the same figures come as an Excel workbook.';

export function reportRoutes(app: App, deps: RouteDeps): void {
  const db = deps.database.db;

  /** Authorized, the period checked, the filters with an agent's team restriction applied. */
  const filteredReport = async (req: FastifyRequest & { query: PeriodQuery & FilterQuery }) => {
    const { actor } = commandContext(deps, req);
    authorize(actor, 'report:view');
    const range = checkedRange(req.query);
    const settings = await reportSettings(db);
    const filters = filtersOf(req.query);
    filters.team = restrictedTeam(actor, settings.agentsTeamOnly, filters.team) ?? filters.team;
    return { range, settings, filters };
  };

  app.get(
    '/reports/category-distribution',
    {
      schema: {
        tags: ['reports'],
        summary: 'Complaints received in a period by category, with counts and shares',
        description: `From and to are inclusive days cut in the report time zone. Every row can be drilled into with GET /complaints?categoryId=…&receivedFrom=…&receivedTo=….${xlsxNote}`,
        querystring: periodQuery.extend(filterQuery.shape).extend({
          level: z.coerce
            .number()
            .int()
            .min(1)
            .max(6)
            .default(1)
            .describe('Level of the category tree (1 = top)'),
        }),
        response: { 200: distributionSchema, ...queryErrors },
      },
    },
    async (req, reply) => {
      const { range, settings, filters } = await filteredReport(req);
      const r = await categoryDistribution(db, {
        range,
        level: req.query.level,
        filters,
        timeZone: settings.timeZone,
      });
      const body = { ...range, ...r };
      if (req.query.format === 'xlsx')
        return sendWorkbook(reply, `投诉类别分布_${range.from}_${range.to}`, distributionSheets(body));
      return body;
    },
  );

  app.get(
    '/reports/trend',
    {
      schema: {
        tags: ['reports'],
        summary:
          'Complaints per day, week or month with growth, year-over-year growth and the complaint ratio',
        description: `Growth compares each period with the same span one period earlier (the first one too). Weeks are ISO weeks (Monday to Sunday); the first and last period are clipped to the range.${xlsxNote}`,
        querystring: periodQuery.extend(filterQuery.shape).extend({
          interval: z.enum(INTERVALS).default('day'),
          ratio: z
            .enum(['customers', 'transactions'])
            .optional()
            .describe('Add the complaints per 10,000 customers or transactions'),
        }),
        response: { 200: trendSchema, ...queryErrors },
      },
    },
    async (req, reply) => {
      const { range, settings, filters } = await filteredReport(req);
      const r = await trendReport(db, {
        range,
        interval: req.query.interval,
        filters,
        timeZone: settings.timeZone,
        ratio: req.query.ratio,
      });
      const body = { ...range, interval: req.query.interval, ...r };
      if (req.query.format === 'xlsx')
        return sendWorkbook(reply, `投诉趋势_${range.from}_${range.to}`, trendSheets(body));
      return body;
    },
  );

  app.get(
    '/reports/heatmap',
    {
      schema: {
        tags: ['reports'],
        summary: 'Complaints by weekday and hour of arrival',
        description: `Weekday 1 is Monday; hours in the report time zone.${xlsxNote}`,
        querystring: periodQuery.extend(filterQuery.shape),
        response: { 200: heatmapSchema, ...queryErrors },
      },
    },
    async (req, reply) => {
      const { range, settings, filters } = await filteredReport(req);
      const r = await heatmapReport(db, { range, filters, timeZone: settings.timeZone });
      const body = { ...range, ...r };
      if (req.query.format === 'xlsx')
        return sendWorkbook(reply, `来电时段_${range.from}_${range.to}`, heatmapSheets(body));
      return body;
    },
  );

  app.get(
    '/reports/kpis',
    {
      schema: {
        tags: ['reports'],
        summary: 'The KPIs of complaint management for the complaints received in a period',
        description: `Front-line resolution, escalation rate and justified share, repeat complaints, major and crisis complaints, reply and resolution deadline compliance, reopen rate, average and p90 time to resolve — overall or by team, owner (首问), responsible department or category. The p90 is not given by owner.${xlsxNote}`,
        querystring: periodQuery.extend({
          groupBy: z.enum(KPI_DIMENSIONS).default('all'),
          level: z.coerce
            .number()
            .int()
            .min(1)
            .max(6)
            .default(1)
            .describe('Level of the category tree, with groupBy=category'),
        }),
        response: { 200: kpiSchema, ...queryErrors },
      },
    },
    async (req, reply) => {
      const { actor } = commandContext(deps, req);
      authorize(actor, 'report:view');
      const range = checkedRange(req.query);
      const settings = await reportSettings(db);
      const team = restrictedTeam(actor, settings.agentsTeamOnly);
      if (team !== undefined && (req.query.groupBy === 'department' || req.query.groupBy === 'category')) {
        throw new DomainError('FORBIDDEN', 'You may see your own team’s figures only, overall or by agent', {
          reason: 'report:team',
        });
      }
      const r = await kpiReport(db, { range, groupBy: req.query.groupBy, level: req.query.level, team });
      const body = { ...range, ...r };
      if (req.query.format === 'xlsx')
        return sendWorkbook(reply, `投诉管理指标_${range.from}_${range.to}`, kpiSheets(body));
      return body;
    },
  );
}
