// Moves a complaint through the four stages. The domain decides; this writes the result.
import type { Updateable } from 'kysely';
import { recordAudit } from '../db/repositories/audit.ts';
import { openWorkOrderIds } from '../db/repositories/work-orders.ts';
import type { ComplaintsTable } from '../db/schema.ts';
import { isAnalysed } from '../domain/cause-analysis.ts';
import { decideTransition, type TransitionRequest } from '../domain/complaint-lifecycle.ts';
import { refusalError } from '../domain/errors.ts';
import type { ResolutionClass } from '../domain/vocabulary.ts';
import { cancelOpenCommitments } from './commitments.ts';
import { cancelPendingCompensations } from './compensations.ts';
import type { CommandContext } from './context.ts';
import { mutateComplaint } from './mutate-complaint.ts';
import { applyAnalysis } from './record-analysis.ts';
import { cancelOpenWorkOrders } from './work-orders.ts';

export type TransitionInput = TransitionRequest & {
  version: number;
  /** resolve: how quickly it could be solved (分类). */
  resolutionClass?: ResolutionClass | undefined;
};

export async function transitionComplaint(
  ctx: CommandContext,
  id: string,
  input: TransitionInput,
): Promise<string> {
  return mutateComplaint(ctx, id, input.version, async ({ tx, complaint, demands }) => {
    const openCommitments = await tx
      .selectFrom('commitments')
      .select('id')
      .where('complaint_id', '=', complaint.id)
      .where('status', '=', 'open')
      .orderBy('made_at')
      .execute();
    const openWorkOrders = await openWorkOrderIds(tx, complaint.id);
    const decision = decideTransition(
      {
        status: complaint.status,
        severity: complaint.severity,
        confirmed: complaint.confirmed,
        summary: complaint.summary,
        demands: demands.map((d) => ({
          id: d.id,
          status: d.status,
          customerInformed: d.customer_informed,
        })),
        openCommitmentIds: openCommitments.map((c) => c.id),
        openWorkOrderIds: openWorkOrders,
        analysed: isAnalysed(complaint),
      },
      input,
    );
    if (!decision.ok) throw refusalError(decision.refusal);

    const patch: Updateable<ComplaintsTable> = { status: decision.to };
    const now = ctx.now;
    let reason: string | undefined;
    let analysed: Updateable<ComplaintsTable> | null = null;
    switch (input.action) {
      case 'accept':
        patch.confirmed = true;
        patch.accepted_at = now;
        // 首问负责制: whoever accepts owns the complaint to the end; the owner never changes again.
        patch.owner_id = complaint.owner_id ?? ctx.actor.id;
        patch.handler_id = complaint.handler_id ?? ctx.actor.id;
        patch.team = complaint.owner_id ? complaint.team : ctx.actor.team;
        break;
      case 'start':
        break;
      case 'resolve':
        patch.resolved_at = now;
        patch.paused_at = null;
        patch.pause_reason = null;
        if (input.resolutionClass) patch.resolution_class = input.resolutionClass;
        break;
      case 'close':
        // The analysis sent with the close is recorded first, in the same transaction (its own
        // timeline entry precedes the close).
        if (input.analysis) analysed = await applyAnalysis(tx, ctx, complaint, input.analysis);
        patch.closed_at = now;
        patch.close_reason = 'completed';
        if (input.summary?.trim()) patch.summary = input.summary.trim();
        break;
      case 'reopen':
        reason = input.reason?.trim();
        patch.reopen_count = complaint.reopen_count + 1;
        patch.resolved_at = null;
        patch.closed_at = null;
        patch.close_reason = null;
        patch.withdraw_reason = null;
        break;
      case 'withdraw':
        reason = input.reason?.trim();
        patch.closed_at = now;
        patch.close_reason = 'withdrawn';
        patch.withdraw_reason = reason ?? null;
        patch.paused_at = null;
        patch.pause_reason = null;
        // The customer withdrew: what we promised them lapses, with the reason on record.
        await cancelOpenCommitments(tx, ctx, complaint.id, 'all', `withdrawn: ${reason ?? ''}`.trim());
        // … and so do the work orders sent to departments: nobody works on a withdrawn complaint.
        await cancelOpenWorkOrders(tx, ctx, complaint.id, 'all', `withdrawn: ${reason ?? ''}`.trim());
        await cancelPendingCompensations(tx, ctx, complaint.id, 'all', `withdrawn: ${reason ?? ''}`.trim());
        break;
      default: {
        const never: never = input;
        throw new Error(`unhandled action ${JSON.stringify(never)}`);
      }
    }
    const before: Record<string, unknown> = { status: complaint.status };
    const after: Record<string, unknown> = { status: decision.to };
    for (const [key, value] of Object.entries(patch)) {
      if (key === 'status' || value instanceof Date) continue;
      const old = complaint[key as keyof typeof complaint];
      if (old !== value) {
        before[key] = old ?? null;
        after[key] = value ?? null;
      }
    }
    if (reason) after.reason = reason;
    await recordAudit(tx, {
      complaintId: complaint.id,
      entity: 'complaint',
      entityId: complaint.id,
      action: `complaint.${input.action}`,
      actorId: ctx.actor.id,
      at: now,
      before,
      after,
    });
    return { ...analysed, ...patch };
  });
}
