import { describe, expect, it } from 'vitest';
import { cellText, numberText } from './cell-text.js';

describe('cellText', () => {
  it.each([
    [1500.1, '1500.1'],
    [1500.0999999999999, '1500.1'],
    [0.1 + 0.2, '0.3'],
    [1234, '1234'],
    [1e21, '1000000000000000000000'],
    [1e-7, '0.0000001'],
    [-5, '-5'],
  ])('number %s → %s', (n, text) => {
    expect(numberText(n)).toBe(text);
  });

  it('marks numbers of 16 digits and more as imprecise, formula results included', () => {
    expect(cellText(999999999999999)).toEqual({ text: '999999999999999', numeric: true, imprecise: false });
    expect(cellText(1234567890123456)).toEqual({ text: '1234567890123456', numeric: true, imprecise: true });
    expect(cellText({ formula: 'A1', result: 1234567890123456789 })).toMatchObject({ numeric: true, imprecise: true });
    expect(cellText('1234567890123456789')).toEqual({ text: '1234567890123456789', numeric: false, imprecise: false });
  });

  it('dates, formulas, rich text, hyperlinks, errors and booleans become the text Excel shows', () => {
    expect(cellText(new Date(Date.UTC(2026, 2, 5))).text).toBe('2026-03-05');
    expect(cellText(new Date(Date.UTC(2026, 2, 5, 9, 5, 7))).text).toBe('2026-03-05T09:05:07');
    expect(cellText({ formula: 'C2*2', result: 3000.2 }).text).toBe('3000.2');
    expect(cellText({ sharedFormula: 'C2', result: 'x' }).text).toBe('x');
    expect(cellText({ formula: 'NOW()' }).text).toBe('');
    expect(cellText({ richText: [{ text: 'RE' }, { text: 'F-1' }] }).text).toBe('REF-1');
    expect(cellText({ text: 'REF-1', hyperlink: 'https://example.com' }).text).toBe('REF-1');
    expect(cellText({ error: '#N/A' }).text).toBe('#N/A');
    expect(cellText(true).text).toBe('TRUE');
    expect(cellText(null).text).toBe('');
  });
});
