// The API never returns rows: these shape complaints for the outside world, with the
// abilities the server computed so a UI enables its buttons from the server's decision.

import type { z } from 'zod';
import type { ComplaintDetail } from '../../db/repositories/complaint-detail.ts';
import type { ComplaintListRow } from '../../db/repositories/complaint-list.ts';
import type { DemandRow } from '../../db/schema.ts';
import { type Ability, stageOf, transitionAbilities } from '../../domain/complaint-lifecycle.ts';
import { checkDemandAddition } from '../../domain/demands.ts';
import type { Actor } from '../../policies/actor.ts';
import { canHandleComplaint } from '../../policies/permissions.ts';
import type { complaintListItemSchema, complaintSchema } from '../responses.ts';
import { iso, presentPhone, presentUserRef } from './people.ts';

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

function abilities(actor: Actor, d: ComplaintDetail): ComplaintOut['abilities'] {
  const c = d.complaint;
  const status = c.status;
  const handle = canHandleComplaint(actor, {
    ownerId: c.owner_id,
    handlerId: c.handler_id,
    team: c.team,
    status,
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
  };
}

export function presentComplaint(actor: Actor, d: ComplaintDetail): ComplaintOut {
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
    abilities: abilities(actor, d),
  };
}

export function presentComplaintListItem(actor: Actor, r: ComplaintListRow): ComplaintListItemOut {
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
  };
}
