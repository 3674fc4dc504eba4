// The daily volume check (early warning, §12), called from every sweep of the timer engine:
// - once a day is complete (from 00:30 the next day in report_settings.time_zone), each category
//   and product is tested against its own 28-day baseline (src/domain/volume-alerts.ts);
// - a process claims a day by inserting its report_alert_checks row, in the same transaction
//   that raises the day's alerts and writes their notifications: the day is checked once, by one
//   process (a second one waits on the row's key, then finds it taken), and the alerts' unique
//   key backs this up;
// - days missed while no server ran are checked on catch-up (up to 7, oldest first);
// - between checks a sweep costs nothing: each process remembers the last day it saw checked.
// The counts come from the report rollup (report_counts plus the pending report_delta_counts), one
// query per day window; complaints are never scanned.
import { type Kysely, sql } from 'kysely';
import { type NewAlert, raiseAlerts } from '../db/repositories/alerts.ts';
import type { Database } from '../db/schema.ts';
import {
  addDays,
  type CategoryNode,
  daysToCheck,
  detectVolumeSpikes,
  lastCompleteDay,
  productKey,
  VOLUME_METHOD,
  type VolumeSpike,
} from '../domain/volume-alerts.ts';

/** How many missed days a catch-up checks at most (the most recent ones). */
export const MAX_CATCH_UP_DAYS = 7;

export interface VolumeCheckResult {
  alerts: number;
  notifications: number;
}

/** Per process and database: the last day known to be checked, and the time zone it was cut in. */
const checkedThrough = new WeakMap<Kysely<Database>, { day: string; timeZone: string }>();

/** Checks every complete day not yet checked; adds what it raised to `out`. */
export async function checkVolumeAlerts(
  db: Kysely<Database>,
  now: Date,
  out: VolumeCheckResult = { alerts: 0, notifications: 0 },
): Promise<VolumeCheckResult> {
  const known = checkedThrough.get(db);
  if (known && known.day >= lastCompleteDay(now, known.timeZone)) return out;
  const state = await db
    .selectFrom('report_settings')
    .select([
      'time_zone',
      (eb) =>
        eb
          .selectFrom('report_alert_checks')
          .select(sql<string | null>`max(day)::text`.as('d'))
          .as('last_checked'),
    ])
    .executeTakeFirst();
  const timeZone = state?.time_zone ?? 'Asia/Shanghai';
  const target = lastCompleteDay(now, timeZone);
  for (const day of daysToCheck(state?.last_checked ?? null, target, MAX_CATCH_UP_DAYS)) {
    await checkDay(db, day, now, out);
  }
  checkedThrough.set(db, { day: target, timeZone });
  return out;
}

/** Checks one day in one transaction, unless another process has (or is doing it). */
export async function checkDay(
  db: Kysely<Database>,
  day: string,
  now: Date,
  out: VolumeCheckResult = { alerts: 0, notifications: 0 },
): Promise<VolumeCheckResult> {
  return db.transaction().execute(async (tx) => {
    const claimed = await tx
      .insertInto('report_alert_checks')
      .values({ day, checked_at: now })
      .onConflict((oc) => oc.column('day').doNothing())
      .returning('day')
      .executeTakeFirst();
    if (!claimed) return out;
    const started = performance.now();
    const input = await loadVolumeInput(tx, day);
    const result = detectVolumeSpikes(input);
    const spellings = await productSpellings(
      tx,
      day,
      result.spikes.filter((s) => s.subjectKind === 'product').map((s) => s.key),
    );
    const alerts = result.spikes.map((s) => toAlert(s, input.names, spellings.get(s.key)));
    const { raised, notifications } = await raiseAlerts(tx, alerts, now);
    out.alerts += raised.length;
    out.notifications += notifications;
    await tx
      .updateTable('report_alert_checks')
      .set({
        subjects: result.tested,
        alerts: raised.length,
        elapsed_ms: Math.round(performance.now() - started),
      })
      .where('day', '=', day)
      .execute();
    return out;
  });
}

interface Names {
  categories: Map<string, string>;
  /** product key → the registered product, or the name as typed. */
  products: Map<string, { id: string | null; name: string }>;
}

/**
 * The day's window (the baseline days and the day) from the rollup: complaints by category
 * (dim 'all') and by product (dim 'product'), rollup rows plus pending deltas, in one query; the
 * first day with any complaint; the category tree and the registered products.
 */
