import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db/database.js';
import { createTestDb } from '../../test/support/test-db.js';
import { AppError } from '../errors.js';
import { startFakeOpenpay, type FakeOpenpay } from '../../test/fakes/openpay-server.js';
import { openpayProvider } from '../integrations/payments/openpay/index.js';
import { manualProvider } from '../integrations/payments/manual/index.js';
import type { PaymentProvider } from '../integrations/payments/provider.js';
import { executePayout, findPayoutById, refreshPayout, requestPayout, type PayoutRecord } from './index.js';

let db: Db;
let fake: FakeOpenpay;
let openpay: PaymentProvider;
let openpayImpatient: PaymentProvider;
let clock = Date.UTC(2026, 10, 22, 3, 0, 0);
const now = () => clock;
const PORTAL = 'portal-1';
const CLABE = '012298026516924616';
let keyN = 0;
const nextKey = () => `event-token-${++keyN}`;
const body = (key: string, extra: Record<string, string> = {}) => ({
  key,
  amount: '15000.00',
  currency: 'MXN',
  clabe: CLABE,
  holderName: 'María López',
  loanRef: `L-${key}`, // one live payout per loan (payouts_portal_live_loan)
  provider: 'openpay',
  ...extra,
});
const opts = { now, leaseMs: 60_000, backoffBaseMs: 2_000 };

beforeAll(async () => {
  db = await createTestDb();
  fake = await startFakeOpenpay();
  openpay = openpayProvider.create({ merchantId: fake.merchantId, privateKey: fake.privateKey, baseUrl: fake.baseUrl, timeoutMs: 5_000 });
  openpayImpatient = openpayProvider.create({
    merchantId: fake.merchantId,
    privateKey: fake.privateKey,
    baseUrl: fake.baseUrl,
    timeoutMs: 200,
  });
});
afterAll(async () => {
  await fake.close();
  await db.close();
});
beforeEach(() => {
  fake.payouts.length = 0;
  fake.createRequests = 0;
  fake.clearFaults();
});

