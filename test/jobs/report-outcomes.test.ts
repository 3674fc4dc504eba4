// Deadline outcomes and escalation counts reach the complaint row (and so the reports) without
// the timer engine ever waiting for a complaint a person holds: refreshed at once when the
// complaint is free or held by the same transaction, queued and refreshed by the next sweep when
// someone else holds it (migration 0008).
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../../src/db/database.ts';
import { foldReportDeltas } from '../../src/db/repositories/report-cube.ts';
import { complaintBody, startTestServer, type TestServer } from '../helpers/test-server.ts';

const url = process.env.TEST_DATABASE_URL;
let s: TestServer;

beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s?.close());

async function newComplaint(): Promise<string> {
  const agent = await s.user('agent', '一组');
  const r = await agent.client.post('/complaints', complaintBody());
  expect(r.status).toBe(201);
  return r.body.id;
}

const facts = (db: DatabaseHandle['db'], id: string) =>
  db
    .selectFrom('complaints')
    .select(['reply_on_time', 'resolution_on_time', 'escalation_count'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();

describe('deadline outcomes on the complaint row', () => {
  it('copies a breach at once when nobody holds the complaint, and a met deadline after it stays late', async () => {
    const id = await newComplaint();
    expect(await facts(s.handle.db, id)).toMatchObject({ reply_on_time: null, resolution_on_time: null });
    await sql`UPDATE complaint_deadlines SET breached_at = due_at WHERE complaint_id = ${id} AND kind = 'reply'`.execute(
      s.handle.db,
    );
    expect(await facts(s.handle.db, id)).toMatchObject({ reply_on_time: false });
    await sql`UPDATE complaint_deadlines SET met_at = now() WHERE complaint_id = ${id} AND kind = 'reply'`.execute(
      s.handle.db,
    );
    expect(await facts(s.handle.db, id)).toMatchObject({ reply_on_time: false });
    await sql`UPDATE complaint_deadlines SET met_at = now() WHERE complaint_id = ${id} AND kind = 'resolution'`.execute(
      s.handle.db,
    );
    expect(await facts(s.handle.db, id)).toMatchObject({ resolution_on_time: true });
  });

  it('counts a manual escalation at once and an automatic one only once applied', async () => {
    const id = await newComplaint();
    const insert = (automatic: boolean, applied: boolean) =>
      sql`
      INSERT INTO escalations (complaint_id, kind, reason, note, from_level, to_level, automatic, applied_at, created_at)
      VALUES (${id}, 'escalation', 'beyond_authority', 'x', 1, 2, ${automatic}, ${applied ? new Date() : null}, now())
      RETURNING id`.execute(s.handle.db);
    await insert(false, true);
    expect((await facts(s.handle.db, id)).escalation_count).toBe(1);
    const auto = await insert(true, false);
    expect((await facts(s.handle.db, id)).escalation_count).toBe(1);
    await sql`UPDATE escalations SET applied_at = now() WHERE id = ${(auto.rows[0] as { id: string }).id}`.execute(
      s.handle.db,
    );
    expect((await facts(s.handle.db, id)).escalation_count).toBe(2);
    await sql`DELETE FROM escalations WHERE id = ${(auto.rows[0] as { id: string }).id}`.execute(s.handle.db);
    expect((await facts(s.handle.db, id)).escalation_count).toBe(1);
  });
});

describe.skipIf(!url)('while a person holds the complaint (two connections to PostgreSQL)', () => {
  let other: DatabaseHandle;
  beforeAll(async () => {
    const schema = await sql<{ s: string }>`select current_schema() as s`.execute(s.handle.db);
    other = await openDatabase({ databaseUrl: url, schema: schema.rows[0]?.s, poolSize: 2 });
  });
  afterAll(() => other?.close());

  it('a breach stamped meanwhile does not wait: it is queued and the next sweep copies it', async () => {
    const id = await newComplaint();
    let stampedMs = Number.NaN;
    await s.handle.db.transaction().execute(async (tx) => {
      await sql`SELECT 1 FROM complaints WHERE id = ${id} FOR NO KEY UPDATE`.execute(tx);
      const started = performance.now();
      await sql`UPDATE complaint_deadlines SET breached_at = due_at WHERE complaint_id = ${id} AND kind = 'reply'`.execute(
        other.db,
      );
      stampedMs = performance.now() - started;
      const queued = await other.db
        .selectFrom('report_refresh_queue')
        .selectAll()
        .where('complaint_id', '=', id)
        .execute();
      expect(queued).toHaveLength(1);
    });
    expect(stampedMs).toBeLessThan(1000); // never waited for the holder (the deadlock timeout is 1 s)
    expect((await facts(s.handle.db, id)).reply_on_time).toBeNull();
    await foldReportDeltas(other.db);
    expect((await facts(s.handle.db, id)).reply_on_time).toBe(false);
    const left = await s.handle.db
      .selectFrom('report_refresh_queue')
      .selectAll()
      .where('complaint_id', '=', id)
      .execute();
    expect(left).toHaveLength(0);
  });
});
