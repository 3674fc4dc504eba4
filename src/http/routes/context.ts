import type { FastifyRequest } from 'fastify';
import type { CommandContext } from '../../commands/context.ts';
import { actorOf } from '../authenticate.ts';
import type { RouteDeps } from '../server.ts';

/** The command context for a request: its database, its actor and the time now. */
export function commandContext(deps: RouteDeps, req: FastifyRequest): CommandContext {
  return { db: deps.database.db, dbKind: deps.database.kind, actor: actorOf(req), now: deps.clock() };
}
