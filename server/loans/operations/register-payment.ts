import Decimal from 'decimal.js';
import { AppError } from '../../errors.js';
import type { Executor } from '../../db/executor.js';
import type { PaymentAllocation } from '../lending-types.js';
import type { LedgerEntry, PrepaymentMode } from '../loan.js';
import { findEntryByExternalId } from '../ledger-repo.js';
import { appendEntryWithSync } from './append-entry.js';
import { isoDay, type Actor, type LoanDeps } from './deps.js';
import { requireActive } from './loan-open.js';
import { loadLoanStateByDeal, requireLoan, servicingOf, type LoanState } from './loan-state.js';
import { positiveAmount, requestHash } from './money.js';
import { rebuiltVersionWrite, requireModeAllowed, requireWithinPayoff } from './prepayment-checks.js';

export interface PaymentRequest {
  /** Made by the client before sending; the idempotency key of this payment. */
  id: string;
  date: string;
  amount: string;
  method?: string | null;
  reference?: string | null;
  /**
   * Set: a prepayment with this mode (a PREPAYMENT entry), applied in date order among the payments;
   * reduce-term / reduce-installment rebuild the schedule into a new version. Absent: an ordinary payment.
   */
  prepaymentMode?: PrepaymentMode | undefined;
}

export interface PaymentResult {
  entry: LedgerEntry;
  /** True when this was a repeat of an already registered payment (the first result is returned). */
  replayed: boolean;
  /** The loan's current schedule version once booked (one more when this prepayment rebuilt the schedule). */
  version?: number;
}

/**
 * Appends a PAYMENT (or a PREPAYMENT with its mode) to the loan's ledger, idempotently by the caller's
 * id: the same id with the same body returns the first result; with a different body it is refused
 * (IDEMPOTENCY_MISMATCH). The core allocates it as of its value date and the allocation is stored
 * with it; a prepayment that took principal off stores the rebuilt schedule as the next version in
 * the same transaction.
 */
export async function registerPayment(
  db: Executor,
  portalId: string,
  dealId: number,
  req: PaymentRequest,
  actor: Actor,
  deps: LoanDeps,
): Promise<PaymentResult> {
  const state = requireLoan(await loadLoanStateByDeal(db, portalId, dealId), dealId);
  const { loan } = state;
  const amount = positiveAmount(req.amount, loan.currency, 'amount');
  const mode = req.prepaymentMode;
  const kind = mode ? 'PREPAYMENT' : 'PAYMENT';
  const body = { kind, date: req.date, amount, method: req.method ?? null, reference: req.reference ?? null, ...(mode ? { mode } : {}) };
  const hash = requestHash(body);

  const first = await findEntryByExternalId(db, portalId, loan.id, req.id);
  if (first) return replay(first, kind, hash, req.id);
  // A repeat of a payment registered while the loan was open still answers its first result (it
  // writes nothing); a new payment on a closed loan is refused.
  requireActive(loan);
  if (req.date < state.schedule.terms.disbursementDate) {
    throw new AppError('PAYMENT_BEFORE_DISBURSEMENT', `payment ${req.date} before disbursement`, undefined, { field: 'date' });
  }
  if (req.date > isoDay(deps.now())) {
    throw new AppError('PAYMENT_IN_FUTURE', `payment ${req.date} after today`, undefined, { field: 'date' });
  }
  if (mode) {
    requireModeAllowed(state, mode);
    requireWithinPayoff(state, req.date, amount);
  }
  const allocation = allocate(state, { id: req.id, date: req.date, amount }, mode);
  const entry: LedgerEntry = {
    id: deps.newId(),
    loanId: loan.id,
    kind,
    amount,
    currency: loan.currency,
    valueDate: req.date,
    externalId: req.id,
    requestHash: hash,
    reversesId: null,
    reasonCode: null,
    method: body.method,
    reference: body.reference,
    allocation,
    createdBy: actor.userId,
    createdAt: deps.now().toISOString(),
    prepaymentMode: mode ?? null,
  };
  const rebuilt = mode ? rebuiltVersionWrite(state, entry, actor, deps) : null;
  // A concurrent request with the same id may win the insert: then answer as a replay of it.
  const out = await appendEntryWithSync(
    db,
    deps,
    { portalId, loanId: loan.id, dealId, syncKey: `pay:${entry.id}` },
    entry,
    () => findEntryByExternalId(db, portalId, loan.id, req.id),
    rebuilt ?? undefined,
  );
  if (!out.appended) return replay(out.winner, kind, hash, req.id);
  return { entry, replayed: false, version: loan.currentScheduleVersion + (rebuilt ? 1 : 0) };
}

/** Components + excess of an allocation (inAdvance is a share of the components, not extra). */
export function allocationSum(a: PaymentAllocation): Decimal {
  return [a.principal, a.interest, a.fees, a.vat, a.penalty, a.excess].reduce((s, x) => s.add(x), new Decimal(0));
}

function replay(first: LedgerEntry, kind: LedgerEntry['kind'], hash: string, id: string): PaymentResult {
  if (first.kind !== kind || first.requestHash !== hash) {
    throw new AppError(
      'IDEMPOTENCY_MISMATCH',
      `payment id ${id} reused with a different body`,
      { key: 'PAYMENT_ID_REUSED' },
      { field: 'id' },
    );
  }
  return { entry: first, replayed: true };
}

function allocate(state: LoanState, p: { id: string; date: string; amount: string }, mode: PrepaymentMode | undefined): PaymentAllocation {
  const { id, amount } = p;
  const servicing = servicingOf(state, p.date, mode ? { prepayments: [{ ...p, mode }] } : { payments: [p] });
  const a = servicing.allocations.find((x) => x.paymentId === id);
  if (!a) throw new AppError('INTERNAL', `core returned no allocation for payment ${id}`);
  // Invariant (STYLE.md, TigerBeetle habit): the allocation sums to the payment exactly.
  const sum = allocationSum(a);
  if (!sum.eq(amount)) throw new AppError('INTERNAL', `allocation of ${id} sums to ${sum.toFixed()} not ${amount}`);
  return a;
}
