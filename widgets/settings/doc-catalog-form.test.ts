import { describe, expect, it } from 'vitest';
import { LOAN_FIGURES, type CatalogField } from '../../wire/document-catalog.js';
import {
  emptyForm,
  emptyRow,
  fieldOf,
  fieldOfCatalogRefusal,
  formOf,
  LOAN_FIGURE_CHOICES,
  ROW_TYPES,
  withSourceKind,
  type FieldForm,
} from './doc-catalog-form.js';
import { bySection, isEmptyDiff } from './doc-catalog-view.js';

// The catalog screen's field form: what an admin types becomes the field the server stores, with the
// server's own rules checked first so the error shows beside the input; and a stored field reads back
// into the same form in the admin's number style.
const typed = (o: Partial<FieldForm>): FieldForm => ({ ...emptyForm('borrower'), ru: 'Телефон', en: 'Phone', es: 'Teléfono', ...o });

describe('the catalog field form', () => {
  it('builds the field the server takes, limits typed the way the admin writes numbers', () => {
    const r = fieldOf(
      typed({
        code: 'loan.amount',
        type: 'money',
        min: '15 000,50',
        max: '1 000 000',
        required: true,
        sourceKind: 'deal',
        sourceField: ' OPPORTUNITY ',
      }),
      [],
      'ru',
    );
    expect(r).toEqual({
      field: {
        code: 'loan.amount',
        label: { ru: 'Телефон', en: 'Phone', es: 'Teléfono' },
        type: 'money',
        section: 'borrower',
        required: true,
        validation: { min: '15000.5', max: '1000000' },
        source: { kind: 'deal', field: 'OPPORTUNITY' },
      },
    });
    expect(fieldOf(typed({ code: 'loan.amount', type: 'money', min: '15,000.50' }), [], 'es')).toMatchObject({
      field: { validation: { min: '15000.5' } },
    });
  });

  it('an edit keeps the deal currencies a field belongs to (not on the form, not dropped by it)', () => {
    const snils = {
      code: 'borrower.snils',
      label: { ru: 'СНИЛС', en: 'SNILS', es: 'SNILS' },
      type: 'document_number' as const,
      section: 'borrower',
    };
    const form = { ...formOf({ ...snils, dealCurrencies: ['RUB'] }, 'ru'), es: 'SNILS (Rusia)' };
    expect(fieldOf(form, [], 'ru')).toEqual({
      field: { ...snils, label: { ...snils.label, es: 'SNILS (Rusia)' }, dealCurrencies: ['RUB'] },
    });
  });

  it('names each wrong input: code syntax, a code used twice, missing labels, section, numbers, options', () => {
    expect(fieldOf(typed({ code: 'Borrower Phone' }), [], 'en')).toEqual({ errors: { code: 'code' } });
    expect(fieldOf(typed({ code: 'borrower.phone' }), ['borrower.phone'], 'en')).toEqual({ errors: { code: 'duplicate' } });
    expect(fieldOf(typed({ code: 'a', es: ' ', section: '' }), [], 'en')).toEqual({ errors: { es: 'required', section: 'required' } });
    expect(fieldOf(typed({ code: 'a', type: 'number', min: '1.000' }), [], 'ru')).toEqual({ errors: { min: 'number' } });
    expect(fieldOf(typed({ code: 'a', type: 'choice', options: 'x | X\nx | Y' }), [], 'en')).toEqual({ errors: { options: 'options' } });
    expect(fieldOf(typed({ code: 'a', sourceKind: 'contact' }), [], 'en')).toEqual({ errors: { sourceField: 'required' } });
  });

  it('reads options one a line, one label standing for all three languages', () => {
    const r = fieldOf(
      typed({ code: 'marital', type: 'choice', options: 'single | Холост | Single | Soltero\nmarried | Married' }),
      [],
      'en',
    );
    expect('field' in r && r.field.options).toEqual([
      { value: 'single', label: { ru: 'Холост', en: 'Single', es: 'Soltero' } },
      { value: 'married', label: { ru: 'Married', en: 'Married', es: 'Married' } },
    ]);
  });

  it('reads a stored field back into the form, a list keeping its row fields', () => {
    const list: CatalogField = {
      code: 'coborrowers',
      label: { ru: 'Созаёмщики', en: 'Co-borrowers', es: 'Coacreditados' },
      type: 'list',
      section: 'borrower',
      validation: undefined,
      item: [{ code: 'name', label: { ru: 'Имя', en: 'Name', es: 'Nombre' }, type: 'text', section: '' }],
    };
    const form = formOf(list, 'ru');
    expect(fieldOf({ ...form, es: 'Coacreditados y avales' }, [], 'ru')).toMatchObject({
      field: { item: list.item, label: { es: 'Coacreditados y avales' } },
    });
    expect(formOf({ ...list, type: 'money', item: undefined, validation: { min: '15000.5' } }, 'ru').min).toBe('15000,5');
  });

  it("builds a list's row fields typed inline, each error beside its row's input", () => {
    const row = (o: Partial<ReturnType<typeof emptyRow>>) => ({ ...emptyRow(), ru: 'Имя', en: 'Name', es: 'Nombre', ...o });
    const list = typed({ code: 'coborrowers', type: 'list' });
    expect(fieldOf(list, [], 'es')).toEqual({ errors: { type: 'item' } });
    expect(
      fieldOf({ ...list, rows: [row({ code: 'Name' }), row({ code: 'income', es: ' ' }), row({ code: 'income' }), row({})] }, [], 'es'),
    ).toEqual({
      errors: { 'rows.0.code': 'code', 'rows.1.es': 'required', 'rows.2.code': 'duplicate', 'rows.3.code': 'required' },
    });
    const r = fieldOf({ ...list, rows: [row({ code: ' name ', required: true }), row({ code: 'income', type: 'money' })] }, ['name'], 'es');
    expect(r).toMatchObject({
      field: {
        type: 'list',
        item: [
          { code: 'name', label: { ru: 'Имя', en: 'Name', es: 'Nombre' }, type: 'text', section: '', required: true },
          { code: 'income', type: 'money', section: '' },
        ],
      },
    });
    // Rows typed under another type are not stored with it; a list is offered, rows take scalars without options.
    expect(fieldOf({ ...typed({ code: 'a' }), rows: [row({ code: 'x' })] }, [], 'es')).not.toHaveProperty('field.item');
    expect(ROW_TYPES).not.toContain('list');
    expect(ROW_TYPES).not.toContain('choice');
  });

  it("keeps a stored row's options and limits while its type stays, drops them when it changes", () => {
    const stored: CatalogField = {
      code: 'coborrowers',
      label: { ru: 'Созаёмщики', en: 'Co-borrowers', es: 'Coacreditados' },
      type: 'list',
      section: 'borrower',
      item: [
        {
          code: 'role',
          label: { ru: 'Роль', en: 'Role', es: 'Rol' },
          type: 'choice',
          section: '',
          options: [{ value: 'g', label: { ru: 'П', en: 'G', es: 'A' } }],
        },
        { code: 'income', label: { ru: 'Доход', en: 'Income', es: 'Ingreso' }, type: 'money', section: '', validation: { min: '0' } },
      ],
    };
    const form = formOf(stored, 'es');
    expect(fieldOf(form, [], 'es')).toEqual({ field: stored });
    const changed = { ...form, rows: form.rows.map((r) => (r.code === 'income' ? { ...r, type: 'number' as const } : r)) };
    expect(fieldOf(changed, [], 'es')).toMatchObject({ field: { item: [{ options: stored.item?.[0]?.options }, { type: 'number' }] } });
    expect(fieldOf(changed, [], 'es')).not.toHaveProperty('field.item.1.validation');
  });

  it('puts the server refusal on the input it concerns', () => {
    expect(fieldOfCatalogRefusal({ field: 'a', problem: 'duplicate' }, typed({ code: 'a' }))).toEqual({ code: 'duplicate' });
    expect(fieldOfCatalogRefusal({ field: 'a', problem: 'label' }, typed({ code: 'a', ru: '' }))).toEqual({ ru: 'required' });
    expect(fieldOfCatalogRefusal({ field: '—', problem: 'size' }, typed({}))).toBeNull();
  });

  it('groups fields by section in the order they first appear, keeping each index', () => {
    const f = (code: string, section: string) => ({ code, section }) as CatalogField;
    expect(bySection([f('a', 'loan'), f('b', 'borrower'), f('c', 'loan')]).map((s) => [s.section, s.fields.map((x) => x.index)])).toEqual([
      ['loan', [0, 2]],
      ['borrower', [1]],
    ]);
  });

  it('keeps a typed field code between record kinds, a figure only under loan', () => {
    const deal = typed({ sourceKind: 'deal', sourceField: 'UF_CRM_RFC' });
    expect(withSourceKind(deal, 'company')).toMatchObject({ sourceKind: 'company', sourceField: 'UF_CRM_RFC' });
    expect(withSourceKind(deal, 'loan')).toMatchObject({ sourceKind: 'loan', sourceField: '' });
    const loan = withSourceKind({ ...deal, sourceKind: 'loan', sourceField: 'principal' }, 'loan');
    expect(loan.sourceField).toBe('principal');
    expect(withSourceKind(loan, 'contact').sourceField).toBe('');
    expect(withSourceKind(loan, '').sourceField).toBe('');
    // The offered figures are the wire's, in its order.
    expect(LOAN_FIGURE_CHOICES).toEqual([...LOAN_FIGURES]);
    expect(fieldOf(typed({ code: 'a', sourceKind: 'loan', sourceField: '' }), [], 'en')).toEqual({ errors: { sourceField: 'required' } });
  });

  it('says when publishing would change nothing', () => {
    expect(isEmptyDiff({ added: [], removed: [], changed: [] })).toBe(true);
    expect(isEmptyDiff({ added: [], removed: [], changed: [{ code: 'a', what: ['label'] }] })).toBe(false);
  });
});
