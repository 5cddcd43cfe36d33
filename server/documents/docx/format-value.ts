// A checked value as the document's language writes it. Money goes through Intl with the decimal
// string itself (never a float) and the currency's scale; «words» spells the amount out
// (lending/amount-words); dates are calendar dates, formatted in UTC so the server's zone never
// moves them by a day.
import { amountInWords } from '../../../lending/amount-words/index.js';
import { currencyScale } from '../../../lending/currency.js';
import type { DocLanguage, FieldDef, FieldValue, MoneyValue } from './fields.js';

const LOCALE: Record<DocLanguage, string> = { ru: 'ru-RU', es: 'es-MX', en: 'en-US' };
const YES_NO: Record<DocLanguage, [string, string]> = { ru: ['да', 'нет'], es: ['sí', 'no'], en: ['yes', 'no'] };

/** Which formats each type takes (the linter refuses the rest). */
export const FORMATS_BY_TYPE: Readonly<Record<FieldDef['type'], readonly string[]>> = {
  text: [],
  number: ['words'],
  money: ['words', 'number'],
  date: ['long'],
  choice: [],
  multi: [],
  bool: [],
  list: [],
};

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(key: string, make: () => Intl.NumberFormat): Intl.NumberFormat {
  let f = numberFormats.get(key);
  if (!f) numberFormats.set(key, (f = make()));
  return f;
}

export function formatValue(def: FieldDef, value: FieldValue, format: string | undefined, lang: DocLanguage): string {
  switch (def.type) {
    case 'money':
      return formatMoney(value as MoneyValue, format, lang);
    case 'number':
      if (format === 'words') return amountWordsPlain(value as string, lang);
      return numberFormat(`n:${lang}`, () => new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: 12 })).format(
        value as Intl.StringNumericLiteral,
      );
    case 'date':
      return formatDate(value as string, format === 'long', lang);
    case 'bool':
      return YES_NO[lang][value === true ? 0 : 1];
    case 'choice':
      return optionLabel(def, value as string, lang);
    case 'multi':
      return (value as readonly string[]).map((v) => optionLabel(def, v, lang)).join(', ');
    case 'list':
      return '';
    case 'text':
      return value as string;
  }
}

function formatMoney(m: MoneyValue, format: string | undefined, lang: DocLanguage): string {
  if (format === 'words') return amountInWords(m.amount, m.currency, lang === 'en' ? 'es' : lang, 'amount');
  const scale = currencyScale(m.currency);
  const style = format === 'number' ? 'decimal' : 'currency';
  const f = numberFormat(
    `m:${lang}:${m.currency}:${style}`,
    () =>
      new Intl.NumberFormat(LOCALE[lang], {
        style,
        ...(style === 'currency' ? { currency: m.currency } : {}),
        minimumFractionDigits: scale,
        maximumFractionDigits: scale,
      }),
  );
  return f.format(m.amount as Intl.StringNumericLiteral);
}

/** A bare number in words (a term in months): the cardinal without a currency. */
function amountWordsPlain(value: string, lang: DocLanguage): string {
  const words = amountInWords((value.split('.')[0] ?? '0').replace('-', ''), lang === 'ru' ? 'RUB' : 'MXN', lang === 'ru' ? 'ru' : 'es');
  return lang === 'ru' ? words.replace(/ (рубль|рубля|рублей) 00 копеек$/u, '') : words.replace(/ (de )?(peso|pesos) 00\/100 M\.N\.$/u, '');
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

function formatDate(iso: string, long: boolean, lang: DocLanguage): string {
  const key = `${lang}:${long}`;
  let f = dateFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(
      LOCALE[lang],
      long ? { dateStyle: 'long', timeZone: 'UTC' } : { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' },
    );
    dateFormats.set(key, f);
  }
  return f.format(new Date(`${iso}T00:00:00Z`));
}

function optionLabel(def: FieldDef, value: string, lang: DocLanguage): string {
  const option = def.options?.find((o) => o.value === value);
  return option?.label?.[lang] ?? option?.label?.en ?? value;
}
