import Decimal from 'decimal.js';
import { AppError } from '../../errors.js';
import type { Executor } from '../../db/executor.js';
import type { LedgerEntry } from '../loan.js';
import { findEntryByExternalId, findReversalOf } from '../ledger-repo.js';
import { appendEntryWithSync } from './append-entry.js';
import { isoDay, type Actor, type LoanDeps } from './deps.js';
import { findLoanByDeal } from '../loan-repo.js';
import { requireActive } from './loan-open.js';
import { currencyScale } from '../../../lending/currency.js';
import { requestHash } from './money.js';

export interface ReversalRequest {
  reasonCode: string;
  note?: string | null;
}

export interface ReversalResult {
  entry: LedgerEntry;
  replayed: boolean;
}

/**
 * Reverses a wrong payment with a new REVERSAL entry (negated amount, reason code); the payment
 * itself is never edited. A payment reverses once; repeating the same reversal returns it.
 */
export async function reversePayment(
  db: Executor,
  portalId: string,
  dealId: number,
  paymentId: string,
  req: ReversalRequest,
  actor: Actor,
  deps: LoanDeps,
): Promise<ReversalResult> {
  const loan = await findLoanByDeal(db, portalId, dealId);
  if (!loan) throw new AppError('LOAN_NOT_FOUND', `no loan for deal ${dealId}`);
  const payment = await findEntryByExternalId(db, portalId, loan.id, paymentId);
  if (!payment || payment.kind !== 'PAYMENT') throw new AppError('PAYMENT_NOT_FOUND', `payment ${paymentId} not on loan ${loan.id}`);
  const hash = requestHash({ kind: 'REVERSAL', reverses: payment.id, reasonCode: req.reasonCode });

  const prior = await findReversalOf(db, portalId, payment.id);
  if (prior) return replay(prior, hash, paymentId);
  requireActive(loan);
  const entry: LedgerEntry = {
    id: deps.newId(),
    loanId: loan.id,
    kind: 'REVERSAL',
    amount: new Decimal(payment.amount).neg().toFixed(currencyScale(payment.currency)),
    currency: payment.currency,
    valueDate: isoDay(deps.now()),
    externalId: `reversal:${paymentId}`,
    requestHash: hash,
    reversesId: payment.id,
    reasonCode: req.reasonCode,
    method: null,
    reference: req.note ?? null,
    allocation: null,
    createdBy: actor.userId,
    createdAt: deps.now().toISOString(),
  };
  const out = await appendEntryWithSync(db, deps, { portalId, loanId: loan.id, dealId, syncKey: `rev:${entry.id}` }, entry, () =>
    findReversalOf(db, portalId, payment.id),
  );
  if (!out.appended) return replay(out.winner, hash, paymentId);
  return { entry, replayed: false };
}

function replay(prior: LedgerEntry, hash: string, paymentId: string): ReversalResult {
  if (prior.requestHash !== hash) {
    throw new AppError(
      'IDEMPOTENCY_MISMATCH',
      `payment ${paymentId} already reversed with another reason`,
      { key: 'PAYMENT_REVERSED_OTHERWISE' },
      { field: 'reasonCode' },
    );
  }
  return { entry: prior, replayed: true };
}
