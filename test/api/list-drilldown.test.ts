// Drill-down from the reports into the complaint list: the dimensions a report figure is cut by
// (channel, team, product, customer type, cause, responsible department, no category, the day of
// the week and the hour in the report time zone) filter the list and its counts alike, inside
// what the caller may see.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  complaintBody,
  type Json,
  startTestServer,
  type TestServer,
  type TestUser,
} from '../helpers/test-server.ts';

let s: TestServer;
let sup: TestUser;
let a1: TestUser; // agent of team A组
let b1: TestUser; // agent of team B组
const k: Record<string, Json> = {};
let billing: Json;
let billingChild: Json;
let other: Json;
let d1: string;
let d2: string;

let phoneSeq = 0;
async function take(who: TestUser, overrides: Record<string, unknown>) {
  phoneSeq += 1;
  const r = await who.client.post(
    '/complaints',
    complaintBody({ customer: { phone: `1592222${String(1000 + phoneSeq)}` }, ...overrides }),
  );
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
}

async function analyse(c: Json, set: { cause?: string; department?: string }) {
  await s.handle.db
    .updateTable('complaints')
    .set({
      ...(set.cause ? { cause: set.cause as 'communication' } : {}),
      ...(set.department ? { responsible_department_id: set.department } : {}),
    })
    .where('id', '=', c.id)
    .execute();
}

beforeAll(async () => {
  s = await startTestServer();
  sup = await s.user('supervisor');
  a1 = await s.user('agent', 'A组');
  b1 = await s.user('agent', 'B组');
  const tree = (await sup.client.get('/categories')).body.items as Json[];
  billing = tree.find((c) => c.name === '资费与计费');
  billingChild = tree.find((c) => c.parentId === billing.id);
  other = tree.find((c) => c.parentId === null && c.id !== billing.id);
  d1 = (await s.admin.post('/departments', { name: '计费中心' })).body.id;
  d2 = (await s.admin.post('/departments', { name: '网络部' })).body.id;

  // 2025-03-03 is a Monday.
  k.c1 = await take(a1, {
    channel: 'phone_in',
    product: '5G畅享套餐',
    customerType: 'emotional_venting',
    categoryId: billingChild.id,
    receivedAt: '2025-03-03T09:30:00+08:00',
  });
  k.c2 = await take(a1, {
    channel: 'wechat',
    product: '宽带提速包',
    customerType: 'problem_solving',
    receivedAt: '2025-03-03T23:30:00+08:00',
  });
  // Tuesday 00:30 in China is still Monday 16:30 in UTC.
  k.c3 = await take(b1, {
    channel: 'email',
    product: '5G畅享套餐',
    categoryId: billing.id,
    receivedAt: '2025-03-04T00:30:00+08:00',
  });
  k.c4 = await take(b1, {
    channel: 'phone_in',
    categoryId: other.id,
    receivedAt: '2025-03-09T12:00:00+08:00',
  });
  await analyse(k.c1, { cause: 'service_attitude', department: d1 });
  await analyse(k.c2, { cause: 'product_technical' });
  await analyse(k.c3, { department: d2 });
});

afterAll(() => s?.close());

const ids = (r: { body: Json }) => (r.body.items as Json[]).map((c) => c.id).sort();
const sorted = (...names: string[]) => names.map((n) => k[n].id).sort();

/** The list and its counts under the same query: the same complaints. */
async function both(who: TestUser, query: string) {
  const list = await who.client.get(`/complaints?limit=100&${query}`);
  expect(list.status, JSON.stringify(list.body)).toBe(200);
  const counts = await who.client.get(`/complaints/counts?${query}`);
  expect(counts.status).toBe(200);
  expect(counts.body.total, query).toBe(list.body.items.length);
  return ids(list);
}

