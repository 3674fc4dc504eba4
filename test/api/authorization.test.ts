// Who may do what, checked on the server for each role against the main routes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/domain/vocabulary.ts';
import {
  type Client,
  complaintBody,
  type Json,
  startTestServer,
  type TestServer,
  type TestUser,
} from '../helpers/test-server.ts';

let s: TestServer;
const users = {} as Record<Role | 'otherAgent' | 'teammate', TestUser>;
let complaint: Json;

beforeAll(async () => {
  s = await startTestServer();
  for (const role of ['agent', 'specialist', 'supervisor', 'analyst', 'admin', 'department'] as const) {
    users[role] = await s.user(role, role === 'agent' ? '一组' : null);
  }
  users.otherAgent = await s.user('agent', '二组');
  users.teammate = await s.user('agent', '一组');
  complaint = (
    await users.agent.client.post('/complaints', complaintBody({ customer: { phone: '13922223333' } }))
  ).body;
});
afterAll(() => s.close());

type Who = keyof typeof users | 'anonymous';
function client(who: Who): Client {
  return who === 'anonymous' ? s.anonymous : users[who].client;
}

const everyone: Who[] = [
  'anonymous',
  'agent',
  'teammate',
  'otherAgent',
  'specialist',
  'supervisor',
  'analyst',
  'admin',
  'department',
];

// expected status for each caller
const matrix: Array<{
  name: string;
  call: (c: Client) => Promise<{ status: number }>;
  expect: Partial<Record<Who, number>>;
}> = [
  {
    name: 'GET /me',
    call: (c) => c.get('/me'),
    expect: {
      anonymous: 401,
      agent: 200,
      teammate: 200,
      otherAgent: 200,
      specialist: 200,
      supervisor: 200,
      analyst: 200,
      admin: 200,
      department: 200,
    },
  },
  {
    name: 'POST /complaints',
    call: (c) => c.post('/complaints', complaintBody({ customer: { phone: '13922224444' } })),
    expect: {
      anonymous: 401,
      agent: 201,
      teammate: 201,
      otherAgent: 201,
      specialist: 201,
      supervisor: 201,
      analyst: 403,
      admin: 403,
      department: 403,
    },
  },
  {
    name: 'GET /complaints/:id (owned by agent, team 一组)',
    call: (c) => c.get(`/complaints/${complaint.id}`),
    expect: {
      anonymous: 401,
      agent: 200,
      teammate: 200,
      otherAgent: 404,
      specialist: 404,
      supervisor: 200,
      analyst: 200,
      admin: 200,
      department: 404,
    },
  },
  {
    name: 'PATCH /complaints/:id',
    call: (c) => c.patch(`/complaints/${complaint.id}`, { version: 999, product: '宽带' }),
    // 409: allowed to act, but the version is stale, so nothing changes for anybody
    expect: {
      anonymous: 401,
      agent: 409,
      teammate: 409,
      otherAgent: 404,
      specialist: 404,
      supervisor: 409,
      analyst: 403,
      admin: 403,
      department: 404,
    },
  },
  {
    name: 'PUT /complaints/:id/analysis',
    call: (c) =>
      c.request('PUT', `/complaints/${complaint.id}/analysis`, {
        version: 999,
        cause: 'communication',
        controllable: true,
        internal: true,
        reversible: true,
      }),
    expect: {
      anonymous: 401,
      agent: 409,
      teammate: 409,
      otherAgent: 404,
      specialist: 404,
      supervisor: 409,
      analyst: 403,
      admin: 403,
      department: 404,
    },
  },
  {
    name: 'GET /complaints',
    call: (c) => c.get('/complaints'),
    expect: {
      anonymous: 401,
      agent: 200,
      teammate: 200,
      otherAgent: 200,
      specialist: 200,
      supervisor: 200,
      analyst: 200,
      admin: 200,
      department: 403,
    },
  },
  {
    name: 'GET /customers?phone=',
    call: (c) => c.get('/customers?phone=13922223333'),
    expect: {
      anonymous: 401,
      agent: 200,
      teammate: 200,
      otherAgent: 200,
      specialist: 200,
      supervisor: 200,
      analyst: 200,
      admin: 403,
      department: 403,
    },
  },
  {
    name: 'GET /categories',
    call: (c) => c.get('/categories'),
    expect: {
      anonymous: 401,
      agent: 200,
      teammate: 200,
      otherAgent: 200,
      specialist: 200,
      supervisor: 200,
      analyst: 200,
      admin: 200,
      department: 200,
    },
  },
  {
    name: 'POST /categories',
    call: (c) => c.post('/categories', { name: `类别${Math.random().toString(36).slice(2, 8)}` }),
    expect: {
      anonymous: 401,
      agent: 403,
      teammate: 403,
      otherAgent: 403,
      specialist: 403,
      supervisor: 403,
      analyst: 403,
      admin: 201,
      department: 403,
    },
  },
  {
    name: 'POST /users',
    call: (c) =>
      c.post('/users', {
        login: `u${Math.random().toString(36).slice(2, 10)}`,
        password: 'password-123',
        name: 'x',
        role: 'agent',
      }),
    expect: {
      anonymous: 401,
      agent: 403,
      teammate: 403,
      otherAgent: 403,
      specialist: 403,
      supervisor: 403,
      analyst: 403,
      admin: 201,
      department: 403,
    },
  },
  {
    name: 'POST /tokens',
    call: (c) => c.post('/tokens', { name: 'CTI bridge' }),
    expect: {
      anonymous: 401,
      agent: 403,
      teammate: 403,
      otherAgent: 403,
      specialist: 403,
      supervisor: 403,
      analyst: 403,
      admin: 201,
      department: 403,
    },
  },
];

