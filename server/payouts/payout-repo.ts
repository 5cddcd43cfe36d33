import type { Selectable } from 'kysely';
import type { PayoutsTable, PayoutStatus } from './tables.js';
import type { Executor } from '../db/executor.js';

// Row ↔ domain mapping for payouts. Amount stays a decimal string; next_attempt_at comes back as a
// string from pg (bigint) and is read through Number().

export interface PayoutRecord {
  id: string;
  portalId: string;
  key: string;
  loanRef: string | null;
  amount: string;
  currency: string;
  clabe: string;
  holderName: string;
  description: string;
  status: PayoutStatus;
  provider: string;
  providerPayoutId: string | null;
  lastError: string | null;
  attempts: number;
  maxAttempts: number;
  nextAttemptAt: number;
  requestHash: string;
  createdAt: string;
  updatedAt: string;
  completedAt: string | null;
}

export type PayoutRow = Selectable<PayoutsTable>;

export function toPayoutRecord(r: PayoutRow): PayoutRecord {
  return {
    id: r.id,
    portalId: r.portal_id,
    key: r.idempotency_key,
    loanRef: r.loan_ref,
    amount: r.amount,
    currency: r.currency,
    clabe: r.clabe,
    holderName: r.holder_name,
    description: r.description,
    status: r.status,
    provider: r.provider,
    providerPayoutId: r.provider_payout_id,
    lastError: r.last_error,
    attempts: Number(r.attempts),
    maxAttempts: Number(r.max_attempts),
    nextAttemptAt: Number(r.next_attempt_at),
    requestHash: r.request_hash,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    completedAt: r.completed_at,
  };
}

/** A payout and the portal it belongs to: what a lookup by id needs, so one portal never reads another's row. */
export type PayoutRef = Pick<PayoutRecord, 'portalId' | 'id'>;

export async function findPayoutById(db: Executor, portalId: string, id: string): Promise<PayoutRecord | undefined> {
  const r = await db.selectFrom('payouts').selectAll().where('portal_id', '=', portalId).where('id', '=', id).executeTakeFirst();
  return r ? toPayoutRecord(r) : undefined;
}

export async function findPayoutByKey(db: Executor, portalId: string, key: string): Promise<PayoutRecord | undefined> {
  const r = await db
    .selectFrom('payouts')
    .selectAll()
    .where('portal_id', '=', portalId)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
  return r ? toPayoutRecord(r) : undefined;
}
