-- Two more rollups, after measuring at ten million complaints (docs/benchmarks.md):
-- - report_hours: arrivals by day and hour for one dimension value at a time, so that the
--   heatmap with one filter is read from a rollup instead of counted from the complaints;
-- - report_resolve_hist_monthly: the resolution-time histogram by month, so that a year's p90 by
--   team or category reads twelve months instead of 365 days of buckets.
-- Both are kept like the others: folded from report_deltas, read together with pending deltas.

-- Deltas pending now were counted into the existing rollups only: fold them with the old fold
-- first, so that the new tables can be filled from the complaints as they are.
LOCK TABLE report_deltas IN EXCLUSIVE MODE;
SELECT report_fold(NULL);

CREATE TABLE report_hours (
  dim   text NOT NULL,
  value text NOT NULL,
  day   date NOT NULL,
  hour  smallint NOT NULL,
  n     bigint NOT NULL,
  PRIMARY KEY (dim, value, day, hour)
);

CREATE TABLE report_resolve_hist_monthly (
  dim    text NOT NULL,
  value  text NOT NULL,
  month  date NOT NULL,
  bucket smallint NOT NULL,
  n      bigint NOT NULL,
  PRIMARY KEY (dim, value, month, bucket)
);

CREATE VIEW report_delta_hours AS
  SELECT d.id, x.dim, x.value, (d.f).day AS day, (d.f).hour AS hour, d.sign::bigint AS n
  FROM report_deltas d CROSS JOIN LATERAL report_count_dims(d.f) x
  WHERE x.dim <> 'hour';

CREATE VIEW report_delta_hist_monthly AS
  SELECT id, dim, value, date_trunc('month', day)::date AS month, bucket, n FROM report_delta_hist;

CREATE OR REPLACE FUNCTION report_rebuild() RETURNS void
LANGUAGE plpgsql AS $$
DECLARE tz text;
BEGIN
  SELECT time_zone INTO tz FROM report_settings;
  LOCK TABLE report_deltas IN EXCLUSIVE MODE;
  DELETE FROM report_deltas;
  DELETE FROM report_counts;
  DELETE FROM report_kpis;
  DELETE FROM report_resolve_hist;
  DELETE FROM report_hours;
  DELETE FROM report_resolve_hist_monthly;
  INSERT INTO report_deltas (sign, f) SELECT 1, report_fact(c, tz) FROM complaints c;
  PERFORM report_fold(NULL);
END $$;

CREATE OR REPLACE FUNCTION report_fold(max_id bigint) RETURNS bigint
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
  INSERT INTO report_hours AS t (dim, value, day, hour, n)
    SELECT dim, value, day, hour, sum(n) FROM report_delta_hours WHERE id <= upto
    GROUP BY dim, value, day, hour
    ON CONFLICT (dim, value, day, hour) DO UPDATE SET n = t.n + excluded.n;
  INSERT INTO report_resolve_hist_monthly AS t (dim, value, month, bucket, n)
    SELECT dim, value, month, bucket, sum(n) FROM report_delta_hist_monthly WHERE id <= upto
    GROUP BY dim, value, month, bucket
    ON CONFLICT (dim, value, month, bucket) DO UPDATE SET n = t.n + excluded.n;
  -- Keys this fold touched whose figures netted out to nothing.
  DELETE FROM report_counts t USING (SELECT DISTINCT dim, value, day, category_id FROM report_delta_counts WHERE id <= upto) k
   WHERE t.n = 0 AND t.dim = k.dim AND t.value = k.value AND t.day = k.day AND t.category_id = k.category_id;
  DELETE FROM report_kpis t USING (SELECT DISTINCT dim, value, day FROM report_delta_kpis WHERE id <= upto) k
   WHERE t.received = 0 AND t.dim = k.dim AND t.value = k.value AND t.day = k.day;
  DELETE FROM report_resolve_hist t USING (SELECT DISTINCT dim, value, day, bucket FROM report_delta_hist WHERE id <= upto) k
   WHERE t.n = 0 AND t.dim = k.dim AND t.value = k.value AND t.day = k.day AND t.bucket = k.bucket;
  DELETE FROM report_hours t USING (SELECT DISTINCT dim, value, day, hour FROM report_delta_hours WHERE id <= upto) k
   WHERE t.n = 0 AND t.dim = k.dim AND t.value = k.value AND t.day = k.day AND t.hour = k.hour;
  DELETE FROM report_resolve_hist_monthly t
   USING (SELECT DISTINCT dim, value, month, bucket FROM report_delta_hist_monthly WHERE id <= upto) k
   WHERE t.n = 0 AND t.dim = k.dim AND t.value = k.value AND t.month = k.month AND t.bucket = k.bucket;
  DELETE FROM report_deltas WHERE id <= upto;
  RETURN folded;
END $$;

-- Filled from what is already rolled up (the same figures, without reading the complaints).
INSERT INTO report_resolve_hist_monthly (dim, value, month, bucket, n)
  SELECT dim, value, date_trunc('month', day)::date, bucket, sum(n) FROM report_resolve_hist
  GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0;
INSERT INTO report_hours (dim, value, day, hour, n)
  SELECT x.dim, x.value, f.day, f.hour, count(*)
    FROM complaints c
    CROSS JOIN LATERAL report_fact(c, (SELECT time_zone FROM report_settings)) f
    CROSS JOIN LATERAL report_count_dims(f) x
   WHERE x.dim <> 'hour'
   GROUP BY 1, 2, 3, 4;
