import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../app.js';
import type { AppError } from '../../../errors.js';
import { loadConfig } from '../../../config.js';
import type { Db } from '../../../db/database.js';
import { getBankMessage, openContent } from '../../../mail/outgoing/bank-messages-repo.js';
import { bankSendJob } from '../../../mail/outgoing/bank-send-job.js';
import type { OutgoingMessage } from '../../../mail/outgoing/outgoing-mail.js';
import { queueBankMessages } from '../../../mail/outgoing/queue-bank-messages.js';
import { saveMailSettings } from '../../../mail/settings/mail-settings-repo.js';
import { insertDonePack } from '../../../../test/support/done-pack.js';
import { createTestDb, insertTestPortal } from '../../../../test/support/test-db.js';

// Per-bank templates on the banks API and the pack attached to a bank e-mail, on both dialects
// (WORKER=off; the send job is run by hand with a port that records what it was given — the real
// SMTP server is in test/mail-bank-send.test.ts and test/documents-tab-bank-send.test.ts).
const env = {
  ENCRYPTION_KEY: Buffer.alloc(32, 9).toString('base64'),
  SESSION_SECRET: 's'.repeat(32),
  LOG_LEVEL: 'silent',
  WORKER: 'off',
  MAIL_READER: 'off',
};
let db: Db;
let app: FastifyInstance;
const bankIds: Record<string, string> = {};
const admin = () => `Bearer ${app.sessions.issue({ portalId: 'pt', userId: 1, isAdmin: true })}`;
const onDeal = (dealId: number) => `Bearer ${app.sessions.issue({ portalId: 'pt', userId: 3, dealId, isAdmin: false })}`;
const bankBody = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  emails: [`credito@${name.toLowerCase().replace(/\s+/g, '-')}.example`],
  replySenders: [],
  phones: ['+52 55 1111 2222'],
  requiredFields: [],
  ...extra,
});
const send = (dealId: number, payload: Record<string, unknown>, lang = 'es-MX') =>
  app.inject({
    method: 'POST',
    url: `/api/v1/deals/${dealId}/bank-messages`,
    headers: { authorization: onDeal(dealId), 'accept-language': lang },
    payload,
  });
const messagesStored = async () =>
  (await db.kysely.selectFrom('bank_messages').select('id').where('portal_id', '=', 'pt').execute()).length;

const enc = (s: string) => new TextEncoder().encode(s);
const donePack = (dealId: number, bankId: string, createdAt: string, docs: { name: string; bank: boolean; text: string; pdf?: string }[]) =>
  insertDonePack(
    db.kysely,
    'pt',
    dealId,
    bankId,
    createdAt,
    docs.map((d) => ({ name: d.name, bank: d.bank, bytes: enc(d.text), ...(d.pdf ? { pdf: enc(d.pdf) } : {}) })),
  );

beforeAll(async () => {
  db = await createTestDb();
  app = await buildApp({ config: loadConfig(env), db });
  await app.ready();
  await insertTestPortal(db, 'pt');
  await saveMailSettings(
    db.kysely,
    app.secrets,
    'pt',
    {
      smtp: {
        host: 'smtp.l.example',
        port: 587,
        security: 'starttls',
        user: '',
        password: null,
        fromAddress: 'credito@l.example',
        fromName: 'L',
      },
      imap: { host: 'imap.l.example', port: 993, security: 'tls', user: 'c', password: 'p', folder: 'INBOX' },
      replyScheme: 'plus',
      replyAddress: null,
      forwarders: [],
    },
    { userId: 1, nowIso: new Date().toISOString() },
  );
});
afterAll(async () => {
  await app?.close();
  await db?.close();
});

