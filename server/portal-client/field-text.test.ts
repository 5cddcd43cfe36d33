import { describe, expect, it } from 'vitest';
import { fieldText } from './field-text.js';

describe('fieldText', () => {
  it('reads scalars and lists as String() does, and nothing as empty', () => {
    for (const v of ['85 000', 0, 12.5, true, 10n, ['a', 2, null], []]) expect(fieldText(v)).toBe(String(v));
    expect(fieldText(null)).toBe('');
    expect(fieldText(undefined)).toBe('');
  });

  it('reads an object as JSON, never "[object Object]"', () => {
    expect(fieldText({ VALUE: '+52 55 1234 5678' })).toBe('{"VALUE":"+52 55 1234 5678"}');
  });
});
