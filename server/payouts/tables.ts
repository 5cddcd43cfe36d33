// Kysely row type for `payouts` (migration 202611220250-payouts).

export type PayoutStatus = 'requested' | 'pending' | 'succeeded' | 'failed' | 'unknown';

export interface PayoutsTable {
  portal_id: string;
  id: string;
  idempotency_key: string;
  loan_ref: string | null;
  /** Decimal string in major units at the currency's scale. */
  amount: string;
  currency: string;
  clabe: string;
  holder_name: string;
  description: string;
  request_hash: string;
  status: PayoutStatus;
  provider: string;
  provider_payout_id: string | null;
  last_error: string | null;
  attempts: number;
  max_attempts: number;
  /** Epoch ms (pg returns bigint as string: read through Number()). */
  next_attempt_at: number | string;
  created_at: string;
  updated_at: string;
  completed_at: string | null;
}

export interface PayoutTables {
  payouts: PayoutsTable;
}
