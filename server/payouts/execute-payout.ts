import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { AppError } from '../errors.js';
import { isPaymentProviderError } from '../integrations/payments/provider-error.js';
import type { PaymentProvider, ProviderPayout } from '../integrations/payments/provider.js';
import { findPayoutById, type PayoutRecord, type PayoutRef } from './payout-repo.js';
import type { PayoutStatus } from './tables.js';

// Step 2, run by the outbox worker (any number of them, any number of times):
// - one attempt at a time: a compare-and-swap on `attempts` claims the row and sets a lease
//   (next_attempt_at); a worker that lost the lease cannot write its result (same CAS);
// - before every attempt after the first, ask the provider for the payout by our order id —
//   a timeout, a 5xx or a crash may have hidden a payout that was in fact made;
// - the status is `unknown` from the moment a request may leave until its answer is stored;
// - retryable failures back off exponentially; after max_attempts the payout is `failed` with
//   the reason, unless the provider cannot tell us whether it exists (then it stays `unknown`
//   for a person to reconcile — never re-sent blindly).

export interface ExecutePayoutOptions {
  now?: () => number;
  /** How long one attempt may hold the row before another worker may take over. */
  leaseMs?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
}

export interface ExecutePayoutResult {
  payout: PayoutRecord;
  /** Set while the payout still needs another attempt: not before this epoch ms. */
  retryAt?: number;
}

const FINAL: ReadonlySet<PayoutStatus> = new Set(['succeeded', 'failed']);

export function payoutBackoffMs(attempts: number, baseMs = 2_000, maxMs = 300_000): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1));
}

function describe(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).slice(0, 1000);
}

