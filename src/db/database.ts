// Opens the database: PGlite (embedded, persisted to a folder) by default, or a real PostgreSQL
// server through a connection pool when a URL is given. Both speak the same SQL.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock.ts';
import { PGliteDialect } from './pglite-dialect.ts';
import type { Database } from './schema.ts';

export type DatabaseKind = 'pglite' | 'postgres';

/** A session for running multi-statement SQL scripts (migrations). */
export interface ScriptSession {
  exec(sql: string): Promise<void>;
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
}

export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: DatabaseKind;
  withScriptSession<T>(fn: (s: ScriptSession) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres://… — when set, the real server is used. */
  databaseUrl?: string | undefined;
  /** Folder for PGlite's files; 'memory://' keeps everything in memory (tests). */
  dataDir?: string | undefined;
  /** PostgreSQL schema to work in (tests isolate themselves this way). */
  schema?: string | undefined;
  poolSize?: number | undefined;
}

// int8 (counts, bigint ids) as JavaScript numbers: every value we store fits in 2^53.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

export async function openDatabase(opts: DatabaseOptions): Promise<DatabaseHandle> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl, opts) : openPGlite(opts.dataDir ?? './data');
}

async function openPostgres(url: string, opts: DatabaseOptions): Promise<DatabaseHandle> {
  const schemaOption = opts.schema ? `-c search_path=${quoteIdent(opts.schema)}` : undefined;
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.poolSize ?? 10,
    // A request that cannot get a connection fails after 10 s instead of hanging forever.
    connectionTimeoutMillis: 10_000,
    ...(schemaOption ? { options: schemaOption } : {}),
  });
  if (opts.schema) {
    const client = await pool.connect();
    try {
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(opts.schema)}`);
    } finally {
      client.release();
    }
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: 'postgres',
    async withScriptSession(fn) {
      const client = await pool.connect();
      try {
        return await fn({
          exec: async (sql) => {
            await client.query(sql);
          },
          query: async <T>(sql: string, params: unknown[] = []) =>
            (await client.query(sql, params)).rows as T[],
        });
      } finally {
        client.release();
      }
    },
    close: () => db.destroy(),
  };
}

const INITDB_SCRIPT = fileURLToPath(new URL('./pglite-initdb.mjs', import.meta.url));

/**
 * PGlite keeps initdb's WebAssembly memory (~650 MB) for the life of the process that created
 * the folder. A new folder is therefore initialised by a short-lived child process, and the
 * server opens a ready folder: about 380 MB instead of 900 MB.
 */
async function initialiseDataDir(dataDir: string): Promise<void> {
  if (existsSync(join(dataDir, 'PG_VERSION'))) return;
  await promisify(execFile)(process.execPath, [INITDB_SCRIPT, dataDir], { timeout: 120_000 });
}

async function openPGlite(dataDir: string): Promise<DatabaseHandle> {
  const inMemory = dataDir.startsWith('memory://');
  if (!inMemory) mkdirSync(dataDir, { recursive: true });
  const unlock = inMemory ? () => undefined : lockDataDir(dataDir);
  let pglite: PGlite;
  try {
    if (!inMemory) await initialiseDataDir(dataDir);
    // Loaded only when used: the WebAssembly build costs ~40 MB that a PostgreSQL deployment need not pay.
    const { PGlite: Engine } = await import('@electric-sql/pglite');
    pglite = await Engine.create(dataDir);
  } catch (err) {
    unlock();
    throw err;
  }
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  return {
    db,
    kind: 'pglite',
    async withScriptSession(fn) {
      return fn({
        exec: async (sql) => {
          await pglite.exec(sql);
        },
        query: async <T>(sql: string, params: unknown[] = []) => (await pglite.query<T>(sql, params)).rows,
      });
    },
    close: async () => {
      try {
        await db.destroy();
      } finally {
        unlock();
      }
    },
  };
}

function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unsafe schema name ${name}`);
  return `"${name}"`;
}
