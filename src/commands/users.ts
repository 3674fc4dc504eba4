// People and their credentials: creating users, logging in and out, API tokens for integrations.
import { hash, verify } from '@node-rs/argon2';
import { type Kysely, sql } from 'kysely';
import { recordAudit } from '../db/repositories/audit.ts';
import { findUserById, findUserByLogin, USER_COLUMNS } from '../db/repositories/users.ts';
import type { Database } from '../db/schema.ts';
import { DomainError, invalid } from '../domain/errors.ts';
import type { Role } from '../domain/vocabulary.ts';
import { authorize } from '../policies/permissions.ts';
import type { CommandContext } from './context.ts';
import { randomSecret, sha256 } from './secrets.ts';

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000; // one long shift
export const MIN_PASSWORD_LENGTH = 8;

export interface NewUser {
  login: string;
  password: string;
  name: string;
  role: Role;
  team?: string | null | undefined;
  /** A team of the organisation: sets `team` to its name and the tier to the team's. */
  teamId?: string | null | undefined;
  /** Overrides the tier of the team or role. */
  tierId?: string | null | undefined;
  /** For department staff: the back-office department they answer work orders for. */
  departmentId?: string | null | undefined;
  /** What the person is good at, for routing: category ids, languages ("lang:yue"), "vip". */
  skills?: string[] | undefined;
}

/** Checks the organisation references of a new user and returns the team's name. */
async function organisationOf(db: Kysely<Database>, u: NewUser): Promise<{ team: string | null }> {
  const issues: { field: string; message: string }[] = [];
  let team = u.team ?? null;
  if (u.teamId) {
    const row = await db.selectFrom('teams').select('name').where('id', '=', u.teamId).executeTakeFirst();
    if (!row) issues.push({ field: 'teamId', message: 'unknown team' });
    else if (u.team && u.team !== row.name)
      issues.push({ field: 'team', message: `differs from the team's name "${row.name}"` });
    else team = row.name;
  }
  if (
    u.tierId &&
    !(await db.selectFrom('tiers').select('id').where('id', '=', u.tierId).executeTakeFirst())
  ) {
    issues.push({ field: 'tierId', message: 'unknown tier' });
  }
  if (u.departmentId) {
    const dept = await db
      .selectFrom('departments')
      .select('active')
      .where('id', '=', u.departmentId)
      .executeTakeFirst();
    if (!dept?.active) issues.push({ field: 'departmentId', message: 'unknown or inactive department' });
  }
  if (u.role === 'department' && !u.departmentId) {
    issues.push({ field: 'departmentId', message: 'department staff belong to a department' });
  }
  if (u.role !== 'department' && u.departmentId) {
    issues.push({ field: 'departmentId', message: 'only department staff belong to a department' });
  }
  if (issues.length) throw invalid(issues);
  return { team };
}

/** Inserts a user; used by the API (admin only), the CLI and the first-start bootstrap. */
export async function insertUser(db: Kysely<Database>, u: NewUser, actorId: string | null, now: Date) {
  if (u.password.length < MIN_PASSWORD_LENGTH) {
    throw invalid([{ field: 'password', message: `at least ${MIN_PASSWORD_LENGTH} characters` }]);
  }
  if (await findUserByLogin(db, u.login)) throw invalid([{ field: 'login', message: 'already taken' }]);
  const { team } = await organisationOf(db, u);
  const passwordHash = await hash(u.password);
  const row = await db
    .insertInto('users')
    .values({
      login: u.login,
      name: u.name,
      role: u.role,
      team,
      team_id: u.teamId ?? null,
      tier_id: u.tierId ?? null,
      department_id: u.departmentId ?? null,
      skills: u.skills ?? [],
      password_hash: passwordHash,
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) => oc.expression(sql`lower(login)`).doNothing())
    .returning(USER_COLUMNS)
    .executeTakeFirst();
  if (!row) throw invalid([{ field: 'login', message: 'already taken' }]);
  await recordAudit(db, {
    complaintId: null,
    entity: 'user',
    entityId: row.id,
    action: 'user.created',
    actorId,
    at: now,
    after: {
      login: row.login,
      role: row.role,
      team: row.team,
      teamId: row.team_id,
      tierId: row.tier_id,
      departmentId: row.department_id,
    },
  });
  return row;
}

export async function createUser(ctx: CommandContext, u: NewUser) {
  authorize(ctx.actor, 'user:manage');
  return insertUser(ctx.db, u, ctx.actor.id, ctx.now);
}

// A hash of a random password, so that unknown logins take as long as wrong passwords.
let decoyHash: Promise<string> | undefined;

/** Checks the password and opens a session; returns the cookie value. */
export async function login(db: Kysely<Database>, loginName: string, password: string, now: Date) {
  const user = await findUserByLogin(db, loginName);
  if (!user?.active) {
    decoyHash ??= hash(randomSecret());
    await verify(await decoyHash, password).catch(() => false);
    throw new DomainError('UNAUTHENTICATED', 'Wrong login or password');
  }
  if (!(await verify(user.password_hash, password))) {
    throw new DomainError('UNAUTHENTICATED', 'Wrong login or password');
  }
  const token = randomSecret();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await db
    .insertInto('sessions')
    .values({ id: sha256(token), user_id: user.id, created_at: now, expires_at: expiresAt })
    .execute();
  await db.deleteFrom('sessions').where('user_id', '=', user.id).where('expires_at', '<', now).execute();
  return { token, expiresAt, userId: user.id };
}

export async function logout(db: Kysely<Database>, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sha256(token)).execute();
}

export interface NewApiToken {
  name: string;
  /** The user the token acts as; defaults to the admin creating it. */
  userId?: string | undefined;
}

/** Creates an API token; the secret is returned once and only its hash is kept. */
export async function createApiToken(ctx: CommandContext, input: NewApiToken) {
  authorize(ctx.actor, 'token:manage');
  const userId = input.userId ?? ctx.actor.id;
  const user = await findUserById(ctx.db, userId);
  if (!user?.active) throw invalid([{ field: 'userId', message: 'unknown or inactive user' }]);
  const secret = `tsu_${randomSecret()}`;
  const row = await ctx.db
    .insertInto('api_tokens')
    .values({
      name: input.name,
      token_hash: sha256(secret),
      prefix: secret.slice(0, 8),
      user_id: user.id,
      created_by: ctx.actor.id,
      created_at: ctx.now,
    })
    .returning(['id', 'name', 'prefix', 'user_id', 'created_at'])
    .executeTakeFirstOrThrow();
  await recordAudit(ctx.db, {
    complaintId: null,
    entity: 'api_token',
    entityId: row.id,
    action: 'api_token.created',
    actorId: ctx.actor.id,
    at: ctx.now,
    after: { name: row.name, userId: row.user_id, prefix: row.prefix },
  });
  return { ...row, token: secret, user };
}
