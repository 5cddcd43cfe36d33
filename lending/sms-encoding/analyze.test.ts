import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeSms, overLimit } from './analyze.js';
import { GSM7_BASIC, decodeGsm7, encodeGsm7 } from './gsm7-alphabet.js';
import { decodeUcs2, encodeUcs2 } from './ucs2.js';

describe('segment counts (integrations.md §2.2, checked there with Twilio’s calculator)', () => {
  it.each([
    [160, 1],
    [161, 2],
    [306, 2],
    [307, 3],
  ])('GSM-7 %i characters → %i parts', (n, segments) => {
    const a = analyzeSms('a'.repeat(n));
    expect(a).toMatchObject({ encoding: 'GSM7', units: n, segments });
    expect(a.perSegment).toBe(n <= 160 ? 160 : 153);
  });

  it.each([
    [70, 1],
    [71, 2],
    [134, 2],
    [135, 3],
  ])('UCS-2 %i characters → %i parts', (n, segments) => {
    const a = analyzeSms('ж'.repeat(n));
    expect(a).toMatchObject({ encoding: 'UCS2', units: n, segments });
    expect(a.perSegment).toBe(n <= 70 ? 70 : 67);
  });

  it('empty text has no parts', () => {
    expect(analyzeSms('')).toMatchObject({ segments: 0, parts: [], encoding: 'GSM7' });
  });
});

describe('Spanish and Russian (integrations.md §2.3)', () => {
  it.each([
    ['Hola Juan, su pago de $1,500 vence manana. Gracias.', 'GSM7'],
    ['Hola Juan, ¿pagará mañana? ¡Gracias! pingüino', 'UCS2'],
    ['Su préstamo fue aprobado. Recuerde pagar el día 5.', 'UCS2'],
    ['Información: útil, aquí', 'UCS2'],
    ['Здравствуйте! Платёж 5000 руб. по договору №123 завтра.', 'UCS2'],
    ['Zdravstvuyte! Platyozh 5000 rub. po dogovoru No123 zavtra.', 'GSM7'],
    ['Pago {ref} 100€ [OK] ~ ^ | \\', 'GSM7'],
  ] as const)('%s → %s', (text, encoding) => {
    expect(analyzeSms(text).encoding).toBe(encoding);
  });

  it('extension characters cost two septets', () => {
    const a = analyzeSms('Pago {ref} 100€ [OK] ~ ^ | \\');
    expect(a.units).toBe([...'Pago {ref} 100€ [OK] ~ ^ | \\'].length + 9);
  });

  it('Spanish transliteration folds á í ó ú and keeps ñ ü é ¿ ¡', () => {
    const a = analyzeSms('Hola Juan, ¿pagará mañana? ¡Gracias! pingüino. Préstamo aprobado el día 5. INFORMACIÓN ÚTIL', {
      transliterate: 'es',
    });
    expect(a.text).toBe('Hola Juan, ¿pagara mañana? ¡Gracias! pingüino. Préstamo aprobado el dia 5. INFORMACION UTIL');
    expect(a.encoding).toBe('GSM7');
  });

  it('Russian transliteration (ICAO Doc 9303) gives GSM-7', () => {
    const a = analyzeSms('Здравствуйте! Платёж 5000 руб. по договору №123 завтра.', { transliterate: 'ru' });
    expect(a.text).toBe('Zdravstvuite! Platezh 5000 rub. po dogovoru No123 zavtra.');
    expect(a.encoding).toBe('GSM7');
    expect(analyzeSms('ЩУКА Щука Объявление Юлия ЧЕК', { transliterate: 'ru' }).text).toBe('SHCHUKA Shchuka Obieiavlenie Iuliia CHEK');
  });
});

describe('typographic normalisation', () => {
  it('folds quotes, dashes, ellipsis and spaces to GSM before counting', () => {
    const a = analyzeSms('“Pago” ‘ok’ – — … «nota»\u00A0fin\u200B\r\n');
    expect(a.text).toBe('"Pago" \'ok\' - - ... "nota" fin\n');
    expect(a.encoding).toBe('GSM7');
  });
  it('composes combining accents (e + ◌́ → é, which is GSM)', () => {
    expect(analyzeSms('pre\u0301stamo')).toMatchObject({ text: 'préstamo', encoding: 'GSM7' });
  });
});

describe('splitting', () => {
  it('never splits an extension character across parts', () => {
    const text = 'a'.repeat(152) + '€' + 'b'.repeat(10);
    const a = analyzeSms(text);
    expect(a.segments).toBe(2);
    expect(a.parts[0]).toBe('a'.repeat(152));
    expect(a.parts[1]?.startsWith('€')).toBe(true);
  });
  it('never splits a surrogate pair', () => {
    const text = 'ж'.repeat(66) + '😀' + 'ж'.repeat(10);
    const a = analyzeSms(text);
    expect(a.units).toBe(78);
    expect(a.parts[0]).toBe('ж'.repeat(66));
    expect(a.parts[1]?.startsWith('😀')).toBe(true);
  });
  it('one emoji makes the whole message UCS-2 and counts 2', () => {
    expect(analyzeSms('ok 😀')).toMatchObject({ encoding: 'UCS2', units: 5 });
  });
});

const gsmChar = fc.constantFrom(...[...GSM7_BASIC].filter((c) => c !== '\u001B'), '€', '[', ']', '{', '}', '~', '^', '|', '\\');
const anyChar = fc.oneof(gsmChar, fc.constantFrom('á', 'ж', 'я', '😀', '№', 'ç', '“'), fc.string({ unit: 'grapheme', maxLength: 1 }));

describe('properties', () => {
  it('parts re-join to the text and each part fits its size', () => {
    fc.assert(
      fc.property(
        fc.array(anyChar, { maxLength: 600 }).map((a) => a.join('')),
        fc.constantFrom<false | 'es' | 'ru'>(false, 'es', 'ru'),
        (raw, tr) => {
          const a = analyzeSms(raw, { transliterate: tr });
          expect(a.parts.join('')).toBe(a.text);
          expect(a.parts.length).toBe(a.segments);
          for (const p of a.parts) {
            const u = a.encoding === 'GSM7' ? encodeGsm7(p).length : p.length;
            expect(u).toBeLessThanOrEqual(a.perSegment);
            expect(u).toBeGreaterThan(0);
          }
          if (a.segments > 1) expect(a.perSegment).toBe(a.encoding === 'GSM7' ? 153 : 67);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('GSM-7 and UCS-2 codecs round-trip', () => {
    fc.assert(
      fc.property(
        fc.array(gsmChar, { maxLength: 200 }).map((a) => a.join('')),
        (t) => {
          expect(decodeGsm7(encodeGsm7(t))).toBe(t);
          expect(decodeUcs2(encodeUcs2(t))).toBe(t);
        },
      ),
    );
  });
});

describe('overLimit', () => {
  it('characters first, then segments; null within the limit', () => {
    expect(overLimit(analyzeSms('ж'.repeat(135)), 2)).toEqual({ unit: 'segments', limit: 2, count: 3, encoding: 'UCS2' });
    expect(overLimit(analyzeSms('a'.repeat(151)), { maxUnits: 150, maxSegments: 1 })).toMatchObject({ unit: 'characters', count: 151 });
    expect(overLimit(analyzeSms('a'.repeat(150)), { maxUnits: 150, maxSegments: 1 })).toBeNull();
  });
});
