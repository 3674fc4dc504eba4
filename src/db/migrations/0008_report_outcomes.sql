-- Copying deadline outcomes and escalation counts onto the complaint row without ever waiting for
-- the complaint's lock (0005 updated the row directly from the triggers of complaint_deadlines and
-- escalations, so the timer engine, holding deadline rows, could wait for a complaint that a
-- person's command held while that command waited for the same deadline rows: a deadlock).
--
-- Now a trigger tries the complaint's lock with SKIP LOCKED: the transaction that already holds it
-- (a command changing the complaint) refreshes the row at once; anyone else queues the complaint,
-- and the timer engine's next sweep refreshes it (report_drain_refresh_queue). Only automatic
-- escalations once applied count, since an unapplied one may still be merged away.

CREATE TABLE report_refresh_queue (
  complaint_id uuid PRIMARY KEY,          -- no foreign key: its check would lock the complaint
  queued_at    timestamptz NOT NULL DEFAULT now()
);

CREATE FUNCTION report_refresh_complaint(cid uuid) RETURNS void
LANGUAGE sql AS $$
  UPDATE complaints c
     SET escalation_count = s.n, escalations_reviewed = s.r, escalations_justified = s.j,
         reply_on_time = d.reply, resolution_on_time = d.resolution
    FROM (SELECT count(*) FILTER (WHERE kind = 'escalation' AND (NOT automatic OR applied_at IS NOT NULL)) AS n,
                 count(*) FILTER (WHERE kind = 'escalation' AND review IS NOT NULL) AS r,
                 count(*) FILTER (WHERE kind = 'escalation' AND review = 'justified') AS j
            FROM escalations WHERE complaint_id = cid) s,
         (SELECT (SELECT CASE WHEN breached_at IS NOT NULL THEN false WHEN met_at IS NOT NULL THEN true END
                    FROM complaint_deadlines WHERE complaint_id = cid AND kind = 'reply') AS reply,
                 (SELECT CASE WHEN breached_at IS NOT NULL THEN false WHEN met_at IS NOT NULL THEN true END
                    FROM complaint_deadlines WHERE complaint_id = cid AND kind = 'resolution') AS resolution) d
   WHERE c.id = cid
     AND (c.escalation_count, c.escalations_reviewed, c.escalations_justified, c.reply_on_time, c.resolution_on_time)
         IS DISTINCT FROM (s.n, s.r, s.j, d.reply, d.resolution)
$$;

CREATE FUNCTION report_complaint_changed(cid uuid) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  -- A lock this transaction already holds is not skipped.
  PERFORM 1 FROM complaints WHERE id = cid FOR NO KEY UPDATE SKIP LOCKED;
  IF FOUND THEN
    PERFORM report_refresh_complaint(cid);
  ELSIF EXISTS (SELECT 1 FROM complaints WHERE id = cid) THEN
    INSERT INTO report_refresh_queue (complaint_id) VALUES (cid) ON CONFLICT DO NOTHING;
  END IF;
END $$;

CREATE OR REPLACE FUNCTION report_escalation_counts() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  r escalations;
BEGIN
  IF TG_OP = 'DELETE' THEN r := OLD; ELSE r := NEW; END IF;
  -- Recorded by the timer engine and not yet applied: it counts once applied (an UPDATE).
  IF TG_OP = 'INSERT' AND r.automatic AND r.applied_at IS NULL THEN RETURN NULL; END IF;
  PERFORM report_complaint_changed(r.complaint_id);
  RETURN NULL;
END $$;
DROP TRIGGER escalations_report_counts ON escalations;
CREATE TRIGGER escalations_report_counts AFTER INSERT OR DELETE OR UPDATE OF kind, review, applied_at ON escalations
  FOR EACH ROW EXECUTE FUNCTION report_escalation_counts();

CREATE OR REPLACE FUNCTION report_deadline_outcome() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  r complaint_deadlines;
BEGIN
  IF TG_OP = 'DELETE' THEN r := OLD; ELSE r := NEW; END IF;
  IF r.kind IN ('reply', 'resolution') THEN PERFORM report_complaint_changed(r.complaint_id); END IF;
  RETURN NULL;
END $$;

-- Refreshes queued complaints that nobody holds now; returns how many it refreshed.
CREATE FUNCTION report_drain_refresh_queue(max_rows integer) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
  cid uuid;
  n integer := 0;
BEGIN
  FOR cid IN SELECT complaint_id FROM report_refresh_queue ORDER BY queued_at LIMIT max_rows
             FOR UPDATE SKIP LOCKED LOOP
    PERFORM 1 FROM complaints WHERE id = cid FOR NO KEY UPDATE SKIP LOCKED;
    IF FOUND THEN
      PERFORM report_refresh_complaint(cid);
      DELETE FROM report_refresh_queue WHERE complaint_id = cid;
      n := n + 1;
    ELSIF NOT EXISTS (SELECT 1 FROM complaints WHERE id = cid) THEN
      DELETE FROM report_refresh_queue WHERE complaint_id = cid;
    END IF;
  END LOOP;
  RETURN n;
END $$;

-- Unapplied automatic escalations no longer count.
UPDATE complaints c SET escalation_count = s.n
  FROM (SELECT complaint_id, count(*) FILTER (WHERE kind = 'escalation' AND (NOT automatic OR applied_at IS NOT NULL)) AS n
          FROM escalations GROUP BY complaint_id) s
 WHERE c.id = s.complaint_id AND c.escalation_count <> s.n;

-- Reading one dimension over a range of days without naming its values (by team, by category …).
CREATE INDEX report_kpis_dim_day ON report_kpis (dim, day);
CREATE INDEX report_resolve_hist_dim_day ON report_resolve_hist (dim, day);
