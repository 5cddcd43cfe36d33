// The ONE servicing of a saved loan that the loan tab, the loan API and the CRM sync all show: the
// same allocation order, the same penalty, the same statuses and the same "next payment". Before,
// the tab chose its own order (RU statutory for RUB) and penalty (a local 0.1 % a day) while the
// server used none, so a late but fully paid installment read "paid" in the CRM and "overdue" in
// the tab, and a regulatory profile without an order (MX) or with a penalty cap (RU-MFO) made the
// tab's servicing fail — its figures stayed "…" forever.
import { Dec } from '../decimal.js';
import { resolveProfile } from '../profiles.js';
import { parseServicingInput } from './parse-servicing.js';
import { service } from './service.js';
import { servicingToJson } from './servicing-json.js';
import type { DelinquencyJson, LateFeeJson, PrepaymentJson } from './parse-conventions.js';
import type { InstallmentRowJson, PaymentJson } from './parse-servicing.js';
import type { InstallmentJson, ServicingJson } from './servicing-json.js';

/** The loan as saved (or as the tab builds it): only what servicing reads. */
export interface LoanServicingLoanJson {
  currency: string;
  disbursementDate: string;
  contractDate?: string | undefined;
  profile?: string | undefined;
  /** The loan's payoff interest mode (its product's); pro rata when absent. */
  payoffInterest?: 'pro-rata' | 'whole-period' | undefined;
}

export interface LoanServicingInputJson {
  loan: LoanServicingLoanJson;
  /** The schedule's rows as built (schedule_versions or the tab's own): vat when the loan has it. */
  rows: InstallmentRowJson[];
  payments: PaymentJson[];
  asOf: string;
  /** A what-if penalty (% a day, as typed); the loan's own (loanPenalty) when absent. */
  penaltyDailyPercent?: string | undefined;
  /** The loan's late fees and delinquency grace and pauses, saved with its terms (README "Servicing input"). */
  lateFees?: LateFeeJson[] | undefined;
  delinquency?: DelinquencyJson | undefined;
  /**
   * Prepayments booked on the loan, any number, each with its mode, applied in date order among the
   * payments (README "Servicing input", `prepayments`). Those after asOf do not count yet.
   */
  prepayments?: PrepaymentJson[] | undefined;
  /**
   * The loan's terms as saved. A reduce-term / reduce-installment prepayment rebuilds the installments
   * after it from them, so when one counts the schedule is built from these terms (the rows are what
   * the same terms built when the loan was saved) instead of taken from `rows`. A LoanInputJson,
   * checked by the core as `loan` is (callers hold looser forms of it: the tab's form, the saved row).
   */
  terms?: unknown;
}

/**
 * The words the tab, the schedule items and the deal use for an installment. 'due' is "due today":
 * not yet overdue (no day past due, no penalty), but no longer merely upcoming — a collector calling
 * today asks for it.
 */
export type InstallmentStatusWord = 'paid' | 'partial' | 'overdue' | 'due' | 'upcoming';
export type LoanStatusWord = 'active' | 'overdue' | 'closed';

export interface LoanInstallmentJson extends Omit<InstallmentJson, 'status'> {
  status: InstallmentStatusWord;
  /** The installment itself (principal, interest, fees, VAT; its penalty apart): scheduled and still owed. */
  ownDue: string;
  ownOutstanding: string;
}

export interface LoanServicingJson extends Omit<ServicingJson, 'installments'> {
  installments: LoanInstallmentJson[];
  /** The penalty rate applied, % a day. */
  penaltyDailyPercent: string;
  /**
   * What a collector reads (loan-tab README "What the figures mean"):
   * - `pastDue`: what is owed on installments due BEFORE asOf, penalties included — the arrears.
   * - `toBeCurrent` (the core's): that plus what falls due ON asOf — what makes the loan current today.
   * - `nextPayment`: the next installment falling due on or after asOf that is not fully paid: its own
   *   remaining amount and date, never the arrears added to it (they are `pastDue`). Null when every
   *   open installment is already past due (a matured loan in arrears) or all is paid.
   */
  pastDue: string;
  nextPayment: { n: number; dueDate: string; amount: string } | null;
  loanStatus: LoanStatusWord;
}

/**
 * The penalty a loan carries, % a day, until products store their own: 0.1 % a day; under RU-MFO
 * 0.05 % a day (18.25 % a year), inside 353-FZ art. 5 p. 21's 20 % a year while interest accrues.
 */
export function loanPenaltyDailyPercent(loan: Pick<LoanServicingLoanJson, 'profile'>): string {
  return loan.profile === 'RU-MFO' ? '0.05' : '0.1';
}

/**
 * The allocation order: the profile's statutory one when it fixes one; for other RUB loans
 * Russia's statutory order (353-FZ art. 5 p. 20 applies to every consumer loan); else
 * "penalties first".
 */
