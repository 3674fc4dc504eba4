// The shared frame of every change to an existing complaint: lock the row, check who acts and
// that they read the current version, let the command apply its change, bump the version. All
// in one transaction, so a refused or stale request changes nothing. The complaint's deadlines
// follow every change in the same transaction (src/commands/sync-deadlines.ts).
import type { Kysely, Updateable } from 'kysely';
import { recordAudits } from '../db/repositories/audit.ts';
import { complaintDemands, findComplaint } from '../db/repositories/complaints.ts';
import { type TimingConfig, timingConfig } from '../db/repositories/timing-config.ts';
import type { ComplaintRow, ComplaintsTable, Database, DemandRow } from '../db/schema.ts';
import { complaintNotFound, DomainError } from '../domain/errors.ts';
import { authorizeHandle, type ComplaintScope } from '../policies/permissions.ts';
import type { CommandContext } from './context.ts';
import { deadlineAudits, planExisting, writeDeadlines } from './sync-deadlines.ts';

export interface MutationFrame {
  tx: Kysely<Database>;
  complaint: ComplaintRow;
  demands: DemandRow[];
  /** Calendars and time-limit policies, for commands that compute a due time. */
  config: TimingConfig;
}

export function scopeOf(c: ComplaintRow): ComplaintScope {
  return {
    ownerId: c.owner_id,
    handlerId: c.handler_id,
    team: c.team,
    status: c.status,
    tierLevel: c.tier_level,
  };
}

/** Returned by a change that turned out to change nothing: no write, no new version. */
export const NO_CHANGE = Symbol('no change');

export async function mutateComplaint(
  ctx: CommandContext,
  idOrNumber: string,
  version: number,
  apply: (frame: MutationFrame) => Promise<Updateable<ComplaintsTable> | undefined | typeof NO_CHANGE>,
): Promise<string> {
  const config = await timingConfig(ctx.db);
  return ctx.db.transaction().execute(async (tx) => {
    const complaint = await findComplaint(tx, idOrNumber, { forUpdate: true });
    if (!complaint) throw complaintNotFound();
    authorizeHandle(ctx.actor, scopeOf(complaint));
    if (complaint.version !== version) {
      throw new DomainError('STALE_VERSION', 'Someone else changed this complaint; reload it and try again', {
        currentVersion: complaint.version,
        yourVersion: version,
      });
    }
    const demands = await complaintDemands(tx, complaint.id);
    const patch = await apply({ tx, complaint, demands, config });
    if (patch === NO_CHANGE) return complaint.id;
    const changes = { ...patch, version: complaint.version + 1, updated_at: ctx.now };
    // The deadlines follow the change; the complaint row is written once, with their columns.
    const after = { ...complaint, ...changes } as ComplaintRow;
    const { plan, existing } = await planExisting(tx, config, after, ctx.now);
    await tx
      .updateTable('complaints')
      .set({ ...changes, ...plan.columns })
      .where('id', '=', complaint.id)
      .execute();
    await writeDeadlines(tx, complaint.id, plan, existing, ctx.now);
    await recordAudits(tx, deadlineAudits(complaint.id, plan, ctx.now, ctx.actor.id));
    return complaint.id;
  });
}