describe('each drill-down filter, for a supervisor who sees every team', () => {
  it.each<[string, string[]]>([
    ['', ['c1', 'c2', 'c3', 'c4']],
    ['channel=phone_in', ['c1', 'c4']],
    ['channel=phone_in,wechat', ['c1', 'c2', 'c4']],
    ['channel=phone_in&channel=email', ['c1', 'c3', 'c4']],
    ['team=A组', ['c1', 'c2']],
    [`team=${encodeURIComponent(' B组 ')}`, ['c3', 'c4']],
    ['team=C组', []],
    [`product=${encodeURIComponent('5G畅享套餐')}`, ['c1', 'c3']],
    [`product=${encodeURIComponent('5G')}`, []],
    ['customerType=emotional_venting', ['c1']],
    ['customerType=emotional_venting,problem_solving', ['c1', 'c2']],
    ['cause=service_attitude', ['c1']],
    ['cause=service_attitude,product_technical', ['c1', 'c2']],
    ['cause=communication', []],
    ['uncategorised=true', ['c2']],
    ['uncategorised=false', ['c1', 'c2', 'c3', 'c4']],
    ['weekday=1', ['c1', 'c2']],
    ['weekday=2', ['c3']],
    ['weekday=7', ['c4']],
    ['hour=0', ['c3']],
    ['hour=23', ['c2']],
    ['weekday=1&hour=9', ['c1']],
    ['weekday=1&hour=0', []],
    // A day cut at midnight in China, as the list page sends it.
    ['receivedFrom=2025-03-04T00:00:00%2B08:00&receivedTo=2025-03-05T00:00:00%2B08:00', ['c3']],
    ['receivedFrom=2025-03-03T00:00:00%2B08:00&receivedTo=2025-03-04T00:00:00%2B08:00', ['c1', 'c2']],
    // Combined with each other and with the filters that were there before.
    ['channel=phone_in&team=B组', ['c4']],
    [`categoryId=${'BILLING'}&product=${encodeURIComponent('5G畅享套餐')}`, ['c1', 'c3']],
    [`categoryId=${'BILLING'}&uncategorised=true`, []],
    ['severity=normal&weekday=1&channel=wechat', ['c2']],
  ])('%s', async (query, expected) => {
    const q = query.replaceAll('BILLING', billing.id);
    expect(await both(sup, q)).toEqual(sorted(...expected));
  });

  it('departmentId: the responsible department of the cause analysis', async () => {
    expect(await both(sup, `departmentId=${d1}`)).toEqual(sorted('c1'));
    expect(await both(sup, `departmentId=${d2}`)).toEqual(sorted('c3'));
    expect(await both(sup, 'departmentId=00000000-0000-4000-8000-000000000000')).toEqual([]);
  });

  it('the counts split the drilled complaints by status', async () => {
    const r = await sup.client.get('/complaints/counts?channel=phone_in');
    expect(r.body.total).toBe(2);
    expect(r.body.byStatus.accepted).toBe(2);
  });
});

describe('visibility stays as it was', () => {
  it("an agent naming another team sees nothing of it (the team's complaints are not theirs to see)", async () => {
    expect(await both(a1, 'team=B组')).toEqual([]);
    expect(await both(a1, 'team=A组')).toEqual(sorted('c1', 'c2'));
  });

  it('scope=team with their own team name is their team; with another name, nothing', async () => {
    expect(await both(a1, `scope=team&team=${encodeURIComponent('A组')}`)).toEqual(sorted('c1', 'c2'));
    expect(await both(a1, `scope=team&team=${encodeURIComponent('B组')}`)).toEqual([]);
  });

  it('other filters stay inside what the agent sees', async () => {
    expect(await both(b1, `product=${encodeURIComponent('5G畅享套餐')}`)).toEqual(sorted('c3'));
    expect(await both(b1, 'weekday=1')).toEqual([]);
    expect(await both(a1, 'channel=phone_in')).toEqual(sorted('c1'));
  });
});

describe('refused parameters', () => {
  it.each([
    'channel=telegram',
    'customerType=angry',
    'cause=weather',
    'departmentId=not-a-uuid',
    'uncategorised=yes',
    'weekday=0',
    'weekday=8',
    'hour=24',
    'hour=-1',
    'hour=nine',
    `team=${'x'.repeat(101)}`,
    'product=',
  ])('%s → 400', async (query) => {
    const list = await sup.client.get(`/complaints?${query}`);
    expect(list.status).toBe(400);
    expect(list.body.error.code).toBe('VALIDATION_FAILED');
    expect((await sup.client.get(`/complaints/counts?${query}`)).status).toBe(400);
  });
});
