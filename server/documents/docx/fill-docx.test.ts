import { describe, expect, it } from 'vitest';
import {
  SAMPLE_CATALOG,
  checkboxControl,
  docxParts,
  legacyCheckbox,
  para,
  questionnaireDocx,
  run,
  sampleValues,
  table,
  wordDocx,
  wordSplit,
} from '../../../test/support/docx-word-fixtures.js';
import { isAppError } from '../../errors.js';
import type { FieldDef } from './fields.js';
import { fillDocx } from './fill-docx.js';

const catalog = SAMPLE_CATALOG as unknown as FieldDef[];
// Intl groups ru and puts ₽ with no-break spaces (an amount never wraps across lines); read as spaces.
const plainText = (xml: string): string =>
  xml
    .replace(/<w:p[ >]/gu, '\n$&')
    .replace(/<[^>]+>/gu, '')
    .replace(/\u00a0/gu, ' ');

async function filled(template: Uint8Array, values = sampleValues(), lang: 'ru' | 'es' = 'ru') {
  const out = fillDocx(template, values, { lang, catalog });
  return { ...out, parts: await docxParts(out.bytes) };
}

describe('fillDocx on a template written the way Word writes it', () => {
  it('leaves no placeholder in the body, header or footer, whatever runs, proofErr and bookmarks split them', async () => {
    const { parts, missing } = await filled(questionnaireDocx());
    for (const name of ['word/document.xml', 'word/header1.xml', 'word/footer1.xml']) {
      expect(plainText(parts[name] ?? '')).not.toMatch(/\{\{|\}\}/u);
    }
    const body = plainText(parts['word/document.xml'] ?? '');
    expect(body).toContain('ФИО: Иванова Анна Сергеевна, дата рождения: 14 марта 1988 г.');
    expect(body).toContain('Сумма: 150 000,00 ₽ (сто пятьдесят тысяч рублей 00 копеек)');
    expect(plainText(parts['word/header1.xml'] ?? '')).toContain('анкета к договору К-2026/0042');
    expect(plainText(parts['word/footer1.xml'] ?? '')).toContain('Дата: 04.12.2026 — Иванова Анна Сергеевна');
    expect(missing).toEqual([]);
  });

  it('ticks both check box forms: content controls get w14:checked and the ☒/☐ glyph, form fields w:checked', async () => {
    const doc = (await filled(questionnaireDocx())).parts['word/document.xml'] ?? '';
    const controls = [...doc.matchAll(/<w:tag w:val="([^"]+)"\/>.*?<w14:checked w14:val="(\d)"\/>.*?<w:t>(.)<\/w:t>/gu)].map((m) => [
      m[1],
      m[2],
      m[3],
    ]);
    expect(controls).toEqual([
      ['borrower.married', '1', '☒'],
      ['loan.purpose=car', '1', '☒'],
      ['loan.purpose=home', '0', '☐'],
      ['borrower.income_proof=payroll', '1', '☒'],
      ['borrower.income_proof=bank_statement', '0', '☐'],
    ]);
    const legacy = [
      ...doc.matchAll(/<w:statusText w:type="text" w:val="([^"]+)"\/><w:checkBox>.*?<w:checked w:val="(\d)"\/><\/w:checkBox>/gu),
    ].map((m) => [m[1], m[2]]);
    expect(legacy).toEqual([
      ['borrower.married', '1'],
      ['loan.purpose=other', '0'],
    ]);
  });

  it('unticks a box the template saved ticked when the value says no', async () => {
    const template = wordDocx({ body: para(checkboxControl('borrower.married', true), legacyCheckbox('borrower_married')) });
    const catalogWithName: FieldDef[] = [...catalog, { code: 'borrower_married', type: 'bool' }];
    const out = fillDocx(template, { 'borrower.married': false, borrower_married: true }, { lang: 'es', catalog: catalogWithName });
    const doc = (await docxParts(out.bytes))['word/document.xml'] ?? '';
    expect(doc).toContain('<w14:checked w14:val="0"/>');
    expect(doc).toContain('<w:t>☐</w:t>');
    expect(doc).toMatch(/<w:default w:val="0"\/><w:checked w:val="1"\/>/u);
  });

  it.each([0, 1, 3, 40])('repeats the co-borrower row once per item (%i items), keeping the header row', async (n) => {
    const coborrowers = Array.from({ length: n }, (_, i) => ({
      name: `Co ${i + 1}`,
      birth_date: '1990-01-01',
      income: { amount: '1000', currency: 'RUB' },
    }));
    const { parts, missing } = await filled(questionnaireDocx(), sampleValues({ coborrowers }));
    const doc = parts['word/document.xml'] ?? '';
    const rows = doc.match(/<w:tr[ >]/gu) ?? [];
    expect(rows).toHaveLength(1 + n);
    for (let i = 1; i <= n; i++) expect(plainText(doc)).toContain(`Co ${i}`);
    expect(missing).toEqual([]);
  });

  it('keeps or drops conditional paragraphs and inline text', async () => {
    const married = plainText((await filled(questionnaireDocx())).parts['word/document.xml'] ?? '');
    expect(married).toContain('Согласие супруга(и) прилагается.');
    expect(married).toContain('Цель: автомобиль');
    expect(married).not.toContain('другое');
    const single = plainText(
      (await filled(questionnaireDocx(), sampleValues({ 'borrower.married': false, 'loan.purpose': 'home' }))).parts['word/document.xml'] ??
        '',
    );
    expect(single).not.toContain('Согласие супруга');
    expect(single).toContain('Цель: другое');
    expect(single).not.toContain('автомобиль');
  });

  it('repeats whole paragraphs for a list outside a table and drops the paragraphs that only held the tags', async () => {
    const doc = (await filled(questionnaireDocx())).parts['word/document.xml'] ?? '';
    expect(plainText(doc).match(/Прежний кредит: Банк [АБ]/gu)).toEqual(['Прежний кредит: Банк А', 'Прежний кредит: Банк Б']);
    expect(
      doc.match(
        /<w:p [^>]*>(?:<w:pPr>.*?<\/w:pPr>)?(?:<w:r [^>]*><w:t xml:space="preserve"><\/w:t><\/w:r>|<w:proofErr[^>]*\/>|<w:bookmark[^>]*\/>)*<\/w:p>/gu,
      ) ?? [],
    ).toEqual([]);
  });

  it('writes money and dates in the document language, amounts in words in es', async () => {
    const template = wordDocx({
      body: para(
        run('Monto: '),
        wordSplit('{{loan.amount}}'),
        run(' ('),
        wordSplit('{{loan.amount|words}}'),
        run('), fecha '),
        wordSplit('{{contract.date|long}}'),
        run(' / '),
        wordSplit('{{contract.date}}'),
      ),
    });
    const values = sampleValues({ 'loan.amount': { amount: '150000', currency: 'MXN' } });
    const doc = plainText((await filled(template, values, 'es')).parts['word/document.xml'] ?? '');
    expect(doc).toContain('Monto: $150,000.00 (ciento cincuenta mil pesos 00/100 M.N.), fecha 4 de diciembre de 2026 / 04/12/2026');
  });

  it('turns line breaks of a value into w:br in the same run and escapes what would break the XML', async () => {
    const template = wordDocx({ body: para(wordSplit('{{borrower.address}}')) + para(wordSplit('{{borrower.full_name}}')) });
    const doc =
      (await filled(template, sampleValues({ 'borrower.full_name': 'A & B <b>"x"</b>\u0001\u0007 ok' }))).parts['word/document.xml'] ?? '';
    expect(doc).toMatch(/г\. Москва,<\/w:t><w:br\/><w:t xml:space="preserve">ул\. Тверская/u);
    expect(doc).toContain('A &amp; B &lt;b&gt;&quot;x&quot;&lt;/b&gt; ok');
  });

  it('reports values the template uses and the application does not have yet, leaving their place empty', async () => {
    const { parts, missing } = await filled(questionnaireDocx(), { 'borrower.full_name': 'Ana' });
    expect(missing).toEqual(expect.arrayContaining(['contract.number', 'loan.amount', 'coborrowers', 'borrower.married', 'loan.purpose']));
    expect(plainText(parts['word/document.xml'] ?? '')).not.toContain('{{');
  });

  it('gives the same bytes for the same template and values, and after the catalog gains, loses or relabels other fields', () => {
    const template = questionnaireDocx();
    const v1: FieldDef[] = [...catalog, { code: 'borrower.email', type: 'text' }];
    const values = { ...sampleValues(), 'borrower.email': 'ana@example.com' };
    const first = fillDocx(template, values, { lang: 'ru', catalog: v1 }).bytes;
    const again = fillDocx(template, values, { lang: 'ru', catalog: v1 }).bytes;
    expect(Buffer.from(again).equals(Buffer.from(first))).toBe(true);
    // v2: e-mail removed, a phone added, an option relabelled and one more option offered.
    const proof = catalog.find((d) => d.code === 'borrower.income_proof')!;
    const v2: FieldDef[] = [
      ...catalog.filter((d) => d !== proof),
      {
        ...proof,
        options: [{ value: 'payroll', label: { ru: 'справка о доходах' } }, { value: 'bank_statement' }, { value: 'tax_return' }],
      },
      { code: 'borrower.phone', type: 'text' },
    ];
    const regenerated = fillDocx(template, { ...values, 'borrower.phone': '+7 900 000-00-00' }, { lang: 'ru', catalog: v2 }).bytes;
    expect(Buffer.from(regenerated).equals(Buffer.from(first))).toBe(true);
  });

  it('refuses a value of the wrong type with the field code, in the user language, before anything is made', () => {
    const attempt = (values: Record<string, unknown>, userLang: 'ru' | 'es' | 'en') => {
      try {
        fillDocx(questionnaireDocx(), values, { lang: 'ru', catalog, userLang });
      } catch (e) {
        return e;
      }
      throw new Error('no error');
    };
    const money = attempt(sampleValues({ 'loan.amount': 150000.5 }), 'ru');
    expect(isAppError(money) && money.code).toBe('DOCUMENT_VALUE_TYPE');
    expect(isAppError(money) && money.userMessage).toBe('Поле loan.amount должно быть: сумма, например 150 000,00.');
    const date = attempt(sampleValues({ 'contract.date': '2026-02-30' }), 'es');
    expect(isAppError(date) && date.userMessage).toBe('El campo contract.date debe ser: una fecha que exista, p. ej. 31/12/1985.');
    const row = attempt(sampleValues({ coborrowers: [{ name: 'A', income: { amount: '1.005', currency: 'RUB' } }] }), 'en');
    expect(isAppError(row) && row.details).toEqual({ code: 'coborrowers[1].income', expected: 'money' });
    const choice = attempt(sampleValues({ 'loan.purpose': 'yacht' }), 'en');
    expect(isAppError(choice) && choice.status).toBe(422);
  });

  it('refuses to fill a placeholder the catalog version does not know', () => {
    const template = wordDocx({ body: para(wordSplit('{{borrower.nickname}}')) + table([[para(run('x'))]]) });
    expect(() => fillDocx(template, sampleValues(), { lang: 'en', catalog })).toThrow(
      expect.objectContaining({ code: 'TEMPLATE_INVALID' }),
    );
  });
});
