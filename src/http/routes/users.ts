import { z } from 'zod';
import { createApiToken, createUser } from '../../commands/users.ts';
import { listColleagues, listUsers } from '../../db/repositories/users.ts';
import { ROLES } from '../../domain/vocabulary.ts';
import { authorize, HANDLING_ROLES } from '../../policies/permissions.ts';
import { iso, presentUser } from '../presenters/people.ts';
import { colleagueDirectorySchema, errorSchema } from '../responses.ts';
import { text } from '../schemas.ts';
import type { App, RouteDeps } from '../server.ts';
import { commandContext } from './context.ts';

const userBody = z.object({
  login: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9._@-]{2,64}$/, '2-64 letters, digits or . _ @ -'),
  password: z.string().min(8, 'at least 8 characters').max(200),
  name: text(100),
  role: z.enum(ROLES),
  team: z.string().trim().min(1).max(100).nullish(),
  teamId: z.uuid().nullish().describe('A team of the organisation (sets team and tier)'),
  tierId: z.uuid().nullish().describe("Overrides the team's or role's tier"),
  departmentId: z.uuid().nullish().describe('Department staff: their department'),
  skills: z
    .array(z.string().trim().min(1).max(60))
    .max(50)
    .optional()
    .describe('For routing: category ids, languages ("lang:yue", "lang:en"), "vip"'),
});

const tokenBody = z.object({
  name: text(100),
  userId: z.uuid().optional().describe('The user the token acts as; defaults to the caller'),
});

export function userRoutes(app: App, deps: RouteDeps) {
  app.post(
    '/users',
    { schema: { tags: ['admin'], summary: 'Create a user (admin)', body: userBody } },
    async (req, reply) => {
      const user = await createUser(commandContext(deps, req), req.body);
      return reply.code(201).send({ user: presentUser(user) });
    },
  );

  app.get('/users', { schema: { tags: ['admin'], summary: 'List users (admin)' } }, async (req) => {
    authorize(commandContext(deps, req).actor, 'user:manage');
    return { items: (await listUsers(deps.database.db)).map(presentUser) };
  });

  app.get(
    '/users/directory',
    {
      schema: {
        tags: ['users'],
        summary: 'Colleagues a complaint may be transferred to: active agents, specialists and supervisors',
        response: { 200: colleagueDirectorySchema, 401: errorSchema, 403: errorSchema },
      },
    },
    async (req) => {
      authorize(commandContext(deps, req).actor, 'user:directory');
      return { items: await listColleagues(deps.database.db, HANDLING_ROLES) };
    },
  );

  app.post(
    '/tokens',
    {
      schema: {
        tags: ['admin'],
        summary: 'Create an API token (admin); the token is shown only in this response',
        body: tokenBody,
      },
    },
    async (req, reply) => {
      const t = await createApiToken(commandContext(deps, req), req.body);
      return reply.code(201).send({
        id: t.id,
        name: t.name,
        token: t.token,
        prefix: t.prefix,
        user: { id: t.user.id, login: t.user.login, role: t.user.role },
        createdAt: iso(t.created_at),
      });
    },
  );
}
