import { z } from 'zod';
import { createComplaint } from '../../commands/create-complaint.ts';
import { scopeOf } from '../../commands/mutate-complaint.ts';
import { categoryWithDescendants } from '../../db/repositories/categories.ts';
import { loadComplaintDetail } from '../../db/repositories/complaint-detail.ts';
import { type ListCursor, listComplaints } from '../../db/repositories/complaints.ts';
import { findCustomerIdByPhone } from '../../db/repositories/customers.ts';
import { complaintNotFound, invalid } from '../../domain/errors.ts';
import { normalisePhone } from '../../domain/phone.ts';
import type { Actor } from '../../policies/actor.ts';
import { authorize, authorizeView, complaintVisibility } from '../../policies/permissions.ts';
import { presentComplaint, presentComplaintListItem } from '../presenters/complaint.ts';
import { changeErrors, complaintPageSchema, complaintSchema, errorSchema } from '../responses.ts';
import {
  channel,
  complaintIdParams,
  complaintStatus,
  customerMotive,
  customerType,
  demandInput,
  dissatisfaction,
  instant,
  listParam,
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

const listQuery = z.object({
  status: listParam(complaintStatus),
  severity: listParam(severity),
  categoryId: z.uuid().optional(),
  ownerId: z.uuid().optional(),
  handlerId: z.uuid().optional(),
  mine: z.enum(['owner', 'handler']).optional().describe('Only complaints I own or handle'),
  phone: z.string().max(32).optional(),
  receivedFrom: instant.optional(),
  receivedTo: instant.optional(),
  text: z.string().trim().min(1).max(200).optional(),
  order: z.enum(['asc', 'desc']).default('desc'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional(),
});

const idempotencyHeaders = z.object({
  'idempotency-key': z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe('Retries with the same key return the same complaint'),
});

function encodeCursor(c: ListCursor): string {
  return Buffer.from(JSON.stringify([c.receivedAt.toISOString(), c.id])).toString('base64url');
}

function decodeCursor(s: string): ListCursor {
  try {
    const [at, id] = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as [string, string];
    const receivedAt = new Date(at);
    if (Number.isNaN(receivedAt.getTime()) || !/^[0-9a-f-]{36}$/.test(id)) throw new Error('bad cursor');
    return { receivedAt, id };
  } catch {
    throw invalid([{ field: 'query.cursor', message: 'not a cursor returned by this API' }]);
  }
}

export async function complaintResponse(deps: RouteDeps, actor: Actor, id: string) {
  const detail = await loadComplaintDetail(deps.database.db, id, { withHistory: true });
  if (!detail) throw complaintNotFound();
  return presentComplaint(actor, detail);
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
        .send(presentComplaint(ctx.actor, detail));
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
      return presentComplaint(actor, detail);
    },
  );

  app.get(
    '/complaints',
    {
      schema: {
        tags: ['complaints'],
        summary: 'List complaints the caller may see, newest first, with cursor paging',
        querystring: listQuery,
        response: { 200: complaintPageSchema, 400: errorSchema, 401: errorSchema, 403: errorSchema },
      },
    },
    async (req) => {
      const actor = commandContext(deps, req).actor;
      authorize(actor, 'complaint:list');
      const q = req.query;
      let customerId: string | undefined;
      if (q.phone) {
        const phone = normalisePhone(q.phone);
        if (!phone)
          throw invalid([
            { field: 'query.phone', message: 'not a Chinese mobile, landline or 400/800 number' },
          ]);
        customerId = (await findCustomerIdByPhone(db, phone.normalised))?.customer_id;
        if (!customerId) return { items: [], nextCursor: null };
      }
      const rows = await listComplaints(
        db,
        complaintVisibility(actor),
        {
          statuses: q.status,
          severities: q.severity,
          categoryIds: q.categoryId ? await categoryWithDescendants(db, q.categoryId) : undefined,
          ownerId: q.mine === 'owner' ? actor.id : q.ownerId,
          handlerId: q.mine === 'handler' ? actor.id : q.handlerId,
          customerId,
          receivedFrom: q.receivedFrom,
          receivedTo: q.receivedTo,
          text: q.text,
        },
        { limit: q.limit + 1, order: q.order, cursor: q.cursor ? decodeCursor(q.cursor) : undefined },
      );
      const page = rows.slice(0, q.limit);
      const last = page[page.length - 1];
      return {
        items: page.map((r) => presentComplaintListItem(actor, r)),
        nextCursor:
          rows.length > q.limit && last ? encodeCursor({ receivedAt: last.received_at, id: last.id }) : null,
      };
    },
  );
}
