import { describe, expect, it } from 'vitest';
import type { CatalogField } from '../catalog/catalog-field.js';
import type { ValuesView } from '../../../wire/documents.js';
import { recordValues, valuesForDocument } from './pack-values.js';

// A document's values and their sources: the bank's override, else the base, else Bitrix24, else
// missing; Bitrix24 fields as the catalog types them, a value of the wrong type left out.
const L = { en: 'x', ru: 'x', es: 'x' };
const fields: CatalogField[] = [
  { code: 'name', label: L, type: 'person', section: 's' },
  { code: 'term', label: L, type: 'number', section: 's' },
  { code: 'amount', label: L, type: 'money', section: 's', source: { kind: 'deal', field: 'OPPORTUNITY' } },
  { code: 'opened', label: L, type: 'date', section: 's', source: { kind: 'deal', field: 'BEGINDATE' } },
  { code: 'phone', label: L, type: 'text', section: 's', source: { kind: 'contact', field: 'PHONE' } },
  { code: 'count', label: L, type: 'number', section: 's', source: { kind: 'deal', field: 'TITLE' } },
  { code: 'scan', label: L, type: 'file', section: 's' },
];
const view: ValuesView = {
  catalogVersion: 1,
  base: { name: 'Ana', term: '12' },
  banks: [
    {
      bankId: 'b1',
      name: 'B1',
      required: 0,
      missing: [],
      values: [
        { code: 'name', value: 'Ana', source: 'base' },
        { code: 'term', value: '18', source: 'override' },
      ],
    },
  ],
};

describe('pack values', () => {
  it('takes the override, else the base, else Bitrix24, else says missing', () => {
    const bitrix = { amount: { amount: '1500.00', currency: 'MXN' } };
    expect(valuesForDocument(fields, view, 'b1', bitrix)).toEqual({
      values: { name: 'Ana', term: '18', amount: { amount: '1500.00', currency: 'MXN' } },
      sources: { name: 'base', term: 'override', amount: 'bitrix24', opened: 'missing', phone: 'missing', count: 'missing' },
    });
    expect(valuesForDocument(fields, view, null, {}).values).toEqual({ name: 'Ana', term: '12' });
  });

  it('reads deal and contact fields as their catalog types, leaving out what does not fit', () => {
    const deal = { OPPORTUNITY: '1500.00', CURRENCY_ID: 'MXN', BEGINDATE: '2026-12-04T03:00:00+03:00', TITLE: 'not a number' };
    expect(recordValues(fields, 'deal', deal, 'es')).toEqual({ amount: { amount: '1500.00', currency: 'MXN' }, opened: '2026-12-04' });
    expect(recordValues(fields, 'contact', { PHONE: [{ VALUE: '+525512345678', VALUE_TYPE: 'MOBILE' }] }, 'es')).toEqual({
      phone: '+525512345678',
    });
  });
});
