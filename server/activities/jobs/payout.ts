import type { JobContext, JobHandler } from '../../jobs/job.js';
import { enqueue } from '../../jobs/outbox.js';
import { AppError } from '../../errors.js';
import { executePayout, refuseRepaidLoan, refuseUnservedCurrency, requestPayout, type PayoutRecord } from '../../payouts/index.js';
import { findLoanByDeal } from '../../loans/loan-repo.js';
import { JOB_KIND } from '../codes.js';
import { updateCall, type ActivityCall } from '../call-repo.js';
import type { ActivityDeps } from '../deps.js';
import { logProgress } from '../bizproc-report.js';
import { ACTIVITY_JOB_MAX_ATTEMPTS, failOrRetry, isSettled, loadCall, reportCall, settleCall, type CallOutcome } from './context.js';
import { fieldText } from '../../portal-client/field-text.js';

// payout activity: requestPayout keyed by event_token (the id is stored before anything is sent) →
// executePayout (ask-before-retry, never a second payout) → return values status, providerReference,
// amount, sent to the workflow by the same job. A payout that needs another attempt gets a new job at
// its own retryAt (same call).
// The loan's DISBURSEMENT ledger entry is written when the loan is saved (server/loans save-loan);
// the payout carries the loan id as loan_ref so the two can be matched. A currency the provider does
// not pay out in, and a loan already paid out (another payout of it that did not fail, payments
// booked, closed) are refused at once with the reason in the workflow (server/payouts/payout-guards.ts).

const str = (v: unknown) => (typeof v === 'string' ? v : Array.isArray(v) ? String(v[0] ?? '') : '');

async function request(deps: ActivityDeps, ctx: JobContext, call: ActivityCall): Promise<PayoutRecord> {
  const props = (call.request.properties ?? {}) as Record<string, unknown>;
  if (!call.dealId) throw new AppError('VALIDATION', 'payout runs on deals only', { key: 'ROBOT_DEALS_ONLY' });
  const provider = await deps.providers.payments(call.portalId);
  const b24 = await ctx.portal();
  const deal = await b24.call<Record<string, unknown>>('crm.deal.get', { id: call.dealId });
  const loan = await findLoanByDeal(ctx.db, call.portalId, call.dealId);
  const amount = str(props.amount) || loan?.principal || fieldText(deal.OPPORTUNITY);
  const currency = loan?.currency ?? fieldText(deal.CURRENCY_ID ?? 'MXN');
  // Refused at once (a 4xx: failOrRetry reports it without retrying), before anything is stored.
  refuseUnservedCurrency(provider, currency);
  if (loan) await refuseRepaidLoan(ctx.db, loan);
  let holderName = str(props.holderName);
  if (!holderName && Number(deal.CONTACT_ID ?? 0) > 0) {
    const c = await b24.call<Record<string, unknown>>('crm.contact.get', { id: Number(deal.CONTACT_ID) });
    holderName = [c.NAME, c.LAST_NAME].filter((x) => typeof x === 'string' && x).join(' ');
  }
  const cfg = deps.options.payouts;
  return requestPayout(
    ctx.db,
    call.portalId,
    {
      key: call.key,
      amount,
      currency,
      clabe: str(props.clabe),
      holderName: holderName || fieldText(deal.TITLE),
      loanRef: loan?.id ?? `deal:${call.dealId}`,
      provider: provider.code,
    },
    { oncePerLoan: true, ...(cfg?.maxAttempts !== undefined ? { maxAttempts: cfg.maxAttempts } : {}) },
  );
}

function valuesOf(p: PayoutRecord): Record<string, unknown> {
  return {
    status: p.status,
    providerReference: p.providerPayoutId ?? '',
    amount: `${p.amount} ${p.currency}`,
    payoutId: p.id,
    ...(p.lastError ? { error: p.lastError } : {}),
  };
}

async function attempt(deps: ActivityDeps, ctx: JobContext, call: ActivityCall): Promise<CallOutcome | 'later'> {
  const payout = await request(deps, ctx, call);
  const provider = await deps.providers.payments(call.portalId);
  const r = await executePayout(ctx.db, provider, payout, deps.options.payouts ?? {});
  const p = r.payout;
  if (r.retryAt !== undefined) {
    const b24 = await ctx.portal();
    if (p.lastError)
      await logProgress(
        b24,
        call.key,
        `Payout attempt ${p.attempts} of ${p.maxAttempts} failed: ${p.lastError}; retrying at ${new Date(r.retryAt).toISOString()}`,
      );
    await ctx.db.transaction().execute((trx) =>
      enqueue(trx, {
        portalId: call.portalId,
        kind: JOB_KIND.payout,
        idempotencyKey: `payout-attempt:${p.id}:${p.attempts}:${r.retryAt}`,
        payload: { callId: call.id },
        runAfterMs: r.retryAt,
        maxAttempts: ACTIVITY_JOB_MAX_ATTEMPTS,
      }),
    );
    return 'later';
  }
  const failed = p.status === 'failed' || p.status === 'unknown';
  const log = failed
    ? `Payout ${p.status}: ${p.lastError ?? 'no reason given'}`
    : `Payout ${p.status}: ${p.amount} ${p.currency}, reference ${p.providerPayoutId ?? ''}`;
  return { values: valuesOf(p), log, failed };
}

export function payoutJob(deps: ActivityDeps): JobHandler<{ callId: string }> {
  return async (job, ctx) => {
    const call = await loadCall(job, ctx);
    if (isSettled(call)) return reportCall(ctx, call); // a rerun after the answer failed or was cut short
    await updateCall(ctx.db, call.portalId, call.id, { status: 'running' }, ['received', 'running']);
    let outcome: CallOutcome | 'later';
    try {
      outcome = await attempt(deps, ctx, call);
    } catch (e) {
      outcome = failOrRetry(job, e, (reason) => ({ status: 'failed', providerReference: '', amount: '', error: reason }), 'Payout');
    }
    if (outcome !== 'later') await settleCall(ctx, call, outcome);
  };
}
