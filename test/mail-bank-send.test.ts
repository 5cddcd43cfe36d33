import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBank } from '../server/documents/values/banks-repo.js';
import { OutboxWorker } from '../server/jobs/worker.js';
import { findBankByTag } from '../server/mail/bank-lookup.js';
import { verifyMessageId, verifyReplyAddress } from '../server/mail/reply-token.js';
import { replyTokenKey } from '../server/mail/settings/token-key.js';
import type { BankMessagesReply } from '../wire/bank-messages.js';
import { dnsTable } from './support/mail/dns-table.js';
import { rigMailSettings } from './support/mail/settings-body.js';
import { startSmtpRig, type SmtpRig } from './support/mail/smtp-rig.js';
import { startDovecot, type Dovecot } from './support/mail/dovecot-rig.js';
import { startPlatform, type Platform } from './support/portal-harness.js';

// Mail from a deal to bank staff, end to end: the app on the emulator, a real SMTP server. The
// request stores the message with its Message-ID and signed Reply-To and queues the send; the outbox
// sends it once (a repeated request sends nothing again, another body under the same id is 409);
// the message arrives with those headers, its tokens verify for this portal, deal and bank; the
// deal's timeline carries the SMTP server's reply; a recipient the server refuses fails the message
// and says so on the timeline; the bank's reply, delivered over LMTP to a real Dovecot, is read by the
// app's own mailbox reader (MAIL_READER=on) and matched to that deal and bank.

let p: Platform;
let smtp: SmtpRig;
let dovecot: Dovecot;
let sentMessageId = '';
let sentReplyTo = '';
let sentSubject = '';
let portalId: string;
let dealId: number;
let worker: OutboxWorker;
const banks: Record<string, string> = {};
// Our mail server signs its delivery reports; a forger's bounce is unsigned (report-trust.ts).
const dns = dnsTable(['lender.example', 'bank-rus.example']);

