// Payoff interest mode (issue 13): the current period's interest pro rata to the days elapsed (default;
// RU 353-FZ art. 11) or whole once the period has begun (Fineract's pre-closure strategy "till rest
// frequency date", LoanPreCloseInterestCalculationStrategy). Figures by hand, arithmetic inline.
import { describe, expect, it } from 'vitest';
import { servicingFromJson } from '../commands.js';

const rows = [
  { n: 1, dueDate: '2024-02-01', principal: '100', interest: '10' },
  { n: 2, dueDate: '2024-03-01', principal: '100', interest: '8' },
  { n: 3, dueDate: '2024-04-01', principal: '100', interest: '5' },
];
const run = (extra: Record<string, unknown>) =>
  servicingFromJson({ currency: 'USD', disbursementDate: '2024-01-01', rows, allocation: 'ru-statutory-2024', ...extra });

describe('payoff interest mode', () => {
  it('pro rata (default): 300 principal + round(10 × 14/31) = 4.52; whole period: 300 + 10', () => {
    expect(run({ asOf: '2024-01-15' }).payoff).toMatchObject({ amount: '304.52', interest: '4.52' });
    expect(run({ asOf: '2024-01-15', payoffInterest: 'whole-period' }).payoff).toMatchObject({ amount: '310.00', interest: '10.00' });
  });

  it('whole period on a due date charges nothing of the next period (no day of it has run)', () => {
    // asOf 2024-02-01: row 1 due in full (110), then 200 principal; the March period has not begun
    const s = run({ asOf: '2024-02-01', payoffInterest: 'whole-period' });
    expect(s.payoff).toMatchObject({ amount: '310.00', interest: '10.00', principal: '300.00' });
  });

  it('a payment of the whole-period payoff settles the loan with the whole period’s interest', () => {
    const s = run({ asOf: '2024-01-15', payoffInterest: 'whole-period', payments: [{ id: 'p', date: '2024-01-15', amount: '310' }] });
    expect(s.allocations[0]).toMatchObject({ principal: '300.00', interest: '10.00', excess: '0.00' });
    expect([s.outstanding.total, s.payoff.amount]).toEqual(['0.00', '0.00']);
  });

  it('an installment due on the disbursement day (a down payment) is accepted in rows; before it is refused', () => {
    const down = [{ n: 1, dueDate: '2024-01-01', principal: '50' }, ...rows.map((r) => ({ ...r, n: r.n + 1 }))];
    const s = servicingFromJson({
      currency: 'USD',
      disbursementDate: '2024-01-01',
      rows: down,
      allocation: 'ru-statutory-2024',
      asOf: '2024-01-02',
    });
    expect(s.installments[0]).toMatchObject({ status: 'overdue', daysPastDue: 1 });
    expect(() =>
      servicingFromJson({
        currency: 'USD',
        disbursementDate: '2024-01-02',
        rows: down,
        allocation: 'ru-statutory-2024',
        asOf: '2024-01-02',
      }),
    ).toThrow(expect.objectContaining({ code: 'DUE_BEFORE_DISBURSEMENT' }));
    expect(() => run({ asOf: '2024-01-15', payoffInterest: 'all' })).toThrow(expect.objectContaining({ path: 'payoffInterest' }));
  });
});
