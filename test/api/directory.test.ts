// The colleague directory a transfer picks its new handler from.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/domain/vocabulary.ts';
import { type Json, serverForFile } from '../helpers/test-server.ts';

const t = serverForFile();
const made: Record<string, string> = {};

let departmentId: string | undefined;

async function staff(login: string, name: string, role: Role, team: string | null) {
  if (role === 'department')
    departmentId ??= (await t.s.admin.post('/departments', { name: '目录测试部门' })).body.id;
  const r = await t.s.admin.post('/users', {
    login,
    password: 'password-123',
    name,
    role,
    team,
    ...(role === 'department' ? { departmentId } : {}),
  });
  expect(r.status).toBe(201);
  made[login] = r.body.user.id;
}

beforeAll(async () => {
  await staff('zhao', 'Zhao Lei', 'agent', 'dir-b');
  await staff('chen', 'Chen Jing', 'specialist', 'dir-a');
  await staff('bai', 'Bai Yu', 'supervisor', 'dir-a');
  await staff('wu', 'Wu Fang', 'agent', null);
  await staff('an', 'An Qi', 'analyst', 'dir-a');
  await staff('ding', 'Ding Hao', 'department', 'dir-a');
  await staff('gone', 'Gao Ming', 'agent', 'dir-a');
  await t.s.handle.db
    .updateTable('users')
    .set({ active: false })
    .where('id', '=', made.gone ?? '')
    .execute();
});

describe('colleague directory', () => {
  it('lists active agents, specialists and supervisors by team and name, without logins', async () => {
    const r = await t.agent.client.get('/users/directory');
    expect(r.status).toBe(200);
    const items = r.body.items as Json[];
    const ids = items.map((u) => u.id);
    for (const login of ['an', 'ding', 'gone']) expect(ids).not.toContain(made[login]);
    const mine = items.filter((u) => Object.values(made).includes(u.id));
    expect(mine).toEqual([
      { id: made.bai, name: 'Bai Yu', role: 'supervisor', team: 'dir-a', tierLevel: 3 },
      { id: made.chen, name: 'Chen Jing', role: 'specialist', team: 'dir-a', tierLevel: 2 },
      { id: made.zhao, name: 'Zhao Lei', role: 'agent', team: 'dir-b', tierLevel: 1 },
      { id: made.wu, name: 'Wu Fang', role: 'agent', team: null, tierLevel: 1 },
    ]);
    expect(items.find((u) => u.id === t.agent.id)).toEqual({
      id: t.agent.id,
      name: expect.any(String),
      role: 'agent',
      team: '一组',
      tierLevel: 1,
    });
    expect(items.at(-1)?.team).toBeNull();
    for (const u of items) expect(Object.keys(u).sort()).toEqual(['id', 'name', 'role', 'team', 'tierLevel']);
  });

  it('is open to specialists and supervisors, closed to analysts, admins and departments', async () => {
    for (const role of ['specialist', 'supervisor'] as const) {
      expect((await (await t.s.user(role, '一组')).client.get('/users/directory')).status).toBe(200);
    }
    for (const role of ['analyst', 'department'] as const) {
      const r = await (await t.s.user(role)).client.get('/users/directory');
      expect(r.status).toBe(403);
      expect(r.body.error).toMatchObject({ code: 'FORBIDDEN', details: { reason: 'user:directory' } });
    }
    expect((await t.s.admin.get('/users/directory')).status).toBe(403);
    expect((await t.s.anonymous.get('/users/directory')).status).toBe(401);
  });

  it('is published in the OpenAPI document', async () => {
    const doc = (await t.s.anonymous.get('/openapi.json')).body;
    expect(doc.paths['/api/v1/users/directory'].get.responses['200']).toBeDefined();
  });
});
