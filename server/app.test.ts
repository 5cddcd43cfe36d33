import { describe, expect, it } from 'vitest';
import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { createDb } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';

const env = { ENCRYPTION_KEY: 'a'.repeat(44), SESSION_SECRET: 's'.repeat(32), LOG_LEVEL: 'silent' };

describe('app', () => {
  it('answers healthz and readyz', async () => {
    const db = createDb('sqlite::memory:');
    await migrateToLatest(db.kysely);
    const app = await buildApp({ config: loadConfig(env), db });
    expect((await app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    expect((await app.inject('/readyz')).statusCode).toBe(200);
    const nf = await app.inject('/nope');
    expect(nf.statusCode).toBe(404);
    expect(nf.json().error).toBe('NOT_FOUND');
    await app.close();
    await db.close();
  });

  it('refuses an invalid configuration with every problem listed', () => {
    expect(() => loadConfig({ PORT: 'x' })).toThrow(/PORT[\s\S]*ENCRYPTION_KEY|ENCRYPTION_KEY[\s\S]*PORT/);
  });
});