export function loanAllocationOrder(loan: LoanServicingLoanJson): string | undefined {
  if (loan.profile && resolveProfile(loan.profile, loan.contractDate ?? loan.disbursementDate).allocationOrder) return undefined;
  return loan.currency === 'RUB' ? 'ru-statutory-2024' : 'penalties-first';
}

export function serviceLoanJson(input: LoanServicingInputJson): LoanServicingJson {
  const { loan } = input;
  const typed = input.penaltyDailyPercent?.trim();
  const penaltyDailyPercent = typed === undefined || typed === '' ? loanPenaltyDailyPercent(loan) : typed;
  const allocation = loanAllocationOrder(loan);
  // The core checks the rate (a number, not negative, inside the profile's caps: path penalty.dailyPercent).
  const prepayments = (input.prepayments ?? []).filter((p) => p.date <= input.asOf);
  const rebuilds = input.terms !== undefined && prepayments.some((p) => p.mode !== 'reschedule-next');
  const { terms } = parseServicingInput({
    ...(rebuilds ? { loan: input.terms } : rowsOf(input)),
    asOf: input.asOf,
    ...(prepayments.length ? { prepayments } : {}),
    // Payments the chosen date has not reached yet do not count (the core refuses them).
    payments: input.payments.filter((p) => p.date <= input.asOf),
    penalty: { dailyPercent: penaltyDailyPercent },
    ...(allocation ? { allocation } : {}),
    ...(loan.payoffInterest ? { payoffInterest: loan.payoffInterest } : {}),
    ...(input.lateFees ? { lateFees: input.lateFees } : {}),
    ...(input.delinquency ? { delinquency: input.delinquency } : {}),
  });
  const r = servicingToJson(service(terms), terms);
  const installments = r.installments.map((i) => ({ ...i, status: statusWord(i), ...ownAmounts(i, r.toBeCurrent) }));
  const open = installments.filter((i) => !new Dec(i.outstanding).isZero());
  const next = open.find((i) => i.dueDate >= r.asOf);
  const pastDue = open.filter((i) => i.dueDate < r.asOf).reduce((s, i) => s.plus(i.outstanding), new Dec(0));
  return {
    ...r,
    installments,
    penaltyDailyPercent,
    pastDue: fixedLike(pastDue, r.toBeCurrent),
    nextPayment: next ? { n: next.n, dueDate: next.dueDate, amount: next.outstanding } : null,
    loanStatus: open.length === 0 ? 'closed' : r.daysPastDue > 0 ? 'overdue' : 'active',
  };
}

/** The schedule as its stored rows, with the loan's currency, dates and profile beside them. */
function rowsOf(input: LoanServicingInputJson) {
  const { loan } = input;
  return {
    rows: input.rows.map(({ n, dueDate, principal, interest, fees, vat }) => ({
      n,
      dueDate,
      principal,
      interest,
      fees,
      ...(vat ? { vat } : {}),
    })),
    currency: loan.currency,
    disbursementDate: loan.disbursementDate,
    ...(loan.profile ? { profile: loan.profile, contractDate: loan.contractDate ?? loan.disbursementDate } : {}),
  };
}

/** The amount written with as many decimals as the core writes its own (the currency's scale). */
function fixedLike(amount: Dec, sample: string): string {
  const dot = sample.indexOf('.');
  return amount.toFixed(dot < 0 ? 0 : sample.length - dot - 1);
}

/** The installment's own amounts (no penalty), so a partly paid one can say "1,490.16 of 2,482.16". */
function ownAmounts(i: InstallmentJson, sample: string): { ownDue: string; ownOutstanding: string } {
  const own = ['principal', 'interest', 'fees', 'vat'] as const;
  const sum = (f: (c: InstallmentJson['components']['principal']) => string) =>
    fixedLike(
      own.reduce((s, k) => s.plus(f(i.components[k])), new Dec(0)),
      sample,
    );
  return { ownDue: sum((c) => c.due), ownOutstanding: sum((c) => c.outstanding) };
}

/**
 * An installment's word is about the installment itself — principal, interest, fees, VAT — like its
 * days past due: one whose own amounts are paid reads "paid" even while a penalty on it is still
 * owed (that shows as the penalty, apart). The core's 'due' (falls due today) reads 'due' whether or
 * not a part is paid (what is still owed on it is shown beside the word): before, it read as the
 * installment ahead ("upcoming") while the arrears figure already counted it.
 */
function statusWord(i: InstallmentJson): InstallmentStatusWord {
  const c = i.components;
  if ([c.principal, c.interest, c.fees, c.vat].every((x) => new Dec(x.outstanding).isZero())) return 'paid';
  switch (i.status) {
    case 'partial':
    case 'overdue':
    case 'due':
      return i.status;
    default:
      return new Dec(i.paid).gt(0) ? 'partial' : 'upcoming';
  }
}
