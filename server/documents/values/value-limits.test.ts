import { describe, expect, it } from 'vitest';
import { isAppError } from '../../errors.js';
import type { CatalogField } from '../catalog/catalog-field.js';
import { checkLimits } from './value-limits.js';

const labels = { en: 'x', ru: 'x', es: 'x' };
const field = (type: CatalogField['type'], validation: CatalogField['validation']): CatalogField => ({
  code: 'f.x',
  label: labels,
  type,
  section: 's',
  validation,
});
const message = (f: () => void) => {
  try {
    f();
  } catch (e) {
    if (isAppError(e)) return `${e.code}: ${e.userMessage}`;
    throw e;
  }
  return 'ok';
};

describe('checkLimits', () => {
  it('counts characters, not UTF-16 units, against maxLength', () => {
    const f = field('address', { maxLength: 3 });
    expect(message(() => checkLimits(f, 'ñ😀a', 'es'))).toBe('ok');
    expect(message(() => checkLimits(f, 'ñ😀ab', 'es'))).toBe('DOCUMENT_VALUE_LIMIT: El campo f.x debe ser de como máximo 3 caracteres.');
  });

  it('compares numbers and amounts as decimals against min and max', () => {
    const term = field('number', { min: '3', max: '36' });
    expect(message(() => checkLimits(term, 36, 'en'))).toBe('ok');
    expect(message(() => checkLimits(term, '36.01', 'ru'))).toBe('DOCUMENT_VALUE_LIMIT: Поле f.x должно быть не больше 36.');
    const amount = field('money', { min: '1000.00' });
    expect(message(() => checkLimits(amount, { amount: '999.99', currency: 'MXN' }, 'en'))).toBe(
      'DOCUMENT_VALUE_LIMIT: The field f.x must be at least 1000.00.',
    );
    expect(message(() => checkLimits(amount, { amount: '1000', currency: 'MXN' }, 'en'))).toBe('ok');
  });
});
