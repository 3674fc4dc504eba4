// The cause analysis at closure (domain §8, pitfall 5) and the repeat flag (常见投诉不重复), through
// the real HTTP server.
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type Client,
  complaintBody,
  type Json,
  serverForFile,
  type TestUser,
} from '../helpers/test-server.ts';

const t = serverForFile();
const DAY = 86_400_000;

const ANALYSIS = { cause: 'product_technical', controllable: true, internal: true, reversible: true };

let phoneSeq = 0;
/** A fresh customer's phone number per complaint family. */
const phone = () => `139${String(20_000_000 + ++phoneSeq).padStart(8, '0')}`;

function put(client: Client, c: Json, body: Record<string, unknown>) {
  return client.request('PUT', `/complaints/${c.id}/analysis`, { version: c.version, ...body });
}

function transition(client: Client, c: Json, body: Record<string, unknown>) {
  return client.post(`/complaints/${c.id}/transitions`, { version: c.version, ...body });
}

/** A complaint taken on a call, every demand answered and explained, resolved. */
async function resolvedComplaint(client: Client, overrides: Record<string, unknown> = {}): Promise<Json> {
  let c = (await client.post('/complaints', complaintBody({ customer: { phone: phone() }, ...overrides })))
    .body;
  for (const d of c.demands) {
    c = (
      await client.patch(`/complaints/${c.id}/demands/${d.id}`, {
        version: c.version,
        status: 'fulfilled',
        resolution: '已处理',
        customerInformed: true,
      })
    ).body;
  }
  const r = await transition(client, c, { action: 'resolve' });
  expect(r.status).toBe(200);
  return r.body;
}

let billingLeaf: Json;
let networkLeaf: Json;
let department: Json;

beforeAll(async () => {
  const tree = (await t.agent.client.get('/categories')).body.items as Json[];
  const leaves = tree.filter((c) => c.parentId !== null);
  billingLeaf = leaves[0];
  networkLeaf = leaves.find((c) => c.parentId !== billingLeaf.parentId);
  department = (await t.s.admin.post('/departments', { name: '计费中心' })).body;
});

