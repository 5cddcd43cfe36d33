// Effective-rate vectors. Expected values computed by LibreOffice Calc (XIRR, RATE) in
// lending/vectors/calc-vectors.fods (ids quoted), and one by the statute's closed form.
import { describe, expect, it } from 'vitest';
import { ratesFromJson } from './parse-rates.js';
import { Dec } from '../decimal.js';
import { addMonths } from '../dates.js';

const monthly = (start: string, first: string, n: number, amount: string, last = amount) => [
  { date: start, amount: first },
  ...Array.from({ length: n }, (_, k) => ({ date: addMonths(start, k + 1), amount: k === n - 1 ? last : amount })),
];

describe('XIRR', () => {
  it('xirr-doc: five uneven flows = 0.373362533518832', () => {
    const r = ratesFromJson({
      method: 'xirr',
      flows: [
        { date: '2024-01-01', amount: '-10000' },
        { date: '2024-03-01', amount: '2750' },
        { date: '2024-10-30', amount: '4250' },
        { date: '2025-02-15', amount: '3250' },
        { date: '2025-04-01', amount: '2750' },
      ],
    });
    expect(new Dec(r.percent).minus('37.3362533518832').abs().lt('0.000001')).toBe(true);
  });
  it('xirr-monthly: −10000 then 12 × 950 = 0.279424995351699', () => {
    const r = ratesFromJson({ method: 'xirr', flows: monthly('2024-01-10', '-10000', 12, '950') });
    expect(new Dec(r.percent).minus('27.9424995351699').abs().lt('0.000001')).toBe(true);
  });
});

describe('ПСК (353-FZ art. 6)', () => {
  it('single-30d-psk: 10000 for 30 days at 0.8 %/day → 292.000 (one 30-day base period, ЧБП = 365/30)', () => {
    const r = ratesFromJson({
      method: 'psk',
      flows: [
        { date: '2024-03-01', amount: '-10000' },
        { date: '2024-03-31', amount: '12400' },
      ],
    });
    expect(r.percent).toBe('292.000');
    expect(r.basePeriod).toEqual({ unit: 'day', count: 30 });
  });
  it('psk-monthly-annuity: −99500, 11 × 9168, last 9143.76 monthly → RATE × 12 × 100 = 18.928', () => {
    const r = ratesFromJson({ method: 'psk', flows: monthly('2024-01-15', '-99500', 12, '9168', '9143.76') });
    expect(r.percent).toBe('18.928');
    expect(r.basePeriod).toEqual({ unit: 'month', count: 1 });
  });
});

describe('CAT (Banxico)', () => {
  it('cat-monthly-periods: −10000 then 12 × 950 by period → 28.0', () => {
    const flows = [{ period: 0, amount: '-10000' }, ...Array.from({ length: 12 }, (_, k) => ({ period: k + 1, amount: '950' }))];
    expect(ratesFromJson({ method: 'cat', flows, periodsPerYear: '12' }).percent).toBe('28.0');
  });
  it('cat-weekly-periods: −10000 then 52 × 230 by week → 43.6', () => {
    const flows = [{ period: 0, amount: '-10000' }, ...Array.from({ length: 52 }, (_, k) => ({ period: k + 1, amount: '230' }))];
    expect(ratesFromJson({ method: 'cat', flows, periodsPerYear: '52' }).percent).toBe('43.6');
  });
  it('cat-dated-monthly: dated flows (days/365) → 27.9', () => {
    expect(ratesFromJson({ method: 'cat', flows: monthly('2024-01-10', '-10000', 12, '950') }).percent).toBe('27.9');
  });
  it('refuses one-sided flows with a code and path', () => {
    expect(() =>
      ratesFromJson({
        method: 'xirr',
        flows: [
          { date: '2024-01-01', amount: '1' },
          { date: '2024-02-01', amount: '2' },
        ],
      }),
    ).toThrow(expect.objectContaining({ code: 'FLOWS_ONE_SIDED', path: 'flows' }));
  });
});
