// Escalation up a tier (with one of five reasons), hand-back down, take-over by a supervisor,
// the difficult-caller flag, and the supervisors' review of escalations.
import { z } from 'zod';
import {
  escalateComplaint,
  flagDifficultCaller,
  pickUpComplaint,
  returnEscalation,
  reviewEscalation,
  takeOverComplaint,
} from '../../commands/escalations.ts';
import { type EscalationQueueRow, escalationQueue } from '../../db/repositories/escalations.ts';
import { DomainError } from '../../domain/errors.ts';
import { ESCALATION_REASONS, ESCALATION_REVIEWS } from '../../domain/escalation.ts';
import { decodeInstantCursor, encodeInstantCursor } from '../instant-cursor.ts';
import { changeErrors, complaintSchema, queryErrors, userRef } from '../responses.ts';
import { complaintIdParams, text, version } from '../schemas.ts';
import type { App, RouteDeps } from '../server.ts';
import { complaintResponse } from './complaints.ts';
import { commandContext } from './context.ts';

const escalateBody = z.object({
  version,
  reason: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .describe(
      `One of ${ESCALATION_REASONS.join(', ')}. Anything else is refused with 422 ESCALATION_REASON_INVALID, which explains why (a skill problem is not a reason).`,
    ),
  note: text(2000).describe('What the higher tier needs to know'),
  handlerId: z
    .uuid()
    .optional()
    .describe("A person of the next tier; without one it waits in the tier's queue"),
});

const timestamp = z.iso.datetime();
const queueItem = z.object({
  id: z.uuid(),
  reason: z.enum(ESCALATION_REASONS).nullable(),
  note: z.string(),
  fromLevel: z.number().int(),
  toLevel: z.number().int(),
  fromHandler: userRef.nullable(),
  toHandler: userRef.nullable(),
  automatic: z.boolean(),
  createdBy: userRef.nullable(),
  createdAt: timestamp,
  review: z.enum(ESCALATION_REVIEWS).nullable(),
  reviewComment: z.string().nullable(),
  reviewedBy: userRef.nullable(),
  reviewedAt: timestamp.nullable(),
  complaint: z.object({
    id: z.uuid(),
    number: z.string(),
    severity: z.string(),
    status: z.string(),
    team: z.string().nullable(),
    owner: userRef.nullable(),
  }),
});

const ref = (id: string | null, name: string | null) => (id ? { id, name } : null);

function presentQueueItem(r: EscalationQueueRow): z.input<typeof queueItem> {
  return {
    id: r.id,
    reason: r.reason,
    note: r.note,
    fromLevel: r.from_level,
    toLevel: r.to_level,
    fromHandler: ref(r.from_handler_id, r.from_handler_name),
    toHandler: ref(r.to_handler_id, r.to_handler_name),
    automatic: r.automatic,
    createdBy: ref(r.created_by, r.created_by_name),
    createdAt: r.created_at.toISOString(),
    review: r.review,
    reviewComment: r.review_comment,
    reviewedBy: ref(r.reviewed_by, r.reviewed_by_name),
    reviewedAt: r.reviewed_at?.toISOString() ?? null,
    complaint: {
      id: r.complaint_id,
      number: r.number,
      severity: r.severity,
      status: r.status,
      team: r.team,
      owner: ref(r.owner_id, r.owner_name),
    },
  };
}

const REVIEWERS = ['supervisor', 'analyst', 'admin'];

