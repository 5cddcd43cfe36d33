import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../db/database.js';
import { createTestDb } from '../../../../test/support/test-db.js';
import { AppError } from '../../../errors.js';
import type { SmsProvider, SmsStatusUpdate } from '../provider.js';
import type { SmppSmsClient } from '../smpp/client.js';
import { startFakeSmsc, type FakeSmsc } from '../../../../test/fakes/smsc.js';
import { smppProvider } from '../smpp/index.js';
import { executeSms, findSmsById, recordSmsStatus, requestSms } from './index.js';

let db: Db;
let smsc: FakeSmsc;
let smpp: SmppSmsClient;
let clock = Date.UTC(2026, 10, 22, 3, 0, 0);
const now = () => clock;
const opts = { now, leaseMs: 60_000, backoffBaseMs: 5_000 };
let n = 0;
const key = () => `b24-message-${++n}`;
const RU = 'Здравствуйте! Платёж 5000 руб. по договору №123 завтра. Просим внести оплату вовремя, чтобы избежать штрафа. Ваш кредитор.';
const input = (k: string, extra: Record<string, unknown> = {}) => ({
  key: k,
  to: '+52 1 55 1234 5678',
  text: RU,
  provider: 'smpp',
  context: { source: 'messageservice', messageId: k },
  ...extra,
});

beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => {
  await db.close();
});
beforeEach(async () => {
  smsc = await startFakeSmsc();
  smpp = smppProvider.create({
    host: '127.0.0.1',
    port: smsc.port,
    systemId: 'lender',
    password: 'secret',
    sourceAddr: 'Prestamos',
    timeoutMs: 3000,
    enquireLinkMs: 0,
  });
});
afterEach(async () => {
  await smpp.close();
  await smsc.close();
});

