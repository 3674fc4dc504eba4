// Kysely's view of the report tables of migration 0005 (products, settings, denominators and the
// rollups). Keep in step with the SQL.
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string | null | undefined, string | null>;
/** A `date` column, read as text (YYYY-MM-DD) by casting in the query. */
type DateColumn = ColumnType<string, string, string>;
type Count = ColumnType<string | number, number, number>;

export interface ProductsTable {
  id: Generated<string>;
  name: string;
  kind: Generated<'product' | 'tariff' | 'campaign'>;
  launched_on: DateColumn | null;
  active: Generated<boolean>;
  first_complaint_id: string | null;
  first_complaint_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ReportSettingsTable {
  id: Generated<boolean>;
  time_zone: Generated<string>;
  repeat_window_days: Generated<number>;
  agents_team_only: Generated<boolean>;
  kpi_targets: Json;
  updated_at: Timestamp;
}

export interface ReportDenominatorsTable {
  kind: 'customers' | 'transactions';
  month: DateColumn;
  value: ColumnType<string | number, number, number>;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface ReportCountsTable {
  dim: string;
  value: string;
  day: DateColumn;
  category_id: string;
  n: Count;
}

export interface ReportDeltasTable {
  id: Generated<string>;
  sign: number;
  f: string;
}

export interface ReportAlertsTable {
  id: Generated<string>;
  kind: 'volume_spike' | 'new_product';
  subject_kind: 'category' | 'product';
  subject_key: string;
  category_id: string | null;
  product_id: string | null;
  subject_name: string;
  day: DateColumn;
  baseline_from: DateColumn | null;
  baseline_to: DateColumn | null;
  observed: number;
  expected: number;
  threshold: number;
  method: string;
  p_value: number | null;
  details: ColumnType<unknown, string | undefined, string>;
  complaint_id: string | null;
  raised_at: Timestamp;
  acknowledged_by: string | null;
  acknowledged_at: Timestamp | null;
  acknowledgement_note: string | null;
}

export interface ReportAlertChecksTable {
  day: DateColumn;
  checked_at: Timestamp;
  subjects: Generated<number>;
  alerts: Generated<number>;
  elapsed_ms: Generated<number>;
}

/** A stored periodic summary (migration 0007). */
export interface ReportSummariesTable {
  id: Generated<string>;
  period_kind: 'day' | 'week' | 'month';
  period_start: DateColumn;
  period_end: DateColumn;
  time_zone: string;
  generated_at: Timestamp;
  generated_by: string | null;
  build_ms: Generated<number>;
  content: ColumnType<unknown, string, string>;
}

export interface ReportRefreshQueueTable {
  complaint_id: string;
  queued_at: Timestamp;
}

export interface ReportTables {
  products: ProductsTable;
  report_settings: ReportSettingsTable;
  report_denominators: ReportDenominatorsTable;
  report_counts: ReportCountsTable;
  report_deltas: ReportDeltasTable;
  report_refresh_queue: ReportRefreshQueueTable;
  report_alerts: ReportAlertsTable;
  report_alert_checks: ReportAlertChecksTable;
  report_summaries: ReportSummariesTable;
}
