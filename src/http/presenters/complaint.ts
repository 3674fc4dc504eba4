// The API never returns rows: these shape complaints for the outside world, with the
// abilities the server computed so a UI enables its buttons from the server's decision.

import type { z } from 'zod';
import type { ComplaintDetail } from '../../db/repositories/complaint-detail.ts';
import type { ComplaintListRow } from '../../db/repositories/complaint-list.ts';
import { commitmentFactsOf } from '../../db/repositories/deadlines.ts';
import type { CommitmentRow, ComplaintRow, DeadlineRow, DemandRow, EscalationRow } from '../../db/schema.ts';
import { faultRefusal, isAnalysed } from '../../domain/cause-analysis.ts';
import type { WordingFinding } from '../../domain/commitments.ts';
import { commitmentState } from '../../domain/commitments.ts';
import { type Ability, stageOf, transitionAbilities } from '../../domain/complaint-lifecycle.ts';
import { type DeadlineKind, deadlineState, pauseRefusal, resumeRefusal } from '../../domain/deadlines.ts';
import { checkDemandAddition } from '../../domain/demands.ts';
import { decideEscalation, openEscalationOf, pickUpRefusal, returnRefusal } from '../../domain/escalation.ts';
import type { DurationSpec } from '../../domain/working-calendar.ts';
import type { Actor } from '../../policies/actor.ts';
import { can, canHandleComplaint } from '../../policies/permissions.ts';
import type { complaintListItemSchema, complaintSchema } from '../responses.ts';
import { presentCompensation } from './compensation.ts';
import { iso, presentPhone, presentUserRef } from './people.ts';
import { presentWorkOrderView } from './work-order.ts';

type ComplaintOut = z.input<typeof complaintSchema>;
type ComplaintListItemOut = z.input<typeof complaintListItemSchema>;

function presentDemand(d: DemandRow): ComplaintOut['demands'][number] {
  return {
    id: d.id,
    position: d.position,
    type: d.type,
    description: d.description,
    status: d.status,
    resolution: d.resolution,
    customerInformed: d.customer_informed,
    createdAt: iso(d.created_at),
    answeredBy: d.answered_by,
    answeredAt: iso(d.answered_at),
    informedAt: iso(d.informed_at),
  };
}

const FORBIDDEN: Ability = {
  allowed: false,
  code: 'FORBIDDEN',
  message: 'Your role may not handle this complaint',
};

export function presentDeadline(r: DeadlineRow, now: Date): ComplaintOut['deadlines'][number] {
  const state = deadlineState(
    {
      metAt: r.met_at,
      cancelledAt: r.cancelled_at,
      pausedAt: r.paused_at,
      breachedAt: r.breached_at,
      dueAt: r.due_at,
      warnAt: r.warn_at,
    },
    now,
  );
  return {
    id: r.id,
    kind: r.kind,
    state,
    target: r.target as DurationSpec,
    startAt: iso(r.start_at),
    dueAt: iso(r.due_at),
    warnAt: iso(r.warn_at),
    provisional: r.provisional,
    late: state === 'breached' || (r.met_at !== null && r.met_at > r.due_at) || r.breached_at !== null,
    metAt: iso(r.met_at),
    warnedAt: iso(r.warned_at),
    breachedAt: iso(r.breached_at),
    pausedAt: iso(r.paused_at),
    pausedMs: Number(r.paused_ms),
    deferredTo: iso(r.deferred_to),
    cancelledAt: iso(r.cancelled_at),
    escalateOnBreach: r.escalate_on_breach,
    policyId: r.policy_id,
    calendarId: r.calendar_id,
  };
}

