// Edits the record of a complaint: the facts as verified, its classification and judgements.
// Every change is kept in the timeline with its old value.
import type { Updateable } from 'kysely';
import { diff, recordAudit } from '../db/repositories/audit.ts';
import { findCategory } from '../db/repositories/categories.ts';
import { findRepeatOf } from '../db/repositories/repeat-complaints.ts';
import type { ComplaintsTable } from '../db/schema.ts';
import { factsVerified } from '../domain/cause-analysis.ts';
import { DomainError, invalid } from '../domain/errors.ts';
import type {
  CustomerMotive,
  CustomerType,
  DissatisfactionLevel,
  ResolutionClass,
  Severity,
} from '../domain/vocabulary.ts';
import { assertCustomerTypeJudgement } from '../policies/judgements.ts';
import type { CommandContext } from './context.ts';
import { noteFirstComplaint } from './first-complaint.ts';
import { mutateComplaint, NO_CHANGE } from './mutate-complaint.ts';

export interface UpdateComplaintInput {
  version: number;
  description?: string | undefined;
  verifiedFacts?: string | null | undefined;
  categoryId?: string | null | undefined;
  product?: string | null | undefined;
  severity?: Severity | undefined;
  dissatisfaction?: DissatisfactionLevel | null | undefined;
  customerType?: CustomerType | null | undefined;
  customerMotive?: CustomerMotive | null | undefined;
  resolutionClass?: ResolutionClass | null | undefined;
  summary?: string | null | undefined;
}

const FIELD_COLUMNS = {
  description: 'description',
  verifiedFacts: 'verified_facts',
  categoryId: 'category_id',
  product: 'product',
  severity: 'severity',
  dissatisfaction: 'dissatisfaction',
  customerType: 'customer_type',
  customerMotive: 'customer_motive',
  resolutionClass: 'resolution_class',
  summary: 'summary',
} as const satisfies Record<Exclude<keyof UpdateComplaintInput, 'version'>, keyof ComplaintsTable>;

export async function updateComplaint(
  ctx: CommandContext,
  id: string,
  input: UpdateComplaintInput,
): Promise<string> {
  if (input.customerType !== undefined) assertCustomerTypeJudgement(ctx.actor, input.customerType);
  return mutateComplaint(ctx, id, input.version, async ({ tx, complaint }) => {
    if (complaint.status === 'closed') {
      throw new DomainError('COMPLAINT_CLOSED', 'The complaint is closed; reopen it to change its record', {
        rule: 'closed_is_final',
      });
    }
    if (input.categoryId) {
      const category = await findCategory(tx, input.categoryId);
      if (!category?.active) throw invalid([{ field: 'categoryId', message: 'unknown category' }]);
    }
    const patch: Record<string, unknown> = {};
    for (const [field, column] of Object.entries(FIELD_COLUMNS)) {
      const value = input[field as keyof typeof FIELD_COLUMNS];
      if (value !== undefined) patch[column] = value;
    }
    // Pitfall 5: a judged fault rests on the verified facts; they cannot be taken away beneath it.
    if (
      input.verifiedFacts !== undefined &&
      !factsVerified(input.verifiedFacts) &&
      complaint.company_at_fault !== null
    ) {
      throw new DomainError(
        'FACTS_NOT_VERIFIED',
        "The cause analysis judged the company's fault on these verified facts; change that judgement to not judged before removing them",
        { rule: 'fault_rests_on_facts', field: 'verifiedFacts' },
      );
    }
    // A new category: the complaint may now repeat another one (or no longer repeat one).
    if (input.categoryId !== undefined && (input.categoryId ?? null) !== complaint.category_id) {
      const repeat = await findRepeatOf(tx, {
        id: complaint.id,
        number: complaint.number,
        customerId: complaint.customer_id,
        categoryId: input.categoryId ?? null,
        receivedAt: complaint.received_at,
      });
      patch.repeat_of = repeat?.id ?? null;
    }
    const change = diff(complaint as unknown as Record<string, unknown>, patch);
    if (!change) return NO_CHANGE;
    // A new product: it may be the first complaint about a new product (§12).
    if (typeof patch.product === 'string' && patch.product !== complaint.product) {
      await noteFirstComplaint(tx, { ...complaint, product: patch.product }, ctx.now);
    }
    await recordAudit(tx, {
      complaintId: complaint.id,
      entity: 'complaint',
      entityId: complaint.id,
      action: 'complaint.updated',
      actorId: ctx.actor.id,
      at: ctx.now,
      ...change,
    });
    return patch as Updateable<ComplaintsTable>;
  });
}
