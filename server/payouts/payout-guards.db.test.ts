// Pay out refuses at once what it cannot or must not do (issue 11 deliver 8): a currency the provider
// does not pay out in, a second payout of a loan already paid out under another key, and a loan that is
// already being repaid. Same body on SQLite and PostgreSQL (TEST_DIALECT).
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/database.js';
import { createTestDb } from '../../test/support/test-db.js';
import { AppError } from '../errors.js';
import { manualProvider } from '../integrations/payments/manual/index.js';
import { openpayProvider } from '../integrations/payments/openpay/index.js';
import type { PaymentProvider } from '../integrations/payments/provider.js';
import { findLoanByDeal } from '../loans/loan-repo.js';
import { defaultLoanDeps } from '../loans/operations/deps.js';
import { registerPayment } from '../loans/operations/register-payment.js';
import { saveLoan } from '../loans/operations/save-loan.js';
import { sampleTerms } from '../../test/support/sample-terms.js';
import { uuidv7 } from '../security/uuidv7.js';
import { executePayout, findPayoutById, refuseRepaidLoan, refuseUnservedCurrency, requestPayout } from './index.js';

const P = 'portal-guards';
const CLABE = '012298026516924616';
const deps = defaultLoanDeps({ now: () => new Date('2024-06-01T10:00:00Z'), enqueue: async () => undefined });
let db: Db;
const body = (key: string, loanRef = 'L-1') => ({
  key,
  amount: '1500.00',
  currency: 'MXN',
  clabe: CLABE,
  holderName: 'María López',
  loanRef,
  provider: 'manual',
});

beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => db?.close());

