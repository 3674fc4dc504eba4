// Escalation by tier through the real server: only for a reason, never for a skill problem; the
// owner stays; hand-back, take-over, the difficult-caller flag and the supervisors' review.
import { beforeAll, describe, expect, it } from 'vitest';
import { complaintBody, type Json, serverForFile, type TestUser } from '../helpers/test-server.ts';

const t = serverForFile();
let specialist: TestUser;
let supervisor: TestUser;
let colleague: TestUser;

beforeAll(async () => {
  specialist = await t.s.user('specialist', '专家席');
  supervisor = await t.s.user('supervisor', '一组');
  colleague = await t.s.user('agent', '一组');
});

async function accepted(phone = '13800138000'): Promise<Json> {
  const r = await t.agent.client.post('/complaints', complaintBody({ customer: { phone } }));
  expect(r.status).toBe(201);
  return r.body;
}

const escalate = (c: Json, body: Record<string, unknown>, client = t.agent.client) =>
  client.post(`/complaints/${c.id}/escalations`, {
    version: c.version,
    note: '客户要求的补偿超出一线权限',
    ...body,
  });

describe('escalating', () => {
  it('refuses a skill problem with advice, and any reason outside the five', async () => {
    const c = await accepted();
    let r = await escalate(c, { reason: 'lack_of_skill' });
    expect(r.status).toBe(422);
    expect(r.body.error).toMatchObject({
      code: 'ESCALATION_REASON_INVALID',
      details: { field: 'reason', skillProblem: true, advice: ['ask_colleague', 'knowledge_base'] },
    });
    expect(r.body.error.message).toContain('knowledge base');
    r = await escalate(c, { reason: '业务不熟' });
    expect(r.body.error.details.skillProblem).toBe(true);
    r = await escalate(c, { reason: 'boss_said_so' });
    expect(r.status).toBe(422);
    expect(r.body.error.details.allowed).toEqual([
      'beyond_authority',
      'beyond_resources',
      'customer_insists',
      'major_risk',
      'deadline_breached',
    ]);
    r = await escalate(c, { reason: 'beyond_authority', note: '' });
    expect(r.status).toBe(400);
    const after = await t.agent.client.get(`/complaints/${c.id}`);
    expect(after.body).toMatchObject({ version: c.version, tierLevel: 1, escalations: [] });
  });

  it('moves the complaint to the next tier; the owner stays, sees it, and is told when someone else escalates', async () => {
    let c = await accepted('13900139000');
    // Handed to a colleague of the same tier first; the colleague escalates.
    let r = await t.agent.client.post(`/complaints/${c.id}/transfer`, {
      version: c.version,
      handlerId: colleague.id,
      reason: '下班交接',
    });
    c = r.body;
    r = await escalate(c, { reason: 'customer_insists' }, colleague.client);
    expect(r.status).toBe(201);
    c = r.body;
    expect(c).toMatchObject({ tierLevel: 2, handler: null, owner: { id: t.agent.id } });
    expect(c.escalations).toMatchObject([
      {
        kind: 'escalation',
        reason: 'customer_insists',
        fromLevel: 1,
        toLevel: 2,
        fromHandler: { id: colleague.id },
        toHandler: null,
        automatic: false,
        review: null,
      },
    ]);
    expect(c.timeline.at(-1)).toMatchObject({ action: 'complaint.escalated', actor: { id: colleague.id } });

    // The owner keeps it in the "I own, others handle" view and was notified.
    const owned = await t.agent.client.get('/complaints?mine=owned_elsewhere');
    expect(owned.body.items.map((x: Json) => x.id)).toContain(c.id);
    const notes = (await t.agent.client.get('/notifications')).body.items;
    expect(notes.find((n: Json) => n.complaintId === c.id)).toMatchObject({ kind: 'complaint_escalated' });

    // The specialists find it in their tier's queue and may act on it; one picks it up.
    const queue = await specialist.client.get('/complaints?scope=tier_queue');
    expect(queue.body.items.map((x: Json) => x.id)).toContain(c.id);
    const seen = (await specialist.client.get(`/complaints/${c.id}`)).body;
    expect(seen.abilities.edit.allowed).toBe(true);
    expect(seen.abilities.pickUp.allowed).toBe(true);
    expect(seen.abilities.handBack).toMatchObject({
      allowed: true,
      details: { escalationId: c.escalations[0].id },
    });
    expect((await t.agent.client.get(`/complaints/${c.id}`)).body.abilities.pickUp).toMatchObject({
      allowed: false,
      code: 'FORBIDDEN',
    });
    expect((await t.agent.client.post(`/complaints/${c.id}/pick-up`, { version: c.version })).status).toBe(
      403,
    );
    r = await specialist.client.post(`/complaints/${c.id}/pick-up`, { version: c.version });
    expect(r.status).toBe(200);
    c = r.body;
    expect(c).toMatchObject({ handler: { id: specialist.id }, tierLevel: 2, owner: { id: t.agent.id } });
    expect(c.abilities.pickUp).toMatchObject({ allowed: false, code: 'CONFLICT' });
    expect(c.timeline.at(-1)).toMatchObject({ action: 'complaint.picked_up', actor: { id: specialist.id } });

    // Handed back down with instructions: to the tier and the person that escalated.
    r = await specialist.client.post(`/complaints/${c.id}/escalations/${c.escalations[0].id}/return`, {
      version: c.version,
      instructions: '按每月50元以内补偿处理，已与客户沟通',
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ tierLevel: 1, handler: { id: colleague.id }, owner: { id: t.agent.id } });
    expect(r.body.escalations.at(-1)).toMatchObject({ kind: 'return', fromLevel: 2, toLevel: 1 });
  });

  it('escalates to a named person of the next tier only', async () => {
    const c = await accepted('13700137000');
    let r = await escalate(c, { reason: 'beyond_resources', handlerId: colleague.id });
    expect(r.status).toBe(400);
    expect(r.body.error.details.issues[0].field).toBe('handlerId');
    r = await escalate(c, { reason: 'beyond_resources', handlerId: specialist.id });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ tierLevel: 2, handler: { id: specialist.id } });
    r = await escalate(r.body, { reason: 'major_risk', note: '客户称将向媒体投诉' }, specialist.client);
    expect(r.body.tierLevel).toBe(3);
    r = await escalate(r.body, { reason: 'major_risk' }, supervisor.client);
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('TOP_TIER');
  });
});

