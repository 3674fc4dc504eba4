// A real Tousu server on a real database for integration tests: PGlite in memory by default, or
// a schema of its own on the PostgreSQL server named by TEST_DATABASE_URL. Requests go over HTTP.
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';
import { bootstrapAdmin } from '../../src/commands/bootstrap-admin.ts';
import { type DatabaseHandle, openDatabase } from '../../src/db/database.ts';
import { migrate } from '../../src/db/migrate.ts';
import type { Role } from '../../src/domain/vocabulary.ts';
import { type App, buildServer } from '../../src/http/server.ts';

export const ADMIN_PASSWORD = 'admin-test-password';

export interface Reply<T = Json> {
  status: number;
  body: T;
  headers: Headers;
}

// biome-ignore lint/suspicious/noExplicitAny: test responses are inspected freely
export type Json = any;

export class Client {
  constructor(
    readonly baseUrl: string,
    private readonly auth: { cookie?: string; bearer?: string } = {},
  ) {}

  async request(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Reply> {
    const h: Record<string, string> = { ...headers };
    if (this.auth.cookie) h.cookie = this.auth.cookie;
    if (this.auth.bearer) h.authorization = `Bearer ${this.auth.bearer}`;
    if (body !== undefined) h['content-type'] ??= 'application/json';
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: h,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: Json = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, body: parsed, headers: res.headers };
  }

  get(path: string) {
    return this.request('GET', path);
  }
  post(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request('POST', path, body ?? {}, headers);
  }
  patch(path: string, body: unknown) {
    return this.request('PATCH', path, body);
  }
}

export interface TestUser {
  id: string;
  login: string;
  role: Role;
  team: string | null;
  client: Client;
}

export interface TestServer {
  app: App;
  handle: DatabaseHandle;
  baseUrl: string;
  anonymous: Client;
  admin: Client;
  /** Creates a user through the admin API and logs them in. */
  user(role: Role, team?: string | null): Promise<TestUser>;
  login(login: string, password: string): Promise<Client>;
  /** The user calling with an API token instead of a session (sessions expire when a test moves a pinned clock days ahead). */
  withToken(u: TestUser): Promise<TestUser>;
  /** Rows in a table, straight from the database. */
  count(
    table: 'complaints' | 'demands' | 'contacts' | 'customers' | 'audit_events' | 'users' | 'categories',
  ): Promise<number>;
  close(): Promise<void>;
}

let userSeq = 0;

export async function startTestServer(
  opts: { clock?: () => Date; webDir?: string } = {},
): Promise<TestServer> {
  const url = process.env.TEST_DATABASE_URL;
  const schema = url ? `t_${randomBytes(6).toString('hex')}` : undefined;
  const handle = await openDatabase(
    url ? { databaseUrl: url, schema, poolSize: 6 } : { dataDir: 'memory://' },
  );
  await migrate(handle);
  await bootstrapAdmin(handle.db, { login: 'admin', password: ADMIN_PASSWORD }, new Date());
  const app = await buildServer({
    database: handle,
    logLevel: 'silent',
    // API tests run while the browser test may be rebuilding dist/web: only that test serves the UI.
    webDir: opts.webDir ?? null,
    ...(opts.clock ? { clock: opts.clock } : {}),
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/api/v1`;

  const login = async (name: string, password: string) => {
    const res = await new Client(baseUrl).post('/auth/login', { login: name, password });
    if (res.status !== 200)
      throw new Error(`login ${name} failed: ${res.status} ${JSON.stringify(res.body)}`);
    const cookie = res.headers.get('set-cookie')?.split(';')[0];
    if (!cookie) throw new Error('no session cookie');
    return new Client(baseUrl, { cookie });
  };
  const admin = await login('admin', ADMIN_PASSWORD);
  let testDepartmentId: string | undefined;

  return {
    app,
    handle,
    baseUrl,
    anonymous: new Client(baseUrl),
    admin,
    login,
    async user(role, team = null) {
      userSeq += 1;
      const loginName = `${role}${userSeq}`;
      // Department staff belong to a department: by default the test department.
      if (role === 'department') testDepartmentId ??= await createTestDepartment(admin);
      const res = await admin.post('/users', {
        login: loginName,
        password: 'password-123',
        name: `${role} ${userSeq}`,
        role,
        team,
        ...(role === 'department' ? { departmentId: testDepartmentId } : {}),
      });
      if (res.status !== 201)
        throw new Error(`create user failed: ${res.status} ${JSON.stringify(res.body)}`);
      return {
        id: res.body.user.id,
        login: loginName,
        role,
        team,
        client: await login(loginName, 'password-123'),
      };
    },
    async withToken(u) {
      const r = await admin.post('/tokens', { name: `test ${u.login}`, userId: u.id });
      if (r.status !== 201) throw new Error(`create token failed: ${r.status} ${JSON.stringify(r.body)}`);
      return { ...u, client: new Client(baseUrl, { bearer: r.body.token }) };
    },
    async count(table) {
      const row = await handle.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async close() {
      await app.close();
      if (schema) await handle.withScriptSession((s) => s.exec(`DROP SCHEMA ${schema} CASCADE`));
      await handle.close();
    },
  };
}

async function createTestDepartment(admin: Client): Promise<string> {
  const res = await admin.post('/departments', { name: '测试部门' });
  if (res.status !== 201)
    throw new Error(`create department failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

/** A valid complaint body taken on a call, with overrides. */
export function complaintBody(overrides: Record<string, unknown> = {}) {
  return {
    customer: { phone: '138 0013 8000', name: '王女士' },
    channel: 'phone_in',
    description: '上个月话费多扣了58元，我没有开通过这个增值业务，要求退款并给个说法。',
    severity: 'normal',
    confirmed: true,
    demands: [
      { type: 'refund', description: '退还多扣的58元' },
      { type: 'explanation', description: '说明为什么会开通这个业务' },
    ],
    ...overrides,
  };
}

/**
 * A server (and an agent of team 一组 on it) for one test file: started before its tests, closed
 * after. Read `t.s` and `t.agent` inside tests, once the hooks have run.
 */
export function serverForFile(): { s: TestServer; agent: TestUser } {
  const t = {} as { s: TestServer; agent: TestUser };
  beforeAll(async () => {
    t.s = await startTestServer();
    t.agent = await t.s.user('agent', '一组');
  });
  afterAll(() => t.s?.close());
  return t;
}
