import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrapAdmin } from '../../src/commands/bootstrap-admin.ts';
import { insertUser, login } from '../../src/commands/users.ts';
import { type DatabaseHandle, openDatabase } from '../../src/db/database.ts';
import { migrate } from '../../src/db/migrate.ts';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openDatabase({ dataDir: 'memory://' });
  await migrate(handle);
});
afterAll(() => handle.close());

describe('bootstrapAdmin', () => {
  it('creates the first administrator even when other users exist (e.g. after `tousu demo`)', async () => {
    const now = new Date();
    await insertUser(
      handle.db,
      { login: 'wangfang', password: 'demo-pass-2026', name: '王芳', role: 'agent' },
      null,
      now,
    );
    const first = await bootstrapAdmin(handle.db, {}, now);
    expect(first?.login).toBe('admin');
    expect(first?.generatedPassword).toMatch(/^[\w-]{16}$/);
    const session = await login(handle.db, 'admin', first?.generatedPassword ?? '', now);
    expect(session.token).toBeTruthy();
    expect(await bootstrapAdmin(handle.db, {}, now)).toBeNull();
  });
});
