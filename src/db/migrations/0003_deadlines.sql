-- Working calendars, time limits (SLA policies), deadlines per complaint, commitments made to
-- customers, and stored notifications (issue 4). See src/domain/working-calendar.ts,
-- src/domain/deadlines.ts and src/jobs/timer-engine.ts.

CREATE TABLE calendars (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code           text NOT NULL UNIQUE,
  name           text NOT NULL,
  offset_minutes integer NOT NULL DEFAULT 480 CHECK (offset_minutes BETWEEN -720 AND 840),
  every_day      boolean NOT NULL DEFAULT false,          -- 24×7: holidays and weekends ignored
  hours          text[] NOT NULL DEFAULT '{09:00-18:00}',  -- "HH:MM-HH:MM", ascending
  is_default     boolean NOT NULL DEFAULT false,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX calendars_one_default ON calendars (is_default) WHERE is_default;

-- A year of the State Council's schedule imported by an administrator. It replaces what the
-- bundled package holds for that year (and is how a year the package lacks gets loaded).
CREATE TABLE official_schedule_years (
  year        integer PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
  source      text NOT NULL,
  imported_by uuid REFERENCES users(id),
  imported_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE official_schedule_days (
  day  date PRIMARY KEY,
  year integer NOT NULL REFERENCES official_schedule_years(year) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('holiday','workday')),
  name text NOT NULL
);

-- One calendar's own days: a region's holiday, a company day off, a day made a working day.
CREATE TABLE calendar_overrides (
  calendar_id uuid NOT NULL REFERENCES calendars(id) ON DELETE CASCADE,
  day         date NOT NULL,
  kind        text NOT NULL CHECK (kind IN ('holiday','workday')),
  name        text NOT NULL,
  created_by  uuid REFERENCES users(id),
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (calendar_id, day)
);

CREATE TABLE sla_policies (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name               text NOT NULL UNIQUE,
  priority           integer NOT NULL,                  -- lower first; the first policy that matches applies
  active             boolean NOT NULL DEFAULT true,
  severities         text[],                            -- NULL: any
  category_ids       uuid[],                            -- NULL: any; a category matches its whole subtree
  channels           text[],                            -- NULL: any
  min_vip_level      integer CHECK (min_vip_level BETWEEN 0 AND 9),
  calendar_id        uuid NOT NULL REFERENCES calendars(id),
  targets            jsonb NOT NULL,                    -- {"reply": {"workingDays": 3, "calendarId"?: …}, …}
  warn_percent       integer NOT NULL DEFAULT 75 CHECK (warn_percent BETWEEN 1 AND 99),
  escalate_on_breach boolean NOT NULL DEFAULT false,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE complaints
  ADD COLUMN paused_at     timestamptz,       -- waiting for the customer: deadlines stand still
  ADD COLUMN pause_reason  text,
  ADD COLUMN policy_id     uuid REFERENCES sla_policies(id),
  ADD COLUMN next_due_at   timestamptz,       -- the earliest open deadline, for lists and sorting
  ADD COLUMN next_due_kind text,
  ADD COLUMN next_warn_at  timestamptz;
CREATE INDEX complaints_next_due_idx ON complaints (next_due_at, id) WHERE next_due_at IS NOT NULL;

CREATE TABLE complaint_deadlines (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  complaint_id       uuid NOT NULL REFERENCES complaints(id) ON DELETE CASCADE,
  kind               text NOT NULL CHECK (kind IN ('acceptance','first_contact','reply','resolution')),
  policy_id          uuid REFERENCES sla_policies(id),
  calendar_id        uuid REFERENCES calendars(id),
  target             jsonb NOT NULL,                    -- the duration as the policy states it
  start_at           timestamptz NOT NULL,
  due_at             timestamptz NOT NULL,
  warn_at            timestamptz NOT NULL,
  provisional        boolean NOT NULL DEFAULT false,
  paused_ms          bigint NOT NULL DEFAULT 0,         -- working time excluded by pauses so far
  paused_at          timestamptz,
  deferred_to        timestamptz,                       -- moved later at the customer's own request
  escalate_on_breach boolean NOT NULL DEFAULT false,
  warned_at          timestamptz,
  breached_at        timestamptz,                       -- the true time of the breach (= due_at)
  met_at             timestamptz,
  cancelled_at       timestamptz,
  next_fire_at       timestamptz,                       -- when the timer engine acts next; NULL: never
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  UNIQUE (complaint_id, kind)
);
CREATE INDEX complaint_deadlines_fire_idx ON complaint_deadlines (next_fire_at) WHERE next_fire_at IS NOT NULL;
CREATE INDEX complaint_deadlines_open_idx ON complaint_deadlines (due_at)
  WHERE met_at IS NULL AND cancelled_at IS NULL;

CREATE TABLE commitments (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  complaint_id         uuid NOT NULL REFERENCES complaints(id) ON DELETE CASCADE,
  source               text NOT NULL CHECK (source IN ('agent','customer')),
  kind                 text NOT NULL CHECK (kind IN ('call_back','reply','send','visit','other')),
  description          text NOT NULL,
  not_before           timestamptz,                     -- the customer's "not before"
  due_at               timestamptz NOT NULL,
  remind_at            timestamptz NOT NULL,
  provisional          boolean NOT NULL DEFAULT false,
  due_spec             jsonb,                           -- as entered: {"workingDays": 3} or {"at": …}
  wording              jsonb NOT NULL DEFAULT '[]',     -- language-check findings (domain §10)
  status               text NOT NULL DEFAULT 'open' CHECK (status IN ('open','fulfilled','cancelled')),
  made_by              uuid NOT NULL REFERENCES users(id),
  made_at              timestamptz NOT NULL,
  fulfilled_at         timestamptz,
  fulfilled_by         uuid REFERENCES users(id),
  fulfilled_contact_id uuid REFERENCES contacts(id),
  fulfil_note          text,
  cancelled_at         timestamptz,
  cancelled_by         uuid REFERENCES users(id),
  cancel_reason        text,
  reminded_at          timestamptz,
  breached_at          timestamptz,
  next_fire_at         timestamptz,
  CHECK (not_before IS NULL OR not_before <= due_at),
  CHECK (status <> 'cancelled' OR cancel_reason IS NOT NULL)
);
CREATE INDEX commitments_fire_idx ON commitments (next_fire_at) WHERE next_fire_at IS NOT NULL;
CREATE INDEX commitments_complaint_idx ON commitments (complaint_id, made_at);

CREATE TABLE notifications (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id      uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  kind         text NOT NULL,
  complaint_id uuid REFERENCES complaints(id) ON DELETE CASCADE,
  subject_id   uuid,                                    -- the deadline or commitment
  dedupe_key   text NOT NULL,                           -- one notice per person per fired event
  payload      jsonb NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  read_at      timestamptz,
  UNIQUE (user_id, dedupe_key)
);
CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC, id DESC);
CREATE INDEX notifications_unread_idx ON notifications (user_id) WHERE read_at IS NULL;
