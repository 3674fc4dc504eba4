// Tiers, teams and departments through the API; users join them.
import { describe, expect, it } from 'vitest';
import { serverForFile } from '../helpers/test-server.ts';

const t = serverForFile();

describe('organisation', () => {
  it('ships three tiers, front line first', async () => {
    const r = await t.agent.client.get('/tiers');
    expect(r.status).toBe(200);
    expect(r.body.items.map((x: { code: string; level: number }) => [x.code, x.level])).toEqual([
      ['front_line', 1],
      ['specialist', 2],
      ['supervisor', 3],
    ]);
  });

  it('lets an admin create departments and teams; names are unique; others may not', async () => {
    const dept = await t.s.admin.post('/departments', { name: '计费中心' });
    expect(dept.status).toBe(201);
    expect(dept.body).toMatchObject({ name: '计费中心', calendarId: null, active: true });
    expect((await t.s.admin.post('/departments', { name: '计费中心' })).status).toBe(409);
    expect((await t.agent.client.post('/departments', { name: '网络部' })).status).toBe(403);
    expect(
      (await t.s.admin.post('/departments', { name: '网络部', calendarId: crypto.randomUUID() })).status,
    ).toBe(400);
    const list = await t.agent.client.get('/departments');
    expect(list.body.items.map((d: { name: string }) => d.name)).toContain('计费中心');

    const tiers = (await t.s.admin.get('/tiers')).body.items;
    const team = await t.s.admin.post('/teams', { name: '专家一组', tierId: tiers[1].id });
    expect(team.status).toBe(201);
    expect(
      (await t.s.admin.post('/teams', { name: '专家二组', tierId: crypto.randomUUID() })).body.error.details
        .issues[0].field,
    ).toBe('tierId');
  });

  it('puts department staff in a department and team members in a team', async () => {
    const dept = (await t.s.admin.post('/departments', { name: '物流部' })).body;
    let r = await t.s.admin.post('/users', {
      login: 'wuliu1',
      password: 'password-123',
      name: '物流一号',
      role: 'department',
      departmentId: dept.id,
    });
    expect(r.status).toBe(201);
    expect(r.body.user).toMatchObject({ role: 'department', departmentId: dept.id });
    r = await t.s.admin.post('/users', {
      login: 'wuliu2',
      password: 'password-123',
      name: 'x',
      role: 'department',
    });
    expect(r.status).toBe(400);
    expect(r.body.error.details.issues[0].field).toBe('departmentId');
    r = await t.s.admin.post('/users', {
      login: 'agentx',
      password: 'password-123',
      name: 'x',
      role: 'agent',
      departmentId: dept.id,
    });
    expect(r.status).toBe(400);

    const tiers = (await t.s.admin.get('/tiers')).body.items;
    const team = (await t.s.admin.post('/teams', { name: '专家三组', tierId: tiers[1].id })).body;
    r = await t.s.admin.post('/users', {
      login: 'zhuanjia3',
      password: 'password-123',
      name: '专家三',
      role: 'specialist',
      teamId: team.id,
      skills: ['lang:yue', 'vip'],
    });
    expect(r.status).toBe(201);
    expect(r.body.user).toMatchObject({ team: '专家三组', teamId: team.id, skills: ['lang:yue', 'vip'] });
  });
});
