import { describe, expect, it } from 'vitest';
import { currencyOptions } from './currency-options.js';

const SUPPORTED = ['EUR', 'MXN', 'RUB', 'USD'];

describe('currencyOptions', () => {
  it('puts the base currency first and adds the portal currencies when a product allows any', () => {
    expect(currencyOptions('MXN', ['MXN', 'USD', 'EUR'], [{ currency: null }], SUPPORTED)).toEqual(['MXN', 'USD', 'EUR']);
    expect(currencyOptions('MXN', ['USD'], [], SUPPORTED)).toEqual(['MXN', 'USD']);
  });

  it('offers only the currencies of products bound to one, and none the core cannot scale', () => {
    expect(currencyOptions('MXN', ['MXN', 'USD', 'EUR'], [{ currency: 'USD' }, { currency: 'USD' }], SUPPORTED)).toEqual(['MXN', 'USD']);
    expect(currencyOptions('RUB', ['XYZ'], [], SUPPORTED)).toEqual(['RUB']);
  });

  it('falls back to the base and product currencies when the user may not list the portal currencies', () => {
    expect(currencyOptions('USD', null, [{ currency: null }, { currency: 'MXN' }], SUPPORTED)).toEqual(['USD', 'MXN']);
  });
});
