import { readFileSync } from 'node:fs';
import { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Db } from '../server/db/database.js';
import { createTestDb } from './support/test-db.js';
import { startDovecot, type Dovecot } from './support/mail/dovecot-rig.js';
import { readerOn } from './support/mail/reader-setup.js';

// A mailbox host that does not offer IDLE: the reader falls back to polling and still records a
// reply that arrives after it started.

let dovecot: Dovecot;
let db: Db;
beforeAll(async () => {
  dovecot = await startDovecot({ idle: false });
  db = await createTestDb('sqlite');
});
afterAll(async () => {
  await db?.close();
  await dovecot?.stop();
});

it('records a reply by polling when the server has no IDLE', async () => {
  const probe = new ImapFlow({
    host: '127.0.0.1',
    port: dovecot.imapPort,
    secure: false,
    auth: { user: dovecot.user, pass: dovecot.pass },
    logger: false,
  });
  await probe.connect();
  expect(probe.capabilities.has('IDLE')).toBe(false);
  await probe.logout();

  const reader = readerOn(
    dovecot,
    db,
    { forwarders: [], policyFor: () => null, requestFor: () => null, resolver: async () => [] },
    { pollMs: 500 },
  );
  await reader.start();
  try {
    await new Promise((r) => setTimeout(r, 700));
    await dovecot.deliver(readFileSync(new URL('./fixtures/mail/reply-gmail-es-approved.eml', import.meta.url)));
    const end = Date.now() + 20_000;
    let n = 0;
    while (n === 0 && Date.now() < end) {
      await new Promise((r) => setTimeout(r, 100));
      n = (await db.kysely.selectFrom('mail_replies').select('id').execute()).length;
    }
    expect(n).toBe(1);
  } finally {
    await reader.stop();
  }
});
