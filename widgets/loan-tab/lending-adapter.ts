// The one seam between the tab and the money core (lending/, issue 4): JSON in, JSON out, the same
// commands the CLI and POST /api/v1/lending/* run, so the tab shows exactly what the server stores.
// A LendingError becomes an issue {code, field} that the form shows next to the field.
import { currencyScale, isLendingError, parseAmount, parseIsoDate, scheduleFromJson, serviceLoanJson } from '../../lending/index.js';
import type {
  EffectiveRates,
  LendingIssue,
  LoanInput,
  Outcome,
  PaymentInput,
  Schedule,
  Servicing,
  ServicingInput,
} from './lending-types.js';

/** 'fees[0].amount' → 'fees.0.amount', so a form field can claim every issue under its prefix. */
function fieldOf(path: string): string {
  const f = path.replace(/\[(\d+)\]/g, '.$1').replace(/^loan\./, '');
  // The form has one date for contract and disbursement.
  return f === 'contractDate' ? 'disbursementDate' : f;
}

function attempt<T>(run: () => T): Outcome<T> {
  try {
    return { ok: true, value: run() };
  } catch (e) {
    if (isLendingError(e)) return { ok: false, issues: [{ code: e.code, field: fieldOf(e.path) }] };
    throw e;
  }
}

/** The schedule without effective rates: cheap enough for every keystroke. */
export function computeSchedule(input: LoanInput): Outcome<Schedule> {
  return attempt(() => {
    const s = scheduleFromJson({ ...input, effectiveRates: [] });
    return {
      installmentAmount: s.installmentAmount,
      rows: s.rows,
      totals: { principal: s.totals.principal, interest: s.totals.interest, fees: s.totals.fees, vat: s.totals.vat, total: s.totals.total },
    };
  });
}

/** ПСК / CAT / XIRR as the core picks them for the loan (its currency or profile). */
export function computeEffectiveRates(input: LoanInput): Outcome<EffectiveRates> {
  return attempt(() => scheduleFromJson(input).effectiveRates);
}

/**
 * The loan's servicing as the server computes it for the loan API and the CRM sync — the same
 * function (lending/servicing/loan-servicing.ts) — with the tab's what-if date and penalty rate.
 */
export function computeServicing(input: ServicingInput): Outcome<Servicing> {
  return attempt(() => {
    const l = input.loan;
    const penalty = input.penaltyDailyPercent?.trim();
    const r = serviceLoanJson({
      loan: {
        currency: l.currency,
        disbursementDate: l.disbursementDate,
        contractDate: l.contractDate,
        profile: l.profile,
        payoffInterest: l.payoffInterest,
      },
      rows: input.rows,
      payments: input.payments,
      asOf: input.asOf,
      ...(penalty ? { penaltyDailyPercent: penalty.replace(',', '.') } : {}),
      lateFees: l.lateFees,
      delinquency: l.delinquency,
      // Booked prepayments, as the server services them: one that rebuilds the tail needs the terms.
      ...(input.prepayments?.length ? { prepayments: input.prepayments, terms: l } : {}),
    });
    return {
      installments: r.installments.map((i) => ({
        n: i.n,
        dueDate: i.dueDate,
        due: i.due,
        paid: i.paid,
        outstanding: i.outstanding,
        penalty: i.penalty,
        daysPastDue: i.daysPastDue,
        status: i.status,
        ownDue: i.ownDue,
        ownOutstanding: i.ownOutstanding,
        // The late fees charged to the installment (issue 13), shown under its status.
        ...(i.charges?.length ? { charges: i.charges } : {}),
      })),
      allocations: r.allocations.map((a) => ({
        paymentId: a.paymentId,
        date: a.date,
        amount: a.amount,
        penalty: a.penalty,
        interest: a.interest,
        principal: a.principal,
        fees: a.fees,
        vat: a.vat,
        inAdvance: a.inAdvance,
      })),
      daysPastDue: r.daysPastDue,
      penaltyOutstanding: r.penaltyOutstanding,
      toBeCurrent: r.toBeCurrent,
      pastDue: r.pastDue,
      payoff: r.payoff.amount,
      nextPayment: r.nextPayment,
      loanStatus: r.loanStatus,
      penaltyDailyPercent: r.penaltyDailyPercent,
      creditBalance: r.creditBalance,
      outstanding: r.outstanding.total,
    };
  });
}

/** A payment the user typed: a valid date and a positive amount in the currency's scale. */
export function checkPayment(p: PaymentInput, scale: number): LendingIssue | null {
  const r = attempt(() => {
    parseIsoDate(p.date, 'paymentDate');
    parseAmount(p.amount, 'paymentAmount', { positive: true, scale });
    return true;
  });
  return r.ok ? null : (r.issues[0] ?? null);
}

export function scaleOf(currency: string): number {
  try {
    return currencyScale(currency);
  } catch {
    return 2;
  }
}
