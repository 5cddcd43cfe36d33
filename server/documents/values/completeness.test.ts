import { describe, expect, it } from 'vitest';
import type { CatalogField } from '../catalog/catalog-field.js';
import { completenessFor } from './completeness.js';

const labels = { en: 'x', ru: 'x', es: 'x' };
const field = (code: string, type: CatalogField['type'] = 'text'): CatalogField => ({ code, label: labels, type, section: 's' });
const catalog = [field('a'), field('b', 'multi'), field('c', 'bool'), field('d', 'number')];

describe('completenessFor', () => {
  it('counts the required fields of the pinned version and lists those without a value, in catalog order', () => {
    const resolved = new Map<string, unknown>([
      ['a', '  '],
      ['b', []],
      ['c', false],
    ]);
    expect(completenessFor(catalog, ['d', 'c', 'b', 'a', 'gone'], resolved)).toEqual({ required: 4, missing: ['a', 'b', 'd'] });
  });

  it('is complete once every required field has a value (a "no" is a value)', () => {
    const resolved = new Map<string, unknown>([
      ['a', 'Ana'],
      ['c', false],
    ]);
    expect(completenessFor(catalog, ['a', 'c'], resolved)).toEqual({ required: 2, missing: [] });
  });
});