function presentCommitment(
  c: CommitmentRow,
  names: Map<string, string>,
  now: Date,
): ComplaintOut['commitments'][number] {
  return {
    id: c.id,
    source: c.source,
    kind: c.kind,
    description: c.description,
    status: c.status,
    state: commitmentState(commitmentFactsOf(c), now),
    notBefore: iso(c.not_before),
    dueAt: iso(c.due_at),
    remindAt: iso(c.remind_at),
    provisional: c.provisional,
    wording: (c.wording ?? []) as WordingFinding[],
    madeBy: { id: c.made_by, name: names.get(c.made_by) ?? null },
    madeAt: iso(c.made_at),
    fulfilledAt: iso(c.fulfilled_at),
    fulfilledBy: presentUserRef(c.fulfilled_by, names),
    fulfilledContactId: c.fulfilled_contact_id,
    fulfilNote: c.fulfil_note,
    cancelledAt: iso(c.cancelled_at),
    cancelledBy: presentUserRef(c.cancelled_by, names),
    cancelReason: c.cancel_reason,
    remindedAt: iso(c.reminded_at),
    breachedAt: iso(c.breached_at),
  };
}

function nextDeadline(
  c: { next_due_at: Date | null; next_warn_at: Date | null; next_due_kind: DeadlineKind | null },
  now: Date,
) {
  if (!c.next_due_at || !c.next_due_kind) return null;
  const warnAt = c.next_warn_at ?? c.next_due_at;
  const state = deadlineState(
    { metAt: null, cancelledAt: null, pausedAt: null, breachedAt: null, dueAt: c.next_due_at, warnAt },
    now,
  );
  return { kind: c.next_due_kind, dueAt: iso(c.next_due_at), warnAt: iso(warnAt), state };
}

/** The open escalation the complaint's tier may hand back, named in `details.escalationId`. */
function handBackAbility(d: ComplaintDetail): Ability {
  const c = d.complaint;
  const open = openEscalationOf(
    d.escalations.map((e) => ({ id: e.id, kind: e.kind, fromLevel: e.from_level, toLevel: e.to_level })),
    c.tier_level,
  );
  const refusal = returnRefusal(open, { status: c.status, tierLevel: c.tier_level });
  return refusal || !open
    ? refused(refusal)
    : { allowed: true, requires: ['instructions'], details: { escalationId: open.id } };
}

function escalateAbility(status: ComplaintRow['status'], tierLevel: number, levels: number[]): Ability {
  const d = decideEscalation({ status, tierLevel, levels });
  return d.ok ? { allowed: true, requires: ['reason', 'note'] } : refused(d.refusal);
}

function presentEscalation(
  e: EscalationRow,
  names: Map<string, string>,
): ComplaintOut['escalations'][number] {
  return {
    id: e.id,
    kind: e.kind,
    reason: e.reason,
    note: e.note,
    fromLevel: e.from_level,
    toLevel: e.to_level,
    fromHandler: presentUserRef(e.from_handler_id, names),
    toHandler: presentUserRef(e.to_handler_id, names),
    automatic: e.automatic,
    createdBy: presentUserRef(e.created_by, names),
    createdAt: iso(e.created_at),
    review: e.review,
    reviewComment: e.review_comment,
    reviewedBy: presentUserRef(e.reviewed_by, names),
    reviewedAt: iso(e.reviewed_at),
  };
}

function refused(r: { code: string; message: string; details?: Record<string, unknown> } | null): Ability {
  return r
    ? { allowed: false, code: r.code, message: r.message, details: r.details ?? {} }
    : { allowed: true };
}