describe('authorization matrix', () => {
  for (const row of matrix) {
    for (const who of everyone) {
      const expected = row.expect[who];
      it(`${row.name} as ${who} → ${expected}`, async () => {
        expect((await row.call(client(who))).status).toBe(expected);
      });
    }
  }
});

describe('scoping', () => {
  it('lists only what each agent may see', async () => {
    const mine = (await users.otherAgent.client.get('/complaints?limit=100')).body.items.map(
      (c: Json) => c.id,
    );
    expect(mine).not.toContain(complaint.id);
    const team = (await users.teammate.client.get('/complaints?limit=100')).body.items.map((c: Json) => c.id);
    expect(team).toContain(complaint.id);
  });

  it('masks phones for roles without the personal-data permission', async () => {
    const analyst = await users.analyst.client.get(`/complaints/${complaint.id}`);
    expect(analyst.body.customer).toMatchObject({ phone: '139****3333', phoneMasked: true });
    const agent = await users.agent.client.get(`/complaints/${complaint.id}`);
    expect(agent.body.customer).toMatchObject({ phone: '139 2222 3333', phoneMasked: false });
    const lookup = await users.analyst.client.get('/customers?phone=13922223333');
    expect(lookup.body.customer.phones).toEqual([{ phone: '139****3333', phoneMasked: true }]);
  });

  it('tells analysts why they cannot act', async () => {
    const r = await users.analyst.client.get(`/complaints/${complaint.id}`);
    expect(r.body.abilities.start).toMatchObject({ allowed: false, code: 'FORBIDDEN' });
  });
});

describe('API tokens', () => {
  it('authenticate as their user, are shown once, and unknown tokens get 401', async () => {
    const created = await s.admin.post('/tokens', { name: 'CTI', userId: users.agent.id });
    expect(created.status).toBe(201);
    expect(created.body.token).toMatch(/^tsu_/);
    const bearer = new (users.agent.client.constructor as typeof Client)(s.baseUrl, {
      bearer: created.body.token,
    });
    const me = await bearer.get('/me');
    expect(me.body.user.id).toBe(users.agent.id);
    expect(me.body.viaToken).toBe(true);
    const stored = await s.handle.db
      .selectFrom('api_tokens')
      .select('token_hash')
      .where('id', '=', created.body.id)
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(created.body.token);
    const wrong = new (users.agent.client.constructor as typeof Client)(s.baseUrl, { bearer: 'tsu_nope' });
    expect((await wrong.get('/me')).status).toBe(401);
  });

  it('logout ends the session', async () => {
    const c = await s.login(users.department.login, 'password-123');
    expect((await c.get('/me')).status).toBe(200);
    expect((await c.post('/auth/logout')).status).toBe(204);
    expect((await c.get('/me')).status).toBe(401);
  });

  it('refuses further logins after 10 failures for that login, but not for others', async () => {
    const target = await s.user('agent', '三组');
    for (let i = 0; i < 10; i++) {
      expect(
        (await s.anonymous.post('/auth/login', { login: target.login, password: `guess-${i}` })).status,
      ).toBe(401);
    }
    const blocked = await s.anonymous.post('/auth/login', { login: target.login, password: 'password-123' });
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('RATE_LIMITED');
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(
      (await s.anonymous.post('/auth/login', { login: users.analyst.login, password: 'password-123' }))
        .status,
    ).toBe(200);
  });

  it('refuses a wrong password with 401 and sets no cookie', async () => {
    const r = await s.anonymous.post('/auth/login', { login: users.agent.login, password: 'wrong-password' });
    expect(r.status).toBe(401);
    expect(r.headers.get('set-cookie')).toBeNull();
  });
});
