import { sql } from 'kysely';
import { z } from 'zod';
import type { App, RouteDeps } from '../server.ts';

export function healthRoutes(app: App, deps: RouteDeps) {
  app.get(
    '/health',
    {
      config: { public: true },
      schema: {
        tags: ['system'],
        summary: 'Liveness and database check',
        response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) }) },
      },
    },
    async () => {
      await sql`select 1`.execute(deps.database.db);
      return { status: 'ok' as const, database: deps.database.kind };
    },
  );
}
