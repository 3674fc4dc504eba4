// 受理: a complaint arrives through a channel. Taken by an agent on a call, read back and
// confirmed, with at least one demand, it is accepted at once and the agent owns it (首问负责制).
// Otherwise it waits as `new` in the intake queue.
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { type AuditEntry, recordAudits } from '../db/repositories/audit.ts';
import { findCategory } from '../db/repositories/categories.ts';
import type { ComplaintDetail } from '../db/repositories/complaint-detail.ts';
import { nextDailySequence } from '../db/repositories/complaints.ts';
import { findOrCreateCustomer } from '../db/repositories/customers.ts';
import { findRepeatOf } from '../db/repositories/repeat-complaints.ts';
import { timingConfig } from '../db/repositories/timing-config.ts';
import type { Database } from '../db/schema.ts';
import { decideTransition } from '../domain/complaint-lifecycle.ts';
import { chinaDay, formatComplaintNumber } from '../domain/complaint-number.ts';
import { DEFAULT_TIERS } from '../domain/default-organisation.ts';
import { DomainError, invalid } from '../domain/errors.ts';
import { normalisePhone } from '../domain/phone.ts';
import type {
  Channel,
  CustomerMotive,
  CustomerType,
  DemandType,
  DissatisfactionLevel,
  Severity,
} from '../domain/vocabulary.ts';
import { assertCustomerTypeJudgement } from '../policies/judgements.ts';
import { authorize } from '../policies/permissions.ts';
import type { CommandContext } from './context.ts';
import { noteFirstComplaint } from './first-complaint.ts';
import { deadlineAudits, planDeadlines, writeDeadlines } from './sync-deadlines.ts';

export interface CreateComplaintInput {
  customer: { phone: string; name?: string | null | undefined };
  channel: Channel;
  description: string;
  categoryId?: string | null | undefined;
  product?: string | null | undefined;
  severity?: Severity | undefined;
  dissatisfaction?: DissatisfactionLevel | null | undefined;
  customerType?: CustomerType | null | undefined;
  customerMotive?: CustomerMotive | null | undefined;
  confirmed?: boolean | undefined;
  receivedAt?: Date | undefined;
  demands: Array<{ type: DemandType; description: string }>;
}

export interface CreateComplaintResult {
  complaintId: string;
  /** True when an earlier request with the same Idempotency-Key created it. */
  replayed: boolean;
  /** The complaint as this request created it (absent on a replay): no need to read it back. */
  created?: ComplaintDetail;
}

/** Allowed clock skew between a channel's clock and ours for `receivedAt`. */
const FUTURE_TOLERANCE_MS = 60_000;

class IdempotentReplay extends Error {}

