// Bad input gets a 4xx naming the field and why, and writes nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import { complaintBody, type Json, serverForFile } from '../helpers/test-server.ts';

const t = serverForFile();
let existing: Json;

beforeAll(async () => {
  existing = (await t.agent.client.post('/complaints', complaintBody())).body;
});

async function rowCounts() {
  return {
    complaints: await t.s.count('complaints'),
    demands: await t.s.count('demands'),
    customers: await t.s.count('customers'),
    audit: await t.s.count('audit_events'),
  };
}

const badCreates: Array<[string, unknown, number, string]> = [
  ['missing description', { ...complaintBody(), description: undefined }, 400, 'description'],
  ['empty description', complaintBody({ description: '   ' }), 400, 'description'],
  ['wrong type for demands', complaintBody({ demands: 'refund' }), 400, 'demands'],
  [
    'unknown demand type',
    complaintBody({ demands: [{ type: 'money', description: 'x' }] }),
    400,
    'demands.0.type',
  ],
  ['unknown channel', complaintBody({ channel: 'fax' }), 400, 'channel'],
  ['unknown severity', complaintBody({ severity: 'urgent' }), 400, 'severity'],
  ['missing customer', { ...complaintBody(), customer: undefined }, 400, 'customer'],
  ['invalid phone', complaintBody({ customer: { phone: '12345' } }), 400, 'customer.phone'],
  ['letters in phone', complaintBody({ customer: { phone: 'call me' } }), 400, 'customer.phone'],
  [
    'unknown category',
    complaintBody({ categoryId: '00000000-0000-4000-8000-000000000000' }),
    400,
    'categoryId',
  ],
  ['malformed category id', complaintBody({ categoryId: 'billing' }), 400, 'categoryId'],
  ['future receivedAt', complaintBody({ receivedAt: '2099-01-01T00:00:00+08:00' }), 400, 'receivedAt'],
  ['receivedAt without a zone', complaintBody({ receivedAt: '2026-11-01 10:00' }), 400, 'receivedAt'],
  ['confirmed as a string', complaintBody({ confirmed: 'yes' }), 400, 'confirmed'],
];

describe('POST /complaints with bad input', () => {
  for (const [name, body, status, field] of badCreates) {
    it(`${name} → ${status} on ${field}, nothing written`, async () => {
      const before = await rowCounts();
      const r = await t.agent.client.post('/complaints', body);
      expect(r.status).toBe(status);
      expect(r.body.error.code).toBe('VALIDATION_FAILED');
      expect(r.body.error.details.issues.map((i: Json) => i.field)).toContain(field);
      expect(r.body.error.message).toEqual(expect.any(String));
      expect(await rowCounts()).toEqual(before);
    });
  }

  it('a body over 1 MB → 413, nothing written', async () => {
    const before = await rowCounts();
    const r = await t.agent.client.post('/complaints', complaintBody({ description: '投'.repeat(400_000) }));
    expect(r.status).toBe(413);
    expect(r.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await rowCounts()).toEqual(before);
  });

  it('malformed JSON → 400 with the error shape', async () => {
    const r = await t.agent.client.request('POST', '/complaints', '{"customer":', {
      'content-type': 'application/json',
    });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('an earlier receivedAt is kept (a mail received before)', async () => {
    const r = await t.agent.client.post(
      '/complaints',
      complaintBody({ channel: 'email', receivedAt: '2026-11-01T09:30:00+08:00' }),
    );
    expect(r.status).toBe(201);
    expect(new Date(r.body.receivedAt).toISOString()).toBe('2026-11-01T01:30:00.000Z');
  });
});

describe('changes with bad input', () => {
  it('transition without a version, or with an unknown action → 400, nothing changed', async () => {
    const before = await rowCounts();
    let r = await t.agent.client.post(`/complaints/${existing.id}/transitions`, { action: 'start' });
    expect(r.status).toBe(400);
    expect(r.body.error.details.issues.map((i: Json) => i.field)).toContain('version');
    r = await t.agent.client.post(`/complaints/${existing.id}/transitions`, {
      action: 'explode',
      version: 1,
    });
    expect(r.status).toBe(400);
    r = await t.agent.client.post(`/complaints/${existing.id}/contacts`, {
      version: existing.version,
      direction: 'outbound',
      channel: 'phone_out',
      outcome: 'reached',
    });
    expect(r.status).toBe(400);
    expect(r.body.error.details.issues.map((i: Json) => i.field)).toContain('purpose');
    expect(await rowCounts()).toEqual(before);
    expect((await t.agent.client.get(`/complaints/${existing.id}`)).body.version).toBe(existing.version);
  });

  it('unknown complaint or demand → 404; malformed id → 400', async () => {
    expect((await t.agent.client.get('/complaints/TS209901010001')).status).toBe(404);
    expect((await t.agent.client.get('/complaints/not-an-id')).status).toBe(400);
    const r = await t.agent.client.patch(
      `/complaints/${existing.id}/demands/00000000-0000-4000-8000-000000000000`,
      {
        version: existing.version,
        status: 'fulfilled',
        resolution: 'x',
      },
    );
    expect(r.status).toBe(404);
  });

  it('bad list filters → 400 naming the parameter', async () => {
    let r = await t.agent.client.get('/complaints?status=open');
    expect(r.status).toBe(400);
    expect(r.body.error.details.issues[0].field).toMatch(/^query\.status/);
    r = await t.agent.client.get('/complaints?cursor=garbage');
    expect(r.status).toBe(400);
    expect(r.body.error.details.issues[0].field).toBe('query.cursor');
    r = await t.agent.client.get('/customers?phone=abc');
    expect(r.status).toBe(400);
  });

  it('a short password or taken login is refused with the field', async () => {
    let r = await t.s.admin.post('/users', { login: 'li', password: 'short', name: '李', role: 'agent' });
    expect(r.body.error.details.issues[0].field).toBe('password');
    r = await t.s.admin.post('/users', {
      login: t.agent.login.toUpperCase(),
      password: 'long-enough-1',
      name: '李',
      role: 'agent',
    });
    expect(r.status).toBe(400);
    expect(r.body.error.details.issues[0]).toEqual({ field: 'login', message: 'already taken' });
  });
});
