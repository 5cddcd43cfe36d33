import Decimal from 'decimal.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { loanOpsDb } from '../../../test/support/loan-ops-db.js';
import { upsertProduct } from '../../products/product-repo.js';
import { listLedger } from '../ledger-repo.js';
import { sampleTerms } from '../../../test/support/sample-terms.js';
import { uuidv7 } from '../../security/uuidv7.js';
import { getLoanView } from './get-loan-view.js';
import { allocationSum, registerPayment } from './register-payment.js';
import { reversePayment } from './reverse-payment.js';
import { saveLoan } from './save-loan.js';

const t = loanOpsDb();
const { jobs, deps, actor, portalId: P } = t;
const kysely = () => t.db.kysely;

describe('saveLoan', () => {
  it('stores terms, schedule version 1, the disbursement and a sync job in one go', async () => {
    jobs.length = 0;
    const r = await saveLoan(kysely(), P, 101, { terms: sampleTerms(12) }, actor, deps);
    expect(r).toMatchObject({ version: 1, created: true, changed: true });
    expect(r.schedule.rows).toHaveLength(12);
    expect(jobs).toEqual([expect.objectContaining({ portalId: P, kind: 'loan.sync', payload: { loanId: r.loanId, dealId: 101 } })]);
    const ledger = await listLedger(kysely(), P, r.loanId);
    expect(ledger.map((e) => [e.kind, e.amount])).toEqual([['DISBURSEMENT', '100000.00']]);
  });

  it('saving the same terms is a no-op; new terms make version 2 and adjust the principal', async () => {
    const same = await saveLoan(kysely(), P, 101, { terms: sampleTerms(12) }, actor, deps);
    expect(same).toMatchObject({ version: 1, changed: false });
    const r = await saveLoan(kysely(), P, 101, { terms: sampleTerms(6, { principal: '90000' }) }, actor, deps);
    expect(r).toMatchObject({ version: 2, created: false, changed: true });
    const ledger = await listLedger(kysely(), P, r.loanId);
    expect(ledger.map((e) => [e.kind, e.amount])).toEqual([
      ['DISBURSEMENT', '100000.00'],
      ['ADJUSTMENT', '-10000.00'],
    ]);
    const view = await getLoanView(kysely(), P, 101, '2024-01-20');
    expect(view?.schedule.rows).toHaveLength(6);
    expect(view?.version).toBe(2);
  });

  it('refuses an invalid loan with the lending code and the field path', async () => {
    await expect(saveLoan(kysely(), P, 102, { terms: sampleTerms(0) }, actor, deps)).rejects.toMatchObject({
      code: 'LOAN_TERMS_REFUSED',
      status: 422,
      details: { field: 'installments', lendingCode: 'TERM_ZERO' },
    });
    await expect(saveLoan(kysely(), P, 102, { terms: sampleTerms(12, { dayCount: 'bogus/1' }) }, actor, deps)).rejects.toMatchObject({
      details: { field: 'dayCount' },
    });
    await expect(saveLoan(kysely(), P, 102, { terms: sampleTerms(12, { principal: '0' }) }, actor, deps)).rejects.toMatchObject({
      status: 422,
      details: { field: 'principal' },
    });
    expect(await getLoanView(kysely(), P, 102, '2024-02-01')).toBeNull();
  });

  it('re-checks the product ranges', async () => {
    const now = '2024-01-01T00:00:00Z';
    const base = {
      name: 'Consumer',
      method: 'annuity',
      rateUnit: 'annual' as const,
      rateMin: '10',
      rateMax: '20',
      termMin: 3,
      termMax: 24,
      amountMin: '1000',
      amountMax: '500000',
      currency: 'RUB',
      fees: [],
      dayCount: 'actual/365',
      profile: null,
      active: true,
    };
    await upsertProduct(kysely(), P, { id: 'p1', ...base }, now);
    await expect(saveLoan(kysely(), P, 103, { productId: 'p1', terms: sampleTerms(36) }, actor, deps)).rejects.toMatchObject({
      code: 'PRODUCT_RANGE',
      details: { field: 'installments' },
    });
    await expect(
      saveLoan(kysely(), P, 103, { productId: 'p1', terms: sampleTerms(12, { rate: { annualPercent: '25' } }) }, actor, deps),
    ).rejects.toMatchObject({ code: 'PRODUCT_RANGE', details: { field: 'rate.annualPercent' } });
    await expect(saveLoan(kysely(), 'portal-b', 103, { productId: 'p1', terms: sampleTerms(12) }, actor, deps)).rejects.toMatchObject({
      code: 'PRODUCT_NOT_FOUND',
    });
    const ok = await saveLoan(kysely(), P, 103, { productId: 'p1', terms: sampleTerms(12) }, actor, deps);
    expect(ok.created).toBe(true);
  });
});

