// Deadlines through the real server on a real database, on the real 2026 national calendar:
// 国庆 2026 is 10-01..10-07 off with Saturday 10-10 a working day (调休). The clock is pinned and
// moved by the test; the timer engine is swept by hand at chosen instants. The seeded default
// policy (一般投诉) asks: acceptance 4 h (24×7), first contact 1 working day, reply 3 working
// days, resolution 10 working days; 重大投诉 asks for a reply within 1 working day.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepOnce } from '../../src/jobs/timer-engine.ts';
import {
  type Client,
  complaintBody,
  type Json,
  startTestServer,
  type TestServer,
  type TestUser,
} from '../helpers/test-server.ts';

let now = new Date('2026-09-30T10:00:00+08:00');
const at = (iso: string) => {
  now = new Date(iso);
};
let s: TestServer;
let agent: TestUser;
let supervisor: TestUser;
let outsider: TestUser;
let department: TestUser;
let adminApi: Client;

beforeAll(async () => {
  s = await startTestServer({ clock: () => now });
  agent = await s.withToken(await s.user('agent', '一组'));
  supervisor = await s.withToken(await s.user('supervisor', '一组'));
  outsider = await s.withToken(await s.user('agent', '二组'));
  department = await s.withToken(await s.user('department'));
  const me = await s.admin.get('/me');
  adminApi = (await s.withToken({ ...me.body.user, client: s.admin } as TestUser)).client;
});
afterAll(() => s?.close());

/** A web complaint (no live contact at intake) received now and accepted by the agent. */
async function webComplaint(overrides: Record<string, unknown> = {}): Promise<Json> {
  const r = await agent.client.post('/complaints', complaintBody({ channel: 'web', ...overrides }));
  expect(r.status).toBe(201);
  return r.body;
}

const deadline = (c: Json, kind: string) => c.deadlines.find((d: Json) => d.kind === kind);

async function contact(c: Json, purpose: string, client: Client = agent.client): Promise<Json> {
  const r = await client.post(`/complaints/${c.id}/contacts`, {
    version: c.version,
    direction: 'outbound',
    channel: 'phone_out',
    purpose,
    outcome: 'reached',
  });
  expect(r.status).toBe(201);
  return r.body;
}

