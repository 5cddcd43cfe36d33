// Issue 13: a loan's late fees and delinquency grace and pauses, set through the loan API, are
// serviced in the tab as the server services them, and saving from the tab keeps them.
import Decimal from 'decimal.js';
import { describe, expect, it, vi } from 'vitest';
import type { Api } from './api.js';
import { immediateDefer } from './deferred.js';
import { checkPayment, computeEffectiveRates, computeSchedule, computeServicing, scaleOf } from './lending-adapter.js';
import { createLoanModel, defaultForm, toLoanInput } from './model.js';
import type { LoanInput } from './lending-types.js';
import { withProductServicing, type Product } from './product.js';
import { annuityProduct } from '../../test/support/loan-tab-model.js';

const BASE = { ...toLoanInput(defaultForm('2026-01-15'), 'RUB', undefined, undefined), penaltyDailyPercent: '0.1' };
const SETTINGS = {
  lateFees: [{ name: 'штраф', amount: '500' }],
  delinquency: { graceDays: 5, pauses: [{ from: '2026-03-01', to: '2026-03-08' }] },
};

function setup(loan: LoanInput, products: Product[] = []) {
  const saveLoan = vi.fn<Api['saveLoan']>(() => Promise.resolve({ version: 2 }));
  const m = createLoanModel({
    core: { computeSchedule, computeEffectiveRates, computeServicing, checkPayment, scaleOf },
    defer: immediateDefer,
    api: { saveLoan } as unknown as Api,
    dealId: '42',
    currency: 'RUB',
    today: '2026-03-20',
    products,
    newId: () => 'new-1',
    locale: 'ru',
  });
  m.load({ loan, payments: [], reversedPayments: [], status: 'ACTIVE', closedReason: null });
  return { m, saveLoan };
}

describe('servicing settings saved with the loan', () => {
  it('two missed installments carry a 500 late fee each, and days past due leave out the grace and the paused week', () => {
    const plain = setup(BASE).m.servicing.value;
    const withFees = setup({ ...BASE, lateFees: SETTINGS.lateFees }).m.servicing.value;
    const withAll = setup({ ...BASE, ...SETTINGS }).m.servicing.value;
    if (!plain?.ok || !withFees?.ok || !withAll?.ok) throw new Error('servicing failed');
    expect(new Decimal(withFees.value.penaltyOutstanding).minus(plain.value.penaltyOutstanding).toFixed(2)).toBe('1000.00');
    // first due 15 February: 33 days to 20 March, less 5 of grace and 7 paused
    expect([plain.value.daysPastDue, withAll.value.daysPastDue]).toEqual([33, 21]);
  });

  it('saving from the tab sends them back unchanged', async () => {
    const { m, saveLoan } = setup({ ...BASE, ...SETTINGS });
    m.setPenalty('0,2');
    await m.save();
    expect(saveLoan.mock.calls[0]![1]).toMatchObject({ ...SETTINGS, penaltyDailyPercent: '0.2' });
  });
});

describe("a product's late-fee and delinquency defaults", () => {
  const PRODUCT: Product = annuityProduct('mfo', {
    title: 'МФО',
    currency: 'RUB',
    lateFees: [{ name: 'штраф', amount: '300', graceDays: 2 }],
    delinquencyGraceDays: 4,
  });

  it('become the loan’s when the product is chosen; the loan’s own pauses stay', async () => {
    const { m, saveLoan } = setup({ ...BASE, ...SETTINGS }, [PRODUCT]);
    m.setField('product', 'mfo');
    await m.save();
    expect(saveLoan.mock.calls[0]![1]).toMatchObject({
      lateFees: PRODUCT.lateFees,
      delinquency: { graceDays: 4, pauses: SETTINGS.delinquency.pauses },
    });
    const s = m.servicing.value;
    if (!s?.ok) throw new Error('servicing failed');
    // first due 15 February: 33 days to 20 March, less 4 of grace and 7 paused
    expect(s.value.daysPastDue).toBe(22);
    // Installment 1 (due 15 February) was charged the 300 on its third day, shown in its row.
    expect(s.value.installments[0]!.charges).toEqual([{ name: 'штраф', date: '2026-02-18', amount: '300.00', vat: '0.00' }]);
  });

  it('a product without them clears the loan’s late fees and grace', () => {
    const plain: Product = { ...PRODUCT, lateFees: [], delinquencyGraceDays: null };
    expect(withProductServicing(SETTINGS, plain)).toEqual({ delinquency: { pauses: SETTINGS.delinquency.pauses } });
    expect(withProductServicing({}, plain)).toEqual({});
  });
});
