// The one seam between the tab and the money core (lending/, issue 4): JSON in, JSON out, the same
// commands the CLI and POST /api/v1/lending/* run, so the tab shows exactly what the server stores.
// A LendingError becomes an issue {code, field} that the form shows next to the field.
import { currencyScale, isLendingError, parseAmount, parseIsoDate, scheduleFromJson, servicingFromJson } from '../../lending/index.js';
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
      totals: { principal: s.totals.principal, interest: s.totals.interest, fees: s.totals.fees, total: s.totals.total },
    };
  });
}

/** ПСК / CAT / XIRR as the core picks them for the loan (its currency or profile). */
export function computeEffectiveRates(input: LoanInput): Outcome<EffectiveRates> {
  return attempt(() => scheduleFromJson(input).effectiveRates);
}

export function computeServicing(input: ServicingInput): Outcome<Servicing> {
  return attempt(() => {
    const penalty = input.penaltyDailyPercent.trim();
    const l = input.loan;
    const r = servicingFromJson({
      rows: input.rows,
      currency: l.currency,
      disbursementDate: l.disbursementDate,
      ...(l.profile ? { profile: l.profile, contractDate: l.contractDate } : {}),
      asOf: input.asOf,
      // Payments the chosen date has not reached yet do not count (the core refuses them).
      payments: input.payments.filter((p) => p.date <= input.asOf),
      ...(penalty === '' || Number(penalty) === 0 ? {} : { penalty: { dailyPercent: penalty.replace(',', '.') } }),
      // A regulatory profile fixes the order itself; otherwise Russia's statutory order for RUB loans
      // and "penalties first" elsewhere.
      ...(l.profile ? {} : { allocation: l.currency === 'RUB' ? 'ru-statutory-2024' : 'penalties-first' }),
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
        status: (i.status === 'due' ? 'upcoming' : i.status) as Servicing['installments'][number]['status'],
      })),
      allocations: r.allocations.map((a) => ({
        paymentId: a.paymentId,
        date: a.date,
        amount: a.amount,
        penalty: a.penalty,
        interest: a.interest,
        principal: a.principal,
        fees: a.fees,
        inAdvance: a.inAdvance,
      })),
      daysPastDue: r.daysPastDue,
      penaltyOutstanding: r.penaltyOutstanding,
      toBeCurrent: r.toBeCurrent,
      payoff: r.payoff.amount,
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
