// Verified event handler throughput on SQLite (file, WAL) against a bare Fastify route, same run,
// same machine, loopback. Each event request is unique (no dedupe shortcut): verify
// application_token (constant time) → insert inbound_events + outbox job in one transaction → 200.
// App logging stays on at the default level (info), written to a null sink.
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import Fastify from 'fastify';
import formbody from '@fastify/formbody';
import { buildApp } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { createDb } from '../server/db/database.js';
import { migrateToLatest } from '../server/db/migrate.js';
import { parseBracketForm } from '../server/form-body.js';
import { loggerOptions } from '../server/logger.js';
import { upsertInstalledPortal } from '../server/portals/portal-repo.js';

interface CannonResult {
  requests: { average: number; total: number };
  latency: { p99: number; p50: number; average: number };
  non2xx: number;
  errors: number;
}
type Cannon = (o: Record<string, unknown>) => Promise<CannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Cannon;

const DURATION_SEC = Number(process.env.BENCH_DURATION_SEC ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const MEMBER = 'bench0000000000000000000000000001';
const APP_TOKEN = 'bench-application-token-0123456789';

function eventBody(i: number): string {
  return new URLSearchParams({
    event: 'ONCRMDEALUPDATE',
    event_handler_id: '17',
    'data[FIELDS][ID]': String(1000 + i),
    ts: String(1_760_000_000 + i),
    'auth[access_token]': 'a'.repeat(32),
    'auth[expires]': '1760003600',
    'auth[expires_in]': '3600',
    'auth[scope]': 'crm,placement,bizproc',
    'auth[domain]': 'bench.bitrix24.test',
    'auth[server_endpoint]': 'https://oauth.bitrix.info/rest/',
    'auth[status]': 'L',
    'auth[client_endpoint]': 'https://bench.bitrix24.test/rest/',
    'auth[member_id]': MEMBER,
    'auth[user_id]': '1',
    'auth[application_token]': APP_TOKEN,
  }).toString();
}

async function run(url: string, path: string): Promise<CannonResult> {
  let i = 0;
  return autocannon({
    url,
    connections: CONNECTIONS,
    duration: DURATION_SEC,
    requests: [
      {
        method: 'POST',
        path,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        setupRequest: (req: Record<string, unknown>) => ({ ...req, body: eventBody(i++) }),
      },
    ],
  });
}

export default async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'b24l-bench-'));
  const db = createDb(`sqlite:${join(dir, 'bench.db')}`);
  await migrateToLatest(db.kysely);
  const config = loadConfig({
    ENCRYPTION_KEY: Buffer.alloc(32, 9).toString('base64'),
    SESSION_SECRET: 'bench-session-secret-0123456789abcdef',
    WORKER: 'off',
    LOG_LEVEL: 'info',
    PUBLIC_URL: 'http://127.0.0.1:0',
  });
  const sink = new Writable({ write: (_c, _e, cb) => cb() });
  const app = await buildApp({ config, db, logger: { ...loggerOptions('info'), stream: sink } });
  await upsertInstalledPortal(db.kysely, app.secrets, {
    memberId: MEMBER,
    domain: 'bench.bitrix24.test',
    clientEndpoint: 'https://bench.bitrix24.test/rest/',
    serverEndpoint: 'https://oauth.bitrix.info/rest/',
    accessToken: 'x',
    refreshToken: 'y',
    expiresAtMs: Date.now() + 3_600_000,
    applicationToken: APP_TOKEN,
    scope: 'crm',
  });
  const appUrl = await app.listen({ port: 0, host: '127.0.0.1' });

  const bare = Fastify({ logger: false });
  await bare.register(formbody, { parser: parseBracketForm });
  bare.post('/bare', async () => ({ status: 'ok' }));
  const bareUrl = await bare.listen({ port: 0, host: '127.0.0.1' });

  try {
    await run(appUrl, '/events'); // warm-up (JIT, SQLite page cache)
    const ev = await run(appUrl, '/events');
    const b = await run(bareUrl, '/bare');
    const jobs = await db.kysely
      .selectFrom('outbox_jobs')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const ratio = ev.requests.average / b.requests.average;
    const fmt = (name: string, r: CannonResult) =>
      `${name.padEnd(24)} ${r.requests.average.toFixed(0).padStart(7)} req/s   p50 ${String(r.latency.p50).padStart(3)} ms   p99 ${String(r.latency.p99).padStart(3)} ms   non-2xx ${r.non2xx}   errors ${r.errors}`;
    console.log(`SQLite (WAL, file), ${CONNECTIONS} connections, ${DURATION_SEC}s each, loopback`);
    console.log(fmt('verified /events', ev));
    console.log(fmt('bare Fastify route', b));
    console.log(`ratio events/bare: ${ratio.toFixed(2)}   jobs enqueued: ${jobs.n}`);
    console.log(
      `targets: >= 3000 req/s ${ev.requests.average >= 3000 ? 'OK' : 'MISS'}, p99 <= 20 ms ${ev.latency.p99 <= 20 ? 'OK' : 'MISS'}, ratio >= 0.3 ${ratio >= 0.3 ? 'OK' : 'MISS'}`,
    );
  } finally {
    await app.close();
    await bare.close();
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
