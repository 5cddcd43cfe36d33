// Catalog fields whose source is the deal's saved loan (issue 15 item 1: "a loan figure from
// lending/"): the figures come from the schedule version saved with the loan — computed by lending/
// when it was saved, the same numbers the loan tab shows and the deal's fields hold — never
// recomputed here. Pure: the caller reads the loan.
import type { UserLanguage } from '../../errors.js';
import type { CatalogField } from '../catalog/catalog-field.js';
import { toFillerFields } from '../catalog/catalog-field.js';
import { checkValues } from '../docx/check-values.js';
import { LOAN_FIGURES, type LoanFigure } from '../../../wire/document-catalog.js';

export { LOAN_FIGURES };

/** What a saved schedule version holds, as decimal strings in the loan's currency scale. */
export interface SavedLoan {
  currency: string;
  principal: string;
  /** The annual rate in percent, when the loan was saved with one (a daily rate is left out). */
  annualRatePercent: string | null;
  installmentAmount: string;
  rows: readonly { dueDate: string }[];
  totals: Readonly<Record<string, string>>;
  effectiveRates: Readonly<Record<string, string>>;
}

function figure(loan: SavedLoan, name: LoanFigure): { money: string } | { plain: string } | null {
  const money = (v: string | undefined) => (v === undefined ? null : { money: v });
  const plain = (v: string | undefined | null) => (v === undefined || v === null ? null : { plain: v });
  switch (name) {
    case 'principal':
      return money(loan.principal);
    case 'term':
      return plain(String(loan.rows.length));
    case 'rate':
      return plain(loan.annualRatePercent);
    case 'installment':
      return money(loan.installmentAmount);
    case 'cat':
    case 'psk':
      return plain(loan.effectiveRates[name]);
    case 'total':
      return money(loan.totals.total);
    case 'cost_of_credit':
      return money(loan.totals.costOfCredit);
    case 'first_due_date':
      return plain(loan.rows[0]?.dueDate);
    case 'last_due_date':
      return plain(loan.rows.at(-1)?.dueDate);
  }
}

const isFigure = (s: string): s is LoanFigure => (LOAN_FIGURES as readonly string[]).includes(s);

/**
 * Values of the loan-sourced fields: an amount as money in the loan's currency (or its number for a
 * number field), a count or a percent as a number, a date as YYYY-MM-DD. No loan, an unknown figure or
 * a value that does not fit the field's type leaves the field out (the manifest says missing).
 */
export function loanValues(fields: readonly CatalogField[], loan: SavedLoan | null, lang: UserLanguage): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!loan) return out;
  for (const f of fields) {
    if (f.source?.kind !== 'loan' || !isFigure(f.source.field)) continue;
    const v = figure(loan, f.source.field);
    if (!v) continue;
    const value = 'money' in v ? (f.type === 'money' ? { amount: v.money, currency: loan.currency } : v.money) : v.plain;
    try {
      checkValues(toFillerFields([f]), { [f.code]: value }, lang);
      out[f.code] = value;
    } catch {
      // not of the field's type: missing
    }
  }
  return out;
}
