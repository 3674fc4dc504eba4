// Department work orders (内部工单) through the real server on a real database, on the real 2026
// national calendar (国庆 2026: 10-01..10-07 off). The clock is pinned and moved by the tests; the
// timer engine is swept by hand. Departments: 计费中心 and 网络运维部 on the standard calendar
// (Monday–Friday 09:00–18:00), 物流部 on the 24×7 one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepOnce } from '../../src/jobs/timer-engine.ts';
import {
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
let billing: { id: string; staff: TestUser; colleague: TestUser };
let network: { id: string; staff: TestUser };
let logistics: { id: string; staff: TestUser };

let seq = 0;
async function departmentUser(departmentId: string): Promise<TestUser> {
  seq += 1;
  const login = `dept${seq}`;
  const r = await s.admin.post('/users', {
    login,
    password: 'password-123',
    name: `部门员工${seq}`,
    role: 'department',
    departmentId,
  });
  expect(r.status).toBe(201);
  return s.withToken({ id: r.body.user.id, login, role: 'department', team: null, client: s.admin });
}

async function department(name: string, calendarId?: string): Promise<string> {
  const r = await s.admin.post('/departments', { name, ...(calendarId ? { calendarId } : {}) });
  expect(r.status).toBe(201);
  return r.body.id;
}

beforeAll(async () => {
  s = await startTestServer({ clock: () => now });
  agent = await s.withToken(await s.user('agent', '一组'));
  supervisor = await s.withToken(await s.user('supervisor', '一组'));
  outsider = await s.withToken(await s.user('agent', '二组'));
  const calendars = await s.admin.get('/calendars');
  const allDay = calendars.body.items.find((c: Json) => c.code === 'front_line_24x7').id;
  const billingId = await department('计费中心');
  const networkId = await department('网络运维部');
  const logisticsId = await department('物流部', allDay);
  billing = {
    id: billingId,
    staff: await departmentUser(billingId),
    colleague: await departmentUser(billingId),
  };
  network = { id: networkId, staff: await departmentUser(networkId) };
  logistics = { id: logisticsId, staff: await departmentUser(logisticsId) };
});
afterAll(() => s?.close());

async function newComplaint(overrides: Record<string, unknown> = {}): Promise<Json> {
  const r = await agent.client.post('/complaints', complaintBody(overrides));
  expect(r.status).toBe(201);
  return r.body;
}

async function complaint(id: string): Promise<Json> {
  const r = await agent.client.get(`/complaints/${id}`);
  expect(r.status).toBe(200);
  return r.body;
}

async function send(c: Json, departmentId: string, extra: Record<string, unknown> = {}): Promise<Json> {
  const r = await agent.client.post(`/complaints/${c.id}/work-orders`, {
    departmentId,
    request: '请核实该用户9月是否订购了增值业务，订购渠道和时间',
    version: c.version,
    ...extra,
  });
  expect(r.status).toBe(201);
  return r.body;
}

/** Answers every demand of the complaint, so that only the work orders stand in the way. */
async function answerDemands(c: Json): Promise<Json> {
  let current = c;
  for (const d of c.demands) {
    const r = await agent.client.patch(`/complaints/${c.id}/demands/${d.id}`, {
      version: current.version,
      status: 'fulfilled',
      resolution: '已处理',
      customerInformed: true,
    });
    expect(r.status).toBe(200);
    current = r.body;
  }
  return current;
}

const transition = (c: Json, body: Record<string, unknown>) =>
  agent.client.post(`/complaints/${c.id}/transitions`, { version: c.version, ...body });

/** The notices about one work order after it arrived (the arrival notice itself left out). */
async function notesOf(u: TestUser, workOrderId: string): Promise<Json[]> {
  const r = await u.client.get('/notifications?limit=200');
  expect(r.status).toBe(200);
  return r.body.items.filter((n: Json) => n.subjectId === workOrderId && n.kind !== 'work_order_received');
}

const timelineOf = async (complaintId: string, workOrderId: string) =>
  (await complaint(complaintId)).timeline.filter((e: Json) => e.entityId === workOrderId);

describe('sending a work order', () => {
  it("is a change to the complaint, due in two working days on the department's calendar", async () => {
    at('2026-09-30T10:00:00+08:00');
    const c = await newComplaint();
    const w = await send(c, billing.id, {
      facts: '客户称未订购，账单显示9月3日开通“彩铃畅听”',
      attachments: [{ name: '账单截图', ref: 'doc://bills/2026-09/42' }],
    });
    // 10-01..10-07 are 国庆: the 1st working day after receipt is 10-08, the 2nd 10-09.
    expect(w).toMatchObject({
      status: 'open',
      state: 'open',
      dueAt: '2026-10-09T02:00:00.000Z',
      // 75 % of 18 working hours (8 + 9 + 1): 10-08 at 14:30.
      warnAt: '2026-10-08T06:30:00.000Z',
      provisional: false,
      department: { id: billing.id, name: '计费中心' },
      request: '请核实该用户9月是否订购了增值业务，订购渠道和时间',
      facts: '客户称未订购，账单显示9月3日开通“彩铃畅听”',
      attachments: [{ name: '账单截图', ref: 'doc://bills/2026-09/42' }],
      createdBy: { id: agent.id },
      passCount: 0,
      flaggedAt: null,
      complaint: { id: c.id, number: c.number, version: c.version + 1 },
      abilities: {
        cancel: { allowed: true },
        answer: { allowed: false },
        decideExtension: { allowed: false },
      },
    });
    const after = await complaint(c.id);
    expect(after.version).toBe(c.version + 1);
    const sent = after.timeline.find((e: Json) => e.action === 'work_order.sent');
    expect(sent).toMatchObject({
      entity: 'work_order',
      entityId: w.id,
      actor: { id: agent.id },
      after: { departmentId: billing.id, department: '计费中心', dueAt: '2026-10-09T02:00:00.000Z' },
    });
  });

  it("counts on the department's own calendar (物流部 works every day) and takes an explicit time", async () => {
    at('2026-09-30T10:00:00+08:00');
    let c = await newComplaint();
    const w = await send(c, logistics.id);
    expect(w.dueAt).toBe('2026-10-02T02:00:00.000Z');
    c = await complaint(c.id);
    const hours = await send(c, billing.id, { due: { workingHours: 4 } });
    expect(hours.dueAt).toBe('2026-09-30T06:00:00.000Z');
    c = await complaint(c.id);
    const exact = await send(c, billing.id, { due: { at: '2026-10-08T17:00:00+08:00' } });
    expect(exact.dueAt).toBe('2026-10-08T09:00:00.000Z');
  });

  it('refuses a stale version, an unknown department, a past time, and a closed complaint', async () => {
    at('2026-09-30T10:00:00+08:00');
    const c = await newComplaint();
    const body = { departmentId: billing.id, request: '请核实', version: c.version };
    let r = await agent.client.post(`/complaints/${c.id}/work-orders`, { ...body, version: c.version + 5 });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('STALE_VERSION');
    r = await agent.client.post(`/complaints/${c.id}/work-orders`, {
      ...body,
      departmentId: '00000000-0000-4000-8000-000000000000',
    });
    expect(r.status).toBe(400);
    expect(r.body.error.details.issues).toEqual([
      { field: 'departmentId', message: 'unknown or inactive department' },
    ]);
    r = await agent.client.post(`/complaints/${c.id}/work-orders`, {
      ...body,
      due: { at: '2026-09-30T09:00:00+08:00' },
    });
    expect(r.status).toBe(400);
    expect(r.body.error.details.issues[0].field).toBe('due');
    r = await agent.client.post(`/complaints/${c.id}/work-orders`, { ...body, request: '' });
    expect(r.status).toBe(400);
    expect(r.body.error.details.issues[0].field).toBe('request');
    // Someone outside the complaint's scope does not learn of it.
    r = await outsider.client.post(`/complaints/${c.id}/work-orders`, body);
    expect(r.status).toBe(404);
    r = await billing.staff.client.post(`/complaints/${c.id}/work-orders`, body);
    expect(r.status).toBe(404);

    const w = await send(c, network.id);
    const withdrawn = await transition(await complaint(c.id), { action: 'withdraw', reason: '客户撤诉' });
    expect(withdrawn.status).toBe(200);
    r = await agent.client.post(`/complaints/${c.id}/work-orders`, {
      ...body,
      version: withdrawn.body.version,
    });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('COMPLAINT_CLOSED');
    // Withdrawing cancelled the open work order, with the reason.
    const seen = await network.staff.client.get(`/work-orders/${w.id}`);
    expect(seen.body).toMatchObject({
      status: 'cancelled',
      state: 'cancelled',
      cancelReason: 'withdrawn: 客户撤诉',
    });
  });
});

describe("a department's view", () => {
  it('sees its own inbox only, never the complaints; the phone masked and no customer name', async () => {
    at('2026-09-30T10:00:00+08:00');
    const c = await newComplaint({ customer: { phone: '139 1234 5678', name: '李先生' } });
    const mine = await send(c, billing.id, { facts: '客户已提供缴费凭证' });
    const theirs = await send(await complaint(c.id), network.id);

    const inbox = await billing.staff.client.get('/work-orders');
    expect(inbox.status).toBe(200);
    const ids = inbox.body.items.map((i: Json) => i.id);
    expect(ids).toContain(mine.id);
    expect(ids).not.toContain(theirs.id);
    expect(new Set(inbox.body.items.map((i: Json) => i.department.id))).toEqual(new Set([billing.id]));
    // The department was told at once, pointing at the work order (not the complaint it cannot open).
    const notes = (await billing.staff.client.get('/notifications?limit=200')).body.items;
    const received = notes
      .filter((n: Json) => n.kind === 'work_order_received')
      .map((n: Json) => n.subjectId);
    expect(received).toContain(mine.id);
    expect(received).not.toContain(theirs.id);
    expect(notes.find((n: Json) => n.subjectId === mine.id)).toMatchObject({ complaintId: null });
    // Even asking for another department or a complaint: still only its own.
    const asked = await billing.staff.client.get(
      `/work-orders?departmentId=${network.id}&complaintId=${c.id}`,
    );
    expect(asked.body.items.map((i: Json) => i.id)).toEqual([mine.id]);

    const one = await billing.staff.client.get(`/work-orders/${mine.id}`);
    expect(one.status).toBe(200);
    expect(one.body.complaint).toEqual({
      id: c.id,
      number: c.number,
      category: null,
      customer: { phone: '139****5678', phoneMasked: true },
    });
    expect(one.body).toMatchObject({ request: mine.request, facts: '客户已提供缴费凭证', dueAt: mine.dueAt });
    expect(one.body.abilities).toMatchObject({
      answer: { allowed: true },
      pass: { allowed: true },
      cancel: { allowed: false },
      decideExtension: { allowed: false },
    });
    const text = JSON.stringify(one.body) + JSON.stringify(inbox.body);
    expect(text).not.toContain('李先生');
    expect(text).not.toContain('13912345678');
    expect(text).not.toContain('139 1234 5678');

    // Another department's order does not exist for it; nor do the complaints.
    expect((await network.staff.client.get(`/work-orders/${mine.id}`)).status).toBe(404);
    expect(
      (await network.staff.client.post(`/work-orders/${mine.id}/answer`, { outcome: 'done', answer: 'x' }))
        .status,
    ).toBe(404);
    const list = await billing.staff.client.get('/complaints');
    expect(list.status).toBe(403);
    const detail = await billing.staff.client.get(`/complaints/${c.id}`);
    expect(detail.status).toBe(404);
    expect((await billing.staff.client.get(`/complaints/${c.number}`)).status).toBe(404);

    // The handler sees the full number; an agent of another team does not see the orders at all.
    const handlerView = await agent.client.get(`/work-orders/${mine.id}`);
    expect(handlerView.body.complaint.customer).toEqual({ phone: '139 1234 5678', phoneMasked: false });
    expect((await outsider.client.get(`/work-orders/${mine.id}`)).status).toBe(404);
    expect((await outsider.client.get(`/work-orders?complaintId=${c.id}`)).status).toBe(404);
    const byComplaint = await agent.client.get(`/work-orders?complaintId=${c.number}`);
    // Both are due at the same time: any order of the two.
    expect(byComplaint.body.items.map((i: Json) => i.id).sort()).toEqual([mine.id, theirs.id].sort());
    const sup = await supervisor.client.get(`/work-orders?complaintId=${c.id}&status=open`);
    expect(sup.body.items).toHaveLength(2);
  });

  it('pages the inbox soonest due first and filters by status and overdue', async () => {
    at('2026-09-30T10:00:00+08:00');
    const c = await newComplaint();
    const later = await send(c, logistics.id, { due: { workingDays: 5 } });
    const sooner = await send(await complaint(c.id), logistics.id, { due: { workingHours: 2 } });
    const answered = await send(await complaint(c.id), logistics.id, { due: { workingHours: 3 } });
    const a = await logistics.staff.client.post(`/work-orders/${answered.id}/answer`, {
      outcome: 'verified',
      answer: '已核实：9月3日由客户本人在营业厅办理',
    });
    expect(a.status).toBe(200);

    let page = await logistics.staff.client.get('/work-orders?limit=1');
    const seen: string[] = [];
    for (;;) {
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((i: Json) => i.id));
      if (!page.body.nextCursor) break;
      page = await logistics.staff.client.get(`/work-orders?limit=1&cursor=${page.body.nextCursor}`);
    }
    expect(seen.indexOf(sooner.id)).toBeLessThan(seen.indexOf(answered.id));
    expect(seen.indexOf(answered.id)).toBeLessThan(seen.indexOf(later.id));

    const open = await logistics.staff.client.get('/work-orders?status=open');
    expect(open.body.items.map((i: Json) => i.id)).not.toContain(answered.id);
    const done = await logistics.staff.client.get('/work-orders?status=answered');
    expect(done.body.items.map((i: Json) => i.id)).toContain(answered.id);

    at('2026-09-30T13:00:00+08:00');
    const overdue = await logistics.staff.client.get('/work-orders?overdue=true');
    const overdueIds = overdue.body.items.map((i: Json) => i.id);
    expect(overdueIds).toContain(sooner.id);
    expect(overdueIds).not.toContain(later.id);
    expect(overdueIds).not.toContain(answered.id);
    expect(overdue.body.items.find((i: Json) => i.id === sooner.id).state).toBe('overdue');

    const bad = await logistics.staff.client.get('/work-orders?status=lost');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues[0].field).toMatch(/^query\.status/);
  });
});

