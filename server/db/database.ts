import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';

export type Dialect = 'sqlite' | 'postgres';

export interface Db {
  kysely: Kysely<Database>;
  dialect: Dialect;
  close(): Promise<void>;
}

// pg returns BIGINT/NUMERIC as strings by default; we keep it so (money stays exact).
/** `sqlite:./data/x.db`, `sqlite::memory:` or `postgres://…`. */
export function createDb(url: string): Db {
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    const pool = new pg.Pool({ connectionString: url, max: 10 });
    // An idle client whose server connection ends (PostgreSQL restart, failover, admin termination)
    // emits 'error' on the pool; unhandled, that kills the process (node-postgres docs: pg.Pool
    // "error" event). The pool drops that client and the next query opens a new connection.
    pool.on('error', (err) => {
      process.stderr.write(`[db] idle PostgreSQL connection lost: ${(err as { code?: string }).code ?? err.message}\n`);
    });
    const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { kysely, dialect: 'postgres', close: () => kysely.destroy() };
  }
  const file = url.replace(/^sqlite:/, '');
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { kysely, dialect: 'sqlite', close: () => kysely.destroy() };
}
