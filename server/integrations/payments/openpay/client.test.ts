import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PaymentProviderError } from '../provider-error.js';
import { startFakeOpenpay, type FakeOpenpay } from '../../../../test/fakes/openpay-server.js';
import { openpayProvider, type OpenpayPaymentClient } from './index.js';

let fake: FakeOpenpay;
let client: OpenpayPaymentClient;
const CLABE = '012298026516924616';
let n = 0;
const req = (extra: Record<string, string> = {}) => ({
  orderId: `oid-${++n}`,
  amount: '1500.50',
  currency: 'MXN',
  clabe: CLABE,
  holderName: 'Juan Pérez',
  description: 'Préstamo 42',
  ...extra,
});

beforeAll(async () => {
  fake = await startFakeOpenpay();
  client = openpayProvider.create({ merchantId: fake.merchantId, privateKey: fake.privateKey, baseUrl: fake.baseUrl, timeoutMs: 2_000 });
});
afterAll(() => fake.close());

describe('OpenPay payouts client against the local fake', () => {
  it('is configured only with complete settings', () => {
    expect(openpayProvider.isConfigured({ merchantId: fake.merchantId, privateKey: fake.privateKey })).toBe(true);
    expect(openpayProvider.isConfigured({ merchantId: 'x' })).toBe(false);
  });

  it('creates a payout to a CLABE with the exact amount and finds it by order id', async () => {
    const r = req({ amount: '0.10' });
    const p = await client.createPayout(r);
    expect(p).toMatchObject({ status: 'pending', orderId: r.orderId, amount: '0.10' });
    expect(fake.payouts.at(-1)).toMatchObject({ amount: '0.10', clabe: CLABE, order_id: r.orderId });
    expect(await client.getPayoutByOrderId(r.orderId)).toMatchObject({ providerPayoutId: p.providerPayoutId });
    fake.complete(p.providerPayoutId);
    expect(await client.getPayout(p.providerPayoutId)).toMatchObject({ status: 'succeeded' });
    expect(await client.getPayoutByOrderId('no-such-order')).toBeUndefined();
  });

  it('finds by order id even when the list ignores the order_id filter', async () => {
    const r = req();
    await client.createPayout(r);
    for (let i = 0; i < 3; i++) await client.createPayout(req());
    fake.honourOrderIdFilter = false;
    try {
      expect(await client.getPayoutByOrderId(r.orderId)).toMatchObject({ orderId: r.orderId });
    } finally {
      fake.honourOrderIdFilter = true;
    }
  });

  it('a repeated order_id is OpenPay error 1006 (409)', async () => {
    const r = req();
    await client.createPayout(r);
    const e = (await client.createPayout(r).catch((x: unknown) => x)) as PaymentProviderError;
    expect(e.code).toBe('PAYOUT_DUPLICATE_ORDER');
    expect(e.info).toMatchObject({ duplicate: true, providerCode: 1006, httpStatus: 409 });
  });

  it('500 and timeouts are retryable with an unknown outcome; 4001 and bad auth are not retryable', async () => {
    fake.failNext(500);
    const e500 = (await client.createPayout(req()).catch((x: unknown) => x)) as PaymentProviderError;
    expect(e500.info).toMatchObject({ retryable: true, outcomeUnknown: true, providerCode: 1000 });

    fake.delayNext(3_000);
    const t = req();
    const eT = (await client.createPayout(t).catch((x: unknown) => x)) as PaymentProviderError;
    expect(eT.info).toMatchObject({ retryable: true, outcomeUnknown: true });
    expect(await client.getPayoutByOrderId(t.orderId)).toBeDefined(); // it was made after all

    fake.balance = '100.00';
    const e4001 = (await client.createPayout(req()).catch((x: unknown) => x)) as PaymentProviderError;
    fake.balance = undefined;
    expect(e4001.code).toBe('PAYOUT_REJECTED');
    expect(e4001.info).toMatchObject({ retryable: false, providerCode: 4001, httpStatus: 412 });

    const bad = openpayProvider.create({ merchantId: fake.merchantId, privateKey: `sk_${'0'.repeat(32)}`, baseUrl: fake.baseUrl });
    const eAuth = (await bad.createPayout(req()).catch((x: unknown) => x)) as PaymentProviderError;
    expect(eAuth.code).toBe('PAYOUT_PROVIDER_AUTH');
    expect(eAuth.info.providerCode).toBe(1002);
  });

  it('validates the CLABE and amount before sending', async () => {
    const before = fake.createRequests;
    await expect(client.createPayout(req({ clabe: '012298026516924617' }))).rejects.toThrow(/control digit/);
    await expect(client.createPayout(req({ amount: '10.005' }))).rejects.toThrow(/two decimals/);
    await expect(client.createPayout(req({ amount: '0' }))).rejects.toThrow(/> 0/);
    await expect(client.createPayout(req({ currency: 'USD' }))).rejects.toThrow(/MXN/);
    expect(fake.createRequests).toBe(before);
  });
});
