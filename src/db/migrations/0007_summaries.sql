-- Periodic summaries (issue 6, §12 "analysed and summarised periodically"): a day's, an ISO
-- week's (Monday–Sunday) and a month's figures, made by the timer engine once the period is over
-- in the report time zone (src/jobs/periodic-summaries.ts), or on demand. One row per period and
-- kind: the unique key is what makes the schedule exactly-once across processes.

CREATE TABLE report_summaries (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  period_kind  text NOT NULL CHECK (period_kind IN ('day', 'week', 'month')),
  period_start date NOT NULL,
  period_end   date NOT NULL,                   -- the period's last day (inclusive)
  time_zone    text NOT NULL,                   -- where its days were cut
  generated_at timestamptz NOT NULL,
  generated_by uuid REFERENCES users(id),       -- NULL: made by the schedule
  build_ms     integer NOT NULL DEFAULT 0,      -- how long building the content took
  content      jsonb NOT NULL,
  CHECK (period_end >= period_start),
  UNIQUE (period_kind, period_start)
);
-- The list of all kinds, newest first (a kind's own list reads the unique index backwards).
CREATE INDEX report_summaries_recent_idx ON report_summaries (period_start DESC, period_kind);
