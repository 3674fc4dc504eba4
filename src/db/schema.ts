// Kysely's view of the tables created by src/db/migrations. Keep in step with the SQL.
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { CommitmentKind, CommitmentSource, CommitmentStatus } from '../domain/commitments.ts';
import type { DeadlineKind } from '../domain/deadlines.ts';
import type { EscalationKind, EscalationReason } from '../domain/escalation.ts';
import type { DayOverrideKind } from '../domain/official-schedule.ts';
import type {
  Cause,
  Channel,
  ComplaintStatus,
  ContactDirection,
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
} from '../domain/vocabulary.ts';
import type { ReportTables } from './schema-reports.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string | null, string | null>;

export interface UsersTable {
  id: Generated<string>;
  login: string;
  name: string;
  password_hash: string;
  role: Role;
  team: string | null;
  active: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
  team_id: string | null;
  tier_id: string | null;
  department_id: string | null;
  skills: Generated<string[]>;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface ApiTokensTable {
  id: Generated<string>;
  name: string;
  token_hash: string;
  prefix: string;
  user_id: string;
  created_by: string;
  created_at: Timestamp;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface CategoriesTable {
  id: Generated<string>;
  parent_id: string | null;
  name: string;
  name_en: string | null;
  position: Generated<number>;
  active: Generated<boolean>;
  created_at: Timestamp;
}

export interface CustomersTable {
  id: Generated<string>;
  name: string | null;
  external_id: string | null;
  tags: Generated<string[]>;
  vip_level: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CustomerPhonesTable {
  phone: string;
  kind: string;
  customer_id: string;
  created_at: Timestamp;
}

export interface ComplaintNumberCountersTable {
  day: ColumnType<string, string, string>;
  last: number;
}

export interface ComplaintsTable {
  id: Generated<string>;
  number: string;
  customer_id: string;
  contact_phone: string;
  channel: Channel;
  received_at: Timestamp;
  description: string;
  verified_facts: string | null;
  category_id: string | null;
  product: string | null;
  severity: Generated<Severity>;
  dissatisfaction: DissatisfactionLevel | null;
  customer_type: CustomerType | null;
  customer_motive: CustomerMotive | null;
  resolution_class: ResolutionClass | null;
  status: ComplaintStatus;
  confirmed: Generated<boolean>;
  owner_id: string | null;
  handler_id: string | null;
  team: string | null;
  created_by: string;
  summary: string | null;
  close_reason: 'completed' | 'withdrawn' | null;
  withdraw_reason: string | null;
  reopen_count: Generated<number>;
  version: Generated<number>;
  accepted_at: Timestamp | null;
  resolved_at: Timestamp | null;
  closed_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  paused_at: Timestamp | null;
  pause_reason: string | null;
  policy_id: string | null;
  next_due_at: Timestamp | null;
  next_due_kind: DeadlineKind | null;
  next_warn_at: Timestamp | null;
  tier_level: Generated<number>;
  difficult_caller: Generated<boolean>;
  difficult_reason: string | null;
  // Cause analysis (§8) and the facts reports count (migration 0005).
  cause: Cause | null;
  cause_controllable: boolean | null;
  cause_internal: boolean | null;
  cause_reversible: boolean | null;
  company_at_fault: boolean | null;
  responsible_department_id: string | null;
  analysis_note: string | null;
  analysed_by: string | null;
  analysed_at: Timestamp | null;
  repeat_of: string | null;
  max_tier_level: Generated<number>;
  escalation_count: Generated<number>;
  escalations_reviewed: Generated<number>;
  escalations_justified: Generated<number>;
  reply_on_time: boolean | null;
  resolution_on_time: boolean | null;
}

export interface DemandsTable {
  id: Generated<string>;
  complaint_id: string;
  position: number;
  type: DemandType;
  description: string;
  status: Generated<DemandStatus>;
  resolution: string | null;
  customer_informed: Generated<boolean>;
  created_by: string;
  created_at: Timestamp;
  answered_by: string | null;
  answered_at: Timestamp | null;
  informed_by: string | null;
  informed_at: Timestamp | null;
}

export interface ContactsTable {
  id: Generated<string>;
  complaint_id: string;
  direction: ContactDirection;
  channel: Channel;
  purpose: ContactPurpose;
  outcome: ContactOutcome;
  agent_id: string;
  started_at: Timestamp;
  ended_at: Timestamp | null;
  notes: string | null;
  created_at: Timestamp;
}

export interface AuditEventsTable {
  id: Generated<string>;
  complaint_id: string | null;
  entity: string;
  entity_id: string;
  action: string;
  actor_id: string | null;
  at: Timestamp;
  before: Json;
  after: Json;
}

export interface IdempotencyKeysTable {
  user_id: string;
  key: string;
  request_hash: string;
  complaint_id: string | null;
  created_at: Timestamp;
}

export interface CalendarsTable {
  id: Generated<string>;
  code: string;
  name: string;
  offset_minutes: Generated<number>;
  every_day: Generated<boolean>;
  hours: Generated<string[]>;
  is_default: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface OfficialScheduleYearsTable {
  year: number;
  source: string;
  imported_by: string | null;
  imported_at: Timestamp;
}

export interface OfficialScheduleDaysTable {
  day: ColumnType<string, string, string>;
  year: number;
  kind: DayOverrideKind;
  name: string;
}

export interface CalendarOverridesTable {
  calendar_id: string;
  day: ColumnType<string, string, string>;
  kind: DayOverrideKind;
  name: string;
  created_by: string | null;
  created_at: Timestamp;
}

export interface SlaPoliciesTable {
  id: Generated<string>;
  name: string;
  priority: number;
  active: Generated<boolean>;
  severities: string[] | null;
  category_ids: string[] | null;
  channels: string[] | null;
  min_vip_level: number | null;
  calendar_id: string;
  targets: ColumnType<unknown, string, string>;
  warn_percent: Generated<number>;
  escalate_on_breach: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

type BigCount = ColumnType<number, number | undefined, number>;

export interface ComplaintDeadlinesTable {
  id: Generated<string>;
  complaint_id: string;
  kind: DeadlineKind;
  policy_id: string | null;
  calendar_id: string | null;
  target: ColumnType<unknown, string, string>;
  start_at: Timestamp;
  due_at: Timestamp;
  warn_at: Timestamp;
  provisional: Generated<boolean>;
  paused_ms: BigCount;
  paused_at: Timestamp | null;
  deferred_to: Timestamp | null;
  escalate_on_breach: Generated<boolean>;
  warned_at: Timestamp | null;
  breached_at: Timestamp | null;
  met_at: Timestamp | null;
  cancelled_at: Timestamp | null;
  next_fire_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CommitmentsTable {
  id: Generated<string>;
  complaint_id: string;
  source: CommitmentSource;
  kind: CommitmentKind;
  description: string;
  not_before: Timestamp | null;
  due_at: Timestamp;
  remind_at: Timestamp;
  provisional: Generated<boolean>;
  due_spec: Json;
  wording: ColumnType<unknown, string | undefined, string>;
  status: Generated<CommitmentStatus>;
  made_by: string;
  made_at: Timestamp;
  fulfilled_at: Timestamp | null;
  fulfilled_by: string | null;
  fulfilled_contact_id: string | null;
  fulfil_note: string | null;
  cancelled_at: Timestamp | null;
  cancelled_by: string | null;
  cancel_reason: string | null;
  reminded_at: Timestamp | null;
  breached_at: Timestamp | null;
  next_fire_at: Timestamp | null;
}

export interface NotificationsTable {
  id: Generated<string>;
  user_id: string;
  kind: string;
  complaint_id: string | null;
  subject_id: string | null;
  dedupe_key: string;
  payload: ColumnType<unknown, string, string>;
  created_at: Timestamp;
  read_at: Timestamp | null;
}

export interface TiersTable {
  id: Generated<string>;
  code: string;
  name: string;
  level: number;
  created_at: Timestamp;
}

export interface TeamsTable {
  id: Generated<string>;
  name: string;
  tier_id: string;
  created_at: Timestamp;
}

export interface DepartmentsTable {
  id: Generated<string>;
  name: string;
  calendar_id: string | null;
  active: Generated<boolean>;
  created_at: Timestamp;
}

/** numeric comes back from the database as a string (exact); write numbers or strings. */
type Money = ColumnType<string, number | string, number | string>;

export interface AuthorityLimitsTable {
  id: Generated<string>;
  role: Role | null;
  team_id: string | null;
  max_compensation: Money;
  approval_types: Generated<string[]>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface EscalationsTable {
  id: Generated<string>;
  complaint_id: string;
  kind: EscalationKind;
  reason: EscalationReason | null;
  note: string;
  from_level: number;
  to_level: number;
  from_handler_id: string | null;
  to_handler_id: string | null;
  automatic: Generated<boolean>;
  deadline_id: string | null;
  applied_at: Timestamp | null;
  created_by: string | null;
  created_at: Timestamp;
  review: 'justified' | 'unjustified' | null;
  review_comment: string | null;
  reviewed_by: string | null;
  reviewed_at: Timestamp | null;
}

export interface WorkOrdersTable {
  id: Generated<string>;
  complaint_id: string;
  department_id: string;
  request: string;
  facts: string | null;
  attachments: ColumnType<unknown, string | undefined, string>;
  status: Generated<'open' | 'answered' | 'cancelled'>;
  due_at: Timestamp;
  provisional: Generated<boolean>;
  created_by: string;
  created_at: Timestamp;
  outcome: 'done' | 'verified' | 'cannot' | 'more_time' | null;
  answer: string | null;
  answered_by: string | null;
  answered_at: Timestamp | null;
  requested_due_at: Timestamp | null;
  pass_count: Generated<number>;
  flagged_at: Timestamp | null;
  warned_at: Timestamp | null;
  breached_at: Timestamp | null;
  next_fire_at: Timestamp | null;
  updated_at: Timestamp;
}

export interface WorkOrderPassesTable {
  id: Generated<string>;
  work_order_id: string;
  from_department_id: string;
  to_department_id: string;
  reason: string;
  passed_by: string;
  passed_at: Timestamp;
}

export interface CompensationsTable {
  id: Generated<string>;
  complaint_id: string;
  demand_id: string;
  type: 'refund' | 'bill_credit' | 'gift' | 'service' | 'other';
  amount: Money;
  wording: string;
  status: 'approved' | 'pending' | 'refused' | 'cancelled';
  requested_by: string;
  requested_at: Timestamp;
  decided_by: string | null;
  decided_at: Timestamp | null;
  decision_reason: string | null;
}

export interface SchemaMigrationsTable {
  version: string;
  applied_at: Timestamp;
}

export interface Database extends ReportTables {
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  categories: CategoriesTable;
  customers: CustomersTable;
  customer_phones: CustomerPhonesTable;
  complaint_number_counters: ComplaintNumberCountersTable;
  complaints: ComplaintsTable;
  demands: DemandsTable;
  contacts: ContactsTable;
  audit_events: AuditEventsTable;
  idempotency_keys: IdempotencyKeysTable;
  schema_migrations: SchemaMigrationsTable;
  calendars: CalendarsTable;
  official_schedule_years: OfficialScheduleYearsTable;
  official_schedule_days: OfficialScheduleDaysTable;
  calendar_overrides: CalendarOverridesTable;
  sla_policies: SlaPoliciesTable;
  complaint_deadlines: ComplaintDeadlinesTable;
  commitments: CommitmentsTable;
  notifications: NotificationsTable;
  tiers: TiersTable;
  teams: TeamsTable;
  departments: DepartmentsTable;
  authority_limits: AuthorityLimitsTable;
  escalations: EscalationsTable;
  work_orders: WorkOrdersTable;
  work_order_passes: WorkOrderPassesTable;
  compensations: CompensationsTable;
}

export type UserRow = Selectable<UsersTable>;
export type ComplaintRow = Selectable<ComplaintsTable>;
export type DemandRow = Selectable<DemandsTable>;
export type ContactRow = Selectable<ContactsTable>;
export type CustomerRow = Selectable<CustomersTable>;
export type CategoryRow = Selectable<CategoriesTable>;
export type AuditEventRow = Selectable<AuditEventsTable>;
export type NewAuditEvent = Insertable<AuditEventsTable>;
export type CalendarRow = Selectable<CalendarsTable>;
export type SlaPolicyRow = Selectable<SlaPoliciesTable>;
export type DeadlineRow = Selectable<ComplaintDeadlinesTable>;
export type CommitmentRow = Selectable<CommitmentsTable>;
export type NotificationRow = Selectable<NotificationsTable>;
export type EscalationRow = Selectable<EscalationsTable>;
export type WorkOrderRow = Selectable<WorkOrdersTable>;
export type CompensationRow = Selectable<CompensationsTable>;
export type DepartmentRow = Selectable<DepartmentsTable>;
