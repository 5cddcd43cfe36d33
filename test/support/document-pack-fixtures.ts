// A catalog, values and templates for document-pack tests: the Word-like fixtures' sample catalog as
// the app's catalog fields (labels in three languages, a section), one field read from the deal, a
// bank questionnaire (ru) and a contract with the amount in words (es).
import { SAMPLE_CATALOG, para, questionnaireDocx, run, sampleValues, wordDocx, wordSplit, checkboxControl } from './docx-word-fixtures.js';

interface Sample {
  code: string;
  type: string;
  options?: readonly { value: string; label?: Record<string, string> }[];
  item?: readonly Sample[];
}

const labels = (code: string) => ({ en: code, ru: `${code} (ru)`, es: `${code} (es)` });

function asCatalogField(f: Sample): Record<string, unknown> {
  return {
    code: f.code,
    label: labels(f.code),
    type: f.type,
    section: f.code.split('.')[0] ?? 'main',
    ...(f.options
      ? { options: f.options.map((o) => ({ value: o.value, label: { en: o.value, ru: o.value, es: o.value, ...o.label } })) }
      : {}),
    ...(f.item ? { item: f.item.map(asCatalogField) } : {}),
  };
}

/**
 * The sample catalog plus `deal.title`, `borrower.phone` and `employer.name`/`employer.rfc`, read from the deal,
 * its contact and its company (a standard and a user field) when the application has no value.
 */
export function packCatalog(extra: Record<string, unknown>[] = []): Record<string, unknown>[] {
  return [
    ...(SAMPLE_CATALOG as unknown as Sample[]).map(asCatalogField),
    { code: 'deal.title', label: labels('deal.title'), type: 'text', section: 'deal', source: { kind: 'deal', field: 'TITLE' } },
    {
      code: 'borrower.phone',
      label: labels('borrower.phone'),
      type: 'text',
      section: 'borrower',
      source: { kind: 'contact', field: 'PHONE' },
    },
    {
      code: 'employer.name',
      label: labels('employer.name'),
      type: 'text',
      section: 'employer',
      source: { kind: 'company', field: 'TITLE' },
    },
    {
      code: 'employer.rfc',
      label: labels('employer.rfc'),
      type: 'text',
      section: 'employer',
      source: { kind: 'company', field: 'UF_CRM_RFC' },
    },
    ...extra,
  ];
}

export const packValues = sampleValues;

export function bankQuestionnaire(): Uint8Array {
  return questionnaireDocx();
}

/** A contract in Spanish: the amount in figures and in words, the term, a check box, the deal's title and company. */
export function contractEs(title = 'CONTRATO DE CRÉDITO'): Uint8Array {
  return wordDocx({
    body: [
      para(run(title, { bold: true })),
      para(run('Número: '), wordSplit('{{contract.number}}'), run(' — Operación: '), wordSplit('{{deal.title}}')),
      para(run('Acreditado: '), wordSplit('{{borrower.full_name}}')),
      para(run('Empresa: '), wordSplit('{{employer.name}}'), run(' — RFC: '), wordSplit('{{employer.rfc}}')),
      para(run('Importe: '), wordSplit('{{loan.amount}}'), run(' ('), wordSplit('{{loan.amount|words}}'), run(')')),
      para(run('Plazo (meses): '), wordSplit('{{loan.term_months}}')),
      para(checkboxControl('borrower.married'), run(' Casado(a)')),
    ].join(''),
  });
}
