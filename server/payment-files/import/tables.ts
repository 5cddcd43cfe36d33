// Row type of payment_imports (migrations 202611240100-payment-imports, 202612030100-payment-import-progress),
// part of the app's Database type (server/db/schema.ts) like every other table.

/** queued → parsing → previewed | applied | refused; failed when it could not finish (retry it). */
export type ImportStatus = 'queued' | 'parsing' | 'previewed' | 'applied' | 'refused' | 'failed';

/** Still being worked on: a row in one of these past its lease was abandoned. */
export const ACTIVE_STATUSES: readonly ImportStatus[] = ['queued', 'parsing'];

export type PaymentImportsTable = {
  portal_id: string;
  id: string;
  file_name: string;
  file_sha256: string;
  format: string;
  rows: number;
  new_count: number;
  already_count: number;
  issue_count: number;
  status: string;
  created_by: number | null;
  created_at: string;
  /** 1 preview, 0 apply; null on rows from before the background import. */
  dry_run: number | null;
  lease_until: string | null;
  updated_at: string | null;
  /** JSON of ImportOutcome (repository.ts); null while queued or parsing. */
  outcome: string | null;
};

export interface PaymentImportTables {
  payment_imports: PaymentImportsTable;
}
