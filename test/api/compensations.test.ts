// Compensation (补偿) and authority limits through the real server: granted at once within the
// handler's authority, otherwise pending (the demand cannot be fulfilled by it) until someone
// whose own authority covers it approves or refuses, with a reason. Seeded limits: agent 50 yuan
// (refund always needs approval), specialist 500, supervisor 5000.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type Client,
  complaintBody,
  type Json,
  serverForFile,
  type TestUser,
} from '../helpers/test-server.ts';

const t = serverForFile();
let specialist: TestUser; // another team: approval does not depend on handling the complaint
let supervisor: TestUser;
let outsider: TestUser;

beforeAll(async () => {
  specialist = await t.s.user('specialist', '专家组');
  supervisor = await t.s.user('supervisor');
  outsider = await t.s.user('agent', '二组');
});

async function complaint(client: Client = t.agent.client): Promise<Json> {
  const r = await client.post('/complaints', complaintBody());
  expect(r.status).toBe(201);
  return r.body;
}

function offer(client: Client, c: Json, demandId: string, body: Record<string, unknown>, version?: number) {
  return client.post(`/complaints/${c.id}/demands/${demandId}/compensations`, {
    version: version ?? c.version,
    type: 'bill_credit',
    wording: '给您补偿本月话费',
    ...body,
  });
}

function fulfil(client: Client, complaintId: string, demandId: string, version: number) {
  return client.patch(`/complaints/${complaintId}/demands/${demandId}`, {
    version,
    status: 'fulfilled',
    resolution: '已为您补偿话费',
    customerInformed: true,
  });
}

async function unread(u: TestUser, kind: string): Promise<Json[]> {
  const r = await u.client.get('/notifications?unread=true&limit=200');
  expect(r.status).toBe(200);
  return r.body.items.filter((n: Json) => n.kind === kind);
}

async function timeline(c: Json): Promise<Json[]> {
  const r = await t.agent.client.get(`/complaints/${c.id}`);
  expect(r.status).toBe(200);
  return r.body.timeline;
}

describe('within the handler’s authority', () => {
  it('is approved at once and the demand can be fulfilled', async () => {
    const c = await complaint();
    const [refund] = c.demands;
    const r = await offer(t.agent.client, c, refund.id, { amount: 30 });
    expect(r.status).toBe(201);
    expect(r.body.compensation).toMatchObject({
      complaintId: c.id,
      demandId: refund.id,
      type: 'bill_credit',
      amount: '30.00',
      amountFen: 3000,
      wording: '给您补偿本月话费',
      status: 'approved',
      requestedBy: { id: t.agent.id },
      decidedBy: { id: t.agent.id },
      grantedWithinAuthority: true,
      waitingMs: null,
    });
    expect(r.body.approval).toBeNull();
    expect(r.body.complaintVersion).toBe(c.version + 1);

    const f = await fulfil(t.agent.client, c.id, refund.id, r.body.complaintVersion);
    expect(f.status).toBe(200);
    expect(f.body.demands[0].status).toBe('fulfilled');
    expect((await timeline(c)).map((e) => e.action)).toContain('compensation.granted');
  });

  it('counts money in fen: 0.1 + 0.2 is not an amount, 50.00 is exactly the limit', async () => {
    const c = await complaint();
    const [refund] = c.demands;
    let r = await offer(t.agent.client, c, refund.id, { amount: 0.1 + 0.2 });
    expect(r.status).toBe(400);
    expect(r.body.error.details.issues[0].field).toBe('amount');
    for (const amount of [0, -5, 1_000_000.01]) {
      r = await offer(t.agent.client, c, refund.id, { amount });
      expect(r.status, String(amount)).toBe(400);
      expect(r.body.error.details.issues[0].field).toBe('amount');
    }
    r = await offer(t.agent.client, c, refund.id, { amount: 50 });
    expect(r.body.compensation).toMatchObject({ status: 'approved', amount: '50.00' });
    r = await offer(t.agent.client, c, c.demands[1].id, { amount: 50.01 }, r.body.complaintVersion);
    expect(r.body.compensation).toMatchObject({ status: 'pending', amount: '50.01', amountFen: 5001 });
  });

  it('refuses 赔偿 on the wording field, suggesting the text with 补偿', async () => {
    const c = await complaint();
    const r = await offer(t.agent.client, c, c.demands[0].id, { amount: 20, wording: '赔偿您20元话费' });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('VALIDATION_FAILED');
    expect(r.body.error.details.issues).toEqual([
      { field: 'wording', message: expect.stringContaining('补偿') },
    ]);
    expect(r.body.error.details.suggestion).toBe('补偿您20元话费');
    expect((await t.agent.client.get(`/complaints/${c.id}`)).body.version).toBe(c.version);
  });

  it('checks the version, the demand and who handles the complaint', async () => {
    const c = await complaint();
    let r = await offer(t.agent.client, c, c.demands[0].id, { amount: 10 }, c.version + 5);
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('STALE_VERSION');
    r = await offer(t.agent.client, c, '00000000-0000-4000-8000-000000000000', { amount: 10 });
    expect(r.status).toBe(404);
    r = await offer(outsider.client, c, c.demands[0].id, { amount: 10 });
    expect(r.status).toBe(404);
    // an answered demand takes no new compensation until it is reopened
    const f = await fulfil(t.agent.client, c.id, c.demands[0].id, c.version);
    r = await offer(t.agent.client, f.body, c.demands[0].id, { amount: 10 });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('DEMAND_LOCKED');
  });
});

