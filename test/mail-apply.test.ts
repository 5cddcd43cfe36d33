import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobHandlers } from '../server/jobs/handlers.js';
import { OutboxWorker } from '../server/jobs/worker.js';
import { defaultLoanDeps } from '../server/loans/operations/deps.js';
import { saveLoan } from '../server/loans/operations/save-loan.js';
import { MailboxReader } from '../server/mail/inbox/mailbox-reader.js';
import { replyContextOf } from '../server/mail/policy/reply-context.js';
import { makeMessageId, replyToAddress, signReplyToken } from '../server/mail/reply-token.js';
import type { StageMap } from '../server/lifecycle/stage-map.js';
import type { MailReplies, MailReplyAction } from '../wire/mail-replies.js';
import { startFakeSmsc, type FakeSmsc } from './fakes/smsc.js';
import { startSmtpSink, type SmtpSink } from './fakes/smtp-sink.js';
import { dnsTable, type DnsTable } from './support/mail/dns-table.js';
import { startDovecot, type Dovecot } from './support/mail/dovecot-rig.js';
import { FIXTURE_KEY } from './support/mail/fixture-key.js';
import { insertBank } from './support/mail/bank-row.js';
import { startPlatform, type Platform } from './support/portal-harness.js';
import { sampleTerms } from './support/sample-terms.js';

// Issue 16 items 4–5 end to end: a bank's reply delivered over LMTP into a real Dovecot, read over
// IMAP by the reader, applied by the app's own job table against the emulator — the deal moves, the
// client gets one SMS (a real SMPP peer) and one e-mail (a real SMTP server) with the amount, even when
// the same reply is delivered twice and the bank sends the same decision again under a new
// Message-ID; a reply outside the bank's amount band waits in the review queue with a to-do, and
// Apply clicked twice moves its deal once. A forged copy of an approval sent under the real reply's
// Message-ID before the real one arrives waits for review and does not keep the real one out.

const BANK = 'banco-norte';
const TEMPLATE = readFileSync(new URL('./fixtures/mail/reply-gmail-es-approved.eml', import.meta.url), 'latin1');
const FORGED = readFileSync(new URL('./fixtures/mail/forged-copy-gmail-es-approved.eml', import.meta.url), 'latin1');
const FORWARD = readFileSync(new URL('./fixtures/mail/forward-outlook-es-rejected.eml', import.meta.url), 'latin1');

let p: Platform;
let portalId: string;
let dovecot: Dovecot;
let dns: DnsTable;
let smsc: FakeSmsc;
let sink: SmtpSink;
let reader: MailboxReader;
let worker: OutboxWorker;
let cat: number;
const st = (code: string) => `C${cat}:${code}`;

/** The bank's reply to our pack for `dealId`: our signed Message-ID and reply address, its own Message-ID. */
function bankReply(dealId: number, o: { id: string; text?: string }, template = TEMPLATE): Buffer {
  const target = { portalId, dealId, bankId: BANK };
  const ours = makeMessageId(FIXTURE_KEY, target, 'lender.example');
  const text = template
    .replace(/^(In-Reply-To|References): .*$/gm, `$1: ${ours}`)
    .replace(/^Message-ID: .*$/m, `Message-ID: <${o.id}@mail.gmail.com>`)
    .replace(/^To: .*$/m, `To: Lender Approvals <${replyToAddress(FIXTURE_KEY, target, 'approvals@lender.example')}>`)
    .replace(/Solicitud 456/g, `Solicitud ${dealId}`)
    .replace('aprobado, 150 000', o.text ?? 'aprobado, 150 000');
  return Buffer.from(text, 'latin1');
}

/** Our credit officer forwards the bank's rejection with the result written on top (Outlook, es). */
function forwardedRejection(dealId: number): Buffer {
  const token = signReplyToken(FIXTURE_KEY, { portalId, dealId, bankId: BANK });
  const text = FORWARD.replace('d456.bbanco-norte.qjdz3iuztscify2z', token).replace(/([Ss])olicitud 456/g, `$1olicitud ${dealId}`);
  return Buffer.from(text, 'latin1');
}

