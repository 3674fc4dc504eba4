-- Tousu initial schema. PostgreSQL 15+ (PGlite runs 18; nothing here needs more than 15).

CREATE TABLE users (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  login         text NOT NULL,
  name          text NOT NULL,
  password_hash text NOT NULL,
  role          text NOT NULL CHECK (role IN ('agent','specialist','supervisor','analyst','admin','department')),
  team          text,
  active        boolean NOT NULL DEFAULT true,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_login_key ON users (lower(login));

CREATE TABLE sessions (
  id           text PRIMARY KEY,              -- sha256 of the cookie value
  user_id      uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at   timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

CREATE TABLE api_tokens (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name         text NOT NULL,
  token_hash   text NOT NULL UNIQUE,          -- sha256 of the token
  prefix       text NOT NULL,                 -- first characters, to recognise a token in lists
  user_id      uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_by   uuid NOT NULL REFERENCES users(id),
  created_at   timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  revoked_at   timestamptz
);

CREATE TABLE categories (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  parent_id  uuid REFERENCES categories(id),
  name       text NOT NULL,
  name_en    text,
  position   integer NOT NULL DEFAULT 0,
  active     boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX categories_sibling_name_key
  ON categories (coalesce(parent_id, '00000000-0000-0000-0000-000000000000'::uuid), name);

CREATE TABLE customers (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name        text,
  external_id text UNIQUE,
  tags        text[] NOT NULL DEFAULT '{}',
  vip_level   integer NOT NULL DEFAULT 0 CHECK (vip_level BETWEEN 0 AND 9),
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE customer_phones (
  phone       text PRIMARY KEY,               -- normal form, see src/domain/phone.ts
  kind        text NOT NULL CHECK (kind IN ('mobile','landline','service')),
  customer_id uuid NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX customer_phones_customer_idx ON customer_phones (customer_id);

CREATE TABLE complaint_number_counters (
  day  date PRIMARY KEY,
  last integer NOT NULL
);

CREATE TABLE complaints (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  number               text NOT NULL UNIQUE,
  customer_id          uuid NOT NULL REFERENCES customers(id),
  contact_phone        text NOT NULL,                -- normal form of the number the customer gave
  channel              text NOT NULL CHECK (channel IN ('phone_in','phone_out','email','web','sms','wechat','walk_in','api')),
  received_at          timestamptz NOT NULL,
  description          text NOT NULL,
  verified_facts       text,
  category_id          uuid REFERENCES categories(id),
  product              text,
  severity             text NOT NULL DEFAULT 'normal' CHECK (severity IN ('normal','major','crisis')),
  dissatisfaction      text CHECK (dissatisfaction IN ('dissatisfied','grumbling','complaining','leaving')),
  customer_type        text CHECK (customer_type IN ('problem_solving','emotional_venting','rational_difficult','malicious_claim')),
  customer_motive      text CHECK (customer_motive IN ('quality_supervision','rational','negotiation','victim')),
  resolution_class     text CHECK (resolution_class IN ('immediate','short_term','not_now')),
  status               text NOT NULL CHECK (status IN ('new','accepted','in_progress','resolved','closed')),
  confirmed            boolean NOT NULL DEFAULT false,
  owner_id             uuid REFERENCES users(id),
  handler_id           uuid REFERENCES users(id),
  team                 text,
  created_by           uuid NOT NULL REFERENCES users(id),
  summary              text,
  close_reason         text CHECK (close_reason IN ('completed','withdrawn')),
  withdraw_reason      text,
  reopen_count         integer NOT NULL DEFAULT 0,
  version              integer NOT NULL DEFAULT 1,
  accepted_at          timestamptz,
  resolved_at          timestamptz,
  closed_at            timestamptz,
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now(),
  CHECK (status = 'new' OR owner_id IS NOT NULL)
);
CREATE INDEX complaints_received_idx ON complaints (received_at DESC, id DESC);
CREATE INDEX complaints_status_idx ON complaints (status, received_at DESC);
CREATE INDEX complaints_customer_idx ON complaints (customer_id, received_at DESC);
CREATE INDEX complaints_owner_idx ON complaints (owner_id, received_at DESC);
CREATE INDEX complaints_handler_idx ON complaints (handler_id, received_at DESC);
CREATE INDEX complaints_team_idx ON complaints (team, received_at DESC);
CREATE INDEX complaints_category_idx ON complaints (category_id, received_at DESC);

CREATE TABLE demands (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  complaint_id      uuid NOT NULL REFERENCES complaints(id) ON DELETE CASCADE,
  position          integer NOT NULL,
  type              text NOT NULL CHECK (type IN ('explanation','fix','refund','compensation','apology','staff_action','improvement','other')),
  description       text NOT NULL,
  status            text NOT NULL DEFAULT 'open' CHECK (status IN ('open','fulfilled','declined')),
  resolution        text,
  customer_informed boolean NOT NULL DEFAULT false,
  created_by        uuid NOT NULL REFERENCES users(id),
  created_at        timestamptz NOT NULL DEFAULT now(),
  answered_by       uuid REFERENCES users(id),
  answered_at       timestamptz,
  informed_by       uuid REFERENCES users(id),
  informed_at       timestamptz,
  UNIQUE (complaint_id, position)
);

CREATE TABLE contacts (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  complaint_id uuid NOT NULL REFERENCES complaints(id) ON DELETE CASCADE,
  direction    text NOT NULL CHECK (direction IN ('inbound','outbound')),
  channel      text NOT NULL CHECK (channel IN ('phone_in','phone_out','email','web','sms','wechat','walk_in','api')),
  purpose      text NOT NULL CHECK (purpose IN ('intake','clarify','verify_facts','propose_solution','progress_update','inform_result','callback','survey','other')),
  outcome      text NOT NULL CHECK (outcome IN ('reached','no_answer','busy','wrong_number','refused','callback_requested','message_left')),
  agent_id     uuid NOT NULL REFERENCES users(id),
  started_at   timestamptz NOT NULL,
  ended_at     timestamptz,
  notes        text,
  created_at   timestamptz NOT NULL DEFAULT now(),
  CHECK (ended_at IS NULL OR ended_at >= started_at)
);
CREATE INDEX contacts_complaint_idx ON contacts (complaint_id, started_at);

-- Append-only: the application only ever inserts here.
CREATE TABLE audit_events (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  complaint_id uuid REFERENCES complaints(id) ON DELETE CASCADE,
  entity       text NOT NULL,
  entity_id    text NOT NULL,
  action       text NOT NULL,
  actor_id     uuid REFERENCES users(id),
  at           timestamptz NOT NULL DEFAULT now(),
  before       jsonb,
  after        jsonb
);
CREATE INDEX audit_events_complaint_idx ON audit_events (complaint_id, id);
CREATE INDEX audit_events_entity_idx ON audit_events (entity, entity_id, id);

CREATE TABLE idempotency_keys (
  user_id      uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  key          text NOT NULL,
  request_hash text NOT NULL,
  complaint_id uuid REFERENCES complaints(id) ON DELETE CASCADE,
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, key)
);
