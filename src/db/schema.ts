// Kysely's view of the tables created by src/db/migrations. Keep in step with the SQL.
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type {
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

export interface SchemaMigrationsTable {
  version: string;
  applied_at: Timestamp;
}

export interface Database {
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
}

export type UserRow = Selectable<UsersTable>;
export type ComplaintRow = Selectable<ComplaintsTable>;
export type DemandRow = Selectable<DemandsTable>;
export type ContactRow = Selectable<ContactsTable>;
export type CustomerRow = Selectable<CustomersTable>;
export type CategoryRow = Selectable<CategoriesTable>;
export type AuditEventRow = Selectable<AuditEventsTable>;
export type NewAuditEvent = Insertable<AuditEventsTable>;
