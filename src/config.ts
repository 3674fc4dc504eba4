// Configuration from the environment (documented in the README's configuration table).

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  dbPoolSize: number;
  logLevel: string;
  adminLogin: string | undefined;
  adminPassword: string | undefined;
  cookieSecure: boolean;
  /** How often the timer engine sweeps for due deadlines and promises; 0 turns it off here. */
  timerIntervalMs: number;
}

function int(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer, got "${value}"`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: int('PORT', env.PORT, 3000),
    host: env.HOST || '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.DATA_DIR || './data',
    dbPoolSize: int('DB_POOL_SIZE', env.DB_POOL_SIZE, 10),
    logLevel: env.LOG_LEVEL || 'info',
    adminLogin: env.TOUSU_ADMIN_LOGIN || undefined,
    adminPassword: env.TOUSU_ADMIN_PASSWORD || undefined,
    cookieSecure: env.COOKIE_SECURE === 'true',
    timerIntervalMs:
      env.TIMER_INTERVAL_MS === '0' ? 0 : int('TIMER_INTERVAL_MS', env.TIMER_INTERVAL_MS, 15_000),
  };
}