describe('deadlines of a new complaint, across 国庆', () => {
  it('counts three working days over the holiday and the adjusted Saturday', async () => {
    at('2026-09-30T10:00:00+08:00');
    const c = await webComplaint();
    expect(c.deadlines.map((d: Json) => d.kind)).toEqual([
      'acceptance',
      'first_contact',
      'reply',
      'resolution',
    ]);
    expect(deadline(c, 'acceptance')).toMatchObject({ state: 'met', late: false });
    // 10-08 (Thu) is the first working day after receipt, 10-09 the second, Saturday 10-10 the third.
    expect(deadline(c, 'first_contact')).toMatchObject({
      state: 'running',
      dueAt: '2026-10-08T02:00:00.000Z',
      target: { workingDays: 1 },
    });
    const reply = deadline(c, 'reply');
    expect(reply).toMatchObject({
      state: 'running',
      dueAt: '2026-10-10T02:00:00.000Z',
      provisional: false,
      target: { workingDays: 3 },
    });
    // 75% of 27 working hours (8 + 9 + 9 + 1) is 20 h 15 min: Friday 10-09 at 12:15.
    expect(reply.warnAt).toBe('2026-10-09T04:15:00.000Z');
    expect(deadline(c, 'resolution').dueAt).toBe('2026-10-20T02:00:00.000Z');
    expect(c.nextDeadline).toMatchObject({ kind: 'first_contact', state: 'running' });

    const list = await agent.client.get(`/complaints?text=${c.number}`);
    expect(list.body.items[0].nextDeadline).toMatchObject({
      kind: 'first_contact',
      dueAt: '2026-10-08T02:00:00.000Z',
    });
    expect(list.body.items[0].paused).toBe(false);
  });

  it('a complaint taken on a live call has had its first contact at receipt', async () => {
    at('2026-09-30T10:00:00+08:00');
    const r = await agent.client.post('/complaints', complaintBody({ channel: 'phone_in' }));
    expect(deadline(r.body, 'first_contact')).toMatchObject({ state: 'met', metAt: r.body.receivedAt });
    expect(r.body.nextDeadline.kind).toBe('reply');
  });

  it('a progress update is a reply: a reply without a result still meets the deadline', async () => {
    at('2026-09-30T10:00:00+08:00');
    let c = await webComplaint();
    at('2026-10-09T09:30:00+08:00');
    c = await contact(c, 'progress_update');
    expect(deadline(c, 'reply')).toMatchObject({
      state: 'met',
      late: false,
      metAt: '2026-10-09T01:30:00.000Z',
    });
    expect(deadline(c, 'first_contact')).toMatchObject({ state: 'met', late: true });
    expect(c.nextDeadline.kind).toBe('resolution');
    const met = c.timeline.filter((e: Json) => e.action === 'deadline.met').map((e: Json) => e.after.kind);
    expect(met.sort()).toEqual(['first_contact', 'reply']);
  });

  it('a clarifying call is contact but not yet a reply', async () => {
    at('2026-09-30T10:00:00+08:00');
    let c = await webComplaint();
    c = await contact(c, 'clarify');
    expect(deadline(c, 'first_contact').state).toBe('met');
    expect(deadline(c, 'reply').state).toBe('running');
  });

  it('recomputes when the severity changes, keeping the old due time in the timeline', async () => {
    at('2026-09-30T10:00:00+08:00');
    const c = await webComplaint();
    const r = await agent.client.patch(`/complaints/${c.id}`, { version: c.version, severity: 'major' });
    expect(r.status).toBe(200);
    expect(deadline(r.body, 'reply')).toMatchObject({
      dueAt: '2026-10-08T02:00:00.000Z',
      target: { workingDays: 1 },
    });
    const recomputed = r.body.timeline.find(
      (e: Json) => e.action === 'deadline.recomputed' && e.after.kind === 'reply',
    );
    expect(recomputed.before.dueAt).toBe('2026-10-10T02:00:00.000Z');
    expect(recomputed.after).toMatchObject({ dueAt: '2026-10-08T02:00:00.000Z', policy: '重大投诉' });
  });
});

describe('waiting for the customer', () => {
  it('stops the clock and adds the paused working time back', async () => {
    at('2026-09-30T10:00:00+08:00');
    let c = await webComplaint();
    at('2026-10-08T10:00:00+08:00');
    let r = await agent.client.post(`/complaints/${c.id}/pause`, {
      version: c.version,
      reason: '等待客户提供缴费凭证',
    });
    expect(r.status).toBe(200);
    c = r.body;
    expect(c.paused).toMatchObject({ reason: '等待客户提供缴费凭证' });
    expect(deadline(c, 'reply').state).toBe('paused');
    // first_contact was already breached (due 10-08 10:00): a pause does not hide a breach.
    expect(deadline(c, 'first_contact').state).toBe('breached');
    expect(c.abilities.pause).toMatchObject({ allowed: false, code: 'ALREADY_PAUSED' });

    r = await agent.client.post(`/complaints/${c.id}/pause`, { version: c.version, reason: 'again' });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('ALREADY_PAUSED');

    at('2026-10-08T15:00:00+08:00');
    r = await agent.client.post(`/complaints/${c.id}/resume`, { version: c.version });
    expect(r.status).toBe(200);
    c = r.body;
    expect(c.paused).toBeNull();
    // Five working hours later: Saturday 10-10 at 15:00 instead of 10:00.
    expect(deadline(c, 'reply')).toMatchObject({
      state: 'running',
      dueAt: '2026-10-10T07:00:00.000Z',
      pausedMs: 5 * 3_600_000,
    });
    const actions = c.timeline.map((e: Json) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'complaint.paused',
        'deadline.paused',
        'complaint.resumed',
        'deadline.resumed',
      ]),
    );

    r = await agent.client.post(`/complaints/${c.id}/resume`, { version: c.version });
    expect(r.body.error.code).toBe('NOT_PAUSED');
  });

  it('a pause needs a reason and a complaint being handled', async () => {
    at('2026-09-30T10:00:00+08:00');
    const c = await webComplaint();
    const r = await agent.client.post(`/complaints/${c.id}/pause`, { version: c.version, reason: ' ' });
    expect(r.status).toBe(400);
    expect(r.body.error.details.issues[0].field).toBe('reason');
  });
});