function abilities(actor: Actor, d: ComplaintDetail): ComplaintOut['abilities'] {
  const c = d.complaint;
  const status = c.status;
  const handle = canHandleComplaint(actor, {
    ownerId: c.owner_id,
    handlerId: c.handler_id,
    team: c.team,
    status,
    tierLevel: c.tier_level,
  });
  const transitions = transitionAbilities({
    status,
    severity: c.severity,
    confirmed: c.confirmed,
    summary: c.summary,
    demands: d.demands.map((x) => ({
      id: x.id,
      status: x.status,
      customerInformed: x.customer_informed,
    })),
    openCommitmentIds: d.commitments.filter((x) => x.status === 'open').map((x) => x.id),
    openWorkOrderIds: d.workOrders.filter((x) => x.row.status === 'open').map((x) => x.row.id),
    analysed: isAnalysed(c),
  });
  if (!handle) {
    return {
      accept: FORBIDDEN,
      start: FORBIDDEN,
      resolve: FORBIDDEN,
      close: FORBIDDEN,
      reopen: FORBIDDEN,
      withdraw: FORBIDDEN,
      edit: FORBIDDEN,
      addDemand: FORBIDDEN,
      addContact: FORBIDDEN,
      transfer: FORBIDDEN,
      addCommitment: FORBIDDEN,
      pause: FORBIDDEN,
      resume: FORBIDDEN,
      escalate: FORBIDDEN,
      takeOver: FORBIDDEN,
      flagDifficult: FORBIDDEN,
      pickUp: FORBIDDEN,
      handBack: FORBIDDEN,
      sendWorkOrder: FORBIDDEN,
      analyse: FORBIDDEN,
    };
  }
  const closed: Ability =
    status === 'closed'
      ? { allowed: false, code: 'COMPLAINT_CLOSED', message: 'The complaint is closed; reopen it first' }
      : { allowed: true };
  const addition = checkDemandAddition(status);
  return {
    ...transitions,
    edit: closed,
    addDemand: addition
      ? { allowed: false, code: addition.code, message: addition.message }
      : { allowed: true },
    addContact: { allowed: true },
    transfer: closed,
    addCommitment: closed,
    pause: {
      ...refused(pauseRefusal(status, c.paused_at)),
      ...(c.paused_at ? {} : { requires: ['reason'] }),
    },
    resume: refused(resumeRefusal(c.paused_at)),
    escalate: escalateAbility(c.status, c.tier_level, d.tierLevels),
    takeOver: !can(actor, 'complaint:take_over')
      ? { allowed: false, code: 'FORBIDDEN', message: 'Only a supervisor takes a complaint over' }
      : c.handler_id === actor.id
        ? { allowed: false, code: 'CONFLICT', message: 'You already handle this complaint' }
        : closed,
    pickUp: refused(
      pickUpRefusal({ status: c.status, tierLevel: c.tier_level, handlerId: c.handler_id }, actor),
    ),
    handBack: handBackAbility(d),
    sendWorkOrder: closed,
    flagDifficult: c.difficult_caller
      ? { allowed: false, code: 'CONFLICT', message: 'The caller is already flagged as difficult' }
      : { allowed: true, requires: ['reason'] },
    analyse: analyseAbility(actor, c, closed),
  };
}

/** Recording the cause analysis; `details.companyAtFault` says whether the fault may be judged yet. */
function analyseAbility(actor: Actor, c: ComplaintRow, closed: Ability): Ability {
  if (!can(actor, 'analysis:record')) return FORBIDDEN;
  if (!closed.allowed) return closed;
  return {
    allowed: true,
    requires: ['cause', 'controllable', 'internal', 'reversible'],
    details: { companyAtFault: refused(faultRefusal(c.verified_facts)) },
  };
}

function presentAnalysis(d: ComplaintDetail): ComplaintOut['analysis'] {
  const c = d.complaint;
  if (!c.cause) return null;
  return {
    cause: c.cause,
    controllable: c.cause_controllable ?? false,
    internal: c.cause_internal ?? false,
    reversible: c.cause_reversible ?? false,
    companyAtFault: c.company_at_fault,
    responsibleDepartment: d.responsibleDepartment,
    note: c.analysis_note,
    analysedBy: presentUserRef(c.analysed_by, d.names),
    analysedAt: iso(c.analysed_at),
  };
}

