// Demo portal content: a small MFO (microfinance lender) working in Mexico and Russia.
// Deterministic — the same portal every time — so screenshots and demo scripts stay stable.
import type { Core } from './core.js';
import type { PortalUser } from './records/users.js';
import type { StageStatus } from './records/crm.js';
import { ENTITY_COMPANY, ENTITY_CONTACT, ENTITY_DEAL } from './state.js';
import { addStages } from './crm/stages.js';
import { createRecord, entityInfo } from './crm/store.js';
import { nextIdOf } from './util.js';
import type { DemoPortalLang } from './options.js';

/** The pipeline's name in the demo portal's language (stage names come from the portal, so the app's
 *  stage-mapping screens show them as the portal writes them). */
export const LOANS_CATEGORY_NAMES: Record<DemoPortalLang, string> = { en: 'Loans', es: 'Préstamos', ru: 'Займы' };
export const LOANS_CATEGORY_NAME = LOANS_CATEGORY_NAMES.en;

const USERS: Omit<PortalUser, 'timeZone' | 'departmentIds' | 'gender'>[] = [
  { id: 1, name: 'Portal', lastName: 'Admin', email: 'admin@portal.test', admin: true, role: 'admin', workPosition: 'Administrator' },
  {
    id: 2,
    name: 'Lucía',
    lastName: 'Hernández',
    email: 'lucia.hernandez@portal.test',
    admin: false,
    role: 'credit_manager',
    workPosition: 'Credit manager',
  },
  {
    id: 3,
    name: 'Андрей',
    lastName: 'Волков',
    email: 'andrey.volkov@portal.test',
    admin: false,
    role: 'credit_manager',
    workPosition: 'Кредитный менеджер',
  },
  {
    id: 4,
    name: 'Marcos',
    lastName: 'Reyes',
    email: 'marcos.reyes@portal.test',
    admin: false,
    role: 'underwriter',
    workPosition: 'Underwriter',
  },
  {
    id: 5,
    name: 'Елена',
    lastName: 'Орлова',
    email: 'elena.orlova@portal.test',
    admin: false,
    role: 'manager',
    workPosition: 'Head of lending',
  },
  {
    id: 6,
    name: 'Diego',
    lastName: 'Navarro',
    email: 'diego.navarro@portal.test',
    admin: false,
    role: 'collector',
    workPosition: 'Collections',
  },
];

/** Stage codes of the Loans pipeline (prefixed C<id>: in the portal), named in each demo portal language. */
export const LOAN_STAGES: [string, Record<DemoPortalLang, string>, StageStatus['semantics'], string][] = [
  ['NEW', { en: 'Application', es: 'Solicitud', ru: 'Заявка' }, 'process', '#39A8EF'],
  ['VERIFICATION', { en: 'Verification calls', es: 'Llamadas de verificación', ru: 'Звонки-проверки' }, 'process', '#2FC6F6'],
  ['UNDERWRITING', { en: 'Underwriting', es: 'Análisis de crédito', ru: 'Андеррайтинг' }, 'process', '#55D0E0'],
  ['APPROVED', { en: 'Approved', es: 'Aprobado', ru: 'Одобрено' }, 'process', '#47E4C2'],
  ['CONTRACT_SIGNED', { en: 'Contract signed', es: 'Contrato firmado', ru: 'Договор подписан' }, 'process', '#FFA900'],
  ['ISSUED', { en: 'Issued', es: 'Desembolsado', ru: 'Выдан' }, 'process', '#FFD200'],
  ['REPAYING', { en: 'Repaying', es: 'En pago', ru: 'Погашается' }, 'process', '#9DCF00'],
  ['OVERDUE', { en: 'Overdue', es: 'Vencido', ru: 'Просрочка' }, 'process', '#FF8000'],
  ['WON', { en: 'Closed', es: 'Cerrado', ru: 'Закрыт' }, 'success', '#7BD500'],
  ['LOSE', { en: 'Rejected', es: 'Rechazado', ru: 'Отказ' }, 'failure', '#FF5752'],
];

