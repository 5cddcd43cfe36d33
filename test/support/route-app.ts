import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { buildApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import type { Db } from '../../server/db/database.js';
import { createTestDb, insertTestPortal } from './test-db.js';

/**
 * For a route *.db.test.ts: the whole app (no listening, no worker) on a fresh database of the dialect
 * under test, with the given portals installed, and bearer sessions: a user on a deal, or a user of the
 * settings pages (a portal administrator unless told otherwise). `env`: what the routes under test add
 * to the configuration (e.g. MAIL_READER, CHECKS_ALLOW_LOCAL_URLS).
 */
export function useRouteApp(portals: string[], env: Record<string, string> = {}) {
  const config = {
    ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
    SESSION_SECRET: 's'.repeat(32),
    LOG_LEVEL: 'silent',
    WORKER: 'off',
    ...env,
  };
  const ctx = {
    app: undefined as unknown as FastifyInstance,
    db: undefined as unknown as Db,
    auth: (portalId: string, dealId: number) => ({
      authorization: `Bearer ${ctx.app.sessions.issue({ portalId, userId: 5, dealId, isAdmin: false })}`,
    }),
    settingsAuth: (portalId: string, isAdmin = true) => ({
      authorization: `Bearer ${ctx.app.sessions.issue({ portalId, userId: 5, isAdmin })}`,
    }),
  };
  beforeAll(async () => {
    ctx.db = await createTestDb();
    ctx.app = await buildApp({ config: loadConfig(config), db: ctx.db });
    await ctx.app.ready();
    for (const p of portals) await insertTestPortal(ctx.db, p);
  });
  afterAll(async () => {
    await ctx.app?.close();
    await ctx.db?.close();
  });
  return ctx;
}
