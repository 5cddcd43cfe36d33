import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../app.js';
import { loadConfig } from '../../../config.js';
import type { Db } from '../../../db/database.js';
import { createTestDb, insertTestPortal } from '../../../../test/support/test-db.js';

// The reminder settings through the whole app: admins only, saved per portal, a bad zone refused
// beside its field in the user's language and nothing saved.
const env = { ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'), SESSION_SECRET: 's'.repeat(32), LOG_LEVEL: 'silent', WORKER: 'off' };
let db: Db;
let app: FastifyInstance;
const auth = (portalId: string, isAdmin = true) => ({ authorization: `Bearer ${app.sessions.issue({ portalId, userId: 5, isAdmin })}` });
const body = {
  offsets: [7, -3, 0, 1, 3, 30],
  clientSms: true,
  employee: true,
  timeZone: 'Asia/Yekaterinburg',
  law: 'RU',
  smsProvider: null,
};

beforeAll(async () => {
  db = await createTestDb();
  app = await buildApp({ config: loadConfig(env), db });
  await app.ready();
  await insertTestPortal(db, 'pa');
  await insertTestPortal(db, 'pb');
});
afterAll(async () => {
  await app?.close();
  await db?.close();
});

describe('reminder settings API', () => {
  it('is for portal administrators only', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/v1/settings/reminders' })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/api/v1/settings/reminders', headers: auth('pa', false) })).statusCode).toBe(403);
    const put = await app.inject({ method: 'PUT', url: '/api/v1/settings/reminders', headers: auth('pa', false), payload: body });
    expect(put.statusCode).toBe(403);
  });

  it('saves the rules per portal; a bad zone or offset is refused and changes nothing', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/v1/settings/reminders', headers: auth('pa') })).json()).toEqual({
      settings: null,
    });
    const saved = await app.inject({ method: 'PUT', url: '/api/v1/settings/reminders', headers: auth('pa'), payload: body });
    expect(saved.statusCode, saved.body).toBe(200);
    const expected = { ...body, offsets: [-3, 0, 1, 3, 7, 30] };
    expect(saved.json()).toEqual({ settings: expected });
    const badZone = await app.inject({
      method: 'PUT',
      url: '/api/v1/settings/reminders',
      headers: { ...auth('pa'), 'accept-language': 'es-MX' },
      payload: { ...body, timeZone: 'Mars/Olympus' },
    });
    expect(badZone.statusCode).toBe(422);
    expect(badZone.json()).toMatchObject({ error: 'REMINDER_TIME_ZONE_UNKNOWN', details: { field: 'timeZone' } });
    expect(badZone.json().message).toContain('Zona horaria');
    const badOffset = await app.inject({
      method: 'PUT',
      url: '/api/v1/settings/reminders',
      headers: auth('pa'),
      payload: { ...body, offsets: [400] },
    });
    expect(badOffset.statusCode).toBe(400);
    expect((await app.inject({ method: 'GET', url: '/api/v1/settings/reminders', headers: auth('pa') })).json()).toEqual({
      settings: expected,
    });
    expect((await app.inject({ method: 'GET', url: '/api/v1/settings/reminders', headers: auth('pb') })).json()).toEqual({
      settings: null,
    });
  });
});
