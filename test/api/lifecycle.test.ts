// The full life of a complaint through the real HTTP server, and every refusal on the way.
import { describe, expect, it } from 'vitest';
import { type Client, complaintBody, type Json, serverForFile } from '../helpers/test-server.ts';

const t = serverForFile();

async function transition(client: Client, c: Json, body: Record<string, unknown>) {
  return client.post(`/complaints/${c.id}/transitions`, { version: c.version, ...body });
}

describe('a complaint taken on a call, from acceptance to closure', () => {
  it('walks every stage and refuses each shortcut with the rule that blocks it', async () => {
    const a = t.agent.client;
    const created = await a.post('/complaints', complaintBody({ severity: 'major' }));
    expect(created.status).toBe(201);
    let c = created.body;
    expect(c.number).toMatch(/^TS\d{12}$/);
    expect(c.status).toBe('accepted');
    expect(c.owner).toEqual({ id: t.agent.id, name: expect.any(String) });
    expect(c.handler.id).toBe(t.agent.id);
    expect(c.demands).toHaveLength(2);
    expect(c.demands.map((d: Json) => d.status)).toEqual(['open', 'open']);
    expect(c.customer.phone).toBe('138 0013 8000');
    const [refund, explain] = c.demands;
    // the answer to the creation is the complaint exactly as a later read shows it
    const { timeline: _t, contacts: _k, ...fetched } = (await a.get(`/complaints/${c.id}`)).body;
    const { timeline: _t2, contacts: _k2, ...answered } = c;
    expect(answered).toEqual(fetched);

    // close is not possible from accepted
    let r = await transition(a, c, { action: 'close', summary: 'x' });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('INVALID_TRANSITION');

    // resolve with both demands open names both
    r = await transition(a, c, { action: 'resolve' });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('DEMANDS_OPEN');
    expect(new Set(r.body.error.details.demandIds)).toEqual(new Set([refund.id, explain.id]));
    expect(c.abilities.resolve.allowed).toBe(false);

    r = await transition(a, c, { action: 'start' });
    expect(r.status).toBe(200);
    c = r.body;
    expect(c.status).toBe('in_progress');
    expect(c.version).toBe(2);

    // fulfilling needs a resolution
    r = await a.patch(`/complaints/${c.id}/demands/${refund.id}`, {
      version: c.version,
      status: 'fulfilled',
    });
    expect(r.status).toBe(400);
    expect(r.body.error.details.issues[0].field).toBe('resolution');

    r = await a.patch(`/complaints/${c.id}/demands/${refund.id}`, {
      version: c.version,
      status: 'fulfilled',
      resolution: '已退还58元至话费账户',
      customerInformed: true,
    });
    expect(r.status).toBe(200);
    c = r.body;

    r = await transition(a, c, { action: 'resolve' });
    expect(r.body.error.code).toBe('DEMANDS_OPEN');
    expect(r.body.error.details.demandIds).toEqual([explain.id]);

    r = await a.patch(`/complaints/${c.id}/demands/${explain.id}`, {
      version: c.version,
      status: 'declined',
      resolution: '业务由客户本人短信确认开通，无法认定为误开',
    });
    expect(r.status).toBe(200);
    c = r.body;
    expect(c.abilities.resolve.allowed).toBe(true);

    r = await transition(a, c, { action: 'resolve', resolutionClass: 'short_term' });
    expect(r.status).toBe(200);
    c = r.body;
    expect(c.status).toBe('resolved');
    expect(c.resolutionClass).toBe('short_term');

    // a resolved complaint takes no new demand and no outcome change
    r = await a.post(`/complaints/${c.id}/demands`, {
      version: c.version,
      type: 'apology',
      description: '要求道歉',
    });
    expect(r.body.error.code).toBe('DEMAND_LOCKED');

    // closing: the declined demand was not explained, and a major complaint needs a summary
    r = await transition(a, c, { action: 'close' });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('DEMANDS_NOT_INFORMED');
    expect(r.body.error.details.demandIds).toEqual([explain.id]);
    expect(r.body.error.details.violations.map((v: Json) => v.code)).toEqual([
      'DEMANDS_NOT_INFORMED',
      'SUMMARY_REQUIRED',
      'ANALYSIS_MISSING',
    ]);

    r = await a.post(`/complaints/${c.id}/contacts`, {
      version: c.version,
      direction: 'outbound',
      channel: 'phone_out',
      purpose: 'inform_result',
      outcome: 'reached',
      notes: '告知客户开通记录及处理结果，客户表示理解',
    });
    expect(r.status).toBe(201);
    c = r.body;
    expect(c.contacts).toHaveLength(1);

    r = await a.patch(`/complaints/${c.id}/demands/${explain.id}`, {
      version: c.version,
      customerInformed: true,
    });
    expect(r.status).toBe(200);
    c = r.body;

    r = await transition(a, c, { action: 'close' });
    expect(r.body.error.code).toBe('SUMMARY_REQUIRED');
    expect(c.abilities.close).toEqual({ allowed: true, requires: ['summary', 'analysis'] });

    r = await transition(a, c, {
      action: 'close',
      summary: '增值业务争议：退还58元，解释开通记录，客户满意。',
      analysis: { cause: 'communication', controllable: true, internal: true, reversible: true },
    });
    expect(r.status).toBe(200);
    c = r.body;
    expect(c.status).toBe('closed');
    expect(c.closeReason).toBe('completed');
    expect(c.stage).toBe('done');

    // closed means final: no demand changes; reopen needs a reason and is counted
    r = await a.patch(`/complaints/${c.id}/demands/${explain.id}`, { version: c.version, resolution: 'x' });
    expect(r.body.error.code).toBe('COMPLAINT_CLOSED');
    r = await transition(a, c, { action: 'reopen' });
    expect(r.body.error.code).toBe('REASON_REQUIRED');
    r = await transition(a, c, { action: 'reopen', reason: '客户来电表示退款未到账' });
    expect(r.status).toBe(200);
    c = r.body;
    expect(c.status).toBe('in_progress');
    expect(c.reopenCount).toBe(1);
    expect(c.closedAt).toBeNull();
    expect(c.owner.id).toBe(t.agent.id);

    const actions = c.timeline.map((t: Json) => t.action);
    expect(actions).toEqual([
      'complaint.created',
      'demand.added',
      'demand.added',
      'complaint.accept',
      // acceptance, first contact, reply and resolution deadlines of the default policy
      'deadline.set',
      'deadline.set',
      'deadline.set',
      'deadline.set',
      'complaint.start',
      'demand.updated',
      'demand.updated',
      'complaint.resolve',
      'deadline.met', // resolution
      'contact.logged',
      'deadline.met', // reply: the call told the customer the result
      'demand.updated',
      'complaint.analysed',
      'complaint.close',
      'complaint.reopen',
      'deadline.reopened', // resolution starts again
    ]);
    const reopen = c.timeline.findLast((e: Json) => e.action === 'complaint.reopen');
    expect(reopen.before.status).toBe('closed');
    expect(reopen.after).toMatchObject({ status: 'in_progress', reason: '客户来电表示退款未到账' });
    expect(reopen.actor.id).toBe(t.agent.id);
  });
});

