// Method behaviours whose expected numbers follow by hand from the definitions (shown inline).
import { describe, expect, it } from 'vitest';
import { sched } from '../../test/support/schedule-helpers.js';

describe('methods', () => {
  it('single-payment microloan at 0.8 %/day: 10000 for 30 days → 2400 interest, ПСК 292.000', () => {
    const s = sched({
      currency: 'RUB',
      method: 'single-payment',
      principal: '10000',
      rate: { dailyPercent: '0.8' },
      installments: 1,
      frequency: { unit: 'day', every: 30 },
    });
    expect(s.rows).toHaveLength(1);
    expect(s.rows[0]).toMatchObject({ dueDate: '2024-01-31', days: 30, interest: '2400.00', total: '12400.00' });
    expect(s.effectiveRates.psk).toBe('292.000');
  });

  it('interest-free: 1000 in 3 → 333.33 ×2 + 333.34 last; remainderTo first puts the cent first', () => {
    const last = sched({ method: 'interest-free', principal: '1000', installments: 3, rounding: { mode: 'down' } });
    expect(last.rows.map((r) => r.total)).toEqual(['333.33', '333.33', '333.34']);
    const first = sched({ method: 'interest-free', principal: '1000', installments: 3, rounding: { mode: 'down', remainderTo: 'first' } });
    expect(first.rows.map((r) => r.total)).toEqual(['333.34', '333.33', '333.33']);
  });

  it('flat: interest on the original principal every period (12000, 24 %/yr, 12 months → 240 a month)', () => {
    const s = sched({ method: 'flat', principal: '12000', rate: { annualPercent: '24' }, installments: 12 });
    expect(s.rows.every((r) => r.interest === '240.00' && r.principal === '1000.00')).toBe(true);
  });

  it('grace on principal: interest-only rows first, then the annuity over the rest', () => {
    const s = sched({ principal: '1200', rate: { annualPercent: '12' }, installments: 4, grace: { principal: 2 } });
    expect(s.rows.slice(0, 2).map((r) => [r.principal, r.interest])).toEqual([
      ['0.00', '12.00'],
      ['0.00', '12.00'],
    ]);
    // PMT(1 %, 2, 1200) = 12 / (1 − 1.01^−2) = 609.0149…
    expect(s.installmentAmount).toBe('609.01');
  });

  it('grace on interest: interest deferred (not capitalised) to the first installment after it', () => {
    const s = sched({
      method: 'equal-principal',
      principal: '1200',
      rate: { annualPercent: '12' },
      installments: 3,
      grace: { interest: 1 },
    });
    expect(s.rows.map((r) => r.interest)).toEqual(['0.00', '20.00', '4.00']); // 12 + 8 deferred, then 4
  });

  it('fees: withheld at disbursement lowers the money paid out; per-installment percent fee adds to every row; VAT on interest', () => {
    const s = sched({
      currency: 'MXN',
      principal: '10000',
      rate: { annualPercent: '60' },
      installments: 4,
      effectiveRates: ['cat'],
      fees: [
        { name: 'apertura', percent: '2', at: 'disbursement', withheld: true },
        { name: 'admin', amount: '50', at: 'installment' },
      ],
      vat: { percent: '16' },
    });
    expect(s.totals.disbursementFees).toBe('200.00');
    expect(s.totals.netDisbursed).toBe('9800.00');
    expect(s.rows.every((r) => r.fees === '50.00')).toBe(true);
    expect(s.rows[0]!.interest).toBe('500.00');
    expect(s.rows[0]!.vat).toBe('80.00');
    expect(s.effectiveRates.cat).toBeDefined();
  });

  it('month-end rule keeps the last day of the month; otherwise the day clamps', () => {
    const end = sched({
      principal: '300',
      rate: { annualPercent: '0' },
      installments: 3,
      firstDueDate: '2024-02-29',
      frequency: { unit: 'month', every: 1, monthEnd: true },
    });
    expect(end.rows.map((r) => r.dueDate)).toEqual(['2024-02-29', '2024-03-31', '2024-04-30']);
    const clamp = sched({ principal: '300', rate: { annualPercent: '0' }, installments: 3, contractDate: '2024-01-31' });
    expect(clamp.rows.map((r) => r.dueDate)).toEqual(['2024-02-29', '2024-03-31', '2024-04-30']);
  });

  it('irregular first period: periodic interest adds broken-period interest for the odd days (30/360)', () => {
    // 1200 at 12 %: regular month 12.00; first due 2024-02-16 from 2024-01-01 → 15 extra days 1200×12 %×15/360 = 6.00
    const s = sched({ principal: '1200', rate: { annualPercent: '12' }, installments: 2, firstDueDate: '2024-02-16', dayCount: '30/360' });
    expect(s.rows[0]!.interest).toBe('18.00');
  });

  it('explicit due dates and weekly / every-N-days frequencies', () => {
    expect(
      sched({ principal: '100', rate: { annualPercent: '0' }, dueDates: ['2024-01-10', '2024-03-01'] }).rows.map((r) => r.dueDate),
    ).toEqual(['2024-01-10', '2024-03-01']);
    expect(
      sched({ principal: '100', rate: { annualPercent: '0' }, installments: 2, frequency: { unit: 'week', every: 2 } }).rows.map(
        (r) => r.dueDate,
      ),
    ).toEqual(['2024-01-15', '2024-01-29']);
    expect(
      sched({ principal: '100', rate: { annualPercent: '0' }, installments: 2, frequency: { unit: 'day', every: 10 } }).rows.map(
        (r) => r.dueDate,
      ),
    ).toEqual(['2024-01-11', '2024-01-21']);
  });

  it('JPY has no minor unit; installment step rounds the level payment', () => {
    const jpy = sched({ currency: 'JPY', principal: '1000000', rate: { annualPercent: '3' }, installments: 12 });
    expect(jpy.installmentAmount).toMatch(/^\d+$/);
    const step = sched({
      principal: '100000',
      rate: { annualPercent: '18' },
      installments: 12,
      rounding: { mode: 'half-up', installmentStep: '100' },
    });
    expect(step.installmentAmount).toBe('9200.00');
  });
});

