// Department work orders (内部工单): the handler sends one from a complaint; the department sees
// its own inbox and answers or passes the order on; the handler accepts more time or cancels.
// Department staff see their department's orders only, never the complaint itself.
import { z } from 'zod';
import { scopeOf } from '../../commands/mutate-complaint.ts';
import {
  answerWorkOrder,
  cancelWorkOrder,
  decideExtension,
  passWorkOrder,
  sendWorkOrder,
} from '../../commands/work-orders.ts';
import { findComplaint } from '../../db/repositories/complaints.ts';
import {
  findWorkOrder,
  listWorkOrders,
  loadWorkOrderViews,
  type WorkOrderView,
} from '../../db/repositories/work-orders.ts';
import { complaintNotFound, refusalError } from '../../domain/errors.ts';
import {
  departmentMayView,
  WORK_ORDER_OUTCOMES,
  WORK_ORDER_STATUSES,
  workOrderNotFound,
} from '../../domain/work-orders.ts';
import type { Actor } from '../../policies/actor.ts';
import {
  authorize,
  authorizeView,
  canViewComplaint,
  complaintVisibility,
} from '../../policies/permissions.ts';
import { decodeInstantCursor, encodeInstantCursor } from '../instant-cursor.ts';
import { presentWorkOrderView, type WorkOrderOut, workOrderSchema } from '../presenters/work-order.ts';
import { changeErrors, errorSchema, queryErrors } from '../responses.ts';
import { complaintIdParams, instant, listParam, optionalText, text, version } from '../schemas.ts';
import type { App, RouteDeps } from '../server.ts';
import { commandContext } from './context.ts';

const workOrderParams = z.object({ id: z.uuid().describe('Work order id') });

const due = z
  .union([
    z.object({ at: instant }).strict(),
    z.object({ workingDays: z.number().int().positive().max(60) }).strict(),
    z.object({ workingHours: z.number().finite().positive().max(500) }).strict(),
  ])
  .describe(
    'By when: an instant {"at"}, or {"workingDays"} | {"workingHours"} from now on the department\'s calendar (default 2 working days)',
  );

const sendBody = z.object({
  version,
  departmentId: z.uuid().describe('The department asked'),
  request: text(4000).describe('The question asked or the action wanted'),
  facts: optionalText(8000).describe('The facts so far'),
  attachments: z
    .array(z.object({ name: text(200), ref: text(2000) }))
    .max(20)
    .optional()
    .describe('By reference: [{"name","ref"}]'),
  due: due.optional(),
});

const answerBody = z.object({
  outcome: z
    .enum(WORK_ORDER_OUTCOMES)
    .describe('done | verified (facts checked) | cannot | more_time (with newDueAt; the handler decides)'),
  answer: text(8000).describe('What was done or found, or why not, or why more time is needed'),
  newDueAt: instant.nullish().describe('more_time: the date wanted, later than the current due time'),
});

const boolParam = z
  .enum(['true', 'false'])
  .transform((v) => v === 'true')
  .optional();

