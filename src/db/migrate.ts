// Versioned SQL migrations, the same files for PGlite and PostgreSQL, applied in name order at
// start and by `tousu migrate`. On PostgreSQL an advisory lock keeps two starting instances
// from migrating at once.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DatabaseHandle } from './database.ts';
import { seedDefaults } from './seed.ts';

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));
const LOCK_KEY = 72_700_001;

export interface Migration {
  version: string;
  sql: string;
}

export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((f) => ({ version: f.replace(/\.sql$/, ''), sql: readFileSync(`${dir}/${f}`, 'utf8') }));
}

/** Applies pending migrations and seeds defaults; returns the versions applied now. */
export async function migrate(handle: DatabaseHandle, migrations = loadMigrations()): Promise<string[]> {
  const applied = await handle.withScriptSession(async (s) => {
    if (handle.kind === 'postgres') await s.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
    try {
      await s.exec(
        'CREATE TABLE IF NOT EXISTS schema_migrations (version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
      );
      const done = new Set(
        (await s.query<{ version: string }>('SELECT version FROM schema_migrations')).map((r) => r.version),
      );
      const now: string[] = [];
      for (const m of migrations) {
        if (done.has(m.version)) continue;
        const quoted = m.version.replaceAll("'", "''");
        await s.exec(
          `BEGIN;\n${m.sql}\n;INSERT INTO schema_migrations (version) VALUES ('${quoted}');\nCOMMIT;`,
        );
        now.push(m.version);
      }
      return now;
    } catch (err) {
      await s.exec('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      if (handle.kind === 'postgres') await s.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]);
    }
  });
  await seedDefaults(handle.db);
  return applied;
}
