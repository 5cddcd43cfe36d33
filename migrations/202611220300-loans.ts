import type { Kysely } from 'kysely';

// Loans, their schedule versions, the append-only ledger, the map from installments to portal
// smart-process items, and the per-loan sync state. Frozen in time: Kysely<any>, no app imports.
// Portable across SQLite and PostgreSQL: money and dates are TEXT (decimal strings, ISO dates),
// JSON is TEXT we stringify ourselves, booleans are integers 0/1.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('loan_products')
    .addColumn('portal_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('rate_unit', 'text', (c) => c.notNull())
    .addColumn('rate_min', 'text', (c) => c.notNull())
    .addColumn('rate_max', 'text', (c) => c.notNull())
    .addColumn('term_min', 'integer', (c) => c.notNull())
    .addColumn('term_max', 'integer', (c) => c.notNull())
    .addColumn('amount_min', 'text')
    .addColumn('amount_max', 'text')
    .addColumn('currency', 'text')
    .addColumn('fees', 'text', (c) => c.notNull())
    .addColumn('day_count', 'text', (c) => c.notNull())
    .addColumn('profile', 'text')
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('loan_products_pk', ['portal_id', 'id'])
    .execute();

  await db.schema
    .createTable('loans')
    .addColumn('portal_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('deal_id', 'integer', (c) => c.notNull())
    .addColumn('product_id', 'text')
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('principal', 'text', (c) => c.notNull())
    .addColumn('terms', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('current_schedule_version', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('loans_pk', ['portal_id', 'id'])
    .addUniqueConstraint('loans_portal_deal_uq', ['portal_id', 'deal_id'])
    .execute();

  await db.schema
    .createTable('schedule_versions')
    .addColumn('portal_id', 'text', (c) => c.notNull())
    .addColumn('loan_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('terms', 'text', (c) => c.notNull())
    .addColumn('installment_amount', 'text', (c) => c.notNull())
    .addColumn('rows', 'text', (c) => c.notNull())
    .addColumn('totals', 'text', (c) => c.notNull())
    .addColumn('effective_rates', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('schedule_versions_pk', ['portal_id', 'loan_id', 'version'])
    .execute();

  await db.schema
    .createTable('ledger_entries')
    .addColumn('portal_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('loan_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('amount', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('value_date', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('reverses_id', 'text')
    .addColumn('reason_code', 'text')
    .addColumn('method', 'text')
    .addColumn('reference', 'text')
    .addColumn('allocation', 'text')
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('ledger_entries_pk', ['portal_id', 'id'])
    // Idempotency: the caller's id for a movement is unique per loan.
    .addUniqueConstraint('ledger_entries_external_uq', ['portal_id', 'loan_id', 'external_id'])
    // An entry can be reversed once.
    .addUniqueConstraint('ledger_entries_reverses_uq', ['portal_id', 'reverses_id'])
    .execute();
  await db.schema.createIndex('ledger_entries_loan_idx').on('ledger_entries').columns(['portal_id', 'loan_id', 'value_date']).execute();

  await db.schema
    .createTable('portal_items')
    .addColumn('portal_id', 'text', (c) => c.notNull())
    .addColumn('loan_id', 'text', (c) => c.notNull())
    .addColumn('installment', 'integer', (c) => c.notNull())
    .addColumn('entity_type_id', 'integer', (c) => c.notNull())
    .addColumn('item_id', 'integer', (c) => c.notNull())
    .addColumn('fields_hash', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('portal_items_pk', ['portal_id', 'loan_id', 'installment'])
    .execute();

  await db.schema
    .createTable('loan_sync_state')
    .addColumn('portal_id', 'text', (c) => c.notNull())
    .addColumn('loan_id', 'text', (c) => c.notNull())
    // Set (committed) before a batch that creates items is sent, cleared once their ids are stored:
    // if it is still set when the next sync starts, a write may have been lost and we reconcile.
    .addColumn('adds_in_flight', 'integer', (c) => c.notNull())
    .addColumn('lease_until', 'text')
    .addColumn('deal_fields_hash', 'text')
    .addColumn('last_synced_at', 'text')
    .addColumn('last_error', 'text')
    .addPrimaryKeyConstraint('loan_sync_state_pk', ['portal_id', 'loan_id'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['loan_sync_state', 'portal_items', 'ledger_entries', 'schedule_versions', 'loans', 'loan_products']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