const listQuery = z.object({
  status: listParam(z.enum(WORK_ORDER_STATUSES)).describe('open, answered, cancelled (comma-separated)'),
  overdue: boolParam.describe('true: open and past the due time'),
  flagged: boolParam.describe('true: passed on more than twice (打太极)'),
  complaintId: complaintIdParams.shape.id
    .optional()
    .describe("One complaint's work orders (handlers, supervisors)"),
  departmentId: z
    .uuid()
    .optional()
    .describe('One department (ignored for department staff: always their own)'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

const pageSchema = z.object({
  items: z.array(workOrderSchema),
  nextCursor: z.string().nullable().describe('Pass as ?cursor= for the next page; null on the last'),
});

const readErrors = { ...queryErrors, 404: errorSchema } as const;

/** Whether `actor` may read this order: their department's, or on a complaint they can see. */
function mayRead(actor: Actor, view: WorkOrderView): boolean {
  if (actor.role === 'department') return departmentMayView(actor, { departmentId: view.row.department_id });
  const c = view.complaint;
  return canViewComplaint(actor, {
    ownerId: c.owner_id,
    handlerId: c.handler_id,
    team: c.team,
    status: c.status,
    tierLevel: c.tier_level,
  });
}

export function workOrderRoutes(app: App, deps: RouteDeps) {
  const db = deps.database.db;

  /** The order as the actor sees it now; `own` answers the action the actor just took. */
  async function respond(actor: Actor, id: string, own = false): Promise<WorkOrderOut> {
    const row = await findWorkOrder(db, id);
    const [view] = row ? await loadWorkOrderViews(db, [row]) : [];
    if (!view || (!own && !mayRead(actor, view))) throw refusalError(workOrderNotFound());
    return presentWorkOrderView(view, actor, deps.clock());
  }

  app.post(
    '/complaints/:id/work-orders',
    {
      schema: {
        tags: ['work orders'],
        summary: 'Send a work order (内部工单) to a department',
        description:
          "A change to the complaint: send the version you read; the complaint's version moves and its timeline gets work_order.sent. The due time is counted on the department's calendar. Refused on a closed complaint.",
        params: complaintIdParams,
        body: sendBody,
        response: { 201: workOrderSchema, ...changeErrors },
      },
    },
    async (req, reply) => {
      const ctx = commandContext(deps, req);
      const body = req.body;
      const id = await sendWorkOrder(ctx, req.params.id, {
        version: body.version,
        departmentId: body.departmentId,
        request: body.request,
        facts: body.facts,
        attachments: body.attachments,
        due: body.due as { at: Date } | { workingDays: number } | { workingHours: number } | undefined,
      });
      return reply.code(201).send(await respond(ctx.actor, id));
    },
  );

  app.get(
    '/work-orders',
    {
      schema: {
        tags: ['work orders'],
        summary: "Work orders, soonest due first: a department's inbox, or a complaint's orders",
        description:
          "Department staff see their own department's orders only. Handlers may filter by complaintId (a complaint they can see); supervisors, analysts and admins see all; agents and specialists without complaintId see the orders of the complaints they own, handle or share a team with.",
        querystring: listQuery,
        response: { 200: pageSchema, ...readErrors },
      },
    },
    async (req) => {
      const { actor, now } = commandContext(deps, req);
      const q = req.query;
      let departmentId = q.departmentId;
      let complaintId: string | undefined;
      let visibility = complaintVisibility(actor);
      if (actor.role === 'department') {
        authorize(actor, 'work_order:answer');
        if (!actor.departmentId) return { items: [], nextCursor: null };
        departmentId = actor.departmentId;
        if (q.complaintId) {
          const c = await findComplaint(db, q.complaintId);
          if (!c) return { items: [], nextCursor: null };
          complaintId = c.id;
        }
      } else {
        authorize(actor, 'complaint:list');
        if (q.complaintId) {
          const c = await findComplaint(db, q.complaintId);
          if (!c) throw complaintNotFound();
          authorizeView(actor, scopeOf(c));
          complaintId = c.id;
          visibility = { kind: 'all' };
        }
      }
      const cursor = q.cursor ? decodeInstantCursor(q.cursor) : undefined;
      const rows = await listWorkOrders(db, {
        departmentId,
        complaintId,
        visibility,
        statuses: q.status,
        overdue: q.overdue,
        flagged: q.flagged,
        now,
        limit: q.limit + 1,
        cursor,
      });
      const page = rows.slice(0, q.limit);
      const views = await loadWorkOrderViews(db, page);
      const last = page.at(-1);
      return {
        items: views.map((v) => presentWorkOrderView(v, actor, now)),
        nextCursor:
          rows.length > q.limit && last ? encodeInstantCursor({ at: last.due_at, id: last.id }) : null,
      };
    },
  );

  app.get(
    '/work-orders/:id',
    {
      schema: {
        tags: ['work orders'],
        summary: 'A work order',
        description:
          "Department staff read their own department's orders (another department's is not found); others, the orders of complaints they can see.",
        params: workOrderParams,
        response: { 200: workOrderSchema, ...readErrors },
      },
    },
    async (req) => {
      const { actor } = commandContext(deps, req);
      return respond(actor, req.params.id);
    },
  );

  app.post(
    '/work-orders/:id/answer',
    {
      schema: {
        tags: ['work orders'],
        summary: 'Answer a work order (department staff)',
        description:
          'done, verified and cannot answer it for good; more_time asks for newDueAt (later than the current due time), which the handler accepts or declines.',
        params: workOrderParams,
        body: answerBody,
        response: { 200: workOrderSchema, ...changeErrors },
      },
    },
    async (req) => {
      const ctx = commandContext(deps, req);
      const id = await answerWorkOrder(ctx, req.params.id, req.body);
      return respond(ctx.actor, id, true);
    },
  );

  app.post(
    '/work-orders/:id/extension',
    {
      schema: {
        tags: ['work orders'],
        summary: "Accept or decline the department's request for more time (the complaint's handler)",
        description:
          'Accepting moves the due time to the requested date and re-plans the warning and breach.',
        params: workOrderParams,
        body: z.object({ accept: z.boolean(), note: optionalText(2000) }),
        response: { 200: workOrderSchema, ...changeErrors },
      },
    },
    async (req) => {
      const ctx = commandContext(deps, req);
      const id = await decideExtension(ctx, req.params.id, req.body);
      return respond(ctx.actor, id, true);
    },
  );

  app.post(
    '/work-orders/:id/pass',
    {
      schema: {
        tags: ['work orders'],
        summary: 'Pass a work order on to another department (department staff), with the reason',
        description:
          "Recorded in passes[]; the new department's due time is counted on its own calendar. Passed on more than twice, the order is flagged and the supervisors are told (打太极).",
        params: workOrderParams,
        body: z.object({ departmentId: z.uuid(), reason: text(2000) }),
        response: { 200: workOrderSchema, ...changeErrors },
      },
    },
    async (req) => {
      const ctx = commandContext(deps, req);
      const id = await passWorkOrder(ctx, req.params.id, req.body);
      return respond(ctx.actor, id, true);
    },
  );

  app.post(
    '/work-orders/:id/cancel',
    {
      schema: {
        tags: ['work orders'],
        summary: "Cancel a work order, with the reason (the complaint's handler)",
        params: workOrderParams,
        body: z.object({ reason: text(2000) }),
        response: { 200: workOrderSchema, ...changeErrors },
      },
    },
    async (req) => {
      const ctx = commandContext(deps, req);
      const id = await cancelWorkOrder(ctx, req.params.id, req.body);
      return respond(ctx.actor, id, true);
    },
  );
}
