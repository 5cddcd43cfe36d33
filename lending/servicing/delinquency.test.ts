// Delinquency grace and pauses. Expected figures: Apache Fineract's own end-to-end expectations,
// fineract-e2e-tests-runner/src/test/resources/features/LoanDelinquency.feature (apache/fineract,
// scenarios C4140, C4141: graceOnArrearsAgeing 3 and 5; C4130: a PAUSE from 17 June to 19 August 2025),
// and the bucket dates that follow from them by counting days (inline).
import { describe, expect, it } from 'vitest';
import { servicingFromJson } from '../commands.js';

// C4140/C4141: 1000 EUR, 0 %, six monthly equal installments from 1 January 2025 (166.67 × 5 + 166.65).
const sixMonthly = {
  currency: 'EUR',
  disbursementDate: '2025-01-01',
  rows: ['02', '03', '04', '05', '06', '07'].map((m, k) => ({ dueDate: `2025-${m}-01`, principal: k === 5 ? '166.65' : '166.67' })),
  allocation: 'penalties-first',
  asOf: '2025-05-15',
};

// C4130: 1000 EUR disbursed 28 May 2025 with a 25 % down payment due that day and six monthly
// installments of 125, product grace 3 days; nothing paid.
const withDownPayment = {
  currency: 'EUR',
  disbursementDate: '2025-05-28',
  rows: [
    { dueDate: '2025-05-28', principal: '250' },
    ...['06', '07', '08', '09', '10', '11'].map((m) => ({ dueDate: `2025-${m}-28`, principal: '125' })),
  ],
  allocation: 'penalties-first',
  asOf: '2025-10-31',
  delinquency: { graceDays: 3, pauses: [{ from: '2025-06-17', to: '2025-08-19' }] },
};

describe('delinquency grace (Fineract graceOnArrearsAgeing)', () => {
  it('C4140: grace 3 → delinquentDays 100, pastDueDays 103, delinquent amount 666.68', () => {
    const s = servicingFromJson({ ...sixMonthly, delinquency: { graceDays: 3 } });
    expect([s.daysPastDue, s.pastDueDays, s.toBeCurrent, s.bucket]).toEqual([100, 103, '666.68', '90+']);
  });

  it('C4141: grace 5 → delinquentDays 98, pastDueDays 103', () => {
    const s = servicingFromJson({ ...sixMonthly, delinquency: { graceDays: 5 } });
    expect([s.daysPastDue, s.pastDueDays]).toEqual([98, 103]);
  });

  it('no grace: days past due are the calendar days', () => {
    const s = servicingFromJson(sixMonthly);
    expect([s.daysPastDue, s.pastDueDays]).toEqual([103, 103]);
  });
});

describe('delinquency pauses (Fineract PAUSE / RESUME)', () => {
  it('C4130: paused 17 June – 19 August (63 days) → delinquentDays 90, pastDueDays 156, delinquent amount 875', () => {
    const s = servicingFromJson(withDownPayment);
    expect([s.daysPastDue, s.pastDueDays, s.toBeCurrent, s.bucket, s.delinquencyPaused]).toEqual([90, 156, '875.00', '61-90', false]);
  });

  it('C4130 history: 1–30 from 1 June; 16 days frozen through the pause; 31 on 2 September (17 + 14), 61 on 2 October (17 + 44)', () => {
    expect(servicingFromJson(withDownPayment).dpdHistory).toEqual([
      { bucket: 'current', from: '2025-05-28', to: '2025-06-01' },
      { bucket: '1-30', from: '2025-06-01', to: '2025-09-02' },
      { bucket: '31-60', from: '2025-09-02', to: '2025-10-02' },
      { bucket: '61-90', from: '2025-10-02' },
    ]);
  });

  it('an open pause (backdated, no end) freezes the count where it started and says the loan is paused', () => {
    const s = servicingFromJson({ ...withDownPayment, delinquency: { graceDays: 3, pauses: [{ from: '2025-06-17' }] } });
    // (31 May, 16 June] = 16 days, nothing after
    expect([s.daysPastDue, s.delinquencyPaused, s.bucket]).toEqual([16, true, '1-30']);
  });

  it('a paid installment leaves the bucket the day it is paid', () => {
    const s = servicingFromJson({
      ...sixMonthly,
      asOf: '2025-02-20',
      payments: [{ id: 'p', date: '2025-02-10', amount: '166.67' }],
    });
    expect(s.dpdHistory).toEqual([
      { bucket: 'current', from: '2025-01-01', to: '2025-02-02' },
      { bucket: '1-30', from: '2025-02-02', to: '2025-02-10' },
      { bucket: 'current', from: '2025-02-10' },
    ]);
    expect(s.daysPastDue).toBe(0);
  });

  it('penalties stop during a pause: 100 × 1 % × (10 − 4 paused days) = 6', () => {
    const rows = [{ dueDate: '2024-02-01', principal: '100' }];
    const base = { currency: 'USD', disbursementDate: '2024-01-01', rows, asOf: '2024-02-11', allocation: 'penalties-first' };
    const s = servicingFromJson({
      ...base,
      penalty: { dailyPercent: '1' },
      delinquency: { pauses: [{ from: '2024-02-05', to: '2024-02-09' }] },
    });
    expect([s.penaltyOutstanding, s.daysPastDue, s.pastDueDays]).toEqual(['6.00', 6, 10]);
  });

  it('refuses overlapping pauses, a pause of no days, a pause before the disbursement', () => {
    const run = (pauses: unknown) => () => servicingFromJson({ ...withDownPayment, delinquency: { pauses } });
    expect(
      run([
        { from: '2025-06-01', to: '2025-06-10' },
        { from: '2025-06-09', to: '2025-06-12' },
      ]),
    ).toThrow(expect.objectContaining({ code: 'PAUSE_OVERLAP', path: 'delinquency.pauses' }));
    expect(run([{ from: '2025-06-01', to: '2025-06-01' }])).toThrow(
      expect.objectContaining({ code: 'PAUSE_EMPTY', path: 'delinquency.pauses[0].to' }),
    );
    expect(run([{ from: '2025-01-01' }])).toThrow(expect.objectContaining({ code: 'PAUSE_BEFORE_DISBURSEMENT' }));
  });
});
