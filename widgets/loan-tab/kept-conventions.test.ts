// A saved loan's conventions in the tab's model: the figures are the stored loan's, Save sends them
// back, the line under the terms names them, and what a lender does in the tab (another product, an
// earlier disbursement, a new term) changes only what it is about.
import { describe, expect, it } from 'vitest';
import type { SavedLoanTerms } from './api.js';
import { computeSchedule } from './lending-adapter.js';
import { errorText, loadTranslator } from './i18n.js';
import type { LoanInput } from './lending-types.js';
import type { ModelDeps } from './model.js';
import { API_LOAN, annuityProduct, testModel } from '../../test/support/loan-tab-model.js';

const MOTO = annuityProduct('moto', { fees: [{ name: 'apertura', amount: '999', at: 'disbursement' }], dayCount: 'actual/360' });

function model(over: Partial<ModelDeps> = {}) {
  return testModel({ products: [MOTO], ...over });
}

const loaded = (loan: SavedLoanTerms, productId: string | null = null) => {
  const m = model();
  m.load({ loan, productId, payments: [] });
  return m;
};

const scheduleOf = (l: LoanInput) => computeSchedule(l);

describe('a loan saved through the API, opened in the tab', () => {
  it('shows the stored schedule and Save sends its conventions back unchanged', () => {
    const m = loaded(API_LOAN);
    expect(m.schedule.value).toEqual(scheduleOf(API_LOAN as LoanInput));
    expect(m.loanInput.value).toMatchObject({
      contractDate: '2026-01-05',
      dayCount: '30/360',
      interest: 'periodic',
      rounding: { mode: 'half-even' },
      fees: API_LOAN.fees,
    });
    expect(m.conventions.value.map((i) => i.kind)).toEqual(['interest-periodic', 'day-count', 'rounding', 'contract-date', 'fees']);
  });

  it('the fee field edits the opening fee; the second fee stays; a zero fee removes only the first', () => {
    const m = loaded(API_LOAN);
    expect(m.feeEditable.value).toBe(true);
    expect(m.form.value.feeAmount).toBe('1200.00');
    m.setField('feeAmount', '1,500');
    expect(m.loanInput.value.fees).toEqual([
      { name: 'apertura', amount: '1500.00', at: 'disbursement', withheld: true },
      { name: 'seguro', amount: '150.00', at: 'installment' },
    ]);
    m.setField('feeAmount', '0');
    expect(m.loanInput.value.fees).toEqual([{ name: 'seguro', amount: '150.00', at: 'installment' }]);
  });

  it('a first fee the field cannot show (a percent) hides the field and is kept as saved', () => {
    const fees = [{ name: 'comisión', percent: '2', at: 'disbursement' as const }];
    const m = loaded({ ...API_LOAN, fees });
    expect(m.feeEditable.value).toBe(false);
    expect(m.loanInput.value.fees).toEqual(fees);
    expect(m.conventions.value).toContainEqual({ kind: 'fees', count: 1 });
  });

  it('a disbursement moved before the contract date takes the contract date with it; moved later, the contract stays', () => {
    const m = loaded(API_LOAN);
    m.setField('disbursementDate', '2026-01-20');
    expect(m.loanInput.value.contractDate).toBe('2026-01-05');
    m.setField('disbursementDate', '2026-01-02');
    expect(m.loanInput.value.contractDate).toBe('2026-01-02');
    expect(m.schedule.value.ok).toBe(true);
  });

  it('explicit due dates stand until the term is edited, then the regular frequency takes over', () => {
    const dueDates = ['2026-02-01', '2026-03-15', '2026-04-02'];
    const { installments: _n, firstDueDate: _f, ...rest } = API_LOAN;
    const m = loaded({ ...rest, dueDates });
    expect(m.loanInput.value.dueDates).toEqual(dueDates);
    expect(m.form.value.installments).toBe('3');
    expect(m.conventions.value).toContainEqual({ kind: 'due-dates', count: 3 });
    m.setField('installments', '4');
    expect(m.loanInput.value.dueDates).toBeUndefined();
    expect(m.loanInput.value.firstDueDate).toBe('2026-02-01');
    const s = m.schedule.value;
    expect(s.ok && s.value.rows.map((r) => r.dueDate)).toEqual(['2026-02-01', '2026-03-01', '2026-04-01', '2026-05-01']);
  });

  it('under its own product the saved conventions win until a product is picked in the tab', () => {
    // The product's day count and fees (actual/360, 999) are not the loan's: the tariff changed since.
    const saved = API_LOAN;
    const m = loaded(saved, 'moto');
    expect(m.form.value.product).toBe('moto');
    expect(m.loanInput.value.fees).toEqual(API_LOAN.fees);
    expect(m.schedule.value).toEqual(scheduleOf(saved as LoanInput));
    expect(m.appliedProduct.value).toBeUndefined();
    // Picking the product (here: away and back) is a re-term under it: the product's current fees.
    m.setField('product', '');
    expect(m.loanInput.value.fees).toEqual(API_LOAN.fees);
    m.setField('product', 'moto');
    expect(m.loanInput.value.fees).toEqual(MOTO.fees);
  });

  it("a term shortened below the loan's grace is refused in words the user reads, and the grace is kept", async () => {
    const m = loaded({ ...API_LOAN, grace: { principal: 3 } });
    expect(m.conventions.value).toContainEqual({ kind: 'grace-principal', count: 3 });
    m.setField('installments', '3');
    expect(m.issues.value).toContainEqual(expect.objectContaining({ code: 'GRACE_TOO_LONG' }));
    expect(errorText(await loadTranslator('es'), 'GRACE_TOO_LONG')).toMatch(/alargue el plazo/);
    m.setField('installments', '4');
    expect(m.loanInput.value.grace).toEqual({ principal: 3 });
    expect(m.schedule.value.ok).toBe(true);
  });

  it('picking another product applies what it fixes and keeps what no product sets', () => {
    const m = loaded(API_LOAN);
    m.setField('product', 'moto');
    expect(m.loanInput.value).toMatchObject({ dayCount: 'actual/360', fees: MOTO.fees, interest: 'periodic', contractDate: '2026-01-05' });
    expect(m.loanInput.value.payoffInterest).toBeUndefined();
  });

  it("a saved loan's own payoff rule gives way to the product's (pro-rata) when another product is picked", () => {
    const m = loaded({ ...API_LOAN, payoffInterest: 'whole-period' });
    expect(m.loanInput.value.payoffInterest).toBe('whole-period');
    m.setField('product', 'moto');
    expect(m.loanInput.value.payoffInterest).toBeUndefined();
  });

  it("a loan saved by the tab with its defaults shows no conventions line, and a new loan's defaults are unchanged", () => {
    const fresh = model();
    expect(fresh.conventions.value).toEqual([]);
    expect(fresh.loanInput.value).toMatchObject({
      interest: 'daily',
      dayCount: 'actual/365',
      rounding: { mode: 'half-up', last: 'adjust' },
    });
    const again = loaded(fresh.loanInput.value);
    expect(again.conventions.value).toEqual([]);
    expect(again.loanInput.value).toEqual(fresh.loanInput.value);
  });

  it('a rouble loan with the core defaults (no interest or day count given) is per period on actual/365, and says so', () => {
    const m = model({ currency: 'RUB', locale: 'ru' });
    const { dayCount: _d, interest: _i, rounding: _r, ...bare } = API_LOAN;
    m.load({ loan: { ...bare, currency: 'RUB', fees: [] }, productId: null, payments: [] });
    expect(m.loanInput.value.interest).toBeUndefined();
    expect(m.loanInput.value.dayCount).toBeUndefined();
    expect(m.conventions.value).toEqual([
      { kind: 'interest-periodic' },
      { kind: 'day-count', dayCount: 'actual/365' },
      { kind: 'contract-date', date: '2026-01-05' },
    ]);
  });
});
