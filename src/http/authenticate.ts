// Who is calling: a session cookie (people in the workbench) or a Bearer API token
// (integrations). Every route is closed unless it declares `config: { public: true }`.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { sha256 } from '../commands/secrets.ts';
import { findSessionUser, findTokenUser } from '../db/repositories/users.ts';
import type { Database } from '../db/schema.ts';
import { DomainError } from '../domain/errors.ts';
import { defaultTierLevel } from '../domain/escalation.ts';
import type { Role } from '../domain/vocabulary.ts';
import type { Actor } from '../policies/actor.ts';

export const SESSION_COOKIE = 'tousu_session';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    public?: boolean;
  }
}

export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new DomainError('UNAUTHENTICATED', 'Log in or send an API token');
  return req.actor;
}

async function resolveActor(db: Kysely<Database>, req: FastifyRequest, now: Date): Promise<Actor | null> {
  const header = req.headers.authorization;
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1])
      throw new DomainError('UNAUTHENTICATED', 'Malformed Authorization header; use "Bearer <token>"');
    const user = await findTokenUser(db, sha256(match[1]));
    if (!user) throw new DomainError('UNAUTHENTICATED', 'Unknown or revoked API token');
    return { ...actorFields(user), tokenId: user.token_id };
  }
  const cookie = req.cookies[SESSION_COOKIE];
  if (!cookie) return null;
  const user = await findSessionUser(db, sha256(cookie), now);
  return user ? actorFields(user) : null;
}

function actorFields(user: {
  id: string;
  name: string;
  role: Role;
  team: string | null;
  department_id: string | null;
  tier_level: number | null;
}): Actor {
  return {
    id: user.id,
    name: user.name,
    role: user.role,
    team: user.team,
    tierLevel: user.tier_level ?? defaultTierLevel(user.role),
    departmentId: user.department_id,
  };
}

export function registerAuthentication(app: FastifyInstance, db: Kysely<Database>, clock: () => Date) {
  app.decorateRequest('actor', null);
  app.addHook('preHandler', async (req) => {
    // Outside /api/ are only the web UI's static files, which hold no data: no session needed.
    if (!req.url.startsWith('/api/')) return;
    req.actor = await resolveActor(db, req, clock());
    if (!req.actor && req.routeOptions.config.public !== true) {
      throw new DomainError('UNAUTHENTICATED', 'Log in or send an API token');
    }
  });
}
