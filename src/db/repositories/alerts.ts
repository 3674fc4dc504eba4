// Report alerts (early warning, §12): raised exactly once (unique keys in migration 0006), told at
// once to every active analyst and supervisor as a stored notification, listed and acknowledged.
import { type Kysely, type Selectable, sql } from 'kysely';
import type { Database } from '../schema.ts';
import type { ReportAlertsTable } from '../schema-reports.ts';
import { insertNotifications, type NewNotification } from './notifications.ts';

export type AlertKind = ReportAlertsTable['kind'];
export const ALERT_KINDS = ['volume_spike', 'new_product'] as const satisfies readonly AlertKind[];
export const ALERT_SUBJECT_KINDS = ['category', 'product'] as const;
/** Who is told of an alert. */
export const ALERT_RECIPIENT_ROLES = ['analyst', 'supervisor'] as const;

export interface NewAlert {
  kind: AlertKind;
  subjectKind: 'category' | 'product';
  subjectKey: string;
  categoryId: string | null;
  productId: string | null;
  subjectName: string;
  day: string;
  baselineFrom: string | null;
  baselineTo: string | null;
  observed: number;
  expected: number;
  threshold: number;
  method: string;
  pValue: number | null;
  details: Record<string, unknown>;
  complaintId: string | null;
  /** Said in the notification (the first complaint's number). */
  complaintNumber?: string | null;
}

type AlertRow = Selectable<ReportAlertsTable>;

/** A column list that reads dates as text (YYYY-MM-DD), never as a Date in some time zone. */
const ALERT_COLUMNS = [
  'a.id',
  'a.kind',
  'a.subject_kind',
  'a.subject_key',
  'a.category_id',
  'a.product_id',
  'a.subject_name',
  sql<string>`a.day::text`.as('day'),
  sql<string | null>`a.baseline_from::text`.as('baseline_from'),
  sql<string | null>`a.baseline_to::text`.as('baseline_to'),
  'a.observed',
  'a.expected',
  'a.threshold',
  'a.method',
  'a.p_value',
  'a.details',
  'a.complaint_id',
  'a.raised_at',
  'a.acknowledged_by',
  'a.acknowledged_at',
  'a.acknowledgement_note',
] as const;

/** The figures a notification carries: enough to word it and to drill into the complaints. */
export function alertPayload(a: NewAlert, id: string): Record<string, unknown> {
  return {
    alertId: id,
    alertKind: a.kind,
    subjectKind: a.subjectKind,
    subject: a.subjectName,
    categoryId: a.categoryId,
    productId: a.productId,
    day: a.day,
    observed: a.observed,
    expected: Math.round(a.expected * 100) / 100,
    threshold: a.threshold,
    pValue: a.pValue,
    method: a.method,
    ...(a.complaintNumber ? { number: a.complaintNumber } : {}),
    ...(a.kind === 'new_product'
      ? { productKind: a.details.productKind ?? null, launchedOn: a.details.launchedOn ?? null }
      : {}),
  };
}

