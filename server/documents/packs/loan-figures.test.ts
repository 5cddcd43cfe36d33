import { describe, expect, it } from 'vitest';
import type { CatalogField } from '../catalog/catalog-field.js';
import { validateCatalog } from '../catalog/catalog-field.js';
import type { ValuesView } from '../../../wire/documents.js';
import { loanValues, type SavedLoan } from './loan-figures.js';
import { recordValues, valuesForDocument } from './pack-values.js';

// Loan-sourced fields take the figures saved with the deal's loan (the schedule lending/ computed on
// save, what the loan tab shows), typed as the catalog field asks; a typed value wins over them, and
// the manifest says 'loan'. A company field is read like a deal's or a contact's. The catalog refuses
// a loan figure that does not exist.
const L = { en: 'x', ru: 'x', es: 'x' };
const loanField = (code: string, type: CatalogField['type'], field: string): CatalogField => ({
  code,
  label: L,
  type,
  section: 'loan',
  source: { kind: 'loan', field },
});
const fields: CatalogField[] = [
  loanField('loan.principal', 'money', 'principal'),
  loanField('loan.principal_number', 'number', 'principal'),
  loanField('loan.term', 'number', 'term'),
  loanField('loan.rate', 'number', 'rate'),
  loanField('loan.installment', 'money', 'installment'),
  loanField('loan.cat', 'number', 'cat'),
  loanField('loan.psk', 'number', 'psk'),
  loanField('loan.total', 'money', 'total'),
  loanField('loan.first_due', 'date', 'first_due_date'),
  loanField('loan.last_due', 'date', 'last_due_date'),
  { code: 'company.name', label: L, type: 'text', section: 'company', source: { kind: 'company', field: 'TITLE' } },
];
const saved: SavedLoan = {
  currency: 'MXN',
  principal: '150000.00',
  annualRatePercent: '36',
  installmentAmount: '8856.39',
  rows: [{ dueDate: '2027-01-04' }, { dueDate: '2027-02-04' }, { dueDate: '2028-12-04' }],
  totals: { total: '212553.36', costOfCredit: '62553.36' },
  effectiveRates: { cat: '51.2' },
};

describe('loan figures as document values', () => {
  it('reads every figure as its field types it; a figure the loan lacks (ПСК on a MXN loan) is left out', () => {
    expect(loanValues(fields, saved, 'es')).toEqual({
      'loan.principal': { amount: '150000.00', currency: 'MXN' },
      'loan.principal_number': '150000.00',
      'loan.term': '3',
      'loan.rate': '36',
      'loan.installment': { amount: '8856.39', currency: 'MXN' },
      'loan.cat': '51.2',
      'loan.total': { amount: '212553.36', currency: 'MXN' },
      'loan.first_due': '2027-01-04',
      'loan.last_due': '2028-12-04',
    });
    expect(loanValues(fields, null, 'es')).toEqual({});
  });

  it('a typed value wins over the loan; the manifest tells loan from typed', () => {
    const view: ValuesView = { catalogVersion: 1, base: { 'loan.term': '24' }, banks: [] };
    const { values, sources } = valuesForDocument(fields, view, null, {}, loanValues(fields, saved, 'es'));
    expect(values['loan.term']).toBe('24');
    expect(sources['loan.term']).toBe('base');
    expect(values['loan.installment']).toEqual({ amount: '8856.39', currency: 'MXN' });
    expect(sources['loan.installment']).toBe('loan');
    expect(sources['loan.psk']).toBe('missing');
  });

  it('a company field is read from crm.company.get like a deal field', () => {
    expect(recordValues(fields, 'company', { ID: '4', TITLE: 'Comercializadora del Valle SA de CV' }, 'es')).toEqual({
      'company.name': 'Comercializadora del Valle SA de CV',
    });
  });

  it('the catalog refuses a loan figure that does not exist, naming the ones that do', () => {
    expect(() => validateCatalog([loanField('loan.apr', 'number', 'apr')], 'en')).toThrow(
      expect.objectContaining({ code: 'CATALOG_INVALID', userMessage: expect.stringContaining('principal, term, rate') }),
    );
  });
});
