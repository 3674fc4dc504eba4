// Waiting for the customer (domain §11): the complaint's deadlines stand still, with the reason
// on record, until handling resumes; the paused working time is then added to each deadline.
import { recordAudit } from '../db/repositories/audit.ts';
import { pauseRefusal, resumeRefusal } from '../domain/deadlines.ts';
import { refusalError } from '../domain/errors.ts';
import type { CommandContext } from './context.ts';
import { mutateComplaint } from './mutate-complaint.ts';

export async function pauseComplaint(
  ctx: CommandContext,
  id: string,
  input: { version: number; reason: string },
): Promise<string> {
  return mutateComplaint(ctx, id, input.version, async ({ tx, complaint }) => {
    const refusal = pauseRefusal(complaint.status, complaint.paused_at);
    if (refusal) throw refusalError(refusal);
    await recordAudit(tx, {
      complaintId: complaint.id,
      entity: 'complaint',
      entityId: complaint.id,
      action: 'complaint.paused',
      actorId: ctx.actor.id,
      at: ctx.now,
      after: { reason: input.reason },
    });
    return { paused_at: ctx.now, pause_reason: input.reason };
  });
}

export async function resumeComplaint(
  ctx: CommandContext,
  id: string,
  input: { version: number },
): Promise<string> {
  return mutateComplaint(ctx, id, input.version, async ({ tx, complaint }) => {
    const refusal = resumeRefusal(complaint.paused_at);
    if (refusal) throw refusalError(refusal);
    await recordAudit(tx, {
      complaintId: complaint.id,
      entity: 'complaint',
      entityId: complaint.id,
      action: 'complaint.resumed',
      actorId: ctx.actor.id,
      at: ctx.now,
      before: { pausedAt: complaint.paused_at?.toISOString() ?? null, reason: complaint.pause_reason },
      after: { pausedMs: ctx.now.getTime() - (complaint.paused_at?.getTime() ?? ctx.now.getTime()) },
    });
    return { paused_at: null, pause_reason: null };
  });
}
