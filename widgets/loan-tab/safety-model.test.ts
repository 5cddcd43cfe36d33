// Issue 11 deliver 5 through the model the components use: the penalty rate saved with the loan, a
// re-term of a loan with payments asked first, "Saved" gone after an edit, a frequency moving the
// first due date, "every 0" refused, and an overpayment detected before it is sent.
import { describe, expect, it, vi } from 'vitest';
import { ApiError, type Api, type SavedLoan } from './api.js';
import { immediateDefer } from './deferred.js';
import { checkPayment, computeEffectiveRates, computeSchedule, computeServicing, scaleOf } from './lending-adapter.js';
import { createLoanModel, defaultForm, toLoanInput } from './model.js';

const LOAN = { ...toLoanInput(defaultForm('2026-01-15'), 'RUB', undefined, undefined), penaltyDailyPercent: '0.2' };

function setup(
  payments: SavedLoan['payments'] = [{ id: 'pay-1', date: '2026-02-15', amount: '9200.00', method: 'cash', reference: null }],
) {
  const saveLoan = vi.fn<Api['saveLoan']>(() => Promise.resolve({ version: 2 }));
  const registerPayment = vi.fn<Api['registerPayment']>(() => Promise.resolve({}));
  const m = createLoanModel({
    core: { computeSchedule, computeEffectiveRates, computeServicing, checkPayment, scaleOf },
    defer: immediateDefer,
    api: { saveLoan, registerPayment } as unknown as Api,
    dealId: '42',
    currency: 'RUB',
    today: '2026-03-20',
    products: [],
    newId: () => 'new-1',
    locale: 'ru',
  });
  m.load({ loan: LOAN, payments, reversedPayments: [], status: 'ACTIVE', closedReason: null });
  return { m, saveLoan };
}

describe('loan tab safety', () => {
  it('the penalty rate comes back from the loan in the user format and is saved with it', async () => {
    const { m, saveLoan } = setup([]);
    expect(m.penaltyDailyPercent.value).toBe('0,2');
    m.setPenalty('0,3');
    await m.save();
    expect(saveLoan.mock.calls[0]![1]).toMatchObject({ penaltyDailyPercent: '0.3' });
  });

  it('a penalty that does not read is refused beside its field and blocks Save; the typed text stays', () => {
    const { m } = setup([]);
    m.setPenalty('abc');
    expect(m.penaltyIssue.value).toMatchObject({ field: 'penaltyDailyPercent' });
    expect(m.penaltyDailyPercent.value).toBe('abc');
    expect(m.canSubmit.value).toBe(false);
  });

  it("the server's refusal of the rate stands beside the penalty field, in its code, until the rate is edited", async () => {
    const { m, saveLoan } = setup([]);
    saveLoan.mockRejectedValueOnce(
      new ApiError(422, 'LOAN_TERMS_REFUSED', 'cap', { field: 'penaltyDailyPercent', lendingCode: 'PROFILE_PENALTY_CAP' }),
    );
    await m.save();
    expect(m.penaltyIssue.value).toEqual({ code: 'PROFILE_PENALTY_CAP', field: 'penaltyDailyPercent' });
    m.setPenalty('0,05');
    expect(m.penaltyIssue.value).toBeNull();
    expect(m.saveState.value).toEqual({ kind: 'idle' });
  });

  it('new terms on a loan with payments list what changes and save only on confirmation', async () => {
    const { m, saveLoan } = setup();
    m.setField('installments', '6');
    await m.save();
    expect(saveLoan).not.toHaveBeenCalled();
    expect(m.saveState.value).toEqual({ kind: 'confirm-reterm', changes: [{ field: 'installments', before: '12', after: '6' }] });
    await m.confirmSave();
    expect(saveLoan).toHaveBeenCalledTimes(1);
    expect(m.saveState.value).toEqual({ kind: 'saved' });
    // Saved again with the same terms: nothing to confirm. An edit takes "Saved" away.
    m.setField('amount', '100 000');
    expect(m.saveState.value).toEqual({ kind: 'idle' });
  });

  it('weekly moves the first due date a week after the disbursement; every 0 is refused beside the frequency', () => {
    const { m } = setup([]);
    m.setField('unit', 'week');
    expect(m.form.value.firstDueDate).toBe('2026-01-22');
    m.setField('every', '2');
    expect(m.form.value.firstDueDate).toBe('2026-01-29');
    m.setField('every', '0');
    expect(m.issues.value.some((i) => i.field.startsWith('frequency'))).toBe(true);
    expect(m.canSubmit.value).toBe(false);
  });

  it('a payment beyond the payoff as of its date is an overpayment with its credit; the payoff itself is not', () => {
    const { m } = setup([]);
    const o = m.overpayment('2026-03-20', '999 999');
    expect(o).not.toBeNull();
    expect(m.overpayment('2026-03-20', o!.payoff.replace('.', ','))).toBeNull();
    expect(Number(o!.credit) + Number(o!.payoff)).toBe(999999);
  });
});
