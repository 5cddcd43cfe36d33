import Decimal from 'decimal.js';
import { AppError } from '../../errors.js';
import type { Executor } from '../../db/executor.js';
import type { PaymentAllocation } from '../lending-types.js';
import type { LedgerEntry } from '../loan.js';
import { findEntryByExternalId } from '../ledger-repo.js';
import { appendEntryWithSync } from './append-entry.js';
import { isoDay, type Actor, type LoanDeps } from './deps.js';
import { requireActive } from './loan-open.js';
import { loadLoanStateByDeal, requireLoan, servicingOf } from './loan-state.js';
import { positiveAmount, requestHash } from './money.js';

export interface PaymentRequest {
  /** Made by the client before sending; the idempotency key of this payment. */
  id: string;
  date: string;
  amount: string;
  method?: string | null;
  reference?: string | null;
}

export interface PaymentResult {
  entry: LedgerEntry;
  /** True when this was a repeat of an already registered payment (the first result is returned). */
  replayed: boolean;
}

/**
 * Appends a PAYMENT to the loan's ledger, idempotently by the caller's id: the same id with the
 * same body returns the first result; with a different body it is refused (IDEMPOTENCY_MISMATCH).
 * The core allocates the payment as of its value date and the allocation is stored with it.
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
  const body = { kind: 'PAYMENT', date: req.date, amount, method: req.method ?? null, reference: req.reference ?? null };
  const hash = requestHash(body);

  const first = await findEntryByExternalId(db, portalId, loan.id, req.id);
  if (first) return replay(first, hash, req.id);
  // A repeat of a payment registered while the loan was open still answers its first result (it
  // writes nothing); a new payment on a closed loan is refused.
  requireActive(loan);
  if (req.date < state.schedule.terms.disbursementDate) {
    throw new AppError('PAYMENT_BEFORE_DISBURSEMENT', `payment ${req.date} before disbursement`, undefined, { field: 'date' });
  }
  if (req.date > isoDay(deps.now())) {
    throw new AppError('PAYMENT_IN_FUTURE', `payment ${req.date} after today`, undefined, { field: 'date' });
  }
  const allocation = allocate(state, req.id, req.date, amount);
  const entry: LedgerEntry = {
    id: deps.newId(),
    loanId: loan.id,
    kind: 'PAYMENT',
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
  };
  // A concurrent request with the same id may win the insert: then answer as a replay of it.
  const out = await appendEntryWithSync(db, deps, { portalId, loanId: loan.id, dealId, syncKey: `pay:${entry.id}` }, entry, () =>
    findEntryByExternalId(db, portalId, loan.id, req.id),
  );
  if (!out.appended) return replay(out.winner, hash, req.id);
  return { entry, replayed: false };
}

/** Components + excess of an allocation (inAdvance is a share of the components, not extra). */
export function allocationSum(a: PaymentAllocation): Decimal {
  return [a.principal, a.interest, a.fees, a.vat, a.penalty, a.excess].reduce((s, x) => s.add(x), new Decimal(0));
}

function replay(first: LedgerEntry, hash: string, id: string): PaymentResult {
  if (first.kind !== 'PAYMENT' || first.requestHash !== hash) {
    throw new AppError(
      'IDEMPOTENCY_MISMATCH',
      `payment id ${id} reused with a different body`,
      { key: 'PAYMENT_ID_REUSED' },
      { field: 'id' },
    );
  }
  return { entry: first, replayed: true };
}

function allocate(state: Parameters<typeof servicingOf>[0], id: string, date: string, amount: string): PaymentAllocation {
  const servicing = servicingOf(state, date, [{ id, date, amount }]);
  const a = servicing.allocations.find((x) => x.paymentId === id);
  if (!a) throw new AppError('INTERNAL', `core returned no allocation for payment ${id}`);
  // Invariant (STYLE.md, TigerBeetle habit): the allocation sums to the payment exactly.
  const sum = allocationSum(a);
  if (!sum.eq(amount)) throw new AppError('INTERNAL', `allocation of ${id} sums to ${sum.toFixed()} not ${amount}`);
  return a;
}
