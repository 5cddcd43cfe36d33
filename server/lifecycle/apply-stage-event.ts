import type { JobContext } from '../jobs/job.js';
import { AppError } from '../errors.js';
import { enqueue } from '../jobs/outbox.js';
import { closeLoan, findLoanByDeal, getLoan, lockActiveLoan } from '../loans/loan-repo.js';
import { listLedger } from '../loans/ledger-repo.js';
import { saveLoan } from '../loans/operations/save-loan.js';
import { defaultLoanDeps } from '../loans/operations/deps.js';
import { findPayoutByKey, refuseUnservedCurrency, requestPayout } from '../payouts/index.js';
import { enqueuePayoutExecution } from '../payouts/payout-jobs.js';
import { fieldText } from '../portal-client/field-text.js';
import type { Loan } from '../loans/loan.js';
import { queueComment } from './timeline-comment.js';
import type { ApplyPayload } from './process-deal.js';
import { getDealLifecycle, getStageMap, setDealFacts } from './repo.js';
import type { StageMap } from './stage-map.js';
import type { LifecycleDeps } from './deps.js';

// The loan side of a stage transition, run once per transition by the outbox (keyed by its id) and
// safe to run again: every step checks what is already done.
//   OFFER_FIXED      the current schedule version is frozen as the offer
//   CONTRACT_SIGNED  recorded (phase) only
//   ISSUED           the loan starts on the day the deal entered the stage (its disbursement date is
//                    moved there while no payment is booked); with payoutOnIssue, one payout keyed
//                    by the loan is queued through the payout flow (payout.execute sends it)
// A note on the deal's timeline (why the loan did not follow) is its own job: timeline-comment.ts.
//   CLOSED           a loan not issued (no issue day, no payment) is closed as DEAL_LOST; an issued
//                    one stays and a timeline comment on the deal says why

export async function applyStageEvent(ctx: JobContext, portalId: string, p: ApplyPayload, deps: LifecycleDeps): Promise<string> {
  const db = ctx.db;
  const now = deps.now;
  const map = await getStageMap(db, portalId, p.categoryId);
  const row = await getDealLifecycle(db, portalId, p.dealId);
  const loan = await findLoanByDeal(db, portalId, p.dealId);
  const nowIso = now().toISOString();
  switch (p.event) {
    case 'CONTRACT_SIGNED':
      return 'recorded';
    case 'OFFER_FIXED':
      if (!loan) return 'no loan';
      return `offer v${await fixOffer(db, portalId, loan, nowIso)}`;
    case 'ISSUED': {
      if (!loan || loan.status !== 'ACTIVE') {
        await queueComment(db, portalId, p, map?.lang, 'noLoanToIssue');
        return 'no loan';
      }
      if (!row?.issuedOn) {
        const dated = await startOn(db, portalId, loan, p.on, now);
        if (!dated) {
          await queueComment(db, portalId, p, map?.lang, 'issueRefused');
          return 'date refused';
        }
        await setDealFacts(db, portalId, p.dealId, { issuedOn: p.on }, nowIso);
      }
      // Checked on every pass (a retry after a failed request still queues it): keyed by the loan, once.
      if (map?.payoutOnIssue && !(await findPayoutByKey(db, portalId, payoutKey(loan)))) {
        try {
          await queuePayout(ctx, deps, portalId, loan, map, p.dealId);
        } catch (e) {
          // The payout robot paid this loan out first (its own key, same loan): the money left once.
          if (e instanceof AppError && e.code === 'ALREADY_DISBURSED') return 'issued: paid out by the robot';
          // No CLABE on the deal, a currency the provider does not pay in, …: no retry fixes it.
          if (!(e instanceof AppError) || e.status >= 500) throw e;
          await queueComment(db, portalId, p, map?.lang, 'payoutRefused');
          return 'issued: payout refused';
        }
      }
      return row?.issuedOn ? 'already issued' : 'issued';
    }
    case 'CLOSED': {
      if (!loan || loan.status !== 'ACTIVE') return 'no open loan';
      const booked = (await listLedger(db, portalId, loan.id)).some((e) => e.kind === 'PAYMENT');
      if (row?.issuedOn || booked) {
        await queueComment(db, portalId, p, map?.lang, 'issuedNotCancelled');
        return 'issued: refused';
      }
      await closeLoan(db, portalId, loan.id, { reason: 'DEAL_LOST', nowIso });
      return 'cancelled';
    }
  }
}

