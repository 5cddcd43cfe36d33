import { describe, expect, it } from 'vitest';
import { PRECISE_TEXTS } from './error-texts.js';
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
  });

  it("reads a throw site's precise text in the user's language, with its parameters filled", () => {
    const clabe = new AppError('VALIDATION', 'CLABE is not 18 digits', { key: 'CLABE_LENGTH' });
    expect(clabe.textFor('es')).toBe('La CLABE debe tener 18 dígitos.');
    expect(clabe.textFor('ru')).toBe('CLABE должен состоять из 18 цифр.');
    expect(clabe.userMessage).toBe('The CLABE must be 18 digits.');
    const long = new AppError('SMS_OVER_LIMIT', 'too long', { key: 'SMS_TOO_LONG', params: { units: 171, max: 160 } });
    expect(long.textFor('ru')).toBe(
      'В сообщении 171 символов, а этот SMS-провайдер принимает не больше 160. Сократите его или включите транслитерацию.',
    );
    expect(long.textFor('en')).toContain('171 characters long');
  });

  it('has every precise text in en, ru and es, with the same parameters in each', () => {
    for (const [key, texts] of Object.entries(PRECISE_TEXTS)) {
      const names = (s: string) => [...s.matchAll(/\{(\w+)\}/gu)].map((m) => m[1]).sort();
      expect(texts.ru, key).toMatch(/[а-яё]/i);
      expect(texts.es, key).not.toBe(texts.en);
      expect(names(texts.ru), key).toEqual(names(texts.en));
      expect(names(texts.es), key).toEqual(names(texts.en));
    }
  });

  it('reads the language from Accept-Language, English by default', () => {
    expect(langOfHeader('es-MX,es;q=0.9,en;q=0.8')).toBe('es');
    expect(langOfHeader('ru-RU')).toBe('ru');
    expect(langOfHeader('de-DE, ru;q=0.5')).toBe('ru');
    expect(langOfHeader('de-DE')).toBe('en');
    expect(langOfHeader(undefined)).toBe('en');
  });
});
