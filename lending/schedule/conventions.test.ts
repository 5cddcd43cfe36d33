// Issue 13's schedule conventions, each pinned by a vector from outside this code:
//  - Apache Fineract, commit 4198b0bcf9a94e1c7aa0f386317ba71f40ceb1d9:
//    integration-tests/src/test/java/org/apache/fineract/integrationtests/AdvancedPaymentAllocationLoanRepaymentScheduleTest.java
//    (uc141, uc142: down payment 25 % on the disbursement day; uc142: EMI adjusted) and
//    fineract-progressive-loan/src/test/java/org/apache/fineract/portfolio/loanproduct/calc/ProgressiveEMICalculatorTest.java
//    (testEMICalculation_CheckEmiButNewEmiNotBetterThanOriginal).
//  - LibreOffice Calc: lending/vectors/convention-vectors.fods (make-convention-vectors.py), by vector id.
//  - Banco de México's CAT worked example (Banxico, "Costo Anual Total": mortgage with 20 % down, 11 %, 15 years
//    monthly, opening 2.43 %, appraisal 0.30 %, study 309, monthly 100 + 25 → payment 3,421.12, CAT 12.9 %).
import { describe, expect, it } from 'vitest';
import { sched } from '../../test/support/schedule-helpers.js';

const fineractDown = (annualPercent: string, annuityAdjustment: 'none' | 'fineract') =>
  sched({
    principal: '100',
    rate: { annualPercent },
    installments: 5,
    interest: 'periodic',
    dayCount: '30/360',
    annuity: 'resolved',
    annuityAdjustment,
    downPayment: { percent: '25' },
    rounding: { mode: 'half-even' },
  });
const parts = (s: ReturnType<typeof sched>) => s.rows.map((r) => [r.dueDate, r.principal, r.interest]);

describe('down payment on the disbursement day', () => {
  it('Fineract uc141: 100, 25 % down on 2024-01-01, 5 % 30/360, 5 monthly → 25 then 14.88/0.31 … 15.12/0.06', () => {
    const s = fineractDown('5', 'none');
    expect(parts(s)).toEqual([
      ['2024-01-01', '25.00', '0.00'],
      ['2024-02-01', '14.88', '0.31'],
      ['2024-03-01', '14.94', '0.25'],
      ['2024-04-01', '15.00', '0.19'],
      ['2024-05-01', '15.06', '0.13'],
      ['2024-06-01', '15.12', '0.06'],
    ]);
    expect(s.rows[0]).toMatchObject({ n: 1, days: 0, opening: '100.00', closing: '75.00', total: '25.00' });
    expect(s.installmentAmount).toBe('15.19');
    expect(s.totals.principal).toBe('100.00');
  });

  it('an amount works as well as a percent, and explicit due dates may start on the disbursement day', () => {
    expect(
      sched({ principal: '1000', rate: { annualPercent: '12' }, installments: 3, downPayment: { amount: '100' } }).rows[0],
    ).toMatchObject({
      dueDate: '2024-01-01',
      principal: '100.00',
    });
    const d = sched({ principal: '300', rate: { annualPercent: '0' }, dueDates: ['2024-01-01', '2024-02-01', '2024-03-01'] });
    expect(d.rows.map((r) => [r.dueDate, r.days, r.total])).toEqual([
      ['2024-01-01', 0, '100.00'],
      ['2024-02-01', 31, '100.00'],
      ['2024-03-01', 29, '100.00'],
    ]);
  });

  it('the down payment nets with the disbursement in the effective rate (one flow a day)', () => {
    const s = sched({
      principal: '1000',
      rate: { annualPercent: '12' },
      installments: 3,
      downPayment: { amount: '400' },
      effectiveRates: ['xirr'],
    });
    const same = sched({ principal: '600', rate: { annualPercent: '12' }, installments: 3, effectiveRates: ['xirr'] });
    expect(s.effectiveRates.xirr).toBe(same.effectiveRates.xirr);
  });
});

