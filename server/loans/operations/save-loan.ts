import Decimal from 'decimal.js';
import { AppError } from '../../errors.js';
import { getProduct } from '../../products/product-repo.js';
import { isUniqueViolation, type Executor, type Trx } from '../../db/executor.js';
import { asLendingFailure, buildSchedule, lendingRefusal, serviceLoan } from '../lending-adapter.js';
import type { LoanInput, Schedule } from '../lending-types.js';
import type { Loan } from '../loan.js';
import { appendLedgerEntry } from '../ledger-repo.js';
import { findLoanByDeal, insertLoan, updateLoanTerms } from '../loan-repo.js';
import { getScheduleVersion, insertScheduleVersion } from '../schedule-version-repo.js';
import { LOAN_SYNC_JOB, type Actor, type LoanDeps } from './deps.js';
import { currencyScale } from '../../../lending/currency.js';
import { requestHash } from './money.js';
import { requireActive, requireActiveInTransaction } from './loan-open.js';
import { checkAgainstProduct } from './product-check.js';
import { checkLateFees } from './late-fee-check.js';
import { checkGraceDays } from './grace-days-check.js';
import type { LoanProduct } from '../../products/product.js';

/**
 * A check run inside the save's transaction once the saved loan's row is held (the row lock
 * `requireActiveInTransaction` takes), before anything is written: it sees the loan and any state
 * committed before the lock, and whatever commits after waits for the save. The offer freeze
 * (server/lifecycle/offer-freeze-check.ts) is one; loans/ does not import lifecycle/, so it comes in.
 */
export type InTransactionGuard = (trx: Trx, saved: Loan, next: { terms: LoanInput; productId: string | null }) => Promise<void>;

export interface SaveLoanRequest {
  productId?: string | null;
  terms: LoanInput;
  reason?: string;
  guard?: InTransactionGuard;
}

export interface SaveLoanResult {
  loanId: string;
  version: number;
  created: boolean;
  /** False when the terms equal the current version: nothing was written. */
  changed: boolean;
  schedule: Schedule;
}

/** Builds the schedule with the core, turning its refusal into a 422 LOAN_TERMS_REFUSED with the core's code and field. */
export function scheduleOrRefuse(terms: LoanInput): Schedule {
  try {
    return buildSchedule(terms);
  } catch (e) {
    const f = asLendingFailure(e);
    if (!f) throw e;
    throw lendingRefusal(f, `lending refused the loan: ${f.message} at ${f.path}`);
  }
}

/**
 * Refuses a penalty rate, late fee or delinquency setting the core would refuse when servicing (not a
 * number, negative, above the profile's cap — RU-MFO 20 % a year, overlapping pauses): checked once on
 * save so no stored loan fails to service.
 */
function checkPenaltyRate(terms: LoanInput, schedule: Schedule): void {
  try {
    serviceLoan({ terms, schedule, payments: [], asOf: terms.disbursementDate });
  } catch (e) {
    const f = asLendingFailure(e);
    if (f && /^(lateFees|delinquency)\b/.test(f.path))
      throw lendingRefusal(f, `lending refused the servicing terms: ${f.message} at ${f.path}`);
    if (!f?.path.startsWith('penalty')) throw e;
    throw lendingRefusal(f, `lending refused the penalty: ${f.message}`, 'penaltyDailyPercent');
  }
}

/**
 * Stores the loan of a deal: terms, a new schedule version, the disbursement (or an adjustment
 * when the principal changes) in the ledger, and the portal sync job — all in one transaction.
 * Saving the same terms again is a no-op.
 */
export async function saveLoan(
  db: Executor,
  portalId: string,
  dealId: number,
  req: SaveLoanRequest,
  actor: Actor,
  deps: LoanDeps,
): Promise<SaveLoanResult> {
  // The core defaults the disbursement to the contract date; we store it explicitly because the
  // ledger and servicing read it.
  const terms: LoanInput = { ...req.terms, disbursementDate: req.terms.disbursementDate ?? req.terms.contractDate };
  const schedule = scheduleOrRefuse(terms);
  checkPenaltyRate(terms, schedule);
  const productId = req.productId ?? null;
  let product: LoanProduct | null = null;
  if (productId) {
    product = await getProduct(db, portalId, productId);
    if (!product) throw new AppError('PRODUCT_NOT_FOUND', `product ${productId} not in portal`, undefined, { field: 'productId' });
    checkAgainstProduct(terms, product, schedule.rows.length - (terms.downPayment ? 1 : 0));
  }
  try {
    return await db
      .transaction()
      .execute((trx) =>
        saveInTransaction(trx, portalId, dealId, product, terms, schedule, { reason: req.reason ?? 'save', guard: req.guard }, actor, deps),
      );
  } catch (e) {
    // Two first saves for the same deal raced; the loser may simply retry.
    if (isUniqueViolation(e)) throw new AppError('CONFLICT', `concurrent save of deal ${dealId}`, { key: 'LOAN_SAVED_CONCURRENTLY' });
    throw e;
  }
}

