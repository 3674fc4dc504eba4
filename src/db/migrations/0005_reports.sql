-- Analysis and reports (issue 6): the cause analysis of a complaint, the product list, and the
-- report rollups that keep every figure instant at ten million complaints.
--
-- How the rollups stay exact (see src/db/repositories/report-cube.ts and the README):
-- 1. Every fact a report counts lives on the complaint row itself (received day and hour in the
--    report time zone, category, channel, …, deadline outcomes, escalation counts). Triggers on
--    escalations and complaint_deadlines copy their outcomes onto the complaint row, so every
--    change of a fact is a change of that one row, serialised by its row lock.
-- 2. A trigger on complaints appends the row's facts to report_deltas: +1 for a new row, −1 old
--    and +1 new when a fact changed, −1 for a deleted row. Appending never contends for a lock.
-- 3. The timer engine folds the deltas into the rollup tables (one REPEATABLE READ transaction:
--    add what it read, delete what it added). Reports read rollup + pending deltas, so a figure is
--    right the moment the complaint's transaction commits.

ALTER TABLE complaints
  ADD COLUMN cause                     text CHECK (cause IN ('product_technical','communication','service_attitude','customer_situation')),
  ADD COLUMN cause_controllable        boolean,
  ADD COLUMN cause_internal            boolean,
  ADD COLUMN cause_reversible          boolean,
  ADD COLUMN company_at_fault          boolean,        -- judged only once the facts are verified (pitfall 5)
  ADD COLUMN responsible_department_id uuid REFERENCES departments(id),
  ADD COLUMN analysis_note             text,           -- impact, result, change (§8)
  ADD COLUMN analysed_by               uuid REFERENCES users(id),
  ADD COLUMN analysed_at               timestamptz,
  ADD COLUMN repeat_of                 uuid REFERENCES complaints(id) ON DELETE SET NULL,
  ADD COLUMN max_tier_level            integer NOT NULL DEFAULT 1,  -- highest tier it ever reached
  ADD COLUMN escalation_count          integer NOT NULL DEFAULT 0,
  ADD COLUMN escalations_reviewed      integer NOT NULL DEFAULT 0,
  ADD COLUMN escalations_justified     integer NOT NULL DEFAULT 0,
  ADD COLUMN reply_on_time             boolean,        -- NULL until the reply deadline is met or breached
  ADD COLUMN resolution_on_time        boolean;
CREATE INDEX complaints_repeat_idx ON complaints (customer_id, category_id, received_at DESC);

