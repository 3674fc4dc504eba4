// The shapes the server answers with, taken from its own response schemas (one source of truth).
import type { z } from 'zod';
import type {
  compensationItemSchema,
  compensationSchema,
} from '../../../src/http/presenters/compensation.ts';
import type { workOrderSchema } from '../../../src/http/presenters/work-order.ts';
import type {
  commitmentResponse,
  complaintListItemSchema,
  complaintPageSchema,
  complaintSchema,
  deadlineResponse,
  demandResponse,
  wordingFinding,
} from '../../../src/http/responses.ts';

export type Complaint = z.output<typeof complaintSchema>;
export type ComplaintListItem = z.output<typeof complaintListItemSchema>;
export type ComplaintPage = z.output<typeof complaintPageSchema>;
export type Demand = z.output<typeof demandResponse>;
export type Ability = Complaint['abilities']['close'];
export type Contact = Complaint['contacts'][number];
export type TimelineEvent = Complaint['timeline'][number];
export type AbilityName = keyof Complaint['abilities'];
export type Deadline = z.output<typeof deadlineResponse>;
export type Commitment = z.output<typeof commitmentResponse>;
export type WordingFinding = z.output<typeof wordingFinding>;
export type NextDeadline = NonNullable<Complaint['nextDeadline']>;
export type DeadlineKind = Deadline['kind'];
export type DeadlineState = Deadline['state'];
export type CommitmentKind = Commitment['kind'];
export type CommitmentSource = Commitment['source'];
export type Escalation = Complaint['escalations'][number];
export type WorkOrder = z.output<typeof workOrderSchema>;
export type Compensation = z.output<typeof compensationSchema>;
/** In the approval queue: the compensation with its complaint and demand. */
export type CompensationItem = z.output<typeof compensationItemSchema>;

export type {
  Channel,
  ComplaintAction,
  ComplaintStatus,
  ContactOutcome,
  ContactPurpose,
  CustomerMotive,
  CustomerType,
  DemandStatus,
  DemandType,
  DissatisfactionLevel,
  ResolutionClass,
  Role,
  Severity,
} from '../../../src/domain/vocabulary.ts';

export interface User {
  id: string;
  login: string;
  name: string;
  role: import('../../../src/domain/vocabulary.ts').Role;
  team: string | null;
  teamId?: string | null;
  tierId?: string | null;
  departmentId?: string | null;
}

export interface Me {
  user: User;
  permissions: { seePersonalData: boolean };
  viaToken: boolean;
}

export interface Category {
  id: string;
  parentId: string | null;
  name: string;
  nameEn: string | null;
  active: boolean;
}

export interface Phone {
  phone: string;
  phoneMasked: boolean;
}

export interface CustomerFlag {
  code: string;
  [key: string]: unknown;
}

export interface CustomerProfile {
  customer: {
    id: string;
    name: string | null;
    externalId: string | null;
    tags: string[];
    vipLevel: number;
    phones: Phone[];
    createdAt: string;
  } | null;
  complaints: ComplaintListItem[];
  openComplaints: ComplaintListItem[];
  counts: { last90Days: number; byStatus: Record<string, number> };
  flags?: CustomerFlag[];
}

export interface StatusCounts {
  byStatus: Record<string, number>;
  total: number;
}

export interface Colleague {
  id: string;
  name: string;
  role: string;
  team: string | null;
  /** Not sent yet by GET /users/directory: the tier is then worked out from the team or role. */
  tierLevel?: number | null;
}

/** GET /tiers, /teams, /departments (src/http/routes/organisation.ts). */
export interface Tier {
  id: string;
  code: string;
  name: string;
  level: number;
}

export interface Team {
  id: string;
  name: string;
  tierId: string;
}

export interface Department {
  id: string;
  name: string;
  calendarId: string | null;
  active: boolean;
}

/** GET /escalations: an escalation with the complaint it moved (src/http/routes/escalations.ts). */
export type EscalationQueueItem = Omit<Escalation, 'kind'> & {
  complaint: {
    id: string;
    number: string;
    severity: string;
    status: string;
    team: string | null;
    owner: { id: string; name: string | null } | null;
  };
};

/** GET /deadlines: open deadlines at risk or breached (src/http/routes/deadlines.ts). */
export interface BoardItem {
  id: string;
  kind: DeadlineKind;
  state: 'at_risk' | 'breached';
  dueAt: string;
  warnAt: string;
  breachedAt: string | null;
  provisional: boolean;
  escalateOnBreach: boolean;
  complaint: {
    id: string;
    number: string;
    status: import('../../../src/domain/vocabulary.ts').ComplaintStatus;
    severity: import('../../../src/domain/vocabulary.ts').Severity;
    team: string | null;
    category: { id: string; name: string | null } | null;
    handler: { id: string; name: string | null } | null;
    owner: { id: string; name: string | null } | null;
  };
}

export interface BoardPage {
  items: BoardItem[];
  nextCursor: string | null;
  counts: { at_risk: number; breached: number };
}

/** GET /notifications (src/http/routes/notifications.ts). */
export interface Notification {
  id: string;
  kind: string;
  complaintId: string | null;
  subjectId: string | null;
  payload: Record<string, unknown>;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationPage {
  items: Notification[];
  nextCursor: string | null;
  unread: number;
}

/** GET /calendars. */
export interface CalendarSummary {
  id: string;
  code: string;
  name: string;
  offsetMinutes: number;
  everyDay: boolean;
  hours: string[];
  isDefault: boolean;
  overrides?: number;
}

/** GET /calendars/:id/days?year= */
export interface CalendarYear {
  calendarId: string;
  year: number;
  everyDay?: boolean;
  provisional: boolean;
  days: {
    day: string;
    kind: 'holiday' | 'adjusted_workday';
    working?: boolean;
    name: string;
    source: string;
  }[];
}

/** POST /calendar/compute */
export interface ComputedDue {
  dueAt: string;
  provisional: boolean;
  calendarId: string;
}

/** GET /sla-policies: read loosely, the route is young (targets are duration specs per kind). */
export interface SlaPolicy {
  id: string;
  name: string;
  priority: number;
  active?: boolean;
  severities?: string[] | null;
  categoryIds?: string[] | null;
  channels?: string[] | null;
  minVipLevel?: number | null;
  calendarId?: string | null;
  targets: Partial<Record<DeadlineKind, Record<string, unknown>>>;
  warnPercent?: number;
  escalateOnBreach?: boolean;
}