describe('answers', () => {
  it('resolve and close are refused while a work order is open, and allowed after the answer', async () => {
    at('2026-09-30T10:00:00+08:00');
    let c = await answerDemands(await newComplaint());
    const w = await send(c, billing.id);
    c = await complaint(c.id);
    // The complaint shows the work order, and its abilities already say why it cannot be resolved.
    expect(c.workOrders.map((x: Json) => x.id)).toEqual([w.id]);
    expect(c.abilities.resolve).toMatchObject({ allowed: false, code: 'WORK_ORDERS_OPEN' });
    let r = await transition(c, { action: 'resolve' });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('WORK_ORDERS_OPEN');
    expect(r.body.error.details.workOrderIds).toEqual([w.id]);

    // An unknown outcome names the field; an agent may not answer; the department answers once.
    r = await billing.staff.client.post(`/work-orders/${w.id}/answer`, { outcome: 'maybe', answer: 'x' });
    expect(r.status).toBe(400);
    expect(r.body.error.details.issues.map((i: Json) => i.field)).toEqual(['outcome']);
    r = await agent.client.post(`/work-orders/${w.id}/answer`, { outcome: 'done', answer: 'x' });
    expect(r.status).toBe(403);
    at('2026-10-08T11:00:00+08:00');
    r = await billing.colleague.client.post(`/work-orders/${w.id}/answer`, {
      outcome: 'done',
      answer: '已退订并退还58元',
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      status: 'answered',
      state: 'answered',
      outcome: 'done',
      answer: '已退订并退还58元',
      answeredBy: { id: billing.colleague.id },
      answeredAt: '2026-10-08T03:00:00.000Z',
      abilities: { answer: { allowed: false, code: 'WORK_ORDER_CLOSED' } },
    });
    r = await billing.staff.client.post(`/work-orders/${w.id}/answer`, { outcome: 'cannot', answer: 'x' });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('WORK_ORDER_CLOSED');

    const heard = await notesOf(agent, w.id);
    expect(heard.map((n: Json) => n.kind)).toEqual(['work_order_answered']);
    expect(heard[0]).toMatchObject({
      complaintId: c.id,
      payload: { number: c.number, outcome: 'done', late: false },
    });
    const events = (await timelineOf(c.id, w.id)).map((e: Json) => e.action);
    expect(events).toEqual(['work_order.sent', 'work_order.answered']);

    c = await complaint(c.id);
    r = await transition(c, { action: 'resolve' });
    expect(r.status).toBe(200);
    c = r.body;

    // A work order sent in the follow-up blocks closing until it is cancelled.
    const check = await send(c, network.id, { request: '请确认线路已恢复' });
    c = await complaint(c.id);
    r = await transition(c, { action: 'close' });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('WORK_ORDERS_OPEN');
    expect(r.body.error.details.workOrderIds).toEqual([check.id]);
    r = await network.staff.client.post(`/work-orders/${check.id}/cancel`, { reason: 'x' });
    expect(r.status).toBe(403);
    r = await billing.staff.client.post(`/work-orders/${check.id}/cancel`, { reason: 'x' });
    expect(r.status).toBe(404);
    r = await agent.client.post(`/work-orders/${check.id}/cancel`, { reason: '客户来电确认已恢复' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'cancelled', cancelReason: '客户来电确认已恢复' });
    r = await agent.client.post(`/work-orders/${check.id}/cancel`, { reason: 'again' });
    expect(r.body.error.code).toBe('WORK_ORDER_CLOSED');
    c = await complaint(c.id);
    r = await transition(c, {
      action: 'close',
      analysis: { cause: 'product_technical', controllable: true, internal: true, reversible: true },
    });
    expect(r.status).toBe(200);
    expect(r.body.timeline.filter((e: Json) => e.action === 'work_order.cancelled')).toHaveLength(1);
  });

  it('more time: the handler accepts, the due time moves and the timers are re-planned', async () => {
    at('2026-09-30T10:00:00+08:00');
    const c = await newComplaint();
    const w = await send(c, billing.id);
    at('2026-10-08T10:00:00+08:00');
    let r = await billing.staff.client.post(`/work-orders/${w.id}/answer`, {
      outcome: 'more_time',
      answer: '需调取外省话单，预计需要三个工作日',
    });
    expect(r.status).toBe(400);
    expect(r.body.error.details.issues[0].field).toBe('newDueAt');
    r = await billing.staff.client.post(`/work-orders/${w.id}/answer`, {
      outcome: 'more_time',
      answer: '需调取外省话单',
      newDueAt: '2026-10-09T09:00:00+08:00',
    });
    expect(r.status).toBe(400);
    expect(r.body.error.details.issues).toEqual([
      { field: 'newDueAt', message: 'must be later than the current due time' },
    ]);
    r = await billing.staff.client.post(`/work-orders/${w.id}/answer`, {
      outcome: 'more_time',
      answer: '需调取外省话单，预计需要三个工作日',
      newDueAt: '2026-10-13T18:00:00+08:00',
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      status: 'open',
      state: 'waiting_extension',
      outcome: 'more_time',
      requestedDueAt: '2026-10-13T10:00:00.000Z',
      dueAt: '2026-10-09T02:00:00.000Z',
    });
    const heard = await notesOf(agent, w.id);
    expect(heard.map((n: Json) => [n.kind, n.payload.outcome, n.payload.requestedDueAt])).toEqual([
      ['work_order_answered', 'more_time', '2026-10-13T10:00:00.000Z'],
    ]);
    const asHandler = await agent.client.get(`/work-orders/${w.id}`);
    expect(asHandler.body.abilities.decideExtension).toEqual({ allowed: true });

    // Only the handler decides.
    r = await billing.staff.client.post(`/work-orders/${w.id}/extension`, { accept: true });
    expect(r.status).toBe(403);
    r = await outsider.client.post(`/work-orders/${w.id}/extension`, { accept: true });
    expect(r.status).toBe(404);
    r = await agent.client.post(`/work-orders/${w.id}/extension`, { accept: true, note: '同意，请尽快' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      status: 'open',
      state: 'open',
      dueAt: '2026-10-13T10:00:00.000Z',
      requestedDueAt: null,
      outcome: null,
    });
    // 75 % of the 44 working hours from 10-08 10:00 to 10-13 18:00 (8 + 9 + 9 + 9 + 9: Saturday
    // 10-10 is a 调休 working day) is 33 h: 10-12 at 16:00.
    expect(r.body.warnAt).toBe('2026-10-12T08:00:00.000Z');
    r = await agent.client.post(`/work-orders/${w.id}/extension`, { accept: false });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('INVALID_TRANSITION');

    // The old due time passes without a breach; the new one is watched.
    let fired = await sweepOnce(s.handle.db, new Date('2026-10-09T11:00:00+08:00'));
    expect((await notesOf(billing.staff, w.id)).map((n: Json) => n.kind)).toEqual([]);
    fired = await sweepOnce(s.handle.db, new Date('2026-10-12T17:00:00+08:00'));
    expect(fired.notifications).toBeGreaterThan(0);
    expect((await notesOf(billing.staff, w.id)).map((n: Json) => n.kind)).toEqual(['work_order_due_soon']);

    const events = (await timelineOf(c.id, w.id)).map((e: Json) => e.action);
    expect(events).toEqual([
      'work_order.sent',
      'work_order.more_time_requested',
      'work_order.extension_accepted',
      'work_order.warned',
    ]);
  });

  it('more time declined: the due time stands', async () => {
    at('2026-09-30T10:00:00+08:00');
    const c = await newComplaint();
    const w = await send(c, network.id);
    let r = await network.staff.client.post(`/work-orders/${w.id}/answer`, {
      outcome: 'more_time',
      answer: '需要厂家配合',
      newDueAt: '2026-10-20T18:00:00+08:00',
    });
    expect(r.status).toBe(200);
    r = await agent.client.post(`/work-orders/${w.id}/extension`, {
      accept: false,
      note: '客户等不了，请先给阶段结论',
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ state: 'open', dueAt: w.dueAt, requestedDueAt: null });
    const declined = (await timelineOf(c.id, w.id)).at(-1);
    expect(declined).toMatchObject({
      action: 'work_order.extension_declined',
      after: { dueAt: w.dueAt, note: '客户等不了，请先给阶段结论' },
    });
  });
});

