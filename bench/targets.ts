// The databases the server is benchmarked on: a fresh PGlite folder, or a fresh database on the
// local PostgreSQL server, created before and removed after.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export type TargetName = 'pglite' | 'postgres';

export const TARGET_LABELS: Record<TargetName, string> = { pglite: 'PGlite', postgres: 'PostgreSQL' };

export interface PreparedTarget {
  name: TargetName;
  /** DATA_DIR or DATABASE_URL for the server. */
  env: Record<string, string>;
  /** A human description of where the data lives. */
  where: string;
  /** The PostgreSQL database, or null for PGlite. */
  database: string | null;
  /** What the server's database connections are doing now (PostgreSQL only), for stalls. */
  diagnose(): Promise<string[]>;
  /** Rows in `complaints` at the end, when the benchmark can see them (PostgreSQL only). */
  countComplaints(): Promise<number | null>;
  cleanUp(): Promise<void>;
}

export function preparePGlite(): PreparedTarget {
  const dir = mkdtempSync(join(tmpdir(), 'tousu-bench-'));
  return {
    name: 'pglite',
    env: { DATA_DIR: dir },
    where: dir,
    database: null,
    diagnose: async () => [],
    countComplaints: async () => null,
    cleanUp: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates tousu_bench_<timestamp>; returns null (with the reason) when PostgreSQL does not answer. */
export async function preparePostgres(
  adminUrl: string,
): Promise<{ target: PreparedTarget; version: string } | { skipped: string }> {
  const dbName = `tousu_bench_${Date.now()}`;
  let version: string;
  try {
    version = await withClient(adminUrl, async (c) => {
      const v = (await c.query<{ server_version: string }>('show server_version')).rows[0]?.server_version;
      await c.query(`CREATE DATABASE ${dbName}`);
      return v ?? 'unknown';
    });
  } catch (err) {
    return { skipped: err instanceof Error ? err.message : String(err) };
  }
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  const databaseUrl = url.toString();
  return {
    version,
    target: {
      name: 'postgres',
      env: { DATABASE_URL: databaseUrl },
      where: `${url.host}/${dbName}`,
      database: dbName,
      diagnose: () =>
        withClient(adminUrl, async (c) => {
          const r = await c.query<{ state: string; wait: string; n: string }>(
            `select coalesce(state, '?') as state,
                    coalesce(wait_event_type || ':' || wait_event, '-') as wait,
                    count(*) as n
               from pg_stat_activity
              where datname = $1 and pid <> pg_backend_pid()
              group by 1, 2
              order by 3 desc`,
            [dbName],
          );
          return r.rows.map((row) => `${row.n} × ${row.state} (${row.wait})`);
        }),
      countComplaints: () =>
        withClient(databaseUrl, async (c) => {
          const r = await c.query<{ n: string }>('select count(*) as n from complaints');
          return Number(r.rows[0]?.n ?? 0);
        }),
      cleanUp: () =>
        withClient(adminUrl, async (c) => {
          await c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
        }),
    },
  };
}
