// Acknowledging an alert: a supervisor or analyst says it has been looked at, with a note of what
// was done (the study, the adjustment, the unified answer — §12). Once: a second acknowledgement
// is refused with who acknowledged it and when.
import { type AlertView, findAlert, markAcknowledged } from '../db/repositories/alerts.ts';
import { DomainError } from '../domain/errors.ts';
import { authorize } from '../policies/permissions.ts';
import type { CommandContext } from './context.ts';

export function alertNotFound(): DomainError {
  return new DomainError('NOT_FOUND', 'Alert not found');
}

export async function acknowledgeAlert(ctx: CommandContext, id: string, note: string): Promise<AlertView> {
  authorize(ctx.actor, 'alert:acknowledge');
  const done = await markAcknowledged(ctx.db, id, ctx.actor.id, note, ctx.now);
  const alert = await findAlert(ctx.db, id);
  if (!alert) throw alertNotFound();
  if (!done) {
    throw new DomainError('CONFLICT', 'This alert has been acknowledged already', {
      acknowledgedBy: alert.acknowledged_by,
      acknowledgedByName: alert.acknowledged_by_name,
      acknowledgedAt: alert.acknowledged_at?.toISOString() ?? null,
    });
  }
  return alert;
}