describe('passing on (打太极)', () => {
  it('is recorded; the third pass flags the order and tells the supervisors', async () => {
    at('2026-09-30T10:00:00+08:00');
    const c = await newComplaint();
    const w = await send(c, billing.id);

    let r = await billing.staff.client.post(`/work-orders/${w.id}/pass`, {
      departmentId: billing.id,
      reason: 'x',
    });
    expect(r.status).toBe(400);
    expect(r.body.error.details.issues[0].field).toBe('departmentId');
    r = await agent.client.post(`/work-orders/${w.id}/pass`, { departmentId: network.id, reason: 'x' });
    expect(r.status).toBe(403);

    at('2026-09-30T11:00:00+08:00');
    r = await billing.staff.client.post(`/work-orders/${w.id}/pass`, {
      departmentId: network.id,
      reason: '扣费由网络侧计费话单产生，请网络运维部核查',
    });
    expect(r.status).toBe(200);
    // The 18 working hours it had, from the pass, on 网络运维部's calendar: 7 + 9 + 2 → 10-09 11:00.
    expect(r.body).toMatchObject({
      department: { id: network.id, name: '网络运维部' },
      passCount: 1,
      dueAt: '2026-10-09T03:00:00.000Z',
      flaggedAt: null,
    });
    // It is no longer the billing department's.
    expect((await billing.staff.client.get(`/work-orders/${w.id}`)).status).toBe(404);
    expect((await network.staff.client.get(`/work-orders/${w.id}`)).status).toBe(200);

    at('2026-09-30T12:00:00+08:00');
    r = await network.staff.client.post(`/work-orders/${w.id}/pass`, {
      departmentId: logistics.id,
      reason: '涉及终端寄送，转物流部',
    });
    expect(r.status).toBe(200);
    expect(r.body.passCount).toBe(2);
    expect(r.body.flaggedAt).toBeNull();
    expect(await notesOf(supervisor, w.id)).toEqual([]);

    at('2026-09-30T13:00:00+08:00');
    r = await logistics.staff.client.post(`/work-orders/${w.id}/pass`, {
      departmentId: billing.id,
      reason: '非物流问题，退回计费中心',
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      department: { id: billing.id },
      passCount: 3,
      flaggedAt: '2026-09-30T05:00:00.000Z',
    });
    expect(r.body.passes.map((p: Json) => [p.from.name, p.to.name, p.passedBy.id])).toEqual([
      ['计费中心', '网络运维部', billing.staff.id],
      ['网络运维部', '物流部', network.staff.id],
      ['物流部', '计费中心', logistics.staff.id],
    ]);

    const told = await notesOf(supervisor, w.id);
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({
      kind: 'work_order_bounced',
      complaintId: c.id,
      payload: { number: c.number, passCount: 3, from: '物流部', to: '计费中心' },
    });
    const flagged = await supervisor.client.get('/work-orders?flagged=true');
    expect(flagged.body.items.map((i: Json) => i.id)).toContain(w.id);

    const events = (await timelineOf(c.id, w.id)).map((e: Json) => e.action);
    expect(events).toEqual([
      'work_order.sent',
      'work_order.passed',
      'work_order.passed',
      'work_order.passed',
      'work_order.flagged',
    ]);
    // The complaint's version did not move with the department's actions.
    expect((await complaint(c.id)).version).toBe(c.version + 1);
  });
});

