import { describe, expect, it } from 'vitest';
import { grouped, typedFromValue, valueFromTyped } from './field-input.js';

describe('documents tab field input', () => {
  it('reads amounts as users write them, exactly, in the currency scale', () => {
    expect(valueFromTyped('money', '15,000.50', 'es', 'MXN')).toEqual({ amount: '15000.50', currency: 'MXN' });
    expect(valueFromTyped('money', '15 000,50', 'ru', 'RUB')).toEqual({ amount: '15000.50', currency: 'RUB' });
    expect(valueFromTyped('money', '12345678901234567.89', 'en', 'USD')).toEqual({ amount: '12345678901234567.89', currency: 'USD' });
    expect(valueFromTyped('number', '1 200', 'ru', 'RUB')).toBe('1200');
  });

  it('sends what it cannot read as typed, for the server to refuse; empty removes the value', () => {
    expect(valueFromTyped('number', 'doce', 'es', 'MXN')).toBe('doce');
    expect(valueFromTyped('money', '1.500', 'ru', 'RUB')).toEqual({ amount: '1.500', currency: 'RUB' });
    expect(valueFromTyped('text', '   ', 'en', 'USD')).toBeNull();
  });

  it('shows stored values grouped the way the language writes them, and reads them back', () => {
    expect(grouped('15000.50', 'ru')).toBe('15\u00a0000,50');
    expect(typedFromValue('money', { amount: '1500000.00', currency: 'MXN' }, 'es')).toBe('1,500,000.00');
    expect(typedFromValue('number', '12', 'es')).toBe('12');
    for (const locale of ['en', 'es', 'ru'] as const)
      expect(valueFromTyped('money', typedFromValue('money', { amount: '1234567.05', currency: 'MXN' }, locale), locale, 'MXN')).toEqual({
        amount: '1234567.05',
        currency: 'MXN',
      });
  });

  it('reads and shows dates the way each language writes them', () => {
    expect(valueFromTyped('date', '14.03.1985', 'ru', 'RUB')).toBe('1985-03-14');
    expect(valueFromTyped('date', '4/3/1985', 'es', 'MXN')).toBe('1985-03-04');
    expect(valueFromTyped('date', '03/14/1985', 'en', 'USD')).toBe('1985-03-14');
    expect(valueFromTyped('date', 'ayer', 'es', 'MXN')).toBe('ayer');
    expect(typedFromValue('date', '1985-03-14', 'ru')).toBe('14.03.1985');
    expect(typedFromValue('date', '1985-03-14', 'es')).toBe('14/03/1985');
  });
});
