import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../db/database.js';
import { createTestDb } from '../../../../test/support/test-db.js';
import { startFakeTwilio, type FakeTwilio } from '../../../../test/fakes/twilio-server.js';
import { twilioProvider, twilioSignature } from '../twilio/index.js';
import { executeSms, recordSmsStatus, requestSms } from './index.js';

let db: Db;
let fake: FakeTwilio;
let clock = Date.UTC(2026, 10, 22, 3, 0, 0);
const now = () => clock;
const opts = { now, backoffBaseMs: 5_000 };
const client = (timeoutMs = 5_000) =>
  twilioProvider.create({
    accountSid: fake.accountSid,
    authToken: fake.authToken,
    from: '+15005550006',
    baseUrl: fake.baseUrl,
    timeoutMs,
    maxChars: 150,
  });

beforeAll(async () => {
  db = await createTestDb();
  fake = await startFakeTwilio();
});
afterAll(async () => {
  await fake.close();
  await db.close();
});

describe('exactly-once SMS through the Twilio-style gateway', () => {
  it('500 is retried with back-off and sent once; the status callback is recorded', async () => {
    const s = await requestSms(
      db.kysely,
      'p1',
      { key: 'tw-1', to: '+5215512345678', text: 'Su pago vence mañana', provider: 'twilio' },
      { now },
    );
    fake.failNext(500);
    const r1 = await executeSms(db.kysely, client(), s, opts);
    expect(r1).toMatchObject({ sms: { status: 'requested', attempts: 1 }, retryAt: clock + 5_000 });
    clock += 5_000;
    const r2 = await executeSms(db.kysely, client(), s, opts);
    expect(r2.sms).toMatchObject({ status: 'queued', attempts: 2 });
    expect(fake.messages.filter((m) => m.body === 'Su pago vence mañana')).toHaveLength(1);
    const update = client().parseStatusCallback({
      url: 'https://app.example/sms/status',
      headers: {
        'x-twilio-signature': twilioSignature(fake.authToken, 'https://app.example/sms/status', {
          MessageSid: r2.sms.providerMessageId,
          MessageStatus: 'delivered',
        }),
      },
      body: { MessageSid: r2.sms.providerMessageId, MessageStatus: 'delivered' },
    });
    expect(await recordSmsStatus(db.kysely, 'p1', 'twilio', update)).toMatchObject({ status: 'delivered' });
  });

  it('a timeout leaves the SMS unknown and it is not sent again', async () => {
    const s = await requestSms(db.kysely, 'p1', { key: 'tw-2', to: '+5215512345678', text: 'Recordatorio', provider: 'twilio' }, { now });
    fake.delayNext(800);
    const r = await executeSms(db.kysely, client(150), s, opts);
    expect(r.sms.status).toBe('unknown');
    expect(r.sms.lastError).toMatch(/not resent/);
    clock += 600_000;
    expect((await executeSms(db.kysely, client(), s, opts)).sms.status).toBe('unknown');
    expect(fake.messages.filter((m) => m.body === 'Recordatorio')).toHaveLength(1);
  });

  it('over the gateway’s 150 characters: failed with the limit, nothing sent', async () => {
    const s = await requestSms(db.kysely, 'p1', { key: 'tw-3', to: '+5215512345678', text: 'x'.repeat(151), provider: 'twilio' }, { now });
    const r = await executeSms(db.kysely, client(), s, opts);
    expect(r.sms.status).toBe('failed');
    expect(r.sms.lastError).toMatch(/SMS_OVER_LIMIT: .*limit is 150/);
    expect(fake.messages.filter((m) => m.body.startsWith('xxx'))).toHaveLength(0);
  });
});
