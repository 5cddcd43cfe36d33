import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../errors.js';
import { analyzeSms } from '../encoding/index.js';
import type { SmsStatusUpdate } from '../provider.js';
import { ProviderError } from '../provider-error.js';
import type { SmppSmsClient } from './client.js';
import { startFakeSmsc, type FakeSmsc } from '../../../../test/fakes/smsc.js';
import { smppProvider } from './index.js';

let smsc: FakeSmsc;
const clients: SmppSmsClient[] = [];

function client(extra: Record<string, unknown> = {}): SmppSmsClient {
  const c = smppProvider.create({
    host: '127.0.0.1',
    port: smsc.port,
    systemId: 'lender',
    password: 'secret',
    sourceAddr: 'Prestamos',
    timeoutMs: 2000,
    reconnectBaseMs: 20,
    enquireLinkMs: 0,
    ...extra,
  });
  clients.push(c);
  return c;
}

function waitFor<T>(fn: () => T | undefined, timeoutMs = 3000): Promise<T> {
  const start = Date.now();
  return new Promise((resolve, reject) => {
    const tick = () => {
      const v = fn();
      if (v !== undefined && v !== false) return resolve(v);
      if (Date.now() - start > timeoutMs) return reject(new Error('waitFor timed out'));
      setTimeout(tick, 10);
    };
    tick();
  });
}

beforeEach(async () => {
  smsc = await startFakeSmsc();
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await smsc.close();
});

const ES =
  'Hola Juan, ¿pagará mañana? ¡Gracias! Su préstamo N.º 123 por $1,500.00 vence el día 5; información útil aquí. ' +
  'Saludos cordiales del equipo de cobranza, que le atiende de lunes a sábado.';
const RU = 'Здравствуйте! Платёж 5000 руб. по договору №123 завтра. Просим внести оплату вовремя, чтобы избежать штрафа. Ваш кредитор.';

