import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import type { Db } from '../db/database.js';
import { createTestDb, insertTestPortal } from '../../test/support/test-db.js';
import { sampleProductBody } from '../../test/support/sample-product.js';
import { CSRF_HEADER, SESSION_COOKIE } from './session.js';

// The admin cookie session changes nothing without the CSRF token its page carries; bearer
// sessions (the widgets inside the portal) never need one. The page that carries the token is
// exercised in a browser by test/settings-products.test.ts and test/settings-session.test.ts.
const env = { ENCRYPTION_KEY: Buffer.alloc(32, 5).toString('base64'), SESSION_SECRET: 'c'.repeat(32), LOG_LEVEL: 'silent', WORKER: 'off' };
let db: Db;
let app: FastifyInstance;

const product = (id: string) => sampleProductBody(id);

beforeAll(async () => {
  db = await createTestDb();
  app = await buildApp({ config: loadConfig(env), db });
  await app.ready();
  await insertTestPortal(db, 'pa');
});
afterAll(async () => {
  await app?.close();
  await db?.close();
});

const stored = async () => (await db.kysely.selectFrom('loan_products').select('id').execute()).map((r) => r.id).sort();

describe('CSRF on the cookie session', () => {
  it('refuses a change by cookie without the token, or with a wrong one, and stores nothing', async () => {
    const token = app.sessions.issue({ portalId: 'pa', userId: 1, isAdmin: true });
    const cookie = `${SESSION_COOKIE}=${encodeURIComponent(token)}`;
    const csrf = app.sessions.csrfToken({ portalId: 'pa', userId: 1 });
    const other = app.sessions.csrfToken({ portalId: 'pa', userId: 2 });
    for (const headers of [
      {},
      { [CSRF_HEADER]: other },
      { [CSRF_HEADER]: csrf.toUpperCase() },
      { [CSRF_HEADER]: `${csrf}00` },
      { [CSRF_HEADER]: '' },
    ]) {
      const r = await app.inject({ method: 'PUT', url: '/api/v1/products/a', headers: { cookie, ...headers }, payload: product('a') });
      expect(r.statusCode, JSON.stringify(headers)).toBe(403);
      expect(r.json().error).toBe('CSRF_TOKEN_INVALID');
    }
    expect(await stored()).toEqual([]);
    // Reads need no token; a change with the page's token goes through.
    expect((await app.inject({ method: 'GET', url: '/api/v1/products', headers: { cookie } })).statusCode).toBe(200);
    const ok = await app.inject({
      method: 'PUT',
      url: '/api/v1/products/a',
      headers: { cookie, [CSRF_HEADER]: csrf },
      payload: product('a'),
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(await stored()).toEqual(['a']);
  });

  it('the token survives signing in again as the same user; bearer sessions need none', async () => {
    const again = app.sessions.issue({ portalId: 'pa', userId: 1, isAdmin: true, ttlSec: 60 });
    const csrf = app.sessions.csrfToken({ portalId: 'pa', userId: 1 });
    const r = await app.inject({
      method: 'PUT',
      url: '/api/v1/products/b',
      headers: { cookie: `${SESSION_COOKIE}=${again}`, [CSRF_HEADER]: csrf },
      payload: product('b'),
    });
    expect(r.statusCode, r.body).toBe(200);
    const bearer = `Bearer ${app.sessions.issue({ portalId: 'pa', userId: 1, isAdmin: true })}`;
    const b = await app.inject({ method: 'PUT', url: '/api/v1/products/c', headers: { authorization: bearer }, payload: product('c') });
    expect(b.statusCode, b.body).toBe(200);
    expect(await stored()).toEqual(['a', 'b', 'c']);
  });
});
