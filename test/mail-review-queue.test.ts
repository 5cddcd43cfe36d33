import { readFileSync } from 'node:fs';
import { Decimal } from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../server/db/database.js';
import { createTestDb } from './support/test-db.js';
import type { BankPolicy } from '../server/mail/auto-apply.js';
import type { MailboxReader } from '../server/mail/inbox/mailbox-reader.js';
import { dnsTable, type DnsTable } from './support/mail/dns-table.js';
import { startDovecot, type Dovecot } from './support/mail/dovecot-rig.js';
import { readerOn } from './support/mail/reader-setup.js';

// The fixtures delivered over LMTP into a real Dovecot, read by the reader over IMAP: what issue 16
// says must move a deal is recorded for auto-apply, and the spoofed approval, the out-of-office,
// the approval only in quoted text and the reply naming another deal land in the review queue with
// their reasons. The reader starts on an empty mailbox with a ten-minute poll, so the mail that
// follows is picked up by IDLE.

const fixture = (name: string): Buffer => readFileSync(new URL(`./fixtures/mail/${name}`, import.meta.url));
const POLICY = (bankId: string): BankPolicy => ({
  bankId,
  allowedSenders: [`@${bankId}.example`],
  authentication: 'dmarc',
  band: { min: '0.5', max: '1' },
});

let dovecot: Dovecot;
let dns: DnsTable;
let db: Db;
let reader: MailboxReader;

beforeAll(async () => {
  dovecot = await startDovecot();
  dns = dnsTable(['bank-rus.example', 'banco-norte.example', 'lender.example']);
  db = await createTestDb('sqlite');
  reader = readerOn(
    dovecot,
    db,
    {
      forwarders: ['ana.lopez@lender.example'],
      policyFor: POLICY,
      requestFor: async (_deal, bankId) =>
        bankId === 'bank-rus' ? { amount: new Decimal(1_500_000), currency: 'RUB' } : { amount: new Decimal(150_000), currency: 'MXN' },
      resolver: dns.resolver,
    },
    { pollMs: 600_000 },
  );
  await reader.start();
});

afterAll(async () => {
  await reader?.stop();
  await db?.close();
  await dovecot?.stop();
});

describe('bank replies through a real mailbox', () => {
  it('applies the signed approval and rejection, queues the rest with every reason', async () => {
    const mails: [string, string | null][] = [
      ['reply-gmail-ru-approved.eml', 'bank-rus.example'],
      ['forward-outlook-es-rejected.eml', 'lender.example'],
      ['spoofed-from.eml', null],
      ['autoreply-yandex.eml', 'bank-rus.example'],
      ['quoted-only-approval.eml', 'banco-norte.example'],
      ['reply-yandex-ru-other-deal.eml', 'bank-rus.example'],
    ];
    await new Promise((r) => setTimeout(r, 1_500)); // the reader has done its first (empty) pass and IDLEs
    for (const [name, domain] of mails) await dovecot.deliver(domain ? await dns.sign(fixture(name), domain) : fixture(name));

    // The reader polls every 10 minutes: only IDLE can have woken it within this wait.
    const end = Date.now() + 20_000;
    let rows: {
      subject: string;
      verdict: string;
      decision: string | null;
      reasons: string;
      amount: string | null;
      message_id: string | null;
    }[] = [];
    while (rows.length < mails.length && Date.now() < end) {
      await new Promise((r) => setTimeout(r, 100));
      rows = await db.kysely
        .selectFrom('mail_replies')
        .select(['subject', 'verdict', 'decision', 'reasons', 'amount', 'message_id'])
        .execute();
    }
    expect(rows).toHaveLength(mails.length);
    const by = (id: string) => rows.find((r) => r.message_id?.includes(id))!;
    expect(by('CAOx3f1Zk2V9mQp1vR8n4YhT0s+Jx9=K8wQ')).toMatchObject({ verdict: 'auto-apply', decision: 'approved', amount: '1500000' });
    expect(by('MW4PR04MB7345A1B2C3D4E5F6')).toMatchObject({ verdict: 'auto-apply', decision: 'rejected' });
    expect(JSON.parse(by('vps-4711').reasons)).toEqual(['sender-not-authenticated']);
    expect(JSON.parse(by('autoreply.yandex.ru').reasons)).toContain('auto-reply');
    expect(JSON.parse(by('QUOTED').reasons)).toEqual(['decision-only-in-quote']);
    expect(JSON.parse(by('1719819604.654321').reasons)).toContain('match-conflict');
    for (const id of ['vps-4711', 'autoreply.yandex.ru', 'QUOTED', '1719819604.654321']) expect(by(id).verdict).toBe('review');
  });
});
