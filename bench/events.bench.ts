// Verified event handler throughput on SQLite (file, WAL) against a bare Fastify route, same run,
// same machine, loopback. Each event request is unique (no dedupe shortcut): verify
// application_token (constant time) → insert inbound_events + outbox job in one transaction → 200.
// App logging stays on at the default level (info), written to a null sink. The servers run in a
// child process so that autocannon (in this process) does not share their event loop.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Writable } from 'node:stream';
import Fastify from 'fastify';
import { sql } from 'kysely';
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

async function serve(dbFile: string): Promise<void> {
  const db = createDb(`sqlite:${dbFile}`);
  await migrateToLatest(db.kysely);
  // BENCH_SQLITE_SYNC=NORMAL measures WAL without an fsync per commit (the app default is FULL).
  if (process.env.BENCH_SQLITE_SYNC)
    await sql.raw(`PRAGMA synchronous = ${process.env.BENCH_SQLITE_SYNC === 'NORMAL' ? 'NORMAL' : 'FULL'}`).execute(db.kysely);
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
  process.stdout.write(JSON.stringify({ appUrl, bareUrl }) + '\n');
  process.once('SIGTERM', () => {
    void Promise.all([app.close(), bare.close()])
      .then(() => db.close())
      .then(() => process.exit(0));
  });
}

async function startServers(dbFile: string): Promise<{ appUrl: string; bareUrl: string; stop: () => Promise<void> }> {
  const child = spawn(
    process.execPath,
    [
      ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir=' + process.env.BENCH_CPU_PROF] : []),
      '--import',
      'tsx',
      fileURLToPath(import.meta.url),
    ],
    {
      env: { ...process.env, BENCH_ROLE: 'server', BENCH_DB: dbFile },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const urls = await new Promise<{ appUrl: string; bareUrl: string }>((resolve, reject) => {
    let buf = '';
    child.stdout.on('data', (d: Buffer) => {
      buf += String(d);
      const nl = buf.indexOf('\n');
      if (nl >= 0) resolve(JSON.parse(buf.slice(0, nl)) as { appUrl: string; bareUrl: string });
    });
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return { ...urls, stop };
}

export default async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'b24l-bench-'));
  const dbFile = join(dir, 'bench.db');
  const { appUrl, bareUrl, stop } = await startServers(dbFile);
  try {
    await run(appUrl, '/events'); // warm-up (JIT, SQLite page cache)
    const ev = await run(appUrl, '/events');
    const b = await run(bareUrl, '/bare');
    await stop();
    const db = createDb(`sqlite:${dbFile}`);
    const jobs = await db.kysely
      .selectFrom('outbox_jobs')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    await db.close();
    const ratio = ev.requests.average / b.requests.average;
    const fmt = (name: string, r: CannonResult) =>
      `${name.padEnd(24)} ${r.requests.average.toFixed(0).padStart(7)} req/s   p50 ${String(r.latency.p50).padStart(3)} ms   p99 ${String(r.latency.p99).padStart(3)} ms   non-2xx ${r.non2xx}   errors ${r.errors}`;
    console.log(
      `SQLite (WAL, synchronous=${process.env.BENCH_SQLITE_SYNC ?? 'FULL'}, file), ${CONNECTIONS} connections, ${DURATION_SEC}s each, loopback, servers in a child process`,
    );
    console.log(fmt('verified /events', ev));
    console.log(fmt('bare Fastify route', b));
    console.log(`ratio events/bare: ${ratio.toFixed(2)}   jobs enqueued: ${jobs.n}`);
    console.log(
      `targets: >= 3000 req/s ${ev.requests.average >= 3000 ? 'OK' : 'MISS'}, p99 <= 20 ms ${ev.latency.p99 <= 20 ? 'OK' : 'MISS'}, ratio >= 0.3 ${ratio >= 0.3 ? 'OK' : 'MISS'}`,
    );
  } finally {
    await stop().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.env.BENCH_ROLE === 'server') await serve(process.env.BENCH_DB!);
