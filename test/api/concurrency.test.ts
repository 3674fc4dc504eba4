// Retries and races: one Idempotency-Key gives one complaint, numbers stay unique, and a
// stale version changes nothing.
import { describe, expect, it } from 'vitest';
import { complaintBody, type Json, serverForFile } from '../helpers/test-server.ts';

const t = serverForFile();

describe('Idempotency-Key', () => {
  it('10 concurrent retries with one key create one complaint and all answer with it', async () => {
    const before = await t.s.count('complaints');
    const body = complaintBody({ customer: { phone: '13811112222' } });
    const replies = await Promise.all(
      Array.from({ length: 10 }, () =>
        t.agent.client.post('/complaints', body, { 'idempotency-key': 'call-7731-retry' }),
      ),
    );
    expect(replies.map((r) => r.status)).toEqual(Array(10).fill(201));
    const ids = new Set(replies.map((r) => r.body.id));
    expect(ids.size).toBe(1);
    expect(await t.s.count('complaints')).toBe(before + 1);
    expect(replies.filter((r) => r.headers.get('idempotent-replayed') === 'true')).toHaveLength(9);
  });

  it('refuses the same key for a different request and creates nothing', async () => {
    const first = await t.agent.client.post(
      '/complaints',
      complaintBody({ customer: { phone: '13811113333' } }),
      {
        'idempotency-key': 'k-2',
      },
    );
    expect(first.status).toBe(201);
    const before = await t.s.count('complaints');
    const r = await t.agent.client.post(
      '/complaints',
      complaintBody({ customer: { phone: '13811114444' } }),
      {
        'idempotency-key': 'k-2',
      },
    );
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await t.s.count('complaints')).toBe(before);
  });

  it('keys belong to their user: another agent with the same key gets their own complaint', async () => {
    const other = await t.s.user('agent', '一组');
    const body = complaintBody({ customer: { phone: '13811115555' } });
    const a = await t.agent.client.post('/complaints', body, { 'idempotency-key': 'shared-key' });
    const b = await other.client.post('/complaints', body, { 'idempotency-key': 'shared-key' });
    expect(a.body.id).not.toBe(b.body.id);
  });
});

describe('complaint numbers', () => {
  it('stay unique under 20 concurrent creations, and the same new caller becomes one customer', async () => {
    const customersBefore = await t.s.count('customers');
    const replies = await Promise.all(
      Array.from({ length: 20 }, () =>
        t.agent.client.post('/complaints', complaintBody({ customer: { phone: '+86 186 0000 9999' } })),
      ),
    );
    expect(replies.every((r) => r.status === 201)).toBe(true);
    const numbers = replies.map((r) => r.body.number);
    expect(new Set(numbers).size).toBe(20);
    for (const n of numbers) expect(n).toMatch(/^TS\d{8}\d{4}$/);
    expect(new Set(replies.map((r) => r.body.customer.id)).size).toBe(1);
    expect(await t.s.count('customers')).toBe(customersBefore + 1);
  });
});

describe('optimistic locking', () => {
  it('answers 409 to a stale version and changes nothing', async () => {
    const c = (
      await t.agent.client.post('/complaints', complaintBody({ customer: { phone: '13811116666' } }))
    ).body;
    const fresh = await t.agent.client.post(`/complaints/${c.id}/transitions`, {
      action: 'start',
      version: c.version,
    });
    expect(fresh.status).toBe(200);
    const auditBefore = await t.s.count('audit_events');

    const attempts: Array<[string, Json]> = [
      [`/complaints/${c.id}/transitions`, { action: 'withdraw', version: c.version, reason: '客户撤诉' }],
      [`/complaints/${c.id}/demands`, { version: c.version, type: 'apology', description: '道歉' }],
      [
        `/complaints/${c.id}/contacts`,
        {
          version: c.version,
          direction: 'outbound',
          channel: 'phone_out',
          purpose: 'callback',
          outcome: 'reached',
        },
      ],
    ];
    for (const [path, body] of attempts) {
      const r = await t.agent.client.post(path, body);
      expect(r.status).toBe(409);
      expect(r.body.error).toMatchObject({
        code: 'STALE_VERSION',
        details: { currentVersion: c.version + 1, yourVersion: c.version },
      });
    }
    const patched = await t.agent.client.patch(`/complaints/${c.id}/demands/${c.demands[0].id}`, {
      version: c.version,
      status: 'fulfilled',
      resolution: 'x',
    });
    expect(patched.status).toBe(409);

    const now = (await t.agent.client.get(`/complaints/${c.id}`)).body;
    expect(now.status).toBe('in_progress');
    expect(now.version).toBe(c.version + 1);
    expect(now.demands).toHaveLength(2);
    expect(now.demands[0].status).toBe('open');
    expect(now.contacts).toHaveLength(0);
    expect(await t.s.count('audit_events')).toBe(auditBefore);
  });

  it('lets exactly one of two racing changes on the same version win', async () => {
    const c = (
      await t.agent.client.post('/complaints', complaintBody({ customer: { phone: '13811117777' } }))
    ).body;
    const [a, b] = await Promise.all([
      t.agent.client.post(`/complaints/${c.id}/transitions`, { action: 'start', version: c.version }),
      t.agent.client.post(`/complaints/${c.id}/transitions`, {
        action: 'withdraw',
        version: c.version,
        reason: '撤诉',
      }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
  });
});
