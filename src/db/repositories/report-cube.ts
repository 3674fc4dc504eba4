// The queries behind the reports. A figure comes from the rollups (report_counts, report_kpis,
// report_resolve_hist) plus the deltas not yet folded into them (the report_delta_* views), so it
// is exact the moment a complaint's transaction commits. The rollups are keyed by ONE dimension
// value at a time; a question with two or more filters is answered from the complaints
// themselves with the same definitions (the "raw" path, indexed by received_at).
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { splitByMonths } from '../../domain/report-math.ts';
import type { Database } from '../schema.ts';

export const NO_CATEGORY = '00000000-0000-0000-0000-000000000000';

/** The dimensions of report_counts besides 'all' and 'hour', with the complaint column of each. */
export const COUNT_DIMENSIONS = {
  channel: 'channel',
  severity: 'severity',
  team: 'team',
  product: 'product',
  customer_type: 'customer_type',
  cause: 'cause',
  department: 'responsible_department_id',
} as const;
export type CountDimension = keyof typeof COUNT_DIMENSIONS;

export interface CubeQuery {
  from: string;
  to: string;
  /** Dimension filters (value as the rollup stores it: text). */
  filters: readonly (readonly [CountDimension, string])[];
  /** A category subtree: these category ids only. */
  categoryIds?: readonly string[] | undefined;
}

export interface ReportSettings {
  timeZone: string;
  repeatWindowDays: number;
  agentsTeamOnly: boolean;
  kpiTargets: unknown;
}

export async function reportSettings(db: Kysely<Database>): Promise<ReportSettings> {
  const r = await db.selectFrom('report_settings').selectAll().executeTakeFirstOrThrow();
  return {
    timeZone: r.time_zone,
    repeatWindowDays: r.repeat_window_days,
    agentsTeamOnly: r.agents_team_only,
    kpiTargets: r.kpi_targets,
  };
}

const num = (v: string | number | null | undefined) => Number(v ?? 0);

function categoryClause(ids: readonly string[] | undefined, column: RawBuilder<unknown>) {
  if (!ids) return sql``;
  return sql` AND ${column} = ANY(${sql.val([...ids])}::uuid[])`;
}

/** The single rollup key a query can use, or null when it needs the raw path. */
function rollupKey(q: CubeQuery, none: string): readonly [string, string] | null {
  if (q.filters.length === 0) return [none, ''];
  if (q.filters.length === 1) return q.filters[0] as readonly [string, string];
  return null;
}

function rawWhere(q: CubeQuery, tz: string) {
  const parts = q.filters.map(([dim, value]) =>
    dim === 'department'
      ? sql` AND responsible_department_id::text = ${value}`
      : sql` AND ${sql.ref(COUNT_DIMENSIONS[dim])} = ${value}`,
  );
  return sql`received_at >= (${q.from}::date::timestamp AT TIME ZONE ${tz})
    AND received_at < ((${q.to}::date + 1)::timestamp AT TIME ZONE ${tz})
    ${sql.join(parts, sql``)}${categoryClause(q.categoryIds, sql`category_id`)}`;
}

/**
 * Runs a query that counts from the complaints themselves without JIT compilation: at ten million
 * complaints compiling cost more than it saved (0.6–0.7 s a query, docs/benchmarks.md).
 */
async function rawQuery<R>(db: Kysely<Database>, query: RawBuilder<R>): Promise<R[]> {
  return db.transaction().execute(async (tx) => {
    await sql`SET LOCAL jit = off`.execute(tx);
    return (await query.execute(tx)).rows;
  });
}

export interface Counted {
  key: string;
  n: number;
}

/** Complaints received in the period, by category (NO_CATEGORY for none). */
export async function countsByCategory(
  db: Kysely<Database>,
  q: CubeQuery,
  tz: string,
): Promise<{ rows: Counted[]; source: 'rollup' | 'raw' }> {
  const key = rollupKey(q, 'all');
  if (key) {
    const { rows } = await sql<{ key: string; n: string }>`
      SELECT category_id::text AS key, sum(n) AS n FROM (
        SELECT category_id, n FROM report_counts
         WHERE dim = ${key[0]} AND value = ${key[1]} AND day BETWEEN ${q.from}::date AND ${q.to}::date
        UNION ALL
        SELECT category_id, n FROM report_delta_counts
         WHERE dim = ${key[0]} AND value = ${key[1]} AND day BETWEEN ${q.from}::date AND ${q.to}::date
      ) t WHERE true${categoryClause(q.categoryIds, sql`category_id`)}
      GROUP BY category_id HAVING sum(n) <> 0`.execute(db);
    return { rows: rows.map((r) => ({ key: r.key, n: num(r.n) })), source: 'rollup' };
  }
  const rows = await rawQuery(
    db,
    sql<{ key: string; n: string }>`
      SELECT coalesce(category_id, ${NO_CATEGORY}::uuid)::text AS key, count(*) AS n
        FROM complaints WHERE ${rawWhere(q, tz)} GROUP BY category_id`,
  );
  return { rows: rows.map((r) => ({ key: r.key, n: num(r.n) })), source: 'raw' };
}