export async function loadVolumeInput(db: Kysely<Database>, day: string) {
  const from = addDays(day, -VOLUME_METHOD.baselineDays);
  const counts = await sql<{
    kind: 'category' | 'product';
    key: string;
    name: string | null;
    day: string;
    n: number;
  }>`
    SELECT kind, key, min(name) AS name, day::text AS day, sum(n)::bigint AS n
      FROM (
        SELECT 'category' AS kind, category_id::text AS key, NULL::text AS name, day, n
          FROM report_counts WHERE dim = 'all' AND value = '' AND day BETWEEN ${from}::date AND ${day}::date
        UNION ALL
        SELECT 'product', lower(btrim(value)), btrim(value), day, n
          FROM report_counts WHERE dim = 'product' AND day BETWEEN ${from}::date AND ${day}::date
        UNION ALL
        SELECT CASE dim WHEN 'all' THEN 'category' ELSE 'product' END,
               CASE dim WHEN 'all' THEN category_id::text ELSE lower(btrim(value)) END,
               CASE dim WHEN 'all' THEN NULL ELSE btrim(value) END,
               day, n
          FROM report_delta_counts WHERE dim IN ('all', 'product') AND day BETWEEN ${from}::date AND ${day}::date
      ) x
     WHERE key <> ''
     GROUP BY kind, key, day
    HAVING sum(n) <> 0`.execute(db);
  const first = await sql<{ day: string | null }>`
    SELECT least(
      (SELECT min(day) FROM report_counts WHERE dim = 'all' AND value = ''),
      (SELECT min(day) FROM report_delta_counts WHERE dim = 'all' AND n > 0)
    )::text AS day`.execute(db);
  const [categories, products] = await Promise.all([
    db.selectFrom('categories').select(['id', 'parent_id', 'name']).execute(),
    db.selectFrom('products').select(['id', 'name']).execute(),
  ]);

  const categoryCounts = new Map<string, Map<string, number>>();
  const productCounts = new Map<string, Map<string, number>>();
  const names: Names = {
    categories: new Map(categories.map((c) => [c.id, c.name])),
    products: new Map(products.map((p) => [productKey(p.name), { id: p.id, name: p.name }])),
  };
  for (const r of counts.rows) {
    const target = r.kind === 'category' ? categoryCounts : productCounts;
    const byDay = target.get(r.key) ?? new Map<string, number>();
    byDay.set(r.day, Number(r.n));
    target.set(r.key, byDay);
    if (r.kind === 'product' && r.name && !names.products.has(r.key)) {
      names.products.set(r.key, { id: null, name: r.name });
    }
  }
  const tree: CategoryNode[] = categories.map((c) => ({ id: c.id, parentId: c.parent_id, name: c.name }));
  return {
    day,
    firstDay: first.rows[0]?.day ?? null,
    categories: tree,
    categoryCounts,
    productCounts,
    names,
  };
}

/**
 * The spelling most complaints of the day used for each product key (the complaint list filters a
 * product by its exact text, so the alert's drill-down uses this one). Only for products that spiked.
 */
async function productSpellings(
  db: Kysely<Database>,
  day: string,
  keys: string[],
): Promise<Map<string, string>> {
  if (!keys.length) return new Map();
  const rows = await sql<{ key: string; spelling: string; n: number }>`
    SELECT lower(btrim(value)) AS key, btrim(value) AS spelling, sum(n)::bigint AS n
      FROM (SELECT value, n FROM report_counts WHERE dim = 'product' AND day = ${day}::date
            UNION ALL
            SELECT value, n FROM report_delta_counts WHERE dim = 'product' AND day = ${day}::date) x
     WHERE lower(btrim(value)) = ANY(${keys}::text[])
     GROUP BY 1, 2
     ORDER BY 1, 3 DESC, 2`.execute(db);
  const out = new Map<string, string>();
  for (const r of rows.rows) if (!out.has(r.key)) out.set(r.key, r.spelling);
  return out;
}

function toAlert(s: VolumeSpike, names: Names, spelling: string | undefined): NewAlert {
  const v = s.verdict;
  const product = s.subjectKind === 'product' ? names.products.get(s.key) : undefined;
  return {
    kind: 'volume_spike',
    subjectKind: s.subjectKind,
    subjectKey: s.key,
    categoryId: s.subjectKind === 'category' ? s.key : null,
    productId: product?.id ?? null,
    subjectName:
      (s.subjectKind === 'category' ? names.categories.get(s.key) : product?.id ? product.name : spelling) ??
      product?.name ??
      s.key,
    day: s.day,
    baselineFrom: s.baselineFrom,
    baselineTo: s.baselineTo,
    observed: v.observed,
    expected: v.baseline,
    threshold: v.threshold,
    method: VOLUME_METHOD.id,
    pValue: v.pValue,
    details: {
      lambda: v.lambda,
      dispersion: Math.round(v.dispersion * 1000) / 1000,
      historyDays: v.historyDays,
      history: s.history,
      setAside: s.setAside,
      alpha: VOLUME_METHOD.alpha,
      minCount: VOLUME_METHOD.minCount,
      minRatio: VOLUME_METHOD.minRatio,
      baselineFloor: VOLUME_METHOD.baselineFloor,
      ...(spelling ? { spelling } : {}),
    },
    complaintId: null,
  };
}
