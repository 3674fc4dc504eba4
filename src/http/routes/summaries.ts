// Periodic summaries (daily, weekly, monthly): the list, one summary as JSON or as an Excel
// workbook, and one made (or made again) on demand. The schedule makes them by itself
// (src/jobs/periodic-summaries.ts). Summaries are organisation-wide figures: agents and
// specialists read them only when the report settings open other teams' figures to them.
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { reportSettings } from '../../db/repositories/report-cube.ts';
import { findSummary, listSummaries } from '../../db/repositories/summaries.ts';
import { DomainError, invalid } from '../../domain/errors.ts';
import { isOver, periodStarting, SUMMARY_KINDS } from '../../domain/summary-periods.ts';
import { storeSummary } from '../../jobs/periodic-summaries.ts';
import { authorizeSummaryMake, authorizeSummaryRead } from '../../policies/summaries.ts';
import type { SummaryContent } from '../../reports/summary-content.ts';
import { summaryFileName, summarySheets } from '../../reports/summary-sheets.ts';
import { contentDisposition, workbookBuffer, XLSX_MIME } from '../../reports/xlsx.ts';
import {
  presentSummary,
  presentSummaryItem,
  summaryListSchema,
  summarySchema,
} from '../presenters/summary.ts';
import { changeErrors, errorSchema, queryErrors } from '../responses.ts';
import type { App, RouteDeps } from '../server.ts';
import { commandContext } from './context.ts';

const listQuery = z.object({
  kind: z.enum(SUMMARY_KINDS).optional().describe('day, week or month; all kinds without it'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

const makeBody = z.object({
  kind: z.enum(SUMMARY_KINDS),
  periodStart: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
    .describe('The first day of the period: any day, a Monday (ISO week) or the 1st (month)'),
  regenerate: z
    .boolean()
    .default(false)
    .describe('Make it again and replace the stored one (otherwise an existing one is 409)'),
});

/** Its time in the report time zone, for the workbook: 2026-11-23 00:00:05. */
function localDateTime(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(at);
}

export function summaryRoutes(app: App, deps: RouteDeps): void {
  const db = deps.database.db;

  app.get(
    '/summaries',
    {
      schema: {
        tags: ['reports'],
        summary: 'Periodic summaries, newest period first',
        description:
          'Daily, weekly (ISO week, Monday to Sunday) and monthly summaries, made by the schedule once the period is over in the report time zone, or on demand. Agents and specialists get 403 while report_settings.agents_team_only is set: summaries are every team’s figures.',
        querystring: listQuery,
        response: { 200: summaryListSchema, ...queryErrors },
      },
    },
    async (req) => {
      const { actor } = commandContext(deps, req);
      authorizeSummaryRead(actor, (await reportSettings(db)).agentsTeamOnly);
      const { rows, total } = await listSummaries(db, req.query);
      return { items: rows.map(presentSummaryItem), total };
    },
  );

  app.get(
    '/summaries/:id',
    {
      schema: {
        tags: ['reports'],
        summary: 'One summary: its content as JSON, or with format=xlsx as an Excel workbook',
        description:
          'The workbook has one sheet per table (概况, 一级类别, 二级类别, 趋势, 指标, 班组指标, 上升类别, 预警) with Chinese headers; numbers are numbers, shares and rates fractions with a percentage format.',
        params: z.object({ id: z.uuid() }),
        querystring: z.object({ format: z.enum(['json', 'xlsx']).default('json') }),
        response: { 200: summarySchema, 404: errorSchema, ...queryErrors },
      },
    },
    async (req, reply) => {
      const { actor } = commandContext(deps, req);
      authorizeSummaryRead(actor, (await reportSettings(db)).agentsTeamOnly);
      const row = await findSummary(db, req.params.id);
      if (!row) throw new DomainError('NOT_FOUND', 'Summary not found');
      if (req.query.format === 'xlsx') {
        const content = row.content as SummaryContent;
        const buffer = await workbookBuffer(
          summarySheets(content, localDateTime(row.generated_at, row.time_zone)),
        );
        return (reply as FastifyReply)
          .header('content-type', XLSX_MIME)
          .header('content-disposition', contentDisposition(summaryFileName(content)))
          .send(buffer);
      }
      return presentSummary(row);
    },
  );

  app.post(
    '/summaries',
    {
      schema: {
        tags: ['reports'],
        summary: 'Make a summary on demand, or make one again',
        description:
          'Supervisors, analysts and those managing reports. 201: made now. 200: made again (regenerate: true) and replaced. 409 CONFLICT (details.reason summary_exists, details.id): it exists and regenerate was not asked; nothing changed. 400: periodStart does not start a period of the kind, or the period is not over yet in the report time zone. Concurrent requests for one period are made one after the other.',
        body: makeBody,
        response: { 200: summarySchema, 201: summarySchema, ...changeErrors },
      },
    },
    async (req, reply) => {
      const { actor, now } = commandContext(deps, req);
      authorizeSummaryMake(actor);
      const { kind, periodStart, regenerate } = req.body;
      const period = periodStarting(kind, periodStart);
      if (!period) {
        const what = { day: 'a calendar day', week: 'a Monday', month: 'the 1st of a month' }[kind];
        throw invalid([{ field: 'periodStart', message: `a ${kind} starts on ${what}` }]);
      }
      const { timeZone } = await reportSettings(db);
      if (!isOver(period, now, timeZone)) {
        throw invalid([
          {
            field: 'periodStart',
            message: `the period is not over yet (it ends ${period.end}, ${timeZone})`,
          },
        ]);
      }
      const r = await storeSummary(db, period, {
        now,
        timeZone,
        generatedBy: actor.id,
        mode: regenerate ? 'regenerate' : 'create',
      });
      if (r.outcome === 'skipped') throw new Error('an on-demand summary is never skipped');
      if (r.outcome === 'exists') {
        throw new DomainError('CONFLICT', 'This summary exists; ask regenerate: true to make it again', {
          reason: 'summary_exists',
          id: r.summary.id,
        });
      }
      const full = await findSummary(db, r.summary.id);
      if (!full) throw new DomainError('NOT_FOUND', 'Summary not found');
      return reply.code(r.outcome === 'created' ? 201 : 200).send(presentSummary(full));
    },
  );
}