const call = async (method: 'GET' | 'POST', body?: unknown) => {
  const bearer = p.a.app.sessions.issue({ portalId, userId: 1, dealId, isAdmin: false });
  const r = await fetch(`${p.a.url}/api/v1/deals/${dealId}/bank-messages`, {
    method,
    headers: { authorization: `Bearer ${bearer}`, 'accept-language': 'ru-RU', ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return { status: r.status, json: (await r.json()) as BankMessagesReply & { error?: string } };
};

beforeAll(async () => {
  [p, smtp, dovecot] = await Promise.all([
    startPlatform({ env: { MAIL_READER: 'on', MAIL_POLL_MS: '1000' }, mailDns: dns.resolver }),
    startSmtpRig(),
    startDovecot(),
  ]);
  portalId = await p.install();
  dealId = Number(await p.portalCall('crm.deal.add', { fields: { TITLE: 'Займ Петров', OPPORTUNITY: 1500000, CURRENCY_ID: 'RUB' } }));
  const admin = `Bearer ${p.a.app.sessions.issue({ portalId, userId: 1, isAdmin: true })}`;
  const put = await fetch(`${p.a.url}/api/v1/settings/mail`, {
    method: 'PUT',
    headers: { authorization: admin, 'content-type': 'application/json' },
    body: JSON.stringify(
      rigMailSettings(
        smtp,
        { port: dovecot.imapPort, user: dovecot.user, pass: dovecot.pass },
        { replyScheme: 'dedicated', replyAddress: 'approvals@lender.example' },
      ),
    ),
  });
  expect(put.status).toBe(200);
  const by = { nowIso: new Date().toISOString(), lang: 'ru' as const };
  const bank = (name: string, email: string) =>
    createBank(
      p.db.kysely,
      p.a.app.secrets,
      portalId,
      { name, emails: [email], replySenders: ['@bank-rus.example'], phones: [], requiredFields: [] },
      by,
    );
  banks.good = (await bank('Банк Русь', 'credit@bank-rus.example')).id;
  banks.refused = (await bank('Банк Нет', 'nobody@refused.example')).id;
  worker = new OutboxWorker({
    db: p.db.kysely,
    dialect: p.db.dialect,
    log: p.a.app.log,
    getPortalClient: (id) => p.a.app.getPortalClient(id),
    handlers: p.a.app.jobHandlers,
    pollMs: 20,
    backoffBaseMs: 50,
    backoffMaxMs: 300,
  });
  worker.start();
}, 120_000);

afterAll(async () => {
  await worker?.stop();
  await p?.close();
  await smtp?.stop();
  await dovecot?.stop();
});

const timeline = () => p.em.core.state.timeline.filter((t) => t.entityId === dealId).map((t) => t.comment);

describe('mail to bank staff from a deal', () => {
  it('sends once with our Message-ID and signed Reply-To, and logs the server reply on the deal', async () => {
    const body = { requestId: randomUUID(), bankIds: [banks.good], subject: `Заявка ${dealId} — Петров`, text: 'Направляем заявку.' };
    const first = await call('POST', body);
    expect(first.status, JSON.stringify(first.json)).toBe(202);
    expect(first.json.messages).toHaveLength(1);
    const queued = first.json.messages[0]!;
    expect(queued.status).toBe('queued');
    const again = await call('POST', body);
    expect(again.json.messages.map((m) => m.id)).toEqual([queued.id]);
    expect((await call('POST', { ...body, text: 'Другой текст' })).status).toBe(409);

    await expect.poll(async () => (await call('GET')).json.messages[0]?.status, { timeout: 15_000 }).toBe('sent');
    await expect.poll(timeline, { timeout: 15_000 }).toHaveLength(1);
    expect(smtp.received).toHaveLength(1);
    const mail = await simpleParser(smtp.received[0]!.raw);
    expect(mail.messageId).toBe(queued.messageId);
    expect(mail.subject).toBe(body.subject);
    const replyTo = mail.replyTo!.value[0]!.address!;
    expect(replyTo).toMatch(/^approvals\+d\d+\.b[0-9a-z]{12}\.[a-z2-7]{16}@lender\.example$/);
    const key = replyTokenKey(p.a.config);
    const named = verifyReplyAddress(key, portalId, replyTo)!;
    expect(named.dealId).toBe(dealId);
    expect((await findBankByTag(p.db.kysely, portalId, named.bankId))?.id).toBe(banks.good);
    expect(verifyMessageId(key, portalId, queued.messageId)).toEqual(named);
    expect(verifyReplyAddress(key, 'another-portal', replyTo)).toBeNull();
    [sentMessageId, sentReplyTo, sentSubject] = [queued.messageId, replyTo, body.subject];
    const sent = (await call('GET')).json.messages[0]!;
    expect(sent.smtpResponse).toContain('Ok: queued as TEST1');
    expect(timeline()[0]).toContain('Письмо в банк отправлено на credit@bank-rus.example. Ответ сервера: 250');
    expect(mail.from?.value[0]?.address).toBe('approvals@lender.example');
    // What the message says and to whom is sealed at rest.
    const row = await p.db.kysely
      .selectFrom('bank_messages')
      .selectAll()
      .where('portal_id', '=', portalId)
      .where('id', '=', queued.id)
      .executeTakeFirstOrThrow();
    expect(row.sealed).not.toContain('Петров');
    expect(row.sealed).not.toContain('bank-rus');
  });

  it('a recipient the server refuses fails the message and the timeline says so', async () => {
    const r = await call('POST', { requestId: randomUUID(), bankIds: [banks.refused], subject: 'Заявка', text: 'Текст' });
    expect(r.status).toBe(202);
    const id = r.json.messages[0]!.id;
    const status = async () => (await call('GET')).json.messages.find((m) => m.id === id)?.status;
    await expect.poll(status, { timeout: 15_000 }).toBe('failed');
    await expect.poll(timeline, { timeout: 15_000 }).toHaveLength(2);
    expect(timeline()[1]).toContain('Письмо в банк (nobody@refused.example) не отправлено');
    expect(smtp.received).toHaveLength(1);
  });

  it("the bank's reply is read by the app's mailbox reader and matched to the deal and the bank by our Message-ID", async () => {
    await expect.poll(() => p.a.app.mailReaders.connected(), { timeout: 15_000 }).toEqual([portalId]);
    const reply = [
      'From: Ирина Петрова <credit@bank-rus.example>',
      `To: <${sentReplyTo}>`,
      `Subject: Re: ${sentSubject}`,
      'Message-ID: <reply-1@bank-rus.example>',
      `In-Reply-To: ${sentMessageId}`,
      `References: ${sentMessageId}`,
      'Date: Fri, 4 Dec 2026 10:00:00 +0300',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: 8bit',
      '',
      'Одобрено, 1 500 000 руб.',
      '',
    ].join('\r\n');
    await dovecot.deliver(Buffer.from(reply, 'utf8'), sentReplyTo);
    const row = () =>
      p.db.kysely
        .selectFrom('mail_replies')
        .select(['deal_id', 'bank_id', 'matched_by', 'decision', 'verdict'])
        .where('portal_id', '=', portalId)
        .executeTakeFirst();
    await expect.poll(row, { timeout: 20_000 }).toBeDefined();
    const r = (await row())!;
    expect(Number(r.deal_id)).toBe(dealId);
    expect((await findBankByTag(p.db.kysely, portalId, r.bank_id!))?.id).toBe(banks.good);
    expect(r.decision).toBe('approved');
    // No DMARC for the bank's domain here and no requested amount known yet: it waits for review.
    expect(r.verdict).toBe('review');
  });
});

describe('delivery reports read from the mailbox', () => {
  const fixture = (name: string, messageId: string) =>
    Buffer.from(
      readFileSync(new URL(`./fixtures/mail/${name}`, import.meta.url), 'latin1').replaceAll(
        '<d42.b0123456789ab.abcdefghijklmnop.mac@lender.example>',
        messageId,
      ),
      'latin1',
    );
  const replies = async () =>
    Number(
      (
        await p.db.kysely
          .selectFrom('mail_replies')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('portal_id', '=', portalId)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const message = async (id: string) => (await call('GET')).json.messages.find((m) => m.id === id);

  it('a Postfix DSN marks the sent message delivered; a bounce fails another; each said once on the timeline, neither a reply; a forged bounce moves nothing', async () => {
    await expect.poll(() => p.a.app.mailReaders.connected(), { timeout: 15_000 }).toEqual([portalId]);
    const repliesBefore = await replies();
    const sent = (await call('GET')).json.messages.find((m) => m.messageId === sentMessageId)!;
    const r = await call('POST', { requestId: randomUUID(), bankIds: [banks.good], subject: 'Заявка 2', text: 'Текст' });
    const second = r.json.messages[0]!;
    await expect.poll(async () => (await message(second.id))?.status, { timeout: 15_000 }).toBe('sent');
    const commentsBefore = 3; // two from the tests above and this message's "sent"
    await expect.poll(() => timeline().length, { timeout: 15_000 }).toBe(commentsBefore);

    // Someone who learnt the first message's Message-ID sends a bounce for it from their own server first.
    await dovecot.deliver(fixture('bounce-forged-unsigned.eml', sent.messageId), 'approvals@lender.example');
    await dovecot.deliver(await dns.sign(fixture('dsn-delivered.eml', sent.messageId), 'lender.example'), 'approvals@lender.example');
    const bounce = await dns.sign(fixture('bounce-postfix-user-unknown.eml', second.messageId), 'lender.example');
    await dovecot.deliver(bounce, 'approvals@lender.example');
    await dovecot.deliver(bounce, 'approvals@lender.example'); // the same bounce twice: one status move, one comment

    await expect.poll(async () => (await message(sent.id))?.status, { timeout: 20_000 }).toBe('delivered');
    await expect.poll(async () => (await message(second.id))?.status, { timeout: 20_000 }).toBe('failed');
    const failed = (await message(second.id))!;
    expect(failed.deliveryReport).toContain('550 5.1.1');
    expect(failed.deliveryReport).toContain('User unknown');
    expect(failed.smtpResponse).toContain('250'); // the proof it left stays
    expect((await message(sent.id))!.deliveryReport).toContain('250 2.0.0 Ok: queued as 7D3E2C0104');
    // The forged bounce is shown as unverified and moved nothing: the real DSN still made it delivered.
    await expect.poll(async () => (await message(sent.id))?.unverifiedReport, { timeout: 20_000 }).toContain('mailer-daemon@vps-4711');
    expect((await message(sent.id))!.status).toBe('delivered');
    await expect.poll(() => timeline().length, { timeout: 15_000 }).toBe(commentsBefore + 2);
    const said = timeline().slice(-2).sort();
    expect(said[0]).toContain('Письмо в банк (credit@bank-rus.example) не доставлено: ivanov@bank-rus.example: 550 5.1.1');
    expect(said[1]).toContain('Письмо в банк доставлено на credit@bank-rus.example');
    expect(await replies()).toBe(repliesBefore);
    await new Promise((res) => setTimeout(res, 1500));
    expect(timeline()).toHaveLength(commentsBefore + 2);
  });
});
