// The timer engine's promises: exactly once with two server processes on one PostgreSQL, and
// catch-up after a restart with each breach stamped at its true time.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrapAdmin } from '../../src/commands/bootstrap-admin.ts';
import { createComplaint } from '../../src/commands/create-complaint.ts';
import { type DatabaseHandle, openDatabase } from '../../src/db/database.ts';
import { migrate } from '../../src/db/migrate.ts';
import { type SweepResult, sweepOnce } from '../../src/jobs/timer-engine.ts';
import { complaintBody, startTestServer, type TestServer } from '../helpers/test-server.ts';

const url = process.env.TEST_DATABASE_URL;

const received = new Date('2026-09-30T10:00:00+08:00');
/** Past every deadline of the default policy for a complaint received at `received`. */
const muchLater = new Date('2026-11-30T10:00:00+08:00');

const total = (rs: SweepResult[], key: keyof SweepResult) => rs.reduce((n, r) => n + (r[key] ?? 0), 0);

describe.skipIf(!url)('two timer engines on one PostgreSQL', () => {
  let s: TestServer;
  let second: DatabaseHandle;
  const complaints = 40;

  beforeAll(async () => {
    s = await startTestServer({ clock: () => received });
    const agent = await s.user('agent', '一组');
    await s.user('supervisor', '一组');
    for (let i = 0; i < complaints; i++) {
      const r = await agent.client.post(
        '/complaints',
        complaintBody({ channel: 'web', customer: { phone: `1380013${String(8000 + i)}` } }),
      );
      expect(r.status).toBe(201);
    }
    const schema = await sql<{ s: string }>`select current_schema() as s`.execute(s.handle.db);
    // A second process's view of the same database: its own pool, its own connections.
    second = await openDatabase({ databaseUrl: url, schema: schema.rows[0]?.s, poolSize: 4 });
  }, 60_000);

  afterAll(async () => {
    await second?.close();
    await s?.close();
  });

  it('fire every warning and breach exactly once while sweeping side by side', async () => {
    // Small batches so the two engines interleave and contend for the same rows.
    const runs = await Promise.all(
      [s.handle.db, second.db, s.handle.db, second.db].map((db) => sweepOnce(db, muchLater, { batch: 7 })),
    );
    const open = await s.handle.db
      .selectFrom('complaint_deadlines')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('met_at', 'is', null)
      .executeTakeFirstOrThrow();
    // first contact, reply and resolution of each web complaint ran out (acceptance was met).
    expect(Number(open.n)).toBe(complaints * 3);
    expect(total(runs, 'breached')).toBe(complaints * 3);
    // Caught up after every due time: no stale "at risk" warning is sent, only the breach.
    expect(total(runs, 'warned')).toBe(0);
    // Both processes did part of the work.
    expect(runs.filter((r) => r.breached > 0).length).toBeGreaterThanOrEqual(2);

    const perDeadline = await s.handle.db
      .selectFrom('audit_events')
      .select(['entity_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('action', '=', 'deadline.breached')
      .groupBy('entity_id')
      .execute();
    expect(perDeadline).toHaveLength(complaints * 3);
    expect(perDeadline.every((r) => Number(r.n) === 1)).toBe(true);

    const notes = await s.handle.db
      .selectFrom('notifications')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    // Each breach told the agent (owner and handler) and the team's supervisor.
    expect(Number(notes.n)).toBe(complaints * 3 * 2);
    expect(total(runs, 'notifications')).toBe(complaints * 3 * 2);

    const again = await Promise.all([sweepOnce(s.handle.db, muchLater), sweepOnce(second.db, muchLater)]);
    expect(total(again, 'breached') + total(again, 'notifications')).toBe(0);
  });
});

describe.skipIf(!url)('automatic escalation on breach, with two timer engines on one PostgreSQL', () => {
  let s: TestServer;
  let second: DatabaseHandle;
  const complaints = 12;

  beforeAll(async () => {
    s = await startTestServer({ clock: () => received });
    const agent = await s.user('agent', '一组');
    await s.user('supervisor', '一组');
    for (let i = 0; i < complaints; i++) {
      // 重大投诉: its policy escalates on breach.
      const r = await agent.client.post(
        '/complaints',
        complaintBody({
          channel: 'web',
          severity: 'major',
          customer: { phone: `1390013${String(8000 + i)}` },
        }),
      );
      expect(r.status).toBe(201);
    }
    const schema = await sql<{ s: string }>`select current_schema() as s`.execute(s.handle.db);
    second = await openDatabase({ databaseUrl: url, schema: schema.rows[0]?.s, poolSize: 4 });
  }, 60_000);

  afterAll(async () => {
    await second?.close();
    await s?.close();
  });

  it('moves each complaint up one tier exactly once, however many of its deadlines breached', async () => {
    await Promise.all(
      [s.handle.db, second.db, s.handle.db, second.db].map((db) => sweepOnce(db, muchLater, { batch: 5 })),
    );
    // An escalation whose complaint the other engine held is left for the next tick.
    await sweepOnce(s.handle.db, muchLater);
    const rows = await s.handle.db
      .selectFrom('complaints as c')
      .leftJoin('escalations as e', 'e.complaint_id', 'c.id')
      .select(['c.id', 'c.tier_level', 'c.handler_id', 'e.automatic', 'e.reason', 'e.applied_at'])
      .execute();
    expect(rows).toHaveLength(complaints);
    for (const r of rows) {
      expect(r).toMatchObject({
        tier_level: 2,
        handler_id: null,
        automatic: true,
        reason: 'deadline_breached',
      });
      expect(r.applied_at).not.toBeNull();
    }
    const escalated = await s.handle.db
      .selectFrom('audit_events')
      .select(['complaint_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('action', '=', 'complaint.escalated')
      .groupBy('complaint_id')
      .execute();
    expect(escalated).toHaveLength(complaints);
    expect(escalated.every((r) => Number(r.n) === 1)).toBe(true);
    const again = await Promise.all([sweepOnce(s.handle.db, muchLater), sweepOnce(second.db, muchLater)]);
    expect(total(again, 'escalations')).toBe(0);
  });
});

// The PostgreSQL pass covers durability above; this one is for the embedded default.
describe.skipIf(!!url)('after a restart (embedded database on disk)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tousu-timers-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('catches up and records each breach at its true time', async () => {
    let handle = await openDatabase({ dataDir: dir });
    await migrate(handle);
    await bootstrapAdmin(handle.db, { login: 'admin', password: 'admin-test-password' }, received);
    const agent = await handle.db
      .insertInto('users')
      .values({ login: 'a1', name: '王芳', password_hash: 'x', role: 'agent', team: '一组' })
      .returning(['id', 'login', 'name', 'role', 'team'])
      .executeTakeFirstOrThrow();
    const created = await createComplaint(
      { db: handle.db, dbKind: handle.kind, actor: agent, now: received },
      {
        ...(complaintBody({ channel: 'web' }) as Parameters<typeof createComplaint>[1]),
        receivedAt: received,
      },
    );
    await handle.close();

    // The server was down for two months; it starts again and sweeps at once.
    handle = await openDatabase({ dataDir: dir });
    try {
      const result = await sweepOnce(handle.db, muchLater);
      expect(result.breached).toBe(3);
      const rows = await handle.db
        .selectFrom('complaint_deadlines')
        .select(['kind', 'due_at', 'breached_at', 'next_fire_at'])
        .where('complaint_id', '=', created.complaintId)
        .where('met_at', 'is', null)
        .execute();
      for (const r of rows) {
        expect(r.breached_at?.toISOString()).toBe(r.due_at.toISOString());
        expect(r.next_fire_at).toBeNull();
      }
    } finally {
      await handle.close();
    }
  }, 60_000);
});
