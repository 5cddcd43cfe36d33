import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../app.js';
import { loadConfig } from '../../../config.js';
import type { Db } from '../../../db/database.js';
import { createBank } from '../../../documents/values/banks-repo.js';
import { findBankByTag } from '../../../mail/bank-lookup.js';
import { bankTagOf } from '../../../mail/bank-tag.js';
import { saveMailSettings } from '../../../mail/settings/mail-settings-repo.js';
import { bankSmsJob } from '../../../mail/outgoing/bank-sms-job.js';
import { applySmsStatus } from '../../../integrations/sms/sending/index.js';
import type { SmsProvider } from '../../../integrations/sms/provider.js';
import { createTestDb, insertTestPortal } from '../../../../test/support/test-db.js';

// The bank-messages API on both dialects, without sending (WORKER=off): every refusal is a 4xx in the
// user's language and stores nothing; an accepted request stores one message and one send job per
// bank, once per requestId; a bank is found again from its token tag.
const env = {
  ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
  SESSION_SECRET: 's'.repeat(32),
  LOG_LEVEL: 'silent',
  WORKER: 'off',
  MAIL_READER: 'off',
};
let db: Db;
let app: FastifyInstance;
const banks: Record<string, string> = {};
const post = (dealId: number, payload: unknown, sessionDeal = dealId) =>
  app.inject({
    method: 'POST',
    url: `/api/v1/deals/${dealId}/bank-messages`,
    headers: {
      authorization: `Bearer ${app.sessions.issue({ portalId: 'pa', userId: 3, dealId: sessionDeal, isAdmin: false })}`,
      'accept-language': 'es-MX',
    },
    payload: payload as object,
  });
const body = (bankIds: string[]) => ({
  requestId: randomUUID(),
  bankIds,
  subject: 'Solicitud 42 — Pérez',
  text: 'Adjuntamos la solicitud.',
});
const stored = async () => (await db.kysely.selectFrom('bank_messages').select('id').where('portal_id', '=', 'pa').execute()).length;

beforeAll(async () => {
  db = await createTestDb();
  // Portal 'pa' sends SMS through a gateway that takes at most 2 parts (the job is not run here).
  const gateway = { code: 'smpp', limit: 2, send: () => Promise.reject(new Error('not sent in this test')) } as SmsProvider;
  app = await buildApp({
    config: loadConfig(env),
    db,
    activities: {
      settings: { settingsOf: async (p) => (p === 'pa' ? { sms: { provider: 'smpp', settings: {} } } : undefined) },
      createSmsProvider: () => gateway,
    },
  });
  await app.ready();
  await insertTestPortal(db, 'pa');
  const by = { nowIso: new Date().toISOString(), lang: 'es' as const };
  const bank = (name: string, emails: string[]) =>
    createBank(db.kysely, app.secrets, 'pa', { name, emails, replySenders: [], phones: [], requiredFields: [] }, by);
  banks.norte = (await bank('Banco Norte', ['credito@banco-norte.example'])).id;
  banks.mudo = (await bank('Banco Mudo', [])).id;
  banks.movil = (
    await createBank(
      db.kysely,
      app.secrets,
      'pa',
      { name: 'Banco Móvil', emails: [], replySenders: [], phones: ['+52 55 1234 5678', '+52 (55) 8765-4321'], requiredFields: [] },
      by,
    )
  ).id;
});
afterAll(async () => {
  await app?.close();
  await db?.close();
});