/** The people told of alerts: every active analyst and supervisor. */
export async function alertRecipients(db: Kysely<Database>): Promise<string[]> {
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('role', 'in', ALERT_RECIPIENT_ROLES)
    .where('active', '=', true)
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Inserts the alerts that are new (a second insert of the same subject and day, or of a product's
 * first complaint, is skipped by the unique keys) and notifies everyone concerned of each, in the
 * caller's transaction. Returns the alerts raised now and the notifications written.
 */
export async function raiseAlerts(
  db: Kysely<Database>,
  alerts: readonly NewAlert[],
  now: Date,
): Promise<{ raised: Array<{ id: string; alert: NewAlert }>; notifications: number }> {
  if (!alerts.length) return { raised: [], notifications: 0 };
  const rows = await db
    .insertInto('report_alerts')
    .values(
      alerts.map((a) => ({
        kind: a.kind,
        subject_kind: a.subjectKind,
        subject_key: a.subjectKey,
        category_id: a.categoryId,
        product_id: a.productId,
        subject_name: a.subjectName,
        day: a.day,
        baseline_from: a.baselineFrom,
        baseline_to: a.baselineTo,
        observed: a.observed,
        expected: a.expected,
        threshold: a.threshold,
        method: a.method,
        p_value: a.pValue,
        details: JSON.stringify(a.details),
        complaint_id: a.complaintId,
        raised_at: now,
      })),
    )
    .onConflict((oc) => oc.doNothing())
    .returning(['id', 'kind', 'subject_kind', 'subject_key', sql<string>`day::text`.as('day')])
    .execute();
  const byKey = new Map(alerts.map((a) => [`${a.kind}|${a.subjectKind}|${a.subjectKey}|${a.day}`, a]));
  const raised = rows.flatMap((r) => {
    const alert = byKey.get(`${r.kind}|${r.subject_kind}|${r.subject_key}|${r.day}`);
    return alert ? [{ id: r.id, alert }] : [];
  });
  if (!raised.length) return { raised, notifications: 0 };
  const people = await alertRecipients(db);
  const notes: NewNotification[] = raised.flatMap(({ id, alert }) =>
    people.map((userId) => ({
      userId,
      kind: 'report_alert' as const,
      complaintId: alert.complaintId,
      subjectId: id,
      dedupeKey: `alert:${id}`,
      payload: alertPayload(alert, id),
      createdAt: now,
    })),
  );
  return { raised, notifications: await insertNotifications(db, notes) };
}

export interface AlertView extends Omit<AlertRow, 'day' | 'baseline_from' | 'baseline_to'> {
  day: string;
  baseline_from: string | null;
  baseline_to: string | null;
  complaint_number: string | null;
  acknowledged_by_name: string | null;
  category_name_en: string | null;
  product_kind: string | null;
}

function selectAlerts(db: Kysely<Database>) {
  return db
    .selectFrom('report_alerts as a')
    .leftJoin('users as u', 'u.id', 'a.acknowledged_by')
    .leftJoin('complaints as c', 'c.id', 'a.complaint_id')
    .leftJoin('categories as cat', 'cat.id', 'a.category_id')
    .leftJoin('products as p', 'p.id', 'a.product_id')
    .select(ALERT_COLUMNS)
    .select([
      'c.number as complaint_number',
      'u.name as acknowledged_by_name',
      'cat.name_en as category_name_en',
      'p.kind as product_kind',
    ]);
}

export interface AlertCursor {
  at: Date;
  id: string;
}

/** Alerts newest first, open or acknowledged, of some kinds. */
export function listAlerts(
  db: Kysely<Database>,
  opts: {
    state?: 'open' | 'acknowledged' | undefined;
    kinds?: readonly AlertKind[] | undefined;
    limit: number;
    cursor?: AlertCursor | undefined;
  },
): Promise<AlertView[]> {
  let q = selectAlerts(db);
  if (opts.state === 'open') q = q.where('a.acknowledged_at', 'is', null);
  if (opts.state === 'acknowledged') q = q.where('a.acknowledged_at', 'is not', null);
  if (opts.kinds?.length) q = q.where('a.kind', 'in', opts.kinds);
  const c = opts.cursor;
  if (c) q = q.where((eb) => eb(eb.refTuple('a.raised_at', 'a.id'), '<', eb.tuple(c.at, c.id)));
  return q.orderBy('a.raised_at', 'desc').orderBy('a.id', 'desc').limit(opts.limit).execute() as Promise<
    AlertView[]
  >;
}

export async function countAlerts(
  db: Kysely<Database>,
  kinds?: readonly AlertKind[],
): Promise<{ open: number; acknowledged: number }> {
  let q = db
    .selectFrom('report_alerts')
    .select((eb) => [
      eb.fn.countAll<number>().filterWhere('acknowledged_at', 'is', null).as('open'),
      eb.fn.countAll<number>().filterWhere('acknowledged_at', 'is not', null).as('acknowledged'),
    ]);
  if (kinds?.length) q = q.where('kind', 'in', kinds);
  const row = await q.executeTakeFirstOrThrow();
  return { open: Number(row.open), acknowledged: Number(row.acknowledged) };
}

export async function findAlert(db: Kysely<Database>, id: string): Promise<AlertView | undefined> {
  return (await selectAlerts(db).where('a.id', '=', id).executeTakeFirst()) as AlertView | undefined;
}

/** Acknowledges an open alert; false when it was acknowledged already (or does not exist). */
export async function markAcknowledged(
  db: Kysely<Database>,
  id: string,
  userId: string,
  note: string,
  now: Date,
): Promise<boolean> {
  const row = await db
    .updateTable('report_alerts')
    .set({ acknowledged_by: userId, acknowledged_at: now, acknowledgement_note: note })
    .where('id', '=', id)
    .where('acknowledged_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}
