// Prepayment. Expected values: LibreOffice Calc (lending/vectors/calc-vectors.fods ids prepay-pmt-10,
// prepay-nper) and the accrued-interest arithmetic shown inline.
import { describe, expect, it } from 'vitest';
import { prepayFromJson } from './commands.js';
import { Dec } from './decimal.js';

const loan = {
  principal: '1200',
  currency: 'USD',
  contractDate: '2024-01-01',
  method: 'annuity',
  rate: { annualPercent: '12' },
  installments: 12,
  interest: 'periodic',
};
const sumOf = (xs: string[]) => xs.reduce((s, x) => s.plus(x), new Dec(0)).toString();

describe('prepay', () => {
  it('on a due date, reduce-installment: new level = PMT(1 %; 10; −709.81) = 74.9432137567869', () => {
    const r = prepayFromJson({ loan, prepayment: { date: '2024-03-01', amount: '300', mode: 'reduce-installment' } });
    expect(r.prepayment).toMatchObject({ interest: '0.00', principal: '300.00' });
    expect(r.rows[1]!.closing).toBe('1009.81');
    expect(r.installmentAmount).toBe('74.94');
    expect(r.rows).toHaveLength(12);
    expect(r.totals.principal).toBe('1200.00');
  });

  it('reduce-term keeps 106.62 and ends after ⌈NPER(1 %; 106.62; −709.81)⌉ = ⌈6.92⌉ = 7 more rows', () => {
    const r = prepayFromJson({ loan, prepayment: { date: '2024-03-01', amount: '300', mode: 'reduce-term' } });
    expect(r.rows).toHaveLength(2 + 7);
    expect(r.rows.slice(2, 8).every((x) => x.total === '106.62')).toBe(true);
    expect(new Dec(sumOf(r.rows.map((x) => x.principal))).plus(r.prepayment.principal).toString()).toBe('1200');
    expect(new Dec(r.interestSaved).gt(0)).toBe(true);
  });

  it('mid-period: accrued interest first — 1009.81 × 1 % × 15/31 = 4.89', () => {
    const r = prepayFromJson({ loan, prepayment: { date: '2024-03-16', amount: '300', mode: 'reduce-installment' } });
    expect(r.prepayment).toMatchObject({ interest: '4.89', principal: '295.11' });
  });

  it('refuses an amount above the payoff or below the accrued interest', () => {
    expect(() => prepayFromJson({ loan, prepayment: { date: '2024-03-16', amount: '5000', mode: 'reduce-term' } })).toThrow(
      expect.objectContaining({ code: 'PREPAY_EXCEEDS_BALANCE', path: 'prepayment.amount' }),
    );
    expect(() => prepayFromJson({ loan, prepayment: { date: '2024-03-16', amount: '1', mode: 'reduce-term' } })).toThrow(
      expect.objectContaining({ code: 'PREPAY_BELOW_INTEREST' }),
    );
    expect(() => prepayFromJson({ loan, prepayment: { date: '2025-03-16', amount: '10', mode: 'reduce-term' } })).toThrow(
      expect.objectContaining({ code: 'PREPAY_AFTER_MATURITY' }),
    );
  });
});