describe('recording the analysis', () => {
  it('records it with a timeline entry, shows it on the complaint, and an unchanged one is no change', async () => {
    let c = (await t.agent.client.post('/complaints', complaintBody({ customer: { phone: phone() } }))).body;
    expect(c.analysis).toBeNull();
    expect(c.abilities.analyse).toEqual({
      allowed: true,
      requires: ['cause', 'controllable', 'internal', 'reversible'],
      details: {
        companyAtFault: {
          allowed: false,
          code: 'FACTS_NOT_VERIFIED',
          message: expect.any(String),
          details: { rule: 'facts_before_fault', field: 'companyAtFault' },
        },
      },
    });
    const r = await put(t.agent.client, c, {
      ...ANALYSIS,
      responsibleDepartmentId: department.id,
      note: '  影响：多扣58元；改进：套餐变更后同步校验  ',
    });
    expect(r.status).toBe(200);
    c = r.body;
    expect(c.version).toBe(2);
    expect(c.analysis).toEqual({
      cause: 'product_technical',
      controllable: true,
      internal: true,
      reversible: true,
      companyAtFault: null,
      responsibleDepartment: { id: department.id, name: '计费中心' },
      note: '影响：多扣58元；改进：套餐变更后同步校验',
      analysedBy: { id: t.agent.id, name: expect.any(String) },
      analysedAt: expect.any(String),
    });
    const entry = c.timeline.findLast((e: Json) => e.action === 'complaint.analysed');
    expect(entry.actor.id).toBe(t.agent.id);
    expect(entry.before).toMatchObject({
      cause: null,
      cause_controllable: null,
      responsible_department_id: null,
    });
    expect(entry.after).toMatchObject({
      cause: 'product_technical',
      cause_controllable: true,
      cause_internal: true,
      cause_reversible: true,
      responsible_department_id: department.id,
    });

    // The same analysis again changes nothing; a new cause keeps the old one in the timeline.
    const same = await put(t.agent.client, c, {
      ...ANALYSIS,
      responsibleDepartmentId: department.id,
      note: '影响：多扣58元；改进：套餐变更后同步校验',
    });
    expect(same.body.version).toBe(c.version);
    const changed = await put(t.agent.client, c, { ...ANALYSIS, cause: 'communication', internal: false });
    expect(changed.status).toBe(200);
    const last = changed.body.timeline.findLast((e: Json) => e.action === 'complaint.analysed');
    expect(last.before).toEqual({
      cause: 'product_technical',
      cause_internal: true,
      responsible_department_id: department.id,
      analysis_note: '影响：多扣58元；改进：套餐变更后同步校验',
    });
    expect(last.after).toEqual({
      cause: 'communication',
      cause_internal: false,
      responsible_department_id: null,
      analysis_note: null,
    });
    expect(changed.body.analysis.analysedBy.id).toBe(t.agent.id);
  });

  it('refuses to judge the fault before the facts are verified, and lets it once they are (pitfall 5)', async () => {
    let c = (await t.agent.client.post('/complaints', complaintBody({ customer: { phone: phone() } }))).body;
    for (const companyAtFault of [true, false]) {
      const r = await put(t.agent.client, c, { ...ANALYSIS, companyAtFault });
      expect(r.status).toBe(422);
      expect(r.body.error).toMatchObject({
        code: 'FACTS_NOT_VERIFIED',
        details: { rule: 'facts_before_fault', field: 'companyAtFault' },
      });
    }
    // Nothing was written.
    c = (await t.agent.client.get(`/complaints/${c.id}`)).body;
    expect(c.analysis).toBeNull();
    expect(c.version).toBe(1);

    let r = await t.agent.client.patch(`/complaints/${c.id}`, {
      version: c.version,
      verifiedFacts: '计费系统记录显示套餐变更后未同步，多计费58元',
    });
    c = r.body;
    expect(c.abilities.analyse.details.companyAtFault).toEqual({ allowed: true });
    r = await put(t.agent.client, c, { ...ANALYSIS, companyAtFault: true });
    expect(r.status).toBe(200);
    c = r.body;
    expect(c.analysis.companyAtFault).toBe(true);

    // The verified facts cannot be taken away beneath a judged fault.
    r = await t.agent.client.patch(`/complaints/${c.id}`, { version: c.version, verifiedFacts: null });
    expect(r.status).toBe(422);
    expect(r.body.error).toMatchObject({ code: 'FACTS_NOT_VERIFIED', details: { field: 'verifiedFacts' } });
    r = await put(t.agent.client, c, { ...ANALYSIS, companyAtFault: null });
    c = r.body;
    r = await t.agent.client.patch(`/complaints/${c.id}`, { version: c.version, verifiedFacts: '' });
    expect(r.status).toBe(200);
  });

  it('refuses bad input with the field named', async () => {
    const c = (await t.agent.client.post('/complaints', complaintBody({ customer: { phone: phone() } })))
      .body;
    const cases: [Record<string, unknown>, string][] = [
      [{ controllable: true, internal: true, reversible: true }, 'cause'],
      [{ ...ANALYSIS, cause: 'weather' }, 'cause'],
      [{ ...ANALYSIS, controllable: 'yes' }, 'controllable'],
      [{ ...ANALYSIS, reversible: undefined }, 'reversible'],
      [{ ...ANALYSIS, note: 'x'.repeat(5001) }, 'note'],
      [{ ...ANALYSIS, responsibleDepartmentId: 'billing' }, 'responsibleDepartmentId'],
      [{ ...ANALYSIS, responsibleDepartmentId: crypto.randomUUID() }, 'responsibleDepartmentId'],
    ];
    for (const [body, field] of cases) {
      const r = await put(t.agent.client, c, body);
      expect(r.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(r.body.error.code).toBe('VALIDATION_FAILED');
      expect(r.body.error.details.issues.map((i: Json) => i.field)).toContain(field);
    }
    const stale = await put(t.agent.client, { ...c, version: c.version + 5 }, ANALYSIS);
    expect(stale.status).toBe(409);
  });

  it('is for those who handle the complaint: others get 404 (outside their scope) or 403 (may see, not act)', async () => {
    const c = (await t.agent.client.post('/complaints', complaintBody({ customer: { phone: phone() } })))
      .body;
    const stranger = await t.s.user('agent', '三组');
    const dept = await t.s.user('department');
    const analyst = await t.s.user('analyst');
    const supervisor = await t.s.user('supervisor');
    expect((await put(stranger.client, c, ANALYSIS)).status).toBe(404);
    expect((await put(dept.client, c, ANALYSIS)).status).toBe(404);
    expect((await put(analyst.client, c, ANALYSIS)).status).toBe(403);
    expect((await put(t.s.admin, c, ANALYSIS)).status).toBe(403);
    expect((await put(t.s.anonymous, c, ANALYSIS)).status).toBe(401);
    const seen = (await analyst.client.get(`/complaints/${c.id}`)).body;
    expect(seen.abilities.analyse).toMatchObject({ allowed: false, code: 'FORBIDDEN' });
    const r = await put(supervisor.client, c, ANALYSIS);
    expect(r.status).toBe(200);
    expect(r.body.analysis.analysedBy.id).toBe(supervisor.id);
  });
});

describe('closing as completed needs the analysis', () => {
  it('refuses without one, listing it beside every other close guard that fails', async () => {
    let c = (
      await t.agent.client.post(
        '/complaints',
        complaintBody({ customer: { phone: phone() }, severity: 'major' }),
      )
    ).body;
    const [refund, explain] = c.demands;
    c = (
      await t.agent.client.patch(`/complaints/${c.id}/demands/${refund.id}`, {
        version: c.version,
        status: 'fulfilled',
        resolution: '已退还58元',
        customerInformed: true,
      })
    ).body;
    c = (
      await t.agent.client.patch(`/complaints/${c.id}/demands/${explain.id}`, {
        version: c.version,
        status: 'declined',
        resolution: '开通记录属实',
      })
    ).body;
    c = (await transition(t.agent.client, c, { action: 'resolve' })).body;
    expect(c.abilities.close).toMatchObject({ allowed: false, code: 'DEMANDS_NOT_INFORMED' });

    let r = await transition(t.agent.client, c, { action: 'close' });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('DEMANDS_NOT_INFORMED');
    expect(r.body.error.details.violations.map((v: Json) => v.code)).toEqual([
      'DEMANDS_NOT_INFORMED',
      'SUMMARY_REQUIRED',
      'ANALYSIS_MISSING',
    ]);
    const missing = r.body.error.details.violations[2];
    expect(missing.details).toEqual({ rule: 'analysis_at_close', field: 'analysis' });

    c = (
      await t.agent.client.patch(`/complaints/${c.id}/demands/${explain.id}`, {
        version: c.version,
        customerInformed: true,
      })
    ).body;
    expect(c.abilities.close).toEqual({ allowed: true, requires: ['summary', 'analysis'] });
    r = await transition(t.agent.client, c, { action: 'close', summary: '已处理并总结' });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('ANALYSIS_MISSING');
    expect(r.body.error.details.violations.map((v: Json) => v.code)).toEqual(['ANALYSIS_MISSING']);

    // Recorded beforehand, the close needs only the summary.
    c = (await put(t.agent.client, c, ANALYSIS)).body;
    expect(c.abilities.close).toEqual({ allowed: true, requires: ['summary'] });
    r = await transition(t.agent.client, c, { action: 'close', summary: '已处理并总结' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'closed', closeReason: 'completed' });

    // Closed is final: the analysis is changed after reopening.
    const closed = r.body;
    expect(closed.abilities.analyse).toMatchObject({ allowed: false, code: 'COMPLAINT_CLOSED' });
    r = await put(t.agent.client, closed, { ...ANALYSIS, cause: 'communication' });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('COMPLAINT_CLOSED');
  });

  it('closes with the analysis sent along, recorded in the same change before the close', async () => {
    let c = await resolvedComplaint(t.agent.client);
    expect(c.abilities.close).toEqual({ allowed: true, requires: ['analysis'] });

    // An analysis that judges fault without verified facts stops the whole close.
    let r = await transition(t.agent.client, c, {
      action: 'close',
      analysis: { ...ANALYSIS, companyAtFault: true },
    });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('FACTS_NOT_VERIFIED');
    r = await transition(t.agent.client, c, { action: 'close', analysis: { ...ANALYSIS, cause: 'nope' } });
    expect(r.status).toBe(400);
    expect(r.body.error.details.issues[0].field).toBe('analysis.cause');
    c = (await t.agent.client.get(`/complaints/${c.id}`)).body;
    expect(c.status).toBe('resolved');
    expect(c.analysis).toBeNull();

    r = await transition(t.agent.client, c, {
      action: 'close',
      analysis: { ...ANALYSIS, cause: 'service_attitude', note: '坐席态度生硬' },
    });
    expect(r.status).toBe(200);
    expect(r.body.version).toBe(c.version + 1);
    c = r.body;
    expect(c.status).toBe('closed');
    expect(c.analysis).toMatchObject({
      cause: 'service_attitude',
      note: '坐席态度生硬',
      companyAtFault: null,
    });
    const actions = c.timeline.map((e: Json) => e.action).filter((a: string) => a.startsWith('complaint.'));
    expect(actions.slice(actions.indexOf('complaint.analysed'))).toEqual([
      'complaint.analysed',
      'complaint.close',
    ]);
    const close = c.timeline.findLast((e: Json) => e.action === 'complaint.close');
    expect(Object.keys(close.after)).not.toContain('cause');

    // Reopened and resolved again: the analysis on record is enough for the next close.
    r = await transition(t.agent.client, c, { action: 'reopen', reason: '客户再次来电' });
    r = await transition(t.agent.client, r.body, { action: 'resolve' });
    expect(r.body.abilities.close).toEqual({ allowed: true });
    r = await transition(t.agent.client, r.body, { action: 'close' });
    expect(r.status).toBe(200);
  });

  it('a withdrawal needs no analysis', async () => {
    const c = await resolvedComplaint(t.agent.client);
    const r = await transition(t.agent.client, c, { action: 'withdraw', reason: '客户撤诉' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'closed', closeReason: 'withdrawn', analysis: null });
  });
});

describe('the repeat flag', () => {
  const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();
  let agent: TestUser;
  beforeAll(() => {
    agent = t.agent;
  });

  async function take(customerPhone: string, categoryId: string | null, receivedAt?: string): Promise<Json> {
    const r = await agent.client.post(
      '/complaints',
      complaintBody({
        customer: { phone: customerPhone },
        channel: 'email',
        categoryId,
        ...(receivedAt ? { receivedAt } : {}),
      }),
    );
    expect(r.status).toBe(201);
    return r.body;
  }

  it('points at the latest earlier complaint of the customer in the category within the window', async () => {
    const p = phone();
    const first = await take(p, billingLeaf.id, ago(45));
    expect(first.repeatOf).toBeNull();
    // 40 days after the first: outside the 30-day window.
    const second = await take(p, billingLeaf.id, ago(5));
    expect(second.repeatOf).toBeNull();
    const third = await take(p, billingLeaf.id);
    expect(third.repeatOf).toEqual({ id: second.id, number: second.number });
    expect((await agent.client.get(`/complaints/${third.id}`)).body.repeatOf).toEqual({
      id: second.id,
      number: second.number,
    });
    // Another category, another customer, no category: no repeat.
    expect((await take(p, networkLeaf.id)).repeatOf).toBeNull();
    expect((await take(phone(), billingLeaf.id)).repeatOf).toBeNull();
    expect((await take(p, null)).repeatOf).toBeNull();
  });

  it('follows a change of category, and the window from the report settings', async () => {
    const p = phone();
    const earlier = await take(p, billingLeaf.id, ago(20));
    let c = await take(p, networkLeaf.id);
    expect(c.repeatOf).toBeNull();
    let r = await agent.client.patch(`/complaints/${c.id}`, {
      version: c.version,
      categoryId: billingLeaf.id,
    });
    expect(r.status).toBe(200);
    c = r.body;
    expect(c.repeatOf).toEqual({ id: earlier.id, number: earlier.number });
    const entry = c.timeline.findLast((e: Json) => e.action === 'complaint.updated');
    expect(entry.before).toMatchObject({ repeat_of: null });
    expect(entry.after).toMatchObject({ repeat_of: earlier.id });
    r = await agent.client.patch(`/complaints/${c.id}`, { version: c.version, categoryId: networkLeaf.id });
    expect(r.body.repeatOf).toBeNull();

    // A 14-day window: twenty days ago is too long ago.
    await sql`UPDATE report_settings SET repeat_window_days = 14`.execute(t.s.handle.db);
    try {
      c = r.body;
      r = await agent.client.patch(`/complaints/${c.id}`, { version: c.version, categoryId: billingLeaf.id });
      expect(r.body.repeatOf).toBeNull();
      // Nineteen days after the earlier one, before the one taken now.
      expect((await take(p, billingLeaf.id, ago(1))).repeatOf).toBeNull();
    } finally {
      await sql`UPDATE report_settings SET repeat_window_days = 30`.execute(t.s.handle.db);
    }
  });

  it('gives the customer a flag with the count of repeats', async () => {
    const p = phone();
    const first = await take(p, billingLeaf.id, ago(12));
    let profile = (await agent.client.get(`/customers/${first.customer.id}`)).body;
    expect(profile.flags.map((f: Json) => f.code)).not.toContain('repeat_complaint');
    await take(p, billingLeaf.id, ago(6));
    await take(p, billingLeaf.id);
    await take(p, networkLeaf.id);
    profile = (await agent.client.get(`/customers/${first.customer.id}`)).body;
    expect(profile.flags).toContainEqual({ code: 'repeat_complaint', count: 2 });
    const lookup = (await agent.client.get(`/customers?phone=${p}`)).body;
    expect(lookup.flags).toContainEqual({ code: 'repeat_complaint', count: 2 });
  });
});
