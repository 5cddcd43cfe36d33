import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Db, type Dialect } from '../server/db/database.js';
import { migrateToLatest } from '../server/db/migrate.js';
import { postgresAdminUrl } from './support/test-db.js';
import { countInbound } from '../server/mail/inbox/inbox-repo.js';
import { startDovecot, type Dovecot } from './support/mail/dovecot-rig.js';
import { FIXTURE_PORTAL } from './support/mail/fixture-key.js';
import { numberedReply } from './support/mail/reader-setup.js';

// Issue 16, "done when": the mailbox holds 200 replies, the reader is killed (SIGKILL) mid-way and
// restarted as two processes at once; each reply is recorded exactly once, none lost. Real Dovecot
// (messages delivered over LMTP), real child processes under tsx, SQLite file and PostgreSQL.

const N = 200;
function startReader(env: Record<string, string>, worker: string): ChildProcess {
  // node --import tsx, not the tsx wrapper: the wrapper runs the script in a second process, which a
  // SIGKILL of the wrapper would leave running.
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/mail/reader-child.ts'], {
    env: { ...process.env, ...env, MAIL_WORKER: worker },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr?.on('data', (b: Buffer) => process.stderr.write(`[${worker}] ${b.toString()}`));
  return child;
}

async function until(what: string, check: () => Promise<boolean>, alive: ChildProcess[], timeoutMs = 90_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    if (alive.some((c) => c.exitCode !== null)) throw new Error(`a reader exited while waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const exited = (c: ChildProcess): Promise<void> =>
  new Promise((r) => (c.exitCode !== null || c.signalCode !== null ? r() : c.once('exit', () => r())));

async function openDb(dialect: Dialect, dir: string): Promise<{ db: Db; url: string; drop(): Promise<void> }> {
  if (dialect === 'sqlite') {
    const url = `sqlite:${join(dir, 'mail.db')}`;
    return { db: createDb(url), url, drop: async () => undefined };
  }
  const admin = postgresAdminUrl();
  const name = `t_mail_${Date.now().toString(36)}`;
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  await c.query(`CREATE DATABASE ${name}`);
  await c.end();
  const u = new URL(admin);
  u.pathname = `/${name}`;
  return {
    db: createDb(u.toString()),
    url: u.toString(),
    async drop() {
      const a = new pg.Client({ connectionString: admin });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

let dovecot: Dovecot;
beforeAll(async () => {
  dovecot = await startDovecot();
});
afterAll(async () => {
  await dovecot?.stop();
});

describe.each(['sqlite', 'postgres'] as const)('mailbox reader on %s', (dialect) => {
  it('200 replies, reader killed mid-way, two readers restarted: each reply recorded exactly once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'b24-mail-'));
    const { db, url, drop } = await openDb(dialect, dir);
    const children: ChildProcess[] = [];
    try {
      await migrateToLatest(db.kysely);
      // A fresh folder per dialect, so each run starts from an empty mailbox.
      const user = `approvals${dialect}`;
      dovecot.addUser(user);
      for (let i = 0; i < N; i++) await dovecot.deliver(numberedReply(i), `${user}@lender.example`);
      // A bank's server retrying one delivery: a second copy of reply 7, with the same Message-ID.
      await dovecot.deliver(numberedReply(7), `${user}@lender.example`);

      const env = { MAIL_DB_URL: url, MAIL_IMAP_PORT: String(dovecot.imapPort), MAIL_USER: user, MAIL_PASS: dovecot.pass };
      const replies = async (): Promise<number> =>
        Number(
          (
            await db.kysely
              .selectFrom('mail_replies')
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );

      const first = startReader(env, 'reader-a');
      children.push(first);
      await until('the first replies', async () => (await replies()) >= 30, [first]);
      first.kill('SIGKILL');
      await exited(first);
      const atKill = await replies();
      expect(atKill).toBeLessThan(N);
      const stranded = (await countInbound(db.kysely, FIXTURE_PORTAL)).claimed ?? 0;

      const b = startReader(env, 'reader-b');
      const c = startReader(env, 'reader-c');
      children.push(b, c);
      await until('every message done', async () => (await countInbound(db.kysely, FIXTURE_PORTAL)).done === N + 1, [b, c]);

      await new Promise((r) => setTimeout(r, 500)); // nothing more may happen once all is done
      const counts = await countInbound(db.kysely, FIXTURE_PORTAL);
      expect(counts).toEqual({ done: N + 1 });
      expect(await replies()).toBe(N);
      const rows = await db.kysely.selectFrom('mail_replies').select(['message_id', 'deal_id', 'decision', 'verdict', 'reasons']).execute();
      expect(new Set(rows.map((r) => r.message_id)).size).toBe(N);
      expect(new Set(rows.map((r) => Number(r.deal_id)))).toEqual(new Set(Array.from({ length: N }, (_, i) => 1000 + i)));
      expect(rows.every((r) => r.decision === 'approved')).toBe(true);
      process.stdout.write(`[${dialect}] killed after ${atKill} replies with ${stranded} claims in flight\n`);
      // Both copies of reply 7 point at one reply row.
      const seven = await db.kysely.selectFrom('mail_inbound').select('reply_id').where('portal_id', '=', FIXTURE_PORTAL).execute();
      expect(new Set(seven.map((r) => r.reply_id)).size).toBe(N);
      // The restarted readers shared the work.
      const byWorker = await db.kysely.selectFrom('mail_inbound').select('attempts').where('portal_id', '=', FIXTURE_PORTAL).execute();
      expect(byWorker.every((r) => Number(r.attempts) >= 1)).toBe(true);
    } finally {
      for (const ch of children) if (ch.exitCode === null && ch.signalCode === null) ch.kill('SIGTERM');
      await Promise.all(children.map(exited));
      await db.close();
      await drop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
