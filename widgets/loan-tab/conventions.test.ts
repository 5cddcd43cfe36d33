// Issue 13 in the loan tab's model: a down payment and a fixed payment typed the user's way, and the
// product's payoff interest mode and CAT basis carried into the loan the tab saves and services.
import { describe, expect, it } from 'vitest';
import { immediateDefer } from './deferred.js';
import { checkPayment, computeEffectiveRates, computeSchedule, computeServicing, scaleOf } from './lending-adapter.js';
import { createLoanModel, type ModelDeps } from './model.js';
import type { Product } from './product.js';

const WHOLE_PERIOD: Product = {
  code: 'moto',
  title: 'Moto',
  method: 'annuity',
  rateKind: 'annual',
  rateMin: '10',
  rateMax: '90',
  termMin: 1,
  termMax: 36,
  amountMin: null,
  amountMax: null,
  currency: 'MXN',
  fees: [],
  dayCount: 'actual/365',
  profile: 'MX',
  payoffInterest: 'whole-period',
  catBasis: 'dates',
};

function model(over: Partial<ModelDeps> = {}) {
  return createLoanModel({
    core: { computeSchedule, computeEffectiveRates, computeServicing, checkPayment, scaleOf },
    defer: immediateDefer,
    api: null,
    dealId: '42',
    currency: 'MXN',
    today: '2026-01-15',
    products: [WHOLE_PERIOD],
    newId: () => 'id',
    locale: 'es',
    ...over,
  });
}

describe('loan tab: down payment, fixed payment, product conventions', () => {
  it('a down payment typed "2,500.50" (es-MX) is installment 1 on the disbursement day', () => {
    const m = model();
    m.setField('amount', '25,000');
    m.setField('downPayment', '2,500.50');
    expect(m.loanInput.value.downPayment).toEqual({ amount: '2500.50' });
    const s = m.schedule.value;
    expect(s.ok && [s.value.rows[0]!.dueDate, s.value.rows[0]!.principal, s.value.rows.length]).toEqual(['2026-01-15', '2500.50', 13]);
  });

  it('a fixed payment typed "2 500,00" (ru) replaces the term: no installments sent, the schedule runs until paid', () => {
    const m = model({ locale: 'ru', currency: 'RUB', products: [] });
    m.setField('amount', '10 000');
    m.setField('rate', '24');
    m.setField('fixedPayment', '2 500,00');
    expect(m.loanInput.value.fixedPayment).toBe('2500.00');
    expect(m.loanInput.value.installments).toBeUndefined();
    const s = m.schedule.value;
    expect(s.ok && s.value.rows.every((r) => Number(r.total) <= 2500)).toBe(true);
  });

  it('a refused fixed payment stands beside its field', () => {
    const m = model({ locale: 'en', currency: 'USD', products: [] });
    m.setField('amount', '10000');
    m.setField('rate', '24');
    m.setField('fixedPayment', '100');
    expect(m.issues.value).toContainEqual(expect.objectContaining({ code: 'FIXED_PAYMENT_TOO_LOW', field: 'fixedPayment' }));
  });

  it("the product's whole-period payoff and CAT basis go into the loan input", () => {
    const m = model();
    m.setField('product', 'moto');
    expect(m.loanInput.value).toMatchObject({ payoffInterest: 'whole-period', catBasis: 'dates', profile: 'MX' });
  });
});
