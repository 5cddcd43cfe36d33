// The loan form as typed and how it reads: strings in the user's locale, read into the decimals the
// core takes and into the loan input it schedules. Pure: no signals, no I/O — the terms model holds the
// form's state, the bench and the one-truth test build inputs with these directly.
import { addDays } from '../../lending/dates.js';
import { conventionFields, feesWith, monthEndFor, type LoanConventions } from './kept-conventions.js';
import type { FrequencyUnit, LendingIssue, LoanInput, Method } from './lending-types.js';
import { annuityOf } from './product.js';
import { readTyped, type NumberLocale } from './typed-numbers.js';

/** Form fields exactly as typed — strings, so a half-typed "12," is kept and reported, not lost. */
export interface LoanForm {
  product: string;
  amount: string;
  rate: string;
  rateKind: 'annual' | 'daily';
  installments: string;
  unit: FrequencyUnit;
  every: string;
  method: Method;
  disbursementDate: string;
  firstDueDate: string;
  feeAmount: string;
  feeWithheld: boolean;
  /** Principal due on the disbursement day (installment 1); empty = none. */
  downPayment: string;
  /** Whether the down payment is typed as an amount in the currency or a percent of the amount. */
  downPaymentUnit: 'amount' | 'percent';
  /** "Installments in multiples of" (Fineract): empty = the currency's minor unit, i.e. no rounding. */
  installmentStep: string;
  /**
   * The annuity's level payment: from the nominal rate (the core's default), solved for the actual
   * periods (Fineract progressive), or that with Fineract's cent adjustment. Annuity only.
   */
  annuityMode: AnnuityMode;
  /** How CAT times the flows for this loan: '' = the profile's (MX: periods), else periods or dates. */
  catBasis: '' | 'periods' | 'dates';
  /** "Pay this much a period until done": when typed, the term follows from it; empty = none. */
  fixedPayment: string;
  /**
   * What the saved loan says that the form has no field for (kept-conventions.ts), not typed and not
   * editable here; null for a new loan, which takes the tab's defaults.
   */
  conventions: LoanConventions | null;
}

export const ANNUITY_MODES = ['fixed-payment', 'resolved', 'fineract'] as const;
export type AnnuityMode = (typeof ANNUITY_MODES)[number];

/** The first due date one period after the disbursement: a new frequency moves it with it. */
export function firstDueFor(disbursementDate: string, unit: FrequencyUnit, every: number): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(disbursementDate) || !(every >= 1)) return '';
  if (unit === 'month') return addMonthsIso(disbursementDate, every);
  return addDays(disbursementDate, unit === 'week' ? 7 * every : every);
}

export function addMonthsIso(iso: string, months: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d.toISOString().slice(0, 10);
}

export function defaultForm(today: string, amount = '100000'): LoanForm {
  return {
    product: '',
    amount,
    rate: '18',
    rateKind: 'annual',
    installments: '12',
    unit: 'month',
    every: '1',
    method: 'annuity',
    disbursementDate: today,
    firstDueDate: addMonthsIso(today, 1),
    feeAmount: '0',
    feeWithheld: true,
    downPayment: '',
    downPaymentUnit: 'amount',
    installmentStep: '',
    annuityMode: 'fixed-payment',
    catBasis: '',
    fixedPayment: '',
    conventions: null,
  };
}

/** The form's decimals read in the user's locale; issues name the field the core would name. */
export interface LoanNumbers {
  principal: string;
  rate: string;
  fee: string;
  /** Decimal strings, or '' when not typed. */
  downPayment: string;
  fixedPayment: string;
  installmentStep: string;
  issues: LendingIssue[];
}

export function readLoanNumbers(f: LoanForm, locale: NumberLocale, scale: number): LoanNumbers {
  const principal = readTyped(f.amount, 'principal', locale, { scale });
  const rate = readTyped(f.rate, 'rate', locale, { percent: true });
  // No fee is no fee: an empty field is not a refusal.
  const fee = f.feeAmount.trim() === '' ? { value: '0', issue: null } : readTyped(f.feeAmount, 'fees', locale, { scale });
  const optional = (raw: string, field: string) =>
    raw.trim() === '' ? { value: '', issue: null } : readTyped(raw, field, locale, { scale });
  const down =
    f.downPaymentUnit === 'percent'
      ? f.downPayment.trim() === ''
        ? { value: '', issue: null }
        : readTyped(f.downPayment, 'downPayment', locale, { percent: true })
      : optional(f.downPayment, 'downPayment');
  const fixed = optional(f.fixedPayment, 'fixedPayment');
  // The step only exists where the form shows it (stepApplies): a hidden one is not read, nor sent.
  const step = stepApplies(f.method) ? optional(f.installmentStep, 'rounding.installmentStep') : { value: '', issue: null };
  return {
    principal: principal.value,
    rate: rate.value,
    fee: fee.value,
    downPayment: down.value,
    fixedPayment: fixed.value,
    installmentStep: step.value,
    issues: [principal.issue, rate.issue, fee.issue, down.issue, fixed.issue, step.issue].filter((i): i is LendingIssue => i !== null),
  };
}

/** A single payment has no installment to round (the core refuses a step there): the form hides the field. */
export function stepApplies(method: Method): boolean {
  return method !== 'single-payment';
}

/** The level-payment rule and the cent adjustment are an annuity's only (the core refuses them elsewhere). */
function annuityFields(f: LoanForm): Pick<LoanInput, 'annuity' | 'annuityAdjustment'> {
  return annuityOf(f.method === 'annuity' ? f.annuityMode : 'fixed-payment');
}

export function toLoanInput(
  f: LoanForm,
  currency: string,
  profile: string | undefined,
  dueDates: string[] | undefined,
  numbers: LoanNumbers = readLoanNumbers(f, 'en', 2),
): LoanInput {
  // A fixed payment derives the term (the core refuses both); a zero down payment is none.
  const fixedPayment = numbers.fixedPayment;
  const down = numbers.downPayment === '' || /^0(\.0*)?$/.test(numbers.downPayment) ? null : numbers.downPayment;
  // The saved loan's own conventions, or the tab's defaults for a new loan (kept-conventions.ts).
  // No step typed: the core's default, the currency's minor unit (JPY 1, MXN 0.01).
  const { dueDates: keptDates, ...kept } = conventionFields(f.conventions, currency, { ...f, step: numbers.installmentStep });
  const dates = dueDates ?? keptDates;
  return {
    principal: numbers.principal,
    currency,
    disbursementDate: f.disbursementDate,
    method: f.method,
    rate: f.rateKind === 'annual' ? { annualPercent: numbers.rate } : { dailyPercent: numbers.rate },
    ...(fixedPayment ? { fixedPayment } : { installments: /^\d+$/.test(f.installments.trim()) ? Number(f.installments.trim()) : NaN }),
    ...(down ? { downPayment: f.downPaymentUnit === 'percent' ? { percent: down } : { amount: down } } : {}),
    // "every 0" or a half-typed number goes to the core as it is, which refuses it beside the field.
    frequency: { unit: f.unit, every: /^\d+$/.test(f.every.trim()) ? Number(f.every.trim()) : NaN, ...monthEndFor(f.conventions, f.unit) },
    // Explicit due dates replace the first due date (the core takes one or the other).
    ...(dates ? { dueDates: dates } : { firstDueDate: f.firstDueDate || undefined }),
    ...kept,
    ...annuityFields(f),
    ...(f.catBasis ? { catBasis: f.catBasis } : {}),
    fees: feesWith(f.conventions, numbers.fee, f.feeWithheld),
    profile,
  };
}
