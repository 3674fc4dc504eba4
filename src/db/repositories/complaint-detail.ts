// Everything a complaint page shows, loaded in a handful of queries.
import type { Kysely } from 'kysely';
import type { ComplaintRow, Database } from '../schema.ts';
import { complaintTimeline } from './audit.ts';
import { compensationPeople, complaintCompensations } from './compensations.ts';
import { complaintContacts, complaintDemands, findComplaint } from './complaints.ts';
import { complaintCommitments, complaintDeadlines } from './deadlines.ts';
import { complaintEscalations, tierLevels } from './escalations.ts';
import { userNames } from './users.ts';
import { complaintWorkOrders, loadWorkOrderViews } from './work-orders.ts';

export async function loadComplaintDetail(
  db: Kysely<Database>,
  idOrNumber: string,
  opts: { withHistory: boolean; check?: (complaint: ComplaintRow) => void },
) {
  const complaint = await findComplaint(db, idOrNumber);
  if (!complaint) return undefined;
  // Checked before the rest is read: nothing more is loaded for a caller who may not see it.
  opts.check?.(complaint);
  const [
    demands,
    contacts,
    timeline,
    customer,
    category,
    deadlines,
    commitments,
    escalations,
    levels,
    compensations,
    workOrders,
    repeatOf,
    responsibleDepartment,
  ] = await Promise.all([
    complaintDemands(db, complaint.id),
    opts.withHistory ? complaintContacts(db, complaint.id) : Promise.resolve([]),
    opts.withHistory ? complaintTimeline(db, complaint.id) : Promise.resolve([]),
    db
      .selectFrom('customers')
      .select(['id', 'name', 'vip_level', 'tags', 'external_id'])
      .where('id', '=', complaint.customer_id)
      .executeTakeFirstOrThrow(),
    complaint.category_id
      ? db
          .selectFrom('categories')
          .select(['id', 'name', 'name_en'])
          .where('id', '=', complaint.category_id)
          .executeTakeFirst()
      : Promise.resolve(undefined),
    complaintDeadlines(db, complaint.id),
    complaintCommitments(db, complaint.id),
    complaintEscalations(db, complaint.id),
    tierLevels(db),
    complaintCompensations(db, complaint.id),
    complaintWorkOrders(db, complaint.id).then((rows) => loadWorkOrderViews(db, rows)),
    complaint.repeat_of
      ? db
          .selectFrom('complaints')
          .select(['id', 'number'])
          .where('id', '=', complaint.repeat_of)
          .executeTakeFirst()
      : Promise.resolve(undefined),
    complaint.responsible_department_id
      ? db
          .selectFrom('departments')
          .select(['id', 'name'])
          .where('id', '=', complaint.responsible_department_id)
          .executeTakeFirst()
      : Promise.resolve(undefined),
  ]);
  const names = await userNames(db, [
    complaint.owner_id,
    complaint.handler_id,
    complaint.analysed_by,
    ...commitments.flatMap((c) => [c.made_by, c.fulfilled_by, c.cancelled_by]),
    ...escalations.flatMap((e) => [e.from_handler_id, e.to_handler_id, e.created_by, e.reviewed_by]),
    ...compensationPeople(compensations),
  ]);
  return {
    complaint,
    demands,
    contacts,
    timeline,
    customer,
    category: category ?? null,
    names,
    deadlines,
    commitments,
    escalations,
    tierLevels: levels,
    compensations,
    workOrders,
    /** The earlier complaint this one repeats (same customer and category within the window). */
    repeatOf: repeatOf ?? null,
    /** The department the cause analysis holds responsible. */
    responsibleDepartment: responsibleDepartment ?? null,
  };
}

export type ComplaintDetail = NonNullable<Awaited<ReturnType<typeof loadComplaintDetail>>>;