describe('Fineract EMI adjustment (annuityAdjustment "fineract", opt-in)', () => {
  it('Fineract uc142: 12.3 % → EMI moved to 15.47 and the last 15.45; without the rule 15.46 and a last 15.49', () => {
    const adjusted = fineractDown('12.3', 'fineract');
    expect(adjusted.installmentAmount).toBe('15.47');
    expect(parts(adjusted).slice(1)).toEqual([
      ['2024-02-01', '14.70', '0.77'],
      ['2024-03-01', '14.85', '0.62'],
      ['2024-04-01', '15.00', '0.47'],
      ['2024-05-01', '15.16', '0.31'],
      ['2024-06-01', '15.29', '0.16'],
    ]);
    const plain = fineractDown('12.3', 'none');
    expect([plain.installmentAmount, plain.rows[5]!.total]).toEqual(['15.46', '15.49']);
  });

  it('ProgressiveEMICalculatorTest CheckEmiButNewEmiNotBetterThanOriginal: the try at 17.44 is no better, 17.43/17.47 stay', () => {
    const s = sched({
      principal: '100',
      rate: { annualPercent: '15.678' },
      installments: 6,
      interest: 'daily',
      dayCount: 'actual/365',
      annuity: 'resolved',
      annuityAdjustment: 'fineract',
      rounding: { mode: 'half-even' },
    });
    expect([s.installmentAmount, s.rows[5]!.total]).toEqual(['17.43', '17.47']);
  });
});

describe('installment step for every method', () => {
  const stepped = (method: string) =>
    sched({ method, principal: '10000', rate: { annualPercent: '24' }, installments: 6, rounding: { installmentStep: '10' } });

  it('equal-principal (Calc ep-step10-*): totals 1870, 1830, 1800, 1770, 1730, last 1699.86', () => {
    const s = stepped('equal-principal');
    expect(s.rows.map((r) => r.total)).toEqual(['1870.00', '1830.00', '1800.00', '1770.00', '1730.00', '1699.86']);
    expect(s.rows.map((r) => r.principal)).toEqual(['1670.00', '1663.40', '1666.67', '1670.00', '1663.40', '1666.53']);
  });

  it('flat (Calc flat-step10-*): 1870 five times, last 1850', () => {
    expect(stepped('flat').rows.map((r) => r.total)).toEqual(['1870.00', '1870.00', '1870.00', '1870.00', '1870.00', '1850.00']);
  });

  it('refused where it does not apply; a minor-unit step is no rounding and passes everywhere', () => {
    const bad = (input: Record<string, unknown>, code: string, path: string) =>
      expect(() => sched({ principal: '1000', rate: { annualPercent: '10' }, ...input })).toThrow(expect.objectContaining({ code, path }));
    bad({ method: 'single-payment', rounding: { installmentStep: '10' } }, 'INSTALLMENT_STEP_NOT_APPLICABLE', 'rounding.installmentStep');
    bad({ fixedPayment: '100', rounding: { installmentStep: '10' } }, 'INSTALLMENT_STEP_NOT_APPLICABLE', 'rounding.installmentStep');
    bad({ installments: 3, annuityAdjustment: 'fineract' }, 'ANNUITY_ADJUSTMENT_NOT_APPLICABLE', 'annuityAdjustment');
    bad({ installments: 3, downPayment: { percent: '100' } }, 'DOWN_PAYMENT_RANGE', 'downPayment.percent');
    bad({ installments: 3, downPayment: { amount: '1', percent: '1' } }, 'DOWN_PAYMENT_ONE_OF', 'downPayment');
    bad({ catBasis: 'periods', dueDates: ['2024-02-01'] }, 'CAT_PERIODS_NEED_FREQUENCY', 'catBasis');
    expect(
      sched({ method: 'single-payment', principal: '1000', rate: { annualPercent: '10' }, rounding: { installmentStep: '0.01' } }).rows,
    ).toHaveLength(1);
  });
});

