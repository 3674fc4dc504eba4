// Work orders for the outside world. A department user sees of the complaint only what the work
// needs: its number and category, the request, the facts, the attachments and the due time; the
// customer's phone masked and no name (personal data only when needed, and it is not needed here).
import { z } from 'zod';
import {
  type WorkOrderComplaint,
  type WorkOrderPassView,
  type WorkOrderView,
  workOrderFacts,
} from '../../db/repositories/work-orders.ts';
import type { WorkOrderRow } from '../../db/schema.ts';
import {
  cancelRefusal,
  departmentMayView,
  extensionRefusal,
  isOrderDepartment,
  WORK_ORDER_OUTCOMES,
  WORK_ORDER_STATES,
  WORK_ORDER_STATUSES,
  type WorkOrderFacts,
  workOrderState,
} from '../../domain/work-orders.ts';
import type { Actor } from '../../policies/actor.ts';
import { canHandleComplaint, canViewComplaint } from '../../policies/permissions.ts';
import { ability, phoneResponse, userRef } from '../shared-schemas.ts';
import { iso, presentPhone, presentUserRef } from './people.ts';

const timestamp = z.iso.datetime().describe('ISO 8601, UTC');
const nullableTimestamp = timestamp.nullable();
const departmentRef = z.object({ id: z.uuid(), name: z.string().nullable() });

export const attachmentSchema = z.object({
  name: z.string().describe('What it is, e.g. 通话录音 or 账单截图'),
  ref: z.string().describe('Where it is kept: a document id or URL (attachments travel by reference)'),
});

export const workOrderSchema = z.object({
  id: z.uuid(),
  complaintId: z.uuid(),
  status: z.enum(WORK_ORDER_STATUSES).describe('open until answered for good or cancelled'),
  state: z
    .enum(WORK_ORDER_STATES)
    .describe(
      'open, due_soon (75 % of its working time gone), overdue, waiting_extension (the department asked for more time; the handler decides), answered, cancelled',
    ),
  department: departmentRef.describe('The department it is with now'),
  request: z.string().describe('The question asked or the action wanted'),
  facts: z.string().nullable().describe('The facts so far, as the handler wrote them'),
  attachments: z.array(attachmentSchema),
  dueAt: timestamp.describe("On the department's working calendar"),
  warnAt: timestamp.describe('When it counts as due soon'),
  provisional: z
    .boolean()
    .describe('The due time reaches into a year without the official holiday schedule: weekends only'),
  createdBy: userRef,
  createdAt: timestamp,
  outcome: z
    .enum(WORK_ORDER_OUTCOMES)
    .nullable()
    .describe('done | verified (facts checked) | cannot | more_time (waiting for the handler)'),
  answer: z.string().nullable(),
  answeredBy: userRef.nullable(),
  answeredAt: nullableTimestamp,
  cancelReason: z.string().nullable().describe('Why the handler cancelled it'),
  requestedDueAt: nullableTimestamp.describe(
    'The new date the department asked for, until the handler decides',
  ),
  passCount: z.number().int().describe('Times passed on from one department to another'),
  flaggedAt: nullableTimestamp.describe('Passed on more than twice (打太极): flagged to the supervisors'),
  warnedAt: nullableTimestamp,
  breachedAt: nullableTimestamp.describe('The true time of the breach (its due time)'),
  updatedAt: timestamp,
  complaint: z
    .object({
      id: z.uuid(),
      number: z.string(),
      category: z
        .object({ id: z.uuid(), name: z.string().nullable(), nameEn: z.string().nullable() })
        .nullable(),
      customer: phoneResponse.describe('Masked for department staff; no name'),
      version: z
        .number()
        .int()
        .optional()
        .describe("The complaint's version now (for its handlers: send it with the next change)"),
    })
    .describe('What the work needs to know of the complaint'),
  passes: z
    .array(
      z.object({
        id: z.uuid(),
        from: departmentRef,
        to: departmentRef,
        reason: z.string(),
        passedBy: userRef,
        passedAt: timestamp,
      }),
    )
    .describe('Every pass from one department to another, oldest first'),
  abilities: z
    .object({
      answer: ability,
      pass: ability,
      decideExtension: ability,
      cancel: ability,
    })
    .describe("What the caller may do now, and why not: the server's decision"),
});

export type WorkOrderOut = z.input<typeof workOrderSchema>;

