// Compensations (补偿) as the API shows them: on the complaint page (`compensations[]`), in the
// approval queue and as the answer to a request or decision. Money leaves as a decimal string of
// yuan ("58.00") and as integer fen, never as a float.
import { z } from 'zod';
import type { CompensationWithContext } from '../../db/repositories/compensations.ts';
import type { CompensationRow } from '../../db/schema.ts';
import { COMPENSATION_STATUSES, COMPENSATION_TYPES, formatFen, moneyFen } from '../../domain/compensation.ts';
import { COMPLAINT_STATUSES, DEMAND_TYPES } from '../../domain/vocabulary.ts';
import { iso, presentUserRef } from './people.ts';

const timestamp = z.iso.datetime().describe('ISO 8601, UTC');
// Its own person reference (the same shape as responses.ts's userRef): responses.ts imports
// this schema for the complaint's `compensations[]`, so importing back would be a cycle.
const userRef = z.object({ id: z.uuid(), name: z.string().nullable() });

export const compensationSchema = z
  .object({
    id: z.uuid(),
    complaintId: z.uuid(),
    demandId: z.uuid().describe('The demand (诉求) it answers'),
    type: z.enum(COMPENSATION_TYPES).describe('refund, bill credit, gift, service or other'),
    amount: z
      .string()
      .regex(/^\d+\.\d{2}$/)
      .describe('Yuan with two decimals, exact: "58.00"'),
    amountFen: z.number().int().nonnegative().describe('The same amount in fen (分): 5800'),
    wording: z.string().describe('What the customer was told (补偿, never 赔偿)'),
    status: z
      .enum(COMPENSATION_STATUSES)
      .describe(
        'approved: usable (within the requester’s authority or approved); pending: waits for approval and cannot fulfil its demand; refused; cancelled',
      ),
    requestedBy: userRef,
    requestedAt: timestamp,
    decidedBy: userRef
      .nullable()
      .describe(
        'Who approved, refused or cancelled it; the requester when granted within their own authority',
      ),
    decidedAt: timestamp.nullable(),
    decisionReason: z
      .string()
      .nullable()
      .describe('The reason given with an approval, refusal or cancellation'),
    grantedWithinAuthority: z
      .boolean()
      .describe('Approved at once: the amount and type were within the requester’s own authority'),
    waitingMs: z
      .number()
      .int()
      .nonnegative()
      .nullable()
      .describe('How long a pending compensation has waited for approval; null once decided'),
  })
  .describe('A compensation (补偿) recorded on a demand');

export type CompensationOut = z.input<typeof compensationSchema>;

export function presentCompensation(
  c: CompensationRow,
  names: Map<string, string>,
  now: Date,
): CompensationOut {
  return {
    id: c.id,
    complaintId: c.complaint_id,
    demandId: c.demand_id,
    type: c.type,
    amount: formatFen(moneyFen(c.amount)),
    amountFen: moneyFen(c.amount),
    wording: c.wording,
    status: c.status,
    requestedBy: presentUserRef(c.requested_by, names) as { id: string; name: string | null },
    requestedAt: iso(c.requested_at),
    decidedBy: presentUserRef(c.decided_by, names),
    decidedAt: iso(c.decided_at),
    decisionReason: c.decision_reason,
    grantedWithinAuthority:
      c.status === 'approved' &&
      c.decided_by === c.requested_by &&
      c.decided_at?.getTime() === c.requested_at.getTime(),
    waitingMs: c.status === 'pending' ? Math.max(0, now.getTime() - c.requested_at.getTime()) : null,
  };
}

/** An item of the approval queue (or a complaint's list): the compensation and what it answers. */
export const compensationItemSchema = compensationSchema.extend({
  complaint: z.object({ id: z.uuid(), number: z.string(), status: z.enum(COMPLAINT_STATUSES) }),
  demand: z.object({ id: z.uuid(), type: z.enum(DEMAND_TYPES), description: z.string() }),
});

export function presentCompensationItem(
  c: CompensationWithContext,
  names: Map<string, string>,
  now: Date,
): z.input<typeof compensationItemSchema> {
  return {
    ...presentCompensation(c, names, now),
    complaint: {
      id: c.complaint_id,
      number: c.complaint_number,
      status: c.complaint_status,
    },
    demand: {
      id: c.demand_id,
      type: c.demand_type,
      description: c.demand_description,
    },
  };
}