/** Complaints received per day of the period (days without any are absent). */
export async function countsByDay(
  db: Kysely<Database>,
  q: CubeQuery,
  tz: string,
): Promise<{ rows: Counted[]; source: 'rollup' | 'raw' }> {
  const key = rollupKey(q, 'all');
  if (key) {
    const { rows } = await sql<{ key: string; n: string }>`
      SELECT day::text AS key, sum(n) AS n FROM (
        SELECT day, category_id, n FROM report_counts
         WHERE dim = ${key[0]} AND value = ${key[1]} AND day BETWEEN ${q.from}::date AND ${q.to}::date
        UNION ALL
        SELECT day, category_id, n FROM report_delta_counts
         WHERE dim = ${key[0]} AND value = ${key[1]} AND day BETWEEN ${q.from}::date AND ${q.to}::date
      ) t WHERE true${categoryClause(q.categoryIds, sql`category_id`)}
      GROUP BY day HAVING sum(n) <> 0`.execute(db);
    return { rows: rows.map((r) => ({ key: r.key, n: num(r.n) })), source: 'rollup' };
  }
  const rows = await rawQuery(
    db,
    sql<{ key: string; n: string }>`
      SELECT d::text AS key, n FROM (
        SELECT (received_at AT TIME ZONE ${tz})::date AS d, count(*) AS n
          FROM complaints WHERE ${rawWhere(q, tz)} GROUP BY 1) t`,
  );
  return { rows: rows.map((r) => ({ key: r.key, n: num(r.n) })), source: 'raw' };
}

export interface DayHourCount {
  day: string;
  hour: number;
  n: number;
}

/** Complaints received per day and hour of the period. */
export async function countsByDayHour(
  db: Kysely<Database>,
  q: CubeQuery,
  tz: string,
): Promise<{ rows: DayHourCount[]; source: 'rollup' | 'raw' }> {
  type Row = { day: string; hour: string; n: string };
  const present = (rows: Row[]) => rows.map((r) => ({ day: r.day, hour: Number(r.hour), n: num(r.n) }));
  if (q.filters.length === 0) {
    const { rows } = await sql<Row>`
      SELECT day::text AS day, value AS hour, sum(n) AS n FROM (
        SELECT day, value, category_id, n FROM report_counts
         WHERE dim = 'hour' AND day BETWEEN ${q.from}::date AND ${q.to}::date
        UNION ALL
        SELECT day, value, category_id, n FROM report_delta_counts
         WHERE dim = 'hour' AND day BETWEEN ${q.from}::date AND ${q.to}::date
      ) t WHERE true${categoryClause(q.categoryIds, sql`category_id`)}
      GROUP BY day, value HAVING sum(n) <> 0`.execute(db);
    return { rows: present(rows), source: 'rollup' };
  }
  if (q.filters.length === 1 && !q.categoryIds) {
    const [dim, value] = q.filters[0] as readonly [string, string];
    const { rows } = await sql<Row>`
      SELECT day::text AS day, hour::text AS hour, sum(n) AS n FROM (
        SELECT day, hour, n FROM report_hours
         WHERE dim = ${dim} AND value = ${value} AND day BETWEEN ${q.from}::date AND ${q.to}::date
        UNION ALL
        SELECT day, hour, n FROM report_delta_hours
         WHERE dim = ${dim} AND value = ${value} AND day BETWEEN ${q.from}::date AND ${q.to}::date
      ) t GROUP BY day, hour HAVING sum(n) <> 0`.execute(db);
    return { rows: present(rows), source: 'rollup' };
  }
  // Grouped on the local hour as a timestamp, turned into text once per group.
  const rows = await rawQuery(
    db,
    sql<Row>`
      SELECT h::date::text AS day, extract(hour FROM h)::int::text AS hour, n FROM (
        SELECT date_trunc('hour', received_at AT TIME ZONE ${tz}) AS h, count(*) AS n
          FROM complaints WHERE ${rawWhere(q, tz)} GROUP BY 1) t`,
  );
  return { rows: present(rows), source: 'raw' };
}

export const KPI_DIMENSIONS = ['all', 'team', 'owner', 'department', 'category'] as const;
export type KpiDimension = (typeof KPI_DIMENSIONS)[number];

const KPI_COLUMNS = [
  ['received', 'received'],
  ['closed', 'closed'],
  ['frontline', 'frontline'],
  ['escalated', 'escalated'],
  ['escalations', 'escalations'],
  ['escalationsReviewed', 'escalations_reviewed'],
  ['escalationsJustified', 'escalations_justified'],
  ['reopened', 'reopened'],
  ['repeats', 'repeats'],
  ['major', 'major'],
  ['crisis', 'crisis'],
  ['seriousResolved', 'serious_resolved'],
  ['seriousSeconds', 'serious_seconds'],
  ['resolved', 'resolved'],
  ['resolveSeconds', 'resolve_seconds'],
  ['replySettled', 'reply_settled'],
  ['replyOnTime', 'reply_on_time'],
  ['resolutionSettled', 'resolution_settled'],
  ['resolutionOnTime', 'resolution_on_time'],
] as const;
export type KpiColumn = (typeof KPI_COLUMNS)[number][0];