describe('per-bank message templates on the banks API', () => {
  it('stores a template with the bank, keeps it when a save leaves it out, null goes back to the default', async () => {
    const template = { lang: 'es', subject: 'Solicitud #{{deal}} — {{client}}', body: 'Hola {{bank}}: {{amount}} a {{term}}.' };
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/documents/banks',
      headers: { authorization: admin() },
      payload: bankBody('Banco Sur', { messageTemplate: template }),
    });
    expect(created.statusCode, created.body).toBe(200);
    bankIds.sur = created.json().bank.id as string;
    expect(created.json().bank.messageTemplate).toEqual(template);
    const kept = await app.inject({
      method: 'PUT',
      url: `/api/v1/documents/banks/${bankIds.sur}`,
      headers: { authorization: admin() },
      payload: bankBody('Banco Sur'),
    });
    expect(kept.json().bank.messageTemplate).toEqual(template);
    const reset = await app.inject({
      method: 'PUT',
      url: `/api/v1/documents/banks/${bankIds.sur}`,
      headers: { authorization: admin() },
      payload: bankBody('Banco Sur', { messageTemplate: null }),
    });
    expect(reset.json().bank.messageTemplate).toBeNull();
  });

  it('stores a language chosen without texts (the default message in that language), as the list reads it back', async () => {
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/documents/banks',
      headers: { authorization: admin(), 'accept-language': 'ru-RU' },
      payload: bankBody('Banco Lengua', { messageTemplate: { lang: 'es' } }),
    });
    expect(created.statusCode, created.body).toBe(200);
    const id = created.json().bank.id as string;
    const changed = await app.inject({
      method: 'PUT',
      url: `/api/v1/documents/banks/${id}`,
      headers: { authorization: admin() },
      payload: bankBody('Banco Lengua', { messageTemplate: { lang: 'ru' } }),
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const list = await app.inject({ method: 'GET', url: '/api/v1/documents/banks', headers: { authorization: admin() } });
    const banks = list.json().banks as { id: string; messageTemplate: unknown }[];
    expect(banks.find((b) => b.id === id)?.messageTemplate).toEqual({ lang: 'ru' });
  });

  it('refuses an unknown placeholder in the user language, naming it and where it is, storing nothing', async () => {
    const r = await app.inject({
      method: 'POST',
      url: '/api/v1/documents/banks',
      headers: { authorization: admin(), 'accept-language': 'ru-RU' },
      payload: bankBody('Банк Север', { messageTemplate: { lang: 'ru', subject: 'Заявка №{{deal}}', body: '{{bank}}: {{summa}}' } }),
    });
    expect(r.statusCode).toBe(422);
    expect(r.json()).toMatchObject({ error: 'BANK_TEMPLATE_PLACEHOLDER', details: { field: 'messageTemplate.body', unknown: ['summa'] } });
    expect(r.json().message).toContain('{{summa}}');
    expect(r.json().message).toContain('Доступны');
    const names = (await db.kysely.selectFrom('document_banks').select('name').where('portal_id', '=', 'pt').execute()).map((b) => b.name);
    expect(names).not.toContain('Банк Север');
  });
});