/**
 * Records the offer's version holding the loan's row — the lock a save takes before its offer-freeze
 * guard reads (save-loan.ts, offer-freeze-check.ts): a racing save either commits first, and its
 * version is the offer, or waits and then sees the offer fixed and refuses (issue 14).
 */
async function fixOffer(db: JobContext['db'], portalId: string, loan: Loan, nowIso: string): Promise<number> {
  return db.transaction().execute(async (trx) => {
    // A closed loan takes no saves, so there is no race to hold it against: its version as read.
    const held = (await lockActiveLoan(trx, portalId, loan.id)) ? await getLoan(trx, portalId, loan.id) : null;
    const version = (held ?? loan).currentScheduleVersion;
    await setDealFacts(trx, portalId, loan.dealId, { offerVersion: version }, nowIso);
    return version;
  });
}

/** Moves the disbursement to the issue day (a new schedule version); false when the core refuses the date. */
async function startOn(db: JobContext['db'], portalId: string, loan: Loan, on: string, now: () => Date): Promise<boolean> {
  if (loan.terms.disbursementDate === on) return true;
  const booked = (await listLedger(db, portalId, loan.id)).some((e) => e.kind === 'PAYMENT');
  if (booked) return true; // repayment already started: the loan keeps its dates
  try {
    await saveLoan(
      db,
      portalId,
      loan.dealId,
      { productId: loan.productId, terms: { ...loan.terms, disbursementDate: on }, reason: 'issued' },
      { userId: null },
      defaultLoanDeps({ now, enqueue: (trx, job) => enqueue(trx, job) }),
    );
    return true;
  } catch (e) {
    if (e instanceof AppError && e.status < 500) return false;
    throw e;
  }
}

const payoutKey = (loan: Loan) => `lifecycle-issue:${loan.id}`;

/**
 * One payout per loan: the key is the loan's, so a second ISSUED transition (or a second apply job of
 * one) finds the first; the row's `payout.execute` job (server/payouts/payout-jobs.ts, in the app's
 * table) sends it once, asking the provider by the row's id before any retry. The payout robot stores
 * its own row under its event_token for the same loan_ref: `oncePerLoan` and the index
 * payouts_portal_live_loan let only one of the two live, so the loan is never paid out twice.
 */
async function queuePayout(
  ctx: JobContext,
  deps: LifecycleDeps,
  portalId: string,
  loan: Loan,
  map: StageMap,
  dealId: number,
): Promise<void> {
  const portal = await ctx.portal();
  const deal = await portal.call<Record<string, unknown>>('crm.deal.get', { id: dealId });
  const provider = await deps.payments(portalId);
  // As the robot does (server/activities/jobs/payout.ts): refused before anything is stored.
  refuseUnservedCurrency(provider, loan.currency);
  await requestPayout(
    ctx.db,
    portalId,
    {
      key: payoutKey(loan),
      amount: loan.principal,
      currency: loan.currency,
      clabe: map.payoutClabeField ? fieldText(deal[map.payoutClabeField]) : '',
      holderName: fieldText(deal.TITLE) || `Deal ${dealId}`,
      loanRef: loan.id,
      provider: provider.code,
    },
    { oncePerLoan: true, onCreated: (trx, payout) => enqueuePayoutExecution(trx, payout).then(() => undefined) },
  );
}
