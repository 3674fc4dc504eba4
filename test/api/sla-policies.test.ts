// Time-limit policies through the API: the seeded ones, adding and changing them (admin), and the
// validation of targets, conditions and references.
import { describe, expect, it } from 'vitest';
import { type Json, serverForFile } from '../helpers/test-server.ts';

const t = serverForFile();

const fields = (r: { body: Json }) => r.body.error.details.issues.map((i: Json) => i.field);
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

async function calendars() {
  const items = (await t.s.admin.get('/calendars')).body.items as Json[];
  const id = (code: string) => items.find((c) => c.code === code).id as string;
  return { standard: id('standard'), frontLine: id('front_line_24x7') };
}

async function policyAudits(): Promise<Json[]> {
  return t.s.handle.db
    .selectFrom('audit_events')
    .select(['complaint_id', 'entity_id', 'action', 'before', 'after'])
    .where('entity', '=', 'sla_policy')
    .orderBy('id')
    .execute();
}

describe('GET /sla-policies', () => {
  it('lists the four seeded policies by priority, acceptance on the 24×7 calendar', async () => {
    const { standard, frontLine } = await calendars();
    const r = await t.agent.client.get('/sla-policies');
    expect(r.status).toBe(200);
    expect(r.body.items.map((p: Json) => [p.name, p.priority])).toEqual([
      ['危机投诉', 10],
      ['重大投诉', 20],
      ['VIP客户', 30],
      ['一般投诉', 100],
    ]);
    expect(r.body.items[3]).toEqual({
      id: expect.any(String),
      name: '一般投诉',
      priority: 100,
      active: true,
      severities: null,
      categoryIds: null,
      channels: null,
      minVipLevel: null,
      calendarId: standard,
      targets: {
        acceptance: { calendarHours: 4, calendarId: frontLine },
        first_contact: { workingDays: 1 },
        reply: { workingDays: 3 },
        resolution: { workingDays: 10 },
      },
      warnPercent: 75,
      escalateOnBreach: false,
    });
  });

  it('handling roles, analysts and admins may read them; department users and strangers not', async () => {
    for (const role of ['specialist', 'supervisor', 'analyst'] as const) {
      expect((await (await t.s.user(role)).client.get('/sla-policies')).status).toBe(200);
    }
    expect((await t.s.admin.get('/sla-policies')).status).toBe(200);
    expect((await (await t.s.user('department')).client.get('/sla-policies')).status).toBe(403);
    expect((await t.s.anonymous.get('/sla-policies')).status).toBe(401);
  });
});

describe('POST /sla-policies', () => {
  it('adds a policy with conditions, on the default calendar unless told, audited', async () => {
    const { standard, frontLine } = await calendars();
    const category = (await t.s.admin.get('/categories')).body.items[0].id;
    const r = await t.s.admin.post('/sla-policies', {
      name: '微信渠道账单投诉',
      priority: 50,
      severities: ['normal', 'normal'],
      categoryIds: [category],
      channels: ['wechat'],
      minVipLevel: 0,
      targets: {
        resolution: { workingDays: 5 },
        acceptance: { calendarId: frontLine, calendarHours: 1 },
        reply: { workingHours: 16 },
      },
      warnPercent: 80,
      escalateOnBreach: true,
    });
    expect(r.status).toBe(201);
    expect(r.body).toEqual({
      id: expect.any(String),
      name: '微信渠道账单投诉',
      priority: 50,
      active: true,
      severities: ['normal'],
      categoryIds: [category],
      channels: ['wechat'],
      minVipLevel: 0,
      calendarId: standard,
      targets: {
        acceptance: { calendarHours: 1, calendarId: frontLine },
        reply: { workingHours: 16 },
        resolution: { workingDays: 5 },
      },
      warnPercent: 80,
      escalateOnBreach: true,
    });
    const audit = (await policyAudits()).at(-1);
    expect(audit).toMatchObject({ complaint_id: null, entity_id: r.body.id, action: 'sla_policy.created' });
    expect(audit.after).toMatchObject({ name: '微信渠道账单投诉', warnPercent: 80 });
    const names = (await t.agent.client.get('/sla-policies')).body.items.map((p: Json) => p.name);
    expect(names).toEqual(['危机投诉', '重大投诉', 'VIP客户', '微信渠道账单投诉', '一般投诉']);
  });

  it('409 for a name in use', async () => {
    const r = await t.s.admin.post('/sla-policies', {
      name: '一般投诉',
      priority: 5,
      targets: { reply: { workingDays: 1 } },
    });
    expect(r.status).toBe(409);
    expect(r.body.error).toMatchObject({ code: 'CONFLICT', details: { field: 'name' } });
  });

  const valid = { name: '校验', priority: 60, targets: { reply: { workingDays: 2 } } };
  it.each([
    ['no targets', { ...valid, targets: {} }, 'targets'],
    ['an unknown kind', { ...valid, targets: { answer: { workingDays: 1 } } }, 'targets'],
    ['two units', { ...valid, targets: { reply: { workingDays: 1, workingHours: 4 } } }, 'targets.reply'],
    ['no unit', { ...valid, targets: { reply: {} } }, 'targets.reply'],
    ['zero', { ...valid, targets: { reply: { workingDays: 0 } } }, 'targets.reply.workingDays'],
    [
      'negative hours',
      { ...valid, targets: { reply: { calendarHours: -2 } } },
      'targets.reply.calendarHours',
    ],
    ['fractional days', { ...valid, targets: { reply: { workingDays: 2.5 } } }, 'targets.reply.workingDays'],
    [
      'a bad target calendar id',
      { ...valid, targets: { reply: { workingDays: 2, calendarId: 'x' } } },
      'targets.reply.calendarId',
    ],
    ['warnPercent 0', { ...valid, warnPercent: 0 }, 'warnPercent'],
    ['warnPercent 100', { ...valid, warnPercent: 100 }, 'warnPercent'],
    ['an unknown severity', { ...valid, severities: ['urgent'] }, 'severities.0'],
    ['an empty severity list', { ...valid, severities: [] }, 'severities'],
    ['an unknown channel', { ...valid, channels: ['fax'] }, 'channels.0'],
    ['VIP level 10', { ...valid, minVipLevel: 10 }, 'minVipLevel'],
    ['no name', { ...valid, name: ' ' }, 'name'],
    ['no priority', { name: '校验', targets: valid.targets }, 'priority'],
  ])('400 for %s', async (_label, body, field) => {
    const r = await t.s.admin.post('/sla-policies', body);
    expect(r.status).toBe(400);
    expect(fields(r)).toContain(field);
  });

  it('400 naming each unknown calendar or category', async () => {
    const r = await t.s.admin.post('/sla-policies', {
      ...valid,
      calendarId: UNKNOWN,
      categoryIds: [(await t.s.admin.get('/categories')).body.items[0].id, UNKNOWN],
      targets: { reply: { workingDays: 2 }, resolution: { workingDays: 5, calendarId: UNKNOWN } },
    });
    expect(r.status).toBe(400);
    expect(fields(r)).toEqual(['calendarId', 'targets.resolution.calendarId', 'categoryIds.1']);
    expect((await t.s.admin.get('/sla-policies')).body.items.map((p: Json) => p.name)).not.toContain('校验');
  });

  it('only an admin adds policies', async () => {
    const sup = await t.s.user('supervisor');
    expect((await sup.client.post('/sla-policies', valid)).status).toBe(403);
    expect((await t.agent.client.post('/sla-policies', valid)).status).toBe(403);
  });
});