-- Products, tariffs and campaigns with their launch dates: the first complaint about a new one
-- raises an alert at once (§12).
CREATE TABLE products (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name               text NOT NULL,
  kind               text NOT NULL DEFAULT 'product' CHECK (kind IN ('product','tariff','campaign')),
  launched_on        date,
  active             boolean NOT NULL DEFAULT true,
  first_complaint_id uuid REFERENCES complaints(id) ON DELETE SET NULL,
  first_complaint_at timestamptz,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX products_name_key ON products (lower(name));

-- One row of report settings.
CREATE TABLE report_settings (
  id                 boolean PRIMARY KEY DEFAULT true CHECK (id),
  time_zone          text NOT NULL DEFAULT 'Asia/Shanghai',  -- where days are cut
  repeat_window_days integer NOT NULL DEFAULT 30 CHECK (repeat_window_days BETWEEN 1 AND 365),
  agents_team_only   boolean NOT NULL DEFAULT true,          -- agents and specialists see their team's figures only
  kpi_targets        jsonb NOT NULL DEFAULT '{}',
  updated_at         timestamptz NOT NULL DEFAULT now()
);
INSERT INTO report_settings DEFAULT VALUES;

-- Customers or transactions per month, entered or imported by an administrator: the denominator
-- of the complaint ratio (complaints per 10,000).
CREATE TABLE report_denominators (
  kind       text NOT NULL CHECK (kind IN ('customers','transactions')),
  month      date NOT NULL CHECK (extract(day FROM month) = 1),
  value      bigint NOT NULL CHECK (value > 0),
  updated_by uuid REFERENCES users(id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (kind, month)
);

-- What a report counts of one complaint. Change this and rebuild (report_rebuild()).
CREATE TYPE report_fact AS (
  day                   date,
  hour                  smallint,
  category_id           uuid,
  channel               text,
  severity              text,
  team                  text,
  product               text,
  customer_type         text,
  cause                 text,
  department_id         uuid,
  owner_id              uuid,
  closed                boolean,   -- closed as completed (not withdrawn)
  frontline             boolean,   -- closed as completed without ever leaving the first tier
  escalated             boolean,   -- reached a higher tier
  escalations           integer,
  escalations_reviewed  integer,
  escalations_justified integer,
  reopens               integer,
  repeat                boolean,
  resolve_seconds       bigint,    -- receipt to resolution; NULL while unresolved
  reply_on_time         boolean,
  resolution_on_time    boolean
);

CREATE FUNCTION report_fact(c complaints, tz text) RETURNS report_fact
LANGUAGE sql STABLE AS $$
  SELECT ROW(
    (c.received_at AT TIME ZONE tz)::date,
    extract(hour FROM c.received_at AT TIME ZONE tz)::smallint,
    c.category_id, c.channel, c.severity, c.team, c.product, c.customer_type, c.cause,
    c.responsible_department_id, c.owner_id,
    c.status = 'closed' AND c.close_reason = 'completed',
    c.status = 'closed' AND c.close_reason = 'completed' AND c.max_tier_level = 1,
    c.max_tier_level > 1,
    c.escalation_count, c.escalations_reviewed, c.escalations_justified,
    c.reopen_count,
    c.repeat_of IS NOT NULL,
    CASE WHEN c.status IN ('resolved','closed') AND c.resolved_at IS NOT NULL
         THEN floor(extract(epoch FROM c.resolved_at - c.received_at))::bigint END,
    c.reply_on_time, c.resolution_on_time
  )::report_fact
$$;

-- Resolution time in buckets for the p90: whole hours below 72 h (bucket = hours), whole days
-- from 3 to 29 (bucket = 69 + days), and 99 for 30 days or more. The report shows a bucket's
-- upper bound.
CREATE FUNCTION report_resolve_bucket(seconds bigint) RETURNS smallint
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN seconds IS NULL THEN NULL
              WHEN seconds < 72 * 3600 THEN (greatest(seconds, 0) / 3600)::smallint
              WHEN seconds < 30 * 86400 THEN (69 + seconds / 86400)::smallint
              ELSE 99::smallint END
$$;

CREATE TABLE report_deltas (
  id   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  sign smallint NOT NULL CHECK (sign IN (-1, 1)),
  f    report_fact NOT NULL
);

-- Counts by category for one dimension value at a time: 'all' (value ''), channel, severity,
-- team, product, customer_type, cause, department, hour ('00'..'23').
CREATE TABLE report_counts (
  dim         text NOT NULL,
  value       text NOT NULL,
  day         date NOT NULL,
  category_id uuid NOT NULL,     -- 00000000-… for uncategorised
  n           bigint NOT NULL,
  PRIMARY KEY (dim, value, day, category_id)
);

-- The KPI sums by one dimension value at a time: 'all', team, owner, department, category.
CREATE TABLE report_kpis (
  dim                   text NOT NULL,
  value                 text NOT NULL,
  day                   date NOT NULL,
  received              bigint NOT NULL,
  closed                bigint NOT NULL,
  frontline             bigint NOT NULL,
  escalated             bigint NOT NULL,
  escalations           bigint NOT NULL,
  escalations_reviewed  bigint NOT NULL,
  escalations_justified bigint NOT NULL,
  reopened              bigint NOT NULL,
  repeats               bigint NOT NULL,
  major                 bigint NOT NULL,
  crisis                bigint NOT NULL,
  serious_resolved      bigint NOT NULL,   -- major and crisis complaints resolved …
  serious_seconds       bigint NOT NULL,   -- … and their receipt-to-resolution time in all
  resolved              bigint NOT NULL,
  resolve_seconds       bigint NOT NULL,
  reply_settled         bigint NOT NULL,
  reply_on_time         bigint NOT NULL,
  resolution_settled    bigint NOT NULL,
  resolution_on_time    bigint NOT NULL,
  PRIMARY KEY (dim, value, day)
);

-- Resolution-time histogram (for the p90) by 'all', team, department, category.
CREATE TABLE report_resolve_hist (
  dim    text NOT NULL,
  value  text NOT NULL,
  day    date NOT NULL,
  bucket smallint NOT NULL,
  n      bigint NOT NULL,
  PRIMARY KEY (dim, value, day, bucket)
);

CREATE FUNCTION report_count_dims(f report_fact) RETURNS TABLE (dim text, value text)
LANGUAGE sql IMMUTABLE AS $$
  VALUES ('all', ''), ('channel', f.channel), ('severity', f.severity), ('team', coalesce(f.team, '')),
         ('product', coalesce(f.product, '')), ('customer_type', coalesce(f.customer_type, '')),
         ('cause', coalesce(f.cause, '')), ('department', coalesce(f.department_id::text, '')),
         ('hour', lpad(f.hour::text, 2, '0'))
$$;

CREATE FUNCTION report_kpi_dims(f report_fact) RETURNS TABLE (dim text, value text)
LANGUAGE sql IMMUTABLE AS $$
  VALUES ('all', ''), ('team', coalesce(f.team, '')), ('owner', coalesce(f.owner_id::text, '')),
         ('department', coalesce(f.department_id::text, '')), ('category', coalesce(f.category_id::text, ''))
$$;

-- The pending deltas, expanded the way the rollups are keyed. Reports add these to the rollups.
CREATE VIEW report_delta_counts AS
  SELECT d.id, x.dim, x.value, (d.f).day AS day,
         coalesce((d.f).category_id, '00000000-0000-0000-0000-000000000000'::uuid) AS category_id,
         d.sign::bigint AS n
  FROM report_deltas d CROSS JOIN LATERAL report_count_dims(d.f) x;

CREATE VIEW report_delta_kpis AS
  SELECT d.id, x.dim, x.value, (d.f).day AS day,
         d.sign::bigint AS received,
         d.sign * ((d.f).closed)::int AS closed,
         d.sign * ((d.f).frontline)::int AS frontline,
         d.sign * ((d.f).escalated)::int AS escalated,
         d.sign * (d.f).escalations AS escalations,
         d.sign * (d.f).escalations_reviewed AS escalations_reviewed,
         d.sign * (d.f).escalations_justified AS escalations_justified,
         d.sign * ((d.f).reopens > 0)::int AS reopened,
         d.sign * ((d.f).repeat)::int AS repeats,
         d.sign * ((d.f).severity = 'major')::int AS major,
         d.sign * ((d.f).severity = 'crisis')::int AS crisis,
         d.sign * ((d.f).severity <> 'normal' AND (d.f).resolve_seconds IS NOT NULL)::int AS serious_resolved,
         d.sign * CASE WHEN (d.f).severity <> 'normal' THEN coalesce((d.f).resolve_seconds, 0) ELSE 0 END AS serious_seconds,
         d.sign * ((d.f).resolve_seconds IS NOT NULL)::int AS resolved,
         d.sign * coalesce((d.f).resolve_seconds, 0) AS resolve_seconds,
         d.sign * ((d.f).reply_on_time IS NOT NULL)::int AS reply_settled,
         d.sign * coalesce((d.f).reply_on_time, false)::int AS reply_on_time,
         d.sign * ((d.f).resolution_on_time IS NOT NULL)::int AS resolution_settled,
         d.sign * coalesce((d.f).resolution_on_time, false)::int AS resolution_on_time
  FROM report_deltas d CROSS JOIN LATERAL report_kpi_dims(d.f) x;

CREATE VIEW report_delta_hist AS
  SELECT d.id, x.dim, x.value, (d.f).day AS day, report_resolve_bucket((d.f).resolve_seconds) AS bucket,
         d.sign::bigint AS n
  FROM report_deltas d CROSS JOIN LATERAL report_kpi_dims(d.f) x
  WHERE (d.f).resolve_seconds IS NOT NULL AND x.dim <> 'owner';

CREATE FUNCTION report_complaint_delta() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  tz text;
  old_f report_fact;
  new_f report_fact;
BEGIN
  SELECT time_zone INTO tz FROM report_settings;
  IF TG_OP <> 'INSERT' THEN old_f := report_fact(OLD, tz); END IF;
  IF TG_OP <> 'DELETE' THEN new_f := report_fact(NEW, tz); END IF;
  IF TG_OP = 'UPDATE' AND old_f IS NOT DISTINCT FROM new_f THEN RETURN NULL; END IF;
  -- (Not "old_f IS NOT NULL": a row value is NULL-tested field by field.)
  IF TG_OP <> 'INSERT' THEN INSERT INTO report_deltas (sign, f) VALUES (-1, old_f); END IF;
  IF TG_OP <> 'DELETE' THEN INSERT INTO report_deltas (sign, f) VALUES (1, new_f); END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER complaints_report_delta AFTER INSERT OR UPDATE OR DELETE ON complaints
  FOR EACH ROW EXECUTE FUNCTION report_complaint_delta();

-- The highest tier a complaint ever reached (front-line resolution = closed at tier 1 only).
CREATE FUNCTION report_max_tier() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.max_tier_level := greatest(NEW.max_tier_level, NEW.tier_level,
                                 CASE WHEN TG_OP = 'UPDATE' THEN OLD.max_tier_level ELSE 1 END);
  RETURN NEW;
END $$;
CREATE TRIGGER complaints_max_tier BEFORE INSERT OR UPDATE OF tier_level, max_tier_level ON complaints
  FOR EACH ROW EXECUTE FUNCTION report_max_tier();

-- Escalation counts and their reviews, copied onto the complaint.
CREATE FUNCTION report_escalation_counts() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE complaints c
     SET escalation_count = s.n, escalations_reviewed = s.r, escalations_justified = s.j
    FROM (SELECT count(*) FILTER (WHERE kind = 'escalation') AS n,
                 count(*) FILTER (WHERE kind = 'escalation' AND review IS NOT NULL) AS r,
                 count(*) FILTER (WHERE kind = 'escalation' AND review = 'justified') AS j
            FROM escalations WHERE complaint_id = NEW.complaint_id) s
   WHERE c.id = NEW.complaint_id
     AND (c.escalation_count, c.escalations_reviewed, c.escalations_justified) IS DISTINCT FROM (s.n, s.r, s.j);
  RETURN NULL;
END $$;
CREATE TRIGGER escalations_report_counts AFTER INSERT OR UPDATE OF kind, review ON escalations
  FOR EACH ROW EXECUTE FUNCTION report_escalation_counts();

-- Reply and resolution deadline outcomes, copied onto the complaint: on time when met before any
-- breach, late when breached (met late or still open), NULL while neither.
CREATE FUNCTION report_deadline_outcome() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  v boolean;
  r complaint_deadlines;
BEGIN
  IF TG_OP = 'DELETE' THEN r := OLD; ELSE r := NEW; END IF;
  IF r.kind NOT IN ('reply', 'resolution') THEN RETURN NULL; END IF;
  IF TG_OP <> 'DELETE' THEN
    v := CASE WHEN r.breached_at IS NOT NULL THEN false WHEN r.met_at IS NOT NULL THEN true END;
  END IF;
  IF r.kind = 'reply' THEN
    UPDATE complaints SET reply_on_time = v WHERE id = r.complaint_id AND reply_on_time IS DISTINCT FROM v;
  ELSE
    UPDATE complaints SET resolution_on_time = v WHERE id = r.complaint_id AND resolution_on_time IS DISTINCT FROM v;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER complaint_deadlines_report_outcome AFTER INSERT OR DELETE OR UPDATE OF met_at, breached_at
  ON complaint_deadlines FOR EACH ROW EXECUTE FUNCTION report_deadline_outcome();

-- Rebuilds every rollup from the complaints (after a change of time zone, or a bulk load).
CREATE FUNCTION report_rebuild() RETURNS void
LANGUAGE plpgsql AS $$
DECLARE tz text;
BEGIN
  SELECT time_zone INTO tz FROM report_settings;
  LOCK TABLE report_deltas IN EXCLUSIVE MODE;
  DELETE FROM report_deltas;
  DELETE FROM report_counts;
  DELETE FROM report_kpis;
  DELETE FROM report_resolve_hist;
  INSERT INTO report_deltas (sign, f) SELECT 1, report_fact(c, tz) FROM complaints c;
  PERFORM report_fold(NULL);
END $$;

-- Folds pending deltas (up to max_id, or all) into the rollups; returns how many it folded.
-- In a REPEATABLE READ transaction every statement sees the same deltas, so it deletes exactly
-- what it added while writers go on appending; otherwise it locks writers out until commit.
CREATE FUNCTION report_fold(max_id bigint) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
  upto bigint;
  folded bigint;
BEGIN
  IF current_setting('transaction_isolation') = 'read committed' THEN
    LOCK TABLE report_deltas IN EXCLUSIVE MODE;
  END IF;
  SELECT coalesce(max(id), 0), count(*) INTO upto, folded FROM report_deltas WHERE max_id IS NULL OR id <= max_id;
  IF folded = 0 THEN RETURN 0; END IF;
  INSERT INTO report_counts AS t (dim, value, day, category_id, n)
    SELECT dim, value, day, category_id, sum(n) FROM report_delta_counts WHERE id <= upto
    GROUP BY dim, value, day, category_id
    ON CONFLICT (dim, value, day, category_id) DO UPDATE SET n = t.n + excluded.n;
  INSERT INTO report_kpis AS t
    SELECT dim, value, day, sum(received), sum(closed), sum(frontline), sum(escalated), sum(escalations),
           sum(escalations_reviewed), sum(escalations_justified), sum(reopened), sum(repeats), sum(major),
           sum(crisis), sum(serious_resolved), sum(serious_seconds), sum(resolved), sum(resolve_seconds),
           sum(reply_settled), sum(reply_on_time), sum(resolution_settled), sum(resolution_on_time)
      FROM report_delta_kpis WHERE id <= upto
     GROUP BY dim, value, day
    ON CONFLICT (dim, value, day) DO UPDATE SET
      received = t.received + excluded.received, closed = t.closed + excluded.closed,
      frontline = t.frontline + excluded.frontline, escalated = t.escalated + excluded.escalated,
      escalations = t.escalations + excluded.escalations,
      escalations_reviewed = t.escalations_reviewed + excluded.escalations_reviewed,
      escalations_justified = t.escalations_justified + excluded.escalations_justified,
      reopened = t.reopened + excluded.reopened, repeats = t.repeats + excluded.repeats,
      major = t.major + excluded.major, crisis = t.crisis + excluded.crisis,
      serious_resolved = t.serious_resolved + excluded.serious_resolved,
      serious_seconds = t.serious_seconds + excluded.serious_seconds,
      resolved = t.resolved + excluded.resolved, resolve_seconds = t.resolve_seconds + excluded.resolve_seconds,
      reply_settled = t.reply_settled + excluded.reply_settled, reply_on_time = t.reply_on_time + excluded.reply_on_time,
      resolution_settled = t.resolution_settled + excluded.resolution_settled,
      resolution_on_time = t.resolution_on_time + excluded.resolution_on_time;
  INSERT INTO report_resolve_hist AS t (dim, value, day, bucket, n)
    SELECT dim, value, day, bucket, sum(n) FROM report_delta_hist WHERE id <= upto
    GROUP BY dim, value, day, bucket
    ON CONFLICT (dim, value, day, bucket) DO UPDATE SET n = t.n + excluded.n;
  -- Keys this fold touched whose figures netted out to nothing.
  DELETE FROM report_counts t USING (SELECT DISTINCT dim, value, day, category_id FROM report_delta_counts WHERE id <= upto) k
   WHERE t.n = 0 AND t.dim = k.dim AND t.value = k.value AND t.day = k.day AND t.category_id = k.category_id;
  DELETE FROM report_kpis t USING (SELECT DISTINCT dim, value, day FROM report_delta_kpis WHERE id <= upto) k
   WHERE t.received = 0 AND t.dim = k.dim AND t.value = k.value AND t.day = k.day;
  DELETE FROM report_resolve_hist t USING (SELECT DISTINCT dim, value, day, bucket FROM report_delta_hist WHERE id <= upto) k
   WHERE t.n = 0 AND t.dim = k.dim AND t.value = k.value AND t.day = k.day AND t.bucket = k.bucket;
  DELETE FROM report_deltas WHERE id <= upto;
  RETURN folded;
END $$;

-- Complaints from before this migration: their facts.
UPDATE complaints c SET max_tier_level = greatest(c.tier_level, coalesce(
  (SELECT max(e.to_level) FROM escalations e WHERE e.complaint_id = c.id AND e.kind = 'escalation'), 1));
UPDATE complaints c
   SET escalation_count = s.n, escalations_reviewed = s.r, escalations_justified = s.j
  FROM (SELECT complaint_id,
               count(*) FILTER (WHERE kind = 'escalation') AS n,
               count(*) FILTER (WHERE kind = 'escalation' AND review IS NOT NULL) AS r,
               count(*) FILTER (WHERE kind = 'escalation' AND review = 'justified') AS j
          FROM escalations GROUP BY complaint_id) s
 WHERE c.id = s.complaint_id;
UPDATE complaints c SET reply_on_time = CASE WHEN d.breached_at IS NOT NULL THEN false WHEN d.met_at IS NOT NULL THEN true END
  FROM complaint_deadlines d WHERE d.complaint_id = c.id AND d.kind = 'reply';
UPDATE complaints c SET resolution_on_time = CASE WHEN d.breached_at IS NOT NULL THEN false WHEN d.met_at IS NOT NULL THEN true END
  FROM complaint_deadlines d WHERE d.complaint_id = c.id AND d.kind = 'resolution';
SELECT report_rebuild();
