import { readFileSync } from 'node:fs';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/database.js';
import { createTestDb } from '../../../test/support/test-db.js';
import { dnsTable, type DnsTable } from '../../../test/support/mail/dns-table.js';
import { deliveryReportOf, type DeliveryReport } from '../parse/delivery-report.js';
import { claimInbound, countInbound, mailboxCursor, recordListed } from './inbox-repo.js';
import { BANK_REPORT_JOB, completeInboundReport } from './delivery-report-record.js';
import { judgeReport } from './report-trust.js';

// A delivery report finishes its claim without a reply, moves the bank message it names once
// (this portal only), and queues one timeline job however often the report arrives — when its sender
// vouches for it (report-trust.ts); otherwise it is kept as unverified and moves nothing.

const MID = '<d7.babcdefabcdef.nonce.mac@lender.example>';
const NOW = '2026-12-04T10:00:00.000Z';
const VERIFIED = { verified: true, from: 'mailer-daemon@mx.lender.example' };
const fixture = (name: string) => readFileSync(new URL(`../../../test/fixtures/mail/${name}`, import.meta.url));

let dns: DnsTable;
beforeAll(() => {
  dns = dnsTable(['lender.example', 'bank-rus.example', 'forger.example']);
});

describe('delivery report record', () => {
  let d: Db;
  beforeEach(async () => {
    d = await createTestDb();
  });
  afterEach(async () => {
    await d.close();
  });

  const message = (portalId: string, id: string, status: 'sent' | 'queued' = 'sent', messageId = MID) =>
    d.kysely
      .insertInto('bank_messages')
      .values({
        id,
        portal_id: portalId,
        deal_id: 7,
        bank_id: 'bank-1',
        request_id: `req-${id}`,
        request_hash: 'h',
        message_id: messageId,
        reply_to: 'r@lender.example',
        sealed: 'x',
        lang: 'ru',
        status,
        smtp_response: '250 ok',
        error: null,
        commented: 1,
        created_by: 1,
        created_at: NOW,
        sent_at: NOW,
        delivery_report: null,
        reported_at: null,
        channel: 'email',
      })
      .execute();

  const claimOne = async (uid: number) => {
    await mailboxCursor(d.kysely, 'p1', 'INBOX', '1');
    await recordListed(d.kysely, 'p1', 'INBOX', '1', [uid]);
    const [c] = await claimInbound(d.kysely, d.dialect, { portalId: 'p1', mailbox: 'INBOX', workerId: 'w', limit: 1, leaseMs: 60_000 });
    return c!;
  };
  const record = async (uid: number, r: DeliveryReport, sender = VERIFIED) => {
    const c = await claimOne(uid);
    return d.kysely.transaction().execute((trx) => completeInboundReport(trx, 'p1', c.id, r, NOW, sender));
  };
  const row = (portalId: string, id: string) =>
    d.kysely.selectFrom('bank_messages').selectAll().where('portal_id', '=', portalId).where('id', '=', id).executeTakeFirstOrThrow();
  const jobs = () => d.kysely.selectFrom('outbox_jobs').select(['kind', 'portal_id']).where('kind', '=', BANK_REPORT_JOB).execute();

  it('a bounce fails the message once with its diagnostic; a second copy changes nothing', async () => {
    await message('p1', 'm1');
    await message('p2', 'm2');
    const bounce: DeliveryReport = { originalIds: [MID], outcome: 'failed', diagnostic: 'x@bank: 550 5.1.1 User unknown' };
    expect(await record(1, bounce)).toEqual({ bankMessageId: 'm1', moved: true });
    expect(await record(2, bounce)).toEqual({ bankMessageId: 'm1', moved: false });
    const r = await row('p1', 'm1');
    expect([r.status, r.delivery_report, r.reported_at]).toEqual(['failed', 'x@bank: 550 5.1.1 User unknown', NOW]);
    expect(await jobs()).toEqual([{ kind: BANK_REPORT_JOB, portal_id: 'p1' }]);
    // Another portal's message with the same Message-ID is untouched; no reply rows; claims done.
    expect((await row('p2', 'm2')).status).toBe('sent');
    expect(await d.kysely.selectFrom('mail_replies').selectAll().execute()).toEqual([]);
    expect(await countInbound(d.kysely, 'p1')).toEqual({ done: 2 });
  });

  it('delivered moves sent → delivered; a delayed notice is kept but moves nothing; an unknown id just finishes', async () => {
    await message('p1', 'm1');
    const delayed = await record(1, { originalIds: [MID], outcome: 'delayed', diagnostic: 'greylisted' });
    expect(delayed.moved).toBe(false);
    expect((await row('p1', 'm1')).status).toBe('sent');
    expect((await row('p1', 'm1')).delivery_report).toBe('greylisted');
    expect((await record(2, { originalIds: [MID], outcome: 'delivered', diagnostic: '250 ok' })).moved).toBe(true);
    expect((await row('p1', 'm1')).status).toBe('delivered');
    // A late bounce after delivery does not undo it (the first final report wins).
    expect((await record(3, { originalIds: [MID], outcome: 'failed', diagnostic: 'late' })).moved).toBe(false);
    expect(await record(4, { originalIds: ['<other@x.example>'], outcome: 'failed', diagnostic: '' })).toEqual({
      bankMessageId: null,
      moved: false,
    });
    expect(await jobs()).toHaveLength(1);
    expect(await countInbound(d.kysely, 'p1')).toEqual({ done: 4 });
  });

  it('a report whose sender does not vouch for it is kept as unverified: status, job and later real report unaffected', async () => {
    await message('p1', 'm1');
    const forged: DeliveryReport = { originalIds: [MID], outcome: 'failed', diagnostic: 'x@bank: 550 no such user' };
    expect(await record(1, forged, { verified: false, from: 'mailer-daemon@vps.example' })).toEqual({ bankMessageId: 'm1', moved: false });
    const r = await row('p1', 'm1');
    expect([r.status, r.delivery_report, r.unverified_report, r.unverified_at]).toEqual([
      'sent',
      null,
      'mailer-daemon@vps.example: failed; x@bank: 550 no such user',
      NOW,
    ]);
    expect(await jobs()).toEqual([]);
    // The real server's delivered report still moves it.
    expect((await record(2, { originalIds: [MID], outcome: 'delivered', diagnostic: '250 ok' })).moved).toBe(true);
    expect((await row('p1', 'm1')).status).toBe('delivered');
    expect(await jobs()).toHaveLength(1);
  });

  it('judged from the .eml: only a report signed by our delivery path or the bank’s domain is verified', async () => {
    const BOUNCED = '<d42.b0123456789ab.abcdefghijklmnop.mac@lender.example>';
    await message('p1', 'm42', 'sent', BOUNCED);
    const ctx = {
      portalId: 'p1',
      resolver: dns.resolver,
      policyFor: (b: string) =>
        b === 'bank-1'
          ? { bankId: b, allowedSenders: ['@bank-rus.example'], authentication: 'dmarc' as const, band: { min: '1', max: '1' } }
          : null,
    };
    const own = ['approvals@lender.example', 'smtp.lender.example'];
    const judge = async (raw: Buffer) => judgeReport(d.kysely, ctx, own, raw, (await deliveryReportOf(raw))!);
    const real = fixture('bounce-postfix-user-unknown.eml');
    const forged = fixture('bounce-forged-unsigned.eml');
    const asFrom = (raw: Buffer, from: string) => Buffer.from(raw.toString('utf8').replace(/^From: .*$/m, `From: ${from}`), 'utf8');

    expect(await judge(await dns.sign(real, 'lender.example'))).toEqual({ verified: true, from: 'mailer-daemon@mx.lender.example' });
    const bankDaemon = await dns.sign(asFrom(real, 'MAILER-DAEMON@mx.bank-rus.example'), 'bank-rus.example');
    expect((await judge(bankDaemon)).verified).toBe(true);
    // Unsigned (our own server's, or a forger's), or signed by a domain off the delivery path: not verified.
    expect((await judge(real)).verified).toBe(false);
    expect(await judge(forged)).toEqual({ verified: false, from: 'mailer-daemon@vps-4711.cheap-hosting.example' });
    const theirs = await dns.sign(asFrom(forged, 'MAILER-DAEMON@forger.example'), 'forger.example');
    expect((await judge(theirs)).verified).toBe(false);

    // The forged bounce, recorded as the reader does: shown, the message stays sent, nothing queued.
    const report = (await deliveryReportOf(forged))!;
    expect(await record(1, report, await judge(forged))).toEqual({ bankMessageId: 'm42', moved: false });
    const r = await row('p1', 'm42');
    expect(r.status).toBe('sent');
    expect(r.unverified_report).toContain('mailer-daemon@vps-4711.cheap-hosting.example: failed; ivanov@bank-rus.example: 550 5.1.1');
    expect(await jobs()).toEqual([]);
  });
});