describe('the pack attached to a bank e-mail', () => {
  it('no finished pack for the bank: 422 naming the bank in the user language, nothing queued', async () => {
    const before = await messagesStored();
    const r = await send(70, { requestId: randomUUID(), bankIds: [bankIds.sur!], subject: 'S', text: 'T', attachPack: true });
    expect(r.statusCode).toBe(422);
    expect(r.json()).toMatchObject({ error: 'PACK_NOT_READY_FOR_BANK', details: { field: 'attachPack', bankId: bankIds.sur } });
    expect(r.json().message).toContain('Genere primero el paquete para Banco Sur');
    // An SMS carries no pack (checked where it is queued; the route first wants the portal's SMS provider).
    await expect(
      queueBankMessages(db.kysely, app.secrets, {
        portalId: 'pt',
        dealId: 70,
        userId: 3,
        lang: 'es',
        body: { requestId: randomUUID(), bankIds: [bankIds.sur!], channel: 'sms', text: 'T', attachPack: true },
        tokenKey: Buffer.alloc(32, 1),
        nowIso: new Date().toISOString(),
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION', details: { field: 'attachPack' } });
    expect(await messagesStored()).toBe(before);
  });

  it('a pack the mail server would refuse: 422 naming the bank, its size and the limit, nothing queued for any bank', async () => {
    // A second app over the same database whose SMTP server takes 1 MiB (MAIL_MAX_MESSAGE_MB).
    const small = await buildApp({ config: loadConfig({ ...env, MAIL_MAX_MESSAGE_MB: '1' }), db });
    await small.ready();
    try {
      const norte = (
        await app.inject({
          method: 'POST',
          url: '/api/v1/documents/banks',
          headers: { authorization: admin() },
          payload: bankBody('Banco Norte'),
        })
      ).json().bank.id as string;
      await donePack(72, bankIds.sur!, '2026-12-02T10:00:00.000Z', [{ name: 'Cuestionario Sur', bank: true, text: 'q' }]);
      // 900 KiB of documents are 1.23 MiB in base64 (shown rounded up, 1.3): over the limit.
      await donePack(72, norte, '2026-12-02T11:00:00.000Z', [{ name: 'Estados de cuenta', bank: true, text: 'x'.repeat(900 * 1024) }]);
      const before = await messagesStored();
      const body = { requestId: randomUUID(), bankIds: [bankIds.sur!, norte], subject: 'S', text: 'T', attachPack: true };
      const r = await small.inject({
        method: 'POST',
        url: '/api/v1/deals/72/bank-messages',
        headers: {
          authorization: `Bearer ${small.sessions.issue({ portalId: 'pt', userId: 3, dealId: 72, isAdmin: false })}`,
          'accept-language': 'es-MX',
        },
        payload: body,
      });
      expect(r.statusCode, r.body).toBe(422);
      expect(r.json()).toMatchObject({ error: 'MAIL_TOO_LARGE', details: { field: 'attachPack', bankId: norte } });
      expect(r.json().message).toBe('El paquete para Banco Norte pesa 1.3 MB; el servidor de correo acepta hasta 1 MB.');
      expect(await messagesStored()).toBe(before);
      // The same in Russian; the bank whose pack fits alone goes.
      const ru = await queueBankMessages(db.kysely, app.secrets, {
        portalId: 'pt',
        dealId: 72,
        userId: 3,
        lang: 'ru',
        body: { ...body, requestId: randomUUID() },
        tokenKey: Buffer.alloc(32, 1),
        nowIso: new Date().toISOString(),
        mailMaxBytes: 1024 * 1024,
      }).catch((e: AppError) => e.textFor('ru'));
      expect(ru).toBe('Пакет для банка «Banco Norte» весит 1,3 МБ, а почтовый сервер принимает не больше 1 МБ.');
      expect(await messagesStored()).toBe(before);
      const alone = await small.inject({
        method: 'POST',
        url: '/api/v1/deals/72/bank-messages',
        headers: { authorization: `Bearer ${small.sessions.issue({ portalId: 'pt', userId: 3, dealId: 72, isAdmin: false })}` },
        payload: { ...body, requestId: randomUUID(), bankIds: [bankIds.sur!] },
      });
      expect(alone.statusCode, alone.body).toBe(202);
    } finally {
      await small.close();
    }
  });

  it("attaches the bank's newest finished pack (its documents and the internal ones, .docx and PDF); a retry sends the same", async () => {
    const other = (
      await app.inject({
        method: 'POST',
        url: '/api/v1/documents/banks',
        headers: { authorization: admin() },
        payload: bankBody('Banco Oeste'),
      })
    ).json().bank.id as string;
    await donePack(71, bankIds.sur!, '2026-12-01T10:00:00.000Z', [{ name: 'Viejo', bank: true, text: 'old' }]);
    await donePack(71, other, '2026-12-03T10:00:00.000Z', [{ name: 'Otro banco', bank: true, text: 'other' }]);
    await donePack(71, bankIds.sur!, '2026-12-02T10:00:00.000Z', [
      { name: 'Cuestionario Sur', bank: true, text: 'q', pdf: 'q-pdf' },
      { name: 'Contrato / crédito', bank: false, text: 'c' },
    ]);
    const r = await send(71, {
      requestId: randomUUID(),
      bankIds: [bankIds.sur!, other],
      subject: 'Compartido',
      text: 'Texto compartido',
      perBank: [{ bankId: bankIds.sur!, subject: 'Solicitud #71 — Sur', text: 'Texto para Sur' }],
      attachPack: true,
    });
    expect(r.statusCode, r.body).toBe(202);
    const msgs = r.json().messages as { id: string; bankId: string; messageId: string }[];
    const sur = msgs.find((m) => m.bankId === bankIds.sur)!;
    const row = (await getBankMessage(db.kysely, 'pt', sur.id))!;
    const content = openContent(app.secrets, row)!;
    expect(content.subject).toBe('Solicitud #71 — Sur');
    expect(content.attachments?.map((a) => a.filename)).toEqual(['Cuestionario Sur.docx', 'Cuestionario Sur.pdf', 'Contrato crédito.docx']);
    const otherContent = openContent(app.secrets, (await getBankMessage(db.kysely, 'pt', msgs.find((m) => m.bankId === other)!.id))!)!;
    expect([otherContent.subject, otherContent.text]).toEqual(['Compartido', 'Texto compartido']);
    // The deal's list shows each message's subject and how many files it carries.
    const views = r.json().messages as { bankId: string; subject: string | null; attachmentCount: number }[];
    expect(views.find((m) => m.bankId === bankIds.sur)).toMatchObject({ subject: 'Solicitud #71 — Sur', attachmentCount: 3 });
    expect(views.find((m) => m.bankId === other)).toMatchObject({ subject: 'Compartido', attachmentCount: 1 });

    // The first attempt meets a 4xx (retried by the outbox), the second is accepted: same Message-ID, same files.
    const seen: OutgoingMessage[] = [];
    let attempt = 0;
    const job = bankSendJob({
      mail: {
        send: async (_portal, m) => {
          seen.push(m);
          if (attempt++ === 0) throw Object.assign(new Error('451 try later'), { responseCode: 451 });
          return { accepted: m.to, rejected: [], response: '250 2.0.0 queued' };
        },
      },
      box: app.secrets,
    });
    const comments: [string, unknown][] = [];
    const ctx = {
      db: db.kysely,
      log: app.log,
      portal: async () => ({ call: async (method: string, p: unknown) => (comments.push([method, p]), method.endsWith('.list') ? [] : 1) }),
      getPortalClient: () => Promise.reject(new Error('no')),
    } as unknown as Parameters<typeof job>[1];
    const run = (attempts: number) =>
      ({ id: 'j', portalId: 'pt', kind: 'mail.bank.send', payload: { id: sur.id }, attempts }) as unknown as Parameters<typeof job>[0];
    await expect(job(run(1), ctx)).rejects.toThrow('451');
    await job(run(2), ctx);
    expect(seen).toHaveLength(2);
    expect(seen[0]!.messageId).toBe(sur.messageId);
    expect(seen[1]!.messageId).toBe(sur.messageId);
    for (const m of seen) {
      expect(m.attachments?.map((a) => [a.filename, new TextDecoder().decode(a.content)])).toEqual([
        ['Cuestionario Sur.docx', 'q'],
        ['Cuestionario Sur.pdf', 'q-pdf'],
        ['Contrato crédito.docx', 'c'],
      ]);
    }
    expect((await getBankMessage(db.kysely, 'pt', sur.id))!.status).toBe('sent');
    const added = comments.filter(([m]) => m === 'crm.timeline.comment.add').map(([, p]) => p as { fields: { COMMENT: string } });
    expect(added).toHaveLength(1);
    expect(added[0]!.fields.COMMENT).toContain('250 2.0.0 queued');

    // A crash after the portal stored the comment, before the row remembered it: the rerun finds it and adds nothing.
    await db.kysely.updateTable('bank_messages').set({ commented: 0 }).where('portal_id', '=', 'pt').where('id', '=', sur.id).execute();
    const calls: string[] = [];
    const rerunCtx = {
      ...ctx,
      portal: async () => ({
        call: async (method: string) => (calls.push(method), method.endsWith('.list') ? [{ COMMENT: added[0]!.fields.COMMENT }] : 1),
      }),
    } as unknown as Parameters<typeof job>[1];
    await job(run(3), rerunCtx);
    expect(calls).toEqual(['crm.timeline.comment.list']);
    expect(seen).toHaveLength(2);
  });

  it('an SMS over the provider limit is refused at enqueue next to its text, nothing queued', async () => {
    const before = await messagesStored();
    const queue = (text: string) =>
      queueBankMessages(db.kysely, app.secrets, {
        portalId: 'pt',
        dealId: 72,
        userId: 3,
        lang: 'es',
        body: { requestId: randomUUID(), bankIds: [bankIds.sur!], channel: 'sms', text },
        tokenKey: Buffer.alloc(32, 1),
        nowIso: new Date().toISOString(),
        smsLimit: 2,
      });
    await expect(queue('x'.repeat(400))).rejects.toMatchObject({
      code: 'SMS_OVER_LIMIT',
      details: { field: 'text', bankId: bankIds.sur, count: 3, limit: 2 },
    });
    expect(await messagesStored()).toBe(before);
    expect(await queue('Solicitud #72: revise su correo.')).toHaveLength(1);
  });
});