export function presentComplaint(actor: Actor, d: ComplaintDetail, now: Date): ComplaintOut {
  const c = d.complaint;
  return {
    id: c.id,
    number: c.number,
    status: c.status,
    stage: stageOf(c.status),
    version: c.version,
    channel: c.channel,
    receivedAt: iso(c.received_at),
    description: c.description,
    verifiedFacts: c.verified_facts,
    category: d.category ? { id: d.category.id, name: d.category.name, nameEn: d.category.name_en } : null,
    product: c.product,
    severity: c.severity,
    dissatisfaction: c.dissatisfaction,
    customerType: c.customer_type,
    customerMotive: c.customer_motive,
    resolutionClass: c.resolution_class,
    confirmed: c.confirmed,
    owner: presentUserRef(c.owner_id, d.names),
    handler: presentUserRef(c.handler_id, d.names),
    team: c.team,
    customer: {
      id: d.customer.id,
      name: d.customer.name,
      vipLevel: d.customer.vip_level,
      tags: d.customer.tags,
      ...presentPhone(actor, c.contact_phone),
    },
    summary: c.summary,
    closeReason: c.close_reason,
    withdrawReason: c.withdraw_reason,
    reopenCount: c.reopen_count,
    acceptedAt: iso(c.accepted_at),
    resolvedAt: iso(c.resolved_at),
    closedAt: iso(c.closed_at),
    createdAt: iso(c.created_at),
    updatedAt: iso(c.updated_at),
    demands: d.demands.map(presentDemand),
    contacts: d.contacts.map((k) => ({
      id: k.id,
      direction: k.direction,
      channel: k.channel,
      purpose: k.purpose,
      outcome: k.outcome,
      agent: { id: k.agent_id, name: k.agent_name },
      startedAt: iso(k.started_at),
      endedAt: iso(k.ended_at),
      notes: k.notes,
    })),
    timeline: d.timeline.map((t) => ({
      id: String(t.id),
      at: iso(t.at),
      action: t.action,
      entity: t.entity,
      entityId: t.entity_id,
      actor: presentUserRef(t.actor_id, t.actor_name),
      before: t.before,
      after: t.after,
    })),
    deadlines: d.deadlines.map((x) => presentDeadline(x, now)),
    commitments: d.commitments.map((x) => presentCommitment(x, d.names, now)),
    paused: c.paused_at ? { since: iso(c.paused_at), reason: c.pause_reason } : null,
    nextDeadline: nextDeadline(c, now),
    tierLevel: c.tier_level,
    difficultCaller: c.difficult_caller ? { reason: c.difficult_reason } : null,
    escalations: d.escalations.map((e) => presentEscalation(e, d.names)),
    compensations: d.compensations.map((x) => presentCompensation(x, d.names, now)),
    workOrders: d.workOrders.map((w) => presentWorkOrderView(w, actor, now)),
    analysis: presentAnalysis(d),
    repeatOf: d.repeatOf,
    abilities: abilities(actor, d),
  };
}

export function presentComplaintListItem(actor: Actor, r: ComplaintListRow, now: Date): ComplaintListItemOut {
  return {
    id: r.id,
    number: r.number,
    status: r.status,
    version: r.version,
    channel: r.channel,
    receivedAt: iso(r.received_at),
    description: r.description.length > 140 ? `${r.description.slice(0, 140)}…` : r.description,
    category: r.category_id ? { id: r.category_id, name: r.category_name } : null,
    severity: r.severity,
    owner: presentUserRef(r.owner_id, r.owner_name),
    handler: presentUserRef(r.handler_id, r.handler_name),
    customer: {
      id: r.customer_id,
      name: r.customer_name,
      vipLevel: r.customer_vip_level,
      ...presentPhone(actor, r.contact_phone),
    },
    openDemands: Number(r.open_demands ?? 0),
    reopenCount: r.reopen_count,
    updatedAt: iso(r.updated_at),
    nextDeadline: nextDeadline(r, now),
    paused: r.paused_at !== null,
  };
}
