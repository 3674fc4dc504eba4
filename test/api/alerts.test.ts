// Early warning (issue 6, §12) through the real server on a real database: the daily volume check
// (swept by hand at a pinned clock), a new product's first complaint, the alert list and its
// acknowledgement, the products admin API, and who may do what.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepOnce } from '../../src/jobs/timer-engine.ts';
import { checkDay, checkVolumeAlerts } from '../../src/jobs/volume-alerts.ts';
import {
  complaintBody,
  type Json,
  startTestServer,
  type TestServer,
  type TestUser,
} from '../helpers/test-server.ts';

let now = new Date('2026-03-10T10:00:00+08:00');
const at = (iso: string) => {
  now = new Date(iso);
};
let s: TestServer;
/** The administrator with an API token (a session ends when the pinned clock moves days ahead). */
let admin: TestUser;
let agent: TestUser;
let supervisor: TestUser;
let analyst: TestUser;
let otherSupervisor: TestUser;
let department: TestUser;
let leaf: { id: string; name: string; parentId: string };
let quiet: { id: string };

beforeAll(async () => {
  s = await startTestServer({ clock: () => now });
  const me = await s.admin.get('/me');
  admin = await s.withToken({
    id: me.body.user.id,
    login: 'admin',
    role: 'admin',
    team: null,
    client: s.admin,
  });
  agent = await s.withToken(await s.user('agent', '一组'));
  supervisor = await s.withToken(await s.user('supervisor', '一组'));
  otherSupervisor = await s.withToken(await s.user('supervisor', '二组'));
  analyst = await s.withToken(await s.user('analyst'));
  department = await s.withToken(await s.user('department'));
  const cats = (await s.admin.get('/categories')).body.items as Json[];
  const billing = cats.find((c) => c.name === '资费与计费');
  leaf = cats.find((c) => c.name === '不明扣费' && c.parentId === billing.id);
  quiet = cats.find((c) => c.name === '信号覆盖');
  expect(leaf && quiet).toBeTruthy();
});
afterAll(() => s?.close());

let phoneSeq = 0;
async function complain(day: string, overrides: Record<string, unknown> = {}): Promise<Json> {
  phoneSeq += 1;
  const r = await agent.client.post(
    '/complaints',
    complaintBody({
      customer: { phone: `1390000${String(phoneSeq).padStart(4, '0')}` },
      receivedAt: `${day}T10:00:00+08:00`,
      ...overrides,
    }),
  );
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
}

