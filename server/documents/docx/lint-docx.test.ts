import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  SAMPLE_CATALOG,
  checkboxControl,
  para,
  questionnaireDocx,
  run,
  table,
  wordDocx,
  wordSplit,
} from '../../../test/support/docx-word-fixtures.js';
import { isAppError, type AppError } from '../../errors.js';
import type { FieldDef } from './fields.js';
import { fillDocx } from './fill-docx.js';
import { checkTemplate, lintDocx } from './lint-docx.js';

const catalog = SAMPLE_CATALOG as unknown as FieldDef[];

function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    if (isAppError(e)) return e;
    throw e;
  }
  throw new Error('not refused');
}

describe('lintDocx', () => {
  it('lists every placeholder, list, condition and checkbox of a Word-made template', () => {
    const report = checkTemplate(questionnaireDocx(), catalog, 'en');
    expect(report.problems).toEqual([]);
    expect(report.placeholders).toContainEqual({ code: 'loan.amount', format: 'words', count: 1 });
    expect(report.placeholders).toContainEqual({ code: 'borrower.full_name', count: 2 });
    expect(report.placeholders).toContainEqual({ code: 'name', count: 1 });
    expect(report.lists).toEqual(['coborrowers', 'previous_loans']);
    expect(report.conditions).toEqual(['borrower.married', 'loan.purpose']);
    expect(report.checkboxes).toContain('loan.purpose=other');
    expect(report.parts).toEqual(['word/document.xml', 'word/header1.xml', 'word/footer1.xml']);
  });

  it('refuses unknown codes with the nearest valid one, in the admin language', () => {
    const template = wordDocx({
      body: para(wordSplit('{{borower.full_name}}')) + para(checkboxControl('loan.purpose=cra')),
      footer: para(wordSplit('{{contract.nubmer}}')),
    });
    const report = lintDocx(template, catalog, 'en');
    expect(report.problems).toEqual([
      {
        kind: 'unknown-code',
        code: 'borower.full_name',
        text: '{{borower.full_name}}',
        suggestion: 'borrower.full_name',
        part: 'word/document.xml',
      },
      { kind: 'unknown-code', code: 'loan.purpose=cra', text: 'loan.purpose=cra', suggestion: 'car', part: 'word/document.xml' },
      {
        kind: 'unknown-code',
        code: 'contract.nubmer',
        text: '{{contract.nubmer}}',
        suggestion: 'contract.number',
        part: 'word/footer1.xml',
      },
    ]);
    const e = refusal(() => checkTemplate(template, catalog, 'es'));
    expect(e.code).toBe('TEMPLATE_INVALID');
    expect(e.userMessage).toBe(
      'La plantilla tiene 3 problema(s): {{borower.full_name}} — campo desconocido (¿quiso decir borrower.full_name?). La lista completa está en los detalles.',
    );
    expect(refusal(() => checkTemplate(template, catalog, 'ru')).userMessage).toContain('возможно, имелось в виду borrower.full_name');
  });

  it('inside a list, the item codes are known and the nearest is taken from them too', () => {
    const template = wordDocx({ body: table([[para(wordSplit('{{#each coborrowers}}'), wordSplit('{{nmae}}'), wordSplit('{{/each}}'))]]) });
    expect(lintDocx(template, catalog, 'en').problems).toEqual([expect.objectContaining({ code: 'nmae', suggestion: 'name' })]);
  });

  it('reports unsupported constructs and broken structure', () => {
    const mergeField =
      '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> MERGEFIELD  Nombre  \\* MERGEFORMAT </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>';
    const template = wordDocx({
      body: [
        para(mergeField),
        para(wordSplit('{{#if borrower.married}}')),
        para(run('never closed')),
        para(wordSplit('{{loan.amount|long}}'), run(' '), wordSplit('{{coborrowers}}')),
        para(wordSplit('{{#each coborrowers}}'), run('x'), wordSplit('{{/each}}')),
        table([[para(wordSplit('{{#each contract.number}}'), run('x'), wordSplit('{{/each}}'))]]),
        para(run('{{ half')),
        para(wordSplit('{{/if}}'), wordSplit('{{/each}}')),
      ].join(''),
    });
    const kinds = lintDocx(template, catalog, 'en').problems.map((p) => `${p.kind}: ${p.text}`);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'unsupported: MERGEFIELD  Nombre  \\* MERGEFORMAT',
        'bad-format: {{loan.amount|long}}',
        'list-as-value: {{coborrowers}}',
        'not-a-list: {{#each contract.number}}',
        'inline-each: {{#each coborrowers}}',
        'bad-placeholder: {{ half',
        'stray-close: {{/each}}',
      ]),
    );
  });

  it('words every problem in the admin language, the construct as written beside it', () => {
    const field = (code: string) =>
      `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> ${code} </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`;
    const template = wordDocx({ body: para(field('MERGEFIELD Nombre')) + para(field('IF {{borrower.married}} "x"')) });
    for (const [lang, words] of [
      ['ru', ['MERGEFIELD Nombre — поле слияния Word не поддерживается: пишите {{код}}', 'метка внутри кода поля Word не поддерживается']],
      [
        'es',
        [
          'MERGEFIELD Nombre — un campo de combinación de Word no se admite: escriba {{código}}',
          'un marcador dentro de un código de campo',
        ],
      ],
    ] as const) {
      const e = refusal(() => checkTemplate(template, catalog, lang));
      const messages = (e.details?.problems as { message: string }[]).map((p) => p.message);
      expect(messages[0]).toBe(words[0]);
      expect(messages[1]).toContain(words[1]);
      expect(e.userMessage).toContain(words[0]);
      // No English sentence leaks into either language.
      for (const m of [...messages, e.userMessage]) expect(m).not.toMatch(/instead|not supported|inside a field/u);
    }
  });

  it('reports a block opened and never closed', () => {
    const template = wordDocx({ body: para(wordSplit('{{#if borrower.married}}')) + para(run('text')) });
    expect(lintDocx(template, catalog, 'en').problems).toEqual([
      { kind: 'unclosed-block', text: '{{#if borrower.married}}', part: 'word/document.xml' },
    ]);
  });

  it('accepts a plain https hyperlink but refuses outside content: linked pictures, remote templates', () => {
    const link =
      '<Relationship Id="rId20" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://banco.example/aviso" TargetMode="External"/>';
    expect(lintDocx(wordDocx({ body: para(run('x')), documentRels: link }), catalog, 'en').problems).toEqual([]);
    const picture =
      '<Relationship Id="rId21" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="http://tracker.example/p.png" TargetMode="External"/>';
    const e = refusal(() => lintDocx(wordDocx({ body: para(run('x')), documentRels: picture }), catalog, 'ru'));
    expect(e.code).toBe('TEMPLATE_EXTERNAL_LINK');
    expect(e.userMessage).toContain('(http://tracker.example/p.png)');
    const smb =
      '<Relationship Id="rId22" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="file://server/share/x" TargetMode="External"/>';
    expect(refusal(() => lintDocx(wordDocx({ body: para(run('x')), documentRels: smb }), catalog, 'en')).code).toBe(
      'TEMPLATE_EXTERNAL_LINK',
    );
  });

  it('refuses macros: a .docm main part, or a vbaProject.bin slipped into a .docx', () => {
    const docm = wordDocx({ body: para(run('x')), contentTypeMain: 'application/vnd.ms-word.document.macroEnabled.main+xml' });
    expect(refusal(() => lintDocx(docm, catalog, 'es')).userMessage).toBe(
      'La plantilla contiene macros; no se aceptan archivos con macros (.docm). Guárdela como «Documento de Word (*.docx)».',
    );
    const smuggled = wordDocx({ body: para(run('x')), extraParts: { 'word/vbaProject.bin': new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]) } });
    expect(refusal(() => fillDocx(smuggled, {}, { lang: 'ru', catalog })).code).toBe('TEMPLATE_MACROS');
  });

  it('refuses a zip bomb by its ratio, and an entry that lies about its size, without inflating it', () => {
    const bomb = wordDocx({ body: para(run('x')), extraParts: { 'word/media/zeros.bin': new Uint8Array(50 * 1024 * 1024) } });
    expect(bomb.length).toBeLessThan(200 * 1024);
    const e = refusal(() => lintDocx(bomb, catalog, 'en'));
    expect(e.code).toBe('TEMPLATE_ZIP_BOMB');
    // The reader's own reason is for support (details, the log), not the admin's sentence.
    expect(e.details).toMatchObject({ reason: expect.stringMatching(/word\/media\/zeros\.bin ratio \d+:1/u) });
    expect(e.userMessage).toBe('The file unpacks to far more data than a document needs. Save it again from Word as a new .docx.');

    // The same entry declaring 1 000 bytes in both headers: it comes out cut, and is refused as damaged.
    const liar = Buffer.from(zipSync({ ...Object.fromEntries([['a.xml', new Uint8Array(8 * 1024 * 1024)]]) }));
    for (let at = 0; at < liar.length - 4; at++) {
      const sig = liar.readUInt32LE(at);
      if (sig === 0x04034b50) liar.writeUInt32LE(1000, at + 22);
      if (sig === 0x02014b50) liar.writeUInt32LE(1000, at + 24);
    }
    expect(refusal(() => lintDocx(liar, catalog, 'en')).code).toBe('TEMPLATE_NOT_DOCX');
  });

  it('refuses a 30 MB template by its size and what is not a .docx at all', () => {
    const big = new Uint8Array(30 * 1024 * 1024);
    big.set([0x50, 0x4b, 0x03, 0x04]);
    const e = refusal(() => lintDocx(big, catalog, 'ru'));
    expect(e.code).toBe('TEMPLATE_TOO_LARGE');
    expect(e.status).toBe(413);
    expect(e.userMessage).toBe(
      'Шаблон весит 30.0 МБ, допускается не больше 10.0 МБ. Сожмите рисунки в Word (Файл → Сжать рисунки) и загрузите снова.',
    );
    // Not a zip, in the admin's language only: no "(not a zip)" from the reader in the sentence.
    const pdf = new TextEncoder().encode('%PDF-1.7');
    expect(refusal(() => lintDocx(pdf, catalog, 'ru')).userMessage).toBe(
      'Это не документ Word .docx. Откройте его в Word и сохраните как «Документ Word (*.docx)».',
    );
    expect(refusal(() => lintDocx(pdf, catalog, 'es')).userMessage).toBe(
      'No es un documento de Word .docx. Ábralo en Word y guárdelo como «Documento de Word (*.docx)».',
    );
    expect(refusal(() => lintDocx(pdf, catalog, 'en')).details).toEqual({ reason: 'not a zip' });
    const doc97 = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(refusal(() => lintDocx(doc97, catalog, 'ru')).userMessage).toContain('(старый .doc или файл, защищённый паролем)');
    const noWord = zipSync({
      '[Content_Types].xml': new TextEncoder().encode('<Types/>'),
      '_rels/.rels': new TextEncoder().encode('<Relationships/>'),
    });
    expect(refusal(() => lintDocx(noWord, catalog, 'en')).code).toBe('TEMPLATE_NOT_DOCX');
  });
});
