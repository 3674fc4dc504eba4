// What the agent workbench asks of the complaint list: my complaints and my team's, sorted by
// arrival or by last change with cursor paging, and the count in each status under the same filters.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Client,
  complaintBody,
  type Json,
  startTestServer,
  type TestServer,
  type TestUser,
} from '../helpers/test-server.ts';

// Every reading of the clock is one second later, so no two changes share a timestamp.
let tick = Date.UTC(2026, 10, 20, 1, 0, 0);
function clock() {
  tick += 1000;
  return new Date(tick);
}

let s: TestServer;
let a1: TestUser; // agent of team W
let a2: TestUser; // agent of team W
let sp: TestUser; // specialist of team X
let loner: TestUser; // agent without a team
let sup: TestUser; // supervisor without a team
const k: Record<string, Json> = {};

let phoneSeq = 0;
async function take(who: TestUser, overrides: Record<string, unknown> = {}) {
  phoneSeq += 1;
  const r = await who.client.post(
    '/complaints',
    complaintBody({ customer: { phone: `1591111${String(1000 + phoneSeq)}` }, ...overrides }),
  );
  expect(r.status).toBe(201);
  return r.body;
}

const ids = (r: { body: Json }) => (r.body.items as Json[]).map((c) => c.id).sort();
const sorted = (...cs: Json[]) => cs.map((c) => c.id).sort();

beforeAll(async () => {
  s = await startTestServer({ clock });
  a1 = await s.user('agent', 'W组');
  a2 = await s.user('agent', 'W组');
  sp = await s.user('specialist', 'X组');
  loner = await s.user('agent');
  sup = await s.user('supervisor');
  k.own = await take(a1);
  k.mate = await take(a2);
  k.handedOn = await take(a1);
  // Up a tier: an escalation with its reason (a transfer stays in the tier).
  const moved = await a1.client.post(`/complaints/${k.handedOn.id}/escalations`, {
    version: k.handedOn.version,
    handlerId: sp.id,
    reason: 'beyond_authority',
    note: '需要专家席核实',
  });
  expect(moved.status).toBe(201);
  k.specialist = await take(sp);
  k.loner = await take(loner);
  k.intake = await take(a1, { confirmed: false });
  const started = await a2.client.post(`/complaints/${k.mate.id}/transitions`, {
    action: 'start',
    version: k.mate.version,
  });
  expect(started.status).toBe(200);
});

afterAll(() => s?.close());

describe('scope', () => {
  it('mine: complaints I own or handle, whoever else is on them', async () => {
    expect(ids(await a1.client.get('/complaints?scope=mine'))).toEqual(sorted(k.own, k.handedOn, k.intake));
    expect(ids(await sp.client.get('/complaints?scope=mine'))).toEqual(sorted(k.handedOn, k.specialist));
    expect(ids(await loner.client.get('/complaints?scope=mine'))).toEqual(sorted(k.loner));
  });

  it("team: the complaints of my team, a transferred one staying with its owner's team", async () => {
    expect(ids(await a1.client.get('/complaints?scope=team'))).toEqual(sorted(k.own, k.mate, k.handedOn));
    expect(ids(await sp.client.get('/complaints?scope=team'))).toEqual(sorted(k.specialist));
  });

  it('team without a team yields nothing, for an agent and a supervisor alike', async () => {
    for (const who of [loner, sup]) {
      const r = await who.client.get('/complaints?scope=team');
      expect(r.status).toBe(200);
      expect(r.body).toEqual({ items: [], nextCursor: null });
    }
  });

  it('combines with the other filters and keeps mine=owner|handler', async () => {
    expect(ids(await a1.client.get('/complaints?scope=team&status=in_progress'))).toEqual(sorted(k.mate));
    expect(ids(await a1.client.get('/complaints?scope=mine&mine=owner&status=accepted'))).toEqual(
      sorted(k.own, k.handedOn),
    );
    expect(ids(await sp.client.get('/complaints?mine=handler'))).toEqual(sorted(k.handedOn, k.specialist));
  });

  it('never widens what one may see: a supervisor sees all, scope only narrows', async () => {
    expect((await sup.client.get('/complaints?limit=100')).body.items).toHaveLength(6);
    expect(ids(await a1.client.get('/complaints?limit=100'))).toEqual(
      sorted(k.own, k.mate, k.handedOn, k.intake),
    );
  });

  it('refuses an unknown scope or sort', async () => {
    for (const q of ['scope=everyone', 'sort=severity']) {
      const r = await a1.client.get(`/complaints?${q}`);
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe('VALIDATION_FAILED');
    }
  });
});

async function pages(client: Client, query: string) {
  const seen: Json[] = [];
  let cursor: string | null = null;
  do {
    const r: { status: number; body: Json } = await client.get(
      `/complaints?limit=2&${query}${cursor ? `&cursor=${cursor}` : ''}`,
    );
    expect(r.status).toBe(200);
    seen.push(...r.body.items);
    cursor = r.body.nextCursor;
  } while (cursor);
  return seen;
}

