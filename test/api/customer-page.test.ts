// The customer page and the caller lookup: one profile, with the flags an agent sees at once.
import { describe, expect, it } from 'vitest';
import { complaintBody, type Json, serverForFile } from '../helpers/test-server.ts';

const t = serverForFile();
const DAY_MS = 86_400_000;
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

async function take(phone: string, overrides: Record<string, unknown> = {}) {
  const r = await t.agent.client.post('/complaints', complaintBody({ customer: { phone }, ...overrides }));
  expect(r.status).toBe(201);
  return r.body;
}

const codes = (body: Json) => (body.flags as Json[]).map((f) => f.code);

describe('customer page', () => {
  it('answers the same profile as the phone lookup, with history, counts and flags', async () => {
    const first = await take('13622220001', { customer: { phone: '13622220001', name: '周女士' } });
    await take('13622220001');
    await take('13622220001', { receivedAt: new Date(Date.now() - 120 * DAY_MS).toISOString() });
    await t.s.handle.db
      .updateTable('customers')
      .set({ vip_level: 2, tags: ['媒体'] })
      .where('id', '=', first.customer.id)
      .execute();

    const page = await t.agent.client.get(`/customers/${first.customer.id}`);
    expect(page.status).toBe(200);
    const lookup = await t.agent.client.get('/customers?phone=136-2222-0001');
    expect(page.body).toEqual(lookup.body);
    expect(page.body.customer).toMatchObject({
      id: first.customer.id,
      name: '周女士',
      vipLevel: 2,
      tags: ['媒体'],
      phones: [{ phone: '136 2222 0001', phoneMasked: false }],
    });
    expect(page.body.complaints).toHaveLength(3);
    expect(page.body.openComplaints).toHaveLength(3);
    expect(page.body.counts).toEqual({ last90Days: 2, byStatus: { accepted: 3 } });
    expect(page.body.flags).toEqual([
      { code: 'vip', level: 2 },
      { code: 'tagged', tag: '媒体' },
      { code: 'repeat_caller', count: 2, days: 90 },
      { code: 'open_complaints', count: 3 },
    ]);
  });

  it('flags an earlier malicious judgement, and no repeat for a single recent complaint', async () => {
    const c = await take('13622220002');
    const specialist = await t.s.user('specialist', '一组');
    const judged = await specialist.client.patch(`/complaints/${c.id}`, {
      version: c.version,
      customerType: 'malicious_claim',
    });
    expect(judged.status).toBe(200);
    const withdrawn = await specialist.client.post(`/complaints/${c.id}/transitions`, {
      action: 'withdraw',
      version: judged.body.version,
      reason: '客户撤诉',
    });
    expect(withdrawn.status).toBe(200);
    const page = await t.agent.client.get(`/customers/${c.customer.id}`);
    expect(page.body.flags).toEqual([{ code: 'previous_malicious_judgement', count: 1 }]);
    expect(page.body.openComplaints).toEqual([]);
  });

  it('shows no flags for a first-time caller, and none for an unknown number', async () => {
    const c = await take('13622220003');
    expect(codes((await t.agent.client.get(`/customers/${c.customer.id}`)).body)).toEqual([
      'open_complaints',
    ]);
    const unknown = await t.agent.client.get('/customers?phone=13622229999');
    expect(unknown.body).toEqual({
      customer: null,
      flags: [],
      complaints: [],
      openComplaints: [],
      counts: { last90Days: 0, byStatus: {} },
    });
  });

  it('masks phones for analysts and refuses roles without customer:view', async () => {
    const c = await take('13622220004');
    const analyst = await t.s.user('analyst');
    const seen = await analyst.client.get(`/customers/${c.customer.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.customer.phones).toEqual([{ phone: '136****0004', phoneMasked: true }]);
    expect(seen.body.complaints[0].customer).toMatchObject({ phone: '136****0004', phoneMasked: true });
    for (const client of [t.s.admin, (await t.s.user('department')).client]) {
      const r = await client.get(`/customers/${c.customer.id}`);
      expect(r.status).toBe(403);
      expect(r.body.error.code).toBe('FORBIDDEN');
    }
    expect((await t.s.anonymous.get(`/customers/${c.customer.id}`)).status).toBe(401);
  });

  it('is 404 for an unknown id and 400 for one that is not a uuid', async () => {
    const missing = await t.agent.client.get(`/customers/${UNKNOWN}`);
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({
      error: { code: 'NOT_FOUND', message: 'Customer not found', details: {} },
    });
    const bad = await t.agent.client.get('/customers/13622220001');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues[0].field).toBe('params.id');
  });

  it('publishes the profile schema, flags included, on both routes', async () => {
    const doc = (await t.s.anonymous.get('/openapi.json')).body;
    for (const path of ['/api/v1/customers', '/api/v1/customers/{id}']) {
      const schema = doc.paths[path].get.responses['200'].content['application/json'].schema;
      expect(Object.keys(schema.properties)).toEqual(
        expect.arrayContaining(['customer', 'flags', 'complaints', 'openComplaints', 'counts']),
      );
    }
  });
});
