// Regulatory profiles: rule versions by contract date, refusals naming the rule.
import { describe, expect, it } from 'vitest';
import { scheduleFromJson, servicingFromJson } from './commands.js';

const mfo = (contractDate: string, extra: Record<string, unknown>) => ({
  principal: '10000',
  currency: 'RUB',
  contractDate,
  method: 'single-payment',
  installments: 1,
  rate: { dailyPercent: '0.8' },
  frequency: { unit: 'day', every: 30 },
  profile: 'RU-MFO',
  ...extra,
});

describe('RU-MFO', () => {
  it('daily rate cap: 0.8 % from 2023-07-01, 1 % before', () => {
    expect(() => scheduleFromJson(mfo('2024-01-10', { rate: { dailyPercent: '0.81' } }))).toThrow(
      expect.objectContaining({
        code: 'PROFILE_DAILY_RATE_CAP',
        path: 'rate.dailyPercent',
        kind: 'refused',
        rule: 'RU-MFO.dailyRateCap@2023-07-01',
      }),
    );
    expect(scheduleFromJson(mfo('2023-06-30', { rate: { dailyPercent: '1' } })).rows).toHaveLength(1);
    expect(() => scheduleFromJson(mfo('2024-01-10', { rate: { annualPercent: '300' } }))).toThrow(
      expect.objectContaining({ code: 'PROFILE_DAILY_RATE_CAP', path: 'rate.annualPercent' }),
    );
  });

  it('overpayment cap 130 % from 2023-07-01 and 100 % from 2026-04-01 (0.8 % × 130 days = 104 %)', () => {
    const long = { frequency: { unit: 'day', every: 130 } };
    expect(scheduleFromJson(mfo('2025-04-01', long)).totals.interest).toBe('10400.00');
    expect(() => scheduleFromJson(mfo('2026-04-01', long))).toThrow(
      expect.objectContaining({ code: 'PROFILE_OVERPAYMENT_CAP', rule: 'RU-MFO.overpaymentCap@2026-04-01' }),
    );
    expect(() => scheduleFromJson(mfo('2024-01-10', { frequency: { unit: 'day', every: 170 } }))).toThrow(
      expect.objectContaining({ code: 'PROFILE_OVERPAYMENT_CAP' }),
    );
  });

  it('no rules before 2019-07-01', () => {
    expect(() => scheduleFromJson(mfo('2019-01-01', {}))).toThrow(
      expect.objectContaining({ code: 'PROFILE_NOT_IN_FORCE', path: 'profile' }),
    );
  });

  it('servicing: statutory order by date, penalty rate cap, penalties clipped to the overpayment cap', () => {
    const loan = mfo('2024-08-01', { frequency: { unit: 'day', every: 150 } }); // interest 12000 = 120 %
    const base = { loan, asOf: '2026-01-01' };
    expect(servicingFromJson({ ...base, penalty: { annualPercent: '20' } }).allocationOrder).toBe('ru-statutory-2024');
    expect(servicingFromJson({ loan: mfo('2024-06-30', {}), asOf: '2024-08-01' }).allocationOrder).toBe('ru-statutory-2014');
    expect(() => servicingFromJson({ ...base, allocation: 'penalties-first' })).toThrow(
      expect.objectContaining({ code: 'PROFILE_ALLOCATION_ORDER', path: 'allocation' }),
    );
    expect(() => servicingFromJson({ ...base, penalty: { annualPercent: '21' } })).toThrow(
      expect.objectContaining({ code: 'PROFILE_PENALTY_CAP', path: 'penalty.annualPercent' }),
    );
    expect(servicingFromJson({ ...base, penalty: { dailyPercent: '0.1', interestAccrues: false } }).penaltyOutstanding).toBe('1000.00');
    // 20 %/yr on 10000 for ~ 366 days would be ~ 2000; the 130 % cap leaves 13000 − 12000 = 1000
    expect(servicingFromJson({ ...base, penalty: { annualPercent: '20' } }).penaltyOutstanding).toBe('1000.00');
  });
});

describe('MX', () => {
  it('adds 16 % IVA on interest and discloses CAT (without IVA)', () => {
    const s = scheduleFromJson({
      principal: '10000',
      currency: 'MXN',
      contractDate: '2024-01-01',
      method: 'annuity',
      rate: { annualPercent: '60' },
      installments: 12,
      profile: 'MX',
    });
    expect(s.rows[0]).toMatchObject({ interest: '500.00', vat: '80.00' });
    expect(s.effectiveRates.cat).toMatch(/^\d+\.\d$/);
    expect(s.effectiveRates.psk).toBeUndefined();
  });
});
