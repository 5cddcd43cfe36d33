// For the model's unit tests: the tab's model over the real lending core, computing at once (no typing
// pause), without an API, on a fixed day — and a product of the kind the placement page hands over.
import { immediateDefer } from '../../widgets/loan-tab/deferred.js';
import { checkPayment, computeEffectiveRates, computeSchedule, computeServicing, scaleOf } from '../../widgets/loan-tab/lending-adapter.js';
import type { SavedLoanTerms } from '../../widgets/loan-tab/api.js';
import { createLoanModel, type ModelDeps, type Product } from '../../widgets/loan-tab/model.js';

export function testModel(over: Partial<ModelDeps> = {}) {
  return createLoanModel({
    core: { computeSchedule, computeEffectiveRates, computeServicing, checkPayment, scaleOf },
    defer: immediateDefer,
    api: null,
    dealId: '42',
    currency: 'MXN',
    today: '2026-01-15',
    products: [],
    newId: () => 'id',
    locale: 'es',
    ...over,
  });
}

/** An annuity product in pesos (unless told), 10–90 % a year over 1–36 installments, no fees, actual/365. */
export function annuityProduct(code: string, over: Partial<Product> = {}): Product {
  return {
    code,
    title: code,
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
    profile: null,
    ...over,
  };
}

/** A peso loan as the loan API may store it, with conventions the form has no field for. */
export const API_LOAN: SavedLoanTerms = {
  principal: '60000.00',
  currency: 'MXN',
  contractDate: '2026-01-05',
  disbursementDate: '2026-01-10',
  method: 'annuity',
  rate: { annualPercent: '48' },
  installments: 10,
  frequency: { unit: 'month', every: 1 },
  firstDueDate: '2026-02-10',
  dayCount: '30/360',
  interest: 'periodic',
  rounding: { mode: 'half-even' },
  fees: [
    { name: 'apertura', amount: '1200.00', at: 'disbursement', withheld: true },
    { name: 'seguro', amount: '150.00', at: 'installment' },
  ],
};