const days = (from: string, n: number) =>
  Array.from({ length: n }, (_, i) => {
    const d = new Date(`${from}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + i);
    return d.toISOString().slice(0, 10);
  });

async function alertNotes(u: TestUser): Promise<Json[]> {
  const r = await u.client.get('/notifications?limit=200');
  expect(r.status).toBe(200);
  return r.body.items.filter((n: Json) => n.kind === 'report_alert');
}

async function alerts(u: TestUser, query = ''): Promise<Json> {
  const r = await u.client.get(`/alerts${query}`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
}

const checks = async () =>
  (
    await s.handle.db
      .selectFrom('report_alert_checks')
      .select([sql<string>`day::text`.as('day'), 'subjects', 'alerts'])
      .orderBy('day')
      .execute()
  ).map((r) => ({ ...r }));

describe('the daily volume check', () => {
  it('a spike over 28 days of history raises exactly one alert, told to every analyst and supervisor', async () => {
    // One complaint a day for 28 days (2026-02-09 … 03-08) in 不明扣费, one a week in 信号覆盖;
    // then 12 in 不明扣费 on 03-09.
    for (const [i, day] of days('2026-02-09', 28).entries()) {
      await complain(day, { categoryId: leaf.id });
      if (i % 7 === 0) await complain(day, { categoryId: quiet.id });
    }
    for (let i = 0; i < 12; i++) await complain('2026-03-09', { categoryId: leaf.id });
    // Before 00:30 on 03-10 the last complete day is 03-08 (a normal day): nothing yet.
    at('2026-03-10T00:20:00+08:00');
    let r = await sweepOnce(s.handle.db, now);
    expect(r.alerts).toBe(0);
    expect((await alerts(supervisor)).items).toEqual([]);
    expect(await checks()).toEqual([{ day: '2026-03-08', subjects: 4, alerts: 0 }]);

    at('2026-03-10T10:00:00+08:00');
    r = await sweepOnce(s.handle.db, now);
    expect(r.alerts).toBe(1);
    const list = await alerts(supervisor);
    expect(list.counts).toEqual({ open: 1, acknowledged: 0 });
    expect(list.items).toHaveLength(1);
    const a = list.items[0];
    expect(a).toMatchObject({
      kind: 'volume_spike',
      state: 'open',
      subject: { kind: 'category', name: '不明扣费', categoryId: leaf.id, productId: null },
      day: '2026-03-09',
      baselineFrom: '2026-02-09',
      baselineTo: '2026-03-08',
      observed: 12,
      expected: 1,
      method: 'poisson_tail_28d',
      complaint: null,
      drillDown: { from: '2026-03-09', to: '2026-03-09', categoryId: leaf.id, product: null },
      acknowledgement: null,
    });
    expect(a.threshold).toBeGreaterThanOrEqual(5);
    expect(a.threshold).toBeLessThanOrEqual(12);
    expect(a.pValue).toBeLessThan(0.001);
    expect(a.ratio).toBe(12);
    expect(a.details.history).toEqual(Array(28).fill(1));
    // The parent 资费与计费 spiked only through this child: not raised again.
    expect(list.items.filter((x: Json) => x.subject.categoryId === leaf.parentId)).toEqual([]);

    for (const u of [supervisor, otherSupervisor, analyst]) {
      const notes = await alertNotes(u);
      expect(notes, u.login).toHaveLength(1);
      expect(notes[0]).toMatchObject({
        subjectId: a.id,
        complaintId: null,
        payload: {
          alertId: a.id,
          alertKind: 'volume_spike',
          subjectKind: 'category',
          subject: '不明扣费',
          categoryId: leaf.id,
          day: '2026-03-09',
          observed: 12,
          expected: 1,
          threshold: a.threshold,
        },
      });
    }
    expect(await alertNotes(agent)).toEqual([]);
    expect((await checks()).at(-1)).toEqual({ day: '2026-03-09', subjects: 4, alerts: 1 });
  });

  it('sweeping again, or checking the same day again, raises nothing more', async () => {
    const r = await sweepOnce(s.handle.db, now);
    expect(r.alerts).toBe(0);
    expect(await checkDay(s.handle.db, '2026-03-09', now)).toEqual({ alerts: 0, notifications: 0 });
    expect((await alerts(analyst)).items).toHaveLength(1);
    expect(await alertNotes(analyst)).toHaveLength(1);
  });

  it('a normal day raises nothing', async () => {
    await complain('2026-03-10', { categoryId: leaf.id });
    await complain('2026-03-10', { categoryId: leaf.id });
    at('2026-03-11T09:00:00+08:00');
    expect((await sweepOnce(s.handle.db, now)).alerts).toBe(0);
    expect((await alerts(analyst)).items).toHaveLength(1);
    expect((await checks()).map((c) => c.day)).toEqual(['2026-03-08', '2026-03-09', '2026-03-10']);
  });

  it('days missed while no server ran are checked on catch-up, each once, even by two checks at once', async () => {
    // A product spike on 03-12: a free-text product nobody registered, typed two ways.
    at('2026-03-12T18:00:00+08:00');
    for (let i = 0; i < 7; i++) await complain('2026-03-12', { product: 'Pro宽带' });
    for (let i = 0; i < 2; i++) await complain('2026-03-12', { product: 'PRO宽带' });
    at('2026-03-14T08:00:00+08:00');
    const [a, b] = await Promise.all([
      checkVolumeAlerts(s.handle.db, now),
      checkVolumeAlerts(s.handle.db, now),
    ]);
    expect(a.alerts + b.alerts).toBe(1);
    expect((await checks()).map((c) => c.day)).toEqual([
      '2026-03-08',
      '2026-03-09',
      '2026-03-10',
      '2026-03-11',
      '2026-03-12',
      '2026-03-13',
    ]);
    const spike = (await alerts(analyst, '?kind=volume_spike')).items[0];
    expect(spike).toMatchObject({
      subject: { kind: 'product', name: 'Pro宽带', productId: null, categoryId: null },
      day: '2026-03-12',
      observed: 9,
      drillDown: { from: '2026-03-12', to: '2026-03-12', categoryId: null, product: 'Pro宽带' },
    });
    expect(await alertNotes(analyst)).toHaveLength(2);
    expect((await sweepOnce(s.handle.db, now)).alerts).toBe(0);
  });
});

describe('acknowledging', () => {
  let id: string;
  beforeAll(async () => {
    id = (await alerts(supervisor, '?kind=volume_spike&state=open')).items.at(-1).id;
  });

  it('needs a note', async () => {
    const r = await supervisor.client.post(`/alerts/${id}/acknowledge`, { note: '  ' });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('VALIDATION_FAILED');
    expect(r.body.error.details.issues[0].field).toBe('note');
    const extra = await supervisor.client.post(`/alerts/${id}/acknowledge`, { note: 'x', by: 'me' });
    expect(extra.status).toBe(400);
  });

  it('once, with who, when and the note', async () => {
    const note = '已核查：计费系统 3 月 9 日批量扣费异常，已统一口径并通知各渠道';
    const r = await supervisor.client.post(`/alerts/${id}/acknowledge`, { note });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      id,
      state: 'acknowledged',
      acknowledgement: { by: { id: supervisor.id, name: expect.any(String) }, note },
    });
    const again = await analyst.client.post(`/alerts/${id}/acknowledge`, { note: '我也看了' });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({
      code: 'CONFLICT',
      details: { acknowledgedBy: supervisor.id },
    });
    const open = await alerts(analyst, '?state=open');
    expect(open.items.map((a: Json) => a.id)).not.toContain(id);
    const done = await alerts(analyst, '?state=acknowledged');
    expect(done.items.map((a: Json) => a.id)).toEqual([id]);
    expect(done.counts.acknowledged).toBe(1);
  });

  it('404 for an unknown alert, 400 for a malformed id', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await analyst.client.post(`/alerts/${unknown}/acknowledge`, { note: 'x' })).status).toBe(404);
    expect((await analyst.client.get(`/alerts/${unknown}`)).status).toBe(404);
    expect((await analyst.client.get('/alerts/nope')).status).toBe(400);
    expect((await analyst.client.get('/alerts?state=closed')).status).toBe(400);
    expect((await analyst.client.get('/alerts?kind=other')).status).toBe(400);
  });

  it('pages newest first', async () => {
    const first = await alerts(analyst, '?limit=1');
    expect(first.items).toHaveLength(1);
    expect(first.nextCursor).toBeTruthy();
    const second = await alerts(analyst, `?limit=1&cursor=${first.nextCursor}`);
    expect(second.items).toHaveLength(1);
    expect(second.items[0].raisedAt <= first.items[0].raisedAt).toBe(true);
    expect(second.items[0].id).not.toBe(first.items[0].id);
  });
});

describe('a new product, tariff or campaign', () => {
  let product: Json;

  it('its first complaint raises an alert at once; the second does not', async () => {
    at('2026-03-15T11:00:00+08:00');
    const created = await admin.client.post('/products', {
      name: '5G畅享套餐',
      kind: 'tariff',
      launchedOn: '2026-03-01',
    });
    expect(created.status).toBe(201);
    product = created.body;
    expect(product).toMatchObject({
      kind: 'tariff',
      launchedOn: '2026-03-01',
      active: true,
      firstComplaint: null,
    });

    const first = await complain('2026-03-15', { product: ' 5g畅享套餐 ' });
    const list = await alerts(analyst, '?kind=new_product');
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({
      kind: 'new_product',
      state: 'open',
      subject: { kind: 'product', name: '5G畅享套餐', productId: product.id, productKind: 'tariff' },
      day: '2026-03-15',
      observed: 1,
      expected: 0,
      threshold: 1,
      method: 'first_complaint',
      pValue: null,
      complaint: { id: first.id, number: first.number },
      details: { launchedOn: '2026-03-01', daysSinceLaunch: 14, productKind: 'tariff' },
      // The list filters a product by its exact text: the spelling the complaint used.
      drillDown: { from: '2026-03-15', to: '2026-03-15', categoryId: null, product: '5g畅享套餐' },
    });
    const notes = (await alertNotes(supervisor)).filter((n) => n.payload.alertKind === 'new_product');
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({
      complaintId: first.id,
      payload: {
        subject: '5G畅享套餐',
        number: first.number,
        productKind: 'tariff',
        launchedOn: '2026-03-01',
      },
    });

    await complain('2026-03-15', { product: '5G畅享套餐' });
    expect((await alerts(analyst, '?kind=new_product')).items).toHaveLength(1);
    const products = (await agent.client.get('/products')).body.items as Json[];
    expect(products.find((p) => p.id === product.id).firstComplaint).toMatchObject({
      id: first.id,
      number: first.number,
    });
  });

  it('two first complaints at once: one alert', async () => {
    const p = await admin.client.post('/products', {
      name: '春节流量包',
      kind: 'campaign',
      launchedOn: '2026-02-01',
    });
    expect(p.status).toBe(201);
    await Promise.all([1, 2, 3].map(() => complain('2026-03-15', { product: '春节流量包' })));
    const list = (await alerts(analyst, '?kind=new_product')).items.filter(
      (a: Json) => a.subject.productId === p.body.id,
    );
    expect(list).toHaveLength(1);
  });

  it('a product given to a complaint later alerts too', async () => {
    const p = await admin.client.post('/products', { name: '家庭宽带融合', launchedOn: '2026-03-10' });
    const c = await complain('2026-03-15');
    const r = await agent.client.patch(`/complaints/${c.id}`, {
      version: c.version,
      product: '家庭宽带融合',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const list = (await alerts(analyst, '?kind=new_product')).items.filter(
      (a: Json) => a.subject.productId === p.body.id,
    );
    expect(list).toHaveLength(1);
    expect(list[0].complaint.id).toBe(c.id);
  });

  it('an old, undated or retired product: the first complaint is recorded (not for a retired one), no alert', async () => {
    const before = (await alerts(analyst, '?kind=new_product')).items.length;
    const old = (await admin.client.post('/products', { name: '老用户套餐', launchedOn: '2025-06-01' })).body;
    const undated = (await admin.client.post('/products', { name: '固话' })).body;
    const retired = (
      await admin.client.post('/products', { name: '2G套餐', launchedOn: '2026-03-01', active: false })
    ).body;
    for (const name of ['老用户套餐', '固话', '2G套餐']) await complain('2026-03-15', { product: name });
    expect((await alerts(analyst, '?kind=new_product')).items).toHaveLength(before);
    const byId = new Map(((await admin.client.get('/products')).body.items as Json[]).map((p) => [p.id, p]));
    expect(byId.get(old.id).firstComplaint).not.toBeNull();
    expect(byId.get(undated.id).firstComplaint).not.toBeNull();
    expect(byId.get(retired.id).firstComplaint).toBeNull();
  });
});

describe('products admin', () => {
  it('names are unique ignoring case', async () => {
    const a = await admin.client.post('/products', { name: 'VIP Card' });
    expect(a.status).toBe(201);
    expect(a.body).toMatchObject({ kind: 'product', launchedOn: null, active: true });
    const dup = await admin.client.post('/products', { name: 'vip card' });
    expect(dup.status).toBe(409);
    expect(dup.body.error).toMatchObject({ code: 'CONFLICT', details: { field: 'name' } });
    const b = await admin.client.post('/products', { name: 'Gold Card' });
    const rename = await admin.client.patch(`/products/${b.body.id}`, { name: 'VIP CARD' });
    expect(rename.status).toBe(409);
  });

  it('edits name, kind, launch date and active', async () => {
    const p = (await admin.client.post('/products', { name: '暑期活动' })).body;
    const r = await admin.client.patch(`/products/${p.id}`, {
      name: '暑期校园活动',
      kind: 'campaign',
      launchedOn: '2026-07-01',
      active: false,
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      name: '暑期校园活动',
      kind: 'campaign',
      launchedOn: '2026-07-01',
      active: false,
    });
    const cleared = await admin.client.patch(`/products/${p.id}`, { launchedOn: null });
    expect(cleared.body.launchedOn).toBeNull();
    const inactive = (await admin.client.get('/products?active=false')).body.items as Json[];
    expect(inactive.map((x) => x.id)).toContain(p.id);
    const campaigns = (await admin.client.get('/products?kind=campaign')).body.items as Json[];
    expect(campaigns.every((x) => x.kind === 'campaign')).toBe(true);
  });

  it('refuses bad input with the field named', async () => {
    const cases: [string, unknown, string][] = [
      ['POST', { name: '' }, 'name'],
      ['POST', { name: 'x', kind: 'service' }, 'kind'],
      ['POST', { name: 'x', launchedOn: '2026-02-30' }, 'launchedOn'],
      ['POST', { name: 'x', launchedOn: '2026/03/01' }, 'launchedOn'],
      ['POST', { name: 'x', colour: 'red' }, ''],
      ['PATCH', {}, ''],
    ];
    const p = (await admin.client.post('/products', { name: '校验用' })).body;
    for (const [method, body, field] of cases) {
      const r =
        method === 'POST'
          ? await admin.client.post('/products', body)
          : await admin.client.patch(`/products/${p.id}`, body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.error.code).toBe('VALIDATION_FAILED');
      if (field) expect(r.body.error.details.issues.map((i: Json) => i.field)).toContain(field);
    }
    const missing = await admin.client.patch('/products/00000000-0000-4000-8000-000000000000', {
      active: false,
    });
    expect(missing.status).toBe(404);
  });
});

describe('who may', () => {
  it('agents see products but neither alerts nor product changes', async () => {
    expect((await agent.client.get('/alerts')).status).toBe(403);
    expect((await agent.client.get('/products')).status).toBe(200);
    expect((await agent.client.post('/products', { name: 'x1' })).status).toBe(403);
    const any = (await alerts(analyst)).items[0].id;
    expect((await agent.client.post(`/alerts/${any}/acknowledge`, { note: 'x' })).status).toBe(403);
    expect((await agent.client.get(`/alerts/${any}`)).status).toBe(403);
  });

  it('admins see alerts but do not acknowledge them; supervisors do not manage products', async () => {
    const list = await alerts(admin);
    const open = list.items.find((a: Json) => a.state === 'open');
    expect((await admin.client.post(`/alerts/${open.id}/acknowledge`, { note: 'x' })).status).toBe(403);
    expect((await supervisor.client.post('/products', { name: 'x2' })).status).toBe(403);
    expect((await department.client.get('/alerts')).status).toBe(403);
    expect((await department.client.get('/products')).status).toBe(403);
  });
});