describe('payout guards', () => {
  it('a currency the provider does not pay out in is refused before anything is stored', () => {
    const openpay = openpayProvider.create({
      merchantId: 'mzdtln0bmtms6o3kck8f',
      privateKey: `sk_${'0'.repeat(32)}`,
      baseUrl: 'http://127.0.0.1:9',
    });
    expect(() => refuseUnservedCurrency(openpay, 'RUB')).toThrow(
      expect.objectContaining({ code: 'PAYOUT_CURRENCY_UNSUPPORTED', status: 422 }),
    );
    expect(() => refuseUnservedCurrency(openpay, 'mxn')).not.toThrow();
    expect(() => refuseUnservedCurrency(manualProvider.create(), 'RUB')).not.toThrow();
  });

  it('a second payout of the same loan under another key is refused; the same key still replays', async () => {
    const first = await requestPayout(db.kysely, P, body('tok-1'), { oncePerLoan: true });
    await expect(requestPayout(db.kysely, P, body('tok-2'), { oncePerLoan: true })).rejects.toMatchObject({
      code: 'ALREADY_DISBURSED',
      status: 409,
      details: { payoutId: first.id },
    });
    const again = await requestPayout(db.kysely, P, body('tok-1'), { oncePerLoan: true });
    expect(again.id).toBe(first.id);
    const rows = await db.kysely.selectFrom('payouts').select('id').where('portal_id', '=', P).where('loan_ref', '=', 'L-1').execute();
    expect(rows).toHaveLength(1);
  });

  it('two workflows paying out one loan at the same moment: the database lets one through', async () => {
    // A has inserted its payout and holds its transaction open (onCreated runs before the commit);
    // B then runs its check, which at READ COMMITTED cannot see A's row, and inserts. Only the
    // partial unique index payouts_portal_live_loan stops B: it waits for A and then fails.
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let aInserted!: () => void;
    const inserted = new Promise<void>((r) => (aInserted = r));
    const a = requestPayout(db.kysely, P, body('race-a', 'L-race'), {
      oncePerLoan: true,
      onCreated: async () => {
        aInserted();
        await gate;
      },
    });
    await inserted;
    const b = requestPayout(db.kysely, P, body('race-b', 'L-race'), { oncePerLoan: true }).catch((e: unknown) => e);
    if (db.dialect === 'postgres') expect(await waitUntilSomeoneWaitsOnALock()).toBe(true);
    release();
    const first = await a;
    await expect(b).resolves.toMatchObject({ code: 'ALREADY_DISBURSED', status: 409, details: { payoutId: first.id } });
    const rows = await db.kysely.selectFrom('payouts').select('id').where('portal_id', '=', P).where('loan_ref', '=', 'L-race').execute();
    expect(rows.map((r) => r.id)).toEqual([first.id]);
  });

  it('many loans, two keys each, all at once: one payout per loan', async () => {
    const loans = Array.from({ length: 10 }, (_, i) => `L-burst-${i}`);
    const results = await Promise.allSettled(
      loans.flatMap((loan) => [`${loan}-x`, `${loan}-y`].map((key) => requestPayout(db.kysely, P, body(key, loan), { oncePerLoan: true }))),
    );
    const refused = results.filter((r) => r.status === 'rejected').map((r) => r.reason as AppError);
    expect(refused.map((e) => e.code)).toEqual(loans.map(() => 'ALREADY_DISBURSED'));
    const rows = await db.kysely
      .selectFrom('payouts')
      .select('loan_ref')
      .where('portal_id', '=', P)
      .where('loan_ref', 'like', 'L-burst-%')
      .execute();
    expect(rows.map((r) => r.loan_ref).sort()).toEqual([...loans].sort());
  });

  it('a payout that failed does not block a new attempt under a new key', async () => {
    const failed = await requestPayout(db.kysely, P, body('tok-3', 'L-2'), { oncePerLoan: true });
    await db.kysely.updateTable('payouts').set({ status: 'failed' }).where('id', '=', failed.id).execute();
    const next = await requestPayout(db.kysely, P, body('tok-4', 'L-2'), { oncePerLoan: true });
    expect(next.id).not.toBe(failed.id);
  });

  it('a loan with payments booked is refused as already paid out', async () => {
    await saveLoan(db.kysely, P, 301, { terms: sampleTerms(12) }, { userId: 7 }, deps);
    const loan = (await findLoanByDeal(db.kysely, P, 301))!;
    await expect(refuseRepaidLoan(db.kysely, loan)).resolves.toBeUndefined();
    await registerPayment(db.kysely, P, 301, { id: uuidv7(), date: '2024-02-15', amount: '1000.00' }, { userId: 7 }, deps);
    await expect(refuseRepaidLoan(db.kysely, loan)).rejects.toMatchObject({ code: 'ALREADY_DISBURSED', status: 409 });
    await expect(refuseRepaidLoan(db.kysely, { ...loan, status: 'CLOSED' })).rejects.toMatchObject({ code: 'ALREADY_DISBURSED' });
  });

  it('our own 4xx refusal while executing fails the payout at once, not after max_attempts', async () => {
    let creates = 0;
    const refusing: PaymentProvider = {
      code: 'manual',
      async createPayout() {
        creates++;
        throw new AppError('VALIDATION', 'payouts are in MXN, got RUB');
      },
      async getPayoutByOrderId() {
        return undefined;
      },
    };
    const p = await requestPayout(db.kysely, P, { ...body('tok-5', 'L-3'), currency: 'RUB' }, { maxAttempts: 8 });
    const r = await executePayout(db.kysely, refusing, p);
    expect(r.retryAt).toBeUndefined();
    expect(r.payout.status).toBe('failed');
    expect(r.payout.lastError).toMatch(/VALIDATION: payouts are in MXN/);
    expect(creates).toBe(1);
    expect((await findPayoutById(db.kysely, p.portalId, p.id))?.attempts).toBe(1);
  });
});

/** PostgreSQL: true once a session of this test database waits on a lock (B blocked on A's row). */
async function waitUntilSomeoneWaitsOnALock(): Promise<boolean> {
  for (let i = 0; i < 500; i++) {
    const r = await sql<{
      n: string;
    }>`select count(*) as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`.execute(db.kysely);
    if (Number(r.rows[0]?.n ?? 0) > 0) return true;
    await new Promise((r) => setTimeout(r, 10));
  }
  return false;
}
