// The payment-file import the way production runs it: `npm start` is `tsx server/main.ts`, and the
// file is parsed in a worker thread that must load TypeScript through tsx too (vitest's transform
// does not reach a worker, and on Node 20 the parent's tsx hooks do not either). This starts the
// real server under tsx in a child process, sends an XLSX, and polls it to its outcome; then kills
// the server mid-parse and shows the abandoned import reads as failed after its lease on restart.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Db } from '../server/db/database.js';
import { insertTestPortal } from './support/test-db.js';
import { agentMxXlsx, largeAgentXlsx } from './support/payment-file-fixtures.js';
import { createSessionSigner } from '../server/security/session.js';

const SECRET = 's'.repeat(32);
const dir = mkdtempSync(join(tmpdir(), 'import-tsx-'));
const env = {
  ...process.env,
  DATABASE_URL: `sqlite:${join(dir, 'app.db')}`,
  ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
  SESSION_SECRET: SECRET,
  LOG_LEVEL: 'info',
  WORKER: 'off',
  HOST: '127.0.0.1',
  PORT: '0',
  PAYMENT_IMPORT_LEASE_MS: '1500',
};
const token = createSessionSigner(SECRET).issue({ portalId: 'p1', userId: 5, isAdmin: true });
const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
const mapping = { dealId: 'Número de crédito', date: 'Fecha de pago', amount: 'Importe', reference: 'Referencia' };

interface Server {
  child: ChildProcess;
  url: string;
}

/** `tsx server/main.ts` — the npm start command — listening on a free port it logs. */
function startServer(): Promise<Server> {
  // detached: its own process group, so killing the group reaches the node process tsx starts.
  const child = spawn(join('node_modules', '.bin', 'tsx'), ['server/main.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (b: Buffer) => {
      out += b.toString();
      // Only the port: the host part of the line may be redacted by the log scrubber.
      const m = /"msg":"Server listening at http:\/\/\S*?:(\d+)"/.exec(out);
      if (m) resolve({ child, url: `http://127.0.0.1:${m[1]!}` });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (b: Buffer) => (out += b.toString()));
    child.once('exit', (code) => reject(new Error(`server exited ${code}: ${out.slice(-2000)}`)));
  });
}

async function stop(s: Server | undefined): Promise<void> {
  if (!s || s.child.exitCode !== null || s.child.signalCode !== null) return;
  const exited = new Promise((ok) => s.child.once('exit', ok));
  // The whole group: tsx's wrapper and the server it runs (a crash, not a graceful close).
  process.kill(-s.child.pid!, 'SIGKILL');
  await exited;
}

// As the settings page sends it: the bytes as application/octet-stream (the content-type parser
// of the route is exercised under tsx/ESM here), the settings in the query string.
async function send(s: Server, fileName: string, content: Buffer, decimalSeparator: '.' | ','): Promise<string> {
  const q = new URLSearchParams({ fileName, ...mapping, dateOrder: 'dmy', decimalSeparator, dryRun: 'true' });
  const r = await fetch(`${s.url}/api/v1/payment-imports/file?${q}`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/octet-stream' },
    body: new Uint8Array(content),
  });
  expect(r.status, await r.clone().text()).toBe(202);
  return ((await r.json()) as { importId: string }).importId;
}

interface State {
  status: string;
  refusal?: { issues: { line: number; code: string }[] };
  failure?: { code: string };
}

async function state(s: Server, id: string): Promise<State> {
  const r = await fetch(`${s.url}/api/v1/payment-imports/${id}`, { headers });
  expect(r.status).toBe(200);
  return (await r.json()) as State;
}

async function until(s: Server, id: string, done: (st: State) => boolean): Promise<State> {
  for (;;) {
    const st = await state(s, id);
    if (done(st)) return st;
    await new Promise((ok) => setTimeout(ok, 50));
  }
}

describe('payment import under tsx (npm start)', () => {
  let server: Server | undefined;
  let db: Db;

  beforeAll(async () => {
    server = await startServer();
    db = createDb(env.DATABASE_URL);
    await insertTestPortal(db, 'p1');
  }, 60_000);

  afterAll(async () => {
    await stop(server);
    await db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('parses an XLSX in the worker thread and reports it line by line', async () => {
    const id = await send(server!, 'pagos.xlsx', await agentMxXlsx(), '.');
    const st = await until(server!, id, (x) => x.status !== 'queued' && x.status !== 'parsing');
    // The workbook was read (its rows reached the loan check): no loans in this portal.
    expect(st.status).toBe('refused');
    // Every row was read: row 3's 16-digit number reference was already rounded by Excel.
    expect(st.refusal!.issues.map((i) => [i.line, i.code])).toEqual([
      [2, 'LOAN_NOT_FOUND'],
      [3, 'REFERENCE_PRECISION_LOST'],
      [4, 'LOAN_NOT_FOUND'],
      [6, 'LOAN_NOT_FOUND'],
    ]);
  });

  it('a server killed mid-parse leaves an import that reads as failed once its lease is over', async () => {
    const big = await largeAgentXlsx([1, 2, 3], 11, 5_000);
    const id = await send(server!, 'grande.xlsx', big, '.');
    await until(server!, id, (x) => x.status === 'parsing');
    // Health checks answer while the worker parses.
    expect((await fetch(`${server!.url}/healthz`)).status).toBe(200);
    await stop(server);
    server = await startServer();
    const st = await until(server, id, (x) => x.status !== 'parsing');
    expect(st).toMatchObject({ status: 'failed', failure: { code: 'IMPORT_INTERRUPTED' } });
  });
});