describe('payments', () => {
  const deal = 201;
  beforeAll(async () => {
    await saveLoan(kysely(), P, deal, { terms: sampleTerms(12) }, actor, deps);
  });

  it('appends a payment with an allocation that sums to it, idempotently by id', async () => {
    const id = uuidv7();
    const body = { id, date: '2024-02-15', amount: '9167.98', method: 'cash', reference: 'R-1' };
    const first = await registerPayment(kysely(), P, deal, body, actor, deps);
    expect(first.replayed).toBe(false);
    const a = first.entry.allocation!;
    expect(allocationSum(a).toFixed(2)).toBe('9167.98');
    expect(new Decimal(a.interest).gt(0)).toBe(true);

    const again = await registerPayment(kysely(), P, deal, { ...body, amount: '9167.980' }, actor, deps);
    expect(again.replayed).toBe(true);
    expect(again.entry.id).toBe(first.entry.id);
    const payments = (await listLedger(kysely(), P, first.entry.loanId)).filter((e) => e.kind === 'PAYMENT');
    expect(payments).toHaveLength(1);
  });

  it('refuses the same id with a different body', async () => {
    const id = uuidv7();
    await registerPayment(kysely(), P, deal, { id, date: '2024-03-15', amount: '100' }, actor, deps);
    await expect(registerPayment(kysely(), P, deal, { id, date: '2024-03-15', amount: '101' }, actor, deps)).rejects.toMatchObject({
      code: 'IDEMPOTENCY_MISMATCH',
      status: 409,
    });
  });

  it('concurrent repeats of one payment store it once', async () => {
    const id = uuidv7();
    const body = { id, date: '2024-03-20', amount: '50' };
    const results = await Promise.all([1, 2, 3].map(() => registerPayment(kysely(), P, deal, body, actor, deps)));
    expect(new Set(results.map((r) => r.entry.id)).size).toBe(1);
  });

  it('refuses amounts that are not positive or have too many decimals, and dates before disbursement', async () => {
    await expect(registerPayment(kysely(), P, deal, { id: uuidv7(), date: '2024-03-15', amount: '0' }, actor, deps)).rejects.toMatchObject({
      code: 'AMOUNT_NOT_POSITIVE',
    });
    await expect(
      registerPayment(kysely(), P, deal, { id: uuidv7(), date: '2024-03-15', amount: '1.001' }, actor, deps),
    ).rejects.toMatchObject({ code: 'AMOUNT_SCALE' });
    await expect(registerPayment(kysely(), P, deal, { id: uuidv7(), date: '2023-12-31', amount: '1' }, actor, deps)).rejects.toMatchObject({
      code: 'PAYMENT_BEFORE_DISBURSEMENT',
    });
  });

  it('reverses with a new entry, never an edit, and the view drops the reversed payment', async () => {
    const id = uuidv7();
    const pay = await registerPayment(kysely(), P, deal, { id, date: '2024-04-15', amount: '500' }, actor, deps);
    const before = await getLoanView(kysely(), P, deal, '2024-05-01');
    const rev = await reversePayment(kysely(), P, deal, id, { reasonCode: 'WRONG_LOAN', note: 'posted to the wrong deal' }, actor, deps);
    expect(rev.entry).toMatchObject({ kind: 'REVERSAL', amount: '-500.00', reversesId: pay.entry.id, reasonCode: 'WRONG_LOAN' });
    expect((await reversePayment(kysely(), P, deal, id, { reasonCode: 'WRONG_LOAN' }, actor, deps)).replayed).toBe(true);
    await expect(reversePayment(kysely(), P, deal, id, { reasonCode: 'OTHER' }, actor, deps)).rejects.toMatchObject({
      code: 'IDEMPOTENCY_MISMATCH',
    });
    const ledger = await listLedger(kysely(), P, pay.entry.loanId);
    expect(ledger.find((e) => e.id === pay.entry.id)).toMatchObject({ amount: '500.00', kind: 'PAYMENT' });
    const after = await getLoanView(kysely(), P, deal, '2024-05-01');
    expect(after!.payments.find((p) => p.id === id)).toBeUndefined();
    expect(after!.reversedPayments.find((p) => p.id === id)?.reversal).toMatchObject({ reasonCode: 'WRONG_LOAN' });
    expect(new Decimal(after!.servicing.toBeCurrent).sub(before!.servicing.toBeCurrent).toFixed(2)).toBe('500.00');
    await expect(reversePayment(kysely(), P, deal, 'nope', { reasonCode: 'X' }, actor, deps)).rejects.toMatchObject({
      code: 'PAYMENT_NOT_FOUND',
    });
  });

  it('is portal scoped: another portal sees no loan for the same deal id', async () => {
    expect(await getLoanView(kysely(), 'portal-b', deal, '2024-05-01')).toBeNull();
    await expect(
      registerPayment(kysely(), 'portal-b', deal, { id: uuidv7(), date: '2024-03-15', amount: '1' }, actor, deps),
    ).rejects.toMatchObject({ code: 'LOAN_NOT_FOUND' });
  });
});
