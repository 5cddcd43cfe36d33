import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Executor } from '../../loans/db-types.js';

// Row type of payment_imports (migration 202611240100-payment-imports). The table is added to the
// app's Database type here, with Kysely's withTables, rather than in server/db/schema.ts.

export type ImportStatus = 'previewed' | 'applied' | 'refused';

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
};

// A type alias (not an interface) so it satisfies withTables' Record constraint.
export type PaymentImportTables = { payment_imports: PaymentImportsTable };

export function importsDb(db: Executor): Kysely<Database & PaymentImportTables> {
  return db.withTables<PaymentImportTables>();
}