describe('promises to the customer', () => {
  it('flags a final result promised by a date, and keeps a call-back by the call', async () => {
    at('2026-09-30T10:00:00+08:00');
    let c = await webComplaint();
    let r = await agent.client.post(`/complaints/${c.id}/commitments`, {
      version: c.version,
      kind: 'call_back',
      description: '我们在三个工作日内给您最终的答复和结果',
      due: { workingDays: 3 },
    });
    expect(r.status).toBe(201);
    c = r.body;
    const promise = c.commitments[0];
    expect(promise).toMatchObject({
      source: 'agent',
      status: 'open',
      state: 'open',
      dueAt: '2026-10-10T02:00:00.000Z',
      madeBy: { id: agent.id },
    });
    expect(promise.wording[0]).toMatchObject({
      code: 'FINAL_RESULT_PROMISED',
      suggestion: '我们会在三个工作日内及时和您联系，回复您的投诉',
    });

    // An attempt that did not reach the customer keeps nothing.
    at('2026-10-08T11:00:00+08:00');
    r = await agent.client.post(`/complaints/${c.id}/contacts`, {
      version: c.version,
      direction: 'outbound',
      channel: 'phone_out',
      purpose: 'callback',
      outcome: 'no_answer',
    });
    c = r.body;
    expect(c.commitments[0].status).toBe('open');
    at('2026-10-08T11:10:00+08:00');
    c = await contact(c, 'callback');
    expect(c.commitments[0]).toMatchObject({ status: 'fulfilled', fulfilledBy: { id: agent.id } });
    expect(c.commitments[0].fulfilledContactId).toBe(c.contacts.at(-1).id);
  });

  it('cannot close while a promise is open; cancelling needs a reason', async () => {
    at('2026-09-30T10:00:00+08:00');
    let c = await webComplaint();
    let r = await agent.client.post(`/complaints/${c.id}/commitments`, {
      version: c.version,
      kind: 'send',
      description: '把核实后的账单明细发到您的邮箱',
      due: { workingHours: 4 },
    });
    c = r.body;
    const promiseId = c.commitments[0].id;
    for (const d of c.demands) {
      r = await agent.client.patch(`/complaints/${c.id}/demands/${d.id}`, {
        version: c.version,
        status: 'fulfilled',
        resolution: '已处理',
        customerInformed: true,
      });
      c = r.body;
    }
    r = await agent.client.post(`/complaints/${c.id}/transitions`, { action: 'resolve', version: c.version });
    c = r.body;
    expect(c.abilities.close).toMatchObject({ allowed: false, code: 'COMMITMENTS_OPEN' });
    r = await agent.client.post(`/complaints/${c.id}/transitions`, { action: 'close', version: c.version });
    expect(r.status).toBe(422);
    expect(r.body.error).toMatchObject({ code: 'COMMITMENTS_OPEN', details: { commitmentIds: [promiseId] } });

    r = await agent.client.post(`/complaints/${c.id}/commitments/${promiseId}/cancel`, {
      version: c.version,
    });
    expect(r.status).toBe(400);
    r = await agent.client.post(`/complaints/${c.id}/commitments/${promiseId}/fulfil`, {
      version: c.version,
      note: '账单明细已发送',
    });
    expect(r.status).toBe(200);
    c = r.body;
    expect(c.commitments[0]).toMatchObject({ status: 'fulfilled', fulfilNote: '账单明细已发送' });
    r = await agent.client.post(`/complaints/${c.id}/commitments/${promiseId}/cancel`, {
      version: c.version,
      reason: 'too late',
    });
    expect(r.body.error.code).toBe('COMMITMENT_CLOSED');
    r = await agent.client.post(`/complaints/${c.id}/transitions`, {
      action: 'close',
      version: c.version,
      analysis: { cause: 'communication', controllable: true, internal: true, reversible: true },
    });
    expect(r.status).toBe(200);
    // Closing ends what still ran: the resolution was met at resolve, nothing else is open.
    expect(r.body.deadlines.every((d: Json) => d.state === 'met' || d.state === 'cancelled')).toBe(true);
  });

  it("honours the customer's own time: no reminder before it, the reply deadline moves to it", async () => {
    at('2026-09-30T10:00:00+08:00');
    let c = await webComplaint();
    const r = await agent.client.post(`/complaints/${c.id}/commitments`, {
      version: c.version,
      source: 'customer',
      kind: 'call_back',
      description: '客户出差，要求10月12日上午10点后再联系',
      notBefore: { at: '2026-10-12T10:00:00+08:00' },
    });
    expect(r.status).toBe(201);
    c = r.body;
    // The window closes one working day after it opens.
    expect(c.commitments[0]).toMatchObject({
      source: 'customer',
      state: 'waiting',
      notBefore: '2026-10-12T02:00:00.000Z',
      dueAt: '2026-10-13T02:00:00.000Z',
      remindAt: '2026-10-12T02:00:00.000Z',
    });
    expect(deadline(c, 'reply')).toMatchObject({
      dueAt: '2026-10-13T02:00:00.000Z',
      deferredTo: '2026-10-13T02:00:00.000Z',
      warnAt: '2026-10-12T02:00:00.000Z',
    });
    expect(c.timeline.some((e: Json) => e.action === 'deadline.deferred' && e.after.kind === 'reply')).toBe(
      true,
    );

    // A call before the agreed time does not keep the customer's request.
    at('2026-10-09T10:00:00+08:00');
    c = await contact(c, 'clarify');
    expect(c.commitments[0].status).toBe('open');
    at('2026-10-12T10:30:00+08:00');
    c = await contact(c, 'progress_update');
    expect(c.commitments[0].status).toBe('fulfilled');
    expect(deadline(c, 'reply').state).toBe('met');
  });

  it('refuses a promise without a due time, in the past, or after closure', async () => {
    at('2026-09-30T10:00:00+08:00');
    const c = await webComplaint();
    let r = await agent.client.post(`/complaints/${c.id}/commitments`, {
      version: c.version,
      kind: 'reply',
      description: '尽快回复',
    });
    expect(r.status).toBe(400);
    expect(r.body.error.details.issues[0].field).toBe('due');
    r = await agent.client.post(`/complaints/${c.id}/commitments`, {
      version: c.version,
      kind: 'reply',
      description: '回复',
      due: { at: '2026-09-29T10:00:00+08:00' },
    });
    expect(r.status).toBe(400);
    r = await agent.client.post(`/complaints/${c.id}/commitments`, {
      version: c.version,
      kind: 'reply',
      description: '回复',
      due: { workingDays: 2, calendarHours: 3 },
    });
    expect(r.status).toBe(400);
    const after = await agent.client.get(`/complaints/${c.id}`);
    expect(after.body.commitments).toEqual([]);
    expect(after.body.version).toBe(c.version);
  });
});

