import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import type { Db } from '../../db/database.js';
import { createTestDb } from '../../../test/support/test-db.js';
import { upsertInstalledPortal } from '../../portals/portal-repo.js';

// The event inbox on both dialects: concurrent deliveries share group commits, duplicates (also
// within one commit) are recorded and enqueued once, a wrong token stores nothing.

let db: Db | undefined;
let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  await db?.close();
  app = undefined;
  db = undefined;
});

const TOKEN = 'app-token-0123456789';
const body = (id: number, token = TOKEN) =>
  new URLSearchParams({
    event: 'ONCRMDEALUPDATE',
    'data[FIELDS][ID]': String(id),
    ts: String(1_700_000_000 + id),
    'auth[member_id]': 'member-1',
    'auth[application_token]': token,
  }).toString();

describe('POST /events', () => {
  it('records each distinct delivery once under concurrency', async () => {
    db = await createTestDb();
    const config = loadConfig({
      ENCRYPTION_KEY: Buffer.alloc(32, 4).toString('base64'),
      SESSION_SECRET: 's'.repeat(40),
      LOG_LEVEL: 'silent',
      WORKER: 'off',
    });
    app = await buildApp({ config, db });
    await upsertInstalledPortal(db.kysely, app.secrets, {
      memberId: 'member-1',
      domain: 'p.example',
      clientEndpoint: 'https://p.example/rest/',
      serverEndpoint: 'https://oauth.example/rest/',
      accessToken: 'a',
      refreshToken: 'r',
      expiresAtMs: Date.now() + 60_000,
      applicationToken: TOKEN,
      scope: 'crm',
    });
    const send = (payload: string) =>
      app!.inject({ method: 'POST', url: '/events', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload });
    // 60 distinct events, each delivered twice, all at once; plus 10 forged ones.
    const res = await Promise.all([
      ...Array.from({ length: 60 }, (_, i) => send(body(i))),
      ...Array.from({ length: 60 }, (_, i) => send(body(i))),
      ...Array.from({ length: 10 }, (_, i) => send(body(100 + i, 'forged'))),
    ]);
    expect(res.filter((r) => r.statusCode === 200)).toHaveLength(120);
    expect(res.filter((r) => r.statusCode === 401)).toHaveLength(10);
    const events = await db.kysely.selectFrom('inbound_events').select('dedupe_key').execute();
    const jobs = await db.kysely.selectFrom('outbox_jobs').select(['kind', 'payload']).execute();
    expect(events).toHaveLength(60);
    expect(jobs).toHaveLength(60);
    expect(new Set(jobs.map((j) => (JSON.parse(j.payload) as { dealId: number }).dealId)).size).toBe(60);
    expect(jobs.every((j) => j.kind === 'deal.changed')).toBe(true);
  });
});
