// Starting Tousu: open the database, migrate, make sure an administrator exists, serve HTTP.
import { bootstrapAdmin } from './commands/bootstrap-admin.ts';
import type { Config } from './config.ts';
import { type DatabaseHandle, openDatabase } from './db/database.ts';
import { migrate } from './db/migrate.ts';
import { type App, buildServer } from './http/server.ts';
import { startTimerEngine, type TimerEngine } from './jobs/timer-engine.ts';

export async function openAndMigrate(config: Config): Promise<DatabaseHandle> {
  const handle = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: config.dbPoolSize,
  });
  await migrate(handle);
  return handle;
}

export async function startServer(
  config: Config,
): Promise<{ app: App; handle: DatabaseHandle; url: string }> {
  const handle = await openAndMigrate(config);
  const admin = await bootstrapAdmin(
    handle.db,
    { login: config.adminLogin, password: config.adminPassword },
    new Date(),
  );
  const app = await buildServer({
    database: handle,
    logLevel: config.logLevel,
    cookieSecure: config.cookieSecure,
  });
  if (admin) {
    // Printed to the operator's terminal once, never to the log.
    const lines = [`First start: administrator "${admin.login}" created.`];
    if (admin.generatedPassword) lines.push(`Its password (shown only now): ${admin.generatedPassword}`);
    process.stdout.write(`\n${lines.join('\n')}\n\n`);
  }
  let engine: TimerEngine | undefined;
  if (config.timerIntervalMs > 0) {
    // Catches up at once (breaches during downtime get their true time), then sweeps on a tick.
    engine = startTimerEngine({
      db: handle.db,
      clock: () => new Date(),
      intervalMs: config.timerIntervalMs,
      onError: (err) => app.log.error({ err }, 'timer engine sweep failed'),
      onSweep: (r) => {
        if (r.warned + r.breached + r.reminded + r.overdue > 0) app.log.info({ sweep: r }, 'timers fired');
      },
    });
  }
  app.addHook('onClose', async () => {
    await engine?.stop();
    await handle.close();
  });
  await app.listen({ port: config.port, host: config.host });
  const where = config.databaseUrl ? 'PostgreSQL' : `embedded PGlite in ${config.dataDir}`;
  process.stdout.write(`Tousu is listening on http://localhost:${config.port} (database: ${where})\n`);
  return { app, handle, url: `http://localhost:${config.port}` };
}
