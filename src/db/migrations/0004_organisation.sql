-- Tiers, teams, departments, authority limits, escalations, department work orders and
-- compensation (issue 5). See src/domain/escalation.ts, work-orders.ts, compensation.ts.

CREATE TABLE tiers (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code       text NOT NULL UNIQUE,
  name       text NOT NULL,
  level      integer NOT NULL UNIQUE CHECK (level >= 1),   -- 1 = front line; higher handles harder cases
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE teams (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name       text NOT NULL UNIQUE,
  tier_id    uuid NOT NULL REFERENCES tiers(id),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE departments (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name        text NOT NULL UNIQUE,
  calendar_id uuid REFERENCES calendars(id),             -- NULL: the default calendar
  active      boolean NOT NULL DEFAULT true,
  created_at  timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE users
  ADD COLUMN team_id       uuid REFERENCES teams(id),
  ADD COLUMN tier_id       uuid REFERENCES tiers(id),     -- NULL: the tier of the user's team, else of the role
  ADD COLUMN department_id uuid REFERENCES departments(id),
  ADD COLUMN skills        text[] NOT NULL DEFAULT '{}';  -- category ids, languages ("lang:yue"), "vip"
CREATE INDEX users_department_idx ON users (department_id) WHERE department_id IS NOT NULL;

-- What a role (or a team, which wins) may grant without approval (责权利对等).
CREATE TABLE authority_limits (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  role             text CHECK (role IN ('agent','specialist','supervisor','analyst','admin','department')),
  team_id          uuid REFERENCES teams(id) ON DELETE CASCADE,
  max_compensation numeric(12,2) NOT NULL DEFAULT 0 CHECK (max_compensation >= 0),
  approval_types   text[] NOT NULL DEFAULT '{}',          -- compensation types that always need approval
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  CHECK ((role IS NULL) <> (team_id IS NULL))
);
CREATE UNIQUE INDEX authority_limits_role_key ON authority_limits (role) WHERE role IS NOT NULL;
CREATE UNIQUE INDEX authority_limits_team_key ON authority_limits (team_id) WHERE team_id IS NOT NULL;

ALTER TABLE complaints
  ADD COLUMN tier_level       integer NOT NULL DEFAULT 1,  -- the tier handling it now
  ADD COLUMN difficult_caller boolean NOT NULL DEFAULT false,
  ADD COLUMN difficult_reason text;
CREATE INDEX complaints_tier_queue_idx ON complaints (tier_level, received_at DESC) WHERE handler_id IS NULL;

-- Escalations up a tier, hand-backs down, and supervisors taking over, each with its reason.
CREATE TABLE escalations (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  complaint_id    uuid NOT NULL REFERENCES complaints(id) ON DELETE CASCADE,
  kind            text NOT NULL CHECK (kind IN ('escalation','return','takeover')),
  reason          text CHECK (reason IN ('beyond_authority','beyond_resources','customer_insists','major_risk','deadline_breached')),
  note            text NOT NULL,
  from_level      integer NOT NULL,
  to_level        integer NOT NULL,
  from_handler_id uuid REFERENCES users(id),
  to_handler_id   uuid REFERENCES users(id),
  automatic       boolean NOT NULL DEFAULT false,
  deadline_id     uuid UNIQUE REFERENCES complaint_deadlines(id) ON DELETE SET NULL, -- once per breached deadline
  applied_at      timestamptz,                            -- automatic ones are applied by the timer engine
  created_by      uuid REFERENCES users(id),
  created_at      timestamptz NOT NULL,
  review          text CHECK (review IN ('justified','unjustified')),
  review_comment  text,
  reviewed_by     uuid REFERENCES users(id),
  reviewed_at     timestamptz,
  CHECK (kind <> 'escalation' OR reason IS NOT NULL)
);
CREATE INDEX escalations_complaint_idx ON escalations (complaint_id, created_at);
CREATE INDEX escalations_unreviewed_idx ON escalations (created_at) WHERE kind = 'escalation' AND review IS NULL;
CREATE INDEX escalations_unapplied_idx ON escalations (created_at) WHERE applied_at IS NULL;

-- Internal work orders (内部工单) from a complaint to a back-office department.
CREATE TABLE work_orders (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  complaint_id     uuid NOT NULL REFERENCES complaints(id) ON DELETE CASCADE,
  department_id    uuid NOT NULL REFERENCES departments(id),
  request          text NOT NULL,
  facts            text,
  attachments      jsonb NOT NULL DEFAULT '[]',           -- references: [{"name","ref"}]
  status           text NOT NULL DEFAULT 'open' CHECK (status IN ('open','answered','cancelled')),
  due_at           timestamptz NOT NULL,
  provisional      boolean NOT NULL DEFAULT false,
  created_by       uuid NOT NULL REFERENCES users(id),
  created_at       timestamptz NOT NULL,
  outcome          text CHECK (outcome IN ('done','verified','cannot','more_time')),
  answer           text,
  answered_by      uuid REFERENCES users(id),
  answered_at      timestamptz,
  requested_due_at timestamptz,                           -- "needs more time": waits for the handler
  pass_count       integer NOT NULL DEFAULT 0,            -- passed on from one department to another
  flagged_at       timestamptz,                           -- bounced more than twice (打太极)
  warned_at        timestamptz,
  breached_at      timestamptz,
  next_fire_at     timestamptz,
  updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX work_orders_complaint_idx ON work_orders (complaint_id, created_at);
CREATE INDEX work_orders_department_idx ON work_orders (department_id, status, due_at);
CREATE INDEX work_orders_fire_idx ON work_orders (next_fire_at) WHERE next_fire_at IS NOT NULL;

CREATE TABLE work_order_passes (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  work_order_id      uuid NOT NULL REFERENCES work_orders(id) ON DELETE CASCADE,
  from_department_id uuid NOT NULL REFERENCES departments(id),
  to_department_id   uuid NOT NULL REFERENCES departments(id),
  reason             text NOT NULL,
  passed_by          uuid NOT NULL REFERENCES users(id),
  passed_at          timestamptz NOT NULL
);
CREATE INDEX work_order_passes_order_idx ON work_order_passes (work_order_id, passed_at);

-- Compensation (补偿, never 赔偿) granted on a demand, within authority or approved.
CREATE TABLE compensations (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  complaint_id    uuid NOT NULL REFERENCES complaints(id) ON DELETE CASCADE,
  demand_id       uuid NOT NULL REFERENCES demands(id) ON DELETE CASCADE,
  type            text NOT NULL CHECK (type IN ('refund','bill_credit','gift','service','other')),
  amount          numeric(12,2) NOT NULL CHECK (amount >= 0),
  wording         text NOT NULL,
  status          text NOT NULL CHECK (status IN ('approved','pending','refused','cancelled')),
  requested_by    uuid NOT NULL REFERENCES users(id),
  requested_at    timestamptz NOT NULL,
  decided_by      uuid REFERENCES users(id),
  decided_at      timestamptz,
  decision_reason text
);
CREATE INDEX compensations_complaint_idx ON compensations (complaint_id, requested_at);
CREATE INDEX compensations_pending_idx ON compensations (requested_at) WHERE status = 'pending';