async function saveInTransaction(
  trx: Trx,
  portalId: string,
  dealId: number,
  product: LoanProduct | null,
  terms: LoanInput,
  schedule: Schedule,
  how: { reason: string; guard?: InTransactionGuard },
  actor: Actor,
  deps: LoanDeps,
): Promise<SaveLoanResult> {
  const reason = how.reason;
  const nowIso = deps.now().toISOString();
  const productId = product?.id ?? null;
  const existing = await findLoanByDeal(trx, portalId, dealId);
  // Late fees and grace are checked against the saved version (a contract keeps its terms), so in here.
  if (product && !existing) {
    checkLateFees(terms, product, null);
    checkGraceDays(terms, product, null);
  }
  let loan: Loan;
  let version: number;
  if (!existing) {
    version = 1;
    loan = {
      id: deps.newId(),
      portalId,
      dealId,
      productId,
      currency: terms.currency,
      principal: terms.principal,
      terms,
      status: 'ACTIVE',
      closedReason: null,
      closedAt: null,
      currentScheduleVersion: 1,
      createdAt: nowIso,
      updatedAt: nowIso,
    };
    await insertLoan(trx, loan, actor.userId);
    await postPrincipal(
      trx,
      portalId,
      loan.id,
      'DISBURSEMENT',
      'disbursement',
      new Decimal(terms.principal).toFixed(currencyScale(terms.currency)),
      terms,
      actor,
      deps,
    );
  } else {
    loan = existing;
    // A closed loan is read-only, even for a save that would change nothing (409, not a silent 200).
    requireActive(loan);
    await requireActiveInTransaction(trx, portalId, loan.id);
    await how.guard?.(trx, loan, { terms, productId });
    const current = await getScheduleVersion(trx, portalId, loan.id, loan.currentScheduleVersion);
    if (product) {
      const saved = current && loan.productId === productId ? current.terms : null;
      checkLateFees(terms, product, saved);
      checkGraceDays(terms, product, saved);
    }
    if (current && sameTerms(current.terms, terms) && loan.productId === productId) {
      return { loanId: loan.id, version: loan.currentScheduleVersion, created: false, changed: false, schedule: current };
    }
    version = loan.currentScheduleVersion + 1;
    const ok = await updateLoanTerms(trx, portalId, loan.id, {
      productId,
      currency: terms.currency,
      principal: terms.principal,
      terms,
      version,
      expectedVersion: loan.currentScheduleVersion,
      nowIso,
    });
    if (!ok) throw new AppError('CONFLICT', `loan ${loan.id} changed concurrently`, { key: 'LOAN_CHANGED_MEANWHILE' });
    const delta = new Decimal(terms.principal).sub(loan.principal);
    if (!delta.isZero())
      await postPrincipal(
        trx,
        portalId,
        loan.id,
        'ADJUSTMENT',
        `principal:v${version}`,
        delta.toFixed(currencyScale(terms.currency)),
        terms,
        actor,
        deps,
      );
  }
  await insertScheduleVersion(trx, portalId, { loanId: loan.id, version, terms, schedule, reason, createdBy: actor.userId, nowIso });
  await deps.enqueue?.(trx, {
    portalId,
    kind: LOAN_SYNC_JOB,
    idempotencyKey: `loan-sync:${loan.id}:v${version}`,
    payload: { loanId: loan.id, dealId },
  });
  return { loanId: loan.id, version, created: !existing, changed: true, schedule };
}

async function postPrincipal(
  trx: Trx,
  portalId: string,
  loanId: string,
  kind: 'DISBURSEMENT' | 'ADJUSTMENT',
  externalId: string,
  amount: string,
  terms: LoanInput,
  actor: Actor,
  deps: LoanDeps,
): Promise<void> {
  await appendLedgerEntry(trx, portalId, {
    id: deps.newId(),
    loanId,
    kind,
    amount,
    currency: terms.currency,
    valueDate: terms.disbursementDate,
    externalId,
    requestHash: requestHash({ kind, amount, date: terms.disbursementDate }),
    reversesId: null,
    reasonCode: kind === 'ADJUSTMENT' ? 'TERMS_CHANGED' : null,
    method: null,
    reference: null,
    allocation: null,
    createdBy: actor.userId,
    createdAt: deps.now().toISOString(),
  });
}

function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
    );
  return v;
}

function sameTerms(a: LoanInput, b: LoanInput): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}
