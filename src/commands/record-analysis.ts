// Records the cause analysis of a complaint (domain §8): cause, controllable, internal, reversible,
// the company's fault (only once the facts are verified, pitfall 5), the responsible department
// and a note. On its own (PUT /complaints/:id/analysis) or with the close that needs it; either
// way in the complaint's transaction, with a timeline entry of what changed.
import type { Kysely, Updateable } from 'kysely';
import { diff, recordAudit } from '../db/repositories/audit.ts';
import type { ComplaintRow, ComplaintsTable, Database } from '../db/schema.ts';
import { type AnalysisInput, analysisColumns, checkAnalysis } from '../domain/cause-analysis.ts';
import { DomainError, refusalError } from '../domain/errors.ts';
import { authorize } from '../policies/permissions.ts';
import type { CommandContext } from './context.ts';
import { mutateComplaint, NO_CHANGE } from './mutate-complaint.ts';

export type RecordAnalysisInput = AnalysisInput & { version: number };

async function departmentKnown(tx: Kysely<Database>, id: string | null | undefined): Promise<boolean> {
  if (!id) return true;
  const row = await tx
    .selectFrom('departments')
    .select('id')
    .where('id', '=', id)
    .where('active', '=', true)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Checks `input` against the complaint and writes the timeline entry; returns the columns to set,
 * or null when the analysis is the one already recorded. Runs inside the complaint's transaction.
 */
export async function applyAnalysis(
  tx: Kysely<Database>,
  ctx: CommandContext,
  complaint: ComplaintRow,
  input: AnalysisInput,
): Promise<Updateable<ComplaintsTable> | null> {
  authorize(ctx.actor, 'analysis:record');
  const checked = checkAnalysis(input, {
    verifiedFacts: complaint.verified_facts,
    departmentKnown: await departmentKnown(tx, input.responsibleDepartmentId),
  });
  if (!checked.ok) throw refusalError(checked.refusal);
  const columns = analysisColumns(checked.analysis);
  const change = diff(complaint as unknown as Record<string, unknown>, { ...columns });
  if (!change) return null;
  await recordAudit(tx, {
    complaintId: complaint.id,
    entity: 'complaint',
    entityId: complaint.id,
    action: 'complaint.analysed',
    actorId: ctx.actor.id,
    at: ctx.now,
    ...change,
  });
  return { ...columns, analysed_by: ctx.actor.id, analysed_at: ctx.now };
}

export async function recordAnalysis(
  ctx: CommandContext,
  id: string,
  input: RecordAnalysisInput,
): Promise<string> {
  // Who may handle the complaint is checked first (404 outside one's scope, as for every change);
  // the permission to record an analysis with it (applyAnalysis).
  const { version, ...analysis } = input;
  return mutateComplaint(ctx, id, version, async ({ tx, complaint }) => {
    if (complaint.status === 'closed') {
      throw new DomainError('COMPLAINT_CLOSED', 'The complaint is closed; reopen it to change its analysis', {
        rule: 'closed_is_final',
      });
    }
    return (await applyAnalysis(tx, ctx, complaint, analysis)) ?? NO_CHANGE;
  });
}
