// Builds the HTTP server: Fastify with Zod schemas, OpenAPI, authentication and the routes.
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { DatabaseHandle } from '../db/database.ts';
import { registerAuthentication } from './authenticate.ts';
import { errorHandler } from './error-handler.ts';
import { DEFAULT_THROTTLE, type ThrottleOptions } from './login-throttle.ts';
import { alertRoutes } from './routes/alerts.ts';
import { analysisRoutes } from './routes/analysis.ts';
import { authRoutes } from './routes/auth.ts';
import { calendarRoutes } from './routes/calendars.ts';
import { categoryRoutes } from './routes/categories.ts';
import { commitmentRoutes } from './routes/commitments.ts';
import { compensationRoutes } from './routes/compensations.ts';
import { complaintActionRoutes } from './routes/complaint-actions.ts';
import { complaintRoutes } from './routes/complaints.ts';
import { customerRoutes } from './routes/customers.ts';
import { deadlineRoutes } from './routes/deadlines.ts';
import { escalationRoutes } from './routes/escalations.ts';
import { healthRoutes } from './routes/health.ts';
import { notificationRoutes } from './routes/notifications.ts';
import { organisationRoutes } from './routes/organisation.ts';
import { productRoutes } from './routes/products.ts';
import { reportSettingsRoutes } from './routes/report-settings.ts';
import { reportRoutes } from './routes/reports.ts';
import { slaPolicyRoutes } from './routes/sla-policies.ts';
import { summaryRoutes } from './routes/summaries.ts';
import { userRoutes } from './routes/users.ts';
import { workOrderRoutes } from './routes/work-orders.ts';
import { DEFAULT_WEB_DIR, registerWebUi } from './web-ui.ts';

export const BODY_LIMIT_BYTES = 1_048_576;

export interface ServerOptions {
  database: DatabaseHandle;
  logLevel?: string;
  cookieSecure?: boolean;
  /** The clock; tests may pin it. */
  clock?: () => Date;
  loginThrottle?: ThrottleOptions;
  /** The built web UI to serve at `/` (default dist/web); null serves the API only. */
  webDir?: string | null;
}

export interface RouteDeps {
  database: DatabaseHandle;
  clock: () => Date;
  cookieSecure: boolean;
  loginThrottle: ThrottleOptions;
}

/** The Fastify instance with Zod as its type provider: route handlers see parsed, typed input. */
export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export async function buildServer(opts: ServerOptions): Promise<App> {
  const app = Fastify({
    bodyLimit: BODY_LIMIT_BYTES,
    logger: {
      level: opts.logLevel ?? 'info',
      // No personal data in logs: no query strings (they carry phone numbers), no bodies, no headers.
      serializers: {
        req: (req) => ({ method: req.method, url: req.url.split('?')[0], reqId: req.id }),
        res: (res) => ({ statusCode: res.statusCode }),
      },
    },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  const webDir = opts.webDir === undefined ? DEFAULT_WEB_DIR : opts.webDir;
  const servePage = webDir ? await registerWebUi(app, webDir) : () => false;
  app.setNotFoundHandler((req, reply) => {
    if (servePage(req, reply)) return reply;
    return reply.code(404).send({
      error: { code: 'NOT_FOUND', message: `No route ${req.method} ${req.url.split('?')[0]}`, details: {} },
    });
  });

  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Tousu API',
        description: 'Complaint handling for call centers (投诉处理)',
        version: '1',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'tousu_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(cookie);

  const deps: RouteDeps = {
    database: opts.database,
    clock: opts.clock ?? (() => new Date()),
    cookieSecure: opts.cookieSecure ?? false,
    loginThrottle: opts.loginThrottle ?? DEFAULT_THROTTLE,
  };
  registerAuthentication(app, opts.database.db, deps.clock);

  await app.register(
    async (plain) => {
      const api = plain.withTypeProvider<ZodTypeProvider>();
      healthRoutes(api, deps);
      authRoutes(api, deps);
      userRoutes(api, deps);
      categoryRoutes(api, deps);
      calendarRoutes(api, deps);
      slaPolicyRoutes(api, deps);
      customerRoutes(api, deps);
      complaintRoutes(api, deps);
      complaintActionRoutes(api, deps);
      analysisRoutes(api, deps);
      commitmentRoutes(api, deps);
      deadlineRoutes(api, deps);
      notificationRoutes(api, deps);
      alertRoutes(api, deps);
      productRoutes(api, deps);
      organisationRoutes(api, deps);
      escalationRoutes(api, deps);
      workOrderRoutes(api, deps);
      compensationRoutes(api, deps);
      reportRoutes(api, deps);
      reportSettingsRoutes(api, deps);
      summaryRoutes(api, deps);
      api.get('/openapi.json', { config: { public: true }, schema: { hide: true } }, async () =>
        app.swagger(),
      );
    },
    { prefix: '/api/v1' },
  );
  return app;
}