export interface DemoClient {
  name: string;
  lastName: string;
  phone: string;
  email: string;
  country: 'MX' | 'RU';
  amount: number;
  stage: string;
  /** The borrower's employer, a company the deal carries (COMPANY_ID), for fields sourced from a company. */
  employer?: { title: string; rfcOrInn: string };
}

/** The demo portal's clients (one contact and one loan deal each); scripts/demo derives their documents from them. */
export const CLIENTS: readonly DemoClient[] = [
  {
    name: 'María Fernanda',
    lastName: 'González',
    phone: '+525512345601',
    email: 'mfgonzalez@correo.mx',
    country: 'MX',
    amount: 15000,
    stage: 'NEW',
  },
  {
    name: 'José Luis',
    lastName: 'Hernández',
    phone: '+523312345602',
    email: 'jlhernandez@correo.mx',
    country: 'MX',
    amount: 8000,
    stage: 'VERIFICATION',
  },
  {
    name: 'Guadalupe',
    lastName: 'Martínez',
    phone: '+528112345603',
    email: 'gmartinez@correo.mx',
    country: 'MX',
    amount: 25000,
    stage: 'UNDERWRITING',
    employer: { title: 'Transportes del Bajío SA de CV', rfcOrInn: 'TBA0101019X1' },
  },
  {
    name: 'Juan Carlos',
    lastName: 'Ramírez',
    phone: '+525512345604',
    email: 'jcramirez@correo.mx',
    country: 'MX',
    amount: 12000,
    stage: 'APPROVED',
  },
  {
    name: 'Ana Sofía',
    lastName: 'López',
    phone: '+522212345605',
    email: 'aslopez@correo.mx',
    country: 'MX',
    amount: 30000,
    stage: 'CONTRACT_SIGNED',
  },
  {
    name: 'Luis Ángel',
    lastName: 'Torres',
    phone: '+523312345606',
    email: 'latorres@correo.mx',
    country: 'MX',
    amount: 5000,
    stage: 'ISSUED',
  },
  {
    name: 'Daniela',
    lastName: 'Flores',
    phone: '+525512345607',
    email: 'dflores@correo.mx',
    country: 'MX',
    amount: 18000,
    stage: 'REPAYING',
  },
  {
    name: 'Miguel Ángel',
    lastName: 'Sánchez',
    phone: '+526612345608',
    email: 'masanchez@correo.mx',
    country: 'MX',
    amount: 22000,
    stage: 'OVERDUE',
  },
  {
    name: 'Alejandra',
    lastName: 'Castillo',
    phone: '+529912345609',
    email: 'acastillo@correo.mx',
    country: 'MX',
    amount: 10000,
    stage: 'WON',
  },
  { name: 'Jorge', lastName: 'Morales', phone: '+525512345610', email: 'jmorales@correo.mx', country: 'MX', amount: 40000, stage: 'LOSE' },
  { name: 'Иван', lastName: 'Петров', phone: '+79161234501', email: 'ivan.petrov@mail.ru', country: 'RU', amount: 50000, stage: 'NEW' },
  {
    name: 'Ольга',
    lastName: 'Смирнова',
    phone: '+79261234502',
    email: 'olga.smirnova@yandex.ru',
    country: 'RU',
    amount: 30000,
    stage: 'VERIFICATION',
  },
  {
    name: 'Дмитрий',
    lastName: 'Кузнецов',
    phone: '+79031234503',
    email: 'd.kuznetsov@mail.ru',
    country: 'RU',
    amount: 120000,
    stage: 'UNDERWRITING',
    employer: { title: 'ООО «Северный ветер»', rfcOrInn: '7701234567' },
  },
  {
    name: 'Екатерина',
    lastName: 'Иванова',
    phone: '+79851234504',
    email: 'e.ivanova@yandex.ru',
    country: 'RU',
    amount: 75000,
    stage: 'APPROVED',
  },
  {
    name: 'Сергей',
    lastName: 'Попов',
    phone: '+79121234505',
    email: 's.popov@mail.ru',
    country: 'RU',
    amount: 200000,
    stage: 'CONTRACT_SIGNED',
  },
  {
    name: 'Анна',
    lastName: 'Соколова',
    phone: '+79531234506',
    email: 'anna.sokolova@yandex.ru',
    country: 'RU',
    amount: 15000,
    stage: 'ISSUED',
  },
  {
    name: 'Алексей',
    lastName: 'Лебедев',
    phone: '+79211234507',
    email: 'a.lebedev@mail.ru',
    country: 'RU',
    amount: 90000,
    stage: 'REPAYING',
  },
  {
    name: 'Мария',
    lastName: 'Козлова',
    phone: '+79671234508',
    email: 'm.kozlova@yandex.ru',
    country: 'RU',
    amount: 45000,
    stage: 'OVERDUE',
  },
  { name: 'Николай', lastName: 'Новиков', phone: '+79091234509', email: 'n.novikov@mail.ru', country: 'RU', amount: 25000, stage: 'WON' },
  {
    name: 'Татьяна',
    lastName: 'Морозова',
    phone: '+79991234510',
    email: 't.morozova@yandex.ru',
    country: 'RU',
    amount: 300000,
    stage: 'LOSE',
  },
];

