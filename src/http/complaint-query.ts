// The query string of the complaint list and its counts: one set of filters, turned into the
// repository's filters for the caller, and the list's opaque keyset cursor.
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { categoryWithDescendants } from '../db/repositories/categories.ts';
import type { ComplaintFilters, ListCursor, ListSort } from '../db/repositories/complaint-list.ts';
import { findCustomerIdByPhone } from '../db/repositories/customers.ts';
import type { Database } from '../db/schema.ts';
import { invalid } from '../domain/errors.ts';
import { normalisePhone } from '../domain/phone.ts';
import { CAUSES, CUSTOMER_TYPES } from '../domain/vocabulary.ts';
import type { Actor } from '../policies/actor.ts';
import { channel, complaintStatus, instant, listParam, severity } from './schemas.ts';

/** The filters the list and the counts share. */
export const complaintFilterQuery = z.object({
  severity: listParam(severity),
  categoryId: z.uuid().optional().describe('This category and everything below it'),
  ownerId: z.uuid().optional(),
  handlerId: z.uuid().optional(),
  mine: z
    .enum(['owner', 'handler', 'owned_elsewhere'])
    .optional()
    .describe('Only complaints I own, those I handle, or those I own while someone else handles them'),
  scope: z
    .enum(['mine', 'team', 'tier_queue'])
    .optional()
    .describe(
      'mine: I own or handle it; team: it belongs to my team (nothing when I have no team); tier_queue: escalated to my tier and not yet picked up',
    ),
  phone: z.string().max(32).optional(),
  receivedFrom: instant.optional(),
  receivedTo: instant.optional(),
  text: z.string().trim().min(1).max(200).optional(),
  // Drill-down from the reports: the dimensions a report figure is cut by.
  channel: listParam(channel),
  team: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .describe('This team only (within what the caller may see; with scope=team it must be their own)'),
  product: z.string().trim().min(1).max(200).optional().describe('This product, tariff or campaign (exact)'),
  customerType: listParam(z.enum(CUSTOMER_TYPES)),
  cause: listParam(z.enum(CAUSES)),
  departmentId: z.uuid().optional().describe('The responsible department of the cause analysis'),
  uncategorised: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe('true: only complaints without a category'),
  weekday: z.coerce
    .number()
    .int()
    .min(1)
    .max(7)
    .optional()
    .describe('Received on this day of the week (1 = Monday) in the report time zone'),
  hour: z.coerce
    .number()
    .int()
    .min(0)
    .max(23)
    .optional()
    .describe('Received in this hour of the day (0–23) in the report time zone'),
});

export const complaintListQuery = complaintFilterQuery.extend({
  status: listParam(complaintStatus),
  sort: z
    .enum(['received', 'updated'])
    .default('received')
    .describe('received: by arrival (receivedAt); updated: by last change (updatedAt)'),
  order: z.enum(['asc', 'desc']).default('desc'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional().describe('nextCursor of the previous page, with the same sort'),
});

type FilterQuery = z.output<typeof complaintFilterQuery> & Partial<z.output<typeof complaintListQuery>>;

async function customerIdOf(db: Kysely<Database>, raw: string): Promise<string | null> {
  const phone = normalisePhone(raw);
  if (!phone) {
    throw invalid([{ field: 'query.phone', message: 'not a Chinese mobile, landline or 400/800 number' }]);
  }
  return (await findCustomerIdByPhone(db, phone.normalised))?.customer_id ?? null;
}

/** The repository filters for the caller's query, or null when nothing can match. */
export async function complaintFilters(
  db: Kysely<Database>,
  actor: Actor,
  q: FilterQuery,
): Promise<ComplaintFilters | null> {
  if (q.scope === 'team' && actor.team === null) return null;
  // My team and another team at once: nothing is both.
  if (q.scope === 'team' && q.team !== undefined && q.team !== actor.team) return null;
  const customerId = q.phone ? await customerIdOf(db, q.phone) : undefined;
  if (customerId === null) return null;
  return {
    statuses: q.status,
    severities: q.severity,
    categoryIds: q.categoryId ? await categoryWithDescendants(db, q.categoryId) : undefined,
    ownerId: q.mine === 'owner' || q.mine === 'owned_elsewhere' ? actor.id : q.ownerId,
    handledByOthers: q.mine === 'owned_elsewhere' ? actor.id : undefined,
    tierQueue: q.scope === 'tier_queue' ? (actor.tierLevel ?? 1) : undefined,
    handlerId: q.mine === 'handler' ? actor.id : q.handlerId,
    involvedUserId: q.scope === 'mine' ? actor.id : undefined,
    team: q.scope === 'team' ? (actor.team ?? undefined) : q.team,
    customerId,
    receivedFrom: q.receivedFrom,
    receivedTo: q.receivedTo,
    text: q.text,
    channels: q.channel,
    product: q.product,
    customerTypes: q.customerType,
    causes: q.cause,
    departmentId: q.departmentId,
    uncategorised: q.uncategorised,
    weekday: q.weekday,
    hour: q.hour,
  };
}

export function encodeCursor(c: ListCursor): string {
  return Buffer.from(JSON.stringify([c.sort, c.at.toISOString(), c.id])).toString('base64url');
}

const cursorTuple = z.tuple([z.enum(['received', 'updated']), z.iso.datetime(), z.uuid()]);

function parseJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return undefined;
  }
}

function cursorIssue(message: string) {
  return invalid([{ field: 'query.cursor', message }]);
}

/** The cursor sent back, which must belong to the sort asked for. */
export function decodeCursor(s: string, sort: ListSort): ListCursor {
  const parsed = cursorTuple.safeParse(parseJson(Buffer.from(s, 'base64url').toString('utf8')));
  if (!parsed.success) throw cursorIssue('not a cursor returned by this API');
  const [key, at, id] = parsed.data;
  if (key !== sort) throw cursorIssue(`a cursor of sort=${key}; start again without it for sort=${sort}`);
  return { sort, at: new Date(at), id };
}