export async function createComplaint(
  ctx: CommandContext,
  input: CreateComplaintInput,
  idempotencyKey?: string,
): Promise<CreateComplaintResult> {
  authorize(ctx.actor, 'complaint:create');
  const phone = normalisePhone(input.customer.phone);
  if (!phone)
    throw invalid([{ field: 'customer.phone', message: 'not a Chinese mobile, landline or 400/800 number' }]);
  const receivedAt = input.receivedAt ?? ctx.now;
  if (receivedAt.getTime() > ctx.now.getTime() + FUTURE_TOLERANCE_MS) {
    throw invalid([{ field: 'receivedAt', message: 'cannot be in the future' }]);
  }
  const category = input.categoryId ? await findCategory(ctx.db, input.categoryId) : undefined;
  if (input.categoryId && !category?.active) {
    throw invalid([{ field: 'categoryId', message: 'unknown category' }]);
  }
  assertCustomerTypeJudgement(ctx.actor, input.customerType ?? null);

  const requestHash = createHash('sha256').update(JSON.stringify(input)).digest('hex');
  const actor = ctx.actor;
  const accept = decideTransition(
    {
      status: 'new',
      severity: input.severity ?? 'normal',
      confirmed: input.confirmed === true,
      summary: null,
      demands: input.demands.map((_, i) => ({ id: String(i), status: 'open', customerInformed: false })),
      analysed: false,
    },
    { action: 'accept' },
  ).ok;

  if (idempotencyKey) {
    const earlier = await findIdempotencyKey(ctx.db, actor.id, idempotencyKey);
    if (earlier) return replay(earlier, requestHash);
  }
  // On PostgreSQL the day's counter is bumped before the transaction, in its own statement, so
  // its row is locked for one statement rather than for every insert (and no transaction ever
  // waits for a second pooled connection). A failed insert leaves a gap in the numbers, as
  // invoice-style numbering does. PGlite has one connection and is serial anyway: there the
  // number is taken inside the transaction.
  const day = chinaDay(ctx.now);
  const allocate = async (db: Kysely<Database>) =>
    formatComplaintNumber(day, await nextDailySequence(db, day));
  const preallocated = ctx.dbKind === 'postgres' ? await allocate(ctx.db) : null;
  const config = await timingConfig(ctx.db);

  try {
    const created = await ctx.db.transaction().execute(async (tx): Promise<ComplaintDetail> => {
      if (idempotencyKey) {
        const claimed = await tx
          .insertInto('idempotency_keys')
          .values({ user_id: actor.id, key: idempotencyKey, request_hash: requestHash })
          .onConflict((oc) => oc.columns(['user_id', 'key']).doNothing())
          .returning('key')
          .executeTakeFirst();
        if (!claimed) throw new IdempotentReplay();
      }
      const number = preallocated ?? (await allocate(tx));
      const customer = await findOrCreateCustomer(tx, phone, input.customer.name?.trim() || null, ctx.now);
      // 常见投诉不重复: the same customer on the same category within the window is a repeat.
      const repeatOf = await findRepeatOf(tx, {
        id: null,
        number,
        customerId: customer.id,
        categoryId: input.categoryId ?? null,
        receivedAt,
      });
      // The deadlines are planned before the insert, so the complaint is written once, with them.
      const plan = planDeadlines(
        config,
        {
          severity: input.severity ?? 'normal',
          category_id: input.categoryId ?? null,
          channel: input.channel,
          status: accept ? 'accepted' : 'new',
          received_at: receivedAt,
          accepted_at: accept ? ctx.now : null,
          resolved_at: null,
          paused_at: null,
        },
        ctx.now,
        { vipLevel: customer.vip_level, contacts: [], windows: [], existing: [] },
      );
      const complaint = await tx
        .insertInto('complaints')
        .values({
          number,
          customer_id: customer.id,
          contact_phone: phone.normalised,
          channel: input.channel,
          received_at: receivedAt,
          description: input.description,
          category_id: input.categoryId ?? null,
          product: input.product ?? null,
          severity: input.severity ?? 'normal',
          dissatisfaction: input.dissatisfaction ?? null,
          customer_type: input.customerType ?? null,
          customer_motive: input.customerMotive ?? null,
          status: accept ? 'accepted' : 'new',
          confirmed: input.confirmed === true,
          owner_id: accept ? actor.id : null,
          handler_id: actor.role === 'agent' || actor.role === 'specialist' || accept ? actor.id : null,
          team: accept ? actor.team : null,
          created_by: actor.id,
          accepted_at: accept ? ctx.now : null,
          created_at: ctx.now,
          updated_at: ctx.now,
          repeat_of: repeatOf?.id ?? null,
          ...plan.columns,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      const demandRows = input.demands.length
        ? await tx
            .insertInto('demands')
            .values(
              input.demands.map((d, i) => ({
                complaint_id: complaint.id,
                position: i + 1,
                type: d.type,
                description: d.description,
                created_by: actor.id,
                created_at: ctx.now,
              })),
            )
            .returningAll()
            .execute()
        : [];
      const audits: AuditEntry[] = [
        {
          complaintId: complaint.id,
          entity: 'complaint',
          entityId: complaint.id,
          action: 'complaint.created',
          actorId: actor.id,
          at: ctx.now,
          after: {
            number,
            status: complaint.status,
            channel: input.channel,
            severity: input.severity ?? 'normal',
            ...(repeatOf ? { repeat_of: repeatOf.id } : {}),
          },
        },
        ...demandRows.map(
          (d): AuditEntry => ({
            complaintId: complaint.id,
            entity: 'demand',
            entityId: d.id,
            action: 'demand.added',
            actorId: actor.id,
            at: ctx.now,
            after: { type: d.type, description: d.description },
          }),
        ),
      ];
      if (accept) {
        audits.push({
          complaintId: complaint.id,
          entity: 'complaint',
          entityId: complaint.id,
          action: 'complaint.accept',
          actorId: actor.id,
          at: ctx.now,
          before: { status: 'new' },
          after: { status: 'accepted', ownerId: actor.id, confirmed: true },
        });
      }
      const deadlines = await writeDeadlines(tx, complaint.id, plan, [], ctx.now);
      // The first complaint about a new product, tariff or campaign alerts at once (§12).
      await noteFirstComplaint(tx, complaint, ctx.now);
      await recordAudits(tx, [...audits, ...deadlineAudits(complaint.id, plan, ctx.now, actor.id)]);
      if (idempotencyKey) {
        await tx
          .updateTable('idempotency_keys')
          .set({ complaint_id: complaint.id })
          .where('user_id', '=', actor.id)
          .where('key', '=', idempotencyKey)
          .execute();
      }
      const { created: _, ...profile } = customer;
      return {
        complaint,
        demands: demandRows,
        contacts: [],
        timeline: [],
        deadlines,
        commitments: [],
        escalations: [],
        // Tiers are the seeded three (there is no API to change them): no query at intake.
        tierLevels: DEFAULT_TIERS.map((t) => t.level),
        compensations: [],
        workOrders: [],
        customer: profile,
        category: category ? { id: category.id, name: category.name, name_en: category.name_en } : null,
        names: new Map([[actor.id, actor.name]]),
        repeatOf,
        responsibleDepartment: null,
      };
    });
    return { complaintId: created.complaint.id, replayed: false, created };
  } catch (err) {
    if (!(err instanceof IdempotentReplay) || !idempotencyKey) throw err;
    return replay(await findIdempotencyKey(ctx.db, actor.id, idempotencyKey), requestHash);
  }
}

function findIdempotencyKey(db: Kysely<Database>, userId: string, key: string) {
  return db
    .selectFrom('idempotency_keys')
    .select(['request_hash', 'complaint_id'])
    .where('user_id', '=', userId)
    .where('key', '=', key)
    .executeTakeFirst();
}

function replay(
  row: { request_hash: string; complaint_id: string | null } | undefined,
  requestHash: string,
): CreateComplaintResult {
  if (!row?.complaint_id) {
    throw new DomainError(
      'CONFLICT',
      'A request with this Idempotency-Key is still being processed; retry shortly',
    );
  }
  if (row.request_hash !== requestHash) {
    throw new DomainError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used for a different request', {
      field: 'Idempotency-Key',
    });
  }
  return { complaintId: row.complaint_id, replayed: true };
}
