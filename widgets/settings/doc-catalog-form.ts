// One catalog field as the admin types it on the app page, and back: the code, the three labels, the
// type from the closed list, the section, the limits (min/max typed the way the admin's language
// writes numbers), choice options one per line, and the Bitrix24 or loan source. The checks are the
// server's (server/documents/catalog/catalog-field.ts), run here first so the error appears beside
// the input before a round trip; the server's refusal lands on the same inputs (fieldOfCatalogRefusal).
import { parseLocaleNumber, typedFromDecimal, type NumberLocale } from '../../lending/locale-number.js';
import type { CatalogField, CatalogItemField, CatalogType, LoanFigure } from '../../wire/document-catalog.js';

export const LABEL_LANGS = ['ru', 'en', 'es'] as const;
export const SOURCE_KINDS = ['deal', 'contact', 'company', 'loan'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

// The closed list of types in the order the form offers them. wire/ gives widgets types only (a value
// import would bring TypeBox into the bundle); the Record's type keeps this list equal to the wire's.
const OFFERED: Record<CatalogType, true> = {
  text: true,
  number: true,
  money: true,
  date: true,
  choice: true,
  multi: true,
  bool: true,
  person: true,
  address: true,
  document_number: true,
  file: true,
  list: true,
};

// The loan figures a field can be filled from, in the order the form offers them; the Record's type keeps
// this list equal to the wire's LOAN_FIGURES (a value import would bring TypeBox into the bundle).
const FIGURES: Record<LoanFigure, true> = {
  principal: true,
  term: true,
  rate: true,
  installment: true,
  cat: true,
  psk: true,
  total: true,
  cost_of_credit: true,
  first_due_date: true,
  last_due_date: true,
};
export const LOAN_FIGURE_CHOICES = Object.keys(FIGURES) as LoanFigure[];

export function isLoanFigure(v: string): v is LoanFigure {
  return Object.hasOwn(FIGURES, v);
}

/**
 * The form with another source kind. A figure is chosen from a list and a Bitrix24 field code typed, so
 * what was there goes when it cannot mean anything under the new kind (a field code under "loan", a
 * figure under a record); between deal, contact and company the typed code stays.
 */
export function withSourceKind(form: FieldForm, kind: SourceKind | ''): FieldForm {
  const field = form.sourceField.trim();
  const keep = kind === 'loan' ? isLoanFigure(field) : kind !== '' && !isLoanFigure(field);
  return { ...form, sourceKind: kind, sourceField: keep ? form.sourceField : '' };
}

/** The types an admin picks for a field; a list's row fields are edited inline below it. */
export const EDITABLE_TYPES = Object.keys(OFFERED) as CatalogType[];

/**
 * The types a row field takes here: scalars without options (a choice's options are typed one a line,
 * which the inline row has no room for); a stored row that is a choice keeps its type and options.
 */
export const ROW_TYPES = EDITABLE_TYPES.filter((t) => t !== 'list' && !hasOptions(t));

/** One row field of a list as typed inline; `stored`: the row as it was, whose limits, options and source stay. */
export interface RowForm {
  code: string;
  ru: string;
  en: string;
  es: string;
  type: CatalogType;
  required: boolean;
  stored?: CatalogItemField;
}
export type RowKey = 'code' | 'ru' | 'en' | 'es';

export interface FieldForm {
  code: string;
  ru: string;
  en: string;
  es: string;
  type: CatalogType;
  section: string;
  required: boolean;
  maxLength: string;
  min: string;
  max: string;
  /** One option a line: "value | ru | en | es", or "value | label" for one label in every language. */
  options: string;
  sourceKind: SourceKind | '';
  sourceField: string;
  /** A list's row fields (kept while another type is picked, so switching back loses nothing typed). */
  rows: RowForm[];
  /** Not edited on this form: kept as the catalog had it, so an edit does not drop it. */
  dealCurrencies?: string[];
}

export type FormKey =
  'code' | 'ru' | 'en' | 'es' | 'section' | 'maxLength' | 'min' | 'max' | 'options' | 'sourceField' | 'type' | `rows.${number}.${RowKey}`;
export type FormError = 'required' | 'code' | 'duplicate' | 'number' | 'limits' | 'options' | 'item';
export type FormErrors = Partial<Record<FormKey, FormError>>;

const CODE = /^[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)*$/u;
const MAX_LENGTH = /^[1-9]\d{0,4}$/u;
const NUMERIC: ReadonlySet<CatalogType> = new Set(['number', 'money']);
const TEXTUAL: ReadonlySet<CatalogType> = new Set(['text', 'person', 'address', 'document_number']);

export function hasOptions(t: CatalogType): boolean {
  return t === 'choice' || t === 'multi';
}
export const hasBounds = (t: CatalogType): boolean => NUMERIC.has(t);
export const hasMaxLength = (t: CatalogType): boolean => TEXTUAL.has(t);

export function emptyForm(section = ''): FieldForm {
  return {
    code: '',
    ru: '',
    en: '',
    es: '',
    type: 'text',
    section,
    required: false,
    maxLength: '',
    min: '',
    max: '',
    options: '',
    sourceKind: '',
    sourceField: '',
    rows: [],
  };
}

export const emptyRow = (): RowForm => ({ code: '', ru: '', en: '', es: '', type: 'text', required: false });

const rowOf = (f: CatalogItemField): RowForm => ({
  code: f.code,
  ru: f.label.ru,
  en: f.label.en,
  es: f.label.es,
  type: f.type,
  required: f.required === true,
  stored: f,
});

export function formOf(f: CatalogField, locale: NumberLocale): FieldForm {
  return {
    code: f.code,
    ru: f.label.ru,
    en: f.label.en,
    es: f.label.es,
    type: f.type,
    section: f.section,
    required: f.required === true,
    maxLength: f.validation?.maxLength === undefined ? '' : String(f.validation.maxLength),
    min: f.validation?.min === undefined ? '' : typedFromDecimal(f.validation.min, locale),
    max: f.validation?.max === undefined ? '' : typedFromDecimal(f.validation.max, locale),
    options: (f.options ?? []).map((o) => [o.value, o.label.ru, o.label.en, o.label.es].join(' | ')).join('\n'),
    sourceKind: f.source?.kind ?? '',
    sourceField: f.source?.field ?? '',
    rows: (f.item ?? []).map(rowOf),
    ...(f.dealCurrencies ? { dealCurrencies: f.dealCurrencies } : {}),
  };
}

function readBound(raw: string, locale: NumberLocale): { value?: string } | null {
  if (raw.trim() === '') return {};
  const r = parseLocaleNumber(raw, locale);
  return r.ok ? { value: r.value } : null;
}

function readOptions(text: string): CatalogField['options'] | null {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const out: NonNullable<CatalogField['options']> = [];
  for (const line of lines) {
    const [value = '', ...labels] = line.split('|').map((p) => p.trim());
    const [ru, en = ru, es = en] = labels.length === 0 ? [value] : labels;
    if (!value || !ru || !en || !es || labels.length > 3) return null;
    out.push({ value, label: { ru, en, es } });
  }
  return out.length > 0 && new Set(out.map((o) => o.value)).size === out.length ? out : null;
}

/**
 * A list's row fields, or their errors keyed `rows.N.input`. The server's rules for a level below the
 * top: a code once among the rows, three labels, no section; a row's limits, options and source stay
 * as stored while its type does (another type would make them meaningless).
 */
function itemOf(rows: readonly RowForm[], errors: FormErrors): CatalogItemField[] {
  const seen = new Set<string>();
  return rows.map((r, i) => {
    const code = r.code.trim();
    if (!code) errors[`rows.${i}.code`] = 'required';
    else if (!CODE.test(code)) errors[`rows.${i}.code`] = 'code';
    else if (seen.has(code)) errors[`rows.${i}.code`] = 'duplicate';
    seen.add(code);
    for (const l of LABEL_LANGS) if (!r[l].trim()) errors[`rows.${i}.${l}`] = 'required';
    const kept = r.stored?.type === r.type ? r.stored : undefined;
    return {
      code,
      label: { ru: r.ru.trim(), en: r.en.trim(), es: r.es.trim() },
      type: r.type,
      section: kept?.section ?? '',
      ...(r.required ? { required: true } : {}),
      ...(kept?.validation ? { validation: kept.validation } : {}),
      ...(kept?.options ? { options: kept.options } : {}),
      ...(kept?.source ? { source: kept.source } : {}),
    };
  });
}

/**
 * The field the form describes, or the errors beside its inputs. `others`: the codes of the catalog's
 * other fields (a code is used once).
 */
export function fieldOf(
  form: FieldForm,
  others: readonly string[],
  locale: NumberLocale,
): { field: CatalogField } | { errors: FormErrors } {
  const errors: FormErrors = {};
  const code = form.code.trim();
  if (!code) errors.code = 'required';
  else if (!CODE.test(code)) errors.code = 'code';
  else if (others.includes(code)) errors.code = 'duplicate';
  for (const l of LABEL_LANGS) if (!form[l].trim()) errors[l] = 'required';
  if (!form.section.trim()) errors.section = 'required';
  const validation: NonNullable<CatalogField['validation']> = {};
  if (hasMaxLength(form.type) && form.maxLength.trim()) {
    if (MAX_LENGTH.test(form.maxLength.trim()) && Number(form.maxLength) <= 10_000) validation.maxLength = Number(form.maxLength);
    else errors.maxLength = 'number';
  }
  if (hasBounds(form.type)) {
    const min = readBound(form.min, locale);
    const max = readBound(form.max, locale);
    if (!min) errors.min = 'number';
    if (!max) errors.max = 'number';
    if (min?.value !== undefined) validation.min = min.value;
    if (max?.value !== undefined) validation.max = max.value;
  }
  const options = hasOptions(form.type) ? readOptions(form.options) : undefined;
  if (options === null) errors.options = 'options';
  const item = form.type === 'list' ? itemOf(form.rows, errors) : undefined;
  if (item?.length === 0) errors.type = 'item';
  if (form.sourceKind && !form.sourceField.trim()) errors.sourceField = 'required';
  if (Object.keys(errors).length > 0) return { errors };
  return {
    field: {
      code,
      label: { ru: form.ru.trim(), en: form.en.trim(), es: form.es.trim() },
      type: form.type,
      section: form.section.trim(),
      ...(form.required ? { required: true } : {}),
      ...(Object.keys(validation).length > 0 ? { validation } : {}),
      ...(options ? { options } : {}),
      ...(item ? { item } : {}),
      ...(form.sourceKind ? { source: { kind: form.sourceKind, field: form.sourceField.trim() } } : {}),
      ...(form.dealCurrencies ? { dealCurrencies: form.dealCurrencies } : {}),
    },
  };
}

/** The server's CATALOG_INVALID `details.problem` as the input it concerns. */
export function fieldOfCatalogRefusal(details: Record<string, unknown>, form: FieldForm): FormErrors | null {
  switch (details.problem) {
    case 'code':
      return { code: 'code' };
    case 'duplicate':
      return { code: 'duplicate' };
    case 'label': {
      const missing = LABEL_LANGS.filter((l) => !form[l].trim());
      return missing.length > 0 ? Object.fromEntries(missing.map((l) => [l, 'required'])) : { options: 'options' };
    }
    case 'section':
      return { section: 'required' };
    case 'options':
      return { options: 'options' };
    case 'item':
      return { type: 'item' };
    case 'validation':
      return hasBounds(form.type) ? { min: 'limits' } : { maxLength: 'number' };
    default:
      return null;
  }
}
