import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { createComplaint } from '../../commands/create-complaint.ts';
import { scopeOf } from '../../commands/mutate-complaint.ts';
import { loadComplaintDetail } from '../../db/repositories/complaint-detail.ts';
import {
  countComplaintsByStatus,
  cursorAfter,
  emptyStatusCounts,
  listComplaints,
} from '../../db/repositories/complaint-list.ts';
import { complaintNotFound } from '../../domain/errors.ts';
import type { Actor } from '../../policies/actor.ts';
import { authorize, authorizeView, complaintVisibility } from '../../policies/permissions.ts';
import {
  complaintFilterQuery,
  complaintFilters,
  complaintListQuery,
  decodeCursor,
  encodeCursor,
} from '../complaint-query.ts';
import { presentComplaint, presentComplaintListItem } from '../presenters/complaint.ts';
import {
  changeErrors,
  complaintCountsSchema,
  complaintPageSchema,
  complaintSchema,
  errorSchema,
  queryErrors,
} from '../responses.ts';
import {
  channel,
  complaintIdParams,
  customerMotive,
  customerType,
  demandInput,
  dissatisfaction,
  instant,
  optionalText,
  severity,
  text,
} from '../schemas.ts';
import type { App, RouteDeps } from '../server.ts';
import { commandContext } from './context.ts';

const createBody = z.object({
  customer: z.object({
    phone: z
      .string()
      .trim()
      .min(1)
      .max(32)
      .describe('Mobile, landline with area code, or 400/800; +86 and 0086 accepted'),
    name: z.string().trim().max(100).nullish(),
  }),
  channel,
  description: text(10_000).describe("The customer's own words"),
  categoryId: z.uuid().nullish(),
  product: optionalText(200),
  severity: severity.optional(),
  dissatisfaction,
  customerType,
  customerMotive,
  confirmed: z.boolean().optional().describe('The record was read back to the customer and confirmed (确认)'),
  receivedAt: instant
    .optional()
    .describe('Defaults to now; may be earlier (a mail received before), never later'),
  demands: z.array(demandInput).max(50).default([]),
});

const idempotencyHeaders = z.object({
  'idempotency-key': z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe('Retries with the same key return the same complaint'),
});

export async function complaintResponse(deps: RouteDeps, actor: Actor, id: string) {
  const detail = await loadComplaintDetail(deps.database.db, id, { withHistory: true });
  if (!detail) throw complaintNotFound();
  return presentComplaint(actor, detail, deps.clock());
}

export function complaintRoutes(app: App, deps: RouteDeps) {
  const { db } = deps.database;

  app.post(
    '/complaints',
    {
      schema: {
        tags: ['complaints'],
        summary: 'Take a complaint (受理)',
        description:
          'Taken by an agent with at least one demand and "confirmed": true, the complaint is accepted at once and the agent owns it; otherwise it is new.',
        body: createBody,
        headers: idempotencyHeaders,
        response: { 201: complaintSchema, ...changeErrors },
      },
    },
    async (req, reply) => {
      const ctx = commandContext(deps, req);
      const { complaintId, replayed, created } = await createComplaint(
        ctx,
        req.body,
        req.headers['idempotency-key'],
      );
      const detail = created ?? (await loadComplaintDetail(db, complaintId, { withHistory: false }));
      if (!detail) throw complaintNotFound();
      if (replayed) reply.header('idempotent-replayed', 'true');
      return reply
        .code(201)
        .header('location', `/api/v1/complaints/${complaintId}`)
        .send(presentComplaint(ctx.actor, detail, ctx.now));
    },
  );

  app.get(
    '/complaints/:id',
    {
      schema: {
        tags: ['complaints'],
        summary: 'A complaint with its demands, contacts and timeline',
        params: complaintIdParams,
        response: { 200: complaintSchema, 400: errorSchema, 401: errorSchema, 404: errorSchema },
      },
    },
    async (req) => {
      const actor = commandContext(deps, req).actor;
      const detail = await loadComplaintDetail(db, req.params.id, {
        withHistory: true,
        check: (c) => authorizeView(actor, scopeOf(c)),
      });
      if (!detail) throw complaintNotFound();
      return presentComplaint(actor, detail, deps.clock());
    },
  );

  /** The caller, who must have the list, and the filters of their query (null: nothing matches). */
  const listing = async (req: FastifyRequest, q: Parameters<typeof complaintFilters>[2]) => {
    const actor = commandContext(deps, req).actor;
    authorize(actor, 'complaint:list');
    return { actor, visibility: complaintVisibility(actor), filters: await complaintFilters(db, actor, q) };
  };

  app.get(
    '/complaints',
    {
      schema: {
        tags: ['complaints'],
        summary:
          'List complaints the caller may see, newest first by arrival or last change, with cursor paging',
        querystring: complaintListQuery,
        response: { 200: complaintPageSchema, ...queryErrors },
      },
    },
    async (req) => {
      const q = req.query;
      const { actor, visibility, filters } = await listing(req, q);
      if (!filters) return { items: [], nextCursor: null };
      const cursor = q.cursor ? decodeCursor(q.cursor, q.sort) : undefined;
      const page = { limit: q.limit + 1, order: q.order, sort: q.sort, cursor };
      const rows = await listComplaints(db, visibility, filters, page);
      const items = rows.slice(0, q.limit);
      const last = items[items.length - 1];
      return {
        items: items.map((r) => presentComplaintListItem(actor, r, deps.clock())),
        nextCursor: rows.length > q.limit && last ? encodeCursor(cursorAfter(last, q.sort)) : null,
      };
    },
  );

  app.get(
    '/complaints/counts',
    {
      schema: {
        tags: ['complaints'],
        summary: 'How many complaints the caller may see are in each status, under the list filters',
        querystring: complaintFilterQuery,
        response: { 200: complaintCountsSchema, ...queryErrors },
      },
    },
    async (req) => {
      const { visibility, filters } = await listing(req, req.query);
      const byStatus = filters ? await countComplaintsByStatus(db, visibility, filters) : emptyStatusCounts();
      return { byStatus, total: Object.values(byStatus).reduce((sum, n) => sum + n, 0) };
    },
  );
}
