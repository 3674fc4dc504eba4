// The first administrator, created at first start. With TOUSU_ADMIN_LOGIN/TOUSU_ADMIN_PASSWORD
// unset, a random password is generated and shown once to whoever started the server.
import type { Kysely } from 'kysely';
import { countAdmins } from '../db/repositories/users.ts';
import type { Database } from '../db/schema.ts';
import { randomSecret } from './secrets.ts';
import { insertUser } from './users.ts';

export interface BootstrapResult {
  login: string;
  /** Set only when the password was generated here and must be shown to the operator. */
  generatedPassword?: string;
}

export async function bootstrapAdmin(
  db: Kysely<Database>,
  env: { login?: string | undefined; password?: string | undefined },
  now: Date,
): Promise<BootstrapResult | null> {
  // Until an administrator exists (a demo or a CLI may have created other users first).
  if ((await countAdmins(db)) > 0) return null;
  const login = env.login || 'admin';
  const generated = env.password ? undefined : randomSecret(12);
  await insertUser(
    db,
    { login, password: env.password ?? (generated as string), name: '系统管理员', role: 'admin' },
    null,
    now,
  );
  return generated ? { login, generatedPassword: generated } : { login };
}