describe('closing before resolving', () => {
  it('is INVALID_TRANSITION and names the demands still open, here and in the abilities', async () => {
    const created = await t.agent.client.post('/complaints', complaintBody({ severity: 'major' }));
    const c = created.body;
    expect(c.status).toBe('accepted');
    const openIds = c.demands.map((d: Json) => d.id);
    const r = await transition(t.agent.client, c, { action: 'close' });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('INVALID_TRANSITION');
    expect(r.body.error.message).toBe('Cannot close a complaint that is accepted');
    const violations = r.body.error.details.violations as Json[];
    expect(violations.map((v) => v.code)).toEqual([
      'INVALID_TRANSITION',
      'DEMANDS_OPEN',
      'SUMMARY_REQUIRED',
      'ANALYSIS_MISSING',
    ]);
    expect(violations[1].details.demandIds).toEqual(openIds);
    const close = c.abilities.close;
    expect(close).toMatchObject({ allowed: false, code: 'INVALID_TRANSITION' });
    expect(close.details.violations.map((v: Json) => v.code)).toEqual(['INVALID_TRANSITION', 'DEMANDS_OPEN']);
    expect(close.details.violations[1].details.demandIds).toEqual(openIds);
  });
});

describe('complaints that arrive unconfirmed', () => {
  it('stay new until someone accepts them, and the acceptor becomes the owner', async () => {
    const web = await t.agent.client.post(
      '/complaints',
      complaintBody({
        channel: 'web',
        confirmed: false,
        demands: [],
        customer: { phone: '+86 139 1111 2222' },
      }),
    );
    expect(web.status).toBe(201);
    let c = web.body;
    expect(c.status).toBe('new');
    expect(c.owner).toBeNull();

    const other = await t.s.user('agent', '二组');
    let r = await transition(other.client, c, { action: 'accept', confirmed: true });
    expect(r.body.error.code).toBe('NO_DEMANDS');

    r = await other.client.post(`/complaints/${c.id}/demands`, {
      version: c.version,
      type: 'fix',
      description: '尽快修好宽带',
    });
    expect(r.status).toBe(201);
    c = r.body;
    r = await transition(other.client, c, { action: 'accept' });
    expect(r.body.error.code).toBe('NOT_CONFIRMED');
    r = await transition(other.client, c, { action: 'accept', confirmed: true });
    expect(r.status).toBe(200);
    c = r.body;
    expect(c.status).toBe('accepted');
    expect(c.owner.id).toBe(other.id);
    expect(c.team).toBe('二组');
  });

  it('can be withdrawn with a reason, from any open state', async () => {
    const created = await t.agent.client.post(
      '/complaints',
      complaintBody({ customer: { phone: '13700001111' } }),
    );
    const c = created.body;
    let r = await transition(t.agent.client, c, { action: 'withdraw', reason: '  ' });
    expect(r.body.error.code).toBe('REASON_REQUIRED');
    r = await transition(t.agent.client, c, {
      action: 'withdraw',
      reason: '客户表示问题已自行解决，撤销投诉',
    });
    expect(r.status).toBe(200);
    expect(r.body.status).toBe('closed');
    expect(r.body.closeReason).toBe('withdrawn');
    expect(r.body.withdrawReason).toBe('客户表示问题已自行解决，撤销投诉');
  });
});

