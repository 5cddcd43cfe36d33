import { describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { createTestDb } from '../../test/support/test-db.js';
import { dailyResyncKey, utcDay } from './daily-resync.js';

const env = { ENCRYPTION_KEY: 'a'.repeat(44), SESSION_SECRET: 's'.repeat(32), LOG_LEVEL: 'silent' };

describe('scheduler in the app', () => {
  it('WORKER=on: the day is requested at boot; the interval comes from RESYNC_INTERVAL_MS; close stops it', async () => {
    const db = await createTestDb();
    const config = loadConfig({ ...env, WORKER: 'on', RESYNC_INTERVAL_MS: '5000' });
    expect(config.RESYNC_INTERVAL_MS).toBe(5000);
    const app = await buildApp({ config, db });
    await app.ready();
    await app.scheduler.tick();
    const rows = await db.kysely.selectFrom('outbox_jobs').select('idempotency_key').where('kind', '=', 'loans.daily-resync').execute();
    // The tick after boot re-checks the clock, so today's key is there even if boot straddled midnight UTC.
    expect(rows.map((r) => r.idempotency_key)).toContain(dailyResyncKey(utcDay(new Date())));
    await app.close();
    await db.close();
  });

  it('WORKER=off: nothing is requested (a web-only process leaves the clock to the workers)', async () => {
    const db = await createTestDb();
    const app = await buildApp({ config: loadConfig({ ...env, WORKER: 'off' }), db });
    await app.ready();
    const rows = await db.kysely.selectFrom('outbox_jobs').select('id').where('kind', '=', 'loans.daily-resync').execute();
    expect(rows).toEqual([]);
    expect(loadConfig(env).RESYNC_INTERVAL_MS).toBe(3_600_000);
    await app.close();
    await db.close();
  });
});
