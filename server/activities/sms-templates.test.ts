import { describe, expect, it } from 'vitest';
import { languageFor } from './sms-templates.js';
import { dealIdOf } from './codes.js';

describe('SMS language', () => {
  it('picks the language from the phone, then the portal', () => {
    expect(languageFor('+5215512345678')).toBe('es');
    expect(languageFor('+79161234567')).toBe('ru');
    expect(languageFor('+14155550000', 'ru')).toBe('ru');
    expect(languageFor('+14155550000')).toBe('en');
  });

  it('reads the deal id from document_id', () => {
    expect(dealIdOf(['crm', 'CCrmDocumentDeal', 'DEAL_123'])).toBe(123);
    expect(dealIdOf(['crm', 'CCrmDocumentContact', 'CONTACT_5'])).toBeNull();
  });
});
