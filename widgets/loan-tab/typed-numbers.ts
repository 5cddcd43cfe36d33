// The numbers of the loan form as the user typed them (their language's separators, the app's own
// display format) → the decimal strings lending/ takes. One parser for the tab, the products screen,
// the call-script tab and the server: lending/locale-number.ts. A refusal keeps what was typed and
// names the field, so the form shows the reason beside it.
import { parseLocaleNumber, type NumberLocale, type ParseNumberOptions } from '../../lending/locale-number.js';
import type { LendingIssue } from './lending-types.js';

export { numberLocaleOf, typedFromDecimal, type NumberLocale } from '../../lending/locale-number.js';

export interface TypedNumber {
  /** The decimal for lending/ when it reads; otherwise the text as typed (lending/ never gets a guess). */
  value: string;
  issue: LendingIssue | null;
}

export function readTyped(raw: string, field: string, locale: NumberLocale, opts: ParseNumberOptions = {}): TypedNumber {
  const r = parseLocaleNumber(raw, locale, opts);
  if (r.ok) return { value: r.value, issue: null };
  return { value: raw.trim(), issue: { code: r.code === 'EMPTY' ? 'NOT_A_NUMBER' : r.code, field } };
}