/** Besides the row: its department's name, the complaint, its passes and people's names. */
export interface WorkOrderExtra {
  departmentName: string | null;
  /** The complaint it belongs to (a ComplaintRow will do, with its category). */
  complaint: Omit<WorkOrderComplaint, 'category'> & { category?: WorkOrderComplaint['category'] };
  passes?: readonly WorkOrderPassView[];
  names?: ReadonlyMap<string, string>;
  /** Why the handler cancelled it (kept in the timeline). */
  cancelReason?: string | null;
}

const DENIED = { allowed: false, code: 'FORBIDDEN', message: 'Your role may not do this' } as const;

function abilities(actor: Actor, facts: WorkOrderFacts, extra: WorkOrderExtra): WorkOrderOut['abilities'] {
  const closed =
    facts.status === 'open'
      ? null
      : { allowed: false, code: 'WORK_ORDER_CLOSED', message: `The work order is already ${facts.status}` };
  const department = isOrderDepartment(actor, facts) ? (closed ?? { allowed: true }) : DENIED;
  const c = extra.complaint;
  const handles = canHandleComplaint(actor, {
    ownerId: c.owner_id,
    handlerId: c.handler_id,
    team: c.team,
    status: c.status,
    tierLevel: c.tier_level,
  });
  const asAbility = (r: { code: string; message: string; details?: Record<string, unknown> } | null) =>
    r
      ? { allowed: false, code: r.code, message: r.message, ...(r.details ? { details: r.details } : {}) }
      : null;
  return {
    answer: department.allowed ? { ...department, requires: ['outcome', 'answer'] } : department,
    pass: department.allowed ? { ...department, requires: ['departmentId', 'reason'] } : department,
    decideExtension: handles ? (asAbility(extensionRefusal(facts)) ?? { allowed: true }) : DENIED,
    cancel: handles
      ? (asAbility(cancelRefusal(facts, 'x')) ?? { allowed: true, requires: ['reason'] })
      : DENIED,
  };
}

/** A work order as `actor` may see it at `now`. */
export function presentWorkOrder(
  row: WorkOrderRow,
  extra: WorkOrderExtra,
  actor: Actor,
  now: Date,
): WorkOrderOut {
  const names = extra.names ?? new Map<string, string>();
  const facts = workOrderFacts(row);
  const c = extra.complaint;
  const scope = {
    ownerId: c.owner_id,
    handlerId: c.handler_id,
    team: c.team,
    status: c.status,
    tierLevel: c.tier_level,
  };
  const seesComplaint = canViewComplaint(actor, scope) && departmentMayView(actor, facts);
  return {
    id: row.id,
    complaintId: row.complaint_id,
    status: row.status,
    state: workOrderState(facts, now),
    department: { id: row.department_id, name: extra.departmentName },
    request: row.request,
    facts: row.facts,
    attachments: Array.isArray(row.attachments) ? (row.attachments as WorkOrderOut['attachments']) : [],
    dueAt: iso(row.due_at),
    warnAt: iso(facts.warnAt),
    provisional: row.provisional,
    createdBy: { id: row.created_by, name: names.get(row.created_by) ?? null },
    createdAt: iso(row.created_at),
    outcome: row.outcome,
    answer: row.answer,
    answeredBy: presentUserRef(row.answered_by, names as Map<string, string>),
    answeredAt: iso(row.answered_at),
    cancelReason: extra.cancelReason ?? null,
    requestedDueAt: iso(row.requested_due_at),
    passCount: row.pass_count,
    flaggedAt: iso(row.flagged_at),
    warnedAt: iso(row.warned_at),
    breachedAt: iso(row.breached_at),
    updatedAt: iso(row.updated_at),
    complaint: {
      id: c.id,
      number: c.number,
      category: c.category ? { id: c.category.id, name: c.category.name, nameEn: c.category.name_en } : null,
      customer: presentPhone(actor, c.contact_phone),
      ...(seesComplaint ? { version: c.version } : {}),
    },
    passes: (extra.passes ?? []).map((p) => ({
      id: p.id,
      from: p.from,
      to: p.to,
      reason: p.reason,
      passedBy: { id: p.passedBy, name: names.get(p.passedBy) ?? null },
      passedAt: iso(p.passedAt),
    })),
    abilities: abilities(actor, facts, extra),
  };
}

/** A work order as loaded by loadWorkOrderViews (with its passes and names), as `actor` may see it. */
export function presentWorkOrderView(view: WorkOrderView, actor: Actor, now: Date): WorkOrderOut {
  return presentWorkOrder(
    view.row,
    {
      departmentName: view.departmentName,
      complaint: view.complaint,
      passes: view.passes,
      names: view.names,
      cancelReason: view.cancelReason,
    },
    actor,
    now,
  );
}