describe('above the handler’s authority', () => {
  it('waits for approval: the demand cannot be fulfilled, approvers are notified, a supervisor approves', async () => {
    const c = await complaint();
    const [refund] = c.demands;
    const r = await offer(t.agent.client, c, refund.id, { amount: 800, wording: '给您补偿800元' });
    expect(r.status).toBe(201);
    const comp = r.body.compensation;
    expect(comp).toMatchObject({
      status: 'pending',
      amount: '800.00',
      grantedWithinAuthority: false,
      decidedBy: null,
    });
    expect(comp.waitingMs).toBeGreaterThanOrEqual(0);
    // the supervisor (5000) could approve; the specialist (500) could not
    expect(r.body.approval).toEqual({ reasons: ['above_limit'], limit: '50.00', approversNotified: 1 });

    let f = await fulfil(t.agent.client, c.id, refund.id, r.body.complaintVersion);
    expect(f.status).toBe(422);
    expect(f.body.error.code).toBe('COMPENSATION_PENDING');
    expect(f.body.error.details.compensationIds).toEqual([comp.id]);

    const supNotes = await unread(supervisor, 'compensation_approval_needed');
    expect(supNotes.find((n) => n.subjectId === comp.id)).toMatchObject({
      complaintId: c.id,
      payload: { number: c.number, amount: '800.00', type: 'bill_credit', reasons: ['above_limit'] },
    });
    expect((await unread(specialist, 'compensation_approval_needed')).map((n) => n.subjectId)).not.toContain(
      comp.id,
    );

    // the queues: the supervisor's has it, the specialist's does not, an agent has none
    const supQueue = await supervisor.client.get('/compensations?status=pending');
    expect(supQueue.status).toBe(200);
    expect(supQueue.body.items.find((i: Json) => i.id === comp.id)).toMatchObject({
      complaint: { id: c.id, number: c.number },
      demand: { id: refund.id, type: 'refund', description: refund.description },
    });
    const specQueue = await specialist.client.get('/compensations');
    expect(specQueue.body.items.map((i: Json) => i.id)).not.toContain(comp.id);
    expect((await t.agent.client.get('/compensations')).status).toBe(403);

    // a specialist above their own limit may not decide it, either way
    for (const approve of [true, false]) {
      const d = await specialist.client.post(`/compensations/${comp.id}/decision`, {
        approve,
        reason: '同意',
      });
      expect(d.status).toBe(403);
      expect(d.body.error.code).toBe('ABOVE_AUTHORITY');
      expect(d.body.error.details).toMatchObject({ amount: '800.00', limit: '500.00' });
    }
    // nor an agent, nor the requester
    const a = await t.agent.client.post(`/compensations/${comp.id}/decision`, {
      approve: true,
      reason: '自己批',
    });
    expect(a.status).toBe(403);
    expect(a.body.error.code).toBe('FORBIDDEN');

    const d = await supervisor.client.post(`/compensations/${comp.id}/decision`, {
      approve: true,
      reason: '多次故障，同意补偿',
    });
    expect(d.status).toBe(200);
    expect(d.body).toMatchObject({
      id: comp.id,
      status: 'approved',
      decidedBy: { id: supervisor.id },
      decisionReason: '多次故障，同意补偿',
      grantedWithinAuthority: false,
      waitingMs: null,
    });

    // decided once: a second decision is a conflict
    const again = await supervisor.client.post(`/compensations/${comp.id}/decision`, {
      approve: false,
      reason: 'x',
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('CONFLICT');
    expect(again.body.error.details.status).toBe('approved');

    // the requester hears of it; the timeline has it with the reason; the complaint moved on
    const decided = await unread(t.agent, 'compensation_decided');
    expect(decided.find((n) => n.subjectId === comp.id)?.payload).toMatchObject({
      approved: true,
      amount: '800.00',
    });
    const tl = await timeline(c);
    expect(tl.find((e) => e.action === 'compensation.requested')?.after).toMatchObject({
      status: 'pending',
      reasons: ['above_limit'],
      amount: '800.00',
    });
    expect(tl.find((e) => e.action === 'compensation.approved')).toMatchObject({
      entity: 'compensation',
      entityId: comp.id,
      actor: { id: supervisor.id },
      after: { status: 'approved', reason: '多次故障，同意补偿' },
    });
    const now = (await t.agent.client.get(`/complaints/${c.id}`)).body;
    expect(now.version).toBe(r.body.complaintVersion + 1);
    // The complaint shows it on its demand, approved, with who decided.
    expect(now.compensations).toMatchObject([
      { id: comp.id, demandId: refund.id, status: 'approved', amount: '800.00' },
    ]);
    f = await fulfil(t.agent.client, c.id, refund.id, r.body.complaintVersion);
    expect(f.status).toBe(409); // the decision changed the complaint: reload first
    f = await fulfil(t.agent.client, c.id, refund.id, now.version);
    expect(f.status).toBe(200);
    expect(f.body.demands[0].status).toBe('fulfilled');
  });

  it('a type that always needs approval waits even when small; a refusal is recorded with its reason', async () => {
    const c = await complaint();
    const [refund] = c.demands;
    const r = await offer(t.agent.client, c, refund.id, {
      type: 'refund',
      amount: 10,
      wording: '退还并补偿10元',
    });
    expect(r.body.compensation.status).toBe('pending');
    expect(r.body.approval).toMatchObject({ reasons: ['type_needs_approval'], approversNotified: 2 });
    expect((await unread(specialist, 'compensation_approval_needed')).map((n) => n.subjectId)).toContain(
      r.body.compensation.id,
    );
    // a specialist of another team decides within their authority
    const d = await specialist.client.post(`/compensations/${r.body.compensation.id}/decision`, {
      approve: false,
      reason: '核实后未多扣费，不予退款',
    });
    expect(d.status).toBe(200);
    expect(d.body).toMatchObject({ status: 'refused', decisionReason: '核实后未多扣费，不予退款' });
    expect((await timeline(c)).find((e) => e.action === 'compensation.refused')).toMatchObject({
      actor: { id: specialist.id },
      after: { status: 'refused', reason: '核实后未多扣费，不予退款' },
    });
    const decided = await unread(t.agent, 'compensation_decided');
    expect(decided.find((n) => n.subjectId === r.body.compensation.id)?.payload.approved).toBe(false);
    // a refused compensation does not block: the handler offers another within authority
    const v = (await t.agent.client.get(`/complaints/${c.id}`)).body.version;
    const other = await offer(
      t.agent.client,
      c,
      refund.id,
      { type: 'gift', amount: 20, wording: '赠送流量作为补偿' },
      v,
    );
    expect(other.body.compensation.status).toBe('approved');
    expect((await fulfil(t.agent.client, c.id, refund.id, other.body.complaintVersion)).status).toBe(200);
    // the specialist's own decisions
    const mine = await specialist.client.get('/compensations?status=refused,approved');
    expect(mine.body.items.map((i: Json) => i.id)).toContain(r.body.compensation.id);
  });

  it('the handler cancels a pending request with a reason; it then blocks nothing', async () => {
    const c = await complaint();
    const [refund] = c.demands;
    const r = await offer(t.agent.client, c, refund.id, { amount: 300 });
    const id = r.body.compensation.id;
    expect((await outsider.client.post(`/compensations/${id}/cancel`, { reason: '不是我的' })).status).toBe(
      404,
    );
    const stale = await t.agent.client.post(`/compensations/${id}/cancel`, {
      reason: 'x',
      version: c.version,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('STALE_VERSION');
    const x = await t.agent.client.post(`/compensations/${id}/cancel`, { reason: '客户改为要求赠送流量' });
    expect(x.status).toBe(200);
    expect(x.body.compensation).toMatchObject({
      status: 'cancelled',
      decisionReason: '客户改为要求赠送流量',
    });
    expect(x.body.complaintVersion).toBe(r.body.complaintVersion + 1);
    expect((await t.agent.client.post(`/compensations/${id}/cancel`, { reason: 'again' })).status).toBe(409);
    expect((await specialist.client.get('/compensations')).body.items.map((i: Json) => i.id)).not.toContain(
      id,
    );
    expect((await fulfil(t.agent.client, c.id, refund.id, x.body.complaintVersion)).status).toBe(200);
    // the complaint's compensations, for those who see it
    const list = await t.agent.client.get(`/compensations?complaintId=${c.id}`);
    expect(list.body.items.map((i: Json) => [i.id, i.status])).toEqual([[id, 'cancelled']]);
    expect((await outsider.client.get(`/compensations?complaintId=${c.id}`)).status).toBe(404);
  });

  it('above every approver’s limit it still waits, and nobody is notified', async () => {
    const c = await complaint(supervisor.client);
    const r = await offer(supervisor.client, c, c.demands[0].id, { amount: 6000 });
    expect(r.body.compensation.status).toBe('pending');
    expect(r.body.approval).toEqual({ reasons: ['above_limit'], limit: '5000.00', approversNotified: 0 });
    const d = await supervisor.client.post(`/compensations/${r.body.compensation.id}/decision`, {
      approve: true,
      reason: '自己批',
    });
    expect(d.status).toBe(403);
  });
});

describe('a withdrawn complaint', () => {
  it('leaves nothing to decide: its pending request leaves the queue and a decision is refused', async () => {
    const c = await complaint();
    const r = await offer(t.agent.client, c, c.demands[0].id, { amount: 100 });
    const id = r.body.compensation.id;
    const w = await t.agent.client.post(`/complaints/${c.id}/transitions`, {
      version: r.body.complaintVersion,
      action: 'withdraw',
      reason: '客户撤诉',
    });
    expect(w.status).toBe(200);
    expect((await specialist.client.get('/compensations')).body.items.map((i: Json) => i.id)).not.toContain(
      id,
    );
    const d = await specialist.client.post(`/compensations/${id}/decision`, {
      approve: true,
      reason: '同意',
    });
    // Withdrawal cancelled the request, with the reason on record: nothing is left to decide.
    expect(d.status).toBe(409);
    const after = (await t.agent.client.get(`/complaints/${c.id}`)).body;
    expect(after.compensations[0]).toMatchObject({ id, status: 'cancelled' });
  });
});

describe('the published contract', () => {
  it('documents the routes in the OpenAPI document', async () => {
    const doc = (await t.s.anonymous.get('/openapi.json')).body;
    for (const path of [
      '/api/v1/complaints/{id}/demands/{demandId}/compensations',
      '/api/v1/compensations',
      '/api/v1/compensations/{id}/decision',
      '/api/v1/compensations/{id}/cancel',
      '/api/v1/authority-limits',
      '/api/v1/authority-limits/mine',
      '/api/v1/authority-limits/roles/{role}',
      '/api/v1/authority-limits/teams/{teamId}',
    ]) {
      expect(doc.paths[path], path).toBeDefined();
    }
    const body =
      doc.paths['/api/v1/complaints/{id}/demands/{demandId}/compensations'].post.requestBody.content[
        'application/json'
      ].schema;
    expect(body.required).toEqual(expect.arrayContaining(['version', 'type', 'amount', 'wording']));
  });
});

describe('authority limits', () => {
  it('are admin settings: others get 403', async () => {
    for (const u of [t.agent, specialist, supervisor]) {
      expect((await u.client.get('/authority-limits')).status).toBe(403);
      const put = await u.client.request('PUT', '/authority-limits/roles/agent', { maxCompensation: 1000 });
      expect(put.status).toBe(403);
    }
    const r = await t.s.admin.get('/authority-limits');
    expect(r.status).toBe(200);
    expect(r.body.roles.find((l: Json) => l.role === 'agent')).toMatchObject({
      maxCompensation: '50.00',
      maxCompensationFen: 5000,
      approvalTypes: ['refund'],
      team: null,
    });
    expect(r.body.roles.map((l: Json) => l.role).sort()).toEqual(['agent', 'specialist', 'supervisor']);
  });

  it('a team’s limit wins over its role’s, and removing it falls back', async () => {
    const db = t.s.handle.db;
    const tier = await db.selectFrom('tiers').select('id').where('level', '=', 1).executeTakeFirstOrThrow();
    const team = await db
      .insertInto('teams')
      .values({ name: '大客户组', tier_id: tier.id, created_at: new Date() })
      .returning('id')
      .executeTakeFirstOrThrow();
    const vip = await t.s.user('agent', '大客户组');
    await db.updateTable('users').set({ team_id: team.id }).where('id', '=', vip.id).execute();

    expect(
      (
        await t.s.admin.request('PUT', `/authority-limits/teams/${crypto.randomUUID()}`, {
          maxCompensation: 1,
        })
      ).status,
    ).toBe(404);
    const bad = await t.s.admin.request('PUT', `/authority-limits/teams/${team.id}`, {
      maxCompensation: 10.005,
    });
    expect(bad.status).toBe(400);
    const put = await t.s.admin.request('PUT', `/authority-limits/teams/${team.id}`, {
      maxCompensation: 200,
      approvalTypes: [],
    });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({
      team: { id: team.id, name: '大客户组' },
      role: null,
      maxCompensation: '200.00',
    });
    expect((await t.s.admin.get('/authority-limits')).body.teams.map((l: Json) => l.team.id)).toEqual([
      team.id,
    ]);

    expect((await vip.client.get('/authority-limits/mine')).body).toEqual({
      maxCompensation: '200.00',
      maxCompensationFen: 20000,
      approvalTypes: [],
      source: 'team',
      decides: false,
    });
    expect((await t.agent.client.get('/authority-limits/mine')).body).toMatchObject({
      maxCompensation: '50.00',
      approvalTypes: ['refund'],
      source: 'role',
    });

    // the team's agent refunds 150 at once (no refund rule in the team's limit); the role's agent waits
    const c = await complaint(vip.client);
    const mineOffer = await offer(vip.client, c, c.demands[0].id, { type: 'refund', amount: 150 });
    expect(mineOffer.body.compensation.status).toBe('approved');
    const other = await complaint();
    const theirs = await offer(t.agent.client, other, other.demands[0].id, { type: 'refund', amount: 150 });
    expect(theirs.body.compensation.status).toBe('pending');

    const del = await t.s.admin.request('DELETE', `/authority-limits/teams/${team.id}`);
    expect(del.status).toBe(204);
    expect((await vip.client.get('/authority-limits/mine')).body).toMatchObject({
      maxCompensation: '50.00',
      source: 'role',
    });
    expect((await t.s.admin.request('DELETE', `/authority-limits/teams/${team.id}`)).status).toBe(404);
  });

  it('a role’s limit changes what its people grant at once, and is recorded', async () => {
    const put = await t.s.admin.request('PUT', '/authority-limits/roles/specialist', {
      maxCompensation: 1000,
      approvalTypes: ['gift'],
    });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({
      role: 'specialist',
      maxCompensation: '1000.00',
      approvalTypes: ['gift'],
    });
    const c = await complaint(specialist.client);
    const credit = await offer(specialist.client, c, c.demands[0].id, { amount: 800 });
    expect(credit.body.compensation.status).toBe('approved');
    const gift = await offer(
      specialist.client,
      c,
      c.demands[1].id,
      { type: 'gift', amount: 5 },
      credit.body.complaintVersion,
    );
    expect(gift.body.approval.reasons).toEqual(['type_needs_approval']);
    const audit = await t.s.handle.db
      .selectFrom('audit_events')
      .select(['action', 'before', 'after'])
      .where('action', '=', 'authority_limit.set')
      .where('entity_id', '=', put.body.id)
      .executeTakeFirstOrThrow();
    expect(audit.before).toMatchObject({ role: 'specialist', maxCompensation: '500.00' });
    expect(audit.after).toMatchObject({ maxCompensation: '1000.00', approvalTypes: ['gift'] });
  });
});
