import type { Selectable } from 'kysely';
import type { PayoutsTable, PayoutStatus } from './tables.js';
import type { Executor } from '../db/executor.js';
import { toRequestRecord, type RequestRecord } from '../db/request-row.js';

// Row ↔ domain mapping for payouts (the columns every sent-once request keeps: db/request-row.ts).
// Amount stays a decimal string.

export interface PayoutRecord extends RequestRecord {
  loanRef: string | null;
  amount: string;
  currency: string;
  clabe: string;
  holderName: string;
  description: string;
  status: PayoutStatus;
  providerPayoutId: string | null;
  completedAt: string | null;
}

export type PayoutRow = Selectable<PayoutsTable>;

export function toPayoutRecord(r: PayoutRow): PayoutRecord {
  return {
    ...toRequestRecord(r),
    loanRef: r.loan_ref,
    amount: r.amount,
    currency: r.currency,
    clabe: r.clabe,
    holderName: r.holder_name,
    description: r.description,
    status: r.status,
    providerPayoutId: r.provider_payout_id,
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