export async function executePayout(
  db: Kysely<Database>,
  provider: PaymentProvider,
  ref: PayoutRef,
  options: ExecutePayoutOptions = {},
): Promise<ExecutePayoutResult> {
  const now = options.now ?? Date.now;
  const leaseMs = options.leaseMs ?? 60_000;
  const payoutId = ref.id;
  const row = await findPayoutById(db, ref.portalId, payoutId);
  if (!row) throw new AppError('NOT_FOUND', `Payout ${payoutId} not found`);
  if (row.provider !== provider.code)
    throw new AppError('CONFLICT', `Payout ${payoutId} belongs to provider ${row.provider}, not ${provider.code}`);
  if (FINAL.has(row.status) || row.status === 'pending') return { payout: row };
  const t0 = now();
  if (row.nextAttemptAt > t0) return { payout: row, retryAt: row.nextAttemptAt };
  if (row.attempts >= row.maxAttempts) return { payout: row }; // stuck `unknown`: for a person

  // Claim (CAS on attempts + status): exactly one caller wins this attempt.
  const attempt = row.attempts + 1;
  const claimed = await db
    .updateTable('payouts')
    .set({ status: 'unknown', attempts: attempt, next_attempt_at: t0 + leaseMs, updated_at: new Date(t0).toISOString() })
    .where('portal_id', '=', row.portalId)
    .where('id', '=', row.id)
    .where('attempts', '=', row.attempts)
    .where('status', '=', row.status)
    .where('next_attempt_at', '<=', t0)
    .executeTakeFirst();
  if (Number(claimed.numUpdatedRows) !== 1) {
    const current = (await findPayoutById(db, row.portalId, payoutId)) ?? row;
    return { payout: current, ...(FINAL.has(current.status) || current.status === 'pending' ? {} : { retryAt: current.nextAttemptAt }) };
  }

  const finish = async (set: {
    status: PayoutStatus;
    provider_payout_id?: string | null;
    last_error: string | null;
    next_attempt_at?: number;
  }) => {
    const t = now();
    await db
      .updateTable('payouts')
      .set({
        ...set,
        next_attempt_at: set.next_attempt_at ?? t,
        updated_at: new Date(t).toISOString(),
        ...(FINAL.has(set.status) ? { completed_at: new Date(t).toISOString() } : {}),
      })
      .where('portal_id', '=', row.portalId)
      .where('id', '=', row.id)
      .where('attempts', '=', attempt) // fencing: a worker whose lease was taken over writes nothing
      .execute();
    const stored = (await findPayoutById(db, row.portalId, payoutId)) ?? row;
    return {
      payout: stored,
      ...(stored.status === 'unknown' && stored.attempts < stored.maxAttempts ? { retryAt: stored.nextAttemptAt } : {}),
    };
  };
  const store = (p: ProviderPayout) =>
    finish({
      status: p.status,
      provider_payout_id: p.providerPayoutId,
      last_error: p.status === 'failed' ? (p.failureReason ?? 'failed at the provider') : null,
    });
  const lookup = () => provider.getPayoutByOrderId(row.id, { createdOn: row.createdAt.slice(0, 10) });

  try {
    // Anything before may have reached the provider: ask first, never send a second create.
    if (row.attempts > 0 || row.status === 'unknown') {
      const found = await lookup();
      if (found) return await store(found);
    }
    return await store(
      await provider.createPayout({
        orderId: row.id,
        amount: row.amount,
        currency: row.currency,
        clabe: row.clabe,
        holderName: row.holderName,
        description: row.description,
      }),
    );
  } catch (e) {
    if (isPaymentProviderError(e) && e.info.duplicate) {
      const found = await lookup().catch(() => undefined);
      if (found) return store(found);
    }
    if (isPaymentProviderError(e) && !e.info.retryable && !e.info.duplicate) {
      return finish({ status: 'failed', last_error: `${e.code}: ${describe(e)}` });
    }
    // Our own refusal before anything was sent (e.g. a currency the client cannot pay out in): no
    // retry can change the answer, so fail now instead of after max_attempts.
    if (e instanceof AppError && !isPaymentProviderError(e) && e.status < 500 && e.code !== 'RATE_LIMITED') {
      return finish({ status: 'failed', last_error: `${e.code}: ${describe(e)}` });
    }
    const reason = `${isPaymentProviderError(e) || e instanceof AppError ? `${e.code}: ` : ''}${describe(e)}`;
    if (attempt >= row.maxAttempts) {
      // Last attempt: settle it if the provider can tell us; otherwise leave it for a person.
      try {
        const found = await lookup();
        if (found) return await store(found);
        return await finish({ status: 'failed', last_error: `gave up after ${attempt} attempts: ${reason}` });
      } catch (lookupError) {
        return finish({
          status: 'unknown',
          last_error: `gave up after ${attempt} attempts: ${reason}; outcome unknown (lookup failed: ${describe(lookupError)}) — reconcile by hand`,
        });
      }
    }
    return finish({
      status: 'unknown',
      last_error: reason,
      next_attempt_at: now() + payoutBackoffMs(attempt, options.backoffBaseMs, options.backoffMaxMs),
    });
  }
}

/** Pending payouts (OpenPay: in_progress until the next banking day) — ask the provider again. */
export async function refreshPayout(
  db: Kysely<Database>,
  provider: PaymentProvider,
  ref: PayoutRef,
  options: { now?: () => number } = {},
): Promise<PayoutRecord> {
  const payoutId = ref.id;
  const row = await findPayoutById(db, ref.portalId, payoutId);
  if (!row) throw new AppError('NOT_FOUND', `Payout ${payoutId} not found`);
  if (row.status !== 'pending') return row;
  const found = await provider.getPayoutByOrderId(row.id, { createdOn: row.createdAt.slice(0, 10) });
  if (!found || found.status === 'pending') return row;
  const t = (options.now ?? Date.now)();
  await db
    .updateTable('payouts')
    .set({
      status: found.status,
      provider_payout_id: found.providerPayoutId,
      last_error: found.status === 'failed' ? (found.failureReason ?? 'failed at the provider') : null,
      updated_at: new Date(t).toISOString(),
      completed_at: new Date(t).toISOString(),
    })
    .where('portal_id', '=', row.portalId)
    .where('id', '=', row.id)
    .where('status', '=', 'pending')
    .execute();
  return (await findPayoutById(db, row.portalId, payoutId)) ?? row;
}
