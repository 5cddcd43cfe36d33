// The field catalog as admins edit it (issue 15, item 1): a code, labels in ru/en/es, a type, a
// section, validation, and an optional source in Bitrix24 or the loan. A published version is frozen
// JSON of these; the filler sees them through toFillerFields.
import { localizedError, type UserLanguage } from '../../errors.js';
import type { FieldDef } from '../docx/fields.js';
import { LOAN_FIGURES } from '../../../wire/document-catalog.js';
import { MAX_OPTIONS, type CatalogField, type CatalogType } from './catalog-schema.js';

export type { CatalogField, CatalogItemField, CatalogType } from './catalog-schema.js';

/** Kept encrypted at rest in an application's values (issue 15: document numbers, addresses). */
export const SENSITIVE_TYPES: ReadonlySet<CatalogType> = new Set(['person', 'address', 'document_number']);

export type Labels = Record<UserLanguage, string>;

export const MAX_CATALOG_FIELDS = 3000;
const CODE = /^[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)*$/u;
const DECIMAL = /^-?\d{1,18}(?:\.\d{1,12})?$/u;
const LANGS: readonly UserLanguage[] = ['ru', 'en', 'es'];

const PROBLEMS = {
  code: {
    en: 'the code must be lower-case words joined by dots (borrower.first_name)',
    ru: 'код — слова латиницей через точку (borrower.first_name)',
    es: 'el código son palabras en minúsculas unidas por puntos (borrower.first_name)',
  },
  duplicate: { en: 'the code is used twice', ru: 'код повторяется', es: 'el código se repite' },
  label: {
    en: 'a label is needed in Russian, English and Spanish',
    ru: 'нужна подпись на русском, английском и испанском',
    es: 'se necesita la etiqueta en ruso, inglés y español',
  },
  options: {
    en: 'a choice needs distinct options',
    ru: 'для выбора нужны разные варианты',
    es: 'una opción múltiple necesita opciones distintas',
  },
  item: {
    en: 'a list needs its item fields, and no list inside',
    ru: 'списку нужны поля строки, без вложенных списков',
    es: 'una lista necesita sus campos, sin listas dentro',
  },
  validation: { en: 'the limits do not fit the type', ru: 'ограничения не подходят к типу', es: 'los límites no corresponden al tipo' },
  section: { en: 'a section is needed', ru: 'нужен раздел', es: 'se necesita una sección' },
  loan: {
    en: `a loan figure is one of: ${LOAN_FIGURES.join(', ')}`,
    ru: `показатель займа — один из: ${LOAN_FIGURES.join(', ')}`,
    es: `una cifra del préstamo es una de: ${LOAN_FIGURES.join(', ')}`,
  },
  size: {
    en: `at most ${MAX_CATALOG_FIELDS} fields`,
    ru: `не больше ${MAX_CATALOG_FIELDS} полей`,
    es: `como máximo ${MAX_CATALOG_FIELDS} campos`,
  },
} satisfies Record<string, Labels>;

/** Refuses a catalog an admin cannot publish; the first problem is named with its field. */
export function validateCatalog(fields: readonly CatalogField[], lang: UserLanguage): void {
  if (fields.length > MAX_CATALOG_FIELDS) throw invalid(lang, '—', 'size');
  checkLevel(fields, lang, '', true);
}

function checkLevel(fields: readonly CatalogField[], lang: UserLanguage, prefix: string, top: boolean): void {
  const seen = new Set<string>();
  for (const f of fields) {
    const where = prefix + (f.code || '?');
    if (!CODE.test(f.code)) throw invalid(lang, where, 'code');
    if (seen.has(f.code)) throw invalid(lang, where, 'duplicate');
    seen.add(f.code);
    if (!LANGS.every((l) => typeof f.label?.[l] === 'string' && f.label[l].trim() !== '')) throw invalid(lang, where, 'label');
    if (top && !f.section?.trim()) throw invalid(lang, where, 'section');
    if (f.type === 'choice' || f.type === 'multi') {
      const values = (f.options ?? []).map((o) => o.value);
      if (values.length === 0 || values.length > MAX_OPTIONS || new Set(values).size !== values.length || values.some((v) => !v.trim())) {
        throw invalid(lang, where, 'options');
      }
      if (!(f.options ?? []).every((o) => LANGS.every((l) => o.label[l].trim() !== ''))) throw invalid(lang, where, 'label');
    }
    if (f.type === 'list') {
      if (!top || !f.item || f.item.length === 0) throw invalid(lang, where, 'item');
      checkLevel(f.item, lang, `${f.code}.`, false);
    } else if (f.item) throw invalid(lang, where, 'item');
    checkValidation(f, lang, where);
    if (f.source?.kind === 'loan' && !(LOAN_FIGURES as readonly string[]).includes(f.source.field)) throw invalid(lang, where, 'loan');
  }
}

function checkValidation(f: CatalogField, lang: UserLanguage, where: string): void {
  const v = f.validation;
  if (!v) return;
  const numeric = f.type === 'number' || f.type === 'money';
  if (v.maxLength !== undefined && (numeric || !Number.isInteger(v.maxLength) || v.maxLength < 1 || v.maxLength > 10_000)) {
    throw invalid(lang, where, 'validation');
  }
  for (const bound of [v.min, v.max])
    if (bound !== undefined && (!numeric || !DECIMAL.test(bound))) throw invalid(lang, where, 'validation');
}

function invalid(lang: UserLanguage, field: string, problem: keyof typeof PROBLEMS) {
  return localizedError(
    'CATALOG_INVALID',
    lang,
    `catalog: ${field} ${problem}`,
    { field, problem: PROBLEMS[problem][lang] },
    { field, problem },
  );
}

/** What the template filler and linter see of a version: scans are not placed in documents. */
export function toFillerFields(fields: readonly CatalogField[]): FieldDef[] {
  const out: FieldDef[] = [];
  for (const f of fields) {
    if (f.type === 'file') continue;
    const type = f.type === 'person' || f.type === 'address' || f.type === 'document_number' ? 'text' : f.type;
    out.push({
      code: f.code,
      type,
      ...(f.options ? { options: f.options.map((o) => ({ value: o.value, label: o.label })) } : {}),
      ...(f.item ? { item: toFillerFields(f.item) } : {}),
    });
  }
  return out;
}
