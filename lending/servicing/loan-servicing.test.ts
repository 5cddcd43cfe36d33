import { describe, expect, it } from 'vitest';
import { Dec as Decimal } from '../decimal.js';
import { isLendingError } from '../errors.js';
import { scheduleFromJson } from '../commands.js';
import { serviceLoanJson, type LoanServicingInputJson } from './loan-servicing.js';

type LoanJson = { currency: string; disbursementDate: string; contractDate: string; profile?: string } & Record<string, unknown>;

const loan = (over: Record<string, unknown> = {}): LoanJson => ({
  principal: '30000',
  currency: 'RUB',
  contractDate: '2026-01-10',
  disbursementDate: '2026-01-10',
  method: 'annuity',
  rate: { dailyPercent: '0.8' },
  installments: 4,
  frequency: { unit: 'week', every: 2 },
  firstDueDate: '2026-01-24',
  dayCount: 'actual/365',
  interest: 'daily',
  ...over,
});

function input(l: LoanJson, rest: Partial<LoanServicingInputJson> = {}): LoanServicingInputJson {
  const s = scheduleFromJson(l);
  return {
    loan: {
      currency: l.currency,
      disbursementDate: l.disbursementDate,
      contractDate: l.contractDate,
      profile: l.profile,
    },
    rows: s.rows,
    payments: [],
    asOf: '2026-02-10',
    ...rest,
  };
}

describe('serviceLoanJson: the servicing the tab, the loan API and the sync share', () => {
  it('RU-MFO: the statutory order and a penalty inside the cap, with no order or rate given', () => {
    const r = serviceLoanJson(input(loan({ profile: 'RU-MFO' })));
    expect(r.allocationOrder).toBe('ru-statutory-2024');
    expect(r.penaltyDailyPercent).toBe('0.05');
    expect(Number(r.penaltyOutstanding)).toBeGreaterThan(0);
    expect(r.loanStatus).toBe('overdue');
  });

  it('MX has no statutory order: penalties first, and the IVA is due with each installment', () => {
    const l = loan({ currency: 'MXN', profile: 'MX', rate: { annualPercent: '60' } });
    const r = serviceLoanJson(input(l, { asOf: '2026-01-20' }));
    expect(r.allocationOrder).toBe('penalties-first');
    expect(Number(r.installments[0]!.components.vat.due)).toBeGreaterThan(0);
    expect(r.installments.map((i) => i.status)).toEqual(['upcoming', 'upcoming', 'upcoming', 'upcoming']);
  });

  it("a what-if penalty above RU-MFO's cap is refused with its field", () => {
    try {
      serviceLoanJson(input(loan({ profile: 'RU-MFO' }), { penaltyDailyPercent: '0.1' }));
      expect.unreachable();
    } catch (e) {
      expect(isLendingError(e) && [e.code, e.path]).toEqual(['PROFILE_PENALTY_CAP', 'penalty.dailyPercent']);
    }
  });

  it('due today reads "due" (part paid or not); next payment is the next open installment alone, the arrears apart', () => {
    const i = input(loan());
    const first = i.rows[0]!;
    const r = serviceLoanJson({ ...i, asOf: first.dueDate, payments: [{ id: 'a', date: first.dueDate, amount: '100' }] });
    const one = r.installments[0]!;
    expect(one.status).toBe('due');
    expect(r.nextPayment).toEqual({ n: 1, dueDate: first.dueDate, amount: one.outstanding });
    // Nothing is past due on its due date: arrears are what fell due before today.
    expect(r.pastDue).toBe('0.00');
    expect(r.toBeCurrent).toBe(one.outstanding);
    expect(new Decimal(one.ownDue).minus(one.ownOutstanding).toFixed(2)).toBe('100.00');
    const later = serviceLoanJson({ ...i, asOf: '2026-02-21' });
    const [a, b, c] = later.installments;
    expect([a!.status, b!.status, c!.status]).toEqual(['overdue', 'overdue', 'due']);
    expect(later.nextPayment).toEqual({ n: 3, dueDate: c!.dueDate, amount: c!.outstanding });
    expect(later.pastDue).toBe(new Decimal(a!.outstanding).plus(b!.outstanding).toFixed(2));
    expect(later.toBeCurrent).toBe(new Decimal(later.pastDue).plus(c!.outstanding).toFixed(2));
  });

  it('a partly paid overdue installment stays overdue and says what is still owed on it', () => {
    const i = input(loan());
    const r = serviceLoanJson({ ...i, asOf: '2026-02-20', payments: [{ id: 'a', date: '2026-02-01', amount: '100' }] });
    const one = r.installments[0]!;
    expect(one.status).toBe('overdue');
    // 100 paid: the RU order takes interest then principal; the penalty is apart from the own amounts.
    expect(new Decimal(one.ownDue).minus(one.ownOutstanding).toFixed(2)).toBe('100.00');
    expect(one.ownDue).toBe(scheduleFromJson(loan()).rows[0]!.total);
  });

  it('every open installment past due: no next payment, the arrears are all that is owed now', () => {
    const i = input(loan());
    const r = serviceLoanJson({ ...i, asOf: '2026-12-01' });
    expect(r.nextPayment).toBeNull();
    expect(r.pastDue).toBe(r.toBeCurrent);
  });

  it('an installment paid late without its penalty reads paid (RU order: penalty last); the penalty is owed apart', () => {
    const i = input(loan());
    const first = scheduleFromJson(loan()).rows[0]!;
    const r = serviceLoanJson({ ...i, payments: [{ id: 'a', date: '2026-02-01', amount: first.total }] });
    expect(r.allocationOrder).toBe('ru-statutory-2024');
    const one = r.installments[0]!;
    expect(one.status).toBe('paid');
    expect(one.daysPastDue).toBe(0);
    expect(Number(one.components.penalty.outstanding)).toBeGreaterThan(0);
    expect(Number(r.penaltyOutstanding)).toBeGreaterThan(0);
  });

  it('paid off: closed, nothing next', () => {
    const i = input(loan());
    const r = serviceLoanJson({ ...i, payments: [{ id: 'all', date: '2026-01-20', amount: '40000' }] });
    expect(r.loanStatus).toBe('closed');
    expect(r.nextPayment).toBeNull();
  });

  it("the loan's saved late fees and delinquency grace apply: MX 250 + IVA 40 once the grace has passed, days past due after 3 days' grace", () => {
    const l = loan({ currency: 'MXN', profile: 'MX', rate: { annualPercent: '60' } });
    const i = input(l, { asOf: '2026-02-03', lateFees: [{ amount: '250', graceDays: 3 }], delinquency: { graceDays: 3 } });
    const r = serviceLoanJson(i);
    // first due 24 January: charged 28 January, 10 days past due less 3 of grace
    expect(r.installments[0]!.charges).toEqual([{ name: 'late-fee-1', date: '2026-01-28', amount: '250.00', vat: '40.00' }]);
    expect([r.installments[0]!.daysPastDue, r.pastDueDays]).toEqual([7, 10]);
  });

  it('a saved pause that overlaps another is refused with its field', () => {
    const pauses = [
      { from: '2026-01-25', to: '2026-01-30' },
      { from: '2026-01-29', to: '2026-02-02' },
    ];
    expect(() => serviceLoanJson(input(loan(), { delinquency: { pauses } }))).toThrow(
      expect.objectContaining({ code: 'PAUSE_OVERLAP', path: 'delinquency.pauses' }),
    );
  });
});
