// The demo's .docx templates, made the way Word writes them (test/support/docx-word-fixtures.ts:
// placeholders split by spell-check and bookmarks, both check-box forms, a repeated table row, a header
// and a footer): a bank questionnaire in Spanish and one in Russian, and two internal contracts with
// the amount in words.
import { checkboxControl, legacyCheckbox, para, run, table, wordDocx, wordSplit } from '../../test/support/docx-word-fixtures.js';

const p = para;
const bold = (s: string) => run(s, { bold: true });
const field = (label: string, code: string) => p(run(label), wordSplit(`{{${code}}}`));

interface QuestionnaireText {
  title: string;
  bank: string;
  name: string;
  birth: string;
  address: string;
  passport: string;
  amount: string;
  inWords: string;
  term: string;
  married: string;
  purpose: [car: string, home: string, other: string];
  proofs: [payroll: string, statement: string];
  coborrowers: [name: string, birth: string, income: string];
  footer: string;
}

const ES: QuestionnaireText = {
  title: 'SOLICITUD DE CRÉDITO',
  bank: 'Banco',
  name: 'Nombre completo: ',
  birth: 'Fecha de nacimiento: ',
  address: 'Domicilio: ',
  passport: 'Identificación (INE): ',
  amount: 'Monto solicitado: ',
  inWords: 'Importe con letra: ',
  term: 'Plazo (meses): ',
  married: ' Casado(a)',
  purpose: [' Automóvil', ' Vivienda', ' Otro'],
  proofs: [' Recibos de nómina', ' Estados de cuenta'],
  coborrowers: ['Coacreditado', 'Fecha de nacimiento', 'Ingreso mensual'],
  footer: 'Folio ',
};

const RU: QuestionnaireText = {
  title: 'АНКЕТА ЗАЁМЩИКА',
  bank: 'Банк',
  name: 'ФИО: ',
  birth: 'Дата рождения: ',
  address: 'Адрес регистрации: ',
  passport: 'Паспорт: ',
  amount: 'Сумма кредита: ',
  inWords: 'Сумма прописью: ',
  term: 'Срок, мес.: ',
  married: ' Состою в браке',
  purpose: [' Автомобиль', ' Жильё', ' Иное'],
  proofs: [' Справка 2-НДФЛ', ' Выписка по счёту'],
  coborrowers: ['Созаёмщик', 'Дата рождения', 'Доход в месяц'],
  footer: 'Анкета № ',
};

export function questionnaire(lang: 'es' | 'ru', bankName: string): Uint8Array {
  const t = lang === 'es' ? ES : RU;
  const body = [
    p(bold(`${t.title} — ${bankName}`)),
    field(t.name, 'borrower.full_name'),
    p(run(t.birth), wordSplit('{{borrower.birth_date|long}}')),
    field(t.address, 'borrower.address'),
    field(t.passport, 'borrower.passport'),
    field(t.amount, 'loan.amount'),
    p(run(t.inWords), wordSplit('{{loan.amount|words}}')),
    field(t.term, 'loan.term_months'),
    p(checkboxControl('borrower.married'), run(t.married)),
    p(
      checkboxControl('loan.purpose=car'),
      run(t.purpose[0]),
      run('   '),
      checkboxControl('loan.purpose=home'),
      run(t.purpose[1]),
      run('   '),
      legacyCheckbox('purpose_other', 'loan.purpose=other'),
      run(t.purpose[2]),
    ),
    p(
      checkboxControl('borrower.income_proof=payroll'),
      run(t.proofs[0]),
      run('   '),
      legacyCheckbox('proof_statement', 'borrower.income_proof=bank_statement'),
      run(t.proofs[1]),
    ),
    table(
      t.coborrowers.map((h) => [p(bold(h))]),
      [
        [p(wordSplit('{{#each coborrowers}}'), wordSplit('{{name}}'))],
        [p(wordSplit('{{birth_date}}'))],
        [p(wordSplit('{{income}}'), wordSplit('{{/each}}'))],
      ],
    ),
  ].join('');
  return wordDocx({
    body,
    header: p(run(`${t.bank}: ${bankName}`)),
    footer: p(run(t.footer), wordSplit('{{contract.number}}'), run(' — '), wordSplit('{{contract.date}}')),
  });
}

export function contract(lang: 'es' | 'ru'): Uint8Array {
  const es = lang === 'es';
  const body = [
    p(bold(es ? 'CONTRATO DE CRÉDITO SIMPLE No. ' : 'ДОГОВОР ПОТРЕБИТЕЛЬСКОГО ЗАЙМА № '), wordSplit('{{contract.number}}')),
    p(run(es ? 'Fecha: ' : 'Дата: '), wordSplit('{{contract.date|long}}')),
    p(
      run(es ? 'El Acreditado, ' : 'Заёмщик '),
      wordSplit('{{borrower.full_name}}'),
      run(es ? ', con domicilio en ' : ', зарегистрированный по адресу: '),
      wordSplit('{{borrower.address}}'),
      run(es ? ', recibe la cantidad de ' : ', получает сумму '),
      wordSplit('{{loan.amount}}'),
      run(' ('),
      wordSplit('{{loan.amount|words}}'),
      run(es ? '), a pagar en ' : ') на срок '),
      wordSplit('{{loan.term_months}}'),
      run(es ? ' meses.' : ' мес.'),
    ),
    p(run(es ? 'Operación: ' : 'Сделка: '), wordSplit('{{deal.title}}')),
    p(wordSplit('{{#if borrower.married}}')),
    p(run(es ? 'Se adjunta el consentimiento del cónyuge.' : 'Согласие супруга(и) прилагается.')),
    p(wordSplit('{{/if}}')),
    p(run(es ? 'Firma del Acreditado: ____________________' : 'Подпись заёмщика: ____________________')),
  ].join('');
  return wordDocx({ body, footer: p(run(es ? 'Página 1 — Contrato ' : 'Стр. 1 — Договор '), wordSplit('{{contract.number}}')) });
}
