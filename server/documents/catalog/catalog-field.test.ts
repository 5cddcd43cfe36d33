import { describe, expect, it } from 'vitest';
import { isAppError } from '../../errors.js';
import { toFillerFields, validateCatalog, type CatalogField } from './catalog-field.js';

const labels = { ru: 'Поле', en: 'Field', es: 'Campo' };
const f = (code: string, extra: Partial<CatalogField> = {}): CatalogField => ({
  code,
  label: labels,
  type: 'text',
  section: 's',
  ...extra,
});

function problemOf(fields: CatalogField[]): string | undefined {
  try {
    validateCatalog(fields, 'en');
    return undefined;
  } catch (e) {
    return isAppError(e) ? String((e.details as { problem: string }).problem) : 'not an AppError';
  }
}

describe('validateCatalog', () => {
  it.each([
    [[f('a'), f('b.c_1')], undefined],
    [[f('A')], 'code'],
    [[f('a'), f('a')], 'duplicate'],
    [[f('a', { label: { ...labels, es: ' ' } })], 'label'],
    [[f('a', { type: 'choice', options: [] })], 'options'],
    [
      [
        f('a', {
          type: 'choice',
          options: [
            { value: 'x', label: labels },
            { value: 'x', label: labels },
          ],
        }),
      ],
      'options',
    ],
    [[f('a', { type: 'list' })], 'item'],
    [[f('a', { type: 'list', item: [f('b'), f('b')] })], 'duplicate'],
    [[f('a', { type: 'money', validation: { min: '1,5' } })], 'validation'],
    [[f('a', { type: 'text', validation: { min: '1' } })], 'validation'],
    [[f('a', { section: '' })], 'section'],
  ])('%j → %s', (fields, problem) => {
    expect(problemOf(fields)).toBe(problem);
  });
});

describe('toFillerFields', () => {
  it('gives the filler text for people, addresses and document numbers, and leaves scans out', () => {
    const out = toFillerFields([
      f('p', { type: 'person' }),
      f('addr', { type: 'address' }),
      f('doc', { type: 'document_number' }),
      f('scan', { type: 'file' }),
      f('co', { type: 'list', item: [f('name', { type: 'person' }), f('passport_scan', { type: 'file' })] }),
    ]);
    expect(out).toEqual([
      { code: 'p', type: 'text' },
      { code: 'addr', type: 'text' },
      { code: 'doc', type: 'text' },
      { code: 'co', type: 'list', item: [{ code: 'name', type: 'text' }] },
    ]);
  });
});