async function api<T>(method: string, path: string, body?: unknown): Promise<{ status: number; json: T }> {
  const token = p.a.app.sessions.issue({ portalId, userId: 1, isAdmin: true });
  const r = await fetch(`${p.a.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'accept-language': 'es-MX', ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return { status: r.status, json: (await r.json()) as T };
}

/**
 * Until the mailbox is read and no job is pending. Bounded by time, not by a count of rounds: a
 * round is as long as the jobs it drains, and under a loaded machine one client notice (portal calls,
 * SMPP, SMTP) was measured at 3 s — 400 rounds (~20 s when idle) ran out while the jobs were still
 * working, the flake this test had. 90 s stays under the e2e project's 120 s per test.
 */
async function settle(replies: number): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    await p.em.idle();
    await worker.drain();
    const recorded = await p.db.kysely.selectFrom('mail_replies').select('id').where('portal_id', '=', portalId).execute();
    const pending = await p.db.kysely.selectFrom('outbox_jobs').select(['kind']).where('status', 'in', ['pending', 'running']).execute();
    if (recorded.length >= replies && pending.length === 0) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('mail and jobs did not settle');
}

async function dealFor(title: string, phone: string, email: string): Promise<number> {
  const contactId = await p.portalCall<number>('crm.contact.add', {
    fields: {
      NAME: 'Juan',
      LAST_NAME: 'Pérez',
      PHONE: [{ VALUE: phone, VALUE_TYPE: 'MOBILE' }],
      EMAIL: [{ VALUE: email, VALUE_TYPE: 'WORK' }],
    },
  });
  const deal = p.em.createDeal({ TITLE: title, CATEGORY_ID: cat, STAGE_ID: st('UNDERWRITING'), CONTACT_ID: contactId, ASSIGNED_BY_ID: 1 });
  const dealId = Number(deal.ID ?? deal.id);
  const terms = sampleTerms(6, { currency: 'MXN', principal: '150000' });
  await saveLoan(p.db.kysely, portalId, dealId, { terms }, { userId: 1 }, defaultLoanDeps());
  return dealId;
}

const stageOf = async (dealId: number) => String((await p.portalCall<Record<string, unknown>>('crm.deal.get', { id: dealId })).STAGE_ID);
const bankMoves = async (dealId: number) =>
  (await p.db.kysely.selectFrom('lifecycle_transitions').selectAll().where('portal_id', '=', portalId).execute()).filter(
    (m) => Number(m.deal_id) === dealId && m.what === 'bank-decision',
  );
const repliesOf = async (dealId: number) =>
  (await p.db.kysely.selectFrom('mail_replies').selectAll().where('portal_id', '=', portalId).orderBy('id').execute()).filter(
    (r) => Number(r.deal_id) === dealId,
  );
const smsTo = (phone: string) => smsc.messages().filter((m) => m.to.replace(/^\+/, '') === phone.replace(/^\+/, ''));
const mailTo = (email: string) => sink.received.filter((m) => m.to.includes(email));

beforeAll(async () => {
  [dovecot, smsc, sink] = await Promise.all([startDovecot(), startFakeSmsc({ systemId: 'lender', password: 'secret' }), startSmtpSink()]);
  dns = dnsTable(['banco-norte.example', 'lender.example']);
  p = await startPlatform({
    emulator: { seedDemoData: true },
    activities: {
      settings: {
        settingsOf: async () => ({
          language: 'es',
          companyName: 'Presta Norte',
          sms: {
            provider: 'smpp',
            settings: {
              host: '127.0.0.1',
              port: smsc.port,
              systemId: 'lender',
              password: 'secret',
              sourceAddr: 'LENDER',
              timeoutMs: 2000,
              enquireLinkMs: 0,
            },
          },
        }),
      },
    },
  });
  portalId = await p.install();
  worker = new OutboxWorker({
    db: p.db.kysely,
    dialect: p.db.dialect,
    log: p.a.app.log,
    getPortalClient: (id) => p.a.app.getPortalClient(id),
    handlers: jobHandlers({
      activities: p.a.app.activities,
      checks: { box: p.a.app.secrets, allowLocalUrls: false },
      mail: sink.mail,
      secrets: p.a.app.secrets,
    }),
    pollMs: 20,
    backoffBaseMs: 20,
  });
  const cats = await p.portalCall<{ categories: { id: number }[] }>('crm.category.list', { entityTypeId: 2 });
  cat = cats.categories.find((c) => c.id !== 0)!.id;
  // The bank in the directory under the short id our reply tokens carry; its policy through the banks API.
  await insertBank(p.db.kysely, portalId, {
    id: BANK,
    name: 'Banco Norte',
    emails: ['credito@banco-norte.example'],
    replySenders: ['@banco-norte.example'],
  });
  const map: StageMap = {
    onStage: { [st('ISSUED')]: 'ISSUED' },
    toStage: { overdue: [] },
    payoutOnIssue: false,
    bankDecision: { approved: st('APPROVED'), rejected: st('LOSE') },
    lang: 'es',
  };
  expect((await api('PUT', `/api/v1/settings/stage-maps/${cat}`, map)).status).toBe(200);
  reader = new MailboxReader({
    db: p.db.kysely,
    dialect: p.db.dialect,
    account: { host: '127.0.0.1', port: dovecot.imapPort, secure: false, user: dovecot.user, pass: dovecot.pass },
    context: replyContextOf(p.db.kysely, p.a.app.secrets, {
      portalId,
      tokenKey: FIXTURE_KEY,
      forwarders: ['ana.lopez@lender.example'],
      resolver: dns.resolver,
    }),
    log: { info: () => undefined, warn: () => undefined },
    pollMs: 200,
  });
  await reader.start();
}, 90_000);

afterAll(async () => {
  await reader?.stop();
  await p?.close();
  await Promise.all([dovecot?.stop(), smsc?.close(), sink?.close()]);
});

describe('a bank decision by e-mail, applied', () => {
  it('the banks API keeps the bank’s reply policy and refuses a band no reply could meet', async () => {
    const body = {
      name: 'Banco Norte',
      emails: ['credito@banco-norte.example'],
      replySenders: ['@banco-norte.example'],
      phones: [],
      requiredFields: [],
    };
    const bad = await api<{ error: string; message: string }>('PUT', `/api/v1/documents/banks/${BANK}`, {
      ...body,
      replyPolicy: { authentication: 'dkim', bandMin: '1.2', bandMax: '1' },
    });
    expect(bad.status).toBe(422);
    expect(bad.json.error).toBe('MAIL_REPLY_BAND');
    expect(bad.json.message).toContain('rango');
    const ok = await api<{ bank: { replyPolicy: unknown } }>('PUT', `/api/v1/documents/banks/${BANK}`, {
      ...body,
      replyPolicy: { authentication: 'dmarc', bandMin: '0.8', bandMax: '1' },
    });
    expect(ok.status).toBe(200);
    expect(ok.json.bank.replyPolicy).toEqual({ authentication: 'dmarc', bandMin: '0.8', bandMax: '1' });
  });

  it('an approval by reply moves the deal and tells the client once, however often it arrives', async () => {
    const phone = '+5215512340001';
    const email = 'juan.perez@cliente.example';
    const dealId = await dealFor('Crédito Juan', phone, email);
    const reply = await dns.sign(bankReply(dealId, { id: 'approve-1' }), 'banco-norte.example');
    await dovecot.deliver(reply);
    await dovecot.deliver(reply); // the same message twice (a server retry)
    // The bank sends its decision again under a new Message-ID: a second reply, the same decision.
    await dovecot.deliver(await dns.sign(bankReply(dealId, { id: 'approve-2' }), 'banco-norte.example'));
    await settle(2);

    expect(await stageOf(dealId)).toBe(st('APPROVED'));
    const sms = smsTo(phone);
    expect(sms).toHaveLength(1);
    expect(sms[0]!.text).toContain('150,000.00');
    const mails = mailTo(email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe('Crédito aprobado: 150,000.00\u00a0MXN');
    expect(mails[0]!.text).toContain('Banco Norte aprobó su solicitud de crédito por 150,000.00');
    const rows = await p.db.kysely
      .selectFrom('mail_replies')
      .select(['status', 'verdict', 'outcome', 'reasons'])
      .where('portal_id', '=', portalId)
      .where('deal_id', '=', dealId)
      .execute();
    expect(rows.map((r) => [r.status, r.verdict, r.reasons])).toEqual([
      ['applied', 'auto-apply', '[]'],
      ['applied', 'auto-apply', '[]'],
    ]);
    expect(rows.filter((r) => r.outcome?.includes('duplicateOf'))).toHaveLength(1);
    const comments = p.em.state.timeline.filter((c) => c.entityType === 'deal' && c.entityId === dealId).map((c) => c.comment);
    expect(comments).toEqual([expect.stringContaining('El banco Banco Norte aprobó, monto 150,000.00')]);
    expect(comments[0]).toContain('DMARC pass');
    expect(comments[0]).toContain('La negociación pasó a la etapa Approved.');
  });

  it('a reply outside the band waits for review with a to-do; Apply clicked twice moves the deal once', async () => {
    const phone = '+5215512340002';
    const email = 'ana.ruiz@cliente.example';
    const dealId = await dealFor('Crédito Ana', phone, email);
    await dovecot.deliver(await dns.sign(bankReply(dealId, { id: 'low-1', text: 'aprobado, 100 000' }), 'banco-norte.example'));
    await settle(3);
    expect(await stageOf(dealId)).toBe(st('UNDERWRITING'));
    const todos = p.em.state.todos.filter((t) => t.ownerId === dealId);
    expect(todos).toHaveLength(1);
    expect(todos[0]!.description).toContain('fuera del rango');

    const queue = await api<MailReplies>('GET', '/api/v1/mail/replies?status=pending');
    expect(queue.status).toBe(200);
    const item = queue.json.replies.find((r) => r.dealId === dealId)!;
    expect(item).toMatchObject({ bankName: 'Banco Norte', decision: 'counter-offer', amount: '100000', applicable: true });
    expect(item.reasons).toContain('amount-outside-band');

    const [a, b] = await Promise.all([
      api<MailReplyAction>('POST', `/api/v1/mail/replies/${item.id}/apply`),
      api<MailReplyAction>('POST', `/api/v1/mail/replies/${item.id}/apply`),
    ]);
    expect([a.status, b.status]).toEqual([202, 202]);
    await settle(3);
    // counterOffer has no stage in this map: the reply stays for review, with that reason added.
    const after = (await api<MailReplies>('GET', '/api/v1/mail/replies?status=pending')).json.replies.find((r) => r.id === item.id)!;
    expect(after.reasons).toContain('no-decision-stage');

    // The admin maps counter-offers; Apply now moves the deal, once, and tells the client once.
    const map = (
      await api<{ pipelines: { categoryId: number; map: StageMap }[] }>('GET', '/api/v1/settings/stage-maps')
    ).json.pipelines.find((x) => x.categoryId === cat)!.map;
    await api('PUT', `/api/v1/settings/stage-maps/${cat}`, { ...map, bankDecision: { ...map.bankDecision, counterOffer: st('APPROVED') } });
    const [c, d] = await Promise.all([
      api<MailReplyAction>('POST', `/api/v1/mail/replies/${item.id}/apply`),
      api<MailReplyAction>('POST', `/api/v1/mail/replies/${item.id}/apply`),
    ]);
    expect([c.status, d.status]).toEqual([202, 202]);
    await settle(3);
    expect(await stageOf(dealId)).toBe(st('APPROVED'));
    expect(await bankMoves(dealId)).toHaveLength(1);
    expect(smsTo(phone)).toHaveLength(1);
    expect(smsTo(phone)[0]!.text).toContain('100,000.00');
    expect(mailTo(email)).toHaveLength(1);
    const again = await api<{ error: string }>('POST', `/api/v1/mail/replies/${item.id}/apply`);
    expect(again.status).toBe(409);
    expect(again.json.error).toBe('MAIL_REPLY_NOT_PENDING');
  });
  it('a rejection forwarded by our credit officer moves the deal to the rejected stage and tells the client nothing', async () => {
    const phone = '+5215512340003';
    const email = 'luis.diaz@cliente.example';
    const dealId = await dealFor('Crédito Luis', phone, email);
    await dovecot.deliver(await dns.sign(forwardedRejection(dealId), 'lender.example'));
    await settle(4);
    expect(await stageOf(dealId)).toBe(st('LOSE'));
    const row = await p.db.kysely
      .selectFrom('mail_replies')
      .select(['status', 'verdict', 'decision', 'matched_by', 'reasons'])
      .where('portal_id', '=', portalId)
      .where('deal_id', '=', dealId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'applied', verdict: 'auto-apply', decision: 'rejected', matched_by: 'forwarded-token', reasons: '[]' });
    expect(smsTo(phone)).toEqual([]);
    expect(mailTo(email)).toEqual([]);
    const comments = p.em.state.timeline.filter((c) => c.entityType === 'deal' && c.entityId === dealId).map((c) => c.comment);
    expect(comments).toEqual([expect.stringContaining('El banco Banco Norte rechazó (aplicado automáticamente).')]);
    expect(comments[0]).toContain('remitente ana.lopez@lender.example');
  });

  it('a forged copy delivered before the real approval, under its Message-ID: the real one still moves the deal, once', async () => {
    const phone = '+5215512340004';
    const email = 'eva.mora@cliente.example';
    const dealId = await dealFor('Crédito Eva', phone, email);
    // Someone who saw the thread resends the approval from their own server, unsigned, first.
    await dovecot.deliver(bankReply(dealId, { id: 'eva-approve' }, FORGED));
    await settle(5);
    expect(await stageOf(dealId)).toBe(st('UNDERWRITING'));
    const real = await dns.sign(bankReply(dealId, { id: 'eva-approve' }), 'banco-norte.example');
    await dovecot.deliver(real);
    await dovecot.deliver(real); // and the real one re-delivered still counts once
    await settle(6);
    expect(await stageOf(dealId)).toBe(st('APPROVED'));
    expect(smsTo(phone)).toHaveLength(1);
    expect(mailTo(email)).toHaveLength(1);
    const rows = await repliesOf(dealId);
    expect(rows.map((r) => [r.status, r.verdict, r.message_id])).toEqual([
      ['pending', 'review', '<eva-approve@mail.gmail.com>'],
      ['applied', 'auto-apply', '<eva-approve@mail.gmail.com>'],
    ]);
    expect(JSON.parse(rows[0]!.reasons)).toEqual(['sender-not-authenticated']);
    expect(await bankMoves(dealId)).toHaveLength(1);
  });
});