describe('PATCH /sla-policies/:id', () => {
  async function policy(name: string) {
    return (await t.s.admin.get('/sla-policies')).body.items.find((p: Json) => p.name === name);
  }

  it('changes what is sent, keeps the rest, and audits only what changed', async () => {
    const before = await policy('VIP客户');
    const r = await t.s.admin.patch(`/sla-policies/${before.id}`, {
      warnPercent: 60,
      minVipLevel: 2,
      targets: { ...before.targets, reply: { workingDays: 1 } },
    });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      ...before,
      warnPercent: 60,
      minVipLevel: 2,
      targets: { ...before.targets, reply: { workingDays: 1 } },
    });
    const audit = (await policyAudits()).at(-1);
    expect(audit).toMatchObject({ entity_id: before.id, action: 'sla_policy.updated' });
    expect(Object.keys(audit.after).sort()).toEqual(['minVipLevel', 'targets', 'warnPercent']);
    expect(audit.before).toMatchObject({ warnPercent: 75, minVipLevel: 1 });
  });

  it('a change that changes nothing writes no audit row; null conditions mean any', async () => {
    const p = await policy('VIP客户');
    const count = (await policyAudits()).length;
    const same = await t.s.admin.patch(`/sla-policies/${p.id}`, { targets: p.targets, name: p.name });
    expect(same.status).toBe(200);
    expect((await policyAudits()).length).toBe(count);
    const any = await t.s.admin.patch(`/sla-policies/${p.id}`, { minVipLevel: null, active: false });
    expect(any.body).toMatchObject({ minVipLevel: null, active: false });
  });

  it('renaming onto another policy is a conflict; references and targets are checked as on creation', async () => {
    const p = await policy('重大投诉');
    const clash = await t.s.admin.patch(`/sla-policies/${p.id}`, { name: '危机投诉' });
    expect(clash.status).toBe(409);
    const cal = await t.s.admin.patch(`/sla-policies/${p.id}`, { calendarId: UNKNOWN });
    expect(fields(cal)).toEqual(['calendarId']);
    const cat = await t.s.admin.patch(`/sla-policies/${p.id}`, { categoryIds: [UNKNOWN] });
    expect(fields(cat)).toEqual(['categoryIds.0']);
    const target = await t.s.admin.patch(`/sla-policies/${p.id}`, {
      targets: { reply: { workingHours: 0 } },
    });
    expect(fields(target)).toEqual(['targets.reply.workingHours']);
    expect(await policy('重大投诉')).toEqual(p);
  });

  it('moves a policy onto another calendar', async () => {
    const { frontLine } = await calendars();
    const p = await policy('危机投诉');
    const r = await t.s.admin.patch(`/sla-policies/${p.id}`, { calendarId: frontLine, priority: 5 });
    expect(r.body).toMatchObject({ calendarId: frontLine, priority: 5 });
  });

  it('404 for an unknown policy, 403 for anyone but an admin', async () => {
    expect((await t.s.admin.patch(`/sla-policies/${UNKNOWN}`, { priority: 1 })).status).toBe(404);
    const p = await policy('一般投诉');
    const sup = await t.s.user('supervisor');
    expect((await sup.client.patch(`/sla-policies/${p.id}`, { priority: 1 })).status).toBe(403);
    expect((await t.s.anonymous.patch(`/sla-policies/${p.id}`, { priority: 1 })).status).toBe(401);
  });
});
