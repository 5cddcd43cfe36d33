import { describe, expect, it } from 'vitest';
import { decodeText, looksCyrillic } from './decode-text.js';
import { detectDelimiter } from './detect-delimiter.js';
import { encodeSingleByte } from '../../../test/support/payment-file-fixtures.js';

describe('decodeText', () => {
  it('valid UTF-8 without a BOM is UTF-8', () => {
    expect(decodeText(Buffer.from('Сумма;Importe'))).toEqual({ text: 'Сумма;Importe', encoding: 'utf-8' });
  });

  it('Russian in Windows-1251 is told from Spanish in Windows-1252 by runs of high bytes', () => {
    expect(decodeText(encodeSingleByte('Номер сделки;Сумма', 'windows-1251'))).toEqual({
      text: 'Номер сделки;Сумма',
      encoding: 'windows-1251',
    });
    expect(decodeText(encodeSingleByte('Número;Descripción;Año', 'windows-1252'))).toEqual({
      text: 'Número;Descripción;Año',
      encoding: 'windows-1252',
    });
    expect(looksCyrillic(encodeSingleByte('Ёж', 'windows-1251'))).toBe(true);
  });

  it('a UTF-8 BOM followed by bytes that are not UTF-8 is FILE_ENCODING', () => {
    const content = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), encodeSingleByte('Сумма', 'windows-1251')]);
    expect(() => decodeText(content)).toThrow(expect.objectContaining({ code: 'FILE_ENCODING' }));
  });
});

describe('detectDelimiter', () => {
  it.each([
    ['a;b;c\n1,5;2;3', ';'],
    ['a,b,c', ','],
    ['a\tb', '\t'],
    ['a|b|c', '|'],
    ['"x;y;z",b,c', ','],
    ['\ufeffa;b', ';'],
    ['\n\na,b', ','],
  ])('%j → %j', (text, delimiter) => {
    expect(detectDelimiter(text)).toBe(delimiter);
  });

  it('a tie goes to ";" (Russian Excel), then ","', () => {
    expect(detectDelimiter('a;b,c')).toBe(';');
  });
});