/** Fills a fresh portal: users, the Loans pipeline (in `lang`, the portal's language), contacts and their loan deals. */
export function seedDemoData(core: Core, lang: DemoPortalLang = 'en'): void {
  const state = core.state;
  state.portal.languageId = lang;
  state.users = USERS.map((u) => ({
    ...u,
    gender: '',
    timeZone: u.id === 3 || u.id === 5 ? 'Europe/Moscow' : 'America/Mexico_City',
    departmentIds: [1],
  }));
  const categoryId = nextIdOf(state, 'category', 1);
  state.categories.push({ id: categoryId, entityTypeId: ENTITY_DEAL, name: LOANS_CATEGORY_NAMES[lang], sort: 50, isDefault: false });
  addStages(
    core,
    ENTITY_DEAL,
    categoryId,
    LOAN_STAGES.map(([code, names, semantics, color]) => [code, names[lang], semantics, color]),
  );
  const contactInfo = entityInfo(core, ENTITY_CONTACT)!;
  const dealInfo = entityInfo(core, ENTITY_DEAL)!;
  const companyInfo = entityInfo(core, ENTITY_COMPANY)!;
  CLIENTS.forEach((c, i) => {
    const managerId = c.country === 'MX' ? 2 : 3;
    const contact = createRecord(
      core,
      contactInfo,
      {
        name: c.name,
        lastName: c.lastName,
        typeId: 'CLIENT',
        sourceId: 'WEB',
        assignedById: managerId,
        addressCountry: c.country === 'MX' ? 'México' : 'Россия',
        hasPhone: 'Y',
        hasEmail: 'Y',
        fm: [
          { id: nextIdOf(state, 'fm', 100), valueType: 'MOBILE', value: c.phone, typeId: 'PHONE' },
          { id: nextIdOf(state, 'fm', 100), valueType: 'WORK', value: c.email, typeId: 'EMAIL' },
        ],
      },
      managerId,
    );
    // The employer's RFC / ИНН in BANKING_DETAILS: requisites (crm.requisite.*) are not emulated.
    const company = c.employer
      ? createRecord(core, companyInfo, { title: c.employer.title, typeId: 'CUSTOMER', bankingDetails: c.employer.rfcOrInn }, managerId)
      : undefined;
    const title = c.country === 'MX' ? `Préstamo personal — ${c.name} ${c.lastName}` : `Заём — ${c.name} ${c.lastName}`;
    createRecord(
      core,
      dealInfo,
      {
        title,
        categoryId,
        stageId: `C${categoryId}:${c.stage}`,
        opportunity: c.amount,
        currencyId: c.country === 'MX' ? 'MXN' : 'RUB',
        isManualOpportunity: 'Y',
        contactId: contact.id,
        contactIds: [contact.id],
        ...(company ? { companyId: company.id } : {}),
        assignedById: c.stage === 'OVERDUE' ? 6 : c.stage === 'UNDERWRITING' ? 4 : managerId,
        typeId: 'SALE',
        sourceId: i % 3 === 0 ? 'WEB' : i % 3 === 1 ? 'CALL' : 'RECOMMENDATION',
        comments: c.country === 'MX' ? 'Solicitud desde el sitio web' : 'Заявка с сайта',
      },
      managerId,
    );
  });
}
