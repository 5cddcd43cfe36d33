// What a saved loan says that the loan form has no field for, kept beside the form so the tab computes
// (and saves) the loan with its own conventions — a loan saved through the loan API or by an import with
// interest per period, 30/360 or two fees shows the very schedule the server stored and the deal fields
// hold (non-negotiable 5), and a Save from the tab does not turn it into the tab's defaults. Pure.
//
// Every key of the loan input (lending/loan-input-json.ts, parse-input.ts) and where the tab has it:
// - the form's fields: principal, rate, installments, frequency unit/every, method, disbursementDate,
//   firstDueDate, the first fee (fee field), downPayment, fixedPayment, rounding.installmentStep,
//   annuity + annuityAdjustment (level payment; off an annuity the core ignores `annuity`), catBasis;
// - the model beside the form: profile (savedProfile), penaltyDailyPercent, lateFees, delinquency;
// - currency: the model's, which for a saved loan is the loan's own (main.tsx);
// - kept here, verbatim (an absent key stays absent: the core's default, not the tab's): dayCount,
//   interest, rounding but its step, grace, vat, effectiveRates, pskMonthDays, payoffInterest, the
//   fees, frequency.monthEnd, a contract date before the disbursement, explicit due dates.
// None of the kept ones is editable in the tab: they are set through the loan API (or an import), and
// a product sets dayCount, fees and payoffInterest for the loans made with it (product settings).
import type { FeeJson, RoundingJson } from '../../lending/index.js';
import type { SavedLoanTerms } from './api.js';
import type { LoanInput } from './lending-types.js';

type Verbatim = 'dayCount' | 'interest' | 'grace' | 'vat' | 'effectiveRates' | 'pskMonthDays' | 'payoffInterest';

export interface LoanConventions extends Pick<SavedLoanTerms, Verbatim> {
  /**
   * The product the loan was saved with ('' none); null once the user picks a product in the tab.
   * Until then the saved conventions win over that product's current settings: a signed contract
   * keeps its terms when the admin edits the tariff. Picking a product (even the same one again) is
   * a re-term under it, which the server checks against the product (product-check.ts).
   */
  product: string | null;
  /** The contract's date when it precedes the disbursement; absent: the contract is of the disbursement day. */
  contractDate?: string;
  /** The rounding but its step (the form's field); absent when the loan gave none. */
  rounding?: Omit<RoundingJson, 'installmentStep'>;
  /** All the saved fees; the fee field edits the first when it is an amount at the disbursement. */
  fees: FeeJson[];
  /** Due on each month's last day (frequency.monthEnd), while the loan stays monthly. */
  monthEnd?: true;
  /** Explicit due dates, kept while the fields that place due dates are as loaded (`shape`). */
  dueDates?: { dates: string[]; shape: string };
}

/** The form fields that place the due dates, as one key: explicit dates stand until one of them is edited. */
export interface DueShape {
  installments: string;
  unit: string;
  every: string;
  firstDueDate: string;
  disbursementDate: string;
  fixedPayment: string;
}

export function dueShapeOf(f: DueShape): string {
  return JSON.stringify([f.installments.trim(), f.unit, f.every.trim(), f.firstDueDate, f.disbursementDate, f.fixedPayment.trim()]);
}

/** The saved loan's conventions; `shape`: the due-date fields as the form shows the loan. */
export function conventionsFromSaved(l: SavedLoanTerms, product: string, shape: DueShape): LoanConventions {
  const { installmentStep: _step, ...rounding } = l.rounding ?? {};
  const pick = <K extends Verbatim>(k: K) => (l[k] === undefined ? {} : { [k]: l[k] });
  return {
    product,
    ...pick('dayCount'),
    ...pick('interest'),
    ...pick('grace'),
    ...pick('vat'),
    ...pick('effectiveRates'),
    ...pick('pskMonthDays'),
    ...pick('payoffInterest'),
    ...(l.contractDate < l.disbursementDate ? { contractDate: l.contractDate } : {}),
    ...(l.rounding ? { rounding } : {}),
    fees: l.fees ?? [],
    ...(l.frequency?.monthEnd ? { monthEnd: true as const } : {}),
    ...(l.dueDates?.length ? { dueDates: { dates: l.dueDates, shape: dueShapeOf(shape) } } : {}),
  };
}

/** The fee field edits a first fee of the kind the tab makes (an amount at the disbursement), or adds one. */
export function feeFieldEdits(c: LoanConventions | null): boolean {
  const first = c?.fees[0];
  return first === undefined || (first.amount !== undefined && first.at === 'disbursement');
}

const isZero = (fee: string) => /^0(\.0*)?$/.test(fee);

/**
 * The loan's fees with the fee field's amount: a new loan has the one opening fee the field types; a
 * saved loan keeps every fee it has, the first (when the field edits it) with the typed amount and
 * withholding — none typed removes it, one typed where there was none becomes the first.
 */
export function feesWith(c: LoanConventions | null, fee: string, withheld: boolean): FeeJson[] {
  const saved = c?.fees ?? [];
  if (!feeFieldEdits(c)) return saved;
  const [first, ...rest] = saved;
  if (isZero(fee)) return rest;
  if (!first) return [{ name: 'opening', amount: fee, at: 'disbursement', withheld }];
  // An absent `withheld` is the core's false: left absent while it still says so.
  const { withheld: was, ...plain } = first;
  return [{ ...plain, amount: fee, ...(was !== undefined || withheld ? { withheld } : {}) }, ...rest];
}

/** The tab's day count for a new loan: interest on actual days, the Russian year rule for roubles. */
export function defaultDayCount(currency: string): string {
  return currency === 'RUB' ? 'actual/actual-ru' : 'actual/365';
}

/** What the form's loan input takes from the conventions besides the fees (new loan: the tab's defaults). */
export type ConventionFields = Pick<
  LoanInput,
  | 'contractDate'
  | 'dayCount'
  | 'interest'
  | 'rounding'
  | 'grace'
  | 'vat'
  | 'effectiveRates'
  | 'pskMonthDays'
  | 'payoffInterest'
  | 'dueDates'
>;

/** The form's fields the conventions depend on: those that place due dates, and the step as read. */
export interface FormDates extends DueShape {
  /** The step as read from the form ('' none). */
  step: string;
}

export function conventionFields(c: LoanConventions | null, currency: string, f: FormDates): ConventionFields {
  const step = f.step ? { installmentStep: f.step } : {};
  if (!c) {
    // Interest on actual days, so what-if date edits change it as they would in the contract.
    return {
      contractDate: f.disbursementDate,
      dayCount: defaultDayCount(currency),
      interest: 'daily',
      rounding: { mode: 'half-up', ...step, last: 'adjust' },
    };
  }
  const { product: _p, contractDate, rounding, fees: _f, monthEnd: _m, dueDates, ...verbatim } = c;
  return {
    // The contract cannot be signed after the money is out: a disbursement moved before the saved
    // contract date takes the contract with it (the core refuses the other way round).
    contractDate: contractDate && contractDate <= f.disbursementDate ? contractDate : f.disbursementDate,
    ...verbatim,
    ...(rounding || f.step ? { rounding: { ...rounding, ...step } } : {}),
    ...(dueDates && dueDates.shape === dueShapeOf(f) ? { dueDates: dueDates.dates } : {}),
  };
}

/** Month ends hold for a monthly loan only (the core reads the flag on months). */
export function monthEndFor(c: LoanConventions | null, unit: string): { monthEnd?: true } {
  return c?.monthEnd && unit === 'month' ? { monthEnd: true } : {};
}
