// Stored periodic summaries (report_summaries): the list, one summary, and what the schedule needs
// to know (which are stored, the first complaint's day).
import { type Kysely, sql } from 'kysely';
import type { SummaryKind } from '../../domain/summary-periods.ts';
import type { Database } from '../schema.ts';

export interface SummaryRow {
  id: string;
  period_kind: SummaryKind;
  period_start: string;
  period_end: string;
  time_zone: string;
  generated_at: Date;
  generated_by: string | null;
  generated_by_name: string | null;
  build_ms: number;
}

export interface SummaryWithContent extends SummaryRow {
  content: unknown;
}

function summaries(db: Kysely<Database>) {
  return db
    .selectFrom('report_summaries as s')
    .leftJoin('users as u', 'u.id', 's.generated_by')
    .select((eb) => [
      's.id',
      's.period_kind',
      eb.cast<string>('s.period_start', 'text').as('period_start'),
      eb.cast<string>('s.period_end', 'text').as('period_end'),
      's.time_zone',
      's.generated_at',
      's.generated_by',
      'u.name as generated_by_name',
      's.build_ms',
    ]);
}

const KIND_RANK = sql<number>`CASE s.period_kind WHEN 'month' THEN 0 WHEN 'week' THEN 1 ELSE 2 END`;

export interface SummaryListRow extends SummaryRow {
  label: unknown;
  total: unknown;
}

/** Newest period first (a month before the week and the day ending the same day), a page at a time. */
export async function listSummaries(
  db: Kysely<Database>,
  opts: { kind?: SummaryKind | undefined; limit: number; offset: number },
): Promise<{ rows: SummaryListRow[]; total: number }> {
  let q = summaries(db);
  let n = db.selectFrom('report_summaries as s').select((eb) => eb.fn.countAll<string>().as('n'));
  if (opts.kind) {
    q = q.where('s.period_kind', '=', opts.kind);
    n = n.where('s.period_kind', '=', opts.kind);
  }
  const rows = await q
    .select([sql<unknown>`s.content->'label'`.as('label'), sql<unknown>`s.content->'total'`.as('total')])
    .orderBy('s.period_end', 'desc')
    .orderBy(KIND_RANK)
    .limit(opts.limit)
    .offset(opts.offset)
    .execute();
  const count = await n.executeTakeFirstOrThrow();
  return { rows: rows as SummaryListRow[], total: Number(count.n) };
}

export async function findSummary(db: Kysely<Database>, id: string): Promise<SummaryWithContent | undefined> {
  return (await summaries(db).select('s.content').where('s.id', '=', id).executeTakeFirst()) as
    | SummaryWithContent
    | undefined;
}

export async function findSummaryByPeriod(
  db: Kysely<Database>,
  kind: SummaryKind,
  start: string,
): Promise<SummaryRow | undefined> {
  return (await summaries(db)
    .where('s.period_kind', '=', kind)
    .where('s.period_start', '=', start)
    .executeTakeFirst()) as SummaryRow | undefined;
}

/** The summaries stored from a day on (the catch-up window). */
export async function storedSince(
  db: Kysely<Database>,
  from: string,
): Promise<{ kind: SummaryKind; start: string }[]> {
  const rows = await db
    .selectFrom('report_summaries')
    .select((eb) => ['period_kind', eb.cast<string>('period_start', 'text').as('period_start')])
    .where('period_start', '>=', from)
    .execute();
  return rows.map((r) => ({ kind: r.period_kind, start: r.period_start }));
}

/** The day (in the time zone) the first complaint was received, or null when there is none. */
export async function firstComplaintDay(db: Kysely<Database>, timeZone: string): Promise<string | null> {
  const { rows } = await sql<{ day: string | null }>`
    SELECT (min(received_at) AT TIME ZONE ${timeZone})::date::text AS day FROM complaints`.execute(db);
  return rows[0]?.day ?? null;
}
