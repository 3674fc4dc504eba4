// `tousu demo` on an in-memory database: the data it makes obeys the rules the commands enforce,
// it refuses a database that holds complaints, and a seed always gives the same data.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDemo } from '../../src/cli/demo.ts';
import { type DatabaseHandle, openDatabase } from '../../src/db/database.ts';
import { migrate } from '../../src/db/migrate.ts';

const NOW = new Date('2026-11-22T06:30:00Z');
const DAY = 24 * 60 * 60 * 1000;
const OPTS = { count: 40, seed: 7, now: NOW };

async function freshDatabase(): Promise<DatabaseHandle> {
  const handle = await openDatabase({ dataDir: 'memory://' });
  await migrate(handle);
  return handle;
}

async function count(
  handle: DatabaseHandle,
  table: 'complaints' | 'users' | 'audit_events',
): Promise<number> {
  const row = await handle.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

function complaintsInOrder(handle: DatabaseHandle) {
  return handle.db
    .selectFrom('complaints')
    .select(['number', 'description', 'channel', 'severity', 'status', 'received_at'])
    .orderBy('number')
    .execute();
}

describe('tousu demo', () => {
  const handles: DatabaseHandle[] = [];
  let db: DatabaseHandle;
  let message: string;

  beforeAll(async () => {
    db = await freshDatabase();
    handles.push(db);
    ({ message } = await runDemo(db, OPTS));
  });

  afterAll(async () => {
    for (const h of handles) await h.close();
  });

  it('creates the complaints and reports them with the staff logins and the demo password', async () => {
    expect(await count(db, 'complaints')).toBe(40);
    expect(message).toContain('demo-pass-2026');
    expect(message).toContain('wangfang');
    expect(message).toContain('zhaomin');
    const roles = await db.db.selectFrom('users').select('role').distinct().execute();
    expect(roles.map((r) => r.role).sort()).toEqual([
      'agent',
      'analyst',
      'department',
      'specialist',
      'supervisor',
    ]);
  });

  it('leaves complaints in several statuses', async () => {
    const rows = await db.db.selectFrom('complaints').select('status').distinct().execute();
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(rows.map((r) => r.status)).toContain('closed');
  });

  it('closes as completed only complaints whose every demand was answered and explained', async () => {
    const bad = await db.db
      .selectFrom('demands as d')
      .innerJoin('complaints as c', 'c.id', 'd.complaint_id')
      .select(['c.number', 'd.status', 'd.customer_informed'])
      .where('c.close_reason', '=', 'completed')
      .where((eb) =>
        eb.or([
          eb('d.status', '=', 'open'),
          eb.and([eb('d.status', '=', 'declined'), eb('d.customer_informed', '=', false)]),
        ]),
      )
      .execute();
    expect(bad).toEqual([]);
    const completed = await db.db
      .selectFrom('complaints')
      .select('id')
      .where('close_reason', '=', 'completed')
      .execute();
    expect(completed.length).toBeGreaterThan(0);
  });

  it('closes major and crisis complaints with a summary', async () => {
    const missing = await db.db
      .selectFrom('complaints')
      .select(['number', 'severity'])
      .where('close_reason', '=', 'completed')
      .where('severity', 'in', ['major', 'crisis'])
      .where((eb) => eb.or([eb('summary', 'is', null), eb(sql`trim(summary)`, '=', '')]))
      .execute();
    expect(missing).toEqual([]);
  });

  it('closes as completed only with a cause analysis, judging the fault only on verified facts', async () => {
    const unanalysed = await db.db
      .selectFrom('complaints')
      .select('number')
      .where('close_reason', '=', 'completed')
      .where('cause', 'is', null)
      .execute();
    expect(unanalysed).toEqual([]);
    const faultWithoutFacts = await db.db
      .selectFrom('complaints')
      .select('number')
      .where('company_at_fault', 'is not', null)
      .where((eb) => eb.or([eb('verified_facts', 'is', null), eb(sql`trim(verified_facts)`, '=', '')]))
      .execute();
    expect(faultWithoutFacts).toEqual([]);
    const analysed = await db.db
      .selectFrom('complaints')
      .select('id')
      .where('cause', 'is not', null)
      .execute();
    expect(analysed.length).toBeGreaterThan(0);
  });

  it('records a timeline for every complaint, never before receipt nor after now', async () => {
    const withoutAudit = await db.db
      .selectFrom('complaints as c')
      .select('c.number')
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('audit_events as a').select('a.id').whereRef('a.complaint_id', '=', 'c.id'))),
      )
      .execute();
    expect(withoutAudit).toEqual([]);
    const outOfTime = await db.db
      .selectFrom('audit_events as a')
      .innerJoin('complaints as c', 'c.id', 'a.complaint_id')
      .select(['c.number', 'a.action', 'a.at'])
      .where((eb) => eb.or([eb('a.at', '<', eb.ref('c.received_at')), eb('a.at', '>', NOW)]))
      .execute();
    expect(outOfTime).toEqual([]);
  });

  it('spreads received_at over the 90 days before now', async () => {
    const row = await db.db
      .selectFrom('complaints')
      .select((eb) => [eb.fn.min('received_at').as('first'), eb.fn.max('received_at').as('last')])
      .executeTakeFirstOrThrow();
    const first = new Date(row.first as Date).getTime();
    const last = new Date(row.last as Date).getTime();
    expect(first).toBeGreaterThanOrEqual(NOW.getTime() - 90 * DAY);
    expect(last).toBeLessThanOrEqual(NOW.getTime());
    expect(last - first).toBeGreaterThan(30 * DAY);
  });

  it('gives customers valid mobile numbers, some of them on several complaints', async () => {
    const rows = await db.db.selectFrom('complaints').select('contact_phone').execute();
    for (const r of rows) expect(r.contact_phone).toMatch(/^1[3-9]\d{9}$/);
    expect(new Set(rows.map((r) => r.contact_phone)).size).toBeLessThan(rows.length);
  });

  it('refuses a second run and adds nothing', async () => {
    const before = await Promise.all([
      count(db, 'complaints'),
      count(db, 'users'),
      count(db, 'audit_events'),
    ]);
    const again = await runDemo(db, { ...OPTS, seed: 8 });
    expect(again.message).toMatch(/already holds 40 complaint/);
    const after = await Promise.all([count(db, 'complaints'), count(db, 'users'), count(db, 'audit_events')]);
    expect(after).toEqual(before);
  });

  it('makes the same complaints from the same seed', async () => {
    const other = await freshDatabase();
    handles.push(other);
    await runDemo(other, OPTS);
    expect(await complaintsInOrder(other)).toEqual(await complaintsInOrder(db));
  });
});