describe('bank messages API', () => {
  it('refuses, storing nothing: no mail account, another deal, a bad body, an unknown bank, a bank without e-mail', async () => {
    const noAccount = await post(42, body([banks.norte!]));
    expect(noAccount.statusCode).toBe(409);
    expect(noAccount.json()).toMatchObject({ error: 'MAIL_NOT_CONFIGURED' });
    expect(noAccount.json().message).toContain('correo');
    await saveMailSettings(
      db.kysely,
      app.secrets,
      'pa',
      {
        smtp: {
          host: 'smtp.lender.example',
          port: 587,
          security: 'starttls',
          user: '',
          password: null,
          fromAddress: 'credito@lender.example',
          fromName: 'Lender',
        },
        imap: { host: 'imap.lender.example', port: 993, security: 'tls', user: 'credito', password: 'p', folder: 'INBOX' },
        replyScheme: 'plus',
        replyAddress: null,
        forwarders: [],
      },
      { userId: 1, nowIso: new Date().toISOString() },
    );
    expect((await post(42, body([banks.norte!]), 43)).statusCode).toBe(403);
    expect((await post(42, { ...body([banks.norte!]), text: '' })).statusCode).toBe(400);
    expect((await post(42, { ...body([banks.norte!]), requestId: 'not-a-uuid' })).statusCode).toBe(400);
    expect((await post(42, body([banks.norte!, 'no-such-bank']))).statusCode).toBe(404);
    const mute = await post(42, body([banks.mudo!]));
    expect(mute.statusCode).toBe(422);
    expect(mute.json()).toMatchObject({ error: 'BANK_HAS_NO_ADDRESS' });
    expect(await stored()).toBe(0);
  });

  it('stores one message and one send job per bank, once per requestId', async () => {
    const b = body([banks.norte!]);
    const r = await post(42, b);
    expect(r.statusCode, r.body).toBe(202);
    const [m] = r.json().messages as { id: string; messageId: string; status: string }[];
    expect(m).toMatchObject({
      status: 'queued',
      messageId: expect.stringMatching(/^<d42\.b[0-9a-z]{12}\.[a-z2-7]+\.[a-z2-7]{16}@lender\.example>$/) as string,
    });
    expect((await post(42, b)).json().messages[0].id).toBe(m!.id);
    expect((await post(42, { ...b, subject: 'otro' })).statusCode).toBe(409);
    const jobs = await db.kysely
      .selectFrom('outbox_jobs')
      .select(['kind', 'idempotency_key'])
      .where('kind', '=', 'mail.bank.send')
      .execute();
    expect(jobs).toEqual([{ kind: 'mail.bank.send', idempotency_key: `bank-message:${m!.id}` }]);
    const row = await db.kysely
      .selectFrom('bank_messages')
      .selectAll()
      .where('portal_id', '=', 'pa')
      .where('id', '=', m!.id)
      .executeTakeFirstOrThrow();
    expect(row.reply_to).toMatch(/^credito\+d42\.b[0-9a-z]{12}\.[a-z2-7]{16}@lender\.example$/);
    expect(row.sealed).not.toContain('Pérez');
  });

  it("an SMS to the bank's phones: refused without phones; queued once; its status is its SMS's, moved by provider receipts", async () => {
    const sms = { requestId: randomUUID(), bankIds: [banks.movil!], channel: 'sms', text: 'Solicitud 42: revise su correo.' };
    const noSubject = await post(42, { ...body([banks.norte!]), subject: undefined });
    expect(noSubject.json()).toMatchObject({ error: 'MAIL_SUBJECT_REQUIRED' });
    expect((await post(42, { ...sms, bankIds: [banks.norte!] })).json()).toMatchObject({ error: 'BANK_HAS_NO_PHONE' });
    // Over the gateway's 2 parts: refused now in the sender's language, nothing stored — not a failed job later.
    const before = await stored();
    const long = await post(42, {
      ...sms,
      requestId: randomUUID(),
      text: `Solicitud 42: ${'revise su correo y el paquete adjunto. '.repeat(9)}`,
    });
    expect(long.statusCode).toBe(422);
    expect(long.json()).toMatchObject({ error: 'SMS_OVER_LIMIT', details: { limit: 2, count: 3, unit: 'segments' } });
    expect(long.json().message).toBe(
      'El mensaje necesita 3 partes de SMS; este proveedor de SMS acepta como máximo 2. Acórtelo o active la transliteración.',
    );
    expect(await stored()).toBe(before);
    const r = await post(42, sms);
    expect(r.statusCode, r.body).toBe(202);
    const [m] = r.json().messages as { id: string; channel: string; status: string }[];
    expect(m).toMatchObject({ channel: 'sms', status: 'queued' });
    expect((await post(42, sms)).json().messages[0].id).toBe(m!.id);
    const jobs = await db.kysely.selectFrom('outbox_jobs').select('idempotency_key').where('kind', '=', 'mail.bank.sms').execute();
    expect(jobs).toEqual([{ idempotency_key: `bank-message:${m!.id}` }]);

    // The job, twice (a retry): one SMS per phone, requested once each, sent through the SMS outbox.
    const job = bankSmsJob({
      providers: { sms: async () => ({ code: 'smpp', limit: undefined }) as unknown as SmsProvider },
      box: app.secrets,
    });
    const ctx = {
      db: db.kysely,
      log: app.log,
      portal: () => Promise.reject(new Error('no portal call')),
      getPortalClient: () => Promise.reject(new Error('no')),
    };
    const run = { id: 'j', portalId: 'pa', kind: 'mail.bank.sms', payload: { id: m!.id }, attempts: 1 } as unknown as Parameters<
      typeof job
    >[0];
    await job(run, ctx);
    await job(run, ctx);
    const rows = await db.kysely
      .selectFrom('sms_messages')
      .select(['id', 'to_phone', 'idempotency_key'])
      .where('portal_id', '=', 'pa')
      .orderBy('idempotency_key')
      .execute();
    expect(rows.map((s) => [s.to_phone, s.idempotency_key])).toEqual([
      ['+525512345678', `bank-message:${m!.id}:0`],
      ['+525587654321', `bank-message:${m!.id}:1`],
    ]);
    expect(await db.kysely.selectFrom('outbox_jobs').select('id').where('kind', '=', 'sms.send').execute()).toHaveLength(2);
    const status = async () => {
      const g = await app.inject({
        method: 'GET',
        url: '/api/v1/deals/42/bank-messages',
        headers: { authorization: `Bearer ${app.sessions.issue({ portalId: 'pa', userId: 3, dealId: 42, isAdmin: false })}` },
      });
      return (g.json().messages as { id: string; status: string }[]).find((x) => x.id === m!.id)?.status;
    };
    expect(await status()).toBe('queued');
    // The provider took both (what executeSms records), then one receipt says delivered.
    for (const [i, s] of rows.entries())
      await db.kysely
        .updateTable('sms_messages')
        .set({ status: 'queued', provider_message_id: `pm-${i}` })
        .where('id', '=', s.id)
        .execute();
    expect(await status()).toBe('sent');
    await applySmsStatus(db.kysely, 'pa', 'smpp', { providerMessageId: 'pm-1', status: 'undelivered', errorCode: '0x0B' });
    expect(await status()).toBe('sent');
    await applySmsStatus(db.kysely, 'pa', 'smpp', { providerMessageId: 'pm-0', status: 'delivered' });
    expect(await status()).toBe('delivered');
  });

  it('finds a bank again from its token tag, only in its own portal', async () => {
    expect((await findBankByTag(db.kysely, 'pa', bankTagOf(banks.norte!)))?.name).toBe('Banco Norte');
    expect(await findBankByTag(db.kysely, 'pb', bankTagOf(banks.norte!))).toBeNull();
  });
});
