// Recording and answering demands (诉求), each on its own (pitfall 6: never close at 80%).

import { diff, recordAudit } from '../db/repositories/audit.ts';
import { pendingCompensationIds } from '../db/repositories/compensations.ts';
import { applyDemandChange, checkDemandAddition, type DemandChange } from '../domain/demands.ts';
import { DomainError, refusalError } from '../domain/errors.ts';
import type { DemandType } from '../domain/vocabulary.ts';
import type { CommandContext } from './context.ts';
import { mutateComplaint, NO_CHANGE } from './mutate-complaint.ts';

export interface AddDemandInput {
  version: number;
  type: DemandType;
  description: string;
}

export async function addDemand(
  ctx: CommandContext,
  complaintId: string,
  input: AddDemandInput,
): Promise<string> {
  return mutateComplaint(ctx, complaintId, input.version, async ({ tx, complaint, demands }) => {
    const refusal = checkDemandAddition(complaint.status);
    if (refusal) throw refusalError(refusal);
    const position = demands.reduce((max, d) => Math.max(max, d.position), 0) + 1;
    const row = await tx
      .insertInto('demands')
      .values({
        complaint_id: complaint.id,
        position,
        type: input.type,
        description: input.description,
        created_by: ctx.actor.id,
        created_at: ctx.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, {
      complaintId: complaint.id,
      entity: 'demand',
      entityId: row.id,
      action: 'demand.added',
      actorId: ctx.actor.id,
      at: ctx.now,
      after: { type: input.type, description: input.description },
    });
    return undefined;
  });
}

export type UpdateDemandInput = DemandChange & { version: number };

export async function updateDemand(
  ctx: CommandContext,
  complaintId: string,
  demandId: string,
  input: UpdateDemandInput,
): Promise<string> {
  return mutateComplaint(ctx, complaintId, input.version, async ({ tx, complaint, demands }) => {
    const demand = demands.find((d) => d.id === demandId);
    if (!demand) throw new DomainError('NOT_FOUND', 'Demand not found on this complaint', { demandId });
    const current = {
      status: demand.status,
      resolution: demand.resolution,
      customerInformed: demand.customer_informed,
    };
    // An unapproved compensation fulfils nothing: its demand waits for the decision.
    const pending = await pendingCompensationIds(tx, demand.id);
    const result = applyDemandChange(complaint.status, current, input, { pendingCompensationIds: pending });
    if (!result.ok) throw refusalError(result.refusal);
    const next = result.next;
    const change = diff(current, next);
    if (!change) return NO_CHANGE;
    const answered = next.status !== current.status && next.status !== 'open';
    const informed = next.customerInformed && !current.customerInformed;
    await tx
      .updateTable('demands')
      .set({
        status: next.status,
        resolution: next.resolution,
        customer_informed: next.customerInformed,
        ...(answered ? { answered_by: ctx.actor.id, answered_at: ctx.now } : {}),
        ...(next.status === 'open' ? { answered_by: null, answered_at: null } : {}),
        ...(informed ? { informed_by: ctx.actor.id, informed_at: ctx.now } : {}),
        ...(!next.customerInformed ? { informed_by: null, informed_at: null } : {}),
      })
      .where('id', '=', demand.id)
      .execute();
    await recordAudit(tx, {
      complaintId: complaint.id,
      entity: 'demand',
      entityId: demand.id,
      action: 'demand.updated',
      actorId: ctx.actor.id,
      at: ctx.now,
      ...change,
    });
    return undefined;
  });
}
