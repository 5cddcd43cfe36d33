// A small published catalog for the app page's document screens: one borrower field, one loan field
// from the deal's amount, labelled in the three languages.
import type { CatalogField } from '../../wire/document-catalog.js';

const labels = (ru: string, en: string, es: string) => ({ ru, en, es });

export const twoFieldCatalog: CatalogField[] = [
  {
    code: 'borrower.full_name',
    label: labels('ФИО заёмщика', 'Borrower name', 'Nombre del acreditado'),
    type: 'text',
    section: 'Borrower',
  },
  {
    code: 'loan.amount',
    label: labels('Сумма займа', 'Loan amount', 'Monto del crédito'),
    type: 'money',
    section: 'Loan',
    source: { kind: 'deal', field: 'OPPORTUNITY' },
  },
];
