import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.js';

// The one database-handle type of the app (Kysely's Transaction extends Kysely, so an Executor may be
// either); `db/database.ts` `Db` is the connection (handle + dialect + close), not this.

/** A handle that may or may not be inside a transaction. */
export type Executor = Kysely<Database>;
/** Functions that must run inside a transaction take this, so the compiler enforces it. */
export type Trx = Transaction<Database>;

/** True when `e` is a unique-constraint violation on SQLite or PostgreSQL. */
export function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; message?: string };
  return err?.code === '23505' || err?.code === 'SQLITE_CONSTRAINT_UNIQUE' || err?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
