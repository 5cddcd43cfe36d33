// A saved loan's terms as the form shows them: its decimals typed back in the user's locale, the
// core's defaults where the loan has none, and what the form has no field for kept beside it
// (kept-conventions.ts), so toLoanInput(formFromSaved(x)) is the loan x. Pure; the model's load()
// puts the result in the form.
import type { SavedLoanTerms } from './api.js';
import { conventionsFromSaved, feeFieldEdits } from './kept-conventions.js';
import type { LoanForm } from './terms-form.js';
import { typedFromDecimal, type NumberLocale } from './typed-numbers.js';

/** A saved step as the form shows it: the minor unit (or none) is no step. */
function typedStep(step: string | undefined, scale: number, locale: NumberLocale): string {
  const minor = scale === 0 ? '1' : `0.${'0'.repeat(scale - 1)}1`;
  const plain = step?.includes('.') ? step.replace(/0+$/, '').replace(/\.$/, '') : step;
  return plain === undefined || plain === minor ? '' : typedFromDecimal(plain, locale);
}

/** `current`: the form before, for what the loan does not say (its term, when a fixed payment sets it). */
export function formFromSaved(l: SavedLoanTerms, product: string, current: LoanForm, locale: NumberLocale, scale: number): LoanForm {
  const fees = l.fees ?? [];
  // The fee field shows the first fee when it edits it (an amount at the disbursement), else none.
  const fee = feeFieldEdits({ product, fees }) ? fees[0] : undefined;
  const form: Omit<LoanForm, 'conventions'> = {
    ...current,
    product,
    amount: typedFromDecimal(l.principal, locale),
    rate: typedFromDecimal('annualPercent' in l.rate ? l.rate.annualPercent : l.rate.dailyPercent, locale),
    rateKind: 'annualPercent' in l.rate ? 'annual' : 'daily',
    // Explicit due dates are the term; a single payment without one is one installment (parse-input.ts).
    installments: String(l.installments ?? l.dueDates?.length ?? (l.method === 'single-payment' ? 1 : current.installments)),
    // The core's default when the loan has none (a single-payment loan may omit it, parse-input.ts).
    unit: l.frequency?.unit ?? 'month',
    every: String(l.frequency?.every ?? 1),
    method: l.method,
    disbursementDate: l.disbursementDate,
    // A loan saved with explicit due dates (the demo's 30-day microloan) is due on the first of them.
    firstDueDate: l.firstDueDate ?? l.dueDates?.[0] ?? '',
    feeAmount: typedFromDecimal(fee?.amount ?? '0', locale),
    // An absent `withheld` is the core's false; with no fee the form keeps its own for a new one.
    feeWithheld: fee ? (fee.withheld ?? false) : current.feeWithheld,
    downPayment: l.downPayment ? typedFromDecimal('amount' in l.downPayment ? l.downPayment.amount : l.downPayment.percent, locale) : '',
    downPaymentUnit: l.downPayment && 'percent' in l.downPayment ? 'percent' : 'amount',
    installmentStep: typedStep(l.rounding?.installmentStep, scale, locale),
    annuityMode: l.annuity !== 'resolved' ? 'fixed-payment' : l.annuityAdjustment === 'fineract' ? 'fineract' : 'resolved',
    catBasis: l.catBasis ?? '',
    fixedPayment: l.fixedPayment ? typedFromDecimal(l.fixedPayment, locale) : '',
  };
  return { ...form, conventions: conventionsFromSaved(l, product, form) };
}
