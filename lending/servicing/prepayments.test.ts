// Repeated prepayments inside servicing. Expected values: the same LibreOffice Calc vectors as
// prepay.test.ts (lending/vectors/calc-vectors.fods: prepay-pmt-10 = PMT(1 %; 10; −709.81) → 74.94,
// prepay-nper = ⌈NPER(1 %; 106.62; −709.81)⌉ = 7), so one prepayment in a servicing run gives the
// standalone prepay's schedule; the modes are Fineract's reschedule strategies
// (REDUCE_EMI_AMOUNT, REDUCE_NUMBER_OF_INSTALLMENTS, RESCHEDULE_NEXT_REPAYMENTS). Arithmetic inline.
import { describe, expect, it } from 'vitest';
import { prepayFromJson, scheduleFromJson, servicingFromJson } from '../commands.js';
import { Dec } from '../decimal.js';

const loan = {
  principal: '1200',
  currency: 'USD',
  contractDate: '2024-01-01',
  method: 'annuity',
  rate: { annualPercent: '12' },
  installments: 12,
  interest: 'periodic',
};
const rows = scheduleFromJson(loan).rows;
const paid = (n: number) => rows.slice(0, n).map((r) => ({ id: `p${r.n}`, date: r.dueDate, amount: r.total }));
const base = { loan, allocation: 'penalties-first' };
const principalDue = (s: ReturnType<typeof servicingFromJson>) =>
  s.installments.reduce((x, i) => x.plus(i.components.principal.due), new Dec(0)).toFixed(2);

describe('prepayments in servicing', () => {
  it('one reduce-installment prepayment of 300 on 1 March gives the standalone prepay: 74.94 a month from April', () => {
    const s = servicingFromJson({
      ...base,
      asOf: '2024-03-01',
      payments: paid(2),
      prepayments: [{ id: 'x', date: '2024-03-01', amount: '300', mode: 'reduce-installment' }],
    });
    const standalone = prepayFromJson({ loan, prepayment: { date: '2024-03-01', amount: '300', mode: 'reduce-installment' } });
    expect(s.allocations[2]).toMatchObject({
      principal: '300.00',
      interest: '0.00',
      prepayment: { mode: 'reduce-installment', principal: '300.00' },
    });
    expect(s.installments.slice(3).map((i) => i.due)).toEqual(standalone.rows.slice(3).map((r) => r.total));
    expect(s.installments[3]!.due).toBe('74.94');
    expect(principalDue(s)).toBe('1200.00');
  });

  it('reduce-term keeps 106.62 and ends after 7 more installments (NPER), the later ones gone', () => {
    const s = servicingFromJson({
      ...base,
      asOf: '2024-03-01',
      payments: paid(2),
      prepayments: [{ id: 'x', date: '2024-03-01', amount: '300', mode: 'reduce-term' }],
    });
    expect(s.installments).toHaveLength(2 + 7);
    expect(s.installments.slice(2, 8).every((i) => i.outstanding === '106.62')).toBe(true);
    expect(principalDue(s)).toBe('1200.00');
  });

  it('mid-period: the accrued interest first, 1009.81 × 1 % × 15/31 = 4.89, then 295.11 of principal — as the standalone prepay', () => {
    const s = servicingFromJson({
      ...base,
      asOf: '2024-03-16',
      payments: paid(2),
      prepayments: [{ id: 'x', date: '2024-03-16', amount: '300', mode: 'reduce-installment' }],
    });
    expect(s.allocations[2]).toMatchObject({ interest: '4.89', principal: '295.11' });
  });

  it('two prepayments among ordinary payments, in date order: the loan still repays 1200, each allocation sums to its payment', () => {
    const s = servicingFromJson({
      ...base,
      asOf: '2024-09-01',
      payments: [...paid(2), { id: 'p3', date: '2024-04-01', amount: '74.94' }, { id: 'p4', date: '2024-05-01', amount: '74.94' }],
      prepayments: [
        { id: 'y', date: '2024-06-10', amount: '200', mode: 'reduce-term' },
        { id: 'x', date: '2024-03-01', amount: '300', mode: 'reduce-installment' },
      ],
    });
    expect(s.allocations.map((a) => a.paymentId)).toEqual(['p1', 'p2', 'x', 'p3', 'p4', 'y']);
    for (const a of s.allocations) {
      const parts = [a.principal, a.interest, a.fees, a.vat, a.penalty, a.excess].reduce((x, y) => x.plus(y), new Dec(0));
      expect(parts.toFixed(2)).toBe(a.amount);
    }
    expect(principalDue(s)).toBe('1200.00');
    // June's installment (due 1 June, unpaid) is settled by the second prepayment first
    expect(s.installments[4]!.status).toBe('paid');
    expect(s.installments.length).toBeLessThan(12);
  });

  it('interest-free 1200 in 12: reduce-installment 300 after two → 70 a month; a later reduce-term of 140 keeps 70: 490 / 70 = 7 more', () => {
    const free = { ...loan, method: 'interest-free', rate: { annualPercent: '0' } };
    const s = servicingFromJson({
      loan: free,
      allocation: 'penalties-first',
      asOf: '2024-04-15',
      payments: [
        { id: 'p1', date: '2024-02-01', amount: '100' },
        { id: 'p2', date: '2024-03-01', amount: '100' },
        { id: 'p3', date: '2024-04-01', amount: '70' },
      ],
      prepayments: [
        { id: 'x', date: '2024-03-01', amount: '300', mode: 'reduce-installment' },
        { id: 'y', date: '2024-04-15', amount: '140', mode: 'reduce-term' },
      ],
    });
    expect(s.installments).toHaveLength(3 + 7);
    expect(s.installments.slice(3).map((i) => i.components.principal.outstanding)).toEqual(Array(7).fill('70.00'));
    expect(principalDue(s)).toBe('1200.00');
  });

  it('reschedule-next pays the next installments ahead: nothing is past due until they run out', () => {
    const s = servicingFromJson({
      ...base,
      overpayment: 'reduce-principal',
      asOf: '2024-05-15',
      prepayments: [{ id: 'x', date: '2024-01-20', amount: '320', mode: 'reschedule-next' }],
    });
    // 320 covers February (106.62, the current one), March and April in full, and 0.14 of May's interest — even
    // though the loan's own overpayment rule (reduce-principal) would have shortened the tail instead
    expect(s.installments.slice(0, 3).map((i) => i.status)).toEqual(['paid', 'paid', 'paid']);
    expect([s.daysPastDue, s.allocations[0]!.inAdvance, s.installments[3]!.components.interest.paid]).toEqual([14, '213.38', '0.14']);
  });

  it('refuses a rebuilding prepayment on rows (no loan terms) and on a flat loan', () => {
    const r = [{ dueDate: '2024-02-01', principal: '100' }];
    expect(() =>
      servicingFromJson({
        currency: 'USD',
        disbursementDate: '2024-01-01',
        rows: r,
        allocation: 'penalties-first',
        asOf: '2024-01-10',
        prepayments: [{ id: 'x', date: '2024-01-10', amount: '10', mode: 'reduce-term' }],
      }),
    ).toThrow(expect.objectContaining({ code: 'PREPAY_NEEDS_LOAN', path: 'prepayments[0].mode' }));
    expect(() =>
      servicingFromJson({
        ...base,
        loan: { ...loan, method: 'flat' },
        asOf: '2024-01-10',
        prepayments: [{ id: 'x', date: '2024-01-10', amount: '10', mode: 'reduce-installment' }],
      }),
    ).toThrow(expect.objectContaining({ code: 'PREPAY_METHOD_UNSUPPORTED' }));
  });
});
