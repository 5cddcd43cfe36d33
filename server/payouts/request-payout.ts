import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { currencyScale } from '../../lending/currency.js';
import { parseAmount } from '../../lending/money.js';
import type { Database } from '../db/schema.js';
import { AppError } from '../errors.js';
import { parseClabe } from '../integrations/payments/clabe.js';
import { uuidv7 } from '../security/uuidv7.js';
import { findPayoutByKey, toPayoutRecord, type PayoutRecord, type PayoutRow } from './payout-repo.js';
import { refuseSecondPayout } from './payout-guards.js';
import { isUniqueViolation } from '../db/executor.js';

// Step 1 of a payout, the TigerBeetle way: the id (also the provider's order id) is made and
// stored before anything is sent. The key is the activity's event_token, unique per portal:
// a repeat with the same body returns the first record; a repeat with another body is refused.

export interface PayoutRequestInput {
  /** Idempotency key: the Bitrix24 activity's event_token. */
  key: string;
  /** Decimal string, e.g. "15000.00". */
  amount: string;
  currency: string;
  clabe: string;
  holderName: string;
  loanRef?: string | null;
  description?: string;
  /** Provider code: 'openpay' | 'manual' | … */
  provider: string;
}

export interface RequestPayoutOptions {
  now?: () => number;
  maxAttempts?: number;
  /**
   * Runs in the same transaction as the insert, only for a NEW payout: enqueue the outbox job
   * here (`enqueue(trx, {kind: 'payout.execute', idempotencyKey: 'payout:' + id, payload: {payoutId}})`).
   */
  onCreated?: (trx: Transaction<Database>, payout: PayoutRecord) => Promise<void>;
  /** Refuse (ALREADY_DISBURSED) a new key for a loanRef that has a payout which did not fail. */
  oncePerLoan?: boolean;
}

export const DEFAULT_PAYOUT_MAX_ATTEMPTS = 8;

function validationError(message: string): AppError {
  return new AppError('VALIDATION', message, message);
}

function canonicalAmount(amount: string, currency: string): string {
  try {
    const scale = currencyScale(currency);
    return parseAmount(amount, 'amount', { positive: true, scale }).toFixed(scale);
  } catch (e) {
    throw validationError((e as Error).message);
  }
}

export function payoutRequestHash(p: {
  amount: string;
  currency: string;
  clabe: string;
  holderName: string;
  loanRef: string | null;
  description: string;
  provider: string;
}): string {
  return createHash('sha256')
    .update(JSON.stringify([p.amount, p.currency, p.clabe, p.holderName, p.loanRef, p.description, p.provider]))
    .digest('hex');
}

export async function requestPayout(
  db: Kysely<Database>,
  portalId: string,
  input: PayoutRequestInput,
  options: RequestPayoutOptions = {},
): Promise<PayoutRecord> {
  if (!input.key || input.key.length > 255) throw validationError('Idempotency key must be 1..255 characters');
  const currency = input.currency.toUpperCase();
  const amount = canonicalAmount(input.amount, currency);
  const clabe = parseClabe(input.clabe);
  const holderName = input.holderName.trim();
  if (!holderName || holderName.length > 100) throw validationError('Holder name must be 1..100 characters');
  const loanRef = input.loanRef ?? null;
  const description = (input.description ?? (loanRef ? `Loan ${loanRef}` : 'Loan payout')).slice(0, 250);
  const requestHash = payoutRequestHash({ amount, currency, clabe, holderName, loanRef, description, provider: input.provider });
  const now = options.now?.() ?? Date.now();
  const iso = new Date(now).toISOString();
  const id = uuidv7(now);

  const row = await storePayout(db, portalId, input.key, loanRef, async (trx) => {
    if (options.oncePerLoan && loanRef && !(await findPayoutByKey(trx, portalId, input.key))) {
      await refuseSecondPayout(trx, portalId, loanRef, input.key);
    }
    const res = await trx
      .insertInto('payouts')
      .values({
        portal_id: portalId,
        id,
        idempotency_key: input.key,
        loan_ref: loanRef,
        amount,
        currency,
        clabe,
        holder_name: holderName,
        description,
        request_hash: requestHash,
        status: 'requested',
        provider: input.provider,
        provider_payout_id: null,
        last_error: null,
        attempts: 0,
        max_attempts: options.maxAttempts ?? DEFAULT_PAYOUT_MAX_ATTEMPTS,
        next_attempt_at: now,
        created_at: iso,
        updated_at: iso,
        completed_at: null,
      })
      // Only a repeat of the key is "nothing to do"; a second live payout of the loan hits the
      // partial unique index payouts_portal_live_loan and fails (see storePayout).
      .onConflict((oc) => oc.columns(['portal_id', 'idempotency_key']).doNothing())
      .executeTakeFirst();
    const created = Number(res.numInsertedOrUpdatedRows ?? 0) === 1;
    const stored = await trx
      .selectFrom('payouts')
      .selectAll()
      .where('portal_id', '=', portalId)
      .where('idempotency_key', '=', input.key)
      .executeTakeFirstOrThrow();
    if (created && options.onCreated) await options.onCreated(trx, toPayoutRecord(stored));
    return stored;
  });

  if (row.request_hash !== requestHash) {
    throw new AppError(
      'IDEMPOTENCY_MISMATCH',
      `Payout key ${input.key} was first used for ${row.amount} ${row.currency} (payout ${row.id}); this request differs`,
      { key: 'PAYOUT_REQUEST_REUSED' },
      { payoutId: row.id, firstAmount: row.amount, firstCurrency: row.currency, amount, currency },
    );
  }
  return toPayoutRecord(row);
}

/**
 * Runs the insert transaction. The check in it cannot see a payout another transaction has inserted
 * but not yet committed (READ COMMITTED), so the database index is the real guard: its violation
 * means another key's live payout of this loan won the race, and is refused like the check would.
 */
async function storePayout(
  db: Kysely<Database>,
  portalId: string,
  key: string,
  loanRef: string | null,
  work: (trx: Transaction<Database>) => Promise<PayoutRow>,
): Promise<PayoutRow> {
  try {
    return await db.transaction().execute(work);
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    // A repeat of the same key racing its own first insert (a robot call delivered many times at
    // once): PostgreSQL may report the live-loan index before ON CONFLICT on the key sees the winner.
    // The winner's row is the answer, as for any repeat (its request hash is compared by the caller).
    const same = await db
      .selectFrom('payouts')
      .selectAll()
      .where('portal_id', '=', portalId)
      .where('idempotency_key', '=', key)
      .executeTakeFirst();
    if (same) return same;
    if (!loanRef) throw e;
    await refuseSecondPayout(db, portalId, loanRef, key);
    throw e;
  }
}

export { findPayoutByKey };
