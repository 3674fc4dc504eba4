// Hands a complaint to another handler of the same tier. The owner (first contact) stays
// responsible to the end (首问负责制): a transfer changes the handler only, and always says why.
// Going up a tier is an escalation (escalations.ts), which needs one of its reasons.

import { recordAudit } from '../db/repositories/audit.ts';
import { userTierLevel } from '../db/repositories/escalations.ts';
import { findUserById } from '../db/repositories/users.ts';
import { DomainError, invalid } from '../domain/errors.ts';
import { defaultTierLevel } from '../domain/escalation.ts';
import type { CommandContext } from './context.ts';
import { mutateComplaint } from './mutate-complaint.ts';

export interface TransferInput {
  version: number;
  handlerId: string;
  reason: string;
}

const HANDLER_ROLES = ['agent', 'specialist', 'supervisor'];

export async function transferComplaint(
  ctx: CommandContext,
  id: string,
  input: TransferInput,
): Promise<string> {
  return mutateComplaint(ctx, id, input.version, async ({ tx, complaint }) => {
    if (complaint.status === 'closed') {
      throw new DomainError('COMPLAINT_CLOSED', 'The complaint is closed; reopen it before transferring');
    }
    const target = await findUserById(tx, input.handlerId);
    if (!target?.active || !HANDLER_ROLES.includes(target.role)) {
      throw invalid([{ field: 'handlerId', message: 'not an active agent, specialist or supervisor' }]);
    }
    if (target.id === complaint.handler_id) {
      throw invalid([{ field: 'handlerId', message: 'is already the handler' }]);
    }
    // A transfer stays in the tier; moving up is an escalation, with its reason (supervisors
    // dispatch freely).
    const level = (await userTierLevel(tx, target.id)) ?? defaultTierLevel(target.role);
    if (ctx.actor.role !== 'supervisor' && level !== complaint.tier_level) {
      throw invalid([
        {
          field: 'handlerId',
          message:
            level > complaint.tier_level
              ? `works in tier ${level}: escalate with a reason instead of transferring`
              : `works in tier ${level}, not in tier ${complaint.tier_level} where the complaint is`,
        },
      ]);
    }
    await recordAudit(tx, {
      complaintId: complaint.id,
      entity: 'complaint',
      entityId: complaint.id,
      action: 'complaint.transferred',
      actorId: ctx.actor.id,
      at: ctx.now,
      before: { handlerId: complaint.handler_id },
      after: { handlerId: target.id, reason: input.reason.trim() },
    });
    return { handler_id: target.id, ...(ctx.actor.role === 'supervisor' ? { tier_level: level } : {}) };
  });
}
