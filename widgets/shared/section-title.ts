// A catalog field's section is a plain string the admin types (server/documents/catalog). The usual
// section codes read in the user's language — in the Documents tab the credit manager fills and in the
// catalog screen the admin edits — anything else as the admin wrote it.
import type { WidgetLang } from './locale.js';

const SECTIONS: Readonly<Record<string, Record<WidgetLang, string>>> = {
  borrower: { en: 'Borrower', ru: 'Заёмщик', es: 'Solicitante' },
  loan: { en: 'Loan', ru: 'Кредит', es: 'Crédito' },
  employment: { en: 'Employment and income', ru: 'Работа и доход', es: 'Empleo e ingresos' },
  collateral: { en: 'Collateral', ru: 'Залог', es: 'Garantía' },
  co_borrowers: { en: 'Co-borrowers', ru: 'Созаёмщики', es: 'Coacreditados' },
  coborrowers: { en: 'Co-borrowers', ru: 'Созаёмщики', es: 'Coacreditados' },
  contract: { en: 'Contract', ru: 'Договор', es: 'Contrato' },
  deal: { en: 'Deal', ru: 'Сделка', es: 'Negociación' },
};

export function sectionTitle(section: string, lang: WidgetLang): string {
  return SECTIONS[section]?.[lang] ?? section;
}