export interface KpiQuery {
  dim: KpiDimension;
  from: string;
  to: string;
  /** Only these values of the dimension. */
  values?: readonly string[] | undefined;
}

function valuesClause(values: readonly string[] | undefined) {
  return values ? sql` AND value = ANY(${sql.val([...values])}::text[])` : sql``;
}

/** The KPI sums per value of a dimension (value '' = none, e.g. no team). */
export async function kpiSums(
  db: Kysely<Database>,
  q: KpiQuery,
): Promise<{ value: string; sums: Record<KpiColumn, number> }[]> {
  const cols = KPI_COLUMNS.map(([, c]) => sql.ref(c));
  const sums = KPI_COLUMNS.map(([k, c]) => sql`sum(${sql.ref(c)}) AS ${sql.ref(k)}`);
  const where = sql`dim = ${q.dim} AND day BETWEEN ${q.from}::date AND ${q.to}::date${valuesClause(q.values)}`;
  const { rows } = await sql<Record<string, string>>`
    SELECT value, ${sql.join(sums)} FROM (
      SELECT value, ${sql.join(cols)} FROM report_kpis WHERE ${where}
      UNION ALL
      SELECT value, ${sql.join(cols)} FROM report_delta_kpis WHERE ${where}
    ) t GROUP BY value HAVING sum(received) <> 0`.execute(db);
  return rows.map((r) => ({
    value: r.value as string,
    sums: Object.fromEntries(KPI_COLUMNS.map(([k]) => [k, num(r[k])])) as Record<KpiColumn, number>,
  }));
}

/** The resolution-time histogram per value of a dimension (not by owner): whole months from the
 * monthly rollup, the days before and after them from the daily one. */
export async function resolveHistogram(
  db: Kysely<Database>,
  q: KpiQuery,
): Promise<{ value: string; bucket: number; n: number }[]> {
  const { months, days } = splitByMonths({ from: q.from, to: q.to });
  const dayParts = days.map((r) => {
    const where = sql`dim = ${q.dim} AND day BETWEEN ${r.from}::date AND ${r.to}::date${valuesClause(q.values)}`;
    return sql`SELECT value, bucket, n FROM report_resolve_hist WHERE ${where}
      UNION ALL SELECT value, bucket, n FROM report_delta_hist WHERE ${where}`;
  });
  const monthParts = months
    ? [
        sql`SELECT value, bucket, n FROM report_resolve_hist_monthly
             WHERE dim = ${q.dim} AND month BETWEEN ${months.from}::date AND ${months.to}::date${valuesClause(q.values)}
            UNION ALL
            SELECT value, bucket, n FROM report_delta_hist_monthly
             WHERE dim = ${q.dim} AND month BETWEEN ${months.from}::date AND ${months.to}::date${valuesClause(q.values)}`,
      ]
    : [];
  const parts = [...dayParts, ...monthParts];
  if (parts.length === 0) return [];
  const { rows } = await sql<{ value: string; bucket: number; n: string }>`
    SELECT value, bucket, sum(n) AS n FROM (${sql.join(parts, sql` UNION ALL `)}) t
    GROUP BY value, bucket HAVING sum(n) <> 0`.execute(db);
  return rows.map((r) => ({ value: r.value, bucket: Number(r.bucket), n: num(r.n) }));
}

const FOLD_LOCK = 72_700_006;

/**
 * Folds the pending deltas into the rollups (one process at a time; the others skip). Runs in
 * REPEATABLE READ so that it deletes exactly the deltas it added while intake goes on.
 */
export async function foldReportDeltas(db: Kysely<Database>): Promise<number> {
  // Complaints whose deadline outcomes or escalations changed while someone held them (see
  // migration 0008) are refreshed first, so their new facts are folded in the same sweep.
  await sql`SELECT report_drain_refresh_queue(1000)`.execute(db);
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (tx) => {
      const { rows: lock } = await sql<{
        ok: boolean;
      }>`SELECT pg_try_advisory_xact_lock(${FOLD_LOCK}, hashtext(current_schema())) AS ok`.execute(tx);
      if (!lock[0]?.ok) return 0;
      const { rows } = await sql<{ n: string }>`SELECT report_fold(NULL) AS n`.execute(tx);
      return num(rows[0]?.n);
    });
}

/** Rebuilds every rollup from the complaints (after a change of time zone or a bulk load). */
export async function rebuildReports(db: Kysely<Database>): Promise<void> {
  await sql`SELECT report_rebuild()`.execute(db);
}