describe('the timer engine', () => {
  it('warns, records breaches at their true time, notifies handler, owner and supervisor, once', async () => {
    at('2026-09-30T10:00:00+08:00');
    const c = await webComplaint();
    // Two days late (the server was down): the warning of the reply and the breach of the first
    // contact are both past at 13:00 on 10-09.
    const result = await sweepOnce(s.handle.db, new Date('2026-10-09T13:00:00+08:00'));
    expect(result.warned).toBeGreaterThanOrEqual(1);
    let r = await agent.client.get(`/complaints/${c.id}`);
    const first = deadline(r.body, 'first_contact');
    expect(first.breachedAt).toBe(first.dueAt);
    expect(deadline(r.body, 'reply').warnedAt).toBe('2026-10-09T04:15:00.000Z');
    const engineEvents = r.body.timeline.filter((e: Json) => e.actor === null).map((e: Json) => e.action);
    expect(engineEvents).toEqual(expect.arrayContaining(['deadline.breached', 'deadline.warned']));

    const mine = await supervisor.client.get('/notifications?unread=true');
    const forThis = mine.body.items.filter((n: Json) => n.complaintId === c.id);
    expect(forThis.map((n: Json) => n.kind).sort()).toEqual(['deadline_at_risk', 'deadline_breached']);
    expect(forThis[0].payload.number).toBe(c.number);
    const unread = mine.body.unread;
    const agentNotes = (await agent.client.get('/notifications?limit=200')).body.items;
    // The agent is owner and handler: one notice each, not two.
    expect(agentNotes.filter((n: Json) => n.complaintId === c.id)).toHaveLength(2);
    const outsiderNotes = (await outsider.client.get('/notifications')).body.items;
    expect(outsiderNotes.filter((n: Json) => n.complaintId === c.id)).toHaveLength(0);

    // Sweeping the same instant again fires nothing.
    const again = await sweepOnce(s.handle.db, new Date('2026-10-09T13:00:00+08:00'));
    expect(again).toMatchObject({ warned: 0, breached: 0, notifications: 0 });

    // Marking read: only one's own.
    r = await outsider.client.post('/notifications/read', { ids: forThis.map((n: Json) => n.id) });
    expect(r.body.marked).toBe(0);
    r = await supervisor.client.post('/notifications/read', { ids: [forThis[0].id] });
    expect(r.body).toEqual({ marked: 1, unread: unread - 1 });
    r = await supervisor.client.post('/notifications/read', { all: true });
    expect(r.body.unread).toBe(0);
  });

  it('lists what is at risk and breached for the supervisor, scoped for agents', async () => {
    at('2026-09-30T10:00:00+08:00');
    const c = await webComplaint({ severity: 'major' });
    at('2026-10-08T15:00:00+08:00');
    const board = await supervisor.client.get('/deadlines?state=breached&kind=first_contact');
    expect(board.status).toBe(200);
    const row = board.body.items.find((i: Json) => i.complaint.id === c.id);
    expect(row).toMatchObject({
      kind: 'first_contact',
      state: 'breached',
      complaint: { number: c.number, severity: 'major', handler: { id: agent.id } },
    });
    expect(board.body.counts.breached).toBeGreaterThanOrEqual(1);
    const other = await outsider.client.get('/deadlines');
    expect(other.body.items.some((i: Json) => i.complaint.id === c.id)).toBe(false);
    expect((await department.client.get('/deadlines')).status).toBe(403);
    expect((await supervisor.client.get('/deadlines?state=late')).status).toBe(400);
  });

  it('asks for escalation when a policy says so (major complaints), exactly once', async () => {
    at('2026-09-30T10:00:00+08:00');
    const c = await webComplaint({ severity: 'major' });
    await sweepOnce(s.handle.db, new Date('2026-10-21T10:00:00+08:00'));
    await sweepOnce(s.handle.db, new Date('2026-10-22T10:00:00+08:00'));
    const r = await agent.client.get(`/complaints/${c.id}`);
    const asks = r.body.timeline.filter((e: Json) => e.action === 'deadline.escalation_requested');
    // first contact, reply and resolution all ran out; each asks once.
    expect(asks.map((e: Json) => e.after.kind).sort()).toEqual(['first_contact', 'reply', 'resolution']);
    expect(asks.every((e: Json) => e.after.reason === 'deadline_breached')).toBe(true);
  });

  it('reminds of a promise coming due and reports it overdue', async () => {
    at('2026-09-30T10:00:00+08:00');
    let c = await webComplaint();
    const r = await agent.client.post(`/complaints/${c.id}/commitments`, {
      version: c.version,
      kind: 'call_back',
      description: '明天上午给您回电',
      due: { at: '2026-10-08T12:00:00+08:00' },
    });
    c = r.body;
    await sweepOnce(s.handle.db, new Date('2026-10-08T11:00:00+08:00'));
    at('2026-10-08T12:30:00+08:00');
    await sweepOnce(s.handle.db, now);
    const notes = (await agent.client.get('/notifications?limit=200')).body.items.filter(
      (n: Json) => n.subjectId === c.commitments[0].id,
    );
    expect(notes.map((n: Json) => n.kind).sort()).toEqual(['commitment_due_soon', 'commitment_overdue']);
    const after = await agent.client.get(`/complaints/${c.id}`);
    expect(after.body.commitments[0]).toMatchObject({
      state: 'overdue',
      breachedAt: '2026-10-08T04:00:00.000Z',
    });
  });
});

