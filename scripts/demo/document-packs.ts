// `npm run demo`: document packs (issue 15) ready to generate from the Documents tab — the demo's one
// published field catalog, three banks with their questionnaires (es, es, ru), two internal contracts
// with the amount in words (es, ru), base values on every demo deal (whichever one a visitor opens
// shows a filled application) and one bank's override (a longer term). Everything goes through the
// app's own repositories and the upload's linter; first start only (a portal that has templates is
// left alone, so a restart keeps what an admin changed).
import type { Executor } from '../../server/db/executor.js';
import type { SecretBox } from '../../server/security/crypto.js';
import type { CatalogField } from '../../server/documents/catalog/catalog-field.js';
import { getDraft, listVersions, openApplication, publishDraft, saveDraft } from '../../server/documents/catalog/catalog-repo.js';
import { createBank, listBanks } from '../../server/documents/values/banks-repo.js';
import { DEFAULT_BANK_TEMPLATES } from '../../server/mail/outgoing/bank-template.js';
import { setValues } from '../../server/documents/values/values-repo.js';
import { lintUpload } from '../../server/documents/templates/lint-upload.js';
import { listTemplates, saveTemplateUpload } from '../../server/documents/templates/templates-repo.js';
import type { TemplateUpload } from '../../wire/document-templates.js';
import { contract, questionnaire } from './document-templates.js';
import { demoPerson } from './demo-person.js';

export interface DemoDocumentDeal {
  id: number;
  title: string;
  currency: string;
  amount: string;
  /** The deal's contact's phone as the portal holds it ("+525512345601"), when it has one. */
  phone?: string;
  /** The deal's company's name, when it carries one (the borrower's employer). */
  employer?: string;
  /**
   * The contract date of the deal's demo loan (portfolio.ts), or the demo's first day for a deal with
   * none: the application says what the loan says. A fixed date put deal 8's contract six months after
   * its disbursement.
   */
  contractDate: string;
}

const L = (en: string, ru: string, es: string) => ({ en, ru, es });
/** Every demo deal gets an application, bounded: the demo portal has a few dozen. */
const MAX_DEMO_APPLICATIONS = 40;