describe('exactly-once SMS', () => {
  it('1,000 duplicated deliveries of one Bitrix24 message → one message at the SMPP server', async () => {
    const k = key();
    const results = await Promise.all(
      Array.from({ length: 1000 }, async () => {
        const s = await requestSms(db.kysely, 'p1', input(k), { now });
        return (await executeSms(db.kysely, smpp, s, opts)).sms;
      }),
    );
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(smsc.messages()).toHaveLength(1);
    expect(smsc.messages()[0]?.text).toBe(RU);
    expect(smsc.parts).toHaveLength(2);
    const row = await findSmsById(db.kysely, results[0]!.portalId, results[0]!.id);
    expect(row).toMatchObject({ status: 'queued', to: '+5215512345678', encoding: 'UCS2', segments: 2, attempts: 1 });
    expect(row?.providerMessageId).toBe(smsc.parts[0]?.messageId);
  });

  it('worker crash mid-send, then 1,000 duplicated retries → still one message, flagged unknown', async () => {
    const k = key();
    const s = await requestSms(db.kysely, 'p1', input(k, { text: 'Su pago vence mañana', transliterate: 'es' }), { now });
    const dying: SmsProvider = { code: 'smpp', limit: smpp.limit, send: async (r) => (await smpp.send(r), new Promise(() => undefined)) };
    void executeSms(db.kysely, dying, s, opts);
    for (let i = 0; i < 200 && smsc.messages().length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(smsc.messages()).toHaveLength(1);
    clock += 60_001;
    await Promise.all(
      Array.from({ length: 1000 }, () =>
        requestSms(db.kysely, 'p1', input(k, { text: 'Su pago vence mañana', transliterate: 'es' }), { now }).then((x) =>
          executeSms(db.kysely, smpp, x, opts),
        ),
      ),
    );
    expect(smsc.messages()).toHaveLength(1);
    const row = await findSmsById(db.kysely, s.portalId, s.id);
    expect(row).toMatchObject({ status: 'unknown', attempts: 1 });
    expect(row?.lastError).toMatch(/not resent/);
  });

  it('a lookup by id from another portal finds nothing and sends nothing', async () => {
    const s = await requestSms(db.kysely, 'p1', input(key(), { text: 'hola' }), { now });
    expect(await findSmsById(db.kysely, 'p1', s.id)).toMatchObject({ id: s.id });
    expect(await findSmsById(db.kysely, 'portal-2', s.id)).toBeUndefined();
    await expect(executeSms(db.kysely, smpp, { portalId: 'portal-2', id: s.id }, opts)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(smsc.messages()).toHaveLength(0);
  });

  it('same key, other text → IDEMPOTENCY_MISMATCH; over the limit → refused before storing', async () => {
    const k = key();
    await requestSms(db.kysely, 'p1', input(k), { now });
    await expect(requestSms(db.kysely, 'p1', input(k, { text: 'otro' }), { now })).rejects.toMatchObject({ code: 'IDEMPOTENCY_MISMATCH' });
    const k2 = key();
    const e = (await requestSms(db.kysely, 'p1', input(k2), { now, limit: { maxUnits: 70 } }).catch((x: unknown) => x)) as AppError;
    expect(e.code).toBe('SMS_OVER_LIMIT');
    expect(e.message).toMatch(/limit is 70/);
    expect(await db.kysely.selectFrom('sms_messages').select('id').where('idempotency_key', '=', k2).executeTakeFirst()).toBeUndefined();
  });

  it('bind refused by a down SMSC is retried with back-off; a bad password fails with the reason', async () => {
    const s = await requestSms(db.kysely, 'p1', input(key(), { text: 'hola' }), { now });
    smsc.refuseBindWith = 0x0d;
    const r1 = await executeSms(db.kysely, smpp, s, opts);
    expect(r1).toMatchObject({ sms: { status: 'requested', attempts: 1 }, retryAt: clock + 5_000 });
    expect(r1.sms.lastError).toMatch(/SMPP_BIND_REFUSED.*ESME_RBINDFAIL/);
    smsc.refuseBindWith = undefined;
    clock += 5_000;
    expect((await executeSms(db.kysely, smpp, s, opts)).sms).toMatchObject({ status: 'queued', attempts: 2 });

    const bad = smppProvider.create({
      host: '127.0.0.1',
      port: smsc.port,
      systemId: 'lender',
      password: 'nope',
      sourceAddr: 'X',
      enquireLinkMs: 0,
    });
    const s2 = await requestSms(db.kysely, 'p1', input(key(), { text: 'hola' }), { now });
    const r2 = await executeSms(db.kysely, bad, s2, opts);
    expect(r2.sms).toMatchObject({ status: 'failed' });
    expect(r2.sms.lastError).toMatch(/ESME_RINVPASWD/);
    await bad.close();
  });

  it('delivery receipts move the status forward only and are reported once', async () => {
    const s = await requestSms(db.kysely, 'p-receipts', input(key()), { now });
    const updates: SmsStatusUpdate[] = [];
    smpp.onStatus((u) => updates.push(u));
    const sent = await executeSms(db.kysely, smpp, s, opts);
    for (const p of smsc.parts.slice(-2)) smsc.sendReceipt(p.messageId, 'DELIVRD');
    for (let i = 0; i < 100 && updates.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(updates).toEqual([{ providerMessageId: sent.sms.providerMessageId, status: 'delivered' }]);
    expect(await recordSmsStatus(db.kysely, 'p-receipts', 'smpp', updates[0]!)).toMatchObject({ status: 'delivered' });
    expect(
      await recordSmsStatus(db.kysely, 'p-receipts', 'smpp', { providerMessageId: sent.sms.providerMessageId!, status: 'sent' }),
    ).toMatchObject({ status: 'delivered' });
    const jobs = await db.kysely.selectFrom('outbox_jobs').select('idempotency_key').where('kind', '=', 'sms.status').execute();
    expect(jobs.map((j) => j.idempotency_key)).toEqual([`sms-status:${s.id}:delivered`]);
  });
});
