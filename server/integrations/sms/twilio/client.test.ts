import formbody from '@fastify/formbody';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../errors.js';
import type { SmsStatusUpdate } from '../provider.js';
import { ProviderError } from '../provider-error.js';
import { TwilioSmsClient } from './client.js';
import { startFakeTwilio, type FakeTwilio } from '../../../../test/fakes/twilio-server.js';
import { twilioProvider } from './index.js';

let fake: FakeTwilio;
const callbacks = Fastify({ logger: false, forceCloseConnections: true });
let callbackUrl = '';
const received: Array<SmsStatusUpdate | string> = [];

function client(extra: Partial<ConstructorParameters<typeof TwilioSmsClient>[0]> = {}) {
  return twilioProvider.create({
    accountSid: fake.accountSid,
    authToken: fake.authToken,
    from: '+15005550006',
    baseUrl: fake.baseUrl,
    statusCallbackUrl: callbackUrl,
    ...extra,
  });
}

beforeAll(async () => {
  fake = await startFakeTwilio();
  await callbacks.register(formbody);
  callbacks.post('/sms/status', async (req, reply) => {
    try {
      received.push(client().parseStatusCallback({ url: callbackUrl, headers: req.headers, body: req.body as Record<string, unknown> }));
      return reply.code(204).send();
    } catch (e) {
      received.push((e as AppError).code);
      return reply.code(403).send();
    }
  });
  await callbacks.listen({ port: 0, host: '127.0.0.1' });
  const addr = callbacks.server.address();
  callbackUrl = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/sms/status`;
});
afterAll(async () => {
  await fake.close();
  await callbacks.close();
});

describe('TwilioSmsClient against the fake Messages API', () => {
  it('is configured only with complete settings', () => {
    expect(twilioProvider.isConfigured({ accountSid: fake.accountSid, authToken: fake.authToken, from: '+15005550006' })).toBe(true);
    expect(twilioProvider.isConfigured({ accountSid: 'nope' })).toBe(false);
  });

  it('sends Spanish text and reads sid, status and segments', async () => {
    const text = 'Hola Juan, ¿pagará mañana? ' + 'x'.repeat(60);
    const r = await client().send({ to: '+5215512345678', text, encoding: 'UCS2', idempotencyKey: 'k1' });
    expect(r.providerMessageId).toMatch(/^SM[0-9a-f]{32}$/);
    expect(r).toMatchObject({ status: 'queued', segments: 2 });
    expect(fake.messages.at(-1)?.body).toBe(text);
  });

  it('maps Twilio errors: 400 rejected (not retryable), 500 retryable, 401 auth', async () => {
    const bad = await client()
      .send({ to: '12345', text: 'hi', encoding: 'GSM7', idempotencyKey: 'k2' })
      .catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(ProviderError);
    expect((bad as ProviderError).code).toBe('SMS_PROVIDER_REJECTED');
    expect((bad as ProviderError).info).toMatchObject({ retryable: false, providerCode: 21211, httpStatus: 400 });

    fake.failNext(500);
    const down = (await client()
      .send({ to: '+5215512345678', text: 'hi', encoding: 'GSM7', idempotencyKey: 'k3' })
      .catch((e: unknown) => e)) as ProviderError;
    expect(down.info).toMatchObject({ retryable: true, httpStatus: 500 });

    const auth = (await client({ authToken: 'wrong-token-123456' })
      .send({ to: '+5215512345678', text: 'hi', encoding: 'GSM7', idempotencyKey: 'k4' })
      .catch((e: unknown) => e)) as ProviderError;
    expect(auth.code).toBe('SMS_PROVIDER_AUTH');
    expect(auth.info.providerCode).toBe(20003);
  });

  it('a timeout leaves the outcome unknown', async () => {
    fake.delayNext(500);
    const e = (await client({ timeoutMs: 100 })
      .send({ to: '+5215512345678', text: 'hi', encoding: 'GSM7', idempotencyKey: 'k5' })
      .catch((x: unknown) => x)) as ProviderError;
    expect(e.info).toMatchObject({ retryable: true, outcomeUnknown: true });
  });

  it('refuses an over-limit message before sending anything', async () => {
    const before = fake.messages.length;
    const e = (await client({ maxChars: 150 })
      .send({ to: '+5215512345678', text: 'a'.repeat(151), encoding: 'GSM7', idempotencyKey: 'k6' })
      .catch((x: unknown) => x)) as AppError;
    expect(e.code).toBe('SMS_OVER_LIMIT');
    expect(e.message).toContain('150');
    expect(fake.messages.length).toBe(before);
  });

  it('verifies signed status callbacks and normalises statuses', async () => {
    const r = await client().send({ to: '+5215512345678', text: 'Su pago vence mañana', encoding: 'GSM7', idempotencyKey: 'k7' });
    received.length = 0;
    expect(await fake.sendStatus(r.providerMessageId, 'sent')).toBe(204);
    expect(await fake.sendStatus(r.providerMessageId, 'undelivered', '30003')).toBe(204);
    expect(received).toEqual([
      { providerMessageId: r.providerMessageId, status: 'sent' },
      { providerMessageId: r.providerMessageId, status: 'undelivered', errorCode: '30003' },
    ]);
    const forged = await fetch(callbackUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': 'AAAA' },
      body: `MessageSid=${r.providerMessageId}&MessageStatus=delivered`,
    });
    expect(forged.status).toBe(403);
    expect(received.at(-1)).toBe('UNAUTHORIZED');
  });
});