describe('SmppSmsClient against a local SMSC (npm smpp createServer)', () => {
  it.each([
    ['Spanish (UCS-2)', ES, undefined],
    ['Russian (UCS-2)', RU, undefined],
    ['Spanish transliterated (GSM-7, with € and [ ])', analyzeSms(ES + ' Total 100€ [ref]', { transliterate: 'es' }).text, undefined],
    ['Russian transliterated (GSM-7)', analyzeSms(RU, { transliterate: 'ru' }).text, undefined],
    ['GSM-7 specials (@ is septet 0x00, Ç 0x09, _ Δ ñ § ¿ ¡ £ ¥)', 'Pago @ Ç _ Δ ñ § ¿ ¡ £ ¥ $1,500 {ok} ~ |', undefined],
    ['long GSM-7 with extension chars at the boundaries', 'a'.repeat(152) + '€' + 'b'.repeat(150) + '{}' + 'c'.repeat(10), undefined],
  ])('%s arrives intact, in the right number of parts', async (_name, text) => {
    const a = analyzeSms(text);
    const r = await client().send({ to: '+5215512345678', text, encoding: a.encoding, idempotencyKey: `k-${text.length}` });
    expect(r.segments).toBe(a.segments);
    const msgs = smsc.messages();
    expect(msgs).toHaveLength(1);
    expect(msgs[0]?.text).toBe(a.text);
    expect(msgs[0]?.to).toBe('5215512345678');
    expect(msgs[0]?.dataCoding).toBe(a.encoding === 'GSM7' ? 0 : 8);
    expect(smsc.parts).toHaveLength(a.segments);
    if (a.segments > 1) {
      expect(smsc.parts.every((p) => p.esmClass & 0x40)).toBe(true);
      expect(smsc.parts.map((p) => p.udh?.seq)).toEqual(Array.from({ length: a.segments }, (_, i) => i + 1));
    }
  });

  it('expected part counts for the seed texts', () => {
    expect(analyzeSms(ES).segments).toBe(3);
    expect(analyzeSms(RU).segments).toBe(2);
  });

  it('refuses an over-limit message with the limit in the error, before sending anything', async () => {
    const e = (await client({ maxSegments: 1 })
      .send({ to: '+5215512345678', text: RU, encoding: 'UCS2', idempotencyKey: 'over' })
      .catch((x: unknown) => x)) as AppError;
    expect(e.code).toBe('SMS_OVER_LIMIT');
    expect(e.message).toMatch(/needs 2 segments.*limit is 1/);
    expect(smsc.binds).toBe(0);
    expect(smsc.parts).toHaveLength(0);
  });

  it('bind refused → a clear, non-retryable error', async () => {
    const e = (await client({ password: 'wrong' })
      .connect()
      .catch((x: unknown) => x)) as ProviderError;
    expect(e).toBeInstanceOf(ProviderError);
    expect(e.code).toBe('SMPP_BIND_REFUSED');
    expect(e.message).toMatch(/ESME_RINVPASWD/);
    expect(e.info.retryable).toBe(false);
  });

  it('a temporary bind failure is retryable', async () => {
    smsc.refuseBindWith = 0x0d; // ESME_RBINDFAIL
    const c = client();
    const e = (await c.connect().catch((x: unknown) => x)) as ProviderError;
    expect(e.info.retryable).toBe(true);
    smsc.refuseBindWith = undefined;
    await c.connect();
    expect(c.isBound).toBe(true);
  });

  it('SMSC errors: throttled is retryable, invalid destination is not', async () => {
    const c = client();
    smsc.failNextSubmits(0x58);
    const t = (await c
      .send({ to: '+5215512345678', text: 'hola', encoding: 'GSM7', idempotencyKey: 't' })
      .catch((x: unknown) => x)) as ProviderError;
    expect(t.info).toMatchObject({ retryable: true, providerCode: 0x58 });
    smsc.failNextSubmits(0x0b);
    const d = (await c
      .send({ to: '+5215512345678', text: 'hola', encoding: 'GSM7', idempotencyKey: 'd' })
      .catch((x: unknown) => x)) as ProviderError;
    expect(d.code).toBe('SMS_PROVIDER_REJECTED');
    expect(d.message).toMatch(/ESME_RINVDSTADR/);
  });

  it('delivery receipts become status updates for the whole message', async () => {
    const c = client();
    const updates: SmsStatusUpdate[] = [];
    c.onStatus((u) => updates.push(u));
    const single = await c.send({ to: '+5215512345678', text: 'hola', encoding: 'GSM7', idempotencyKey: 's' });
    smsc.sendReceipt(single.providerMessageId, 'DELIVRD');
    await waitFor(() => updates.length === 1 || undefined);
    expect(updates[0]).toEqual({ providerMessageId: single.providerMessageId, status: 'delivered' });

    const multi = await c.send({ to: '+5215512345678', text: RU, encoding: 'UCS2', idempotencyKey: 'm' });
    const ids = smsc.parts.slice(-2).map((p) => p.messageId);
    smsc.sendReceipt(ids[0]!, 'DELIVRD');
    smsc.sendReceipt(ids[1]!, 'UNDELIV', '011');
    await waitFor(() => updates.length === 2 || undefined);
    expect(updates[1]).toEqual({ providerMessageId: multi.providerMessageId, status: 'undelivered', errorCode: '011' });
  });

  it('re-binds with back-off after the SMSC drops the connection', async () => {
    const c = client();
    c.onStatus(() => undefined);
    await c.connect();
    expect(smsc.binds).toBe(1);
    smsc.dropConnections();
    await waitFor(() => smsc.binds >= 2 || undefined);
    await waitFor(() => c.isBound || undefined);
    await c.send({ to: '+5215512345678', text: 'otra vez', encoding: 'GSM7', idempotencyKey: 'again' });
    expect(smsc.messages().at(-1)?.text).toBe('otra vez');
  });

  it('connection refused → retryable unavailable', async () => {
    const port = smsc.port;
    await smsc.close();
    const c = smppProvider.create({
      host: '127.0.0.1',
      port,
      systemId: 'lender',
      password: 'secret',
      sourceAddr: '5215500000000',
      timeoutMs: 1000,
      enquireLinkMs: 0,
    });
    const e = (await c.connect().catch((x: unknown) => x)) as ProviderError;
    expect(e.code).toBe('SMS_PROVIDER_UNAVAILABLE');
    expect(e.info.retryable).toBe(true);
    await c.close();
    smsc = await startFakeSmsc();
  });
});
