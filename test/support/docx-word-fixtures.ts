// .docx templates written the way Word writes them, built in code so each test shows the XML it
// relies on: runs split by spell-check (w:proofErr) and bookmarks in the middle of a placeholder,
// revision ids on every run, check boxes as Word 2010 content controls (w14:checkbox) and as legacy
// FORMCHECKBOX form fields, tables with a header row, a header and a footer part.
import { zipSync, type Zippable } from 'fflate';

const NS = [
  'xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas"',
  'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"',
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"',
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"',
  'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"',
  'mc:Ignorable="w14"',
].join(' ');

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';

let rsid = 0x00a1b2c3;
const nextRsid = (): string => (rsid++).toString(16).toUpperCase().padStart(8, '0');

function esc(s: string): string {
  return s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');
}

/** One run as Word writes it: revision id, run properties, text with preserved spaces. */
export function run(text: string, opts: { bold?: boolean; font?: string } = {}): string {
  const props = [opts.font ? `<w:rFonts w:ascii="${opts.font}" w:hAnsi="${opts.font}"/>` : '', opts.bold ? '<w:b/><w:bCs/>' : ''].join('');
  return `<w:r w:rsidR="${nextRsid()}">${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;
}

/**
 * A placeholder the way Word stores it after typing and a spell-check pass: braces in their own runs,
 * the code cut where the red squiggle starts (proofErr) and a bookmark dropped in the middle.
 */
export function wordSplit(placeholder: string): string {
  const inner = placeholder.slice(2, -2);
  const cut = Math.max(1, Math.floor(inner.length / 2));
  return [
    run('{'),
    '<w:proofErr w:type="spellStart"/>',
    run(`{${inner.slice(0, cut)}`, { bold: true }),
    `<w:bookmarkStart w:id="${rsid % 1000}" w:name="_GoBack"/><w:bookmarkEnd w:id="${rsid % 1000}"/>`,
    run(inner.slice(cut)),
    '<w:proofErr w:type="spellEnd"/>',
    run('}'),
    run('}'),
  ].join('');
}

export function para(...content: string[]): string {
  const id = nextRsid();
  return `<w:p w:rsidR="${id}" w:rsidRDefault="${id}" w:rsidP="${id}"><w:pPr><w:spacing w:after="0"/></w:pPr>${content.join('')}</w:p>`;
}

/** Word 2010+ "Check Box Content Control" with its Tag set to `tag`. */
export function checkboxControl(tag: string, checked = false): string {
  return (
    `<w:sdt><w:sdtPr><w:rPr><w:rFonts w:ascii="MS Gothic" w:eastAsia="MS Gothic" w:hAnsi="MS Gothic"/></w:rPr>` +
    `<w:tag w:val="${esc(tag)}"/><w:id w:val="-${1000 + (rsid % 9000)}"/>` +
    `<w14:checkbox><w14:checked w14:val="${checked ? 1 : 0}"/><w14:checkedState w14:val="2612" w14:font="MS Gothic"/>` +
    `<w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/></w14:checkbox></w:sdtPr>` +
    `<w:sdtContent><w:r><w:rPr><w:rFonts w:ascii="MS Gothic" w:eastAsia="MS Gothic" w:hAnsi="MS Gothic" w:hint="eastAsia"/></w:rPr>` +
    `<w:t>${checked ? '☒' : '☐'}</w:t></w:r></w:sdtContent></w:sdt>`
  );
}

/** A legacy form check box (Developer → Legacy Tools) named `name`, with an optional status-bar text. */
export function legacyCheckbox(name: string, statusText?: string): string {
  const id = rsid % 1000;
  return (
    `<w:bookmarkStart w:id="${id}" w:name="${esc(name)}"/>` +
    `<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="${esc(name)}"/><w:enabled/><w:calcOnExit w:val="0"/>` +
    (statusText ? `<w:statusText w:type="text" w:val="${esc(statusText)}"/>` : '') +
    `<w:checkBox><w:sizeAuto/><w:default w:val="0"/></w:checkBox></w:ffData></w:fldChar></w:r>` +
    `<w:r><w:instrText xml:space="preserve"> FORMCHECKBOX </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>` +
    `<w:bookmarkEnd w:id="${id}"/>`
  );
}

export function table(...rows: string[][][]): string {
  const cols = rows[0]?.length ?? 1;
  const grid = Array.from({ length: cols }, () => '<w:gridCol w:w="3000"/>').join('');
  const body = rows
    .map(
      (cells) =>
        `<w:tr w:rsidR="${nextRsid()}">` +
        cells.map((paras) => `<w:tc><w:tcPr><w:tcW w:w="3000" w:type="dxa"/></w:tcPr>${paras.join('')}</w:tc>`).join('') +
        '</w:tr>',
    )
    .join('');
  return `<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>${grid}</w:tblGrid>${body}</w:tbl>`;
}

export interface WordDocOptions {
  body: string;
  header?: string;
  footer?: string;
  /** Extra relationships of the main document (raw <Relationship/> elements). */
  documentRels?: string;
  /** Extra entries, e.g. a vbaProject.bin. */
  extraParts?: Record<string, Uint8Array | string>;
  contentTypeMain?: string;
}

const MAIN_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';

export function wordDocx(o: WordDocOptions): Uint8Array {
  const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
  const sect =
    `<w:sectPr w:rsidR="${nextRsid()}">` +
    (o.header ? '<w:headerReference w:type="default" r:id="rId8"/>' : '') +
    (o.footer ? '<w:footerReference w:type="default" r:id="rId9"/>' : '') +
    '<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr>';
  const files: Zippable = {
    '[Content_Types].xml': enc(
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        `<Override PartName="/word/document.xml" ContentType="${o.contentTypeMain ?? MAIN_TYPE}"/>` +
        '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>' +
        '<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>' +
        '</Types>',
    ),
    '_rels/.rels': enc(
      `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
        '</Relationships>',
    ),
    'word/document.xml': enc(`${XML_HEAD}<w:document ${NS}><w:body>${o.body}${sect}</w:body></w:document>`),
    'word/_rels/document.xml.rels': enc(
      `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        (o.header
          ? '<Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>'
          : '') +
        (o.footer
          ? '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>'
          : '') +
        (o.documentRels ?? '') +
        '</Relationships>',
    ),
  };
  if (o.header) files['word/header1.xml'] = enc(`${XML_HEAD}<w:hdr ${NS}>${o.header}</w:hdr>`);
  if (o.footer) files['word/footer1.xml'] = enc(`${XML_HEAD}<w:ftr ${NS}>${o.footer}</w:ftr>`);
  for (const [name, data] of Object.entries(o.extraParts ?? {})) files[name] = typeof data === 'string' ? enc(data) : data;
  return zipSync(files);
}

/** Every XML part of a .docx as text, for assertions on what was produced. */
export async function docxParts(bytes: Uint8Array): Promise<Record<string, string>> {
  const { unzipSync } = await import('fflate');
  const out: Record<string, string> = {};
  for (const [name, data] of Object.entries(unzipSync(bytes))) {
    if (name.endsWith('.xml') || name.endsWith('.rels')) out[name] = new TextDecoder().decode(data);
  }
  return out;
}

/** A small catalog in the shape the filler takes (server/documents/docx/fields.ts). */
export const SAMPLE_CATALOG = [
  { code: 'borrower.full_name', type: 'text' },
  { code: 'borrower.birth_date', type: 'date' },
  { code: 'borrower.address', type: 'text' },
  { code: 'borrower.married', type: 'bool' },
  {
    code: 'borrower.income_proof',
    type: 'multi',
    options: [
      { value: 'payroll', label: { ru: 'справка 2-НДФЛ', es: 'recibos de nómina', en: 'payroll' } },
      { value: 'bank_statement', label: { ru: 'выписка', es: 'estado de cuenta', en: 'bank statement' } },
    ],
  },
  { code: 'loan.amount', type: 'money' },
  { code: 'loan.term_months', type: 'number' },
  { code: 'loan.purpose', type: 'choice', options: [{ value: 'car' }, { value: 'home' }, { value: 'other' }] },
  { code: 'contract.number', type: 'text' },
  { code: 'contract.date', type: 'date' },
  {
    code: 'coborrowers',
    type: 'list',
    item: [
      { code: 'name', type: 'text' },
      { code: 'birth_date', type: 'date' },
      { code: 'income', type: 'money' },
    ],
  },
  { code: 'previous_loans', type: 'list', item: [{ code: 'lender', type: 'text' }] },
] as const;

export function sampleValues(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    'borrower.full_name': 'Иванова Анна Сергеевна',
    'borrower.birth_date': '1988-03-14',
    'borrower.address': 'г. Москва,\nул. Тверская, д. 1, кв. 5',
    'borrower.married': true,
    'borrower.income_proof': ['payroll'],
    'loan.amount': { amount: '150000.00', currency: 'RUB' },
    'loan.term_months': '12',
    'loan.purpose': 'car',
    'contract.number': 'К-2026/0042',
    'contract.date': '2026-12-04',
    coborrowers: [
      { name: 'Иванов Пётр', birth_date: '1985-01-02', income: { amount: '85000.50', currency: 'RUB' } },
      { name: 'Сидорова Мария', birth_date: '1990-07-21', income: { amount: '64000', currency: 'RUB' } },
      { name: 'Петров Олег', birth_date: '1979-11-30', income: { amount: '120000', currency: 'RUB' } },
    ],
    previous_loans: [{ lender: 'Банк А' }, { lender: 'Банк Б' }],
    ...overrides,
  };
}

/** A bank questionnaire with every construct the filler supports, placeholders split as Word does. */
export function questionnaireDocx(): Uint8Array {
  const p = (...s: string[]): string => para(...s);
  const body = [
    p(run('Анкета заёмщика № ', { bold: true }), wordSplit('{{contract.number}}')),
    p(run('ФИО: '), wordSplit('{{borrower.full_name}}'), run(', дата рождения: '), wordSplit('{{borrower.birth_date|long}}')),
    p(run('Адрес: '), wordSplit('{{borrower.address}}')),
    p(run('Сумма: '), wordSplit('{{loan.amount}}'), run(' ('), wordSplit('{{loan.amount|words}}'), run(')')),
    p(run('Срок, мес.: '), wordSplit('{{loan.term_months}}')),
    p(checkboxControl('borrower.married'), run(' состою в браке   '), legacyCheckbox('Check1', 'borrower.married'), run(' (форма)')),
    p(
      checkboxControl('loan.purpose=car'),
      run(' авто  '),
      checkboxControl('loan.purpose=home'),
      run(' жильё  '),
      legacyCheckbox('purpose_other', 'loan.purpose=other'),
      run(' иное'),
    ),
    p(
      checkboxControl('borrower.income_proof=payroll'),
      run(' 2-НДФЛ  '),
      checkboxControl('borrower.income_proof=bank_statement'),
      run(' выписка'),
    ),
    p(
      run('Цель: '),
      wordSplit('{{#if loan.purpose == car}}'),
      run('автомобиль'),
      wordSplit('{{/if}}'),
      wordSplit('{{#if loan.purpose != car}}'),
      run('другое'),
      wordSplit('{{/if}}'),
    ),
    table(
      [[p(run('Созаёмщик', { bold: true }))], [p(run('Дата рождения', { bold: true }))], [p(run('Доход', { bold: true }))]],
      [
        [p(wordSplit('{{#each coborrowers}}'), wordSplit('{{name}}'))],
        [p(wordSplit('{{birth_date}}'))],
        [p(wordSplit('{{income}}'), wordSplit('{{/each}}'))],
      ],
    ),
    p(wordSplit('{{#if borrower.married}}')),
    p(run('Согласие супруга(и) прилагается.')),
    p(wordSplit('{{/if}}')),
    p(wordSplit('{{#each previous_loans}}')),
    p(run('Прежний кредит: '), wordSplit('{{lender}}')),
    p(wordSplit('{{/each}}')),
  ].join('');
  return wordDocx({
    body,
    header: p(run('Банк: анкета к договору '), wordSplit('{{contract.number}}')),
    footer: p(run('Дата: '), wordSplit('{{contract.date}}'), run(' — '), wordSplit('{{borrower.full_name}}')),
  });
}
