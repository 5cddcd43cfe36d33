// The rate's name by jurisdiction: profile first, then currency; every name in every language.
import { describe, expect, it } from 'vitest';
import { rateFieldOf, rateKindOf, rateNameOf, type RateKind, type RateLang } from './rate-name.js';

describe('rateKindOf', () => {
  it('names CAT for MXN and the MX profile, ПСК for RUB and RU-MFO, APR otherwise', () => {
    expect(rateKindOf({ currency: 'MXN' })).toBe('cat');
    expect(rateKindOf({ currency: 'USD', profile: 'MX' })).toBe('cat');
    expect(rateKindOf({ currency: 'RUB' })).toBe('psk');
    expect(rateKindOf({ currency: 'USD', profile: 'RU-MFO' })).toBe('psk');
    expect(rateKindOf({ currency: 'USD', profile: null })).toBe('apr');
    expect(rateKindOf({ currency: 'EUR' })).toBe('apr');
  });

  it('lets the profile (the law) win over the currency', () => {
    expect(rateKindOf({ currency: 'MXN', profile: 'RU-MFO' })).toBe('psk');
    expect(rateKindOf({ currency: 'RUB', profile: 'MX' })).toBe('cat');
  });
});

describe('rateNameOf', () => {
  it('names each kind in the reader language, keeping the statutory abbreviation', () => {
    expect(rateNameOf('cat', 'es')).toBe('Costo Anual Total (CAT)');
    expect(rateNameOf('psk', 'ru')).toBe('Полная стоимость кредита (ПСК)');
    expect(rateNameOf('psk', 'es')).toBe('Costo total del crédito (ПСК)');
    expect(rateNameOf('apr', 'en')).toContain('APR');
    for (const lang of ['en', 'es', 'ru'] as RateLang[])
      for (const kind of ['cat', 'psk', 'apr'] as RateKind[]) expect(rateNameOf(kind, lang)).not.toBe('');
  });

  it('maps APR to the core XIRR field', () => {
    expect(rateFieldOf('apr')).toBe('xirr');
    expect(rateFieldOf('cat')).toBe('cat');
  });
});
