// Day-count vectors. Sources: LibreOffice Calc YEARFRAC / DATE arithmetic in
// lending/vectors/calc-vectors.fods (by id), and Apache Fineract ProgressiveEMICalculatorTest
// (test_rateFactorByRepaymentEveryMonthMethod_*, commit 048cf93c) for monthly rate factors.
import { describe, expect, it } from 'vitest';
import { Dec } from './decimal.js';
import { addMonths, daysBetween } from './dates.js';
import { yearFraction, type DayCount } from './day-count.js';

const yf = (a: string, b: string, dc: DayCount) => yearFraction(a, b, dc);
const close = (x: Dec, expected: string) => expect(x.minus(expected).abs().lt('1e-12')).toBe(true);

describe('yearFraction against LibreOffice Calc', () => {
  it('yf0-jan31-feb29: 30/360 US 2024-01-31..2024-02-29 = 0.0805555555555556', () =>
    close(yf('2024-01-31', '2024-02-29', '30/360'), '0.0805555555555556'));
  it('yf0-feb29-mar31: 30/360 US 2024-02-29..2024-03-31 = 0.0861111111111111', () =>
    close(yf('2024-02-29', '2024-03-31', '30/360'), '0.0861111111111111'));
  it('yf0-jan15-jul31: 30/360 US 2024-01-15..2024-07-31 = 0.544444444444444', () =>
    close(yf('2024-01-15', '2024-07-31', '30/360'), '0.544444444444444'));
  it('yf0-mar30-may31: 30/360 US 2023-03-30..2023-05-31 = 0.166666666666667', () =>
    close(yf('2023-03-30', '2023-05-31', '30/360'), '0.166666666666667'));
  it('yf4-jan31-mar31: 30E/360 2024-01-31..2024-03-31 = 0.166666666666667', () =>
    close(yf('2024-01-31', '2024-03-31', '30E/360'), '0.166666666666667'));
  it('yf4-feb29-aug31: 30E/360 2024-02-29..2024-08-31 = 0.502777777777778', () =>
    close(yf('2024-02-29', '2024-08-31', '30E/360'), '0.502777777777778'));
  it('yf2-jan1-jul1: actual/360 = 0.505555555555556', () => close(yf('2024-01-01', '2024-07-01', 'actual/360'), '0.505555555555556'));
  it('yf3-jan1-jul1: actual/365 = 0.498630136986301', () => close(yf('2024-01-01', '2024-07-01', 'actual/365'), '0.498630136986301'));
  it('act364-jan1-jul1: actual/364 = 0.5', () => close(yf('2024-01-01', '2024-07-01', 'actual/364'), '0.5'));
  it('isda-dec15-jan15: Act/Act ISDA across a year end = 0.084826708585972', () =>
    close(yf('2023-12-15', '2024-01-15', 'actual/actual-isda'), '0.084826708585972'));
  it('ru-dec15-jan15: Act/Act RU across a year end = 0.0848192229957332', () =>
    close(yf('2023-12-15', '2024-01-15', 'actual/actual-ru'), '0.0848192229957332'));
  it('isda-2024-06-2025-06: Act/Act ISDA over a leap-year boundary = 0.998465454001048', () =>
    close(yf('2024-06-10', '2025-06-10', 'actual/actual-isda'), '0.998465454001048'));
});

describe('Fineract monthly rate factors at 9.4822 % from 2024-01-01', () => {
  const months = [0, 1, 2, 3, 4, 5].map((k) => [addMonths('2024-01-01', k), addMonths('2024-01-01', k + 1)] as const);
  it('actual/365: 0.008053375342, 0.007533802740, …', () => {
    const expected = ['0.008053375342', '0.007533802740', '0.008053375342', '0.007793589041', '0.008053375342', '0.007793589041'];
    months.forEach(([a, b], i) =>
      expect(
        new Dec('0.094822')
          .times(yf(a, b, 'actual/365'))
          .toDecimalPlaces(12)
          .eq(expected[i]!),
      ).toBe(true),
    );
  });
  it('actual/actual (2024 is a leap year): 0.008031371585, 0.007513218579, …', () => {
    const expected = ['0.008031371585', '0.007513218579', '0.008031371585', '0.007772295082', '0.008031371585', '0.007772295082'];
    months.forEach(([a, b], i) =>
      expect(
        new Dec('0.094822')
          .times(yf(a, b, 'actual/actual-isda'))
          .toDecimalPlaces(12)
          .eq(expected[i]!),
      ).toBe(true),
    );
  });
});

describe('calendar', () => {
  it('month ends clamp from the anchor and do not drift', () => {
    expect([1, 2, 3].map((k) => addMonths('2024-01-31', k))).toEqual(['2024-02-29', '2024-03-31', '2024-04-30']);
    expect(addMonths('2024-02-29', 1, true)).toBe('2024-03-31');
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
  });
});
