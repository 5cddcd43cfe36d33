import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { createDb, type Db, type Dialect } from '../../server/db/database.js';
import { migrateToLatest } from '../../server/db/migrate.js';

// For *.db.test.ts: the vitest project sets TEST_DIALECT; each call gets its own empty database
// (a fresh in-memory SQLite, or a freshly created PostgreSQL database dropped on close), so test
// files never see each other's rows even when they run in parallel.
export function testDialect(): Dialect {
  const d = process.env.TEST_DIALECT ?? 'sqlite';
  if (d !== 'sqlite' && d !== 'postgres') throw new Error(`TEST_DIALECT must be sqlite or postgres, got ${d}`);
  return d;
}

export function postgresAdminUrl(): string {
  return process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
}

/** A fresh, migrated database of the dialect under test. */
export async function createTestDb(dialect: Dialect = testDialect()): Promise<Db> {
  if (dialect === 'sqlite') {
    const db = createDb('sqlite::memory:');
    await migrateToLatest(db.kysely);
    return db;
  }
  const adminUrl = postgresAdminUrl();
  const name = `t_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = createDb(url.toString());
  await migrateToLatest(db.kysely);
  return {
    ...db,
    async close() {
      // The pool ends once every client is back. One that never comes back (seen twice under load in
      // session-routes.db.test.ts's afterAll, not reproduced alone) would hang the file: after 10 s say
      // what the database's sessions are doing, then drop it WITH (FORCE), which ends them.
      const closing = db.close();
      const timer = new AbortController();
      const stuck = await Promise.race([
        closing.then(() => false),
        sleep(10_000, undefined, { signal: timer.signal }).then(
          () => true,
          () => false,
        ),
      ]);
      timer.abort();
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      try {
        if (stuck) {
          const seen = await a.query(
            'SELECT pid, state, wait_event_type, wait_event, xact_start, left(query, 200) AS query FROM pg_stat_activity WHERE datname = $1',
            [name],
          );
          console.error(`test-db: ${name}: the pool did not end within 10 s; its sessions:`, JSON.stringify(seen.rows));
        }
        await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await a.end();
      }
      // A stuck pool is left to end when its dropped connections error out: waiting on it could hang again.
      if (!stuck) await closing;
      else closing.catch(() => undefined);
    },
  };
}

/** An installed portal row with placeholder endpoints, for tests that call the app but never the portal. */
export async function insertTestPortal(db: Db, id: string): Promise<void> {
  const now = new Date().toISOString();
  await db.kysely
    .insertInto('portals')
    .values({
      id,
      member_id: `m-${id}`,
      domain: `${id}.example`,
      client_endpoint: `https://${id}.example/rest/`,
      server_endpoint: 'https://oauth.example/rest/',
      status: 'active',
      installed_at: now,
      updated_at: now,
    } as never)
    .execute();
}
