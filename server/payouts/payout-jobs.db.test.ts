import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/database.js';
import { createTestDb } from '../../test/support/test-db.js';
import { startFakeOpenpay, type FakeOpenpay } from '../../test/fakes/openpay-server.js';
import { openpayProvider } from '../integrations/payments/openpay/index.js';
import { OutboxWorker } from '../jobs/worker.js';
import { findPayoutById, requestPayout } from './index.js';
import { enqueuePayoutExecution, PAYOUT_EXECUTE_JOB, PAYOUT_REFRESH_JOB, PAYOUT_SETTLED_JOB, payoutJobEntries } from './payout-jobs.js';

let db: Db;
let fake: FakeOpenpay;
let worker: OutboxWorker;

beforeAll(async () => {
  db = await createTestDb();
  fake = await startFakeOpenpay();
  const provider = openpayProvider.create({ merchantId: fake.merchantId, privateKey: fake.privateKey, baseUrl: fake.baseUrl });
  worker = new OutboxWorker({
    handlers: new Map(payoutJobEntries(async () => provider, { execute: { backoffBaseMs: 20 } })),
    db: db.kysely,
    dialect: db.dialect,
    log: pino({ level: 'silent' }),
    getPortalClient: () => Promise.reject(new Error('no portal in this test')),
  });
});
afterAll(async () => {
  await fake.close();
  await db.close();
});

describe('payout jobs on the outbox worker', () => {
  it('1,000 duplicated activity calls enqueue one job; 500s are retried on our schedule; one payout; settled once', async () => {
    fake.failNext(500, 2);
    const input = {
      key: 'evt-outbox-1',
      amount: '2500.50',
      currency: 'MXN',
      clabe: '032180000118359719',
      holderName: 'Juan Hernández',
      loanRef: 'L-7',
      provider: 'openpay',
    };
    const rows = await Promise.all(
      Array.from({ length: 1000 }, () =>
        requestPayout(db.kysely, 'p1', input, { onCreated: (trx, p) => enqueuePayoutExecution(trx, p).then(() => undefined) }),
      ),
    );
    const id = rows[0]!.id;
    for (let i = 0; i < 50; i++) {
      await worker.drain();
      const row = await findPayoutById(db.kysely, 'p1', id);
      if (row?.status === 'pending') break;
      await new Promise((r) => setTimeout(r, 25));
    }
    const row = await findPayoutById(db.kysely, 'p1', id);
    expect(row).toMatchObject({ status: 'pending', attempts: 3, providerPayoutId: fake.payouts[0]?.id });
    expect(fake.payouts).toHaveLength(1);
    expect(fake.createRequests).toBe(3);
    const jobs = await db.kysely.selectFrom('outbox_jobs').select(['kind', 'idempotency_key', 'status']).orderBy('created_at').execute();
    // One execution job per attempt; a retry is keyed by the job that scheduled it.
    const keys = jobs.filter((j) => j.kind === PAYOUT_EXECUTE_JOB).map((j) => j.idempotency_key);
    expect(keys).toHaveLength(3);
    expect(keys[0]).toBe(`payout:${id}:0`);
    expect(keys[1]).toMatch(new RegExp(`^payout:${id}:1:after:`));
    expect(keys[2]).toMatch(new RegExp(`^payout:${id}:2:after:`));
    expect(jobs.filter((j) => j.kind === PAYOUT_SETTLED_JOB).map((j) => j.idempotency_key)).toEqual([`payout-settled:${id}:pending`]);
    expect(jobs.filter((j) => j.kind === PAYOUT_REFRESH_JOB)).toHaveLength(1);
  });
});
