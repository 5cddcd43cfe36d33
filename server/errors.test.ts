import { describe, expect, it } from 'vitest';
import { AppError, ERRORS, LANGS, errorText, isErrorCode, langOfHeader, statusOf, type ErrorCode } from './errors.js';

const codes = Object.keys(ERRORS) as ErrorCode[];

describe('the error-code table', () => {
  it('gives every code an HTTP error status and a text in en, ru and es', () => {
    for (const code of codes) {
      expect(statusOf(code), code).toBeGreaterThanOrEqual(400);
      expect(statusOf(code), code).toBeLessThan(600);
      for (const lang of LANGS) expect(errorText(code, lang).trim(), `${code} ${lang}`).not.toBe('');
      // A Russian text in Cyrillic, a Spanish one not the English copied over.
      expect(errorText(code, 'ru'), code).toMatch(/[а-яё]/i);
      expect(errorText(code, 'es'), code).not.toBe(errorText(code, 'en'));
    }
  });

  it('takes the status from the table, never from the throw site', () => {
    expect(new AppError('LOAN_NOT_FOUND', 'no loan for deal 7').status).toBe(404);
    expect(new AppError('FILE_TOO_LARGE', 'big').status).toBe(413);
    expect(new AppError('SMS_PROVIDER_UNAVAILABLE', 'down').status).toBe(503);
  });

  it('refuses an unknown code at compile time and at the thread boundary', () => {
    // @ts-expect-error — the code type is closed: a code outside ERRORS does not compile.
    const make = () => new AppError('NO_SUCH_CODE', 'x');
    expect(make).toBeTypeOf('function');
    expect(isErrorCode('NO_SUCH_CODE')).toBe(false);
    expect(isErrorCode('toString')).toBe(false);
    expect(isErrorCode('LOAN_CLOSED')).toBe(true);
  });

  it("the user reads the table's text in their language unless the site gave a precise one", () => {
    const e = new AppError('LOAN_NOT_FOUND', 'loan L1 not in portal P');
    expect(e.textFor('ru')).toBe(ERRORS.LOAN_NOT_FOUND.text.ru);
    expect(e.textFor('es')).toBe('Esta negociación aún no tiene un préstamo guardado.');
    expect(e.textFor('en')).not.toContain('L1'); // never the internal message
    expect(new AppError('VALIDATION', 'x', 'The CLABE must be 18 digits.').textFor('es')).toBe('The CLABE must be 18 digits.');
  });

  it('reads the language from Accept-Language, English by default', () => {
    expect(langOfHeader('es-MX,es;q=0.9,en;q=0.8')).toBe('es');
    expect(langOfHeader('ru-RU')).toBe('ru');
    expect(langOfHeader('de-DE, ru;q=0.5')).toBe('ru');
    expect(langOfHeader('de-DE')).toBe('en');
    expect(langOfHeader(undefined)).toBe('en');
  });
});
