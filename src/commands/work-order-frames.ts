// Shared frames of the work-order commands: lock an order, find its complaint, check the handler,
// and write a notice. Used by the handler's commands (work-orders.ts) and the department's
// (work-order-department.ts).
import type { Kysely } from 'kysely';
import { findComplaint } from '../db/repositories/complaints.ts';
import type { NewNotification, NotificationKind } from '../db/repositories/notifications.ts';
import { findWorkOrder, workOrderFacts } from '../db/repositories/work-orders.ts';
import type { ComplaintRow, Database, WorkOrderRow } from '../db/schema.ts';
import { DomainError, refusalError } from '../domain/errors.ts';
import { isOrderDepartment, workOrderNotFound } from '../domain/work-orders.ts';
import type { Actor } from '../policies/actor.ts';
import { canHandleComplaint, canViewComplaint } from '../policies/permissions.ts';
import { scopeOf } from './mutate-complaint.ts';

export const iso = (d: Date) => d.toISOString();

export async function lockedOrder(tx: Kysely<Database>, id: string): Promise<WorkOrderRow> {
  const row = await findWorkOrder(tx, id, { forUpdate: true });
  if (!row) throw refusalError(workOrderNotFound());
  return row;
}

export async function complaintOf(tx: Kysely<Database>, row: WorkOrderRow): Promise<ComplaintRow> {
  const complaint = await findComplaint(tx, row.complaint_id);
  if (!complaint) throw refusalError(workOrderNotFound());
  return complaint;
}

/**
 * The handler's actions (extension, cancel): whoever may handle the complaint. Department staff
 * may not (and to another department the order does not exist); someone who cannot see the
 * complaint does not learn of the order either.
 */
export function authorizeHandler(actor: Actor, row: WorkOrderRow, complaint: ComplaintRow): void {
  const scope = scopeOf(complaint);
  if (actor.role === 'department') {
    if (!isOrderDepartment(actor, workOrderFacts(row))) throw refusalError(workOrderNotFound());
    throw new DomainError('FORBIDDEN', "Only the complaint's handler may do this", {
      reason: 'handle the work order',
    });
  }
  if (!canViewComplaint(actor, scope)) throw refusalError(workOrderNotFound());
  if (!canHandleComplaint(actor, scope)) {
    throw new DomainError('FORBIDDEN', 'Your role may not handle this complaint', {
      reason: 'handle this complaint',
    });
  }
}

export function note(
  userId: string,
  kind: NotificationKind,
  row: WorkOrderRow,
  complaint: ComplaintRow,
  event: string,
  payload: Record<string, unknown>,
  now: Date,
  forDepartment = false,
): NewNotification {
  return {
    userId,
    kind,
    // Department staff cannot open the complaint: their notices point at the work order only.
    complaintId: forDepartment ? null : complaint.id,
    subjectId: row.id,
    dedupeKey: `${row.id}:${event}`,
    payload: { number: complaint.number, workOrderId: row.id, ...payload },
    createdAt: now,
  };
}