describe('a year without official data', () => {
  it('counts weekends only, marks the deadline provisional, and re-times it once the year is imported', async () => {
    at('2026-12-21T10:00:00+08:00');
    const c = await webComplaint();
    // Ten working days from Monday 12-21: 2027-01-01 is a weekday without data, so it counts.
    expect(deadline(c, 'resolution')).toMatchObject({ dueAt: '2027-01-04T02:00:00.000Z', provisional: true });
    expect(deadline(c, 'reply')).toMatchObject({ dueAt: '2026-12-24T02:00:00.000Z', provisional: false });

    const r = await adminApi.post('/calendar/schedules', {
      year: 2027,
      source: '测试：2027年元旦',
      holidays: { '2027-01-01': '元旦' },
      workdays: {},
    });
    expect(r.status).toBe(201);
    expect(r.body.retimedComplaints).toBeGreaterThanOrEqual(1);
    const after = (await agent.client.get(`/complaints/${c.id}`)).body;
    expect(deadline(after, 'resolution')).toMatchObject({
      dueAt: '2027-01-05T02:00:00.000Z',
      provisional: false,
    });
    const moved = after.timeline.find((e: Json) => e.action === 'deadline.recomputed');
    expect(moved).toMatchObject({
      before: { dueAt: '2027-01-04T02:00:00.000Z' },
      actor: { name: '系统管理员' },
    });
  });
});