describe('sort', () => {
  it('updated: the last changed first, paged without gaps or repeats', async () => {
    const touched = await sup.client.post(`/complaints/${k.own.id}/contacts`, {
      version: k.own.version,
      direction: 'outbound',
      channel: 'phone_out',
      purpose: 'callback',
      outcome: 'reached',
    });
    const edited = await sup.client.patch(`/complaints/${k.loner.id}`, {
      version: k.loner.version,
      product: '宽带',
    });
    expect([touched.status, edited.status]).toEqual([201, 200]);
    const byUpdate = await pages(sup.client, 'sort=updated');
    expect(byUpdate).toHaveLength(6);
    expect(byUpdate[0].id).toBe(k.loner.id);
    const stamps = byUpdate.map((c) => c.updatedAt);
    expect(stamps).toEqual([...stamps].sort().reverse());
    const ascending = await pages(sup.client, 'sort=updated&order=asc');
    expect(ascending.map((c) => c.id)).toEqual(byUpdate.map((c) => c.id).reverse());
  });

  it('received stays the default, newest first', async () => {
    const all = await pages(sup.client, '');
    expect(all.map((c) => c.id)).toEqual(
      [k.own, k.mate, k.handedOn, k.specialist, k.loner, k.intake].map((c) => c.id).reverse(),
    );
    expect((await pages(sup.client, 'sort=received')).map((c) => c.id)).toEqual(all.map((c) => c.id));
  });

  it('refuses a cursor of another sort, naming query.cursor', async () => {
    const first = await sup.client.get('/complaints?limit=2&sort=received');
    const r = await sup.client.get(`/complaints?limit=2&sort=updated&cursor=${first.body.nextCursor}`);
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('VALIDATION_FAILED');
    expect(r.body.error.details.issues[0].field).toBe('query.cursor');
    expect(r.body.error.details.issues[0].message).toContain('sort=received');
    const garbage = await sup.client.get('/complaints?cursor=bm90LWEtY3Vyc29y');
    expect(garbage.status).toBe(400);
    expect(garbage.body.error.details.issues[0].field).toBe('query.cursor');
  });
});

describe('status counts', () => {
  const zero = { new: 0, accepted: 0, in_progress: 0, resolved: 0, closed: 0 };

  it('counts what the caller may see, every status present', async () => {
    const r = await a1.client.get('/complaints/counts');
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ byStatus: { ...zero, new: 1, accepted: 2, in_progress: 1 }, total: 4 });
    const all = await sup.client.get('/complaints/counts');
    expect(all.body).toEqual({ byStatus: { ...zero, new: 1, accepted: 4, in_progress: 1 }, total: 6 });
  });

  it('takes the list filters, scope included, and agrees with the list', async () => {
    for (const q of ['scope=team', 'scope=mine', 'mine=owner', `handlerId=${sp.id}`, 'severity=normal']) {
      const counts = (await a1.client.get(`/complaints/counts?${q}`)).body;
      const list = (await a1.client.get(`/complaints?limit=100&${q}`)).body.items as Json[];
      expect(counts.total, q).toBe(list.length);
      for (const [status, n] of Object.entries(counts.byStatus)) {
        expect(list.filter((c) => c.status === status).length, `${q} ${status}`).toBe(n);
      }
    }
  });

  it('answers zeros when nothing can match: no team, an unknown caller', async () => {
    expect((await loner.client.get('/complaints/counts?scope=team')).body).toEqual({
      byStatus: zero,
      total: 0,
    });
    expect((await a1.client.get('/complaints/counts?phone=13000000009')).body).toEqual({
      byStatus: zero,
      total: 0,
    });
    const byPhone = await sup.client.get(
      `/complaints/counts?phone=${encodeURIComponent(k.own.customer.phone)}`,
    );
    expect(byPhone.body.total).toBe(1);
  });

  it('refuses bad filters and roles without the list', async () => {
    const bad = await a1.client.get('/complaints/counts?phone=12345');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues[0].field).toBe('query.phone');
    const dept = await s.user('department');
    expect((await dept.client.get('/complaints/counts')).status).toBe(403);
    expect((await s.anonymous.get('/complaints/counts')).status).toBe(401);
  });

  it('does not shadow a complaint read by number or id', async () => {
    const r = await a1.client.get(`/complaints/${k.own.number}`);
    expect(r.status).toBe(200);
    expect(r.body.id).toBe(k.own.id);
  });
});

describe('OpenAPI', () => {
  it('documents scope, sort and the counts', async () => {
    const doc = (await s.anonymous.get('/openapi.json')).body;
    const names = (p: Json) => (p.parameters as Json[]).map((x) => x.name);
    expect(names(doc.paths['/api/v1/complaints'].get)).toEqual(
      expect.arrayContaining(['scope', 'sort', 'cursor']),
    );
    const counts = doc.paths['/api/v1/complaints/counts'].get;
    expect(names(counts)).toEqual(expect.arrayContaining(['scope', 'mine', 'phone', 'text']));
    expect(names(counts)).not.toContain('cursor');
    expect(counts.responses['200']).toBeDefined();
  });
});
