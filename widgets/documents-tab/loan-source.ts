// A loan-sourced field beside the deal's saved loan (wire/documents.ts ValuesView.loan): what the loan
// gives, written the user's way, and whether a typed value differs from it — a user trial saw
// «Сумма 50 000,00» typed long before the loan was saved at 150 000,00 ₽, with nothing to say so.
import Decimal from 'decimal.js';
import { currencyScale } from '../../lending/currency.js';
import type { NumberLocale } from '../../lending/locale-number.js';
import { isMoney, typedFromValue, typedKindOf } from './field-input.js';

/** The loan's value as the field's input would show it; an amount in its currency's scale, with the currency. */
export function loanValueText(type: string, v: unknown, locale: NumberLocale): string {
  if (isMoney(v)) return `${typedFromValue('money', { ...v, amount: inScale(v.amount, v.currency) }, locale)} ${v.currency}`;
  return typedFromValue(typedKindOf(type) ?? 'text', v, locale);
}

/** A saved principal ("150000") written with its currency's decimals ("150000.00"). */
function inScale(amount: string, currency: string): string {
  try {
    return new Decimal(amount).toFixed(currencyScale(currency));
  } catch {
    return amount; // an unknown currency: as saved
  }
}

/** Whether a typed value says the same as the loan's: amounts and numbers by value ("12" = "12.0"). */
export function sameAsLoan(typed: unknown, loan: unknown): boolean {
  const num = (v: unknown) => (isMoney(v) ? v.amount : typeof v === 'number' || typeof v === 'string' ? String(v) : null);
  const a = num(typed);
  const b = num(loan);
  if (a !== null && b !== null) {
    try {
      return new Decimal(a).eq(b) && (!isMoney(typed) || !isMoney(loan) || typed.currency === loan.currency);
    } catch {
      return a === b;
    }
  }
  return JSON.stringify(typed) === JSON.stringify(loan);
}
