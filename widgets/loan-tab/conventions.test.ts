// Issue 13 in the loan tab's model: a down payment (amount or percent) and a fixed payment typed the
// user's way, the product's payoff interest mode and CAT basis carried into the loan the tab saves and
// services; the installment step, the annuity's level-payment rule and the per-loan CAT basis — sent
// only where the core applies them, refused beside their field where it does not, read back on load.
import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import type { ModelDeps } from './model.js';
import type { Product } from './product.js';
import { annuityProduct, testModel } from '../../test/support/loan-tab-model.js';

const WHOLE_PERIOD: Product = annuityProduct('moto', { title: 'Moto', profile: 'MX', payoffInterest: 'whole-period', catBasis: 'dates' });

function model(over: Partial<ModelDeps> = {}) {
  return testModel({ products: [WHOLE_PERIOD], ...over });
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

const rowsOf = (m: ReturnType<typeof model>) => {
  const s = m.schedule.value;
  if (!s.ok) throw new Error(JSON.stringify(s.issues));
  return s.value.rows;
};

describe('loan tab: installment step', () => {
  for (const method of ['flat', 'equal-principal', 'annuity'] as const) {
    it(`${method}: step 10 rounds every installment but the last to a multiple of 10; the principal is still repaid exactly`, () => {
      const m = model();
      m.setField('amount', '25,000');
      m.setField('rate', '36');
      m.setField('method', method);
      m.setField('installmentStep', '10');
      expect(m.loanInput.value.rounding).toEqual({ mode: 'half-up', installmentStep: '10.00', last: 'adjust' });
      const rows = rowsOf(m);
      // IVA rides on top of the rounded principal + interest (lending README "Loan input" rounding).
      for (const r of rows.slice(0, -1)) expect(new Decimal(r.principal).plus(r.interest).mod(10).isZero()).toBe(true);
      expect(rows.reduce((a, r) => a.plus(r.principal), new Decimal(0)).toFixed(2)).toBe('25000.00');
    });
  }

  it('no step typed sends none: the core rounds to the currency minor unit', () => {
    const m = model();
    expect(m.loanInput.value.rounding).toEqual({ mode: 'half-up', last: 'adjust' });
  });

  it('a step typed "0,50" in ru reads as 0.50', () => {
    const m = model({ locale: 'ru', currency: 'RUB' });
    m.setField('installmentStep', '0,50');
    expect(m.loanInput.value.rounding?.installmentStep).toBe('0.50');
  });

  it('a single payment has no step: the field is not sent even if one was typed before', () => {
    const m = model();
    m.setField('installmentStep', '10');
    m.setField('method', 'single-payment');
    m.setField('installments', '1');
    expect(m.loanInput.value.rounding).toEqual({ mode: 'half-up', last: 'adjust' });
    expect(m.issues.value).toEqual([]);
  });

  it('a step with a fixed payment is refused beside the step (the core: a fixed payment is not rounded)', () => {
    const m = model();
    m.setField('amount', '10,000');
    m.setField('fixedPayment', '2,500');
    m.setField('installmentStep', '10');
    expect(m.issues.value).toContainEqual(
      expect.objectContaining({ code: 'INSTALLMENT_STEP_NOT_APPLICABLE', field: 'rounding.installmentStep' }),
    );
  });

  it('a step finer than the currency is refused beside the step, what was typed kept', () => {
    const m = model({ currency: 'JPY', locale: 'en' });
    m.setField('installmentStep', '0.5');
    expect(m.form.value.installmentStep).toBe('0.5');
    expect(m.issues.value.map((i) => i.field)).toContain('rounding.installmentStep');
  });
});

describe('loan tab: level payment rule', () => {
  it("Fineract's cent adjustment is annuity 'resolved' + annuityAdjustment 'fineract'; another method sends neither", () => {
    const m = model();
    m.setField('annuityMode', 'fineract');
    expect(m.loanInput.value).toMatchObject({ annuity: 'resolved', annuityAdjustment: 'fineract' });
    expect(m.schedule.value.ok).toBe(true);
    m.setField('method', 'flat');
    expect(m.loanInput.value.annuity).toBe('fixed-payment');
    expect(m.loanInput.value.annuityAdjustment).toBeUndefined();
  });

  it('Fineract uc142 through the tab: 100 at 12.3 % on 30/360, 25 % down, 5 months → 15.47 and a last 15.45 with the rule', () => {
    // lending/schedule/conventions.test.ts pins the core on the same vector; the tab must send what it needs.
    const product: Product = {
      code: 'uc142',
      title: 'uc142',
      method: 'annuity',
      rateKind: 'annual',
      rateMin: '0',
      rateMax: '100',
      termMin: 1,
      termMax: 12,
      amountMin: null,
      amountMax: null,
      currency: null,
      fees: [],
      dayCount: '30/360',
      profile: null,
    };
    const m = model({ currency: 'USD', locale: 'en', products: [product], today: '2024-01-01' });
    m.setField('product', 'uc142');
    m.setField('amount', '100');
    m.setField('rate', '12.3');
    m.setField('installments', '5');
    m.setField('downPaymentUnit', 'percent');
    m.setField('downPayment', '25');
    m.setField('annuityMode', 'resolved');
    const totals = () => rowsOf(m).map((r) => r.total);
    expect(totals()).toEqual(['25.00', '15.46', '15.46', '15.46', '15.46', '15.49']);
    m.setField('annuityMode', 'fineract');
    expect(m.loanInput.value.downPayment).toEqual({ percent: '25' });
    expect(totals()).toEqual(['25.00', '15.47', '15.47', '15.47', '15.47', '15.45']);
  });
});

describe('loan tab: CAT basis and down payment percent', () => {
  it('the CAT changes with the basis; "" leaves the profile default', () => {
    const m = model();
    m.setField('amount', '25,000');
    m.setField('rate', '60');
    m.setField('unit', 'week');
    m.setField('installments', '26');
    const cat = () => {
      const r = m.effectiveRates.value;
      return r && r.ok ? r.value.cat : undefined;
    };
    m.setField('catBasis', 'periods');
    const byPeriods = cat();
    m.setField('catBasis', 'dates');
    const byDates = cat();
    expect(byPeriods).toBeDefined();
    expect(byDates).toBeDefined();
    expect(byPeriods).not.toBe(byDates);
    m.setField('catBasis', '');
    expect(m.loanInput.value.catBasis).toBeUndefined();
  });

  it('a down payment of "12,5" % (ru) is 12.5 % of the principal on the disbursement day', () => {
    const m = model({ locale: 'ru', currency: 'RUB' });
    m.setField('amount', '20 000');
    m.setField('downPaymentUnit', 'percent');
    m.setField('downPayment', '12,5');
    expect(m.loanInput.value.downPayment).toEqual({ percent: '12.5' });
    expect(rowsOf(m)[0]).toMatchObject({ dueDate: '2026-01-15', principal: '2500.00' });
  });

  it('a down payment of 100 % is refused beside the field', () => {
    const m = model();
    m.setField('downPaymentUnit', 'percent');
    m.setField('downPayment', '100');
    expect(m.issues.value).toContainEqual(expect.objectContaining({ code: 'DOWN_PAYMENT_RANGE', field: 'downPayment.percent' }));
  });

  it('a saved loan comes back with its step, level-payment rule, CAT basis and percent down payment', () => {
    const m = model();
    m.setField('installmentStep', '10');
    m.setField('annuityMode', 'fineract');
    m.setField('catBasis', 'dates');
    m.setField('downPaymentUnit', 'percent');
    m.setField('downPayment', '10');
    const saved = m.loanInput.value;
    const again = model();
    again.load({ loan: saved, productId: null, payments: [] });
    expect(again.form.value).toMatchObject({
      installmentStep: '10',
      annuityMode: 'fineract',
      catBasis: 'dates',
      downPaymentUnit: 'percent',
      downPayment: '10',
    });
    expect(again.loanInput.value).toEqual(saved);
  });
});

describe("loan tab: the product's late fees", () => {
  const FEE = { name: 'Pago tardío', amount: '250', vatPercent: '16', graceDays: 3 };
  const withFees = (lateFeesWaivable: boolean): Product => ({ ...WHOLE_PERIOD, code: 'fees', lateFees: [FEE], lateFeesWaivable });

  it('a product that does not allow waiving: its late fees are the loan’s, waiving does nothing', () => {
    const m = model({ products: [withFees(false)] });
    m.setField('product', 'fees');
    expect(m.lateFeesWaivable.value).toBe(false);
    m.waiveLateFees(true);
    expect(m.lateFees.value).toEqual([FEE]);
  });

  it('a waivable product: waived, the loan is saved and serviced without them; taken back, with them', () => {
    const m = model({ products: [withFees(true)] });
    m.setField('product', 'fees');
    expect(m.lateFeesWaivable.value).toBe(true);
    m.waiveLateFees(true);
    expect(m.lateFees.value).toEqual([]);
    m.waiveLateFees(false);
    expect(m.lateFees.value).toEqual([FEE]);
  });
});

describe("loan tab: the product's schedule rounding", () => {
  it('a product that sets the step and the level-payment rule puts them in the loan, whatever was typed', () => {
    const p: Product = { ...WHOLE_PERIOD, code: 'round', catBasis: null, installmentStep: '10', annuityMode: 'fineract' };
    const m = model({ products: [p] });
    m.setField('installmentStep', '5');
    m.setField('product', 'round');
    expect(m.loanInput.value).toMatchObject({
      rounding: { installmentStep: '10' },
      annuity: 'resolved',
      annuityAdjustment: 'fineract',
    });
    const rows = rowsOf(m);
    for (const r of rows.slice(0, -1)) expect(new Decimal(r.principal).plus(r.interest).mod(10).isZero()).toBe(true);
  });
});