describe('supervisors', () => {
  it('are told at once of a difficult caller and may take the complaint over', async () => {
    let c = await accepted('13600136000');
    let r = await t.agent.client.post(`/complaints/${c.id}/difficult-caller`, {
      version: c.version,
      reason: '客户辱骂并威胁坐席',
    });
    expect(r.status).toBe(200);
    c = r.body;
    expect(c.difficultCaller).toEqual({ reason: '客户辱骂并威胁坐席' });
    const notes = (await supervisor.client.get('/notifications')).body.items;
    expect(notes.find((n: Json) => n.complaintId === c.id)).toMatchObject({ kind: 'difficult_caller' });

    expect(
      (await t.agent.client.post(`/complaints/${c.id}/take-over`, { version: c.version, note: 'x' })).status,
    ).toBe(403);
    r = await supervisor.client.post(`/complaints/${c.id}/take-over`, {
      version: c.version,
      note: '由班长接手',
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ handler: { id: supervisor.id }, tierLevel: 3, owner: { id: t.agent.id } });
    expect(r.body.escalations.at(-1)).toMatchObject({ kind: 'takeover', toHandler: { id: supervisor.id } });
  });

  it('review escalations: a queue of unreviewed ones, justified or not, once', async () => {
    const c = await accepted('13500135000');
    const esc = (await escalate(c, { reason: 'beyond_authority' })).body.escalations[0];
    expect((await t.agent.client.get('/escalations')).status).toBe(403);
    let q = await supervisor.client.get('/escalations?review=pending');
    expect(q.status).toBe(200);
    expect(q.body.items.find((i: Json) => i.id === esc.id)).toMatchObject({
      reason: 'beyond_authority',
      complaint: { id: c.id, owner: { id: t.agent.id } },
    });
    expect(
      (await t.agent.client.post(`/escalations/${esc.id}/review`, { result: 'justified', comment: 'x' }))
        .status,
    ).toBe(403);
    const r = await supervisor.client.post(`/escalations/${esc.id}/review`, {
      result: 'unjustified',
      comment: '一线权限内即可处理，应先请教同事',
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ review: 'unjustified', reviewedBy: { id: supervisor.id } });
    expect(
      (await supervisor.client.post(`/escalations/${esc.id}/review`, { result: 'justified', comment: 'x' }))
        .status,
    ).toBe(409);
    q = await supervisor.client.get('/escalations?review=pending');
    expect(q.body.items.some((i: Json) => i.id === esc.id)).toBe(false);
    const detail = await t.agent.client.get(`/complaints/${c.id}`);
    expect(detail.body.escalations[0]).toMatchObject({ review: 'unjustified' });
  });
});
