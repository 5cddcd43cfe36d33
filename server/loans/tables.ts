// Kysely row types for the loan tables (migration 202611220300-loans). Money is a decimal string,
// dates are ISO strings, JSON columns are TEXT we (de)serialise in the repositories.

export interface LoanProductsTable {
  portal_id: string;
  id: string;
  name: string;
  method: string;
  rate_unit: string;
  rate_min: string;
  rate_max: string;
  term_min: number;
  term_max: number;
  amount_min: string | null;
  amount_max: string | null;
  currency: string | null;
  fees: string;
  day_count: string;
  profile: string | null;
  /** 'pro-rata' | 'whole-period' (migration 202612041620). */
  payoff_interest: string;
  /** 'periods' | 'dates'; null = the profile's (migration 202612041620). */
  cat_basis: string | null;
  /** JSON array of lending's LateFeeJson (migration 202612041710). */
  late_fees: string;
  /** Days after a due date before days past due count; null = none (migration 202612041710). */
  delinquency_grace_days: number | null;
  /** 1 = a loan of the product may go without its late fees (migration 202612042210). */
  late_fees_waivable: number;
  /** Installments in multiples of (decimal string); null = the loan's (migration 202612042250). */
  installment_step: string | null;
  /** 'fixed-payment' | 'resolved' | 'fineract'; null = the loan's (migration 202612042250). */
  annuity_mode: string | null;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface LoansTable {
  portal_id: string;
  id: string;
  deal_id: number;
  product_id: string | null;
  currency: string;
  principal: string;
  terms: string;
  status: string;
  current_schedule_version: number;
  /** Why a CLOSED loan was closed (LoanClosedReason); null while ACTIVE (migration 202611230100). */
  closed_reason: string | null;
  closed_at: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface ScheduleVersionsTable {
  portal_id: string;
  loan_id: string;
  version: number;
  terms: string;
  installment_amount: string;
  rows: string;
  totals: string;
  effective_rates: string;
  reason: string;
  created_by: number | null;
  created_at: string;
  /** The version whose rows servicing starts from when prepayments rebuilt this one; null = built from its terms (migration 202612050100). */
  base_version: number | null;
}

export interface LedgerEntriesTable {
  portal_id: string;
  id: string;
  loan_id: string;
  kind: string;
  amount: string;
  currency: string;
  value_date: string;
  external_id: string;
  request_hash: string;
  reverses_id: string | null;
  reason_code: string | null;
  method: string | null;
  reference: string | null;
  allocation: string | null;
  created_by: number | null;
  created_at: string;
  /** A PREPAYMENT's mode: 'reduce-term' | 'reduce-installment' | 'reschedule-next'; null otherwise (migration 202612050100). */
  prepayment_mode: string | null;
}

export interface PortalItemsTable {
  portal_id: string;
  loan_id: string;
  installment: number;
  entity_type_id: number;
  item_id: number;
  fields_hash: string;
  updated_at: string;
}

export interface LoanSyncStateTable {
  portal_id: string;
  loan_id: string;
  adds_in_flight: number;
  lease_until: string | null;
  deal_fields_hash: string | null;
  last_synced_at: string | null;
  last_error: string | null;
}

export interface LoanTables {
  loan_products: LoanProductsTable;
  loans: LoansTable;
  schedule_versions: ScheduleVersionsTable;
  ledger_entries: LedgerEntriesTable;
  portal_items: PortalItemsTable;
  loan_sync_state: LoanSyncStateTable;
}
