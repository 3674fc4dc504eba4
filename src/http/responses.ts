// Response schemas: the public shape of what the API returns, published in the OpenAPI
// document and enforced when each response is serialised (a presenter that drifts fails loudly).
import { z } from 'zod';
import {
  COMMITMENT_KINDS,
  COMMITMENT_SOURCES,
  COMMITMENT_STATES,
  COMMITMENT_STATUSES,
} from '../domain/commitments.ts';
import { DEADLINE_KINDS, DEADLINE_STATES } from '../domain/deadlines.ts';
import { ESCALATION_KINDS, ESCALATION_REASONS, ESCALATION_REVIEWS } from '../domain/escalation.ts';
import {
  CAUSES,
  CHANNELS,
  COMPLAINT_ACTIONS,
  COMPLAINT_STATUSES,
  CONTACT_DIRECTIONS,
  CONTACT_OUTCOMES,
  CONTACT_PURPOSES,
  DEMAND_STATUSES,
  DEMAND_TYPES,
  SEVERITIES,
} from '../domain/vocabulary.ts';
import { HANDLING_ROLES } from '../policies/permissions.ts';
import { compensationSchema } from './presenters/compensation.ts';
import { workOrderSchema } from './presenters/work-order.ts';

import { ability, phoneResponse, userRef } from './shared-schemas.ts';

export { ability, phoneResponse, userRef };

const timestamp = z.iso.datetime().describe('ISO 8601, UTC');
const nullableTimestamp = timestamp.nullable();

const abilities = z.object({
  ...Object.fromEntries(COMPLAINT_ACTIONS.map((a) => [a, ability])),
  edit: ability,
  addDemand: ability,
  addContact: ability,
  transfer: ability,
  addCommitment: ability,
  pause: ability,
  resume: ability,
  escalate: ability,
  takeOver: ability,
  flagDifficult: ability,
  pickUp: ability,
  handBack: ability,
  sendWorkOrder: ability,
  analyse: ability,
} as Record<
  | (typeof COMPLAINT_ACTIONS)[number]
  | 'edit'
  | 'addDemand'
  | 'addContact'
  | 'transfer'
  | 'addCommitment'
  | 'pause'
  | 'resume'
  | 'escalate'
  | 'takeOver'
  | 'flagDifficult'
  | 'pickUp'
  | 'handBack'
  | 'sendWorkOrder'
  | 'analyse',
  typeof ability
>);

export const demandResponse = z.object({
  id: z.uuid(),
  position: z.number().int(),
  type: z.enum(DEMAND_TYPES),
  description: z.string(),
  status: z.enum(DEMAND_STATUSES),
  resolution: z.string().nullable(),
  customerInformed: z.boolean(),
  createdAt: timestamp,
  answeredBy: z.uuid().nullable(),
  answeredAt: nullableTimestamp,
  informedAt: nullableTimestamp,
});

export const durationSpec = z.union([
  z.object({ workingDays: z.number() }),
  z.object({ workingHours: z.number() }),
  z.object({ calendarHours: z.number() }),
]);

export const deadlineResponse = z.object({
  id: z.uuid(),
  kind: z.enum(DEADLINE_KINDS).describe('acceptance | first_contact | reply | resolution'),
  state: z
    .enum(DEADLINE_STATES)
    .describe(
      'running, at_risk (past the warning), breached, met, paused (waiting for the customer), cancelled',
    ),
  target: durationSpec.describe("The policy's time limit"),
  startAt: timestamp,
  dueAt: timestamp,
  warnAt: timestamp,
  provisional: z
    .boolean()
    .describe('The due time reaches into a year without the official holiday schedule: weekends only'),
  late: z.boolean().describe('Met after its due time, or breached'),
  metAt: nullableTimestamp,
  warnedAt: nullableTimestamp,
  breachedAt: nullableTimestamp.describe('The true time of the breach (its due time)'),
  pausedAt: nullableTimestamp,
  pausedMs: z.number().int().describe('Working time excluded by pauses so far'),
  deferredTo: nullableTimestamp.describe("Moved later at the customer's own request"),
  cancelledAt: nullableTimestamp,
  escalateOnBreach: z.boolean(),
  policyId: z.uuid().nullable(),
  calendarId: z.uuid().nullable(),
});

export const wordingFinding = z.object({
  code: z.string(),
  phrase: z.string(),
  message: z.string(),
  suggestion: z.string(),
});

export const commitmentResponse = z.object({
  id: z.uuid(),
  source: z.enum(COMMITMENT_SOURCES).describe("agent: we promised; customer: the customer's own request"),
  kind: z.enum(COMMITMENT_KINDS),
  description: z.string(),
  status: z.enum(COMMITMENT_STATUSES),
  state: z
    .enum(COMMITMENT_STATES)
    .describe("waiting (before the customer's time), open, due_soon, overdue, …"),
  notBefore: nullableTimestamp,
  dueAt: timestamp,
  remindAt: timestamp,
  provisional: z.boolean(),
  wording: z.array(wordingFinding).describe("Language check (domain §10): advice on the promise's words"),
  madeBy: userRef,
  madeAt: timestamp,
  fulfilledAt: nullableTimestamp,
  fulfilledBy: userRef.nullable(),
  fulfilledContactId: z.uuid().nullable(),
  fulfilNote: z.string().nullable(),
  cancelledAt: nullableTimestamp,
  cancelledBy: userRef.nullable(),
  cancelReason: z.string().nullable(),
  remindedAt: nullableTimestamp,
  breachedAt: nullableTimestamp,
});