export const DEMO_CATALOG: CatalogField[] = [
  { code: 'borrower.full_name', label: L('Full name', 'ФИО', 'Nombre completo'), type: 'person', section: 'borrower', required: true },
  { code: 'borrower.birth_date', label: L('Birth date', 'Дата рождения', 'Fecha de nacimiento'), type: 'date', section: 'borrower' },
  { code: 'borrower.address', label: L('Address', 'Адрес', 'Domicilio'), type: 'address', section: 'borrower' },
  { code: 'borrower.passport', label: L('ID document', 'Паспорт', 'Identificación'), type: 'document_number', section: 'borrower' },
  { code: 'borrower.tax_id', label: L('Tax ID (RFC / INN)', 'ИНН', 'RFC'), type: 'document_number', section: 'borrower' },
  // Russian only: the Documents tab leaves it off a peso deal rather than showing it empty there.
  {
    code: 'borrower.snils',
    label: L('SNILS', 'СНИЛС', 'SNILS (Rusia)'),
    type: 'document_number',
    section: 'borrower',
    dealCurrencies: ['RUB'],
  },
  {
    code: 'borrower.phone',
    label: L('Mobile phone', 'Мобильный телефон', 'Teléfono celular'),
    type: 'text',
    section: 'borrower',
    validation: { maxLength: 20 },
  },
  { code: 'borrower.married', label: L('Married', 'В браке', 'Casado(a)'), type: 'bool', section: 'borrower' },
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
    label: L('Income proof', 'Подтверждение дохода', 'Comprobante de ingresos'),
    type: 'multi',
    section: 'borrower',
    options: [
      { value: 'payroll', label: L('Payslips', 'Справка 2-НДФЛ', 'Recibos de nómina') },
      { value: 'bank_statement', label: L('Bank statement', 'Выписка по счёту', 'Estado de cuenta') },
    ],
  },
  // The amount and the term follow the deal's saved loan (left empty, a document takes the loan's): typed
  // values seeded here stayed at the deal's first amount after the loan tab saved another (a user trial).
  {
    code: 'loan.amount',
    label: L('Amount', 'Сумма', 'Monto'),
    type: 'money',
    section: 'loan',
    required: true,
    source: { kind: 'loan', field: 'principal' },
  },
  {
    code: 'loan.term_months',
    label: L('Term, months', 'Срок, месяцев', 'Plazo, meses'),
    type: 'number',
    section: 'loan',
    validation: { min: '1', max: '360' },
    source: { kind: 'loan', field: 'term' },
  },
  {
    code: 'loan.purpose',
    label: L('Purpose', 'Цель', 'Destino'),
    type: 'choice',
    section: 'loan',
    options: [
      { value: 'car', label: L('Car', 'Автомобиль', 'Automóvil') },
      { value: 'home', label: L('Home', 'Жильё', 'Vivienda') },
      { value: 'other', label: L('Other', 'Иное', 'Otro') },
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
  { code: 'contract.number', label: L('Contract No.', 'Номер договора', 'Número de contrato'), type: 'text', section: 'contract' },
  { code: 'contract.date', label: L('Contract date', 'Дата договора', 'Fecha del contrato'), type: 'date', section: 'contract' },
  {
    code: 'coborrowers',
    label: L('Co-borrowers', 'Созаёмщики', 'Coacreditados'),
    type: 'list',
    section: 'coborrowers',
    item: [
      { code: 'name', label: L('Name', 'ФИО', 'Nombre'), type: 'person', section: 'coborrowers' },
      { code: 'birth_date', label: L('Birth date', 'Дата рождения', 'Fecha de nacimiento'), type: 'date', section: 'coborrowers' },
      { code: 'income', label: L('Monthly income', 'Доход в месяц', 'Ingreso mensual'), type: 'money', section: 'coborrowers' },
    ],
  },
  {
    code: 'deal.title',
    label: L('Deal', 'Сделка', 'Negociación'),
    type: 'text',
    section: 'deal',
    source: { kind: 'deal', field: 'TITLE' },
  },
];

// Each bank takes its own country's deals: the Documents tab pre-ticks the Mexican banks on a peso deal
// and Банк Восток on a rouble one (widgets/documents-tab/pack-banks.ts).
const BANKS = [
  { name: 'Banco del Valle', lang: 'es' as const, email: 'credito@bancodelvalle.example', dealCurrencies: ['MXN'] },
  { name: 'Banco Norte', lang: 'es' as const, email: 'solicitudes@banconorte.example', dealCurrencies: ['MXN'] },
  { name: 'Банк Восток', lang: 'ru' as const, email: 'credit@bank-vostok.example', dealCurrencies: ['RUB'] },
];

const CO_BORROWERS = {
  MX: ['Laura Méndez Ortiz', 'Raúl Gómez Ruiz', 'Patricia Vega Luna', 'Héctor Salinas Mora', 'Rosa Aguilar Campos'],
  RU: ['Сидорова Мария Петровна', 'Орлов Павел Игоревич', 'Белова Ирина Сергеевна', 'Захаров Олег Викторович'],
};

const EMPLOYERS = {
  MX: [
    'Comercializadora del Valle SA de CV',
    'Grupo Logístico Bajío SA de CV',
    'Hospital Ángeles del Norte',
    'Secretaría de Educación Pública',
    'Taller Mecánico Reyes',
  ],
  RU: ['ООО «Ромашка»', 'АО «Уралхиммаш»', 'ГБУЗ «Городская больница № 7»', 'ИП Соколов А. В.', 'ООО «СеверТрансЛогистик»'],
};
/** A monthly income of the market's range, different from one demo client to the next. */
const monthlyIncome = (ru: boolean, n: number) => `${(ru ? 45000 + ((n * 17000) % 110000) : 14500 + ((n * 3500) % 31500)).toFixed(0)}.00`;

/** Values a manager would have typed for the deal, in its country's style; each client their own person (demo-person.ts). */
export function demoValues(deal: DemoDocumentDeal, n: number): Record<string, unknown> {
  const ru = deal.currency === 'RUB';
  const name = deal.title.split(' — ')[1] ?? deal.title;
  const person = demoPerson(name, ru ? 'RU' : 'MX', deal.phone);
  const co = (i: number) => {
    const list = CO_BORROWERS[ru ? 'RU' : 'MX'];
    const coName = list[(n + i) % list.length]!;
    return { name: coName, birth_date: demoPerson(coName, ru ? 'RU' : 'MX').birthDate };
  };
  return {
    'borrower.full_name': name,
    'borrower.birth_date': person.birthDate,
    'borrower.address': person.address,
    'borrower.passport': person.idNumber,
    'borrower.tax_id': person.taxId,
    ...(person.snils ? { 'borrower.snils': person.snils } : {}),
    'borrower.married': n % 2 === 0,
    'borrower.income_proof': n % 2 === 0 ? ['payroll'] : ['payroll', 'bank_statement'],
    'borrower.phone': person.phone,
    'borrower.employer': deal.employer ?? EMPLOYERS[ru ? 'RU' : 'MX'][n % EMPLOYERS.MX.length],
    'borrower.monthly_income': { amount: monthlyIncome(ru, n), currency: deal.currency },
    // loan.amount and loan.term_months are not typed: they follow the deal's saved loan.
    'loan.purpose': n % 3 === 0 ? 'car' : n % 3 === 1 ? 'home' : 'other',
    'contract.number': ru ? `ДЗ-2026/${String(deal.id).padStart(4, '0')}` : `CS-2026-${String(deal.id).padStart(4, '0')}`,
    'contract.date': deal.contractDate,
    coborrowers: ru
      ? [{ ...co(0), income: { amount: '64000.00', currency: 'RUB' } }]
      : [
          { ...co(0), income: { amount: '18500.00', currency: 'MXN' } },
          { ...co(1), income: { amount: '12000.00', currency: 'MXN' } },
        ],
  };
}

export interface DocumentSeedResult {
  seeded: boolean;
  lines: string[];
}

export async function seedDemoDocuments(
  db: Executor,
  box: SecretBox,
  portalId: string,
  deals: readonly DemoDocumentDeal[],
): Promise<DocumentSeedResult> {
  if ((await listTemplates(db, portalId, { archived: true })).length > 0) return { seeded: false, lines: [] };
  const by = { userId: 1, nowIso: new Date().toISOString(), lang: 'es' as const };
  const lines: string[] = [];
  // The catalog: ours unless an admin (or another part of the demo) already published one.
  if ((await listVersions(db, portalId)).length === 0) {
    if (!(await getDraft(db, portalId))) await saveDraft(db, portalId, DEMO_CATALOG, by);
    await db.transaction().execute((trx) => publishDraft(trx, portalId, by));
  }
  const existing = await listBanks(db, box, portalId);
  const bankIds: string[] = [];
  for (const b of BANKS) {
    const found = existing.find((x) => x.name === b.name);
    const bank =
      found ??
      (await createBank(
        db,
        box,
        portalId,
        {
          name: b.name,
          emails: [b.email],
          replySenders: [`@${b.email.split('@')[1]!}`],
          phones: [],
          requiredFields: ['borrower.full_name', 'loan.amount'],
          // In the bank's own language: a Mexican bank reads Spanish whoever sends from the deal (a
          // manager with a Russian interface included). The app's default text of that language.
          messageTemplate: { lang: b.lang, ...DEFAULT_BANK_TEMPLATES[b.lang] },
          dealCurrencies: b.dealCurrencies,
        },
        by,
      ));
    bankIds.push(bank.id);
  }
  const uploads: { q: TemplateUpload; bytes: Uint8Array }[] = [
    ...BANKS.map((b, i) => ({
      q: {
        fileName: `solicitud-${i + 1}.docx`,
        name: b.lang === 'es' ? `Solicitud — ${b.name}` : `Анкета — ${b.name}`,
        bankId: bankIds[i]!,
        kind: 'questionnaire' as const,
        lang: b.lang,
      },
      bytes: questionnaire(b.lang, b.name),
    })),
    // Each contract is its own country's: a pack of a rouble deal takes the Russian one only, a peso deal's the Mexican.
    {
      q: { fileName: 'contrato.docx', name: 'Contrato de crédito', kind: 'contract', lang: 'es', dealCurrencies: 'MXN' },
      bytes: contract('es'),
    },
    { q: { fileName: 'dogovor.docx', name: 'Договор займа', kind: 'contract', lang: 'ru', dealCurrencies: 'RUB' }, bytes: contract('ru') },
  ];
  for (const u of uploads) {
    try {
      const { catalogVersion, report } = await lintUpload(db, portalId, u.bytes, 'en');
      await db.transaction().execute((trx) => saveTemplateUpload(trx, portalId, u.q, { bytes: u.bytes, catalogVersion, report }, by));
    } catch (e) {
      lines.push(`  template ${u.q.name}: refused by the linter (${e instanceof Error ? e.message : String(e)})`);
    }
  }
  lines.unshift(`Document packs: ${BANKS.length} banks, ${uploads.length} templates (3 questionnaires, 2 internal contracts).`);
  // Base values on every demo deal the catalog's amounts fit (MXN, RUB), so whichever deal a visitor
  // opens shows a filled application; Banco Norte gets a longer term on the first one.
  const chosen = deals.filter((d) => d.currency === 'MXN' || d.currency === 'RUB').slice(0, MAX_DEMO_APPLICATIONS);
  for (const [n, deal] of chosen.entries()) {
    try {
      const app = await db.transaction().execute((trx) => openApplication(trx, portalId, deal.id, by));
      await db.transaction().execute((trx) => setValues(trx, box, portalId, app, null, demoValues(deal, n), by));
      if (n === 0)
        await db.transaction().execute((trx) => setValues(trx, box, portalId, app, bankIds[1]!, { 'loan.term_months': '18' }, by));
      lines.push(`  deal ${deal.id}: base values filled${n === 0 ? `; ${BANKS[1]!.name} overrides the term (18 months)` : ''}`);
    } catch (e) {
      lines.push(`  deal ${deal.id}: no demo values — the app refused them: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return { seeded: true, lines };
}
