// Department work orders (内部工单): named queries for the commands, the inbox and the timer engine.
import { type Expression, type Kysely, type SqlBool, sql } from 'kysely';
import type { WorkOrderFacts, WorkOrderStatus } from '../../domain/work-orders.ts';
import type { ComplaintVisibility } from '../../policies/permissions.ts';
import type { ComplaintRow, Database, DepartmentRow, WorkOrderRow } from '../schema.ts';
import { userNames } from './users.ts';

export function findWorkOrder(
  db: Kysely<Database>,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<WorkOrderRow | undefined> {
  let q = db.selectFrom('work_orders').selectAll().where('id', '=', id);
  if (opts.forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export function findDepartment(db: Kysely<Database>, id: string): Promise<DepartmentRow | undefined> {
  return db.selectFrom('departments').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * The warning instant. Not stored on its own: until the warning fires, the timer's next look
 * (next_fire_at) is the warning; once fired, warned_at holds it.
 */
export function warnAtOf(row: WorkOrderRow): Date {
  if (row.warned_at) return row.warned_at;
  if (row.status === 'open' && row.next_fire_at && row.next_fire_at < row.due_at) return row.next_fire_at;
  return row.due_at;
}

export function workOrderFacts(row: WorkOrderRow): WorkOrderFacts {
  return {
    status: row.status,
    departmentId: row.department_id,
    dueAt: row.due_at,
    warnAt: warnAtOf(row),
    requestedDueAt: row.requested_due_at,
    passCount: row.pass_count,
    warnedAt: row.warned_at,
    breachedAt: row.breached_at,
    flaggedAt: row.flagged_at,
  };
}

/** The active staff of a department: who hears of its work orders. */
export async function departmentUserIds(db: Kysely<Database>, departmentIds: readonly string[]) {
  const map = new Map<string, string[]>();
  if (!departmentIds.length) return map;
  const rows = await db
    .selectFrom('users')
    .select(['id', 'department_id'])
    .where('department_id', 'in', [...new Set(departmentIds)])
    .where('role', '=', 'department')
    .where('active', '=', true)
    .orderBy('id')
    .execute();
  for (const r of rows) {
    if (!r.department_id) continue;
    map.set(r.department_id, [...(map.get(r.department_id) ?? []), r.id]);
  }
  return map;
}

/** The ids of a complaint's open work orders, oldest first (the WORK_ORDERS_OPEN guard). */
export async function openWorkOrderIds(db: Kysely<Database>, complaintId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('work_orders')
    .select('id')
    .where('complaint_id', '=', complaintId)
    .where('status', '=', 'open')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}

/** A complaint's work orders with their department's name, oldest first: for the complaint page. */
export function complaintWorkOrders(db: Kysely<Database>, complaintId: string) {
  return db
    .selectFrom('work_orders as w')
    .innerJoin('departments as d', 'd.id', 'w.department_id')
    .selectAll('w')
    .select('d.name as department_name')
    .where('w.complaint_id', '=', complaintId)
    .orderBy('w.created_at')
    .orderBy('w.id')
    .execute();
}

/** The complaint as a work order shows it, and the fields that decide who may act on it. */
export type WorkOrderComplaint = Pick<
  ComplaintRow,
  'id' | 'number' | 'owner_id' | 'handler_id' | 'team' | 'status' | 'tier_level' | 'contact_phone' | 'version'
> & { category: { id: string; name: string | null; name_en: string | null } | null };

export interface WorkOrderPassView {
  id: string;
  from: { id: string; name: string | null };
  to: { id: string; name: string | null };
  reason: string;
  passedBy: string;
  passedAt: Date;
}

/** Everything one work order's page shows. */
export interface WorkOrderView {
  row: WorkOrderRow;
  departmentName: string | null;
  complaint: WorkOrderComplaint;
  passes: WorkOrderPassView[];
  /** Names of the people it refers to, by id. */
  names: Map<string, string>;
  /** Why the handler cancelled it (from the timeline). */
  cancelReason: string | null;
}

/** Completes work-order rows with their departments, complaints, passes and people, in a few queries. */
export async function loadWorkOrderViews(
  db: Kysely<Database>,
  rows: readonly WorkOrderRow[],
): Promise<WorkOrderView[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const complaintIds = [...new Set(rows.map((r) => r.complaint_id))];
  const cancelled = rows.filter((r) => r.status === 'cancelled').map((r) => r.id);
  const [complaints, passes, cancellations] = await Promise.all([
    db
      .selectFrom('complaints as c')
      .leftJoin('categories as cat', 'cat.id', 'c.category_id')
      .select([
        'c.id',
        'c.number',
        'c.owner_id',
        'c.handler_id',
        'c.team',
        'c.status',
        'c.tier_level',
        'c.contact_phone',
        'c.version',
        'cat.id as category_id',
        'cat.name as category_name',
        'cat.name_en as category_name_en',
      ])
      .where('c.id', 'in', complaintIds)
      .execute(),
    db
      .selectFrom('work_order_passes')
      .selectAll()
      .where('work_order_id', 'in', ids)
      .orderBy('passed_at')
      .orderBy('id')
      .execute(),
    cancelled.length
      ? db
          .selectFrom('audit_events')
          .select(['entity_id', 'after'])
          .where('entity', '=', 'work_order')
          .where('action', '=', 'work_order.cancelled')
          .where('entity_id', 'in', cancelled)
          .execute()
      : Promise.resolve([]),
  ]);
  const cancelReason = new Map(
    cancellations.map((a) => [a.entity_id, (a.after as { reason?: string } | null)?.reason ?? null]),
  );
  const departmentIds = new Set<string>(rows.map((r) => r.department_id));
  for (const p of passes) {
    departmentIds.add(p.from_department_id);
    departmentIds.add(p.to_department_id);
  }
  const [departments, names] = await Promise.all([
    db
      .selectFrom('departments')
      .select(['id', 'name'])
      .where('id', 'in', [...departmentIds])
      .execute(),
    userNames(db, [...rows.flatMap((r) => [r.created_by, r.answered_by]), ...passes.map((p) => p.passed_by)]),
  ]);
  const departmentName = new Map(departments.map((d) => [d.id, d.name]));
  const complaintById = new Map(
    complaints.map((c) => [
      c.id,
      {
        id: c.id,
        number: c.number,
        owner_id: c.owner_id,
        handler_id: c.handler_id,
        team: c.team,
        status: c.status,
        tier_level: c.tier_level,
        contact_phone: c.contact_phone,
        version: c.version,
        category: c.category_id
          ? { id: c.category_id, name: c.category_name, name_en: c.category_name_en }
          : null,
      } satisfies WorkOrderComplaint,
    ]),
  );
  return rows.map((row) => {
    const complaint = complaintById.get(row.complaint_id);
    if (!complaint) throw new Error(`work order ${row.id} without its complaint`);
    return {
      row,
      departmentName: departmentName.get(row.department_id) ?? null,
      complaint,
      passes: passes
        .filter((p) => p.work_order_id === row.id)
        .map((p) => ({
          id: p.id,
          from: { id: p.from_department_id, name: departmentName.get(p.from_department_id) ?? null },
          to: { id: p.to_department_id, name: departmentName.get(p.to_department_id) ?? null },
          reason: p.reason,
          passedBy: p.passed_by,
          passedAt: p.passed_at,
        })),
      names,
      cancelReason: cancelReason.get(row.id) ?? null,
    };
  });
}

export interface WorkOrderFilter {
  /** Department staff: their department only. Others: an optional filter. */
  departmentId?: string | undefined;
  /** For agents and specialists: the complaints they own, handle or share a team with. */
  visibility: ComplaintVisibility;
  complaintId?: string | undefined;
  statuses?: readonly WorkOrderStatus[] | undefined;
  /** Open and past the due time (true), or not (false). */
  overdue?: boolean | undefined;
  flagged?: boolean | undefined;
  now: Date;
  limit: number;
  /** Keyset: after (due_at, id). */
  cursor?: { at: Date; id: string } | undefined;
}

/** Work orders, soonest due first. */
export function listWorkOrders(db: Kysely<Database>, f: WorkOrderFilter): Promise<WorkOrderRow[]> {
  return db
    .selectFrom('work_orders as w')
    .innerJoin('complaints as c', 'c.id', 'w.complaint_id')
    .selectAll('w')
    .where((eb) => {
      const conditions: Expression<SqlBool>[] = [];
      if (f.departmentId) conditions.push(eb('w.department_id', '=', f.departmentId));
      if (f.complaintId) conditions.push(eb('w.complaint_id', '=', f.complaintId));
      if (f.statuses?.length) conditions.push(eb('w.status', 'in', [...f.statuses]));
      if (f.overdue !== undefined) {
        const overdue = eb.and([eb('w.status', '=', 'open'), eb('w.due_at', '<=', f.now)]);
        conditions.push(f.overdue ? overdue : eb.not(overdue));
      }
      if (f.flagged !== undefined) {
        conditions.push(eb('w.flagged_at', f.flagged ? 'is not' : 'is', null));
      }
      const v = f.visibility;
      if (v.kind === 'none' && !f.departmentId) conditions.push(sql<SqlBool>`false`);
      if (v.kind === 'scoped') {
        conditions.push(
          eb.or([
            eb('c.owner_id', '=', v.userId),
            eb('c.handler_id', '=', v.userId),
            ...(v.team ? [eb('c.team', '=', v.team)] : []),
          ]),
        );
      }
      const c = f.cursor;
      if (c) conditions.push(eb(eb.refTuple('w.due_at', 'w.id'), '>', eb.tuple(c.at, c.id)));
      return eb.and(conditions);
    })
    .orderBy('w.due_at')
    .orderBy('w.id')
    .limit(f.limit)
    .execute();
}
