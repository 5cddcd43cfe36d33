import { describe, expect, it } from 'vitest';
import { normalizeDocument, normalizePhone } from './normalize.js';

describe('phones and documents in one comparable form', () => {
  it('Russian phones: trunk 8, +7, spaces and brackets are one number', () => {
    for (const raw of ['8 (912) 345-67-89', '+7 912 345 67 89', '79123456789', '9123456789'])
      expect(normalizePhone(raw, 'RU')).toBe('79123456789');
  });
  it('Mexican phones: 10 national digits, +52, and the old mobile 1 after 52', () => {
    for (const raw of ['55 1234 5678', '+52 55 1234 5678', '+52 1 55 1234 5678', '(55) 1234-5678'])
      expect(normalizePhone(raw, 'MX')).toBe('525512345678');
  });
  it('refuses what cannot be a phone', () => {
    for (const raw of ['', 'abc', '12', '+7 912 345 67 89 ext 5', '1'.repeat(20)]) expect(normalizePhone(raw, 'RU')).toBeNull();
  });
  it('documents: letters and digits only, upper case, Cyrillic kept', () => {
    expect(normalizeDocument('45 06 123456')).toBe('4506123456');
    expect(normalizeDocument('gomc-800101-hdfxxx09')).toBe('GOMC800101HDFXXX09');
    expect(normalizeDocument('II-аб 123456')).toBe('IIАБ123456');
    expect(normalizeDocument('--')).toBeNull();
  });
});