export const escalationResponse = z.object({
  id: z.uuid(),
  kind: z
    .enum(ESCALATION_KINDS)
    .describe('escalation (up a tier), return (handed back down), takeover (by a supervisor)'),
  reason: z.enum(ESCALATION_REASONS).nullable(),
  note: z.string().describe('The note, the hand-back instructions, or the take-over note'),
  fromLevel: z.number().int(),
  toLevel: z.number().int(),
  fromHandler: userRef.nullable(),
  toHandler: userRef.nullable(),
  automatic: z.boolean().describe('Fired by a breached deadline whose policy escalates'),
  createdBy: userRef.nullable(),
  createdAt: timestamp,
  review: z.enum(ESCALATION_REVIEWS).nullable(),
  reviewComment: z.string().nullable(),
  reviewedBy: userRef.nullable(),
  reviewedAt: nullableTimestamp,
});

export const nextDeadlineResponse = z
  .object({
    kind: z.enum(DEADLINE_KINDS),
    dueAt: timestamp,
    warnAt: timestamp,
    state: z.enum(DEADLINE_STATES),
  })
  .nullable()
  .describe('The earliest deadline still open (null when none runs)');

export const analysisResponse = z
  .object({
    cause: z
      .enum(CAUSES)
      .describe('product_technical | communication | service_attitude | customer_situation (§8)'),
    controllable: z.boolean(),
    internal: z.boolean(),
    reversible: z.boolean(),
    companyAtFault: z
      .boolean()
      .nullable()
      .describe('null: not judged; judged only once the facts are verified (pitfall 5)'),
    responsibleDepartment: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    note: z.string().nullable().describe('Impact, result, change'),
    analysedBy: userRef.nullable(),
    analysedAt: nullableTimestamp,
  })
  .nullable()
  .describe('The cause analysis (§8); closing as completed needs one');

const categoryRef = z.object({
  id: z.uuid(),
  name: z.string().nullable(),
  nameEn: z.string().nullable().optional(),
});

export const complaintSchema = z.object({
  id: z.uuid(),
  number: z.string().describe('TS + day of registration in China + daily sequence, e.g. TS202611220001'),
  status: z.enum(COMPLAINT_STATUSES),
  stage: z.enum(['accept', 'explain_clarify', 'resolve', 'follow_up', 'done']),
  version: z.number().int().describe('Send it back with every change (optimistic lock)'),
  channel: z.enum(CHANNELS),
  receivedAt: timestamp,
  description: z.string(),
  verifiedFacts: z.string().nullable(),
  category: categoryRef.nullable(),
  product: z.string().nullable(),
  severity: z.enum(SEVERITIES),
  dissatisfaction: z.string().nullable(),
  customerType: z.string().nullable(),
  customerMotive: z.string().nullable(),
  resolutionClass: z.string().nullable(),
  confirmed: z.boolean(),
  owner: userRef.nullable().describe('First contact (首问负责人); fixed at acceptance'),
  handler: userRef.nullable(),
  team: z.string().nullable(),
  customer: z.object({
    id: z.uuid(),
    name: z.string().nullable(),
    vipLevel: z.number().int(),
    tags: z.array(z.string()),
    ...phoneResponse.shape,
  }),
  summary: z.string().nullable(),
  closeReason: z.enum(['completed', 'withdrawn']).nullable(),
  withdrawReason: z.string().nullable(),
  reopenCount: z.number().int(),
  acceptedAt: nullableTimestamp,
  resolvedAt: nullableTimestamp,
  closedAt: nullableTimestamp,
  createdAt: timestamp,
  updatedAt: timestamp,
  demands: z.array(demandResponse),
  contacts: z.array(
    z.object({
      id: z.uuid(),
      direction: z.enum(CONTACT_DIRECTIONS),
      channel: z.enum(CHANNELS),
      purpose: z.enum(CONTACT_PURPOSES),
      outcome: z.enum(CONTACT_OUTCOMES),
      agent: userRef,
      startedAt: timestamp,
      endedAt: nullableTimestamp,
      notes: z.string().nullable(),
    }),
  ),
  timeline: z.array(
    z.object({
      id: z.string(),
      at: timestamp,
      action: z.string().describe('e.g. complaint.accept, demand.updated, contact.logged'),
      entity: z.string(),
      entityId: z.string(),
      actor: userRef.nullable(),
      before: z.unknown(),
      after: z.unknown(),
    }),
  ),
  deadlines: z.array(deadlineResponse),
  commitments: z.array(commitmentResponse),
  paused: z
    .object({ since: timestamp, reason: z.string().nullable() })
    .nullable()
    .describe('Waiting for the customer: deadlines stand still'),
  nextDeadline: nextDeadlineResponse,
  tierLevel: z.number().int().describe('The tier handling it now (1 = front line)'),
  difficultCaller: z
    .object({ reason: z.string().nullable() })
    .nullable()
    .describe('Flagged as an abusive or threatening caller'),
  escalations: z.array(escalationResponse),
  compensations: z.array(compensationSchema).describe('补偿 granted or requested on the demands'),
  workOrders: z.array(workOrderSchema).describe('内部工单 sent to departments'),
  analysis: analysisResponse,
  repeatOf: z
    .object({ id: z.uuid(), number: z.string() })
    .nullable()
    .describe('The earlier complaint of the same customer and category, within the repeat window'),
  abilities: abilities.describe("What the caller may do now, and why not: the server's decision"),
});

