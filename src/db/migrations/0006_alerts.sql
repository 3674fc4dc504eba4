-- Early warning (issue 6, domain §12): an unusual number of complaints about a category or a
-- product on a day (volume_spike, src/domain/volume-alerts.ts), and the first complaint about a
-- newly launched product, tariff or campaign (new_product, src/domain/new-product-alerts.ts).
-- Each alert fires exactly once: the unique keys below make a second insert (by a second server
-- process, a retry, a catch-up) a no-op.

CREATE TABLE report_alerts (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind                 text NOT NULL CHECK (kind IN ('volume_spike','new_product')),
  subject_kind         text NOT NULL CHECK (subject_kind IN ('category','product')),
  -- What the alert is about, as a key: a category's id, a product's id (new_product), or a
  -- product name folded to lower case (volume_spike: complaints.product is free text).
  subject_key          text NOT NULL,
  category_id          uuid REFERENCES categories(id) ON DELETE SET NULL,
  product_id           uuid REFERENCES products(id) ON DELETE SET NULL,
  subject_name         text NOT NULL,              -- as it read when the alert was raised
  day                  date NOT NULL,              -- the day it concerns, in report_settings.time_zone
  baseline_from        date,                       -- the baseline window (volume_spike)
  baseline_to          date,
  observed             integer NOT NULL,           -- complaints that day (1 for a first complaint)
  expected             double precision NOT NULL,  -- the baseline's daily mean (0 for a first complaint)
  threshold            integer NOT NULL,           -- the smallest count that would have raised it
  method               text NOT NULL,              -- e.g. poisson_tail_28d, first_complaint
  p_value              double precision,           -- P(X ≥ observed) under the baseline
  details              jsonb NOT NULL DEFAULT '{}',
  complaint_id         uuid REFERENCES complaints(id) ON DELETE SET NULL,  -- the first complaint (new_product)
  raised_at            timestamptz NOT NULL,
  acknowledged_by      uuid REFERENCES users(id),
  acknowledged_at      timestamptz,
  acknowledgement_note text,
  CHECK ((acknowledged_at IS NULL) = (acknowledged_by IS NULL)),
  CHECK (kind <> 'new_product' OR subject_kind = 'product')
);
-- Once per kind, subject and day …
CREATE UNIQUE INDEX report_alerts_once ON report_alerts (kind, subject_kind, subject_key, day);
-- … and a product's first complaint once, ever.
CREATE UNIQUE INDEX report_alerts_first_complaint ON report_alerts (subject_key) WHERE kind = 'new_product';
CREATE INDEX report_alerts_newest ON report_alerts (raised_at DESC, id DESC);
CREATE INDEX report_alerts_open ON report_alerts (raised_at DESC, id DESC) WHERE acknowledged_at IS NULL;

-- One row per day the volume check has run for (src/jobs/volume-alerts.ts): a process claims a
-- day by inserting its row in the transaction that raises the day's alerts, so a day is checked
-- once, and a day missed while no server ran is checked on catch-up.
CREATE TABLE report_alert_checks (
  day        date PRIMARY KEY,
  checked_at timestamptz NOT NULL,
  subjects   integer NOT NULL DEFAULT 0,   -- categories and products tested
  alerts     integer NOT NULL DEFAULT 0,   -- alerts raised
  elapsed_ms integer NOT NULL DEFAULT 0
);

-- The check reads a 29-day window of every value of a dimension ('product'): without this the
-- primary key (dim, value, day, …) would walk every product's whole history.
CREATE INDEX report_counts_dim_day ON report_counts (dim, day);
