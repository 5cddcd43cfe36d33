// The catalog's validation limits on a value already checked for its type (check-values.ts): a text's
// maximum length, a number's or an amount's minimum and maximum. Compared as decimals, never floats.
import Decimal from 'decimal.js';
import { localizedError, type UserLanguage } from '../../errors.js';
import type { CatalogField } from '../catalog/catalog-field.js';

const RULES = {
  maxLength: { en: 'at most {n} characters long', ru: 'не длиннее {n} символов', es: 'de como máximo {n} caracteres' },
  min: { en: 'at least {n}', ru: 'не меньше {n}', es: 'de al menos {n}' },
  max: { en: 'at most {n}', ru: 'не больше {n}', es: 'de como máximo {n}' },
} satisfies Record<string, Record<UserLanguage, string>>;

/** Throws DOCUMENT_VALUE_LIMIT naming the field and the rule it breaks, in the user's language. */
export function checkLimits(f: CatalogField, v: unknown, lang: UserLanguage): void {
  const limits = f.validation;
  if (!limits) return;
  const broken = (rule: keyof typeof RULES, n: string | number) =>
    localizedError(
      'DOCUMENT_VALUE_LIMIT',
      lang,
      `${f.code}: ${rule} ${n}`,
      { code: f.code, rule: RULES[rule][lang].replace('{n}', String(n)) },
      { code: f.code, rule, limit: n },
    );
  if (typeof v === 'string' && limits.maxLength !== undefined && [...v].length > limits.maxLength)
    throw broken('maxLength', limits.maxLength);
  const n = numberOf(f, v);
  if (n === null) return;
  if (limits.min !== undefined && n.lt(limits.min)) throw broken('min', limits.min);
  if (limits.max !== undefined && n.gt(limits.max)) throw broken('max', limits.max);
}

function numberOf(f: CatalogField, v: unknown): Decimal | null {
  if (f.type === 'number' && (typeof v === 'string' || typeof v === 'number')) return new Decimal(v);
  if (f.type === 'money' && typeof v === 'object' && v !== null) return new Decimal((v as { amount: string }).amount);
  return null;
}