export const complaintListItemSchema = z.object({
  id: z.uuid(),
  number: z.string(),
  status: z.enum(COMPLAINT_STATUSES),
  version: z.number().int(),
  channel: z.enum(CHANNELS),
  receivedAt: timestamp,
  description: z.string().describe('The first 140 characters'),
  category: categoryRef.nullable(),
  severity: z.enum(SEVERITIES),
  owner: userRef.nullable(),
  handler: userRef.nullable(),
  customer: z.object({
    id: z.uuid(),
    name: z.string().nullable(),
    vipLevel: z.number().int(),
    ...phoneResponse.shape,
  }),
  openDemands: z.number().int(),
  reopenCount: z.number().int(),
  updatedAt: timestamp,
  nextDeadline: nextDeadlineResponse,
  paused: z.boolean(),
});

export const complaintPageSchema = z.object({
  items: z.array(complaintListItemSchema),
  nextCursor: z.string().nullable().describe('Pass as ?cursor= for the next page; null on the last'),
});

const count = z.number().int().min(0);

export const complaintCountsSchema = z.object({
  byStatus: z
    .object(
      Object.fromEntries(COMPLAINT_STATUSES.map((s) => [s, count])) as Record<
        (typeof COMPLAINT_STATUSES)[number],
        typeof count
      >,
    )
    .describe('Every status is present, with 0 when none'),
  total: count,
});

const customerFlag = z
  .discriminatedUnion('code', [
    z.object({ code: z.literal('vip'), level: z.number().int().min(1) }),
    z.object({ code: z.literal('tagged'), tag: z.string() }),
    z.object({
      code: z.literal('repeat_caller'),
      count: count.describe('Complaints received within the window'),
      days: z.number().int(),
    }),
    z.object({
      code: z.literal('repeat_complaint'),
      count: count.describe('Complaints that repeat an earlier one of the same category within the window'),
    }),
    z.object({ code: z.literal('open_complaints'), count: count.describe('Complaints not yet closed') }),
    z.object({
      code: z.literal('previous_malicious_judgement'),
      count: count.describe('Complaints judged a malicious claim (恶意索赔)'),
    }),
  ])
  .describe('Something the agent should see at once about this customer');

export const customerProfileSchema = z.object({
  customer: z
    .object({
      id: z.uuid(),
      name: z.string().nullable(),
      externalId: z.string().nullable(),
      tags: z.array(z.string()),
      vipLevel: z.number().int(),
      phones: z.array(phoneResponse),
      createdAt: timestamp,
    })
    .nullable()
    .describe('null when no customer has this phone number'),
  flags: z.array(customerFlag),
  complaints: z.array(complaintListItemSchema).describe('The latest 50, newest first, whoever handles them'),
  openComplaints: z.array(complaintListItemSchema).describe('Those of `complaints` not yet closed'),
  counts: z.object({
    last90Days: count,
    byStatus: z
      .partialRecord(z.enum(COMPLAINT_STATUSES), count)
      .describe('All complaints; absent statuses have none'),
  }),
});

export const colleagueDirectorySchema = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      role: z.enum(HANDLING_ROLES),
      team: z.string().nullable(),
      tierLevel: z
        .number()
        .int()
        .describe('The tier the person works in: their own, their team’s, or their role’s'),
    }),
  ),
});

export const errorSchema = z
  .object({
    error: z.object({
      code: z.string().describe('e.g. VALIDATION_FAILED, STALE_VERSION, DEMANDS_OPEN'),
      message: z.string(),
      details: z.record(z.string(), z.unknown()),
    }),
  })
  .describe('Every error has this shape');

/** The error statuses a list or count may answer with. */
export const queryErrors = { 400: errorSchema, 401: errorSchema, 403: errorSchema } as const;

/** The error statuses a changing route may answer with. */
export const changeErrors = {
  400: errorSchema,
  401: errorSchema,
  403: errorSchema,
  404: errorSchema,
  409: errorSchema,
  422: errorSchema,
} as const;
