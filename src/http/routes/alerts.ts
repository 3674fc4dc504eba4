// Early warning (§12): the alerts raised by the volume check and by a new product's first
// complaint, newest first, and their acknowledgement. GET /alerts, GET /alerts/:id,
// POST /alerts/:id/acknowledge.
import { z } from 'zod';
import { acknowledgeAlert, alertNotFound } from '../../commands/alerts.ts';
import { ALERT_KINDS, countAlerts, findAlert, listAlerts } from '../../db/repositories/alerts.ts';
import { authorize } from '../../policies/permissions.ts';
import { decodeInstantCursor, encodeInstantCursor } from '../instant-cursor.ts';
import { alertSchema, presentAlert } from '../presenters/alert.ts';
import { changeErrors, errorSchema, queryErrors } from '../responses.ts';
import { listParam, text } from '../schemas.ts';
import type { App, RouteDeps } from '../server.ts';
import { commandContext } from './context.ts';

const idParams = z.object({ id: z.uuid() });

export function alertRoutes(app: App, deps: RouteDeps) {
  const db = deps.database.db;

  app.get(
    '/alerts',
    {
      schema: {
        tags: ['alerts'],
        summary: 'Early-warning alerts, newest first (supervisors, analysts, admins)',
        querystring: z.object({
          state: z.enum(['open', 'acknowledged']).optional().describe('Both when absent'),
          kind: listParam(z.enum(ALERT_KINDS)),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          cursor: z.string().max(200).optional(),
        }),
        response: {
          200: z.object({
            items: z.array(alertSchema),
            nextCursor: z.string().nullable(),
            counts: z
              .object({ open: z.number().int(), acknowledged: z.number().int() })
              .describe('All alerts of the kinds asked for'),
          }),
          ...queryErrors,
        },
      },
    },
    async (req) => {
      const { actor } = commandContext(deps, req);
      authorize(actor, 'alert:view');
      const q = req.query;
      const cursor = q.cursor ? decodeInstantCursor(q.cursor) : undefined;
      const [rows, counts] = await Promise.all([
        listAlerts(db, { state: q.state, kinds: q.kind, limit: q.limit + 1, cursor }),
        countAlerts(db, q.kind),
      ]);
      const items = rows.slice(0, q.limit);
      const last = items.at(-1);
      return {
        items: items.map(presentAlert),
        nextCursor:
          rows.length > q.limit && last ? encodeInstantCursor({ at: last.raised_at, id: last.id }) : null,
        counts,
      };
    },
  );

  app.get(
    '/alerts/:id',
    {
      schema: {
        tags: ['alerts'],
        summary: 'One alert',
        params: idParams,
        response: { 200: alertSchema, ...queryErrors, 404: errorSchema },
      },
    },
    async (req) => {
      const { actor } = commandContext(deps, req);
      authorize(actor, 'alert:view');
      const alert = await findAlert(db, req.params.id);
      if (!alert) throw alertNotFound();
      return presentAlert(alert);
    },
  );

  app.post(
    '/alerts/:id/acknowledge',
    {
      schema: {
        tags: ['alerts'],
        summary: 'Acknowledge an alert with a note of what was done (supervisors, analysts); once',
        description: 'A second acknowledgement is refused (409 CONFLICT) with who acknowledged it and when.',
        params: idParams,
        body: z.object({ note: text(2000).describe('What was studied, adjusted or answered') }).strict(),
        response: { 200: alertSchema, ...changeErrors },
      },
    },
    async (req) => {
      const ctx = commandContext(deps, req);
      return presentAlert(await acknowledgeAlert(ctx, req.params.id, req.body.note));
    },
  );
}
