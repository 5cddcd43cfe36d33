import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import { AppError } from '../errors.js';
import type { PaymentProvider } from '../integrations/payments/provider.js';

// Refusals that must come before a payout is stored, so the workflow hears them at once instead of
// after every retry: a currency the provider does not pay out in, and a loan whose money is already
// out (a payout of it under another key that did not fail, or a loan already being repaid / closed).
// The event_token key stays the exactly-once handle: a repeat of the SAME call is not a second payout.

export function refuseUnservedCurrency(provider: PaymentProvider, currency: string): void {
  const served = provider.currencies;
  if (!served || served.includes(currency.toUpperCase())) return;
  throw new AppError(
    'PAYOUT_CURRENCY_UNSUPPORTED',
    `provider ${provider.code} pays out in ${served.join(', ')}, not ${currency}`,
    { key: 'PAYOUT_CURRENCY_ONLY', params: { currency, served: served.join(', ') } },
    { provider: provider.code, currency, served: [...served] },
  );
}

function alreadyDisbursed(loanRef: string, detail: string, details: Record<string, unknown>): AppError {
  return new AppError('ALREADY_DISBURSED', `loan ${loanRef}: ${detail}`, undefined, details);
}

/**
 * Refuses when `loanRef` has a live payout (not failed) under another key: inside the transaction
 * that would store a NEW payout, and again after the database's partial unique index refused an
 * insert that raced past that check.
 */
export async function refuseSecondPayout(
  db: Kysely<Database> | Transaction<Database>,
  portalId: string,
  loanRef: string,
  key: string,
): Promise<void> {
  const other = await db
    .selectFrom('payouts')
    .select(['id', 'status'])
    .where('portal_id', '=', portalId)
    .where('loan_ref', '=', loanRef)
    .where('idempotency_key', '!=', key)
    .where('status', '!=', 'failed')
    .executeTakeFirst();
  if (other) throw alreadyDisbursed(loanRef, `payout ${other.id} is ${other.status}`, { payoutId: other.id, status: other.status });
}

/** A closed loan, or one with payments booked, had its money out long ago (maybe outside the app). */
export async function refuseRepaidLoan(db: Kysely<Database>, loan: { portalId: string; id: string; status: string }): Promise<void> {
  if (loan.status !== 'ACTIVE') throw alreadyDisbursed(loan.id, `loan is ${loan.status}`, { loanStatus: loan.status });
  const payment = await db
    .selectFrom('ledger_entries')
    .select('id')
    .where('portal_id', '=', loan.portalId)
    .where('loan_id', '=', loan.id)
    .where('kind', '=', 'PAYMENT')
    .executeTakeFirst();
  if (payment) throw alreadyDisbursed(loan.id, 'loan is being repaid', { paymentId: payment.id });
}