describe('errors carry a code and a field path', () => {
  const bad = (input: Record<string, unknown>, code: string, path: string) =>
    expect(() => sched({ principal: '1000', rate: { annualPercent: '10' }, installments: 12, ...input })).toThrow(
      expect.objectContaining({ code, path }),
    );
  it('refuses malformed input', () => {
    bad({ principal: '0' }, 'PRINCIPAL_NOT_POSITIVE', 'principal');
    bad({ principal: '-5' }, 'PRINCIPAL_NOT_POSITIVE', 'principal');
    bad({ principal: 1000 }, 'NOT_A_DECIMAL', 'principal');
    bad({ installments: 0 }, 'TERM_ZERO', 'installments');
    bad({ dayCount: 'actual/999' }, 'UNKNOWN_DAY_COUNT', 'dayCount');
    bad({ currency: 'XXX' }, 'UNKNOWN_CURRENCY', 'currency');
    bad({ rate: { annualPercent: '10', dailyPercent: '1' } }, 'RATE_ONE_OF', 'rate');
    bad({ contractDate: '2024-02-30' }, 'INVALID_DATE', 'contractDate');
    bad({ fees: [{ name: 'x', at: 'installment', amount: '1', withheld: true }] }, 'FEE_WITHHELD_AT', 'fees[0].withheld');
    bad({ rounding: { installmentStep: '0.001' } }, 'INSTALLMENT_STEP', 'rounding.installmentStep');
    bad({ dueDates: ['2024-02-01'], installments: undefined, firstDueDate: '2024-02-01' }, 'DUE_DATES_WITH_FIRST_DUE', 'firstDueDate');
    bad({ method: 'single-payment', installments: 2 }, 'SINGLE_PAYMENT_INSTALLMENTS', 'installments');
    bad({ disbursementDate: '2023-12-31' }, 'DISBURSEMENT_BEFORE_CONTRACT', 'disbursementDate');
  });
});
