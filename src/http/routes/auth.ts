import { z } from 'zod';
import { login, logout, SESSION_TTL_MS } from '../../commands/users.ts';
import { findUserById } from '../../db/repositories/users.ts';
import { DomainError } from '../../domain/errors.ts';
import { canSeePersonalData } from '../../policies/permissions.ts';
import { actorOf, SESSION_COOKIE } from '../authenticate.ts';
import { LoginThrottle } from '../login-throttle.ts';
import { iso, presentUser } from '../presenters/people.ts';
import type { App, RouteDeps } from '../server.ts';

const loginBody = z.object({
  login: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
});

export function authRoutes(app: App, deps: RouteDeps) {
  const { db } = deps.database;
  const throttle = new LoginThrottle(deps.loginThrottle);

  app.post(
    '/auth/login',
    {
      config: { public: true },
      schema: { tags: ['auth'], summary: 'Log in; sets the session cookie', body: loginBody },
    },
    async (req, reply) => {
      const now = deps.clock();
      const key = `${req.ip}|${req.body.login.toLowerCase()}`;
      const wait = throttle.retryAfter(key, now.getTime());
      if (wait > 0) {
        reply.header('retry-after', String(wait));
        throw new DomainError('RATE_LIMITED', `Too many failed logins; try again in ${wait} seconds`, {
          retryAfterSeconds: wait,
        });
      }
      let session: Awaited<ReturnType<typeof login>>;
      try {
        session = await login(db, req.body.login, req.body.password, now);
      } catch (err) {
        if (err instanceof DomainError && err.code === 'UNAUTHENTICATED') throttle.fail(key, now.getTime());
        throw err;
      }
      throttle.succeed(key);
      reply.setCookie(SESSION_COOKIE, session.token, {
        httpOnly: true,
        sameSite: 'lax',
        secure: deps.cookieSecure,
        path: '/',
        maxAge: Math.floor(SESSION_TTL_MS / 1000),
      });
      const user = await findUserById(db, session.userId);
      if (!user) throw new DomainError('UNAUTHENTICATED', 'Wrong login or password');
      return { user: presentUser(user), expiresAt: iso(session.expiresAt) };
    },
  );

  app.post(
    '/auth/logout',
    { config: { public: true }, schema: { tags: ['auth'], summary: 'Log out; ends the session' } },
    async (req, reply) => {
      const token = req.cookies[SESSION_COOKIE];
      if (token) await logout(db, token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send();
    },
  );

  app.get(
    '/me',
    { schema: { tags: ['auth'], summary: 'The logged-in user and what they may do' } },
    async (req) => {
      const actor = actorOf(req);
      const user = await findUserById(db, actor.id);
      if (!user) throw new DomainError('UNAUTHENTICATED', 'Log in or send an API token');
      return {
        user: presentUser(user),
        permissions: { seePersonalData: canSeePersonalData(actor) },
        viaToken: Boolean(actor.tokenId),
      };
    },
  );
}