export function escalationRoutes(app: App, deps: RouteDeps) {
  const db = deps.database.db;
  app.post(
    '/complaints/:id/escalations',
    {
      schema: {
        tags: ['escalations'],
        summary: 'Escalate to the next tier, for a reason; the owner stays, the handler changes',
        params: complaintIdParams,
        body: escalateBody,
        response: { 201: complaintSchema, ...changeErrors },
      },
    },
    async (req, reply) => {
      const ctx = commandContext(deps, req);
      const id = await escalateComplaint(ctx, req.params.id, req.body);
      return reply.code(201).send(await complaintResponse(deps, ctx.actor, id));
    },
  );

  app.post(
    '/complaints/:id/escalations/:escalationId/return',
    {
      schema: {
        tags: ['escalations'],
        summary:
          'Hand an escalated complaint back to the tier and person that escalated it, with instructions',
        params: complaintIdParams.extend({ escalationId: z.uuid() }),
        body: z.object({ version, instructions: text(2000) }),
        response: { 200: complaintSchema, ...changeErrors },
      },
    },
    async (req) => {
      const ctx = commandContext(deps, req);
      const id = await returnEscalation(ctx, req.params.id, req.params.escalationId, req.body);
      return complaintResponse(deps, ctx.actor, id);
    },
  );

  app.post(
    '/complaints/:id/pick-up',
    {
      schema: {
        tags: ['escalations'],
        summary: "Take a complaint from the queue of one's own tier: the picker becomes its handler",
        params: complaintIdParams,
        body: z.object({ version }),
        response: { 200: complaintSchema, ...changeErrors },
      },
    },
    async (req) => {
      const ctx = commandContext(deps, req);
      const id = await pickUpComplaint(ctx, req.params.id, req.body);
      return complaintResponse(deps, ctx.actor, id);
    },
  );

  app.post(
    '/complaints/:id/take-over',
    {
      schema: {
        tags: ['escalations'],
        summary: 'A supervisor takes the complaint over (recorded)',
        params: complaintIdParams,
        body: z.object({ version, note: text(2000) }),
        response: { 200: complaintSchema, ...changeErrors },
      },
    },
    async (req) => {
      const ctx = commandContext(deps, req);
      const id = await takeOverComplaint(ctx, req.params.id, req.body);
      return complaintResponse(deps, ctx.actor, id);
    },
  );

  app.post(
    '/complaints/:id/difficult-caller',
    {
      schema: {
        tags: ['escalations'],
        summary: 'Flag an abusive or threatening caller: the supervisors are told at once (员工的保护)',
        params: complaintIdParams,
        body: z.object({ version, reason: text(2000) }),
        response: { 200: complaintSchema, ...changeErrors },
      },
    },
    async (req) => {
      const ctx = commandContext(deps, req);
      const id = await flagDifficultCaller(ctx, req.params.id, req.body);
      return complaintResponse(deps, ctx.actor, id);
    },
  );

  app.get(
    '/escalations',
    {
      schema: {
        tags: ['escalations'],
        summary: 'Escalations to review (supervisors), oldest first',
        querystring: z.object({
          review: z.enum(['pending', 'done', 'all']).default('pending'),
          team: z.string().trim().min(1).max(100).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          cursor: z.string().max(200).optional(),
        }),
        response: {
          200: z.object({ items: z.array(queueItem), nextCursor: z.string().nullable() }),
          ...queryErrors,
        },
      },
    },
    async (req) => {
      const { actor } = commandContext(deps, req);
      if (!REVIEWERS.includes(actor.role))
        throw new DomainError('FORBIDDEN', 'Your role may not see the review queue');
      const q = req.query;
      const cursor = q.cursor ? decodeInstantCursor(q.cursor) : undefined;
      const rows = await escalationQueue(db, { review: q.review, team: q.team, limit: q.limit + 1, cursor });
      const items = rows.slice(0, q.limit);
      const last = items.at(-1);
      return {
        items: items.map(presentQueueItem),
        nextCursor:
          rows.length > q.limit && last ? encodeInstantCursor({ at: last.created_at, id: last.id }) : null,
      };
    },
  );

  app.post(
    '/escalations/:escalationId/review',
    {
      schema: {
        tags: ['escalations'],
        summary: 'Judge an escalation justified or not, with a comment (feeds the escalation reports)',
        params: z.object({ escalationId: z.uuid() }),
        body: z.object({ result: z.enum(ESCALATION_REVIEWS), comment: text(2000) }),
        response: { 200: queueItem, ...changeErrors },
      },
    },
    async (req) => {
      const ctx = commandContext(deps, req);
      await reviewEscalation(ctx, req.params.escalationId, req.body);
      const [row] = await escalationQueue(db, { review: 'all', id: req.params.escalationId, limit: 1 });
      if (!row) throw new DomainError('NOT_FOUND', 'Escalation not found');
      return presentQueueItem(row);
    },
  );
}
