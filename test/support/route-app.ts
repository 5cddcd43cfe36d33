import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { buildApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import type { Db } from '../../server/db/database.js';
import { createTestDb, insertTestPortal } from './test-db.js';

/**
 * For a route *.db.test.ts: the whole app (no listening, no worker) on a fresh database of the dialect
 * under test, with the given portals installed, and a bearer session for a user on a deal.
 */
export function useRouteApp(portals: string[]) {
  const env = {
    ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
    SESSION_SECRET: 's'.repeat(32),
    LOG_LEVEL: 'silent',
    WORKER: 'off',
  };
  const ctx = {
    app: undefined as unknown as FastifyInstance,
    db: undefined as unknown as Db,
    auth: (portalId: string, dealId: number) => ({
      authorization: `Bearer ${ctx.app.sessions.issue({ portalId, userId: 5, dealId, isAdmin: false })}`,
    }),
  };
  beforeAll(async () => {
    ctx.db = await createTestDb();
    ctx.app = await buildApp({ config: loadConfig(env), db: ctx.db });
    await ctx.app.ready();
    for (const p of portals) await insertTestPortal(ctx.db, p);
  });
  afterAll(async () => {
    await ctx.app?.close();
    await ctx.db?.close();
  });
  return ctx;
}
