// Kysely row type for `payouts` (migration 202611220250-payouts).

import type { RequestRowColumns } from '../db/request-row.js';

export type PayoutStatus = 'requested' | 'pending' | 'succeeded' | 'failed' | 'unknown';

/** The request columns (id, key, hash, provider, attempts, times) are db/request-row.ts's. */
export interface PayoutsTable extends RequestRowColumns {
  loan_ref: string | null;
  /** Decimal string in major units at the currency's scale. */
  amount: string;
  currency: string;
  clabe: string;
  holder_name: string;
  description: string;
  status: PayoutStatus;
  provider_payout_id: string | null;
  completed_at: string | null;
}

export interface PayoutTables {
  payouts: PayoutsTable;
}