describe('a changed policy', () => {
  it('re-times open deadlines at the next change, or all at once on POST /deadlines/resync', async () => {
    at('2026-09-30T10:00:00+08:00');
    const c = await webComplaint();
    expect(deadline(c, 'reply').dueAt).toBe('2026-10-10T02:00:00.000Z');
    const policies = (await adminApi.get('/sla-policies')).body.items;
    const normal = policies.find((p: Json) => p.name === '一般投诉');
    let r = await adminApi.patch(`/sla-policies/${normal.id}`, {
      targets: { ...normal.targets, reply: { workingDays: 2 } },
    });
    expect(r.status).toBe(200);
    // Nothing moves by itself …
    expect(deadline((await agent.client.get(`/complaints/${c.id}`)).body, 'reply').dueAt).toBe(
      '2026-10-10T02:00:00.000Z',
    );
    expect((await agent.client.post('/deadlines/resync', {})).status).toBe(403);
    r = await adminApi.post('/deadlines/resync', {});
    expect(r.status).toBe(200);
    expect(r.body.complaints).toBeGreaterThanOrEqual(1);
    // … until the resync: two working days after 09-30 is Friday 10-09.
    const after = (await agent.client.get(`/complaints/${c.id}`)).body;
    expect(deadline(after, 'reply').dueAt).toBe('2026-10-09T02:00:00.000Z');
    expect(after.version).toBe(c.version);
  });
});

describe('a team without a supervisor', () => {
  it('has its breaches told to every supervisor, so none goes unseen', async () => {
    at('2026-09-30T10:00:00+08:00');
    const r = await outsider.client.post('/complaints', complaintBody({ channel: 'web' }));
    expect(r.status).toBe(201);
    await sweepOnce(s.handle.db, new Date('2026-10-08T11:00:00+08:00'));
    const notes = (await supervisor.client.get('/notifications?limit=200')).body.items;
    const breach = notes.find((n: Json) => n.complaintId === r.body.id && n.kind === 'deadline_breached');
    expect(breach?.payload).toMatchObject({ number: r.body.number, deadlineKind: 'first_contact' });
  });
});
