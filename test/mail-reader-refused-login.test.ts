import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Db } from '../server/db/database.js';
import { createTestDb } from './support/test-db.js';
import { startDovecot, type Dovecot } from './support/mail/dovecot-rig.js';
import { readerOn } from './support/mail/reader-setup.js';

// A mailbox whose password an admin got wrong: the reader retries every few seconds for as long as
// the app runs. Each refused login must leave no connection behind (imapflow keeps the socket open
// after a NO to LOGIN; the server kept them for about a minute), or the connections pile up.

let dovecot: Dovecot;
let db: Db;
beforeAll(async () => {
  dovecot = await startDovecot();
  db = await createTestDb('sqlite');
});
afterAll(async () => {
  await db?.close();
  await dovecot?.stop();
});

/** Our process's open connections to the rig's IMAP port (ss reads the kernel's table). */
function openToImap(): number {
  const out = execFileSync('ss', ['-Htnp', 'state', 'established', `( dport = :${dovecot.imapPort} )`], { encoding: 'utf8' });
  return out.split('\n').filter((l) => l.includes(`pid=${process.pid},`)).length;
}

it('a refused login leaves no connection open, however often the reader tries', async () => {
  const reader = readerOn(
    dovecot,
    db,
    { forwarders: [], policyFor: () => null, requestFor: () => null, resolver: async () => [] },
    { account: { host: '127.0.0.1', port: dovecot.imapPort, secure: false, user: dovecot.user, pass: 'not-the-password' } },
  );
  try {
    for (let i = 0; i < 4; i++) await expect(reader.start()).rejects.toThrow();
    await expect.poll(openToImap, { timeout: 5_000 }).toBe(0);
  } finally {
    await reader.stop();
  }
});