describe('the owner is fixed; a transfer changes the handler with a reason', () => {
  it('transfers within the tier and keeps the first-contact owner; up a tier is an escalation', async () => {
    const specialist = await t.s.user('specialist', '专家席');
    const colleague = await t.s.user('agent', '二组');
    const c = (
      await t.agent.client.post('/complaints', complaintBody({ customer: { phone: '13600002222' } }))
    ).body;
    let r = await t.agent.client.post(`/complaints/${c.id}/transfer`, {
      version: c.version,
      handlerId: colleague.id,
    });
    expect(r.status).toBe(400);
    expect(r.body.error.details.issues[0].field).toBe('reason');
    r = await t.agent.client.post(`/complaints/${c.id}/transfer`, {
      version: c.version,
      handlerId: specialist.id,
      reason: '涉及补偿金额超出一线权限',
    });
    expect(r.status).toBe(400);
    expect(r.body.error.details.issues[0].message).toContain('escalate');
    r = await t.agent.client.post(`/complaints/${c.id}/transfer`, {
      version: c.version,
      handlerId: colleague.id,
      reason: '涉及补偿金额超出一线权限',
    });
    expect(r.status).toBe(200);
    expect(r.body.owner.id).toBe(t.agent.id);
    expect(r.body.handler.id).toBe(colleague.id);
    // the colleague now sees and handles it although it belongs to another team
    const seen = await colleague.client.get(`/complaints/${c.number}`);
    expect(seen.status).toBe(200);
    expect(seen.body.abilities.start.allowed).toBe(true);
    const last = r.body.timeline.at(-1);
    expect(last.action).toBe('complaint.transferred');
    expect(last.after.reason).toBe('涉及补偿金额超出一线权限');
  });
});

describe('editing the record', () => {
  it('keeps old values in the timeline and reserves the malicious judgement for specialists', async () => {
    const c = (
      await t.agent.client.post('/complaints', complaintBody({ customer: { phone: '13500003333' } }))
    ).body;
    let r = await t.agent.client.patch(`/complaints/${c.id}`, {
      version: c.version,
      customerType: 'malicious_claim',
    });
    expect(r.status).toBe(403);
    r = await t.agent.client.patch(`/complaints/${c.id}`, {
      version: c.version,
      severity: 'crisis',
      verifiedFacts: '系统记录显示业务于10月3日开通',
      customerType: 'emotional_venting',
    });
    expect(r.status).toBe(200);
    expect(r.body.severity).toBe('crisis');
    const last = r.body.timeline.findLast((e: Json) => e.entity === 'complaint');
    expect(last.action).toBe('complaint.updated');
    // A crisis runs on a tighter policy: the open deadlines were recomputed in the same change.
    expect(r.body.timeline.at(-1).action).toBe('deadline.recomputed');
    expect(last.before).toMatchObject({ severity: 'normal', customer_type: null });
    expect(last.after).toMatchObject({ severity: 'crisis', customer_type: 'emotional_venting' });

    // the same values again change nothing: no new version, no timeline row
    const again = await t.agent.client.patch(`/complaints/${c.id}`, {
      version: r.body.version,
      severity: 'crisis',
    });
    expect(again.status).toBe(200);
    expect(again.body.version).toBe(r.body.version);
    expect(again.body.timeline).toHaveLength(r.body.timeline.length);
  });
});
