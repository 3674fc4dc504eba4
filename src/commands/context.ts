import type { Kysely } from 'kysely';
import type { DatabaseKind } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import type { Actor } from '../policies/actor.ts';

/** What every command receives: the database, who acts, and the time it happens (no hidden clock). */
export interface CommandContext {
  db: Kysely<Database>;
  dbKind: DatabaseKind;
  actor: Actor;
  now: Date;
}
