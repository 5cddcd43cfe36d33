import Decimal from 'decimal.js';
import { AppError } from '../../errors.js';
import type { Executor } from '../../db/executor.js';
import type { LedgerEntry } from '../loan.js';
import { findEntryByExternalId, findReversalOf } from '../ledger-repo.js';
import { appendEntryWithSync } from './append-entry.js';
import { isoDay, type Actor, type LoanDeps } from './deps.js';
import { getLoan } from '../loan-repo.js';
import { requireActive } from './loan-open.js';
import { loadLoanStateByDeal, requireLoan } from './loan-state.js';
import { reversalVersionWrite } from './reversal-schedule.js';
import { currencyScale } from '../../../lending/currency.js';
import { requestHash } from './money.js';

export interface ReversalRequest {
  reasonCode: string;
  note?: string | null;
}

export interface ReversalResult {
  entry: LedgerEntry;
  replayed: boolean;
  /** The loan's schedule version once reversed: one more when the reversal changed the schedule. */
  version: number;
}

/**
 * Reverses a wrong payment or prepayment with a new REVERSAL entry (negated amount, reason code); the
 * entry itself is never edited. It reverses once; repeating the same reversal returns it. Servicing
 * then leaves it out; when that changes the schedule the loan holds (a rebuilding prepayment, with any
 * later prepayments re-applied in date order: reversal-schedule.ts says why), the schedule is written
 * as a new version in the same transaction, and the portal sync is queued with it as for any entry.
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
  const state = requireLoan(await loadLoanStateByDeal(db, portalId, dealId), dealId);
  const { loan } = state;
  const payment = await findEntryByExternalId(db, portalId, loan.id, paymentId);
  if (!payment || (payment.kind !== 'PAYMENT' && payment.kind !== 'PREPAYMENT'))
    throw new AppError('PAYMENT_NOT_FOUND', `payment ${paymentId} not on loan ${loan.id}`);
  const hash = requestHash({ kind: 'REVERSAL', reverses: payment.id, reasonCode: req.reasonCode });

  const prior = await findReversalOf(db, portalId, payment.id);
  if (prior) return replay(prior, hash, paymentId, loan.currentScheduleVersion);
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
  const rebuilt = reversalVersionWrite(state, entry, paymentId, actor, deps);
  // A concurrent identical reversal may win the insert (before any version is written): answer as its replay.
  const out = await appendEntryWithSync(
    db,
    deps,
    { portalId, loanId: loan.id, dealId, syncKey: `rev:${entry.id}` },
    entry,
    () => findReversalOf(db, portalId, payment.id),
    rebuilt ?? undefined,
  );
  if (!out.appended) {
    const now = await getLoan(db, portalId, loan.id);
    return replay(out.winner, hash, paymentId, now?.currentScheduleVersion ?? loan.currentScheduleVersion);
  }
  return { entry, replayed: false, version: loan.currentScheduleVersion + (rebuilt ? 1 : 0) };
}

function replay(prior: LedgerEntry, hash: string, paymentId: string, version: number): ReversalResult {
  if (prior.requestHash !== hash) {
    throw new AppError(
      'IDEMPOTENCY_MISMATCH',
      `payment ${paymentId} already reversed with another reason`,
      { key: 'PAYMENT_REVERSED_OTHERWISE' },
      { field: 'reasonCode' },
    );
  }
  return { entry: prior, replayed: true, version };
}
