// Caller lookup, lists with filters and cursor paging, categories, health and OpenAPI.
import { describe, expect, it } from 'vitest';
import { complaintBody, type Json, serverForFile } from '../helpers/test-server.ts';

const t = serverForFile();

describe('system', () => {
  it('health names the database', async () => {
    const r = await t.s.anonymous.get('/health');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      status: 'ok',
      database: process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite',
    });
    expect(Array.isArray(r.body.warnings)).toBe(true);
  });

  it('serves the OpenAPI document with the public paths', async () => {
    const r = await t.s.anonymous.get('/openapi.json');
    expect(r.status).toBe(200);
    expect(r.body.openapi).toMatch(/^3\./);
    for (const p of [
      '/api/v1/complaints',
      '/api/v1/complaints/{id}/transitions',
      '/api/v1/customers',
      '/api/v1/categories',
    ]) {
      expect(Object.keys(r.body.paths)).toContain(p);
    }
  });
});

describe('caller lookup', () => {
  it('finds one customer under every written form of the number, with history and open complaints', async () => {
    await t.agent.client.post(
      '/complaints',
      complaintBody({ customer: { phone: '+86 135 1234 5678', name: '陈先生' } }),
    );
    const second = await t.agent.client.post(
      '/complaints',
      complaintBody({ customer: { phone: '0086-13512345678' } }),
    );
    await t.agent.client.post(`/complaints/${second.body.id}/transitions`, {
      action: 'withdraw',
      version: second.body.version,
      reason: '撤诉',
    });
    const old = new Date(Date.now() - 100 * 86_400_000).toISOString();
    const older = await t.agent.client.post(
      '/complaints',
      complaintBody({ channel: 'email', receivedAt: old, customer: { phone: '13512345678' } }),
    );
    expect(older.status).toBe(201);
    const r = await t.agent.client.get(`/customers?phone=${encodeURIComponent('135 1234 5678')}`);
    expect(r.status).toBe(200);
    expect(r.body.customer.name).toBe('陈先生');
    expect(r.body.customer.phones).toEqual([{ phone: '135 1234 5678', phoneMasked: false }]);
    expect(r.body.complaints).toHaveLength(3);
    expect(r.body.openComplaints).toHaveLength(2);
    expect(r.body.counts.last90Days).toBe(2);
    expect(r.body.counts.byStatus).toEqual({ accepted: 2, closed: 1 });
  });

  it('answers an unknown caller with no customer', async () => {
    const r = await t.agent.client.get('/customers?phone=13000000001');
    expect(r.status).toBe(200);
    expect(r.body.customer).toBeNull();
  });

  it('matches landlines given with +86', async () => {
    await t.agent.client.post('/complaints', complaintBody({ customer: { phone: '+86 21 6234 5678' } }));
    const r = await t.agent.client.get('/customers?phone=021-62345678');
    expect(r.body.customer).not.toBeNull();
  });
});

describe('complaint list', () => {
  it('filters by status, severity, text and phone, and pages with a cursor without gaps or repeats', async () => {
    const sup = await t.s.user('supervisor');
    for (let i = 0; i < 7; i++) {
      await t.agent.client.post(
        '/complaints',
        complaintBody({
          customer: { phone: `1370000${String(1000 + i)}` },
          severity: i % 3 === 0 ? 'major' : 'normal',
          description: i === 4 ? '快递包裹丢失，要求赔偿' : `宽带第${i}次断网`,
          receivedAt: new Date(Date.UTC(2026, 10, 1, 2, i)).toISOString(),
        }),
      );
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/complaints?limit=3&receivedFrom=2026-11-01T00:00:00Z&receivedTo=2026-11-02T00:00:00Z${cursor ? `&cursor=${cursor}` : ''}`;
      const r = await sup.client.get(url);
      expect(r.status).toBe(200);
      seen.push(...r.body.items.map((c: Json) => c.id));
      cursor = r.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);

    const major = await sup.client.get(
      '/complaints?severity=major&receivedFrom=2026-11-01T00:00:00Z&receivedTo=2026-11-02T00:00:00Z',
    );
    expect(major.body.items).toHaveLength(3);
    const text = await sup.client.get(`/complaints?text=${encodeURIComponent('包裹丢失')}`);
    expect(text.body.items).toHaveLength(1);
    expect(text.body.items[0].description).toBe('快递包裹丢失，要求赔偿');
    const byPhone = await sup.client.get('/complaints?phone=13700001002');
    expect(byPhone.body.items).toHaveLength(1);
    const accepted = await sup.client.get('/complaints?status=accepted,in_progress&limit=100');
    expect(accepted.body.items.every((c: Json) => ['accepted', 'in_progress'].includes(c.status))).toBe(true);
    expect(accepted.body.items[0].openDemands).toBe(2);
    const mine = await t.agent.client.get('/complaints?mine=owner&limit=100');
    expect(mine.body.items.every((c: Json) => c.owner.id === t.agent.id)).toBe(true);
  });
});

describe('categories', () => {
  it('ship a default tree, take new children, and filter complaints by a branch', async () => {
    const tree = (await t.agent.client.get('/categories')).body.items as Json[];
    const billing = tree.find((c) => c.name === '资费与计费');
    expect(billing?.parentId).toBeNull();
    const children = tree.filter((c) => c.parentId === billing.id);
    expect(children.length).toBeGreaterThan(2);

    const created = await t.s.admin.post('/categories', {
      name: '国际漫游',
      nameEn: 'Roaming',
      parentId: billing.id,
    });
    expect(created.status).toBe(201);
    expect((await t.s.admin.post('/categories', { name: '国际漫游', parentId: billing.id })).status).toBe(
      400,
    );
    expect(
      (await t.s.admin.post('/categories', { name: 'x', parentId: '00000000-0000-4000-8000-000000000000' }))
        .status,
    ).toBe(400);

    const c = await t.agent.client.post(
      '/complaints',
      complaintBody({ categoryId: created.body.id, customer: { phone: '13900007777' } }),
    );
    expect(c.body.category).toMatchObject({ id: created.body.id, name: '国际漫游' });
    const branch = await t.agent.client.get(`/complaints?categoryId=${billing.id}`);
    expect(branch.body.items.map((x: Json) => x.id)).toContain(c.body.id);
  });
});
