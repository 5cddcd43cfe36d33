// The demo portal's field catalog for document packs (issue 15, item 5) and base values on a few demo
// deals, made through the app's own repositories (the checks a user's save runs). Only on a portal
// that has no catalog yet: an admin's catalog is never replaced, a second start changes nothing, and
// when the pack generator's demo (banks, templates, their catalog) runs first, this yields to it —
// its templates are written against its own catalog. The tab counts completeness against whichever
// banks exist.
import type { Db } from '../../server/db/database.js';
import type { CatalogField } from '../../server/documents/catalog/catalog-field.js';
import { listVersions, openApplication, publishDraft, saveDraft } from '../../server/documents/catalog/catalog-repo.js';
import { setValues } from '../../server/documents/values/values-repo.js';
import type { SecretBox } from '../../server/security/crypto.js';

const L = (en: string, ru: string, es: string) => ({ en, ru, es });
const MAX_DEMO_APPLICATIONS = 40;

export const demoDocumentCatalog: CatalogField[] = [
  { code: 'borrower.full_name', label: L('Full name', 'ФИО', 'Nombre completo'), type: 'person', section: 'borrower' },
  { code: 'borrower.birth_date', label: L('Date of birth', 'Дата рождения', 'Fecha de nacimiento'), type: 'date', section: 'borrower' },
  {
    code: 'borrower.id_number',
    label: L('ID document number', 'Номер паспорта', 'Número de identificación (INE)'),
    type: 'document_number',
    section: 'borrower',
  },
  { code: 'borrower.address', label: L('Home address', 'Адрес регистрации', 'Domicilio'), type: 'address', section: 'borrower' },
  {
    code: 'borrower.phone',
    label: L('Mobile phone', 'Мобильный телефон', 'Teléfono celular'),
    type: 'text',
    section: 'borrower',
    validation: { maxLength: 20 },
  },
  { code: 'borrower.married', label: L('Married', 'Состоит в браке', 'Casado(a)'), type: 'bool', section: 'borrower' },
  { code: 'borrower.id_scan', label: L('ID document scan', 'Скан паспорта', 'INE escaneada'), type: 'file', section: 'borrower' },
  { code: 'borrower.employer', label: L('Employer', 'Работодатель', 'Empleador'), type: 'text', section: 'employment' },
  {
    code: 'borrower.monthly_income',
    label: L('Monthly income', 'Ежемесячный доход', 'Ingreso mensual'),
    type: 'money',
    section: 'employment',
    validation: { min: '0' },
  },
  {
    code: 'borrower.income_proof',
    label: L('Proof of income', 'Справка о доходах', 'Comprobante de ingresos'),
    type: 'file',
    section: 'employment',
  },
  {
    code: 'loan.amount',
    label: L('Amount requested', 'Запрошенная сумма', 'Monto solicitado'),
    type: 'money',
    section: 'loan',
    source: { kind: 'deal', field: 'OPPORTUNITY' },
  },
  {
    code: 'loan.term_months',
    label: L('Term, months', 'Срок, месяцев', 'Plazo, meses'),
    type: 'number',
    section: 'loan',
    validation: { min: '1', max: '360' },
  },
  {
    code: 'loan.purpose',
    label: L('Purpose', 'Цель кредита', 'Destino del crédito'),
    type: 'choice',
    section: 'loan',
    options: [
      { value: 'home', label: L('Home', 'Жильё', 'Vivienda') },
      { value: 'car', label: L('Car', 'Автомобиль', 'Automóvil') },
      { value: 'business', label: L('Business', 'Бизнес', 'Negocio') },
      { value: 'personal', label: L('Personal needs', 'Личные нужды', 'Gastos personales') },
    ],
  },
  {
    code: 'loan.insurance',
    label: L('Insurance', 'Страхование', 'Seguros'),
    type: 'multi',
    section: 'loan',
    options: [
      { value: 'life', label: L('Life', 'Жизни', 'De vida') },
      { value: 'property', label: L('Property', 'Имущества', 'De bienes') },
      { value: 'job_loss', label: L('Job loss', 'Потери работы', 'Desempleo') },
    ],
  },
  {
    code: 'co_borrowers',
    label: L('Co-borrowers', 'Созаёмщики', 'Coacreditados'),
    type: 'list',
    section: 'co_borrowers',
    item: [
      { code: 'name', label: L('Name', 'ФИО', 'Nombre'), type: 'person', section: '' },
      { code: 'birth_date', label: L('Date of birth', 'Дата рождения', 'Fecha de nacimiento'), type: 'date', section: '' },
    ],
  },
];

export interface DemoApplicationDeal {
  id: number;
  /** "Préstamo personal — Daniela Flores": the applicant is the name after the dash. */
  title: string;
  currency: string;
  amount: string;
}

/** The deal's OPPORTUNITY ("150000", "150000.5") as an amount of scale 2, on the digits (never a float). */
function twoDecimals(amount: string): string | null {
  const m = /^(\d+)(?:\.(\d{1,2}))?$/u.exec(amount);
  return m && !/^0+$/u.test(m[1]!) ? `${m[1]}.${(m[2] ?? '').padEnd(2, '0')}` : null;
}

/** Base values that read like a real applicant of the deal's country. */
function baseValuesFor(d: DemoApplicationDeal): Record<string, unknown> {
  const ru = d.currency === 'RUB';
  return {
    'borrower.full_name': d.title.split(' — ')[1]?.trim() || (ru ? 'Петров Иван Сергеевич' : 'Ana María López Hernández'),
    'borrower.birth_date': ru ? '1985-03-14' : '1990-07-22',
    'borrower.address': ru ? 'г. Казань, ул. Баумана, д. 12, кв. 5' : 'Av. Insurgentes Sur 1602, Col. Crédito Constructor, CDMX',
    'borrower.phone': ru ? '+7 912 000-00-71' : '+52 55 0000 0071',
    'borrower.employer': ru ? 'ООО «Ромашка»' : 'Comercializadora del Valle SA de CV',
    'borrower.monthly_income': { amount: ru ? '85000.00' : '28500.00', currency: d.currency },
    'loan.amount': { amount: twoDecimals(d.amount) ?? '150000.00', currency: d.currency },
    'loan.term_months': '24',
    'loan.purpose': 'personal',
  };
}

/**
 * Publishes the demo catalog on a portal that has none, then opens an application with base values
 * on the demo deals whose currency the demo lends in (MXN, RUB). Returns the deals filled.
 */
export async function seedDemoCatalog(db: Db, box: SecretBox, portalId: string, deals: readonly DemoApplicationDeal[]): Promise<number[]> {
  if ((await listVersions(db.kysely, portalId)).length > 0) return [];
  const by = { userId: null, nowIso: new Date().toISOString(), lang: 'en' as const };
  await saveDraft(db.kysely, portalId, demoDocumentCatalog, by);
  await db.kysely.transaction().execute((trx) => publishDraft(trx, portalId, by));
  const filled: number[] = [];
  // Every demo deal (a bounded few dozen): whichever deal a visitor opens shows a filled application.
  for (const d of deals.filter((x) => x.currency === 'MXN' || x.currency === 'RUB').slice(0, MAX_DEMO_APPLICATIONS)) {
    await db.kysely.transaction().execute(async (trx) => {
      const application = await openApplication(trx, portalId, d.id, by);
      await setValues(trx, box, portalId, application, null, baseValuesFor(d), by);
    });
    filled.push(d.id);
  }
  return filled;
}