describe('requestPayout', () => {
  it('a repeat with the same body returns the first record; another amount is IDEMPOTENCY_MISMATCH', async () => {
    const key = nextKey();
    const first = await requestPayout(db.kysely, PORTAL, body(key), { now });
    const again = await requestPayout(db.kysely, PORTAL, body(key, { amount: '15000' }), { now }); // same value, other spelling
    expect(again.id).toBe(first.id);
    expect(first).toMatchObject({ status: 'requested', amount: '15000.00', currency: 'MXN', clabe: CLABE, attempts: 0 });
    const e = (await requestPayout(db.kysely, PORTAL, body(key, { amount: '15000.01' }), { now }).catch((x: unknown) => x)) as AppError;
    expect(e.code).toBe('IDEMPOTENCY_MISMATCH');
    expect(e.status).toBe(409);
    expect(e.details).toMatchObject({ payoutId: first.id, firstAmount: '15000.00' });
    const other = await requestPayout(db.kysely, 'portal-2', body(key), { now });
    expect(other.id).not.toBe(first.id);
  });

  it('validates amount scale, CLABE (as text) and currency', async () => {
    await expect(requestPayout(db.kysely, PORTAL, body(nextKey(), { amount: '10.005' }), { now })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    await expect(requestPayout(db.kysely, PORTAL, body(nextKey(), { clabe: '012298026516924617' }), { now })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    await expect(requestPayout(db.kysely, PORTAL, body(nextKey(), { currency: 'XXX' }), { now })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    await expect(requestPayout(db.kysely, PORTAL, body(nextKey(), { amount: '0' }), { now })).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('runs onCreated in the same transaction, once', async () => {
    const key = nextKey();
    let calls = 0;
    const onCreated = async () => {
      calls++;
    };
    await Promise.all(Array.from({ length: 20 }, () => requestPayout(db.kysely, PORTAL, body(key), { now, onCreated })));
    expect(calls).toBe(1);
  });
});

describe('executePayout — exactly once at the provider', () => {
  it('1,000 concurrent duplicated deliveries → one payout at OpenPay', async () => {
    const key = nextKey();
    const results = await Promise.all(
      Array.from({ length: 1000 }, async () => {
        const p = await requestPayout(db.kysely, PORTAL, body(key), { now });
        return (await executePayout(db.kysely, openpay, p, opts)).payout;
      }),
    );
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(fake.createRequests).toBe(1);
    expect(fake.payouts).toHaveLength(1);
    const row = await findPayoutById(db.kysely, results[0]!.portalId, results[0]!.id);
    expect(row).toMatchObject({ status: 'pending', providerPayoutId: fake.payouts[0]!.id, attempts: 1, lastError: null });
    expect(fake.payouts[0]).toMatchObject({ order_id: row!.id, amount: '15000.00', clabe: CLABE });
  });

  it('crash between "request sent" and "result stored", then 1,000 duplicated retries → still one payout', async () => {
    const key = nextKey();
    const p = await requestPayout(db.kysely, PORTAL, body(key), { now });
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    // The first worker's process "dies" after OpenPay made the payout: its result is never stored.
    const dying: PaymentProvider = {
      code: 'openpay',
      createPayout: async (r) => {
        const made = await openpay.createPayout(r);
        await gate;
        return made;
      },
      getPayoutByOrderId: (id, h) => openpay.getPayoutByOrderId(id, h),
    };
    const zombie = executePayout(db.kysely, dying, p, opts);
    for (let i = 0; i < 200 && fake.payouts.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(fake.payouts).toHaveLength(1);
    expect((await findPayoutById(db.kysely, p.portalId, p.id))?.status).toBe('unknown');

    clock += 60_001; // the dead worker's lease runs out
    const again = await Promise.all(
      Array.from({ length: 1000 }, async () => {
        const r = await requestPayout(db.kysely, PORTAL, body(key), { now });
        return (await executePayout(db.kysely, openpay, r, opts)).payout;
      }),
    );
    expect(fake.createRequests).toBe(1);
    expect(fake.payouts).toHaveLength(1);
    const row = await findPayoutById(db.kysely, p.portalId, p.id);
    expect(row).toMatchObject({ status: 'pending', providerPayoutId: fake.payouts[0]!.id, attempts: 2 });
    expect(again.every((r) => r.id === p.id)).toBe(true);

    // The zombie wakes up: its write is fenced off by the attempt number.
    release();
    await zombie;
    expect(await findPayoutById(db.kysely, p.portalId, p.id)).toEqual(row);
  });

  it('a lookup by id from another portal finds nothing', async () => {
    const p = await requestPayout(db.kysely, PORTAL, body(nextKey()), { now });
    expect(await findPayoutById(db.kysely, PORTAL, p.id)).toMatchObject({ id: p.id });
    expect(await findPayoutById(db.kysely, 'portal-2', p.id)).toBeUndefined();
    await expect(executePayout(db.kysely, openpay, { portalId: 'portal-2', id: p.id }, opts)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(fake.createRequests).toBe(0);
  });

  it('a timeout is followed by a lookup, not a second create', async () => {
    const p = await requestPayout(db.kysely, PORTAL, body(nextKey()), { now });
    fake.delayNext(1_000);
    const first = await executePayout(db.kysely, openpayImpatient, p, opts);
    expect(first.payout.status).toBe('unknown');
    expect(first.retryAt).toBe(clock + 2_000);
    clock += 2_000;
    const second = await executePayout(db.kysely, openpay, p, opts);
    expect(second.payout).toMatchObject({ status: 'pending', attempts: 2, providerPayoutId: fake.payouts[0]!.id });
    expect(fake.createRequests).toBe(1);
  });

  it('a 500 after OpenPay made the payout is settled by the lookup', async () => {
    const p = await requestPayout(db.kysely, PORTAL, body(nextKey()), { now });
    fake.failAfterCreateNext();
    expect((await executePayout(db.kysely, openpay, p, opts)).payout.status).toBe('unknown');
    clock += 2_000;
    expect((await executePayout(db.kysely, openpay, p, opts)).payout.status).toBe('pending');
    expect(fake.createRequests).toBe(1);
    expect(fake.payouts).toHaveLength(1);
  });

  it('500s are retried with back-off, then succeed', async () => {
    const p = await requestPayout(db.kysely, PORTAL, body(nextKey()), { now });
    fake.failNext(500, 2);
    const a1 = await executePayout(db.kysely, openpay, p, opts);
    expect(a1).toMatchObject({ payout: { status: 'unknown', attempts: 1 }, retryAt: clock + 2_000 });
    expect(a1.payout.lastError).toMatch(/error_code 1000/);
    clock += 1_000; // too early: nothing is sent
    expect((await executePayout(db.kysely, openpay, p, opts)).retryAt).toBe(clock + 1_000);
    expect(fake.createRequests).toBe(1);
    clock += 1_000;
    const a2 = await executePayout(db.kysely, openpay, p, opts);
    expect(a2).toMatchObject({ payout: { status: 'unknown', attempts: 2 }, retryAt: clock + 4_000 });
    clock += 4_000;
    const a3 = await executePayout(db.kysely, openpay, p, opts);
    expect(a3.payout).toMatchObject({ status: 'pending', attempts: 3, lastError: null });
    expect(a3.retryAt).toBeUndefined();
    expect(fake.createRequests).toBe(3);
    expect(fake.payouts).toHaveLength(1);
  });

  it('persistent 500s end in a clear failed state with the reason', async () => {
    const p = await requestPayout(db.kysely, PORTAL, body(nextKey()), { now, maxAttempts: 3 });
    fake.failNext(500, 10);
    let r: { payout: PayoutRecord; retryAt?: number } = { payout: p };
    for (let i = 0; i < 5 && r.payout.status !== 'failed'; i++) {
      r = await executePayout(db.kysely, openpay, p, opts);
      if (r.retryAt) clock = r.retryAt;
    }
    expect(r.payout).toMatchObject({ status: 'failed', attempts: 3 });
    expect(r.payout.lastError).toMatch(/gave up after 3 attempts: PAYOUT_PROVIDER_UNAVAILABLE: OpenPay 500 error_code 1000/);
    expect(r.payout.completedAt).not.toBeNull();
    expect(fake.payouts).toHaveLength(0);
  });

  it('a refusal (4001 not enough funds) fails at once with the reason', async () => {
    const p = await requestPayout(db.kysely, PORTAL, body(nextKey()), { now });
    fake.balance = '100.00';
    try {
      const r = await executePayout(db.kysely, openpay, p, opts);
      expect(r.payout).toMatchObject({ status: 'failed', attempts: 1 });
      expect(r.payout.lastError).toMatch(/PAYOUT_REJECTED: OpenPay 412 error_code 4001/);
      expect(r.retryAt).toBeUndefined();
    } finally {
      fake.balance = undefined;
    }
  });

  it('refreshPayout turns pending into succeeded when OpenPay completes it', async () => {
    const p = await requestPayout(db.kysely, PORTAL, body(nextKey()), { now });
    await executePayout(db.kysely, openpay, p, opts);
    fake.complete(fake.payouts[0]!.id);
    expect(await refreshPayout(db.kysely, openpay, p, { now })).toMatchObject({
      status: 'succeeded',
      providerPayoutId: fake.payouts[0]!.id,
    });
  });

  it('manual provider: recorded and succeeded once', async () => {
    const manual = manualProvider.create();
    const p = await requestPayout(db.kysely, PORTAL, { ...body(nextKey()), provider: 'manual' }, { now });
    const r = await executePayout(db.kysely, manual, p, opts);
    expect(r.payout).toMatchObject({ status: 'succeeded', providerPayoutId: `manual-${p.id}` });
    await expect(executePayout(db.kysely, openpay, p, opts)).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});
