// Servicing behaviours on a small loan whose expected figures follow by hand (arithmetic inline).
import { describe, expect, it } from 'vitest';
import { servicingFromJson } from '../commands.js';

const rows = [
  { n: 1, dueDate: '2024-02-01', principal: '100', interest: '10' },
  { n: 2, dueDate: '2024-03-01', principal: '100', interest: '8' },
  { n: 3, dueDate: '2024-04-01', principal: '100', interest: '5' },
];
const loan = { currency: 'USD', disbursementDate: '2024-01-01', rows };
const penalty = { dailyPercent: '1' };
const run = (extra: Record<string, unknown>) =>
  servicingFromJson({ ...loan, asOf: '2024-02-11', penalty, allocation: 'ru-statutory-2024', ...extra });

describe('servicing as of a date', () => {
  it('no payments: 10 days past due, penalty 100 × 1 % × 10 = 10, to be current 120, payoff with 10/29 of next interest', () => {
    const s = run({});
    expect(s.daysPastDue).toBe(10);
    expect(s.bucket).toBe('1-30');
    expect(s.installments[0]).toMatchObject({ status: 'overdue', penalty: '10.00', daysPastDue: 10, outstanding: '120.00' });
    expect(s.toBeCurrent).toBe('120.00');
    // 110 past due + 10 penalty + 200 later principal + round(8 × 10/29) = 2.76
    expect(s.payoff).toMatchObject({ amount: '322.76', interest: '12.76', principal: '300.00', penalty: '10.00' });
  });

  it('Russia 2024 order pays overdue interest and principal before the penalty; penalties-first the other way', () => {
    const ru = run({ payments: [{ id: 'p', date: '2024-02-11', amount: '50' }] }).allocations[0]!;
    expect([ru.interest, ru.principal, ru.penalty]).toEqual(['10.00', '40.00', '0.00']);
    const pf = run({ allocation: 'penalties-first', payments: [{ id: 'p', date: '2024-02-11', amount: '50' }] }).allocations[0]!;
    expect([pf.penalty, pf.interest, pf.principal]).toEqual(['10.00', '10.00', '30.00']);
  });

  it('Russia 2024 puts current interest and principal before the overdue penalty; the 2014 order the penalty third', () => {
    const pay = [{ id: 'p', date: '2024-02-11', amount: '120' }];
    const ru24 = run({ payments: pay });
    expect([ru24.allocations[0]!.penalty, ru24.penaltyOutstanding, ru24.installments[1]!.components.interest.paid]).toEqual([
      '0.00',
      '10.00',
      '8.00',
    ]);
    const ru14 = run({ allocation: 'ru-statutory-2014', payments: pay });
    expect([ru14.allocations[0]!.penalty, ru14.penaltyOutstanding, ru14.installments[1]!.components.interest.paid]).toEqual([
      '10.00',
      '0.00',
      '0.00',
    ]);
  });

  it('in advance pays later installments in full; reduce-principal pays principal from the last', () => {
    const pay = [{ id: 'p', date: '2024-01-15', amount: '250' }];
    // 110 to the current installment, then 108 (n 2) and 5 + 27 (n 3)
    const adv = run({ payments: pay }).allocations[0]!;
    expect([adv.inAdvance, adv.excess]).toEqual(['140.00', '0.00']);
    // 110 to the current installment, then 100 principal of n 3 and 40 of n 2
    const red = run({ overpayment: 'reduce-principal', payments: pay }).allocations[0]!;
    expect([red.inAdvance, red.excess, red.principal]).toEqual(['140.00', '0.00', '240.00']);
  });

  it('a payment of at least the payoff settles the loan: interest for the days used, the rest a credit balance', () => {
    // payoff on 2024-01-15: 300 principal + round(10 × 14/31) = 4.52 interest; later periods' interest is not owed
    const s = run({ asOf: '2024-01-15', payments: [{ id: 'p', date: '2024-01-15', amount: '400' }] });
    expect(s.allocations[0]).toMatchObject({ principal: '300.00', interest: '4.52', inAdvance: '200.00', excess: '95.48' });
    expect([s.outstanding.total, s.payoff.amount, s.creditBalance]).toEqual(['0.00', '0.00', '95.48']);
    expect(s.installments.map((i) => i.status)).toEqual(['paid', 'paid', 'paid']);
  });

  it('penalty grace days, base with interest, cap, and a partial payment lowering the base', () => {
    expect(run({ penalty: { ...penalty, graceDays: 5 } }).penaltyOutstanding).toBe('5.00'); // 100 × 1 % × 5
    expect(run({ penalty: { ...penalty, base: 'principal+interest' } }).penaltyOutstanding).toBe('11.00'); // 110 × 1 % × 10
    expect(run({ penalty: { ...penalty, capAmount: '3' } }).penaltyOutstanding).toBe('3.00');
    // 5 days on 100, then 5 days on 60 after paying 10 interest + 40 principal: 5 + 3
    expect(run({ payments: [{ id: 'p', date: '2024-02-06', amount: '50' }] }).penaltyOutstanding).toBe('8.00');
    // annual 36.5 % on 100 for 10 days = 1.00
    expect(run({ penalty: { annualPercent: '36.5' } }).penaltyOutstanding).toBe('1.00');
  });

  it('configurable delinquency ranges', () => {
    expect(
      run({
        asOf: '2024-03-15',
        delinquencyRanges: [
          { name: 'early', minDays: 0, maxDays: 30 },
          { name: 'late', minDays: 31 },
        ],
      }),
    ).toMatchObject({ daysPastDue: 43, bucket: 'late' });
  });

  it('refuses payments outside the loan life, duplicates, and a missing order', () => {
    const err = (extra: Record<string, unknown>, code: string, path: string) =>
      expect(() => run(extra)).toThrow(expect.objectContaining({ code, path }));
    err({ payments: [{ id: 'p', date: '2023-12-31', amount: '1' }] }, 'PAYMENT_BEFORE_DISBURSEMENT', 'payments[0].date');
    err({ payments: [{ id: 'p', date: '2024-03-01', amount: '1' }] }, 'PAYMENT_AFTER_AS_OF', 'payments[0].date');
    err(
      {
        payments: [
          { id: 'p', date: '2024-02-01', amount: '1' },
          { id: 'p', date: '2024-02-02', amount: '1' },
        ],
      },
      'DUPLICATE_PAYMENT_ID',
      'payments[1].id',
    );
    err({ payments: [{ id: 'p', date: '2024-02-01', amount: '0' }] }, 'AMOUNT_NOT_POSITIVE', 'payments[0].amount');
    err({ allocation: undefined }, 'ALLOCATION_REQUIRED', 'allocation');
    err({ allocation: ['past-due:nothing'] }, 'INVALID_ALLOCATION_STEP', 'allocation[0]');
  });

  it('a custom order can name in-advance steps', () => {
    const s = run({ allocation: ['in-advance:principal', 'past-due:interest'], payments: [{ id: 'p', date: '2024-02-11', amount: '50' }] });
    expect(s.allocations[0]).toMatchObject({ principal: '50.00', inAdvance: '50.00' });
  });
});
