// Late fees. Conventions and figures:
// - Mexico: "comisión por pago tardío", a fixed amount once per late installment plus IVA at 16 %
//   (LIVA art. 1; CONDUSEF's contract summaries quote it as "$X + IVA"): 250 + 40 = 290.
// - Apache Fineract: an overdue installment fee is charged once per installment after the penalty
//   wait period (PENALTY_WAIT_PERIOD, our graceDays), as a flat amount or a percentage of the overdue
//   principal (PERCENT_OF_AMOUNT) or principal + interest (PERCENT_OF_AMOUNT_AND_INTEREST), and is a
//   penalty charge: it sits in the penalty component that allocation orders place.
// - RU-MFO: 353-FZ art. 5 p. 24: interest, fees and penalties together stay within
//   the overpayment cap (130 % of the principal for contracts from 2024-07-01), so late fees count.
// Arithmetic inline.
import { describe, expect, it } from 'vitest';
import { servicingFromJson } from '../commands.js';

const mx = {
  currency: 'MXN',
  disbursementDate: '2024-01-01',
  profile: 'MX',
  contractDate: '2024-01-01',
  rows: [
    { dueDate: '2024-02-01', principal: '1000', interest: '100', vat: '16' },
    { dueDate: '2024-03-01', principal: '1000', interest: '50', vat: '8' },
  ],
  allocation: 'penalties-first',
  asOf: '2024-02-20',
  lateFees: [{ name: 'pago tardío', amount: '250', graceDays: 3 }],
};

describe('fixed late fee (MX comisión por pago tardío + IVA)', () => {
  it('unpaid after due date + 3 days: 250 + IVA 16 % = 290, charged on 5 February, once', () => {
    const s = servicingFromJson({ ...mx, asOf: '2024-06-30' });
    expect(s.installments[0]!.charges).toEqual([{ name: 'pago tardío', date: '2024-02-05', amount: '250.00', vat: '40.00' }]);
    expect(s.installments[1]!.charges).toEqual([{ name: 'pago tardío', date: '2024-03-05', amount: '250.00', vat: '40.00' }]);
    expect(s.installments[0]!.penalty).toBe('290.00');
    expect(s.penaltyOutstanding).toBe('580.00');
  });

  it('paid inside the grace: no fee; paid on the charge day: the fee was charged that morning', () => {
    const inGrace = servicingFromJson({ ...mx, payments: [{ id: 'p', date: '2024-02-04', amount: '1116' }] });
    expect([inGrace.installments[0]!.charges, inGrace.penaltyOutstanding]).toEqual([undefined, '0.00']);
    const onDay = servicingFromJson({ ...mx, payments: [{ id: 'p', date: '2024-02-05', amount: '1116' }] });
    // penalties first: 290 to the fee, 826 to VAT 16, interest 100 and principal 710
    expect(onDay.allocations[0]).toMatchObject({ penalty: '290.00', vat: '16.00', interest: '100.00', principal: '710.00' });
  });

  it('the allocation order places it: Russia 2024 pays it last, penalties-first first', () => {
    const pay = [{ id: 'p', date: '2024-02-10', amount: '300' }];
    const ru = servicingFromJson({ ...mx, allocation: 'ru-statutory-2024', payments: pay }).allocations[0]!;
    expect([ru.interest, ru.principal, ru.penalty]).toEqual(['100.00', '200.00', '0.00']);
    const pf = servicingFromJson({ ...mx, payments: pay }).allocations[0]!;
    expect([pf.penalty, pf.vat, pf.interest]).toEqual(['290.00', '10.00', '0.00']);
  });

  it('vatPercent "0" charges no IVA; a pause over the charge day moves it to the day counting resumes', () => {
    const noVat = servicingFromJson({ ...mx, lateFees: [{ amount: '250', graceDays: 3, vatPercent: '0' }] });
    expect(noVat.installments[0]!.charges).toEqual([{ name: 'late-fee-1', date: '2024-02-05', amount: '250.00', vat: '0.00' }]);
    const paused = servicingFromJson({ ...mx, delinquency: { pauses: [{ from: '2024-02-03', to: '2024-02-08' }] } });
    expect(paused.installments[0]!.charges![0]!.date).toBe('2024-02-08');
  });
});

describe('percentage late fee (Fineract PERCENT_OF_AMOUNT / _AND_INTEREST)', () => {
  const pct = { ...mx, profile: undefined, contractDate: undefined, lateFees: [{ percent: '5', base: 'principal+interest' }] };

  it('5 % of the unpaid principal + interest on the day after the due date: 1100 × 5 % = 55', () => {
    const s = servicingFromJson(pct);
    expect(s.installments[0]!.charges).toEqual([{ name: 'late-fee-1', date: '2024-02-02', amount: '55.00', vat: '0.00' }]);
  });

  it('on what is still unpaid: 600 paid on the due date (VAT 16, interest 100, principal 484) → 5 % × 516 = 25.80', () => {
    const s = servicingFromJson({
      ...pct,
      lateFees: [{ percent: '5' }],
      payments: [{ id: 'p', date: '2024-02-01', amount: '600' }],
    });
    expect(s.installments[0]!.charges![0]!.amount).toBe('25.80');
  });

  it('refuses a fee with both or neither of amount and percent, and a negative percent', () => {
    expect(() => servicingFromJson({ ...pct, lateFees: [{ percent: '5', amount: '1' }] })).toThrow(
      expect.objectContaining({ code: 'LATE_FEE_ONE_OF', path: 'lateFees[0]' }),
    );
    expect(() => servicingFromJson({ ...pct, lateFees: [{}] })).toThrow(expect.objectContaining({ code: 'LATE_FEE_ONE_OF' }));
    expect(() => servicingFromJson({ ...pct, lateFees: [{ percent: '-5' }] })).toThrow(
      expect.objectContaining({ code: 'RATE_NEGATIVE', path: 'lateFees[0].percent' }),
    );
  });
});

describe('RU-MFO overpayment cap: late fees count toward it', () => {
  it('10 000 at 12 900 scheduled interest leaves 13 000 − 12 900 = 100 for fees and penalties: a 500 fee is cut to 100, the penalty gets nothing', () => {
    const s = servicingFromJson({
      currency: 'RUB',
      disbursementDate: '2024-08-01',
      profile: 'RU-MFO',
      contractDate: '2024-08-01',
      rows: [{ dueDate: '2024-09-01', principal: '10000', interest: '12900' }],
      asOf: '2024-10-01',
      penalty: { dailyPercent: '0.05' },
      lateFees: [{ amount: '500' }],
    });
    expect(s.installments[0]!.charges).toEqual([{ name: 'late-fee-1', date: '2024-09-02', amount: '100.00', vat: '0.00' }]);
    expect(s.penaltyOutstanding).toBe('100.00');
  });
});
