// Servicing result → JSON (amounts as fixed-point strings).
import type { Dec } from '../decimal.js';
import { formatMoney } from '../money.js';
import { COMPONENTS, type Component } from './allocation-orders.js';
import type { Amounts, PrepaymentMode, ServicingResult, ServicingTerms } from './types.js';

type AmountsJson = Record<Component, string>;

export interface InstallmentJson {
  n: number;
  dueDate: string;
  due: string;
  paid: string;
  outstanding: string;
  penalty: string;
  daysPastDue: number;
  status: string;
  components: Record<Component, { due: string; paid: string; outstanding: string }>;
  /** Late fees charged on this installment (part of its penalty component); absent when none. */
  charges?: { name: string; date: string; amount: string; vat: string }[];
}

/** How one payment was spread by component; components + inAdvance + excess sum to the payment. */
export type AllocationJson = {
  paymentId: string;
  date: string;
  amount: string;
  inAdvance: string;
  excess: string;
  /** A prepayment: its mode and the principal it took off before the schedule was rebuilt. */
  prepayment?: { mode: PrepaymentMode; principal: string };
} & AmountsJson;

export interface ServicingJson {
  asOf: string;
  currency: string;
  allocationOrder?: string;
  installments: InstallmentJson[];
  allocations: AllocationJson[];
  /** Delinquent days: after the grace days, paused days not counted. */
  daysPastDue: number;
  /** Calendar days since the oldest unpaid due date. */
  pastDueDays: number;
  bucket: string;
  /** The buckets the loan went through: entered on `from`, left on `to`. */
  dpdHistory: { bucket: string; from: string; to?: string }[];
  delinquencyPaused: boolean;
  outstanding: AmountsJson & { total: string };
  penaltyOutstanding: string;
  toBeCurrent: string;
  /** What payments beyond the payoff left over: the client's credit balance, to refund or hold. */
  creditBalance: string;
  payoff: { amount: string; principal: string; interest: string; fees: string; vat: string; penalty: string };
}

export function servicingToJson(r: ServicingResult, t: ServicingTerms): ServicingJson {
  const m = (d: Dec) => formatMoney(d, t.scale);
  const amounts = (a: Amounts): AmountsJson => Object.fromEntries(COMPONENTS.map((c) => [c, m(a[c])])) as AmountsJson;
  const total = (a: Amounts) => COMPONENTS.reduce((s, c) => s.plus(a[c]), a.principal.minus(a.principal));
  return {
    asOf: r.asOf,
    currency: t.currency,
    ...(t.orderName ? { allocationOrder: t.orderName } : {}),
    installments: r.installments.map((i) => ({
      n: i.n,
      dueDate: i.dueDate,
      due: m(total(i.due)),
      paid: m(total(i.paid)),
      outstanding: m(total(i.outstanding)),
      penalty: m(i.outstanding.penalty),
      daysPastDue: i.daysPastDue,
      status: i.status,
      components: Object.fromEntries(
        COMPONENTS.map((c) => [c, { due: m(i.due[c]), paid: m(i.paid[c]), outstanding: m(i.outstanding[c]) }]),
      ) as InstallmentJson['components'],
      ...(i.charges.length ? { charges: i.charges.map((c) => ({ name: c.name, date: c.date, amount: m(c.amount), vat: m(c.vat) })) } : {}),
    })),
    allocations: r.allocations.map((a) => ({
      paymentId: a.paymentId,
      date: a.date,
      amount: m(a.amount),
      ...amounts(a.parts),
      inAdvance: m(a.inAdvance),
      excess: m(a.excess),
      ...(a.prepayment ? { prepayment: { mode: a.prepayment.mode, principal: m(a.prepayment.principal) } } : {}),
    })),
    daysPastDue: r.daysPastDue,
    pastDueDays: r.pastDueDays,
    bucket: r.bucket,
    dpdHistory: r.dpdHistory.map((s) => ({ ...s })),
    delinquencyPaused: r.delinquencyPaused,
    outstanding: { ...amounts(r.outstanding), total: m(total(r.outstanding)) },
    penaltyOutstanding: m(r.outstanding.penalty),
    toBeCurrent: m(r.toBeCurrent),
    creditBalance: m(r.allocations.reduce((sum, a) => sum.plus(a.excess), r.toBeCurrent.minus(r.toBeCurrent))),
    payoff: {
      amount: m(r.payoff.amount),
      principal: m(r.payoff.principal),
      interest: m(r.payoff.interest),
      fees: m(r.payoff.fees),
      vat: m(r.payoff.vat),
      penalty: m(r.payoff.penalty),
    },
  };
}