describe('the timer engine', () => {
  it('warns and breaches a work order once each, at their true times', async () => {
    at('2026-09-30T10:00:00+08:00');
    const c = await newComplaint();
    const w = await send(c, billing.id);

    await sweepOnce(s.handle.db, new Date('2026-10-08T14:00:00+08:00'));
    expect(await notesOf(billing.staff, w.id)).toEqual([]);

    await sweepOnce(s.handle.db, new Date('2026-10-08T15:00:00+08:00'));
    for (const u of [billing.staff, billing.colleague]) {
      const notes = await notesOf(u, w.id);
      expect(notes.map((n: Json) => n.kind)).toEqual(['work_order_due_soon']);
      // Department staff cannot open the complaint: their notice points at the work order.
      expect(notes[0]).toMatchObject({ complaintId: null, payload: { number: c.number, workOrderId: w.id } });
    }
    const handlerNotes = await notesOf(agent, w.id);
    expect(handlerNotes.map((n: Json) => [n.kind, n.complaintId])).toEqual([['work_order_due_soon', c.id]]);
    expect(await notesOf(network.staff, w.id)).toEqual([]);
    expect(await notesOf(supervisor, w.id)).toEqual([]);

    // The same instant again fires nothing.
    await sweepOnce(s.handle.db, new Date('2026-10-08T15:00:00+08:00'));
    expect(await notesOf(billing.staff, w.id)).toHaveLength(1);

    at('2026-10-09T10:30:00+08:00');
    await sweepOnce(s.handle.db, new Date('2026-10-09T10:30:00+08:00'));
    await sweepOnce(s.handle.db, new Date('2026-10-09T11:30:00+08:00'));
    expect((await notesOf(billing.staff, w.id)).map((n: Json) => n.kind).sort()).toEqual([
      'work_order_due_soon',
      'work_order_overdue',
    ]);
    expect((await notesOf(supervisor, w.id)).map((n: Json) => n.kind)).toEqual(['work_order_overdue']);
    expect((await notesOf(agent, w.id)).map((n: Json) => n.kind).sort()).toEqual([
      'work_order_due_soon',
      'work_order_overdue',
    ]);

    const seen = await billing.staff.client.get(`/work-orders/${w.id}`);
    expect(seen.body).toMatchObject({
      state: 'overdue',
      warnedAt: '2026-10-08T06:30:00.000Z',
      breachedAt: '2026-10-09T02:00:00.000Z',
    });
    const events = (await timelineOf(c.id, w.id)).filter((e: Json) => e.actor === null);
    expect(events.map((e: Json) => e.action)).toEqual(['work_order.warned', 'work_order.breached']);
    expect(events[1].after).toMatchObject({ breachedAt: '2026-10-09T02:00:00.000Z', department: '计费中心' });
  });

  it('catching up after downtime records only the breach notice, with the warning stamped', async () => {
    at('2026-09-30T10:00:00+08:00');
    const c = await newComplaint();
    const w = await send(c, network.id, { due: { workingHours: 2 } });
    await sweepOnce(s.handle.db, new Date('2026-10-08T09:00:00+08:00'));
    expect((await notesOf(network.staff, w.id)).map((n: Json) => n.kind)).toEqual(['work_order_overdue']);
    const seen = await network.staff.client.get(`/work-orders/${w.id}`);
    expect(seen.body.breachedAt).toBe('2026-09-30T04:00:00.000Z');
    expect(seen.body.warnedAt).toBe('2026-09-30T03:30:00.000Z');
  });

  it('an answered or cancelled order never fires', async () => {
    at('2026-09-30T10:00:00+08:00');
    const c = await newComplaint();
    const w = await send(c, network.id, { due: { workingHours: 1 } });
    const r = await agent.client.post(`/work-orders/${w.id}/cancel`, { reason: '已由客户自行解决' });
    expect(r.status).toBe(200);
    await sweepOnce(s.handle.db, new Date('2026-10-08T09:00:00+08:00'));
    expect(await notesOf(network.staff, w.id)).toEqual([]);
    expect(await notesOf(agent, w.id)).toEqual([]);
  });
});

describe('the published contract', () => {
  it('documents the routes in the OpenAPI document', async () => {
    const doc = (await s.anonymous.get('/openapi.json')).body;
    for (const path of [
      '/api/v1/complaints/{id}/work-orders',
      '/api/v1/work-orders',
      '/api/v1/work-orders/{id}',
      '/api/v1/work-orders/{id}/answer',
      '/api/v1/work-orders/{id}/extension',
      '/api/v1/work-orders/{id}/pass',
      '/api/v1/work-orders/{id}/cancel',
    ]) {
      expect(doc.paths[path], path).toBeDefined();
    }
    const send = doc.paths['/api/v1/complaints/{id}/work-orders'].post;
    expect(send.requestBody.content['application/json'].schema.required).toEqual(
      expect.arrayContaining(['departmentId', 'request', 'version']),
    );
    expect(send.responses['201']).toBeDefined();
    const answer =
      doc.paths['/api/v1/work-orders/{id}/answer'].post.requestBody.content['application/json'].schema;
    expect(answer.properties.outcome.enum).toEqual(['done', 'verified', 'cannot', 'more_time']);
  });
});
