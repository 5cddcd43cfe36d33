// Values arrive as JSON (the database, the API); each is checked against its field's type before a
// document is made, so a wrong type is refused with the field's code instead of printing "[object
// Object]" into a contract. Codes the catalog does not know are ignored: an application pinned to an
// older catalog version keeps values the newer one dropped, and they must not break its documents.
import { currencyScale } from '../../../lending/currency.js';
import { localizedError, type AppError } from '../../errors.js';
import type { DocLanguage, FieldDef, FieldValue, ValueMap } from './fields.js';
import { MAX_LIST_ITEMS, MAX_TEXT_CHARS } from './limits.js';

const DECIMAL = /^-?\d{1,18}(?:\.\d{1,12})?$/u;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/u;

const EXPECTED: Record<FieldDef['type'], Record<DocLanguage, string>> = {
  text: { en: 'text', ru: 'текст', es: 'texto' },
  number: { en: 'a number', ru: 'число', es: 'un número' },
  // The person reads these beside the field they typed in (the Documents tab sends what it cannot read
  // as typed, and a day that does not exist as its ISO form): the examples are written the way their
  // language writes amounts and dates in that tab (widgets/documents-tab/field-input.ts), not as JSON.
  // The date's example is in the past: the same words stand under a birth date, where a next year's
  // day read as a date the field wanted (a user trial).
  money: {
    en: 'an amount, e.g. 150,000.00',
    ru: 'сумма, например 150 000,00',
    es: 'un importe, p. ej. 150,000.00',
  },
  date: {
    en: 'a date that exists, e.g. 12/31/1985',
    ru: 'существующая дата, например 31.12.1985',
    es: 'una fecha que exista, p. ej. 31/12/1985',
  },
  choice: { en: 'one of the field’s options', ru: 'один из вариантов поля', es: 'una de las opciones del campo' },
  multi: { en: 'a list of the field’s options', ru: 'список вариантов поля', es: 'una lista de opciones del campo' },
  bool: { en: 'yes or no', ru: 'да или нет', es: 'sí o no' },
  list: { en: 'a list of rows', ru: 'список строк', es: 'una lista de filas' },
};

export function checkValues(defs: readonly FieldDef[], raw: Readonly<Record<string, unknown>>, lang: DocLanguage, path = ''): ValueMap {
  const out = new Map<string, FieldValue>();
  for (const def of defs) {
    const v = raw[def.code];
    if (v === undefined || v === null) continue;
    const code = path + def.code;
    out.set(def.code, checkOne(def, v, lang, code));
  }
  return out;
}

function checkOne(def: FieldDef, v: unknown, lang: DocLanguage, code: string): FieldValue {
  const wrong = (): AppError =>
    localizedError(
      'DOCUMENT_VALUE_TYPE',
      lang,
      `${code}: not ${def.type}`,
      { code, expected: EXPECTED[def.type][lang] },
      { code, expected: def.type },
    );
  switch (def.type) {
    case 'text':
      if (typeof v !== 'string' || v.length > MAX_TEXT_CHARS) throw wrong();
      return v;
    case 'number':
      if (typeof v === 'number' && Number.isSafeInteger(v)) return String(v);
      if (typeof v !== 'string' || !DECIMAL.test(v)) throw wrong();
      return v;
    case 'money':
      return checkMoney(v, wrong);
    case 'date':
      if (typeof v !== 'string' || !isIsoDate(v)) throw wrong();
      return v;
    case 'bool':
      if (typeof v !== 'boolean') throw wrong();
      return v;
    case 'choice':
      if (typeof v !== 'string' || !allowed(def, v)) throw wrong();
      return v;
    case 'multi':
      if (!Array.isArray(v) || !v.every((x): x is string => typeof x === 'string' && allowed(def, x))) throw wrong();
      return v;
    case 'list':
      if (!Array.isArray(v) || v.length > MAX_LIST_ITEMS) throw wrong();
      return v.map((item, i) => {
        if (typeof item !== 'object' || item === null || Array.isArray(item)) throw wrong();
        return checkValues(def.item ?? [], item as Record<string, unknown>, lang, `${code}[${i + 1}].`);
      });
  }
}

function checkMoney(v: unknown, wrong: () => AppError): FieldValue {
  if (typeof v !== 'object' || v === null) throw wrong();
  const { amount, currency } = v as { amount?: unknown; currency?: unknown };
  if (typeof amount !== 'string' || typeof currency !== 'string' || !DECIMAL.test(amount)) throw wrong();
  let scale: number;
  try {
    scale = currencyScale(currency);
  } catch {
    throw wrong();
  }
  if ((amount.split('.')[1] ?? '').replace(/0+$/u, '').length > scale) throw wrong();
  return { amount, currency };
}

function allowed(def: FieldDef, v: string): boolean {
  return def.options === undefined || def.options.some((o) => o.value === v);
}

function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}