describe('fixed-amount repayment, term derived', () => {
  it('Calc fixed-*: 10000 at 2 %/month paying 2500 → NPER 5; rows 2300/200 … last 530.71', () => {
    const s = sched({ principal: '10000', rate: { annualPercent: '24' }, fixedPayment: '2500' });
    expect(s.rows).toHaveLength(5);
    expect(s.rows.map((r) => r.interest)).toEqual(['200.00', '154.00', '107.08', '59.22', '10.41']);
    expect(s.rows.map((r) => r.total)).toEqual(['2500.00', '2500.00', '2500.00', '2500.00', '530.71']);
    expect(s.installmentAmount).toBe('2500.00');
  });

  it('interest-free: 1000 paying 300 → 300, 300, 300, 100; a payment below a period’s interest is refused', () => {
    expect(sched({ method: 'interest-free', principal: '1000', fixedPayment: '300' }).rows.map((r) => r.total)).toEqual([
      '300.00',
      '300.00',
      '300.00',
      '100.00',
    ]);
    expect(() => sched({ principal: '10000', rate: { annualPercent: '24' }, fixedPayment: '200' })).toThrow(
      expect.objectContaining({ code: 'FIXED_PAYMENT_TOO_LOW', path: 'fixedPayment' }),
    );
    expect(() => sched({ principal: '10000', rate: { annualPercent: '24' }, fixedPayment: '2500', installments: 4 })).toThrow(
      expect.objectContaining({ code: 'FIXED_PAYMENT_WITH_TERM' }),
    );
  });
});

describe('CAT by periods and by dates', () => {
  const weekly = (catBasis?: string) =>
    sched({
      currency: 'MXN',
      principal: '10000',
      rate: { annualPercent: '120' },
      installments: 26,
      frequency: { unit: 'week' },
      interest: 'periodic',
      effectiveRates: ['cat'],
      ...(catBasis ? { catBasis } : {}),
    });

  it('Calc cat-weekly-periods-schedule 227.5 and cat-weekly-dates-schedule 228.6 for one weekly schedule', () => {
    const p = weekly('periods');
    expect([p.installmentAmount, p.rows[25]!.total]).toEqual(['515.76', '515.78']);
    expect([p.effectiveRates.cat, p.catBasis]).toEqual(['227.5', 'periods']);
    expect([weekly('dates').effectiveRates.cat, weekly().catBasis]).toEqual(['228.6', 'dates']);
  });

  it('the MX profile times CAT by periods by default (explicit due dates fall back to dates, and say so)', () => {
    const mx = sched({ currency: 'MXN', profile: 'MX', principal: '10000', rate: { annualPercent: '60' }, installments: 12 });
    expect(mx.catBasis).toBe('periods');
    const dated = sched({
      currency: 'MXN',
      profile: 'MX',
      principal: '1000',
      rate: { annualPercent: '60' },
      dueDates: ['2024-02-01', '2024-03-01'],
    });
    expect(dated.catBasis).toBe('dates');
  });

  it('Banxico example: 300,997.13 at 11 % over 180 months with its fees → payment 3,421.12, CAT 12.9 % on either basis', () => {
    for (const catBasis of ['periods', 'dates']) {
      const s = sched({
        currency: 'MXN',
        principal: '300997.13',
        rate: { annualPercent: '11' },
        installments: 180,
        effectiveRates: ['cat'],
        catBasis,
        fees: [
          { name: 'apertura', percent: '2.43', at: 'disbursement' },
          { name: 'avaluo', percent: '0.30', at: 'disbursement' },
          { name: 'estudio', amount: '309', at: 'disbursement' },
          { name: 'administracion', amount: '100', at: 'installment' },
          { name: 'seguro', amount: '25', at: 'installment' },
        ],
      });
      expect([s.installmentAmount, s.effectiveRates.cat]).toEqual(['3421.12', '12.9']);
    }
  });
});
